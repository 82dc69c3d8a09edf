"""The texts of one numbering scope in reading order, for ``restore.py``.

A scope is the report body or one draft resolution: its notes are numbered
afresh. Its texts (*slots*) are read in order: the report's paragraphs and their
items; a draft's preambular paragraphs, then each operative paragraph followed by
its sub-paragraphs. A position is a slot and an offset in its text.

A text also has *titles*: the title of a document as the text quotes or gives it
("resolution 73/183 of 17 December 2018 on enhancing the role of the Commission in
contributing to the implementation of the 2030 Agenda for Sustainable Development",
"… entitled "Our common commitment …""). A mark at the end of a title, or inside
it, marks the titled document; an instrument named inside another's title is not
where that instrument's note goes (``Slot.in_title_of_another``). The United
Nations prints them so: A/RES/78/229 puts the 2030 Agenda's note after "in this
respect reaffirming the 2030 Agenda for Sustainable Development", not after the
same words at the end of the title of resolution 73/183 a few paragraphs before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple, cast

from unreport.model import DraftResolution, Note, NoteRef, Report, SubParagraph
from unreport.references.citations import Reference, find_references
from unreport.restore.mentions import (
    Mention,
    Word,
    key_text,
    name_mentions,
    strip_qualifiers,
    words,
)
from unreport.restore.note_citations import Cited, read_notes
from unreport.text.dates import MONTH_PATTERN
from unreport.text.typography import opening_words

DATE_AFTER = re.compile(rf"\s+of\s+(\d{{1,2}}\s+{MONTH_PATTERN}\s+(?:19|20)\d{{2}})\b")
"""The date of adoption after a resolution's number: " of 13 June 2013"."""
# Where a dated citation ends: the next item, or the end of the clause; not ", entitled …".
_ITEM_ENDS = re.compile(r"(?:,(?!\s+entitled\b)|;|\.|\s+and\b|\s+as\s+well\s+as\b|\s*\Z)")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
"""A quoted text: in a resolution, a title (or a quotation, where no mark goes either)."""
# What introduces a resolution's title after its number and date: "…, entitled "…"",
# "… of 17 December 2018 on enhancing …".
_TITLE_AFTER_RESOLUTION = re.compile(r",?\s+entitled\s+|\s+on\s+")
_ENTITLED = re.compile(r"\bentitled\s+")
# Where a title without quotation marks ends: at the first comma, semicolon or full stop.
# Titles may hold commas ("on promoting anti-corruption education, awareness-raising and
# training"); the text does not tell those from the clause's own, so the title is taken
# short: a name after such a comma is not known to be inside it.
_UNQUOTED_TITLE_ENDS = re.compile(r"[,;]|\.(?=\s|\Z)|\Z")
# What joins a title to the next citation of a list, before its number: "… asset recovery
# and resolution 6/4 …", "… corruption in sport and 8/4 …".
_BEFORE_NEXT_CITATION = re.compile(
    r"(?:\s+(?:and|as\s+well\s+as|of|resolutions?|decisions?))*\s*\Z")
_END = 10**9
_TAIL = 300
"""Characters before a word in which qualifiers of a name are looked for."""
_QUALIFIER_ENDS = frozenset({"Protocol", "Protocols", "thereto"})


class Position(NamedTuple):
    """Where a mark stands: the slot's index and the offset in its text."""

    slot: int
    offset: int


@dataclass(frozen=True)
class Title:
    """The title of a document as a text gives it: quoted, or after "on" or "entitled"."""

    start: int
    """Offset of its first character (its opening quotation mark, if quoted)."""
    end: int
    """Offset after its last character (its closing quotation mark, if quoted)."""
    owner: Reference | None
    """The resolution (or decision) it is the title of, when the text cites one right
    before it ("resolution 73/183 of 17 December 2018 on …"; of a list, "resolutions
    74/170 and 76/183, entitled …", the last); None when the titled thing is named some
    other way ("the political declaration entitled …")."""

    def holds(self, text: str, mention: Mention) -> bool:
        """Whether the name ``mention`` (of ``text``) stands inside the title without
        beginning it: "… implementation of the 2030 Agenda for Sustainable Development"
        does; a whole title that is a name ("resolution 69/313 … on the Addis Ababa
        Action Agenda …") does not."""
        lead = text[self.start:mention.start].strip(" \"“").lower()
        return self.start <= mention.start and mention.end <= self.end and \
            lead not in ("", "the")


