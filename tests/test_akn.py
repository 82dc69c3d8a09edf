"""The Akoma Ntoso export: valid against the official OASIS schema, and the JSON's text.

The schema is ``akomantoso30.xsd`` as the ``cobalt`` package ships it (the
OASIS LegalDocML 1.0 standard's schema); ``strict`` adds the uniqueness of
eIds. The round trip reads the XML back with lxml, independently of the code
that wrote it: every paragraph, sub-paragraph and note of the JSON must be the
text of exactly one element, found through its eId.
"""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from support import AKN, valid_akn
from unreport.analysis import analyse
from unreport.export.akn import akn_name, site_anchor, to_akn
from unreport.export.akn_meta import actor, akn_number
from unreport.export.akn_text import Span, child, node, running_text
from unreport.export.report_json import to_data
from unreport.model import Report, all_subparagraphs
from unreport.parse import Parsed, parse
from unreport.parse.source import read_source
from unreport.publish.build import site_files
from unreport.references.layer import build_layer

HERE = Path(__file__).resolve().parent
MINI = HERE / "fixtures" / "mini-report.md"



def _text(element: etree._Element) -> str:
    """The text of an element, notes left out (they are elements of their own)."""
    parts = [element.text or ""]
    for item in element:
        if item.tag != f"{AKN}authorialNote":
            parts.append(_text(item))
        parts.append(item.tail or "")
    return "".join(parts)


def _own_p(element: etree._Element) -> etree._Element | None:
    """The ``p`` holding an eId'd element's own text (a paragraph's content or intro)."""
    for path in ("p", "content/p", "list/intro/p"):
        found = element.find("/".join(f"{AKN}{step}" for step in path.split("/")))
        if found is not None:
            return found
    return None


def _own_text(element: etree._Element) -> str:
    """The text an eId'd element holds itself."""
    p = _own_p(element)
    return _text(p) if p is not None else ""


def _refs(element: etree._Element) -> list[tuple[str, str]]:
    """(text, href) of the citations in an element's own text, notes left out."""
    out: list[tuple[str, str]] = []
    for item in element:
        if item.tag == f"{AKN}ref":
            out.append((item.text, item.get("href")))
        elif item.tag != f"{AKN}authorialNote":
            out += _refs(item)
    return out


def _by_address(root: etree._Element) -> dict[tuple[str, str], etree._Element]:
    found: dict[tuple[str, str], etree._Element] = {}
    for element in root.iter():
        eid = element.get("eId")
        address = site_anchor(eid) if eid else None
        if address:
            assert address not in found, f"two elements stand for {address}"
            found[address] = element
    return found


def _json_texts(data: dict[str, Any]) -> dict[tuple[str, str], str]:
    """Every paragraph, sub-paragraph and note text of the JSON, by (page, anchor)."""
    texts: dict[tuple[str, str], str] = {}

    def subs(page: str, items: list[dict[str, Any]]) -> None:
        for item in items:
            texts[(page, item["anchor"])] = item["text"]
            subs(page, item.get("subparagraphs", []))

    for para in data["paragraphs"]:
        texts[("index.html", para["anchor"])] = para["text"]
        subs("index.html", para["items"])
    for note in data["footnotes"]:
        texts[("index.html", f"fn-{note['number']}")] = note["text"]
    for draft in data["resolutions"]:
        for pp in draft["preambular"]:
            texts[(draft["page"], pp["anchor"])] = pp["text"]
        for op in draft["operative"]:
            texts[(draft["page"], op["anchor"])] = op["text"]
            subs(draft["page"], op["subparagraphs"])
        for note in draft["footnotes"]:
            texts[(draft["page"], f"fn-{note['number']}")] = note["text"]
    return texts


@pytest.fixture(scope="module")
def files(parsed: Parsed) -> dict[str, str]:
    return site_files(parsed.report)


@pytest.fixture(scope="module")
def root(files: dict[str, str]) -> etree._Element:
    return valid_akn(files["A-77-464.akn.xml"])


