"""PDFs unreport cannot read, as a user meets them: one sentence, exit code 1, nothing written.

Each bad PDF is made here, in the test: a scan (pages with an image and no text layer), an
encrypted file, a file cut short, a file named .pdf that is HTML or Markdown, one over the
size limit, a letter (a document of a kind unreport does not read), a PDF of no pages and
one whose page cannot be loaded. For each, ``unreport build`` exits with 1 and prints one
line, ``error: FILE: …`` (``FILE, page N: …`` where the page is known), with no traceback,
and writes nothing at all: no site folder, no other file beside the source.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader, PdfWriter
from unreport import cli, pdf
from unreport.diagnostics import SourceError
from unreport.parse.source import from_pdf

RESOLUTION = [
    ["United Nations A/RES/78/999", "", "General Assembly", "", "Seventy-eighth session",
     "Agenda item 107", "", "Resolution adopted by the General Assembly on 19 December 2023",
     "", "78/999. Crime prevention", "", "The General Assembly,", "",
     "Recalling its resolution 46/152 of 18 December 1991,", "",
     "1. Decides to remain seized of the matter."],
    *[[f"{n}. Requests the Secretary-General to report on the matter at its seventy-ninth "
       f"session;" for n in range(2 + 20 * page, 22 + 20 * page)] for page in range(5)],
]
"""Six pages of text shaped like a resolution."""

LETTER = [["United Nations A/78/800", "", "General Assembly", "", "Seventy-eighth session",
           "Agenda item 9", "",
           "Letter dated 5 March 2024 from the Permanent Representative of Norway to the",
           "United Nations addressed to the Secretary-General", "",
           "I have the honour to transmit herewith the statement of my Government.", "",
           "I should be grateful if you would have the present letter circulated as a",
           "document of the General Assembly, under agenda item 9."]]


def text_pdf(pages: list[list[str]], *, early_trailer: bool = False,
             missing_page: bool = False) -> bytes:
    """A PDF drawing ``pages`` in Helvetica, a line each ("" leaves a paragraph's gap).

    ``early_trailer`` writes a trailer before the pages' content, as a linearized file
    (the UN's) has one near its start: PDFium then opens the file even when its end is
    lost. ``missing_page`` lists one more page than there is, which PDFium cannot load.
    """
    count = len(pages)
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    kids = [4 + i for i in range(count)] + ([4 + 2 * count] if missing_page else [])
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids), len(kids))
    for index, lines in enumerate(pages):
        objects[4 + index] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                              b"/Contents %d 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
                              % (4 + count + index))
        shown = " ".join(f"({line.replace('(', '[').replace(')', ']')}) Tj T*"
                         for line in lines)
        stream = f"BT /F1 11 Tf 14 TL 72 720 Td {shown} ET".encode("latin-1")
        objects[4 + count + index] = b"<< /Length %d >>\nstream\n%s\nendstream" % (
            len(stream), stream)
    out = bytearray(b"%PDF-1.4\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        if early_trailer and number == 4 + count:
            out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (max(objects) + 1)
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def scan_pdf() -> bytes:
    """Two pages that are each one image, as a scanner makes them: no text layer."""
    document = pdfium.PdfDocument.new()
    for _ in range(2):
        page = document.new_page(595, 842)
        bitmap = pdfium.PdfBitmap.new_native(200, 280, pdfium.raw.FPDFBitmap_BGR)
        bitmap.fill_rect((255, 255, 255, 255), 0, 0, 200, 280)
        bitmap.fill_rect((0, 0, 0, 255), 20, 20, 160, 8)  # a line of "print"
        image = pdfium.PdfImage.new(document)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
        page.insert_obj(image)
        page.gen_content()
    return _saved(document)


def empty_pdf() -> bytes:
    """A well-formed PDF of no pages."""
    return _saved(pdfium.PdfDocument.new())


def _saved(document: pdfium.PdfDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    """The resolution, encrypted so that it opens only with a password (RC4, which PDFium
    and pypdf both support without another library)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(RESOLUTION))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def cut_in_half(data: bytes) -> bytes:
    return data[:len(data) // 2]


BAD: dict[str, tuple[Callable[[], bytes], int | None, tuple[str, ...]]] = {
    "scan": (scan_pdf, None, ("is a PDF of 2 pages with no text layer", "a scan",
                              "Run it through OCR")),
    "encrypted": (encrypted_pdf, None, ("it is encrypted and needs a password",
                                        "save or print a copy without one")),
    "truncated": (lambda: cut_in_half(text_pdf(RESOLUTION)), None,
                  ("is damaged or truncated", "Download it again")),
    "truncated, PDFium reads its first pages": (
        lambda: cut_in_half(text_pdf(RESOLUTION, early_trailer=True)), None,
        ("is damaged or truncated", "the download or copy was cut short")),
    "a page PDFium cannot load": (lambda: text_pdf(RESOLUTION, missing_page=True), 7,
                                  ("is damaged or truncated: PDFium cannot load this page",)),
    "HTML named .pdf": (lambda: b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head>"
                                b"<body>Please sign in.</body></html>\n", None,
                        ("is named .pdf but is not a PDF", "a web page (HTML)")),
    "Markdown named .pdf": (lambda: b"# A/RES/78/229\n\nResolution adopted by the General "
                                    b"Assembly on 19 December 2023\n", None,
                            ("is named .pdf but is not a PDF",
                             "a report converted to Markdown needs a name ending in .md")),
    "no bytes at all": (lambda: b"", None, ("is named .pdf but is not a PDF", "empty")),
    "no pages": (empty_pdf, None, ("is a PDF with no pages",)),
    "a letter": (lambda: text_pdf(LETTER), None, (
        "found the symbol A/78/800 and \"Letter dated 5 March 2024 from the Permanent",
        "this is not a kind of document unreport reads: a Main Committee's report",
        "a resolution of the General Assembly", "a draft resolution or amendments")),
}
"""Each bad PDF: how it is made, the page the message names (if any), what it says."""


def build(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``unreport build SOURCE --site-dir …`` run in ``tmp_path``: its exit code and the
    one line it prints, after checking that it wrote nothing."""
    code = cli.main(["build", str(source), "--site-dir", str(tmp_path / "site")])
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    assert err.endswith("\n") and err.count("\n") == 1, err  # one message, on one line
    assert sorted(tmp_path.iterdir()) == [source]  # no site, no stray file
    return code, err.removesuffix("\n")


@pytest.mark.parametrize("case", BAD)
def test_a_bad_pdf_is_refused_in_one_sentence(case: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    make, page, says = BAD[case]
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "document.pdf"
    source.write_bytes(make())
    code, message = build(source, tmp_path, capsys)
    assert code == cli.EXIT_SOURCE == 1
    where = f"{source}, page {page}" if page else str(source)
    assert message.startswith(f"error: {where}: "), message
    assert message.endswith("."), message
    for words in says:
        assert words in message


def test_a_pdf_over_the_size_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The limit (50 MiB) made small here, rather than writing 50 MB."""
    monkeypatch.setattr(pdf, "MAX_PDF_BYTES", 1000)
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "document.pdf"
    source.write_bytes(text_pdf(RESOLUTION))
    code, message = build(source, tmp_path, capsys)
    assert code == 1
    assert message.startswith(f"error: {source}: is larger than the limit of 1,000 bytes "
                              "for a PDF"), message


def test_pdfium_alone_would_read_half_a_cut_file() -> None:
    """Why a file must end with %%EOF: PDFium opens this one cut in half, all six pages of
    it, with the text of the first pages only — a half document, were it not refused."""
    document = pdfium.PdfDocument(cut_in_half(text_pdf(RESOLUTION, early_trailer=True)))
    texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    assert len(texts) == len(RESOLUTION)
    assert "Recalling" in texts[0] and texts[-1] == ""


def test_an_empty_pdf_read_after_an_encrypted_one_is_called_empty() -> None:
    """PDFium reports its last error, which another file may have left: the message comes
    from this file alone."""
    with pytest.raises(SourceError, match="encrypted"):
        from_pdf("locked.pdf", encrypted_pdf())
    with pytest.raises(SourceError, match="is a PDF with no pages") as raised:
        from_pdf("empty.pdf", empty_pdf())
    assert "encrypted" not in str(raised.value)


@pytest.mark.parametrize("share", [0.5, 0.95])
def test_a_real_pdf_cut_short_is_refused(share: float, corpus: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A/RES/78/253 cut at half its length (PDFium refuses it) and at 95 % (PDFium opens it
    and reads all 25 pages, its end missing): both refused the same way."""
    data = (corpus / "pdf" / "A_RES_78_253.pdf").read_bytes()
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "A_RES_78_253.pdf"
    source.write_bytes(data[:int(len(data) * share)])
    code, message = build(source, tmp_path, capsys)
    assert code == 1
    assert message.startswith(f"error: {source}: is damaged or truncated"), message
