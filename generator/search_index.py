"""After MkDocs: make the site's search find paragraphs, not heading sections.

MkDocs' search (Material's ``search`` plugin) writes ``search/search_index.json``
with one entry per heading section of a page, so a hit in operative paragraph 42
would open the page at the heading above it, often dozens of paragraphs away.
:func:`rewrite` runs after MkDocs has built the site and replaces the entries of
every page that has anchored paragraphs (elements with class ``unr-para`` or
``unr-note`` and an ``id``) with, in document order:

* the page itself (location ``page.html``, MkDocs' title for it, no text),
  first, as Material's search requires;
* one entry per heading section, the page's ``h1`` included (``page.html#id``),
  with only the text that is in no paragraph (the facts box, tables, lists);
  sections left empty are dropped;
* one entry per paragraph, sub-paragraph and note: location ``page.html#op-12``,
  title ``Draft resolution V, OP 12`` (or ``Report, para. 19``,
  ``Draft resolution VI, OP 6 (i)``, ``Draft resolution V, note 6``), text the
  paragraph's words without its number, ¶ mark and footnote marks.

The page's own entry has no text because Material ranks a page's entry well
above its sections; were the long facts box in it, a page would win every
search for a sponsor's name or a cited symbol and tuck its paragraphs away
under "more on this page".

Every word of a page is thus in exactly one entry, so the index is no larger
than MkDocs' own apart from the short titles. Material groups the hits of a
page under the page's name and links each hit to its ``location``: a paragraph
hit opens the page at that paragraph, which the browser scrolls to just below
the sticky header (``scroll-margin-top`` in ``unreport.css``) and highlights
(``:target``). Pages without anchored paragraphs, such as hand-written ones,
keep MkDocs' entries. On the other pages a block with the class
``unr-search-exclude`` is left out (for example a list that only repeats what
the paragraphs say). If ``search/search_index.js`` exists (the same index as a
script, which Material's ``offline`` plugin writes for use from ``file://``), it
is rewritten to match. Run ``python -m unreport.search_index SITE`` to see the
figures for a built site.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

INDEX_JSON = Path("search") / "search_index.json"
INDEX_JS = Path("search") / "search_index.js"
JS_PREFIX = "var __index = "
"""How Material's ``offline`` plugin turns the index into a script (``__index``)."""

