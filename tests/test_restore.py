"""Restoring lost footnote marks (restore.py) on small hand-made reports and grammars.

Each report below is written for the case it tests; treaties numbered 9xxxx are
made up, so that only the document's own evidence can place their marks.
"""

from __future__ import annotations

import json

import pytest
from unreport.analysis import analyse
from unreport.diagnostics import KINDS
from unreport.export.report_json import to_json
from unreport.model import DraftResolution, Note, NoteRef, Span
from unreport.parse import Parsed, parse
from unreport.parse.source import decode
from unreport.parse.verify import check_nothing_lost
from unreport.references.citations import find_references
from unreport.restore.mentions import name_mentions, name_words, same_name, strip_qualifiers, words
from unreport.restore.note_citations import read_notes
from unreport.restore.scope import find_titles
from unreport.site.render import render

_HEAD = """United Nations A/99/1

Distr.: General 2 January 2030

Original: English

### Ninety-ninth session

Agenda item 7

# Testing the tools

## **Report of the Sixth Committee**

## I. Introduction

- 1. The General Assembly allocated the item to the Sixth Committee.

## III. Recommendations of the Sixth Committee

2. The Sixth Committee recommends the adoption of the following draft resolutions:

"""


def _draft(number: str, preamble: list[str], notes: list[str]) -> str:
    body = "\n\n".join(preamble)
    defined = "\n\n".join(f"<sup>{i}</sup> {text}" for i, text in enumerate(notes, start=1))
    return (f"# Draft resolution {number} Testing\n\nThe General Assembly,\n\n{body}\n\n"
            f"- 1. *Decides* to remain seized of the matter.\n\n{defined}\n\n")


def _report(*drafts: str) -> Parsed:
    return parse(decode("test.md", (_HEAD + "".join(drafts)).encode("utf-8")))


def _marks(parsed: Parsed, number: str) -> dict[int, tuple[str, str, NoteRef]]:
    """Note → (anchor, text before the mark and the punctuation it follows, the mark)."""
    draft = parsed.report.resolution(number)
    out = {}
    for pp in draft.preambular:
        for ref in pp.notes:
            out[ref.number] = (pp.anchor, pp.text[:ref.offset].rstrip(",;:."), ref)
    return out


def _warnings(parsed: Parsed, kind: str) -> list[str]:
    return [w.message for w in parsed.warnings if w.kind == kind]


# --- the cases --------------------------------------------------------------------


def test_parallel_list_of_unknown_treaties() -> None:
    """Four unmarked treaty notes next to the one paragraph that lists four treaties."""
    parsed = _report(_draft("I", [
        "*Recalling* its resolution 98/1 of 1 January 2029,",
        "*Recalling also* the Convention on Imaginary Things, the Convention on Nothing in "
        "Particular, the Protocol on Small Matters and the Agreement on Test Cases, and "
        "all other relevant instruments,",
        "*Noting* the work of the Secretary-General,",
    ], ["United Nations, Treaty Series, vol. 9001, No. 90001.", "Ibid., vol. 9002, No. 90002.",
        "Ibid., vol. 9003, No. 90003.", "Ibid., vol. 9004, No. 90004."]))
    marks = _marks(parsed, "I")
    expected = {1: "the Convention on Imaginary Things", 2: "Nothing in Particular",
                3: "the Protocol on Small Matters", 4: "the Agreement on Test Cases"}
    assert sorted(marks) == [1, 2, 3, 4]
    for number, (anchor, before, _) in marks.items():
        assert anchor == "pp-2" and before.endswith(expected[number])
    assert "the third of the 4 treaties this paragraph lists, for notes 1–4" in (
        marks[3][2].restored or "")
    text = parsed.report.resolution("I").preambular[1].text
    assert text[:marks[1][2].offset].endswith("Imaginary Things,")  # after the comma, as printed
    assert text[:marks[4][2].offset].endswith("Test Cases,")
    assert len(_warnings(parsed, "restored-mark")) == 4 and not _warnings(parsed, "lost-mark")


def test_parallel_list_needs_as_many_names_as_notes() -> None:
    """Three unknown treaty notes, four treaties listed: nothing says which three."""
    parsed = _report(_draft("I", [
        "*Recalling* the Convention on Imaginary Things, the Convention on Nothing in "
        "Particular, the Protocol on Small Matters and the Agreement on Test Cases,",
    ], ["United Nations, Treaty Series, vol. 9001, No. 90001.", "Ibid., vol. 9002, No. 90002.",
        "Ibid., vol. 9003, No. 90003."]))
    assert _marks(parsed, "I") == {}
    assert len(_warnings(parsed, "lost-mark")) == 3


