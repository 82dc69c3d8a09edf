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

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SourceError(Exception):
    """The input cannot be turned into a report; the message says why and what to do."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its fields, so that a worker of a process pool can send it back whole."""
        return type(self), (self.path, self.message, self.line)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SourceUnavailable(SourceError):
    """The source file cannot be opened at all (missing, a folder, not readable): a usage
    problem, not a problem in the report."""


class Collector:
    """Gathers warnings for one source file, in the order they are found."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._items: list[Diagnostic] = []

    def warn(self, kind: str, line: int | None, message: str) -> None:
        """Record a warning of ``kind`` (a key of ``KINDS``) at ``line``."""
        self._items.append(Diagnostic(kind, self.path, line, message))

    def extend(self, other: Collector) -> None:
        """Add ``other``'s warnings after these, in the order they were found."""
        self._items.extend(other._items)

    @property
    def items(self) -> tuple[Diagnostic, ...]:
        """Warnings so far, sorted by line (stable for equal lines)."""
        return tuple(sorted(self._items, key=lambda d: d.line or 0))


def summarise(warnings: Iterable[Diagnostic], *, places: int = 3) -> list[str]:
    """A line per kind of warning: its count, what it is, and the first few lines."""
    by_kind: dict[str, list[Diagnostic]] = {}
    for warning in warnings:
        by_kind.setdefault(warning.kind, []).append(warning)
    out = []
    for kind, items in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        lines = [str(w.line) for w in items if w.line][:places]
        more = ", …" if sum(1 for w in items if w.line) > places else ""
        where = f" (line{'s' if len(lines) > 1 else ''} {', '.join(lines)}{more})" if lines else ""
        out.append(f"{len(items):>4} {KINDS.get(kind, kind)}{where}")
    return out
