"""unreport's MkDocs plugin: what our builds ask of MkDocs beyond its configuration.

``build.py`` adds it (as ``unreport``, the name ``pyproject.toml`` registers under
MkDocs' ``mkdocs.plugins`` entry points) to whatever plugins the configuration
lists. It changes nothing in the site; it makes the build faster.

Work shared with a second core (``pages_beside.py``): once the navigation is known,
a forked process converts pages from the last one back while MkDocs converts them
from the first one on; once every page is converted, another splits the pages for
the search index while MkDocs puts them into the theme's templates (only in a build
run by unreport, which takes what it made: ``mkdocs build`` with this plugin leaves
the search index to Material). For the first it
calls ``Page.read_source`` and ``Page.render`` in the second process and puts what
they set on the page back here (MkDocs 1.6 is the last of its line, so these do not
move); everything else uses MkDocs' plugin events only. Neither is used where it
could show: no safe fork, one core, or plugins whose page events are not known.

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
from mkdocs.plugins import BasePlugin, event_priority

from .pages_beside import ArticlesBeside, PagesBeside

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

    def __init__(self) -> None:
        self.pages_beside = PagesBeside()
        self.articles_beside = ArticlesBeside()

    @event_priority(-100)  # after every other plugin's: the navigation is final
    def on_nav(self, nav: Any, /, *, config: Any, files: Any) -> Any:
        """Start converting the last pages in a second process (``pages_beside.py``)."""
        self.pages_beside.start(config, files)
        return nav

    @event_priority(-100)  # after every other plugin's: the Markdown is final
    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any,
                         files: Any) -> str:
        """The Markdown to convert here: none, if the second process converted it."""
        return self.pages_beside.take(markdown, page)

    @event_priority(100)  # before every other plugin's: they see the page's own HTML
    def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Any) -> str:
        """The page's HTML, as the second process made it, if it did."""
        return self.pages_beside.place(html, page, files)

    @event_priority(100)
    def on_env(self, env: Environment, /, *, config: Any, files: Any) -> Environment:
        """Every page is converted: the second process is done, and another one splits
        the pages for the search index (``pages_beside.ArticlesBeside``) while MkDocs
        puts them into templates. And give the theme's Jinja environment the template
        cache (before any template is compiled)."""
        self.pages_beside.close()
        self.articles_beside.start(config, files)
        if env.bytecode_cache is None:
            env.bytecode_cache = template_cache()
        return env

    @event_priority(100)  # before Material's search: it skips a page indexed beside
    def on_page_context(self, context: Any, /, *, page: Any, config: Any, nav: Any) -> Any:
        """Material's search skips a page whose entries are made beside."""
        self.articles_beside.hide(page)
        return context

    @event_priority(-100)  # after every other plugin's: the page as it is written
    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
        """The page's metadata as it was; whether its article is its HTML as split beside."""
        self.articles_beside.check(output, page)
        return output

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build leaves no second process behind."""
        self.pages_beside.close()
        self.articles_beside.close()
