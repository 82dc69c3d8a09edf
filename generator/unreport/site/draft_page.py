"""The page of one text: a draft resolution of a report — its title, how the Committee
adopted it and who sponsored it — or the text of a resolution or draft document, framed
by its facts (``document_page``); then "The General Assembly,", the preambular and
operative paragraphs with their sub-paragraphs and mandate labels, the annexes and the
notes. One renderer for both: a :class:`Framing` says what differs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from unreport import addresses
from unreport.addresses import slug
from unreport.mandates.clauses import MandateLayer
from unreport.model import Annex, DraftResolution, Operative, Proposal, Report
from unreport.references.layer import (
    ReferenceLayer,
    annex_place,
    entry_anchor,
    text_citation,
    text_name,
)
from unreport.site.mandates_page import mandate_label
from unreport.site.markdown_text import attribute, escape, escape_block
from unreport.site.paragraphs import Page, inline, notes_section, paragraph, sub_paragraphs
from unreport.site.search_entries import OWN_ENTRIES, SearchEntry, SearchPage
from unreport.text.dates import long_date
from unreport.text.numbers import ordinal
from unreport.text.typography import curly_quotes


def _state_links(names: Iterable[str], prefix: str) -> str:
    return ", ".join(f"[{escape(curly_quotes(n))}]({prefix}{addresses.SPONSORS}#{slug(n)})"
                     for n in names) or "none"


def meeting_phrase(proposal: Proposal, number: int | None) -> str:
    """``50th meeting, on 15 November 2022`` for a meeting of ``proposal``."""
    if number is None:
        return ""
    meeting = next((m for m in proposal.meetings if m.number == number), None)
    date = f", on {long_date(meeting.date)}" if meeting and meeting.date else ""
    return f"{ordinal(number)} meeting{date}"


def facts_box(report: Report, proposal: Proposal | None) -> str:
    """How the draft was adopted and who sponsored it."""
    if proposal is None:
        return ("!!! warning \"Not found in the report\"\n\n    The report’s section II does "
                "not say how this draft was handled.\n")
    when = meeting_phrase(proposal, proposal.adopted_at)
    where = (f"[report, paragraphs {proposal.paragraphs[0]}–{proposal.paragraphs[-1]}]"
             f"(../{addresses.HOME}#section-ii-{proposal.letter.lower()})")
    vote = (f", recorded vote {proposal.vote.yes}–{proposal.vote.no}–{proposal.vote.abstain}"
            if proposal.vote else "")
    rows = [f"| Draft | [{escape(str(proposal.draft_symbol))}]({proposal.draft_symbol.url}) |",
            "|---|---|",
            f"| Action | {'Adopted' if proposal.adopted else 'Not adopted'} by the "
            f"{escape(report.committee)}{' at its ' + when if when else ''}{vote} ({where}) |"]
    if proposal.recommended_by:
        rows.append(f"| Recommended by | {escape(proposal.recommended_by)} "
                    f"({escape(proposal.recommendation or '')}) |")
    if proposal.sponsors.original and len(proposal.sponsors.original) > 1:
        submitted = f"the {len(proposal.sponsors.original)} original sponsors listed below"
    elif proposal.sponsors.original:
        submitted = _state_links(proposal.submitted_by, "../")
    else:
        submitted = (", ".join(escape(curly_quotes(n)) for n in proposal.submitted_by)
                     or "not stated")
    if proposal.on_behalf_of:
        submitted += f", on behalf of the {escape(curly_quotes(proposal.on_behalf_of))}"
    rows += [f"| Submitted by | {submitted} |", f"| Sponsors | {proposal.sponsors.count} |"]
    lines = ["!!! info \"How the Committee adopted it\"", ""] + [f"    {row}" for row in rows]
    groups = (("Original sponsors", proposal.sponsors.original),
              ("Joined in sponsoring subsequently", proposal.sponsors.subsequent),
              ("Joined in sponsoring at the meeting", proposal.sponsors.at_meeting))
    for title, names in groups:
        if names:
            lines += ["", f"    **{title} ({len(names)}):** {_state_links(names, '../')}"]
    if proposal.statements:
        said = "; ".join(f"{escape(curly_quotes(s.speaker))} ({s.timing} adoption)"
                         for s in proposal.statements)
        lines += ["", f"    **Statements:** {said}"]
    return "\n".join(lines) + "\n"


def cites_box(page: Page) -> str:
    """A short, collapsed list of what the text cites, linked to the references page."""
    seen: dict[tuple[str, str], int] = {}
    for citation in page.layer.on_page(page.path):
        ref = citation.reference
        if ref.kind != "internal":
            seen[(ref.kind, ref.id)] = seen.get((ref.kind, ref.id), 0) + 1
    if not seen:
        return ""
    references = addresses.relative(addresses.REFERENCES, page.path)
    items = ", ".join(f"[{escape(identifier)}]"
                      f"({references}#{entry_anchor(kind, identifier)})"
                      for kind, identifier in seen)
    return (f"??? abstract unr-search-exclude unr-cites \"Cites {len(seen)} resolutions, "
            "documents and treaties\"\n\n"
            f"    {items}\n")


PREAMBLE_HEADING = "## Preamble {#preamble .unr-part}\n"
OPERATIVE_HEADING = "## Operative part {#operative .unr-part}\n"
"""Headings of a draft's two parts, which the printed text leaves unnamed: they give
the page's table of contents somewhere to lead (``site_overrides/partials/toc.html``
adds a grid of the operative paragraphs under the second one)."""


@dataclass(frozen=True)
class Framing:
    """What stands around a text on its page: all that differs between a draft resolution
    of a report and the own text of a resolution or draft document."""

    name: str
    """What the page calls the text (``text_name``): its title, its ``h1``, and how search
    results name its paragraphs — ``Draft resolution V``, ``Resolution 78/229``."""
    anchor: str
    """The ``h1``'s id: ``draft-resolution-v``, ``resolution``."""
    citation: str
    """How citations of its paragraphs begin (``text_citation``): ``A/77/464, draft
    resolution V``, ``A/RES/78/229``."""
    above_title: tuple[str, ...] = ()
    """Markdown blocks between the ``h1`` and the title: the report the draft stands in,
    or the document's facts."""
    below_title: tuple[str, ...] = ()
    """Markdown blocks after the title: how the Committee adopted the draft."""


