"""The document as Akoma Ntoso 3.0 (OASIS LegalDocML), after AKN4UN: ``A-77-464.akn.xml``.

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
* **A draft decision** (recommended after the draft resolutions) is ``statement
  name="decision"`` (AKN4UN's Deliberative Documents class names an adopted decision
  so; a draft keeps the name, as a draft resolution keeps its own), component eId
  ``dd_II`` (``dd_DECISION`` for a report's one unnumbered decision): ``preface`` with
  ``docType``/``docNumber`` ("Draft decision II") and ``docTitle``, then ``mainBody``
  with one ``paragraph`` per paragraph of its text (no ``num``: a decision prints none)
  and its lettered items as ``point`` elements, as in a draft resolution;
  ``dd_II__para_1__list_1__point_a`` → ``draft-decisions/ii.html#para-1-a``.
* **Parts.** A resolution whose text falls into headed parts ("I. Activities of the
  Office of Internal Oversight Services", 78/247) has them in its ``mainBody`` as
  ``part`` elements (a sub-part, "A" under "VII", as a ``subpart`` inside its part)
  with ``num`` and ``heading``; each holds its preambular paragraphs, as ``hcontainer
  name="preambularParagraph"`` (a part holds hierarchical elements only), then its
  operative paragraphs. What stands before the first part stays in ``preamble`` and
  ``mainBody``. An operative paragraph printed without a number has no ``num``; a
  numbered item of a list in one has ``num`` "1.".
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
  ``dr_V__fn_6``; a part's is its anchor's (``resolution__part_ii``, a sub-part's
  ``resolution__part_vii_a``), and so is a paragraph's numbered afresh in a part
  (``resolution__part_ii__para_1`` is ``part-ii-op-1``). The site's address is
  recoverable (``site_anchor``): the component gives the page (``report`` →
  ``index.html``, ``dr_V`` → ``draft-resolutions/v.html``), ``list_N`` steps are
  dropped and the rest joined with ``-``, ``para`` in a draft resolution being ``op``:
  ``dr_V__para_12`` → ``draft-resolutions/v.html#op-12``.
* **Other documents.** An adopted resolution or a draft resolution is the same
  publication with one component, its text: ``statement name="resolution"``
  (AKN4UN's prescribed name for an adopted one, its Deliberative Documents
  class listing ``resolutionDraft`` beside it) or ``statement
  name="draftResolution"`` (the name AKN4UN's Publications chapter gives a
  draft, kept for drafts whether in a report or on their own), eId
  ``resolution`` or ``draft``, on the home page (``resolution__para_12`` →
  ``index.html#op-12``). A resolution's adoption is its ``conclusions`` and its
  annexes its ``attachments``; amendments are an ``amendment`` component:
  ``akn_documents``.
* **Metadata** — FRBR identifiers, sponsors, meetings, lifecycle: ``akn_meta``.
* **Votes** of the Committee (on a draft, on a paragraph of it, on amendments): in the
  report's metadata (``analysis/parliamentary/voting`` with its ``count`` elements) and
  as a ``blockContainer class="vote"`` in the paragraph that records each, its counts
  ``quantity`` elements and its States ``vote``/``organization`` elements: ``akn_votes``.

Statements made on a draft and the report's per-paragraph facts are in the JSON
export only.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from unreport import addresses
from unreport.analysis import Analysis
from unreport.export.akn_component import Component
from unreport.export.akn_documents import (
    AMENDMENTS,
    TEXT_EIDS,
    amendments_component,
    attachments,
    conclusions,
    masthead_line,
)
from unreport.export.akn_meta import (
    Naming,
    actor,
    draft_meta,
    editorial_notes,
    naming,
    publication_meta,
    report_meta,
)
from unreport.export.akn_text import child, node, serialize, title_lines
from unreport.export.akn_votes import vote_blocks, vote_meta, votes_taken
from unreport.model import DraftDecision, DraftResolution, Report, ReportParagraph
from unreport.references.layer import text_name
from unreport.text.numbers import ordinal
from unreport.text.parts import part_anchor, part_step, split_part, text_parts

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


def decision_eid(decision: DraftDecision) -> str:
    """eId of a draft decision's component: ``dd_II``, ``dd_DECISION`` if unnumbered."""
    return "dd_" + decision.slug.upper()


def text_eid(report: Report, resolution: DraftResolution) -> str:
    """eId of a text's component: a report's draft's (``draft_eid``), ``resolution`` for
    a resolution's own text, ``draft`` for a draft document's."""
    return TEXT_EIDS.get(report.kind) or draft_eid(resolution)


