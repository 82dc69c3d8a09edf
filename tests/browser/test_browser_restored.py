"""Restored footnote marks in a real browser: they look different, and say why they stand there.

Draft resolution VII lost the marks of notes 1–5 (five treaties listed in its second
preambular paragraph); restore.py put them back. Note 6 kept its own mark.
"""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import PHONE, Served, box_of, describe_violations, run_axe

pytestmark = pytest.mark.browser


def test_restored_mark_tooltip_on_focus_and_hover(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/vii.html"))
    mark = page.locator("a.unr-fnref.unr-fnref-restored#fnref-3")
    assert mark.get_attribute("aria-label") == "Note 3, mark restored"
    mark.focus()
    tooltip = page.locator(".unr-tooltip[role='tooltip']")
    assert tooltip.is_visible()
    text = tooltip.inner_text()
    assert text.startswith("Ibid., vol. 1019, No. 14956.")
    assert ("Mark restored: the note cites the Treaty Series entry of the Convention on "
            "Psychotropic Substances (No. 14956)") in text
    assert "the converter lost" not in text, "the note's own remark is not repeated"
    assert mark.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    page.keyboard.press("Escape")
    assert not tooltip.is_visible()
    page.locator("a.unr-fnref#fnref-1").hover()
    assert "Mark restored:" in tooltip.inner_text()
    # A surviving mark's tooltip is the note alone.
    page.locator("a.unr-fnref#fnref-6").hover()
    assert tooltip.inner_text() == "See A/CONF.234/16."


def test_restored_mark_looks_different(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/vii.html"))
    style = "el => getComputedStyle(el).borderTopStyle"
    assert page.locator("#fnref-3").evaluate(style) == "dotted"
    assert page.locator("#fnref-6").evaluate(style) == "none"


def test_notes_say_which_marks_were_restored(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/vii.html"))
    note = page.locator("#fn-3")
    # text_content: a note far from the window is not laid out (content-visibility).
    assert "the converter lost this note’s mark" in note.text_content()
    assert note.locator("a[href='#fnref-3']").count() == 2  # the number and the remark
    note.locator(".unr-restored-remark a").click()
    page.wait_for_function("location.hash === '#fnref-3'")
    page.goto(served.page_url("draft-resolutions/v.html"))
    assert "(no mark for this note survives in the report’s text)" in (
        page.locator("#fn-7").text_content())
    assert page.locator("#fn-7 .unr-restored-remark").count() == 0


def test_restored_mark_on_a_phone(browser: Any, served: Served) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        tab = context.new_page()
        tab.goto(served.page_url("draft-resolutions/v.html") + "#pp-1")
        mark = tab.locator("#fnref-2")
        mark.focus()
        tooltip = tab.locator(".unr-tooltip")
        assert "Human Rights Council’s report for 2015 (A/70/53)" in tooltip.inner_text()
        tip = box_of(tab, ".unr-tooltip")
        assert tip["x"] >= 0 and tip["x"] + tip["width"] <= PHONE["width"], "off screen"
    finally:
        context.close()


def test_restored_marks_pass_axe(page: Any, served: Served, axe_path: Any) -> None:
    """The page with three restored marks (their labels, look and notes) has no violation.

    With a tooltip open axe reports it outside the page's landmarks ("region"): true of
    every mark's tooltip, which issue 9 is redoing; not checked here.
    """
    page.goto(served.page_url("draft-resolutions/ii.html"))
    violations = run_axe(page, axe_path)
    assert not violations, describe_violations(violations)
