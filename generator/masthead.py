"""The masthead: symbol, date, session, agenda item, title, committee, rapporteur.

Everything above the report's first section heading. Each fact is found by
what it says ("Distr.: General 30 November 2022", "Agenda item 109"), not by
where it stands, since converters reorder and re-level these lines.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass

from .blocks import Block
from .dates import parse_date
from .model import Rapporteur
from .symbols import SYMBOL_RE, DocumentSymbol

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
          "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_TENTHS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
           "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
_CARDINALS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9}


_MISSPELT = {"nineth": "ninth", "fith": "fifth", "eigth": "eighth", "twelveth": "twelfth",
             "fourty": "forty", "fourtieth": "fortieth", "ninty": "ninety",
             "nintieth": "ninetieth", "fiveth": "fifth", "threeth": "third"}
"""Misspellings seen in UN documents ("seventy-nineth"), read as meant."""


def ordinal_words(text: str) -> int | None:
    """``Seventy-seventh`` → 77, ``Fifth`` → 5, ``77th`` → 77, ``seventy-nineth`` → 79,
    ``one hundred and first`` → 101; None if not an ordinal."""
    word = text.strip().lower()
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    if digits:
        return int(digits.group(1))
    words = [_MISSPELT.get(w, w) for w in re.split(r"[\s\-‐–]+", word) if w != "and"]
    hundreds = 0
    if len(words) >= 2 and words[1] in ("hundred", "hundredth") and words[0] in _CARDINALS:
        hundreds = _CARDINALS[words[0]] * 100
        if words[1] == "hundredth" and len(words) == 2:
            return hundreds
        words = words[2:]
    rest: int | None = None
    if len(words) == 1 and words[0] in _TENTHS:
        rest = _TENTHS[words[0]]
    elif len(words) == 1 and words[0] in _UNITS:
        rest = _UNITS.index(words[0]) + 1
    elif len(words) == 2 and words[0] in _TENS and words[1] in _UNITS[:9]:
        rest = _TENS[words[0]] + _UNITS.index(words[1]) + 1
    return None if rest is None else hundreds + rest


def ordinal(value: int) -> str:
    """``45`` → ``45th``, ``51`` → ``51st``, ``112`` → ``112th``."""
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


@dataclass(frozen=True)
class Masthead:
    """Facts read from the masthead; None where the masthead does not give one."""

    symbol: DocumentSymbol | None
    """Document symbol."""
    symbol_line: int | None
    """Line of the symbol."""
    date: dt.date | None
    """Date of issue."""
    session: int | None
    """Session number."""
    agenda_item: int | None
    """Agenda item."""
    title: str | None
    """Title of the agenda item."""
    committee: str | None
    """Reporting committee."""
    rapporteur: Rapporteur | None
    """Rapporteur."""


def read_masthead(blocks: tuple[Block, ...]) -> Masthead:
    """Read the facts from the blocks above the first section heading."""
    symbol = date = session = agenda = title = committee = rapporteur = None
    symbol_line = None
    lines = [(b.span.first, b.text.replace("*", "").lstrip("#").strip()) for b in blocks]
    agenda_index = None
    for index, (number, text) in enumerate(lines):
        if symbol is None and (match := SYMBOL_RE.search(text)):
            with contextlib.suppress(ValueError):
                symbol, symbol_line = DocumentSymbol.parse(match.group(0)), number
        if date is None and re.search(r"\bDistr\.", text):
            date = parse_date(text)
        if session is None and (match := re.search(r"^(\S+)\s+session\b", text, re.I)):
            session = ordinal_words(match.group(1))
        if agenda is None and (match := re.search(r"\bAgenda items?\s+(\d+)", text, re.I)):
            agenda, agenda_index = int(match.group(1)), index
        if committee is None and (match := re.search(r"^Report of the (.+)$", text)):
            committee = match.group(1).strip()
        if rapporteur is None and (match := re.search(r"^Rapporteurs?:\s*(.+?)\s*\(([^)]+)\)",
                                                      text)):
            rapporteur = Rapporteur(match.group(1).strip(), match.group(2).strip())
    if agenda_index is not None:
        for _, text in lines[agenda_index + 1:]:
            if text and not re.match(r"^(Report of|Rapporteur)", text):
                title = text
                break
    if date is None:
        date = next((d for _, t in lines if (d := parse_date(t))), None)
    return Masthead(symbol, symbol_line, date, session, agenda, title, committee, rapporteur)
