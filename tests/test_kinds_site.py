"""The site and the open data of the other kinds of document: a resolution, a draft
resolution, a document of amendments.

The documents are made from the bundled report (A/77/464) with ``dataclasses.replace``:
draft resolution VI as the text of resolution 78/229 (with two annexes) and of draft
A/C.3/80/L.3, and two amendments to A/C.3/80/L.3/Rev.1. The last tests read the real
PDFs of ``../shared/corpus`` beside the project, and are skipped where it is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from support import csv_rows, key_paths, valid_akn
from unreport.analysis import analyse
from unreport.export.akn import site_anchor
from unreport.export.schema import fields, load_schema
from unreport.model import (
    Adoption,
    Amendment,
    Annex,
    AnnexBlock,
    DraftResolution,
    Note,
    NoteRef,
    Operative,
    Part,
    Report,
    Span,
    SubParagraph,
)
from unreport.parse import Parsed, parse
from unreport.parse.source import read_source
from unreport.publish.build import Generated, build_site, generate
from unreport.site.annexes import Table, grouped
from unreport.site.render import nav, render
from unreport.text.parts import text_parts
from unreport.text.symbols import DocumentSymbol

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
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
            amends_title="Strengthening the United Nations crime prevention programme",
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
        written |= key_paths(data)
    resolution = json.loads(generated["resolution"].files["A-RES-78-229.json"])
    assert resolution["adoption"] == {
        "date": "2023-12-19", "basis": "on the report of the Third Committee (A/78/482, para. 29)",
        "committee": "Third Committee", "report": "A/78/482", "report_paragraph": 29,
        "meeting": 50}
    assert resolution["resolutions"][0]["page"] == "index.html"
    assert [a["anchor"] for a in resolution["resolutions"][0]["annexes"]] == ["annex", "annex-ii"]
    amendments = json.loads(generated["amendments"].files["A-C.3-80-L.57.json"])
    assert amendments["amends"] == "A/C.3/80/L.3/Rev.1"
    assert amendments["amends_title"] == (
        "Strengthening the United Nations crime prevention programme")
    assert resolution["amends_title"] is None
    assert amendments["amendments"][0] == {
        "number": 1, "anchor": "amendment-1", "action": "insert", "target": "op-64",
        "text": "In operative paragraph 64, after “preventing” insert “and combating”.",
        "footnotes": [1]}
    # The fields only these kinds fill are all written by one of them.
    others = [f.path for f in fields(SCHEMA)
              if f.path.startswith(("adoption.", "amendments[].", "resolutions[].annexes[]."))]
    assert set(others) <= written



def test_csv_tables(generated: dict[str, Generated]) -> None:
    resolution = generated["resolution"].files
    assert "data/amendments.csv" not in resolution and "data/sponsorships.csv" not in resolution
    rows = csv_rows(resolution["data/paragraphs.csv"])
    annex = [row for row in rows if row["kind"].startswith("annex-")]
    assert [(r["kind"], r["number"], r["url"]) for r in annex] == [
        ("annex-paragraph", "3", "index.html#annex-para-3"),
        ("annex-heading", "", "index.html#annex-ii-text-1"),
        ("annex-paragraph", "1", "index.html#annex-ii-para-1"),
        ("annex-item", "a", "index.html#annex-ii-para-1-a"),
        ("annex-text", "", "index.html#annex-ii-text-4")]
    assert {row["draft"] for row in rows} == {"78/229"}
    sponsors = csv_rows(generated["draft"].files["data/sponsorships.csv"])
    assert [(r["draft_symbol"], r["state"], r["url"]) for r in sponsors] == [
        ("A/C.3/80/L.3", "Italy", "index.html"), ("A/C.3/80/L.3", "Côte d'Ivoire", "index.html")]
    amendments = generated["amendments"].files
    assert "data/paragraphs.csv" not in amendments and "data/mandates.csv" not in amendments
    assert [(r["number"], r["action"], r["target"], r["amends"], r["url"])
            for r in csv_rows(amendments["data/amendments.csv"])] == [
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
    root = valid_akn(generated[kind].files[f"{report.symbol.slug}.akn.xml"])
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
    root = valid_akn(generated["amendments"].files["A-C.3-80-L.57.akn.xml"])
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    blocks = root.findall(".//a:amendment/a:amendmentBody/a:amendmentContent/a:blockContainer",
                          ns)
    assert [(b.get("eId"), b.get("class")) for b in blocks] == [
        ("amendments__amendment_1", "insert"), ("amendments__amendment_2", "delete")]
    title = root.find(".//a:amendmentHeading/a:p/a:docTitle", ns)
    assert title is not None and title.text.startswith("Strengthening the United Nations")
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


# A text with parts, an operative paragraph printed without a number, a numbered list in
# an operative paragraph, a table in an annex: made from draft resolution VI.


def _renumbered(op: Operative, number: int, anchor: str, part: str | None) -> Operative:
    """``op`` as paragraph ``number`` of a part, its sub-paragraphs' anchors under ``anchor``."""
    def move(subs: tuple[SubParagraph, ...]) -> tuple[SubParagraph, ...]:
        return tuple(replace(sub, anchor=sub.anchor.replace(op.anchor, anchor, 1),
                             subparagraphs=move(sub.subparagraphs)) for sub in subs)
    return replace(op, number=number, anchor=anchor, part=part,
                   subparagraphs=move(op.subparagraphs))


