"""The home page: the report itself — masthead facts, the table of draft resolutions,
sections I–III with the report's numbered paragraphs, and its notes."""

from __future__ import annotations

from unreport import addresses
from unreport.model import Report, ReportParagraph
from unreport.references.layer import ReferenceLayer
from unreport.site.decision_page import decisions_list
from unreport.site.draft_page import meeting_phrase
from unreport.site.markdown_text import attribute, boxed_table, escape, escape_block
from unreport.site.paragraphs import Page, inline, notes_section, paragraph, sub_paragraphs
from unreport.site.search_entries import OWN_ENTRIES, SearchEntry, SearchPage
from unreport.site.votes import counts
from unreport.text.dates import long_date
from unreport.text.typography import curly_quotes


def _report_paragraph(report: Report, para: ReportParagraph, page: Page) -> list[str]:
    cite = f"{report.symbol}, paragraph {para.number}"
    text = curly_quotes(para.text)  # once: ``inline`` then finds no straight quote left
    body = inline(text, para.notes, page.defined, links=page.links(para.anchor))
    page.search.paragraph(para.anchor, text)
    name = f"paragraph {para.number}"
    parts = [paragraph(f"{para.number}.", para.anchor, body, cite, ".unr-report", name)]
    for item in para.items:
        parts.extend(sub_paragraphs(item, page, cite, name=name))
    return parts


def _resolution_table(report: Report) -> str:
    """The drafts table, in a box the stylesheet turns into one card per draft on phones."""
    lines = ["| No. | Title | Draft | Adopted | Sponsors |", "|---|---|---|---|--:|"]
    for resolution in report.resolutions:
        proposal = report.proposal_for(resolution.number)
        draft = (f"[{escape(str(proposal.draft_symbol))}]({proposal.draft_symbol.url})"
                 if proposal else "")
        meeting = meeting_phrase(proposal, proposal.adopted_at) if proposal else ""
        if proposal and proposal.vote:  # adopted without a vote: the meeting alone
            meeting += f" ({counts(proposal.vote)})" if meeting else counts(proposal.vote)
        # A count is a number everywhere, 0 included (drafts the Chair submitted for
        # another body have none); "—" only where the report says nothing at all.
        sponsors = str(proposal.sponsors.count) if proposal else "—"
        page = addresses.draft_page(resolution.slug)
        lines.append(f"| [{resolution.number}]({page}) | "
                     f"[{escape(curly_quotes(resolution.title))}]({page}) | "
                     f"{draft} | {meeting} | {sponsors} |")
    return "\n".join(boxed_table(lines, "unr-drafts")) + "\n"


def agenda_item(report: Report) -> str:
    """``68 (b)``, ``109``, or ``not given``; a report issued in parts says which part."""
    if report.agenda_item is None:
        return "not given"
    item = str(report.agenda_item) + (f" ({report.agenda_sub_item})"
                                      if report.agenda_sub_item else "")
    return item + (f"; this report is its {escape(report.part)}" if report.part else "")


def _masthead(report: Report, json_name: str, page: Page) -> list[str]:
    rapporteur = (f"{escape(report.rapporteur.name)} ({escape(report.rapporteur.country)})"
                  if report.rapporteur else "not named")
    facts = [
        f"| Symbol | [{escape(str(report.symbol))}]({report.symbol.url}) (official PDF) |",
        "|---|---|",
        f"| Date | {long_date(report.date)} |",
        f"| Session | {report.session or 'not given'} |",
        f"| Agenda item | {agenda_item(report)} |",
        f"| Committee | {escape(report.committee)} |",
        f"| Rapporteur | {rapporteur} |",
        f"| Data | [{json_name}]({json_name}) (every paragraph, note and sponsor as JSON); "
        f"Akoma Ntoso XML and CSV tables: [Data]({addresses.DATA}) |",
    ]
    return ["---", f"title: {attribute(str(report.symbol))}", OWN_ENTRIES, "---", "",
            page.section(f"# {escape_block(curly_quotes(report.title))} {{#report}}", "report"),
            "", page.text(f"**Report of the {escape(report.committee)}**\n{{: .unr-subtitle }}"),
            "", *(page.text(line) for line in boxed_table(facts)), "",
            *_resolutions(report, page), *_decisions(report, page)]


def _resolutions(report: Report, page: Page) -> list[str]:
    """The draft resolutions' table (none in a report that recommends draft decisions only)."""
    if not report.resolutions:
        return []
    return [page.section("## Draft resolutions {#draft-resolutions}", "draft-resolutions"), "",
            page.text(_resolution_table(report))]


def _decisions(report: Report, page: Page) -> list[str]:
    """The draft decisions, after the draft resolutions (none for most reports)."""
    if not report.decisions:
        return []
    return [page.section("## Draft decisions {#draft-decisions}", "draft-decisions"), "",
            page.text(decisions_list(report))]


def home_page(report: Report, json_name: str, layer: ReferenceLayer
              ) -> tuple[str, tuple[SearchEntry, ...]]:
    """The report itself: masthead facts, the draft resolutions, paragraphs 1–N, notes;
    and its search entries."""
    page = Page(addresses.HOME, frozenset(n.number for n in report.notes), layer,
                SearchPage(addresses.HOME, "Report"))
    parts = _masthead(report, json_name, page)
    for section in report.sections:
        heading = f"{escape(section.number)}. {escape(curly_quotes(section.title))}"
        parts.append(page.section(f"## {heading} {{#{section.anchor}}}\n", section.anchor))
        subsection = None
        for para in (p for p in report.paragraphs if p.section == section.number):
            if para.subsection != subsection:
                if subsection is not None:
                    parts.append(page.text(_subsection_footer(report, subsection)))
                subsection = para.subsection
                if subsection is not None:
                    title = next(s.title for s in section.subsections if s.letter == subsection)
                    anchor = f"{section.anchor}-{subsection.lower()}"
                    parts.append(page.section(f"### {escape(subsection)}. "
                                              f"{escape(curly_quotes(title))} {{#{anchor}}}\n",
                                              anchor))
            parts.extend(_report_paragraph(report, para, page))
        if subsection is not None:
            parts.append(page.text(_subsection_footer(report, subsection)))
        if section is report.sections[-1] and (report.resolutions or report.decisions):
            parts.append(page.text("".join(
                f"- [Draft resolution {r.number}: {escape(curly_quotes(r.title))}]"
                f"({addresses.draft_page(r.slug)})\n" for r in report.resolutions)
                + decisions_list(report)))
    parts.append(notes_section(report.notes, page, str(report.symbol)))
    return "\n".join(parts), page.search.entries()


def _subsection_footer(report: Report, letter: str) -> str:
    proposal = next((p for p in report.proposals if p.letter == letter), None)
    draft = report.find_resolution(proposal.draft_resolution or "") if proposal else None
    if draft is None:
        return ""
    return (f"[Read draft resolution {draft.number} →]"
            f"({addresses.draft_page(draft.slug)}){{.md-button .unr-to-draft}}\n")
