"""Stage 3b, restore: put back footnote marks the converter lost, where the document shows.

Input is the frozen model after the marks were read (``structure.py``); output is
a new model in which some lost marks stand again, each a ``NoteRef`` whose
``restored`` says why, and its ``Note.restored`` the same. Texts do not change.

For each note without a mark:

1. **Order.** Notes are numbered in reading order, so its mark lies after the
   mark of the nearest lower-numbered note and before that of the nearest higher
   one. Every word end between them is a candidate, except inside a name
   ("… Narcotic Drugs" in "… Narcotic Drugs of 1961") and inside or at the end of
   the title of another document ("resolution 73/183 … on enhancing the role of the
   Commission in contributing to the implementation of the 2030 Agenda for
   Sustainable Development" is no place for the 2030 Agenda's note:
   ``scope.Slot.in_title_of_another``).
2. **Evidence** that the words before a candidate are what the note cites:
   * *learned from the document*: another note citing the same thing has its
     mark after the same name elsewhere in the report (``mentions.same_name``);
     for a document holding several resolutions (``CAC/COSP/2021/17``) the words
     must also cite the same resolution; the report's text pairs the note's
     resolution with a name ("its resolution 76/181 …, in which it endorsed the
     Kyoto Declaration …");
   * *general reference data* (``instruments.py``): the treaty of a Treaty Series
     number, the instrument an Assembly resolution adopted, the year of a body's
     report ("A/68/53": the Human Rights Council's resolutions of 2013).
3. **Parallel order.** A run of consecutive unmarked notes of one kind (treaties,
   adopted instruments, one body's reports) next to one paragraph that lists
   exactly as many names or resolutions of that kind: the i-th note goes with
   the i-th item.

A mark is placed only when one position is clearly best: the only candidate
with evidence, or the first of several places that all name the note's
instrument (a note marks its first mention), with no earlier place where the
name's words stand without clearly being another name's end, and agreeing with
the parallel order (``parallel.py``) where there is one. Otherwise the note
stays unplaced, as before, and the "lost-mark" warning says why; each
restoration is a "restored-mark" warning with its evidence. ``restore_scope.py``
holds the texts of a numbering scope in reading order and rebuilds the model.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from unreport.diagnostics import Collector
from unreport.model import NoteRef, Report
from unreport.references.citations import Reference
from unreport.restore.instruments import BODY_REPORTS, adopted_by, treaty
from unreport.restore.mentions import (
    CONNECTORS,
    Word,
    ends_with_name,
    inside_name,
    name_mentions,
    name_words,
    same_name,
    strip_qualifiers,
    trailing_name,
    words,
)
from unreport.restore.note_citations import Cited
from unreport.restore.note_runs import parallel_order
from unreport.restore.scope import DATE_AFTER, Position, Scope, Slot, rebuild, scopes

# "resolution 76/181 …, in which it endorsed the Kyoto Declaration …": a resolution
# cited with the name of the instrument it adopted.
_NAMED = re.compile(
    r"(?:,\s+in\s+which\s+it\s+(?:adopted|endorsed|approved|proclaimed)"
    r"|,?\s+(?:on|entitled|by\s+which\s+it\s+adopted))\s+(?:the\s+)?")
_LEAD = 400
"""Characters before a surviving mark kept to compare with the words before a candidate."""
_CUT = Word(0, 0, "…", "…", "…", True)
"""Stands for the words cut off before a long lead: a capitalized word, so no boundary."""


@dataclass(frozen=True)
class Learned:
    """A surviving mark: what its note cites and the words it follows."""

    key: tuple[str, ...]
    """``Cited.key`` of its note."""
    lead: tuple[Word, ...]
    """Words before the mark since the previous mark, qualifiers taken off the end."""
    resolution: str | None
    """The last resolution those words cite, if any."""
    where: str
    """Where it stands, as a person names it."""


@dataclass(frozen=True)
class Knowledge:
    """What the whole report teaches about its notes."""

    learned: tuple[Learned, ...]
    """Every surviving mark."""
    named: dict[str, tuple[tuple[str, str], ...]]
    """Resolution → (name, where) for each place the text gives its instrument's name."""