def _with_parts(text: DraftResolution) -> DraftResolution:
    """Part I (preambular paragraphs 1–2, operative 1–3), part II (the rest of the
    preamble, the other operative paragraphs numbered afresh) and its sub-part A."""
    parts = (Part("I", "Activities of the Office", "part-i", 1),
             Part("II", "Activities of the Committee", "part-ii", 1),
             Part("A", "Audit matters", "part-ii-a", 1))
    preambular = tuple(replace(pp, part="part-i" if index < 2 else "part-ii")
                       for index, pp in enumerate(text.preambular))
    operative = [replace(op, part="part-i") for op in text.operative[:3]]
    rest = text.operative[3:]
    operative += [_renumbered(op, n, f"part-ii-op-{n}", "part-ii")
                  for n, op in enumerate(rest[:-1], start=1)]
    operative.append(_renumbered(rest[-1], len(rest), f"part-ii-a-op-{len(rest)}", "part-ii-a"))
    return replace(text, parts=parts, preambular=preambular, operative=tuple(operative))


def _unnumbered(text: DraftResolution) -> DraftResolution:
    """One preambular paragraph, then an unnumbered operative paragraph holding a
    numbered list (as 78/223's provisional agenda), and an annex with a table."""
    items = tuple(SubParagraph(str(n), f"op-1-{n}", words, (), (), LINE)
                  for n, words in ((1, "Opening of the Congress."),
                                   (2, "Organizational matters.")))
    op = Operative(1, "op-1", "Approves the report of the Credentials Committee.", (), items,
                   LINE, printed=False)
    rows = [("heading", "Staffing table for 2024"), ("text", "Category | Number | Total"),
            ("text", "General Service"), ("text", "Principal level | 274 | 276"),
            ("text", "Other level | 2 304 | 2 350 | 9"),
            ("text", "A closing remark, long enough to be a paragraph of its own rather than "
                     "a line between two rows of the table."),
            ("text", "A lone | row")]
    blocks = tuple(AnnexBlock(kind, None, f"annex-text-{n}", words, (), LINE)
                   for n, (kind, words) in enumerate(rows, start=1))
    last = text.notes[-1].number
    blocks = (*blocks[:3], replace(blocks[3], notes=(NoteRef(last, 15, 1),)), *blocks[4:])
    return replace(text, preambular=text.preambular[:1], operative=(op,),
                   annexes=(Annex("", "annex", "Staffing table for 2024", blocks, LINE),))


@pytest.fixture(scope="module")
def shaped(documents: dict[str, Report]) -> dict[str, Report]:
    """A resolution with parts (78/247) and one with an unnumbered paragraph (78/124)."""
    resolution = documents["resolution"]
    text = resolution.resolutions[0]
    return {
        "parts": replace(resolution, symbol=DocumentSymbol("A/RES/78/247"),
                         resolutions=(replace(_with_parts(text), number="78/247",
                                              annexes=()),)),
        "unnumbered": replace(resolution, symbol=DocumentSymbol("A/RES/78/124"),
                              resolutions=(replace(_unnumbered(text), number="78/124"),)),
    }