def test_named_from_the_symbol_at_the_site_root(files: dict[str, str], parsed: Parsed) -> None:
    assert akn_name(parsed.report) == "A-77-464.akn.xml"
    assert files["A-77-464.akn.xml"].startswith('<?xml version="1.0" encoding="UTF-8"?>\n'
                                                '<akomaNtoso xmlns="http://docs.oasis-open.org'
                                                '/legaldocml/ns/akn/3.0">')


def test_round_trip_every_text_of_the_json(root: etree._Element,
                                            files: dict[str, str]) -> None:
    expected = _json_texts(json.loads(files["A-77-464.json"]))
    found = _by_address(root)
    # 31 + 5 items, 232 preambular, 254 operative + 16 sub-paragraphs, 115 notes (by hand).
    assert len(expected) == 31 + 5 + 232 + 254 + 16 + 115
    assert set(found) == set(expected)
    wrong = {address: (_own_text(found[address]), text) for address, text in expected.items()
             if _own_text(found[address]) != text}
    assert not wrong


def test_structure_of_the_publication(root: etree._Element) -> None:
    collection = root[0]
    assert collection.tag == f"{AKN}documentCollection"
    assert collection.get("name") == "publication"
    components = collection.findall(f"{AKN}collectionBody/{AKN}component")
    assert [c.get("eId") for c in components] == ["report", "dr_I", "dr_II", "dr_III", "dr_IV",
                                                  "dr_V", "dr_VI", "dr_VII"]
    assert components[0][0].tag == f"{AKN}debateReport"
    assert {c[0].tag for c in components[1:]} == {f"{AKN}statement"}
    assert {c[0].get("name") for c in components[1:]} == {"draftResolution"}
    sections = components[0].findall(f".//{AKN}section")
    assert [(s.findtext(f"{AKN}num"), s.findtext(f"{AKN}heading")) for s in sections] == [
        ("I.", "Introduction"), ("II.", "Consideration of proposals"),
        ("III.", "Recommendations of the Third Committee")]
    assert len(sections[1].findall(f"{AKN}subsection")) == 7


def test_a_draft_resolution_reads_as_printed(root: etree._Element) -> None:
    v = root.find(f".//{AKN}component[@eId='dr_V']/{AKN}statement")
    assert v is not None
    assert _text(v.find(f"{AKN}preface/{AKN}p")) == "Draft resolution V"
    assert v.findtext(f".//{AKN}docTitle", "").startswith("Preventing and combating corrupt")
    formula = v.find(f"{AKN}preamble/{AKN}formula")
    assert formula.get("name") == "enactingFormula"
    assert _text(formula[0]) == "The General Assembly,"
    assert len(v.findall(f"{AKN}preamble/{AKN}container")) == 63
    paragraphs = v.findall(f"{AKN}mainBody/{AKN}paragraph")
    assert [p.findtext(f"{AKN}num") for p in paragraphs] == [f"{n}." for n in range(1, 78)]
    vi6 = root.find(f".//{AKN}paragraph[@eId='dr_VI__para_6']")
    assert _text(vi6.find(f"{AKN}list/{AKN}intro/{AKN}p")).startswith(
        "Urges Member States to consider adopting the following measures related to organ")
    points = vi6.findall(f"{AKN}list/{AKN}point")
    assert [p.findtext(f"{AKN}num") for p in points] == [f"({x})" for x in "abcdefghijk"]
    assert points[8].get("eId") == "dr_VI__para_6__list_1__point_i"


def test_eids_lead_back_to_the_site(root: etree._Element, parsed: Parsed) -> None:
    anchors = {("index.html", p.anchor) for p in parsed.report.paragraphs}
    anchors |= {("index.html", i.anchor) for p in parsed.report.paragraphs for i in p.items}
    anchors |= {("index.html", f"fn-{n.number}") for n in parsed.report.notes}
    for draft in parsed.report.resolutions:
        page = f"draft-resolutions/{draft.slug}.html"
        anchors |= {(page, p.anchor) for p in draft.preambular}
        anchors |= {(page, o.anchor) for o in draft.operative}
        anchors |= {(page, s.anchor) for o in draft.operative
                    for s in all_subparagraphs(o.subparagraphs)}
        anchors |= {(page, f"fn-{n.number}") for n in draft.notes}
    assert set(_by_address(root)) == anchors
    eids = [e.get("eId") for e in root.iter() if e.get("eId")]
    assert len(eids) == len(set(eids))


