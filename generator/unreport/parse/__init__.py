"""Stage 1, parse: a source file → the frozen ``Report`` model.

source lines ─ clean ─▶ lines without page furniture ─ blocks ─▶ typed blocks
─ structure ─▶ ``Report`` (anchors assigned, masthead and proposals read) ─ restore ─▶
lost footnote marks put back. Every node keeps its source lines; problems are
collected as warnings with ``file:line``, and ``verify`` checks that every word of
the source landed in the model, in order, once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from unreport.diagnostics import Collector, Diagnostic
from unreport.model import Report
from unreport.parse.blocks import blocks
from unreport.parse.clean import Cleaned, clean
from unreport.parse.source import Source
from unreport.parse.structure import structure
from unreport.restore.lost_marks import restore_marks


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