@pytest.fixture(scope="module")
def shaped_files(shaped: dict[str, Report]) -> dict[str, Generated]:
    return {name: generate(report) for name, report in shaped.items()}


def test_a_text_with_parts_is_shown_part_by_part(shaped_files: dict[str, Generated]) -> None:
    page = shaped_files["parts"].files["index.md"]
    assert "\noperative:" not in page  # no grid of numbers that repeat from part to part
    assert "{#preamble" not in page and "{#operative" not in page
    order = ["*The General Assembly,*", "## I. Activities of the Office {#part-i .unr-text-part}",
             "{: #pp-1 ", "{: #pp-2 ", "{: #op-1 ", "{: #op-3 ",
             "## II. Activities of the Committee {#part-ii .unr-text-part}", "{: #pp-3 ",
             "{: #part-ii-op-1 ", "### A. Audit matters {#part-ii-a .unr-text-part}",
             "{: #part-ii-a-op-"]
    places = [page.index(marker) for marker in order]
    assert places == sorted(places)
    assert 'data-cite="A/RES/78/247, section II, operative paragraph 1"' in page
    assert 'data-cite="A/RES/78/247, section I, operative paragraph 3"' in page
    assert 'data-cite="A/RES/78/247, preambular paragraph 3"' in page  # numbered through
    assert "[1.](#part-ii-op-1){.unr-num}" in page
    search = {e.location: e.title for e in shaped_files["parts"].search}
    assert search["index.html#part-ii"] == "Resolution 78/247, section II"
    assert search["index.html#part-ii-a"] == "Resolution 78/247, section II.A"
    assert search["index.html#part-ii-op-1"] == "Resolution 78/247, section II, OP 1"
    assert search["index.html#part-ii-op-3-a"] == "Resolution 78/247, section II, OP 3 (a)"
    mandates = shaped_files["parts"].files["mandates.md"]
    assert "[Resolution 78/247, section II, OP 1](index.md#part-ii-op-1)" in mandates


def test_parts_in_the_open_data(shaped_files: dict[str, Generated]) -> None:
    files = shaped_files["parts"].files
    data = json.loads(files["A-RES-78-247.json"])
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    text = data["resolutions"][0]
    assert text["parts"][2] == {"label": "A", "title": "Audit matters", "anchor": "part-ii-a"}
    assert [(p["anchor"], p["part"]) for p in text["preambular"][1:3]] == [
        ("pp-2", "part-i"), ("pp-3", "part-ii")]
    assert text["operative"][3]["anchor"] == "part-ii-op-1"
    assert (text["operative"][3]["part"], text["operative"][3]["printed"]) == ("part-ii", True)
    rows = csv_rows(files["data/paragraphs.csv"])
    assert [(r["anchor"], r["number"], r["part"]) for r in rows if r["kind"] == "operative"][2:4] \
        == [("op-3", "3", "part-i"), ("part-ii-op-1", "1", "part-ii")]
    root = valid_akn(files["A-RES-78-247.akn.xml"])
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    parts = root.findall(".//a:mainBody/a:part", ns)
    assert [(p.get("eId"), p.find("a:num", ns).text, p.find("a:heading", ns).text)
            for p in parts] == [("resolution__part_i", "I", "Activities of the Office"),
                                ("resolution__part_ii", "II", "Activities of the Committee")]
    sub = parts[1].find("a:subpart", ns)
    assert sub.get("eId") == "resolution__part_ii_a"
    assert parts[1].find("a:hcontainer", ns).get("name") == "preambularParagraph"
    places = {site_anchor(e.get("eId")) for e in root.iter() if e.get("eId")}
    assert {("index.html", a) for a in _anchors(data)} <= places
    assert {("index.html", p["anchor"]) for p in text["parts"]} <= places


@pytest.mark.parametrize(("eid", "address"), [
    ("resolution__part_ii", ("index.html", "part-ii")),
    ("resolution__part_vii_a", ("index.html", "part-vii-a")),
    ("resolution__part_ii__para_1", ("index.html", "part-ii-op-1")),
    ("resolution__part_vii_b__para_7__list_1__point_a", ("index.html", "part-vii-b-op-7-a")),
    ("dr_V__part_ii__para_1", ("draft-resolutions/v.html", "part-ii-op-1")),
    ("resolution__section_29a", ("index.html", "section-29a")),
    ("resolution__section_29a__para_2", ("index.html", "section-29a-op-2")),
    ("report__part_ii", None),
])
def test_site_anchor_of_parts(eid: str, address: tuple[str, str] | None) -> None:
    assert site_anchor(eid) == address


