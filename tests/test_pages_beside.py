"""MkDocs' conversion shared with a second process (``pages_beside.py``).

Whichever process converts a page, the site, the table of contents, the anchors MkDocs
checks and what MkDocs logs are the same as when MkDocs converts every page itself.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from unreport import beside, pages_beside
from unreport.beside import Frontier
from unreport.build import build_site
from unreport.mkdocs_plugin import UnreportPlugin
from unreport.parse import Parsed
from unreport.search_index import rewrite, split_page

PAGES = {
    "index.md": "# Home\n\nSee [the second page](b.md#part-2) and [nothing](missing.md).\n",
    "b.md": "---\ntitle: B\n---\n\n# Page B\n\n## Part 1\n\ntext\n\n## Part 2 {#part-2}\n\n"
            "[A broken anchor](index.md#no-such-anchor)\n",
    **{f"p{n}.md": f"# Page {n}\n\n" + "".join(
        f"Paragraph {i} with [a link](index.md) and *emphasis*.\n{{: #para-{i} .unr-para }}\n\n"
        for i in range(200)) for n in range(6)},
    "untitled.md": "Text without a heading: the theme adds a title to the article.\n"
                   "{: #para-1 .unr-para }\n",
    "last.md": "# Last\n\n| a | b |\n|---|---|\n| [x](p1.md#para-3) | [y](p1.md#para-999) |\n",
}


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even if an earlier test left a thread running (the browser tests' server)."""
    if not hasattr(os, "fork") or sys.platform == "darwin":
        pytest.skip("pages are converted beside only where fork is safe")
    monkeypatch.setattr(pages_beside, "can_fork", lambda: True)
    monkeypatch.setattr(beside, "can_fork", lambda: True)
    monkeypatch.setattr(pages_beside, "cores", lambda: 2)


@pytest.fixture
def all_beside(forking: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """This process claims no page: the second process converts every one."""
    monkeypatch.setattr(Frontier, "claim_front", lambda self, index: False)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.seen: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append((record.name, record.levelno, record.getMessage()))


@pytest.fixture
def records() -> Iterator[_Records]:
    handler = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    saved = logger.level
    logger.setLevel(logging.INFO)
    yield handler
    logger.setLevel(saved)
    logger.removeHandler(handler)


def build_pages(folder: Path, plugins: list[Any] | None = None,
                split: dict[str, Any] | None = None) -> tuple[dict[str, bytes], int]:
    """Build ``PAGES`` with MkDocs and our plugin, and rewrite the search index as
    ``build.py`` does; the site's files, and how many pages the second process
    converted. ``split`` receives the pages split beside."""
    docs = folder / "docs"
    for name, text in PAGES.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, "utf-8")
    config_file = folder / "mkdocs.yml"
    config_file.write_text("site_name: test\n", "utf-8")
    config = load_config(
        config_file=str(config_file), docs_dir=str(docs), site_dir=str(folder / "site"),
        strict=False, theme={"name": "material", "font": False},
        plugins=plugins or ["search", "unreport"], use_directory_urls=False,
        markdown_extensions=["attr_list", "toc", "tables"],
        validation={"unrecognized_links": "warn", "anchors": "warn"})
    plugin = config.plugins["unreport"]
    assert isinstance(plugin, UnreportPlugin)
    plugin.articles_beside.want()
    build(config)
    blocks, entries = plugin.articles_beside.blocks(), plugin.articles_beside.entries()
    (split if split is not None else {}).update(blocks)
    rewrite(folder / "site", None, blocks, entries)
    files = {p.relative_to(folder / "site").as_posix(): p.read_bytes()
             for p in sorted((folder / "site").rglob("*")) if p.is_file()}
    return files, plugin.pages_beside.converted_beside


@pytest.fixture
def serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           records: _Records) -> tuple[dict[str, bytes], list[tuple[str, int, str]]]:
    """The site and MkDocs' messages when MkDocs converts every page itself."""
    with monkeypatch.context() as patch:
        patch.setattr(pages_beside, "can_fork", lambda: False)
        site, beside_count = build_pages(tmp_path / "serial")
    assert beside_count == 0
    seen = list(records.seen)
    records.seen.clear()
    return site, seen


