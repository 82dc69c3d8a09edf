"""Mandates followed from request to report, across the documents of a collection.

A *request for a report* is an operative paragraph that asks someone to report
(``summary.Asked`` with a reporter, a receiving body or a session:
"Requests the Secretary-General to submit to the General Assembly at its seventy-eighth
session a report on …"). For each, two facts the collection can show, independently:

* its **answer**: a paragraph of a text of a later session (or of the session the report
  was due at) whose opening verb takes note of, welcomes or considers a report
  ("Takes note with appreciation of the report of the Secretary-General", "Having
  considered the report") and that identifies the report, either

  1. by citing the requesting text ("prepared pursuant to resolution 77/237"), in its
     words or in one of its notes, resolved by ``Collection.place`` (the resolution a
     report's draft became included). If the citation names a paragraph, that paragraph's
     request is the one answered; if not, the requests of that text by the reporter the
     answer names, due at the answer's session — or, if none is, those that give no
     session; or
  2. by the report's own symbol alone (in its words or its notes), when it is in the
     requesting text's next version, names the requested reporter ("the report of the
     Secretary-General on …") and what it says the report is about shares most of its
     words with the request (``COVERS``; "the present resolution" read as the requesting
     text's title);

  the report's symbol is recorded where cited (``A/78/264``);
* its **next version**: what the next version of the requesting text (the ``successor``
  mapping, computed elsewhere) does with it. The requests of both texts are paired best
  first by the words of their subject (``SAME_SUBJECT``); a paired request is
  **renewed** if it asks the same reporter, the same body, at the same distance in
  sessions, in nearly the same words (``SAME_WORDING``), and **changed** otherwise; an
  unpaired one is **dropped**.

The overall status is the first that holds of: ``answered``, ``renewed``, ``changed``,
``dropped``, ``not-yet-due`` (due to the General Assembly at a session later than the
latest of the collection, and nothing found), ``nothing-found`` — a request is answered
*and* renewed when both hold, and the status says the first. "Nothing found in this
collection" is never "not fulfilled": the answer may be in a document not collected.

A citation in a note counts for the paragraph whose mark leads to the note
(``Cited.marked_in``). Pure: summaries in, values out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from unreport.collection.links import Collection
from unreport.collection.summary import Asked, Cited, DocumentSummary, Text
from unreport.text.numbers import ordinal_words

STATUSES = ("answered", "renewed", "changed", "dropped", "not-yet-due", "nothing-found")
"""The statuses, in the order the overall one is decided and pages list them."""

ASSEMBLY = "General Assembly"

COVERS = 0.6
"""Share of the words an answer says its report is about that the request must have."""
SAME_SUBJECT = 0.5
"""Least similarity (shared words / all words) of two requests on the same subject."""
SAME_WORDING = 0.85
"""Least similarity of a request renewed in (nearly) the same words."""

_ANSWER_VERB = re.compile(
    r"(?i:(?:(?:also|further|once again|\w+ly)\s+)*(?:takes?\s+note|taking\s+note|notes|noting"
    r"|welcomes|welcoming|having\s+(?:considered|examined|reviewed|taken\s+note)|considers"
    r"|considering|acknowledges|acknowledging))\b[^;]{0,120}?\breports?\b")
# "the report of the Secretary-General on …", "the report … entitled …".
_REPORT_OF = re.compile(r"\breports?\s+of\s+(?:the\s+)?(?P<by>[A-Z][\w’'-]*(?:\s+(?:of|on|for|"
                        r"and|the|[A-Z][\w’'-]*))*)")
_REPORT_ON = re.compile(r"\breports?\b[^;:]*?\b(?:on|entitled)\s+(?P<subject>[^;:]+)")
_SESSIONS = re.compile(r"\bat\s+(?:its|their|the)\s+(?P<words>[\w\s,-]{0,80}?)\s*\bsessions?\b")
_WORD = re.compile(r"[a-z][a-z’'-]*")
_PRESENT = re.compile(r"\bthe\s+present\s+resolution\b", re.IGNORECASE)
_STOP = frozenset((
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "of", "on", "or",
    "the", "their", "this", "that", "those", "these", "to", "with", "within", "also",
    "further", "requests", "request", "requesting", "reiterates", "renews", "submit",
    "submitted", "report", "reports", "reporting", "session", "sessions", "thereon",
    "including"))


@dataclass(frozen=True)
class Evidence:
    """A paragraph (or a whole text) the collection shows something by."""

    symbol: str
    """The document it is in (``A/RES/78/229``)."""
    folder: str
    """That document's folder (``A-RES-78-229``)."""
    page: str
    """The page in it (``index.html``)."""
    anchor: str | None
    """The paragraph's anchor (``op-1``), or None for the whole text."""
    label: str
    """How the site names it (``Resolution 78/229, OP 1``)."""
    reason: str
    """What it shows, in one sentence."""


