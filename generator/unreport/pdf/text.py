"""Text: the pieces of every page → paragraphs and footnotes, as source lines.

Paragraphs come from the document's own layout: a wider gap between rows, a change of
type (the masthead's lines, a bold heading), a first line indented past the left
margin, or — at the top of a page — a row that is indented or opens with a number
after a finished sentence; otherwise a row continues the paragraph above it, across
pages too. A row ending in a hyphen is joined without a space (every such hyphen in
these documents is a real compound hyphen). Footnotes are the rows below the
separator, each opened by its raised number; a note with no number at the top of a
page continues the last note. Each paragraph becomes one line, each footnote a line
``<sup>N</sup> text`` after the paragraph that was open when its page ended — the
plain form the parser reads from Markdown too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from unreport.pdf.lines import Piece, Zoned

PARAGRAPH_GAP = 1.35
"""A gap between baselines wider than this many font sizes starts a paragraph
(rows of 10 pt text stand 12 pt apart, paragraphs 18 pt)."""
INDENT = 8.0
"""A row starting this many points right of the left margin is a paragraph's first row."""
_MARKER = re.compile(r"^\*?(?:\d{1,3}\.|\([a-z]{1,6}\)|[IVXL]+\.)\*?\s")
_STYLE = 0.6
"""Font sizes that differ by more than this (points) are different types."""


@dataclass(frozen=True)
class Removed:
    """Text the reader left out, and what it is."""

    page: int
    """Page number."""
    kind: str
    """``job number``, ``page number``, ``barcode``, ``running head``, ``footnote separator``."""
    text: str
    """The text as printed."""


@dataclass(frozen=True)
class Line:
    """One line of the text the parser reads, and the page it starts on."""

    text: str
    """A paragraph, a heading or a footnote, on one line."""
    page: int
    """Page where it starts."""


def left_margin(pages: list[Zoned]) -> float:
    """The x where most rows of plain body text start."""
    starts = Counter(round(p.x0) for z in pages for p in z.body if not p.bold)
    return float(starts.most_common(1)[0][0]) if starts else 0.0


def _same_style(a: Piece, b: Piece) -> bool:
    return abs(a.size - b.size) <= _STYLE and a.bold == b.bold


def _ends_sentence(text: str) -> bool:
    bare = re.sub(r"(?:<sup>\d+</sup>)+$", "", text.replace("*", "")).rstrip()
    return bare.endswith((".", ";", ":"))


def starts_paragraph(previous: Piece | None, piece: Piece, margin: float,
                     opened: Piece | None = None) -> bool:
    """Whether ``piece`` opens a paragraph after ``previous``, in the paragraph that
    ``opened`` began (see the module's rules)."""
    if previous is None or not _same_style(previous, piece) or piece.cells > 1 or \
            previous.cells > 1:  # a table's row is a line of its own
        return True
    marker = bool(_MARKER.match(piece.text)) and _ends_sentence(previous.text)
    indented = piece.x0 > margin + INDENT and not piece.bold
    if piece.page != previous.page:
        return indented or marker
    gap = previous.baseline - piece.baseline
    if gap < 1.0 or gap > PARAGRAPH_GAP * max(piece.size, previous.size) or marker:
        return True
    # A first row is indented past the row above it; rows of an indented block (a quoted
    # article) stand at one x, and the rows of a numbered item hang under its text.
    hanging = opened is not None and bool(_MARKER.match(opened.text)) and \
        opened.x0 < piece.x0 and not _ends_sentence(previous.text)
    return indented and piece.x0 > previous.x0 + 1.0 and not hanging


def join(text: str, more: str) -> str:
    """Two rows' texts as one: no space after a hyphen that ends a word; italics that go on
    from one row to the next stay one run (``*Expressing its grave concern*``)."""
    if text.endswith("*") and more.startswith("*") and not text.endswith("**"):
        text, more = text[:-1], more[1:]
        return text + more if re.search(r"\w-$", text) else f"{text} {more}"
    if re.search(r"\w-\*?$", text):
        return text + more
    return f"{text} {more}"


@dataclass
class _Note:
    number: str
    text: str
    page: int


def _notes(pages: list[Zoned]) -> list[_Note]:
    notes: list[_Note] = []
    for page in pages:
        for piece in page.notes:
            match = re.match(r"^<sup>(\d+)</sup>\s*(.*)$", piece.text)
            if piece.starts_with_mark and match:
                notes.append(_Note(match.group(1), match.group(2), piece.page))
            elif notes:
                notes[-1].text = join(notes[-1].text, piece.text)
            else:  # text under the rule before any numbered note: keep it as a note line
                notes.append(_Note("", piece.text, piece.page))
    return notes


def lines(pages: list[Zoned]) -> list[Line]:
    """The document as lines: paragraphs in reading order, each page's notes after the
    paragraph open at its end, a blank line between blocks."""
    margin = left_margin(pages)
    notes = _notes(pages)
    out: list[Line] = []
    current: list[Piece] = []

    def flush(before_page: int) -> None:
        if current:
            text = current[0].text
            for piece in current[1:]:
                text = join(text, piece.text)
            out.extend([Line(text, current[0].page), Line("", current[-1].page)])
            current.clear()
        while notes and notes[0].page < before_page:
            note = notes.pop(0)
            mark = f"<sup>{note.number}</sup> " if note.number else ""
            out.extend([Line(f"{mark}{note.text}", note.page), Line("", note.page)])

    previous: Piece | None = None
    for page in pages:
        for piece in page.body:
            if starts_paragraph(previous, piece, margin, current[0] if current else None):
                flush(piece.page)
            current.append(piece)
            previous = piece
    flush(10**9)
    return out
