"""Build a collection: find the sources, build each document (in parallel, or find it
built), then compose the site. What ``unreport build PATH…`` runs; ``unreport
build-documents`` and ``unreport collect`` run its two halves apart (a CI matrix or a
batch queue builds documents on many machines; one machine collects their folders).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from unreport.collection.compose import Composed, compose
from unreport.collection.document_build import (
    DocumentResult,
    DocumentTask,
    build_documents,
    documents_store,
    prepare_store,
)
from unreport.collection.summary import DocumentSummary
from unreport.diagnostics import SourceError, SourceUnavailable
from unreport.publish.build import BuildSettings

SOURCE_SUFFIXES = (".pdf", ".md")
"""What a folder given as a source contributes: its PDFs and Markdown files."""


def find_sources(paths: Sequence[str]) -> list[str]:
    """The source files named by ``paths`` (files, or folders searched for PDFs and
    Markdown files, in name order); a missing path is an error."""
    found: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(str(p) for p in path.rglob("*")
                            if p.suffix.lower() in SOURCE_SUFFIXES and p.is_file()
                            and not any(part.startswith(".") for part in p.parts[len(
                                path.parts):]))
            if not inside:
                raise SourceUnavailable(given, "a folder with no PDF or Markdown file in "
                                        "it; give the documents' files or their folder.")
            found.extend(inside)
        elif path.is_file():
            found.append(given)
        else:
            raise SourceUnavailable(given, "no such file or folder.")
    return list(dict.fromkeys(found))


def is_collection(paths: Sequence[str]) -> bool:
    """Whether ``paths`` name a collection (several files, or a folder) rather than one
    document."""
    return len(paths) > 1 or any(Path(p).is_dir() for p in paths)


class DocumentsFailed(SourceError):
    """Some documents of a collection have problems; the message lists each, by file."""

    def __init__(self, message: str) -> None:
        super().__init__("", message)

    def __reduce__(self) -> tuple[object, ...]:
        return type(self), (self.message,)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Built:
    """Documents built (or found built) into a store."""

    results: tuple[DocumentResult, ...]
    """One per source, in the sources' order."""

    @property
    def reused(self) -> int:
        """How many were up to date."""
        return sum(r.reused for r in self.results)


class Progress:
    """Documents done of total and the slowest so far, on one terminal line; nothing
    when the output is not a terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.slowest: DocumentResult | None = None
        self.shown = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, result: DocumentResult, done: int, total: int) -> None:
        if not result.reused and (self.slowest is None or
                                  result.seconds > self.slowest.seconds):
            self.slowest = result
        if not self.shown:
            return
        slowest = (f"; slowest {Path(self.slowest.source).name} "
                   f"{self.slowest.seconds:.1f} s" if self.slowest else "")
        end = "\n" if done == total else ""
        print(f"\r{done}/{total} documents{slowest}\033[K", end=end, file=self.stream,
              flush=True)


def build_into_store(sources: Sequence[str], store: Path, settings: BuildSettings,
                     jobs: int, progress: Callable[[DocumentResult, int, int], None] | None
                     = None) -> Built:
    """Build every source's folder into ``store``; a source with problems stops the
    collection (after every document was tried), naming each file and what is wrong."""
    tasks = [DocumentTask(source, str(store), settings) for source in sources]
    results = tuple(build_documents(tasks, jobs, progress))
    failed = [r for r in results if r.error]
    if failed:
        listed = "\n".join(f"  {r.error}" for r in failed)
        raise DocumentsFailed(f"{len(failed)} of {len(results)} documents could not be "
                              f"built, so the collection was not:\n{listed}")
    return Built(results)


def build_collection(sources: Sequence[str], site_dir: Path, settings: BuildSettings, *,
                     jobs: int, shown: str | None = None,
                     progress: Callable[[DocumentResult, int, int], None] | None = None) \
        -> tuple[Built, Composed]:
    """``unreport build PATH…``: every document into the store, then the site (the site's
    folder is checked by ``compose``, and by the command line before anything else)."""
    store = documents_store()
    temporary = None
    if store is None:
        temporary = Path(tempfile.mkdtemp(prefix="unreport-documents-"))
        store = temporary
    try:
        prepare_store(store, str(store))
        built = build_into_store(sources, store, settings, jobs, progress)
        given: dict[str, list[str]] = {}
        for result in built.results:
            given.setdefault(str(result.folder), []).append(result.source)
        twice = [files for files in given.values() if len(files) > 1]
        if twice:
            raise DocumentsFailed("the same document was given more than once, as " +
                                  "; ".join(" and ".join(files) for files in twice) +
                                  ": give each document once.")
        folders = [(DocumentSummary.read(Path(folder)), Path(folder)) for folder in given]
        return built, compose(folders, site_dir, settings, shown=shown,
                              cache=None if temporary else store / "search")
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)
