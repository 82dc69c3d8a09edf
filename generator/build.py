"""Stage 6, build: write the pages and let MkDocs make the site — atomically.

This is the only stage that writes to disk. The site is built in a temporary
folder beside the target and moved into place only when MkDocs succeeds, so a
failed build leaves the previous site untouched and no half-written folder; a
folder is replaced only if an earlier build wrote it (``ownership.py``).

MkDocs runs in this process through its public API (``load_config`` and
``build``), on the configuration that ships with unreport (``mkdocs.yml``, see
``resources.py``) or on one the user names with ``--config``. The report's name,
navigation and the folders are given as overrides; everything else, theme and
plugins included, comes from that file. The generator depends on the Markdown
it writes, not on MkDocs internals.
"""

from __future__ import annotations

import calendar
import copy
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .ownership import (
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
from .resources import site_resources

if TYPE_CHECKING:  # the stages are imported where they are used (see load_for_build)
    from .crossrefs import ReferenceLayer
    from .mandates import MandateLayer
    from .model import Report


class BuildError(Exception):
    """MkDocs failed, or its configuration could not be used; the message says why."""


@dataclass(frozen=True)
class BuildSettings:
    """How the user asked for the site to be built."""

    config: Path | None = None
    """A MkDocs configuration replacing the built-in one (``--config``)."""
    site_url: str | None = None
    """The public address of the site (``--site-url``); the configuration's otherwise."""

    def config_file(self) -> Path:
        """The configuration to build with."""
        return self.config or site_resources().config


@dataclass(frozen=True)
class Timings:
    """Seconds spent in each stage of a build."""

    render: float
    """Rendering pages and JSON."""
    mkdocs: float
    """MkDocs building the site."""


ConfigAdjustment = Callable[[dict[str, Any]], dict[str, Any]]
"""Given the configuration file's raw values, more overrides (the offline bundle's)."""


def site_files(report: Report) -> dict[str, str]:
    """Everything generated for the docs folder: pages, the JSON export, the open data."""
    from .crossrefs import build_layer
    from .mandates import build_mandates
    from .opendata import DATA_PAGE, data_page
    from .render import render

    layer = build_layer(report)
    mandates = build_mandates(report)
    files = render(report, layer, mandates)
    files.update(export_files(report, layer, mandates))
    files[DATA_PAGE] = data_page(report, files)
    return files


def export_files(report: Report, layer: ReferenceLayer, mandates: MandateLayer
                 ) -> dict[str, str]:
    """The downloads: the JSON export and the open data files (not the Data page)."""
    from .export import to_json
    from .opendata import data_files

    return {f"{report.symbol.slug}.json": to_json(report, layer, mandates),
            **data_files(report, layer, mandates)}


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
    for name, text in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    digests = {name: sha256_of(text.encode("utf-8")) for name, text in files.items()}
    (out / MARKER).write_text(stamp(report).marker(digests), "utf-8")


def _handwritten(docs: Path | None) -> dict[str, bytes]:
    """Hand-written pages and files of the configuration's docs folder."""
    if docs is None or not docs.is_dir():
        return {}
    return {path.relative_to(docs).as_posix(): path.read_bytes()
            for path in sorted(docs.rglob("*"))
            if path.is_file() and not path.name.startswith(".")}


def _handwritten_nav(pages: dict[str, bytes]) -> list[object]:
    """Hand-written pages at the top of docs/ go after the generated ones, in name order."""
    entries: list[object] = []
    for name in sorted(n for n in pages if n.endswith(".md") and "/" not in n):
        title = name.removesuffix(".md").replace("-", " ").capitalize()
        for line in pages[name].decode("utf-8", "replace").splitlines():
            if line.startswith("# "):
                title = line[2:].split("{")[0].strip()
                break
        entries.append({title: name})
    return entries


_read: dict[tuple[str, int, int], dict[str, Any]] = {}
"""Configurations already read, by path and the file's state: each is read once a build."""


def read_config(config_file: Path) -> dict[str, Any]:
    """The configuration file's raw values, read as MkDocs reads them (``!ENV``, INHERIT).

    Each call gets its own copy: MkDocs changes the values it is given.
    """
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        state = config_file.stat()
        seen = (str(config_file.resolve()), state.st_mtime_ns, state.st_size)
        if seen in _read:
            return copy.deepcopy(_read[seen])
        with config_file.open("rb") as handle:
            raw = yaml_load(handle)
    except (OSError, ValueError, ConfigurationError) as error:
        raise BuildError(f"{config_file}: cannot be read as a MkDocs configuration "
                         f"({error}).") from None
    except Exception as error:  # noqa: BLE001 — yaml's errors have no common base here
        raise BuildError(f"{config_file}: is not valid YAML ({error}).") from None
    if not isinstance(raw, dict):
        raise BuildError(f"{config_file}: is not a MkDocs configuration (a YAML mapping).")
    _read[seen] = copy.deepcopy(raw)
    return raw


def _theme_overrides(raw: dict[str, Any]) -> dict[str, Any]:
    """unreport's theme overrides for a Material configuration that names none of its own.

    Its stylesheet and script give the paragraph numbers, the citing tools and the
    offline search; a restyled copy that only changes colours keeps them.
    """
    theme = raw.get("theme")
    theme = {"name": theme} if isinstance(theme, str) else theme
    if not isinstance(theme, dict) or theme.get("name") != "material" or \
            theme.get("custom_dir"):
        return {}
    return {"theme": {**theme, "custom_dir": str(site_resources().root / "site_overrides")}}


_TOOLS = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "jinja2")
"""Packages whose version changes what a build writes."""


