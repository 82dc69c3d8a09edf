"""Which meetings the report names, and which of its paragraphs are about each.

A paragraph is about a meeting when it names it ("At the 50th meeting, on 15
November 2022", "at its 45th, 48th, 50th and 51st meetings", "At its 3rd
plenary meeting") or when it refers back to one without naming it:

    back-reference = "at the same meeting" | "at that meeting"
                   | "before the adoption" | "after the adoption"

A back-reference means the meeting last named in the report before it (the
report's own convention: "At the same meeting…", "Also at the same meeting…",
"After the adoption of the draft resolution…" follow the paragraph that named
the meeting). A paragraph that names several meetings is listed under each of
them, linked rather than quoted, since its text concerns all of them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from unreport.model import Report, ReportParagraph
from unreport.text.dates import parse_date

_LIST = re.compile(r"(?P<numbers>(?:\d{1,3}(?:st|nd|rd|th)(?:, | and ))*\d{1,3}(?:st|nd|rd|th))"
                   r" (?P<plenary>plenary )?meetings?(?:,? on (?P<dates>[\d, and]+ [A-Z][a-z]+"
                   r"(?: \d{4})?))?")
_BACK_REFERENCE = re.compile(r"\b(?:at (?:the same|that) (?:plenary )?meeting"
                             r"|(?:before|after) the adoption)\b", re.IGNORECASE)


@dataclass(frozen=True)
class MeetingEntry:
    """A meeting on the item and the report paragraphs that speak of it."""

    number: int
    """Meeting number."""
    plenary: bool
    """A plenary meeting of the General Assembly (else a Committee meeting)."""
    date: dt.date | None
    """Date, when the report gives it."""
    paragraphs: tuple[int, ...]
    """Report paragraphs about it, named or referred back to, in the report's order."""


@dataclass(frozen=True)
class Mention:
    """The meetings one paragraph is about."""

    paragraph: ReportParagraph
    """The report paragraph."""
    meetings: tuple[tuple[bool, int], ...]
    """(plenary, number) of each meeting it is about, in the order it names them."""
    dates: tuple[dt.date | None, ...]
    """The date it gives for each, if any."""
    named: bool
    """Whether it names them (else it refers back to the meeting last named)."""


def _dates(text: str | None, count: int, year: int | None) -> list[dt.date | None]:
    """``3 October 2022`` for one meeting or all; ``4, 11 and 15 November`` one each."""
    if not text:
        return [None] * count
    days = re.findall(r"\d{1,2}(?= |,)", text.rsplit(" ", 2)[0] + " ")
    month_year = re.search(r"([A-Z][a-z]+)(?: (\d{4}))?$", text)
    if not month_year:
        return [None] * count
    tail = f" {month_year.group(1)} {month_year.group(2) or year}"
    parsed = [parse_date(day + tail) for day in days]
    if len(parsed) == count:
        return parsed
    return [parsed[0]] * count if len(parsed) == 1 else [None] * count


def mentions(report: Report) -> list[Mention]:
    """For each report paragraph about a meeting, which meetings, in the report's order."""
    year = report.date.year if report.date else None
    last: tuple[bool, int] | None = None
    found: list[Mention] = []
    for paragraph in report.paragraphs:
        meetings: list[tuple[bool, int]] = []
        dates: list[dt.date | None] = []
        for match in _LIST.finditer(paragraph.text):
            numbers = [int(n) for n in re.findall(r"(\d{1,3})(?:st|nd|rd|th)",
                                                  match.group("numbers"))]
            plenary = bool(match.group("plenary"))
            for number, date in zip(numbers, _dates(match.group("dates"), len(numbers), year),
                                    strict=True):
                if (plenary, number) not in meetings:
                    meetings.append((plenary, number))
                    dates.append(date)
        if meetings:
            found.append(Mention(paragraph, tuple(meetings), tuple(dates), named=True))
            last = meetings[-1]
        elif last is not None and _BACK_REFERENCE.search(paragraph.text):
            found.append(Mention(paragraph, (last,), (None,), named=False))
    return found


def meetings(report: Report) -> list[MeetingEntry]:
    """Meetings on the item in date order, plenary first on the same day."""
    found: dict[tuple[bool, int], tuple[dt.date | None, list[int]]] = {}
    for mention in mentions(report):
        for key, date in zip(mention.meetings, mention.dates, strict=True):
            known, paragraphs = found.get(key, (None, []))
            if mention.paragraph.number not in paragraphs:
                paragraphs.append(mention.paragraph.number)
            found[key] = (known or date, paragraphs)
    entries = [MeetingEntry(n, plenary, date, tuple(ps))
               for (plenary, n), (date, ps) in found.items()]
    return sorted(entries, key=lambda e: (e.date or dt.date.max, not e.plenary, e.number))
