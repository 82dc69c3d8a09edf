"""What the Committee did with a draft, sentence by sentence of its subsection.

Read in the Secretariat's set phrases:

- the draft's fate: "the Committee adopted draft resolution A/C.3/77/L.35 … by a recorded
  vote of 80 to 29, with 65 abstentions", "the Committee rejected draft resolution …",
  "the sponsors withdrew draft resolution …" / "… was withdrawn by its sponsors", "the
  Committee took no action on …" / "decided … that no action be taken on …";
- votes on parts: "decided to retain operative paragraph 9", "… to delete the fifteenth
  preambular paragraph" (anchors ``op-9``, ``pp-15``);
- amendments: "introduced amendments (A/C.3/77/L.66) to draft resolution A/C.3/77/L.29",
  "rejected the amendment contained in document A/C.3/77/L.66 by a recorded vote …";
- oral changes: "orally revised the draft resolution", "read out an oral correction",
  "as orally revised".

The meeting of each sentence is the last one named ("At its 48th meeting, on 11
November", "Also at the same meeting"). Votes and their lists are read by ``votes.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from unreport.diagnostics import Collector
from unreport.model import (
    AmendmentAction,
    OralChange,
    ParagraphVote,
    ReportParagraph,
    Span,
    Vote,
    all_subparagraphs,
)
from unreport.parse.clean import Line
from unreport.parse.votes import FoundVote, read_votes
from unreport.text.dates import MONTH_PATTERN
from unreport.text.numbers import ordinal_words
from unreport.text.states import split_names, strip_article
from unreport.text.symbols import SYMBOL_RE, DocumentSymbol

MEETING = re.compile(rf"\b(\d{{1,3}})(?:st|nd|rd|th) (plenary )?meeting"
                     rf"(?:,? on (\d{{1,2}} {MONTH_PATTERN}(?: \d{{4}})?))?")
"""A meeting named by its number ("48th meeting, on 11 November")."""
_SAME_MEETING = re.compile(r"\b(?:the|that) same meeting\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[a-z)\]])\.\s+(?=[A-Z])")

_DRAFT = r"(?:the )?(?:revised )?draft (?:resolution|decision)"
ADOPTED = re.compile(rf"\b[Tt]he Committee (?:then )?adopted {_DRAFT}"
                     r"|\bdraft (?:resolution|decision) \S+?(?:,? as orally \w+,)? was adopted\b"
                     r"|\b[Tt]he draft (?:resolution|decision)(?:,? as a whole)?"
                     r"(?:,? as orally (?:revised|corrected))?,? was adopted\b")
"""The sentence that says the Committee adopted the draft: "the Committee adopted draft
resolution A/C.1/77/L.5", "The Committee then adopted the draft resolution as a whole",
"(c) The draft resolution as a whole, as orally revised, was adopted"."""
REJECTED = re.compile(rf"\b[Tt]he Committee (?:then )?rejected {_DRAFT}"
                      r"|\bdraft (?:resolution|decision) \S+?(?:,? as orally \w+,)? was rejected\b"
                      r"|\b[Tt]he draft (?:resolution|decision)(?:,? as a whole)?"
                      r"(?:,? as orally (?:revised|corrected))?,? was rejected\b")
"""The sentence that says the Committee rejected the draft."""
_WITHDRAWN = re.compile(r"\bwithdr(?:ew|awn)\b")
_NO_ACTION = re.compile(r"\bno action\b")
_AMENDMENT = re.compile(r"\bamendments?\b")
_PARAGRAPH_VOTE = re.compile(
    r"\b(?P<negated>not to )?"
    r"(?P<verb>retain(?:ed)?|delete(?:d)?|adopt(?:ed)?|reject(?:ed)?)\b(?: the)?"
    r"(?P<words> words? [\"“‘'].{1,300}?[\"”’'],? in(?: the)?)? (?:"
    r"(?P<kind>operative|preambular) paragraph (?P<number>\d{1,3})\b"
    r"(?:\s?\((?P<item>[a-z]{1,6})\))?"
    r"|(?P<ordinal>[a-z]+(?:-[a-z]+)?) (?P<kind2>operative|preambular) paragraph\b)")
"""A vote on one paragraph (or on words of it): "decided to retain operative paragraph 9",
"decided not to retain the sixth preambular paragraph", "adopted operative paragraph 3"
(the First Committee's wording), "decided to retain the words "…" in operative paragraph
3", "operative paragraph 6 (b)". Adopted or retained keeps the paragraph; deleted,
rejected or not retained takes it out."""
_PARAGRAPH_PASSIVE = re.compile(
    r"(?:\b(?P<kind>[Oo]perative|[Pp]reambular) paragraph (?P<number>\d{1,3})\b"
    r"(?:\s?\((?P<item>[a-z]{1,6})\))?"
    r"|\b[Tt]he (?P<ordinal>[a-z]+(?:-[a-z]+)?) (?P<kind2>operative|preambular) paragraph\b)"
    r"(?:,? of (?:the )?draft (?:resolution|decision)(?: \S+?)?)?(?:,? as orally \w+,)?"
    r" was (?P<verb>retained|deleted|adopted|rejected)\b")
"""The First Committee's passive form, often an item of a paragraph that lists the votes
on one draft: "(a) Operative paragraph 3 was retained by a recorded vote of …", "(b) The
fifth preambular paragraph was retained by …"."""


def paragraph_vote(sentence: str) -> re.Match[str] | None:
    """The words of a vote on one paragraph, active or passive, if the sentence has them
    ("the amendment to operative paragraph 3 was rejected" is a vote on an amendment)."""
    passive = _PARAGRAPH_PASSIVE.search(sentence)
    if passive and _AMENDMENT.search(sentence[:passive.start()]):
        passive = None
    return _PARAGRAPH_VOTE.search(sentence) or passive


_BY_WHOM = re.compile(r"\b[Tt]he (?:representatives?|observers?) of (?P<who>.+?)"
                      r"(?:,? on behalf of (?:the )?(?P<group>[^,]+?),?)?"
                      r" (?:introduced|submitted|proposed|orally|read out)")
_SUBMITTED_BY = re.compile(r"submitted by (?P<who>[^.()]+?)(?:,? on behalf of (?:the )?"
                           r"(?P<group>[^,.]+))?(?=[,.(]|$)")
_OFFICER = re.compile(r"\b[Tt]he (?P<who>(?:Chair|Vice-Chair|Secretary|Rapporteur)"
                      r"(?: of the Committee)?) (?:orally|read out)")
_ORAL = re.compile(r"\b(?:orally (?P<verb>revised|corrected)|oral (?P<noun>revision|correction)s?)")
_AS_ORALLY = re.compile(r"\bas orally (revised|corrected)\b")
_DRAFT_BEFORE = re.compile(r"draft (?:resolution|decision)\s*$")


def sentence_spans(text: str) -> list[tuple[int, str]]:
    """The sentences of a paragraph with their offsets (a sentence ends at a full stop
    after a small letter or a bracket, before a capital)."""
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    ends = [m.start() + 1 for m in _SENTENCE_END.finditer(text)] + [len(text)]
    return [(start, text[start:end]) for start, end in zip(starts, ends, strict=True)
            if text[start:end]]


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, without their closing full stops."""
    return [s for s in _SENTENCE_END.split(text) if s]


def current_meeting(sentence: str, previous: int | None) -> int | None:
    """The meeting a sentence speaks of: the one it names, else the one before."""
    match = MEETING.search(sentence)
    if match:
        return int(match.group(1))
    return previous if _SAME_MEETING.search(sentence) or previous else None


@dataclass
class Actions:
    """What the sentences of one subsection say the Committee did with its draft."""

    outcome: str = ""
    """``adopted``, ``rejected``, ``withdrawn``, ``no action`` or ``""``."""
    adoption: ReportParagraph | None = None
    """The paragraph that says the draft was adopted."""
    adoption_text: str = ""
    """The sentence that says so (it may stand in one of the paragraph's items)."""
    adopted_at: int | None = None
    """Meeting of the adoption."""
    vote: Vote | None = None
    """The vote that decided the draft's fate."""
    paragraph_votes: list[ParagraphVote] = field(default_factory=list)
    """Votes on paragraphs."""
    amendments: dict[str, AmendmentAction] = field(default_factory=dict)
    """Amendments by symbol, in the order first named."""
    oral_changes: list[OralChange] = field(default_factory=list)
    """Oral revisions and corrections."""


def _paragraph_anchor(match: re.Match[str]) -> tuple[str, str] | None:
    """``("op-9", "operative paragraph 9")`` for a paragraph vote's words."""
    kind = (match.group("kind") or match.group("kind2")).lower()
    number = (int(match.group("number")) if match.group("number")
              else ordinal_words(match.group("ordinal")))
    if not number:
        return None
    item = match.group("item")
    anchor = f"{'op' if kind == 'operative' else 'pp'}-{number}"
    words = "words of " if match.groupdict().get("words") else ""
    if item and kind == "operative":
        return f"{anchor}-{item}", f"{words}{kind} paragraph {number} ({item})"
    return anchor, f"{words}{kind} paragraph {number}"


def _paragraph_outcome(match: re.Match[str]) -> str:
    """``retained`` or ``deleted`` for a paragraph vote's words ("not to retain" deletes,
    "rejected" deletes, "adopted" keeps)."""
    kept = match.group("verb").startswith(("retain", "adopt"))
    return "retained" if kept != bool(match.groupdict().get("negated")) else "deleted"


def _symbols(sentence: str, *, after_draft: bool) -> list[DocumentSymbol]:
    """The symbols of a sentence that follow "draft resolution" (``after_draft``), or the
    others."""
    out = []
    for match in SYMBOL_RE.finditer(sentence):
        if bool(_DRAFT_BEFORE.search(sentence[:match.start()])) != after_draft:
            continue
        try:
            out.append(DocumentSymbol.parse(match.group(0)))
        except ValueError:  # "A/77": a session, not a document
            continue
    return out


def _amendment_symbols(sentence: str, draft: DocumentSymbol) -> list[DocumentSymbol]:
    """Symbols in an amendment sentence that are not the draft amended."""
    return [s for s in _symbols(sentence, after_draft=False) if s != draft]


def _proposer(sentence: str) -> tuple[tuple[str, ...], str | None]:
    match = _BY_WHOM.search(sentence) or _SUBMITTED_BY.search(sentence)
    if not match:
        return (), None
    group = match.group("group")
    return (tuple(strip_article(n) for n in split_names(match.group("who"))),
            strip_article(group) if group else None)


def _outcome(sentence: str) -> str:
    for word, outcome in (("rejected", "rejected"), ("withdr", "withdrawn"),
                          ("no action", "no action"), ("adopted", "adopted")):
        if word in sentence:
            return outcome
    return ""


def _amendment(actions: Actions, sentence: str, draft: DocumentSymbol, vote: Vote | None,
               number: int) -> None:
    proposed_by, group = _proposer(sentence)
    amends = next((symbol for symbol in _symbols(sentence, after_draft=True)), draft)
    for symbol in _amendment_symbols(sentence, draft):
        old = actions.amendments.get(str(symbol))
        outcome = _outcome(sentence) if "introduc" not in sentence else ""
        actions.amendments[str(symbol)] = AmendmentAction(
            symbol, old.amends if old else amends,
            (old.proposed_by if old and old.proposed_by else proposed_by),
            (old.on_behalf_of if old and old.on_behalf_of else group),
            outcome or (old.outcome if old else ""), vote or (old.vote if old else None),
            (*old.paragraphs, number) if old and number not in old.paragraphs
            else old.paragraphs if old else (number,))


def _oral(actions: Actions, sentence: str, meeting: int | None, number: int) -> None:
    """An oral revision or correction; "as orally revised" counts only where no revision
    was recorded before it."""
    match = next((m for m in _ORAL.finditer(sentence)
                  if not sentence[:m.start()].endswith("as ")), None)
    if match:
        kind = "revised" if (match.group("verb") or match.group("noun")) in (
            "revised", "revision") else "corrected"
        officer = _OFFICER.search(sentence)
        who, _ = _proposer(sentence)
        by = officer.group("who") if officer else ", ".join(who) or None
        actions.oral_changes.append(OralChange(kind, by, meeting, number))
        return
    also = _AS_ORALLY.search(sentence)
    if also and not any(c.kind == also.group(1) for c in actions.oral_changes):
        actions.oral_changes.append(OralChange(also.group(1), None, meeting, number))


def _subject(sentence: str, draft: DocumentSymbol) -> tuple[str, str]:
    """What a sentence says the Committee acted on — ``adopted`` or ``rejected`` (the draft),
    ``paragraph``, ``amendments``, ``no action``, ``withdrawn``, or ``""`` — and the words
    a message names it with. The first phrase that fits wins, in this order."""
    if ADOPTED.search(sentence):
        return "adopted", f"draft {draft}"
    if REJECTED.search(sentence):
        return "rejected", f"draft {draft}"
    part = paragraph_vote(sentence)
    named = _paragraph_anchor(part) if part else None
    if named:
        return "paragraph", f"{named[1]} of draft {draft}"
    symbols = _amendment_symbols(sentence, draft) if _AMENDMENT.search(sentence) else []
    if symbols:
        return "amendments", f"amendments {symbols[0]}"
    if _NO_ACTION.search(sentence) and "rejected" not in sentence:  # not a motion rejected
        return "no action", f"draft {draft}"
    if _WITHDRAWN.search(sentence) and not _AMENDMENT.search(sentence):
        return "withdrawn", f"draft {draft}"
    return "", "a question other than the draft, its paragraphs or amendments"


def _pieces(paragraph: ReportParagraph) -> list[tuple[str, Span]]:
    """A paragraph's text and that of each of its items, in reading order: the First
    Committee lists the votes on one draft as items ("… took action on draft resolution
    A/C.1/77/L.41 as follows: (a) Operative paragraph 3 was retained by a recorded vote of
    …; (b) The draft resolution as a whole was adopted …")."""
    return [(paragraph.text, paragraph.span)] + [
        (item.text, item.span) for item in all_subparagraphs(paragraph.items)]


def read_actions(paragraphs: Sequence[ReportParagraph], draft: DocumentSymbol,
                 lines: Sequence[Line], messages: Collector) -> Actions:
    """Read what the Committee did with ``draft`` from its subsection's paragraphs (and
    their items)."""
    actions = Actions()
    meeting: int | None = None
    fates: set[str] = set()
    for paragraph in paragraphs:
        for text, span in _pieces(paragraph):
            meeting = _read_piece(actions, fates, paragraph, text, span, meeting, draft, lines,
                                  messages)
    actions.outcome = next((fate for fate in ("adopted", "rejected", "withdrawn", "no action")
                            if fate in fates), "")
    return actions


def _read_piece(actions: Actions, fates: set[str], paragraph: ReportParagraph, text: str,
                span: Span, meeting: int | None, draft: DocumentSymbol, lines: Sequence[Line],
                messages: Collector) -> int | None:
    """Read one paragraph's text (or one of its items'); the meeting it ends with."""
    spans = sentence_spans(text)
    meeting_at: dict[int, int | None] = {}
    for start, sentence in spans:
        meeting = current_meeting(sentence, meeting)
        meeting_at[start] = meeting

    def subject_of(offset: int, spans: list[tuple[int, str]] = spans) -> str:
        sentence = next(s for start, s in reversed(spans) if start <= offset)
        return _subject(sentence, draft)[1]

    found = read_votes(text, span, meeting_at, lines, subject_of, messages)
    for start, sentence in spans:
        here = meeting_at[start]
        votes = [f for f in found if start <= f.start < start + len(sentence)]
        vote = votes[0].vote if votes else None
        _oral(actions, sentence, here, paragraph.number)
        kind = "" if _in_lists(start, found) else _subject(sentence, draft)[0]
        if kind in ("adopted", "rejected", "no action", "withdrawn"):
            fates.add(kind)
            if kind == "adopted":
                actions.adoption, actions.adopted_at = paragraph, here
                actions.adoption_text = sentence
            actions.vote = vote or actions.vote
        elif kind == "paragraph":
            part = paragraph_vote(sentence)
            named = _paragraph_anchor(part) if part else None
            if part and named:
                actions.paragraph_votes.append(ParagraphVote(
                    named[0], _paragraph_outcome(part), vote, paragraph.number))
        elif kind == "amendments":
            _amendment(actions, sentence, draft, vote, paragraph.number)
        for unread in votes if not kind else ():
            messages.warn("proposal", span.first,
                          f"paragraph {paragraph.number} records a vote "
                          f"({unread.vote.yes} to {unread.vote.no}) that was not read as "
                          "a vote on the draft, on one of its paragraphs or on amendments "
                          "(a procedural motion?); it is kept in the report's text only.")
    return meeting


def _in_lists(start: int, found: list[FoundVote]) -> bool:
    """Whether a sentence starts inside a recorded vote's lists of States."""
    return any(f.start < start < f.end
               and (f.vote.in_favour or f.vote.against or f.vote.abstaining) for f in found)
