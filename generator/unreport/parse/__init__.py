"""Stage 1, parse: a source file → the frozen ``Report`` model.

source lines ─ clean ─▶ lines without page furniture, split words joined ─ blocks ─▶
typed blocks ─ structure ─▶ ``Report`` (anchors assigned, masthead and proposals read)
─ restore ─▶ lost footnote marks put back. Every node keeps its source lines; problems are
collected as warnings with ``file:line``, and ``verify`` checks that every word of
the source landed in the model, in order, once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from unreport.diagnostics import Collector, Diagnostic, SourceError
from unreport.model import Report
from unreport.parse.blocks import blocks
from unreport.parse.clean import Cleaned, clean
from unreport.parse.documents import document_kind, structure_document
from unreport.parse.source import Source
from unreport.parse.split_words import Join
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
    """Parse a decoded source; raise ``SourceError`` if it is not a document of a kind
    unreport reads (a committee report, a resolution, a draft resolution, amendments)."""
    messages = Collector(source.path, source.pages)
    cleaned = clean(source)
    for join in cleaned.joins:
        messages.warn("joined-word", join.line, joined_message(join))
    try:
        typed = blocks(cleaned)
        kind = document_kind(typed)
        report = (structure_document(kind, cleaned, typed, messages) if kind
                  else structure(cleaned, typed, messages))
    except SourceError as error:
        if error.line and source.is_pdf:  # name the page, not a line of the reader's text
            raise SourceError(error.path, error.message, None, messages.page(error.line)) \
                from None
        raise
    report = restore_marks(report, messages)
    report = replace(report, digest=source.digest)
    return Parsed(report, cleaned, messages.items)


_PLACES = 5
"""Lines named as evidence in a joined-word message; more are summed up with "…"."""


def joined_message(join: Join) -> str:
    """The warning for one join: what was joined, and where the document has the word."""
    lines = [str(n) for n in join.evidence[:_PLACES]]
    more = ", …" if len(join.evidence) > _PLACES else ""
    where = f"line{'s' if len(join.evidence) > 1 else ''} {', '.join(lines)}{more}"
    return (f"joined \"{' '.join(join.fragments)}\" into \"{join.word}\", the word the "
            f"document has at {where} (the converter put a space inside it).")