@pytest.mark.parametrize(("parts", "expected"), [
    ([("I", "part-i"), ("II", "part-ii")],
     [("section I", None), ("section II", None)]),
    ([("VII", "part-vii"), ("A", "part-vii-a"), ("B", "part-vii-b"), ("VIII", "part-viii")],
     [("section VII", None), ("section VII.A", "part-vii"), ("section VII.B", "part-vii"),
      ("section VIII", None)]),
    # A budget: parts, and sections inside them (78/252).
    ([("Part I", "part-i"), ("Section 1", "section-1"), ("Section 2", "section-2"),
      ("Part II", "part-ii"), ("Section 29A", "section-29a")],
     [("part I", None), ("section 1", "part-i"), ("section 2", "part-i"), ("part II", None),
      ("section 29A", "part-ii")]),
    ([("Section 3", "section-3")], [("section 3", None)]),  # no part above it
])
def test_parts_are_named_and_nested(documents: dict[str, Report],
                                    parts: list[tuple[str, str]],
                                    expected: list[tuple[str, str | None]]) -> None:
    text = replace(documents["resolution"].resolutions[0],
                   parts=tuple(Part(label, "Title", anchor, 1) for label, anchor in parts))
    assert [(group.label, group.parent) for group in text_parts(text)[1:]] == expected


def test_unnumbered_paragraph_and_numbered_items(shaped_files: dict[str, Generated]) -> None:
    files = shaped_files["unnumbered"].files
    page = files["index.md"]
    assert "\noperative:" not in page  # nothing to list: its only paragraph has no number
    assert ('<button type="button" class="unr-cite" aria-haspopup="menu" aria-label="Copy link '
            'or citation: operative paragraph"></button> *Approves* the report') in page
    assert "{: #op-1 .unr-para .unr-op .unr-unnumbered " in page
    assert 'data-cite="A/RES/78/124, operative paragraph" }' in page
    assert "[1.](#op-1-1){.unr-num}" in page
    assert 'data-cite="A/RES/78/124, operative paragraph (2)" }' in page
    search = {e.location: e.title for e in shaped_files["unnumbered"].search}
    assert search["index.html#op-1"] == "Resolution 78/124, operative paragraph"
    assert search["index.html#op-1-2"] == "Resolution 78/124, operative paragraph (2)"
    data = json.loads(files["A-RES-78-124.json"])
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert data["resolutions"][0]["operative"][0]["printed"] is False
    row = next(r for r in csv_rows(files["data/paragraphs.csv"]) if r["kind"] == "operative")
    assert (row["number"], row["subparagraphs"]) == (
        "", "1. Opening of the Congress.\n2. Organizational matters.")
    root = valid_akn(files["A-RES-78-124.akn.xml"])
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    paragraph = root.find(".//a:mainBody/a:paragraph", ns)
    assert paragraph.find("a:num", ns) is None
    assert [n.text for n in paragraph.findall(".//a:point/a:num", ns)] == ["1.", "2."]


def test_rows_of_an_annex_table(shaped: dict[str, Report],
                                shaped_files: dict[str, Generated]) -> None:
    page = shaped_files["unnumbered"].files["index.md"]
    table = page[page.index('<div class="unr-table unr-annex-table"'):page.index("</table>")]
    rows = re.findall(r'<tr id="([^"]+)"', table)
    assert rows == ["annex-text-2", "annex-text-3", "annex-text-4", "annex-text-5"]
    # Four columns (the widest row); a shorter row has empty cells at its end.
    assert '<td colspan="4" markdown="span">General Service</td>' in table
    assert ('<td markdown="span">Category</td><td markdown="span">Number</td>'
            '<td markdown="span">Total</td><td></td></tr>') in table
    assert ('<td class="unr-figure" markdown="span">274</td>'
            '<td class="unr-figure" markdown="span">276</td><td></td></tr>') in table
    note = shaped["unnumbered"].resolutions[0].notes[-1].number  # marked in a cell
    assert f'<td markdown="span">Principal level[^{note}^](#fn-{note})' in table
    # Text after the table, and a lone row, stay paragraphs.
    assert "{: #annex-text-6 .unr-para" in page and "{: #annex-text-7 .unr-para" in page
    search = {e.location: (e.title, e.text) for e in shaped_files["unnumbered"].search}
    assert search["index.html#annex-text-4"] == ("Resolution 78/124, annex",
                                                 "Principal level 274 276")


