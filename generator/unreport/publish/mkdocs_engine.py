"""The one module that talks to MkDocs (and Material for MkDocs).

unreport's pages are plain Markdown and its search entries plain data
(``site/search_entries.py``); this adapter turns them into a site with MkDocs:
it reads the configuration as MkDocs reads it (``!ENV``, ``INHERIT``), sets the
report's name, navigation and folders on top of it, runs MkDocs' public API
(``load_config`` and ``build``) in this process, and writes our search entries
into Material's index (``search/search_index.json``, and the ``offline``
plugin's ``search_index.js``) in place of Material's own entries for the pages
with paragraphs.

Its MkDocs plugin (``UnreportPlugin``, registered as ``unreport``) only keeps the
theme's Jinja templates compiled between builds: MkDocs compiles Material's
templates on every build, about a quarter of a second each time. The plugin gives
the theme's Jinja environment a bytecode cache in the user's cache folder
(``~/.cache/unreport/templates`` on Linux; ``UNREPORT_CACHE_DIR`` names another, an
empty value turns it off) through the public ``on_env`` event. Jinja keys each
entry by the template's name and file and checks the template's source before
using it, so an edited or upgraded template is compiled again; what the templates
write is the same either way. A cache that cannot be read or written is not an
error: the templates are then compiled as usual.
"""

from __future__ import annotations

import calendar
import copy
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

from unreport.publish.engine import BuildError, EngineJob
from unreport.publish.resources import site_resources
from unreport.site.markdown_text import html_nav, html_text
from unreport.site.search_entries import SearchEntry, nav_pages, replace_pages


def tool_versions() -> list[str]:
    """The versions of what changes what a MkDocs build writes: MkDocs, Material,
    PyMdown Extensions, Python-Markdown, Jinja (their own ``__version__``: the build
    imports them anyway, and asking the package metadata takes far longer)."""
    from importlib import import_module

    return [str(import_module(name).__version__)
            for name in ("mkdocs", "material", "pymdownx", "markdown", "jinja2")]


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


def theme_overrides(raw: dict[str, Any]) -> dict[str, Any]:
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


OUR_PLUGIN = "unreport"
"""``UnreportPlugin``'s name among MkDocs' plugins (``pyproject.toml``'s entry point)."""


def with_our_plugin(plugins: object) -> object:
    """A ``plugins`` setting (list, mapping or none: MkDocs' ``search``) plus unreport's."""
    if isinstance(plugins, dict):
        return plugins if OUR_PLUGIN in plugins else {**plugins, OUR_PLUGIN: {}}
    listed = list(plugins) if isinstance(plugins, list) else ["search"]
    named = [p if isinstance(p, str) else next(iter(p), None) for p in listed]
    return listed if OUR_PLUGIN in named else [*listed, OUR_PLUGIN]


def handwritten(docs: Path | None) -> dict[str, bytes]:
    """Hand-written pages and files of the configuration's docs folder."""
    if docs is None or not docs.is_dir():
        return {}
    return {path.relative_to(docs).as_posix(): path.read_bytes()
            for path in sorted(docs.rglob("*"))
            if path.is_file() and not path.name.startswith(".")}


def handwritten_nav(docs: Path, names: tuple[str, ...]) -> list[object]:
    """Hand-written pages at the top of docs/ go after the generated ones, in name order."""
    entries: list[object] = []
    for name in sorted(n for n in names if n.endswith(".md") and "/" not in n):
        title = name.removesuffix(".md").replace("-", " ").capitalize()
        for line in (docs / name).read_text("utf-8", "replace").splitlines():
            if line.startswith("# "):
                title = line[2:].split("{")[0].strip()
                break
        entries.append({title: name})
    return entries


def full_nav(job: EngineJob) -> list[object]:
    """The site's navigation: the generated pages' (titles escaped), then the hand-written."""
    return html_nav(job.nav) + handwritten_nav(job.docs, job.handwritten)