def find_titles(text: str, refs: tuple[Reference, ...]) -> tuple[Title, ...]:
    """The titles in ``text`` (whose citations are ``refs``), in order.

    A quoted text is a title; so is the text after "entitled", and after "on" that
    follows a resolution's number (and date). A title without quotation marks ends at
    the first comma, semicolon or full stop, or before the next citation ("resolution
    6/3 on fostering effective asset recovery and resolution 6/4 …").
    """
    owners: dict[int, Reference] = {}  # where a title starts → the resolution before it
    for ref in refs:
        if not ref.kind.endswith(("-resolution", "-decision")):
            continue
        position = ref.end
        if date := DATE_AFTER.match(text, position):
            position = date.end()
        if intro := _TITLE_AFTER_RESOLUTION.match(text, position):
            owners[intro.end()] = ref
    titles = [Title(m.start(), m.end(), owners.get(m.start())) for m in _QUOTED.finditer(text)]
    starts = set(owners) | {m.end() for m in _ENTITLED.finditer(text)}
    for start in sorted(starts):
        if start == len(text) or any(t.start <= start < t.end for t in titles):
            continue  # a quoted title, or words inside one
        end = _UNQUOTED_TITLE_ENDS.search(text, start)
        stop = end.start() if end else len(text)
        following = [ref.start for ref in refs if start < ref.start < stop]
        if following:
            joint = _BEFORE_NEXT_CITATION.search(text, start, following[0])
            stop = joint.start() if joint else following[0]
        titles.append(Title(start, stop, owners.get(start)))
    return tuple(sorted(titles, key=lambda t: t.start))


@dataclass(frozen=True)
class TextFacts:
    """What ``restore.py`` reads from a text once: its words, names and citations."""

    words: tuple[Word, ...]
    """The words, in order."""
    name_last: tuple[int, ...]
    """For each word, the index of the last word of the name a mark after it would
    follow: itself, or an earlier word when it ends a qualifier ("… Substances of 1971")."""
    refs: tuple[Reference, ...]
    """Citations (resolutions with the body that issued them)."""
    mentions: tuple[Mention, ...]
    """The names."""
    titles: tuple[Title, ...]
    """The titles of documents the text gives."""

    @classmethod
    def of(cls, text: str, refs: tuple[Reference, ...]) -> TextFacts:
        """Read ``text`` (whose citations are ``refs``)."""
        seq = words(text)
        ends = [w.end for w in seq]
        name_last = []
        supplementing = "supplementing" in text
        for index, word in enumerate(seq):
            # Qualifiers end with a year, "Protocol(s)", "thereto", or a supplemented name.
            if not (word.key[0].isdigit() or word.key in _QUALIFIER_ENDS
                    or (supplementing and word.capital)):
                name_last.append(index)
                continue
            tail_start = max(0, word.end - _TAIL)
            tail = text[tail_start:word.end].rstrip(" ,;:.")
            end = tail_start + len(strip_qualifiers(tail))
            name_last.append(min(index, bisect_right(ends, end) - 1))
        return cls(tuple(seq), tuple(name_last), refs, tuple(name_mentions(text, seq=seq)),
                   find_titles(text, refs))


