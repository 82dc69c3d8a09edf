"""The home page of a document that is not a report: the text of an adopted resolution or
of a draft resolution, framed by the document's facts (the text itself is rendered by
``draft_page``, like a draft resolution of a report), or a document of amendments — each
amendment with what it does and where, the draft it amends, its sponsors and notes."""

from __future__ import annotations

from unreport import addresses
from unreport.addresses import slug
from unreport.mandates.clauses import MandateLayer
from unreport.model import Adoption, Amendment, Report
from unreport.references.layer import ReferenceLayer, home_label, text_citation, text_name
from unreport.site.draft_page import Framing, resolution_page
from unreport.site.markdown_text import attribute, boxed_table, escape, escape_block
from unreport.site.paragraphs import Page, inline, notes_section, paragraph
from unreport.site.search_entries import OWN_ENTRIES, SearchEntry, SearchPage
from unreport.text.dates import long_date
from unreport.text.numbers import ordinal
from unreport.text.typography import curly_quotes

ACTIONS = {"insert": "Insertion", "delete": "Deletion", "replace": "Replacement",
           "add": "Addition", "other": "Amendment"}
"""What an amendment's label calls its action (``Amendment.action``)."""
HEADING_IDS = {"resolution": "resolution", "draft": "draft-resolution"}
"""The id of the home page's ``h1`` for the text of a resolution or a draft."""
_PARTS = {"pp": "preambular paragraph", "op": "operative paragraph"}


def adoption_phrase(adoption: Adoption) -> str:
    """``19 December 2023, at the 50th plenary meeting, on the report of the Third Committee
    ([A/78/482](…), para. 29)``: when, where and on what basis, the symbol linked."""
    basis = escape(curly_quotes(adoption.basis))
    if not basis and adoption.committee:
        basis = f"on the report of the {escape(adoption.committee)}"
        if adoption.report:
            paragraph_part = (f", para. {adoption.report_paragraph}"
                              if adoption.report_paragraph else "")
            basis += f" ({escape(str(adoption.report))}{paragraph_part})"
    if adoption.report and escape(str(adoption.report)) in basis:
        shown = escape(str(adoption.report))
        basis = basis.replace(shown, f"[{shown}]({adoption.report.url})", 1)
    when = long_date(adoption.date) if adoption.date else ""
    meeting = f"at the {ordinal(adoption.meeting)} plenary meeting" if adoption.meeting else ""
    return ", ".join(part for part in (when, meeting, basis) if part) or "not stated"


def sponsor_links(names: tuple[str, ...]) -> str:
    """The States, each linked to its entry on the sponsors page (from the home page)."""
    return ", ".join(f"[{escape(curly_quotes(name))}]({addresses.SPONSORS}#{slug(name)})"
                     for name in names) or "none named"


def facts_table(report: Report, json_name: str) -> str:
    """The document's facts: symbol, date, session, agenda item, committee; how a resolution
    was adopted, what amendments amend, who sponsored a draft; where its data is."""
    agenda = str(report.agenda_item or "not given")
    if report.title:
        agenda += f": {escape(curly_quotes(report.title))}"
    rows = [f"| Symbol | [{escape(str(report.symbol))}]({report.symbol.url}) (official PDF) |",
            "|---|---|",
            f"| Date | {long_date(report.date)} |",
            f"| Session | {report.session or 'not given'} |",
            f"| Agenda item | {agenda} |"]
    if report.committee:
        rows.append(f"| Committee | {escape(report.committee)} |")
    if report.adoption:
        rows.append(f"| Adopted | {adoption_phrase(report.adoption)} |")
    if report.amends:
        rows.append(f"| Amends | [{escape(str(report.amends))}]({report.amends.url}) "
                    "(official PDF) |")
    if report.kind != "resolution":
        rows.append(f"| Sponsors | {sponsor_links(report.sponsors)} |")
    rows.append(f"| Data | [{json_name}]({json_name}) (every paragraph, note and citation as "
                f"JSON); Akoma Ntoso XML and CSV tables: [Data]({addresses.DATA}) |")
    return "\n".join(boxed_table(rows)) + "\n"


def document_page(report: Report, json_name: str, layer: ReferenceLayer,
                  mandates: MandateLayer) -> tuple[str, tuple[SearchEntry, ...]]:
    """The home page of a resolution or draft document: its name, its facts, then its text
    as ``draft_page`` renders every text; and its search entries."""
    text = report.resolutions[0]
    framing = Framing(text_name(report, text), HEADING_IDS.get(report.kind, "text"),
                      text_citation(report, text), (facts_table(report, json_name),))
    return resolution_page(report, text, layer, mandates, framing)


def target_phrase(anchor: str | None) -> str:
    """The part of the amended draft an amendment acts on, named from its anchor:
    ``op-6-a`` → ``operative paragraph 6 (a)``; the draft itself when not said."""
    if not anchor:
        return "the draft"
    part, *steps = anchor.split("-")
    if part not in _PARTS or not steps:
        return anchor
    return f"{_PARTS[part]} {steps[0]}" + "".join(f" ({step})" for step in steps[1:])


def _amendment(report: Report, amendment: Amendment, page: Page) -> list[str]:
    """One amendment as a paragraph with its number, anchor and citation; then what it
    does and where, outside the paragraph (which keeps exactly the document's words)."""
    text = curly_quotes(amendment.text)  # once: ``inline`` then finds no straight quote left
    body = inline(text, amendment.notes, page.defined, links=page.links(amendment.anchor))
    page.search.paragraph(amendment.anchor, text)
    name = f"amendment {amendment.number}"
    parts = [paragraph(f"{amendment.number}.", amendment.anchor, body,
                       f"{report.symbol}, {name}", ".unr-op .unr-amendment", name)]
    draft = (f"[{escape(str(report.amends))}]({report.amends.url})" if report.amends
             else "the draft")
    action = ACTIONS.get(amendment.action, ACTIONS["other"])
    where = target_phrase(amendment.target)
    where = f"{where} of {draft}" if amendment.target else draft
    parts.append(f"{action} · {where}\n{{: .unr-mandate .unr-search-exclude }}\n")
    return parts


def amendments_page(report: Report, json_name: str, layer: ReferenceLayer
                    ) -> tuple[str, tuple[SearchEntry, ...]]:
    """The home page of a document of amendments: its facts, each amendment (anchor
    ``amendment-N``) with its action and the amended draft linked, then its notes."""
    page = Page(addresses.HOME, frozenset(n.number for n in report.notes), layer,
                SearchPage(addresses.HOME, home_label(report)))
    heading = f"Amendments to {report.amends}" if report.amends else "Amendments"
    parts = ["---", f"title: {attribute(str(report.symbol))}", OWN_ENTRIES, "---", "",
             page.section(f"# {escape(heading)} {{#amendments}}", "amendments"), "",
             page.text(facts_table(report, json_name)), ""]
    if report.amends_title:  # the amended draft's title, as the masthead gives it
        parts += [page.text(f"{escape_block(curly_quotes(report.amends_title))}\n"
                            "{: .unr-dr-title }"), ""]
    if report.amendments:
        parts.append(page.section("## The amendments {#amendment-list .unr-part}\n",
                                  "amendment-list"))
    for amendment in report.amendments:
        parts.extend(_amendment(report, amendment, page))
    parts.append(notes_section(report.notes, page, str(report.symbol)))
    return "\n".join(parts), page.search.entries()