@dataclass(frozen=True)
class Candidate:
    """A place where a lost mark may go, with the evidence for it."""

    position: Position
    """Where."""
    reasons: tuple[str, ...]
    """Evidence, each a clause of a sentence."""
    naming: bool
    """The evidence is that the words name the note's instrument (not one of many)."""


_CLOSING = re.compile(r"[,;:.]")


def after_punctuation(text: str, offset: int) -> int:
    """Where a mark after the word ending at ``offset`` stands: after a comma, semicolon,
    colon or full stop that follows the word, as the report's surviving marks stand
    ("…against Corruption,⁵ and …") and as the United Nations prints them."""
    return offset + 1 if _CLOSING.match(text, offset) else offset


def restore_marks(report: Report, messages: Collector) -> Report:
    """The report with lost marks restored where the evidence is clear; warnings for each."""
    all_scopes = scopes(report)
    lost = [n for scope in all_scopes for n in scope.notes if not n.marked]
    if not lost:
        return report
    wanted = [c for scope in all_scopes for n, c in scope.cited.items()
              if not scope.note(n).marked]
    knowledge = learn(all_scopes, wanted)
    added: dict[tuple[str, str], list[NoteRef]] = {}
    restored_notes: dict[tuple[str, int], str] = {}
    found = [restore_scope(scope, knowledge) for scope in all_scopes]
    for scope, (placed, unplaced) in zip(all_scopes, found, strict=True):
        for number, (position, because) in sorted(placed.items()):
            slot = scope.slots[position.slot]
            ref = NoteRef(number, after_punctuation(slot.text, position.offset), slot.line,
                          because)
            added.setdefault((scope.key, slot.anchor), []).append(ref)
            restored_notes[(scope.key, number)] = because
            before = " ".join(slot.text[:position.offset].split()[-6:])
            messages.warn("restored-mark", slot.line,
                          f"{scope.name}: note {number} had no mark in the text (lost in "
                          f"conversion); its mark was restored in {slot.where} after "
                          f"\"…{before}\", because {because}.")
        for note in scope.notes:
            if not note.marked and note.number in unplaced:
                messages.warn("lost-mark", note.span.first,
                              f"{scope.name}: note {note.number} has no mark in the text (lost "
                              "in conversion); it is kept and listed with the notes (not "
                              f"restored: {unplaced[note.number]}).")
    return rebuild(report, added, restored_notes)


def learn(all_scopes: list[Scope], wanted: list[Cited]) -> Knowledge:
    """What the whole report shows about the things ``wanted`` (the lost notes cite):
    the surviving marks of notes that cite them, and the names it gives their resolutions."""
    keys = {c.key for c in wanted}
    resolutions = {c.resolution for c in wanted if c.resolution}
    learned: list[Learned] = []
    named: dict[str, list[tuple[str, str]]] = {}
    for scope in all_scopes:
        for slot in scope.slots:
            previous = slot.opening
            for ref in sorted(slot.marks, key=lambda r: r.offset):
                cited = scope.cited.get(ref.number)
                if cited is not None and cited.key in keys and not ref.restored:
                    # Only the end of the words before a mark is ever compared.
                    start = max(previous, ref.offset - _LEAD)
                    lead = words(slot.text, start, _name_end(slot.text, start, ref.offset))
                    if start > previous and lead:
                        lead = lead[1:]  # maybe a piece of a word: not a boundary either
                        lead.insert(0, _CUT)
                    last = cited.holds or (None if cited.specific else _last_resolution(
                        slot.refs, previous, ref.offset))
                    learned.append(Learned(cited.key, tuple(lead), last,
                                           f"{scope.name}, {slot.where}"))
                previous = ref.offset
            if not any(r in slot.text for r in resolutions):
                continue
            for cited_ref in slot.refs:
                if cited_ref.kind == "ga-resolution" and \
                        (name := _name_after(slot.text, cited_ref)):
                    named.setdefault(cited_ref.id, []).append(
                        (name, f"{scope.name}, {slot.where}"))
    return Knowledge(tuple(learned), {k: tuple(v) for k, v in named.items()})


