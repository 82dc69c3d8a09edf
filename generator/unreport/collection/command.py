"""The command line's collection commands: ``build``, ``bundle`` and ``serve`` of several
documents, ``build-documents`` and ``collect``. Each says what it did in a few lines."""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path

from unreport.collection.build import Progress, build_collection, build_into_store, find_sources
from unreport.collection.compose import Composed, compose, read_folders
from unreport.collection.document_build import default_jobs, documents_store, prepare_store
from unreport.collection.mandates import STATUSES
from unreport.publish.build import BuildSettings


def sources(args: argparse.Namespace) -> list[str]:
    """The source files the command names."""
    return find_sources(args.source)


def _jobs(args: argparse.Namespace) -> int:
    return args.jobs or default_jobs()


def _told(composed: Composed, built: int | None = None, reused: int = 0) -> str:
    collection = composed.collection
    lines = []
    if built is not None:
        lines.append(f"{len(collection.documents)} documents: {built - reused} built, "
                     f"{reused} up to date.")
    drafts = len(collection.identities)
    links = len(collection.links)
    lines.append(f"{links} {'citation leads' if links == 1 else 'citations lead'} from one "
                 "document to another; "
                 f"{drafts} {'draft is' if drafts == 1 else 'drafts are'} shown to have "
                 f"become {'a resolution' if drafts == 1 else 'resolutions'}.")
    requests = sum(composed.mandates.values())
    lines.append(f"{composed.comparisons} pairs of versions compared; {requests} requests for "
                 "a report followed (" + (", ".join(
                     f"{composed.mandates[status]} {status.replace('-', ' ')}"
                     for status in STATUSES if status in composed.mandates) or "none") + ").")
    lines += [f"warning: {w}" for w in composed.warnings]
    return "\n".join(lines)


def maker(args: argparse.Namespace, settings: BuildSettings, found: list[str]) \
        -> Callable[[Path], None]:
    """Builds the collection's site into a new folder (for ``serve``)."""

    def make(site: Path) -> None:
        _, composed = build_collection(found, site, settings, jobs=_jobs(args))
        print(_told(composed), flush=True)

    return make


def run(args: argparse.Namespace, settings: BuildSettings) -> str:
    """``build``/``bundle`` of a collection, ``build-documents`` or ``collect``."""
    if args.command == "collect":
        folders = [Path(f) for f in args.folders]
        store = documents_store()
        composed = compose(read_folders(folders), Path(args.site_dir), settings,
                           shown=args.site_dir, cache=store / "search" if store else None)
        return (f"{_told(composed)}\nSite written to {args.site_dir}/ — serve it (search "
                f"needs http): python -m http.server -d {args.site_dir}")
    found = sources(args)
    if args.command == "build-documents":
        out = Path(args.out)
        prepare_store(out, args.out)
        built = build_into_store(found, out, settings, _jobs(args), Progress())
        return (f"{len(built.results)} documents in {args.out}/: "
                f"{len(built.results) - built.reused} built, {built.reused} up to date. "
                f"Make the site with: unreport collect {args.out} [more folders…]")
    if args.command == "bundle":
        return _bundle(args, settings, found)
    built, composed = build_collection(found, Path(args.site_dir), settings,
                                       jobs=_jobs(args), shown=args.site_dir,
                                       progress=Progress())
    return (f"{_told(composed, len(built.results), built.reused)}\nSite written to "
            f"{args.site_dir}/ — serve it (search needs http): python -m http.server -d "
            f"{args.site_dir}")


def _bundle(args: argparse.Namespace, settings: BuildSettings, found: list[str]) -> str:
    """A collection's site, zipped: every page reads from disk; search needs a server."""
    from unreport.publish.bundle import write_zip
    from unreport.publish.ownership import check_zip_output

    output = args.output or "collection.zip"
    check_zip_output(Path(output), output)
    with tempfile.TemporaryDirectory(prefix="unreport-bundle-") as work:
        site = Path(work) / "collection"
        built, composed = build_collection(found, site, settings, jobs=_jobs(args),
                                           progress=Progress())
        count = write_zip(site, Path(output), "collection")
    size = Path(output).stat().st_size
    return (f"{_told(composed, len(built.results), built.reused)}\nOffline bundle written "
            f"to {output} ({count} files, {size / 1_000_000:.1f} MB): unzip it and open "
            "collection/index.html. Every page and link works from disk; the search of "
            "the whole collection needs the folder served over http (python -m "
            "http.server -d collection), as browsers do not let it load its index from "
            "disk.")
