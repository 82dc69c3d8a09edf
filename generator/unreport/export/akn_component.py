"""One component of an Akoma Ntoso document being built: its eIds, its notes placed at
their marks (``authorialNote``; ``noteRef`` for a repeated mark; the notes whose mark
was lost at its end, with an editorial note), its citations as ``ref`` elements.

``akn.py`` (a report, its drafts, a resolution's or draft's text) and
``akn_documents.py`` (annexes, amendments) build their elements with it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from unreport.export.akn_text import Mark, Span, child, running_text
from unreport.model import Note, NoteRef, SubParagraph
from unreport.references.layer import ReferenceLayer
from unreport.text.parts import printed_label


@dataclass
class Component:
    """What building one component's text needs: its notes, citations and used eIds."""

    prefix: str
    """The component's eId."""
    page: str
    """Its page in the reference layer (``draft-resolutions/v.md``)."""
    notes: tuple[Note, ...]
    """Its footnotes, in order."""
    layer: ReferenceLayer
    """Citations of the whole report."""
    targets: dict[str, str]
    """Internal link targets of the site → local hrefs."""
    placed: dict[int, str] = field(default_factory=dict)
    """Notes already placed (by position in ``notes``) and the eId each was given."""
    editorial: list[tuple[str, str]] = field(default_factory=list)
    """unreport's own notes: (eId, text)."""
    used: set[str] = field(default_factory=set)
    """eIds given so far."""

    def eid(self, *steps: str) -> str:
        """A new eId under the component, unique in it (``-2`` added to a repeat)."""
        base = "__".join([self.prefix, *steps])
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate

    def text(self, parent: ET.Element, text: str, marks: tuple[NoteRef, ...],
             anchor: str) -> None:
        """``p`` of an element: its text with notes at their marks and citations as refs."""
        self.inline(child(parent, "p"), text, marks, anchor)

    def inline(self, element: ET.Element, text: str, marks: tuple[NoteRef, ...],
               anchor: str) -> None:
        """``text`` as the content of ``element`` (a ``p``, a ``heading``), notes at their
        marks and citations as refs."""
        spans = [Span(c.reference.start, c.reference.end, self.href(c.target))
                 for c in self.layer.in_element(self.page, anchor) if c.target]
        running_text(element, text, [(m.offset, self.mark(m.number)) for m in marks], spans)

    def href(self, target: str) -> str:
        """A site target as an href here: URLs as they are, the site's own pages as eIds."""
        if "://" in target:
            return target
        if target in self.targets:
            return self.targets[target]
        path, _, anchor = target.partition("#")
        return path.removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")

    def mark(self, number: int) -> Mark:
        """What stands at a mark of note ``number``."""
        def place(parent: ET.Element) -> None:
            index = next((i for i, n in enumerate(self.notes) if n.number == number), None)
            if index is None:  # a mark without a note: keep the mark, with its number
                child(parent, "marker", name="footnoteMark", class_="noteMissing",
                      title=str(number))
            elif index in self.placed:
                child(parent, "noteRef", href=f"#{self.placed[index]}", marker=str(number),
                      placement="bottom", class_="repeatedMark")
            else:
                note = self.notes[index]
                restored = _mark_state(note) == "restored"
                self.note(parent, index, "markRestored" if restored else None)
                if restored:
                    self.explain(parent, note, f"The mark of note {note.number} was lost in "
                                 "the conversion of the report and restored here by unreport.")
        return place

    def note(self, parent: ET.Element, index: int, kind: str | None,
             base: str | None = None) -> None:
        """The note itself, as an ``authorialNote`` with its own text and citations."""
        note = self.notes[index]
        eid = self.eid(f"fn_{note.number}")
        self.placed[index] = eid
        element = child(parent, "authorialNote", eId=eid, marker=str(note.number),
                        placement="bottom", placementBase=base, class_=kind)
        self.text(element, note.text, (), f"fn-{note.number}")

    def explain(self, parent: ET.Element, note: Note, text: str) -> None:
        """An editorial note about ``note``, referred to from ``parent``."""
        eid = self.eid(f"enote_fn_{note.number}")
        self.editorial.append((eid, text))
        child(parent, "noteRef", href=f"#{eid}", class_="editorial")

    def unplaced_notes(self, body: ET.Element, where: str) -> None:
        """Notes without a mark, at the end of ``body``, each saying why it is there."""
        left = [i for i in range(len(self.notes)) if i not in self.placed]
        if not left:
            return
        block = child(body, "blockContainer", eId=self.eid("notesWithoutMark"),
                      class_="notesWithoutMark")
        for index in left:
            note = self.notes[index]
            p = child(block, "p")
            self.note(p, index, "markLost", base=f"#{self.prefix}")
            self.explain(p, note, f"No mark for note {note.number} survives in the report's "
                         f"text (the conversion lost it); the note is placed at the end of "
                         f"{where}.")

    def points(self, parent: ET.Element, intro: str, marks: tuple[NoteRef, ...], anchor: str,
               subs: tuple[SubParagraph, ...], eid: str) -> None:
        """Text then sub-paragraphs: ``list`` with the text as ``intro``, a ``point`` each."""
        if not subs:
            self.text(child(parent, "content"), intro, marks, anchor)
            return
        steps = eid.split("__")[1:]
        listing = child(parent, "list", eId=self.eid(*steps, "list_1"))
        if intro or marks:
            self.text(child(listing, "intro"), intro, marks, anchor)
        for sub in subs:
            point_eid = self.eid(*steps, "list_1", f"point_{sub.label}")
            point = child(listing, "point", eId=point_eid)
            child(point, "num", printed_label(sub.label))
            self.points(point, sub.text, sub.notes, sub.anchor, sub.subparagraphs, point_eid)


def _mark_state(note: Note) -> str:
    """``marked``, ``lost`` or ``restored``."""
    return note.state
