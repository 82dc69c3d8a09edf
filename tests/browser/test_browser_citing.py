"""Citing a paragraph in Chromium: its number links to it, and one small control
offers "Copy link" and "Copy citation", by mouse, by keyboard and by touch, on a
desktop and at phone width."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import PHONE, Served, box_of, copy_from_menu

pytestmark = pytest.mark.browser

OP_12 = "A/77/464, draft resolution V, operative paragraph 12"


def clipboard(page: Any) -> str:
    """What the page put on the system clipboard."""
    page.wait_for_selector(".unr-toast.unr-visible")
    return str(page.evaluate("navigator.clipboard.readText()"))


def test_copy_citation_puts_the_citation_and_link_on_the_clipboard(
        page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html"))
    copy_from_menu(page, "op-12", "Copy citation")
    url = served.page_url("draft-resolutions/v.html#op-12")
    assert clipboard(page) == f"{OP_12}, {url}"
    assert page.inner_text(".unr-toast") == "Citation copied"
    assert not page.locator(".unr-menu").is_visible(), "the menu stays open"


def test_copy_link_leaves_out_the_search_highlight_query(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/vi.html?h=organ#op-6-i"))
    copy_from_menu(page, "op-6-i", "Copy link")
    assert clipboard(page) == served.page_url("draft-resolutions/vi.html#op-6-i")


@pytest.mark.parametrize(("path", "anchor", "citation"), [
    ("index.html", "para-19", "A/77/464, paragraph 19"),
    ("index.html", "para-3-a", "A/77/464, paragraph 3 (a)"),
    ("draft-resolutions/ii.html", "pp-6", "A/77/464, draft resolution II, preambular paragraph 6"),
    ("draft-resolutions/v.html", "fn-6", "A/77/464, draft resolution V, note 6"),
])
def test_every_kind_of_paragraph_has_its_citation(
        page: Any, served: Served, path: str, anchor: str, citation: str) -> None:
    page.goto(served.page_url(path))
    copy_from_menu(page, anchor, "Copy citation")
    assert clipboard(page) == f"{citation}, {served.page_url(path)}#{anchor}"


def test_one_quiet_control_per_paragraph(page: Any, served: Served) -> None:
    """The number links to the paragraph; one button, named for screen readers, does
    the rest: no ¶, no icon per paragraph, no second link to the same place."""
    pages = ["index.html", *(f"draft-resolutions/{p.name}"
                             for p in sorted((served.root / "draft-resolutions").glob("*.html")))]
    total = 0
    for path in pages:
        page.goto(served.page_url(path))
        found = page.evaluate("""() => [...document.querySelectorAll('.unr-para[id]')].map(p => ({
          id: p.id,
          buttons: [...p.querySelectorAll(':scope > button')]
            .map(b => b.getAttribute('aria-label')),
          selfLinks: p.querySelectorAll(`a[href="#${p.id}"]`).length,
          numberLinks: p.querySelector(':scope > a.unr-num')?.getAttribute('href'),
          svgs: p.querySelectorAll('svg').length,
          pilcrow: p.textContent.includes('¶'),
        }))""")
        assert found, path
        for paragraph in found:
            assert len(paragraph["buttons"]) == 1, (path, paragraph)
            assert paragraph["buttons"][0].startswith("Copy link or citation: "), paragraph
            assert paragraph["numberLinks"] == f"#{paragraph['id']}", paragraph
            assert paragraph["selfLinks"] == 1, paragraph
            assert not paragraph["svgs"] and not paragraph["pilcrow"], paragraph
        total += len(found)
    assert total > 500
    page.goto(served.page_url("draft-resolutions/vi.html"))
    assert page.get_attribute("#op-6-a > .unr-cite", "aria-label") == (
        "Copy link or citation: operative paragraph 6 (a)")


def test_keyboard_reaches_the_control_and_copies(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html"))
    page.locator("#op-12 > .unr-num").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.classList.contains('unr-cite'), "
                            "document.activeElement.closest('.unr-para')?.id]")
    assert focused == [True, "op-12"], focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused control shows no focus ring"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Copy link"
    assert page.get_attribute("#op-12 > .unr-cite", "aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Copy citation"
    page.keyboard.press("Enter")
    assert clipboard(page).startswith(OP_12 + ", ")
    assert page.evaluate("document.activeElement.classList.contains('unr-cite')"), "focus lost"
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert not page.locator(".unr-menu").is_visible()
    assert page.get_attribute("#op-12 > .unr-cite", "aria-expanded") == "false"


@pytest.mark.parametrize(("path", "anchor"), [
    ("draft-resolutions/vii.html", "op-42"), ("draft-resolutions/vii.html", "pp-1"),
    ("draft-resolutions/vi.html", "op-6-i"), ("index.html", "para-3-a"),
])
def test_phone_control_shares_the_first_line(browser: Any, served: Served, path: str,
                                             anchor: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(served.page_url(f"{path}#{anchor}"))
        width = PHONE["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "sideways scroll"
        control = box_of(page, f"#{anchor} > .unr-cite")
        number = box_of(page, f"#{anchor} > .unr-num")
        assert control["width"] >= 24 and control["height"] >= 24, "too small to tap"
        assert control["x"] >= 0 and control["x"] + control["width"] <= width, "off screen"
        assert number["x"] >= 0, "the paragraph number is off screen"
        # On the first line, beside the number, never on a line of its own.
        assert abs(control["y"] - number["y"]) < 12, (control, number)
        lines = page.evaluate(f"""() => {{
          const p = document.getElementById('{anchor}');
          const r = document.createRange(); r.selectNodeContents(p);
          return [...r.getClientRects()].map(x => Math.round(x.top));
        }}""")
        assert min(lines) >= control["y"] - 12, "the control sits above the text"
        page.locator(f"#{anchor} > .unr-cite").tap()
        page.get_by_role("menuitem", name="Copy link").tap()
        page.wait_for_selector(".unr-toast.unr-visible")
    finally:
        context.close()
