"""Parallel lists: consecutive unmarked notes paired, in order, with one paragraph's list.

"… including resolutions 23/9 of 13 June 2013, 29/11 of 2 July 2015, … and 47/7 of
12 July 2021," next to five unmarked notes citing the Human Rights Council's reports
for 2013 … 2021; "the United Nations Convention against … and the Protocols thereto,
the Single Convention …, the Convention on Psychotropic Substances of 1971, …" next to
five unmarked notes citing the Treaty Series. When a run of consecutive unmarked notes
of one kind has exactly as many items of that kind between the marks around it, all in
one paragraph, the i-th note goes with the i-th item; a name inside a title
("resolution 73/183 … on … the 2030 Agenda for Sustainable Development") is no item.
``restore.py`` uses the pairing to confirm other evidence, or to choose among equal
places; alone only for notes whose instrument nothing else knows.
"""

from __future__ import annotations

from unreport.restore.note_citations import Cited
from unreport.restore.scope import Position, Scope

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth")


def _kind_of(cited: Cited) -> str | None:
    if cited.kind in ("treaty", "instrument"):
        return cited.kind
    return f"body:{cited.body}" if cited.kind == "body-report" else None


def parallel_order(scope: Scope, remaining: list[int],
                   placed: dict[int, Position]) -> dict[int, tuple[Position, str]]:
    """Note → (position, why) for runs of unmarked notes of one kind paired in order with
    one paragraph's list; ``remaining`` are the unmarked notes, ``placed`` the marks."""
    out: dict[int, tuple[Position, str]] = {}
    runs: list[list[int]] = []
    for number in sorted(remaining):
        kind = _kind_of(scope.cited[number])
        if runs and runs[-1][-1] == number - 1 and kind is not None and \
                _kind_of(scope.cited[runs[-1][-1]]) == kind:
            runs[-1].append(number)
        else:
            runs.append([number])
    for run in runs:
        kind = _kind_of(scope.cited[run[0]])
        if len(run) < 2 or kind is None:
            continue
        first, last = scope.window(run[0], placed), scope.window(run[-1], placed)
        if first is None or last is None:
            continue
        items = _items(scope, kind, first[0], last[1])
        if len(items) != len(run) or len({p.slot for p, _ in items}) != 1:
            continue
        if kind.startswith("body:") and any(scope.cited[n].year != year
                                            for n, (_, year) in zip(run, items, strict=True)):
            continue
        what = {"treaty": "treaties", "instrument": "instruments"}.get(kind, "resolutions")
        for i, (number, (position, _)) in enumerate(zip(run, items, strict=True)):
            nth = _ORDINALS[i] if i < len(_ORDINALS) else f"{i + 1}th"
            out[number] = (position, f"it is the {nth} of the {len(run)} {what} this paragraph "
                                     f"lists, for notes {run[0]}–{run[-1]} in the same order")
    return out


def _items(scope: Scope, kind: str, lower: Position, upper: Position
           ) -> list[tuple[Position, int | None]]:
    """Ends of the names (or dated resolutions) of ``kind`` between two positions."""
    items: list[tuple[Position, int | None]] = []
    for index in range(lower.slot, upper.slot + 1):
        slot = scope.slots[index]
        found: list[tuple[int, int | None]]
        if kind.startswith("body:"):
            found = [(end, int(date.split()[-1]))
                     for _, date, end in slot.dated(kind.removeprefix("body:") + "-")]
        else:
            # A name inside a title is part of it, not an item of the list.
            found = [(m.end, None) for m in slot.facts.mentions if m.kind == kind and not any(
                t.holds(slot.text, m) for t in slot.facts.titles)]
        items += [(Position(index, end), year) for end, year in found
                  if lower < Position(index, end) < upper]
    return items
