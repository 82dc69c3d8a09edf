"""Stage 0, read a PDF: the UN's own file → the document's text as source lines.

glyphs (PDFium: each character with its font, size and place) ─ lines ─▶ rows and
pieces, footnote marks raised above them, page furniture named ─ text ─▶ paragraphs
and footnotes, one per line, in the plain form the parser reads from Markdown too.
Nothing is guessed from the words: what is furniture, a footnote or a mark comes
from where and how it is printed, and everything removed is kept (``removed``) so
that the nothing-lost accounting can name it. A file PDFium cannot open, or one with
no text layer (a scan), is refused with a sentence that says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from unreport.pdf.glyphs import PdfError, read_pages
from unreport.pdf.lines import zone
from unreport.pdf.text import Line, Removed, lines

MAX_PDF_BYTES = 50 * 1024 * 1024
"""Largest PDF accepted (50 MiB). The longest resolution of a session is under 1 MB."""


@dataclass(frozen=True)
class PdfText:
    """What the reader found in a PDF."""

    lines: tuple[Line, ...]
    """Paragraphs and footnotes, one per line, each with its page."""
    removed: tuple[Removed, ...]
    """Page furniture left out, page by page."""
    pages: int
    """Number of pages."""


class PdfRefused(Exception):
    """The PDF cannot be read; the message is a sentence saying why and what to do."""


def read_pdf(data: bytes) -> PdfText:
    """Read the PDF in ``data``; raise ``PdfRefused`` with the reason if it cannot be."""
    if len(data) > MAX_PDF_BYTES:
        raise PdfRefused(f"is larger than the limit of {MAX_PDF_BYTES:,} bytes for a PDF (a "
                         "General Assembly document is at most a few MB). Check that this "
                         "is the right file.")
    zoned = []
    removed: list[Removed] = []
    glyphs = 0
    try:
        for page in read_pages(data):
            glyphs += len(page.glyphs)
            zones = zone(page)
            zoned.append(zones)
            removed += [Removed(page.number, kind, piece.text) for kind, piece in zones.furniture]
    except PdfError as error:
        raise PdfRefused(f"cannot be read as a PDF: {error.reason}. Open it in a PDF viewer "
                         "to check it; if it is damaged, download it again.") from None
    if not zoned:
        raise PdfRefused("is a PDF with no pages.")
    if not glyphs:
        raise PdfRefused(f"is a PDF of {len(zoned)} page{'s' if len(zoned) > 1 else ''} with "
                         "no text layer — a scan, not a document the UN published as text. "
                         "Run it through OCR (for example ocrmypdf) first, or download the "
                         "official PDF from documents.un.org.")
    return PdfText(tuple(lines(zoned)), tuple(removed), len(zoned))
