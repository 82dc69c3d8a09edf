"""Section II of a report: how the Committee handled each draft.

Each subsection ("A. Draft resolution A/C.3/77/L.2") tells, in set phrases,
who submitted the draft, who joined in sponsoring it and when, at which
meetings it was considered, who spoke, and what the Committee did. The
phrases are those of the Secretariat's reporting style; each pattern below
names the phrase it reads. What the Committee did — adoption, rejection,
withdrawal, no action, votes on paragraphs, amendments, oral revisions — is read
by ``actions.py``, and the votes with their lists of States by ``votes.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from unreport.diagnostics import Collector
from unreport.model import (
    DraftResolution,
    Meeting,
    Proposal,
    ReportParagraph,
    Section,
    Span,
    Sponsors,
    Statement,
    all_subparagraphs,
)
from unreport.parse.actions import MEETING, current_meeting, read_actions, sentences
from unreport.parse.clean import Line
from unreport.text.dates import MONTH_PATTERN, parse_date
from unreport.text.states import is_state, split_names, strip_article
from unreport.text.symbols import SYMBOL_RE, DocumentSymbol

_TITLE = re.compile(r"draft (?:resolution|decision)(?: A/\S+?,)? entitled [\"“](.+?)[\"”]")
"""The draft's title: "a draft resolution entitled "…"", "adopted draft decision
A/C.1/77/L.27, entitled "…"" (a draft the Committee adopted as it was submitted)."""
_RECOMMENDED = re.compile(r"In its (resolution|decision) (\S+?),? the (.+?) recommended")
_SUBMITTED = re.compile(r"submitted by (.+?)\.(?=\s|$)")
_SUBMITTED_ACTIVE = re.compile(
    rf"(?:^|\. )(?:On \d{{1,2}} {MONTH_PATTERN}(?: \d{{4}})?|At (?:the|its) \d+\w* meeting"
    rf"(?:, on \d{{1,2}} {MONTH_PATTERN}(?: \d{{4}})?)?), (?:the delegations? of )?(?P<who>.+?)"
    r" submitted a (?:revised )?draft (?:resolution|decision)\b")
"""The First Committee's active form: "On 12 October 2022, Japan submitted a draft
resolution entitled "…" (A/C.1/77/L.64)"."""
_SUBSEQUENTLY = re.compile(r"^Subsequently, (.+?) joined in sponsoring")
_AT_MEETING = re.compile(rf"^(?:Also )?[Aa]t (?:the|its) (?:same|\d+\w*) meeting,"
                         rf"(?: on \d{{1,2}} {MONTH_PATTERN}(?: \d{{4}})?,)?"
                         r"\s+(.+?) joined in sponsoring")
_BECAME = re.compile(r"see para\.\s*\d+,\s*draft resolution ([IVXLC]+|[A-Z])\b")
"""Where section III has the draft's text: "(see para. 40, draft resolution II)"; a
lettered draft ("draft resolution A") keeps its letter."""
_OFFICER = re.compile(r"^(?:the )?(Chair|Vice-Chair|Rapporteur|Secretary)\b")
_SPEAKERS = re.compile(
    r"\b[Tt]he (?:representatives?|observers?) of (?P<who>.+?)"
    r"(?:,? on behalf of (?:the )?(?P<group>[^,]+?),)?"
    r" (?:made (?:a |general )?statements?|made an introductory statement)"
    r"(?: in explanation of (?:vote|position))?"
    r"(?:,? on behalf of (?:the )?(?P<after>[^,]+?)(?=,|\.?$| (?:before|after) the))?")
"""A State's statement: "the representative of Czechia, on behalf of the European Union,
made a statement", "… made a statement on behalf of the European Union", "the
representatives of X and Y made statements in explanation of vote"."""
_MADE_BY = re.compile(
    r"\b[Ss]tatements? (?:[a-z ]+? )?(?:was|were) made by the (?:representatives?|observers?) of "
    r"(?P<who>.+?)(?:,? on behalf of (?:the )?(?P<group>[^,]+?))?(?=,|$)")
"""The passive form: "Statements in explanation of vote before the voting were made by the
representatives of Mexico and Pakistan", "general statements were made by …"."""
_BEFORE = re.compile(r"^Before the (?:adoption|vote|voting)\b|\bbefore the (?:vote|voting)\b")
_AFTER = re.compile(r"^After the (?:adoption|vote|voting)\b|\bafter the (?:vote|voting)\b")
_OFFICER_STATEMENT = re.compile(r"\b[Tt]he (?P<who>(?:Chair|Vice-Chair|Secretary|Rapporteur)"
                                r"(?: of the Committee)?) (?:read out|made) an? "
                                r"(?:oral |revised )?statement")


