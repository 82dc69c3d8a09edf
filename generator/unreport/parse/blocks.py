"""Stage 2, blocks: cleaned lines to a flat list of typed blocks.

A block is one non-blank line: the converter writes one paragraph per line and
puts list items on consecutive lines; a paragraph that is split (by a page
break, a footnote block, or a hand-made line wrap) is joined again by the
structure stage, which knows what kind of paragraph it is in.

Ordered matchers classify each block by
the document's own markers — "Draft resolution IV", "II.", "A.", "12.", "(a)",
"The General Assembly,", a footnote number — never by how many ``#`` it has.
The first matcher that accepts a block claims it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

from unreport.model import Span
from unreport.parse.clean import Cleaned
from unreport.text.dates import MONTH_PATTERN


class Kind(Enum):
    """What a block is."""

    DRAFT_HEADING = "draft resolution heading"
    DECISION_HEADING = "draft decision heading"
    LABELLED_HEADING = "labelled heading"
    ASSEMBLY = "the General Assembly"
    NOTE = "footnote"
    NUMBERED = "numbered paragraph"
    ITEM = "sub-paragraph"
    TEXT = "text"


@dataclass(frozen=True)
class Fragment:
    """Text from one source line."""

    line: int
    """Source line."""
    text: str
    """Its text (markers such as ``#`` or ``- 12.`` already taken off)."""


@dataclass(frozen=True)
class Block:
    """A typed block of the source."""

    kind: Kind
    """What the block is."""
    label: str | None
    """Its marker: paragraph number, item letter, note number, heading label."""
    fragments: tuple[Fragment, ...]
    """Its text, line by line, markers removed."""
    span: Span
    """Source lines."""
    bulleted: bool = False
    """The converter put a list marker (``-``) in front of it."""

    @property
    def text(self) -> str:
        """The fragments joined with single spaces."""
        return " ".join(f.text for f in self.fragments if f.text)

    @property
    def plain(self) -> str:
        """Its text without emphasis and heading marks, as a masthead line or a heading is
        read: ``## **Report of the Third Committee**`` → ``Report of the Third Committee``."""
        return self.text.replace("*", "").lstrip("#").strip()

    def with_marker(self) -> tuple[Fragment, ...]:
        """The fragments with the block's marker put back in front: ``(iv) …``, ``12. …``.

        Used where a block cannot stand as what its marker says (an item in a
        preamble, a heading inside a draft) and is kept as text instead.
        """
        if not self.fragments or not self.label and self.kind is not Kind.DECISION_HEADING:
            return self.fragments  # no marker (an unnumbered "Draft decision" has its words)
        marker = {Kind.ITEM: f"({self.label})", Kind.NUMBERED: f"{self.label}.",
                  Kind.LABELLED_HEADING: f"{self.label}.", Kind.NOTE: self.label,
                  Kind.DRAFT_HEADING: f"Draft resolution {self.label}",
                  Kind.DECISION_HEADING: f"Draft decision {self.label}".rstrip()}.get(self.kind)
        if marker is None:
            return self.fragments
        first = self.fragments[0]
        return (Fragment(first.line, f"{marker} {first.text}".strip()), *self.fragments[1:])


_HEADING_MARKS = re.compile(r"^#{1,6}\s*")
_BOLD = re.compile(r"\*\*")
_BULLET = re.compile(r"^[-*+•]\s+")
_ROMAN = r"[IVXLC]+"

_DRAFT_HEADING = re.compile(rf"^Draft resolution\s+({_ROMAN})\b\.?\s*(.*)$")
_DECISION_HEADING = re.compile(rf"^Draft decision(?:\s+({_ROMAN})\b\.?)?(?:\s+(?!A/)(\S.*))?$")
_LABELLED_HEADING = re.compile(rf"^({_ROMAN}|[A-Z])\.\s+(\S.*)$")
_ASSEMBLY = re.compile(r"^(?:The\s+)?General Assembly\s*,?$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_ITEM = re.compile(r"^\(([a-z]{1,6})\)\s+(\S.*)$")
# The converter's mangled form: "<sup>&</sup>lt;sup>3</sup> text" (an escaped "<sup>").
_NOTE_AMP = re.compile(r"^<sup>&(?:amp;)?</sup>\s*(?:<|&lt;|lt;)sup>(\d{1,3})</sup>\s*(.*)$")
_NOTE_SUP = re.compile(r"^<sup>(\d{1,3})</sup>\s*(\S.*)$")
_NOTE_TEX = re.compile(r"^\\\(\^\{?(\d{1,3})\}?\\\)\s*(\S.*)$")
_NOTE_BARE = re.compile(rf"^(\d{{1,3}})\s+(?!(?:{MONTH_PATTERN})\b)(\S.*)$")


def _strip_heading(text: str) -> str:
    # Plain string tests and replaces do what the patterns would (this runs three times on
    # every line): heading marks stand only at the start; ``_BOLD`` takes "**" by pairs.
    if text.startswith("#"):
        text = _HEADING_MARKS.sub("", text)
    return text.replace("**", "").strip()


def _looks_like_heading(text: str) -> bool:
    # A heading is short and does not end like a sentence of a paragraph.
    return len(text) <= 200 and not text.rstrip().endswith((";", ","))


Matcher = Callable[[str, bool], "tuple[Kind, str | None, str] | None"]


def match_draft_heading(text: str, bulleted: bool) -> tuple[Kind, str | None, str] | None:
    """``Draft resolution IV`` with or without the title merged into the line."""
    bare = _strip_heading(text)
    match = _DRAFT_HEADING.match(bare)
    if match and not bulleted:
        return Kind.DRAFT_HEADING, match.group(1), match.group(2).strip()
    return None


def match_decision_heading(text: str, bulleted: bool) -> tuple[Kind, str | None, str] | None:
    """``Draft decision II``, or ``Draft decision`` alone where a report recommends one,
    with or without the title merged into the line (label ``""`` when unnumbered)."""
    bare = _strip_heading(text)
    match = _DECISION_HEADING.match(bare)
    if match and not bulleted and _looks_like_heading(bare) and not bare.endswith("."):
        return Kind.DECISION_HEADING, match.group(1) or "", (match.group(2) or "").strip()
    return None


def match_labelled_heading(text: str, bulleted: bool) -> tuple[Kind, str | None, str] | None:
    """``II. Consideration of proposals`` or ``A. Draft resolution A/C.3/77/L.2``."""
    bare = _strip_heading(text)
    match = _LABELLED_HEADING.match(bare)
    if match and not bulleted and _looks_like_heading(bare):
        return Kind.LABELLED_HEADING, match.group(1), match.group(2).strip()
    return None


def match_assembly(text: str, bulleted: bool) -> tuple[Kind, str | None, str] | None:
    """The line ``The General Assembly,`` that opens a draft resolution."""
    bare = _strip_heading(text).replace("*", "").strip()
    if _ASSEMBLY.match(bare):
        return Kind.ASSEMBLY, None, bare
    return None


def match_note(text: str, bulleted: bool) -> tuple[Kind, str | None, str] | None:
    """A footnote definition with its number marked up: ``<sup>3</sup> Resolution 70/1.``.

    Bare-number definitions (``44 Resolution 70/175, annex.``) need the note
    sequence to be told from text and are claimed in ``blocks`` itself.
    """
    if bulleted:
        return None
    for pattern in (_NOTE_AMP, _NOTE_SUP, _NOTE_TEX):
        match = pattern.match(text)
        if match:
            return Kind.NOTE, match.group(1), match.group(2).strip()
    return None


def match_numbered(text: str, bulleted: bool) -> tuple[Kind, str | None, str] | None:
    """A numbered paragraph ``12. Requests…``, with or without a list marker."""
    match = _NUMBERED.match(text)
    if match:
        return Kind.NUMBERED, match.group(1), match.group(2)
    return None


def match_item(text: str, bulleted: bool) -> tuple[Kind, str | None, str] | None:
    """A sub-paragraph ``(a) Strengthening…`` or ``(ii) …``."""
    match = _ITEM.match(text)
    if match:
        return Kind.ITEM, match.group(1), match.group(2)
    return None


MATCHERS: tuple[Matcher, ...] = (
    match_draft_heading,
    match_decision_heading,
    match_labelled_heading,
    match_assembly,
    match_note,
    match_numbered,
    match_item,
)
"""Ordered; anything no matcher claims is TEXT."""


def _units(cleaned: Cleaned) -> list[list[tuple[int, str]]]:
    return [[(line.number, line.text)] for line in cleaned.lines if line.text]


def blocks(cleaned: Cleaned) -> tuple[Block, ...]:
    """Classify every non-blank line."""
    result: list[Block] = []
    last_note = 0  # notes are numbered afresh in each draft resolution
    for unit in _units(cleaned):
        first_text = unit[0][1]
        bulleted = bool(_BULLET.match(first_text))
        head = _BULLET.sub("", first_text, count=1)
        kind, label, rest = Kind.TEXT, None, head
        for matcher in MATCHERS:
            claimed = matcher(head, bulleted)
            if claimed:
                kind, label, rest = claimed
                break
        if kind is Kind.TEXT and not bulleted and len(unit) == 1:
            bare = _NOTE_BARE.match(head)
            # A bare number opens a note only where the note sequence expects it.
            if bare and int(bare.group(1)) == last_note + 1:
                kind, label, rest = Kind.NOTE, bare.group(1), bare.group(2)
        if kind in (Kind.DRAFT_HEADING, Kind.DECISION_HEADING):
            last_note = 0
        if kind is Kind.NOTE and label is not None:
            last_note = int(label)
        fragments = [Fragment(unit[0][0], rest)] + [Fragment(n, t) for n, t in unit[1:]]
        block = Block(kind, label, tuple(fragments), Span(unit[0][0], unit[-1][0]), bulleted)
        result.append(block)
    return tuple(result)


def with_text(block: Block, fragments: tuple[Fragment, ...]) -> Block:
    """A copy of ``block`` with other fragments (used when joining split paragraphs)."""
    return replace(block, fragments=fragments,
                   span=Span(block.span.first, max(block.span.last, fragments[-1].line)))
