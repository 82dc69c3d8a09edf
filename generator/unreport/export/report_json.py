"""The JSON export: the whole model as plain data, written at the site root — a report,
or a resolution, draft or amendments document, with the same fields (``kind`` says which).

Field names are a public contract documented in the README. Texts are plain
(no Markdown, no HTML, no footnote marks); footnote references are lists of
note numbers.
"""

from __future__ import annotations

import json
from typing import Any

from unreport import addresses
from unreport.analysis import Analysis
from unreport.mandates.clauses import MandateLayer, mandate_records
from unreport.model import (
    Adoption,
    Amendment,
    Annex,
    DraftDecision,
    DraftResolution,
    Note,
    NoteRef,
    Proposal,
    Report,
    SubParagraph,
    Vote,
)
from unreport.references.layer import ReferenceLayer, natural_key


def _numbers(refs: tuple[NoteRef, ...]) -> list[int]:
    return [r.number for r in refs]


def _notes(notes: tuple[Note, ...]) -> list[dict[str, Any]]:
    """``marked``: true, false (the converter lost the mark), or "restored" (restore.py)."""
    return [{"number": n.number, "text": n.text,
             "marked": "restored" if n.restored else n.marked} for n in notes]


def _sub(sub: SubParagraph) -> dict[str, Any]:
    return {"label": sub.label, "anchor": sub.anchor, "text": sub.text,
            "footnotes": _numbers(sub.notes),
            "subparagraphs": [_sub(s) for s in sub.subparagraphs]}


def _proposal(p: Proposal) -> dict[str, Any]:
    return {
        "letter": p.letter,
        "draft_symbol": str(p.draft_symbol),
        "title": p.title,
        "draft_resolution": p.draft_resolution,
        "recommended_by": p.recommended_by,
        "recommendation": p.recommendation,
        "submitted_by": list(p.submitted_by),
        "on_behalf_of": p.on_behalf_of,
        "sponsors": {"original": list(p.sponsors.original),
                     "subsequent": list(p.sponsors.subsequent),
                     "at_meeting": list(p.sponsors.at_meeting)},
        "meetings": [{"number": m.number, "date": m.date.isoformat() if m.date else None}
                     for m in p.meetings],
        "statements": [{"speaker": s.speaker, "on_behalf_of": s.on_behalf_of,
                        "also_on_behalf_of": list(s.also_on_behalf_of), "timing": s.timing,
                        "meeting": s.meeting, "paragraph": s.paragraph} for s in p.statements],
        "adopted": p.adopted,
        "adopted_at_meeting": p.adopted_at,
        "vote": _vote(p.vote),
        "paragraphs": list(p.paragraphs),
        "outcome": p.outcome,
        "paragraph_votes": [{"anchor": v.anchor, "outcome": v.outcome, "vote": _vote(v.vote),
                             "paragraph": v.paragraph} for v in p.paragraph_votes],
        "amendments": [{"symbol": str(a.symbol), "amends": str(a.amends),
                        "proposed_by": list(a.proposed_by), "on_behalf_of": a.on_behalf_of,
                        "outcome": a.outcome, "vote": _vote(a.vote),
                        "paragraphs": list(a.paragraphs)} for a in p.amendments],
        "oral_changes": [{"kind": c.kind, "by": c.by, "meeting": c.meeting,
                          "paragraph": c.paragraph} for c in p.oral_changes],
    }


def _vote(vote: Vote | None) -> dict[str, Any] | None:
    if vote is None:
        return None
    return {"yes": vote.yes, "no": vote.no, "abstain": vote.abstain, "recorded": vote.recorded,
            "in_favour": list(vote.in_favour), "against": list(vote.against),
            "abstaining": list(vote.abstaining), "meeting": vote.meeting}


def _resolution(r: DraftResolution, layer: ReferenceLayer,
                mandates: MandateLayer) -> dict[str, Any]:
    page = addresses.draft_page(r.slug)
    cited = {c.reference.id for c in layer.on_page(page) if c.reference.kind == "ga-resolution"}
    return {
        "number": r.number,
        "title": r.title,
        "page": r.page,
        "parts": [{"label": part.label, "title": part.title, "anchor": part.anchor}
                  for part in r.parts],
        "preambular": [{"number": p.number, "anchor": p.anchor, "text": p.text,
                        "footnotes": _numbers(p.notes), "part": p.part} for p in r.preambular],
        "operative": [{"number": o.number, "printed": o.printed, "anchor": o.anchor,
                       "text": o.text, "footnotes": _numbers(o.notes),
                       "subparagraphs": [_sub(s) for s in o.subparagraphs], "part": o.part,
                       **_mandate_fields(mandates, r, o.anchor)}
                      for o in r.operative],
        "annexes": [_annex(a) for a in r.annexes],
        "footnotes": _notes(r.notes),
        "cited_ga_resolutions": sorted(cited, key=natural_key),
    }


