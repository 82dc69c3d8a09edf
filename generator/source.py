"""Reading the user's file: bytes in, numbered text lines out, or one clear error.

This is the only stage of parsing that touches the disk. ``decode`` is the pure
part and is what the tests exercise with damaged bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from generator.diagnostics import SourceError

MAX_BYTES = 5 * 1024 * 1024
"""Largest source accepted. A committee report converted to Markdown is far smaller
(A/77/464 is about 250 KB); anything larger is almost certainly the wrong file."""

BUNDLED_NAME = "A-77-464.md"


@dataclass(frozen=True)
class Source:
    """The text of a source file split into lines (line 1 is ``lines[0]``)."""

    path: str
    """The file as the user named it (used in every message)."""
    lines: tuple[str, ...]
    """Lines without their line endings."""


def bundled_path() -> Path:
    """Path of the report bundled with the package (A/77/464)."""
    return Path(str(resources.files("generator") / "data" / BUNDLED_NAME))


def read_source(path: str | Path) -> Source:
    """Read and decode ``path``; raise ``SourceError`` with a fix if it cannot be used."""
    label = str(path)
    file = Path(path)
    if not file.exists():
        raise SourceError(label, "no such file. Give the path of a report converted to "
                          "Markdown, or leave SOURCE out to use the bundled A/77/464.")
    if file.is_dir():
        raise SourceError(label, "is a directory, not a file. Give the path of the "
                          "report's Markdown file.")
    size = file.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(label, f"is {size:,} bytes; the limit is {MAX_BYTES:,} bytes "
                          "(a committee report in Markdown is a few hundred KB). "
                          "Check that this is the right file.")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise SourceError(label, f"cannot be read: {error.strerror}.") from None
    return decode(label, data)


def decode(label: str, data: bytes) -> Source:
    """Decode ``data`` as UTF-8 text and split it into lines.

    A byte-order mark is dropped and Windows (CRLF) or old Mac (CR) line endings
    become plain line breaks, so such files parse exactly like the original.
    """
    if len(data) > MAX_BYTES:
        raise SourceError(label, f"is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes.")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        raise SourceError(label, f"contains a NUL byte at column {column}: this looks like a "
                          "binary file (PDF, Word…), not Markdown text. Convert the report "
                          "to Markdown first.", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise SourceError(label, f"is not valid UTF-8: byte 0x{data[error.start]:02x} at "
                          f"column {column}. Save the file as UTF-8 and try again.",
                          line) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(label, "is empty. Give the path of a report converted to Markdown.")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return Source(label, tuple(lines))


def _position(data: bytes, index: int) -> tuple[int, int]:
    """1-based line and column (in bytes) of ``data[index]``."""
    line = data.count(b"\n", 0, index) + 1
    start = data.rfind(b"\n", 0, index) + 1
    return line, index - start + 1
