"""The collection's search: Pagefind's static index, one record per paragraph.

unreport makes its own search entries (``site/search_entries.py``: one per paragraph,
note and annex block, each leading to its anchor); this adapter turns them into what
Pagefind indexes. Each entry becomes one record, so a result *is* a paragraph
(``A-RES-78-229/index.html#op-12``) and a query downloads only the index chunks of its
words and the short records of the results it shows. Pagefind's Python API takes a
tenth of a second a record (a session has about 20,000), so a document's build writes
its records as small HTML files beside its pages (:func:`write_records`, in parallel
with the other documents, kept with the document), and the collection step gathers
them (linked, not copied) and runs the Pagefind command (:func:`index`). Each record is
titled ``A/RES/78/229 · Resolution 78/229, OP 12``, leads to its paragraph
(``data-pagefind-meta="url[href]"``), carries the document's session, committee and
kind as filters, and one more filter named by the document's folder whose value is the
document's build key: which edition of the document it comes from.

Indexing a session takes Pagefind some 12 s, too long to redo when one document
changed. So the whole index is kept in the cache under its documents' build keys, and a
rebuild indexes only the documents that differ from it into a second, small bundle
(:func:`plan`): the search page loads both and asks Pagefind for none of the whole
index's records of an edition the site no longer has (``filters: {none: [{"A-77-464":
"<old key>"}]}``, which loads that document's small filter chunk only). Pagefind ranks
each bundle's results by that bundle's word counts, so until the whole index is made
again (once more than a tenth of the documents differ) the changed documents' results
are ranked among themselves before being merged — close to, not exactly, the order of
a whole index.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

from unreport.collection.summary import DocumentSummary
from unreport.publish.build import link_or_copy
from unreport.publish.engine import BuildError
from unreport.site.search_entries import SearchEntry

RECORDS = ".unreport-search"
"""The folder of a built document's search records, beside its pages."""
PAGEFIND = "pagefind"
"""The search index's folder in the site."""
KIND_NAMES = {"report": "Committee report", "resolution": "Resolution",
              "draft": "Draft resolution", "amendments": "Amendments"}
"""How the collection names the kinds of document (its filters, its home page)."""


def filters(summary: DocumentSummary) -> dict[str, str]:
    """A document's values of the search's filters."""
    return {"session": str(summary.session or "none"),
            "committee": summary.committee or "Plenary",
            "kind": KIND_NAMES.get(summary.kind, summary.kind)}


def write_records(entries: Iterable[SearchEntry], summary: DocumentSummary,
                  folder: Path) -> None:
    """Write a document's search records into ``folder/.unreport-search/``."""
    out = folder / RECORDS
    out.mkdir(parents=True, exist_ok=True)
    spans = "".join(f'<span data-pagefind-filter="{name}">{escape(value)}</span>'
                    for name, value in {**filters(summary),
                                        summary.folder: summary.build_key}.items())
    document = f'<span data-pagefind-meta="document">{escape(summary.title)}</span>'
    for number, entry in enumerate(entries):
        if not entry.text:
            continue
        title = escape(f"{summary.symbol} · {entry.title}")
        (out / f"{number}.html").write_text(
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}'
            f'</title></head><body><main data-pagefind-body data-pagefind-meta="symbol:'
            f'{escape(summary.symbol)}"><h1 data-pagefind-meta="title" data-pagefind-ignore>'
            f'{title}</h1><a data-pagefind-meta="url[href]" href="{escape(summary.folder)}/'
            f'{escape(entry.location)}" data-pagefind-ignore></a><div data-pagefind-ignore>'
            f"{spans}{document}</div><p>{escape(entry.text)}</p></main></body></html>",
            "utf-8")


UPDATE_SHARE = 10
"""The whole index is made again once more than one document in this many differs from
the one it was made of (changed, added or left out); until then a rebuild indexes only
those documents, into a second bundle."""


@dataclass(frozen=True)
class Bundle:
    """One bundle of the index: the documents it holds, each by its build key."""

    documents: Mapping[str, str]
    """Folder → build key of every document indexed."""
    whole: bool
    """Whether it was made as the index of a whole collection (a later build may index
    only what changed since on top of it), or as an update of such an index."""

    @property
    def key(self) -> str:
        """Its name in the cache: a digest of what it was made of and how."""
        return hashlib.sha256(json.dumps([FORMAT, _pagefind_version(), self.whole, sorted(
            self.documents.items())]).encode()).hexdigest()[:24]


@dataclass(frozen=True)
class SearchPlan:
    """The bundles a collection's search loads, and the records it leaves out."""

    bundles: tuple[Bundle, ...]
    """The whole index, then (if some documents changed since it was made) the update."""
    hidden: Mapping[str, str]
    """Folder → build key of the documents whose records the whole index holds but the
    site no longer has: the search asks Pagefind for none of them."""

    def folders(self) -> list[str]:
        """The bundles' folders from the site's root: ``pagefind/1/``, ``pagefind/2/``."""
        return [f"{PAGEFIND}/{number}/" for number in range(1, len(self.bundles) + 1)]

    def excluded(self) -> list[dict[str, str]]:
        """The filter leaving out the hidden records (``none`` of these)."""
        return [{folder: key} for folder, key in sorted(self.hidden.items())]