def _learned_case(preamble: list[str]) -> Parsed:
    """Draft I shows which words note 90001 follows; draft II lost the same note's mark."""
    note = ["United Nations, Treaty Series, vol. 9001, No. 90001."]
    return _report(_draft("I", ["*Recalling* the Convention on Imaginary Things,<sup>1</sup>"],
                          note), _draft("II", preamble, note))


def test_treaty_name_learned_from_a_surviving_mark() -> None:
    parsed = _learned_case([
        "*Recalling* its resolution 98/1 of 1 January 2029 and the Protocol to the "
        "Convention on Imaginary Things,",
        "*Welcoming* the entry into force of the Convention on Imaginary Things, and "
        "encouraging States to ratify the Convention on Imaginary Things,"])
    anchor, before, ref = _marks(parsed, "II")[1]
    # Not inside "the Protocol to the Convention …" (another name ending the same way), and
    # at the first of the two mentions of the Convention itself.
    assert anchor == "pp-2"
    assert before.endswith("entry into force of the Convention on Imaginary Things")
    assert ref.restored is not None
    assert "draft resolution I, preambular paragraph 1 has the same note (Treaty Series " \
           "No. 90001)" in ref.restored
    assert "first of 2 places" in ref.restored
    note = parsed.report.resolution("II").notes[0]
    assert note.restored == ref.restored and note.marked is False


def test_a_name_after_and_the_in_a_list() -> None:
    parsed = _report(_draft("I", [
        "*Recalling* the Convention on Imaginary Things and the Arms Trade Treaty,",
    ], ["United Nations, Treaty Series, vol. 3013, No. 52373."]))
    assert _marks(parsed, "I")[1][1].endswith("and the Arms Trade Treaty")


def test_an_earlier_unclear_mention_leaves_a_later_one_unused() -> None:
    """"the Special Rapporteur on the Convention …" may be where the mark stood: the
    later, clear mention is not taken for it."""
    parsed = _learned_case([
        "*Noting* the work of the Special Rapporteur on the Convention on Imaginary Things, "
        "and welcoming the entry into force of the Convention on Imaginary Things,"])
    assert _marks(parsed, "II") == {}
    [lost] = _warnings(parsed, "lost-mark")
    assert "stand earlier too" in lost


def test_two_resolutions_of_the_same_year_stay_unplaced() -> None:
    """The Council's report for 2013 holds both resolutions: no place is clearly best."""
    parsed = _report(_draft("I", [
        "*Recalling* Human Rights Council resolutions 23/9 of 13 June 2013 and 23/16 of "
        "14 June 2013,",
    ], ["See Official Records of the General Assembly, Sixty-eighth Session, Supplement "
        "No. 53 (A/68/53), chap. V, sect. A."]))
    assert _marks(parsed, "I") == {}
    [lost] = _warnings(parsed, "lost-mark")
    assert "note 1 has no mark in the text" in lost and "2 places" in lost


def test_a_councils_resolution_by_the_year_of_its_report() -> None:
    parsed = _report(_draft("I", [
        "*Recalling* its resolution 68/195 of 18 December 2013 and Human Rights Council "
        "resolution 23/9 of 13 June 2013, and its resolution 69/199 of 18 December 2014,",
    ], ["See Official Records of the General Assembly, Sixty-eighth Session, Supplement "
        "No. 53 (A/68/53), chap. V, sect. A."]))
    anchor, before, ref = _marks(parsed, "I")[1]
    # Not after the Assembly's own resolution 68/195 of the same year.
    assert before.endswith("Human Rights Council resolution 23/9 of 13 June 2013")
    assert "Human Rights Council’s report for 2013 (A/68/53)" in (ref.restored or "")


def test_a_name_inside_a_longer_name_is_not_a_mention() -> None:
    """The 2030 Agenda (resolution 70/1) at the end of the Kyoto Declaration's title."""
    parsed = _report(_draft("I", [
        "*Welcoming* the Kyoto Declaration on Advancing Crime Prevention, Criminal Justice "
        "and the Rule of Law: Towards the Achievement of the 2030 Agenda for Sustainable "
        "Development, adopted by the Fourteenth Congress,",
    ], ["Resolution 70/1."]))
    assert _marks(parsed, "I") == {}
    assert _warnings(parsed, "lost-mark")


_HRC_2013 = ("See Official Records of the General Assembly, Sixty-eighth Session, Supplement "
             "No. 53 (A/68/53), chap. V, sect. A.")
_FOLLOW_UP = ("its resolution 68/1 of 1 December 2013, entitled \"Follow-up to Human Rights "
              "Council resolution 23/20 of 14 June 2013, and beyond\"")


