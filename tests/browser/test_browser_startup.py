"""What a page costs the browser when it starts, read from Chromium's own trace.

Lighthouse's blocking time on a phone is, for these pages, the two tasks in which
Material's script starts (its evaluation, then its work at DOMContentLoaded). Each
time that script makes the browser restyle the whole page, those tasks grow with
the page: the sponsors matrix alone is over a thousand elements. These tests load
each kind of page with Chromium's style-invalidation tracking on and fail if
anything invalidates the whole document, body or article (the trace names the CSS
rule that did it), and check that what used to do it still works: Material's
tables are wrapped for scrolling, its script has started (the ``js`` class, focus
rings for the keyboard only).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from browser_support import PHONE, Served, settle

pytestmark = pytest.mark.browser

PAGES = ["index.html", "draft-resolutions/vii.html", "references.html", "sponsors.html",
         "meetings.html", "mandates.html", "data.html", "about.html"]
TRACKING = ["devtools.timeline", "disabled-by-default-devtools.timeline",
            "disabled-by-default-devtools.timeline.invalidationTracking"]
WHOLE_PAGE = ("HTML", "BODY", "ARTICLE", "DIV class='md-container'", "MAIN")


def whole_page_restyles(trace: bytes) -> list[str]:
    """Invalidations of a whole document, body, container or article in ``trace``,
    each with the node and the CSS rules the trace gives for it."""
    found = []
    for event in json.loads(trace)["traceEvents"]:
        if event.get("name") != "StyleInvalidatorInvalidationTracking":
            continue
        data = event.get("args", {}).get("data", {})
        if (data.get("reason") == "Invalidation set invalidates subtree"
                and str(data.get("nodeName", "")).startswith(WHOLE_PAGE)):
            rules = [s.get("selector") for s in data.get("selectors", [])]
            found.append(f"{data['nodeName']}: {rules}")
    return found


@pytest.mark.parametrize("path", PAGES)
def test_starting_restyles_no_whole_page(browser: Any, served: Served, path: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, color_scheme="light")
    try:
        tab = context.new_page()
        browser.start_tracing(page=tab, categories=TRACKING)
        try:
            tab.goto(served.page_url(path), wait_until="load")
            settle(tab)
            tab.wait_for_timeout(300)
        finally:
            trace = browser.stop_tracing()
        assert whole_page_restyles(trace) == [], \
            f"{path}: the whole page was restyled as it started"
        # What Material's start-up does is done: its script ran, it wrapped the tables.
        state = tab.evaluate("""() => ({
            classes: [...document.documentElement.classList],
            focusVisible: document.documentElement.hasAttribute("data-js-focus-visible"),
            plain: document.querySelectorAll("article table:not([class])").length,
            wrapped: document.querySelectorAll(
                ".md-typeset__scrollwrap > .md-typeset__table > table:not([class])").length,
            searchShown: getComputedStyle(document.querySelector(".md-search")).display,
        })""")
        assert "js" in state["classes"] and "no-js" not in state["classes"]
        assert "js-focus-visible" in state["classes"] and state["focusVisible"]
        assert state["wrapped"] == state["plain"], f"{path}: a table Material did not wrap"
        assert state["searchShown"] != "none"
    finally:
        context.close()


def test_the_check_sees_a_whole_page_restyle(browser: Any, served: Served) -> None:
    """The check above is not blind: a class set on the document after loading (what
    Material's script did to the page's "no-js" class) is reported."""
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    try:
        tab = context.new_page()
        tab.goto(served.page_url("sponsors.html"), wait_until="load")
        settle(tab)
        browser.start_tracing(page=tab, categories=TRACKING)
        try:
            tab.evaluate("""() => {
                document.documentElement.classList.replace("js", "no-js");
                return document.body.offsetHeight;
            }""")
        finally:
            trace = browser.stop_tracing()
        found = whole_page_restyles(trace)
        assert any(line.startswith("HTML") for line in found), found
    finally:
        context.close()


def test_focus_rings_still_show_for_the_keyboard_only(browser: Any, served: Served) -> None:
    """Material's focus-visible script is told early that it will run: a link
    clicked with the mouse shows no ring, one reached with Tab does."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        tab = context.new_page()
        tab.goto(served.page_url("sponsors.html"))
        settle(tab)
        link = tab.locator("article a[href='draft-resolutions/i.html']").first
        link.click(modifiers=["Control"])  # a click that does not leave the page
        assert tab.evaluate("() => document.activeElement.classList.contains('focus-visible')") \
            is False
        tab.keyboard.press("Tab")
        assert tab.evaluate("() => document.activeElement.classList.contains('focus-visible')")
    finally:
        context.close()