def _decision(d: DraftDecision) -> dict[str, Any]:
    return {
        "number": d.number,
        "title": d.title,
        "page": d.page,
        "paragraphs": [{"number": p.number, "printed": p.printed, "anchor": p.anchor,
                        "text": p.text, "footnotes": _numbers(p.notes),
                        "subparagraphs": [_sub(s) for s in p.subparagraphs]}
                       for p in d.paragraphs],
        "footnotes": _notes(d.notes),
    }


def _annex(annex: Annex) -> dict[str, Any]:
    return {"number": annex.number, "anchor": annex.anchor, "title": annex.title,
            "blocks": [{"kind": b.kind, "label": b.label, "anchor": b.anchor, "text": b.text,
                        "footnotes": _numbers(b.notes)} for b in annex.blocks]}


def _adoption(adoption: Adoption | None) -> dict[str, Any] | None:
    if adoption is None:
        return None
    return {"date": adoption.date.isoformat() if adoption.date else None,
            "basis": adoption.basis, "committee": adoption.committee,
            "report": str(adoption.report) if adoption.report else None,
            "report_paragraph": adoption.report_paragraph, "meeting": adoption.meeting}


def _amendment(amendment: Amendment) -> dict[str, Any]:
    return {"number": amendment.number, "anchor": amendment.anchor, "action": amendment.action,
            "target": amendment.target, "text": amendment.text,
            "footnotes": _numbers(amendment.notes)}


def _mandate_fields(mandates: MandateLayer, r: DraftResolution, anchor: str) -> dict[str, Any]:
    """``verb``, ``kind``, ``addressees``, ``actions``, ``report`` of an operative paragraph."""
    mandate = mandates.at(r.page, anchor)
    return mandate.as_data() if mandate else {}


def _references(layer: ReferenceLayer) -> list[dict[str, Any]]:
    out = []
    for (kind, identifier), citations in layer.entries().items():
        places: list[dict[str, str]] = []
        for c in citations:
            place = {"page": c.element.page.removesuffix(".md") + ".html",
                     "anchor": c.element.anchor}
            if place not in places:
                places.append(place)
        out.append({"kind": kind, "id": identifier, "url": citations[0].target,
                    "cited_in": places})
    return out


def to_data(analysis: Analysis) -> dict[str, Any]:
    """The document as JSON-ready data: a report's fields, empty where a resolution, draft
    or amendments document has none (``kind`` says which it is)."""
    report, layer, mandates = analysis.report, analysis.references, analysis.mandates
    return {
        "symbol": str(report.symbol),
        "kind": report.kind,
        "date": report.date.isoformat() if report.date else None,
        "session": report.session,
        "agenda_item": report.agenda_item,
        "agenda_sub_item": report.agenda_sub_item,
        "part": report.part,
        "title": report.title,
        "committee": report.committee,
        "rapporteur": ({"name": report.rapporteur.name, "country": report.rapporteur.country}
                       if report.rapporteur else None),
        "adoption": _adoption(report.adoption),
        "sponsors": list(report.sponsors),
        "amends": str(report.amends) if report.amends else None,
        "amends_title": report.amends_title or None,
        "sections": [{"number": s.number, "title": s.title, "anchor": s.anchor,
                      "subsections": [{"letter": x.letter, "title": x.title}
                                      for x in s.subsections]} for s in report.sections],
        "paragraphs": [{"number": p.number, "anchor": p.anchor, "text": p.text,
                        "section": p.section, "subsection": p.subsection,
                        "items": [{"label": i.label, "anchor": i.anchor, "text": i.text,
                                   "footnotes": _numbers(i.notes)} for i in p.items],
                        "footnotes": _numbers(p.notes)} for p in report.paragraphs],
        "footnotes": _notes(report.notes),
        "amendments": [_amendment(a) for a in report.amendments],
        "proposals": [_proposal(p) for p in report.proposals],
        "resolutions": [_resolution(r, layer, mandates) for r in report.resolutions],
        "decisions": [_decision(d) for d in report.decisions],
        "references": _references(layer),
        "mandates": mandate_records(mandates),
    }


def to_json(analysis: Analysis) -> str:
    """The export as a JSON document (UTF-8, stable key order, trailing newline)."""
    return json.dumps(to_data(analysis), ensure_ascii=False, indent=1) + "\n"


def json_name(report: Report) -> str:
    """The JSON export's file name: ``A-77-464.json``."""
    return f"{report.symbol.slug}.json"
