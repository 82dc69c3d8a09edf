"""The collection step: built documents' folders in, one site out, all or nothing.

It reads each folder's summary (never a source), resolves the links between the
documents (``links.py``), has the engine build the collection's own pages (home,
search, the hand-written pages) with the theme's files, puts each document's folder
beside them with the collection put into its pages (``rewrite.py``), writes the
collection's data (``collection.json`` and its schema), and indexes every paragraph
of every document for search with Pagefind (``search_index.py``). The site is made in
a temporary folder beside the target and moved into place only when all of it
succeeded, as a single document's site is; a folder is replaced only if unreport
wrote it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from unreport.collection import search_index
from unreport.collection.comparison import (
    CHANGES_INDEX,
    changes_index,
    comparison_pages,
    comparison_path,
    paragraph_notes,
    version_line,
)
from unreport.collection.home import HOME, SEARCH, home_page, search_page
from unreport.collection.index_json import collection_json, collection_schema
from unreport.collection.links import Collection, collect
from unreport.collection.mandates import follow
from unreport.collection.mandates_page import (
    mandates_csv,
    mandates_json,
    mandates_page,
    mandates_schema,
)
from unreport.collection.rewrite import rewrite_page
from unreport.collection.summary import SUMMARY_NAME, DocumentSummary
from unreport.collection.versions import compare, find_versions
from unreport.collection.versions_data import versions_files
from unreport.publish.build import BuildSettings, engine_adapter, link_or_copy, new_site
from unreport.publish.engine import BuildError, EngineJob
from unreport.publish.ownership import MARKER, Stamp, check_site_dir, file_digests
from unreport.publish.resources import site_resources

COLLECTION_JSON = "collection.json"
COLLECTION_SCHEMA = "schema/collection.schema.json"
MANDATES = "mandates.md"


@dataclass(frozen=True)
class Composed:
    """What the collection step made."""

    collection: Collection
    """The documents and their links."""
    comparisons: int
    """How many pairs of consecutive versions were compared."""
    mandates: dict[str, int]
    """How many requests for a report have each status."""
    warnings: tuple[str, ...]
    """What the collection could not decide (links, versions)."""
    seconds: dict[str, float]
    """Time taken by each stage: pages, documents, search."""


def read_folders(folders: Sequence[Path]) -> list[tuple[DocumentSummary, Path]]:
    """Every built document in ``folders`` (each a document's folder, or a folder of
    them), with its summary; two documents with one symbol is an error."""
    found: dict[str, tuple[DocumentSummary, Path]] = {}
    for folder in folders:
        candidates = [folder] if (folder / SUMMARY_NAME).is_file() else sorted(
            p.parent for p in folder.glob(f"*/{SUMMARY_NAME}"))
        if not candidates:
            raise BuildError(f"{folder}: holds no document built by unreport (no "
                             f"{SUMMARY_NAME}); build its documents with `unreport "
                             "build-documents`.")
        for candidate in candidates:
            try:
                summary = DocumentSummary.read(candidate)
            except (OSError, ValueError, TypeError) as error:
                raise BuildError(f"{candidate}: its {SUMMARY_NAME} cannot be read ({error}); "
                                 "build the document again.") from None
            if summary.symbol in found and found[summary.symbol][1] != candidate:
                raise BuildError(f"{summary.symbol} is in both {found[summary.symbol][1]} "
                                 f"and {candidate}; give each document once.")
            found[summary.symbol] = (summary, candidate)
    return list(found.values())


def compose(built: Sequence[tuple[DocumentSummary, Path]], site_dir: Path,
            settings: BuildSettings, *, shown: str | None = None,
            cache: Path | None = None) -> Composed:
    """Build the collection's site into ``site_dir`` from built documents' folders;
    ``cache`` keeps the search index's bundles between builds (none: made afresh)."""
    from unreport.publish import mkdocs_engine

    check_site_dir(site_dir, shown or str(site_dir), [site_resources().root])
    collection = collect(summary for summary, _ in built)
    versions = find_versions(collection)
    comparisons = compare(collection, versions)
    successor = {(step.older.folder, step.older.page): (step.newer.folder, step.newer.page)
                 for step in versions.steps}
    statuses = follow(collection, successor)
    folders = {summary.folder: path for summary, path in built}
    search = search_index.plan({s.folder: s.build_key for s, _ in built}, cache)
    started = time.perf_counter()
    with new_site(site_dir) as work:
        docs = work / "docs"
        config_file = settings.config_file()
        raw = mkdocs_engine.read_config(config_file)
        handwritten = mkdocs_engine.handwritten(
            config_file.parent / str(raw.get("docs_dir") or "docs"))
        files = {**handwritten,
                 HOME: home_page(collection).encode("utf-8"),
                 SEARCH: search_page(collection, search).encode("utf-8"),
                 COLLECTION_JSON: collection_json(collection).encode("utf-8"),
                 COLLECTION_SCHEMA: collection_schema().encode("utf-8"),
                 MANDATES: mandates_page(statuses, collection.documents).encode("utf-8"),
                 "mandates.json": mandates_json(statuses).encode("utf-8"),
                 "mandates.csv": mandates_csv(statuses).encode("utf-8"),
                 "schema/mandates.schema.json": mandates_schema().encode("utf-8"),
                 CHANGES_INDEX: changes_index(comparisons).encode("utf-8"),
                 **{name: text.encode("utf-8") for name, text in
                    {**comparison_pages(comparisons),
                     **versions_files(versions, comparisons)}.items()}}
        for name, data in files.items():
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_bytes(data)
        from unreport.collection.document_build import collection_settings

        job = EngineJob(config_file, docs, work / "site",
                        f"{len(collection.documents)} documents of the General Assembly",
                        [{"Documents": HOME}, {"Search": SEARCH},
                         {"What changed": [{"Every comparison": CHANGES_INDEX}] + [
                             {c.newer.symbol: comparison_path(c.newer)} for c in comparisons]},
                         {"Mandates": MANDATES}],
                        tuple(handwritten), (),
                        settings.site_url, None,
                        lambda raw_values: collection_settings(raw_values, None))
        engine_adapter(settings).build(job)
        pages = time.perf_counter()
        notes = paragraph_notes(comparisons)
        lines = version_line(versions, comparisons)
        for folder, path in folders.items():
            _put_document(collection, folder, path, job.site / folder, notes, lines)
        documents = time.perf_counter()
        search_index.index(job.site, search, {folder: path / search_index.RECORDS
                                              for folder, path in folders.items()},
                           work, cache)
        searched = time.perf_counter()
        stamp = Stamp(f"collection of {len(collection.documents)} documents", None, "")
        (job.site / MARKER).write_text(stamp.marker(file_digests(job.site)), "utf-8")
    counts: dict[str, int] = {}
    for status in statuses:
        counts[status.status] = counts.get(status.status, 0) + 1
    return Composed(collection, len(comparisons), counts,
                    collection.warnings + versions.warnings,
                    {"pages": pages - started, "documents": documents - pages,
                     "search": searched - documents})


def _put_document(collection: Collection, folder: str, source: Path, target: Path,
                  notes: Mapping[tuple[str, str], Mapping[str, str]],
                  lines: Mapping[tuple[str, str], str]) -> None:
    """Copy a built document's folder into the site, its pages with the collection put
    in; every other file is linked, not copied, where the disk allows."""
    for root, folders, names in os.walk(source):
        folders[:] = [name for name in folders if name != search_index.RECORDS]
        relative_root = os.path.relpath(root, source)
        out_root = target / relative_root
        out_root.mkdir(parents=True, exist_ok=True)
        for name in names:
            if name == SUMMARY_NAME:
                continue
            relative = os.path.normpath(os.path.join(relative_root, name)).replace(os.sep, "/")
            path, out = os.path.join(root, name), out_root / name
            if name.endswith(".html"):
                with open(path, encoding="utf-8") as handle:
                    html = handle.read()
                out.write_text(rewrite_page(html, collection, folder, relative,
                                            notes=notes.get((folder, relative)),
                                            versions_line=lines.get((folder, relative), "")),
                               "utf-8")
            else:
                link_or_copy(path, out)
