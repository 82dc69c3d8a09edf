"""Citing a paragraph in Chromium: the copy-link and copy-citation controls, by
mouse and by keyboard, on a desktop and at phone width."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import PHONE, Served, box_of

pytestmark = pytest.mark.browser

OP_12 = "A/77/464, draft resolution V, operative paragraph 12"


def clipboard(page: Any) -> str:
    """What the page put on the system clipboard."""
    page.wait_for_selector(".unr-toast.unr-visible")
    return str(page.evaluate("navigator.clipboard.readText()"))


def test_copy_citation_puts_the_citation_and_link_on_the_clipboard(
        page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html"))
    page.locator("#op-12 .unr-copy-cite").click()
    url = served.page_url("draft-resolutions/v.html#op-12")
    assert clipboard(page) == f"{OP_12}, {url}"
    assert page.inner_text(".unr-toast") == "Citation copied"


def test_copy_link_leaves_out_the_search_highlight_query(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/vi.html?h=organ#op-6-i"))
    page.locator("#op-6-i .unr-copy-link").click()
    assert clipboard(page) == served.page_url("draft-resolutions/vi.html#op-6-i")


@pytest.mark.parametrize(("path", "anchor", "citation"), [
    ("index.html", "para-19", "A/77/464, paragraph 19"),
    ("index.html", "para-3-a", "A/77/464, paragraph 3 (a)"),
    ("draft-resolutions/ii.html", "pp-6", "A/77/464, draft resolution II, preambular paragraph 6"),
])
def test_every_kind_of_paragraph_has_its_citation(
        page: Any, served: Served, path: str, anchor: str, citation: str) -> None:
    page.goto(served.page_url(path))
    page.locator(f"#{anchor} .unr-copy-cite").click()
    assert clipboard(page) == f"{citation}, {served.page_url(path)}#{anchor}"


def test_every_paragraph_has_both_controls(page: Any, served: Served) -> None:
    pages = ["index.html", *(f"draft-resolutions/{p.name}"
                             for p in sorted((served.root / "draft-resolutions").glob("*.html")))]
    total = 0
    for path in pages:
        page.goto(served.page_url(path))
        counts = page.evaluate("""() => {
          const paras = [...document.querySelectorAll('.unr-para[id]')];
          const has = s => paras.filter(p => p.querySelector(s)).length;
          return {paras: paras.length, link: has('button.unr-copy-link[aria-label]'),
                  cite: has('button.unr-copy-cite[aria-label]')};
        }""")
        assert counts["paras"] > 0, path
        assert counts["link"] == counts["cite"] == counts["paras"], (path, counts)
        total += counts["paras"]
    assert total > 500


def test_tab_reaches_the_copy_controls_and_enter_copies(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html"))
    page.locator("#op-12 > .unr-num").focus()
    reached = []
    for _ in range(6):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("""() => {
          const el = document.activeElement;
          const kind = ['unr-copy-link', 'unr-copy-cite', 'unr-permalink', 'unr-num', 'unr-fnref']
            .find(c => el.classList.contains(c)) || el.tagName;
          return [el.closest('.unr-para')?.id, kind];
        }"""))
        if reached[-1] == ["op-12", "unr-copy-cite"]:
            break
    assert ["op-12", "unr-copy-link"] in reached, reached
    assert reached[-1] == ["op-12", "unr-copy-cite"], reached
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused control shows no focus ring"
    page.keyboard.press("Enter")
    assert clipboard(page).startswith(OP_12 + ", ")


def test_phone_width_shows_the_controls(browser: Any, served: Served) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(served.page_url("draft-resolutions/vii.html#op-42"))
        width = PHONE["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "sideways scroll"
        for control in ("#op-42 .unr-copy-link", "#op-42 .unr-copy-cite", "#op-42 .unr-permalink"):
            assert page.locator(control).is_visible()
            box = box_of(page, control)
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{control} off screen"
        for control in ("#op-42 .unr-copy-link", "#op-42 .unr-copy-cite"):
            box = box_of(page, control)
            assert box["width"] >= 24 and box["height"] >= 24, f"{control} is too small to tap"
        number = box_of(page, "#op-42 > .unr-num")
        assert number["x"] >= 0, "the paragraph number is off screen"
        page.locator("#op-42 .unr-copy-cite").tap()
        page.wait_for_selector(".unr-toast.unr-visible")
    finally:
        context.close()
