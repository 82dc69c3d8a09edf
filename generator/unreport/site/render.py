"""Stage 4, render: the ``Analysis`` of a document → ``{path: Markdown}`` for every page.

One module per page kind: the report (``report_page``), each draft resolution
(``draft_page``), the home page of a resolution, draft or amendments document
(``document_page``: a resolution's or draft's text is rendered by ``draft_page``
too), the references and sponsors (``index_pages``), the meetings
(``meetings_page``), the mandates (``mandates_page``); the Data page comes with the
files it lists (``data_page``). Pages are plain Markdown with standard extensions
(attr_list, admonition, pymdownx.details, pymdownx.caret, tables, toc), so any
engine that reads ``mkdocs.yml`` builds them. The search entries of the pages
with paragraphs are made while they are rendered (``search_entries.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from unreport import addresses
from unreport.analysis import Analysis
from unreport.export.report_json import json_name
from unreport.model import DraftDecision, Report
from unreport.references.layer import TEXT_KINDS
from unreport.site.decision_page import decision_name, decision_page
from unreport.site.document_page import amendments_page, document_page
from unreport.site.draft_page import resolution_page
from unreport.site.index_pages import references_page, sponsors_page
from unreport.site.mandates_page import mandates_page
from unreport.site.meetings_page import meetings_page
from unreport.site.report_page import home_page
from unreport.site.search_entries import SearchEntry
from unreport.text.typography import curly_quotes


@dataclass(frozen=True)
class Rendered:
    """Every generated page, and the search entries of those with paragraphs."""

    pages: dict[str, str]
    """``{path in the docs folder: Markdown}``."""
    search: tuple[SearchEntry, ...]
    """The entries of the pages with paragraphs (``search_entries.py``), page by page."""


HOME_TITLES = {"report": "Report", "resolution": "Resolution", "draft": "Draft resolution",
               "amendments": "Amendments"}
"""The home page's name in the navigation, by kind of document."""


def index_pages(report: Report) -> list[tuple[str, str]]:
    """``(title, path)`` of the index pages the site has, in the navigation's order.

    A report has them all. A resolution, draft or amendments document has no
    proposals, so no meetings; sponsors only when its masthead names some, and
    mandates only when it has operative paragraphs.
    """
    pages = [("References", addresses.REFERENCES)]
    if report.proposals or report.sponsors:
        pages.append(("Sponsors", addresses.SPONSORS))
    if report.kind == "report":
        pages.append(("Meetings", addresses.MEETINGS))
    if any(r.operative for r in report.resolutions):
        pages.append(("Mandates", addresses.MANDATES))
    return pages


def _index_page(analysis: Analysis, path: str) -> str:
    """The Markdown of the index page at ``path``."""
    report = analysis.report
    if path == addresses.REFERENCES:
        return references_page(report, analysis.references)
    if path == addresses.SPONSORS:
        return sponsors_page(report)
    if path == addresses.MEETINGS:
        return meetings_page(analysis)
    return mandates_page(report, analysis.mandates)


def render(analysis: Analysis) -> Rendered:
    """Every generated page of the document, with its search entries."""
    report = analysis.report
    data = json_name(report)
    if report.kind in TEXT_KINDS:  # the text is the home page
        home, search = document_page(report, data, analysis.references, analysis.mandates)
    elif report.kind == "amendments":
        home, search = amendments_page(report, data, analysis.references)
    else:
        home, search = home_page(report, data, analysis.references)
    pages = {addresses.HOME: home}
    entries = list(search)
    for resolution in report.resolutions if report.kind == "report" else ():
        markdown, search = resolution_page(report, resolution, analysis.references,
                                           analysis.mandates)
        pages[addresses.draft_page(resolution.slug)] = markdown
        entries += search
    for decision in report.decisions if report.kind == "report" else ():
        markdown, search = decision_page(report, decision, analysis.references)
        pages[addresses.draft_decision_page(decision.slug)] = markdown
        entries += search
    for _, path in index_pages(report):
        pages[path] = _index_page(analysis, path)
    return Rendered(pages, tuple(entries))


NAV_TITLE_LENGTH = 60
"""Characters of a draft's title shown in the navigation, at most (then "…")."""


def shorten(text: str, limit: int) -> str:
    """``text`` cut at the last word boundary within ``limit`` characters, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    return cut.rstrip(" ,;:-–—") + "…"


def _decision_title(decision: DraftDecision) -> str:
    """A draft decision in the navigation: ``II. Title…``; an unnumbered one by its title."""
    title = curly_quotes(shorten(decision.title, NAV_TITLE_LENGTH)) or decision_name(decision)
    return f"{decision.number}. {title}" if decision.number else title


def nav(report: Report) -> list[object]:
    """Site navigation: the document, a report's draft resolutions, the index pages, the
    Data page."""
    entries: list[object] = [{HOME_TITLES.get(report.kind, "Report"): addresses.HOME}]
    if report.kind == "report":
        drafts = [{f"{r.number}. {curly_quotes(shorten(r.title, NAV_TITLE_LENGTH))}":
                   addresses.draft_page(r.slug)} for r in report.resolutions]
        if drafts:
            entries.append({"Draft resolutions": drafts})
        if report.decisions:
            decisions = [{_decision_title(d): addresses.draft_decision_page(d.slug)}
                         for d in report.decisions]
            entries.append({"Draft decisions": decisions})
    entries.append({"Indexes": [{title: path} for title, path in index_pages(report)]})
    entries.append({"Data": addresses.DATA})
    return entries
