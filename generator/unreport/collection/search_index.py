"""The collection's search: Pagefind's static index, one record per paragraph.

unreport makes its own search entries (``site/search_entries.py``: one per paragraph,
note and annex block, each leading to its anchor); this adapter turns them into what
Pagefind indexes. Each entry becomes one record, so a result *is* a paragraph
(``A-RES-78-229/index.html#op-12``) and a query downloads only the index chunks of its
words and the short records of the results it shows. Pagefind's Python API takes a
tenth of a second a record (a session has about 20,000), so a document's build writes
its records as small HTML files beside its pages (:func:`write_records`, in parallel
with the other documents, kept with the document), and the collection step gathers
them (linked, not copied) and runs the Pagefind command once per session
(:func:`index`), keeping each session's bundle until one of its documents changes. Each
record is titled ``A/RES/78/229 · Resolution 78/229, OP 12``, leads to its paragraph
(``data-pagefind-meta="url[href]"``) and carries the document's session, committee and
kind as filters.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

from unreport.collection.summary import DocumentSummary
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
                    for name, value in filters(summary).items())
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


SHARD_DOCUMENTS = 1000
"""At most about this many documents in one bundle of the index. A bigger collection's
index is split into bundles of documents picked by a digest of their folder's name —
alike in make-up, so that their scores compare — each kept until one of its documents
changes, so that a rebuild indexes one bundle again, not the whole collection. Splitting
costs every query more: each bundle is searched for each word. Measured on the session's
335 documents (20,339 records; ``scripts/collection_benchmark.py``): one bundle, a query
downloads a median 256 kB and indexing takes 12 s; four bundles, 378 kB and 3 to 5 s a
bundle. One bundle keeps queries under 300 kB; a session is indexed whole on each build."""


def shard_count(documents: Sequence[DocumentSummary]) -> int:
    """How many bundles the index of ``documents`` has."""
    return max(1, -(-len(documents) // SHARD_DOCUMENTS))


def shard_of(folder: str, count: int) -> int:
    """The bundle a document's records go to: the same for the same folder and count."""
    return int(hashlib.sha256(folder.encode("utf-8")).hexdigest()[:8], 16) % count


def bundles(documents: Sequence[DocumentSummary]) -> list[str]:
    """The index's bundles from the site's root (``pagefind/1/``…), those with documents:
    the search page loads the first's script and WebAssembly, then merges the others,
    which reuse them."""
    count = shard_count(documents)
    used = sorted({shard_of(d.folder, count) for d in documents})
    return [f"{PAGEFIND}/{number + 1}/" for number in used]


def index(site: Path, built: Sequence[tuple[DocumentSummary, Path]], work: Path,
          cache: Path | None) -> None:
    """Index every built document's records with Pagefind into the bundles of
    :func:`bundles`, each kept in ``cache`` under a digest of its documents' build keys:
    a rebuild after one document changed indexes that document's bundle again and links
    the others as they were."""
    count = shard_count([summary for summary, _ in built])
    shards: dict[int, list[tuple[DocumentSummary, Path]]] = {}
    for summary, folder in built:
        shards.setdefault(shard_of(summary.folder, count), []).append((summary, folder))
    cache = cache or work / "search-cache"
    for number, documents in sorted(shards.items()):
        key = hashlib.sha256(json.dumps([FORMAT, _pagefind_version(), sorted(
            (s.folder, s.build_key) for s, _ in documents)]).encode()).hexdigest()[:24]
        bundle = cache / f"{count}-{number + 1}-{key}"
        if not (bundle / "pagefind.js").is_file():
            _run_pagefind(documents, work / f"records-{number + 1}", bundle)
            for stale in cache.glob(f"{count}-{number + 1}-*"):  # its earlier versions
                if stale != bundle:
                    shutil.rmtree(stale, ignore_errors=True)
        _link_tree(bundle, site / PAGEFIND / str(number + 1))


FORMAT = 1
"""Version of the records' and bundles' form; a change indexes every session again."""


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
            try:
                os.link(os.path.join(root, name), os.path.join(out, name))
            except OSError:
                shutil.copy2(os.path.join(root, name), os.path.join(out, name))


def _run_pagefind(documents: Sequence[tuple[DocumentSummary, Path]], records: Path,
                  bundle: Path) -> None:
    """Index ``documents``' records into the new folder ``bundle`` (made whole or not
    at all)."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        raise BuildError("Pagefind is missing: pip install 'pagefind[bin]' (unreport "
                         "depends on it; reinstall unreport).") from None
    for summary, folder in documents:
        _link_tree(folder / RECORDS, records / summary.folder)
    records.mkdir(parents=True, exist_ok=True)
    bundle.parent.mkdir(parents=True, exist_ok=True)
    partial = bundle.with_name(f".{bundle.name}-{os.getpid()}")
    result = subprocess.run([str(get_executable()), "--site", str(records), "--output-path",
                             str(partial), "--silent"],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        raise BuildError(f"Pagefind could not index the collection:\n"
                         f"{result.stderr or result.stdout}")
    shutil.rmtree(bundle, ignore_errors=True)
    partial.rename(bundle)