def _name_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing punctuation and qualifiers."""
    return start + len(strip_qualifiers(text[start:end].rstrip(" ,;:.")))


def _last_resolution(refs: tuple[Reference, ...], start: int, end: int) -> str | None:
    inside = [r for r in refs if start <= r.start < end and r.kind.endswith(("-resolution",
                                                                              "-decision"))]
    return inside[-1].id if inside else None


def _name_after(text: str, ref: Reference) -> str | None:
    """The name a resolution is cited with: "resolution 65/229 of … on the United Nations …"."""
    position = ref.end
    if date := DATE_AFTER.match(text, position):
        position = date.end()
    if not (intro := _NAMED.match(text, position)):
        return None
    found = name_mentions(text, intro.end(), min(len(text), intro.end() + 400))
    if not found or found[0].start != intro.end() or found[0].kind == "other":
        return None
    return text[found[0].start:found[0].end]


def restore_scope(scope: Scope, knowledge: Knowledge) -> tuple[dict[int, tuple[Position, str]],
                                                                dict[int, str]]:
    """Restorations (note → position, evidence) and why the others stay unplaced."""
    placed = dict(scope.placed)
    restored: dict[int, tuple[Position, str]] = {}
    reasons: dict[int, str] = {}
    remaining = [n.number for n in scope.notes if not n.marked]
    tried: dict[int, object] = {}  # what a note was last decided on: same again, same answer
    changed = True
    while changed:
        changed = False
        parallel = parallel_order(scope, remaining, placed)
        for number in list(remaining):
            window = scope.window(number, placed)
            if window is None:
                reasons[number] = "the marks of its neighbours are out of order"
                continue
            if tried.get(number) == (window, parallel.get(number)):
                continue
            tried[number] = (window, parallel.get(number))
            cited = scope.cited[number]
            candidates, near = _candidates(scope, cited, window, knowledge)
            choice, why = _decide(candidates, parallel.get(number), _known(cited, knowledge),
                                  near)
            if choice is None or not window[0] < choice < window[1]:
                reasons[number] = why
                continue
            placed[number] = choice
            restored[number] = (choice, why)
            scope = scope.with_mark(choice, number)
            remaining.remove(number)
            reasons.pop(number, None)
            changed = True
    return restored, reasons


def _known(cited: Cited, knowledge: Knowledge) -> bool:
    """Whether any evidence source knows the note's instrument by name."""
    if any(item.key == cited.key for item in knowledge.learned):
        return True
    if cited.treaty and treaty(*cited.treaty):
        return True
    return bool(cited.resolution and (adopted_by(cited.resolution)
                                      or cited.resolution in knowledge.named))


@dataclass(frozen=True)
class _Sources:
    """Everything that may show where one note's mark goes, gathered once per note."""

    learned: tuple[Learned, ...]
    """Surviving marks of notes that cite the same thing."""
    table: tuple[tuple[str, tuple[str, ...]], ...]
    """Names the general tables give it (name, its words)."""
    named: tuple[tuple[str, tuple[str, ...]], ...]
    """Names the report gives its resolution (where, the name's words)."""
    unique: str | None
    """For a document: the one resolution it holds that the window cites."""

    def last_words(self) -> set[str]:
        """Words a name of the note's instrument ends with (to skip other words fast)."""
        ends = {item.lead[-1].key for item in self.learned if item.lead}
        return ends | {w[-1] for _, w in self.table} | {w[-1] for _, w in self.named}