OUR_PLUGIN = "unreport"
"""``mkdocs_plugin.py``'s name among MkDocs' plugins (``pyproject.toml``'s entry point)."""


def with_our_plugin(plugins: object) -> object:
    """A ``plugins`` setting (list, mapping or none: MkDocs' ``search``) plus unreport's."""
    if isinstance(plugins, dict):
        return plugins if OUR_PLUGIN in plugins else {**plugins, OUR_PLUGIN: {}}
    listed = list(plugins) if isinstance(plugins, list) else ["search"]
    named = [p if isinstance(p, str) else next(iter(p), None) for p in listed]
    return listed if OUR_PLUGIN in named else [*listed, OUR_PLUGIN]


def build_key(report: Report, settings: BuildSettings | None = None) -> str:
    """A digest of everything a build's output depends on.

    The source, unreport's and MkDocs' versions, the configuration (and whatever it
    inherits), the theme overrides, the hand-written pages and the public address:
    two builds with the same key write the same bytes (the tests check that builds
    are reproducible), so a site whose marker has the key is up to date.
    """
    from importlib import metadata

    settings = settings or BuildSettings()
    config_file = settings.config_file()
    raw = read_config(config_file)
    digest = hashlib.sha256()
    parts: list[object] = [version(), report.digest, settings.site_url,
                           [metadata.version(name) for name in _TOOLS],
                           json.dumps(raw, sort_keys=True, default=str)]
    folders = [config_file.parent / str(raw.get("docs_dir") or "docs")]
    theme = {**raw, **_theme_overrides(raw)}.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        folders.append(config_file.parent / str(theme["custom_dir"]))
    for folder in folders:
        parts.append(sorted(file_digests(folder).items()) if folder.is_dir() else None)
    digest.update(json.dumps(parts, default=str).encode("utf-8"))
    digest.update(config_file.read_bytes())
    return digest.hexdigest()


def site_is_current(site_dir: Path, key: str) -> bool:
    """Whether ``site_dir`` holds, unchanged, the site a build with ``key`` would write."""
    marker = read_marker(site_dir)
    if marker is None or marker.get("build_key") != key:
        return False
    recorded = marker.get("files")
    return isinstance(recorded, dict) and file_digests(site_dir) == recorded


