"""MkDocs' Markdown → HTML conversion shared with a second process (a second core).

MkDocs converts the pages one after another, and on a long report that is most of
a build. When it is safe, :class:`PagesBeside` (driven by the ``unreport`` MkDocs
plugin) forks a process once the navigation is known. MkDocs here converts pages
from the first on, as usual; the second process converts pages from the last one
back, until the two meet (:class:`Frontier`: whichever is faster does more).

The second process converts a page exactly as MkDocs would (``Page.read_source``
and ``Page.render``, with the same configuration and files, forked from this very
state) and sends back what the conversion sets on the page: its HTML, table of
contents, title, anchors, the links to anchors that MkDocs checks at the end, and
whatever MkDocs logged meanwhile, which is logged again here in the page's place.
MkDocs here then converts an empty page instead of the real one (cheap), and the
plugin puts the second process's results on the page before any other plugin sees
its HTML; every plugin event still runs here, in order. The site is the same, byte
for byte, and so are MkDocs' messages.

It is used only where nothing can tell the difference: a second core and a safe
fork (``beside.can_fork``), and only with plugins whose page events are known
(MkDocs' and Material's search, Material's offline, ours: none reads or changes a
page before its HTML is made). A page whose Markdown was changed after it was read
is converted here; so are the pages the second process did not send because it
failed — a failure is then MkDocs' own, with MkDocs' message.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import shutil
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from typing import Any

from .beside import Frontier, Results, beside, can_fork, cores, map_next, temporary_folder
from .search_index import PARAGRAPH_CLASSES, Block, split_page

QUIET_PLUGINS = frozenset({"search", "material/search", "offline", "material/offline",
                           "unreport"})
"""Plugins known to do nothing with a page before its HTML is made (no ``pre_page``,
``page_read_source`` or ``page_markdown`` events)."""


@dataclass(frozen=True)
class Converted:
    """What ``Page.render`` set on one page in the second process."""

    src_uri: str
    digest: str
    """SHA-256 of the Markdown converted, to check it is the Markdown MkDocs has here."""
    content: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None
    """``links_to_anchors``, each file named by its ``src_uri``."""
    logs: list[tuple[str, int, str]]
    """(logger, level, message) of each record MkDocs logged while converting."""


def _digest(markdown: str) -> str:
    return hashlib.sha256(markdown.encode("utf-8")).hexdigest()


class _Recorder(logging.Handler):
    """Collects every record MkDocs logs in the second process."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def convert(page: Any, config: Any, files: Any, recorder: _Recorder) -> Converted:
    """In the second process: convert ``page`` as MkDocs would; what MkDocs logs
    meanwhile is kept for the parent, not shown."""
    logger = logging.getLogger("mkdocs")
    logger.handlers, logger.propagate = [recorder], False
    recorder.records = []
    page.read_source(config)
    page.render(config, files)
    links = page.links_to_anchors
    return Converted(
        page.file.src_uri, _digest(page.markdown), page.content, page.toc,
        page._title_from_render, page.present_anchor_ids,  # noqa: SLF001 — set by render
        None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
        recorder.records)


def _shared_here(config: Any) -> bool:
    """Whether a build with ``config`` may share its work with a second process."""
    return can_fork() and cores() > 1 and set(config.plugins) <= QUIET_PLUGINS


