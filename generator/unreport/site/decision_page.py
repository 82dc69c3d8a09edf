"""The page of one draft decision of a report: the report it stands in, its title, its
text ("The General Assembly takes note of the following documents:") with the lettered
items, and its notes. Its paragraphs are anchored ``para-N`` and their items ``para-N-a``,
as a decision prints no numbers; a citation names them "paragraph 1 (a)"."""

from __future__ import annotations

from unreport import addresses
from unreport.model import DraftDecision, Operative, Report
from unreport.references.layer import ReferenceLayer
from unreport.site.draft_page import cites_box
from unreport.site.markdown_text import attribute, escape, escape_block
from unreport.site.paragraphs import Page, inline, notes_section, paragraph, sub_paragraphs
from unreport.site.search_entries import OWN_ENTRIES, SearchEntry, SearchPage
from unreport.text.typography import curly_quotes


def decision_name(decision: DraftDecision) -> str:
    """``Draft decision II``, or ``Draft decision`` for a report's unnumbered one."""
    return f"Draft decision {decision.number}".rstrip()


def decision_citation(report: Report, decision: DraftDecision) -> str:
    """How citations of its paragraphs begin: ``A/77/464, draft decision II``."""
    return f"{report.symbol}, draft decision {decision.number}".rstrip()


def decision_page(report: Report, decision: DraftDecision, layer: ReferenceLayer
                  ) -> tuple[str, tuple[SearchEntry, ...]]:
    """The page of one draft decision, and its search entries."""
    path = addresses.draft_decision_page(decision.slug)
    name = decision_name(decision)
    anchor = f"draft-decision-{decision.slug}"
    page = Page(path, frozenset(n.number for n in decision.notes), layer,
                SearchPage(path, name))
    cite = decision_citation(report, decision)
    source = (f"[{escape(str(report.symbol))}]({addresses.relative(addresses.HOME, path)}) "
              f"· Report of the {escape(report.committee)}\n{{: .unr-source }}")
    parts = ["---", f"title: {attribute(name)}", OWN_ENTRIES, "---", "",
             page.section(f"# {escape(name)} {{#{anchor}}}", anchor), "",
             page.text(source), ""]
    if decision.title:
        parts += [page.text(f"{escape_block(curly_quotes(decision.title))}\n"
                            "{: .unr-dr-title }"), ""]
    parts.append(cites_box(page))
    for para in decision.paragraphs:
        parts.extend(_paragraph(para, page, cite))
    parts.append(notes_section(decision.notes, page, cite))
    return "\n".join(parts), page.search.entries()


def _paragraph(para: Operative, page: Page, scope: str) -> list[str]:
    """A paragraph of the decision (numbered only where the decision prints a number) and
    its lettered items."""
    text = curly_quotes(para.text)  # once: ``inline`` then finds no straight quote left
    body = inline(text, para.notes, page.defined, links=page.links(para.anchor))
    page.search.paragraph(para.anchor, text)
    name = f"paragraph {para.number}"
    cite = f"{scope}, {name}"
    number = f"{para.number}." if para.printed else ""
    classes = ".unr-op" if para.printed else ".unr-op .unr-unnumbered"
    out = [paragraph(number, para.anchor, body, cite, classes, name)]
    for sub in para.subparagraphs:
        out.extend(sub_paragraphs(sub, page, cite, name=name))
    return out


def decisions_list(report: Report) -> str:
    """The home page's list of the draft decisions, each linked to its page (Markdown, or
    ``""`` for a report that recommends none)."""
    return "".join(f"- [{escape(decision_name(d))}"
                   f"{': ' + escape(curly_quotes(d.title)) if d.title else ''}]"
                   f"({addresses.draft_decision_page(d.slug)})\n" for d in report.decisions)