@dataclass(frozen=True)
class Slot:
    """One text of a scope, with the marks it has."""

    anchor: str
    """Public anchor of the element (``pp-2``)."""
    where: str
    """How a person names it: ``preambular paragraph 2``."""
    text: str
    """Plain text."""
    line: int
    """First source line of the element."""
    marks: tuple[NoteRef, ...]
    """Marks in the text, surviving and restored."""
    opening: int
    """Length of the opening words ("Recalling also"): capitals there begin no name."""
    read: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """What was read from the text, kept for copies of the slot (only texts near a lost
    mark are read word by word)."""

    @property
    def refs(self) -> tuple[Reference, ...]:
        """Citations in the text."""
        if "refs" not in self.read:
            self.read["refs"] = tuple(find_references(self.text))
        return cast(tuple[Reference, ...], self.read["refs"])

    @property
    def keys(self) -> str:
        """The text as ``Word.key`` keeps it (``key_text``): every word's key is in it."""
        if "keys" not in self.read:
            self.read["keys"] = key_text(self.text)
        return cast(str, self.read["keys"])

    @property
    def facts(self) -> TextFacts:
        """Words, names and citations of the text."""
        if "facts" not in self.read:
            self.read["facts"] = TextFacts.of(self.text, self.refs)
        return cast(TextFacts, self.read["facts"])

    def inside_name(self, offset: int) -> bool:
        """Whether ``offset`` falls inside a name (the name goes on after it)."""
        return any(m.start < offset < m.end for m in self.facts.mentions)

    def in_title_of_another(self, offset: int, cited: Cited) -> bool:
        """Whether a mark at ``offset`` would stand inside, or at the end of, the title of a
        document other than the one ``cited`` (what the note cites): not a place for it.

        The 2030 Agenda at the end of "resolution 73/183 … on enhancing the role of the
        Commission in contributing to the implementation of the 2030 Agenda for
        Sustainable Development" is part of that resolution's title, not a mention of the
        Agenda that its note marks. A title the note's own document has is a place for it.
        """
        return any(title.start < offset <= title.end and
                   not self._may_be_titled(title, offset, cited)
                   for title in self.facts.titles)

    def _may_be_titled(self, title: Title, offset: int, cited: Cited) -> bool:
        """Whether the note citing ``cited`` may be the note of the document ``title`` is
        the title of, its mark at ``offset``."""
        owner = title.owner
        if owner is None:
            # The titled thing is unknown: its note follows the whole title, and a name
            # ending there must begin the title, not stand inside it ("… entitled "…, in
            # accordance with the United Nations Convention against Corruption""). Cautious:
            # "the outcome document entitled "Transforming our world: the 2030 Agenda …""
            # is no place for the Agenda's note either, though the title is its full name.
            return offset == title.end and not any(
                m.end == offset and title.holds(self.text, m) for m in self.facts.mentions)
        if cited.kind == "instrument":
            return cited.resolution == owner.id  # "Resolution 70/1." is resolution 70/1
        if cited.kind == "document":
            return cited.holds in (None, owner.id)  # a document holds resolutions
        if cited.kind == "body-report":
            return owner.kind == f"{cited.body}-resolution"  # its resolutions of a year
        return cited.kind == "other"  # a treaty is no resolution; the note's text, unknown

    def mark_before(self, offset: int) -> int:
        """Where a name ending at ``offset`` may start at the earliest: after the last mark
        before it, and after the paragraph's opening words."""
        return max((m.offset for m in self.marks if m.offset <= offset), default=self.opening)

    def mark_follows(self, word: Word) -> bool:
        """Whether a mark stands right after ``word`` (after its punctuation too)."""
        raw_end = word.start + len(word.raw)
        return any(word.end <= m.offset <= raw_end for m in self.marks)

    def dated(self, kind_prefix: str) -> list[tuple[Reference, str, int]]:
        """Resolutions of a body cited with a date and ending a list item: (ref, date, end).

        "resolutions 23/9 of 13 June 2013, 29/11 of …": the item ends after the date.
        An item that goes on ("… of 26 May 2017 on mainstreaming …") has no clear end.
        """
        out = []
        for ref in self.refs:
            if not ref.kind.startswith(kind_prefix):
                continue
            date = DATE_AFTER.match(self.text, ref.end)
            if date and _ITEM_ENDS.match(self.text, date.end()):
                out.append((ref, date.group(1), date.end()))
        return out


