"""Sites built from the UN's PDFs, read in Chromium: a resolution's paragraphs and
footnotes (A/RES/78/229), the headed parts of a text (A/RES/78/247) and a table in an
annex (the staffing table of A/RES/78/252).

The three sites are built once for the module by the command line, as a user builds
them (``unreport build FILE.pdf --site-dir …``), and served together from one local
server. The PDFs are the corpus beside the project (``../shared/corpus/pdf``); without
it the tests are skipped.
"""

from __future__ import annotations

import functools
import http.server
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import DESKTOP, PHONE, Served, assert_just_below_header, is_target, serving
from unreport.cli import main

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pdf"
DOCUMENTS = ("A_RES_78_229", "A_RES_78_247", "A_RES_78_252")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log on the test output."""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The three sites, each in a folder named after its PDF, served from their parent."""
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus of real PDFs is not at {CORPUS}")
    root = tmp_path_factory.mktemp("pdf-sites")
    for name in DOCUMENTS:
        assert main(["build", str(CORPUS / f"{name}.pdf"), "--site-dir",
                     str(root / name)]) == 0, name
    with serving(functools.partial(_Quiet, directory=str(root))) as address:
        yield Served(root, f"{address}/")


@pytest.fixture
def tab(browser: Any, sites: Served) -> Iterator[Any]:
    """A desktop page; uncaught script errors fail the test."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"script errors on the page: {errors}"


def test_resolution_paragraph_and_note_have_their_anchors(tab: Any, sites: Served) -> None:
    tab.goto(sites.page_url("A_RES_78_229/index.html#op-12"))
    assert is_target(tab, "op-12")
    assert_just_below_header(tab, "#op-12")
    assert tab.locator("#op-12").get_attribute("data-cite") == (
        "A/RES/78/229, operative paragraph 12")
    assert tab.locator("#fn-8").count() == 1


def test_footnote_mark_leads_to_the_note_and_back(tab: Any, sites: Served) -> None:
    tab.goto(sites.page_url("A_RES_78_229/index.html"))
    tab.locator("a.unr-fnref#fnref-8").click()
    tab.wait_for_url("**/A_RES_78_229/index.html#fn-8")
    assert is_target(tab, "fn-8")
    assert_just_below_header(tab, "#fn-8")
    tab.locator("#fn-8 a.unr-note-num").click()
    tab.wait_for_url("**/A_RES_78_229/index.html#fnref-8")
    assert_just_below_header(tab, "#fnref-8", slack=tab.viewport_size["height"])


def test_parts_of_a_resolution_are_headings(tab: Any, sites: Served) -> None:
    tab.goto(sites.page_url("A_RES_78_247/index.html#part-ii"))
    heading = tab.locator("h2#part-ii")
    assert heading.count() == 1
    assert heading.inner_text().startswith("II. Activities of the Independent Audit Advisory")
    assert_just_below_header(tab, "#part-ii")
    # Operative paragraphs numbered afresh in part II, cited with their section.
    first = tab.locator("#part-ii-op-1")
    assert first.get_attribute("data-cite") == (
        "A/RES/78/247, section II, operative paragraph 1")
    assert first.locator(".unr-num").inner_text() == "1."
    # The table of contents lists the parts, and no grid of repeating numbers.
    assert tab.locator('nav.md-nav--secondary a[href="#part-ii"]').count() >= 1
    assert tab.locator(".unr-op-grid").count() == 0


def test_staffing_table_is_a_table(tab: Any, sites: Served) -> None:
    tab.goto(sites.page_url("A_RES_78_252/index.html#annex"))
    table = tab.locator(".unr-annex-table table")
    assert table.count() == 1
    row = table.locator("tr", has_text="Under-Secretary-General")
    assert [cell.strip() for cell in row.locator("td").all_inner_texts()] == [
        "Under-Secretary-General", "37", "17", "54"]
    assert row.get_attribute("id", timeout=1000).startswith("annex-text-")
    # A figure is set right, on one line.
    style = row.locator("td.unr-figure").first.evaluate(
        "td => [getComputedStyle(td).textAlign, getComputedStyle(td).whiteSpace]")
    assert style == ["right", "nowrap"]


def test_staffing_table_scrolls_inside_its_box_on_a_phone(browser: Any, sites: Served) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    try:
        page = context.new_page()
        page.goto(sites.page_url("A_RES_78_252/index.html#annex"))
        widths = page.evaluate("""() => ({
          page: document.documentElement.scrollWidth,
          window: document.documentElement.clientWidth,
        })""")
        assert widths["page"] <= widths["window"], "the table widens the page on a phone"
    finally:
        context.close()
