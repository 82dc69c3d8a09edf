"""Accessibility: axe-core finds no serious or critical violation on the home
page, a draft resolution, the index pages and the about page, in the light and
the dark palette, nor with search results open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_support import DESKTOP, Served, describe_violations, run_axe, search, settle

pytestmark = pytest.mark.browser

PAGES = ["index.html", "draft-resolutions/v.html", "references.html", "sponsors.html",
         "meetings.html", "about.html"]
"""The index pages and the about page are checked when the build has them."""
SCHEMES = {"light": "default", "dark": "slate"}
BLOCKING = {"serious", "critical"}


def open_in_palette(browser: Any, served: Served, path: str, palette: str) -> tuple[Any, Any]:
    """A new context preferring ``palette``; the page opened in it."""
    if not (served.root / path).is_file():
        pytest.skip(f"{path} is not in this build")
    context = browser.new_context(viewport=DESKTOP, color_scheme=palette)
    page = context.new_page()
    page.goto(served.page_url(path))
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[palette]
    settle(page)
    return context, page


@pytest.mark.parametrize("palette", list(SCHEMES))
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violations(browser: Any, served: Served, axe_path: Path, path: str,
                               palette: str) -> None:
    context, page = open_in_palette(browser, served, path, palette)
    try:
        violations = [v for v in run_axe(page, axe_path) if v["impact"] in BLOCKING]
    finally:
        context.close()
    assert not violations, describe_violations(violations)


@pytest.mark.parametrize("palette", list(SCHEMES))
def test_no_serious_violations_with_search_results_open(
        browser: Any, served: Served, axe_path: Path, palette: str) -> None:
    context, page = open_in_palette(browser, served, "draft-resolutions/v.html", palette)
    try:
        search(page, "Nelson Mandela Rules")
        settle(page)
        violations = [v for v in run_axe(page, axe_path) if v["impact"] in BLOCKING]
    finally:
        context.close()
    assert not violations, describe_violations(violations)