def _comparable(seen: list[tuple[str, int, str]], folder: Path) -> list[tuple[str, int, str]]:
    return [(name, level, message.replace(str(folder), "FOLDER")) for name, level, message in seen
            if "Documentation built in" not in message]


def test_every_page_converted_beside_gives_the_same_site_and_messages(
        serial: tuple[dict[str, bytes], list[tuple[str, int, str]]], all_beside: None,
        tmp_path: Path, records: _Records) -> None:
    site, count = build_pages(tmp_path / "beside")
    assert count == len(PAGES)
    assert site == serial[0]
    assert any("missing.md" in message for _, _, message in records.seen)
    assert any("no-such-anchor" in message for _, _, message in records.seen)
    assert any("para-999" in message for _, _, message in records.seen)
    assert _comparable(records.seen, tmp_path / "beside") == \
        _comparable(serial[1], tmp_path / "serial")


def test_the_two_processes_share_the_pages(
        serial: tuple[dict[str, bytes], list[tuple[str, int, str]]], forking: None,
        tmp_path: Path, records: _Records) -> None:
    site, count = build_pages(tmp_path / "shared")
    assert 0 < count < len(PAGES)
    assert site == serial[0]
    assert sorted(_comparable(records.seen, tmp_path / "shared")) == \
        sorted(_comparable(serial[1], tmp_path / "serial"))


