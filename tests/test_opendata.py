"""The CSV tables and the Data page, in the built site and in the offline bundle.

Row counts are the hand counts of ``test_report_facts.py``: 31 report
paragraphs, 232 preambular and 254 operative paragraphs; 235 sponsorships
(draft IV: 1; V: 10 + 43 + 10; VI: 30 + 39 + 4; VII: 12 + 74 + 12).
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from support import csv_rows
from unreport.addresses import DATA as DATA_PAGE
from unreport.analysis import analyse
from unreport.cli import main
from unreport.export.csv_tables import BOM, Column, Table, csv_text, tables
from unreport.parse import Parsed, parse
from unreport.parse.source import read_source
from unreport.publish.build import build_site, site_files
from unreport.references.layer import build_layer
from unreport.site.data_page import downloads, size

MINI = Path(__file__).resolve().parent / "fixtures" / "mini-report.md"
DOWNLOADS = ["A-77-464.json", "schema/report.schema.json", "A-77-464.akn.xml",
             "data/paragraphs.csv", "data/sponsorships.csv", "data/votes.csv",
             "data/references.csv",
             "data/mandates.csv"]



@pytest.fixture(scope="module")
def files(parsed: Parsed) -> dict[str, str]:
    return site_files(parsed.report)


def test_utf8_with_a_byte_order_mark_for_excel(files: dict[str, str]) -> None:
    for table in tables("report"):
        data = files[table.path].encode("utf-8")
        assert data.startswith(b"\xef\xbb\xbf"), table.path
        header = data[3:].split(b"\n", 1)[0].decode("ascii")
        assert header == ",".join(column.name for column in table.columns)
    # Excel's reading: UTF-8 because of the mark, so the accents survive.
    states = {row["state"] for row in csv_rows(files["data/sponsorships.csv"])}
    assert {"Côte d'Ivoire", "Türkiye"} <= states


def test_one_row_per_paragraph(files: dict[str, str], parsed: Parsed) -> None:
    rows = csv_rows(files["data/paragraphs.csv"])
    assert Counter(row["kind"] for row in rows) == {"report": 31, "preambular": 232,
                                                    "operative": 254}
    data = json.loads(files["A-77-464.json"])
    texts = [p["text"] for p in data["paragraphs"]]
    for draft in data["resolutions"]:
        texts += [p["text"] for p in draft["preambular"]] + [o["text"] for o in draft["operative"]]
    assert [row["text"] for row in rows] == texts
    op12 = next(r for r in rows if r["draft"] == "V" and r["kind"] == "operative"
                and r["number"] == "12")
    assert (op12["anchor"], op12["url"]) == ("op-12", "draft-resolutions/v.html#op-12")
    para2 = rows[1]
    assert para2["notes"] == ("[1] A/C.3/77/SR.5, A/C.3/77/SR.6, A/C.3/77/SR.45, "
                              "A/C.3/77/SR.48, A/C.3/77/SR.50 and A/C.3/77/SR.51.")
    para3 = rows[2]
    assert para3["subparagraphs"].splitlines()[0].startswith("(a) Report of the Secretary-Gen")
    assert len(para3["subparagraphs"].splitlines()) == 5
    vi6 = next(r for r in rows if r["draft"] == "VI" and r["anchor"] == "op-6")
    assert [line[:3] for line in vi6["subparagraphs"].splitlines()] == [
        f"({x})" for x in "abcdefghijk"]


def test_one_row_per_sponsorship(files: dict[str, str]) -> None:
    rows = csv_rows(files["data/sponsorships.csv"])
    assert len(rows) == 235
    counts = Counter((row["draft"], row["role"]) for row in rows)
    assert counts == {("IV", "original"): 1,
                      ("V", "original"): 10, ("V", "subsequent"): 43, ("V", "at_meeting"): 10,
                      ("VI", "original"): 30, ("VI", "subsequent"): 39, ("VI", "at_meeting"): 4,
                      ("VII", "original"): 12, ("VII", "subsequent"): 74,
                      ("VII", "at_meeting"): 12}
    uganda = next(row for row in rows if row["draft"] == "IV")
    assert uganda["state"] == "Uganda"
    assert uganda["on_behalf_of"] == ("States Members of the United Nations that are members "
                                      "of the Group of African States")
    assert {row["draft_symbol"] for row in rows if row["draft"] == "V"} == {"A/C.3/77/L.7/Rev.1"}


def test_one_row_per_citation(files: dict[str, str], parsed: Parsed) -> None:
    rows = csv_rows(files["data/references.csv"])
    data = json.loads(files["A-77-464.json"])
    places = {(r["kind"], r["id"], f"{p['page']}#{p['anchor']}")
              for r in data["references"] for p in r["cited_in"]}
    assert {(row["kind"], row["id"], row["citing_url"]) for row in rows} == places
    layer = build_layer(parsed.report)
    assert len(rows) == sum(1 for c in layer.citations if c.reference.kind != "internal")
    first = rows[0]
    assert first == {"kind": "document", "id": "A/77/127", "url": "https://undocs.org/en/A/77/127",
                     "cited_as": "A/77/127", "citing_paragraph": "Report, para. 3 (a)",
                     "citing_url": "index.html#para-3-a"}


def test_one_row_per_directive_clause(files: dict[str, str]) -> None:
    """The mandates table agrees with the JSON's mandates[], clause by clause."""
    rows = csv_rows(files["data/mandates.csv"])
    records = json.loads(files["A-77-464.json"])["mandates"]
    assert len(rows) == len(records) > 0
    for row, record in zip(rows, records, strict=True):
        assert (row["draft"], int(row["paragraph"]), row["anchor"]) == (
            record["resolution"], record["paragraph"], record["anchor"])
        assert row["url"] == f"{record['page']}#{record['anchor']}"
        assert row["addressees"].split("; ") == record["addressees"] or (
            row["addressees"] == "" and record["addressees"] == [])
        assert row["text"] == record["text"]
        due = record["report"] or {"by": None, "to": None, "session": None}
        assert (row["report_to"] or None, row["report_session"] or None) == (
            due["to"], str(due["session"]) if due["session"] else None)
    # Draft resolution IV, operative paragraph 27 (read by hand): the Secretary-General is
    # asked to report to the General Assembly at its seventy-ninth session.
    iv27 = [r for r in rows if r["draft"] == "IV" and r["paragraph"] == "27"]
    assert any(r["report_to"] == "General Assembly" and r["report_session"] == "79"
               for r in iv27), iv27


