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
from unreport.model import DraftResolution, Operative, Preambular, Proposal, Report
from unreport.references.layer import ReferenceLayer, entry_anchor, text_citation, text_name
from unreport.site.annexes import annex_section
from unreport.site.mandates_page import mandate_label
from unreport.site.markdown_text import attribute, escape, escape_block
from unreport.site.paragraphs import Page, inline, notes_section, paragraph, sub_paragraphs
from unreport.site.search_entries import OWN_ENTRIES, SearchEntry, SearchPage
from unreport.site.votes import OUTCOMES, counts, fact_rows, paragraph_labels, vote_lists
from unreport.text.dates import long_date
from unreport.text.numbers import ordinal
from unreport.text.parts import (
    grid_anchors,
    operative_name,
    operative_short,
    part_labels,
    text_parts,
)
from unreport.text.states import is_state
from unreport.text.typography import curly_quotes


def _state_links(names: Iterable[str], prefix: str) -> str:
    return ", ".join(f"[{escape(curly_quotes(n))}]({prefix}{addresses.SPONSORS}#{slug(n)})"
                     for n in names) or "none"


def _speaker(name: str) -> str:
    """A State that spoke, linked to its entry on the sponsors page; an officer as named."""
    return _state_links((name,), "../") if is_state(name) else escape(curly_quotes(name))


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
    vote = f", {counts(proposal.vote)}" if proposal.vote else ""
    action = OUTCOMES.get(proposal.outcome, "Adopted" if proposal.adopted else "Not adopted")
    by = (f" by the {escape(report.committee)}"
          if proposal.outcome in ("adopted", "rejected", "") else "")
    rows = [f"| Draft | [{escape(str(proposal.draft_symbol))}]({proposal.draft_symbol.url}) |",
            "|---|---|",
            f"| Action | {action}{by}{' at its ' + when if when else ''}{vote} ({where}) |"]
    rows += fact_rows(proposal)
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
        said = "; ".join(f"{_speaker(s.speaker)} ({s.timing} adoption)"
                         for s in proposal.statements)
        lines += ["", f"    **Statements:** {said}"]
    lines += vote_lists(report, proposal)
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
    what = ("resolutions, documents and treaties" if len(seen) > 1
            else "resolution, document or treaty")
    return (f"??? abstract unr-search-exclude unr-cites \"Cites {len(seen)} {what}\"\n\n"
            f"    {items}\n")


PREAMBLE_HEADING = "## Preamble {#preamble .unr-part}\n"
OPERATIVE_HEADING = "## Operative part {#operative .unr-part}\n"
"""Headings of a draft's two parts, which the printed text leaves unnamed: they give
the page's table of contents somewhere to lead (``site_overrides/partials/toc.html``
adds a grid of the operative paragraphs under the second one). A text with headed parts
of its own has their headings instead."""


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
    if report.kind == "report":  # a paragraph retained by a separate vote says so
        for anchor, label in paragraph_labels(report.proposal_for(resolution.number)).items():
            labels[anchor] = f"{labels[anchor]}\n{label}" if labels.get(anchor) else label
    path = addresses.draft_page(resolution.slug)
    page = Page(path, frozenset(n.number for n in resolution.notes), layer,
                SearchPage(path, framing.name), labels)
    grid = grid_anchors(resolution)
    parts = ["---", f"title: {attribute(framing.name)}", OWN_ENTRIES,
             *([f"operative: [{', '.join(grid)}]"] if grid else []), "---", "",
             page.section(f"# {escape(framing.name)} {{#{framing.anchor}}}", framing.anchor), ""]
    for block in framing.above_title:
        parts += [page.text(block), ""]
    parts += [page.text(f"{escape_block(curly_quotes(resolution.title))}\n{{: .unr-dr-title }}"),
              ""]
    parts += [page.text(block) for block in framing.below_title]
    parts.append(cites_box(page))  # what the paragraphs cite: their entries have it
    parts += _text(resolution, page, framing.citation)
    for annex in resolution.annexes:
        parts.extend(annex_section(annex, page, framing.citation))
    parts.append(notes_section(resolution.notes, page, framing.citation))
    return "\n".join(parts), page.search.entries()


def _text(resolution: DraftResolution, page: Page, cite: str) -> list[str]:
    """"The General Assembly,", then the preambular and operative paragraphs: under the
    headings "Preamble" and "Operative part", or, in a text with parts, part by part, each
    part's heading (``## II. Activities of … {#part-ii}``; a sub-part's one level down)
    followed by its preambular then its operative paragraphs."""
    names = part_labels(resolution)
    groups = text_parts(resolution)
    parts = [] if resolution.parts else [page.section(PREAMBLE_HEADING, "preamble")]
    parts += [page.text("*The General Assembly,*\n{: .unr-assembly }"), ""]
    for group in groups:
        if group.part is not None:  # its heading, and its words found by search there
            level = "###" if group.parent else "##"
            title = curly_quotes(group.part.title)
            heading = f"{group.part.label}. {title}" if title else group.part.label
            parts.append(page.section(f"{level} {escape(heading)} "
                                      f"{{#{group.part.anchor} .unr-text-part}}\n",
                                      group.part.anchor))
            page.search.paragraph(group.part.anchor, heading,
                                  f"{page.search.label}, {group.label}")
        for pp in group.preambular:
            parts.append(_preambular(pp, page, cite))
        if group.part is None and not resolution.parts and group.operative:
            parts.append(page.section(OPERATIVE_HEADING, "operative"))
        for op in group.operative:
            parts.extend(_operative(op, page, cite, names))
    return parts


def _preambular(pp: Preambular, page: Page, cite: str) -> str:
    text = curly_quotes(pp.text)  # once: ``inline`` then finds no straight quote left
    body = inline(text, pp.notes, page.defined, italic_opening=True, italic=pp.italic,
                  links=page.links(pp.anchor))
    page.search.paragraph(pp.anchor, text)
    name = f"preambular paragraph {pp.number}"
    out = paragraph(f"PP {pp.number}", pp.anchor, body, f"{cite}, {name}", ".unr-pp", name)
    label = page.labels.get(pp.anchor)
    return f"{out}\n{label}" if label else out


def _operative(op: Operative, page: Page, scope: str, parts: dict[str, str]) -> list[str]:
    """An operative paragraph, its mandate label and its sub-paragraphs; named in its part,
    and without a number where the text prints none (``text_parts``)."""
    text = curly_quotes(op.text)  # once: ``inline`` then finds no straight quote left
    body = inline(text, op.notes, page.defined, italic_opening=True, italic=op.italic,
                  links=page.links(op.anchor))
    title = f"{page.search.label}, {operative_short(op, parts)}"
    page.search.paragraph(op.anchor, text, title)
    name = operative_name(op, parts)
    cite = f"{scope}, {name}"
    number = f"{op.number}." if op.printed else ""
    classes = ".unr-op" if op.printed else ".unr-op .unr-unnumbered"
    out = [paragraph(number, op.anchor, body, cite, classes, name)]
    if page.labels.get(op.anchor):
        out.append(page.labels[op.anchor])
    for sub in op.subparagraphs:
        out.extend(sub_paragraphs(sub, page, cite, name=name, title=title))
    return out