def _sources(scope: Scope, cited: Cited, window: tuple[Position, Position],
             knowledge: Knowledge) -> _Sources:
    learned = tuple(item for item in knowledge.learned if item.key == cited.key)
    table = tuple((n, name_words(n)) for n in _table_names(cited))
    named = tuple((where, name_words(n))
                  for n, where in knowledge.named.get(cited.resolution or "", ()))
    return _Sources(learned, table, named, _held_in_window(scope, cited, window, learned))


def _candidates(scope: Scope, cited: Cited, window: tuple[Position, Position],
                knowledge: Knowledge) -> tuple[list[Candidate], list[Position]]:
    """Places with evidence, and places where the name's words stand without being
    clearly the name (``_near_miss``)."""
    found = []
    near: list[Position] = []
    lower, upper = window
    sources = _sources(scope, cited, window, knowledge)
    finals = sources.last_words()
    for index in range(lower.slot, upper.slot + 1):
        slot = scope.slots[index]
        dated = {end: (ref, date) for ref, date, end in slot.dated(f"{cited.body}-")
                 } if cited.kind == "body-report" else {}
        if not dated and not any(final in slot.keys for final in finals):
            continue  # no word of the text ends a name of it: no need to read its words
        facts = slot.facts
        starts = [w.start for w in facts.words]
        for at, word in enumerate(facts.words):
            position = Position(index, word.end)
            last = facts.name_last[at]
            if not lower < position < upper or (facts.words[last].key not in finals
                                                 and word.end not in dated):
                continue
            if slot.mark_follows(word) or inside_name(slot.text, word.end) or \
                    slot.inside_name(word.end) or slot.in_title_of_another(word.end, cited):
                continue
            since = slot.mark_before(word.start)
            context = list(facts.words[bisect_left(starts, since):last + 1])
            if not context:
                continue
            reasons = _evidence(slot, since, word, context, cited, sources)
            if not reasons and cited.specific and _near_miss(slot, context, sources):
                near.append(position)
            if dated.get(word.end) and cited.year == int(dated[word.end][1].split()[-1]):
                ref, date = dated[word.end]
                body = next(b.name for b in BODY_REPORTS if b.body == cited.body)
                reasons.insert(0, f"the note cites {cited.label}, and the text here cites "
                                  f"{body} resolution {ref.id} of {date}")
            if reasons:
                found.append(Candidate(position, tuple(reasons), cited.specific))
    return found, near


def _near_miss(slot: Slot, context: list[Word], sources: _Sources) -> bool:
    """Whether ``context`` ends with the words of the instrument's name without their being
    clearly its name, nor clearly part of another's.

    The name ends another's when the longer name's head word comes before it: "the
    Protocol to the Convention on …", "the Kyoto Declaration on … the 2030 Agenda for
    Sustainable Development", "the Conference of the States Parties to the … Convention".
    Otherwise ("Member States in the United Nations Global … Strategy") the words may
    well be the name: a mark after a later mention would then be a guess.
    """
    names = [seq for _, seq in sources.table] + [seq for _, seq in sources.named]
    learned = [trailing_name(item.lead) for item in sources.learned]
    names += [name for name in learned if sum(1 for k in name if k.lower() not in
                                              CONNECTORS and k[0].isalpha()) >= 2]
    keys = [w.key for w in context]
    for name in names:
        if name and tuple(keys[-len(name):]) == name:
            start = context[-len(name)].start
            longer = any(m.start < start and m.head < start and m.end >= context[-1].end
                         for m in slot.facts.mentions)
            if not longer:
                return True
    return False


def _held_in_window(scope: Scope, cited: Cited, window: tuple[Position, Position],
                    learned: tuple[Learned, ...]) -> str | None:
    """The one resolution of the note's document the window cites, if exactly one."""
    if cited.specific:
        return None
    held = {item.resolution for item in learned if item.resolution}
    lower, upper = window
    seen = {ref.id for index in range(lower.slot, upper.slot + 1)
            for ref in scope.slots[index].refs
            if ref.id in held and lower < Position(index, ref.start) < upper}
    return seen.pop() if len(seen) == 1 else None


