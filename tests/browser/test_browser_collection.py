"""A collection of documents in the browser: the home page's filters, links from one
document to another, the search that leads to the paragraph, phone widths, and
accessibility (axe-core), on a collection of the bundled report A/77/464 and
resolutions 78/223–78/229 from the corpus, built once for this module by the
command line (``python -m unreport build FILE … --site-dir DIR``)."""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browser_support import (
    DESKTOP,
    Served,
    describe_violations,
    header_bottom,
    is_target,
    run_axe,
    serving,
    settle,
)
from unreport.parse.source import bundled_path

pytestmark = pytest.mark.browser

RESOLUTIONS = [f"A_RES_78_{number}.pdf" for number in range(223, 230)]
PHONE_360 = {"width": 360, "height": 740}
SCHEMES = {"light": "default", "dark": "slate"}
BLOCKING = {"serious", "critical"}
PHRASE = "Co-Action against Trafficking in Cultural Heritage"
"""Words of 78/229's preambular paragraph 70 (the CATCH initiative), found in no other
document of the collection."""
RESULT_LINKS = "[data-unr-search-results] a.unr-result__link"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log on the test output."""


def build_collection(corpus: Path, site: Path) -> Path:
    """The collection of A/77/464 and 78/223–78/229, built by the command line."""
    sources = [corpus / "pdf" / name for name in RESOLUTIONS]
    missing = [source.name for source in sources if not source.is_file()]
    if missing:
        pytest.skip(f"the corpus lacks {', '.join(missing)}")
    # In a process of its own: Playwright's event loop runs in this one, and the
    # collection step runs Pagefind's indexing service with asyncio.
    argv = ["build", str(bundled_path()), *map(str, sources), "--site-dir", str(site)]
    done = subprocess.run([sys.executable, "-m", "unreport", *argv], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, f"the collection did not build:\n{done.stderr}"
    return site


@pytest.fixture(scope="module")
def collection(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The collection built into a temporary folder and served on 127.0.0.1."""
    site = build_collection(corpus, tmp_path_factory.mktemp("collection") / "site")
    with serving(functools.partial(_QuietHandler, directory=str(site))) as address:
        yield Served(site, f"{address}/")


def open_page(browser: Any, viewport: dict[str, int] = DESKTOP,
              scheme: str = "light") -> tuple[Any, Any, list[str]]:
    """A new context and page; the list collects uncaught script errors."""
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, errors


@pytest.fixture
def page(browser: Any, collection: Served) -> Iterator[Any]:
    """A desktop page (light palette); uncaught script errors fail the test."""
    context, tab, errors = open_page(browser)
    yield tab
    context.close()
    assert not errors, f"script errors on the page: {errors}"


def visible_symbols(page: Any) -> list[str]:
    """The symbols of the rows the home page's table shows."""
    return [str(symbol) for symbol in page.eval_on_selector_all(
        ".unr-documents tbody tr",
        "rows => rows.filter(r => !r.hidden && r.offsetParent !== null)"
        ".map(r => r.cells[0].textContent.trim())")]


def wait_for_results(page: Any) -> list[str]:
    """The search results' links (absolute addresses), once the search has answered."""
    page.wait_for_function(
        "() => /match|Nothing/.test(document.querySelector('[data-unr-search-status]')"
        ".textContent)", timeout=15_000)
    return [str(href) for href in page.eval_on_selector_all(RESULT_LINKS,
                                                            "links => links.map(a => a.href)")]


def search_url(collection: Served, query: str, **filters: str) -> str:
    extra = "".join(f"&{name}={quote(value)}" for name, value in filters.items())
    return collection.page_url(f"search.html?q={quote(query)}{extra}")


# ---- The home page's filters --------------------------------------------------------

def test_home_filters_by_kind_then_by_words(page: Any, collection: Served) -> None:
    page.goto(collection.page_url("index.html"))
    assert len(visible_symbols(page)) == 8
    assert page.text_content("[data-unr-count]") == "8 documents"

    page.select_option("select[data-unr-filter='kind']", "Committee report")
    assert visible_symbols(page) == ["A/77/464"]
    assert page.text_content("[data-unr-count]") == "1 of 8 documents"
    assert "kind=Committee+report" in page.url  # the filtered view can be linked to

    page.select_option("select[data-unr-filter='kind']", "")
    page.fill("input[data-unr-filter='text']", "trafficking")
    matching = [str(symbol) for symbol in page.eval_on_selector_all(
        ".unr-documents tbody tr",
        "rows => rows.filter(r => /trafficking/i.test(r.textContent))"
        ".map(r => r.cells[0].textContent.trim())")]
    assert 0 < len(matching) < 8
    assert visible_symbols(page) == matching
    assert page.text_content("[data-unr-count]") == f"{len(matching)} of 8 documents"
    assert "kind=" not in page.url and "text=trafficking" in page.url

    page.goto(page.url)  # the link to the filtered view shows it filtered
    assert page.input_value("input[data-unr-filter='text']") == "trafficking"
    assert visible_symbols(page) == matching


def test_home_filters_work_from_disk(page: Any, collection: Served) -> None:
    page.goto((collection.root / "index.html").as_uri())
    page.select_option("select[data-unr-filter='kind']", "Committee report")
    assert visible_symbols(page) == ["A/77/464"]
    assert page.text_content("[data-unr-count]") == "1 of 8 documents"