def _names(text: str, line: int, messages: Collector) -> tuple[str, ...]:
    names = tuple(split_names(text))
    for name in names:
        if not is_state(name):
            messages.warn("proposal", line,
                          f"sponsor {name!r} is not a United Nations Member State name "
                          "as the UN writes it; check the list for a converter error.")
    return names


def _meetings(paragraphs: list[ReportParagraph], year: int | None) -> tuple[Meeting, ...]:
    found: dict[int, Meeting] = {}
    for paragraph in paragraphs:
        for match in MEETING.finditer(paragraph.text):
            number = int(match.group(1))
            date = parse_date(match.group(3), year) if match.group(3) else None
            if number not in found or (found[number].date is None and date):
                found[number] = Meeting(number, date, bool(match.group(2)))
    return tuple(found[n] for n in sorted(found))


def _statements(paragraphs: list[ReportParagraph], adoption_paragraph: int | None,
                ) -> tuple[Statement, ...]:
    statements: list[Statement] = []
    meeting: int | None = None
    for paragraph in paragraphs:
        for sentence in sentences(paragraph.text):
            meeting = current_meeting(sentence, meeting)
            if _BEFORE.search(sentence):  # "Before the vote, …", "… before the voting"
                timing = "before"
            elif _AFTER.search(sentence):
                timing = "after"
            elif adoption_paragraph is None or paragraph.number <= adoption_paragraph:
                timing = "before"
            else:
                timing = "after"
            officer = _OFFICER_STATEMENT.search(sentence)
            if officer:
                statements.append(Statement(officer.group("who"), None, (), timing, meeting,
                                            paragraph.number))
                continue
            match = _SPEAKERS.search(sentence) or _MADE_BY.search(sentence)
            if not match:
                continue
            group = match.group("group") or match.groupdict().get("after")
            for name in split_names(match.group("who")):
                also: tuple[str, ...] = ()
                inner = re.match(r"^(.+?)\s*\(also on behalf of (.+)\)$", name)
                if inner:
                    name, also = inner.group(1), tuple(split_names(inner.group(2)))
                statements.append(Statement(strip_article(name), group, also, timing, meeting,
                                            paragraph.number))
    return tuple(statements)


