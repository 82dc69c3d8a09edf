"""Every link inside a collection's site resolves: on every HTML page, each internal
``href`` or ``src`` names a file of the site and, where it has a ``#fragment``, an
element with that id on the page it names. The collection is the bundled report
A/77/464 and resolutions 78/223–78/229 from the corpus, built by the command line."""

from __future__ import annotations

import posixpath
import subprocess
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from unreport.parse.source import bundled_path

RESOLUTIONS = [f"A_RES_78_{number}.pdf" for number in range(223, 230)]
EXTERNAL = ("http:", "https:", "mailto:", "data:", "javascript:", "tel:", "//")


class _Page(HTMLParser):
    """The ids of a page and the addresses its elements name."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name in ("href", "src"):
            if name in values and not (tag == "link" and values.get("rel") in (
                    "canonical", "alternate")):
                self.links.append((tag, values[name]))
        if tag == "form" and values.get("action"):
            self.links.append((tag, values["action"]))


@cache
def _parsed(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


@pytest.fixture(scope="module")
def site(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The collection, built by ``unreport build FILE … --site-dir DIR`` in a process of
    its own (as a user runs it)."""
    sources = [corpus / "pdf" / name for name in RESOLUTIONS]
    missing = [source.name for source in sources if not source.is_file()]
    if missing:
        pytest.skip(f"the corpus lacks {', '.join(missing)}")
    folder = tmp_path_factory.mktemp("collection-links") / "site"
    done = subprocess.run([sys.executable, "-m", "unreport", "build", str(bundled_path()),
                           *map(str, sources), "--site-dir", str(folder)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"the collection did not build:\n{done.stderr}"
    return folder


def broken_links(site: Path) -> list[str]:
    """``page: address (why)`` for each internal address that does not resolve."""
    problems: list[str] = []
    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.relative_to(site).parts:
            continue
        here = page.relative_to(site).as_posix()
        for tag, address in _parsed(page).links:
            if not address or address.startswith(EXTERNAL):
                continue
            parts = urlsplit(address)
            if parts.scheme:
                continue
            path = unquote(parts.path)
            if path.startswith("/"):
                if here != "404.html":  # served at any address, it names the site's root
                    problems.append(f"{here}: {address} (a root-absolute address breaks "
                                    "under a sub-path and from disk)")
                    continue
                path = posixpath.relpath(path, "/")
            target_name = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) \
                if path else here
            if target_name.startswith("../") or target_name == "..":
                problems.append(f"{here}: {address} (outside the site)")
                continue
            target = site / target_name
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{here}: {address} (no file {target_name})")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and tag != "form" \
                    and fragment not in _parsed(target).ids:
                problems.append(f"{here}: {address} (no id {fragment!r} on {target_name})")
    return problems


def test_every_internal_link_of_the_collection_resolves(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40, "the collection has fewer pages than its documents make"
    problems = broken_links(site)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems[:40])


def test_links_between_documents_are_there_to_check(site: Path) -> None:
    """The check above covers the links the collection step made: from 78/229 to the
    report's draft VII and to 78/223, and back from the drafts to their resolutions."""
    resolution = _parsed(site / "A-RES-78-229" / "index.html").links
    hrefs = {address for _, address in resolution}
    assert "../A-77-464/draft-resolutions/vii.html" in hrefs
    assert any(h.startswith("../A-RES-78-223/index.html") for h in hrefs)
    draft = {address for _, address in _parsed(
        site / "A-77-464" / "draft-resolutions" / "vii.html").links}
    assert any(h.startswith("../../A-RES-78-229/index.html#") for h in draft), \
        "the draft's 'Cited in this collection' links to 78/229's paragraphs"