def site_settings(job: EngineJob, raw: dict[str, Any]) -> dict[str, Any]:
    """What unreport sets on top of the configuration file, for any engine reading it
    (``None``: the configuration's own value)."""
    settings: dict[str, Any] = {
        "docs_dir": str(job.docs), "site_dir": str(job.site), "strict": True,
        # Templates print these as HTML: the report's titles must arrive escaped.
        "site_name": html_text(job.site_name), "nav": full_nav(job), "site_url": job.site_url,
    }
    settings.update(theme_overrides(raw))
    if job.adjust_config:
        settings.update(job.adjust_config(raw))
    return settings


def _overrides(job: EngineJob, raw: dict[str, Any]) -> dict[str, Any]:
    """What a MkDocs build sets on top of the configuration file: the site's settings
    and our plugin."""
    overrides = site_settings(job, raw)
    overrides["plugins"] = with_our_plugin(overrides.get("plugins", raw.get("plugins")))
    return overrides


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
def _build_date(job: EngineJob) -> Iterator[None]:
    """Reproducible output: MkDocs dates the sitemap with SOURCE_DATE_EPOCH when set."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    if job.date:
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(job.date.timetuple()))
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def build(job: EngineJob) -> None:
    """Build the site of ``job`` with MkDocs in strict mode, then write unreport's search
    entries into Material's index."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    raw = read_config(job.config_file)
    with _mkdocs_logs() as logs, _build_date(job):
        try:
            mkdocs_build(load_config(config_file=str(job.config_file), **_overrides(job, raw)))
        except (MkDocsException, SystemExit) as error:
            output = "\n".join(logs.records) or str(error)
            raise BuildError(f"MkDocs could not build the site with {job.config_file}:\n"
                             f"{output}") from None
    write_search(job.site, job.search, nav_pages(full_nav(job)))


INDEX_JSON = Path("search") / "search_index.json"
INDEX_JS = Path("search") / "search_index.js"
JS_PREFIX = "var __index = "
"""How Material's ``offline`` plugin turns the index into a script (``__index``)."""


def material_entry(entry: SearchEntry) -> dict[str, Any]:
    """One of our entries as Material's search reads it: title and text as HTML."""
    return {"location": entry.location, "title": escape(entry.title, quote=False),
            "text": escape(entry.text, quote=False)}


def write_search(site: Path, entries: tuple[SearchEntry, ...], order: list[str]) -> None:
    """Material's ``search/search_index.json`` (and the offline plugin's
    ``search_index.js``) with our entries for the pages that have paragraphs; pages in
    ``order`` (the navigation's)."""
    index_path = site / INDEX_JSON
    if not index_path.is_file():
        return  # search is switched off in this configuration
    index: dict[str, Any] = json.loads(index_path.read_text("utf-8"))
    index["docs"] = replace_pages(index["docs"], entries, material_entry, order)
    index_path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), "utf-8")
    script = site / INDEX_JS
    if script.is_file():
        script.write_text(JS_PREFIX + json.dumps(index, separators=(",", ":")), "utf-8")


CACHE_VARIABLE = "UNREPORT_CACHE_DIR"
"""Environment variable naming the cache folder; empty turns the cache off."""


def cache_dir() -> Path | None:
    """Where compiled templates are kept, or None when the user turned the cache off."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("unreport", appauthor=False)) / "templates"


class _ForgivingCache(FileSystemBytecodeCache):
    """Jinja's file cache, for which a folder it cannot use means "compile as usual"."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


def template_cache() -> FileSystemBytecodeCache | None:
    """The bytecode cache for the theme's templates, or None (turned off, or no folder)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _ForgivingCache(str(folder), "%s.jinja")


class Options(Config):  # type: ignore[no-untyped-call]
    """The plugin has no options."""


class UnreportPlugin(BasePlugin[Options]):  # type: ignore[no-untyped-call]
    """Registered as ``unreport`` (``pyproject.toml``); :func:`build` adds it to every
    build it runs. It keeps the theme's templates compiled between builds and touches
    no page."""

    def on_env(self, env: Environment, /, *, config: Any, files: Any) -> Environment:
        """Give the theme's Jinja environment the template cache (before any template
        is compiled)."""
        if env.bytecode_cache is None:
            env.bytecode_cache = template_cache()
        return env