@pytest.mark.parametrize(("value", "written"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("Recalling its resolution", "Recalling its resolution"),
    ("Line one\nline two, \"quoted\"", "Line one\nline two, \"quoted\""),
    (None, ""), (12, "12"),
])
def test_cells_cannot_become_formulas(value: str | int | None, written: str) -> None:
    table = Table("t.csv", "A test.", (Column("a", "A."), Column("b", "B.")),
                  lambda sources: [(value, "x")])
    report = parse(read_source(MINI)).report
    text = csv_text(table, analyse(report))
    assert text.startswith(BOM)
    assert csv_rows(text) == [{"a": written, "b": "x"}]


@pytest.mark.parametrize(("count", "shown"), [
    (0, "0 bytes"), (999, "999 bytes"), (1000, "1.0 kB"), (18_325, "18.3 kB"),
    (444_618, "445 kB"), (2_500_000, "2.5 MB")])
def test_size(count: int, shown: str) -> None:
    assert size("x" * count) == shown


def test_data_page_lists_every_download(files: dict[str, str], parsed: Parsed) -> None:
    page = files[DATA_PAGE]
    assert [d.path for d in downloads(parsed.report)] == DOWNLOADS
    for path in DOWNLOADS:
        assert f"| [{path}]({path}) |" in page.replace("&#95;", "_")
        assert f"| {size(files[path])} |" in page
    for table in tables("report"):
        for column in table.columns:
            assert f"| `{column.name}` |" in page
    assert "| `resolutions[].operative[].subparagraphs[].label` | string |" in page


@pytest.fixture(scope="module")
def site(parsed: Parsed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("opendata") / "site"
    build_site(parsed.report, target)
    return target


@pytest.mark.slow
def test_the_site_serves_the_files_as_generated(site: Path, files: dict[str, str]) -> None:
    for path in DOWNLOADS:
        assert (site / path).read_bytes() == files[path].encode("utf-8"), path
    html = (site / "data.html").read_text("utf-8")
    assert 'href="A-77-464.akn.xml"' in html and 'href="data/paragraphs.csv"' in html
    index = (site / "index.html").read_text("utf-8")
    assert 'href="data.html"' in index  # in the navigation
    # Search is for the report's paragraphs: the Data page's tables stay out of it.
    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    assert docs and not any(d["location"].startswith("data.html") for d in docs)


@pytest.mark.slow
def test_the_offline_bundle_carries_them(tmp_path: Path, files: dict[str, str]) -> None:
    output = tmp_path / "A-77-464.zip"
    assert main(["bundle", "--output", str(output)]) == 0
    with zipfile.ZipFile(output) as bundle:
        for path in [*DOWNLOADS, "data.html"]:
            data = bundle.read(f"A-77-464/{path}")
            if path != "data.html":
                assert data == files[path].encode("utf-8"), path