def test_a_page_that_fails_beside_is_converted_here(
        serial: tuple[dict[str, bytes], list[tuple[str, int, str]]], all_beside: None,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pages_beside.convert

    def failing(page: Any, *args: Any) -> Any:
        if page.file.src_uri == "p3.md":
            raise RuntimeError("the second process could not convert this page")
        return real(page, *args)

    monkeypatch.setattr(pages_beside, "convert", failing)
    site, count = build_pages(tmp_path / "failing")
    assert site == serial[0]
    assert 0 < count < len(PAGES)  # those before the failure, in the child's order


def test_without_a_temporary_folder_mkdocs_converts_every_page(
        all_beside: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_folder(**_: object) -> str:
        raise PermissionError("no temporary folder here")

    monkeypatch.setattr(beside.tempfile, "mkdtemp", no_folder)
    _, count = build_pages(tmp_path / "no-temp")
    assert count == 0


def test_an_unknown_plugin_means_no_second_process(all_beside: None, tmp_path: Path) -> None:
    _, count = build_pages(tmp_path / "tags", ["search", "tags", "unreport"])
    assert count == 0


def test_pages_split_beside_are_split_as_the_built_pages(forking: None, tmp_path: Path) -> None:
    split: dict[str, Any] = {}
    site, _ = build_pages(tmp_path / "split", split=split)
    assert "untitled.html" not in split  # its article has the theme's title too
    assert {"index.html", "b.html", "p0.html", "last.html"} <= set(split)
    def seen(blocks: list[Any]) -> list[tuple[Any, ...]]:
        """What the index takes from blocks: whitespace is collapsed."""
        return [(b.anchor, b.kind, " ".join(b.title.split()), b.text) for b in blocks]

    with_paragraphs = 0
    for uri, blocks in split.items():
        built = split_page(site[uri].decode("utf-8"))
        if any(b.kind == "paragraph" for b in built):
            with_paragraphs += 1
            assert seen(blocks) == seen(built), uri
        else:  # nothing to index paragraph by paragraph, and the split says so
            assert not any(b.kind == "paragraph" for b in blocks), uri
    assert with_paragraphs >= 6  # p0.md … p5.md


def test_material_entries_made_beside_are_material_s_own(
        serial: tuple[dict[str, bytes], list[tuple[str, int, str]]], forking: None,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages Material's search skips here (b.md has metadata) get the entries Material
    makes, whether the second process made them or, when it failed, this one."""
    made: list[str] = []
    real = pages_beside.material_entries
    parent = os.getpid()

    def noting(index: Any, pages: list[Any]) -> Any:
        made.extend(page.url for page in pages)
        return real(index, pages)

    monkeypatch.setattr(pages_beside, "material_entries", noting)
    site, _ = build_pages(tmp_path / "beside")
    assert site == serial[0]
    assert made == []  # made in the second process, not here

    def failing_there(index: Any, pages: list[Any]) -> Any:
        if os.getpid() != parent:
            raise RuntimeError("the second process could not make them")
        return noting(index, pages)

    monkeypatch.setattr(pages_beside, "material_entries", failing_there)
    site, _ = build_pages(tmp_path / "failing")
    assert site == serial[0]
    assert "b.html" in made  # made here instead


def test_the_frontier_gives_each_page_to_one_process() -> None:
    frontier = Frontier(5)
    try:
        assert frontier.claim_back() == 4
        assert frontier.claim_front(0)
        assert frontier.claim_back() == 3
        assert frontier.claim_front(1)
        assert frontier.claim_front(2)
        assert frontier.claim_back() is None  # they met
        assert not frontier.claim_front(3)  # the second process has it
    finally:
        frontier.close()


@pytest.mark.slow
def test_the_report_builds_the_same_with_and_without_a_second_process(
        parsed: Parsed, tmp_path: Path, forking: None, monkeypatch: pytest.MonkeyPatch) -> None:
    build_site(parsed.report, tmp_path / "shared")
    monkeypatch.setattr(pages_beside, "can_fork", lambda: False)
    build_site(parsed.report, tmp_path / "alone")

    def files(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes()
                for p in sorted(site.rglob("*")) if p.is_file()}

    assert files(tmp_path / "shared") == files(tmp_path / "alone")


def test_the_source_folder_run_as_a_package_of_another_name_keeps_every_entry(
        parsed: Parsed, tmp_path: Path, forking: None) -> None:
    """``python -m generator`` in the source folder: MkDocs loads our plugin from its
    entry point as ``unreport.mkdocs_plugin``, another class than the build module's
    ``generator.mkdocs_plugin``, which does not take the search index's work beside;
    the plugin then leaves every page to Material's search (the index pages' entries
    were lost: Material's plugin had been told to skip them). The command runs in its
    own process, so it shares its work where this machine lets it (two cores, as on
    CI); elsewhere both builds run alone and agree anyway."""
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "generator", "build", "--site-dir",
                    str(tmp_path / "package")], cwd=root, check=True, capture_output=True)
    build_site(parsed.report, tmp_path / "module")
    index = "search/search_index.json"
    package = (tmp_path / "package" / index).read_text("utf-8")
    assert '"location":"sponsors.html"' in package.replace(" ", "")
    assert package == (tmp_path / "module" / index).read_text("utf-8")


def test_mkdocs_on_its_own_with_the_plugin_indexes_every_page(
        forking: None, tmp_path: Path) -> None:
    """``mkdocs build`` of a configuration that lists our plugin: no build takes the
    search index's work beside, so Material's search indexes every page itself,
    including one with metadata (b.md), as without the plugin."""
    sites = {}
    for name, plugins in (("with", ["search", "unreport"]), ("without", ["search"])):
        docs = tmp_path / name / "docs"
        docs.mkdir(parents=True)
        for page in ("index.md", "b.md"):
            (docs / page).write_text(PAGES[page], "utf-8")
        config_file = tmp_path / name / "mkdocs.yml"
        config_file.write_text("site_name: test\n", "utf-8")
        config = load_config(config_file=str(config_file), docs_dir=str(docs),
                             site_dir=str(tmp_path / name / "site"),
                             theme={"name": "material", "font": False}, plugins=plugins,
                             use_directory_urls=False)
        build(config)
        sites[name] = (tmp_path / name / "site" / "search" / "search_index.json").read_text()
    assert '"location":"b.html"' in sites["with"].replace(" ", "")
    assert sites["with"] == sites["without"]
