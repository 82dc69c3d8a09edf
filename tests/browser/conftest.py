"""Fixtures for the browser tests: the built site on a local server, the offline
bundle unzipped, and headless Chromium driven by Playwright (sync API).

The site is built once per session into a temporary folder and served by
``http.server`` on 127.0.0.1 (a free port, in a thread, shut down at the end);
the offline bundle is made by ``unreport bundle`` (the command line, run in
this process) and unzipped into another temporary folder, to be opened from
``file://``. Chromium is Debian's
(``/usr/bin/chromium``, or ``$UNREPORT_CHROMIUM``): these tests never download a
browser and are skipped when there is none. axe-core is the copy that the PyPI
package ``axe-playwright-python`` bundles (a test dependency), so the tests need
Python and Chromium only.
"""

from __future__ import annotations

import functools
import http.server
import os
import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from browser_support import DESKTOP, Offline, Served, serving
from unreport.cli import main
from unreport.parse import Parsed
from unreport.publish.build import build_site

playwright_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("UNREPORT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE_PACKAGE = "axe_playwright_python"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log on the test output."""


@pytest.fixture(scope="session")
def site_dir(parsed: Parsed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the bundled report, built once per session."""
    site = tmp_path_factory.mktemp("browser-site") / "site"
    build_site(parsed.report, site)
    return site


@pytest.fixture(scope="session")
def served(site_dir: Path) -> Iterator[Served]:
    """The site served over HTTP on 127.0.0.1 from a thread, for the whole session."""
    with serving(functools.partial(_QuietHandler, directory=str(site_dir))) as address:
        yield Served(site_dir, f"{address}/")


@pytest.fixture(scope="session")
def zensical_site(parsed: Parsed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What ``unreport generate`` writes, built by Zensical (classic variant) through
    unreport's Zensical adapter, which adds our paragraph search entries."""
    from unreport.publish import zensical_engine
    from unreport.publish.build import generate
    from unreport.publish.engine import EngineJob
    from unreport.publish.resources import site_resources
    from unreport.site.render import nav

    if not zensical_engine.available():
        pytest.fail("Zensical is a test dependency: scripts/setup.sh test installs it")
    work = tmp_path_factory.mktemp("zensical")
    assert main(["generate", "--out", str(work / "docs")]) == 0
    report = parsed.report
    job = EngineJob(site_resources().config, work / "docs", work / "site",
                    f"{report.symbol}: {report.title}", nav(report), (),
                    generate(report).search, date=report.date)
    zensical_engine.build(job)
    return job.site


@pytest.fixture(scope="session")
def bundle_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline bundle, made by the command line: ``unreport bundle --output …``."""
    output = tmp_path_factory.mktemp("browser-bundle") / "A-77-464-offline.zip"
    assert main(["bundle", "--output", str(output)]) == 0
    return output


@pytest.fixture(scope="session")
def offline(bundle_zip: Path) -> Offline:
    """The offline bundle unzipped, as a reader would."""
    target = bundle_zip.parent / "unzipped"
    with zipfile.ZipFile(bundle_zip) as archive:
        archive.extractall(target)
        folders = {name.split("/", 1)[0] for name in archive.namelist()}
    assert len(folders) == 1, f"the zip should hold one folder, not {sorted(folders)}"
    return Offline(target / folders.pop())


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium, for the whole session."""
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (set UNREPORT_CHROMIUM)")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Any, served: Served) -> Iterator[Any]:
    """A fresh desktop browser context (light colour scheme) that may use the clipboard."""
    ctx = browser.new_context(viewport=DESKTOP, color_scheme="light")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.url.rstrip("/"))
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Iterator[Any]:
    """A page in :func:`context`; uncaught script errors fail the test."""
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    assert not errors, f"script errors on the page: {errors}"


@pytest.fixture
def axe_path() -> Path:
    """axe-core's script, as bundled by the ``axe-playwright-python`` package."""
    axe = Path(str(resources.files(AXE_PACKAGE) / "axe.min.js"))
    assert axe.is_file(), f"axe-core is missing from {AXE_PACKAGE}: reinstall the test extras"
    return axe
