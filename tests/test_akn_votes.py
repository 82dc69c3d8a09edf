"""The Committee's votes in the Akoma Ntoso export (``akn_votes``): the synthetic report
with recorded votes, a vote on a paragraph, amendments and a vote whose States are not
listed validates against ``akomantoso30.xsd`` and carries every vote's counts and States,
in the metadata (``analysis/parliamentary/voting``) and in the paragraph recording it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from lxml import etree
from support import AKN, valid_akn
from unreport.analysis import analyse
from unreport.export.akn import to_akn
from unreport.export.akn_meta import org_eid
from unreport.export.akn_votes import GROUPS, votes_taken
from unreport.model import Report, Span, SubParagraph
from unreport.parse import Parsed, parse
from unreport.parse.source import read_source

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "votes-report.md"



@pytest.fixture(scope="module")
def report() -> Report:
    return parse(read_source(FIXTURE)).report


@pytest.fixture(scope="module")
def root(report: Report) -> etree._Element:
    return valid_akn(to_akn(analyse(report)))


def _report_meta(root: etree._Element) -> etree._Element:
    meta = root.find(f".//{AKN}component[@eId='report']/{AKN}debateReport/{AKN}meta")
    assert meta is not None
    return meta


def test_every_vote_is_found(report: Report) -> None:
    taken = votes_taken(report)
    # Paragraph 4 (op. 1 retained), 9 (amendments rejected), 5 (L.35), 10 (L.29).
    assert [(t.subject, str(t.symbol), t.paragraph, t.outcome,
             report.paragraphs[t.index].number if t.index is not None else None)
            for t in taken] == [
        ("draft resolution", "A/C.3/99/L.35", "operative paragraph 1", "retained", 4),
        ("draft resolution", "A/C.3/99/L.35", "", "adopted", 5),
        ("amendments", "A/C.3/99/L.66", "", "rejected", 9),
        ("draft resolution", "A/C.3/99/L.29", "", "adopted", 10)]


def test_counts_in_the_metadata(root: etree._Element, report: Report) -> None:
    meta = _report_meta(root)
    assert [e.tag.removeprefix(AKN) for e in meta] == ["identification", "analysis",
                                                       "references"]
    votings = meta.findall(f"{AKN}analysis/{AKN}parliamentary/{AKN}voting")
    taken = votes_taken(report)
    assert len(votings) == len(taken) == 4
    concepts = {c.get("eId"): c.get("showAs") for c in meta.iter(f"{AKN}TLCConcept")}
    for voting, item in zip(votings, taken, strict=True):
        counts = [(c.get("refersTo"), int(c.get("value"))) for c in voting]
        assert counts == [("#report__inFavour", item.vote.yes), ("#report__against", item.vote.no),
                          ("#report__abstaining", item.vote.abstain)]
        assert concepts[voting.get("outcome")[1:]].lower().startswith(item.outcome)
        block = root.find(f".//{AKN}blockContainer[@eId='{voting.get('href')[1:]}']")
        assert block is not None and "vote" in block.get("class").split()
    assert concepts["report__inFavour"] == "In favour"


def test_each_vote_in_the_paragraph_recording_it(root: etree._Element,
                                                 report: Report) -> None:
    meta = _report_meta(root)
    states = {t.get("eId"): t.get("showAs") for t in meta.iter(f"{AKN}TLCOrganization")}
    votings = meta.findall(f"{AKN}analysis/{AKN}parliamentary/{AKN}voting")
    for voting, item in zip(votings, votes_taken(report), strict=True):
        block = root.find(f".//{AKN}blockContainer[@eId='{voting.get('href')[1:]}']")
        assert item.index is not None
        number = report.paragraphs[item.index].number
        paragraph = block.getparent().getparent()
        assert paragraph.get("eId") == f"report__para_{number}"
        assert paragraph.find(f"{AKN}content/{AKN}p") is not None  # the text comes first
        assert ("recordedVote" in block.get("class").split()) == item.vote.recorded
        subject = block.find(f"{AKN}p")
        assert subject.find(f"{AKN}ref").text == str(item.symbol)
        assert subject.find(f"{AKN}outcome").text == item.outcome
        groups = block.findall(f"{AKN}p")[1:]
        lists = (item.vote.in_favour, item.vote.against, item.vote.abstaining)
        counts = (item.vote.yes, item.vote.no, item.vote.abstain)
        for group, (step, wording), names, count in zip(groups, GROUPS, lists, counts,
                                                        strict=True):
            assert group.get("class") == step
            assert group.text == f"{wording}: "
            quantity = group.find(f"{AKN}quantity")
            assert (quantity.text, quantity.get("normalized")) == (str(count), str(count))
            assert quantity.get("refersTo") == f"#report__{step}"
            voters = group.findall(f"{AKN}vote")
            assert [v.findtext(f"{AKN}organization") for v in voters] == list(names)
            for voter, name in zip(voters, names, strict=True):
                assert voter.get("choice") == f"#{voting.get('eId')}__{step}"
                assert voter.get("by") == voter[0].get("refersTo") == f"#{org_eid('report', name)}"
                assert states[voter.get("by")[1:]] == name
            assert len(names) == (count if item.vote.recorded else 0)


def test_a_recorded_vote_lists_its_states(root: etree._Element) -> None:
    block = root.find(f".//{AKN}blockContainer[@eId='report__para_5__vote_2']")
    favour, against, abstaining = block.findall(f"{AKN}p")[1:]
    assert [v.findtext(f"{AKN}organization") for v in favour.findall(f"{AKN}vote")][-2:] == [
        "Norway", "United Kingdom of Great Britain and Northern Ireland"]
    assert "Côte d'Ivoire" in [o.text for o in favour.iter(f"{AKN}organization")]
    assert [o.text for o in against.iter(f"{AKN}organization")][0] == "Belarus"
    assert abstaining.find(f"{AKN}quantity").get("normalized") == "6"


def test_a_vote_without_lists_has_its_counts_only(root: etree._Element) -> None:
    block = root.find(f".//{AKN}blockContainer[@eId='report__para_10__vote_4']")
    assert block.get("class") == "vote"
    assert [q.get("normalized") for q in block.iter(f"{AKN}quantity")] == ["94", "12", "30"]
    assert block.find(f".//{AKN}vote") is None
    concept = root.find(f".//{AKN}TLCConcept[@eId='dr_II__outcome']")
    assert concept.get("showAs") == "Adopted by a vote of 94 to 12, with 30 abstentions"
    concept = root.find(f".//{AKN}TLCConcept[@eId='dr_I__outcome']")
    assert concept.get("showAs") == "Adopted by a recorded vote of 20 to 8, with 6 abstentions"


def test_a_paragraph_with_items_has_its_vote_after_them(report: Report) -> None:
    index = next(i for i, p in enumerate(report.paragraphs) if p.number == 10)
    para = report.paragraphs[index]
    item = SubParagraph("a", "para-10-a", "An item.", (), (), Span(para.span.last,
                                                                   para.span.last))
    paragraphs = list(report.paragraphs)
    paragraphs[index] = dataclasses.replace(para, items=(item,))
    root = valid_akn(to_akn(analyse(dataclasses.replace(report, paragraphs=tuple(paragraphs)))))
    block = root.find(f".//{AKN}blockContainer[@eId='report__para_10__vote_4']")
    assert block.getparent().tag == f"{AKN}wrapUp"
    assert block.getparent().getprevious().tag == f"{AKN}list"


def test_a_report_without_votes_has_none(parsed: Parsed) -> None:
    root = etree.fromstring(to_akn(analyse(parsed.report)).encode("utf-8"))
    assert root.find(f".//{AKN}analysis") is None
    assert root.find(f".//{AKN}blockContainer[@class='vote']") is None
    assert root.find(f".//{AKN}quantity") is None
