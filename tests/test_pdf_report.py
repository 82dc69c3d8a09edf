"""A committee report read from a PDF laid out as the UN lays out its reports.

The corpus has resolutions and drafts but no committee report, so this test writes one:
a small PDF with the UN template's layout (Times, body 10 pt with first lines indented
to 147 pt and paragraphs 18 pt apart, footnote marks 6.5 pt raised 3.5 pt, notes 8.5 pt
under a line of bold underscores, the job number and "2/2" at the foot, the symbol as
running head on page 2, italic opening words) and the same content as the Markdown
fixture ``mini-report.md``. Read through the PDF reader and the report parser, it must
give the same report: masthead, sections, paragraphs, the proposal, the draft
resolution, its sub-paragraphs and notes — and lose no word.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from unreport.parse import parse
from unreport.parse.source import read_source
from unreport.parse.verify import verify

# A run: (font, size, rise, text); a line: (x, y, runs); a page: lines.
Run = tuple[str, float, float, str]
Line = tuple[float, float, list[Run]]

R, B, IT = "F1", "F2", "F3"  # Times-Roman, Times-Bold, Times-Italic
FONTS = {R: "Times-Roman", B: "Times-Bold", IT: "Times-Italic"}


def text(*runs: tuple[str, str] | Run) -> list[Run]:
    """Runs of 10 pt text; a run of one figure in ``("mark", "1")`` is a raised mark."""
    out: list[Run] = []
    for run in runs:
        if len(run) == 4:
            out.append(run)
        elif run[0] == "mark":
            out.append((R, 6.5, 3.5, run[1]))
        else:
            out.append((run[0], 10, 0, run[1]))
    return out


def paragraph(y: float, first: list[Run], *rest: list[Run], indent: float = 147.1
              ) -> list[Line]:
    """A paragraph: its first row indented, the others at the margin, 12 pt apart."""
    lines: list[Line] = [(indent, y, first)]
    for index, runs in enumerate(rest, start=1):
        lines.append((123.4, y - 12 * index, runs))
    return lines


PAGE_1: list[Line] = [
    (123.4, 734, [(R, 14, 0, "United Nations")]),
    (482.0, 735.5, [(R, 20, 0, "A"), (R, 10, 0, "/99/1")]),
    (123.4, 705.5, [(B, 20, 0, "General Assembly")]),
    (397.0, 705.3, [(R, 10, 0, "Distr.: General")]),
    (397.0, 693.6, [(R, 10, 0, "2 January 2030")]),
    (397.0, 669.5, [(R, 10, 0, "Original: English")]),
    (60.0, 570.0, [(B, 10, 0, "Ninety-ninth session")]),
    (60.0, 558.0, [(R, 10, 0, "Agenda item 7")]),
    (60.0, 546.0, [(B, 10, 0, "Testing the tools")]),
    (123.4, 512.0, [(B, 17, 0, "Report of the Sixth Committee")]),
    (123.4, 490.0, [(R, 10, 0, "Rapporteur: Mr. Test Person (Iceland)")]),
    (98.0, 460.0, [(B, 10, 0, "I. Introduction")]),
    *paragraph(436.0,
               text((R, "1. At its 2nd plenary meeting, on 5 September 2029, the General")),
               text((R, "Assembly decided to allocate the item to the Sixth Committee."),
                    ("mark", "1"))),
    (98.0, 394.0, [(B, 10, 0, "II. Consideration of proposals")]),
    (123.4, 370.0, [(B, 10, 0, "A. Draft resolution A/C.6/99/L.2")]),
    *paragraph(346.0,
               text((R, "2. At the 9th meeting, on 1 December 2029, the Committee had before")),
               text((R, "it a draft resolution entitled \"Testing the tools\" (A/C.6/99/L.2),")),
               text((R, "submitted by Bosnia and Herzegovina, Iceland and the United Kingdom")),
               text((R, "of Great Britain and Northern Ireland. Subsequently, Chile and the")),
               text((R, "Niger joined in sponsoring the draft resolution."))),
    *paragraph(268.0, text((R, "3. At the same meeting, the Committee adopted draft resolution")),
               text((R, "A/C.6/99/L.2 (see para. 4, draft resolution I)."))),
    (98.0, 226.0, [(B, 10, 0, "III. Recommendations of the Sixth Committee")]),
    *paragraph(202.0, text((R, "4. The Sixth Committee recommends to the General Assembly the")),
               text((R, "adoption of the following draft resolution:"))),
    (99.6, 120.0, [(B, 8, 0, "__________________")]),
    (117.0, 109.0, [(R, 5.5, 3, "1")]),
    (123.4, 109.0, [(R, 8.5, 0, "A/C.6/99/SR.1.")]),
    (65.4, 44.5, [(R, 10, 0, "99-00001 (E) 020130")]),
]

PAGE_2: list[Line] = [
    (60.0, 733.0, [(B, 8.5, 0, "A/99/1")]),
    (247.0, 700.0, [(B, 10, 0, "Draft resolution I")]),
    (247.0, 676.0, [(B, 12, 0, "Testing the tools")]),
    (147.1, 652.0, [(IT, 10, 0, "The General Assembly"), (R, 10, 0, ",")]),
    *paragraph(634.0, text((IT, "Recalling"), (R, " its resolution 98/1 of 1 January 2029,"),
                           ("mark", "1"))),
    *paragraph(616.0, text((IT, "Noting with appreciation"), (R, " the work of the")),
               text((R, "tools,"))),
    *paragraph(586.0, text((R, "1. "), (IT, "Requests"), (R, " the Secretary-General to test:"))),
    *paragraph(568.0, text((R, "(a) The tools;"))),
    *paragraph(550.0, text((R, "(b) The rules, including:"))),
    *paragraph(532.0, text((R, "(i) Old ones;"), ("mark", "2")), indent=171.0),
    *paragraph(514.0, text((R, "(ii) New ones;")), indent=171.0),
    *paragraph(496.0, text((R, "2. "), (IT, "Decides"), (R, " to remain seized of the matter."))),
    (99.6, 120.0, [(B, 8, 0, "__________________")]),
    (117.0, 109.0, [(R, 5.5, 3, "1")]),
    (123.4, 109.0, [(R, 8.5, 0, "Resolution 98/1, annex.")]),
    (117.0, 98.5, [(R, 5.5, 3, "2")]),
    (123.4, 98.5, [(R, 8.5, 0, "A/99/2.")]),
    (524.5, 38.0, [(R, 7, 0, "99-00001")]),
    (60.0, 36.5, [(B, 8.5, 0, "2/2")]),
]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content(lines: list[Line]) -> bytes:
    """A page's content stream: each line a text object, its runs flowing one after
    another (``Tj`` advances by the font's own widths), a mark raised with ``Ts``."""
    out = []
    for x, y, runs in lines:
        ops = [f"BT 1 0 0 1 {x} {y} Tm"]
        for font, size, rise, value in runs:
            ops.append(f"/{font} {size} Tf {rise} Ts ({_escape(value)}) Tj")
        ops.append("ET")
        out.append(" ".join(ops))
    return "\n".join(out).encode("latin-1")


def write_pdf(pages: list[list[Line]]) -> bytes:
    """A PDF of Letter pages with the three Times fonts (PDFium knows their widths)."""
    objects: list[bytes] = []
    fonts = {name: 3 + index for index, name in enumerate(FONTS)}
    kids = []
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"")  # the page tree, written once the pages are numbered
    for base in FONTS.values():
        objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} >>".encode())
    resources = " ".join(f"/{name} {number} 0 R" for name, number in fonts.items())
    for lines in pages:
        stream = _content(lines)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                       f"{content} 0 R /Resources << /Font << {resources} >> >> >>".encode())
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "A-99-1.pdf"
    path.write_bytes(write_pdf([PAGE_1, PAGE_2]))
    return path