def _block(text: str, kind: str = "text") -> AnnexBlock:
    return AnnexBlock(kind, None, "annex-text-1", text, (), LINE)


@pytest.mark.parametrize(("texts", "shape"), [
    (["a | b", "c | d"], ["table 2"]),
    (["a | b"], ["text"]),  # one row alone is not a table
    (["a | b", "Group", "c | d"], ["table 3"]),  # a short line between rows is a row
    (["a | b", "Group", "Sub-group", "Third", "c | d"], ["table 5"]),
    (["a | b", "1", "2", "3", "4", "c | d"], ["text"] * 6),  # four lines: two tables' worth
    (["a | b", "c | d", "Note below the table."], ["table 2", "text"]),
    (["Heading above", "a | b", "c | d"], ["text", "table 2"]),
    (["a | b", "x" * 101, "c | d"], ["text"] * 3),  # a long line between is text
    (["a | b", "c | d", "HEADING", "e | f"], ["table 2", "heading", "text"]),
])
def test_table_rows_are_grouped(texts: list[str], shape: list[str]) -> None:
    blocks = tuple(_block(t, "heading") if t == "HEADING" else _block(t) for t in texts)
    found = [f"table {len(item.rows)}" if isinstance(item, Table) else item.kind
             for item in grouped(blocks)]
    assert found == shape


# The real documents: read from their PDFs.

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(),
                                  reason=f"the corpus of real PDFs is not at {CORPUS}")


@pytest.fixture(scope="module")
def real() -> dict[str, Report]:
    names = ["A_RES_78_229", "A_RES_78_128", "A_C.3_80_L.3", "A_C.3_80_L.57", "A_RES_78_247",
             "A_RES_78_124", "A_RES_78_223", "A_RES_78_252"]
    return {name: parse(read_source(CORPUS / f"{name}.pdf")).report for name in names}


@needs_corpus
def test_real_documents_have_their_sites(real: dict[str, Report]) -> None:
    kinds = {name: report.kind for name, report in real.items()}
    assert kinds == {"A_RES_78_229": "resolution", "A_RES_78_128": "resolution",
                     "A_C.3_80_L.3": "draft", "A_C.3_80_L.57": "amendments",
                     "A_RES_78_247": "resolution", "A_RES_78_124": "resolution",
                     "A_RES_78_223": "resolution", "A_RES_78_252": "resolution"}
    for name, report in real.items():
        made = generate(report)
        data = json.loads(made.files[f"{report.symbol.slug}.json"])
        jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
        root = valid_akn(made.files[f"{report.symbol.slug}.akn.xml"])
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


@needs_corpus
def test_real_parts_unnumbered_paragraph_list_and_table(real: dict[str, Report]) -> None:
    page = generate(real["A_RES_78_247"]).files["index.md"]
    assert ("## II. Activities of the Independent Audit Advisory Committee {#part-ii "
            ".unr-text-part}") in page
    assert 'data-cite="A/RES/78/247, section II, operative paragraph 1"' in page
    page = generate(real["A_RES_78_124"]).files["index.md"]
    assert 'data-cite="A/RES/78/124, operative paragraph" }' in page
    page = generate(real["A_RES_78_223"]).files["index.md"]
    assert "[1.](#op-11-1){.unr-num}" in page
    page = generate(real["A_RES_78_252"]).files["index.md"]
    assert "### Section 35. Development Account {#section-35 .unr-text-part}" in page
    assert 'data-cite="A/RES/78/252, section 35, operative paragraph 74"' in page
    assert page.count('<div class="unr-table unr-annex-table"') == 1
    assert re.search(r'<tr id="annex-text-\d+" markdown="1"><td markdown="span">P-5</td>'
                     r'<td class="unr-figure" markdown="span">939</td>', page)
