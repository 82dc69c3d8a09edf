"""Benchmark a whole collection build: the session's resolutions plus A/77/464.

Prints, for the command a user runs (``unreport build A-77-464.md CORPUS/pdf/``):

* the whole time on one core and on two (``--jobs 1`` / ``--jobs 2``, each from an
  empty store of built documents), runs taken in turns, and their ratio;
* peak memory of the whole process tree (every worker included), sampled from /proc;
* the time of a rebuild after one document changed (a copy of A/77/464 with one word
  changed; median of three such edits), against the full build on two cores;
* the search index's size, and what one query downloads in a real browser (Pagefind's
  own API as the search page calls it, each query in a fresh page: its script,
  WebAssembly and metadata, the index chunks of its words and the first ten results'
  records; counted as a server with compression sends them), median over a set of
  queries, and what a next query in the same page adds: on the site built whole, and
  on the site after the rebuilds (the whole index and an update beside it).

Not a test: it prints numbers. Usage:

    .venv/bin/python scripts/collection_benchmark.py [--corpus ../shared/corpus] [--rounds 1]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "generator" / "unreport" / "data" / "A-77-464.md"
UNREPORT = Path(sys.executable).parent / "unreport"
QUERIES = ["trafficking in persons", "technical assistance", "Secretary-General report",
           "climate change", "Kyoto Declaration", "corruption", "human rights defenders",
           "nuclear disarmament", "Palestine refugees", "budget", "women and girls",
           "Convention against Transnational Organized Crime"]


def _tree_rss(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in bytes."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, []))
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            pass
    return total


def timed_build(sources: list[str], site: Path, cache: Path, jobs: int) -> tuple[float, int]:
    """Run ``unreport build`` as a user would; (seconds, peak bytes of the process tree)."""
    env = {**os.environ, "UNREPORT_CACHE_DIR": str(cache)}
    started = time.perf_counter()
    process = subprocess.Popen([str(UNREPORT), "build", *sources, "--site-dir", str(site),
                                "--jobs", str(jobs)], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    out, err = process.communicate()
    if process.returncode != 0:
        sys.exit(f"build failed ({process.returncode}):\n{err}")
    return seconds, peak


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _served(url: str, body: bytes) -> int:
    """Bytes a server with compression sends: scripts and JSON gzipped; Pagefind's index,
    fragments and WebAssembly as they are (already compressed)."""
    path = url.split("?")[0]
    return len(gzip.compress(body, 6)) if path.endswith((".js", ".json")) else len(body)


def query_downloads(site: Path) -> tuple[list[int], list[int]]:
    """Bytes from ``pagefind/`` of each query made on the collection's own search page:
    the first of a visit (``search.html?q=…``: the script, WebAssembly and metadata of
    every bundle of the index, the index chunks of its words, the first ten results'
    records) and a next one typed into the same page."""
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    answered = ("() => /match|Nothing/.test(document.querySelector("
                "'[data-unr-search-status]').textContent)")
    cold, warm = [], []
    chromium = os.environ.get("UNREPORT_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        for number, query in enumerate(QUERIES):
            page = browser.new_page()
            loaded: list[int] = []

            def count(response: object, loaded: list[int] = loaded) -> None:
                url = response.url  # type: ignore[attr-defined]
                if "/pagefind/" in url:
                    loaded.append(_served(url, response.body()))  # type: ignore[attr-defined]

            page.on("response", count)
            page.goto(f"{base}search.html?q={quote(query)}")
            page.wait_for_function(answered, timeout=60_000)
            page.wait_for_load_state("networkidle")
            status = page.text_content("[data-unr-search-status]")
            cold.append(sum(loaded))
            loaded.clear()
            page.evaluate("document.querySelector('[data-unr-search-status]').textContent = ''")
            page.fill("#unr-search-q", QUERIES[(number + 1) % len(QUERIES)])
            page.press("#unr-search-q", "Enter")
            page.wait_for_function(answered, timeout=60_000)
            page.wait_for_load_state("networkidle")
            warm.append(sum(loaded))
            print(f"  {query!r}: {status}; {cold[-1] / 1000:.0f} kB, then "
                  f"{warm[-1] / 1000:.0f} kB for the next query")
            page.close()
        browser.close()
    server.shutdown()
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--rounds", type=int, default=1,
                        help="full builds on each core count, taken in turns")
    args = parser.parse_args()
    pdfs = Path(args.corpus) / "pdf"
    if not pdfs.is_dir():
        sys.exit(f"no corpus at {pdfs}")
    work = Path(tempfile.mkdtemp(prefix="unreport-collection-bench-"))
    try:
        edited = work / "A-77-464.md"
        shutil.copy(BUNDLED, edited)
        sources = [str(edited), str(pdfs)]
        count = 1 + len(list(pdfs.glob("*.pdf")))
        times: dict[int, list[float]] = {1: [], 2: []}
        peaks: dict[int, int] = {1: 0, 2: 0}
        for round_number in range(args.rounds):
            for jobs in ((2, 1) if round_number % 2 == 0 else (1, 2)):
                cache = work / f"cache-{jobs}-{round_number}"
                seconds, peak = timed_build(sources, work / f"site-{jobs}", cache, jobs)
                times[jobs].append(seconds)
                peaks[jobs] = max(peaks[jobs], peak)
                print(f"full build, {count} documents, --jobs {jobs}: {seconds:.1f} s, "
                      f"peak {peak / 2**30:.2f} GiB", flush=True)
                if round_number < args.rounds - 1 or jobs == 1:
                    shutil.rmtree(cache)
        one, two = statistics.median(times[1]), statistics.median(times[2])
        print(f"whole build: {one:.1f} s on one core, {two:.1f} s on two; ratio "
              f"{two / one:.2f} (target ≤ 0.6)")
        print(f"peak memory: {max(peaks.values()) / 2**30:.2f} GiB (target ≤ 1.5)")
        text = edited.read_text("utf-8")
        cache = work / f"cache-2-{args.rounds - 1}"
        rebuilds = []
        for spelling in ("Kioto", "Kyōto", "Kyoto-"):  # a different edit each time
            edited.write_text(text.replace("Kyoto", spelling, 1), "utf-8")
            rebuilds.append(timed_build(sources, work / "site-2", cache, 2)[0])
            print(f"  rebuild after one document changed: {rebuilds[-1]:.1f} s", flush=True)
        rebuild = statistics.median(rebuilds)
        print(f"rebuild after one document changed: median {rebuild:.1f} s of "
              f"{len(rebuilds)} = {rebuild / two:.1%} of the full build (target ≤ 10%)")
        for site, state in ((work / "site-1", "as built whole"),
                            (work / "site-2", "after the rebuilds (the whole index and an "
                                              "update)")):
            index = sum(p.stat().st_size for p in (site / "pagefind").rglob("*")
                        if p.is_file())
            print(f"search index {state}: {index / 1e6:.1f} MB in "
                  f"{len(list((site / 'pagefind').rglob('*')))} files")
            cold, warm = query_downloads(site)
            print(f"one query downloads (served with compression), {state}: median "
                  f"{statistics.median(cold) / 1000:.0f} kB as the first of a visit (max "
                  f"{max(cold) / 1000:.0f}), {statistics.median(warm) / 1000:.0f} kB for "
                  f"each next one, over {len(cold)} queries (target ≤ 300 kB)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
