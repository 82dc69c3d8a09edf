"""Build one document of a collection into its own folder; many at once, one per process.

A document's folder is a pure function of its source, the configuration and
unreport's version (:func:`part_key`): its pages are the single-document site's
pages, with the same anchors, written under the folder named by its symbol
(``A-RES-78-229/index.html``), built by the engine with the site's root one level
up — so the theme's files (``assets/``) are the collection's, written once by the
collection step. Beside the pages it writes ``.unreport-document.json``
(``summary.py``), all the collection step reads. In a collection build the pages
say nothing of the other documents yet: the collection step adds the links between
documents and the "cited in" lists where the pages hold a place for them.

Folders are kept in a store (a folder per document, replaced whole and atomically)
until the key changes, so rebuilding a collection after one source changed builds
that one document again. :func:`build_documents` runs the builds in a process pool
(``spawn``, the same on every platform); each build is one process doing its stages
in order, as a single document's build is.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unreport.collection.search_index import write_records
from unreport.collection.summary import SUMMARY_NAME, DocumentSummary, folder_name, summarise
from unreport.publish.build import BuildSettings, settings_key, site_name, source_key
from unreport.publish.engine import EngineJob

PART_FORMAT = "collection-document-5"
"""Changes when what a document's folder holds changes, so old folders are rebuilt."""

CITED_IN = "<!-- unreport:cited-in -->"
"""Where the collection step puts a page's "Cited in this collection" list."""
IN_COLLECTION = "<!-- unreport:in-collection -->"
"""Where the collection step puts what the collection shows of a text (adopted as…)."""


@dataclass(frozen=True)
class DocumentTask:
    """One document to build into ``store``."""

    source: str
    """The source file, as the user gave it."""
    store: str
    """The folder holding the built documents' folders."""
    settings: BuildSettings
    """The configuration, public address and engine."""


@dataclass(frozen=True)
class DocumentResult:
    """What building one document did."""

    source: str
    """The source file."""
    folder: str | None
    """Its folder in the store, or None if it failed."""
    seconds: float
    """Time taken."""
    reused: bool
    """Whether the folder was already up to date."""
    warnings: int
    """Warnings about the source."""
    error: str | None = None
    """Why it failed: the message, naming the file and line or page."""


def part_key(digest: str, settings: str) -> str:
    """The digest of everything a document's folder depends on: its source's ``digest``
    and ``settings`` (:func:`~unreport.publish.build.settings_key`'s)."""
    return hashlib.sha256(f"{PART_FORMAT}:{source_key(digest, settings)}".encode()).hexdigest()


