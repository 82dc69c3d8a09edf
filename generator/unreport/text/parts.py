"""How a text's structure is shown, the same in every output (the site's pages, the CSV
tables, Akoma Ntoso): the labels of sub-paragraphs as printed, and a text's paragraphs
grouped by the headed parts they stand in.

A lettered or roman sub-paragraph is printed in brackets, ``(a)``, ``(ii)``; a numbered
item of a list inside an operative paragraph (the provisional agenda of 78/223,
operative paragraph 11) with a full stop, ``1.``, as the resolution prints it.

A resolution may fall into headed parts ("I. Activities of the Office of Internal
Oversight Services", "II. …"; 78/253 has twenty-six), each with its own preambular then
operative paragraphs (``Preambular.part``, ``Operative.part``); a budget resolution
into parts and sections ("Part I Overall policymaking…", "Section 1 …", 78/252). A part
stands inside another when its anchor is under the other's (``part-vii-a``, A under
VII), or when its label's word ranks below the other's (a ``Section`` after a ``Part``).
Citations name a part as the General Assembly does ("Recalling section V of its
resolution 67/246", 78/253): a bare number as a *section* ("section II", "section
VII.A"), a labelled one by its own label ("section 29A", "part I").
"""

from __future__ import annotations

from dataclasses import dataclass

from unreport.model import DraftResolution, Operative, Part, Preambular


def printed_label(label: str) -> str:
    """``(a)`` for ``a``, ``(ii)`` for ``ii``, ``1.`` for ``1``: the label as printed."""
    return f"{label}." if label.isdigit() else f"({label})"


PART_WORDS = ("part", "section")
"""The words a part's label may begin with, highest rank first; the first step of a
part's anchor (``part-ii``, ``section-29a``)."""
BARE = "section"
"""What a citation calls a part whose label is a bare number (``II``)."""


@dataclass(frozen=True)
class TextPart:
    """A part of a text with its paragraphs, or the paragraphs before its first part."""

    part: Part | None
    """The part, or None for what stands before the first one (the whole of a text
    without parts)."""
    label: str
    """How a citation names it: ``section II``, ``section VII.A``, ``section 29A``,
    ``part I``; ``""`` for no part."""
    parent: str | None
    """The anchor of the part it stands in; None for a part of the first rank (and for
    no part)."""
    preambular: tuple[Preambular, ...]
    """Its preambular paragraphs, in order."""
    operative: tuple[Operative, ...]
    """Its operative paragraphs, in order."""


def _word(label: str) -> str | None:
    """The word a label begins with (``section`` of ``Section 29A``), if one of ours."""
    first, _, rest = label.partition(" ")
    return first.lower() if rest and first.lower() in PART_WORDS else None


def _parents(parts: tuple[Part, ...]) -> dict[str, str | None]:
    """``{anchor: anchor of the part it stands in, or None}``."""
    parents: dict[str, str | None] = {}
    for index, part in enumerate(parts):
        earlier = parts[:index]
        under = [p for p in earlier if part.anchor.startswith(f"{p.anchor}-")]
        word = _word(part.label)
        if under:
            parents[part.anchor] = max(under, key=lambda p: len(p.anchor)).anchor
        elif word is not None:
            rank = PART_WORDS.index(word)
            above = [p for p in earlier
                     if (w := _word(p.label)) is not None and PART_WORDS.index(w) < rank]
            parents[part.anchor] = above[-1].anchor if above else None
        else:
            parents[part.anchor] = None
    return parents


def part_labels(resolution: DraftResolution) -> dict[str, str]:
    """``{anchor: how a citation names the part}``: ``{"part-ii": "section II", "part-vii-a":
    "section VII.A", "section-29a": "section 29A", "part-i": "part I"}``."""
    parents = _parents(resolution.parts)
    numbers: dict[str, str] = {}  # a bare label after its part's: VII.A
    labels: dict[str, str] = {}
    for part in resolution.parts:
        word = _word(part.label)
        if word is not None:
            labels[part.anchor] = f"{word} {part.label.partition(' ')[2]}"
            continue
        parent = parents[part.anchor]
        number = f"{numbers[parent]}.{part.label}" if parent in numbers else part.label
        numbers[part.anchor] = number
        labels[part.anchor] = f"{BARE} {number}"
    return labels


def text_parts(resolution: DraftResolution) -> list[TextPart]:
    """The text's paragraphs grouped by part, in the parts' order: first those before any
    part (for a text without parts, all of them), then each part's preambular and
    operative paragraphs. A paragraph naming a part the text does not have stays in the
    first group, so that none is lost."""
    labels, parents = part_labels(resolution), _parents(resolution.parts)
    groups = [TextPart(None, "", None,
                       tuple(p for p in resolution.preambular if p.part not in labels),
                       tuple(o for o in resolution.operative if o.part not in labels))]
    for part in resolution.parts:
        groups.append(TextPart(part, labels[part.anchor], parents[part.anchor],
                               tuple(p for p in resolution.preambular if p.part == part.anchor),
                               tuple(o for o in resolution.operative if o.part == part.anchor)))
    return groups


def part_step(anchor: str) -> str:
    """A part's anchor as an Akoma Ntoso eId step: ``part-ii`` → ``part_ii``,
    ``part-vii-a`` → ``part_vii_a``, ``section-29a`` → ``section_29a``."""
    return anchor.replace("-", "_")


def part_anchor(step: str) -> str | None:
    """The anchor an eId step of a part stands for (``part_ii`` → ``part-ii``), or None
    for a step of another kind."""
    word, _, rest = step.partition("_")
    return f"{word}-{rest.replace('_', '-')}" if word in PART_WORDS and rest else None


def split_part(anchor: str) -> tuple[str | None, str]:
    """An operative paragraph's anchor as the anchor of the part it is numbered afresh in
    and its own: ``part-ii-op-1`` → ``("part-ii", "op-1")``; ``(None, "op-12")``."""
    head, found, number = anchor.partition("-op-")
    if found and head.split("-", 1)[0] in PART_WORDS:
        return head, f"op-{number}"
    return None, anchor


def _in_part(name: str, part: str | None, labels: dict[str, str]) -> str:
    return f"{labels[part]}, {name}" if part in labels else name


def operative_name(op: Operative, labels: dict[str, str]) -> str:
    """How a citation names an operative paragraph, given its text's ``part_labels``:
    ``operative paragraph 12``, ``section II, operative paragraph 1``; ``operative
    paragraph`` for one printed without a number."""
    name = f"operative paragraph {op.number}" if op.printed else "operative paragraph"
    return _in_part(name, op.part, labels)


def operative_short(op: Operative, labels: dict[str, str]) -> str:
    """The same, as search results and lists write it: ``OP 12``, ``section II, OP 1``;
    ``operative paragraph`` for one printed without a number."""
    name = f"OP {op.number}" if op.printed else "operative paragraph"
    return _in_part(name, op.part, labels)


def grid_anchors(resolution: DraftResolution) -> list[str]:
    """The operative paragraphs the table of contents lists as a grid of their numbers
    (``site_overrides/partials/toc.html``): those of a text without parts that print a
    number. A text with parts has none: its numbers repeat from part to part, and the
    table of contents lists the parts instead."""
    if resolution.parts:
        return []
    return [op.anchor for op in resolution.operative if op.printed]