@pytest.mark.parametrize(("eid", "address"), [
    ("report__para_19", ("index.html", "para-19")),
    ("report__para_3__list_1__point_a", ("index.html", "para-3-a")),
    ("report__fn_2", ("index.html", "fn-2")),
    ("dr_V__pp_2", ("draft-resolutions/v.html", "pp-2")),
    ("dr_V__para_12", ("draft-resolutions/v.html", "op-12")),
    ("dr_V__para_5-2", ("draft-resolutions/v.html", "op-5-2")),
    ("dr_VI__para_6__list_1__point_a__list_1__point_i", ("draft-resolutions/vi.html",
                                                         "op-6-a-i")),
    ("dr_V-2__fn_6", ("draft-resolutions/v-2.html", "fn-6")),
    ("dr_V__para_6__list_1", None),
    ("report__sec_II__subsec_A", None),
    ("dr_V__org_cote-divoire", None),
    ("dr_V__enote_fn_1", None),
    ("publication", None),
])
def test_site_anchor(eid: str, address: tuple[str, str] | None) -> None:
    assert site_anchor(eid) == address


def test_notes_stand_at_their_marks(root: etree._Element, parsed: Parsed) -> None:
    """A marked note is inside the paragraph that marks it; a lost one says where it is."""
    found = _by_address(root)
    scopes = [("index.html", parsed.report.notes, [
        (p.anchor, p.notes) for p in parsed.report.paragraphs])]
    for draft in parsed.report.resolutions:
        marks = [(p.anchor, p.notes) for p in draft.preambular]
        marks += [(o.anchor, o.notes) for o in draft.operative]
        marks += [(s.anchor, s.notes) for o in draft.operative
                  for s in all_subparagraphs(o.subparagraphs)]
        scopes.append((f"draft-resolutions/{draft.slug}.html", draft.notes, marks))
    lost = 0
    for page, notes, marks in scopes:
        for note in notes:
            element = found[(page, f"fn-{note.number}")]
            assert element.get("marker") == str(note.number)
            holder = next((anchor for anchor, refs in marks
                           if note.number in {r.number for r in refs}), None)
            if note.state in ("marked", "restored"):
                assert holder is not None
                assert element in list(found[(page, holder)].iter(f"{AKN}authorialNote"))
                assert (element.get("class") == "markRestored") == (note.state == "restored")
            else:
                lost += 1
                assert element.get("class") == "markLost"
                assert element.getparent().getparent().get("class") == "notesWithoutMark"
                explained = element.getnext()
                assert explained.tag == f"{AKN}noteRef"
                note_text = root.find(f".//{AKN}note[@eId='{explained.get('href')[1:]}']")
                assert f"No mark for note {note.number} survives" in _text(note_text[0])
    assert lost == 1  # draft V's note 7; the other 16 lost marks were restored


def test_citations_point_where_the_site_links(root: etree._Element, parsed: Parsed) -> None:
    layer = build_layer(parsed.report)
    found = _by_address(root)
    checked = 0
    for (page, anchor), element in found.items():
        p = _own_p(element)
        refs = _refs(p) if p is not None else []
        expected = [(c.element.text[c.reference.start:c.reference.end], c.target)
                    for c in layer.in_element(page.removesuffix(".html") + ".md", anchor)
                    if c.target and "://" in c.target]
        assert [ref for ref in refs if "://" in ref[1]] == expected, (page, anchor)
        checked += len(expected)
    # Every citation with an official address, in whatever element, was found as a ref.
    assert checked == sum(1 for c in layer.citations if c.target and "://" in c.target) > 250
    assert root.find(f".//{AKN}ref[@href='https://undocs.org/en/A/RES/76/181']") is not None
    internal = root.findall(f".//{AKN}ref[@href='#dr_V']")
    assert [r.text for r in internal] == ["para. 31, draft resolution V"]