def report_framing(report: Report, resolution: DraftResolution) -> Framing:
    """The framing of a draft resolution of a report: a line naming the report, and how
    the Committee adopted the draft and who sponsored it."""
    path = addresses.draft_page(resolution.slug)
    source = (f"[{escape(str(report.symbol))}]({addresses.relative(addresses.HOME, path)}) "
              f"· Report of the {escape(report.committee)}\n{{: .unr-source }}")
    return Framing(text_name(report, resolution), f"draft-resolution-{resolution.slug}",
                   text_citation(report, resolution), (source,),
                   (facts_box(report, report.proposal_for(resolution.number)),))


def resolution_page(report: Report, resolution: DraftResolution, layer: ReferenceLayer,
                    mandates: MandateLayer | None = None, framing: Framing | None = None
                    ) -> tuple[str, tuple[SearchEntry, ...]]:
    """The page of one text, and its search entries: a draft resolution of the report, or,
    with its ``framing``, the text of a resolution or draft document (its home page)."""
    framing = framing or report_framing(report, resolution)
    labels = {m.anchor: mandate_label(m)
              for m in (mandates.in_resolution(resolution.number) if mandates else ())
              if m.page == resolution.page}
    path = addresses.draft_page(resolution.slug)
    page = Page(path, frozenset(n.number for n in resolution.notes), layer,
                SearchPage(path, framing.name), labels)
    cite = framing.citation
    parts = [
        "---", f"title: {attribute(framing.name)}", OWN_ENTRIES,
        f"operative: [{', '.join(op.anchor for op in resolution.operative)}]", "---", "",
        page.section(f"# {escape(framing.name)} {{#{framing.anchor}}}", framing.anchor), "",
    ]
    for block in framing.above_title:
        parts += [page.text(block), ""]
    parts += [page.text(f"{escape_block(curly_quotes(resolution.title))}\n{{: .unr-dr-title }}"),
              ""]
    parts += [page.text(block) for block in framing.below_title]
    parts += [
        cites_box(page),  # what the paragraphs cite: their entries have it
        page.section(PREAMBLE_HEADING, "preamble"),
        page.text("*The General Assembly,*\n{: .unr-assembly }"), "",
    ]
    for pp in resolution.preambular:
        text = curly_quotes(pp.text)  # once: ``inline`` then finds no straight quote left
        body = inline(text, pp.notes, page.defined, italic_opening=True,
                      links=page.links(pp.anchor))
        page.search.paragraph(pp.anchor, text)
        parts.append(paragraph(f"PP {pp.number}", pp.anchor, body,
                               f"{cite}, preambular paragraph {pp.number}", ".unr-pp",
                               f"preambular paragraph {pp.number}"))
    if resolution.operative:
        parts.append(page.section(OPERATIVE_HEADING, "operative"))
    for op in resolution.operative:
        parts.extend(_operative(op, page, cite, f"operative paragraph {op.number}"))
    for annex in resolution.annexes:
        parts.extend(_annex(annex, page, cite))
    parts.append(notes_section(resolution.notes, page, cite))
    return "\n".join(parts), page.search.entries()


