"""Lighthouse (mobile) on the built site served with gzip: a benchmark, not a test.

Usage (from the project folder, after ``scripts/setup.sh test``)::

    .venv/bin/python scripts/lighthouse.py [--build] [--site site] [--runs 3]
                                           [--naive] [--details] [PAGE ...]

It serves ``--site`` on 127.0.0.1 the way a static host does — text files
(HTML, CSS, JavaScript, JSON, SVG) compressed with gzip when the browser asks
for it, everything else as it is — and runs Lighthouse's default mobile audit
(simulated slow 4G and a 4× slower CPU) on the home page, the longest draft
resolution and each index page, in Debian's Chromium (``/usr/bin/chromium`` or
``$UNREPORT_CHROMIUM``). Lighthouse itself comes from the npm registry: the
first run installs it with ``npm`` into ``.cache/lighthouse/`` (not committed;
``--cache`` names another folder). Node 18.16 or later is needed for that.

Each page is audited ``--runs`` times and the run with the median performance
score is printed: performance and accessibility scores, total blocking time,
largest contentful paint, the number of DOM elements and the bytes transferred.
``--details`` adds Lighthouse's own breakdown of main-thread time (style and
layout, script evaluation…) and the longest scripts, which is where to look
before changing anything. ``--naive`` also builds and audits the naive
alternative, the converter's Markdown as a single MkDocs + Material page.

``--site`` may be any site unreport built, a collection too, and each PAGE a path
in it, with a query if the page reads one::

    .venv/bin/python scripts/lighthouse.py --site coll index.html \
        A-RES-78-229/index.html "search.html?q=trafficking"

The targets for this project are performance ≥ 0.95, accessibility 1.0 and
total blocking time ≤ 200 ms on every page; a busy machine gives worse
numbers, so nothing here fails a build.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("UNREPORT_CHROMIUM", "/usr/bin/chromium"))
LIGHTHOUSE = "lighthouse@12.8.2"
"""Lighthouse 12 runs on Node 18.16+ (Debian 12 has Node 18; 13 needs Node 22)."""
PAGES = ["index.html", "draft-resolutions/vii.html", "references.html", "sponsors.html",
         "meetings.html", "mandates.html"]
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text ones gzip-compressed when the client accepts it."""

    cache: dict[str, bytes] = {}

    def log_message(self, format: str, *args: Any) -> None:
        """No access log."""

    def do_GET(self) -> None:  # noqa: N802 — http.server's naming
        """Serve a text file compressed; anything else as ``http.server`` does."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            super().do_GET()
            return
        body = self.cache.get(str(path))
        if body is None:
            body = self.cache[str(path)] = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` with gzip on 127.0.0.1 from a thread; yield its address."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshots import serve as serve_with

    with serve_with(site, GzipHandler) as base:
        yield base


def lighthouse_cli(cache: Path) -> Path:
    """Lighthouse's command-line script, installed from npm into ``cache`` if missing."""
    cli = cache / "node_modules" / "lighthouse" / "cli" / "index.js"
    if cli.is_file():
        return cli
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("error: npm is needed once to install Lighthouse "
                         "(Debian: apt-get install npm)")
    cache.mkdir(parents=True, exist_ok=True)
    print(f"installing {LIGHTHOUSE} into {cache} …", file=sys.stderr)
    subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(cache),
                    LIGHTHOUSE], check=True, stdout=subprocess.DEVNULL)
    return cli


@dataclass(frozen=True)
class Result:
    """One Lighthouse run on one page."""

    performance: float
    accessibility: float
    blocking_ms: float
    """Total blocking time."""
    lcp_ms: float
    """Largest contentful paint."""
    dom_elements: int
    transfer_kib: float
    breakdown: list[tuple[str, float]]
    """Main-thread time by kind of work, longest first (ms)."""
    scripts: list[tuple[str, float]]
    """Main-thread time per script, longest first (ms)."""
    failed_a11y: list[str]
    """Accessibility audits that failed."""


def _audit(report: dict[str, Any], name: str) -> dict[str, Any]:
    audit: dict[str, Any] = report["audits"].get(name, {})
    return audit


def _items(report: dict[str, Any], name: str) -> list[dict[str, Any]]:
    details = _audit(report, name).get("details") or {}
    items: list[dict[str, Any]] = details.get("items", [])
    return items


def parse_report(report: dict[str, Any]) -> Result:
    """The figures this script prints, from Lighthouse's JSON report."""
    categories = report["categories"]
    a11y_refs = categories["accessibility"]["auditRefs"]
    failed = [ref["id"] for ref in a11y_refs
              if _audit(report, ref["id"]).get("score") == 0 and ref.get("weight", 0) > 0]
    breakdown = [(str(i.get("groupLabel", i.get("group"))), float(i["duration"]))
                 for i in _items(report, "mainthread-work-breakdown")]
    scripts = [(str(i["url"]).rsplit("/", 1)[-1] or str(i["url"]), float(i["total"]))
               for i in _items(report, "bootup-time")]
    dom = _audit(report, "dom-size").get("numericValue", 0)
    return Result(
        performance=float(categories["performance"]["score"] or 0),
        accessibility=float(categories["accessibility"]["score"] or 0),
        blocking_ms=float(_audit(report, "total-blocking-time")["numericValue"]),
        lcp_ms=float(_audit(report, "largest-contentful-paint")["numericValue"]),
        dom_elements=int(dom),
        transfer_kib=float(_audit(report, "total-byte-weight")["numericValue"]) / 1024,
        breakdown=sorted(breakdown, key=lambda x: -x[1]),
        scripts=sorted(scripts, key=lambda x: -x[1]),
        failed_a11y=failed,
    )


