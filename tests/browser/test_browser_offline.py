"""The offline bundle in Chromium from file://, with every request that is not a
file:// request blocked and counted as a failure: every page opens, every link
and anchor resolves, search works and citations can be copied."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from browser_support import (
    DESKTOP,
    Offline,
    assert_just_below_header,
    copy_from_menu,
    is_target,
    open_first_paragraph_result,
    search,
)

pytestmark = pytest.mark.browser

ID = re.compile(r"""\bid=["']?([^"'\s>]+)""")


@pytest.fixture
def offline_page(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page whose context lets only file:// requests through; the rest are listed."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    outside: list[str] = []
    errors: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    context.on("request", lambda r: None if r.url.startswith("file://") else outside.append(r.url))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page, outside
        assert not errors, f"script errors: {errors}"
    finally:
        context.close()


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        cache[path] = set(ID.findall(path.read_text("utf-8")))
    return cache[path]


def test_every_page_opens_and_every_link_resolves_offline(
        offline_page: tuple[Any, list[str]], offline: Offline) -> None:
    page, outside = offline_page
    pages = sorted(offline.root.rglob("*.html"))
    assert len(pages) >= 9
    cache: dict[Path, set[str]] = {}
    broken: list[str] = []
    for html in pages:
        page.goto(html.as_uri())
        assert page.title(), html
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme != "file":
                continue
            target = Path(unquote(parts.path))
            if not target.is_file():
                broken.append(f"{html.name}: {href} (no such file)")
            elif parts.fragment and target.suffix == ".html" and (
                    unquote(parts.fragment) not in _ids(target, cache)):
                broken.append(f"{html.name}: {href} (no such anchor)")
    assert not broken, "\n".join(broken[:20])
    assert not outside, f"requests that are not file://: {sorted(set(outside))}"


def test_search_works_from_file_and_opens_at_the_paragraph(
        offline_page: tuple[Any, list[str]], offline: Offline) -> None:
    page, outside = offline_page
    page.goto(offline.page_url("index.html"))
    hits = search(page, "Nelson Mandela Rules")
    assert all(h.startswith("file://") for h in hits)
    assert any("vii.html" in h and h.endswith("#op-42") for h in hits), hits
    anchor = open_first_paragraph_result(page)
    assert page.url.startswith("file://") and page.url.endswith(f"#{anchor}")
    assert is_target(page, anchor)
    assert_just_below_header(page, f"#{anchor}")
    assert "Nelson Mandela Rules" in page.inner_text(f"#{anchor}")
    assert not outside, f"requests that are not file://: {sorted(set(outside))}"


def test_copy_citation_from_file(offline_page: tuple[Any, list[str]], offline: Offline) -> None:
    page, outside = offline_page
    page.goto(offline.page_url("draft-resolutions/v.html#op-12"))
    copy_from_menu(page, "op-12", "Copy citation")
    page.wait_for_selector(".unr-toast.unr-visible")
    expected = ("A/77/464, draft resolution V, operative paragraph 12, "
                + offline.page_url("draft-resolutions/v.html#op-12"))
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert not outside
