"""Akoma Ntoso for what only a resolution, a draft or a document of amendments has.

* **The masthead's line** saying what the document is: "Resolution adopted by the
  General Assembly on …" and the bracketed basis ("[on the report of the Third
  Committee (A/78/482, para. 29)]", the symbol a ``ref``), as AKN4UN's example
  of A/RES/71/4 marks it up; "Italy: draft resolution" with each sponsor a
  ``docProponent``; the amendments' "…: amendment to A/C.3/80/L.3/Rev.1".
* **A resolution's adoption** at the end of its text: ``conclusions`` with the
  plenary meeting and the date (AKN4UN "Modelling of GA Resolutions").
* **Annexes** as ``attachments``, one ``attachment`` each holding a ``doc
  name="annex"`` with its own ``meta`` (its Work is the resolution's, with the
  annex's part name: ``…/!main/resolution/annex_ii``, as AKN4UN names an
  annex), a ``preface`` (``docType`` Annex, ``docNumber`` II, ``docTitle``) and a
  ``mainBody``: a numbered paragraph is a ``paragraph``, a lettered item a
  ``point``, a heading an ``hcontainer name="heading"``, other text a
  ``blockContainer class="annexText"``.
* **Amendments** as one ``amendment`` component: an ``amendmentHeading`` naming
  the amended draft (a ``ref`` to it) and its title (``docTitle``), then in ``amendmentContent`` one
  ``blockContainer`` per amendment with its ``num`` and text, its action
  (insert, delete…) as its ``class``.

An annex block's or an amendment's eId is the component's, ``__``, then its
site anchor with ``_`` for ``-`` (``resolution__annex_ii_para_3_b``,
``amendments__amendment_1``), so the site's address follows from it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from unreport.export.akn_component import Component
from unreport.export.akn_meta import (
    Author,
    Naming,
    author,
    draft_meta,
    editorial_notes,
    identification,
)
from unreport.export.akn_text import Span, child, node, running_text, title_lines
from unreport.model import Annex, DraftResolution, Report
from unreport.text.dates import long_date
from unreport.text.numbers import ordinal
from unreport.text.parts import printed_label

TEXT_EIDS = {"resolution": "resolution", "draft": "draft"}
"""eId of the component holding the text of a resolution or a draft document."""
AMENDMENTS = "amendments"
"""eId of the component holding a document's amendments."""


def anchor_step(anchor: str) -> str:
    """A site anchor as an eId step: ``annex-ii-para-3`` → ``annex_ii_para_3``."""
    return anchor.replace("-", "_")


def masthead_line(report: Report, preface: ET.Element) -> None:
    """Add to the publication's ``preface`` the lines saying what the document is."""
    line = child(preface, "p")
    if report.kind == "resolution":
        child(line, "docType", "Resolution adopted by the General Assembly")
        adoption = report.adoption
        if adoption and adoption.date:
            line[-1].tail = " on "
            child(line, "docDate", long_date(adoption.date), date=adoption.date.isoformat())
        if adoption and adoption.basis:
            spans = []
            if adoption.report and str(adoption.report) in adoption.basis:
                start = adoption.basis.index(str(adoption.report)) + 1
                spans.append(Span(start, start + len(str(adoption.report)), adoption.report.url))
            running_text(child(preface, "p"), f"[{adoption.basis}]", [], spans)
        return
    for index, name in enumerate(report.sponsors):
        if index:
            line[-1].tail = ", "
        child(line, "docProponent", name)
    if report.sponsors:
        line[-1].tail = ": "
    child(line, "docType", "draft resolution" if report.kind == "draft" else "amendment")
    if report.amends:
        line[-1].tail = " to "
        child(line, "ref", str(report.amends), href=report.amends.url)


def conclusions(report: Report) -> ET.Element | None:
    """A resolution's end: the plenary meeting and the date it was adopted, if known."""
    adoption = report.adoption
    if adoption is None or (adoption.meeting is None and adoption.date is None):
        return None
    element = node("conclusions")
    if adoption.meeting:
        child(element, "p", f"{ordinal(adoption.meeting)} plenary meeting")
    if adoption.date:
        child(child(element, "p"), "docDate", long_date(adoption.date),
              date=adoption.date.isoformat())
    return element


def attachments(report: Report, names: Naming, resolution: DraftResolution,
                part: Component) -> ET.Element | None:
    """A resolution's annexes, one ``attachment`` each; None when it has none."""
    if not resolution.annexes:
        return None
    element = node("attachments")
    for annex in resolution.annexes:
        attachment = child(element, "attachment", eId=part.eid(anchor_step(annex.anchor)))
        attachment.append(_annex(report, names, annex, part))
    return element


def _annex(report: Report, names: Naming, annex: Annex, part: Component) -> ET.Element:
    """One annex as a ``doc``: its identification, its heading and title, its blocks."""
    shown = f"Annex {annex.number}" if annex.number else "Annex"
    body_actor, _ = author(report)
    document = node("doc", name="annex")
    meta = child(document, "meta")
    meta.append(identification(names, f"{part.prefix}/{anchor_step(annex.anchor)}", "annex",
                               annex.number or "annex", shown,
                               [Author(f"#{part.prefix}__{body_actor}",
                                       f"#{part.prefix}__author")]))
    title_lines(child(document, "preface"), "Annex", annex.number, annex.title or None)
    body = child(document, "mainBody")
    for block in annex.blocks:
        eid = part.eid(anchor_step(block.anchor))
        if block.kind == "heading":
            element = child(body, "hcontainer", eId=eid, name="heading")
            if block.label:
                child(element, "num", f"{block.label}.")
            part.inline(child(element, "heading"), block.text, block.notes, block.anchor)
            continue
        if block.kind == "paragraph":
            element = child(body, "paragraph", eId=eid)
            if block.label:
                child(element, "num", f"{block.label}.")
        elif block.kind == "item":
            element = child(body, "point", eId=eid)
            if block.label:
                child(element, "num", printed_label(block.label))
        else:
            element = child(body, "blockContainer", eId=eid, class_="annexText")
            part.text(element, block.text, block.notes, block.anchor)
            continue
        part.text(child(element, "content"), block.text, block.notes, block.anchor)
    if not annex.blocks:  # a main body needs content: an annex the parser found empty
        child(body, "p")
    return document


def amendments_component(report: Report, names: Naming, part: Component) -> ET.Element:
    """A document's amendments: the amended draft, then each amendment with its number,
    its text (notes at their marks) and its action."""
    document = node("amendment", name="amendments", contains="originalVersion")
    body = node("amendmentBody")
    if report.amends:
        heading = child(body, "amendmentHeading")
        line = child(heading, "p", "Amendments to ")
        child(line, "ref", str(report.amends), href=report.amends.url)
        if report.amends_title:  # the amended draft's title, as the masthead gives it
            child(child(heading, "p"), "docTitle", report.amends_title)
    content = child(body, "amendmentContent")
    for amendment in report.amendments:
        block = child(content, "blockContainer", eId=part.eid(anchor_step(amendment.anchor)),
                      class_=amendment.action)
        child(block, "num", f"{amendment.number}.")
        part.text(block, amendment.text, amendment.notes, amendment.anchor)
    if not report.amendments:
        child(content, "p")
    part.unplaced_notes(content, "the amendments")
    meta = draft_meta(report, names, part.prefix, f"Amendments {report.symbol}", None,
                      number=str(report.symbol), subtype="amendment")
    editorial_notes(meta, part.editorial)
    document.extend([meta, body])
    return document
