"""The collection's search after one document changed, in the browser: the rebuild
indexes that document alone into a second bundle (``pagefind/2/``) and the search page
leaves out the first bundle's records of its old edition. Searched side by side with
the same collection indexed whole, every query finds as many paragraphs, and the
changed words only where they now are. A/77/464 (a copy with "Kyoto" made "Zymurgy")
and ten resolutions of the corpus, built by the command line with a cache of their own.

Compared are the paragraphs where a query's words are found in the text. Pagefind also
answers from a record's title and, for a word a bundle lacks, from the longest word of
that bundle it begins with ("kyoto" → the "k" of "OP 6 (k)"): the update, which lacks
words the whole index has, may add such a match, and the search page shows it among
the last."""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browser_support import Served, serving
from unreport.parse.source import bundled_path

pytestmark = pytest.mark.browser

RESOLUTIONS = [f"A_RES_78_{number}.pdf" for number in range(220, 230)]
QUERIES = ["Zymurgy", "Kyoto", "crime prevention", "trafficking in persons", "Doha"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log on the test output."""


def build(sources: list[Path], site: Path, cache: str) -> None:
    """``unreport build`` in a process of its own, with ``cache`` as its cache folder."""
    done = subprocess.run([sys.executable, "-m", "unreport", "build", *map(str, sources),
                           "--site-dir", str(site)], capture_output=True, text=True,
                          check=False, env={**os.environ, "UNREPORT_CACHE_DIR": cache})
    assert done.returncode == 0, f"the collection did not build:\n{done.stderr}"


@pytest.fixture(scope="module")
def sites(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Served]]:
    """The collection rebuilt after A/77/464 changed ("updated"), and the same documents
    built whole without a cache ("whole"), each served on 127.0.0.1."""
    pdfs = [corpus / "pdf" / name for name in RESOLUTIONS]
    missing = [pdf.name for pdf in pdfs if not pdf.is_file()]
    if missing:
        pytest.skip(f"the corpus lacks {', '.join(missing)}")
    folder = tmp_path_factory.mktemp("search-update")
    edited = folder / "A-77-464.md"
    edited.write_text(bundled_path().read_text("utf-8").replace("Kyoto", "Zymurgy"), "utf-8")
    cache = str(folder / "cache")
    build([bundled_path(), *pdfs], folder / "updated", cache)
    build([edited, *pdfs], folder / "updated", cache)
    build([edited, *pdfs], folder / "whole", "")
    with serving(functools.partial(_QuietHandler, directory=str(folder / "updated"))) as one, \
            serving(functools.partial(_QuietHandler, directory=str(folder / "whole"))) as two:
        yield {"updated": Served(folder / "updated", f"{one}/"),
               "whole": Served(folder / "whole", f"{two}/")}


MATCHES = """async ([indexes, hidden, query]) => {
  // the search page's own way: the first bundle, the others merged, none of the hidden
  const pagefind = await import("/" + indexes[0] + "pagefind.js");
  await pagefind.options({noWorker: true});
  await pagefind.init();
  for (const bundle of indexes.slice(1)) { await pagefind.mergeIndex("/" + bundle); }
  const found = await pagefind.search(query, {filters: hidden.length ? {none: hidden} : {}});
  const matches = [];
  for (const result of found.results) {
    if (result.words.length) { matches.push((await result.data()).meta.url); }
  }
  return matches.sort();
}"""


def text_matches(page: Any, site: Served, query: str) -> list[str]:
    """The paragraphs (addresses) where the site's index finds the query's words in the
    text, searched as the site's search page searches."""
    search_page = (site.root / "search.html").read_text("utf-8")
    indexes = re.search(r'data-unr-indexes="([^"]*)"', search_page)
    hidden = re.search(r'data-unr-hidden="([^"]*)"', search_page)
    assert indexes
    page.goto(site.page_url("index.html"))  # a page whose own script loads no index
    return [str(url) for url in page.evaluate(MATCHES, [
        indexes.group(1).split(), json.loads(html.unescape(hidden.group(1))) if hidden else [],
        query])]


def shown(page: Any, site: Served, query: str) -> list[tuple[str, str]]:
    """The results the search page shows: (address, text) of each."""
    page.goto(site.page_url(f"search.html?q={quote(query)}"))
    page.wait_for_function(
        "() => /match|Nothing/.test(document.querySelector('[data-unr-search-status]')"
        ".textContent)", timeout=15_000)
    return [(str(href), str(text)) for href, text in page.eval_on_selector_all(
        ".unr-result__place", "places => places.map(p => "
        "[p.querySelector('a').href, p.textContent])")]


def test_the_rebuild_indexed_the_changed_document_alone(sites: dict[str, Served]) -> None:
    updated, whole = sites["updated"].root, sites["whole"].root
    assert (updated / "pagefind" / "2" / "pagefind.js").is_file()
    assert 'data-unr-hidden="[{&quot;A-77-464&quot;:' in \
        (updated / "search.html").read_text("utf-8")
    assert not (whole / "pagefind" / "2").exists()
    assert "data-unr-hidden" not in (whole / "search.html").read_text("utf-8")
    # the first bundle is the whole index of the first build, the second A/77/464 alone
    records = {name: len(list((root / "pagefind" / "1" / "fragment").iterdir()))
               for name, root in (("updated", updated), ("whole", whole))}
    update = len(list((updated / "pagefind" / "2" / "fragment").iterdir()))
    assert records["updated"] == records["whole"] and 0 < update < records["whole"]


@pytest.fixture
def page(browser: Any, sites: dict[str, Served]) -> Iterator[Any]:
    """A new page; uncaught script errors fail the test."""
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    tab.close()
    assert not errors, f"script errors on the page: {errors}"


@pytest.mark.parametrize("query", QUERIES)
def test_every_query_finds_in_the_text_what_the_whole_index_finds(
        page: Any, sites: dict[str, Served], query: str) -> None:
    updated = text_matches(page, sites["updated"], query)
    whole = text_matches(page, sites["whole"], query)
    assert updated == whole, f"{query!r}: {len(updated)} paragraphs after the update, " \
        f"{len(whole)} in the whole index"
    assert whole
    if query == "Kyoto":  # every paragraph that said it is A/77/464's, which no longer does
        assert not [url for url in whole if url.startswith("A-77-464/")]


def status(page: Any) -> str:
    return str(page.text_content("[data-unr-search-status]"))


@pytest.mark.parametrize("query", QUERIES)
def test_the_search_page_finds_as_many_paragraphs_as_with_the_whole_index(
        page: Any, sites: dict[str, Served], query: str) -> None:
    updated = shown(page, sites["updated"], query)
    said = status(page)
    whole = shown(page, sites["whole"], query)
    assert said == status(page)  # "19 paragraphs match “Zymurgy”." on both
    if query == "Zymurgy":  # the changed words: where they now are, and only there
        assert updated and all("/A-77-464/" in href and "#" in href and "Zymurgy" in text
                               for href, text in updated), updated
    if query == "Kyoto":  # not from the changed document's old edition
        assert updated and not [href for href, _ in updated if "/A-77-464/" in href]
    assert updated
    assert len(updated) == len(whole)
