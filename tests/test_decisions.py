"""Draft decisions (issue "Every structure a Main Committee report has"): read after the
draft resolutions of section III, one page each, in the JSON, Akoma Ntoso and CSV, and
covered by the nothing-lost check.

``tests/fixtures/decision-report.md`` is a synthetic report in the Secretariat's wording
with one unnumbered draft decision that takes note of two documents (a footnote on the
first); ``NUMBERED`` below is the same report with "Draft decision I" and "II" headings.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from support import csv_rows, valid_akn
from unreport.analysis import analyse
from unreport.export.akn import site_anchor, to_akn
from unreport.export.report_json import to_data
from unreport.export.schema import load_schema
from unreport.parse import Parsed, parse
from unreport.parse.blocks import Kind, match_decision_heading
from unreport.parse.source import Source, read_source
from unreport.parse.verify import LostTextError, verify
from unreport.publish.build import site_files
from unreport.site.render import nav, render

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "decision-report.md"
TEXT = FIXTURE.read_text(encoding="utf-8")
RECOMMENDS = ("- 6. The Third Committee also recommends to the General Assembly the adoption "
              "of the following draft decision:")
SECOND = """
# Draft decision II

## Programme of work of the Third Committee for the hundredth session

The General Assembly approves the programme of work of the Third Committee for its \
hundredth session, as contained in the annex to the present decision.
"""
NUMBERED = (TEXT.replace("following draft decision:", "following draft decisions:")
            .replace("## Documents considered", "# Draft decision I\n\n## Documents considered")
            + SECOND)



def _decisions_only(text: str) -> str:
    """The report without its draft resolution: section II's subsection A and paragraphs
    2, 3 and 5 gone, the others numbered 1–3, as a report that recommends a draft decision
    only."""
    head, rest = text.split("#### A. Draft resolution", 1)
    rest = rest[rest.index("#### B. Documents"):]
    section_iii, decision = rest.split("- 5. The Third Committee recommends", 1)
    decision = decision[decision.index("- 6. The Third Committee also recommends"):]
    text = head + section_iii + decision
    return (text.replace("#### B. Documents", "#### A. Documents")
            .replace("- 4. At its 50th", "- 2. At its 50th").replace("(see para. 6)",
                                                                   "(see para. 3)")
            .replace("- 6. The Third Committee also recommends",
                     "- 3. The Third Committee recommends"))


ONLY = _decisions_only(TEXT)


def _parsed(text: str, name: str = "decision-report.md") -> Parsed:
    return parse(Source(name, tuple(text.split("\n"))))


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    return parse(read_source(FIXTURE))


@pytest.fixture(scope="module")
def files(parsed: Parsed) -> dict[str, str]:
    return site_files(parsed.report)


@pytest.mark.parametrize(("line", "expected"), [
    ("# Draft decision", ("", "")),
    ("Draft decision II", ("II", "")),
    ("## **Draft decision I** Documents considered by the General Assembly",
     ("I", "Documents considered by the General Assembly")),
    ("Draft decision Programme of work", ("", "Programme of work")),
    ("Draft decision Invites the Secretary-General", ("", "Invites the Secretary-General")),
    # Not headings: a symbol, a sentence, a list marker, a draft resolution.
    ("Draft decision A/C.3/99/L.50", None),
    ("Draft decision II was adopted without a vote.", None),
    ("Draft decisions are listed below;", None),
    ("Draft resolution II", None),
])
def test_decision_heading(line: str, expected: tuple[str, str] | None) -> None:
    claimed = match_decision_heading(line, False)
    assert (claimed[1:] if claimed else None) == expected
    if claimed:
        assert claimed[0] is Kind.DECISION_HEADING
    assert match_decision_heading(line, True) is None


def test_a_line_that_only_looks_like_a_heading_keeps_its_words() -> None:
    line = "Draft decision on the documents considered under the item"
    parsed = _parsed(TEXT.replace("(see para. 5, draft resolution I).",
                                  "(see para. 5, draft resolution I).\n\n" + line))
    assert parsed.report.paragraphs[2].text.endswith("draft resolution I). " + line)
    verify(parsed)


def test_the_fixture_has_the_recommending_paragraph() -> None:
    assert RECOMMENDS in TEXT


def test_parse_unnumbered_decision(parsed: Parsed) -> None:
    report = parsed.report
    assert not parsed.warnings
    (decision,) = report.decisions
    assert decision.number == ""
    assert decision.slug == "decision"
    assert decision.title == ("Documents considered by the General Assembly in connection "
                              "with the question of crime prevention and criminal justice")
    (para,) = decision.paragraphs
    assert (para.anchor, para.printed) == ("para-1", False)
    assert para.text == "The General Assembly takes note of the following documents:"
    assert [s.anchor for s in para.subparagraphs] == ["para-1-a", "para-1-b"]
    assert para.subparagraphs[0].text.endswith("(A/99/128);")
    assert [n.number for n in para.subparagraphs[0].notes] == [1]
    assert [(n.number, n.text, n.marked) for n in decision.notes] == [
        (1, "See also E/CN.15/2029/2.", True)]
    # The recommending paragraph is the report's own (section III), not part of the draft.
    assert [(p.number, p.section) for p in report.paragraphs[-2:]] == [(5, "III"), (6, "III")]
    assert [op.number for op in report.resolution("I").operative] == [1, 2]
    assert decision.span.first > report.resolution("I").span.last
    assert decision.page == "draft-decisions/decision.html"


def test_parse_numbered_decisions() -> None:
    parsed = _parsed(NUMBERED)
    assert not parsed.warnings
    first, second = parsed.report.decisions
    assert (first.number, first.slug, len(first.paragraphs[0].subparagraphs)) == ("I", "i", 2)
    assert (second.number, second.slug) == ("II", "ii")
    assert second.title == "Programme of work of the Third Committee for the hundredth session"
    assert second.paragraphs[0].text.startswith("The General Assembly approves")
    assert [n.number for n in first.notes] == [1]
    assert second.notes == ()
    verify(parsed)
    assert "draft-decisions/ii.md" in site_files(parsed.report)


def test_a_report_with_draft_decisions_only() -> None:
    parsed = _parsed(ONLY)
    assert not parsed.warnings
    report = parsed.report
    assert report.resolutions == () and len(report.decisions) == 1
    assert [(p.number, p.section) for p in report.paragraphs] == [(1, "I"), (2, "II"),
                                                                    (3, "III")]
    assert [s.label for s in report.decisions[0].paragraphs[0].subparagraphs] == ["a", "b"]
    verify(parsed)
    files = site_files(report)
    assert "## Draft resolutions" not in files["index.md"]
    assert "(draft-decisions/decision.md)" in files["index.md"]
    assert not [entry for entry in nav(report) if "Draft resolutions" in entry]


def test_a_report_without_decisions() -> None:
    parsed = parse(read_source(HERE.parent / "generator" / "unreport" / "data" / "A-77-464.md"))
    assert parsed.report.decisions == ()
    assert not [page for page in site_files(parsed.report) if "decision" in page]


def test_verify_covers_the_decision(parsed: Parsed) -> None:
    verify(parsed)
    dropped = TEXT.replace("Research Institute (A/99/129).", "Research Institute.")
    lost = _parsed(dropped)
    tampered = lost.report.decisions[0].paragraphs[0].subparagraphs[1]
    assert "A/99/129" not in tampered.text
    verify(lost)  # the source lost it too: nothing to complain about
    # A model that lost a word of the decision is caught.
    para = parsed.report.decisions[0].paragraphs[0]
    shorter = dataclasses.replace(para.subparagraphs[1],
                                  text=para.subparagraphs[1].text.replace("Board of ", ""))
    decision = dataclasses.replace(parsed.report.decisions[0], paragraphs=(dataclasses.replace(
        para, subparagraphs=(para.subparagraphs[0], shorter)),))
    broken = dataclasses.replace(parsed, report=dataclasses.replace(
        parsed.report, decisions=(decision,)))
    with pytest.raises(LostTextError, match="draft decision"):
        verify(broken)


def test_page_and_anchors(files: dict[str, str]) -> None:
    page = files["draft-decisions/decision.md"]
    assert "# Draft decision {#draft-decision-decision}" in page
    for anchor in ("para-1", "para-1-a", "para-1-b", "fn-1"):
        assert f"{{: #{anchor} " in page
    assert 'data-cite="A/99/464, draft decision, paragraph 1 (b)"' in page
    assert "[^1^](#fn-1)" in page
    home = files["index.md"]
    assert "## Draft decisions {#draft-decisions}" in home
    assert "(draft-decisions/decision.md)" in home
    assert home.index("## Draft resolutions") < home.index("## Draft decisions") \
        < home.index("## I. Introduction")


def test_navigation(parsed: Parsed) -> None:
    entries = nav(parsed.report)
    assert {"Draft decisions": [{"Documents considered by the General Assembly in "
                                 "connection…": "draft-decisions/decision.md"}]} in entries


def test_search_entries(parsed: Parsed) -> None:
    entries = {e.location: e for e in render(analyse(parsed.report)).search}
    entry = entries["draft-decisions/decision.html#para-1-b"]
    assert entry.title == "Draft decision, para. 1 (b)"
    assert entry.text.startswith("Note by the Secretary-General")


def test_json(parsed: Parsed, files: dict[str, str]) -> None:
    data = json.loads(files["A-99-464.json"])
    Draft202012Validator(load_schema(), format_checker=FormatChecker()).validate(data)
    (decision,) = data["decisions"]
    assert decision["page"] == "draft-decisions/decision.html"
    assert decision["paragraphs"][0]["subparagraphs"][1]["anchor"] == "para-1-b"
    assert decision["footnotes"] == [{"number": 1, "text": "See also E/CN.15/2029/2.",
                                      "marked": True}]
    assert to_data(analyse(parsed.report))["decisions"] == data["decisions"]


def test_akoma_ntoso(parsed: Parsed) -> None:
    root = valid_akn(to_akn(analyse(parsed.report)))
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    (statement,) = root.findall(".//a:component[@eId='dd_DECISION']/a:statement", ns)
    assert statement.get("name") == "decision"
    points = statement.findall(".//a:point", ns)
    assert [p.get("eId") for p in points] == ["dd_DECISION__para_1__list_1__point_a",
                                              "dd_DECISION__para_1__list_1__point_b"]
    assert site_anchor(points[1].get("eId") or "") == ("draft-decisions/decision.html",
                                                        "para-1-b")


def test_csv(files: dict[str, str]) -> None:
    rows = csv_rows(files["data/paragraphs.csv"])
    (row,) = [r for r in rows if r["kind"] == "decision"]
    assert (row["draft"], row["number"], row["anchor"]) == ("", "", "para-1")
    assert row["url"] == "draft-decisions/decision.html#para-1"
    assert row["subparagraphs"].startswith("(a) Report of the Secretary-General")