def test_the_report_reads_from_its_pdf(report_pdf: Path) -> None:
    parsed = parse(read_source(report_pdf))
    verify(parsed)  # complete, and every word of the text layer in the model
    report = parsed.report
    assert report.kind == "report"
    assert (str(report.symbol), report.session, report.agenda_item) == ("A/99/1", 99, 7)
    assert report.title == "Testing the tools"
    assert report.committee == "Sixth Committee"
    assert report.rapporteur is not None and report.rapporteur.country == "Iceland"
    assert [s.number for s in report.sections] == ["I", "II", "III"]
    assert [p.number for p in report.paragraphs] == [1, 2, 3, 4]
    assert report.paragraphs[0].text.endswith("to the Sixth Committee.")
    assert [(n.number, n.text) for n in report.notes] == [(1, "A/C.6/99/SR.1.")]
    assert [n.number for n in report.paragraphs[0].notes] == [1]
    (proposal,) = report.proposals
    assert str(proposal.draft_symbol) == "A/C.6/99/L.2"
    assert proposal.sponsors.original == ("Bosnia and Herzegovina", "Iceland",
                                          "United Kingdom of Great Britain and Northern Ireland")
    assert proposal.sponsors.subsequent == ("Chile", "Niger")
    assert proposal.draft_resolution == "I"


def test_the_draft_resolution_reads_from_its_pdf(report_pdf: Path) -> None:
    parsed = parse(read_source(report_pdf))
    (draft,) = parsed.report.resolutions
    assert (draft.number, draft.title) == ("I", "Testing the tools")
    assert [pp.text for pp in draft.preambular] == [
        "Recalling its resolution 98/1 of 1 January 2029,",
        "Noting with appreciation the work of the tools,"]
    assert [pp.text[:pp.italic] for pp in draft.preambular] == [
        "Recalling", "Noting with appreciation"]  # italics as the PDF sets them
    assert [(op.number, op.text) for op in draft.operative] == [
        (1, "Requests the Secretary-General to test:"),
        (2, "Decides to remain seized of the matter.")]
    (a, b) = draft.operative[0].subparagraphs
    assert (a.anchor, b.anchor) == ("op-1-a", "op-1-b")
    assert [s.anchor for s in b.subparagraphs] == ["op-1-b-i", "op-1-b-ii"]
    assert [n.number for n in b.subparagraphs[0].notes] == [2]
    assert [n.number for n in draft.preambular[0].notes] == [1]
    assert [(n.number, n.text, n.marked) for n in draft.notes] == [
        (1, "Resolution 98/1, annex.", True), (2, "A/99/2.", True)]
    assert not parsed.warnings


def test_furniture_is_named_not_read(report_pdf: Path) -> None:
    source = read_source(report_pdf)
    kinds = {(r.page, r.kind, r.text) for r in source.removed}
    assert (1, "job number", "99-00001 (E) 020130") in kinds
    assert (2, "page number", "2/2") in kinds
    assert (2, "running head", "A/99/1") in kinds
    assert not any("99-00001" in line or line == "2/2" for line in source.lines)