class PagesBeside:
    """The plugin's half of sharing the conversion; one per plugin, reset each build."""

    def __init__(self) -> None:
        self._stack = ExitStack()
        self._results: Results | None = None
        self._frontier: Frontier | None = None
        self._index: dict[str, int] = {}
        self._waiting: dict[str, Converted] = {}
        self._placed: dict[str, tuple[Converted, str]] = {}
        self.converted_beside = 0
        """How many pages of the last build the second process converted."""

    def start(self, config: Any, files: Any) -> None:
        """Once the navigation is known: fork the second process, if it is safe and useful."""
        self.close()
        self.converted_beside = 0
        if not _shared_here(config):
            return
        pages = [f.page for f in files.documentation_pages() if f.page is not None]
        folder = temporary_folder() if len(pages) > 1 else None
        if folder is None:  # one page, or no temporary folder: MkDocs converts them all
            return
        self._stack.callback(shutil.rmtree, folder, ignore_errors=True)
        frontier = Frontier(len(pages))
        self._stack.callback(frontier.close)
        recorder = _Recorder()
        job = partial(map_next, lambda page: convert(page, config, files, recorder), pages,
                      frontier, folder)
        self._results = self._stack.enter_context(beside(*[job] * len(pages)))
        if self._results.pid is None:  # no second process after all: all are made here
            self.close()
            return
        self._frontier = frontier
        self._index = {page.file.src_uri: i for i, page in enumerate(pages)}

    def take(self, markdown: str, page: Any) -> str:
        """At ``page_markdown`` (last): the Markdown MkDocs should convert here."""
        src_uri = page.file.src_uri
        index = self._index.get(src_uri)
        if index is None:
            return markdown
        if src_uri not in self._waiting:
            if self._frontier is None or self._frontier.claim_front(index):
                return markdown
            self._receive(src_uri)
        converted = self._waiting.pop(src_uri, None)
        if converted is None or converted.digest != _digest(markdown):
            return markdown
        self._placed[src_uri] = (converted, markdown)
        return ""

    def place(self, html: str, page: Any, files: Any) -> str:
        """At ``page_content`` (first): the second process's results, on ``page``."""
        placed = self._placed.pop(page.file.src_uri, None)
        if placed is None:
            return html
        converted, page.markdown = placed
        page.toc = converted.toc
        page._title_from_render = converted.title  # noqa: SLF001 — as render sets it
        page.present_anchor_ids = converted.anchors
        page.links_to_anchors = None if converted.links is None else {
            file: links for uri, links in converted.links.items()
            if (file := files.get_file_from_path(uri)) is not None}
        for name, level, message in converted.logs:
            logging.getLogger(name).log(level, "%s", message)
        self.converted_beside += 1
        return converted.content

    def _receive(self, src_uri: str) -> None:
        """Take the second process's results until the one for ``src_uri`` has come or
        the process has stopped; if it failed, the pages it did not send are made here."""
        while self._results is not None and src_uri not in self._waiting and \
                not self._results.all_taken:
            try:
                done = self._results.next()
                if done is None:  # the second process has stopped: they met
                    return
                converted: Converted = pickle.loads(done[1].read_bytes())
                self._waiting[converted.src_uri] = converted
            except Exception:  # noqa: BLE001 — the page it failed on is converted here
                self._stop()
                return

    def _stop(self) -> None:
        """Stop and reap the second process; what it sent stays."""
        self._stack.close()
        self._results, self._frontier = None, None

    def close(self) -> None:
        """Stop and reap the second process (every page is converted, or the build failed)."""
        self._stop()
        self._index, self._waiting, self._placed = {}, {}, {}


def split_contents(pages: list[tuple[str, str]]) -> dict[str, list[Block]]:
    """In the second process: each page's content split as the search index splits the
    page's article (``search_index.split_page``), by the page's ``dest_uri``. A page
    with no paragraph class anywhere in it has no paragraph to split out: it gets just
    its opening block, which tells the search index as much without reading it."""
    return {uri: split_page(f"<article>{content}</article>")
            if any(name in content for name in PARAGRAPH_CLASSES)
            else [Block(anchor=None, kind="opening")] for uri, content in pages}


