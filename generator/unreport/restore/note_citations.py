"""What a footnote cites, read from its text: a treaty, an adopted instrument, a report.

The forms, each a row of ``tests/test_restore.py``:

* ``United Nations, Treaty Series, vol. 2349, No. 42146.`` — a treaty, by its
  registration number; the first volume tells a convention (vol. 2225) from a
  protocol registered under the same number (vol. 2237). ``Ibid., vol. 976,
  No. 14152.`` after a treaty note is a treaty too.
* ``Resolution 70/175, annex.`` and ``Resolution 70/1.`` — the instrument that
  General Assembly resolution adopted (printed in its annex) or the resolution's
  own text (the 2030 Agenda is resolution 70/1).
* ``See Official Records of the General Assembly, Sixty-eighth Session,
  Supplement No. 53 (A/68/53)`` — a body's yearly report (``instruments.BODY_REPORTS``):
  here the Human Rights Council's, which holds its resolutions of 2013.
* Anything else with a document symbol (``See CAC/COSP/2021/17, sect. I.A.``, and
  ``Ibid.`` after it) — a document, which may hold several resolutions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from unreport.model import Note
from unreport.references.citations import find_references
from unreport.restore.instruments import body_report

_RESOLUTION_NOTE = re.compile(
    r"\A(?:See\s+)?(?:General\s+Assembly\s+)?[Rr]esolution\s+(?P<number>"
    r"S-\d{1,2}/\d{1,3}|\d{1,3}/\d{1,4}(?:\s[A-H])?|\d{1,4}(?:\s[A-Z])?\s\([IVXLC]+\))"
    r"(?P<annex>,\s+annex(?:\s+[IVX]+)?)?\.?\Z")
_IBID = re.compile(r"\AIbid\.?(?:,|\Z)")
_SECTION = re.compile(r"\b(?:sect|chap|part)\.?\s+([IVX]+(?:\.[A-Z])?)")


@dataclass(frozen=True)
class Cited:
    """What one note cites."""

    kind: str
    """``treaty``, ``instrument``, ``body-report``, ``document`` or ``other``."""
    key: tuple[str, ...]
    """What identifies the cited thing: notes with equal keys cite the same thing."""
    label: str
    """How a message names it: ``Treaty Series No. 42146``, ``resolution 70/175, annex``."""
    treaty: tuple[int, int] | None = None
    """Registration number and first volume, for a treaty."""
    resolution: str | None = None
    """The adopting resolution, for an instrument."""
    body: str | None = None
    """The body (``hrc``), for a body's report."""
    year: int | None = None
    """The year the body's report covers."""
    symbol: str | None = None
    """The document symbol, for a report or a document."""
    holds: str | None = None
    """The resolution the note names in a document ("…, sect. I.A, resolution 9/5")."""

    @property
    def specific(self) -> bool:
        """Whether the key names one instrument (a document may hold several)."""
        return self.kind in ("treaty", "instrument")


def read_notes(notes: tuple[Note, ...]) -> dict[int, Cited]:
    """What each note of one numbering scope cites, by note number ("Ibid." resolved)."""
    out: dict[int, Cited] = {}
    previous: Cited | None = None
    previous_treaty: str | None = None
    for note in notes:
        cited = _read(note.text, previous, previous_treaty)
        treaty_refs = [r for r in find_references(note.text, previous_treaty=previous_treaty)
                       if r.kind == "treaty"]
        previous_treaty = treaty_refs[0].id if treaty_refs else None
        out[note.number] = cited
        previous = cited
    return out


def _read(text: str, previous: Cited | None, previous_treaty: str | None) -> Cited:
    if match := _RESOLUTION_NOTE.match(text):
        number = " ".join(match.group("number").split())
        annex = ", annex" if match.group("annex") else ""
        return Cited("instrument", ("resolution", number), f"resolution {number}{annex}",
                     resolution=number)
    refs = find_references(text, previous_treaty=previous_treaty)
    treaties = [r for r in refs if r.kind == "treaty"]
    if treaties:
        volumes = [int(v) for v in re.findall(r"\d+", treaties[0].id.split("No.")[0])]
        registered = re.search(r"No\.\s+(\d+)", treaties[0].id)
        if registered and volumes:
            registration = int(registered.group(1))
            return Cited("treaty", ("treaty", str(registration), str(min(volumes))),
                         f"Treaty Series No. {registration}",
                         treaty=(registration, min(volumes)))
    if found := body_report(text):
        entry, year = found
        report = entry.symbol.search(text)
        assert report is not None
        return Cited("body-report", ("report", report.group()),
                     f"the {entry.name}’s report for {year} ({report.group()})",
                     body=entry.body, year=year, symbol=report.group())
    documents = [r for r in refs if r.kind == "document"]
    section = _SECTION.search(text)
    part = section.group(1) if section else ""
    if documents:
        held = [r.id for r in refs if r.kind.endswith("-resolution")]
        return Cited("document", ("document", documents[0].id, part), documents[0].id,
                     symbol=documents[0].id, holds=held[0] if held else None)
    if _IBID.match(text) and previous is not None and previous.kind == "document":
        # "Ibid." is the same document; "Ibid., sect. I.C." another part of it.
        if section is None:
            return previous
        return replace(previous, key=("document", previous.symbol or "", part), holds=None)
    return Cited("other", ("text", " ".join(text.split())), "the note’s text")