def _evidence(slot: Slot, since: int, word: Word, context: list[Word], cited: Cited,
              sources: _Sources) -> list[str]:
    """Why the words before ``word`` may name what ``cited`` is, learned or from the tables."""
    reasons: list[str] = []
    resolution = _last_resolution(slot.refs, since, word.end)
    for name, name_seq in sources.table:
        if ends_with_name(context, name_seq):
            reasons.append(_table_reason(cited, name))
            break
    for where, name_seq in sources.named:
        if ends_with_name(context, name_seq):
            reasons.append(f"{where} cites resolution {cited.resolution} with this name")
            break
    for item in sources.learned:
        # A document holds many things (a report, a session's resolutions): the same
        # words say little unless they come with the same resolution, the only one of
        # the document's the window cites.
        if not cited.specific and (item.resolution is None or item.resolution != resolution
                                   or resolution != sources.unique
                                   or (cited.holds and cited.holds != resolution)):
            continue
        if same_name(context, list(item.lead)):
            tail = " ".join(w.raw for w in item.lead[-4:]).rstrip(",;:.")
            also = f", for the same resolution {resolution}" if not cited.specific else ""
            reasons.append(f"{item.where} has the same note ({cited.label}) after the same "
                           f"words (“…{tail}”){also}")
            break
    return reasons


def _table_names(cited: Cited) -> tuple[str, ...]:
    if cited.treaty and (entry := treaty(*cited.treaty)):
        return entry.names
    if cited.resolution and (instrument := adopted_by(cited.resolution)):
        return instrument.names
    return ()


def _table_reason(cited: Cited, name: str) -> str:
    shown = f"“{name}”" if ":" in name or name[0].islower() else name
    if cited.treaty:
        return (f"the note cites the Treaty Series entry of the {shown} "
                f"(No. {cited.treaty[0]})")
    if cited.label.endswith("annex"):  # the instrument is printed in the annex
        return f"the note cites {cited.label}, the text of the {shown}"
    return f"the note cites {cited.label}, the {shown}"


def _decide(candidates: list[Candidate], parallel: tuple[Position, str] | None,
            known: bool, near: list[Position]) -> tuple[Position | None, str]:
    """The clearly best position and why, or None and why not.

    ``near`` are places where the words of the instrument's name stand but may belong
    to a longer name: one before the chosen place makes the choice unclear.
    """
    merged: dict[Position, Candidate] = {}
    for c in candidates:
        old = merged.get(c.position)
        merged[c.position] = c if old is None else Candidate(
            c.position, old.reasons + c.reasons, old.naming and c.naming)
    if not merged:
        if parallel and not known:
            return parallel[0], parallel[1]
        if parallel:
            return None, ("the parallel order points at a name, but not at one that is the "
                          "note’s")
        return None, "nothing between the marks of its neighbours names what it cites"
    ordered = sorted(merged.values(), key=lambda c: c.position)
    extra: tuple[str, ...] = ()
    if len(ordered) > 1 and all(c.naming for c in ordered):
        extra = (f"it is the first of {len(ordered)} places between its neighbours’ marks "
                 "that name it, and a note marks the first mention",)
    if len(ordered) == 1 or extra:
        best = ordered[0]
        if any(place < best.position for place in near):
            return None, ("the words of its name stand earlier too, perhaps as part of a "
                          "longer name")
        if parallel and parallel[0] != best.position:
            return None, "the evidence and the parallel order point at different places"
        return best.position, "; ".join((*best.reasons, *extra,
                                         *((parallel[1],) if parallel else ())))
    if parallel and parallel[0] in merged:  # the order picks one of equal places
        best = merged[parallel[0]]
        return best.position, "; ".join((*best.reasons, parallel[1]))
    return None, f"{len(ordered)} places between the marks of its neighbours fit equally well"
