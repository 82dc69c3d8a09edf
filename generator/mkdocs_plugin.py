"""unreport's MkDocs plugin: Material's templates kept compiled between builds.

``build.py`` adds it (as ``unreport``, the name ``pyproject.toml`` registers under
MkDocs' ``mkdocs.plugins`` entry points) to whatever plugins the configuration
lists. It changes nothing in the site and touches no page: it uses one public
event, ``on_env``.

Templates compiled once: MkDocs compiles the theme's Jinja templates (Material's
``main.html``, ``404.html`` and the partials they include) on every build, about a
quarter of a second each time. The plugin gives the theme's Jinja environment a
bytecode cache in the user's cache folder (``~/.cache/unreport/templates`` on
Linux; ``UNREPORT_CACHE_DIR`` names another, an empty value turns it off). Jinja
keys each entry by the template's name and file and checks the template's source
before using it, so an edited or upgraded template is compiled again; what the
templates write is the same either way. A cache that cannot be read or written is
not an error: the templates are then compiled as usual.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

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
    """Registered as ``unreport``; ``build.py`` adds it to every build it runs."""

    def on_env(self, env: Environment, /, *, config: Any, files: Any) -> Environment:
        """Give the theme's Jinja environment the template cache (before any template
        is compiled)."""
        if env.bytecode_cache is None:
            env.bytecode_cache = template_cache()
        return env
