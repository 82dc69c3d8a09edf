"""Searching in Chromium with Material's own search box: a phrase finds the
paragraph that contains it, and the hit opens the page at that paragraph."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import (
    Served,
    assert_just_below_header,
    is_target,
    open_first_paragraph_result,
    open_result,
    search,
)

pytestmark = pytest.mark.browser


def test_a_phrase_opens_at_the_paragraph_that_names_it(page: Any, served: Served) -> None:
    page.goto(served.page_url("index.html"))
    hits = search(page, "Nelson Mandela Rules")
    anchored = [h for h in hits if "#" in h]
    assert any("draft-resolutions/vii.html" in h and h.endswith("#op-42") for h in anchored), (
        anchored)
    assert any("ii.html" in h and h.endswith("#pp-6") for h in anchored), anchored
    anchor = open_first_paragraph_result(page)
    assert page.url.endswith(f"#{anchor}")
    assert is_target(page, anchor)
    assert_just_below_header(page, f"#{anchor}")
    assert "Nelson Mandela Rules" in page.inner_text(f"#{anchor}")


def test_the_best_hit_is_the_paragraph(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/i.html"))
    hits = search(page, "lessons learned in order to improve the efficiency")
    first = next(h for h in hits if "#" in h)
    assert first.split("?")[0] == served.page_url("draft-resolutions/v.html"), hits[:4]
    assert first.endswith("#op-12"), hits[:4]
    assert open_first_paragraph_result(page) == "op-12"
    assert_just_below_header(page, "#op-12")


@pytest.mark.parametrize(("phrase", "path", "anchor"), [
    ("interactive dialogue", "index.html", "para-2"),
    ("can recover from the trauma", "draft-resolutions/iii.html", "fn-3"),
    ("living donation procedures involving residents", "draft-resolutions/vi.html", "op-6-i"),
])
def test_a_hit_in_a_page_opens_at_its_paragraph(page: Any, served: Served, phrase: str,
                                               path: str, anchor: str) -> None:
    page.goto(served.page_url("draft-resolutions/i.html"))
    hits = search(page, phrase)
    on_page = [h for h in hits if h.split("?")[0] == served.page_url(path) and "#" in h]
    assert on_page and on_page[0].endswith(f"#{anchor}"), hits
    assert open_result(page, on_page[0]) == anchor
    assert page.url.endswith(f"#{anchor}")
    assert is_target(page, anchor)
    assert_just_below_header(page, f"#{anchor}")


def test_hits_are_titled_by_paragraph(page: Any, served: Served) -> None:
    page.goto(served.page_url("index.html"))
    search(page, "Nelson Mandela Rules")
    titles = page.eval_on_selector_all(
        ".md-search-result__list a[href*='#op-42'] h2", "els => els.map(e => e.textContent)")
    assert titles == ["Draft resolution VII, OP 42"]
