"""Votes and other actions of section II (issue "Every structure a Main Committee report
has"): recorded and non-recorded votes with their lists of States, votes on paragraphs,
amendments, oral revisions, withdrawals and no action — read through the real pipeline
from small synthetic reports written in the Secretariat's wording.

Each row of ``CASES`` is the paragraphs of one subsection (numbered from 3; ``{rec}`` is
the number of the recommending paragraph) with what the parser must find and the
warnings it must give (a warning is named by a few of its words and the text of its line).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from support import csv_rows, key_paths
from unreport.analysis import analyse
from unreport.diagnostics import Collector, Diagnostic
from unreport.export.report_json import to_data
from unreport.export.schema import fields, load_schema
from unreport.model import Proposal
from unreport.parse import Parsed, parse
from unreport.parse.blocks import blocks
from unreport.parse.clean import clean
from unreport.parse.masthead import read_masthead
from unreport.parse.source import Source, read_source
from unreport.parse.verify import verify
from unreport.parse.votes import VOTE_PHRASE, state_list
from unreport.publish.build import site_files

HEAD = """United Nations A/99/464/Add.3

Distr.: General 2 December 2029

Original: English

### Ninety-ninth session

Agenda item 68 (b)

# Promotion and protection of human rights: human rights questions

## **Report of the Third Committee (Part III)**

Rapporteur: Mr. Test Person (Iceland)

## I. Introduction

- 1. At its 2nd plenary meeting, on 5 September 2029, the General Assembly decided to \
allocate the item to the Third Committee.

# II. Consideration of proposals

#### A. Draft resolution A/C.3/99/L.35

- 2. At the 48th meeting, on 11 November 2029, the representative of Iceland introduced a \
draft resolution entitled "Testing the votes" (A/C.3/99/L.35), submitted by Iceland and Norway.
"""

TAIL = """
## III. Recommendations of the Third Committee

- {rec}. The Third Committee recommends to the General Assembly the adoption of the \
following draft resolution:

# Draft resolution I Testing the votes

The General Assembly,

*Recalling* its resolution 98/1 of 1 January 2029,

*Noting* the work of the tools,

- 1. Requests the Secretary-General to test the tools;
- 2. *Decides* to remain seized of the matter.
"""

IN_FAVOUR = ("Albania, Andorra, Argentina, Australia, Austria, Belgium, Bosnia and "
             "Herzegovina, Bulgaria, Canada, Chile, Côte d’Ivoire, Czechia, Denmark, Estonia, "
             "Finland, France, Germany, Iceland, Norway, United Kingdom of Great Britain and "
             "Northern Ireland.")
AGAINST = ("Belarus, China, Democratic People’s Republic of Korea, Iran (Islamic Republic "
           "of), Nicaragua, Russian Federation, Syrian Arab Republic, Venezuela (Bolivarian "
           "Republic of).")
ABSTAINING = ("Bolivia (Plurinational State of), Guinea-Bissau, Lao People’s Democratic "
              "Republic, Saint Vincent and the Grenadines, Trinidad and Tobago, United "
              "Republic of Tanzania.")
LISTS = f"In favour:\n\n{IN_FAVOUR}\n\nAgainst:\n\n{AGAINST}\n\nAbstaining:\n\n{ABSTAINING}"
ADOPTED_BY_VOTE = ("At its 50th meeting, on 15 November 2029, the Committee adopted draft "
                   "resolution A/C.3/99/L.35 by a recorded vote of 20 to 8, with 6 abstentions "
                   "(see para. {rec}, draft resolution I). The voting was as follows:")


def build(paragraphs: list[str], tmp_path: Path, after: str = "", more: int = 0) -> Parsed:
    """Parse the report with ``paragraphs`` as subsection A's paragraphs 3, 4…, then
    ``after`` (``more`` numbered paragraphs of another subsection)."""
    rec = 3 + len(paragraphs) + more
    body = "\n".join(f"- {number}. {text.format(rec=rec)}\n"
                     for number, text in enumerate(paragraphs, start=3))
    text = HEAD + body + after + TAIL.format(rec=rec)
    path = tmp_path / "report.md"
    path.write_text(text, "utf-8")
    parsed = parse(Source(str(path), tuple(text.split("\n"))))
    verify(parsed)  # the nothing-lost check: every word of the lists is in the model
    return parsed


def line_text(parsed: Parsed, warning: Diagnostic) -> str:
    """The cleaned text of the line a warning names."""
    assert warning.line is not None
    return parsed.cleaned.lines[warning.line - 1].text


@dataclass(frozen=True)
class Case:
    """One subsection's wording and what must be read from it."""

    name: str
    paragraphs: list[str]
    check: Callable[[Proposal], None]
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """``(words of the message, words of the line it names)`` for each expected warning."""


