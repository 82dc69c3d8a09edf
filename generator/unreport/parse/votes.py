"""Votes in section II of a report: the counts, and for a recorded vote the States of
each group.

The Secretariat writes a vote in one phrase — "by a recorded vote of 80 to 29, with 65
abstentions", "by a vote of 94 to 12, with 30 abstentions", "by a recorded vote of 160
to none, with 1 abstention", "by a non-recorded vote of 94 to 12" (no States listed) —
and a recorded vote's States after it::

    The voting was as follows:
    In favour:
        Albania, Andorra, Argentina, … Uruguay.
    Against:
        Belarus, China, … Zimbabwe.
    Abstaining:
        None.

The structure stage joins those lines into the paragraph's text (page footers between
them already removed), so the lists are read from the text, each up to the next group's
heading or its closing full stop. Every name must be a State the project knows; a count
that does not match its list is a warning naming the line of the list, never put right.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from unreport.diagnostics import Collector
from unreport.model import Span, Vote
from unreport.parse.clean import Line
from unreport.text.states import is_state, split_names, straight, strip_article

VOTE_PHRASE = re.compile(
    r"""\bby\s+a\s+(?:(?P<recorded>recorded)\s+|non-?\s?recorded\s+)?vote\s+of
        \s+(?P<yes>\d{1,3})\s+to\s+(?P<no>\d{1,3}|none)      # "to none": nobody against
        (?:,?\s+with\s+(?P<abstain>\d{1,3}|no)\s+abstentions?)?  # no clause: no abstentions
    """, re.VERBOSE)
"""The phrase that gives a vote's counts."""

_AS_FOLLOWS = re.compile(r"The voting was as follows\s*:\s*")
_GROUP = re.compile(r"\b(In favour|Against|Abstaining)\s*:\s*")
_GROUPS = ("In favour", "Against", "Abstaining")
_NONE = re.compile(r"^None\.?$", re.IGNORECASE)


@dataclass(frozen=True)
class FoundVote:
    """A vote phrase found in a text, and where its lists end."""

    vote: Vote
    """The vote read."""
    start: int
    """Offset of the phrase in the text."""
    end: int
    """Offset just after its lists (after the phrase when it has none)."""


def _repaired(name: str) -> str:
    """A name the converter broke at a line or page end, put back where the list of
    States shows the whole: ``Guinea- Bissau`` → ``Guinea-Bissau``, ``Liechten stein`` →
    ``Liechtenstein``. Unchanged when no repair gives a known name."""
    for candidate in (re.sub(r"-\s+", "-", name), name.replace(" ", "")):
        if is_state(candidate):
            return candidate
    return name


def state_list(text: str, line: int, what: str, messages: Collector,
               line_of: Callable[[str], int] | None = None) -> tuple[str, ...]:
    """The States of one group's list (``None.`` is an empty group), each checked against
    the list of States; a name that is not one is kept, with a warning naming its line
    (``line_of``, where the source lines are at hand; else ``line``, the list's)."""
    text = text.strip()
    if not text or _NONE.match(text):
        return ()
    names: list[str] = []
    for raw in split_names(text):
        name = straight(_repaired(raw))
        if not is_state(name):
            messages.warn("proposal", line_of(raw) if line_of else line,
                          f"{what}: {raw!r} is not a United Nations Member or observer State "
                          "name as the UN writes it; check the list for a converter error "
                          "(a broken or merged name).")
        names.append(strip_article(name))
    return tuple(names)


def _count(text: str | None) -> int:
    return 0 if text is None or text in ("none", "no") else int(text)


def _nth_line(lines: Sequence[Line], span: Span, needle: str, nth: int) -> int:
    """The source line of the ``nth`` (0-based) occurrence of ``needle`` in ``span``, or
    the span's first line when the lines are not at hand."""
    seen = 0
    for line in lines[span.first - 1:span.last]:
        if needle in line.text:
            if seen == nth:
                return line.number
            seen += 1
    return span.first


