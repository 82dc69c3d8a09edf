"""Mandates followed across a collection (``collection.mandates``): each request for a
report with its answer and its next version, on small hand-made documents (a row per
status) and on the real sample — A/77/464 and resolutions 78/223 and 78/229."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from unreport.cli import main
from unreport.collection.compose import read_folders
from unreport.collection.links import collect
from unreport.collection.mandates import (
    STATUSES,
    MandateStatus,
    due_sessions,
    follow,
)
from unreport.collection.mandates_page import (
    BOM,
    CSV_COLUMNS,
    NOT_FULFILLED,
    mandates_csv,
    mandates_json,
    mandates_page,
    mandates_schema,
)
from unreport.collection.summary import Asked, Cited, DocumentSummary, Text
from unreport.parse.source import bundled_path
from unreport.versions.align import Paragraph

TITLE = "Crime prevention and <criminal> justice"
HOME = "index.html"
REQUEST = ("Requests the Secretary-General to submit to the General Assembly at its "
           "seventy-eighth session a report on the implementation of the present resolution.")
NOTED = "Takes note of the report of the Secretary-General prepared pursuant to resolution 77/5;"
CONSIDERED = ("Having considered the report of the Secretary-General on the implementation of "
              "resolution 77/5 on crime prevention and criminal justice,")


def ask(anchor: str, text: str, name: str, by: str | None = "Secretary-General",
        to: str | None = "General Assembly", session: int | None = 78) -> Asked:
    return Asked(HOME, anchor, f"{name}, OP {anchor.removeprefix('op-')}", text.split(" the ")[0],
                 "request", (by,) if by else (), text, by, to, session)


def resolution(number: str, paragraphs: dict[str, str], asks: tuple[Asked, ...] = (),
               cites: tuple[Cited, ...] = ()) -> DocumentSummary:
    """A resolution of one page whose paragraphs are ``{anchor: text}``."""
    symbol = f"A/RES/{number}"
    name = f"Resolution {number}"
    kinds = {"pp": "preambular", "op": "operative"}
    text = Text(HOME, name, TITLE, None, tuple(paragraphs), tuple(
        Paragraph(anchor, kinds[anchor[:2]], words) for anchor, words in paragraphs.items()))
    notes = tuple(dict.fromkeys(c.anchor for c in cites if c.anchor.startswith("fn-")))
    return DocumentSummary(
        symbol=symbol, folder=symbol.replace("/", "-"), kind="resolution", title=TITLE,
        date=None, session=int(number.split("/")[0]), committee="Third Committee",
        agenda_item=None, adopted_on=None, adopted_paragraph=None, texts=(text,),
        pages={HOME: (*paragraphs, *notes)}, cites=cites, asks=asks, source_digest="",
        build_key="")


def cite(number: str, anchor: str, symbol: str, paragraph: int | None = None) -> Cited:
    return Cited(HOME, anchor, f"Resolution {number}, {anchor}", symbol, paragraph,
                 symbol.removeprefix("A/RES/"))


# The requesting resolution: op-5 asks for a report at the 78th session, op-6 for one at
# the 80th, op-7 for information to a body of the Organization, with no session.
OP6 = ("Also requests the Secretary-General to submit to the General Assembly at its "
       "eightieth session a report on trafficking in cultural property.")
OP7 = ("Invites the United Nations Office on Drugs and Crime to report to the Commission on "
       "Crime Prevention and Criminal Justice on the outcome of the expert meeting;")
OLD = resolution("77/5", {"pp-1": "Recalling its resolutions,", "op-5": REQUEST, "op-6": OP6,
                          "op-7": OP7},
                 (ask("op-5", REQUEST, "Resolution 77/5"),
                  ask("op-6", OP6, "Resolution 77/5", session=80),
                  ask("op-7", OP7, "Resolution 77/5",
                      by="United Nations Office on Drugs and Crime",
                      to="Commission on Crime Prevention and Criminal Justice", session=None)))
NEXT = {("A-RES-77-5", HOME): ("A-RES-78-10", HOME)}
RENEWED = REQUEST.replace("seventy-eighth", "seventy-ninth")
CHANGED = ("Requests the Secretary-General to submit to the General Assembly at its "
           "seventy-ninth and eightieth sessions a report on the implementation of the present "
           "resolution.")
OP7_AGAIN = OP7.replace("Invites", "Also invites")


def later(paragraphs: dict[str, str], asks: tuple[Asked, ...] = (),
          cites: tuple[Cited, ...] = ()) -> DocumentSummary:
    """Resolution 78/10, the next version of 77/5."""
    return resolution("78/10", {"pp-1": "Recalling its resolution 77/5,", **paragraphs},
                      asks, cites)


def later_ask(anchor: str, text: str, session: int | None) -> Asked:
    return ask(anchor, text, "Resolution 78/10", session=session)


OP7_LATER = ask("op-7", OP7_AGAIN, "Resolution 78/10",
                by="United Nations Office on Drugs and Crime",
                to="Commission on Crime Prevention and Criminal Justice", session=None)

# (case, the later documents, successor, note marks,
#  {anchor of 77/5: (status, next version, answering paragraph, report symbol)})
CASES = [
    ("no later document: every report due later is not yet due", (), {}, {}, {
        "op-5": ("not-yet-due", None, None, None),
        "op-6": ("not-yet-due", None, None, None),
        "op-7": ("nothing-found", None, None, None)}),
    ("answered by citing the requesting resolution, renewed", (later(
        {"op-1": NOTED, "op-9": RENEWED, "op-11": OP7_AGAIN},
        (later_ask("op-9", RENEWED, 79), OP7_LATER),
        (cite("78/10", "op-1", "A/RES/77/5"), cite("78/10", "fn-1", "A/78/100"))),),
     NEXT, {("A-RES-78-10", HOME, "fn-1"): "op-1"}, {
        "op-5": ("answered", "renewed", "op-1", "A/78/100"),
        "op-6": ("dropped", "dropped", None, None),
        "op-7": ("renewed", "renewed", None, None)}),
    ("answered by the report's symbol only, in the next version's note", (later(
        {"pp-2": CONSIDERED, "op-9": CHANGED, "op-11": OP7_AGAIN},
        (later_ask("op-9", CHANGED, None), OP7_LATER),
        (cite("78/10", "fn-1", "A/78/100"),)),),
     NEXT, {("A-RES-78-10", HOME, "fn-1"): "pp-2"}, {
        "op-5": ("answered", "changed", "pp-2", "A/78/100"),
        "op-6": ("dropped", "dropped", None, None),
        "op-7": ("renewed", "renewed", None, None)}),
    ("the same, without knowing which paragraph the note belongs to", (later(
        {"pp-2": CONSIDERED, "op-9": CHANGED},
        (later_ask("op-9", CHANGED, None),),
        (cite("78/10", "fn-1", "A/78/100"),)),),
     NEXT, {}, {
        "op-5": ("changed", "changed", None, None),
        "op-6": ("dropped", "dropped", None, None),
        "op-7": ("dropped", "dropped", None, None)}),
    ("a citation naming the paragraph answers that paragraph only", (later(
        {"op-1": "Takes note of the report of the Secretary-General on trafficking in cultural "
                 "property, submitted pursuant to paragraph 6 of resolution 77/5;"},
        cites=(cite("78/10", "op-1", "A/RES/77/5", 6),)),),
     {}, {}, {
        "op-5": ("nothing-found", None, None, None),
        "op-6": ("answered", None, "op-1", None),
        "op-7": ("nothing-found", None, None, None)}),
    ("a report of another author, or a mere mention, answers nothing", (later(
        {"op-1": "Takes note of the report of the Commission on Crime Prevention and Criminal "
                 "Justice prepared pursuant to resolution 77/5;",
         "op-2": "Recalls the report of the Secretary-General prepared pursuant to resolution "
                 "77/5;"},
        cites=(cite("78/10", "op-1", "A/RES/77/5"), cite("78/10", "op-2", "A/RES/77/5"))),),
     {}, {}, {
        "op-5": ("nothing-found", None, None, None),
        "op-6": ("not-yet-due", None, None, None),
        "op-7": ("nothing-found", None, None, None)}),
    ("a request changed in body", (later(
        {"op-9": RENEWED},
        (ask("op-9", RENEWED, "Resolution 78/10", to="Economic and Social Council",
             session=79),)),),
     NEXT, {}, {
        "op-5": ("changed", "changed", None, None),
        "op-6": ("dropped", "dropped", None, None),
        "op-7": ("dropped", "dropped", None, None)}),
]


def statuses_of(documents: tuple[DocumentSummary, ...],
                successor: dict[tuple[str, str], tuple[str, str]],
                marks: dict[tuple[str, str, str], str]) -> tuple[MandateStatus, ...]:
    """The statuses, the notes' citations marked in the paragraphs ``marks`` names (as the
    summary records them: ``Cited.marked_in``)."""
    marked = tuple(replace(d, cites=tuple(
        replace(c, marked_in=marks.get((d.folder, c.page, c.anchor))) for c in d.cites))
        for d in documents)
    return follow(collect((OLD, *marked)), successor)


@pytest.mark.parametrize(("case", "documents", "successor", "marks", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_each_request_gets_its_status(case: str, documents: tuple[DocumentSummary, ...],
                                      successor: dict[tuple[str, str], tuple[str, str]],
                                      marks: dict[tuple[str, str, str], str],
                                      expected: dict[str, tuple[str, str | None, str | None,
                                                                str | None]]) -> None:
    found = {m.anchor: m for m in statuses_of(documents, successor, marks)
             if m.folder == "A-RES-77-5"}
    assert {anchor: (m.status, m.next_version, m.answer.anchor if m.answer else None,
                     m.report_symbol) for anchor, m in found.items()} == expected
    for m in found.values():
        assert m.status in STATUSES
        assert all(e.reason for e in m.evidence)
        assert len(m.evidence) == (m.answer is not None) + (m.next_version is not None)


@pytest.mark.parametrize(("text", "session", "expected"), [
    (REQUEST, 78, (78,)),
    (CHANGED, None, (79, 80)),
    ("Requests the Secretary-General to report at its seventy-ninth, eightieth and "
     "eighty-first sessions.", None, (79, 80, 81)),
    ("Requests the Secretary-General to report at its session following the meeting.",
     None, ()),
    ("Requests the Secretary-General to report thereon.", None, ()),
])
def test_the_sessions_a_request_is_due_at(text: str, session: int | None,
                                          expected: tuple[int, ...]) -> None:
    assert due_sessions(ask("op-1", text, "Resolution 77/5", session=session)) == expected


def test_the_page_the_json_and_the_csv() -> None:
    _, documents, successor, marks, _ = CASES[1]
    statuses = statuses_of(documents, successor, marks)
    page = mandates_page(statuses, collect((OLD, *documents)).documents)
    assert NOT_FULFILLED in page and "not fulfilled" not in page.replace(NOT_FULFILLED, "")
    assert "| Answered | 1 |" in page and f"| All | {len(statuses)} |" in page
    assert '## <a href="A-RES-77-5/index.html">Resolution 77/5</a>' in page
    assert ('- <a href="A-RES-77-5/index.html#op-5">OP 5</a> — **Answered; renewed in the '
            'next version**.') in page
    assert '<a href="A-RES-78-10/index.html#op-1">Resolution 78/10, OP 1</a>' in page
    assert '<a href="A-RES-78-10/index.html#op-9">Resolution 78/10, OP 9</a>' in page
    assert "Report: A/78/100." in page
    assert "&#60;criminal&#62;" in page and "<criminal>" not in page  # the title, escaped
    data = json.loads(mandates_json(statuses))
    jsonschema.validate(data, json.loads(mandates_schema()))
    first = data["mandates"][0]
    assert (first["url"], first["status"], first["answer"]["url"], first["report_symbol"],
            first["next_version_evidence"]["url"]) == (
        "A-RES-77-5/index.html#op-5", "answered", "A-RES-78-10/index.html#op-1", "A/78/100",
        "A-RES-78-10/index.html#op-9")
    text = mandates_csv(statuses)
    assert text.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == len(statuses)
    assert (rows[0]["status_words"], rows[0]["answer_url"], rows[0]["sessions"]) == (
        "Answered", "A-RES-78-10/index.html#op-1", "78")


def test_an_empty_collection_says_so() -> None:
    page = mandates_page((), ())
    assert "No document of this collection asks for a report." in page
    jsonschema.validate(json.loads(mandates_json(())), json.loads(mandates_schema()))


def test_the_sample_collection(corpus: Path, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Checked by reading the texts: draft VII of A/77/464 (77/237) op 85 asks the
    Secretary-General for a report to the 78th session on the crime prevention programme;
    78/229 op 1 "Takes note with appreciation of the report of the Secretary-General
    prepared pursuant to resolution 77/237" (note 48: A/78/264), and op 92 asks for the same
    report "at its seventy-ninth and eightieth sessions": a report at each of the next two
    sessions instead of one at the next — changed, not renewed. Draft I (77/231) op 9 asks
    for a report on the resolution to the 78th session; 78/223 pp 16 "Having considered the
    report of the Secretary-General on the follow-up to the Fourteenth … Congress" (note 1:
    E/CN.15/2023/11) answers it, and 78/223 op 24 asks for it again at the 79th session in
    the same words — renewed."""
    monkeypatch.setenv("UNREPORT_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "documents"
    assert main(["build-documents", str(bundled_path()),
                 *(str(corpus / "pdf" / f"A_RES_78_{n}.pdf") for n in (223, 224, 229)),
                 "--out", str(out)]) == 0
    built = read_folders([out])
    successor = {("A-77-464", f"draft-resolutions/{draft}.html"): (f"A-RES-78-{n}", HOME)
                 for draft, n in (("i", 223), ("ii", 224), ("vii", 229))}
    collection = collect(summary for summary, _ in built)
    statuses = {(m.folder, m.page, m.anchor): m
                for m in follow(collection, successor)}

    seventh = statuses[("A-77-464", "draft-resolutions/vii.html", "op-85")]
    assert (seventh.reporter, seventh.body, seventh.sessions) == (
        "Secretary-General", "General Assembly", (78,))
    assert (seventh.status, seventh.next_version, seventh.report_symbol) == (
        "answered", "changed", "A/78/264")
    assert seventh.answer is not None
    assert (seventh.answer.folder, seventh.answer.anchor) == ("A-RES-78-229", "op-1")
    assert [(e.folder, e.anchor) for e in seventh.evidence] == [
        ("A-RES-78-229", "op-1"), ("A-RES-78-229", "op-92")]
    assert "79th and 80th sessions" in seventh.evidence[1].reason

    first = statuses[("A-77-464", "draft-resolutions/i.html", "op-9")]
    assert (first.status, first.next_version, first.report_symbol) == (
        "answered", "renewed", "E/CN.15/2023/11")
    assert first.answer is not None
    assert [(e.folder, e.anchor) for e in first.evidence] == [
        ("A-RES-78-223", "pp-16"), ("A-RES-78-223", "op-24")]

    # Due at the 79th session, later than any document of the collection.
    assert statuses[("A-RES-78-223", HOME, "op-24")].status == "not-yet-due"
    assert statuses[("A-RES-78-229", HOME, "op-92")].status == "not-yet-due"
    page = mandates_page(tuple(statuses.values()), collection.documents)
    assert '<a href="A-RES-78-229/index.html#op-1">Resolution 78/229, OP 1</a>' in page
