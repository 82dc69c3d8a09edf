"""Put the collection into a document's built pages: links, "cited in", "adopted as".

A document's pages are built without knowing the collection (``document_build.py``).
Like mkdocs-autorefs' ``fix_refs``, this step resolves what only the whole collection
knows, in the built HTML, at places the pages marked:

* a citation's official link (``href="https://undocs.org/en/A/RES/78/225"``) becomes
  the local page of that document, at the paragraph the citation names (``, para.
  29``; ``paragraph 5 of its resolution``) where the page has it;
* ``<!-- unreport:in-collection -->`` under a text's title becomes what the collection
  shows of it (adopted as resolution 77/237; the draft a resolution was);
* ``<!-- unreport:cited-in -->`` at a page's end becomes the list of the collection's
  paragraphs that cite it, and each cited paragraph gets a line "Cited in …" under it.

Pure: text in, text out. Citations of documents outside the collection keep their
official links.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape, unescape

from unreport.addresses import relative
from unreport.collection.document_build import CITED_IN, IN_COLLECTION
from unreport.collection.links import Collection, Link
from unreport.collection.summary import named_paragraph

_OFFICIAL = re.compile(r'<a (?P<before>[^>]*?)href="https://undocs\.org/en/(?P<symbol>[^"#]+)"'
                       r'(?P<after>[^>]*)>(?P<text>.*?)</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_PARAGRAPH = r'<p [^>]*\bid="{}"[^>]*>.*?</p>'


def _plain(html: str) -> str:
    return unescape(_TAG.sub("", html))


def rewrite_page(html: str, collection: Collection, folder: str, page: str, *,
                 notes: Mapping[str, str] | None = None, versions_line: str = "") -> str:
    """A built page of document ``folder`` with the collection put in; ``notes`` are
    lines to put under paragraphs (by anchor: what changed since the last version),
    ``versions_line`` the line of the text's versions, under its title."""
    file = f"{folder}/{page}"
    html = _local_links(html, collection, file)
    if IN_COLLECTION in html:
        html = html.replace(IN_COLLECTION, _in_collection(collection, folder, page, file) +
                            versions_line, 1)
    incoming = [link for link in collection.into(folder) if link.target.page == page]
    if CITED_IN in html:
        html = html.replace(CITED_IN, _cited_in_page(incoming, page, file), 1)
    under: dict[str, str] = dict(notes or {})
    by_anchor: dict[str, list[Link]] = {}
    for link in incoming:
        if link.target.anchor:
            by_anchor.setdefault(link.target.anchor, []).append(link)
    for anchor, links in by_anchor.items():
        under[anchor] = under.get(anchor, "") + (
            f'<p class="unr-cited-in" data-pagefind-ignore>Cited in '
            f'{_link_list(links, file)}</p>')
    for anchor, lines in under.items():
        found = re.search(_PARAGRAPH.format(re.escape(anchor)), html, re.DOTALL)
        if found:
            html = html[:found.end()] + lines + html[found.end():]
    return html


def _local_links(html: str, collection: Collection, file: str) -> str:
    out: list[str] = []
    last = 0
    for found in _OFFICIAL.finditer(html):
        before = _plain(html[max(0, found.start() - 300):found.start()])
        after = _plain(html[found.end():found.end() + 60])
        place = collection.place(unescape(found.group("symbol")),
                                 named_paragraph(before, after))
        if place is None or file.startswith(place.folder + "/") and place.anchor is None \
                and place.page == file.split("/", 1)[1]:
            continue
        out.append(html[last:found.start()])
        out.append(f'<a {found.group("before")}href="{escape(place.href(file))}"'
                   f'{found.group("after")} data-unr-local>{found.group("text")}</a>')
        last = found.end()
    out.append(html[last:])
    return "".join(out)


def _link_list(links: list[Link], file: str) -> str:
    seen: list[str] = []
    items = []
    for link in links:
        href = relative(f"{link.folder}/{link.page}#{link.anchor}", file)
        if href in seen:
            continue
        seen.append(href)
        items.append(f'<a href="{escape(href)}">{escape(link.label)}</a>')
    return ", ".join(items)


def _cited_in_page(links: list[Link], page: str, file: str) -> str:
    """The page's list: every citing paragraph of the collection, by citing document."""
    if not links:
        return ""
    by_document: dict[str, list[Link]] = {}
    for link in links:
        by_document.setdefault(link.symbol, []).append(link)
    rows = "\n".join(f"<li><strong>{escape(symbol)}</strong>: {_link_list(found, file)}</li>"
                     for symbol, found in by_document.items())
    return (f'<section class="unr-cited-in-page" data-pagefind-ignore>\n'
            f'<h2 id="cited-in">Cited in this collection</h2>\n<ul>\n{rows}\n</ul>\n</section>')


def _in_collection(collection: Collection, folder: str, page: str, file: str) -> str:
    """What the collection shows of the text on ``page``: the resolution it became, or
    the draft it was."""
    notes = []
    became = collection.adopted_as(folder, page)
    if became:
        number = became.resolution.removeprefix("A/RES/")
        place = collection.place(became.resolution)
        if place and place.folder != folder:
            number = f'<a href="{escape(place.href(file))}">{escape(number)}</a>'
        notes.append(f"Adopted as resolution {number} ({escape(became.evidence)}).")
    document = next(d for d in collection.documents if d.folder == folder)
    was = collection.adopted_from(document.symbol) if page == "index.html" else None
    if was:
        report = next(d for d in collection.documents if d.symbol == was.report)
        href = relative(f"{report.folder}/{was.page}", file)
        notes.append(f'Adopted from <a href="{escape(href)}">{escape(was.report)}, '
                     f"{escape(was.draft[:1].lower() + was.draft[1:])}</a>.")
    if not notes:
        return ""
    return '<p class="unr-in-collection">' + " ".join(notes) + "</p>"
