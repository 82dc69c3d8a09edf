"""Reading the user's file: bytes in, numbered text lines out, or one clear error.

This is the only stage of parsing that touches the disk. ``decode`` is the pure
part and is what the tests exercise with damaged bytes.

Every error names the file, the line when there is one, what is wrong and
what to do. The checks, in order: the path exists, is a regular file (not a
folder, a device or a pipe) and is readable. A file that starts with ``%PDF-`` is
read by ``unreport.pdf`` (at most ``unreport.pdf.MAX_PDF_BYTES``, refused there if
damaged, truncated, encrypted or a scan); one named .pdf that is not a PDF is refused,
saying what it is instead. Any other file is text: at most ``MAX_BYTES``; not a Word
or zip file, or UTF-16/32 text; no NUL bytes and no control characters a converter
never writes; valid UTF-8; not empty. A UTF-8 byte-order mark and Windows (CRLF) or
old Mac (CR) line endings are accepted and read exactly like the plain file.
"""

from __future__ import annotations

import hashlib
import re
import stat
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from unreport import pdf
from unreport.diagnostics import SourceError, SourceUnavailable
from unreport.pdf import PdfRefused, read_pdf
from unreport.pdf.text import Removed

MAX_BYTES = 5 * 1024 * 1024
"""Largest source accepted, in bytes (5 MiB). A committee report converted to
Markdown is far smaller (A/77/464 is about 250 KB); anything larger is almost
certainly the wrong file, and refusing it keeps time and memory bounded."""

BUNDLED_NAME = "A-77-464.md"

_UTF8_BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"),
)
_PDF = b"%PDF-"
_FORMATS = (
    (_PDF, "a PDF file"),
    (b"PK\x03\x04", "a zip archive (a Word .docx or OpenDocument file is one)"),
    (b"\xd0\xcf\x11\xe0", "an old-style Word (.doc) file"),
    (b"{\\rtf", "an RTF file"),
)
# C0 control characters other than tab, line feed, vertical tab, form feed and
# carriage return, and DEL: no converter writes them into Markdown, and some
# (STX, ETX) have a meaning inside Python-Markdown.
_CONTROL = re.compile(rb"[\x01-\x08\x0e-\x1f\x7f]")
_CONVERT = "Convert the report to Markdown (UTF-8 text) first."


@dataclass(frozen=True)
class Source:
    """The text of a source file split into lines (line 1 is ``lines[0]``)."""

    path: str
    """The file as the user named it (used in every message)."""
    lines: tuple[str, ...]
    """Lines without their line endings."""
    digest: str = ""
    """SHA-256 of the file's bytes (hex)."""
    pages: tuple[int, ...] = ()
    """For a PDF: the page each line starts on (``pages[0]`` for line 1); empty for text."""
    removed: tuple[Removed, ...] = ()
    """For a PDF: the page furniture its reader left out."""

    @property
    def is_pdf(self) -> bool:
        """Whether the lines were read from a PDF (by ``unreport.pdf``)."""
        return bool(self.pages)


def bundled_path() -> Path:
    """Path of the report bundled with the package (A/77/464)."""
    return Path(str(resources.files("unreport") / "data" / BUNDLED_NAME))


def read_source(path: str | Path, label: str | None = None) -> Source:
    """Read and decode ``path``; raise ``SourceError`` with a fix if it cannot be used.

    ``label`` names the file in messages (the path as given, by default).
    """
    label = label or str(path)
    file = Path(path)
    try:
        mode = file.stat().st_mode
    except FileNotFoundError:
        raise SourceUnavailable(label, "no such file. Give the path of a report converted to "
                          "Markdown, or leave SOURCE out to use the bundled A/77/464.") from None
    except OSError as error:
        raise SourceUnavailable(label, f"cannot be read: {error.strerror}. Check the path and "
                          "its permissions.") from None
    if stat.S_ISDIR(mode):
        raise SourceUnavailable(label, "is a directory, not a file. Give the path of the "
                          "report's Markdown file inside it.")
    if not stat.S_ISREG(mode):
        raise SourceUnavailable(label, "is not a regular file (a device, a pipe or a socket). "
                          "Save the report to a file and give that file's path.")
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
            if data.startswith(_PDF):
                data += handle.read(max(pdf.MAX_PDF_BYTES + 1 - len(data), 0))
    except OSError as error:
        raise SourceUnavailable(label, f"cannot be read: {error.strerror}. Check the file's "
                          "permissions.") from None
    if data.startswith(_PDF):
        return from_pdf(label, data)
    if file.suffix.lower() == ".pdf":
        what = _not_a_pdf(data)
        raise SourceError(label, "is named .pdf but is not a PDF (it does not start with "
                          f"\"%PDF-\"{'; it is ' + what if what else ''}). Download the "
                          "document's PDF again, or give a report converted to Markdown.")
    return decode(label, data)