@pytest.mark.parametrize(("paragraphs", "note", "before", "why"), [
    # A name inside the title of another resolution is skipped; the next mention is used.
    pytest.param(
        ["*Reaffirming* its resolution 98/1 of 1 January 2029 on enhancing the role of the "
         "Commission in contributing to the implementation of the 2030 Agenda for Sustainable "
         "Development, in which it encouraged States,",
         "*Reaffirming also* the 2030 Agenda for Sustainable Development,"],
        "Resolution 70/1.", "Reaffirming also the 2030 Agenda for Sustainable Development", None,
        id="inside-a-title-then-outside"),
    # Only inside a quoted title (of a thing the text does not cite by number): no place.
    pytest.param(
        ["*Noting* the analytical section entitled \"Progress towards the 2030 Agenda for "
         "Sustainable Development\", and its conclusions,"],
        "Resolution 70/1.", None, "nothing between the marks of its neighbours names",
        id="only-inside-a-quoted-title"),
    # The title of the note's own resolution is a place for it.
    pytest.param(
        ["*Recalling* its resolution 98/5 of 1 January 2029 on the Model Rules on Testing, "
         "and welcoming their use,"],
        "Resolution 98/5, annex.", "on the Model Rules on Testing", None, id="its-own-title"),
    # A dated citation inside the title of the Assembly's resolution is not the Council's.
    pytest.param(
        [f"*Recalling* Human Rights Council resolution 23/9 of 13 June 2013, and {_FOLLOW_UP},"],
        _HRC_2013, "Human Rights Council resolution 23/9 of 13 June 2013", None,
        id="a-dated-citation-inside-a-title"),
    # Without it, two places fit equally: no mark (it would say 3 places if it counted).
    pytest.param(
        [f"*Recalling* Human Rights Council resolutions 23/9 of 13 June 2013 and 23/16 of "
         f"14 June 2013, and {_FOLLOW_UP},"],
        _HRC_2013, None, "2 places between the marks of its neighbours fit equally well",
        id="two-equal-places-left"),
])
def test_a_name_inside_the_title_of_another_document_is_no_place(
        paragraphs: list[str], note: str, before: str | None, why: str | None) -> None:
    """A document named inside the title of another is not where its note goes (the 2030
    Agenda's note in A/RES/78/229 follows the Agenda named on its own, not the same words
    in the title of resolution 73/183); where two places remain, no mark."""
    parsed = _report(_draft("I", paragraphs, [note]))
    marks = _marks(parsed, "I")
    if before is None:
        assert marks == {}
        [lost] = _warnings(parsed, "lost-mark")
        assert why is not None and why in lost
    else:
        [(_, text, ref)] = marks.values()
        assert text.endswith(before), text
        assert ref.restored


@pytest.mark.parametrize(("text", "titles"), [
    ("its resolution 73/183 of 17 December 2018 on enhancing the role of the Commission, in "
     "which it", [("enhancing the role of the Commission", "73/183")]),
    ("resolutions 74/170 and 76/183, entitled \"Integrating sport\", and",
     [("\"Integrating sport\"", "76/183")]),
    ("the political declaration entitled \"Our common commitment\", adopted",
     [("\"Our common commitment\"", None)]),
    ("resolution 6/3 on fostering asset recovery and resolution 6/4 on enhancing the use of "
     "civil proceedings; and",
     [("fostering asset recovery", "6/3"), ("enhancing the use of civil proceedings", "6/4")]),
    ("its resolution 76/181 of 16 December 2021, in which it endorsed the Kyoto Declaration",
     []),
])
def test_titles(text: str, titles: list[tuple[str, str | None]]) -> None:
    found = find_titles(text, tuple(find_references(text)))
    assert [(text[t.start:t.end], t.owner.id if t.owner else None) for t in found] == titles


def test_a_name_inside_a_title_is_no_item_of_a_list() -> None:
    """Two treaties listed, a third named inside a resolution's title: the two notes pair
    with the two treaties (three names for two notes would pair with nothing)."""
    parsed = _report(_draft("I", [
        "*Recalling* the Convention on Imaginary Things, its resolution 98/1 of 1 January 2029 "
        "on the implementation of the Convention on Nothing in Particular, and the Protocol on "
        "Small Matters,",
    ], ["United Nations, Treaty Series, vol. 9001, No. 90001.", "Ibid., vol. 9003, No. 90003."]))
    marks = _marks(parsed, "I")
    assert marks[1][1].endswith("the Convention on Imaginary Things")
    assert marks[2][1].endswith("and the Protocol on Small Matters")


