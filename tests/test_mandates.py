"""Mandates: the grammar form by form, then the whole report against a hand annotation.

``tests/fixtures/A-77-464-mandates.tsv`` is an annotation of all 254 operative
paragraphs of A/77/464 made by reading them in the source: the opening verb as
printed, its kind, whom it addresses and the report it asks for. The tricky
paragraphs' later clauses are annotated here, in ``ACTIONS``.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unreport.mandates.addressees import NameBook, addressee_phrases, clean_addressee, is_un_body
from unreport.mandates.clauses import (
    KINDS,
    Mandate,
    MandateLayer,
    build_mandates,
    clause_starts,
    mandate_records,
    resolution_mandates,
    session_number,
    verb_kind,
    verb_phrase,
)
from unreport.model import DraftResolution, Operative, Span
from unreport.parse import Parsed
from unreport.publish.build import site_files
from unreport.site.mandates_page import label_parts, mandate_label, reports_due

ANNOTATION = Path(__file__).resolve().parent / "fixtures" / "A-77-464-mandates.tsv"
UNODC = "United Nations Office on Drugs and Crime"
CCPCJ = "Commission on Crime Prevention and Criminal Justice"
COSP = "Conference of the States Parties to the United Nations Convention against Corruption"
AFRI = "United Nations African Institute for the Prevention of Crime and the Treatment of Offenders"
ABBREVIATIONS = {"MS": "Member States", "SP": "States parties", "SG": "Secretary-General",
                 "UNODC": UNODC, "CCPCJ": CCPCJ, "GA": "General Assembly", "COSP": COSP,
                 "AFRI": AFRI, "PGA": "President of the General Assembly",
                 "WHO": "World Health Organization",
                 "OHCHR": "Office of the United Nations High Commissioner for Human Rights"}


# --- the verb and its kind -------------------------------------------------------------

@pytest.mark.parametrize(("text", "verb", "kind", "action"), [
    ("Requests the Secretary-General to submit", "Requests", "request", "requests"),
    ("Also requests the Office to", "Also requests", "request", "requests"),
    ("Further requests the Secretary-General", "Further requests", "request", "requests"),
    ("Requests further the Secretary-General", "Requests further", "request", "requests"),
    ("Reiterates its request, made to the Secretary-General", "Reiterates its request",
     "request", "requests"),
    ("Decides to hold the Congress", "Decides", "decision", "decides"),
    ("Also decides that", "Also decides", "decision", "decides"),
    ("Decides also to", "Decides also", "decision", "decides"),
    ("Urges Member States", "Urges", "call", "urges"),
    ("Strongly urges States", "Strongly urges", "call", "urges"),
    ("Calls upon Member States", "Calls upon", "call", "calls upon"),
    ("Also calls upon Member States", "Also calls upon", "call", "calls upon"),
    ("Further calls upon Member States", "Further calls upon", "call", "calls upon"),
    ("Once again calls upon States", "Once again calls upon", "call", "calls upon"),
    ("Calls on Governments", "Calls on", "call", "calls upon"),
    ("Encourages Member States", "Encourages", "call", "encourages"),
    ("Strongly encourages States parties", "Strongly encourages", "call", "encourages"),
    ("Invites Member States", "Invites", "call", "invites"),
    ("Also invites Member States", "Also invites", "call", "invites"),
    ("Reiterates its invitation to Governments", "Reiterates its invitation", "call", "invites"),
    ("Reiterates the invitation to the Conference", "Reiterates the invitation", "call",
     "invites"),
    ("Reiterates its call upon the private sector", "Reiterates its call upon", "call",
     "calls upon"),
    ("Renews its call upon States", "Renews its call upon", "call", "calls upon"),
    ("Appeals to Member States", "Appeals to", "call", "appeals"),
    ("Welcomes the initiative", "Welcomes", "other", None),
    ("Also welcomes the work", "Also welcomes", "other", None),
    ("Takes note of the report", "Takes note of", "other", None),
    ("Takes note with appreciation of the report", "Takes note with appreciation of", "other",
     None),
    ("Takes note with interest of the work", "Takes note with interest of", "other", None),
    ("Notes with appreciation the efforts", "Notes with appreciation", "other", None),
    ("Notes the efforts of the Institute", "Notes", "other", None),
    ("Expresses concern about the magnitude", "Expresses concern", "other", None),
    ("Expresses its deep concern at", "Expresses its deep concern", "other", None),
    ("Expresses its appreciation to the Government", "Expresses its appreciation", "other",
     None),
    ("Reaffirms its resolution 70/1", "Reaffirms", "other", None),
    ("Reiterates the importance of providing", "Reiterates", "other", None),
    ("Recognizes the benefit", "Recognizes", "other", None),
    ("Emphasizes the need for all Member States to", "Emphasizes", "other", None),
    ("Stresses the need", "Stresses", "other", None),
    ("Recommends that Member States adopt", "Recommends", "other", None),
    ("Calls for further international cooperation", "Calls for", "other", None),
    ("Also calls for closer collaboration", "Also calls for", "other", None),
    ("Commends the Institute", "Commends", "other", None),
    ("Looks forward to its continued efforts", "Looks forward to", "other", None),
    ("also requests the Secretary-General", "also requests", "request", "requests"),
    ("further notes with appreciation that", "further notes with appreciation", "other", None),
])
def test_verb_and_kind(text: str, verb: str, kind: str, action: str | None) -> None:
    assert verb_phrase(text) == verb
    assert verb_kind(verb) == (kind, action)


# --- clauses ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "verbs"), [
    ("Invites Member States to provide X, and requests the Secretary-General to include Y;",
     ["Invites", "requests"]),
    ("Welcomes the fact, thus making it universal, and in this regard urges all Member States "
     "to consider it, and urges all States parties to take measures;",
     ["Welcomes", "urges", "urges"]),
    ("Recalls article 12 of the Convention and calls upon States parties to adopt measures;",
     ["Recalls", "calls"]),
    ("Takes note of the study, encourages Member States to collect data, invites the Office "
     "to collect data, and invites Member States and other donors to provide resources;",
     ["Takes", "encourages", "invites", "invites"]),
    ("Urges States parties to designate an authority, and where appropriate, encourages "
     "States parties to use the Working Group;", ["Urges", "encourages"]),
    ("Reiterates its invitation to Member States to adopt X, requests the Office to collect Y, "
     "and strongly encourages Member States to share it with the Office;",
     ["Reiterates", "requests", "strongly"]),
    # Nouns, infinitives and semicolons in a list are not the Assembly's clauses.
    ("Urges States parties to execute requests, taking into account the assets;", ["Urges"]),
    ("Welcomes the decision of the Conference to call upon States parties to act;",
     ["Welcomes"]),
    ("Urges Member States to develop strategies; to strengthen cooperation; and to inform "
     "accordingly the Office;", ["Urges"]),
])
def test_clauses(text: str, verbs: list[str]) -> None:
    assert [text[v:].split()[0] for _, v in clause_starts(text)] == verbs


# --- addressees -------------------------------------------------------------------------

@pytest.mark.parametrize(("region", "phrases"), [
    (" the Secretary-General ", ["Secretary-General"]),
    (" all Member States and competent regional economic integration organizations, within "
     "the limits of their competence, that have not yet done so ",
     ["Member States", "competent regional economic integration organizations"]),
    (" the World Health Organization, the United Nations Office on Drugs and Crime and the "
     "Office of the United Nations High Commissioner for Human Rights ",
     ["World Health Organization", UNODC,
      "Office of the United Nations High Commissioner for Human Rights"]),
    (" the United Nations Office on Drugs and Crime, subject to the availability of "
     "extrabudgetary resources, ", [UNODC]),
    (" Member States, including those members of the Institute, all relevant entities of the "
     "United Nations and non-governmental organizations ",
     ["Member States", "relevant entities of the United Nations",
      "non-governmental organizations"]),
    (" Member States, international organizations and civil society ",
     ["Member States", "international organizations", "civil society"]),
    (" States parties to the Optional Protocol to the Convention on the Rights of the Child on "
     "the sale of children, child prostitution and child pornography ", ["States parties"]),
    (" States parties and signatories to the Convention ", ["States parties", "signatories"]),
    (" State parties ", ["States parties"]),
    (" States parties that have yet ", ["States parties"]),
    (" the private sector, at both the international and the national levels, including small "
     "and large companies and transnational corporations, ", ["private sector"]),
    (" the United Nations, especially the United Nations Office on Drugs and Crime, ",
     ["United Nations", UNODC]),
    (" the Commission on Crime Prevention and Criminal Justice and the Commission on Narcotic "
     "Drugs ", [CCPCJ, "Commission on Narcotic Drugs"]),
    (" the United Nations African Institute for the Prevention of Crime and the Treatment of "
     "Offenders ", [AFRI]),
    (" Member States and Governments ", ["Member States", "Governments"]),
    (" the Economic and Social Council, through the Commission, ",
     ["Economic and Social Council"]),
    (" the United Nations Interregional Crime and Justice Research Institute ",
     ["United Nations Interregional Crime and Justice Research Institute"]),
    (" Member States and the Food and Agriculture Organization of the United Nations ",
     ["Member States", "Food and Agriculture Organization of the United Nations"]),
    (" the regional commissions ", ["regional commissions"]),
    (" the Secretary-General in its resolution 75/197, ", ["Secretary-General"]),
    # The object is a thing, not someone asked to act.
    (" the use of the lessons learned in order ", []),
    (" the holding of side events that are focused on ", []),
])
def test_addressee_phrases(region: str, phrases: list[str]) -> None:
    assert addressee_phrases(region) == phrases


@pytest.mark.parametrize(("phrase", "clean"), [
    ("all States parties to the Convention that have not yet done so", "States parties"),
    ("the Secretary-General", "Secretary-General"),
    ("all relevant entities of the United Nations", "relevant entities of the United Nations"),
    ("African States that are not yet members of the Institute", "African States"),
])
def test_clean_addressee(phrase: str, clean: str) -> None:
    assert clean_addressee(phrase) == clean


RESOLUTION = [
    "United Nations African Institute for the Prevention of Crime and the Treatment of "
    "Offenders",
    "Commends the United Nations African Institute for the Prevention of Crime and the "
    "Treatment of Offenders for its efforts, and the United Nations Office on Drugs and Crime "
    "for its support;",
    "Welcomes the United Nations Office on Drugs and Crime Global Report on Trafficking in "
    "Persons;",
    "Requests the United Nations Office on Drugs and Crime to continue to work with the "
    "Conference of the States Parties to the United Nations Convention against Corruption;",
    "Takes note of the work of the Office of Counter-Terrorism, and requests the Office to "
    "report to the Conference of the States Parties to the Convention;",
    "Invites the Conference of the States Parties to consider it, and requests the Assembly and "
    "the General Assembly to note it;",
]


@pytest.mark.parametrize(("phrase", "block", "full"), [
    ("the Institute", 4, AFRI),
    # Three of the four Offices named are this one: "the Office" is this one, even just
    # after "the Office of Counter-Terrorism".
    ("the Office", 4, UNODC),
    ("the Office", 3, UNODC),
    ("the Conference", 5, COSP),
    ("the Conference of the States Parties", 5, COSP),
    ("the Conference of the States Parties to the Convention", 4, COSP),
    ("the Assembly", 5, "General Assembly"),
    ("the Secretariat", 5, "Secretariat"),
    ("States members of the Institute", 5, f"States members of the {AFRI}"),
    ("Member States", 5, "Member States"),
])
def test_short_forms(phrase: str, block: int, full: str) -> None:
    book = NameBook(RESOLUTION)
    assert book.resolve(phrase, block, len(RESOLUTION[block])) == full


def test_short_form_named_in_the_same_paragraph() -> None:
    """Where no body dominates (5 of 7 Offices here), the one the paragraph has just named."""
    texts = ["Title", "Requests the United Nations Office on Drugs and Crime to act;",
             "Recalls the work of the Office of Counter-Terrorism, and requests the Office to "
             "act;"]
    book = NameBook(texts * 2 + [texts[1]] * 3)
    assert book.resolve("the Office", 2, len(texts[2])) == "Office of Counter-Terrorism"
    assert book.resolve("the Office", 1, len(texts[1])) == UNODC


@pytest.mark.parametrize(("name", "un"), [
    ("Secretary-General", True), ("Secretariat", True), (UNODC, True), (CCPCJ, True),
    (COSP, True), (AFRI, True), ("World Health Organization", True),
    ("President of the General Assembly", True),
    ("Chair of the Commission on Narcotic Drugs", True),
    ("Office of Counter-Terrorism", True), ("regional commissions", True),
    ("Member States", False), ("States Members of the United Nations", False),
    ("States parties", False), ("private sector", False), ("Group of 20", False),
    ("International Criminal Police Organization", False), ("Governments", False),
])
def test_united_nations_bodies(name: str, un: bool) -> None:
    assert is_un_body(name) is un


# --- sessions and reports ---------------------------------------------------------------

@pytest.mark.parametrize(("words", "number"), [
    ("seventy-eighth ", 78), ("seventy-ninth ", 79), ("seventy-nineth ", 79),
    ("thirty-second ", 32), ("thirty-third ", 33), ("eightieth ", 80), ("tenth ", 10),
    ("fourty-fifth ", 45), ("twenty-fith ", 25), ("sixty-eigth ", 68), ("twelveth ", 12),
    ("Seventy seventh ", 77), ("one hundredth ", 100), ("one hundred and first ", 101),
    ("78th ", 78), ("", None), ("next ", None), ("resumed ", None),
])
def test_session_numbers(words: str, number: int | None) -> None:
    assert session_number(words) == number


def _mandate(text: str) -> Mandate:
    """The mandate of ``text`` as the one operative paragraph of a resolution whose title
    names the Office, the Commission and the Assembly in full."""
    op = Operative(1, "op-1", text, (), (), Span(1, 1))
    title = ("Title naming the United Nations Office on Drugs and Crime, the Commission on "
             "Crime Prevention and Criminal Justice and the General Assembly and the Economic "
             "and Social Council")
    return resolution_mandates(DraftResolution("I", 1, title, (), (op,), (), Span(1, 1),
                                               "i"))[0]


@pytest.mark.parametrize(("text", "report"), [
    ("Requests the Secretary-General to submit to the General Assembly at its seventy-eighth "
     "session a report on the implementation of the present resolution.",
     ("Secretary-General", "General Assembly", 78)),
    ("Requests the Secretary-General to report to the General Assembly at its eightieth "
     "session on the implementation of the present resolution.",
     ("Secretary-General", "General Assembly", 80)),
    ("Requests the Secretary-General to submit a report on the implementation of the present "
     "resolution to the General Assembly at its seventy-nineth session.",
     ("Secretary-General", "General Assembly", 79)),
    ("Requests the Secretary-General to report thereon to the Commission at its thirty-third "
     "session.", ("Secretary-General", CCPCJ, 33)),
    ("Requests the Office to report to the Commission at its session following the meeting.",
     (UNODC, CCPCJ, None)),
    ("Requests the Secretary-General to include in his report to the General Assembly at its "
     "seventy-ninth session a section on corruption.",
     ("Secretary-General", "General Assembly", 79)),
    ("Invites Member States to provide the Office with relevant information and data.",
     ("Member States", UNODC, None)),
    ("Encourages Member States to share with the United Nations Office on Drugs and Crime "
     "information on promising practices.", ("Member States", UNODC, None)),
    ("Encourages States parties to inform the United Nations Office on Drugs and Crime of any "
     "impediments.", ("States parties", UNODC, None)),
    ("Invites the President of the General Assembly to prepare a summary of the discussion for "
     "transmission to the Commission.", ("President of the General Assembly", CCPCJ, None)),
    ("Requests the Secretary-General to continue to report, within existing reporting "
     "obligations, on the financial situation of the Office.",
     ("Secretary-General", None, None)),
    ("Requests the Secretary-General to submit a report at the seventy-ninth session of the "
     "General Assembly.", ("Secretary-General", "General Assembly", 79)),
    ("Urges States to become parties, and requests the Secretary-General to report to the "
     "Council at its substantive session of 2024.",
     ("Secretary-General", "Economic and Social Council", None)),
    ("Requests the Executive Director of the United Nations Office on Drugs and Crime to report "
     "to the Commission at its thirty-third session.",
     ("Executive Director of the United Nations Office on Drugs and Crime", CCPCJ, 33)),
])
def test_reports(text: str, report: tuple[str | None, str | None, int | None]) -> None:
    found = _mandate(text).report
    assert found is not None
    assert (found.by, found.to, found.session) == report


@pytest.mark.parametrize("text", [
    "Requests the Commission to approve at its thirty-second session the overall theme.",
    "Decides to continue its consideration of the question at its seventy-ninth session.",
    "Encourages Member States to provide training on the need to report suspected or confirmed "
    "illegal practices.",
    "Calls upon Member States to establish mechanisms for professionals to report any case to "
    "the relevant authorities.",
    "Encourages requested States to provide information on legal frameworks to the requesting "
    "State.",
    "Invites Member States to provide the Office with appropriate resources.",
    "Encourages States parties to submit case law to the knowledge management portal.",
    "Takes note of the report of the Secretary-General to the General Assembly.",
    "Encourages sharing such practices with the Office, including through its reports to the "
    "Commission.",
])
def test_no_report(text: str) -> None:
    assert _mandate(text).report is None


# --- the whole report against the hand annotation ---------------------------------------

def _expand(text: str) -> str:
    for short, full in ABBREVIATIONS.items():
        text = re.sub(rf"\b{short}\b", full, text)
    return text


def _annotation() -> dict[str, tuple[str, str, tuple[str, ...], object]]:
    rows = {}
    for line in ANNOTATION.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, verb, kind, addressees, report = line.split("\t")
        names = tuple(_expand(a.strip()) for a in addressees.split(";") if a.strip())
        due = None
        if report != "-":
            by, rest = report.split(" > ")
            to, session = rest.split(" @ ")
            due = {"by": _expand(by), "to": None if to == "-" else _expand(to),
                   "session": None if session == "-" else int(session)}
        rows[key] = (verb, kind, names, due)
    return rows


@pytest.fixture(scope="module")
def layer(parsed: Parsed) -> MandateLayer:
    return build_mandates(parsed.report)


def test_every_paragraph_agrees_with_the_hand_annotation(layer: MandateLayer) -> None:
    expected = _annotation()
    assert len(expected) == len(layer.paragraphs) == 254
    differ = []
    for m in layer.paragraphs:
        got = (m.verb, m.kind, m.addressees, m.report.as_data() if m.report else None)
        if got != expected[f"{m.resolution}.{m.number}"]:
            differ.append(f"{m.resolution}.{m.number}: {got} != "
                          f"{expected[f'{m.resolution}.{m.number}']}")
    assert not differ, "\n".join(differ)


ACTIONS = {  # later clauses, read in the source: (verb, addressees, report to, session)
    "I.6": [("invites", ("Member States",)), ("requests", ("Secretary-General",))],
    "I.7": [("encourages", ())],
    "IV.3": [("calls upon", ("Member States", "relevant entities of the United Nations",
                             "non-governmental organizations"))],
    "IV.21": [("requests", (UNODC,)), ("requests", (AFRI,))],
    "IV.24": [("requests", ("Secretary-General",))],
    "V.5": [("urges", ("Member States", "competent regional economic integration "
                                        "organizations")), ("urges", ("States parties",))],
    "V.13": [("encourages", ("States parties",)), ("invites", ("States parties",))],
    "V.26": [("invites", (COSP,)), ("invites", (COSP,))],
    "V.36": [("invites", ("Member States",)), ("encourages", ())],
    "V.38": [("urges", ("States",)), ("encourages", ("States", "legal professionals",
                                                     "non-governmental organizations"))],
    "V.52": [("invites", (COSP,))],
    "V.54": [("calls upon", ("private sector",))],
    "V.55": [("calls upon", ("States parties",))],
    "V.76": [("urges", ("Group of 20",))],
    "V.77": [("requests", ("Secretary-General",)), ("requests", ("Secretary-General",))],
    "VI.17": [("requests", ("World Health Organization", UNODC,
                            "Office of the United Nations High Commissioner for Human "
                            "Rights"))],
    "VI.22": [("decides", ())],
    "VII.6": [("urges", ("States parties",))],
    "VII.13": [("urges", ("States parties",)), ("calls upon", ("States parties",))],
    "VII.21": [],
    "VII.32": [("calls upon", ("Member States",)), ("calls upon", ("United Nations", UNODC))],
    "VII.35": [("requests", ("Secretary-General",)), ("requests", ("Secretariat",))],
    "VII.37": [("requests", ("Secretary-General",))],
    "VII.49": [("encourages", ("Member States",)), ("invites", (UNODC,)),
               ("invites", ("Member States", "other donors"))],
    "VII.52": [("calls upon", ("Member States",)), ("calls upon", (UNODC,))],
    "VII.70": [("encourages", ("Member States",)), ("encourages", ())],
    "VII.79": [("invites", ("Member States",)), ("requests", (UNODC,)),
               ("encourages", ("Member States",))],
    "VII.83": [("requests", (CCPCJ,))],
}


@pytest.mark.parametrize("key", list(ACTIONS))
def test_actions_of_the_tricky_paragraphs(layer: MandateLayer, key: str) -> None:
    number, _, op = key.partition(".")
    mandate = layer.of(number, f"op-{op}")
    assert mandate is not None
    assert [(a.verb, a.addressees) for a in mandate.actions] == ACTIONS[key]


def test_reports_due_to_the_assembly_and_the_commission(layer: MandateLayer) -> None:
    due = [(f"{m.resolution}.{m.number}", r.to, r.session) for m, _, r in reports_due(layer)
           if r.to in ("General Assembly", CCPCJ)]
    assert due == [("I.9", "General Assembly", 78), ("VII.85", "General Assembly", 78),
                   ("IV.27", "General Assembly", 79), ("V.77", "General Assembly", 79),
                   ("VI.21", "General Assembly", 79), ("V.77", "General Assembly", None),
                   ("I.6", CCPCJ, 32), ("II.12", CCPCJ, None), ("VII.24", CCPCJ, None)]


def test_labels(layer: MandateLayer) -> None:
    def words(key: str) -> list[str]:
        number, _, op = key.partition(".")
        mandate = layer.of(number, f"op-{op}")
        assert mandate is not None
        return label_parts(mandate)

    assert words("IV.27") == ["Request", "Secretary-General",
                              "report to the General Assembly, 79th session"]
    assert words("I.5") == ["Decision"]
    assert words("I.6") == ["Request", "Secretary-General", "report to the Commission on Crime "
                            "Prevention and Criminal Justice, 32nd session"]
    assert words("VII.72") == ["Request", UNODC,
                               f"report by Member States to the {UNODC}"]
    assert words("VII.37") == ["Request", "Secretary-General", "report, recipient not named"]
    assert words("I.1") == [] and words("II.1") == []
    for mandate in layer.paragraphs:
        if mandate.kind in ("request", "decision"):
            assert mandate_label(mandate).startswith('<span class="unr-sr">Mandate: </span>')


# --- pages and export -------------------------------------------------------------------

@pytest.fixture(scope="module")
def files(parsed: Parsed) -> dict[str, str]:
    return site_files(parsed.report)


def test_mandates_page_links_every_request_paragraph(files: dict[str, str],
                                                     layer: MandateLayer) -> None:
    page = files["mandates.md"]
    for mandate in layer.paragraphs:
        link = f"]({mandate.page.removesuffix('.html')}.md#{mandate.anchor})"
        if mandate.kind in ("request", "decision") or mandate.actions:
            assert link in page, f"no link to {mandate.resolution} {mandate.anchor}"
    anchors = re.findall(r"\{#(addressee-[^}]+)\}", page)
    assert len(anchors) == len(set(anchors))
    assert "| **Total** | **26** | **2** | **143** | **83** | **254** |" in page
    assert "### Secretary-General {#addressee-secretary-general data-search-exclude}" in page


def test_labels_follow_their_paragraphs(files: dict[str, str]) -> None:
    page = files["draft-resolutions/iv.md"]
    paragraph = page.index("{: #op-27 .unr-para")
    label = page.index("{: .unr-mandate .unr-search-exclude }", paragraph)
    assert "report to the General Assembly, 79th session" in page[paragraph:label]
    assert page.count(".unr-mandate .unr-search-exclude") == 6  # IV.21, 22, 24, 25, 27, 14


def test_json_fields(files: dict[str, str], layer: MandateLayer) -> None:
    data = json.loads(files["A-77-464.json"])
    ops = [op for r in data["resolutions"] for op in r["operative"]]
    assert len(ops) == 254
    assert all(list(op)[-5:] == ["verb", "kind", "addressees", "actions", "report"]
               for op in ops)
    nine = data["resolutions"][0]["operative"][8]
    assert nine["verb"] == "Requests" and nine["kind"] == "request"
    assert nine["addressees"] == ["Secretary-General"]
    assert nine["actions"] == [{"verb": "requests", "addressees": ["Secretary-General"]}]
    assert nine["report"] == {"by": "Secretary-General", "to": "General Assembly",
                              "session": 78}
    assert data["mandates"] == mandate_records(layer)
    assert len(data["mandates"]) == sum(len(op["actions"]) for op in ops)
    first = data["mandates"][0]
    assert list(first) == ["resolution", "paragraph", "anchor", "page", "verb", "kind",
                           "addressees", "text", "report"]
    assert first["text"].startswith("Reiterates its invitation to Governments to take")


# --- any text: a mandate, never an exception or a hang ------------------------------------

WORDS = ["Requests", "requests", "Decides", "Urges", "Calls", "upon", "for", "Reiterates",
         "its", "the", "invitation", "request", "Takes", "note", "of", "with", "appreciation",
         "Office", "Institute", "Conference", "Convention", "Commission", "General", "Assembly",
         "Economic", "Social", "Council", "United", "Nations", "States", "Parties", "parties",
         "Member", "and", "to", "report", "submit", "a", "at", "session", "seventy-nineth",
         "thirty-second", "information", "provide", "inform", "share", "that", "in", "also",
         "further", "strongly", "Secretary-General", "them", ",", ";", ":", ".", "(", ")", "\"",
         "“", "”", "in this regard", "where appropriate", "including", "especially",
         "made", "on", "Drugs", "Crime", "Prevention", "Criminal", "Justice", "x" * 40]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=120))
def test_any_text_gives_a_mandate(words: list[str]) -> None:
    text = " ".join(words)
    started = time.perf_counter()
    mandate = _mandate(text)
    assert time.perf_counter() - started < 2, "the grammar backtracks"
    assert mandate.kind in KINDS
    assert all(a.kind in ("request", "decision", "call") for a in mandate.actions)
    assert all(a.text and a.text in text for a in mandate.actions)
    for action in mandate.actions:
        if action.report and action.report.session is not None:
            assert action.report.session > 0
