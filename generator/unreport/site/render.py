"""Stage 4, render: the ``Analysis`` of a report → ``{path: Markdown}`` for every page.

One module per page kind: the report (``report_page``), each draft resolution
(``draft_page``), the references and sponsors (``index_pages``), the meetings
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
from unreport.model import Report
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


def render(analysis: Analysis) -> Rendered:
    """Every generated page of the report, with its search entries."""
    report = analysis.report
    home, search = home_page(report, f"{report.symbol.slug}.json", analysis.references)
    pages = {addresses.HOME: home}
    entries = list(search)
    for resolution in report.resolutions:
        markdown, search = resolution_page(report, resolution, analysis.references,
                                           analysis.mandates)
        pages[addresses.draft_page(resolution.slug)] = markdown
        entries += search
    pages[addresses.REFERENCES] = references_page(report, analysis.references)
    pages[addresses.SPONSORS] = sponsors_page(report)
    pages[addresses.MEETINGS] = meetings_page(analysis)
    pages[addresses.MANDATES] = mandates_page(report, analysis.mandates)
    return Rendered(pages, tuple(entries))


NAV_TITLE_LENGTH = 60
"""Characters of a draft's title shown in the navigation, at most (then "…")."""


def shorten(text: str, limit: int) -> str:
    """``text`` cut at the last word boundary within ``limit`` characters, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    return cut.rstrip(" ,;:-–—") + "…"


def nav(report: Report) -> list[object]:
    """Site navigation: the report, its draft resolutions, the index pages, the Data page."""
    drafts = [{f"{r.number}. {curly_quotes(shorten(r.title, NAV_TITLE_LENGTH))}":
               addresses.draft_page(r.slug)} for r in report.resolutions]
    return [{"Report": addresses.HOME}, {"Draft resolutions": drafts},
            {"Indexes": [{"References": addresses.REFERENCES},
                         {"Sponsors": addresses.SPONSORS},
                         {"Meetings": addresses.MEETINGS},
                         {"Mandates": addresses.MANDATES}]},
            {"Data": addresses.DATA}]
