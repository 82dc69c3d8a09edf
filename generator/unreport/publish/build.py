"""Build a site from a parsed report, all or nothing.

:func:`generate` makes everything a site is built from — the pages, the data
files and the search entries — without touching the disk. :func:`build_site`
writes them into a docs folder in a temporary folder beside the target, has the
engine build the site there (``mkdocs_engine``), and moves it into place only
when everything succeeded, so a failed build leaves the previous site untouched
and no half-written folder; a folder is replaced only if an earlier build wrote
it (``ownership.py``). One process, the stages in order.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from unreport import addresses
from unreport.model import Report
from unreport.publish.engine import BuildError, ConfigAdjustment, EngineJob
from unreport.publish.ownership import (
    MARKER,
    Stamp,
    check_out_dir,
    check_site_dir,
    file_digests,
    read_marker,
    sha256_of,
    version,
    written_by_unreport,
)
from unreport.publish.resources import site_resources
from unreport.site.search_entries import SearchEntry

__all__ = ["BuildError", "BuildSettings", "Generated", "Timings", "build_key", "build_site",
           "engine_adapter", "generate", "inputs_key", "link_or_copy", "new_site", "settings_key",
           "site_files",
           "site_is_current", "source_key", "write_files"]


@dataclass(frozen=True)
class BuildSettings:
    """How the user asked for the site to be built."""

    config: Path | None = None
    """A MkDocs configuration replacing the built-in one (``--config``)."""
    site_url: str | None = None
    """The public address of the site (``--site-url``); the configuration's otherwise."""
    engine: str = "mkdocs"
    """What builds the site (``--engine``): ``mkdocs`` (MkDocs with Material for MkDocs)
    or ``zensical``."""

    def config_file(self) -> Path:
        """The configuration to build with."""
        return self.config or site_resources().config


@dataclass(frozen=True)
class Timings:
    """Seconds spent in each stage of a build."""

    render: float
    """Rendering pages and data files."""
    mkdocs: float
    """The engine building the site."""


@dataclass(frozen=True)
class Generated:
    """Everything a site is built from, made in memory."""

    files: dict[str, str]
    """``{path in the docs folder: text}``: the pages, the data files, the Data page."""
    search: tuple[SearchEntry, ...]
    """The search entries of the pages with paragraphs."""


def generate(report: Report) -> Generated:
    """The report's pages, data files and search entries: analyse, render, export."""
    from unreport.analysis import analyse
    from unreport.export.files import export_files
    from unreport.site.data_page import data_page
    from unreport.site.render import render

    analysis = analyse(report)
    rendered = render(analysis)
    files = {**rendered.pages, **export_files(analysis)}
    files[addresses.DATA] = data_page(report, files)
    return Generated(files, rendered.search)


def site_files(report: Report) -> dict[str, str]:
    """Everything generated for the docs folder: pages, the JSON export, the open data."""
    return generate(report).files


def stamp(report: Report) -> Stamp:
    """What the marker of a folder made from ``report`` records."""
    return Stamp(str(report.symbol), report.date, report.digest)


def write_files(files: dict[str, str], out: Path, report: Report) -> None:
    """Write generated files into ``out``, removing what an earlier run wrote there.

    ``out`` must be new, empty, or written by an earlier run (checked again here,
    with the names about to be written); files of anyone else are never touched.
    """
    check_out_dir(out, str(out), files)
    earlier = written_by_unreport(out) or set()
    for name in sorted(earlier - set(files)):
        stale = out / name
        if stale.is_file():
            stale.unlink()
    _write(out, files)
    digests = {name: sha256_of(text.encode("utf-8")) for name, text in files.items()}
    (out / MARKER).write_text(stamp(report).marker(digests), "utf-8")


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")


def build_key(report: Report, settings: BuildSettings | None = None) -> str:
    """A digest of everything a build's output depends on.

    The source, unreport's and the engine's versions, the configuration (and
    whatever it inherits), the theme overrides, the hand-written pages and the
    public address: two builds with the same key write the same bytes (the tests
    check that builds are reproducible), so a site whose marker has the key is up
    to date.
    """
    return inputs_key(report.digest, settings)


def inputs_key(digest: str, settings: BuildSettings | None = None) -> str:
    """:func:`build_key` of a source whose bytes have the SHA-256 ``digest`` (known
    before the source is parsed)."""
    return source_key(digest, settings_key(settings or BuildSettings()))


def source_key(digest: str, settings: str) -> str:
    """:func:`inputs_key` from the source's digest and :func:`settings_key`'s (worked out
    once for many sources)."""
    return hashlib.sha256(f"{settings}:{digest}".encode()).hexdigest()


