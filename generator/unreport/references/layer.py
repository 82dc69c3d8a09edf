"""Stage 4, references: a reference layer over the model, in two phases.

Phase one registers every anchor the site will have (report paragraphs and
items, amendments, preambular, operative and sub-paragraphs, annex blocks,
notes). Phase two finds the citations in every text
(``references.find_references``) and resolves internal ones ("see para. 31,
draft resolution I") against the registry; what cannot be resolved is returned
to the caller, who reports it. The texts stay plain: a citation is a span with
offsets and a target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from unreport import addresses
from unreport.model import Annex, AnnexBlock, DraftResolution, Note, Report, SubParagraph
from unreport.references.citations import Reference, find_references
from unreport.text.parts import operative_short, part_labels

KIND_TITLES = {
    "ga-resolution": "General Assembly resolutions",
    "ga-decision": "General Assembly decisions",
    "ecosoc-resolution": "Economic and Social Council resolutions",
    "ecosoc-decision": "Economic and Social Council decisions",
    "ccpcj-resolution": "Commission on Crime Prevention and Criminal Justice resolutions",
    "cnd-resolution": "Commission on Narcotic Drugs resolutions",
    "hrc-resolution": "Human Rights Council resolutions",
    "cosp-resolution": "Conference of the States Parties to the United Nations Convention "
                       "against Corruption: resolutions",
    "cosp-decision": "Conference of the States Parties to the United Nations Convention "
                     "against Corruption: decisions",
    "cop-resolution": "Conference of the Parties to the United Nations Convention against "
                      "Transnational Organized Crime: resolutions",
    "sc-resolution": "Security Council resolutions",
    "other-resolution": "Other resolutions and decisions",
    "document": "United Nations documents",
    "treaty": "Treaties (United Nations, Treaty Series)",
}


@dataclass(frozen=True)
class Element:
    """A citable text of the site: where it is and what it says."""

    page: str
    """Markdown page (``draft-resolutions/v.md``)."""
    anchor: str
    """Anchor on that page (``op-12``)."""
    label: str
    """How a person names it: ``Draft resolution V, OP 12`` (short labels, as delegates write)."""
    text: str
    """Plain text."""


@dataclass(frozen=True)
class Citation:
    """A reference found in an element, with where it points."""

    element: Element
    """Where the citation stands."""
    reference: Reference
    """What it cites (kind, id, span, official url)."""
    target: str | None
    """Link target: the official url, or a page#anchor inside the site for internal ones."""


@dataclass(frozen=True)
class ReferenceLayer:
    """Every citation in the report, by element and by cited item."""

    citations: tuple[Citation, ...]
    """All citations, in document order."""
    unresolved: tuple[Citation, ...]
    """Internal references whose target the site does not have."""

    by_element: dict[tuple[str, str], tuple[Citation, ...]]
    """The same citations keyed by (page, anchor) of their element."""

    def in_element(self, page: str, anchor: str) -> tuple[Citation, ...]:
        """Citations in one element, in text order."""
        return self.by_element.get((page, anchor), ())

    @cached_property
    def _by_page(self) -> dict[str, tuple[Citation, ...]]:
        pages: dict[str, list[Citation]] = {}
        for citation in self.citations:
            pages.setdefault(citation.element.page, []).append(citation)
        return {page: tuple(found) for page, found in pages.items()}

    def on_page(self, page: str) -> tuple[Citation, ...]:
        """Citations on one page, in document order (grouped once, not searched per page)."""
        return self._by_page.get(page, ())

    def entries(self) -> dict[tuple[str, str], list[Citation]]:
        """``{(kind, id): citations}`` for external items, in natural order."""
        grouped: dict[tuple[str, str], list[Citation]] = {}
        for citation in self.citations:
            ref = citation.reference
            if ref.kind != "internal":
                grouped.setdefault((ref.kind, ref.id), []).append(citation)
        kinds = list(KIND_TITLES)
        return dict(sorted(grouped.items(), key=lambda item: (
            kinds.index(item[0][0]) if item[0][0] in kinds else len(kinds),
            natural_key(item[0][1]))))