def source_digest(path: Path) -> str:
    """SHA-256 of a source file's bytes (as ``Report.digest``)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


STORE_MARKER = ".unreport-documents"
"""Marks a folder of built documents (a store) that unreport made."""


def documents_store() -> Path | None:
    """Where built documents are kept between builds: ``documents`` in the cache folder
    (``UNREPORT_CACHE_DIR``, or the user's cache: ``~/.cache/unreport`` on Linux), or
    None when the user turned the cache off (``UNREPORT_CACHE_DIR=``)."""
    from unreport.publish.mkdocs_engine import CACHE_VARIABLE

    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is not None:
        return Path(chosen) / "documents" if chosen.strip() else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("unreport", appauthor=False)) / "documents"


def prepare_store(store: Path, shown: str) -> None:
    """Make ``store`` ready for built documents: new, empty, or one unreport made."""
    from unreport.publish.ownership import UnsafeTarget

    if store.exists() and (not store.is_dir() or (any(store.iterdir()) and
                                                  not (store / STORE_MARKER).is_file())):
        raise UnsafeTarget(f"{shown}: exists and is not a folder of documents unreport "
                           "built; give a new or empty folder, or one that `unreport "
                           "build-documents` wrote.")
    (store / "keys").mkdir(parents=True, exist_ok=True)
    (store / STORE_MARKER).write_text("A folder of documents built by unreport.\n", "utf-8")


def _stored(store: Path, key: str) -> Path | None:
    """The folder in ``store`` built with ``key``, if there is one (``keys/KEY`` names it)."""
    try:
        folder = store / (store / "keys" / key).read_text("utf-8").strip()
        summary = json.loads((folder / SUMMARY_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return folder if summary.get("build_key") == key else None


def find_built(task: DocumentTask, settings: str) -> tuple[str, DocumentResult | None]:
    """The key of ``task``'s document (``settings``: :func:`settings_key`'s) and, if the
    store holds it built or its source cannot be read, the result; None: to be built."""
    started = time.perf_counter()
    try:
        key = part_key(source_digest(Path(task.source)), settings)
    except OSError as error:
        return "", DocumentResult(task.source, None, time.perf_counter() - started, False,
                                  0, f"{task.source}: {error.strerror or error}")
    found = _stored(Path(task.store), key)
    return key, None if found is None else DocumentResult(
        task.source, str(found), time.perf_counter() - started, True, 0)


def build_document(task: DocumentTask, key: str) -> DocumentResult:
    """Build one document's folder into the store under ``key`` (:func:`find_built`'s);
    never raises for a problem in the source: the result says it."""
    from unreport.diagnostics import SourceError, SourceUnavailable
    from unreport.publish.engine import BuildError

    started = time.perf_counter()
    try:
        folder, warnings = _build(Path(task.source), Path(task.store), task.settings, key)
    except (SourceError, SourceUnavailable, BuildError) as error:
        return DocumentResult(task.source, None, time.perf_counter() - started, False, 0,
                              str(error))
    except OSError as error:
        return DocumentResult(task.source, None, time.perf_counter() - started, False, 0,
                              f"{task.source}: {error.strerror or error}")
    return DocumentResult(task.source, str(folder), time.perf_counter() - started, False,
                          warnings)


def _build(source: Path, store: Path, settings: BuildSettings, key: str) -> tuple[Path, int]:
    from unreport.analysis import analyse
    from unreport.parse import parse
    from unreport.parse.source import read_source
    from unreport.parse.verify import verify
    from unreport.publish.build import engine_adapter, generate
    from unreport.site.render import nav

    parsed = parse(read_source(str(source)))
    verify(parsed)
    report = parsed.report
    folder = folder_name(report.symbol)
    (store / "keys").mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder}-", dir=store))
    try:
        docs = work / "docs"
        generated = generate(report)
        texts = {addresses_page for addresses_page in _text_pages(report)}
        for name, text in generated.files.items():
            if name.endswith(".md"):
                text = with_places(text, name in texts)
            target = docs / folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")
        summary = summarise(analyse(report), key)
        job = EngineJob(settings.config_file(), docs, work / "site", site_name(report),
                        nested_nav(nav(report), folder), (), (), settings.site_url,
                        report.date, document_settings(summary))
        engine_adapter(settings).build(job)
        built = job.site / folder
        (built / SUMMARY_NAME).write_text(summary.to_json(), "utf-8")
        write_records(generated.search, summary, built)
        final = store / folder
        old = work / "previous"
        if final.exists():
            final.rename(old)
        built.rename(final)
        (store / "keys" / key).write_text(folder + "\n", "utf-8")
        return final, len(parsed.warnings)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _text_pages(report: Any) -> list[str]:
    from unreport import addresses

    return [addresses.draft_page(r.slug) for r in report.resolutions] + \
        [addresses.draft_decision_page(d.slug) for d in report.decisions]


def with_places(markdown: str, is_text: bool) -> str:
    """A page's Markdown with the places the collection step fills: under the page's
    title (a text's page) and at its end (every page)."""
    lines = markdown.split("\n")
    if is_text:
        for index, line in enumerate(lines):
            if line.startswith("# "):
                lines[index + 1:index + 1] = ["", IN_COLLECTION, ""]
                break
    return "\n".join(lines).rstrip("\n") + f"\n\n{CITED_IN}\n"


def nested_nav(entries: list[object], folder: str) -> list[object]:
    """A navigation with every page moved into ``folder``."""
    out: list[object] = []
    for entry in entries:
        if isinstance(entry, dict):
            out.append({title: nested_nav(value, folder) if isinstance(value, list)
                        else f"{folder}/{value}" for title, value in entry.items()})
        else:
            out.append(f"{folder}/{entry}")
    return out


def document_settings(summary: DocumentSummary) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """What a document of a collection sets on top of the configuration: no search of
    its own (the collection's searches every document), the logo leading to the
    collection's home page, and its symbol for the templates."""

    def adjust(raw: dict[str, Any]) -> dict[str, Any]:
        return collection_settings(raw, {"symbol": summary.symbol})

    return adjust


def collection_settings(raw: dict[str, Any], document: dict[str, Any] | None) \
        -> dict[str, Any]:
    """Settings for a page of a collection: without the search plugins, with
    ``extra.unreport_collection`` telling the templates where they are."""
    plugins = raw.get("plugins")
    listed = list(plugins) if isinstance(plugins, list) else (
        [{k: v} for k, v in plugins.items()] if isinstance(plugins, dict) else [])
    kept = [p for p in listed
            if (p if isinstance(p, str) else next(iter(p), "")).removeprefix("material/")
            not in ("search", "offline")]
    extra = dict(raw.get("extra") or {})
    extra["homepage"] = "index.html"
    extra["unreport_collection"] = document or {"root": True}
    return {"plugins": kept, "extra": extra}


def build_documents(tasks: Sequence[DocumentTask], jobs: int,
                    progress: Callable[[DocumentResult, int, int], None] | None = None) \
        -> list[DocumentResult]:
    """Build every document not in the store yet, ``jobs`` at a time (one process each;
    in this process when there is one to build); results in the tasks' order. The keys
    are worked out here first, the configuration's part once, so that the documents
    already built are found without starting a process. The largest sources are handed
    out first, so that no long document is left to build alone at the end while the
    other processes wait."""
    results: dict[int, DocumentResult] = {}

    def done(index: int, result: DocumentResult) -> None:
        results[index] = result
        if progress:
            progress(result, len(results), len(tasks))

    settings: dict[BuildSettings, str] = {}
    waiting: dict[int, str] = {}
    for index, task in enumerate(tasks):
        if task.settings not in settings:
            settings[task.settings] = settings_key(task.settings)
        key, result = find_built(task, settings[task.settings])
        if result is None:
            waiting[index] = key
        else:
            done(index, result)
    if jobs <= 1 or len(waiting) <= 1:
        for index, key in waiting.items():
            done(index, build_document(tasks[index], key))
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(min(jobs, len(waiting)), mp_context=context) as pool:
            largest_first = sorted(waiting, key=lambda i: -_size(tasks[i].source))
            futures = {pool.submit(build_document, tasks[index], waiting[index]): index
                       for index in largest_first}
            for future in as_completed(futures):
                done(futures[future], future.result())
    return [results[index] for index in range(len(tasks))]


def _size(source: str) -> int:
    try:
        return os.path.getsize(source)
    except OSError:
        return 0


def default_jobs() -> int:
    """As many processes as the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