def _line_of(lines: Sequence[Line], span: Span, raw: str, *, start: int) -> int:
    """The source line, from ``start`` (its list's heading) to the end of ``span``, where a
    name of the list begins; ``start`` when it is not found (or the lines are not at hand)."""
    head = " ".join(raw.split())[:12]
    for line in lines[start - 1:span.last]:
        if head and head in " ".join(line.text.split()):
            return line.number
    return start


def read_votes(text: str, span: Span, meeting_at: dict[int, int | None],
               lines: Sequence[Line], subject_of: Callable[[int], str],
               messages: Collector) -> list[FoundVote]:
    """Every vote phrase of a paragraph's ``text``, with its lists; ``meeting_at`` gives
    the meeting of a phrase by its offset (``meeting_for``), ``subject_of`` what was
    voted on, in the words of a message ("draft A/C.3/77/L.35")."""
    found: list[FoundVote] = []
    seen = dict.fromkeys(_GROUPS, 0)  # group headings met so far, to find their lines
    phrases = list(VOTE_PHRASE.finditer(text))
    for index, match in enumerate(phrases):
        limit = phrases[index + 1].start() if index + 1 < len(phrases) else len(text)
        recorded = bool(match.group("recorded"))
        yes, no, abstain = (_count(match.group(k)) for k in ("yes", "no", "abstain"))
        meeting = meeting_for(meeting_at, match.start())
        subject = subject_of(match.start())
        follows = _AS_FOLLOWS.search(text, match.end(), limit)
        groups: dict[str, tuple[str, ...]] = {}
        end = match.end()
        if recorded and follows:
            heads = list(_GROUP.finditer(text, follows.end(), limit))
            for number, head in enumerate(heads):
                name = head.group(1)
                stop = heads[number + 1].start() if number + 1 < len(heads) else limit
                body = text[head.end():stop]
                full_stop = re.search(r"\.(?=\s|$)", body)
                if full_stop:
                    body = body[:full_stop.start()]
                end = head.end() + len(body) + (1 if full_stop else 0)
                line = _nth_line(lines, span, f"{name}:", seen[name])
                seen[name] += 1
                what = f"the list of States {name.lower()} in the recorded vote on {subject}"
                groups[name] = state_list(body, line, what, messages,
                                          partial(_line_of, lines, span, start=line))
                expected = {"In favour": yes, "Against": no, "Abstaining": abstain}[name]
                if len(groups[name]) != expected:
                    messages.warn("proposal", line,
                                  f"the recorded vote on {subject} counts {expected} "
                                  f"{_WORDS[name]}, but its list names "
                                  f"{len(groups[name])} States; check the list for a name "
                                  "the converter dropped, broke or merged (the counts are "
                                  "kept as printed).")
            for name in _GROUPS:
                if name not in groups:
                    messages.warn("proposal", _nth_line(lines, span, "as follows", 0),
                                  f"the recorded vote on {subject} has no list "
                                  f"\"{name}:\"; expected the three lists In favour, "
                                  "Against and Abstaining after \"The voting was as follows\".")
        elif recorded:
            messages.warn("proposal", span.first,
                          f"the recorded vote on {subject} is not followed by \"The voting was "
                          "as follows:\" and its lists of States.")
        vote = Vote(yes, no, abstain, recorded, groups.get("In favour", ()),
                    groups.get("Against", ()), groups.get("Abstaining", ()), meeting, span)
        found.append(FoundVote(vote, match.start(), end))
    return found


_WORDS = {"In favour": "in favour", "Against": "against", "Abstaining": "abstentions"}


def meeting_for(meeting_at: dict[int, int | None], offset: int) -> int | None:
    """The meeting of the sentence that holds ``offset``: ``meeting_at`` maps each
    sentence's start offset to its meeting."""
    current = None
    for start, meeting in sorted(meeting_at.items()):
        if start > offset:
            break
        current = meeting
    return current
