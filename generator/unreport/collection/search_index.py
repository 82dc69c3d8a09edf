"""The collection's search: Pagefind's static index, one record per paragraph.

unreport makes its own search entries (``site/search_entries.py``: one per paragraph,
note and annex block, each leading to its anchor); this adapter turns them into what
Pagefind indexes. Each entry becomes one record, so a result *is* a paragraph
(``A-RES-78-229/index.html#op-12``) and a query downloads only the index chunks of its
words and the short records of the results it shows. Pagefind's Python API takes a
tenth of a second a record (a session has about 20,000), so a document's build writes
its records as small HTML files beside its pages (:func:`write_records`, in parallel
with the other documents, kept with the document), and the collection step gathers
them (linked, not copied) and runs the Pagefind command once (:func:`index`). Each
record is titled ``A/RES/78/229 · Resolution 78/229, OP 12``, leads to its paragraph
(``data-pagefind-meta="url[href]"``) and carries the document's session, committee and
kind as filters.
"""

from __future__ import annotations

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


def index(site: Path, built: Sequence[tuple[DocumentSummary, Path]], work: Path) -> None:
    """Index every built document's records with Pagefind into ``site/pagefind/``."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        raise BuildError("Pagefind is missing: pip install 'pagefind[bin]' (unreport "
                         "depends on it; reinstall unreport).") from None
    records = work / "search-records"
    for summary, folder in built:
        target = records / summary.folder
        target.mkdir(parents=True, exist_ok=True)
        for record in (folder / RECORDS).glob("*.html"):
            try:
                os.link(record, target / record.name)
            except OSError:
                shutil.copy2(record, target / record.name)
    result = subprocess.run([str(get_executable()), "--site", str(records), "--output-path",
                             str(site / PAGEFIND), "--silent"],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(f"Pagefind could not index the collection:\n"
                         f"{result.stderr or result.stdout}")
