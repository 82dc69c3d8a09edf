"""Footnote marks in running text, in every form the converter produces.

Forms handled, each a row of ``tests/test_marks.py``:

* ``<sup>3</sup>`` and `` <sup>3</sup>`` (with a stray space before it);
* ``\\(^3\\)``, the converter's TeX form;
* a bare number after a word, a year, a quote or a comma: ``Participation, 9 and``,
  ``Corruption, 13`` at the end of a paragraph, ``Crime 15 and``;
* a bare number that lost leading digits in conversion (``2017 6 of`` where note
  26 is due) — read as the note due next, with a warning;
* ``<sup>th</sup>``-style ordinal suffixes, which are text, not marks.

A bare number is a mark only if a note with that number exists in the same
numbering scope, it comes after the previous mark and before the next explicit
one, and it does not stand where numbers stand in running text (dates, "article
5", "paragraph 29 of", "189 parties"). Explicit marks are always marks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from unreport.model import NoteRef
from unreport.text.dates import MONTH_PATTERN

_EXPLICIT = re.compile(
    r"""\s*(?:
        <sup>\s*(?P<sup>\d{1,3})\s*</sup>          # <sup>3</sup>
      | \\\(\s*\^\s*\{?(?P<tex>\d{1,3})\}?\s*\\\)  # \(^3\)
    )""",
    re.VERBOSE,
)
_ORDINAL = re.compile(r"<sup>\s*(st|nd|rd|th|er|e|re)\s*</sup>")
_EMPHASIS = re.compile(r"\*{1,3}")
_SPACES = re.compile(r"\s+")

# A bare number candidate: one space before it, after a word, year, quote,
# bracket or comma; a word boundary after it. (The space comes first in the pattern, and
# the look-behind checks the character before it: a literal start is found fast.)
_BARE = re.compile(r" (?<=[\w\)\]\"”’,;] )(?P<num>\d{1,3})(?![\d/.\-–]\d|\w|/)")

_NOT_BEFORE = {
    # Words after which a number is part of the sentence, never a footnote mark.
    "a", "about", "against", "all", "an", "and", "approximately", "article", "articles",
    "at", "by", "chap", "chapter", "chapters", "decision", "decisions", "each", "from",
    "in", "item", "items", "its", "least", "nearly", "no", "not", "of", "on", "or", "over",
    "p", "page", "pages", "para", "paragraph", "paragraphs", "paras", "part", "pp",
    "reached", "resolution", "resolutions", "rule", "rules", "sect", "section", "some",
    "than", "the", "their", "to", "under", "vol", "vols", "with", "year", "years",
}
_NOT_AFTER = re.compile(
    rf"""^\s*(?:
        (?:{MONTH_PATTERN})\b                                       # 6 June: a date
      | (?:and|to|-|–)\s*\d{{1,2}}\s+(?:{MONTH_PATTERN})\b          # 30 and 31 October
      | (?:to|-|–)\s*\d                                        # 7 to 12
      | per\s+cent\b | percent\b | %                           # 80 per cent
      | (?:[A-Z]|\()                                           # 2 (b), 5 Member…: not a mark
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Fragmented:
    """Raw text assembled from several source lines, with where each line starts."""

    text: str
    """The raw text, fragments joined with single spaces."""
    starts: tuple[tuple[int, int], ...]
    """(offset in ``text``, source line) for each fragment, in order."""

    def line_at(self, offset: int) -> int:
        """Source line of the character at ``offset``."""
        offsets = [start for start, _ in self.starts]
        index = max(bisect_right(offsets, offset) - 1, 0)
        return self.starts[index][1]


@dataclass(frozen=True)
class Marked:
    """Plain text with its footnote marks taken out."""

    text: str
    """Plain text."""
    notes: tuple[NoteRef, ...]
    """Marks, in order, with offsets into ``text``."""
    repaired: tuple[tuple[int, str, int], ...]
    """(line, as printed, read as) for bare marks read as a different number."""
    italic: int = 0
    """Length of the opening words the source sets in italics (``*Reaffirming also*
    its …``), 0 where it marks none."""


def assemble(fragments: list[tuple[int, str]]) -> Fragmented:
    """Join (line, text) pieces with single spaces, remembering where each starts."""
    parts: list[str] = []
    starts: list[tuple[int, int]] = []
    offset = 0
    for line, piece in fragments:
        piece = piece.strip()
        if not piece:
            continue
        if parts:
            offset += 1
        starts.append((offset, line))
        parts.append(piece)
        offset += len(piece)
    return Fragmented(" ".join(parts), tuple(starts) or ((0, fragments[0][0] if fragments else 0),))


def _may_have_explicit(text: str) -> bool:
    """Whether ``text`` may hold an explicit mark: each form has ``<sup>`` or ``\\(`` in it
    (most texts have neither, and the search for ``_EXPLICIT`` is slow)."""
    return "<sup>" in text or "\\(" in text


def explicit_numbers(raw: str) -> list[int]:
    """Numbers of the explicit marks (``<sup>``, ``\\(^N\\)``) in ``raw``."""
    if not _may_have_explicit(raw):
        return []
    return [int(m.group("sup") or m.group("tex")) for m in _EXPLICIT.finditer(raw)]


def _in_word(char: str) -> bool:
    """Whether ``char`` is a word character or a full stop (what ``[\\w.]`` matches)."""
    return char.isalnum() or char in "_."


def _last_word(text: str, end: int) -> str:
    """The last run of word characters and full stops (``[\\w.]+``) in ``text[:end]``,
    "" if none: looked for backwards from ``end``, not in the whole text before it."""
    stop = end
    while stop > 0 and not _in_word(text[stop - 1]):
        stop -= 1
    start = stop
    while start > 0 and _in_word(text[start - 1]):
        start -= 1
    return text[start:stop]


class MarkReader:
    """Reads the marks of one numbering scope (the report body, or one draft), in order.

    The reader keeps the number of the last mark seen, so that a bare number is
    only taken for a mark where the sequence of notes expects one.
    """

    def __init__(self, notes: set[int], explicit_ahead: list[int]) -> None:
        self.notes = notes
        """Note numbers defined in the scope."""
        self.explicit_ahead = list(explicit_ahead)
        """Explicit mark numbers not yet read, in document order."""
        self.last = 0
        """Number of the last mark read."""
        self.seen: set[int] = set()
        """Numbers already marked."""

    def _expected(self) -> int | None:
        later = [n for n in self.notes if n > self.last and n not in self.seen]
        return min(later) if later else None

    def _bare_number(self, text: str, match: re.Match[str]) -> tuple[int, bool] | None:
        """The note a bare number refers to, and whether it was repaired; None if no mark."""
        before = _last_word(text, match.start())
        if before.rstrip(".").lower() in _NOT_BEFORE or before.endswith("No."):
            return None
        after = text[match.end():]
        if _NOT_AFTER.match(after):
            return None
        number = int(match.group("num"))
        limit = self.explicit_ahead[0] if self.explicit_ahead else None
        if limit is not None and number >= limit:
            number_ok = False
        else:
            number_ok = number in self.notes and number > self.last and number not in self.seen
        if number_ok:
            return number, False
        expected = self._expected()
        digits = match.group("num")
        if (expected is not None and (limit is None or expected < limit)
                and len(digits) < len(str(expected)) and str(expected).endswith(digits)):
            return expected, True
        return None

    def read(self, raw: Fragmented) -> Marked:
        """Take the marks out of ``raw``; return plain text and the marks."""
        text = raw.text
        spans: list[tuple[int, int, int, bool, str]] = []
        if _may_have_explicit(text):
            text = _ORDINAL.sub(lambda m: m.group(1), text)
            for m in _EXPLICIT.finditer(text):
                spans.append((m.start(), m.end(), int(m.group("sup") or m.group("tex")),
                              False, ""))
        taken = [(s, e) for s, e, *_ in spans]
        # Bare numbers are read in order, interleaved with explicit marks.
        events = sorted(spans)
        bare_matches = [m for m in _BARE.finditer(text)
                        if not any(s <= m.start() < e for s, e in taken)]
        result: list[tuple[int, int, int, bool, str]] = []
        cursor_explicit = 0
        for m in bare_matches:
            while cursor_explicit < len(events) and events[cursor_explicit][0] < m.start():
                self._consume(events[cursor_explicit][2])
                result.append(events[cursor_explicit])
                cursor_explicit += 1
            found = self._bare_number(text, m)
            if found:
                number, repaired = found
                self.last = number
                self.seen.add(number)
                result.append((m.start(), m.end(), number, repaired, m.group("num")))
        for event in events[cursor_explicit:]:
            self._consume(event[2])
            result.append(event)
        result.sort()
        return self._splice(text, raw, result)

    def _consume(self, number: int) -> None:
        if self.explicit_ahead and self.explicit_ahead[0] == number:
            self.explicit_ahead.pop(0)
        elif number in self.explicit_ahead:
            self.explicit_ahead.remove(number)
        self.last = max(self.last, number)
        self.seen.add(number)

    @staticmethod
    def _splice(text: str, raw: Fragmented,
                marks: list[tuple[int, int, int, bool, str]]) -> Marked:
        out: list[str] = []
        refs: list[NoteRef] = []
        repaired: list[tuple[int, str, int]] = []
        cursor = 0
        # Length of the text before a mark, without the white space at its end and without
        # emphasis (``_EMPHASIS`` removes every asterisk). The text so far never ends with
        # white space, so only the new piece needs stripping.
        length = 0
        for start, end, number, was_repaired, printed in marks:
            piece = text[cursor:start].rstrip()
            out.append(piece)
            length += len(piece) - piece.count("*")
            line = raw.line_at(start)
            refs.append(NoteRef(number, length, line))
            if was_repaired:
                repaired.append((line, printed, number))
            cursor = end
        out.append(text[cursor:])
        emphasized = "".join(out)
        plain = emphasized.replace("*", "")  # what ``_EMPHASIS`` would remove
        collapsed, refs = _collapse_spaces(plain, refs)
        opening = _ITALIC_OPENING.match(emphasized)
        italic = len(" ".join(opening.group(1).split())) if opening else 0
        return Marked(collapsed, tuple(refs), tuple(repaired), italic)


_ITALIC_OPENING = re.compile(r"\s*\*(?!\*)([^*]+?)\*(?!\*)")
"""Words in single asterisks at the start of a text: its italic opening."""


def _collapse_spaces(text: str, refs: list[NoteRef]) -> tuple[str, list[NoteRef]]:
    """Collapse runs of white space to one space and strip, keeping offsets right.

    A mark at offset ``i`` moves to the length of the collapsed ``text[:i]``: the
    white space before it counts as one space, the leading white space as none.
    """
    collapsed = " ".join(text.split())
    new_refs = [NoteRef(r.number, min(_collapsed_length(text[:r.offset]), len(collapsed)),
                        r.line) for r in refs]
    return collapsed, new_refs


def _collapsed_length(text: str) -> int:
    """The length of ``_SPACES.sub(" ", text.lstrip())``: the words with one space between
    them (``str.split`` splits at the same white space as ``_SPACES``), and one more space
    if white space ends the text after a word."""
    trailing = bool(text) and text[-1].isspace() and not text.isspace()
    return len(" ".join(text.split())) + trailing
