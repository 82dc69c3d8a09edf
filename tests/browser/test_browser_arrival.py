"""Arriving at a cited paragraph in Chromium: its first line is never covered, not by
the sticky header and not by Material's "Back to top" button (navigation.top),
which Material shows whenever the page scrolls up, as arriving can do: the page
loading at #op-12 while the paragraphs above are laid out, a link to the cited
paragraph followed again after reading on, "back" from a footnote."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import DESKTOP, PHONE, Served, settle

pytestmark = pytest.mark.browser

PAGE = "draft-resolutions/v.html"

# The first line of the paragraph, the header's bottom edge and the back-to-top
# button when it is shown (not hidden, not faded out), relative to the viewport.
GEOMETRY = """id => {
  const para = document.getElementById(id);
  const box = para.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(para);
  const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
  const top = Math.min(...rects.map(r => r.top));
  const bottom = Math.max(...rects.filter(r => r.top < top + 4).map(r => r.bottom));
  const button = document.querySelector('.md-top');
  const shown = !!button && !button.hidden && getComputedStyle(button).opacity !== '0';
  const b = shown ? button.getBoundingClientRect() : null;
  return {
    line: {left: box.left, right: box.right, top, bottom},
    header: document.querySelector('header.md-header').getBoundingClientRect().bottom,
    button: b && {left: b.left, right: b.right, top: b.top, bottom: b.bottom},
    height: innerHeight,
  };
}"""


@pytest.fixture(params=[DESKTOP, PHONE], ids=["1280", "390"])
def tab(request: pytest.FixtureRequest, browser: Any, served: Served) -> Iterator[Any]:
    """A page at the desktop and at the phone width; script errors fail the test."""
    context = browser.new_context(viewport=request.param, color_scheme="light")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"script errors on the page: {errors}"


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (a["left"] < b["right"] and b["left"] < a["right"]
            and a["top"] < b["bottom"] and b["top"] < a["bottom"])


def first_line_clear(page: Any, anchor: str) -> dict[str, Any]:
    """Assert that the first line of #anchor is in view, below the header and not
    under the back-to-top button; return what was measured."""
    settle(page)
    g = page.evaluate(GEOMETRY, anchor)
    line = g["line"]
    assert line["top"] >= g["header"] - 1, (
        f"#{anchor}: first line at {line['top']:.0f}px, under the header "
        f"(ends at {g['header']:.0f}px)")
    assert line["bottom"] <= g["height"] + 1, f"#{anchor}: first line below the window"
    if g["button"] is not None:
        assert not overlap(line, g["button"]), (
            f"#{anchor}: 'Back to top' {g['button']} covers the first line {line}")
    return g


def scroll_on_then_back_a_little(page: Any) -> None:
    """Scroll down, then up a little: Material shows "Back to top"."""
    # Material stops watching the scroll direction for 250 ms after the address's
    # fragment changes: scrolling in that time would not show the button.
    page.wait_for_timeout(300)
    width = page.viewport_size["width"]
    page.mouse.move(width // 2, 400)
    start = page.evaluate("scrollY")
    page.mouse.wheel(0, 1500)
    page.wait_for_function("y => scrollY > y + 1000", arg=start)
    settle(page)
    page.mouse.wheel(0, -300)
    page.wait_for_selector(".md-top:not([hidden])")
    settle(page)


def test_opened_at_a_paragraph(tab: Any, served: Served) -> None:
    tab.goto(served.page_url(f"{PAGE}#op-12"))
    first_line_clear(tab, "op-12")


def test_paragraph_reached_after_scrolling_up(tab: Any, served: Served) -> None:
    tab.goto(served.page_url(f"{PAGE}#op-12"))
    scroll_on_then_back_a_little(tab)
    tab.evaluate("location.hash = 'op-20'")
    tab.wait_for_url(f"**/{PAGE}#op-20")
    first_line_clear(tab, "op-20")
    # Read on, scroll back a little and return to the paragraph with its number in
    # the table of contents (in the drawer on a phone, hence the click dispatched,
    # which also does not scroll the link into view first): the address stays
    # #op-20, the page scrolls up, and Material keeps the button shown.
    scroll_on_then_back_a_little(tab)
    tab.locator(".unr-op-grid a[href='#op-20']").first.dispatch_event("click")
    measured = first_line_clear(tab, "op-20")
    assert measured["button"] is not None, "'Back to top' should be shown: scrolled up"


def test_browser_back_from_a_footnote(tab: Any, served: Served) -> None:
    tab.goto(served.page_url(f"{PAGE}#op-21"))
    settle(tab)
    mark = tab.locator("#op-21 a.unr-fnref").first
    note = str(mark.get_attribute("href")).split("#", 1)[1]
    mark.click()
    tab.wait_for_url(f"**/{PAGE}#{note}")
    first_line_clear(tab, note)
    tab.go_back()
    tab.wait_for_url(f"**/{PAGE}#op-21")
    first_line_clear(tab, "op-21")
