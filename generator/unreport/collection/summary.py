"""What a collection needs to know of one document, written beside its built pages.

A document's build (``document_build.py``) writes, inside the document's folder,
``.unreport-document.json``: its symbol, kind, session, committee and agenda item,
its texts (a report's draft resolutions, a resolution's own text) with their titles,
every anchor of every page, and every citation it makes of another document, with
the paragraph the citation names where it names one ("A/78/482, para. 29",
"paragraph 5 of its resolution 77/237"). The collection step (``links.py``,
``compose.py``) reads only these files and the built pages — never a source — so
documents built on other machines merge like documents built here.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from unreport import addresses
from unreport.analysis import Analysis
from unreport.model import Operative, Preambular, all_subparagraphs
from unreport.references.layer import elements, text_name
from unreport.text.symbols import DocumentSymbol
from unreport.versions.align import Paragraph, paragraphs_of

SUMMARY_NAME = ".unreport-document.json"
"""The summary's file name, inside the document's folder."""

FORMAT = 3
"""Version of the summary's format; a folder with another is built again."""

_UNDOCS = "https://undocs.org/en/"

_PARA_AFTER = re.compile(r"\A,?\s+(?:paras?\.|paragraphs?)\s+(\d{1,3})\b")
_PARA_BEFORE = re.compile(
    r"\b(?:operative\s+)?(?:paragraph|para\.)\s+(\d{1,3})(?:\s*\([a-z]{1,4}\))?\s+of\s+"
    r"(?:its\s+|General\s+Assembly\s+|the\s+)?(?:resolution|decision|document|report)?\s*\Z")


def named_paragraph(before: str, after: str) -> int | None:
    """The paragraph a citation names, from the plain text just before and after it:
    ``A/78/482, para. 29`` → 29; ``paragraph 5 of its resolution 77/237`` → 5."""
    found = _PARA_AFTER.match(after) or _PARA_BEFORE.search(before[-80:])
    return int(found.group(1)) if found else None


def cited_symbol(url: str | None) -> str | None:
    """The document a citation's official link names (``A/RES/77/237``), or None."""
    if not url or not url.startswith(_UNDOCS):
        return None
    return url.removeprefix(_UNDOCS).split("#")[0] or None


@dataclass(frozen=True)
class Text:
    """A text of the document with its own page: a report's draft resolution or draft
    decision, or a resolution's or draft's own text (its home page)."""

    page: str
    """Its page in the document's folder (``draft-resolutions/vii.html``, ``index.html``)."""
    name: str
    """How the site names it: ``Draft resolution VII``, ``Resolution 78/229``."""
    title: str
    """Its title."""
    draft_symbol: str | None
    """The symbol of the draft it was (a report's ``A/C.3/77/L.7``), if the document says."""
    anchors: tuple[str, ...]
    """Its paragraphs' anchors (``pp-1``, ``op-12``, ``op-12-a``), in order."""
    paragraphs: tuple[Paragraph, ...] = ()
    """Its preambular and operative paragraphs' plain texts (``versions.paragraphs_of``:
    an operative paragraph with its sub-paragraphs), what versions are compared on."""


@dataclass(frozen=True)
class Cited:
    """One citation of another document."""

    page: str
    """The citing page in this document's folder (``index.html``)."""
    anchor: str
    """The citing paragraph's anchor (``pp-5``)."""
    label: str
    """How the site names the citing paragraph (``Resolution 78/229, PP 5``)."""
    symbol: str
    """The cited document (``A/RES/78/225``)."""
    paragraph: int | None
    """The paragraph of it the citation names, if it names one."""
    cited_as: str
    """The citation as printed (``78/225``)."""
    marked_in: str | None = None
    """For a citation in a note: the paragraph whose mark leads to the note (``op-1``),
    if one does."""


@dataclass(frozen=True)
class Asked:
    """What one operative paragraph asks (``mandates.clauses.Mandate``), as the collection
    follows it from request to report."""

    page: str
    """The page of the text it is in."""
    anchor: str
    """The paragraph's anchor (``op-9``)."""
    label: str
    """How the site names it (``Resolution 78/229, OP 93``)."""
    verb: str
    """Its opening verb phrase as printed (``Requests``, ``Takes note with appreciation
    of``)."""
    kind: str
    """``request``, ``decision``, ``call`` or ``other``."""
    addressees: tuple[str, ...]
    """Whom it asks to act, full names."""
    text: str
    """The paragraph's plain text."""
    report_by: str | None
    """Who is to report, if it asks for a report."""
    report_to: str | None
    """The body the report goes to."""
    report_session: int | None
    """The session of that body it is due at."""


