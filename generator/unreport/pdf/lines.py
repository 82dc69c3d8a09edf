"""Lines: a page's glyphs → the rows of text it prints, each in its place.

Glyphs on one baseline make a row; a row of small figures raised above another row
is that row's footnote marks (``<sup>3</sup>`` at the place they stand); a wide gap
splits a row into pieces (the masthead's "General Assembly" and "Distr.: General"
share a baseline). Words are spaced by the gaps between glyph boxes, not by the
spaces PDFium guesses (which split justified words: "natio nal"). Each piece then
gets a zone by what it is and where it stands: page furniture (job number, page
number, barcode, running head), the footnote separator, a footnote, or body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unreport.pdf.glyphs import Glyph, Page

SAME_BASELINE = 2.0
"""Glyphs whose baselines differ by less than this (points) stand on one row."""
MARK_SIZE = 0.8
"""A footnote mark's font is at most this fraction of its row's (6.5 pt on 10 pt)."""
MARK_RAISE = (1.0, 6.0)
"""A mark's baseline stands this far above its row's (3.4 pt in the UN's template)."""
WORD_GAP = 0.17
"""A gap wider than this fraction of the font size between two glyph boxes is a space
(a space in Times New Roman is 0.25 em; in the corpus, glyphs inside a word stand at most
0.15 em apart, where the text is letter-spaced, and PDFium guesses spaces from 0.11)."""
ITALIC_WORD_GAP = (0.10, 0.05)
"""The same between two italic glyphs, whose slanted boxes overlap: inside italic words
of the corpus glyphs stand at most 0.08 em apart ("*Welcoming further*" has 0.12 em
between its words); where PDFium guessed a space, 0.05 em is enough ("*Recalling
further*": an italic f reaches back 0.07 em)."""
PIECE_GAP = 4.0
"""A gap wider than this many font sizes splits a row into separate pieces (the
masthead's columns, the running head's symbol and title); the tab after a paragraph
number is narrower."""
MARGIN = 60.0
"""Height (points) of the top and bottom bands where running heads and footers stand."""

_JOB_NUMBER = re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?\s*$")
_PAGE_NUMBER = re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$")
_RULE = re.compile(r"^_{5,}$")
_DASHES = {"\u2011": "-", "\u00ad": "-", "\x02": "-"}
"""Non-breaking and soft hyphens: PDFium reports the hyphen at a line's end as a soft
hyphen, but in these documents every one is a real compound hyphen ("Member-State-")."""


@dataclass(frozen=True)
class Piece:
    """Text printed on one row of a page, in one run without a wide gap."""

    page: int
    """Page number, from 1."""
    baseline: float
    """Baseline (points from the page's foot)."""
    x0: float
    """Left edge."""
    x1: float
    """Right edge."""
    size: float
    """Font size of most of its characters."""
    bold: bool
    """Mostly bold."""
    italic: bool
    """Mostly italic."""
    text: str
    """Its text, words spaced, footnote marks as ``<sup>N</sup>``."""
    starts_with_mark: bool
    """The first thing on it is a raised number (a footnote's own number)."""
    font: str
    """Font of its first glyph."""
    cells: int = 1
    """For a row of a table: how many cells it joins (its text is ``a | b | c``)."""


TABLE_ROWS = 3
"""A page with at least this many rows of several pieces sets them as a table."""


def table_rows(pieces: list[Piece]) -> list[Piece]:
    """Pieces with the rows of a table joined: where a page has ``TABLE_ROWS`` rows of two
    or more pieces, each such row becomes one piece, its cells separated by `` | ``."""
    rows: list[list[Piece]] = []  # pieces on one baseline (a dash may sit 0.1 pt off it)
    for piece in sorted(pieces, key=lambda p: (-p.baseline, p.x0)):
        if rows and rows[-1][0].baseline - piece.baseline < SAME_BASELINE:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    if sum(len(row) > 1 for row in rows) < TABLE_ROWS:
        return pieces
    out: list[Piece] = []
    for row in rows:
        if len(row) == 1:
            out += row
            continue
        cells = sorted(row, key=lambda p: p.x0)
        first = cells[0]
        out.append(Piece(first.page, first.baseline, first.x0, cells[-1].x1, first.size,
                         first.bold, first.italic, " | ".join(c.text for c in cells),
                         first.starts_with_mark, first.font, len(cells)))
    return out


@dataclass(frozen=True)
class Zoned:
    """A page's pieces sorted into what they are."""

    body: tuple[Piece, ...]
    """The text, top to bottom."""
    notes: tuple[Piece, ...]
    """Rows below the footnote separator, top to bottom."""
    furniture: tuple[tuple[str, Piece], ...]
    """Pieces that are page furniture, each with its kind."""


def _rows(glyphs: tuple[Glyph, ...]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline, top row first."""
    ordered = sorted(glyphs, key=lambda g: -g.baseline)
    rows: list[list[Glyph]] = []
    for glyph in ordered:
        if rows and rows[-1][0].baseline - glyph.baseline < SAME_BASELINE:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    return rows


def _size(glyphs: list[Glyph]) -> float:
    """The font size of most of ``glyphs`` (spaces not counted)."""
    counts: dict[float, int] = {}
    for glyph in glyphs:
        if not glyph.char.isspace():
            counts[glyph.size] = counts.get(glyph.size, 0) + 1
    return max(counts, key=lambda size: counts[size]) if counts else glyphs[0].size


def _is_marks(row: list[Glyph], below: list[Glyph]) -> bool:
    """Whether ``row`` is footnote marks raised above the row ``below``."""
    raise_by = row[0].baseline - below[0].baseline
    if not MARK_RAISE[0] <= raise_by <= MARK_RAISE[1]:
        return False
    text = "".join(g.char for g in row).replace(" ", "").replace(",", "")
    return bool(text) and text.isdigit() and _size(row) <= MARK_SIZE * _size(below)


def _attach_marks(rows: list[list[Glyph]]) -> list[tuple[list[Glyph], list[Glyph]]]:
    """Each row with the raised marks that belong to it (marks of one row share a
    baseline, so they form one row of their own, right above it)."""
    out: list[tuple[list[Glyph], list[Glyph]]] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        below = rows[index + 1] if index + 1 < len(rows) else None
        if below is not None and _is_marks(row, below):
            out.append((below, row))
            index += 2
        else:
            out.append((row, []))
            index += 1
    return out


def _text(glyphs: list[Glyph], marks: list[Glyph]) -> tuple[str, bool]:
    """The text of a run of glyphs (left to right) with its marks put in place and its
    italics in single asterisks, as Markdown has them (``*Reaffirming also* its``)."""
    items = sorted([(g.x0, 0, g) for g in glyphs] + [(g.x0, 1, g) for g in marks],
                   key=lambda item: (item[0], item[1]))
    out: list[str] = []
    previous: Glyph | None = None
    in_mark = in_italic = False
    starts_with_mark = bool(items) and items[0][1] == 1
    for _, is_mark, glyph in items:
        char = _DASHES.get(glyph.char, glyph.char)
        if is_mark:
            if char.isspace() or char == ",":
                continue
            if not in_mark:
                if out and out[-1] == " ":  # a mark stands right after its word
                    out.pop()
                out.append("<sup>")
                in_mark = True
            out.append(char)
            previous = glyph
            continue
        if in_mark:
            out.append("</sup>")
            in_mark = False
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            previous = glyph
            continue
        gap = WORD_GAP
        if glyph.italic and previous is not None and previous.italic:
            gap = ITALIC_WORD_GAP[1] if glyph.guessed_space else ITALIC_WORD_GAP[0]
        space = previous is not None and bool(out) and out[-1] != " " and \
            glyph.x0 - previous.x1 > gap * glyph.size
        # Only letters and figures open or close italics: punctuation takes the run it is
        # in ("5. *Decides*", not "5*. Decides*").
        if glyph.italic != in_italic and char.isalnum():
            trailing = bool(out) and out[-1] == " "
            if trailing:
                out.pop()
            if in_italic:  # the asterisk closes right after the italic words
                out.append("*")
            if trailing or space:
                out.append(" ")
            if not in_italic:
                out.append("*")
            in_italic, space = glyph.italic, False
        if space:
            out.append(" ")
        out.append(char)
        previous = glyph
    if in_mark:
        out.append("</sup>")
    text = "".join(out).rstrip()
    if in_italic:
        text += "*"
    text = text.strip()
    if starts_with_mark:
        text = re.sub(r"^(<sup>\d+</sup>)\s*", r"\1 ", text)
    return text, starts_with_mark


def _pieces(page: int, glyphs: list[Glyph], marks: list[Glyph]) -> list[Piece]:
    """One row split at wide gaps into pieces, each with its marks."""
    ordered = sorted(glyphs, key=lambda g: g.x0)
    size = _size(ordered)
    groups: list[list[Glyph]] = [[]]
    last: Glyph | None = None  # the last glyph that is not a space
    for glyph in ordered:
        space = glyph.char.isspace()
        if last is not None and not space and glyph.x0 - last.x1 > PIECE_GAP * size:
            groups.append([glyph])
        else:
            groups[-1].append(glyph)
        if not space:
            last = glyph
    out = []
    for group in groups:
        visible = [g for g in group if not g.char.isspace()]
        if not visible:
            continue
        x0, x1 = visible[0].x0, visible[-1].x1
        own = [m for m in marks if x0 - PIECE_GAP * size <= m.x0 <= x1 + size]
        text, starts_with_mark = _text(group, own)
        bold = sum(g.bold for g in visible) * 2 > len(visible)
        italic = sum(g.italic for g in visible) * 2 > len(visible)
        out.append(Piece(page, visible[0].baseline, min([x0] + [m.x0 for m in own]), x1,
                         _size(visible), bold, italic, text, starts_with_mark,
                         visible[0].font))
    return out


def _furniture(piece: Piece, page: Page) -> str | None:
    """What kind of page furniture ``piece`` is, or None."""
    if "Barcode" in piece.font:
        return "barcode"
    bare = re.sub(r"<sup>.*?</sup>", "", piece.text).replace("*", "").strip()
    if piece.baseline < MARGIN:
        if _JOB_NUMBER.match(bare):
            return "job number"
        if _PAGE_NUMBER.match(bare):
            return "page number"
    if piece.baseline > page.height - MARGIN - 15 and page.number > 1 and piece.size < 9.5:
        return "running head"
    return None


def zone(page: Page) -> Zoned:
    """The page's pieces: body text, footnotes and furniture."""
    pieces: list[Piece] = []
    for glyphs, marks in _attach_marks(_rows(page.glyphs)):
        pieces.extend(_pieces(page.number, glyphs, marks))
    body: list[Piece] = []
    notes: list[Piece] = []
    furniture: list[tuple[str, Piece]] = []
    rule: float | None = None
    for piece in pieces:
        kind = _furniture(piece, page)
        if kind:
            furniture.append((kind, piece))
        elif _RULE.match(piece.text.replace("*", "")) and rule is None:
            rule = piece.baseline
            furniture.append(("footnote separator", piece))
        elif rule is not None and piece.baseline < rule:
            notes.append(piece)
        else:
            body.append(piece)
    return Zoned(tuple(table_rows(body)), tuple(notes), tuple(furniture))