def test_evidence_against_the_parallel_order_stays_unplaced() -> None:
    """Notes 1 and 2 cite the Tokyo and Mandela Rules; the text lists them the other way."""
    parsed = _report(_draft("I", [
        "*Recalling* the United Nations Standard Minimum Rules for the Treatment of Prisoners "
        "(the Nelson Mandela Rules) and the United Nations Standard Minimum Rules for "
        "Non-custodial Measures (the Tokyo Rules),",
    ], ["Resolution 45/110, annex.", "Resolution 70/175, annex."]))
    assert _marks(parsed, "I") == {}
    assert len(_warnings(parsed, "lost-mark")) == 2


def test_restored_marks_change_no_text_and_pass_the_nothing_lost_check() -> None:
    parsed = _report(_draft("I", ["*Recalling* the Arms Trade Treaty and its 2 annexes,"],
                            ["United Nations, Treaty Series, vol. 3013, No. 52373."]))
    anchor, before, ref = _marks(parsed, "I")[1]
    assert before.endswith("the Arms Trade Treaty")
    assert parsed.report.resolution("I").preambular[0].text == (
        "Recalling the Arms Trade Treaty and its 2 annexes,")
    check_nothing_lost(parsed)  # "2" is a number of the text, not a mark the budget allows


def test_rendered_and_exported_openly() -> None:
    parsed = _report(_draft("I", ["*Recalling* the Arms Trade Treaty,",
                                  "*Noting* the work of the Secretary-General,"],
                            ["United Nations, Treaty Series, vol. 3013, No. 52373.",
                             "A/99/2."]))
    page = render(analyse(parsed.report)).pages["draft-resolutions/i.md"]
    assert ("Arms Trade Treaty,[^1^](#fn-1){#fnref-1 .unr-fnref .unr-fnref-restored "
            "aria-label=\"Note 1, mark restored\" data-restored=\"Mark restored: the note cites "
            "the Treaty Series entry of the Arms Trade Treaty (No. 52373).\"}") in page
    assert "[restored in the text](#fnref-1)" in page
    assert "(no mark for this note survives in the report’s text)" in page  # note 2
    data = json.loads(to_json(analyse(parsed.report)))
    footnotes = data["resolutions"][0]["footnotes"]
    assert [n["marked"] for n in footnotes] == ["restored", False]
    assert data["resolutions"][0]["preambular"][0]["footnotes"] == [1]


def test_restored_mark_is_a_kind_of_warning() -> None:
    assert "restored-mark" in KINDS and "lost-mark" in KINDS


# --- the grammars -------------------------------------------------------------------


def _note(number: int, text: str) -> Note:
    return Note(number, text, Span(number, number), False)


@pytest.mark.parametrize(("texts", "number", "kind", "key"), [
    (["United Nations, Treaty Series, vol. 2349, No. 42146."], 1, "treaty",
     ("treaty", "42146", "2349")),
    (["United Nations, *Treaty Series*, vol. 2225, No. 39574.", "Ibid., vol. 2237, No. 39574."],
     2, "treaty", ("treaty", "39574", "2237")),
    (["United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574."], 1,
     "treaty", ("treaty", "39574", "2225")),
    (["Resolution 70/175, annex."], 1, "instrument", ("resolution", "70/175")),
    (["Resolution 70/1."], 1, "instrument", ("resolution", "70/1")),
    (["Resolution 217 A (III)."], 1, "instrument", ("resolution", "217 A (III)")),
    (["Resolution S-32/1, annex."], 1, "instrument", ("resolution", "S-32/1")),
    (["See Official Records of the General Assembly, Sixty-eighth Session, Supplement No. 53 "
      "(A/68/53), chap. V, sect. A.", "Ibid., Seventieth Session, Supplement No. 53 "
      "(A/70/53), chap. V, sect. A."], 2, "body-report", ("report", "A/70/53")),
    (["See Official Records of the Economic and Social Council, 2017, Supplement No. 10 "
      "(E/2017/30), chap. I, sect. D."], 1, "body-report", ("report", "E/2017/30")),
    (["See CAC/COSP/2021/17, sect. I.A."], 1, "document",
     ("document", "CAC/COSP/2021/17", "I.A")),
    (["See CAC/COSP/2019/17, sect. I.B.", "Ibid., sect. I.C."], 2, "document",
     ("document", "CAC/COSP/2019/17", "I.C")),
    (["See CAC/COSP/2021/17, sect. I.A.", "Ibid."], 2, "document",
     ("document", "CAC/COSP/2021/17", "I.A")),
    (["The term is often used."], 1, "other", ("text", "The term is often used.")),
])
def test_what_a_note_cites(texts: list[str], number: int, kind: str,
                           key: tuple[str, ...]) -> None:
    cited = read_notes(tuple(_note(i, t) for i, t in enumerate(texts, start=1)))[number]
    assert (cited.kind, cited.key) == (kind, key)