@dataclass(frozen=True)
class DocumentSummary:
    """What the collection knows of one built document."""

    symbol: str
    """Its symbol (``A/RES/78/229``)."""
    folder: str
    """Its folder in the site (``A-RES-78-229``)."""
    kind: str
    """``report``, ``resolution``, ``draft`` or ``amendments``."""
    title: str
    """What it is about: a resolution's or draft's own title, a report's agenda item."""
    date: str | None
    """Its date (ISO), or the resolution's date of adoption."""
    session: int | None
    """The session of the General Assembly (78)."""
    committee: str | None
    """The Main Committee (a report's author, a resolution's ``on the report of``), or
    None (plenary)."""
    agenda_item: str | None
    """The agenda item (``108``, ``68 (b)``), where the document gives it."""
    adopted_on: str | None
    """For a resolution: the report it was adopted on (``A/77/464``)."""
    adopted_paragraph: int | None
    """For a resolution: that report's paragraph that recommended it."""
    texts: tuple[Text, ...]
    """Its texts, in order."""
    pages: dict[str, tuple[str, ...]]
    """Every page with paragraphs and the anchors on it (notes and report paragraphs
    included)."""
    cites: tuple[Cited, ...]
    """Every citation of a document by symbol, in document order."""
    asks: tuple[Asked, ...]
    """What each operative paragraph of its texts asks, in document order."""
    source_digest: str
    """SHA-256 of the source it was built from."""
    build_key: str
    """The digest of everything its build depended on (``publish.build.build_key``)."""
    format: int = FORMAT
    """The summary format's version."""

    @property
    def number(self) -> str | None:
        """A resolution's number (``78/229``), or None."""
        return self.symbol.removeprefix("A/RES/") if self.kind == "resolution" else None

    def to_json(self) -> str:
        """The summary as JSON."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> DocumentSummary:
        """A summary read back; ``ValueError`` if it is not one of this format."""
        raw = json.loads(text)
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("not an unreport document summary of this version")
        raw["texts"] = tuple(Text(**{**t, "anchors": tuple(t["anchors"]), "paragraphs": tuple(
            Paragraph(**p) for p in t["paragraphs"])}) for t in raw["texts"])
        raw["cites"] = tuple(Cited(**c) for c in raw["cites"])
        raw["asks"] = tuple(Asked(**{**a, "addressees": tuple(a["addressees"])})
                            for a in raw["asks"])
        raw["pages"] = {page: tuple(anchors) for page, anchors in raw["pages"].items()}
        return cls(**raw)

    @classmethod
    def read(cls, folder: Path) -> DocumentSummary:
        """The summary in a built document's folder."""
        return cls.from_json((folder / SUMMARY_NAME).read_text("utf-8"))


def folder_name(symbol: DocumentSymbol | str) -> str:
    """A document's folder in a collection: ``A/RES/78/229`` → ``A-RES-78-229``."""
    return str(symbol).replace("/", "-")


def summarise(analysis: Analysis, build_key: str) -> DocumentSummary:
    """The summary of an analysed document."""
    report = analysis.report
    pages: dict[str, list[str]] = {}
    for element in elements(report):
        pages.setdefault(addresses.page_url(element.page), []).append(element.anchor)
    texts = []
    for resolution in report.resolutions:
        proposal = report.proposal_for(resolution.number) if report.kind == "report" \
            else None
        texts.append(Text(
            addresses.page_url(addresses.draft_page(resolution.slug)),
            text_name(report, resolution), resolution.title,
            str(proposal.draft_symbol) if proposal else (
                str(report.symbol) if report.kind == "draft" else None),
            tuple(p.anchor for p in resolution.preambular) +
            tuple(a for op in resolution.operative for a in _op_anchors(op)),
            paragraphs_of(resolution)))
    marked_in: dict[tuple[str, str], str] = {}
    for resolution in report.resolutions:
        page = addresses.draft_page(resolution.slug)
        paragraphs: list[Preambular | Operative] = [*resolution.preambular,
                                                    *resolution.operative]
        for paragraph in paragraphs:
            for mark in paragraph.notes:
                marked_in.setdefault((page, f"fn-{mark.number}"), paragraph.anchor)
        for op in resolution.operative:
            for sub in all_subparagraphs(op.subparagraphs):
                for mark in sub.notes:
                    marked_in.setdefault((page, f"fn-{mark.number}"), op.anchor)
    cites = []
    for citation in analysis.references.citations:
        symbol = cited_symbol(citation.reference.url)
        if symbol is None or symbol == str(report.symbol):
            continue
        element, ref = citation.element, citation.reference
        cites.append(Cited(addresses.page_url(element.page), element.anchor, element.label,
                           symbol, named_paragraph(element.text[:ref.start],
                                                   element.text[ref.end:]),
                           element.text[ref.start:ref.end],
                           marked_in.get((element.page, element.anchor))))
    texts_by_page = {t.page: t for t in texts}
    operative = {(addresses.page_url(addresses.draft_page(r.slug)), op.anchor): op.text
                 for r in report.resolutions for op in r.operative}
    asks = tuple(Asked(
        m.page, m.anchor, f"{texts_by_page[m.page].name}, OP {m.number}"
        if m.page in texts_by_page else m.anchor, m.verb, m.kind, m.addressees,
        operative.get((m.page, m.anchor), ""),
        m.report.by if m.report else None, m.report.to if m.report else None,
        m.report.session if m.report else None) for m in analysis.mandates.paragraphs)
    adoption = report.adoption
    title = report.resolutions[0].title if report.kind in ("resolution", "draft") and \
        report.resolutions else report.title
    agenda = (f"{report.agenda_item} ({report.agenda_sub_item})" if report.agenda_sub_item
              else str(report.agenda_item) if report.agenda_item else None)
    date = adoption.date if adoption and adoption.date else report.date
    return DocumentSummary(
        symbol=str(report.symbol), folder=folder_name(report.symbol), kind=report.kind,
        title=title, date=date.isoformat() if date else None, session=report.session,
        committee=(adoption.committee if adoption else report.committee) or None,
        agenda_item=agenda,
        adopted_on=str(adoption.report) if adoption and adoption.report else None,
        adopted_paragraph=adoption.report_paragraph if adoption else None,
        texts=tuple(texts), pages={page: tuple(a) for page, a in pages.items()},
        cites=tuple(cites), asks=asks, source_digest=report.digest, build_key=build_key)


def _op_anchors(op: Operative) -> list[str]:
    """An operative paragraph's anchor and its sub-paragraphs', in order."""
    anchors = [op.anchor]
    stack = list(op.subparagraphs)
    while stack:
        sub = stack.pop(0)
        anchors.append(sub.anchor)
        stack[:0] = list(sub.subparagraphs)
    return anchors