_HTML = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body)", re.IGNORECASE)


def _not_a_pdf(data: bytes) -> str | None:
    """What a file named .pdf is instead, when its first bytes say; None if they do not."""
    what = next((what for magic, what in _FORMATS if data.startswith(magic)), None)
    if what or not data:
        return what or "empty (0 bytes)"
    start = data.removeprefix(_UTF8_BOM)[:1024]
    if _HTML.match(start):
        return "a web page (HTML) saved under the PDF's name, often an error or sign-in page"
    sample = start.decode("utf-8", "replace")
    if "\ufffd" not in sample[:-1] and b"\x00" not in start and not _CONTROL.search(start):
        return "text; a report converted to Markdown needs a name ending in .md"
    return None


def from_pdf(label: str, data: bytes) -> Source:
    """Read a PDF's text (``unreport.pdf``); ``SourceError`` with the reason if it cannot be."""
    try:
        text = read_pdf(data)
    except PdfRefused as error:
        raise SourceError(label, str(error), None, error.page) from None
    return Source(label, tuple(line.text for line in text.lines),
                  hashlib.sha256(data).hexdigest(), tuple(line.page for line in text.lines),
                  text.removed)


def decode(label: str, data: bytes) -> Source:
    """Decode ``data`` as UTF-8 text and split it into lines.

    A byte-order mark is dropped and Windows (CRLF) or old Mac (CR) line endings
    become plain line breaks, so such files parse exactly like the original.
    """
    digest = hashlib.sha256(data).hexdigest()
    _check_size(label, data)
    _check_format(label, data)
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    _check_bytes(label, data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise SourceError(label, f"is not valid UTF-8: byte 0x{data[error.start]:02x} at "
                          f"column {column} cannot start or continue a character. The file "
                          "was probably saved in another encoding (Windows-1252, Latin-1…): "
                          "save it as UTF-8 and try again.", line) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(label, "is empty (it has no text at all, or only blank lines). "
                          "Give the path of a report converted to Markdown.")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return Source(label, tuple(lines), digest)


def _check_size(label: str, data: bytes) -> None:
    if len(data) > MAX_BYTES:
        raise SourceError(label, f"is larger than the limit of {MAX_BYTES:,} bytes "
                          "(a committee report in Markdown is a few hundred KB). Check "
                          "that this is the right file; split a longer text into reports.")


def _check_format(label: str, data: bytes) -> None:
    """Recognize files that are not text at all, or text in another Unicode encoding."""
    for magic, what in _FORMATS:
        if data.startswith(magic):
            raise SourceError(label, f"is {what}, not Markdown text. {_CONVERT}", 1)
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            raise SourceError(label, f"is {encoding} text (it starts with a {encoding} "
                              "byte-order mark), not UTF-8. Save it as UTF-8 and try "
                              "again.", 1)


def _check_bytes(label: str, data: bytes) -> None:
    """Refuse NUL bytes (binary data) and control characters, saying where."""
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        raise SourceError(label, f"contains a NUL byte at column {column}: this looks like a "
                          "binary file (PDF, Word…) or UTF-16 text, not Markdown. "
                          f"{_CONVERT}", line)
    control = _CONTROL.search(data)
    if control:
        line, column = _position(data, control.start())
        raise SourceError(label, f"contains the control character "
                          f"U+{data[control.start()]:04X} at column {column}, which is not "
                          "text and which no converter writes. Remove it (or convert the "
                          "report again) and try again.", line)


def _position(data: bytes, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``data[index]``; CR, LF and CRLF end lines."""
    before = data[:index].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    return line, len(before[start:].decode("utf-8", "replace")) + 1
