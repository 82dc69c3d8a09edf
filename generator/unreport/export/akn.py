"""The report as Akoma Ntoso 3.0 (OASIS LegalDocML), after AKN4UN: ``A-77-464.akn.xml``.

Choices, and where they come from (AKN4UN is the UN system's "Akoma Ntoso for
the United Nations System" guidelines, unsceb-hlcm.github.io):

* **Container.** AKN4UN models every UN document "as it appears to the readers"
  as a ``documentCollection`` whose components are its logical documents
  (Publications class, subclass ``publication``), so that a resolution keeps
  one identity through the documents it passes through ("Lifecycle of a
  resolution": draft, *in the body of a committee report*). So the report is
  ``documentCollection name="publication"`` with the masthead in ``preface``
  and one ``component`` per logical document in ``collectionBody``, embedded
  (AKN4UN's option 1): first the report's own text, then each draft resolution.
* **The report's text** is ``debateReport name="committeeReport"`` (Meeting
  Reports class, subtype ``report``: summaries of a body's meetings that "may
  also contain full text of resolutions … proposed … recommended actions"):
  ``section`` (I., II., III.) and ``subsection`` (A., B.…) with ``num`` and
  ``heading``, numbered ``paragraph`` elements, lettered items as ``point``.
* **A draft resolution** is ``statement name="draftResolution"`` (Deliberative
  Documents class, subtype ``deliberation``; the name is the one AKN4UN's
  Publications chapter gives a draft, an adopted one being ``resolution``), laid
  out as AKN4UN's "Modelling of GA Resolutions": ``preface`` with
  ``docType``/``docNumber`` ("Draft resolution V") and ``docTitle``;
  ``preamble`` with the enacting formula (``formula name="enactingFormula"``:
  "The General Assembly,") and one ``container name="preambularParagraph"``
  per preambular paragraph;
  ``mainBody`` with one ``paragraph`` per operative paragraph, ``num`` "12.".
  An operative paragraph with sub-paragraphs holds a ``list`` whose ``intro``
  is its own text and whose ``point`` elements (``num`` "(a)") are the
  sub-paragraphs, nested the same way for (i), (ii)… — AKN4UN's example of
  ``paragraph/list/intro`` and ``point/list/point``.
* **Footnotes** are ``authorialNote`` (notes of the document's author, not
  ``note``, which is for editors) placed at their mark, ``marker`` the printed
  number and ``placement="bottom"``. A second mark of the same note is a
  ``noteRef`` to it. A note whose mark the conversion lost cannot stand at its
  mark, so it stands at the end of its document, in a ``blockContainer
  class="notesWithoutMark"`` with ``placementBase`` naming the document and
  ``class="markLost"``, and an editorial ``note`` in ``meta/notes`` (referred
  to by a ``noteRef`` beside it) says so. A mark restored by unreport
  (``marked: "restored"``) is placed like any other, with an editorial note.
* **Citations** of resolutions and documents are ``ref`` elements around the
  cited number or symbol, with the same target the site links to (the official
  ``undocs.org`` address). Pointers inside the report ("see para. 31, draft
  resolution I") point at the element here (``#dr_I``). Items the site does not
  link (no stable address) stay plain text, as on the site.
* **eIds** follow the naming convention's ``{type}_{number}`` joined by
  ``__``, every eId of a component starting with the component's own:
  ``report__para_19``, ``report__para_3__list_1__point_a``, ``dr_V__pp_2``,
  ``dr_V__para_12``, ``dr_VI__para_6__list_1__point_a__list_1__point_i``,
  ``dr_V__fn_6``. The site's address is recoverable (``site_anchor``): the
  component gives the page (``report`` → ``index.html``, ``dr_V`` →
  ``draft-resolutions/v.html``), ``list_N`` steps are dropped and the rest
  joined with ``-``, ``para`` in a draft resolution being ``op``:
  ``dr_V__para_12`` → ``draft-resolutions/v.html#op-12``.
* **Metadata** — FRBR identifiers, sponsors, meetings, lifecycle: ``akn_meta``.

Statements made on a draft and the report's per-paragraph facts are in the JSON
export only.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from unreport import addresses
from unreport.analysis import Analysis
from unreport.export.akn_meta import (
    Naming,
    actor,
    draft_meta,
    editorial_notes,
    naming,
    publication_meta,
    report_meta,
)
from unreport.export.akn_text import Mark, Span, child, node, running_text, serialize
from unreport.model import DraftResolution, Note, NoteRef, Report, ReportParagraph, SubParagraph
from unreport.references.layer import ReferenceLayer
from unreport.text.numbers import ordinal

REPORT = "report"
"""eId of the report's own text (and first part of each of its eIds)."""
FORMULA = "The General Assembly,"
"""The enacting formula every draft resolution of the Assembly opens with."""