def test_identifiers_after_akn4un(root: etree._Element) -> None:
    work = "/akn/un/documentCollection/publication/un-ga-c3/2022-11-30/A-77-464"
    ident = root.find(f"{AKN}documentCollection/{AKN}meta/{AKN}identification")
    assert ident.find(f"{AKN}FRBRWork/{AKN}FRBRthis").get("value") == f"{work}/!main"
    assert ident.find(f"{AKN}FRBRWork/{AKN}FRBRuri").get("value") == work
    assert ident.find(f"{AKN}FRBRExpression/{AKN}FRBRuri").get("value") == \
        f"{work}/eng@2022-11-30"
    assert ident.find(f"{AKN}FRBRManifestation/{AKN}FRBRthis").get("value") == \
        f"{work}/eng@2022-11-30/!main.xml"
    v = root.find(f".//{AKN}component[@eId='dr_V']//{AKN}FRBRWork")
    assert v.find(f"{AKN}FRBRthis").get("value") == f"{work}/!main/dr_V"
    assert v.find(f"{AKN}FRBRalias").get("value") == "A/C.3/77/L.7/Rev.1"


def test_sponsors_meetings_and_adoption(root: etree._Element) -> None:
    v = root.find(f".//{AKN}component[@eId='dr_V']/{AKN}statement/{AKN}meta")
    roles = [a.get("as") for a in v.findall(f"{AKN}identification/{AKN}FRBRWork/"
                                               f"{AKN}FRBRauthor")]
    # Paragraphs 16 and 17: 10 original sponsors, 43 joined subsequently, 10 at the meeting.
    assert roles.count("#dr_V__originalSponsor") == 10
    assert roles.count("#dr_V__subsequentSponsor") == 43
    assert roles.count("#dr_V__sponsorAtMeeting") == 10
    states = {t.get("eId"): t.get("showAs") for t in v.iter(f"{AKN}TLCOrganization")}
    assert states["dr_V__org_cote-divoire"] == "Côte d'Ivoire"
    event = v.find(f"{AKN}lifecycle/{AKN}eventRef")
    assert (event.get("date"), event.get("type"), event.get("refersTo")) == (
        "2022-11-15", "generation", "#dr_V__meeting_50")
    meeting = v.find(f".//{AKN}TLCEvent[@eId='dr_V__meeting_50']")
    assert meeting.get("showAs") == "Third Committee, 50th meeting, 15 November 2022"
    step = v.find(f"{AKN}workflow/{AKN}step")
    assert step.get("outcome") == "#dr_V__outcome"
    assert v.find(f".//{AKN}TLCConcept").get("showAs") == "Adopted without a vote"
    iv = root.find(f".//{AKN}component[@eId='dr_IV']//{AKN}FRBRWork")
    assert [a.get("as") for a in iv.findall(f"{AKN}FRBRauthor")] == [
        "#dr_IV__author", "#dr_IV__originalSponsor", "#dr_IV__onBehalfOf"]
    i = root.find(f".//{AKN}component[@eId='dr_I']//{AKN}FRBRWork")
    assert [a.get("as") for a in i.findall(f"{AKN}FRBRauthor")] == [
        "#dr_I__author", "#dr_I__submitter", "#dr_I__recommendedBy"]
    meetings = [e.get("showAs") for e in root.find(f"{AKN}documentCollection/{AKN}meta")
                .iter(f"{AKN}TLCEvent")]
    assert meetings[0] == "General Assembly, 3rd plenary meeting, 16 September 2022"
    assert len(meetings) == 8  # plenary 3rd; Committee 5th, 6th, 45th, 46th, 48th, 50th, 51st


def _mini() -> Report:
    return parse(read_source(MINI)).report