@dataclass(frozen=True)
class MandateStatus:
    """One request for a report and what the collection shows of it."""

    symbol: str
    """The requesting document (``A/77/464``)."""
    folder: str
    """Its folder (``A-77-464``)."""
    page: str
    """The requesting text's page (``draft-resolutions/vii.html``)."""
    anchor: str
    """The requesting paragraph (``op-85``)."""
    label: str
    """How the site names it (``Draft resolution VII, OP 85``)."""
    text: str
    """The paragraph's plain text."""
    reporter: str | None
    """Who is to report (``Secretary-General``)."""
    body: str | None
    """The body the report goes to (``General Assembly``)."""
    sessions: tuple[int, ...]
    """The sessions of that body it is due at (``(78,)``; ``(79, 80)`` for "at its
    seventy-ninth and eightieth sessions"); empty if none is named."""
    status: str
    """The overall status, one of ``STATUSES``."""
    answer: Evidence | None
    """The paragraph that takes note of the report, if the collection has one."""
    report_symbol: str | None
    """The report's symbol, where the answer cites it (``A/78/264``)."""
    next_version: str | None
    """``renewed``, ``changed`` or ``dropped``; None when the collection has no next
    version of the requesting text."""
    evidence: tuple[Evidence, ...]
    """The answer, then the next version's paragraph (or text, if dropped)."""


@dataclass(frozen=True)
class _Found:
    """A paragraph of the collection, with what the matching reads of it."""

    document: DocumentSummary
    """The document it is in."""
    text: Text
    """The text it is in."""
    anchor: str
    """Its anchor (``op-1``, ``pp-16``)."""
    words: str
    """Its plain text."""
    cites: tuple[Cited, ...]
    """Its citations, those of the notes its marks lead to included."""


def is_report_request(asked: Asked) -> bool:
    """Whether a paragraph asks for a report (who reports, to which body, or when)."""
    return bool(asked.report_by or asked.report_to or asked.report_session)


def due_sessions(asked: Asked) -> tuple[int, ...]:
    """The sessions a request is due at: the summary's, or those its words name ("at its
    seventy-ninth and eightieth sessions" → (79, 80))."""
    if asked.report_session is not None:
        return (asked.report_session,)
    found = _SESSIONS.search(asked.text)
    if not found or not found.group("words").strip():
        return ()
    numbers = [ordinal_words(part) for part in
               re.split(r",\s*(?:and\s+)?|\s+and\s+", found.group("words").strip())]
    return tuple(n for n in numbers if n is not None) if None not in numbers else ()


def subject_words(text: str, title: str = "") -> frozenset[str]:
    """The words saying what a request or a report is about: no small words, no verbs of
    asking, no session numbers; "the present resolution" read as ``title`` if given."""
    if title:
        text = _PRESENT.sub(title, text)
    return frozenset(w for w in _WORD.findall(text.lower())
                     if w not in _STOP and ordinal_words(w) is None)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Words in common over all words (0.0 for two empty sets)."""
    return len(a & b) / len(a | b) if a | b else 0.0


def label_of(text: Text, anchor: str) -> str:
    """How the site names a paragraph: ``Resolution 78/229, PP 16``, ``…, OP 1``."""
    kind, _, number = anchor.partition("-")
    return f"{text.name}, {'PP' if kind == 'pp' else 'OP'} {number.split('-')[0]}"


def follow(collection: Collection, successor: Mapping[tuple[str, str], tuple[str, str]]) \
        -> tuple[MandateStatus, ...]:
    """Every request for a report in the collection, in document order, with its answer,
    its next version and its status. ``successor`` maps a text's ``(folder, page)`` to its
    next version's."""
    answers = tuple(_answers(collection.documents))
    latest = max((d.session for d in collection.documents if d.session is not None),
                 default=None)
    by_folder = {d.folder: d for d in collection.documents}
    out = []
    for document in collection.documents:
        for text in document.texts:
            requests = [a for a in document.asks if a.page == text.page
                        and is_report_request(a)]
            if not requests:
                continue
            after = successor.get((document.folder, text.page))
            next_facts = _next_version(document, requests, by_folder, after)
            for asked in requests:
                answer, symbol = _answer(collection, document, text, asked, requests, answers,
                                         after)
                fact, shown = next_facts.get(asked.anchor, (None, None))
                status = _status(asked, answer is not None, fact, latest)
                out.append(MandateStatus(
                    document.symbol, document.folder, asked.page, asked.anchor, asked.label,
                    asked.text, asked.report_by, asked.report_to, due_sessions(asked),
                    status, answer, symbol, fact,
                    tuple(e for e in (answer, shown) if e is not None)))
    return tuple(out)