def build_site(report: Report, site_dir: Path, settings: BuildSettings | None = None, *,
               shown: str | None = None, adjust_config: ConfigAdjustment | None = None,
               key: str | None = None, checks: Callable[[], None] | None = None) -> Timings:
    """Generate the pages and build the site into ``site_dir``; all or nothing.

    ``shown`` is the folder as the user typed it, for messages. ``adjust_config``
    returns more MkDocs overrides from the configuration's raw values (the offline
    bundle adds plugins with it). ``key`` is :func:`build_key`'s, when the caller
    has it already. ``checks`` (the nothing-lost check) must pass before the site is
    put in place; they run first, so that a problem in the source is told before
    anything is built.
    """
    from .search_index import rewrite as rewrite_search_index

    settings = settings or BuildSettings()
    protected = [site_resources().root]
    check_site_dir(site_dir, shown or str(site_dir), protected)
    config_file = settings.config_file()
    raw = read_config(config_file)
    if adjust_config:
        key = None
    elif key is None:
        key = build_key(report, settings)
    if checks:
        checks()
    started = time.perf_counter()
    site_dir = site_dir.resolve()
    made = _make_folders(site_dir.parent)
    work = Path(tempfile.mkdtemp(prefix=".unreport-", dir=site_dir.parent))
    done = False
    try:
        docs, site = work / "docs", work / "site"
        handwritten = _handwritten(config_file.parent / str(raw.get("docs_dir") or "docs"))
        for name, data in handwritten.items():
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_bytes(data)
        taken = _write_docs(docs, site_files(report))
        overrides = _overrides(report, settings, raw, adjust_config, docs, site,
                               _handwritten_nav(handwritten))
        rendered = time.perf_counter()
        run_mkdocs(config_file, overrides, report)
        rewrite_search_index(site, taken)
        built = time.perf_counter()
        (site / MARKER).write_text(stamp(report).marker(file_digests(site), key), "utf-8")
        _swap_into_place(site, site_dir, work)
        done = True
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if not done:  # a failed build leaves no trace, not even the folders it made
            for folder in reversed(made):
                with suppress(OSError):
                    folder.rmdir()
    return Timings(rendered - started, built - rendered)


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _overrides(report: Report, settings: BuildSettings, raw: dict[str, Any],
               adjust_config: ConfigAdjustment | None, docs: Path, site: Path,
               handwritten_nav: list[object]) -> dict[str, Any]:
    """What a build sets on top of the configuration file."""
    from .markdown_text import html_nav, html_text
    from .render import nav

    overrides: dict[str, Any] = {
        "docs_dir": str(docs), "site_dir": str(site), "strict": True,
        # Templates print these as HTML: the report's titles must arrive escaped.
        "site_name": html_text(f"{report.symbol}: {report.title}"),
        "nav": html_nav(nav(report)) + handwritten_nav,
        "site_url": settings.site_url,
    }
    overrides.update(_theme_overrides(raw))
    if adjust_config:
        overrides.update(adjust_config(raw))
    overrides["plugins"] = with_our_plugin(overrides.get("plugins", raw.get("plugins")))
    return overrides


def _write_docs(docs: Path, files: dict[str, str]) -> list[str]:
    """Write generated files into the docs folder; return the pages (``x.html``) whose
    search entries ``search_index`` makes (Material is told to skip them)."""
    from .search_index import take_over

    taken = []
    for name, text in files.items():
        if name.endswith(".md"):
            marked = take_over(text)
            taken += [name.removesuffix(".md") + ".html"] if marked != text else []
            text = marked
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, "utf-8")
    return taken


class _Captured(logging.Handler):
    """Collects what MkDocs and its plugins log at warning level and above."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.levelname}: {record.getMessage()}")


@contextmanager
def _mkdocs_logs() -> Iterator[_Captured]:
    """MkDocs' messages go to the error message, not straight to the user's terminal."""
    logger = logging.getLogger("mkdocs")
    handler = _Captured()
    saved = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate, _ = saved
        logger.setLevel(saved[1])


@contextmanager
def _build_date(report: Report) -> Iterator[None]:
    """Reproducible output: MkDocs dates the sitemap with SOURCE_DATE_EPOCH when set."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    if report.date:
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(report.date.timetuple()))
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def run_mkdocs(config_file: Path, overrides: dict[str, Any], report: Report) -> None:
    """Build with MkDocs in strict mode: ``config_file`` with ``overrides`` on top."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _mkdocs_logs() as logs, _build_date(report):
        try:
            build(load_config(config_file=str(config_file), **overrides))
        except (MkDocsException, SystemExit) as error:
            output = "\n".join(logs.records) or str(error)
            raise BuildError(f"MkDocs could not build the site with {config_file}:\n"
                             f"{output}") from None


def _swap_into_place(new_site: Path, site_dir: Path, work: Path) -> None:
    old = work / "previous-site"
    if site_dir.exists():
        site_dir.rename(old)
    try:
        new_site.rename(site_dir)
    except OSError:
        if old.exists():
            old.rename(site_dir)
        raise