def test_a_body_report_gives_the_year() -> None:
    notes = (_note(1, "See Official Records of the General Assembly, Seventy-sixth Session, "
                      "Supplement No. 53 (A/76/53), chap. VII, sect. A."),
             _note(2, "See CAC/COSP/2021/17, sect. I.A, resolution 9/5, para. 3."))
    cited = read_notes(notes)
    assert (cited[1].body, cited[1].year) == ("hrc", 2021)
    assert cited[2].holds == "9/5"


@pytest.mark.parametrize(("text", "stripped"), [
    ("the Convention on Psychotropic Substances of 1971", "the Convention on Psychotropic "
                                                          "Substances"),
    ("the Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol",
     "the Single Convention on Narcotic Drugs"),
    ("the Convention against Transnational Organized Crime and the Protocols thereto",
     "the Convention against Transnational Organized Crime"),
    ("the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the "
     "United Nations Convention against Transnational Organized Crime",
     "the Protocol against the Smuggling of Migrants by Land, Sea and Air"),
    ("the Global Counter-Terrorism Strategy, adopted on 8 September 2006",
     "the Global Counter-Terrorism Strategy"),
    ("resolution 23/9 of 13 June 2013", "resolution 23/9 of 13 June 2013"),
])
def test_qualifiers_of_a_name(text: str, stripped: str) -> None:
    assert strip_qualifiers(text) == stripped


def test_a_list_of_names_is_split_into_its_items() -> None:
    text = ("the ratification of the United Nations Convention against Transnational Organized "
            "Crime and the Protocols thereto, the Single Convention on Narcotic Drugs of 1961 as "
            "amended by the 1972 Protocol, the Convention on Psychotropic Substances of 1971, "
            "the United Nations Convention against Corruption and all the international "
            "conventions, the United Nations Office on Drugs and Crime and the Kyoto Declaration "
            "on Advancing Crime Prevention, Criminal Justice and the Rule of Law: Towards the "
            "Achievement of the 2030 Agenda for Sustainable Development")
    found = [(text[m.start:m.end], m.kind) for m in name_mentions(text)]
    assert found == [
        ("United Nations Convention against Transnational Organized Crime and the Protocols "
         "thereto", "treaty"),
        ("Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol",
         "treaty"),
        ("Convention on Psychotropic Substances of 1971", "treaty"),
        ("United Nations Convention against Corruption", "treaty"),
        ("United Nations Office on Drugs and Crime", "other"),
        ("Kyoto Declaration on Advancing Crime Prevention, Criminal Justice and the Rule of "
         "Law: Towards the Achievement of the 2030 Agenda for Sustainable Development",
         "instrument"),
    ]


@pytest.mark.parametrize(("context", "lead", "shared"), [
    # The whole name on both sides.
    ("the implementation of the 2030 Agenda for Sustainable Development",
     "the successful implementation of the 2030 Agenda for Sustainable Development", 8),
    ("and reaffirming the 2030 Agenda for Sustainable Development",
     "and recalling the 2030 Agenda for Sustainable Development", 6),
    # The end of a longer name (the Kyoto Declaration's title) is not the same name.
    ("Rule of Law: Towards the Achievement of the 2030 Agenda for Sustainable Development",
     "and recalling the 2030 Agenda for Sustainable Development", 0),
    # Dates and small words alone say nothing.
    ("held from 2 to 4 June 2021", "held at Headquarters from 2 to 4 June 2021", 0),
    # Lower-case words are the same text, not the tail of a name.
    ("on promoting anti-corruption education, awareness-raising and training",
     "on anti-corruption education, awareness-raising and training", 5),
])
def test_same_name(context: str, lead: str, shared: int) -> None:
    assert same_name(words(context), words(lead)) == shared


def test_name_words_keep_capitals() -> None:
    assert name_words("the Tokyo Rules") == ("the", "Tokyo", "Rules")
    assert name_words("(the Tokyo Rules),") == ("the", "Tokyo", "Rules")


def test_the_bundled_draft_resolutions_are_drafts() -> None:
    """The helper's reports parse like the bundled one (a guard for the tests above)."""
    parsed = _report(_draft("I", ["*Recalling* its resolution 98/1,"], []))
    assert isinstance(parsed.report.resolution("I"), DraftResolution)