def akn_name(report: Report) -> str:
    """File name at the site root: ``A-77-464.akn.xml``."""
    return f"{report.symbol.slug}.akn.xml"


def draft_eid(resolution: DraftResolution) -> str:
    """eId of a draft resolution's component: ``dr_V`` (``dr_V-2`` for a repeated number)."""
    return "dr_" + resolution.slug.upper()


def site_anchor(eid: str) -> tuple[str, str] | None:
    """The site page and anchor an eId stands for, e.g. ``("draft-resolutions/v.html", "op-12")``.

    None for eIds that are not paragraphs, sub-paragraphs or notes.
    """
    component, _, rest = eid.partition("__")
    if component == REPORT:
        page, names = addresses.page_url(addresses.HOME), {"para": "para", "fn": "fn"}
    elif component.startswith("dr_"):
        page = addresses.page_url(addresses.draft_page(component.removeprefix("dr_").lower()))
        names = {"pp": "pp", "para": "op", "fn": "fn"}
    else:
        return None
    steps = [step.partition("_") for step in rest.split("__") if rest]
    if not steps or steps[0][0] not in names or steps[-1][0] == "list":
        return None
    values = [value for kind, _, value in steps if kind != "list"]
    if any(kind not in ("list", "point") for kind, _, _ in steps[1:]):
        return None
    return page, "-".join([names[steps[0][0]], *values])


@dataclass
class _Component:
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
        p = child(parent, "p")
        spans = [Span(c.reference.start, c.reference.end, self.href(c.target))
                 for c in self.layer.in_element(self.page, anchor) if c.target]
        running_text(p, text, [(m.offset, self.mark(m.number)) for m in marks], spans)

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
            child(point, "num", f"({sub.label})")
            self.points(point, sub.text, sub.notes, sub.anchor, sub.subparagraphs, point_eid)


def _mark_state(note: Note) -> str:
    """``marked``, ``lost`` or ``restored``."""
    return note.state


def _number(anchor: str, kind: str) -> str:
    """The number part of an anchor: ``op-12`` → ``12``, ``op-5-2`` → ``5-2``."""
    return anchor.removeprefix(f"{kind}-")


def _targets(report: Report) -> dict[str, str]:
    """The site's internal link targets (pages, report paragraphs) as local hrefs."""
    targets = {addresses.draft_page(r.slug): f"#{draft_eid(r)}" for r in report.resolutions}
    for para in report.paragraphs:
        targets.setdefault(f"{addresses.HOME}#{para.anchor}",
                           f"#{REPORT}__para_{_number(para.anchor, 'para')}")
    return targets


def _paragraph(parent: ET.Element, part: _Component, para: ReportParagraph) -> None:
    eid = part.eid(f"para_{_number(para.anchor, 'para')}")
    element = child(parent, "paragraph", eId=eid)
    child(element, "num", f"{para.number}.")
    part.points(element, para.text, para.notes, para.anchor, para.items, eid)


def _report_component(report: Report, names: Naming, part: _Component) -> ET.Element:
    """The report's own text: sections, subsections, numbered paragraphs, its notes."""
    document = node("debateReport", name="committeeReport", contains="originalVersion")
    body = node("mainBody")
    placed: set[int] = set()
    for section in report.sections:
        sec_eid = part.eid(f"sec_{section.number}")
        sec = child(body, "section", eId=sec_eid)
        child(sec, "num", f"{section.number}.")
        child(sec, "heading", section.title)
        container, letter = sec, None
        for index, para in enumerate(report.paragraphs):
            if para.section != section.number or index in placed:
                continue
            placed.add(index)
            if para.subsection != letter:
                letter = para.subsection
                container = sec
                if letter is not None:
                    container = child(sec, "subsection",
                                      eId=part.eid(sec_eid.split("__", 1)[1], f"subsec_{letter}"))
                    child(container, "num", f"{letter}.")
                    title = next((s.title for s in section.subsections if s.letter == letter),
                                 None)
                    if title is not None:
                        child(container, "heading", title)
            _paragraph(container, part, para)
    for index, para in enumerate(report.paragraphs):  # under no known section heading
        if index not in placed:
            _paragraph(body, part, para)
    part.unplaced_notes(body, "the report's text")
    meta = report_meta(report, names, REPORT)
    editorial_notes(meta, part.editorial)
    document.extend([meta, body])
    return document


