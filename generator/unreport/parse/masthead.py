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

from unreport.model import Rapporteur
from unreport.parse.blocks import Block
from unreport.text.dates import parse_date
from unreport.text.numbers import ordinal_words
from unreport.text.symbols import SYMBOL_RE, DocumentSymbol


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
    agenda_sub_item: str | None = None
    """Letter of the agenda item's sub-item ("Agenda item 68 (b)" → ``b``), if any."""
    part: str | None = None
    """Part of a report issued in parts ("Report of the Third Committee (Part III)" →
    ``III``); the committee is then read without it."""


def read_masthead(blocks: tuple[Block, ...]) -> Masthead:
    """Read the facts from the blocks above the first section heading."""
    symbol = date = session = agenda = title = committee = rapporteur = None
    symbol_line = None
    sub_item = part = None
    lines = [(b.span.first, b.plain) for b in blocks]
    agenda_index = None
    for index, (number, text) in enumerate(lines):
        if symbol is None and (match := SYMBOL_RE.search(text)):
            with contextlib.suppress(ValueError):
                symbol, symbol_line = DocumentSymbol.parse(match.group(0)), number
        if date is None and re.search(r"\bDistr\.", text):
            date = parse_date(text)
        if session is None and (match := re.search(r"^(\S+)\s+session\b", text, re.I)):
            session = ordinal_words(match.group(1))
        if agenda is None and (match := _AGENDA.search(text)):
            agenda, agenda_index, sub_item = int(match.group(1)), index, match.group(2)
        if committee is None and (match := re.search(r"^Report of the (.+)$", text)):
            # a masthead note's mark after the name ("Committee* (Part III)") is no part of it
            committee = re.sub(r"\\?\*+(?=\s|$)|\\(?=\s|$)", "", match.group(1)).strip()
            if in_parts := _PART.search(committee):
                committee, part = committee[:in_parts.start()].rstrip(), in_parts.group(1)
        elif part is None and committee is not None and (alone := _PART.fullmatch(text)):
            part = alone.group(1)  # "(Part III)" on a line of its own, under the committee
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
    return Masthead(symbol, symbol_line, date, session, agenda, title, committee, rapporteur,
                    sub_item, part)


_AGENDA = re.compile(r"\bAgenda items?\s+(\d+)(?:\s*\(([a-z])\))?", re.IGNORECASE)
"""An agenda item, with its sub-item if it has one ("Agenda item 68 (b)")."""
_PART = re.compile(r"\s*\(Part ([IVXL]+)\)\s*$")
"""The part of a report issued in parts, after the committee's name."""