def _status(asked: Asked, answered: bool, next_version: str | None,
            latest: int | None) -> str:
    """The first of ``STATUSES`` that holds."""
    if answered:
        return "answered"
    if next_version is not None:
        return next_version
    sessions = due_sessions(asked)
    if sessions and latest is not None and min(sessions) > latest \
            and asked.report_to in (None, ASSEMBLY):
        return "not-yet-due"
    return "nothing-found"


def _answers(documents: Iterable[DocumentSummary]) -> Iterator[_Found]:
    """Every paragraph of the collection that takes note of, welcomes or considers a
    report, with its citations (its notes' included)."""
    for document in documents:
        by_place: dict[tuple[str, str], list[Cited]] = {}
        for cited in document.cites:
            by_place.setdefault((cited.page, cited.marked_in or cited.anchor), []).append(cited)
        for text in document.texts:
            for paragraph in text.paragraphs:
                if _ANSWER_VERB.match(paragraph.text):
                    yield _Found(document, text, paragraph.anchor, paragraph.text,
                                 tuple(by_place.get((text.page, paragraph.anchor), ())))


def _names_reporter(words: str, reporter: str | None) -> bool | None:
    """Whether the report an answer names is the reporter's: None if it names no author."""
    found = _REPORT_OF.search(words)
    if found is None:
        return None
    # "Member States and the United Nations Office on Drugs and Crime": the first named.
    return reporter is not None and found.group("by").casefold().startswith(
        reporter.casefold().split(" and ")[0])


def _report_symbol(found: _Found) -> str | None:
    """The first document an answer cites that is not a resolution or decision."""
    return next((c.symbol for c in found.cites
                 if "/RES/" not in c.symbol and "/DEC/" not in c.symbol), None)


def _in_time(found: _Found, document: DocumentSummary, due: tuple[int, ...]) -> bool:
    """Whether an answer's text is of a later session than the request's, or of a
    session the report was ``due`` at."""
    session = found.document.session
    if session is None or document.session is None:
        return False
    return session > document.session or session in due


def _answer(collection: Collection, document: DocumentSummary, text: Text, asked: Asked,
            requests: list[Asked], answers: tuple[_Found, ...],
            after: tuple[str, str] | None) -> tuple[Evidence | None, str | None]:
    """The first paragraph of the collection that answers ``asked`` by citing its text, or
    else the first of its next version (``after``) that does by the report's symbol; and
    the report's symbol where the answer cites one."""
    due = due_sessions(asked)
    timely = [f for f in answers
              if f.document.folder != document.folder and _in_time(f, document, due)]
    for found in timely:
        reason = _by_citation(collection, document, text, asked, requests, found)
        if reason:
            return _evidence(found, reason), _report_symbol(found)
    for found in timely:
        if (found.document.folder, found.text.page) != after:
            continue
        reason = _by_symbol(text, asked, found)
        if reason:
            return _evidence(found, reason), _report_symbol(found)
    return None, None


def _evidence(found: _Found, reason: str) -> Evidence:
    return Evidence(found.document.symbol, found.document.folder, found.text.page,
                    found.anchor, label_of(found.text, found.anchor), reason)


def _by_citation(collection: Collection, document: DocumentSummary, text: Text,
                 asked: Asked, requests: list[Asked], found: _Found) -> str | None:
    """Why ``found`` answers ``asked`` by citing its text, or None."""
    if _names_reporter(found.words, asked.report_by) is False:
        return None
    for cited in found.cites:
        place = collection.place(cited.symbol, cited.paragraph)
        if place is None or (place.folder, place.page) != (document.folder, text.page):
            continue
        if place.anchor is not None:
            if place.anchor == asked.anchor:
                return (f"It takes up the report asked for in paragraph {cited.paragraph} of "
                        f"{cited.cited_as}: this paragraph.")
            continue
        fits = [r for r in requests if _names_reporter(found.words, r.report_by) is not False]
        session = found.document.session
        timely = [r for r in fits if session in due_sessions(r)]
        if asked in timely or (not timely and asked in fits and not due_sessions(asked)):
            due = f", due at the {_ordinal(session)} session" if asked in timely else ""
            return (f"It takes up a report of the {asked.report_by} prepared pursuant to "
                    f"{cited.cited_as} (this text){due}.")
    return None


