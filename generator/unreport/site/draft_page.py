"""The page of one draft resolution: its title, how the Committee adopted it and who
sponsored it, "The General Assembly,", the preambular and operative paragraphs with
their sub-paragraphs and mandate labels, and its notes."""

from __future__ import annotations

from collections.abc import Iterable

from unreport import addresses
from unreport.addresses import slug
from unreport.mandates.clauses import MandateLayer
from unreport.model import DraftResolution, Operative, Proposal, Report
from unreport.references.layer import ReferenceLayer, entry_anchor
from unreport.site.mandates_page import mandate_label
from unreport.site.markdown_text import escape, escape_block
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
    """A short, collapsed list of what the draft cites, linked to the references page."""
    seen: dict[tuple[str, str], int] = {}
    for citation in page.layer.on_page(page.path):
        ref = citation.reference
        if ref.kind != "internal":
            seen[(ref.kind, ref.id)] = seen.get((ref.kind, ref.id), 0) + 1
    if not seen:
        return ""
    items = ", ".join(f"[{escape(identifier)}]"
                      f"(../{addresses.REFERENCES}#{entry_anchor(kind, identifier)})"
                      for kind, identifier in seen)
    return (f"??? abstract unr-search-exclude unr-cites \"Cites {len(seen)} resolutions, "
            "documents and treaties\"\n\n"
            f"    {items}\n")


PREAMBLE_HEADING = "## Preamble {#preamble .unr-part}\n"
OPERATIVE_HEADING = "## Operative part {#operative .unr-part}\n"
"""Headings of a draft's two parts, which the printed text leaves unnamed: they give
the page's table of contents somewhere to lead (``site_overrides/partials/toc.html``
adds a grid of the operative paragraphs under the second one)."""


def resolution_page(report: Report, resolution: DraftResolution, layer: ReferenceLayer,
                    mandates: MandateLayer | None = None
                    ) -> tuple[str, tuple[SearchEntry, ...]]:
    """The page of one draft resolution, and its search entries."""
    labels = {m.anchor: mandate_label(m)
              for m in (mandates.in_resolution(resolution.number) if mandates else ())
              if m.page == resolution.page}
    path = addresses.draft_page(resolution.slug)
    page = Page(path, frozenset(n.number for n in resolution.notes), layer,
                SearchPage(path, f"Draft resolution {resolution.number}"), labels)
    cite = f"{report.symbol}, draft resolution {resolution.number}"
    heading = f"draft-resolution-{resolution.slug}"
    parts = [
        "---", f"title: Draft resolution {resolution.number}", OWN_ENTRIES,
        f"operative: [{', '.join(op.anchor for op in resolution.operative)}]", "---", "",
        page.section(f"# Draft resolution {resolution.number} {{#{heading}}}", heading), "",
        page.text(f"[{escape(str(report.symbol))}]({addresses.relative(addresses.HOME, path)}) "
                  f"· Report of the {escape(report.committee)}\n{{: .unr-source }}"), "",
        page.text(f"{escape_block(curly_quotes(resolution.title))}\n{{: .unr-dr-title }}"), "",
        page.text(facts_box(report, report.proposal_for(resolution.number))),
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