def _recorded(p: Proposal) -> None:
    assert p.outcome == "adopted" and p.adopted and p.adopted_at == 50
    assert p.draft_resolution == "I"
    vote = p.vote
    assert vote is not None and vote.recorded
    assert (vote.yes, vote.no, vote.abstain) == (20, 8, 6)
    assert len(vote.in_favour) == 20 and vote.in_favour[6] == "Bosnia and Herzegovina"
    assert "Côte d'Ivoire" in vote.in_favour  # apostrophes straight, as the list of States
    assert vote.against[2] == "Democratic People's Republic of Korea"
    assert vote.against[-1] == "Venezuela (Bolivarian Republic of)"
    assert vote.abstaining == ("Bolivia (Plurinational State of)", "Guinea-Bissau",
                               "Lao People's Democratic Republic",
                               "Saint Vincent and the Grenadines", "Trinidad and Tobago",
                               "United Republic of Tanzania")
    assert vote.meeting == 50 and vote.span is not None


def _split_by_footer(p: Proposal) -> None:
    vote = p.vote
    assert vote is not None and len(vote.in_favour) == 20
    assert "Bosnia and Herzegovina" in vote.in_favour and "Guinea-Bissau" in vote.abstaining


def _one_line(p: Proposal) -> None:
    vote = p.vote
    assert vote is not None and (len(vote.in_favour), vote.against, len(vote.abstaining)) == (
        3, (), 2)


def _mismatch(p: Proposal) -> None:
    vote = p.vote
    assert vote is not None and (vote.yes, vote.no, vote.abstain) == (21, 8, 6)  # as printed
    assert len(vote.in_favour) == 20


def _counts(p: Proposal, counts: tuple[int, int, int] | None, meeting: int | None) -> None:
    vote = p.vote
    if counts is None:
        assert vote is None and p.outcome == "adopted"
        return
    assert vote is not None and (vote.yes, vote.no, vote.abstain) == counts
    assert len(vote.in_favour) + len(vote.against) + len(vote.abstaining) == sum(counts)
    assert vote.meeting == meeting and p.adopted_at == meeting


def _not_recorded(p: Proposal) -> None:
    vote = p.vote
    assert vote is not None and not vote.recorded
    assert (vote.yes, vote.no, vote.abstain, vote.in_favour) == (94, 12, 30, ())
    assert vote.meeting == 50


def _paragraph_vote(p: Proposal) -> None:
    assert [(v.anchor, v.outcome, v.paragraph) for v in p.paragraph_votes] == [
        ("op-1", "retained", 3), ("pp-2", "retained", 4)]
    first = p.paragraph_votes[0].vote
    assert first is not None and (first.yes, first.no, first.abstain) == (20, 8, 6)
    assert len(first.against) == 8
    assert p.paragraph_votes[1].vote is not None and not p.paragraph_votes[1].vote.recorded
    assert p.vote is not None and not p.vote.recorded and p.outcome == "adopted"


def _missing_paragraph(p: Proposal) -> None:
    assert [(v.anchor, v.outcome) for v in p.paragraph_votes] == [("op-9", "retained"),
                                                                   ("op-3", "deleted")]


