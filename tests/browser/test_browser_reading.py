"""Reading the site in Chromium: the targeted paragraph, footnotes and their
tooltips, margin numbers, back-to-top, the palette switch and printing."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import (
    PHONE,
    Served,
    assert_just_below_header,
    background,
    box_of,
    is_target,
    settle,
)

pytestmark = pytest.mark.browser

TRANSPARENT = "rgba(0, 0, 0, 0)"


def test_targeted_paragraph_is_highlighted_just_below_the_header(
        page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html#op-12"))
    assert_just_below_header(page, "#op-12")
    assert is_target(page, "op-12")
    assert background(page, "#op-12") != TRANSPARENT
    assert background(page, "#op-13") == TRANSPARENT
    assert "Welcomes the progress made" in page.inner_text("#op-12")


def test_paragraph_numbers_hang_in_the_margin(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html#op-12"))
    number = box_of(page, "#op-12 > .unr-num")
    text_left = page.evaluate("""() => {
      const p = document.getElementById('op-12');
      return p.getBoundingClientRect().left + parseFloat(getComputedStyle(p).paddingLeft);
    }""")
    assert page.inner_text("#op-12 > .unr-num") == "12."
    assert number["x"] + number["width"] <= text_left + 1, "the number is not in the margin"
    assert page.text_content("#pp-8 > .unr-num") == "PP 8"


def test_footnote_mark_leads_to_the_note_and_back(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html"))
    mark = page.locator("a.unr-fnref#fnref-6")
    mark.click()
    page.wait_for_url("**/v.html#fn-6")
    assert is_target(page, "fn-6")
    assert_just_below_header(page, "#fn-6")
    assert "Treaty Series, vol. 2349" in page.inner_text("#fn-6")
    page.locator("#fn-6 a.unr-note-num").click()
    page.wait_for_url("**/v.html#fnref-6")
    assert_just_below_header(page, "#fnref-6", slack=page.viewport_size["height"])


def test_footnote_tooltip_on_keyboard_focus_and_hover(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html#pp-2"))
    page.locator("#pp-2 > .unr-cite").focus()
    page.keyboard.press("Tab")
    mark = page.locator("a.unr-fnref#fnref-6")
    assert page.evaluate("document.activeElement.id") == "fnref-6"
    tooltip = page.locator(".unr-tooltip[role='tooltip']")
    assert tooltip.is_visible()
    assert tooltip.inner_text() == "United Nations, Treaty Series, vol. 2349, No. 42146."
    assert mark.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    page.keyboard.press("Escape")
    assert not tooltip.is_visible()
    page.mouse.move(5, 400)
    page.locator("a.unr-fnref#fnref-8").hover()
    assert "CAC/COSP/2021/17" in tooltip.inner_text()
    page.mouse.move(5, 400)
    assert not tooltip.is_visible()


def test_back_to_top_appears_when_scrolling_up(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/vii.html"))
    page.mouse.wheel(0, 4000)
    settle(page)
    page.mouse.wheel(0, -300)
    top = page.locator(".md-top")
    top.wait_for(state="visible")
    top.click()
    page.wait_for_function("scrollY === 0")


def palette_state(page: Any) -> dict[str, Any]:
    """The body's scheme, the visible switch, the metas and the stored choice."""
    return page.evaluate("""() => ({
      scheme: document.body.getAttribute('data-md-color-scheme'),
      switching: document.body.hasAttribute('data-md-color-switching'),
      visible: [...document.querySelectorAll('form[data-unr-palette] label')]
        .filter(label => !label.hidden && label.offsetWidth > 0).map(label => label.title),
      colorScheme: document.querySelector('meta[name=color-scheme]')?.content,
      themeColor: document.querySelector('meta[name=theme-color]')?.content,
      metas: document.querySelectorAll('meta[name=theme-color], meta[name=color-scheme]').length,
      stored: Object.keys(localStorage).filter(key => key.endsWith('.__palette')).length,
    })""")


def test_palette_switch_changes_the_scheme(page: Any, served: Served) -> None:
    page.goto(served.page_url("index.html"))
    assert page.locator("[data-md-component='palette']").count() == 0, \
        "Material's palette component would restyle the whole page while loading"
    state = palette_state(page)
    assert state["scheme"] == "default"
    assert state["visible"] == ["Switch to dark mode"]
    assert (state["colorScheme"], state["metas"]) == ("light", 2)
    assert state["themeColor"].startswith("#")
    page.locator("form[data-unr-palette] label:visible").click()
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    state = palette_state(page)
    assert (state["scheme"], state["visible"]) == ("slate", ["Switch to light mode"])
    assert (state["colorScheme"], state["stored"]) == ("dark", 1)
    page.goto(served.page_url("draft-resolutions/v.html"))
    assert page.get_attribute("body", "data-md-color-scheme") == "slate", "not remembered"
    assert palette_state(page)["visible"] == ["Switch to light mode"]


def test_palette_switch_works_from_the_keyboard(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html"))
    page.focus("#__palette_0")
    page.keyboard.press("Enter")
    assert palette_state(page)["scheme"] == "slate"
    assert page.evaluate("document.activeElement.id") == "__palette_1"
    page.keyboard.press("Enter")
    assert palette_state(page)["scheme"] == "default"


@pytest.mark.parametrize("system", ["light", "dark"])
def test_palette_applied_before_materials_script(browser: Any, served: Served,
                                                 system: str) -> None:
    """A first visit: the system's scheme, its switch and the browser's colours are
    set while the header is read, so the page is drawn in them from the start; the
    same without Material's bundle at all."""
    context = browser.new_context(viewport=PHONE, color_scheme=system)
    try:
        page = context.new_page()
        page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
        page.goto(served.page_url("draft-resolutions/v.html"))
        state = palette_state(page)
        expected = {"light": ("default", "Switch to dark mode"),
                    "dark": ("slate", "Switch to light mode")}[system]
        assert (state["scheme"], state["visible"][0]) == expected
        assert (state["colorScheme"], state["stored"]) == (system, 1)
    finally:
        context.close()


def test_navigation_lists_every_draft_resolution(page: Any, served: Served) -> None:
    page.goto(served.page_url("index.html"))
    links = page.eval_on_selector_all(
        "nav.md-nav--primary a.md-nav__link[href*='draft-resolutions/']",
        "els => els.map(e => e.getAttribute('href'))")
    pages = {href.split("/")[-1] for href in links}
    assert {"i.html", "ii.html", "iii.html", "iv.html", "v.html", "vi.html",
            "vii.html"} <= pages


def test_print_shows_one_resolution_without_navigation(page: Any, served: Served) -> None:
    page.emulate_media(media="print")
    page.goto(served.page_url("draft-resolutions/v.html#op-12"))
    for hidden in ("header.md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                   ".md-footer", "#op-12 > .unr-cite", ".unr-cites"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} is printed"
    assert background(page, "#op-12") == TRANSPARENT, "the target is highlighted on paper"
    number = box_of(page, "#op-12 > .unr-num")
    assert number["x"] >= 0, "the margin numbers are cut off"
    outside = page.locator(".admonition a[href^='https://']").first
    after = outside.evaluate("a => getComputedStyle(a, '::after').content")
    assert str(outside.get_attribute("href")) in after, "the link's address is not printed"