def material_entries(search_index: Any, pages: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """Material's search entries for each page (by its URL), made by Material's own
    ``SearchIndex`` with the search plugin's configuration, as its plugin makes them."""
    entries = {}
    for page in pages:
        index = type(search_index)(**search_index.config)
        index.add_entry_from_context(page)
        entries[page.url] = index.entries
    return entries


def _search_index(config: Any) -> Any:
    """Material's search index object for this build, if Material's search is on."""
    for name in ("search", "material/search"):
        plugin = config.plugins.get(name)
        index = getattr(plugin, "search_index", None)
        if index is not None and type(plugin).__module__.startswith("material.") and \
                getattr(plugin.config, "enabled", True):
            return index
    return None


class ArticlesBeside:
    """The search index's work on the built pages, done in a second process while
    MkDocs here puts the pages into the theme's templates.

    Our split of each page (``search_index.split_page``) is made from the page's HTML
    as MkDocs converted it; it stands for the split of the built page's article when
    the article is that HTML and nothing else (no edit button, tags or title added by
    the theme), which :meth:`check` sees in the built page; any other page is split
    from its file, as without a second process. Material's entries for the pages it
    indexes are made there too, by Material's own ``SearchIndex`` on the same page
    (:func:`material_entries`), and Material's plugin here is told to skip those pages
    (``search: exclude`` in the page's metadata from its ``page_context`` event until
    the page is written; only pages that have metadata and no ``search`` in it, so
    that what a template shows stays the same): :meth:`entries` gives the search index
    those entries in their place.

    All of it only when the build that runs MkDocs takes the results (:meth:`want`):
    MkDocs run on its own with this plugin (``mkdocs build``) leaves every page to
    Material's search, which then indexes them all itself.
    """

    def __init__(self) -> None:
        self._stack = ExitStack()
        self._results: Results | None = None
        self._matching: set[str] = set()
        self._indexed: dict[str, Any] = {}
        self._hidden: dict[str, str] = {}
        self._search_index: Any = None
        self._entries: dict[str, list[dict[str, Any]]] | None = None
        self._split: dict[str, list[Block]] = {}
        self._wanted = False

    def want(self) -> None:
        """Before MkDocs builds: the caller will take :meth:`blocks` and :meth:`entries`
        once it has built (``build.run_mkdocs``)."""
        self._wanted = True

    def start(self, config: Any, files: Any) -> None:
        """Once every page is converted: fork the second process, if wanted, safe and
        useful."""
        self.close()
        if not self._wanted or not _shared_here(config):
            return
        built = [f.page for f in files.documentation_pages() if f.page is not None]
        contents = [(page.file.dest_uri, page.content) for page in built if page.content]
        index = _search_index(config)
        # A page with metadata and no ``search`` in it: the key added for a moment then
        # changes nothing a template shows (``{% if page.meta %}`` stays true).
        indexed = [] if index is None else [
            page for page in built if page.content is not None and page.meta
            and "search" not in page.meta]
        self._results = self._stack.enter_context(beside(
            partial(split_contents, contents), partial(material_entries, index, indexed)))
        if self._results.pid is None:
            self.close()
            return
        self._search_index = index
        self._indexed = {page.file.src_uri: page for page in indexed}

    def hide(self, page: Any) -> None:
        """At ``page_context`` (first): Material's search skips a page indexed beside."""
        uri = page.file.src_uri
        if uri in self._indexed and uri not in self._hidden and "search" not in page.meta:
            self._hidden[uri] = page.content
            page.meta["search"] = {"exclude": True}

    def check(self, output: str, page: Any) -> None:
        """At ``post_page`` (last): the page's metadata as it was, and whether the built
        page's article is the page's HTML."""
        if page.file.src_uri in self._hidden:
            page.meta.pop("search", None)
        if self._results is None:
            return
        start, end = output.find("<article"), output.rfind("</article>")
        inner = output[output.find(">", start) + 1:end] if 0 <= start < end else None
        if inner is not None and inner.strip() == (page.content or "").strip():
            self._matching.add(page.file.dest_uri)

    def _take(self) -> None:
        """The second process's results (once), and it stopped."""
        if self._results is None:
            return
        split: dict[str, list[Block]] = {}
        entries: dict[str, list[dict[str, Any]]] | None = None
        try:
            split = self._results.next()
            entries = self._results.next()
        except Exception:  # noqa: BLE001 — what is missing is made here
            pass
        self._split = {uri: b for uri, b in split.items() if uri in self._matching}
        self._entries = entries
        self._stack.close()
        self._results = None

    def blocks(self) -> dict[str, list[Block]]:
        """The split of each built page whose article was checked to be its HTML."""
        self._take()
        return self._split

    def entries(self) -> dict[str, list[dict[str, Any]]]:
        """Material's entries of the pages its plugin skipped here, by page URL (made
        here, from the HTML Material would have read, if the second process failed)."""
        self._take()
        if self._entries is None and self._hidden:
            made = {}
            for uri, content in self._hidden.items():
                page = self._indexed[uri]
                now, page.content = page.content, content
                try:
                    made.update(material_entries(self._search_index, [page]))
                finally:
                    page.content = now
            self._entries = made
        skipped = {self._indexed[uri].url for uri in self._hidden}
        return {url: e for url, e in (self._entries or {}).items() if url in skipped}

    def close(self) -> None:
        """Stop and reap the second process."""
        self._stack.close()
        self._results = None
        self._matching, self._indexed, self._hidden = set(), {}, {}
        self._search_index, self._entries, self._split = None, None, {}