_DIGITS = re.compile(r"(\d+)")
_NOT_IN_ANCHOR = re.compile(r"[^a-z0-9]+")


def natural_key(identifier: str) -> tuple[object, ...]:
    """Natural order: ``9/8`` before ``76/181`` before ``100/1``; ``57/270 B`` after ``57/270``."""
    parts = _DIGITS.split(identifier)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def entry_anchor(kind: str, identifier: str) -> str:
    """Anchor of an item on the references page: ``ga-resolution-57-270-b``."""
    return f"{kind}-" + _NOT_IN_ANCHOR.sub("-", identifier.lower()).strip("-")


TEXT_KINDS = ("resolution", "draft")
"""Kinds of document whose own text is their one resolution, shown on the home page."""


def text_name(report: Report, resolution: DraftResolution) -> str:
    """How the site names a text: ``Draft resolution V`` (of a report), ``Resolution
    78/229`` (an adopted resolution), ``Draft resolution A/C.3/80/L.3`` (a draft's own)."""
    if report.kind == "resolution":
        return f"Resolution {resolution.number or report.symbol}"
    if report.kind == "draft":
        return f"Draft resolution {report.symbol}"
    return f"Draft resolution {resolution.number}"


def text_citation(report: Report, resolution: DraftResolution) -> str:
    """How a citation of a text's paragraph begins: ``A/77/464, draft resolution V``; a
    resolution or draft document's own text is cited by its symbol (``A/RES/78/229``)."""
    if report.kind in TEXT_KINDS:
        return str(report.symbol)
    return f"{report.symbol}, draft resolution {resolution.number}"


def home_label(report: Report) -> str:
    """How labels name the home page's own text: ``Report``, or the document's symbol."""
    return "Report" if report.kind == "report" else str(report.symbol)


def operative_label(name: str, number: int) -> str:
    """``Draft resolution V, OP 12``: how the site names an operative paragraph of the text
    named ``name`` (``text_name``)."""
    return f"{name}, OP {number}"


def annex_name(annex: Annex) -> str:
    """``annex`` or ``annex II``, as a citation names an annex."""
    return f"annex {annex.number}" if annex.number else "annex"


def annex_place(annex: Annex, block: AnnexBlock, *, short: bool = True) -> str:
    """Where a block stands: ``annex II, para. 3 (b)`` (``paragraph`` in full when not
    ``short``, as citations write it); the annex alone for a heading or unnumbered text.

    The paragraph and its sub-paragraphs are read from the block's anchor
    (``annex-ii-para-3-b``), which the parser made from them.
    """
    steps = block.anchor.removeprefix(f"{annex.anchor}-").split("-")
    if steps[0] != "para" or len(steps) < 2:
        return annex_name(annex)
    word = "para." if short else "paragraph"
    return (f"{annex_name(annex)}, {word} {steps[1]}"
            + "".join(f" ({label})" for label in steps[2:]))


def _walk(subs: tuple[SubParagraph, ...], label: str) -> Iterator[tuple[SubParagraph, str]]:
    for sub in subs:
        here = f"{label} ({sub.label})"
        yield sub, here
        yield from _walk(sub.subparagraphs, here)


def _notes(page: str, scope: str, notes: tuple[Note, ...]) -> Iterator[Element]:
    for note in notes:
        yield Element(page, f"fn-{note.number}", f"{scope}, note {note.number}", note.text)