def _proposal(letter: str, heading: str, paragraphs: list[ReportParagraph],
              date: dt.date | None, lines: Sequence[Line], messages: Collector) -> Proposal:
    text = " ".join(p.text for p in paragraphs)
    line = paragraphs[0].span.first if paragraphs else 0
    symbol_match = SYMBOL_RE.search(heading) or SYMBOL_RE.search(text)
    symbol = DocumentSymbol.parse(symbol_match.group(0)) if symbol_match else DocumentSymbol("")
    if not symbol_match:
        messages.warn("proposal", line,
                      f"subsection {letter}: no draft symbol (such as A/C.3/77/L.2) in "
                      "its heading or text.")
    title_match = _TITLE.search(text)
    if not title_match:
        messages.warn("proposal", line,
                      f"subsection {letter}: no title found; expected 'draft resolution "
                      "entitled \"…\"'.")
    recommended = _RECOMMENDED.search(text)
    submitted_by: tuple[str, ...] = ()
    on_behalf_of = None
    original: tuple[str, ...] = ()
    submitted = _SUBMITTED.search(text) or _SUBMITTED_ACTIVE.search(text)
    if submitted:
        # "submitted by the Chair, without a vote (see para. 15)": the submitter only
        who = re.split(r",? (?:without a vote|by a (?:[\w-]+ )?vote of)\b|\s*\(see para",
                       submitted.group("who") if "who" in submitted.groupdict()
                       else submitted.group(1))[0]
        who = re.sub(r"\s*\([A-Z]+/[^)]*\)\s*$", "", who)
        who = re.sub(r"\s+on the recommendation of .+$", "", who)
        who, _, group = who.partition(", on behalf of ")
        on_behalf_of = strip_article(group) if group else None
        officer = _OFFICER.match(who)
        if officer:
            submitted_by = (strip_article(who),)
        else:
            submitted_by = original = _names(who, line, messages)
    subsequent: tuple[str, ...] = ()
    at_meeting: list[str] = []
    for paragraph in paragraphs:
        for sentence in sentences(paragraph.text):
            later = _SUBSEQUENTLY.match(sentence)
            joined = _AT_MEETING.match(sentence)
            if later:
                subsequent += _names(later.group(1), paragraph.span.first, messages)
            elif joined:
                at_meeting.extend(_names(joined.group(1), paragraph.span.first, messages))
    actions = read_actions(paragraphs, symbol, lines, messages)
    adoption = actions.adoption
    became = None
    if adoption:
        became_match = _BECAME.search(actions.adoption_text) or _BECAME.search(adoption.text)
        became = became_match.group(1) if became_match else None
    elif not actions.outcome:
        messages.warn("proposal", line,
                      f"subsection {letter}: no sentence says what the Committee did with "
                      f"draft {symbol}; expected 'the Committee adopted draft resolution …' "
                      "(or rejected, withdrew or took no action on it).")
    year = date.year if date else None
    span = Span(line, paragraphs[-1].span.last if paragraphs else line)
    return Proposal(
        letter=letter, draft_symbol=symbol, title=title_match.group(1) if title_match else "",
        recommended_by=recommended.group(3) if recommended else None,
        recommendation=f"{recommended.group(1)} {recommended.group(2)}" if recommended else None,
        submitted_by=submitted_by, on_behalf_of=on_behalf_of,
        sponsors=Sponsors(original, subsequent, tuple(at_meeting)),
        meetings=_meetings(paragraphs, year),
        statements=_statements(paragraphs, adoption.number if adoption else None),
        adopted=adoption is not None, adopted_at=actions.adopted_at, vote=actions.vote,
        draft_resolution=became, paragraphs=tuple(p.number for p in paragraphs), span=span,
        outcome=actions.outcome, paragraph_votes=tuple(actions.paragraph_votes),
        amendments=tuple(actions.amendments.values()),
        oral_changes=tuple(actions.oral_changes))


def _check_paragraph_votes(proposal: Proposal, resolutions: Sequence[DraftResolution],
                           paragraphs: Sequence[ReportParagraph], messages: Collector) -> None:
    """Warn where a paragraph the Committee voted to retain is not in the draft's text."""
    draft = next((r for r in resolutions if r.number == proposal.draft_resolution), None)
    if draft is None:
        return
    anchors = {p.anchor for p in draft.preambular} | {o.anchor for o in draft.operative} \
        | {s.anchor for o in draft.operative for s in all_subparagraphs(o.subparagraphs)}
    for vote in proposal.paragraph_votes:
        if vote.outcome == "retained" and vote.anchor not in anchors:
            where = next((p.span.first for p in paragraphs if p.number == vote.paragraph),
                         proposal.span.first)
            kind, number = vote.anchor.split("-", 1)
            number = number.replace("-", " (") + ")" if "-" in number else number
            name = "operative" if kind == "op" else "preambular"
            messages.warn("proposal", where,
                          f"paragraph {vote.paragraph} says the Committee voted to retain "
                          f"{name} paragraph {number} of draft {proposal.draft_symbol}, but "
                          f"draft resolution {draft.number} has no {name} paragraph {number}; "
                          "check the paragraph's number in the report and in the text.")

def read_proposals(paragraphs: tuple[ReportParagraph, ...], sections: tuple[Section, ...],
                   date: dt.date | None, messages: Collector, *, lines: Sequence[Line] = (),
                   resolutions: Sequence[DraftResolution] = ()) -> tuple[Proposal, ...]:
    """One ``Proposal`` per subsection whose heading names a draft; ``lines`` (the cleaned
    source) lets a message about a list of States name its line, and ``resolutions`` lets
    a vote on a paragraph be checked against the draft's text."""
    proposals: list[Proposal] = []
    for section in sections:
        for subsection in section.subsections:
            if not re.search(r"\bDraft (?:resolution|decision)\b", subsection.title, re.I):
                continue
            members = [p for p in paragraphs
                       if p.section == section.number and p.subsection == subsection.letter]
            if not members:
                messages.warn("proposal", subsection.line, f"subsection {subsection.letter} has no "
                              "numbered paragraphs.")
                continue
            proposal = _proposal(subsection.letter, subsection.title, members, date, lines,
                                 messages)
            _check_paragraph_votes(proposal, resolutions, members, messages)
            proposals.append(proposal)
    return tuple(proposals)
