"""The site's search entries, made from the model while its pages are rendered.

Engines index a page by heading sections, so a hit in operative paragraph 42
would open the page at the heading above it, often dozens of paragraphs away.
unreport makes the entries of every page that has anchored paragraphs itself,
in document order:

* the page itself (location ``draft-resolutions/v.html``, the page's ``h1`` as
  its title, no text), first, as Material's search requires;
* one entry per heading section, the ``h1`` included (``…v.html#preamble``),
  with only the text that is in no paragraph (the facts box, tables, lists);
  sections left empty are dropped;
* one entry per paragraph, sub-paragraph, note, annex block and amendment:
  location ``…v.html#op-12``, title ``Draft resolution V, OP 12`` (or ``Report,
  para. 19``, ``Draft resolution VI, OP 6 (i)``, ``Draft resolution V, note 6``,
  ``Resolution 78/128, annex II, para. 3``, ``A/C.3/80/L.57, amendment 1``), text
  the paragraph's words as the page shows them, without its number or marks.

Such a page says so in its front matter (``OWN_ENTRIES``), so that the engine's
search does not index it too. The page's own entry has no text because Material
ranks a page's entry well above its sections; were the long facts box in it, a page
would win every search for a sponsor's name and tuck its paragraphs away.

Every word of a page is thus in exactly one entry. Entries are plain text; each
engine's adapter (``publish/mkdocs_engine.py``, ``publish/zensical_engine.py``)
writes them in the form and file that engine's search reads, in place of the
engine's own entries for those pages. Pages without paragraphs (the index pages,
hand-written ones) keep the engine's entries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from unreport.addresses import page_url
from unreport.text.parts import split_part

OWN_ENTRIES = "search:\n  exclude: true"
"""Front matter of a page whose entries are ours: the engine's own search (Material's,
Zensical's) skips the page instead of reading its HTML for entries that the adapter
replaces anyway — about a tenth of MkDocs' time. The adapters write ours."""
ABBREVIATIONS = {"para": "para.", "pp": "PP", "op": "OP", "fn": "note"}
"""Short labels as delegates write them ("PP 8", "OP 6 (e)"); never "pp.", which means pages."""
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchEntry:
    """One entry of the site's search: where it leads, what it is called, its words."""

    location: str
    """The address in the site: ``draft-resolutions/v.html#op-12``."""
    title: str
    """What a result is called: ``Draft resolution V, OP 12`` (plain text)."""
    text: str
    """The words of the paragraph or section, plain text, whitespace collapsed."""
    level: int = 1
    """Depth in the page: 1 the page and its ``h1``, 2 an ``h2`` section, a paragraph one
    deeper than the section it is in."""


def paragraph_title(label: str, anchor: str) -> str:
    """``Draft resolution V, OP 12 (a)`` for ``op-12-a`` on the page labelled ``label``;
    ``…, part-ii, OP 1`` for ``part-ii-op-1``, a paragraph numbered afresh in a part (the
    renderers give such a paragraph its title, ``…, section II, OP 1``)."""
    part, anchor = split_part(anchor)
    kind, _, rest = anchor.partition("-")
    number, *subs = rest.split("-")
    name = ABBREVIATIONS.get(kind, kind)
    return (f"{label}, {part + ', ' if part else ''}{name} {number}"
            + "".join(f" ({sub})" for sub in subs))


@dataclass
class _Section:
    anchor: str
    title: str
    level: int
    words: list[str] = field(default_factory=list)


