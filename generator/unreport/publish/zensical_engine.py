"""The one module that talks to Zensical, Material's successor by the same team.

Zensical reads ``mkdocs.yml`` but runs no MkDocs plugin, and wants the docs
folder, the site folder and the theme overrides inside the folder of its
configuration. :func:`build` therefore writes a configuration into the build's
work folder — the user's (or unreport's) configuration with the report's name,
navigation and folders set, the theme overrides copied beside it and Zensical's
``classic`` variant, the look of Material — runs ``zensical build`` on it (its
command line is its public interface), and writes our search entries into
Zensical's index (``search.json``, and ``search.js`` for reading from disk) in
place of Zensical's entries for the pages with paragraphs.

Zensical is optional: ``pip install unreport[zensical]``.
"""

from __future__ import annotations

import calendar
import json
import os
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path
from typing import Any

import yaml

from unreport.addresses import page_url
from unreport.publish import mkdocs_engine
from unreport.publish.engine import BuildError, EngineJob
from unreport.publish.mkdocs_engine import full_nav, read_config, site_settings
from unreport.site.search_entries import SearchEntry, nav_pages, page_of, replace_pages

INDEX_JSON = Path("search.json")
INDEX_JS = Path("search.js")
JS_PREFIX = "var __index = "
"""How Zensical's ``offline`` plugin writes the index as a script (``__index``)."""
CONFIG_NAME = "zensical.yml"
"""The configuration written into the work folder (Zensical reads MkDocs' format)."""


NOT_INSTALLED = ("Zensical is not installed: pip install 'unreport[zensical]', or build "
                 "with MkDocs (leave out --engine).")


def tool_versions() -> list[str]:
    """What changes what a Zensical build writes: Zensical's version, and MkDocs' tools
    (the configuration is read as MkDocs reads it)."""
    from importlib import metadata

    if not available():
        raise BuildError(NOT_INSTALLED)
    return [metadata.version("zensical"), *mkdocs_engine.tool_versions()]


def available() -> bool:
    """Whether Zensical is installed beside unreport."""
    try:
        import zensical  # noqa: F401
    except ImportError:
        return False
    return True


def configuration(job: EngineJob, work: Path) -> dict[str, Any]:
    """The configuration Zensical builds ``job`` with, its folders inside ``work``."""
    raw = read_config(job.config_file)
    settings = {**raw, **{key: value for key, value in site_settings(job, raw).items()
                          if value is not None}}
    settings.pop("INHERIT", None)  # read already: the values above include what it brings
    settings["docs_dir"] = os.path.relpath(job.docs, work)
    settings["site_dir"] = os.path.relpath(job.site, work)
    theme = settings.get("theme") or {}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    if theme.get("custom_dir"):
        overrides = Path(job.config_file.parent, str(theme["custom_dir"]))
        shutil.copytree(overrides, work / "overrides", dirs_exist_ok=True)
        theme["custom_dir"] = "overrides"
    theme.setdefault("variant", "classic")
    settings["theme"] = theme
    return settings


def build(job: EngineJob) -> None:
    """Build the site of ``job`` with Zensical, then write our search entries."""
    if not available():
        raise BuildError(NOT_INSTALLED)
    work = job.docs.parent
    config = work / CONFIG_NAME
    config.write_text(yaml.safe_dump(configuration(job, work), allow_unicode=True,
                                     sort_keys=False), "utf-8")
    environment = dict(os.environ)
    if job.date:  # the sitemap's dates, for reproducible builds
        environment["SOURCE_DATE_EPOCH"] = str(calendar.timegm(job.date.timetuple()))
    done = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "-f",
                           str(config)], cwd=work, env=environment, capture_output=True,
                          text=True, check=False)
    first = nav_pages(full_nav(job))[:1]  # the home page (a collection's document: its own)
    if done.returncode != 0 or not all((job.site / page).is_file() for page in first):
        output = (done.stderr or done.stdout).strip()
        if "Traceback" in output:  # Zensical's own error, without its Python stack
            output = output.splitlines()[-1]
        raise BuildError(f"Zensical could not build the site with {job.config_file}:\n"
                         f"{output}")
    write_search(job.site, job.search, full_nav(job))


def nav_paths(nav: list[object], above: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Each page's path in the navigation, as Zensical's search shows it under a result:
    ``{"draft-resolutions/v.html": ["Draft resolutions", "V. Preventing …"]}``."""
    paths: dict[str, list[str]] = {}
    for item in nav:
        for title, value in (item.items() if isinstance(item, dict) else []):
            if isinstance(value, list):
                paths.update(nav_paths(value, (*above, str(title))))
            elif isinstance(value, str):
                paths[page_url(value)] = [*above, str(title)]
    return paths


def write_search(site: Path, entries: tuple[SearchEntry, ...], nav: list[object]) -> None:
    """Zensical's ``search.json`` (and ``search.js``) with our entries for the pages that
    have paragraphs, each with its page's navigation path; pages in the navigation's
    order."""
    index_path = site / INDEX_JSON
    if not index_path.is_file():
        return  # search is switched off in this configuration
    index: dict[str, Any] = json.loads(index_path.read_text("utf-8"))
    paths = nav_paths(nav)

    def item(entry: SearchEntry) -> dict[str, Any]:
        return {"location": entry.location, "level": entry.level,
                "title": escape(entry.title, quote=False),
                "text": escape(entry.text, quote=False),
                "path": paths.get(page_of(entry.location), []), "tags": []}

    index["items"] = replace_pages(index["items"], entries, item, nav_pages(nav))
    text = json.dumps(index, separators=(",", ":"), ensure_ascii=False)
    index_path.write_text(text, "utf-8")
    script = site / INDEX_JS
    if script.is_file():
        script.write_text(f"{JS_PREFIX}{text};", "utf-8")
