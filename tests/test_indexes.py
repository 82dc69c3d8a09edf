"""Cross-references and index pages over the bundled report."""

from __future__ import annotations

import dataclasses

import pytest
from unreport.analysis import analyse
from unreport.export.report_json import to_data
from unreport.parse import Parsed
from unreport.references.layer import build_layer, elements, natural_key
from unreport.references.meetings import meetings, mentions
from unreport.site.index_pages import sponsorships
from unreport.site.meetings_page import meetings_page


@pytest.fixture(scope="module")
def data(parsed: Parsed) -> dict:
    return to_data(analyse(parsed.report))


def _cited_in(data: dict, kind: str, identifier: str) -> list[tuple[str, str]]:
    entry = next(r for r in data["references"] if r["kind"] == kind and r["id"] == identifier)
    return [(c["page"], c["anchor"]) for c in entry["cited_in"]]


def test_every_citation_points_at_a_registered_anchor(parsed: Parsed) -> None:
    registered = {(e.page, e.anchor) for e in elements(parsed.report)}
    layer = build_layer(parsed.report)
    assert layer.citations
    for citation in layer.citations:
        assert (citation.element.page, citation.element.anchor) in registered
    assert not layer.unresolved


def test_internal_references_resolve(parsed: Parsed) -> None:
    layer = build_layer(parsed.report)
    internal = [c for c in layer.citations if c.reference.kind == "internal"]
    assert [c.target for c in internal] == [f"draft-resolutions/{n}.md" for n in
                                            ("i", "ii", "iii", "iv", "v", "vi", "vii")]
    assert [c.element.anchor for c in internal] == ["para-8", "para-10", "para-12", "para-15",
                                                    "para-19", "para-24", "para-29"]


def test_ga_resolutions_cited(data: dict) -> None:
    v = data["resolutions"][4]["cited_ga_resolutions"]
    # pp. 1 of draft resolution V lists nineteen resolutions, then 74/276 and 75/194.
    for number in ("54/205", "55/61", "55/188", "56/186", "57/244", "58/205", "59/242",
                   "60/207", "61/209", "62/202", "63/226", "64/237", "65/169", "67/189",
                   "67/192", "68/195", "69/199", "71/208", "73/190", "74/276", "75/194"):
        assert number in v
    assert "S-32/1" in v                       # note 7: "Resolution S-32/1, annex."
    assert "57/270 B" in data["resolutions"][0]["cited_ga_resolutions"]
    assert "415 (V)" in data["resolutions"][0]["cited_ga_resolutions"]
    assert "217 A (III)" in data["resolutions"][5]["cited_ga_resolutions"]
    for resolution in data["resolutions"]:
        cited = resolution["cited_ga_resolutions"]
        assert cited == sorted(set(cited), key=natural_key)
        assert "2022/12" not in cited and "9/4" not in cited and "74/550 A" not in cited


def test_other_bodies_are_not_ga_resolutions(data: dict) -> None:
    kinds = {(r["kind"], r["id"]) for r in data["references"]}
    assert ("ga-decision", "74/550 A") in kinds
    assert ("ecosoc-resolution", "2022/12") in kinds
    assert ("ecosoc-resolution", "1992/22") in kinds
    assert ("ccpcj-resolution", "26/3") in kinds
    assert ("cnd-resolution", "65/2") in kinds
    assert {("hrc-resolution", n) for n in ("23/9", "29/11", "35/25", "41/9", "47/7")} <= kinds
    assert ("cosp-resolution", "9/2") in kinds
    assert ("cop-resolution", "10/1") in kinds
    assert ("sc-resolution", "1373 (2001)") in kinds


def test_documents_and_treaties(data: dict) -> None:
    assert ("draft-resolutions/i.html", "fn-1") in _cited_in(data, "document", "E/CN.15/2022/11")
    assert ("index.html", "fn-1") in _cited_in(data, "document", "A/C.3/77/SR.51")
    # "Ibid., vol. 2349, No. 42146" in draft resolution IV, note 5, follows a treaty note.
    assert ("draft-resolutions/iv.html", "fn-5") in _cited_in(data, "treaty",
                                                             "vol. 2349, No. 42146")
    assert ("draft-resolutions/v.html", "fn-6") in _cited_in(data, "treaty",
                                                            "vol. 2349, No. 42146")
    ga = _cited_in(data, "ga-resolution", "76/181")
    assert ("draft-resolutions/i.html", "pp-6") in ga
    assert ("draft-resolutions/v.html", "fn-10") in ga


