"""Real documents read from the UN's PDFs: facts a person reads on the page, one row each.

Every expected value below was read by eye on the page the comment names (the PDF rendered
with pypdfium2), or in the reference text of ``../shared/corpus/reference-text`` (another
reader's extraction) where a count runs over many pages — never copied from the parser's
output. The sample covers each Main Committee (First to Sixth, the Fourth being the Special
Political and Decolonization Committee), the plenary, the longest document, annexes, a table,
parts, a list of States, a draft, amendments, an unnumbered operative paragraph, a list inside
an operative paragraph and a note marked twice (``SAMPLE`` says which is which). Each sample
document also passes the nothing-lost check (``verify``) with no warning.

The PDFs are test data beside the project, never copied into it; without them (a clone
elsewhere) every test here is skipped, saying so.

A query names one fact of a parsed document:

- ``kind``, ``symbol``, ``date`` (of issue), ``adopted``, ``meeting`` (plenary meeting),
  ``committee``, ``basis``, ``report``, ``report paragraph``, ``title``, ``sponsors``,
  ``sponsor count``, ``amends``, ``notes`` (how many), ``annexes`` (number and title of each),
  ``parts`` (their labels), ``part LABEL`` (its title), ``amendments`` (how many);
- ``preambular`` / ``operative`` — how many, or ``… in PART-ANCHOR`` for one part's;
- ``note N`` — its text; ``note N marks`` — each mark as (anchor of the paragraph it stands
  in, the words right before it);
- ``ANCHOR starts`` / ``ANCHOR ends`` — a paragraph's first or last words (as many as the
  expected text has); for an annex's anchor, its first or last block;
- ``ANCHOR items`` — the labels of a paragraph's sub-paragraphs or list items;
  ``ANCHOR paragraphs`` — the numbers of an annex's numbered paragraphs;
  ``ANCHOR printed`` — whether an operative paragraph's number is printed;
- ``amendment N`` — its (action, target paragraph);
- ``row LABEL`` — the cells of the first table row of the annexes that starts with LABEL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from unreport.model import DraftResolution, NoteRef, Report, all_subparagraphs
from unreport.parse import Parsed, parse
from unreport.parse.source import read_source
from unreport.parse.verify import verify

SAMPLE = {
    "A_RES_78_13": "First Committee",
    "A_RES_78_135": "Second Committee",
    "A_RES_78_223": "Third Committee; a numbered list inside operative paragraph 11",
    "A_RES_78_71": "Fourth (Special Political and Decolonization) Committee",
    "A_RES_78_2": "Fifth Committee",
    "A_RES_78_104": "Sixth Committee",
    "A_RES_78_11": "plenary (without reference to a Main Committee); note 2 marked twice",
    "A_RES_78_124": "plenary; one unnumbered operative paragraph",
    "A_RES_78_69": "the longest document (57 pages, 376 operative paragraphs, 17 parts)",
    "A_RES_78_128": "annexes I-III (an agenda, an organization of work, rules of procedure)",
    "A_RES_78_1": "one unnumbered annex, notes inside it; an unnumbered operative paragraph",
    "A_RES_78_252": "a table (annex: staffing table for 2024); Fifth Committee",
    "A_RES_78_247": "parts I and II, each numbering its paragraphs afresh",
    "A_RES_78_253": "26 parts, unnumbered operative paragraphs inside parts, tables",
    "A_C.3_80_L.3": "a draft resolution (one sponsor)",
    "A_C.3_80_L.4": "a list of States: a draft with four sponsors",
    "A_C.3_80_L.57": "amendments to a revised draft",
}
"""Each sample document and what it covers."""

_L128_CONFERENCE = ("the 2025 United Nations Conference to Support the Implementation of "
                    "Sustainable Development Goal 14: Conserve and sustainably use the oceans, "
                    "seas and marine resources for sustainable development")
_TRAFFICKING_L4 = ("Belarus", "Democratic People’s Republic of Korea", "Russian Federation",
                   "Venezuela (Bolivarian Republic of)")
_ROMAN_26 = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
             "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV",
             "XXV", "XXVI")

FACTS: list[tuple[str, str, object]] = [
    # --- A/RES/78/13, First Committee (2 pages) -------------------------------------------
    ("A_RES_78_13", "kind", "resolution"),  # p. 1 "Resolution adopted by the General Assembly"
    ("A_RES_78_13", "symbol", "A/RES/78/13"),  # p. 1, top right
    ("A_RES_78_13", "date", "2023-12-06"),  # p. 1 "Distr.: General 6 December 2023"
    ("A_RES_78_13", "adopted", "2023-12-04"),  # p. 1 "… on 4 December 2023"
    ("A_RES_78_13", "meeting", 42),  # p. 2 "42nd plenary meeting"
    ("A_RES_78_13", "committee", "First Committee"),  # p. 1 "[on the report of the First …"
    ("A_RES_78_13", "report", "A/78/401"),  # p. 1 "(A/78/401, para. 7)"
    ("A_RES_78_13", "report paragraph", 7),  # p. 1
    ("A_RES_78_13", "title",
     "Implementation of the Declaration of the Indian Ocean as a Zone of Peace"),  # p. 1
    ("A_RES_78_13", "preambular", 8),  # p. 1 Recalling … Noting (5); p. 2 Convinced … (3)
    ("A_RES_78_13", "operative", 5),  # p. 2, 1-5
    ("A_RES_78_13", "notes", 3),  # p. 1 notes 1-2, p. 2 note 3
    ("A_RES_78_13", "note 1", "Official Records of the General Assembly, Thirty-fourth Session, "
     "Supplement No. 45 and corrigendum (A/34/45 and A/34/45/Corr.1)."),  # p. 1
    ("A_RES_78_13", "note 1 marks",
     (("pp-2", "held in New York from 2 to 13 July 1979,"),)),  # p. 1
    ("A_RES_78_13", "note 2 marks",  # p. 1, in the middle of the paragraph
     (("pp-3", "Kuala Lumpur on 24 and 25 February 2003,"),)),
    ("A_RES_78_13", "note 3", "Official Records of the General Assembly, Seventy-eighth "
     "Session, Supplement No. 29 (A/78/29)."),  # p. 2
    ("A_RES_78_13", "note 3 marks", (("pp-8", "the report of the Ad Hoc Committee,"),)),  # p. 2
    ("A_RES_78_13", "pp-3 ends", "consultations on the future work of the Committee,"),  # p. 1
    ("A_RES_78_13", "op-5 starts", "Decides to include in the provisional agenda"),  # p. 2
    ("A_RES_78_13", "op-5 ends", "the Indian Ocean as a Zone of Peace”."),  # p. 2

    # --- A/RES/78/135, Second Committee (3 pages) -----------------------------------------
    ("A_RES_78_135", "adopted", "2023-12-19"),  # p. 1
    ("A_RES_78_135", "meeting", 49),  # p. 3 "49th plenary meeting"
    ("A_RES_78_135", "committee", "Second Committee"),  # p. 1
    ("A_RES_78_135", "report", "A/78/459/Add.1"),  # p. 1 "(A/78/459/Add.1, para. 25)"
    ("A_RES_78_135", "report paragraph", 25),  # p. 1
    ("A_RES_78_135", "title", "Unilateral economic measures as a means of political and "
     "economic coercion against developing countries"),  # p. 1
    ("A_RES_78_135", "preambular", 11),  # p. 1 (5), p. 2 (6)
    ("A_RES_78_135", "operative", 8),  # pp. 2-3
    ("A_RES_78_135", "note 1", "Resolution 2625 (XXV), annex."),  # p. 1
    ("A_RES_78_135", "note 1 marks",
     (("pp-2", "in accordance with the Charter of the United Nations,"),)),  # p. 1
    ("A_RES_78_135", "note 3", "A/78/506."),  # p. 2
    ("A_RES_78_135", "note 3 marks", (("op-1", "the report of the Secretary-General;"),)),  # p. 2
    ("A_RES_78_135", "op-3 starts",
     "Takes note of the Bridgetown Covenant, adopted at the fifteenth session"),  # p. 2
    ("A_RES_78_135", "op-3 ends", "as well as impair their trade relations;"),  # p. 3

    # --- A/RES/78/223, Third Committee (5 pages) ------------------------------------------
    ("A_RES_78_223", "adopted", "2023-12-19"),  # p. 1
    ("A_RES_78_223", "meeting", 50),  # p. 5 "50th plenary meeting"
    ("A_RES_78_223", "committee", "Third Committee"),  # p. 1
    ("A_RES_78_223", "report", "A/78/482"),  # p. 1 "(A/78/482, para. 29)"
    ("A_RES_78_223", "report paragraph", 29),  # p. 1
    ("A_RES_78_223", "preambular", 16),  # p. 1 (5), p. 2 (9), p. 3 (2)
    ("A_RES_78_223", "operative", 24),  # pp. 3-5
    ("A_RES_78_223", "op-5 starts",
     "Decides that the duration of the Fifteenth Congress should not exceed eight"),  # p. 3
    ("A_RES_78_223", "op-11 ends",
     "finalized by the Commission at its thirty-second session:"),  # p. 4
    ("A_RES_78_223", "op-11 items", ("1", "2", "3", "4", "5", "6", "7")),  # p. 4, the agenda
    ("A_RES_78_223", "op-11-1 starts", "Opening of the Congress."),  # p. 4
    ("A_RES_78_223", "op-11-5 starts",
     "Addressing and countering crime – including organized crime"),  # p. 4
    ("A_RES_78_223", "op-11-5 ends", "in new, emerging and evolving forms."),  # p. 4
    ("A_RES_78_223", "op-11-7 starts", "Adoption of the report of the Congress."),  # p. 4
    ("A_RES_78_223", "op-12 items", ("a", "b", "c", "d")),  # p. 4
    ("A_RES_78_223", "note 1", "E/CN.15/2023/11."),  # p. 3
    ("A_RES_78_223", "note 1 marks",
     (("pp-16", "on Crime Prevention and Criminal Justice,"),)),  # p. 3
    ("A_RES_78_223", "note 2", "Resolution 76/181, annex."),  # p. 3
    ("A_RES_78_223", "note 2 marks",  # p. 3, in the middle of the paragraph
     (("op-1", "Towards the Achievement of the 2030 Agenda for Sustainable Development"),)),
    ("A_RES_78_223", "op-24 ends", "a report on the implementation of the present "
     "resolution."),  # p. 5

    # --- A/RES/78/71, Special Political and Decolonization (Fourth) Committee (5 pages) ---
    ("A_RES_78_71", "adopted", "2023-12-07"),  # p. 1
    ("A_RES_78_71", "meeting", 45),  # p. 5 "45th plenary meeting"
    ("A_RES_78_71", "committee", "Special Political and Decolonization Committee"),  # p. 1
    # p. 1: "[on the report of the Special Political and Decolonization Committee
    # (Fourth Committee) (A/78/418, para. 8)]", over two lines
    ("A_RES_78_71", "report", "A/78/418"),  # p. 1
    ("A_RES_78_71", "report paragraph", 8),  # p. 1
    ("A_RES_78_71", "title", "Effects of atomic radiation"),  # p. 1
    ("A_RES_78_71", "preambular", 16),  # p. 1 (7), p. 2 (9)
    ("A_RES_78_71", "operative", 26),  # pp. 2-5
    ("A_RES_78_71", "note 2", "Official Records of the General Assembly, Seventy-eighth "
     "Session, Supplement No. 46 (A/78/46)."),  # p. 2
    ("A_RES_78_71", "note 2 marks",
     (("op-4", "takes note of the report on its seventieth session,"),)),  # p. 2
    ("A_RES_78_71", "note 3", "Ibid., chap. II, sect. D."),  # p. 3
    ("A_RES_78_71", "note 3 marks",  # p. 3: the mark is on the page after the one op 4 opens
     (("op-4", "supporting procedure for the Committee’s work,"),)),
    ("A_RES_78_71", "op-4 ends", "as well as wider audiences;"),  # p. 3

    # --- A/RES/78/2, Fifth Committee (2 pages) --------------------------------------------
    ("A_RES_78_2", "adopted", "2023-10-05"),  # p. 1
    ("A_RES_78_2", "meeting", 16),  # p. 2 "16th plenary meeting"
    ("A_RES_78_2", "committee", "Fifth Committee"),  # p. 1
    ("A_RES_78_2", "report", "A/78/383"),  # p. 1 "(A/78/383, para. 7)"
    ("A_RES_78_2", "report paragraph", 7),  # p. 1
    ("A_RES_78_2", "title", "Scale of assessments for the apportionment of the expenses of "
     "the United Nations: requests under Article 19 of the Charter"),  # p. 1
    ("A_RES_78_2", "preambular", 2),  # p. 1
    ("A_RES_78_2", "operative", 6),  # pp. 1-2
    ("A_RES_78_2", "note 1", "Official Records of the General Assembly, Seventy-eighth "
     "Session, Supplement No. 11 (A/78/11)."),  # p. 1
    ("A_RES_78_2", "note 1 marks", (("pp-1", "on its eighty-third session,"),)),  # p. 1
    ("A_RES_78_2", "op-6 ends", "until the end of its seventy-eighth session."),  # p. 2

    # --- A/RES/78/104, Sixth Committee (2 pages) ------------------------------------------
    ("A_RES_78_104", "adopted", "2023-12-07"),  # p. 1
    ("A_RES_78_104", "meeting", 45),  # p. 2 "45th plenary meeting"
    ("A_RES_78_104", "committee", "Sixth Committee"),  # p. 1
    ("A_RES_78_104", "report", "A/78/433"),  # p. 1 "(A/78/433, para. 13)"
    ("A_RES_78_104", "report paragraph", 13),  # p. 1
    ("A_RES_78_104", "preambular", 8),  # p. 1 (6), p. 2 (2)
    ("A_RES_78_104", "operative", 4),  # p. 2
    ("A_RES_78_104", "note 1", "Official Records of the General Assembly, Seventy-eighth "
     "session, Supplement No. 17 (A/78/17), annex I."),  # p. 2 (its "session" in lower case)
    ("A_RES_78_104", "note 1 marks",  # p. 2
     (("op-1", "on the work of its fifty-sixth session,"),)),
    ("A_RES_78_104", "note 2", "Ibid., annex II."),  # p. 2
    ("A_RES_78_104", "note 2 marks",
     (("op-1", "is contained in annex II to the same report;"),)),  # p. 2, at its end
    ("A_RES_78_104", "pp-6 starts", "Noting that the preparation of the Model Provisions"),  # p. 1
    ("A_RES_78_104", "pp-6 ends", "intergovernmental and non-governmental organizations,"),  # p. 2

    # --- A/RES/78/11, plenary; note 2 marked twice (2 pages) ------------------------------
    ("A_RES_78_11", "adopted", "2023-11-28"),  # p. 1
    ("A_RES_78_11", "meeting", 40),  # p. 2 "40th plenary meeting"
    ("A_RES_78_11", "committee", None),  # p. 1 "[without reference to a Main Committee …]"
    ("A_RES_78_11", "basis", "without reference to a Main Committee (A/78/L.10)"),  # p. 1
    ("A_RES_78_11", "report", "A/78/L.10"),  # p. 1, the draft it names
    ("A_RES_78_11", "title", "The Syrian Golan"),  # p. 1
    ("A_RES_78_11", "preambular", 9),  # p. 1 (8), p. 2 (1)
    ("A_RES_78_11", "operative", 8),  # p. 2
    ("A_RES_78_11", "note 1", "A/78/315."),  # p. 1
    ("A_RES_78_11", "note 1 marks", (("pp-2", "on the situation in the Middle East,"),)),  # p. 1
    ("A_RES_78_11", "note 2", "United Nations, Treaty Series, vol. 75, No. 973."),  # p. 1
    ("A_RES_78_11", "note 2 marks",  # p. 1 (preamble) and p. 2 (operative paragraph 3)
     (("pp-5", "Persons in Time of War, of 12 August 1949,"),
      ("op-3", "Persons in Time of War, of 12 August 1949,"))),

    # --- A/RES/78/124, plenary; one unnumbered operative paragraph (1 page) ---------------
    ("A_RES_78_124", "adopted", "2023-12-18"),  # p. 1
    ("A_RES_78_124", "meeting", 48),  # p. 1 "48th plenary meeting"
    ("A_RES_78_124", "committee", None),  # p. 1
    ("A_RES_78_124", "report", "A/78/605"),  # p. 1 "(A/78/605, para. 14)"
    ("A_RES_78_124", "report paragraph", 14),  # p. 1
    ("A_RES_78_124", "preambular", 1),  # p. 1
    ("A_RES_78_124", "operative", 1),  # p. 1
    ("A_RES_78_124", "op-1 printed", False),  # p. 1: "Approves …" has no number
    ("A_RES_78_124", "op-1 starts", "Approves the report of the Credentials Committee."),  # p. 1
    ("A_RES_78_124", "note 1", "A/78/605."),  # p. 1
    ("A_RES_78_124", "note 1 marks",  # p. 1
     (("op-1", "the report of the Credentials Committee."),)),

    # --- A/RES/78/69, the longest document (57 pages) -------------------------------------
    ("A_RES_78_69", "adopted", "2023-12-05"),  # p. 1
    ("A_RES_78_69", "meeting", 44),  # p. 57 "44th plenary meeting"
    ("A_RES_78_69", "basis", "without reference to a Main Committee (A/78/L.15)"),  # p. 1
    ("A_RES_78_69", "title", "Oceans and the law of the sea"),  # p. 1
    ("A_RES_78_69", "preambular", 38),  # pp. 1-6: 3, 5, 8, 7, 10, 5
    ("A_RES_78_69", "operative", 376),  # pp. 6-57 (reference text: 1-376, no gap)
    ("A_RES_78_69", "notes", 158),  # p. 56, the last note is 158
    ("A_RES_78_69", "parts", _ROMAN_26[:17]),  # pp. 6-56, I-XVII
    ("A_RES_78_69", "part I",
     "Implementation of the Convention and related agreements and instruments"),  # p. 6
    ("A_RES_78_69", "part XVII", "Seventy-ninth session of the General Assembly"),  # p. 56
    ("A_RES_78_69", "note 20", "See Report of the World Summit on Sustainable Development, "
     "Johannesburg, South Africa, 26 August–4 September 2002 (United Nations publication, "
     "Sales No. E.03.II.A.1 and corrigendum), chap. I, resolution 2, annex."),  # p. 6
    ("A_RES_78_69", "note 20 marks",  # p. 6, the paragraph opens on p. 5
     (("pp-33", "as recommended by the World Summit on Sustainable Development,"),)),
    ("A_RES_78_69", "note 22", "Ibid., vol. 2167, No. 37924."),  # p. 6
    ("A_RES_78_69", "note 22 marks", (("op-3", "(the Fish Stocks Agreement);"),)),  # p. 6
    ("A_RES_78_69", "op-376 ends", "the item entitled “Oceans and the law of the sea”."),  # p. 57

    # --- A/RES/78/128, annexes I-III (25 pages) -------------------------------------------
    ("A_RES_78_128", "adopted", "2023-12-18"),  # p. 1
    ("A_RES_78_128", "meeting", 48),  # p. 8 "48th plenary meeting"
    ("A_RES_78_128", "basis", "without reference to a Main Committee (A/78/L.25)"),  # p. 1
    ("A_RES_78_128", "preambular", 24),  # pp. 1-4: 3, 7, 9, 5
    ("A_RES_78_128", "operative", 32),  # pp. 4-8
    ("A_RES_78_128", "annexes", (  # p. 8, p. 9, p. 12
        ("I", f"Provisional agenda of {_L128_CONFERENCE}"),
        ("II", f"Proposed organization of work of {_L128_CONFERENCE}"),
        ("III", f"Provisional rules of procedure of {_L128_CONFERENCE}"))),
    ("A_RES_78_128", "annex-i paragraphs", tuple(str(n) for n in range(1, 13))),  # p. 8
    ("A_RES_78_128", "annex-i-para-7 starts", "Credentials of representatives to the "
     "Conference:"),  # p. 8
    ("A_RES_78_128", "annex-i-para-7 items", ("a", "b")),  # p. 8
    ("A_RES_78_128", "annex-ii paragraphs", tuple(str(n) for n in range(1, 27))),  # pp. 9-12
    ("A_RES_78_128", "annex-iii ends", "after the General Committee has reported on the "
     "proposed amendment."),  # p. 25, rule 68
    ("A_RES_78_128", "note 6", "Resolution 71/312, annex."),  # p. 4
    ("A_RES_78_128", "note 6 marks",
     (("op-3", "“Our ocean, our future: call for action”"),)),  # p. 4
    ("A_RES_78_128", "note 11 marks", (("op-29", "associate members of the regional "
                                                 "commissions"),)),  # p. 7
    ("A_RES_78_128", "op-32 ends", "in the meetings of the Conference and its preparatory "
     "meeting."),  # p. 8

    # --- A/RES/78/1, one annex (12 pages) -------------------------------------------------
    ("A_RES_78_1", "adopted", "2023-09-29"),  # p. 1
    ("A_RES_78_1", "meeting", 15),  # p. 1 "15th plenary meeting"
    ("A_RES_78_1", "basis", "without reference to a Main Committee (A/78/L.1)"),  # p. 1
    ("A_RES_78_1", "preambular", 0),  # p. 1: "The General Assembly" then "Endorses …"
    ("A_RES_78_1", "operative", 1),  # p. 1
    ("A_RES_78_1", "op-1 printed", False),  # p. 1
    ("A_RES_78_1", "op-1 ends", "which is contained in the annex to the present "
     "resolution."),  # p. 1
    ("A_RES_78_1", "annexes", (("", "Political Declaration adopted at the High-level Political "
                                    "Forum on Sustainable Development (HLPF), under the auspices "
                                    "of the General Assembly in September 2023"),)),  # p. 1
    ("A_RES_78_1", "annex paragraphs", tuple(str(n) for n in range(1, 44))),  # pp. 1-12
    ("A_RES_78_1", "annex ends", "path by 2030, and leaving no one behind."),  # p. 12, para. 43
    ("A_RES_78_1", "note 1", "High-level political forum on sustainable development convened "
     "under the auspices of the General Assembly (Sustainable Development Goals Summit)."),
    ("A_RES_78_1", "note 1 marks",  # p. 1, in the annex's paragraph 1
     (("annex-para-1", "at the Sustainable Development Goals Summit,"),)),
    ("A_RES_78_1", "note 2", "Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision "
     "1/CP.21."),  # p. 8
    ("A_RES_78_1", "note 2 marks",  # p. 8, annex paragraph 38 (l)
     (("annex-para-38-l", "implementation of the UNFCCC and the Paris Agreement"),)),

    # --- A/RES/78/252, a table in its annex (11 pages) ------------------------------------
    ("A_RES_78_252", "adopted", "2023-12-22"),  # p. 1
    ("A_RES_78_252", "meeting", 50),  # p. 9 "50th (resumed) plenary meeting"
    ("A_RES_78_252", "committee", "Fifth Committee"),  # p. 1
    ("A_RES_78_252", "report", "A/78/662"),  # p. 1 "(A/78/662, para. 83)"
    ("A_RES_78_252", "report paragraph", 83),  # p. 1
    ("A_RES_78_252", "preambular", 7),  # p. 1 (5), p. 2 (2)
    ("A_RES_78_252", "operative", 77),  # pp. 2-9 (reference text: 1-77, no gap)
    ("A_RES_78_252", "note 2", "A/78/95."),  # p. 2
    ("A_RES_78_252", "note 2 marks",  # p. 2, a mark with no punctuation after it
     (("pp-6", "internal oversight: proposed programme budget for 2024"),)),
    # p. 4: the headings "Part I / Overall policymaking, direction and coordination" and
    # "Section 1 / Overall policymaking, …" stand between paragraphs 32 and 33
    ("A_RES_78_252", "op-32 ends", "as set out in the annex to the present resolution;"),  # p. 4
    ("A_RES_78_252", "annexes", (("", "Staffing table for 2024"),)),  # p. 10
    ("A_RES_78_252", "row Deputy Secretary-General",
     ("Deputy Secretary-General", "1", "–", "1")),  # p. 10, the first row
    ("A_RES_78_252", "row Security Service", ("Security Service", "306", "–", "306")),  # p. 10
    ("A_RES_78_252", "row Subtotal", ("Subtotal", "5 247", "1 096", "6 343")),  # p. 10
    ("A_RES_78_252", "row Income section 3 total",
     ("Income section 3 total", "64", "–", "64")),  # p. 11
    ("A_RES_78_252", "row Total", ("Total", "10 415", "4 079", "14 494")),  # p. 11

    # --- A/RES/78/247, parts I and II (2 pages) -------------------------------------------
    ("A_RES_78_247", "adopted", "2023-12-22"),  # p. 1
    ("A_RES_78_247", "meeting", 50),  # p. 2 "50th (resumed) plenary meeting"
    ("A_RES_78_247", "report", "A/78/645"),  # p. 1 "(A/78/645, para. 6)"
    ("A_RES_78_247", "report paragraph", 6),  # p. 1
    ("A_RES_78_247", "parts", ("I", "II")),  # p. 1, p. 2
    ("A_RES_78_247", "part I", "Activities of the Office of Internal Oversight Services"),  # p. 1
    ("A_RES_78_247", "part II", "Activities of the Independent Audit Advisory Committee"),  # p. 2
    ("A_RES_78_247", "preambular in part-i", 2),  # p. 1
    ("A_RES_78_247", "operative in part-i", 10),  # pp. 1-2
    ("A_RES_78_247", "preambular in part-ii", 2),  # p. 2
    ("A_RES_78_247", "operative in part-ii", 2),  # p. 2, numbered 1-2 afresh
    ("A_RES_78_247", "note 1", "A/78/301 (Part I) and A/78/301 (Part I)/Add.1."),  # p. 1
    ("A_RES_78_247", "note 1 marks", (("pp-2", "1 July 2022 to 30 June 2023,"),)),  # p. 1
    ("A_RES_78_247", "note 2 marks", (("pp-4", "1 August 2022 to 31 July 2023,"),)),  # p. 2
    ("A_RES_78_247", "part-ii-op-2 ends", "as contained in the annex to its resolution "
     "61/275."),  # p. 2

    # --- A/RES/78/253, 26 parts (25 pages) ------------------------------------------------
    ("A_RES_78_253", "adopted", "2023-12-22"),  # p. 1
    ("A_RES_78_253", "meeting", 50),  # p. 25 "50th (resumed) plenary meeting"
    ("A_RES_78_253", "report", "A/78/662"),  # p. 1 "(A/78/662, para. 83)"
    # pp. 1-25: parts I-XXVI. "A. Pension Administration" and "B. Office of Investment
    # Management" (pp. 7-8) head the two halves of the table that operative paragraph 6 of
    # part VII approves ("as set out in the table below:"); paragraphs 7-11 follow them.
    ("A_RES_78_253", "parts", _ROMAN_26),  # pp. 1-25
    ("A_RES_78_253", "part I", "Enterprise resource planning project, Umoja"),  # p. 1
    ("A_RES_78_253", "part III",
     "Request for a subvention to the Residual Special Court for Sierra Leone"),  # p. 3
    ("A_RES_78_253", "part XXVI", "Contingency fund"),  # p. 25
    ("A_RES_78_253", "preambular in part-i", 2),  # p. 1
    ("A_RES_78_253", "operative in part-i", 2),  # p. 1
    ("A_RES_78_253", "preambular in part-ii", 2),  # p. 2
    ("A_RES_78_253", "operative in part-ii", 6),  # pp. 2-3
    ("A_RES_78_253", "part-ii-op-6 items", ("a", "b", "c", "d")),  # p. 2
    ("A_RES_78_253", "preambular in part-iii", 2),  # p. 3
    ("A_RES_78_253", "operative in part-iii", 11),  # pp. 3-4
    ("A_RES_78_253", "preambular in part-vii", 2),  # p. 6
    ("A_RES_78_253", "operative in part-vii", 11),  # pp. 7-9, numbered 1-11
    # p. 25: parts XXIII and XXIV are one unnumbered operative paragraph each ("Notes …;",
    # "Approves …, broken down as follows:" with (a) and (b)); part XXV a preambular
    # paragraph ("Having considered …,") and an unnumbered operative one ("Takes note …;")
    ("A_RES_78_253", "preambular in part-xxiii", 0),  # p. 25
    ("A_RES_78_253", "operative in part-xxiii", 1),  # p. 25
    ("A_RES_78_253", "preambular in part-xxiv", 0),  # p. 25
    ("A_RES_78_253", "operative in part-xxiv", 1),  # p. 25
    ("A_RES_78_253", "preambular in part-xxv", 1),  # p. 25
    ("A_RES_78_253", "operative in part-xxv", 1),  # p. 25
    ("A_RES_78_253", "operative in part-xxvi", 2),  # p. 25
    ("A_RES_78_253", "note 5", "A/78/363."),  # p. 3
    ("A_RES_78_253", "note 5 marks",
     (("pp-6", "subvention to the Residual Special Court for Sierra Leone"),)),  # p. 3

    # --- A/C.3/80/L.3, a draft resolution (24 pages) --------------------------------------
    ("A_C.3_80_L.3", "kind", "draft"),  # p. 1 "Italy: draft resolution"
    ("A_C.3_80_L.3", "symbol", "A/C.3/80/L.3"),  # p. 1
    ("A_C.3_80_L.3", "date", "2025-10-14"),  # p. 1 "Distr.: Limited 14 October 2025"
    ("A_C.3_80_L.3", "committee", "Third Committee"),  # p. 1
    ("A_C.3_80_L.3", "sponsors", ("Italy",)),  # p. 1
    ("A_C.3_80_L.3", "title", "Strengthening the United Nations crime prevention and "
     "criminal justice programme, in particular its technical cooperation capacity"),  # p. 1
    ("A_C.3_80_L.3", "operative", 73),  # pp. 7-24 (reference text: 1-73, no gap)
    ("A_C.3_80_L.3", "pp-2 starts", "Reaffirming also its resolutions relating to the urgent "
     "need"),  # p. 1
    ("A_C.3_80_L.3", "note 6", "Resolution 79/243, annex."),  # p. 1
    ("A_C.3_80_L.3", "note 6 marks",
     (("pp-2", "(“the United Nations Convention against Cybercrime”),"),)),  # p. 1
    ("A_C.3_80_L.3", "note 7", "See A/CONF.234/16."),  # p. 1
    ("A_C.3_80_L.3", "note 7 marks", (("pp-3", "Kyoto, Japan, from 7 to 12 March 2021,"),)),  # p. 1
    ("A_C.3_80_L.3", "op-73 ends", "technical cooperation capacity, at its eighty-second "
     "session."),  # p. 24

    # --- A/C.3/80/L.4, a list of States (14 pages) ----------------------------------------
    ("A_C.3_80_L.4", "kind", "draft"),  # p. 1
    ("A_C.3_80_L.4", "date", "2025-10-14"),  # p. 1
    ("A_C.3_80_L.4", "sponsors", _TRAFFICKING_L4),  # p. 1, over two lines, "… and Venezuela …"
    ("A_C.3_80_L.4", "sponsor count", 4),  # p. 1
    ("A_C.3_80_L.4", "title",
     "Improving the coordination of efforts against trafficking in persons"),  # p. 1
    ("A_C.3_80_L.4", "operative", 38),  # pp. 8-14 (reference text: 1-38, no gap)
    ("A_C.3_80_L.4", "note 2", "Target 5.2."),  # p. 1
    ("A_C.3_80_L.4", "note 2 marks",  # p. 1
     (("pp-5", "sexual and other types of exploitation,"),)),
    ("A_C.3_80_L.4", "op-38 ends",
     "improve the coordination of efforts against trafficking in persons."),  # p. 14

    # --- A/C.3/80/L.57, amendments (1 page) -----------------------------------------------
    ("A_C.3_80_L.57", "kind", "amendments"),  # p. 1 "…: amendment to revised draft …"
    ("A_C.3_80_L.57", "symbol", "A/C.3/80/L.57"),  # p. 1
    ("A_C.3_80_L.57", "date", "2025-11-12"),  # p. 1
    ("A_C.3_80_L.57", "sponsors", ("United States of America",)),  # p. 1
    ("A_C.3_80_L.57", "amends", "A/C.3/80/L.3/Rev.1"),  # p. 1
    ("A_C.3_80_L.57", "title", "Strengthening the United Nations crime prevention and "
     "criminal justice programme, in particular its technical cooperation capacity"),  # p. 1
    ("A_C.3_80_L.57", "amendments", 2),  # p. 1
    ("A_C.3_80_L.57", "amendment 1", ("insert", "op-64")),  # p. 1 "In operative paragraph 64
    ("A_C.3_80_L.57", "amendment 2", ("insert", "op-65")),  # p. 1 "In operative paragraph 65
    ("A_C.3_80_L.57", "amendment-1 starts",  # p. 1
     "In operative paragraph 64, after “to strengthen their efforts in preventing” insert"),
    ("A_C.3_80_L.57", "amendment-1 ends", "“and combating child pornography”."),  # p. 1
    ("A_C.3_80_L.57", "amendment-2 ends", "child prostitution and child pornography”."),  # p. 1
]
"""One row per fact: the document, the query (see the module's docstring), the value read."""

ACCEPTED_WARNINGS: dict[str, tuple[str, ...]] = {}
"""Warnings judged right, by document (their kinds): none. Every sample document is a clean
official PDF, so a warning about one is the reader's or the parser's mistake."""


@pytest.fixture(scope="module")
def sample(corpus: Path) -> Iterator[Callable[[str], Parsed]]:
    """Each sample document parsed, once, when a test first asks for it."""
    parsed: dict[str, Parsed] = {}

    def get(name: str) -> Parsed:
        if name not in parsed:
            parsed[name] = parse(read_source(corpus / "pdf" / f"{name}.pdf"))
        return parsed[name]

    yield get


def _texts(report: Report) -> tuple[DraftResolution, ...]:
    """The document's text (a resolution's or a draft's), or none (amendments)."""
    return report.resolutions[:1]


def _passages(report: Report) -> dict[str, tuple[str, tuple[NoteRef, ...]]]:
    """Every anchored passage of the text, amendments and annexes: its text and its marks."""
    found: dict[str, tuple[str, tuple[NoteRef, ...]]] = {
        a.anchor: (a.text, a.notes) for a in report.amendments}
    for text in _texts(report):
        found |= {p.anchor: (p.text, p.notes) for p in text.preambular}
        for op in text.operative:
            found[op.anchor] = (op.text, op.notes)
            found |= {s.anchor: (s.text, s.notes) for s in all_subparagraphs(op.subparagraphs)}
        found |= {b.anchor: (b.text, b.notes) for a in text.annexes for b in a.blocks}
    return found


def _words(text: str, expected: object, *, last: bool) -> str:
    """As many of ``text``'s first (or last) words as ``expected`` has."""
    count = len(str(expected).split())
    words = text.split()
    return " ".join(words[-count:] if last else words[:count])


def _marks(report: Report, number: int, expected: object) -> tuple[tuple[str, str], ...]:
    """Each mark of note ``number``: (anchor, the words before it, as many as expected)."""
    marks = [(anchor, text[:ref.offset]) for anchor, (text, refs) in _passages(report).items()
             for ref in refs if ref.number == number]
    wanted = list(expected) if isinstance(expected, tuple) else []
    if len(wanted) != len(marks):
        return tuple(marks)
    return tuple((anchor, _words(before, words, last=True))
                 for (anchor, before), (_, words) in zip(marks, wanted, strict=True))


def _document_fact(report: Report, query: str) -> object:
    """A fact of the masthead, the adoption or the whole text; ``KeyError`` if none."""
    adoption = report.adoption
    text = _texts(report)[0] if _texts(report) else None
    facts: dict[str, Callable[[], object]] = {
        "kind": lambda: report.kind,
        "symbol": lambda: str(report.symbol),
        "date": lambda: report.date.isoformat() if report.date else None,
        "adopted": lambda: adoption.date.isoformat() if adoption and adoption.date else None,
        "meeting": lambda: adoption.meeting if adoption else None,
        "committee": lambda: adoption.committee if adoption else report.committee,
        "basis": lambda: adoption.basis if adoption else None,
        "report": lambda: str(adoption.report) if adoption and adoption.report else None,
        "report paragraph": lambda: adoption.report_paragraph if adoption else None,
        "title": lambda: text.title if text else report.amends_title,
        "sponsors": lambda: report.sponsors,
        "sponsor count": lambda: len(report.sponsors),
        "amends": lambda: str(report.amends) if report.amends else None,
        "amendments": lambda: len(report.amendments),
        "notes": lambda: len(text.notes) if text else len(report.notes),
        "preambular": lambda: len(text.preambular) if text else 0,
        "operative": lambda: len(text.operative) if text else 0,
        "annexes": lambda: tuple((a.number, a.title) for a in text.annexes) if text else (),
        "parts": lambda: tuple(p.label for p in text.parts) if text else (),
    }
    return facts[query]()


def _text_fact(text: DraftResolution, head: str, rest: str, expected: object) -> object:
    """A fact of the text's parts, notes, annexes or sub-paragraphs; ``KeyError`` if none."""
    if head in ("preambular", "operative") and rest.startswith("in "):
        paragraphs = text.preambular if head == "preambular" else text.operative
        return sum(1 for p in paragraphs if p.part == rest[3:])
    if head == "part":
        return next((p.title for p in text.parts if p.label == rest), None)
    if head == "note" and rest.isdigit():
        return next((n.text for n in text.notes if n.number == int(rest)), None)
    if head == "row":
        rows = [b.text.split(" | ") for a in text.annexes for b in a.blocks]
        return next((tuple(cells) for cells in rows if cells[0] == rest), None)
    annexes = {a.anchor: a for a in text.annexes}
    if head in annexes and rest == "paragraphs":
        return tuple(b.label for b in annexes[head].blocks if b.kind == "paragraph")
    if head in annexes and rest in ("starts", "ends"):
        block = annexes[head].blocks[0 if rest == "starts" else -1]
        return _words(block.text, expected, last=rest == "ends")
    operative = {op.anchor: op for op in text.operative}
    if rest == "printed" and head in operative:
        return operative[head].printed
    if rest == "items":
        subs = {s.anchor: s.subparagraphs for op in text.operative
                for s in all_subparagraphs(op.subparagraphs)}
        if head in operative or head in subs:
            items = operative[head].subparagraphs if head in operative else subs[head]
            return tuple(s.label for s in items)
        return tuple(b.label for a in text.annexes for b in a.blocks  # an annex's paragraph
                     if b.kind == "item" and b.anchor.startswith(f"{head}-"))
    if rest in ("starts", "ends"):
        return None  # no paragraph with that anchor
    raise KeyError(f"{head} {rest}")


def observe(report: Report, query: str, expected: object) -> object:
    """The value of ``query`` in ``report`` (see the module's docstring)."""
    head, _, rest = query.partition(" ")
    if rest.endswith(" marks") and head == "note":
        return _marks(report, int(rest.split()[0]), expected)
    if head == "amendment":
        amendment = next((a for a in report.amendments if a.number == int(rest)), None)
        return (amendment.action, amendment.target) if amendment else None
    passage = _passages(report).get(head)
    if passage is not None and rest in ("starts", "ends"):
        return _words(passage[0], expected, last=rest == "ends")
    try:
        return _document_fact(report, query)
    except KeyError:
        pass
    for text in _texts(report):
        return _text_fact(text, head, rest, expected)
    raise KeyError(f"{query!r}: no such passage or query")


@pytest.mark.parametrize(("document", "query", "expected"), FACTS,
                         ids=[f"{d}: {q}" for d, q, _ in FACTS])
def test_a_fact_read_in_the_pdf(document: str, query: str, expected: object,
                                sample: Callable[[str], Parsed]) -> None:
    observed = observe(sample(document).report, query, expected)
    assert observed == expected


@pytest.mark.parametrize("document", SAMPLE)
def test_nothing_is_lost_and_nothing_is_warned(document: str,
                                               sample: Callable[[str], Parsed]) -> None:
    parsed = sample(document)
    verify(parsed)  # raises, naming the passage, if a word of the text layer is missing
    kinds = tuple(w.kind for w in parsed.warnings)
    assert kinds == ACCEPTED_WARNINGS.get(document, ()), \
        "\n".join(str(w) for w in parsed.warnings)


def test_the_sample_covers_what_it_says() -> None:
    """Every Main Committee and the plenary are in the table, and every sample document has
    facts (this one needs no corpus: it reads the table)."""
    committees = {e for _, q, e in FACTS if q == "committee"}
    assert committees == {"First Committee", "Second Committee", "Third Committee",
                          "Special Political and Decolonization Committee", "Fifth Committee",
                          "Sixth Committee", None}
    assert {d for d, _, _ in FACTS} == set(SAMPLE)
    kinds = {e for _, q, e in FACTS if q == "kind"}
    assert kinds == {"resolution", "draft", "amendments"}
