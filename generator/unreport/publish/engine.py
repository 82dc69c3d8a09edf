"""What a site engine (MkDocs + Material, Zensical) is given to build a site.

The build (``build.py``) writes the pages and data files into a docs folder and
hands an :class:`EngineJob` to one adapter (``mkdocs_engine.build``); the adapter
runs its engine and writes our search entries in that engine's form. Nothing
else in unreport knows which engine builds the site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unreport.site.search_entries import SearchEntry

ConfigAdjustment = Callable[[dict[str, Any]], dict[str, Any]]
"""Given the configuration file's raw values, more settings (the offline bundle's)."""


class BuildError(Exception):
    """The engine failed, or its configuration could not be used; the message says why."""


@dataclass(frozen=True)
class EngineJob:
    """One site to build: the configuration, the folders, and what unreport sets."""

    config_file: Path
    """The configuration (``mkdocs.yml``) whose theme, plugins and extensions are used."""
    docs: Path
    """The docs folder, with the generated and hand-written pages and the data files."""
    site: Path
    """Where the engine writes the site (a new folder)."""
    site_name: str
    """The site's name: ``A/77/464: Crime prevention and criminal justice``."""
    nav: list[object]
    """The navigation of the generated pages (the hand-written ones follow)."""
    handwritten: tuple[str, ...]
    """The hand-written files copied into ``docs`` (paths in it)."""
    search: tuple[SearchEntry, ...]
    """Our search entries, for the pages with paragraphs."""
    site_url: str | None = None
    """The public address (``--site-url``), or None for the configuration's."""
    date: dt.date | None = None
    """The report's date, which dates the sitemap (reproducible builds)."""
    adjust_config: ConfigAdjustment | None = None
    """More settings from the configuration's values (the offline bundle's plugins)."""