@dataclass(frozen=True)
class Scope:
    """One numbering scope: its texts in order, its notes and what they cite."""

    key: str
    """Unique key: ``report`` or the draft's slug."""
    name: str
    """How messages name it: ``draft resolution VII``."""
    slots: tuple[Slot, ...]
    """Texts in reading order."""
    notes: tuple[Note, ...]
    """Its notes."""
    cited: dict[int, Cited] = field(compare=False)
    """What each note cites."""

    def note(self, number: int) -> Note:
        """The note numbered ``number``."""
        return next(n for n in self.notes if n.number == number)

    @property
    def placed(self) -> dict[int, Position]:
        """Note number → position of its (first) mark."""
        out: dict[int, Position] = {}
        for index, slot in enumerate(self.slots):
            for ref in slot.marks:
                out.setdefault(ref.number, Position(index, ref.offset))
        return out

    def window(self, number: int, placed: dict[int, Position]
               ) -> tuple[Position, Position] | None:
        """Where note ``number``'s mark may stand, given the marks placed; None if nowhere."""
        lower = max((p for n, p in placed.items() if n < number), default=Position(0, -1))
        upper = min((p for n, p in placed.items() if n > number),
                    default=Position(len(self.slots) - 1, _END))
        return (lower, upper) if lower < upper else None

    def with_mark(self, position: Position, number: int) -> Scope:
        """The scope with a mark of ``number`` at ``position`` (for later candidates)."""
        slots = list(self.slots)
        slot = slots[position.slot]
        marks = (*slot.marks, NoteRef(number, position.offset, slot.line, "restored"))
        slots[position.slot] = replace(slot, marks=tuple(sorted(marks, key=lambda m: m.offset)))
        return replace(self, slots=tuple(slots))


def _slot(anchor: str, where: str, text: str, line: int, marks: tuple[NoteRef, ...]) -> Slot:
    return Slot(anchor, where, text, line, marks, opening_words(text))


def _sub_slots(subs: tuple[SubParagraph, ...], where: str) -> list[Slot]:
    out = []
    for sub in subs:
        here = f"{where} ({sub.label})"
        out.append(_slot(sub.anchor, here, sub.text, sub.span.first, sub.notes))
        out += _sub_slots(sub.subparagraphs, here)
    return out


def scopes(report: Report) -> list[Scope]:
    """The report body and each draft resolution as scopes."""
    body: list[Slot] = []
    for para in report.paragraphs:
        where = f"paragraph {para.number}"
        body.append(_slot(para.anchor, where, para.text, para.span.first, para.notes))
        body += _sub_slots(para.items, where)
    out = [Scope("report", "report", tuple(body), report.notes, read_notes(report.notes))]
    for draft in report.resolutions:
        slots = [_slot(pp.anchor, f"preambular paragraph {pp.number}", pp.text, pp.span.first,
                       pp.notes) for pp in draft.preambular]
        for op in draft.operative:
            where = f"operative paragraph {op.number}"
            slots.append(_slot(op.anchor, where, op.text, op.span.first, op.notes))
            slots += _sub_slots(op.subparagraphs, where)
        out.append(Scope(draft.slug, f"draft resolution {draft.number}", tuple(slots),
                         draft.notes, read_notes(draft.notes)))
    return out


def rebuild(report: Report, added: dict[tuple[str, str], list[NoteRef]],
             restored: dict[tuple[str, int], str]) -> Report:
    """The model with the restored marks in their texts and on their notes.

    ``added``: (scope key, anchor) → restored marks; ``restored``: (scope key, note) → why.
    """
    if not added:
        return report

    def refs(scope: str, anchor: str, old: tuple[NoteRef, ...]) -> tuple[NoteRef, ...]:
        new = added.get((scope, anchor), [])
        return tuple(sorted((*old, *new), key=lambda r: r.offset)) if new else old

    def notes(scope: str, old: tuple[Note, ...]) -> tuple[Note, ...]:
        return tuple(replace(n, restored=restored[(scope, n.number)])
                     if (scope, n.number) in restored else n for n in old)

    def sub(scope: str, s: SubParagraph) -> SubParagraph:
        return replace(s, notes=refs(scope, s.anchor, s.notes),
                       subparagraphs=tuple(sub(scope, c) for c in s.subparagraphs))

    def draft(d: DraftResolution) -> DraftResolution:
        name = d.slug
        pre = tuple(replace(p, notes=refs(name, p.anchor, p.notes)) for p in d.preambular)
        ops = tuple(replace(o, notes=refs(name, o.anchor, o.notes),
                            subparagraphs=tuple(sub(name, s) for s in o.subparagraphs))
                    for o in d.operative)
        return replace(d, preambular=pre, operative=ops, notes=notes(name, d.notes))

    paragraphs = tuple(replace(p, notes=refs("report", p.anchor, p.notes),
                               items=tuple(sub("report", i) for i in p.items))
                       for p in report.paragraphs)
    return replace(report, paragraphs=paragraphs, notes=notes("report", report.notes),
                   resolutions=tuple(draft(d) for d in report.resolutions))
