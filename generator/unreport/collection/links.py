"""The links between the documents of a collection: register, then resolve.

Phase one registers every place a citation can lead to: each document by its
symbol, each draft of a report by the symbol it had (``A/C.3/77/L.7``) and by the
resolution it became (``lineage.py``), and every anchor of every page. Phase two
resolves each document's citations against them; a citation of a document outside
the collection is left to its official link. Pure: summaries in, a
:class:`Collection` out, nothing read or written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from unreport.addresses import relative
from unreport.collection.lineage import HOME, Identity, identities
from unreport.collection.summary import DocumentSummary


@dataclass(frozen=True)
class Place:
    """Where a citation leads inside the collection."""

    folder: str
    """The document's folder (``A-77-464``)."""
    page: str
    """The page in it (``draft-resolutions/vii.html``)."""
    anchor: str | None
    """The paragraph's anchor, where the citation names one the page has."""
    name: str
    """How to name it: ``A/77/464, Draft resolution VII``."""

    @property
    def path(self) -> str:
        """Its address from the site's root: ``A-77-464/draft-resolutions/vii.html#op-5``."""
        return f"{self.folder}/{self.page}" + (f"#{self.anchor}" if self.anchor else "")

    def href(self, from_file: str) -> str:
        """Its address relative to a file of the site (``A-RES-78-229/index.html``)."""
        return relative(self.path, from_file)


@dataclass(frozen=True)
class Link:
    """One citation of a document of the collection by another."""

    folder: str
    """The citing document's folder."""
    page: str
    """The citing page."""
    anchor: str
    """The citing paragraph."""
    label: str
    """How the citing site names that paragraph (``Resolution 78/229, PP 1``)."""
    symbol: str
    """The citing document's symbol."""
    target: Place
    """Where it leads."""


@dataclass(frozen=True)
class Collection:
    """The documents of a collection and everything that links them."""

    documents: tuple[DocumentSummary, ...]
    """Every document, by session, committee, kind and symbol."""
    identities: tuple[Identity, ...]
    """Which draft became which resolution."""
    links: tuple[Link, ...]
    """Every citation resolved inside the collection, in document order."""
    warnings: tuple[str, ...]
    """What the collection could not decide (two candidate drafts…)."""
    places: dict[str, tuple[str, str, str]] = field(default_factory=dict, repr=False)
    """Phase one's register: ``{symbol: (folder, page, name)}`` of every document, every
    report's draft by its own symbol, and every resolution a draft became."""

    def place(self, symbol: str, paragraph: int | None = None) -> Place | None:
        """Where a citation of ``symbol`` (naming ``paragraph``, if it does) leads in the
        collection, or None if the document is not in it."""
        found = self.places.get(symbol)
        if found is None:
            return None
        folder, page, name = found
        anchor = None
        if paragraph is not None:
            document = next(d for d in self.documents if d.folder == folder)
            anchors = document.pages.get(page, ())
            for candidate in (f"op-{paragraph}", f"para-{paragraph}"):
                if candidate in anchors:
                    anchor = candidate
                    break
        return Place(folder, page, anchor, name)

    def into(self, folder: str) -> tuple[Link, ...]:
        """The links into one document, in the citing documents' order."""
        return tuple(link for link in self.links if link.target.folder == folder)

    def adopted_as(self, folder: str, page: str) -> Identity | None:
        """The resolution a draft's page became, if the collection shows it."""
        symbol = next(d.symbol for d in self.documents if d.folder == folder)
        return next((i for i in self.identities if i.report == symbol and i.page == page),
                    None)

    def adopted_from(self, symbol: str) -> Identity | None:
        """The draft a resolution of the collection was, if the collection shows it."""
        return next((i for i in self.identities if i.resolution == symbol), None)


def sort_key(document: DocumentSummary) -> tuple[object, ...]:
    """Documents by session, committee, kind and symbol (numbers in numeric order)."""
    parts = [(int(p) if p.isdigit() else 0, p) for p in document.symbol.replace(".", "/")
             .split("/")]
    return (document.session or 0, document.committee or "~", document.kind, parts)


def collect(documents: Iterable[DocumentSummary]) -> Collection:
    """Register every document, draft and anchor, then resolve every citation."""
    ordered = tuple(sorted(documents, key=sort_key))
    found, warnings = identities(ordered)
    places: dict[str, tuple[str, str, str]] = {}
    for document in ordered:
        places[document.symbol] = (document.folder, HOME, document.symbol)
    for document in ordered:
        for text in document.texts:
            if text.draft_symbol and text.draft_symbol not in places:
                places[text.draft_symbol] = (document.folder, text.page,
                                             f"{document.symbol}, {text.name}")
    by_symbol = {d.symbol: d for d in ordered}
    for identity in found:
        if identity.resolution not in places:
            places[identity.resolution] = (by_symbol[identity.report].folder, identity.page,
                                           f"{identity.report}, {identity.draft}")
    collection = Collection(ordered, found, (), warnings, places)
    links = []
    for document in ordered:
        for cited in document.cites:
            target = collection.place(cited.symbol, cited.paragraph)
            if target is not None and target.folder != document.folder:
                links.append(Link(document.folder, cited.page, cited.anchor, cited.label,
                                  document.symbol, target))
    return Collection(ordered, found, tuple(links), warnings, places)
