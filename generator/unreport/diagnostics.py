"""Messages about the user's input: warnings that are collected, errors that stop.

A message is a sentence that names the file and line, says what was found and
what was expected, and gives the fix when there is one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

KINDS = {
    "lost-mark": "notes whose mark the converter lost (kept with the notes)",
    "restored-mark": "lost marks put back where the document's evidence shows (said so)",
    "joined-word": "words the converter split with a space, joined (the document has the word)",
    "repaired-mark": "bare numbers read as a note's mark with digits the converter lost",
    "orphan-mark": "footnote marks without a note",
    "numbering": "numbering gaps or repeats",
    "unplaced": "text that could not be placed where it belongs",
    "structure": "parts of a draft resolution missing or out of place",
    "masthead": "facts missing from the masthead",
    "proposal": "facts about a draft that section II does not give in the usual words",
}
"""Each kind of warning, as a summary line names it."""


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in the source, reported as a warning."""

    kind: str
    """One of ``KINDS``: what sort of problem, for the summary."""
    path: str
    """The source file as the user named it."""
    line: int | None
    """Line in the source, when the problem has one."""
    message: str
    """What was found, what was expected, and what to do."""
    page: int | None = None
    """For a PDF source: the page, which a message names instead of the reader's line."""

    def __str__(self) -> str:
        return f"{place(self.path, self.line, self.page)}: {self.message}"


def place(path: str, line: int | None, page: int | None = None) -> str:
    """Where a message points: ``report.md:12``, ``resolution.pdf, page 3`` or the file."""
    if page:
        return f"{path}, page {page}"
    return f"{path}:{line}" if line else path


class SourceError(Exception):
    """The input cannot be turned into a report; the message says why and what to do."""

    def __init__(self, path: str, message: str, line: int | None = None,
                 page: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        self.page = page
        super().__init__(str(self))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its fields, so that a worker of a process pool can send it back whole."""
        return type(self), (self.path, self.message, self.line, self.page)

    def __str__(self) -> str:
        return f"{place(self.path, self.line, self.page)}: {self.message}"


class SourceUnavailable(SourceError):
    """The source file cannot be opened at all (missing, a folder, not readable): a usage
    problem, not a problem in the report."""


class Collector:
    """Gathers warnings for one source file, in the order they are found."""

    def __init__(self, path: str, pages: tuple[int, ...] = ()) -> None:
        self.path = path
        self.pages = pages
        """For a PDF source: the page of each line, so that messages name pages."""
        self._items: list[Diagnostic] = []

    def page(self, line: int | None) -> int | None:
        """The page of ``line`` for a PDF source; None for a text source."""
        if not self.pages or not line:
            return None
        return self.pages[min(line, len(self.pages)) - 1]

    def warn(self, kind: str, line: int | None, message: str) -> None:
        """Record a warning of ``kind`` (a key of ``KINDS``) at ``line``."""
        self._items.append(Diagnostic(kind, self.path, line, message, self.page(line)))

    def extend(self, other: Collector) -> None:
        """Add ``other``'s warnings after these, in the order they were found."""
        self._items.extend(other._items)

    @property
    def items(self) -> tuple[Diagnostic, ...]:
        """Warnings so far, sorted by line (stable for equal lines)."""
        return tuple(sorted(self._items, key=lambda d: d.line or 0))


def summarise(warnings: Iterable[Diagnostic], *, places: int = 3) -> list[str]:
    """A line per kind of warning: its count, what it is, and the first few lines (pages,
    for a PDF)."""
    by_kind: dict[str, list[Diagnostic]] = {}
    for warning in warnings:
        by_kind.setdefault(warning.kind, []).append(warning)
    out = []
    for kind, items in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        unit = "page" if any(w.page for w in items) else "line"
        numbers = list(dict.fromkeys(str(w.page or w.line) for w in items if w.page or w.line))
        lines = numbers[:places]
        more = ", …" if len(numbers) > places else ""
        plural = "s" if len(lines) > 1 else ""
        where = f" ({unit}{plural} {', '.join(lines)}{more})" if lines else ""
        out.append(f"{len(items):>4} {KINDS.get(kind, kind)}{where}")
    return out
