"""The offline bundle: the whole site in one zip that works from disk, with no network.

``unreport bundle --output A-77-464.zip`` builds the site with
:func:`unreport.publish.build.build_site` into a temporary folder, configured for
reading from ``file://``, and zips it under one top folder (``A-77-464/``).
Unzipped anywhere, ``A-77-464/index.html`` opens in a browser with every page,
link, anchor and the search working, and nothing is fetched from elsewhere.

What the offline configuration changes:

* Material's ``offline`` plugin is added. It writes the search index a second
  time as a script (``search/search_index.js``), which Material's search loads
  with a ``<script>`` tag when the page is a ``file://`` page (browsers do not
  let a file page fetch another file). The paragraph-level rewrite of the index
  (:mod:`unreport.site.search`) updates that script as well.
* Browsers do not start Web Workers from ``file://`` either, and Material's
  search runs in a worker. The ``offline`` plugin would load a stand-in
  ("iframe-worker") from a CDN; instead unreport's own stand-in,
  ``assets/unreport-iframe-worker.js`` (in ``site_overrides``), is listed in
  ``extra.polyfills``, which keeps the plugin from adding the CDN one.
* ``mkdocs.yml`` already has ``use_directory_urls: false`` and ``font: false``,
  so links name their ``.html`` files and no web fonts are requested.

Source maps, sitemaps and the 404 page are left out of the zip (no use offline). The bundle
is checked before it is written: a page that would load a script, stylesheet,
image or frame from the network fails it.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unreport.model import Report
from unreport.publish.build import BuildError, BuildSettings, build_site
from unreport.publish.ownership import ZIP_COMMENT

WORKER_SHIM = "assets/unreport-iframe-worker.js"
"""unreport's file:// stand-in for Web Workers, from ``site_overrides/assets``."""
LEFT_OUT = ("*.map", "sitemap.xml", "sitemap.xml.gz", "404.html")
"""Built files the offline copy does without (404.html is for servers; its links are
absolute, ``/index.html``, and lead nowhere on disk)."""
REMOTE = r"(?:https?:)?//"
LOADING_TAG = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed|track)\b[^>]*?\bsrc\s*=\s*[\"']?" + REMOTE,
    re.IGNORECASE)
"""A tag that fetches its ``src`` from the network."""
LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
LOADING_RELS = frozenset({"stylesheet", "icon", "shortcut", "apple-touch-icon", "manifest",
                          "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch"})
"""``<link rel>`` values that make a browser fetch (or connect); ``canonical`` does not."""
CSS_URL = re.compile(r"(?:@import\s+|url\(\s*)[\"']?" + REMOTE, re.IGNORECASE)
EARLIEST_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Bundle:
    """A written offline bundle."""

    path: Path
    files: int
    size: int
    """Bytes of the zip."""
    folder: str
    """The zip's top folder, where ``index.html`` is."""


def plugin_names(plugins: list[Any]) -> list[str]:
    """Names of the plugins in a MkDocs ``plugins`` list (strings or one-key mappings)."""
    return [p if isinstance(p, str) else next(iter(p)) for p in plugins]


def offline_overrides(raw: dict[str, Any]) -> dict[str, Any]:
    """MkDocs overrides, from the configuration's raw values, for reading from ``file://``."""
    plugins = list(raw.get("plugins") or ["search"])
    names = plugin_names(plugins)
    if "search" not in names:
        plugins.append("search")
    if "offline" not in names:
        plugins.append("offline")
    extra = dict(raw.get("extra") or {})
    polyfills = [str(p) for p in extra.get("polyfills") or [] if "iframe-worker" not in str(p)]
    extra["polyfills"] = [*polyfills, WORKER_SHIM]
    return {"plugins": plugins, "use_directory_urls": False, "extra": extra}


def _remote_links(text: str) -> list[str]:
    """``<link>`` tags that would fetch or connect to another host."""
    found = []
    for match in LINK_TAG.finditer(text):
        tag = match.group(0)
        rel = re.search(r"\brel\s*=\s*[\"']?([^\"'>]+)", tag, re.IGNORECASE)
        href = re.search(r"\bhref\s*=\s*[\"']?" + REMOTE, tag, re.IGNORECASE)
        rels = set(rel.group(1).lower().split()) if rel else set()
        if href and rels & LOADING_RELS:
            found.append(tag)
    return found


def remote_loads(site: Path) -> list[str]:
    """``file: snippet`` for every place in the site that would load from the network."""
    found: list[str] = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        text = path.read_text("utf-8", errors="replace")
        pattern = CSS_URL if path.suffix == ".css" else LOADING_TAG
        snippets = [text[m.start():m.end() + 60] for m in pattern.finditer(text)]
        if path.suffix == ".html":
            snippets += _remote_links(text) + [text[m.start():m.end() + 60]
                                               for m in CSS_URL.finditer(text)]
        name = path.relative_to(site).as_posix()
        found.extend(f"{name}: {snippet.splitlines()[0]}" for snippet in snippets)
    return found


def _included(path: Path) -> bool:
    return path.is_file() and not any(path.match(pattern) for pattern in LEFT_OUT)


def _zip_date(report: Report) -> tuple[int, int, int, int, int, int]:
    """The report's date for every file in the zip, so that the bytes are reproducible."""
    if report.date is None or report.date.year < EARLIEST_ZIP_DATE[0]:
        return EARLIEST_ZIP_DATE
    return (report.date.year, report.date.month, report.date.day, 0, 0, 0)


def write_zip(site: Path, output: Path, folder: str,
              date: tuple[int, int, int, int, int, int] = EARLIEST_ZIP_DATE) -> int:
    """Zip ``site`` under ``folder/`` into ``output`` (atomically); return the file count."""
    files = [p for p in sorted(site.rglob("*")) if _included(p)]
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{output.name}-", dir=output.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            archive.comment = ZIP_COMMENT
            for path in files:
                info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a zip is for sharing
        os.replace(temporary, output)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return len(files)


def build_bundle(report: Report, output: Path, settings: BuildSettings | None = None,
                 checks: Callable[[], None] | None = None) -> Bundle:
    """Build the site for ``file://`` and zip it into ``output``; ``checks`` as for
    :func:`~unreport.publish.build.build_site`, before the zip is written."""
    folder = report.symbol.slug
    with tempfile.TemporaryDirectory(prefix="unreport-bundle-") as work:
        site = Path(work) / folder
        build_site(report, site, settings, adjust_config=offline_overrides, checks=checks)
        remote = remote_loads(site)
        if remote:
            raise BuildError("The offline bundle would load files from the network:\n"
                             + "\n".join(remote))
        count = write_zip(site, output, folder, _zip_date(report))
    return Bundle(output, count, output.stat().st_size, folder)