def settings_key(settings: BuildSettings) -> str:
    """A digest of everything but the source a build's output depends on."""
    from unreport.publish.mkdocs_engine import read_config, theme_overrides

    config_file = settings.config_file()
    raw = read_config(config_file)
    digest_of = hashlib.sha256()
    parts: list[object] = [version(), settings.site_url, settings.engine,
                           engine_adapter(settings).tool_versions(),
                           json.dumps(raw, sort_keys=True, default=str)]
    folders = [config_file.parent / str(raw.get("docs_dir") or "docs")]
    theme = {**raw, **theme_overrides(raw)}.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        folders.append(config_file.parent / str(theme["custom_dir"]))
    for folder in folders:
        parts.append(sorted(file_digests(folder).items()) if folder.is_dir() else None)
    digest_of.update(json.dumps(parts, default=str).encode("utf-8"))
    digest_of.update(config_file.read_bytes())
    return digest_of.hexdigest()


def engine_adapter(settings: BuildSettings) -> ModuleType:
    """The adapter of the engine ``settings`` name: ``mkdocs_engine`` or ``zensical_engine``."""
    from unreport.publish import mkdocs_engine, zensical_engine

    return zensical_engine if settings.engine == "zensical" else mkdocs_engine


def site_is_current(site_dir: Path, key: str) -> bool:
    """Whether ``site_dir`` holds, unchanged, the site a build with ``key`` would write."""
    marker = read_marker(site_dir)
    if marker is None or marker.get("build_key") != key:
        return False
    recorded = marker.get("files")
    return isinstance(recorded, dict) and file_digests(site_dir) == recorded


def site_name(report: Report) -> str:
    """The site's name: the symbol and what the document is about — a resolution's or a
    draft's own title, a report's agenda item."""
    text = report.resolutions[0].title if report.kind in ("resolution", "draft") and \
        report.resolutions else report.title
    return f"{report.symbol}: {text}"


def build_site(report: Report, site_dir: Path, settings: BuildSettings | None = None, *,
               shown: str | None = None, adjust_config: ConfigAdjustment | None = None,
               key: str | None = None, checks: Callable[[], None] | None = None) -> Timings:
    """Generate the pages and build the site into ``site_dir``; all or nothing.

    ``shown`` is the folder as the user typed it, for messages. ``adjust_config``
    returns more settings from the configuration's raw values (the offline bundle
    adds plugins with it). ``key`` is :func:`build_key`'s, when the caller has it
    already. ``checks`` (the nothing-lost check) run first: a problem in the source
    is told before anything is built.
    """
    from unreport.publish import mkdocs_engine
    from unreport.site.render import nav

    settings = settings or BuildSettings()
    check_site_dir(site_dir, shown or str(site_dir), [site_resources().root])
    config_file = settings.config_file()
    raw = mkdocs_engine.read_config(config_file)
    if adjust_config:
        key = None
    elif key is None:
        key = build_key(report, settings)
    if checks:
        checks()
    started = time.perf_counter()
    with new_site(site_dir) as work:
        docs = work / "docs"
        handwritten = mkdocs_engine.handwritten(
            config_file.parent / str(raw.get("docs_dir") or "docs"))
        for name, data in handwritten.items():
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_bytes(data)
        generated = generate(report)
        _write(docs, generated.files)
        rendered = time.perf_counter()
        job = EngineJob(config_file, docs, work / "site", site_name(report),
                        nav(report), tuple(handwritten), generated.search, settings.site_url,
                        report.date, adjust_config)
        engine_adapter(settings).build(job)
        built = time.perf_counter()
        (job.site / MARKER).write_text(stamp(report).marker(file_digests(job.site), key),
                                       "utf-8")
    return Timings(rendered - started, built - rendered)


@contextmanager
def new_site(site_dir: Path) -> Iterator[Path]:
    """A new temporary folder beside ``site_dir`` to make a site in, all or nothing: the
    site the block writes into its ``site`` sub-folder replaces ``site_dir`` when the block
    ends; if the block fails, nothing is left, not even the folders made for it."""
    site_dir = site_dir.resolve()
    made = _make_folders(site_dir.parent)
    work = Path(tempfile.mkdtemp(prefix=".unreport-", dir=site_dir.parent))
    done = False
    try:
        yield work
        _swap_into_place(work / "site", site_dir, work)
        done = True
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if not done:  # a failed build leaves no trace, not even the folders it made
            for folder in reversed(made):
                with suppress(OSError):
                    folder.rmdir()


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """Put the file ``source`` at ``target``: a hard link where the disk allows (a site
    made of files kept in the cache costs no copy), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _swap_into_place(built: Path, site_dir: Path, work: Path) -> None:
    old = work / "previous-site"
    if site_dir.exists():
        site_dir.rename(old)
    try:
        built.rename(site_dir)
    except OSError:
        if old.exists():
            old.rename(site_dir)
        raise
