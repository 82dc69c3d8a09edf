"""Stage 1, clean: remove page furniture that the PDF converter left in the text.

Each fixer below repairs one kind of converter damage and says what it
guarantees afterwards. The stage is line based: a removed line becomes a blank
line, so paragraphs that a page break split stay split here and are joined
later by the structure stage, which knows what kind of paragraph it is in.
After the furniture is gone, ``split_words.join_split_words`` joins words the
converter split with a space, inside one line, on the document's own evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from unreport.parse.source import Source
from unreport.parse.split_words import Join, join_split_words
from unreport.text.symbols import SYMBOL_RE


@dataclass(frozen=True)
class Line:
    """One source line."""

    number: int
    """1-based line number in the source."""
    text: str
    """The line's text."""


@dataclass(frozen=True)
class Furniture:
    """A removed line and why it was removed."""

    number: int
    """Line number."""
    text: str
    """The removed text."""
    kind: str
    """Which fixer removed it."""


@dataclass(frozen=True)
class Cleaned:
    """Lines with the furniture blanked out, and the furniture itself."""

    path: str
    """Source file as the user named it."""
    lines: tuple[Line, ...]
    """Every line; furniture lines are present with empty text."""
    furniture: tuple[Furniture, ...]
    """What was removed, for messages and for the nothing-lost check."""
    joins: tuple[Join, ...] = ()
    """Words the converter split with a space and ``join_split_words`` joined (in ``lines``)."""
    pages: tuple[int, ...] = ()
    """For a PDF: the page each line starts on (messages name pages, not lines)."""

    def place(self, line: int) -> str:
        """Where ``line`` is, in the words of a message: ``line 12``, or ``page 3`` of a PDF."""
        if self.pages and 0 < line <= len(self.pages):
            return f"page {self.pages[line - 1]}"
        return f"line {line}"

    def page(self, line: int | None) -> int | None:
        """The page of ``line`` for a PDF, else None."""
        if self.pages and line and 0 < line <= len(self.pages):
            return self.pages[line - 1]
        return None


def _without_emphasis(text: str) -> str:
    """``text`` without its emphasis markers (every ``*``; a plain replace is much faster
    than a regular expression, and this runs three times on every line)."""
    return text.replace("*", "")


# "22-27149 **5/71**", "**22**-27149 **29/71**", "22-27149 3**3/71**", "**43/71**":
# once the bold markers are gone, an optional job number then page/pages.
_FOOTER = re.compile(r"^(?:\d{2}-\d{5}\s*)?\d{1,3}\s*/\s*\d{1,3}$|^\d{2}-\d{5}$"
                     r"|^\d{1,3}\s*/\s*\d{1,3}\s+\d{2}-\d{5}$")  # an even page: "8/12 22-27183"
_RECYCLE = re.compile(r"^(?:♲\s*)?Please\s+recycle\b.*$", re.IGNORECASE)


def page_footer(text: str) -> bool:
    """A page footer: job number and page/pages, bold or not, split by bold markers.

    Afterwards no line consisting of a job number and a page count remains.
    """
    bare = _without_emphasis(text).strip()
    return bool(_FOOTER.match(bare))


def recycle_notice(text: str) -> bool:
    """The "Please recycle" notice printed on the first page (with its stray ``\\``)."""
    bare = _without_emphasis(text).strip().rstrip("\\").strip()
    return bool(_RECYCLE.match(bare))


def running_header(text: str) -> bool:
    """A line that is nothing but a document symbol: the running page header."""
    bare = _without_emphasis(text).strip().lstrip("#").strip()
    match = SYMBOL_RE.fullmatch(bare)
    return match is not None


FIXERS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("page footer", page_footer),
    ("recycle notice", recycle_notice),
    ("running header", running_header),
)
"""Ordered: the first fixer that claims a line removes it."""


def clean(source: Source) -> Cleaned:
    """Blank out page furniture; strip trailing spaces and hard-break backslashes; then
    join words split with a space (``join_split_words``).

    Lines read from a PDF are taken as they are: its reader removed the furniture by
    where it is printed and spaced words by the glyphs' places, so no fixer has
    anything to repair (and a masthead line that is only the symbol is not a running
    head there)."""
    if source.is_pdf:
        return Cleaned(source.path, tuple(Line(number, text.strip()) for number, text
                                          in enumerate(source.lines, start=1)), (),
                       pages=source.pages)
    lines: list[Line] = []
    furniture: list[Furniture] = []
    for number, raw in enumerate(source.lines, start=1):
        text = raw.rstrip()
        if text.endswith("\\"):
            text = text[:-1].rstrip()
        kind = next((name for name, claims in FIXERS if text.strip() and claims(text)), None)
        if kind:
            furniture.append(Furniture(number, raw, kind))
            text = ""
        lines.append(Line(number, text.strip()))
    joined, joins = join_split_words(tuple(lines))
    return Cleaned(source.path, joined, tuple(furniture), joins)
