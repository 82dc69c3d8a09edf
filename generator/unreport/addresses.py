"""Where everything is in a site: every page's path and address, made here only.

A page has a *path* in the docs folder (``draft-resolutions/v.md``), which the
pages' Markdown links use, and an *address* in the built site
(``draft-resolutions/v.html#op-12``), which the search entries, the JSON, the
CSV tables and Akoma Ntoso's identifiers lead to. Both come from the functions
below, so a page can be moved by changing one line, and a draft's page is always
named by its slug (unique even where the report repeats a number), never by its
number.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata

HOME = "index.md"
"""The report itself: masthead, drafts table, its own paragraphs."""
REFERENCES = "references.md"
SPONSORS = "sponsors.md"
MEETINGS = "meetings.md"
MANDATES = "mandates.md"
DATA = "data.md"
"""The Data page, listing the downloads."""
DRAFTS = "draft-resolutions"
"""The folder of the draft resolutions' pages."""
DECISIONS = "draft-decisions"
"""The folder of the draft decisions' pages."""


def draft_page(slug: str) -> str:
    """The path of a draft resolution's page: ``draft-resolutions/v.md`` for ``v``; the
    home page for ``""`` (the text of a resolution or draft document is its home page)."""
    return f"{DRAFTS}/{slug}.md" if slug else HOME


def draft_decision_page(slug: str) -> str:
    """The path of a draft decision's page: ``draft-decisions/ii.md`` for ``ii``."""
    return f"{DECISIONS}/{slug}.md"


def page_url(page: str, anchor: str | None = None) -> str:
    """The address in the built site of ``page`` (a docs path), at ``anchor`` if given:
    ``draft-resolutions/v.html#op-12``."""
    html = page.removesuffix(".md") + ".html" if page.endswith(".md") else page
    return html + (f"#{anchor}" if anchor else "")


def relative(target: str, page: str) -> str:
    """A docs path (``draft-resolutions/i.md#op-1``) as a link from ``page`` — or a
    built address from the site's root (``A-77-464/draft-resolutions/vii.html#op-5``) as
    a link from a built file (``A-RES-78-229/index.html``)."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def slug(name: str) -> str:
    """The anchor of a State's entries: ``Côte d'Ivoire`` → ``cote-divoire``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("'", "")).strip("-")