def test_small_report_and_repeated_draft_number(tmp_path: Path) -> None:
    valid_akn(to_akn(analyse(_mini())))
    text = MINI.read_text("utf-8") + ("\n# Draft resolution I Another title\n\n"
                                      "The General Assembly,\n\n- 1. Decides to test again.\n")
    path = tmp_path / "twice.md"
    path.write_text(text, "utf-8")
    root = valid_akn(to_akn(analyse(parse(read_source(path)).report)))
    assert root.find(f".//{AKN}paragraph[@eId='dr_I-2__para_1']") is not None
    assert site_anchor("dr_I-2__para_1") == ("draft-resolutions/i-2.html", "op-1")


def test_restored_mark_stands_at_its_mark_and_says_so() -> None:
    """A note whose lost mark restore.py put back stands at its mark and says so."""
    report = _mini()
    draft = report.resolutions[0]
    notes = tuple(dataclasses.replace(n, marked=False, restored="a test says so")
                  if n.number == 1 else n for n in draft.notes)
    report = dataclasses.replace(report, resolutions=(dataclasses.replace(draft, notes=notes),))
    root = valid_akn(to_akn(analyse(report)))
    note = root.find(f".//{AKN}authorialNote[@eId='dr_I__fn_1']")
    assert note.get("class") == "markRestored"
    assert note.getparent().getparent().get("eId") == "dr_I__pp_1"
    assert "restored here by unreport" in _text(root.find(f".//{AKN}note[@eId="
                                                          f"'dr_I__enote_fn_1']")[0])
    data = to_data(analyse(report))
    assert data["resolutions"][0]["footnotes"][0]["marked"] == "restored"


def test_text_xml_cannot_carry_is_replaced_not_fatal() -> None:
    report = _mini()
    para = dataclasses.replace(report.paragraphs[0], text="Form\x0cfeed & <tag> \"quoted\"")
    root = valid_akn(to_akn(analyse(dataclasses.replace(report, paragraphs=(para,)))))
    assert _own_text(_by_address(root)[("index.html", "para-1")]) == \
        'Form feed & <tag> "quoted"'


def _marks_and_refs(text: str, marks: list[int], spans: list[tuple[int, int]]) -> str:
    p = node("p")
    running_text(p, text, [(offset, lambda parent: child(parent, "authorialNote"))
                           for offset in marks],
                 [Span(start, end, "x") for start, end in spans])
    return re.sub(r' xmlns="[^"]*"', "", ET.tostring(p, encoding="unicode"))


@pytest.mark.parametrize(("text", "marks", "spans", "xml"), [
    ("Recalling 76/181,", [17], [(10, 16)],
     '<p>Recalling <ref href="x">76/181</ref>,<authorialNote /></p>'),
    ("A mark at the start", [0], [], "<p><authorialNote />A mark at the start</p>"),
    ("", [0], [], "<p><authorialNote /></p>"),
    ("Past the end", [99], [], "<p>Past the end<authorialNote /></p>"),
    # A mark inside a citation: the citation stays text, as on the site.
    ("see 76/181 here", [7], [(4, 10)], "<p>see 76/<authorialNote />181 here</p>"),
    # Overlapping citations: the first one wins.
    ("abcdef", [], [(0, 4), (2, 6)], '<p><ref href="x">abcd</ref>ef</p>'),
    ("two marks", [3, 3], [], "<p>two<authorialNote /><authorialNote /> marks</p>"),
])
def test_running_text(text: str, marks: list[int], spans: list[tuple[int, int]],
                      xml: str) -> None:
    assert _marks_and_refs(text, marks, spans) == xml


@pytest.mark.parametrize(("committee", "expected"), [
    ("Third Committee", "un-ga-c3"),
    ("Sixth Committee", "un-ga-c6"),
    ("Special Political and Decolonization Committee (Fourth Committee)", "un-ga-c4"),
    ("Ad Hoc Committee of the Whole", "un-ga-ad-hoc-committee-of-the-whole"),
])
def test_actor(committee: str, expected: str) -> None:
    assert actor(committee) == expected


@pytest.mark.parametrize(("symbol", "number"), [
    ("A/77/464", "A-77-464"), ("A/C.3/77/L.7/Rev.1", "A-C.3-77-L.7-Rev.1"),
    ("57/270 B", "57-270_B")])
def test_akn_number(symbol: str, number: str) -> None:
    assert akn_number(symbol) == number
