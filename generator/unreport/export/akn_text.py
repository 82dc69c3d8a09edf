"""Akoma Ntoso building blocks: namespaced elements, running text with notes and refs.

``akn.py`` builds the document from the model with these helpers and
``akn_meta.py`` its metadata; nothing here knows about reports. Elements are
built with the standard library's ElementTree, never by joining strings, so
every text is escaped by the serializer and the output is well-formed.

Running text is the delicate part: the text of a paragraph or a note must come
out character for character as the model (and the JSON) has it, with the
footnote marks (``authorialNote``) and citations (``ref``) placed inside it.
So text is only ever appended, pretty-printing never adds whitespace inside a
``p`` or another inline container, and characters XML 1.0 cannot carry are the
only ones replaced.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
"""The Akoma Ntoso 3.0 namespace (OASIS LegalDocML)."""

# Characters XML 1.0 forbids (the source check lets vertical tab and form feed through).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Elements whose content is text: pretty-printing never adds whitespace inside them.
_INLINE_CONTAINERS = frozenset({
    "p", "num", "heading", "docTitle", "docNumber", "docType", "docDate", "docProponent",
    "docAuthority", "session", "inline", "person", "ref", "authorialNote", "note",
})


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold replaced by a space."""
    if text.isprintable():  # none of them is printable: most texts need no scan
        return text
    return _NOT_XML.sub(" ", text)


def node(tag: str, text: str | None = None, **attributes: str | None) -> ET.Element:
    """A new element (in the Akoma Ntoso namespace once serialized); ``class_`` is ``class``."""
    element = ET.Element(tag, {key.rstrip("_"): xml_text(value)
                          for key, value in attributes.items() if value is not None})
    if text is not None:
        element.text = xml_text(text)
    return element


def child(parent: ET.Element, tag: str, text: str | None = None,
          **attributes: str | None) -> ET.Element:
    """A new element appended to ``parent``."""
    element = node(tag, text, **attributes)
    parent.append(element)
    return element


def title_lines(preface: ET.Element, doc_type: str, number: str, title: str | None) -> None:
    """A text's heading lines in its ``preface``: ``docType`` and ``docNumber`` ("Draft
    resolution V", "Annex II"), then ``docTitle`` unless ``title`` is None."""
    heading = child(preface, "p")
    child(heading, "docType", doc_type)
    if number:
        heading[-1].tail = " "
        child(heading, "docNumber", number)
    if title is not None:
        child(child(preface, "p"), "docTitle", title)


def append_text(parent: ET.Element, text: str) -> None:
    """Append ``text`` where it reads next: after the last child, or as the text."""
    if not text:
        return
    text = xml_text(text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


@dataclass(frozen=True)
class Span:
    """A stretch of a text that becomes an element of its own (a citation)."""

    start: int
    """Offset where it starts."""
    end: int
    """Offset just past it."""
    href: str
    """Where the ``ref`` points."""


Mark = Callable[[ET.Element], None]
"""Appends whatever stands at a footnote mark (an ``authorialNote``) to the element."""


def running_text(parent: ET.Element, text: str, marks: Iterable[tuple[int, Mark]],
                 spans: Iterable[Span] = ()) -> None:
    """Append ``text`` to ``parent`` with the marks and ``ref`` spans placed at their offsets.

    A span is dropped, as on the site, when a mark falls inside it, when it
    overlaps an earlier span or when it lies outside the text: the words stay,
    unlinked. Marks outside the text are placed at its nearer end.
    """
    placed = sorted(marks, key=lambda mark: mark[0])
    offsets = {offset for offset, _ in placed}
    usable: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        inside = any(span.start < offset < span.end for offset in offsets)
        overlaps = bool(usable) and span.start < usable[-1].end
        if not inside and not overlaps and 0 <= span.start < span.end <= len(text):
            usable.append(span)
    at = {offset: min(max(offset, 0), len(text)) for offset in offsets}
    cuts = sorted({0, len(text), *at.values(), *(s.start for s in usable),
                   *(s.end for s in usable)})
    marks_at: dict[int, list[Mark]] = {}  # where each mark goes, in the order of ``placed``
    for offset, mark in placed:
        marks_at.setdefault(at[offset], []).append(mark)
    linked_at = {(s.start, s.end): s for s in usable}  # usable spans never overlap
    for mark in marks_at.get(0, ()):
        mark(parent)
    for start, end in zip(cuts, cuts[1:], strict=False):
        linked = linked_at.get((start, end))
        if linked:
            child(parent, "ref", text[start:end], href=linked.href)
        else:
            append_text(parent, text[start:end])
        for mark in marks_at.get(end, ()):
            mark(parent)


def indent(element: ET.Element, level: int = 0) -> None:
    """Indent the structure, one element a line, leaving text containers untouched."""
    if element.tag in _INLINE_CONTAINERS or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for item in element:
        indent(item, level + 1)
        item.tail = inner
    element[-1].tail = "\n" + "  " * level


def serialize(root: ET.Element) -> str:
    """The document as text: XML declaration, Akoma Ntoso as the default namespace.

    Elements are built with local names and the root declares the namespace as
    the default one (``xmlns``), so every element of the text is in it while
    attributes stay in none, as the schema wants; ElementTree's own
    ``default_namespace`` option refuses unqualified attribute names.
    """
    indent(root)
    root.set("xmlns", AKN_NS)
    try:
        body = ET.tostring(root, encoding="unicode")
    finally:
        del root.attrib["xmlns"]
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