@dataclass
class SearchPage:
    """The search entries of one page, collected while the page is rendered.

    The renderer says what it writes, in order: a heading (:meth:`section`), text
    outside paragraphs (:meth:`text`, as the Markdown it writes), a paragraph
    (:meth:`paragraph`, as plain text). :meth:`entries` gives the result.
    """

    page: str
    """The page's path in the docs folder (``draft-resolutions/v.md``)."""
    label: str
    """How paragraph titles name the page: ``Report``, ``Draft resolution V``."""
    _order: list[_Section | SearchEntry] = field(default_factory=list)
    _current: _Section | None = None

    def section(self, anchor: str, title: str, level: int) -> None:
        """A heading with an id (``level`` 1 for ``h1``): what follows outside paragraphs
        is its text."""
        self._current = _Section(anchor, title, level)
        self._order.append(self._current)

    def text(self, markdown: str) -> None:
        """Text outside paragraphs, as the Markdown written for it."""
        if self._current is not None:
            self._current.words.append(plain_text(markdown))

    def paragraph(self, anchor: str, text: str, title: str | None = None) -> None:
        """A paragraph, sub-paragraph, note, annex block or amendment: its plain words as the
        page shows them. Its title is made from its anchor (``paragraph_title``) unless
        given (an annex block's: ``Resolution 78/128, annex II, para. 3``)."""
        level = self._current.level + 1 if self._current else 2
        self._order.append(SearchEntry(page_url(self.page, anchor),
                                       title or paragraph_title(self.label, anchor),
                                       collapse(text), level))

    def entries(self) -> tuple[SearchEntry, ...]:
        """The page's entries: the page, then its sections and paragraphs in order."""
        first = next((s for s in self._order if isinstance(s, _Section)), None)
        made = [SearchEntry(page_url(self.page), first.title if first else self.label, "")]
        for item in self._order:
            if isinstance(item, SearchEntry):
                made.append(item)
                continue
            text = collapse(" ".join(item.words))
            if text:
                made.append(SearchEntry(page_url(self.page, item.anchor), item.title, text,
                                        item.level))
        return tuple(made)


def collapse(text: str) -> str:
    """``text`` with runs of whitespace as one space, trimmed."""
    return " ".join(text.split())  # ``str.split`` splits at the same white space as ``SPACES``


_ATTRIBUTE_LINE = re.compile(r"^\{:[^}]*\}$", re.MULTILINE)
_INLINE_ATTRIBUTES = re.compile(r"\{[:#.][^}]*\}")
_ADMONITION = re.compile(r'^[!?]{3}\+? [\w -]*"([^"]*)"$', re.MULTILINE)
_TABLE_RULE = re.compile(r"^\s*\|(?:\s*:?-+:?\s*\|)+\s*$", re.MULTILINE)
_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\([^)\s]*\)")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_BULLET = re.compile(r"^\s*- ", re.MULTILINE)
_STRONG = re.compile(r"(?<!\\)\*\*")
_EMPHASIS = re.compile(r"(?<!\\)\*")
_ESCAPE = re.compile(r"\\(.)")


def plain_text(markdown: str) -> str:
    """The words a reader sees of Markdown as the renderers write it (not any Markdown).

    Attribute lists, admonition markers (their titles stay), table rules and
    pipes, link targets, HTML tags, list bullets and emphasis go; escapes and
    character references become the characters they stand for.
    """
    text = _ATTRIBUTE_LINE.sub(" ", markdown)
    text = _ADMONITION.sub(r"\1", text)
    text = _TABLE_RULE.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _INLINE_ATTRIBUTES.sub("", text)
    text = _TAG.sub(" ", text)
    text = _BULLET.sub(" ", text)
    text = text.replace("|", " ") if "|" in text else text
    text = _STRONG.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return collapse(unescape(text))


def page_of(location: str) -> str:
    """The page of a search entry's location: ``v.html`` for ``v.html#op-12``."""
    return location.split("#")[0]


def replace_pages(engine_entries: list[dict[str, Any]], ours: Iterable[SearchEntry],
                  to_engine: Callable[[SearchEntry], dict[str, Any]],
                  order: Iterable[str] = ()) -> list[dict[str, Any]]:
    """An engine's entries with ours for the pages we index, page by page in ``order``
    (addresses, ``draft-resolutions/v.html``: the navigation's), then any other pages
    in the engine's order. Within a page, entries keep their order."""
    pages: dict[str, list[dict[str, Any]]] = {}
    for entry in engine_entries:
        pages.setdefault(page_of(str(entry.get("location", ""))), []).append(entry)
    mine: dict[str, list[dict[str, Any]]] = {}
    for ours_entry in ours:
        mine.setdefault(page_of(ours_entry.location), []).append(to_engine(ours_entry))
    pages.update(mine)
    wanted = [page for page in dict.fromkeys(order) if page in pages]
    rest = [page for page in pages if page not in set(wanted)]
    return [entry for page in wanted + rest for entry in pages[page]]


def nav_pages(nav: list[object]) -> list[str]:
    """The addresses of the pages of a navigation (MkDocs' ``nav``), in its order."""
    found: list[str] = []
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                found += nav_pages(value)
            elif isinstance(value, str) and value.endswith(".md"):
                found.append(page_url(value))
    return found