def plan(documents: Mapping[str, str], cache: Path | None) -> SearchPlan:
    """The index of ``documents`` (folder → build key): the whole index from ``cache``
    closest to them, with an update holding the documents that differ, when few do
    (:data:`UPDATE_SHARE`); else a whole index made afresh."""
    made = min(_whole_bundles(cache), default=None,
               key=lambda made: max(map(len, _difference(made, documents))))
    if made is not None:
        fresh, hidden = _difference(made, documents)
        if max(len(fresh), len(hidden)) <= len(documents) // UPDATE_SHARE:
            return SearchPlan((made, Bundle(fresh, whole=False)) if fresh else (made,),
                              hidden)
    return SearchPlan((Bundle(dict(documents), whole=True),), {})


def _difference(made: Bundle, documents: Mapping[str, str]) \
        -> tuple[dict[str, str], dict[str, str]]:
    """What an update of the whole index ``made`` would index (``documents`` it lacks or
    holds in another edition) and hide (its documents no longer in that edition)."""
    fresh = {f: k for f, k in documents.items() if made.documents.get(f) != k}
    hidden = {f: k for f, k in made.documents.items() if documents.get(f) != k}
    return fresh, hidden


KEPT = 3
"""Whole indexes kept in the cache: the one used and the latest others (another
collection built with the same cache keeps its own)."""


def _whole_bundles(cache: Path | None) -> list[Bundle]:
    """The whole indexes in ``cache``, the latest used first."""
    if cache is None or not cache.is_dir():
        return []
    found: list[tuple[float, Bundle]] = []
    for described in cache.glob("*.json"):
        try:
            data = json.loads(described.read_text("utf-8"))
            bundle = Bundle(dict(data["documents"]), bool(data["whole"]))
            used = described.stat().st_mtime
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if bundle.whole and bundle.key == described.stem and \
                (cache / bundle.key / "pagefind.js").is_file():
            found.append((used, bundle))
    return [bundle for _, bundle in sorted(found, key=lambda pair: -pair[0])]


def index(site: Path, search: SearchPlan, records: Mapping[str, Path], work: Path,
          cache: Path | None) -> None:
    """Index the records of each bundle of ``search`` (``records``: a document's folder →
    its records' folder) with Pagefind, or find the bundle in ``cache`` made already, and
    put the bundles at :meth:`SearchPlan.folders`. The cache keeps the bundles used and the
    latest other whole indexes (:data:`KEPT`)."""
    cache = cache or work / "search-cache"
    for bundle, folder in zip(search.bundles, search.folders(), strict=True):
        made = cache / bundle.key
        described = cache / f"{bundle.key}.json"
        if not (made / "pagefind.js").is_file():
            _run_pagefind({name: records[name] for name in bundle.documents},
                          work / f"records-{bundle.key}", made)
        described.write_text(json.dumps({"whole": bundle.whole,
                                         "documents": dict(bundle.documents)}), "utf-8")
        _link_tree(made, site / folder.rstrip("/"))
    used = {bundle.key for bundle in search.bundles}
    kept = used | {bundle.key for bundle in _whole_bundles(cache)[:KEPT]}
    for path in cache.iterdir():
        if path.name.split(".")[0] not in kept and not path.name.startswith("."):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


FORMAT = 2
"""Version of the records' and bundles' form; a change indexes every collection again."""


def _pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("pagefind_bin")
    except PackageNotFoundError:
        return "unknown"


def _link_tree(source: Path, target: Path) -> None:
    """``source``'s files at ``target``, linked where the disk allows, else copied."""
    for root, _, names in os.walk(source):
        out = os.path.join(target, os.path.relpath(root, source))
        os.makedirs(out, exist_ok=True)
        for name in names:
            link_or_copy(os.path.join(root, name), os.path.join(out, name))


def _run_pagefind(records: Mapping[str, Path], gathered: Path, bundle: Path) -> None:
    """Index the records of every document of ``records`` (folder → its records' folder),
    gathered in ``gathered``, into the new folder ``bundle`` (made whole or not at all)."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        raise BuildError("Pagefind is missing: pip install 'pagefind[bin]' (unreport "
                         "depends on it; reinstall unreport).") from None
    for folder, path in records.items():
        _link_tree(path, gathered / folder)
    gathered.mkdir(parents=True, exist_ok=True)
    bundle.parent.mkdir(parents=True, exist_ok=True)
    partial = bundle.with_name(f".{bundle.name}-{os.getpid()}")
    result = subprocess.run([str(get_executable()), "--site", str(gathered), "--output-path",
                             str(partial), "--silent"],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        raise BuildError(f"Pagefind could not index the collection:\n"
                         f"{result.stderr or result.stdout}")
    shutil.rmtree(bundle, ignore_errors=True)
    partial.rename(bundle)
