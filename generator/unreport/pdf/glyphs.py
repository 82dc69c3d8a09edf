"""Glyphs: every character a PDF's text layer draws, with its font and place.

This is the only module that talks to PDFium (through pypdfium2's public API and its
documented raw bindings). A page comes out as a tuple of :class:`Glyph` in the order
the page draws them, in PDF units (points, origin at the bottom left); characters
PDFium makes up itself (the spaces and line breaks it guesses) are left out, since
the reader spaces words by the gaps between glyph boxes instead.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


class Glyph(NamedTuple):
    """One character of the text layer (a named tuple: a page has thousands, made fast)."""

    char: str
    """The character (PDFium's Unicode mapping)."""
    x0: float
    """Left edge of the character's advance box."""
    x1: float
    """Right edge of the character's advance box."""
    baseline: float
    """Its baseline (y of its origin)."""
    size: float
    """Font size in points, as drawn."""
    font: str
    """The font's name, e.g. ``TimesNewRomanPS-ItalicMT``."""
    guessed_space: bool = False
    """PDFium guessed a space right before it (a hint only: its guesses also split words)."""

    @property
    def italic(self) -> bool:
        """Set in an italic font."""
        return "Italic" in self.font or "Oblique" in self.font

    @property
    def bold(self) -> bool:
        """Set in a bold font."""
        return "Bold" in self.font


@dataclass(frozen=True)
class Page:
    """One page's glyphs and size."""

    number: int
    """Page number, from 1."""
    width: float
    """Width in points."""
    height: float
    """Height in points."""
    glyphs: tuple[Glyph, ...]
    """Its characters in drawing order."""


class PdfError(Exception):
    """PDFium cannot open the file or one of its pages; ``reason`` says why in words."""

    def __init__(self, reason: str, *, encrypted: bool = False, page: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.encrypted = encrypted
        """The file is encrypted (a password would open it), not damaged."""
        self.page = page
        """The page that cannot be read, when the file opened but a page did not."""


_REASONS = {
    pdfium_c.FPDF_ERR_FILE: "it cannot be read as a file",
    pdfium_c.FPDF_ERR_FORMAT: "it is damaged or truncated (PDFium cannot read its structure)",
    pdfium_c.FPDF_ERR_PASSWORD: "it is encrypted and needs a password",
    pdfium_c.FPDF_ERR_SECURITY: "it is encrypted in a way PDFium does not support",
    pdfium_c.FPDF_ERR_PAGE: "a page of it cannot be read (the file is damaged)",
}
_ENCRYPTED = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}


def _page_glyphs(page: pdfium.PdfPage) -> tuple[Glyph, ...]:
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = pdfium_c.FPDFText_CountChars(handle)
        name = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        rect = pdfium_c.FS_RECTF()
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        rect_ref, x_ref, y_ref = ctypes.byref(rect), ctypes.byref(origin_x), ctypes.byref(origin_y)
        get_box, get_origin = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetCharOrigin
        get_size, get_font = pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetFontInfo
        flags_ref = ctypes.byref(flags)
        # Asked without a buffer, PDFium gives the length of the font's name and its
        # flags: a cheap key under which the name itself is asked once.
        fonts: dict[tuple[int, int], str] = {}
        # A glyph's loose box stands at a fixed height from its baseline for one font at
        # one size (the font's descent): the baseline is asked once per font and size.
        descents: dict[tuple[int, int, float], float] = {}
        glyphs: list[Glyph] = []
        # One call for the page's characters (index for index: the text layer of these
        # documents has no character outside the Basic Multilingual Plane).
        text = textpage.get_text_range(0, count) if count else ""
        if len(text) != count:  # astral characters shift the indexes: ask one by one
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(handle, i)) for i in range(count))
        guessed = False
        for index, char in enumerate(text):
            if char in "\x00\r\n\ufffe":
                continue
            if char.isspace() and pdfium_c.FPDFText_IsGenerated(handle, index) == 1:
                guessed = char == " "
                continue
            get_box(handle, index, rect_ref)
            key = (get_font(handle, index, None, 0, flags_ref), flags.value)
            font = fonts.get(key)
            if font is None:
                get_font(handle, index, name, len(name), flags_ref)
                font = fonts[key] = name.value.decode("utf-8", "replace")
            size = round(get_size(handle, index), 2)
            descent = descents.get((*key, size))
            if descent is None:
                get_origin(handle, index, x_ref, y_ref)
                descent = descents[(*key, size)] = origin_y.value - rect.bottom
            glyphs.append(Glyph(char, rect.left, rect.right, rect.bottom + descent, size, font,
                                guessed))
            guessed = False
        return tuple(glyphs)
    finally:
        textpage.close()


def _open(data: bytes) -> pdfium.PdfDocument:
    """The document in ``data`` (which must outlive it); ``PdfError`` if PDFium cannot open it.

    Opened through the raw binding rather than ``PdfDocument(data)``: pypdfium2 refuses a
    document of no pages itself and then reports PDFium's last error, which is left over
    from whatever file failed before (an empty PDF read after an encrypted one would be
    called encrypted). PDFium sets the error on every failed load, so here it is this file's.
    """
    handle = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
    if not handle:
        code = pdfium_c.FPDF_GetLastError()
        raise PdfError(_REASONS.get(code, "PDFium cannot open it"), encrypted=code in _ENCRYPTED)
    return pdfium.PdfDocument(handle)


def read_pages(data: bytes) -> Iterator[Page]:
    """The pages of the PDF in ``data``, one at a time (none for a PDF of no pages);
    ``PdfError`` if it cannot be opened or a page of it cannot be read."""
    document = _open(data)
    try:
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError:
                raise PdfError("PDFium cannot load this page",
                               page=index + 1) from None
            try:
                width, height = page.get_size()
                glyphs = _page_glyphs(page)
            except pdfium.PdfiumError:
                raise PdfError("PDFium cannot read this page's text",
                               page=index + 1) from None
            finally:
                page.close()
            yield Page(index + 1, width, height, glyphs)
    finally:
        document.close()