# ---- Links from one document to another -----------------------------------------------

def test_citations_lead_to_the_cited_documents_pages(page: Any, collection: Served) -> None:
    page.goto(collection.page_url("A-RES-78-229/index.html"))
    cited = page.locator("#pp-1 a.unr-ref", has_text="77/237")
    assert cited.get_attribute("href") == "../A-77-464/draft-resolutions/vii.html"
    for number, folder in (("78/223", "A-RES-78-223"), ("78/225", "A-RES-78-225")):
        hrefs = page.eval_on_selector_all(
            "a.unr-ref", "(links, n) => links.filter(a => a.textContent.trim() === n)"
            ".map(a => a.getAttribute('href'))", number)
        assert hrefs, f"no link to {number}"
        assert all(str(h).split("#")[0] == f"../{folder}/index.html" for h in hrefs), hrefs
    with page.expect_navigation():
        cited.click()
    assert page.url == collection.page_url("A-77-464/draft-resolutions/vii.html")
    assert str(page.text_content("h1")).startswith("Draft resolution VII")


# ---- Search ---------------------------------------------------------------------------

def test_search_result_opens_the_paragraph(page: Any, collection: Served) -> None:
    page.goto(search_url(collection, PHRASE))
    assert page.input_value("#unr-search-q") == PHRASE
    links = wait_for_results(page)
    assert links and links[0] == collection.page_url("A-RES-78-229/index.html#pp-70")
    status = str(page.text_content("[data-unr-search-status]"))
    assert re.match(r"\d+ paragraphs? match", status), status
    first = page.locator(RESULT_LINKS).first
    assert "A/RES/78/229" in str(first.text_content()) and "PP 70" in str(first.text_content())
    marked = " ".join(str(m) for m in page.locator(".unr-result__excerpt mark").all_text_contents())
    assert "Cultural Heritage" in marked, marked  # the words found, marked in the excerpt
    with page.expect_navigation():
        first.click()
    assert page.url.endswith("A-RES-78-229/index.html#pp-70")
    settle(page)
    assert is_target(page, "pp-70")
    box = page.locator("#pp-70").bounding_box()
    assert box is not None
    top, height = box["y"], page.viewport_size["height"]
    assert header_bottom(page) - 1 <= top < height, f"#pp-70 at {top:.0f}px is not in view"


def test_search_filters_by_kind_and_shows_more(page: Any, collection: Served) -> None:
    page.goto(search_url(collection, "trafficking in persons"))
    links = wait_for_results(page)
    assert len(links) == 10 and any("/A-RES-" in link for link in links)
    more = page.get_by_role("button", name="More results")
    more.click()
    page.wait_for_function(f"() => document.querySelectorAll('{RESULT_LINKS}').length > 10")
    assert page.evaluate("document.activeElement.classList.contains('unr-result__link')")

    page.select_option("select[data-unr-search-filter='kind']", "Committee report")
    page.wait_for_function(
        "() => /Kind: Committee report/.test(document.querySelector("
        "'[data-unr-search-status]').textContent)", timeout=15_000)
    links = wait_for_results(page)
    assert links and all("/A-77-464/" in link for link in links), links
    assert "kind=Committee+report" in page.url

    page.goto(page.url)  # the address keeps the filter
    links = wait_for_results(page)
    assert page.input_value("select[data-unr-search-filter='kind']") == "Committee report"
    assert links and all("/A-77-464/" in link for link in links)


def test_search_from_disk_keeps_its_message(page: Any, collection: Served) -> None:
    page.goto((collection.root / "search.html").as_uri() + f"?q={quote(PHRASE)}")
    page.wait_for_timeout(300)
    assert "needs JavaScript and the site served over http" in str(
        page.text_content("[data-unr-search-status]"))
    assert page.locator(RESULT_LINKS).count() == 0


# ---- Phone width ------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["index.html", f"search.html?q={quote(PHRASE)}",
                                  "A-RES-78-229/index.html#pp-70"])
def test_no_horizontal_overflow_on_a_phone(browser: Any, collection: Served, path: str) -> None:
    context, page, errors = open_page(browser, PHONE_360)
    try:
        page.goto(collection.page_url(path))
        if path.startswith("search"):
            wait_for_results(page)
        settle(page)
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.body.scrollWidth, "
            "innerWidth]")
        button = page.locator(".unr-find__go").bounding_box()
        field = page.locator(".unr-find__input").bounding_box()
    finally:
        context.close()
    assert widths[0] <= widths[2] and widths[1] <= widths[2], f"{path} overflows: {widths}"
    assert button and button["x"] + button["width"] <= PHONE_360["width"]
    assert field and field["width"] >= 80, "the search box is too narrow to type in"
    assert not errors


# ---- Accessibility -------------------------------------------------------------------

@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("path", ["index.html?kind=Resolution", f"search.html?q={quote(PHRASE)}",
                                  "A-77-464/draft-resolutions/vii.html"])
def test_no_serious_violations(browser: Any, collection: Served, axe_path: Path, path: str,
                               scheme: str) -> None:
    context, page, _ = open_page(browser, DESKTOP, scheme)
    try:
        page.goto(collection.page_url(path))
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
        if path.startswith("search"):
            wait_for_results(page)
        settle(page)
        violations = run_axe(page, axe_path)
    finally:
        context.close()
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, describe_violations(blocking)