def elements(report: Report) -> Iterator[Element]:
    """Phase one: every citable element of the site, in document order."""
    for para in report.paragraphs:
        yield Element(addresses.HOME, para.anchor, f"Report, para. {para.number}", para.text)
        for item, label in _walk(para.items, f"Report, para. {para.number}"):
            yield Element(addresses.HOME, item.anchor, label, item.text)
    for amendment in report.amendments:
        yield Element(addresses.HOME, amendment.anchor,
                      f"{report.symbol}, amendment {amendment.number}", amendment.text)
    yield from _notes(addresses.HOME, home_label(report), report.notes)
    for resolution in report.resolutions:
        page = addresses.draft_page(resolution.slug)
        name = text_name(report, resolution)
        parts = part_labels(resolution)
        for pp in resolution.preambular:
            yield Element(page, pp.anchor, f"{name}, PP {pp.number}", pp.text)
        for op in resolution.operative:
            label = f"{name}, {operative_short(op, parts)}"
            yield Element(page, op.anchor, label, op.text)
            for sub, sub_label in _walk(op.subparagraphs, label):
                yield Element(page, sub.anchor, sub_label, sub.text)
        for annex in resolution.annexes:
            for block in annex.blocks:
                yield Element(page, block.anchor, f"{name}, {annex_place(annex, block)}",
                              block.text)
        yield from _notes(page, name, resolution.notes)
    for decision in report.decisions:
        page = addresses.draft_decision_page(decision.slug)
        name = f"Draft decision {decision.number}".rstrip()
        for index, text in enumerate(decision.paragraphs, start=1):
            label = f"{name}, para. {index}"
            yield Element(page, text.anchor, label, text.text)
            for sub, sub_label in _walk(text.subparagraphs, label):
                yield Element(page, sub.anchor, sub_label, sub.text)
        yield from _notes(page, name, decision.notes)


def _internal_target(report: Report, ref: Reference) -> str | None:
    paragraph, _, resolution = ref.id.partition("/")
    draft = report.find_resolution(resolution)
    if resolution and draft:
        return addresses.draft_page(draft.slug)
    number = paragraph.removeprefix("para-")
    if any(str(p.number) == number for p in report.paragraphs):
        return f"{addresses.HOME}#para-{number}"
    return None


def build_layer(report: Report) -> ReferenceLayer:
    """Phase two: find and resolve the citations of every element."""
    citations: list[Citation] = []
    unresolved: list[Citation] = []
    previous_treaty: str | None = None
    previous_page = ""
    for element in elements(report):
        is_note = element.anchor.startswith("fn-")
        if not is_note or element.page != previous_page:
            previous_treaty = None
        previous_page = element.page
        found = find_references(element.text, previous_treaty=previous_treaty if is_note else None)
        if is_note:
            treaties = [r.id for r in found if r.kind == "treaty"]
            previous_treaty = treaties[-1] if treaties else None
        for ref in found:
            target = _internal_target(report, ref) if ref.kind == "internal" else ref.url
            citation = Citation(element, ref, target)
            citations.append(citation)
            if ref.kind == "internal" and target is None:
                unresolved.append(citation)
    final = _same_item_same_body(citations)
    by_element: dict[tuple[str, str], list[Citation]] = {}
    for citation in final:
        by_element.setdefault((citation.element.page, citation.element.anchor), []).append(citation)
    return ReferenceLayer(tuple(final), tuple(unresolved),
                          {key: tuple(value) for key, value in by_element.items()})


def _same_item_same_body(citations: list[Citation]) -> list[Citation]:
    """Give an unattributed number the body it has elsewhere on the same page.

    "resolution 7/5 on promoting preventive measures" names no body, but the same
    draft cites "resolution 7/5 … of the Conference of the States Parties": within
    one draft resolution the same number is the same item.
    """
    known: dict[tuple[str, str], set[str]] = {}
    for citation in citations:
        ref = citation.reference
        if ref.kind.endswith("-resolution") and ref.kind != "other-resolution":
            known.setdefault((citation.element.page, ref.id), set()).add(ref.kind)
    result = []
    for citation in citations:
        ref = citation.reference
        kinds = known.get((citation.element.page, ref.id), set())
        if ref.kind == "other-resolution" and len(kinds) == 1:
            citation = replace(citation, reference=replace(ref, kind=next(iter(kinds))))
        result.append(citation)
    return result