def _amendment(p: Proposal) -> None:
    assert len(p.amendments) == 1
    amendment = p.amendments[0]
    assert str(amendment.symbol) == "A/C.3/99/L.66"
    assert str(amendment.amends) == "A/C.3/99/L.35"
    assert amendment.proposed_by == ("Russian Federation",)
    assert amendment.outcome == "rejected" and amendment.paragraphs == (3, 4)
    assert amendment.vote is not None and amendment.vote.recorded
    assert len(amendment.vote.in_favour) == 8 and len(amendment.vote.against) == 20
    assert p.vote is None and p.outcome == "adopted"


def _withdrawn(p: Proposal) -> None:
    assert p.outcome == "withdrawn" and not p.adopted and p.draft_resolution is None


def _no_action(p: Proposal) -> None:
    assert p.outcome == "no action" and not p.adopted and p.draft_resolution is None


def _no_action_motion(p: Proposal) -> None:
    assert p.outcome == "no action"
    assert p.vote is not None and (p.vote.yes, p.vote.no, p.vote.abstain) == (80, 70, 20)


def _oral(p: Proposal) -> None:
    assert [(c.kind, c.by, c.meeting) for c in p.oral_changes] == [
        ("revised", "Iceland", 50), ("corrected", "Secretary of the Committee", 50)]
    assert p.outcome == "adopted" and p.vote is None


def _as_orally_revised(p: Proposal) -> None:
    assert [(c.kind, c.by) for c in p.oral_changes] == [("revised", None)]