def audit(cli: Path, url: str, work: Path) -> Result:
    """Run Lighthouse (mobile, its defaults) once on ``url``."""
    out = work / "report.json"
    flags = "--headless=new --no-sandbox --disable-gpu --no-first-run"
    command = ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
               "--only-categories=performance,accessibility", f"--chrome-flags={flags}"]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    subprocess.run(command, check=True, env=env, cwd=work)
    return parse_report(json.loads(out.read_text("utf-8")))


def median_run(results: list[Result]) -> Result:
    """The run whose performance score is the median (by blocking time among equals)."""
    ordered = sorted(results, key=lambda r: (r.performance, -r.blocking_ms))
    return ordered[(len(ordered) - 1) // 2]


def print_result(label: str, result: Result, runs: list[Result], details: bool) -> None:
    """One line per page, and Lighthouse's breakdown with ``details``."""
    spread = ""
    if len(runs) > 1:
        tbt = [r.blocking_ms for r in runs]
        spread = f"  (TBT of {len(runs)} runs: {min(tbt):.0f}–{max(tbt):.0f}, " \
                 f"median {statistics.median(tbt):.0f})"
    print(f"{label:<28} perf {result.performance:.2f}  a11y {result.accessibility:.2f}  "
          f"TBT {result.blocking_ms:5.0f} ms  LCP {result.lcp_ms / 1000:4.1f} s  "
          f"DOM {result.dom_elements:5d}  {result.transfer_kib:5.0f} KiB{spread}")
    if result.failed_a11y:
        print(f"{'':28} accessibility audits failed: {', '.join(result.failed_a11y)}")
    if details:
        work = ", ".join(f"{name} {ms:.0f}" for name, ms in result.breakdown[:6])
        print(f"{'':28} main thread (ms, simulated 4x CPU): {work}")
        scripts = ", ".join(f"{name} {ms:.0f}" for name, ms in result.scripts[:4])
        print(f"{'':28} scripts (ms): {scripts}")


def naive_site(work: Path) -> Path:
    """The naive alternative: the converter's Markdown as one MkDocs + Material page."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from benchmark import naive_command, naive_project
    from unreport.parse.source import bundled_path

    config = naive_project(bundled_path(), work)
    subprocess.run(naive_command(config), check=True)
    return work / "site"


def build(site: Path) -> None:
    """Build the bundled report's site into ``site``."""
    from unreport.parse import parse
    from unreport.parse.source import bundled_path, read_source
    from unreport.publish.build import build_site

    build_site(parse(read_source(bundled_path())).report, site)


def measure(cli: Path, targets: list[tuple[str, Path, str]], runs: int, details: bool) -> None:
    """Audit each ``(label, site, page)`` ``runs`` times and print the median run.

    The pages are audited in turns (A B C, A B C, …) so that all of them, the naive
    site's too, see the same state of the machine.
    """
    results: dict[str, list[Result]] = {label: [] for label, _, _ in targets}
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        bases = {site: stack.enter_context(serve(site)) for _, site, _ in targets}
        for _ in range(runs):
            for label, site, page in targets:
                results[label].append(audit(cli, bases[site] + page, Path(tmp)))
    for label, found in results.items():
        print_result(label, median_run(found), found, details)


def main(argv: list[str] | None = None) -> int:
    """Print the figures; the exit code says only whether they could be measured."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", default=PAGES,
                        help="pages to audit, relative to the site, a query allowed "
                        "(default: the report's kinds of page)")
    parser.add_argument("--site", default=ROOT / "site", type=Path)
    parser.add_argument("--build", action="store_true", help="build the site into --site first")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (default 3)")
    parser.add_argument("--naive", action="store_true",
                        help="also audit the converter's Markdown as one Material page")
    parser.add_argument("--details", action="store_true",
                        help="print Lighthouse's main-thread breakdown")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "lighthouse",
                        help="where Lighthouse is installed (default .cache/lighthouse)")
    args = parser.parse_args(argv)
    if not CHROMIUM.is_file():
        print(f"error: no Chromium at {CHROMIUM} (set UNREPORT_CHROMIUM)", file=sys.stderr)
        return 2
    if args.build:
        build(args.site)
    missing = [page for page in args.pages
               if not (args.site / page.split("?")[0].split("#")[0]).is_file()]
    if missing and (args.site / "index.html").is_file():
        print(f"error: not in {args.site}/: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not (args.site / "index.html").is_file():
        print(f"error: no site in {args.site}/; add --build", file=sys.stderr)
        return 2
    cli = lighthouse_cli(args.cache)
    print(f"Lighthouse (mobile) on {args.site}, served with gzip; median of {args.runs} runs")
    targets = [(page, args.site, page) for page in args.pages]
    with tempfile.TemporaryDirectory() as tmp:
        if args.naive:
            targets.append(("naive one-page site", naive_site(Path(tmp)), "index.html"))
        measure(cli, targets, args.runs, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
