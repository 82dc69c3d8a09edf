"""Messages about the user's input: warnings that are collected, errors that stop.

A message is a sentence that names the file and line, says what was found and
what was expected, and gives the fix when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in the source, reported as a warning."""

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

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class Collector:
    """Gathers warnings for one source file, in the order they are found."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._items: list[Diagnostic] = []

    def warn(self, line: int | None, message: str) -> None:
        """Record a warning at ``line``."""
        self._items.append(Diagnostic(self.path, line, message))

    @property
    def items(self) -> tuple[Diagnostic, ...]:
        """Warnings so far, sorted by line (stable for equal lines)."""
        return tuple(sorted(self._items, key=lambda d: d.line or 0))