def site_anchor(eid: str) -> tuple[str, str] | None:
    """The site page and anchor an eId stands for, e.g. ``("draft-resolutions/v.html", "op-12")``.

    The text of a resolution or draft document (``resolution``, ``draft``) and the
    amendments (``amendments``) are on the home page; an annex, an annex block or an
    amendment is its anchor with ``_`` for ``-`` (``resolution__annex_ii_para_3`` →
    ``annex-ii-para-3``). None for eIds that are not paragraphs, sub-paragraphs, annexes,
    amendments or notes.
    """
    component, _, rest = eid.partition("__")
    if component == REPORT:
        page, names = addresses.page_url(addresses.HOME), {"para": "para", "fn": "fn"}
    elif component.startswith("dr_"):
        page = addresses.page_url(addresses.draft_page(component.removeprefix("dr_").lower()))
        names = {"pp": "pp", "para": "op", "fn": "fn"}
    elif component.startswith("dd_"):
        page = addresses.page_url(addresses.draft_decision_page(
            component.removeprefix("dd_").lower()))
        names = {"para": "para", "fn": "fn"}
    elif component in (*TEXT_EIDS.values(), AMENDMENTS):
        page, names = addresses.page_url(addresses.HOME), {"pp": "pp", "para": "op", "fn": "fn"}
        if rest.startswith(("annex", "amendment_")) and "__" not in rest:
            return page, rest.replace("_", "-")
    else:
        return None
    steps = [step.partition("_") for step in rest.split("__") if rest]
    within: list[str] = []  # a part's anchor, for a part and what is numbered afresh in it
    part = part_anchor("".join(steps[0])) if steps and component != REPORT else None
    if part:
        within, steps = [part], steps[1:]
        if not steps:
            return page, part
    if not steps or steps[0][0] not in names or steps[-1][0] == "list":
        return None
    values = [value for kind, _, value in steps if kind != "list"]
    if any(kind not in ("list", "point") for kind, _, _ in steps[1:]):
        return None
    return page, "-".join([*within, names[steps[0][0]], *values])


def _number(anchor: str, kind: str) -> str:
    """The number part of an anchor: ``op-12`` → ``12``, ``op-5-2`` → ``5-2``."""
    return anchor.removeprefix(f"{kind}-")


def _targets(report: Report) -> dict[str, str]:
    """The site's internal link targets (pages, report paragraphs) as local hrefs."""
    targets = {addresses.draft_page(r.slug): f"#{text_eid(report, r)}"
               for r in report.resolutions}
    targets.update({addresses.draft_decision_page(d.slug): f"#{decision_eid(d)}"
                    for d in report.decisions})
    for para in report.paragraphs:
        targets.setdefault(f"{addresses.HOME}#{para.anchor}",
                           f"#{REPORT}__para_{_number(para.anchor, 'para')}")
    return targets


def _paragraph(parent: ET.Element, part: Component, para: ReportParagraph) -> ET.Element:
    eid = part.eid(f"para_{_number(para.anchor, 'para')}")
    element = child(parent, "paragraph", eId=eid)
    child(element, "num", f"{para.number}.")
    part.points(element, para.text, para.notes, para.anchor, para.items, eid)
    return element


def _report_component(report: Report, names: Naming, part: Component) -> ET.Element:
    """The report's own text: sections, subsections, numbered paragraphs, its notes."""
    document = node("debateReport", name="committeeReport", contains="originalVersion")
    body = node("mainBody")
    placed: set[int] = set()
    taken, votes = votes_taken(report), dict[int, str]()
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
            vote_blocks(_paragraph(container, part, para), index, taken, part, votes)
    for index, para in enumerate(report.paragraphs):  # under no known section heading
        if index not in placed:
            vote_blocks(_paragraph(body, part, para), index, taken, part, votes)
    part.unplaced_notes(body, "the report's text")
    meta = report_meta(report, names, REPORT)
    vote_meta(meta, taken, REPORT, votes)
    editorial_notes(meta, part.editorial)
    document.extend([meta, body])
    return document


def _text_component(report: Report, names: Naming, resolution: DraftResolution,
                    part: Component) -> ET.Element:
    """A text — a draft resolution of the report, or a resolution's or draft document's
    own: title, formula, preambular and operative paragraphs, notes; a resolution's
    adoption (``conclusions``) and annexes (``attachments``)."""
    adopted = report.kind == "resolution"
    document = node("statement", name="resolution" if adopted else "draftResolution",
                    contains="originalVersion")
    preface = node("preface")
    title_lines(preface, "Resolution" if adopted else "Draft resolution", resolution.number,
                resolution.title)
    preamble = node("preamble")
    child(child(preamble, "formula", name="enactingFormula"), "p", FORMULA)
    body = node("mainBody")
    _parts(preamble, body, resolution, part)
    name = text_name(report, resolution)
    part.unplaced_notes(body, name[:1].lower() + name[1:])
    number = None if report.kind == "report" else resolution.number or str(report.symbol)
    meta = draft_meta(report, names, part.prefix, name, report.proposal_for(resolution.number),
                      number)
    editorial_notes(meta, part.editorial)
    annexes = attachments(report, names, resolution, part)  # their notes are the text's
    document.extend([meta, preface, preamble, body])
    document.extend(element for element in (conclusions(report), annexes)
                    if element is not None)
    return document


