"""The site as a static host serves it under a sub-path, built with ``--site-url``:
a mistyped address gets the site's own 404 page, styled and with working links,
and a citation copied from any copy of the site carries the public address."""

from __future__ import annotations

import http.server
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import DESKTOP, copy_from_menu, serving
from unreport import cli

pytestmark = pytest.mark.browser

PREFIX = "/reports/A-77-464/"
PUBLIC = "https://example.org" + PREFIX


class _SubPathHost(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX and answers any other address with 404.html."""

    site: Path

    def do_GET(self) -> None:  # noqa: N802 — the name http.server calls
        path = self.path.split("?")[0]
        file = self.site / path.removeprefix(PREFIX) if path.startswith(PREFIX) else None
        if file is not None and file.is_file():
            self.path = "/" + file.relative_to(self.site).as_posix()
            super().do_GET()
            return
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def translate_path(self, path: str) -> str:
        return str(self.site / path.lstrip("/"))

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("hosted") / "site"
    assert cli.main(["build", "--site-dir", str(site), "--site-url", PUBLIC]) == cli.EXIT_OK
    with serving(type("Handler", (_SubPathHost,), {"site": site})) as address:
        yield address


def test_404_page_under_a_sub_path_is_styled_and_links_work(browser: Any, host: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and
            not r.url.endswith("/no-such-page.html") else None)
    try:
        response = page.goto(f"{host}{PREFIX}draft-resolutions/no-such-page.html")
        assert response is not None and response.status == 404
        page.wait_for_load_state("load")
        assert failed == [], f"the 404 page could not load {failed}"
        # Material's stylesheet is applied: the header is a fixed bar, not plain text.
        assert page.eval_on_selector("header.md-header",
                                     "e => getComputedStyle(e).position") == "sticky"
        link = page.locator("nav.md-nav a[href$='draft-resolutions/v.html']").first
        with page.expect_navigation():
            link.click()
        assert page.url == f"{host}{PREFIX}draft-resolutions/v.html"
        assert page.locator("h1").first.inner_text().startswith("Draft resolution V")
    finally:
        context.close()


def test_copied_citation_carries_the_public_address(browser: Any, host: str) -> None:
    """Read from a local copy (here 127.0.0.1), the link and citation copied are the
    site's public ones, which work for whoever receives them."""
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=host)
    page = context.new_page()
    try:
        page.goto(f"{host}{PREFIX}draft-resolutions/v.html")
        for choice, expected in [
            ("Copy link", f"{PUBLIC}draft-resolutions/v.html#op-12"),
            ("Copy citation", "A/77/464, draft resolution V, operative paragraph 12, "
                              f"{PUBLIC}draft-resolutions/v.html#op-12"),
        ]:
            page.evaluate("navigator.clipboard.writeText('')")
            copy_from_menu(page, "op-12", choice)
            page.wait_for_function("async () => (await navigator.clipboard.readText()) !== ''")
            assert page.evaluate("navigator.clipboard.readText()") == expected
    finally:
        context.close()
