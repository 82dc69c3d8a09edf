"""Helpers shared by the browser tests: where things are on screen, searching
with Material's search box, settling animations, running axe-core."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SEARCH_INPUT = "input.md-search__input"
RESULT_LINKS = ".md-search-result__list a.md-search-result__link"


@contextmanager
def serving(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 (a free port) in a thread, answering with ``handler``;
    yields its address, ``http://127.0.0.1:PORT``, and shuts it down afterwards."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass(frozen=True)
class Served:
    """The built site and where the local server serves it."""

    root: Path
    url: str
    """``http://127.0.0.1:PORT/``"""

    def page_url(self, path: str) -> str:
        """The address of ``path`` (relative to the site root) on the server."""
        return self.url + path


@dataclass(frozen=True)
class Offline:
    """The offline bundle, unzipped."""

    root: Path
    """The folder with ``index.html``."""

    def page_url(self, path: str) -> str:
        """The ``file://`` address of ``path`` (relative to the site root, may carry #)."""
        name, _, fragment = path.partition("#")
        url = (self.root / name).as_uri()
        return f"{url}#{fragment}" if fragment else url


def header_bottom(page: Any) -> float:
    """Where Material's sticky header ends, in viewport pixels."""
    box = page.locator("header.md-header").bounding_box()
    assert box is not None, "the header is not rendered"
    return float(box["y"] + box["height"])


def box_of(page: Any, selector: str) -> dict[str, float]:
    """The element's bounding box relative to the viewport."""
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not rendered"
    return {key: float(value) for key, value in box.items()}


def settle(page: Any) -> None:
    """Wait until CSS transitions and scrolling have finished."""
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')")
    last = None
    for _ in range(20):
        now = page.evaluate("[scrollX, scrollY]")
        if now == last:
            return
        last = now
        page.wait_for_timeout(50)


def assert_just_below_header(page: Any, selector: str, slack: float = 48) -> None:
    """The element starts below the sticky header, at most ``slack`` px lower, or, when
    it is too near the end of the page to be scrolled up that far, it is in full view
    with the page scrolled to the bottom."""
    settle(page)
    box = box_of(page, selector)
    top, bottom = box["y"], header_bottom(page)
    assert top >= bottom - 1, f"{selector} is under the header ({top:.0f}px < {bottom:.0f}px)"
    if top <= bottom + slack:
        return
    at_end = page.evaluate(
        "() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1")
    in_view = top + box["height"] <= page.viewport_size["height"]
    assert at_end and in_view, (
        f"{selector} starts at {top:.0f}px; the header ends at {bottom:.0f}px")


def is_target(page: Any, anchor: str) -> bool:
    """Whether the element with id ``anchor`` is the document's ``:target``."""
    return bool(page.evaluate("id => document.getElementById(id).matches(':target')", anchor))


def background(page: Any, selector: str) -> str:
    """The element's computed background colour."""
    return str(page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor"))


def search(page: Any, phrase: str) -> list[str]:
    """Type ``phrase`` into Material's search box; the result links' addresses, in order.

    Material queries on each key-up: the phrase is put in the box as if pasted
    and its last character typed, so one query runs; the result list is read
    once it has stopped changing.
    """
    box = page.locator(SEARCH_INPUT)
    box.click()
    box.fill(phrase[:-1])
    box.press_sequentially(phrase[-1])
    page.wait_for_selector(f"{RESULT_LINKS}[href*='#']", timeout=10_000)
    previous = None
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        current = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
        if current == previous:
            return [str(href) for href in current]
        previous = current
        page.wait_for_timeout(150)
    raise AssertionError("the search results did not settle")


def open_result(page: Any, href: str) -> str:
    """Click the search hit that links to ``href``; return the anchor it opens.

    A hit among a page's "more on this page" is first revealed, as a reader would.
    """
    links = page.locator(RESULT_LINKS)
    for index in range(links.count()):
        candidate = links.nth(index)
        if candidate.evaluate("e => e.href") != href:
            continue
        if not candidate.is_visible():
            candidate.evaluate("e => { e.closest('details').open = true; }")
        with page.expect_navigation():
            candidate.click()
        return href.split("#", 1)[1]
    raise AssertionError(f"no search hit links to {href}")


def open_first_paragraph_result(page: Any) -> str:
    """Click the first visible search hit that links into a page; return its anchor."""
    link = page.locator(f"{RESULT_LINKS}[href*='#']:visible").first
    href = str(link.get_attribute("href"))
    with page.expect_navigation():
        link.click()
    return href.split("#", 1)[1]


def run_axe(page: Any, axe: Path) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (its default rules, WCAG 2.0–2.1
    A and AA and best practices, and the WCAG 2.2 target size)."""
    page.add_script_tag(path=str(axe))
    result: list[dict[str, Any]] = page.evaluate(
        """async () => {
          const result = await axe.run(document, {
            resultTypes: ["violations"],
            rules: {"target-size": {enabled: true}},  // WCAG 2.2 AA, off by default
          });
          return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)
          }));
        }""")
    return result


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """Readable lines for a failed accessibility check."""
    lines = []
    for v in violations:
        lines.append(f"{v['impact']}: {v['id']} ({v['help']})")
        lines.extend(f"    {node}" for node in v["nodes"])
    return "\n".join(lines)


def copy_from_menu(page: Any, anchor: str, item: str) -> None:
    """Press the citation tool of the paragraph ``anchor`` and choose ``item`` in its
    menu ("Copy link" or "Copy citation"), as a reader does with a mouse."""
    page.locator(f"#{anchor} > .unr-cite").click()
    menu = page.locator(".unr-menu[role='menu']")
    menu.wait_for(state="visible")
    menu.get_by_role("menuitem", name=item).click()
