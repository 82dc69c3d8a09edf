"""Mandate labels and the Mandates page in Chromium: the label under a request paragraph
on a desktop and a phone, what a screen reader is given, print, search, and axe-core."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from browser_support import DESKTOP, PHONE, Served, box_of, describe_violations, run_axe, settle

pytestmark = pytest.mark.browser

LABEL = "#op-27 + .unr-mandate"
"""The label of draft resolution IV, operative paragraph 27 (a report to the Assembly)."""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_label_under_its_paragraph(browser: Any, served: Served, viewport: dict[str, int]
                                   ) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        page.goto(served.page_url("draft-resolutions/iv.html#op-27"))
        settle(page)
        label = page.locator(LABEL)
        assert label.is_visible()
        shown = label.evaluate("el => { const c = el.cloneNode(true); "
                               "c.querySelectorAll('.unr-sr').forEach(s => s.remove()); "
                               "return c.textContent; }")
        assert shown == "Request · Secretary-General · report to the General Assembly, " \
                        "79th session"
        paragraph, tag = box_of(page, "#op-27"), box_of(page, LABEL)
        assert 0 <= tag["y"] - (paragraph["y"] + paragraph["height"]) < 12, "not right under"
        assert tag["x"] + tag["width"] <= viewport["width"], "wider than the screen"
        size = label.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        text = page.locator("#op-27").evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        assert size < text, "the label is not smaller than the text"
    finally:
        context.close()


def test_screen_readers_hear_a_sentence(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/iv.html"))
    snapshot = page.locator(LABEL).aria_snapshot()
    assert "Mandate: Request ; Secretary-General ; report to the General Assembly, 79th " \
           "session" in " ".join(snapshot.split())
    assert "·" not in snapshot
    assert box_of(page, f"{LABEL} .unr-sr")["width"] <= 1, "'Mandate:' is shown on screen"


def test_print_keeps_the_label(page: Any, served: Served) -> None:
    page.emulate_media(media="print")
    page.goto(served.page_url("draft-resolutions/iv.html"))
    assert page.locator(LABEL).is_visible()
    assert "79th session" in page.locator(LABEL).inner_text()
    pdf = page.pdf(format="A4")
    assert len(pdf) > 10_000


def test_search_leaves_labels_and_clauses_out(served: Served) -> None:
    index = json.loads((served.root / "search" / "search_index.json").read_text("utf-8"))
    drafts = [e["text"] for e in index["docs"] if e["location"].startswith("draft-resolutions/")]
    assert not any("Mandate:" in t or "79th session" in t for t in drafts)
    mandates = [e for e in index["docs"] if e["location"].startswith("mandates.html")]
    assert mandates, "the Mandates page is not in the search index"
    # The reports table is found; the clauses, the paragraphs' own words, are not twice.
    assert any("79th session" in e["text"] for e in mandates)
    assert not any("Requests the Secretary-General to enhance" in e["text"] for e in mandates)


def test_mandates_page_links_open_the_paragraph(page: Any, served: Served) -> None:
    page.goto(served.page_url("mandates.html#addressee-secretary-general"))
    link = page.locator("#addressee-secretary-general ~ p.unr-entry a[href$='#op-27']").first
    link.click()
    page.wait_for_url("**/iv.html#op-27")
    settle(page)
    assert page.evaluate("document.getElementById('op-27').matches(':target')")


@pytest.mark.parametrize("palette", ["light", "dark"])
@pytest.mark.parametrize("path", ["mandates.html", "draft-resolutions/iv.html"])
def test_no_serious_violations(browser: Any, served: Served, axe_path: Path, path: str,
                               palette: str) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme=palette)
    page = context.new_page()
    try:
        page.goto(served.page_url(path))
        settle(page)
        violations = [v for v in run_axe(page, axe_path) if v["impact"] in {"serious",
                                                                              "critical"}]
    finally:
        context.close()
    assert not violations, describe_violations(violations)