def test_not_references(parsed: Parsed) -> None:
    layer = build_layer(parsed.report)
    iii = [c for c in layer.citations if c.element.page == "draft-resolutions/iii.md"
           and c.element.anchor == "pp-5"]
    text = next(e.text for e in elements(parsed.report)
                if e.page == "draft-resolutions/iii.md" and e.anchor == "pp-5")
    linked = {text[c.reference.start:c.reference.end] for c in iii}
    assert "29" not in linked and "86" not in linked
    for citation in layer.citations:
        cited = citation.element.text[citation.reference.start:citation.reference.end]
        assert cited.strip() == cited and cited


def test_sponsorships(parsed: Parsed) -> None:
    table = sponsorships(parsed.report)
    names = list(table)
    assert names.index("Costa Rica") < names.index("Côte d'Ivoire") < names.index("Croatia")
    per_draft: dict[str, int] = {}
    for roles in table.values():
        for number in roles:
            per_draft[number] = per_draft.get(number, 0) + 1
    for proposal in parsed.report.proposals:
        assert per_draft.get(proposal.draft_resolution or "", 0) == proposal.sponsors.count
    assert table["Uganda"] == {"IV": "on_behalf", "VII": "subsequent"}
    assert table["Niger"] == {"V": "at_meeting", "VI": "at_meeting", "VII": "at_meeting"}
    assert table["Armenia"] == {"V": "original", "VI": "original"}
    assert table["Kenya"] == {"VII": "subsequent"}


def test_meetings(parsed: Parsed) -> None:
    found = [(m.plenary, m.number, str(m.date)) for m in meetings(parsed.report)]
    assert found == [(True, 3, "2022-09-16"), (False, 5, "2022-10-03"), (False, 6, "2022-10-03"),
                     (False, 45, "2022-11-04"), (False, 46, "2022-11-10"),
                     (False, 48, "2022-11-11"), (False, 50, "2022-11-15"),
                     (False, 51, "2022-11-15")]


# Read by hand from sections I and II of A/77/464: every paragraph about a meeting,
# whether it names it or refers back to it ("At the same meeting", "Also at the same
# meeting", "Before/After the adoption…" mean the meeting last named). Paragraph 2
# names the 5th, 6th, 45th, 48th, 50th and 51st meetings; paragraph 5 the 46th, which
# paragraph 2 leaves out; 3, 6, 9, 11 and 31 are about no meeting.
MEETING_PARAGRAPHS = {
    (True, 3): (1,),
    (False, 5): (2, 4),
    (False, 6): (2,),
    (False, 45): (2, 7, 8, 10, 12),
    (False, 46): (5,),
    (False, 48): (2, 13, 14, 15),
    (False, 50): (2, 16, 17, 18, 19, 20),
    (False, 51): (2, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30),
}


def test_every_paragraph_about_a_meeting_is_listed_under_it(parsed: Parsed) -> None:
    found = {(m.plenary, m.number): m.paragraphs for m in meetings(parsed.report)}
    assert found == MEETING_PARAGRAPHS


@pytest.mark.parametrize(("text", "expected"), [
    ("At the same meeting, Angola joined in sponsoring the draft resolution.", [(False, 50)]),
    ("Also at the same meeting, the representative of Colombia made a statement.",
     [(False, 50)]),
    ("After the adoption of the draft resolution, the representative of Spain made a "
     "statement.", [(False, 50)]),
    ("Before the adoption of the draft resolution, Spain made a statement.", [(False, 50)]),
    ("Also at 51st meeting, the Committee adopted draft resolution X.", [(False, 51)]),
    ("At its 3rd and 4th plenary meetings, on 1 September 2022, it decided.",
     [(True, 3), (True, 4)]),
    ("In its resolution 2022/12, the Council recommended a draft resolution.", []),
])
def test_meeting_grammar(parsed: Parsed, text: str, expected: list[tuple[bool, int]]) -> None:
    first, second = parsed.report.paragraphs[15:17]
    named = "At the 50th meeting, on 15 November 2022, the Committee had before it a draft."
    report = dataclasses.replace(parsed.report, paragraphs=(
        dataclasses.replace(first, text=named), dataclasses.replace(second, text=text)))
    found = {m.paragraph.number: list(m.meetings) for m in mentions(report)}
    assert found[first.number] == [(False, 50)]
    assert found.get(second.number, []) == expected


def test_meetings_page_links_a_paragraph_about_several_meetings(parsed: Parsed) -> None:
    page = meetings_page(analyse(parsed.report))
    under_50 = page.split("{#meeting-50}")[1].split("\n## ")[0]
    assert "[Paragraph 2](index.md#para-2), about the 5th, 6th, 45th, 48th, 50th and 51st " \
           "meetings" in under_50
    assert "item 110" not in page, "paragraph 2 is linked, not quoted"
    for number in (16, 17, 18, 19, 20):
        assert f"[Paragraph {number}](index.md#para-{number})" in under_50
    assert "“After the adoption of the draft resolution, the representatives of the United " \
           "States of America and Saudi Arabia made statements.”" in under_50