def _draft_component(report: Report, names: Naming, resolution: DraftResolution,
                     part: _Component) -> ET.Element:
    """A draft resolution: title, formula, preambular and operative paragraphs, notes."""
    document = node("statement", name="draftResolution", contains="originalVersion")
    preface = node("preface")
    heading = child(preface, "p")
    child(heading, "docType", "Draft resolution")
    heading[-1].tail = " "
    child(heading, "docNumber", resolution.number)
    child(child(preface, "p"), "docTitle", resolution.title)
    preamble = node("preamble")
    child(child(preamble, "formula", name="enactingFormula"), "p", FORMULA)
    for pp in resolution.preambular:
        container = child(preamble, "container", name="preambularParagraph",
                          eId=part.eid(f"pp_{_number(pp.anchor, 'pp')}"))
        part.text(container, pp.text, pp.notes, pp.anchor)
    body = node("mainBody")
    for op in resolution.operative:
        eid = part.eid(f"para_{_number(op.anchor, 'op')}")
        element = child(body, "paragraph", eId=eid)
        child(element, "num", f"{op.number}.")
        part.points(element, op.text, op.notes, op.anchor, op.subparagraphs, eid)
    part.unplaced_notes(body, f"draft resolution {resolution.number}")
    meta = draft_meta(report, names, part.prefix, f"Draft resolution {resolution.number}",
                      report.proposal_for(resolution.number))
    editorial_notes(meta, part.editorial)
    document.extend([meta, preface, preamble, body])
    return document


def _masthead(report: Report) -> ET.Element:
    """``preface`` of the publication: symbol, date, session, item, title, rapporteur."""
    preface = node("preface")
    child(child(preface, "p"), "docNumber", str(report.symbol))
    if report.date:
        child(child(preface, "p"), "docDate", f"{report.date.day} {report.date:%B %Y}",
              date=report.date.isoformat())
    if report.session:
        child(child(preface, "p"), "session", f"{ordinal(report.session)} session",
              value=str(report.session))
    if report.agenda_item:
        child(child(preface, "p"), "inline", f"Agenda item {report.agenda_item}",
              name="agendaItem")
    child(child(preface, "p"), "docTitle", report.title)
    kind = child(preface, "p")
    child(kind, "docType", "Report")
    kind[-1].tail = " of the "
    child(kind, "docProponent", report.committee, refersTo=f"#{actor(report.committee)}")
    if report.rapporteur:
        line = child(preface, "p", "Rapporteur: ")
        child(line, "person", report.rapporteur.name, refersTo="#rapporteur",
              **{"as": "#rapporteurRole"})
        line[-1].tail = f" ({report.rapporteur.country})"
    return preface


def to_akn(analysis: Analysis) -> str:
    """The whole report as one Akoma Ntoso document (UTF-8 text, XML declaration first)."""
    report, layer = analysis.report, analysis.references
    names = naming(report)
    targets = _targets(report)
    root = node("akomaNtoso")
    collection = child(root, "documentCollection", name="publication",
                       contains="originalVersion")
    collection.append(publication_meta(report, names, list(analysis.meetings)))
    collection.append(_masthead(report))
    body = child(collection, "collectionBody")
    part = _Component(REPORT, addresses.HOME, report.notes, layer, targets)
    child(body, "component", eId=REPORT).append(_report_component(report, names, part))
    for resolution in report.resolutions:
        part = _Component(draft_eid(resolution), addresses.draft_page(resolution.slug),
                          resolution.notes, layer, targets)
        component = child(body, "component", eId=part.prefix)
        component.append(_draft_component(report, names, resolution, part))
    return serialize(root)


def akn_files(analysis: Analysis) -> dict[str, str]:
    """``{file name: text}`` of the Akoma Ntoso export."""
    return {akn_name(analysis.report): to_akn(analysis)}

