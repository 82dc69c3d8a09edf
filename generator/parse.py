"""The parsing pipeline: source lines → clean → blocks → structure → restore → ``Report``.

Each stage is a pure function of the previous stage's value; warnings are
collected, never printed here. See ``build.py`` for rendering and writing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .blocks import blocks
from .clean import Cleaned, clean
from .diagnostics import Collector, Diagnostic
from .model import Report
from .restore import restore_marks
from .source import Source
from .structure import structure


@dataclass(frozen=True)
class Parsed:
    """A parsed report with everything the later stages and checks need."""

    report: Report
    """The document model."""
    cleaned: Cleaned
    """The cleaned lines and removed furniture (for the nothing-lost check)."""
    warnings: tuple[Diagnostic, ...]
    """Problems found in the source, by line."""


def parse(source: Source) -> Parsed:
    """Parse a decoded source; raise ``SourceError`` if it is not a committee report."""
    messages = Collector(source.path)
    cleaned = clean(source)
    report = restore_marks(structure(cleaned, blocks(cleaned), messages), messages)
    report = replace(report, digest=source.digest)
    return Parsed(report, cleaned, messages.items)
