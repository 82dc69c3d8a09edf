"""Stage 0, read a PDF: the UN's own file → the document's text as source lines.

glyphs (PDFium: each character with its font, size and place) ─ lines ─▶ rows and
pieces, footnote marks raised above them, page furniture named ─ text ─▶ paragraphs
and footnotes, one per line, in the plain form the parser reads from Markdown too.
Nothing is guessed from the words: what is furniture, a footnote or a mark comes
from where and how it is printed, and everything removed is kept (``removed``) so
that the nothing-lost accounting can name it. A file PDFium cannot open, or one with
no text layer (a scan), is refused with a sentence that says so; so is a file cut short,
even where PDFium would open it and read only some pages' text.
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

    def __init__(self, message: str, page: int | None = None) -> None:
        super().__init__(message)
        self.page = page
        """The page the problem is on, when it is one page's."""


_TAIL = 1024
"""A complete PDF has ``%%EOF`` in its last this many bytes (readers look there for it)."""
_DOWNLOAD = ("Download it again (the UN's PDFs are at documents.un.org); if a PDF viewer "
             "cannot open it either, the copy you have is broken.")
_UNLOCK = ("Open it with its password in a PDF viewer and save or print a copy without "
           "one, or download the official PDF from documents.un.org, which has none.")


def read_pdf(data: bytes) -> PdfText:
    """Read the PDF in ``data``; raise ``PdfRefused`` with the reason if it cannot be."""
    if len(data) > MAX_PDF_BYTES:
        raise PdfRefused(f"is larger than the limit of {MAX_PDF_BYTES:,} bytes for a PDF (a "
                         "General Assembly document is at most a few MB). Check that this "
                         "is the right file.")
    # PDFium repairs what it can of a file cut short: it may open one and read the
    # first pages' text and no more (all the pages, the last ones empty). The end of
    # the file is what says it is whole.
    if b"%%EOF" not in data[-_TAIL:]:
        raise PdfRefused("is damaged or truncated: it does not end with the \"%%EOF\" line "
                         "every complete PDF ends with (the download or copy was cut short). "
                         f"{_DOWNLOAD}")
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
        if error.page:
            raise PdfRefused(f"is damaged or truncated: {error.reason}. {_DOWNLOAD}",
                             error.page) from None
        fix = _UNLOCK if error.encrypted else _DOWNLOAD
        raise PdfRefused(f"cannot be read as a PDF: {error.reason}. {fix}") from None
    if not zoned:
        raise PdfRefused("is a PDF with no pages, so there is nothing in it to read. Check "
                         "that this is the right file, or download the document again from "
                         "documents.un.org.")
    if not glyphs:
        raise PdfRefused(f"is a PDF of {len(zoned)} page{'s' if len(zoned) > 1 else ''} with "
                         "no text layer — a scan, not a document the UN published as text. "
                         "Run it through OCR (for example ocrmypdf) first, or download the "
                         "official PDF from documents.un.org.")
    return PdfText(tuple(lines(zoned)), tuple(removed), len(zoned))