CASES = [
    Case("recorded vote, lists on their own lines",
         [ADOPTED_BY_VOTE + "\n\n" + LISTS], _recorded),
    Case("list split by a page footer and a page break inside a name",
         [ADOPTED_BY_VOTE + "\n\nIn favour:\n\n" + IN_FAVOUR.replace(
             "Bosnia and Herzegovina", "Bosnia and\n\n22-27149 5/71\n\nA/99/464/Add.3\n\n"
             "Herzegovina") + "\n\nAgainst:\n\n" + AGAINST + "\n\nAbstaining:\n\n"
          + ABSTAINING.replace("Guinea-Bissau", "Guinea-\n\n**22**-27149 **6/71**\n\nBissau")],
         _split_by_footer),
    Case("lists run on one line, Against: None",
         ["At the 50th meeting, the Committee adopted draft resolution A/C.3/99/L.35 by a "
          "recorded vote of 3 to none, with 2 abstentions (see para. {rec}, draft resolution "
          "I). The voting was as follows: In favour: Albania, Andorra, Argentina. Against: "
          "None. Abstaining: Belarus, China."], _one_line),
    Case("count does not match its list",
         [ADOPTED_BY_VOTE.replace("20 to 8", "21 to 8") + "\n\n" + LISTS], _mismatch,
         [("counts 21 in favour, but its list names 20 States", "In favour:")]),
    Case("a name that is no State",
         [ADOPTED_BY_VOTE + "\n\n" + LISTS.replace("Belarus, China", "Belarus, Chna")],
         lambda p: None, [("'Chna' is not a United Nations Member or observer State",
                           "Belarus, Chna")]),  # the line of the name, not of its heading
    Case("group headings in italics, meeting named by \"Also at its … meeting\"",
         ["At its 48th meeting, on 11 November 2029, the Committee heard statements.",
          "Also at its 50th meeting, on 15 November 2029, the Committee adopted draft "
          "resolution A/C.3/99/L.35 by a recorded vote of 3 to 1, with 1 abstention (see "
          "para. {rec}, draft resolution I). The voting was as follows:\n\n*In favour:*\n\n"
          "Albania, Andorra, Argentina.\n\n*Against:*\n\nBelarus.\n\n*Abstaining:*\n\n"
          "China."],
         lambda p: _counts(p, (3, 1, 1), 50)),
    Case("a vote on a procedural motion is not taken for the draft's",
         ["At its 50th meeting, the Committee rejected the motion to adjourn the debate by a "
          "recorded vote of 3 to none, with 2 abstentions. The voting was as follows: In "
          "favour: Albania, Andorra, Argentina. Against: None. Abstaining: Belarus, China.",
          "At the same meeting, the Committee adopted draft resolution A/C.3/99/L.35 without "
          "a vote (see para. {rec}, draft resolution I)."],
         lambda p: _counts(p, None, None),
         [("records a vote (3 to 0) that was not read as a vote on the draft", "motion")]),
    Case("non-recorded vote",
         ["At its 50th meeting, on 15 November 2029, the Committee adopted draft resolution "
          "A/C.3/99/L.35 by a vote of 94 to 12, with 30 abstentions (see para. {rec}, draft "
          "resolution I)."], _not_recorded),
    Case("votes on paragraphs",
         ["At its 50th meeting, on 15 November 2029, the Committee decided to retain "
          "operative paragraph 1 of draft resolution A/C.3/99/L.35 by a recorded vote of 20 "
          "to 8, with 6 abstentions. The voting was as follows:\n\n" + LISTS,
          "Also at the same meeting, the Committee decided to retain the second preambular "
          "paragraph by a vote of 100 to 20, with 10 abstentions. The Committee then adopted "
          "draft resolution A/C.3/99/L.35 as a whole by a vote of 120 to 10, with 40 "
          "abstentions (see para. {rec}, draft resolution I)."], _paragraph_vote),
    Case("vote to retain a paragraph the draft does not have",
         ["At its 50th meeting, the Committee decided to retain operative paragraph 9 of "
          "draft resolution A/C.3/99/L.35 by a vote of 100 to 20, with 10 abstentions. The "
          "Committee decided to delete operative paragraph 3 by a vote of 90 to 30, with 10 "
          "abstentions.",
          "At the same meeting, the Committee adopted draft resolution A/C.3/99/L.35 without "
          "a vote (see para. {rec}, draft resolution I)."], _missing_paragraph,
         [("has no operative paragraph 9", "retain operative paragraph 9")]),
    Case("amendment rejected by a recorded vote",
         ["At its 50th meeting, on 15 November 2029, the representative of the Russian "
          "Federation introduced amendments (A/C.3/99/L.66) to draft resolution "
          "A/C.3/99/L.35.",
          "At the same meeting, the Committee rejected the amendments contained in document "
          "A/C.3/99/L.66 by a recorded vote of 8 to 20, with 6 abstentions. The voting was "
          "as follows:\n\nIn favour:\n\n" + AGAINST + "\n\nAgainst:\n\n" + IN_FAVOUR
          + "\n\nAbstaining:\n\n" + ABSTAINING,
          "Also at its 50th meeting, the Committee adopted draft resolution A/C.3/99/L.35 "
          "without a vote (see para. {rec}, draft resolution I)."], _amendment),
    Case("oral revision and correction",
         ["At its 50th meeting, on 15 November 2029, the representative of Iceland orally "
          "revised the draft resolution. At the same meeting, the Secretary of the Committee "
          "read out an oral correction to the draft resolution.",
          "At the same meeting, the Committee adopted draft resolution A/C.3/99/L.35, as "
          "orally revised, without a vote (see para. {rec}, draft resolution I)."], _oral),
    Case("as orally revised, said only at the adoption",
         ["At its 50th meeting, the Committee adopted draft resolution A/C.3/99/L.35, as "
          "orally revised, without a vote (see para. {rec}, draft resolution I)."],
         _as_orally_revised),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_votes(case: Case, tmp_path: Path) -> None:
    parsed = build(case.paragraphs, tmp_path)
    proposal = parsed.report.proposals[0]
    case.check(proposal)
    found = [w for w in parsed.warnings if w.kind == "proposal"]
    assert len(found) == len(case.warnings), [str(w) for w in found]
    for (words, line), warning in zip(case.warnings, found, strict=True):
        assert words in warning.message
        assert line in line_text(parsed, warning)


WITHDRAWN_SECOND = """
#### B. Draft resolution A/C.3/99/L.10

- {n}. At the 48th meeting, on 11 November 2029, the representative of Norway introduced a \
draft resolution entitled "Testing again" (A/C.3/99/L.10), submitted by Norway.
- {m}. At its 50th meeting, on 15 November 2029, {what}
"""


@pytest.mark.parametrize(("what", "outcome"), [
    ("the sponsors withdrew draft resolution A/C.3/99/L.10.", "withdrawn"),
    ("draft resolution A/C.3/99/L.10 was withdrawn by its sponsors.", "withdrawn"),
    ("the Committee took no action on draft resolution A/C.3/99/L.10.", "no action"),
    ("the Committee decided to take no action on draft resolution A/C.3/99/L.10.",
     "no action"),
])
def test_withdrawn_or_no_action_is_no_error(what: str, outcome: str, tmp_path: Path) -> None:
    """A draft withdrawn or not acted on has no text in section III, and no warning."""
    first = ("At its 50th meeting, on 15 November 2029, the Committee adopted draft "
             "resolution A/C.3/99/L.35 without a vote (see para. {rec}, draft resolution I).")
    parsed = build([first], tmp_path, WITHDRAWN_SECOND.format(n=4, m=5, what=what), 2)
    second = parsed.report.proposals[1]
    assert second.outcome == outcome and second.draft_resolution is None
    assert not [str(w) for w in parsed.warnings], parsed.warnings


def test_no_action_motion(tmp_path: Path) -> None:
    parsed = build(["At its 50th meeting, the Committee adopted a motion by the Russian "
                    "Federation that no action be taken on draft resolution A/C.3/99/L.35 by "
                    "a vote of 80 to 70, with 20 abstentions.",
                    "No further action was taken on the draft resolution."], tmp_path)
    _no_action_motion(parsed.report.proposals[0])


# --- the whole fixture: model, page, JSON, CSV ------------------------------------------

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "votes-report.md"
"""A report in parts (A/99/464/Add.3, agenda item 68 (b), Part III) with a recorded vote
whose list a page footer splits, a vote on a paragraph, an oral revision, amendments
rejected by a recorded vote, a vote of counts only and a withdrawn draft."""


@pytest.fixture(scope="module")
def fixture_parsed() -> Parsed:
    parsed = parse(read_source(FIXTURE))
    verify(parsed)
    return parsed


@pytest.fixture(scope="module")
def fixture_files(fixture_parsed: Parsed) -> dict[str, str]:
    return site_files(fixture_parsed.report)


def test_fixture_reads_without_warnings(fixture_parsed: Parsed) -> None:
    report = fixture_parsed.report
    assert not [str(w) for w in fixture_parsed.warnings]
    assert str(report.symbol) == "A/99/464/Add.3" and report.agenda_item == 68
    assert report.committee == "Third Committee"
    assert [(p.letter, p.outcome, p.draft_resolution) for p in report.proposals] == [
        ("A", "adopted", "I"), ("B", "adopted", "II"), ("C", "withdrawn", None)]


def test_masthead_of_a_report_in_parts() -> None:
    masthead = read_masthead(blocks(clean(read_source(FIXTURE)))[:14])
    assert (masthead.agenda_item, masthead.agenda_sub_item, masthead.part) == (68, "b", "III")
    assert masthead.committee == "Third Committee"


def test_facts_box(fixture_files: dict[str, str]) -> None:
    first = fixture_files["draft-resolutions/i.md"]
    second = fixture_files["draft-resolutions/ii.md"]
    assert ("| Action | Adopted by the Third Committee at its 50th meeting, on 15 November "
            "2029, recorded vote 20–8–6 (") in first
    assert "| Votes on paragraphs | [OP 1](#op-1) retained, recorded vote 20–8–6 (para. 4) |" \
        in first
    assert "| Oral changes | Orally revised by Iceland at the 50th meeting |" in first
    assert '    ??? note "Recorded vote on the draft: 20 in favour, 8 against, 6 abstaining"' \
        in first
    # Sponsors link to their entry on the sponsors page; other States are plain text.
    assert ("        **Against (8):** Belarus, China, Democratic People’s Republic of Korea, "
            in first)
    assert "[Norway](../sponsors.md#norway), United Kingdom" in first
    assert ("<span class=\"unr-sr\">Vote: </span>Retained by a recorded vote of 20 to 8, with "
            "6 abstentions") in first
    assert ("| Amendments | [A/C.3/99/L.66](https://undocs.org/en/A/C.3/99/L.66) (Russian "
            "Federation): rejected, recorded vote 8–20–6 |") in second
    assert "vote 94–12–30 ([report" in second
    assert "50th meeting, on 15 November 2029 (vote 94–12–30)" in fixture_files["index.md"]


def test_json_validates_and_has_every_vote_field(fixture_parsed: Parsed) -> None:
    data = to_data(analyse(fixture_parsed.report))
    schema = load_schema()
    errors = [e.message for e in Draft202012Validator(schema, format_checker=FormatChecker())
              .iter_errors(data)]
    assert errors == []
    first, second, third = data["proposals"]
    assert first["vote"]["in_favour"][6] == "Bosnia and Herzegovina"
    assert first["paragraph_votes"][0]["vote"]["against"][0] == "Belarus"
    assert first["oral_changes"] == [{"kind": "revised", "by": "Iceland", "meeting": 50,
                                      "paragraph": 3}]
    assert second["amendments"][0]["symbol"] == "A/C.3/99/L.66"
    assert second["amendments"][0]["vote"]["recorded"] is True
    assert second["vote"]["recorded"] is False and third["outcome"] == "withdrawn"
    new = ("proposals[].vote", "proposals[].outcome", "proposals[].paragraph_votes",
           "proposals[].amendments", "proposals[].oral_changes")
    described = {f.path for f in fields(schema) if f.path.startswith(new)}
    assert described <= key_paths(data)



def test_votes_csv(fixture_files: dict[str, str]) -> None:
    text = fixture_files["data/votes.csv"]
    rows = csv_rows(text)
    assert list(rows[0]) == ["draft", "draft_symbol", "subject", "outcome", "meeting", "state",
                             "vote"]
    # 34 States in each of three recorded votes: on OP 1, on the draft, on the amendments.
    assert len(rows) == 3 * 34
    subjects = [r["subject"] for r in rows]
    assert subjects.count("op-1") == subjects.count("draft") == 34
    assert subjects.count("A/C.3/99/L.66") == 34
    assert {"draft": "I", "draft_symbol": "A/C.3/99/L.35", "subject": "draft",
            "outcome": "adopted", "meeting": "50", "state": "Lao People's Democratic Republic",
            "vote": "abstain"} in rows
    assert {"draft": "II", "draft_symbol": "A/C.3/99/L.29", "subject": "A/C.3/99/L.66",
            "outcome": "rejected", "meeting": "50", "state": "Russian Federation",
            "vote": "yes"} in rows


@pytest.mark.parametrize(("phrase", "counts", "recorded"), [
    ("by a recorded vote of 80 to 29, with 65 abstentions", (80, 29, 65), True),
    ("by a recorded vote of 160 to none, with 1 abstention", (160, 0, 1), True),
    ("by a recorded vote of 180 to 2, with no abstentions", (180, 2, 0), True),
    ("by a recorded vote of 150 to 3", (150, 3, 0), True),
    ("by a vote of 94 to 12, with 30 abstentions", (94, 12, 30), False),
    ("by a vote of 94 to 12 with 30 abstentions", (94, 12, 30), False),
])
def test_vote_phrase(phrase: str, counts: tuple[int, int, int], recorded: bool) -> None:
    match = VOTE_PHRASE.search(f"the Committee adopted the draft {phrase} (see para. 40).")
    assert match is not None
    found = tuple(0 if v in (None, "none", "no") else int(v)
                  for v in match.group("yes", "no", "abstain"))
    assert found == counts and bool(match.group("recorded")) == recorded


@pytest.mark.parametrize(("text", "names", "warned"), [
    ("Albania, Guinea- Bissau, Liechten stein.", ("Albania", "Guinea-Bissau", "Liechtenstein"),
     False),
    ("Côte d’Ivoire, Lao People’s Democratic Republic",
     ("Côte d'Ivoire", "Lao People's Democratic Republic"), False),
    ("None.", (), False),
    ("Zambia Zimbabwe, Albania.", ("Zambia Zimbabwe", "Albania"), True),
])
def test_state_list(text: str, names: tuple[str, ...], warned: bool) -> None:
    messages = Collector("report.md")
    assert state_list(text, 7, "the list", messages) == names
    assert bool(messages.items) == warned
    assert all(item.line == 7 for item in messages.items)