PARAGRAPH_CLASSES = frozenset({"unr-para", "unr-note"})
EXCLUDE_CLASS = "unr-search-exclude"
"""Class that keeps a block out of the index (Material's own ``data-search-exclude``
is removed from the HTML before this step can see it)."""
SKIPPED_CLASSES = frozenset({
    "unr-num", "unr-permalink", "unr-note-num", "unr-fnref", "unr-lost", "unr-tools",
    "unr-restored-remark",
    "headerlink", EXCLUDE_CLASS,
})
"""Numbers, ¶ and # links, footnote marks, editorial remarks, excluded blocks: not
the document's words."""
SKIPPED_TAGS = frozenset({"script", "style", "template", "svg"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                       "meta", "source", "track", "wbr"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
INLINE_TAGS = frozenset({"a", "abbr", "b", "cite", "code", "del", "dfn", "em", "i", "ins",
                         "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup",
                         "time", "u", "var"})
"""Tags inside a line of text: no space is added where they start or end."""
ABBREVIATIONS = {"para": "para.", "pp": "PP", "op": "OP", "fn": "note"}
"""Short labels as delegates write them ("PP 8", "OP 6 (e)"); never "pp.", which means pages."""
HOME = "index.html"
HOME_LABEL = "Report"
SPACES = re.compile(r"\s+")
PARAGRAPH_ANCHOR = re.compile(r"#(?:para|pp|op|fn)-\d")


@dataclass
class Block:
    """A run of a page's text: a heading section's leftovers or one paragraph."""

    anchor: str | None
    """The element's id; for the page's opening block the id of its ``h1``, if any."""
    title: str = ""
    kind: str = "section"
    """``opening`` (the page's start), ``section`` (a heading and the text under it)
    or ``paragraph``."""
    words: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The collected text with whitespace collapsed."""
        return SPACES.sub(" ", "".join(self.words)).strip()


@dataclass(frozen=True)
class IndexStats:
    """What :func:`rewrite` did, for reporting."""

    entries_before: int
    entries_after: int
    paragraphs: int
    """Entries that are a paragraph or a note."""
    bytes_before: int
    bytes_after: int

    def __str__(self) -> str:
        return (f"search index: {self.entries_after} entries ({self.paragraphs} paragraphs "
                f"and notes; MkDocs wrote {self.entries_before}), "
                f"{self.bytes_after / 1024:.0f} KiB (MkDocs: {self.bytes_before / 1024:.0f} KiB)")


class _PageSplitter:
    """Split a page's article into blocks: heading sections and anchored paragraphs.

    Walks the article's elements in document order (lxml parses the HTML, in C),
    sending each piece of text to the block it belongs to: the innermost anchored
    paragraph around it, else the heading it is in (as its title), else the
    current heading's section.
    """

    def __init__(self) -> None:
        self.blocks: list[Block] = [Block(anchor=None, kind="opening")]
        self._skipped = 0
        """Open elements that keep their text out (numbers, marks, excluded blocks)."""
        self._paragraphs: list[Block] = []
        """Anchored paragraphs open around the current element, innermost last."""
        self._section = self.blocks[0]
        self._heading: Block | None = None

    def walk_children(self, element: Any) -> None:
        """The text and elements inside ``element``, but not the element itself."""
        if element.text:
            self._add(element.text)
        for child in element:
            self.walk(child)
            if child.tail and not self._skipped:
                self._add(child.tail)

    def walk(self, element: Any) -> None:
        """Visit ``element``, its text, its children (each followed by its tail)."""
        tag = element.tag if isinstance(element.tag, str) else ""
        self._break(tag)
        if tag in VOID_TAGS:
            return
        classes = set((element.get("class") or "").split())
        skip = tag in SKIPPED_TAGS or not tag or bool(classes & SKIPPED_CLASSES)
        anchor = element.get("id")
        opened: Block | None = None
        heading = False
        if anchor and not self._skipped and classes & PARAGRAPH_CLASSES:
            opened = Block(anchor=anchor, kind="paragraph")
            self.blocks.append(opened)
        elif anchor and not self._skipped and tag in HEADINGS:
            heading = True
            self._section = self._heading = self._new_section(tag, anchor)
        self._skipped += skip
        if opened:
            self._paragraphs.append(opened)
        if not self._skipped:
            self.walk_children(element)
        self._skipped -= skip
        if opened:
            self._paragraphs.pop()
        if heading:
            self._heading = None
        self._break(tag)

    def _new_section(self, tag: str, anchor: str) -> Block:
        """The block a heading starts; a leading ``h1`` titles the page's opening block."""
        opening = self.blocks[0]
        if tag == "h1" and len(self.blocks) == 1 and not opening.text:
            opening.anchor = anchor
            return opening
        self.blocks.append(Block(anchor=anchor))
        return self.blocks[-1]

    def _break(self, tag: str) -> None:
        """Words on either side of a block (a cell, a paragraph, a line break) stay apart."""
        if tag not in INLINE_TAGS and not self._skipped:
            self._add(" ")

    def _add(self, text: str) -> None:
        if self._heading is not None:
            self._heading.title += text
            return
        (self._paragraphs[-1] if self._paragraphs else self._section).words.append(text)


def split_page(html: str) -> list[Block]:
    """The blocks of a built page's article, in document order."""
    from lxml import html as lxml_html

    splitter = _PageSplitter()
    # Only the article matters; the rest (navigation, icons) is most of the page's bytes.
    start, end = html.find("<article"), html.rfind("</article>")
    if 0 <= start < end:
        article = lxml_html.fragment_fromstring(html[start:end + len("</article>")])
        splitter.walk_children(article)
    return splitter.blocks


def paragraph_title(label: str, anchor: str) -> str:
    """``Draft resolution V, OP 12 (a)`` for ``op-12-a`` on the page labelled ``label``."""
    kind, _, rest = anchor.partition("-")
    number, *subs = rest.split("-")
    name = ABBREVIATIONS.get(kind, kind)
    return f"{label}, {name} {number}" + "".join(f" ({sub})" for sub in subs)


def _note_text(text: str, anchor: str) -> str:
    """A note's text without its printed number when that number is not a link."""
    number = anchor.partition("-")[2]
    return text[len(number):].lstrip() if text.startswith(f"{number} ") else text


def page_entries(path: str, html: str, page: dict[str, Any] | None = None,
                 blocks: list[Block] | None = None) -> list[dict[str, Any]] | None:
    """Entries for one page, or ``None`` if it has no anchored paragraphs.

    ``page`` is MkDocs' entry for the page itself, if it made one; its title (and
    tags or boost, if any) are kept. Otherwise the page is titled by its ``h1``, as
    Material titles a page. ``blocks`` is ``split_page(html)`` when already made.
    """
    blocks = split_page(html) if blocks is None else blocks
    if not any(b.kind == "paragraph" for b in blocks):
        return None
    page = page or {"title": escape(SPACES.sub(" ", blocks[0].title).strip(), quote=False)}
    title = SPACES.sub(" ", str(page.get("title", ""))).strip()
    label = HOME_LABEL if path == HOME else title
    article = {key: value for key, value in page.items() if key not in ("location", "text")}
    opening = blocks[0]
    page_text = "" if opening.anchor else escape(opening.text, quote=False)
    entries: list[dict[str, Any]] = [{**article, "location": path, "title": title,
                                      "text": page_text}]
    for block in blocks if opening.anchor else blocks[1:]:
        text = block.text
        if not text and block.kind != "paragraph":
            continue
        if block.kind == "opening":
            block_title = title
        elif block.kind == "paragraph":
            assert block.anchor is not None
            if block.anchor.startswith("fn-"):
                text = _note_text(text, block.anchor)
            block_title = paragraph_title(label, block.anchor)
        else:
            block_title = SPACES.sub(" ", block.title).strip()
        entries.append({"location": f"{path}#{block.anchor}",
                        "title": escape(block_title, quote=False),
                        "text": escape(text, quote=False)})
    return entries


def _pages(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """MkDocs' entries grouped by page, in the order of the index."""
    pages: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        pages.setdefault(str(doc["location"]).split("#")[0], []).append(doc)
    return pages


TAKEN_OVER = "search:\n  exclude: true\n"
"""Front matter that keeps Material's search plugin from indexing a page we index."""


def take_over(markdown: str) -> str:
    """A page with anchored paragraphs, marked so that Material's search skips it.

    :func:`rewrite` indexes such pages paragraph by paragraph from their HTML, so
    Material need not read them at all (each page's HTML is then read once, not
    twice). Other pages are returned as they are.
    """
    if not any(f".{name}" in markdown for name in PARAGRAPH_CLASSES):
        return markdown
    if markdown.startswith("---\n"):
        return "---\n" + TAKEN_OVER + markdown[len("---\n"):]
    return f"---\n{TAKEN_OVER}---\n\n{markdown}"


def build_order(path: str) -> tuple[tuple[int, int, str], ...]:
    """Where MkDocs builds (and Material indexes) the page ``path``: a sort key.

    MkDocs reads the docs folder top-down (``os.walk``, folders in name order), a
    folder's files before its sub-folders', ``index`` first, then by name.
    """
    *folders, name = path.split("/")
    stem = name.rsplit(".", 1)[0]
    return (*((1, 0, folder) for folder in folders),
            (0, 0 if stem in ("index", "README") else 1, name))


def rewrite(site: Path, taken: list[str] | None = None,
            split: dict[str, list[Block]] | None = None,
            skipped: dict[str, list[dict[str, Any]]] | None = None) -> IndexStats | None:
    """Rewrite the built site's search index with an entry per paragraph.

    ``taken`` are the pages (``draft-resolutions/v.html``) that Material left out
    (:func:`take_over`) for this function to index; the other pages that have
    anchored paragraphs are re-indexed from Material's entries. ``split`` has
    :func:`split_page` of built pages already split (by path); the others are read
    and split here. ``skipped`` has MkDocs' entries, by page, of pages its search
    plugin was told to skip because they were made elsewhere (in the order MkDocs
    would have made them). Returns ``None`` when the site has no search index
    (search switched off).
    """
    index_path = site / INDEX_JSON
    if not index_path.is_file():
        return None
    before = index_path.read_text("utf-8")
    index: dict[str, Any] = json.loads(before)
    pages = _pages(index["docs"])
    for path, entries in (skipped or {}).items():
        pages[path] = entries
    for path in taken or []:
        pages.setdefault(path, [])
    docs: list[dict[str, Any]] = []
    paragraphs = 0
    for path in sorted(pages, key=build_order):
        entries, html_path = pages[path], site / path
        blocks = (split or {}).get(path)
        mine = (page_entries(path, "" if blocks else html_path.read_text("utf-8"),
                             entries[0] if entries else None, blocks or None)
                if path.endswith(".html") and html_path.is_file() else None)
        docs.extend(mine if mine is not None else entries)
        paragraphs += sum(1 for e in mine or [] if PARAGRAPH_ANCHOR.search(e["location"]))
    new_index = {**index, "docs": docs}
    after = json.dumps(new_index, separators=(",", ":"), ensure_ascii=False)
    index_path.write_text(after, "utf-8")
    script = site / INDEX_JS
    if script.is_file():
        script.write_text(JS_PREFIX + json.dumps(new_index, separators=(",", ":")), "utf-8")
    made = len(index["docs"]) + sum(len(entries) for entries in (skipped or {}).values())
    return IndexStats(made, len(docs), paragraphs,
                      len(before.encode("utf-8")), len(after.encode("utf-8")))


def describe(site: Path) -> str:
    """Figures about a built site's (already rewritten) search index."""
    index = json.loads((site / INDEX_JSON).read_text("utf-8"))
    docs = index["docs"]
    anchored = sum(1 for d in docs if "#" in d["location"])
    size = (site / INDEX_JSON).stat().st_size
    return (f"{site / INDEX_JSON}: {len(docs)} entries, {anchored} with an anchor, "
            f"{size / 1024:.0f} KiB")


if __name__ == "__main__":
    for argument in sys.argv[1:] or ["site"]:
        print(describe(Path(argument)))