def _operative(op: Operative, page: Page, scope: str, name: str) -> list[str]:
    text = curly_quotes(op.text)  # once: ``inline`` then finds no straight quote left
    body = inline(text, op.notes, page.defined, italic_opening=True,
                  links=page.links(op.anchor))
    page.search.paragraph(op.anchor, text)
    cite = f"{scope}, {name}"
    parts = [paragraph(f"{op.number}.", op.anchor, body, cite, ".unr-op", name)]
    if page.labels.get(op.anchor):
        parts.append(page.labels[op.anchor])
    for sub in op.subparagraphs:
        parts.extend(sub_paragraphs(sub, page, cite, name=name))
    return parts


def _annex(annex: Annex, page: Page, scope: str) -> list[str]:
    """An annex: its heading (id: the annex's anchor), its title, then its blocks — headings
    as headings, numbered paragraphs, lettered items and other text as paragraphs, each
    with its anchor and citation (``A/RES/78/229, annex, paragraph 3``)."""
    heading = f"Annex {annex.number}" if annex.number else "Annex"
    parts = [page.section(f"## {escape(heading)} {{#{annex.anchor} .unr-part}}\n", annex.anchor)]
    # The parser may give the title's lines as the annex's first headings too: shown once.
    first = annex.blocks[0] if annex.blocks else None
    if annex.title and not (first and first.kind == "heading"
                            and annex.title.startswith(first.text)):
        parts += [page.text(f"{escape_block(curly_quotes(annex.title))}\n"
                            "{: .unr-dr-title .unr-annex-title }"), ""]
    for block in annex.blocks:
        text = curly_quotes(block.text)  # once: ``inline`` then finds no straight quote left
        body = inline(text, block.notes, page.defined, links=page.links(block.anchor))
        title = f"{page.search.label}, {annex_place(annex, block)}"
        if block.kind == "heading":  # a heading of the page, found by search at its anchor
            label = f"{escape(block.label)}. " if block.label else ""
            parts.append(page.section(f"### {label}{body} {{#{block.anchor}}}\n", block.anchor))
            page.search.paragraph(block.anchor, f"{block.label}. {text}" if block.label else text,
                                  title)
            continue
        name = annex_place(annex, block, short=False)
        page.search.paragraph(block.anchor, text, title)
        if block.kind == "paragraph":
            number, classes = f"{block.label}." if block.label else "", ".unr-op .unr-annex"
        elif block.kind == "item":
            depth = max(1, block.anchor.count("-") - annex.anchor.count("-") - 2)
            number = f"({block.label})" if block.label else ""
            classes = f".unr-sub .unr-sub-{min(depth, 3)} .unr-annex"
        else:
            number, classes = "", ".unr-annex .unr-annex-text"
        parts.append(paragraph(number, block.anchor, body, f"{scope}, {name}", classes, name))
    return parts
