"""Take the README's screenshots of the built site in headless Chromium.

Usage (from the project folder, after ``scripts/setup.sh test``)::

    .venv/bin/unreport build --site-dir site
    .venv/bin/python scripts/screenshots.py --site site --out screenshots

or let the script build the site first::

    .venv/bin/python scripts/screenshots.py --build --site site --out screenshots

It serves ``--site`` on 127.0.0.1 (a free port, for as long as it runs), opens
it in Debian's Chromium (``/usr/bin/chromium`` or ``$UNREPORT_CHROMIUM``; no
browser is downloaded) and writes these PNGs into ``--out``:

* ``home-desktop.png``: the report's home page, 1280 × 800;
* ``resolution-vii-desktop.png``: draft resolution VII where its paragraphs
  begin, 1280 × 800;
* ``resolution-vii-phone.png``: the same at phone width, 390 × 844 (drawn at
  twice the pixels, as a phone does);
* ``highlighted-paragraph.png``: ``draft-resolutions/v.html#op-12``, the
  targeted paragraph highlighted below the header;
* ``search-result.png``: Material's search showing the paragraphs that name
  the "Nelson Mandela Rules";
* ``sponsors-phone.png``: the States × drafts matrix at phone width, scrolled
  down, with its header row and State column in place.

Animations are turned off and each shot waits for the page to settle, so
repeated runs give the same pictures.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("UNREPORT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--hide-scrollbars", "--font-render-hinting=none"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SEARCH_PHRASE = "Nelson Mandela Rules"


@dataclass(frozen=True)
class Shot:
    """One screenshot: the file, the page, the window, what to do before taking it."""

    name: str
    path: str
    viewport: dict[str, int]
    scale: float = 1
    prepare: Callable[[Any], None] | None = None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log."""


@contextmanager
def serve(site: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler
          ) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 from a thread with ``handler_class``; yield its address."""
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def settle(page: Any) -> None:
    """Wait for fonts, transitions and scrolling to finish."""
    page.evaluate("document.fonts.ready")
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')")
    page.wait_for_timeout(150)


def show_search(page: Any) -> None:
    """Type the search phrase and wait for the results to settle."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(SEARCH_PHRASE[:-1])
    box.press_sequentially(SEARCH_PHRASE[-1])
    page.wait_for_selector(".md-search-result__list a.md-search-result__link[href*='#op-42']",
                           state="attached")
    page.evaluate("document.activeElement.blur()")


def show_paragraphs(page: Any) -> None:
    """Scroll to where the paragraphs begin ("The General Assembly,")."""
    page.evaluate("""() => {
      const start = document.querySelector('.unr-assembly');
      const header = document.querySelector('.md-header').offsetHeight;
      scrollTo(0, start.getBoundingClientRect().top + scrollY - header - 24);
    }""")


def show_matrix(page: Any) -> None:
    """Bring the sponsors matrix into view and scroll its rows under the header."""
    page.evaluate("""() => {
      const box = document.querySelector('.unr-matrix');
      const header = document.querySelector('.md-header').offsetHeight;
      scrollTo(0, box.getBoundingClientRect().top + scrollY - header - 8);
      box.scrollTop = 600;
    }""")


SHOTS = [
    Shot("home-desktop.png", "index.html", DESKTOP),
    Shot("resolution-vii-desktop.png", "draft-resolutions/vii.html", DESKTOP,
         prepare=show_paragraphs),
    Shot("resolution-vii-phone.png", "draft-resolutions/vii.html", PHONE, scale=2,
         prepare=show_paragraphs),
    Shot("highlighted-paragraph.png", "draft-resolutions/v.html#op-12", DESKTOP),
    Shot("search-result.png", "index.html", DESKTOP, prepare=show_search),
    Shot("sponsors-phone.png", "sponsors.html", PHONE, scale=2, prepare=show_matrix),
]


def take(browser: Any, base: str, shot: Shot, out: Path) -> Path:
    """Take one screenshot into ``out``."""
    phone = shot.viewport == PHONE
    context = browser.new_context(viewport=shot.viewport, device_scale_factor=shot.scale,
                                  is_mobile=phone, has_touch=phone,
                                  color_scheme="light", reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(base + shot.path)
        settle(page)
        if shot.prepare:
            shot.prepare(page)
            settle(page)
        target = out / shot.name
        page.screenshot(path=str(target), animations="disabled", caret="hide")
        return target
    finally:
        context.close()


def build(site: Path) -> None:
    """Build the bundled report's site into ``site``."""
    sys.path.insert(0, str(ROOT))
    from unreport.parse import parse
    from unreport.parse.source import bundled_path, read_source
    from unreport.publish.build import build_site

    build_site(parse(read_source(bundled_path())).report, site)


def main(argv: list[str] | None = None) -> int:
    """Take every screenshot; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default="site", type=Path, help="the built site (default: site)")
    parser.add_argument("--out", default="screenshots", type=Path,
                        help="where to write the PNGs (default: screenshots)")
    parser.add_argument("--build", action="store_true", help="build the site into --site first")
    args = parser.parse_args(argv)
    if args.build:
        build(args.site)
    if not (args.site / "index.html").is_file():
        print(f"error: no site in {args.site}/; run `unreport build --site-dir {args.site}` "
              "or add --build", file=sys.stderr)
        return 2
    if not CHROMIUM.is_file():
        print(f"error: no Chromium at {CHROMIUM}; install Debian's chromium or set "
              "UNREPORT_CHROMIUM", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for shot in SHOTS:
                print(take(browser, base, shot, args.out))
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