def _decision_component(report: Report, names: Naming, decision: DraftDecision,
                        part: Component) -> ET.Element:
    """A draft decision: its number and title, its paragraphs with their items, notes."""
    document = node("statement", name="decision", contains="originalVersion")
    preface = node("preface")
    title_lines(preface, "Draft decision", decision.number, decision.title or None)
    body = node("mainBody")
    for para in decision.paragraphs:
        eid = part.eid(f"para_{_number(para.anchor, 'para')}")
        element = child(body, "paragraph", eId=eid)
        if para.printed:
            child(element, "num", f"{para.number}.")
        part.points(element, para.text, para.notes, para.anchor, para.subparagraphs, eid)
    name = f"draft decision {decision.number}".rstrip()
    part.unplaced_notes(body, name)
    meta = draft_meta(report, names, part.prefix, name[:1].upper() + name[1:], None,
                      decision.number or decision.slug)
    editorial_notes(meta, part.editorial)
    document.extend([meta, preface, body])
    return document


def _parts(preamble: ET.Element, body: ET.Element, resolution: DraftResolution,
           component: Component) -> None:
    """A text's paragraphs: those before its first part (all of a text without parts) in
    the preamble and the main body; then each part (a sub-part inside its part) in the
    main body, with its number and heading, its preambular paragraphs (``hcontainer
    name="preambularParagraph"``, since a part holds hierarchical elements only) and
    its operative paragraphs."""
    placed: dict[str, ET.Element] = {}
    for group in text_parts(resolution):
        if group.part is None:
            for pp in group.preambular:
                container = child(preamble, "container", name="preambularParagraph",
                                  eId=component.eid(_pp_step(pp.anchor)))
                component.text(container, pp.text, pp.notes, pp.anchor)
            parent = body
        else:
            outer = placed.get(group.parent or "", body)
            parent = child(outer, "subpart" if group.parent else "part",
                           eId=component.eid(part_step(group.part.anchor)))
            placed[group.part.anchor] = parent
            child(parent, "num", group.part.label)  # as printed: II, Section 29A
            child(parent, "heading", group.part.title)
            for pp in group.preambular:
                container = child(parent, "hcontainer", name="preambularParagraph",
                                  eId=component.eid(_pp_step(pp.anchor)))
                component.text(child(container, "content"), pp.text, pp.notes, pp.anchor)
        for op in group.operative:
            eid = component.eid(*_op_steps(op.anchor))
            element = child(parent, "paragraph", eId=eid)
            if op.printed:  # one printed without a number has none here either
                child(element, "num", f"{op.number}.")
            component.points(element, op.text, op.notes, op.anchor, op.subparagraphs, eid)


def _pp_step(anchor: str) -> str:
    """``pp-3`` → ``pp_3``."""
    return f"pp_{_number(anchor, 'pp')}"


def _op_steps(anchor: str) -> list[str]:
    """An operative paragraph's eId steps from its anchor: ``op-12`` → ``para_12``; one
    numbered afresh in a part, ``part-ii-op-1`` → ``part_ii``, ``para_1``."""
    part, own = split_part(anchor)
    steps = [part_step(part)] if part else []
    return [*steps, f"para_{_number(own, 'op')}"]


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
    if report.kind != "report":
        masthead_line(report, preface)
        return preface
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
    """The whole document as one Akoma Ntoso document (UTF-8 text, XML declaration first):
    a report's text and drafts, a resolution's or draft's text, or the amendments."""
    report, layer = analysis.report, analysis.references
    names = naming(report)
    targets = _targets(report)
    root = node("akomaNtoso")
    collection = child(root, "documentCollection", name="publication",
                       contains="originalVersion")
    collection.append(publication_meta(report, names, list(analysis.meetings)))
    collection.append(_masthead(report))
    body = child(collection, "collectionBody")
    if report.kind == "report":
        part = Component(REPORT, addresses.HOME, report.notes, layer, targets)
        child(body, "component", eId=REPORT).append(_report_component(report, names, part))
    elif report.kind == "amendments":
        part = Component(AMENDMENTS, addresses.HOME, report.notes, layer, targets)
        child(body, "component", eId=AMENDMENTS).append(
            amendments_component(report, names, part))
    for resolution in report.resolutions:
        part = Component(text_eid(report, resolution), addresses.draft_page(resolution.slug),
                         resolution.notes, layer, targets)
        component = child(body, "component", eId=part.prefix)
        component.append(_text_component(report, names, resolution, part))
    for decision in report.decisions if report.kind == "report" else ():
        part = Component(decision_eid(decision), addresses.draft_decision_page(decision.slug),
                         decision.notes, layer, targets)
        component = child(body, "component", eId=part.prefix)
        component.append(_decision_component(report, names, decision, part))
    return serialize(root)


def akn_files(analysis: Analysis) -> dict[str, str]:
    """``{file name: text}`` of the Akoma Ntoso export."""
    return {akn_name(analysis.report): to_akn(analysis)}

