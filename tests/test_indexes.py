"""Cross-references and index pages over the bundled report."""

from __future__ import annotations

import pytest
from unreport.crossrefs import build_layer, elements, natural_key
from unreport.export import to_data
from unreport.indexes import meetings, sponsorships
from unreport.parse import Parsed


@pytest.fixture(scope="module")
def data(parsed: Parsed) -> dict:
    return to_data(parsed.report)


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