def _by_symbol(text: Text, asked: Asked, found: _Found) -> str | None:
    """Why ``found`` answers ``asked`` by naming its reporter and subject and citing the
    report's symbol, or None."""
    symbol = _report_symbol(found)
    if symbol is None or not _names_reporter(found.words, asked.report_by):
        return None
    about = _REPORT_ON.search(found.words)
    if about is None:
        return None
    subject = subject_words(about.group("subject"))
    request = subject_words(asked.text, text.title)
    if not subject or len(subject & request) / len(subject) < COVERS:
        return None
    return (f"In the next version of this text, it takes up a report of the "
            f"{asked.report_by} ({symbol}) on the subject of the request.")


def _ordinal(session: int | None) -> str:
    """``78`` → ``78th``, ``71`` → ``71st``."""
    if session is None:
        return "unknown"
    suffix = "th" if session % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(
        session % 10, "th")
    return f"{session}{suffix}"


def _next_version(document: DocumentSummary, requests: list[Asked],
                  by_folder: Mapping[str, DocumentSummary],
                  after: tuple[str, str] | None) -> dict[str, tuple[str, Evidence]]:
    """``{anchor: (renewed | changed | dropped, evidence)}`` for a text's requests, from
    its next version; empty if the collection has none."""
    if after is None or after[0] not in by_folder:
        return {}
    later = by_folder[after[0]]
    later_text = next((t for t in later.texts if t.page == after[1]), None)
    if later_text is None:
        return {}
    candidates = [a for a in later.asks if a.page == after[1] and is_report_request(a)]
    words = {id(a): subject_words(a.text) for a in (*requests, *candidates)}
    pairs = sorted(((similarity(words[id(old)], words[id(new)]), i, j)
                    for i, old in enumerate(requests) for j, new in enumerate(candidates)),
                   key=lambda p: (-p[0], p[1], p[2]))
    out: dict[str, tuple[str, Evidence]] = {}
    taken: set[int] = set()
    for score, i, j in pairs:
        old, new = requests[i], candidates[j]
        if score < SAME_SUBJECT or old.anchor in out or j in taken:
            continue
        taken.add(j)
        changes = _changes(document, old, later, new, score)
        reason = ("It asks again for the same report, in nearly the same words." if not changes
                  else "It asks for a report on the same subject; " + "; ".join(changes) + ".")
        out[old.anchor] = ("changed" if changes else "renewed", Evidence(
            later.symbol, later.folder, new.page, new.anchor, new.label, reason))
    for old in requests:
        if old.anchor not in out:
            out[old.anchor] = ("dropped", Evidence(
                later.symbol, later.folder, later_text.page, None, later_text.name,
                f"{later_text.name}, the next version of this text, asks for no report on "
                "this subject."))
    return out


def _changes(document: DocumentSummary, old: Asked, later: DocumentSummary, new: Asked,
             score: float) -> list[str]:
    """What a request of the next version changes of the old one, in phrases."""
    changes = []
    if (old.report_by or "").casefold() != (new.report_by or "").casefold():
        changes.append(f"the reporter is now {new.report_by or 'not named'}")
    if (old.report_to or "").casefold() != (new.report_to or "").casefold():
        changes.append(f"the report now goes to {new.report_to or 'no named body'}")
    if _distances(document, old) != _distances(later, new):
        changes.append(f"it is now due at {_sessions_words(due_sessions(new))} instead of "
                       f"{_sessions_words(due_sessions(old))}")
    if score < SAME_WORDING:
        changes.append("its wording differs")
    return changes


def _distances(document: DocumentSummary, asked: Asked) -> tuple[int, ...]:
    """How many sessions after its own text's a request's report is due (``(1,)``)."""
    if document.session is None:
        return due_sessions(asked)
    return tuple(s - document.session for s in due_sessions(asked))


def _sessions_words(sessions: tuple[int, ...]) -> str:
    if not sessions:
        return "no named session"
    named = " and ".join(_ordinal(s) for s in sessions)
    return f"the {named} session{'s' if len(sessions) > 1 else ''}"
