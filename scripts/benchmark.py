"""Benchmark: ``unreport build`` as a user runs it, against MkDocs building the source as is.

Usage (from the repository root, after scripts/setup.sh):

    .venv/bin/python scripts/benchmark.py [--pairs N] [--sizes 1,2,4,8] [--stages]

For each size — the bundled report, and the report with its draft resolutions
copied 2, 4 and 8 times (``scripts/grow_report.py``) — it runs two whole
processes in turns, A B A B …, N pairs:

* A: ``unreport build SOURCE --site-dir DIR`` (start-up, imports, parse, the
  nothing-lost check, render, MkDocs + Material, search index, swap);
* B: the naive alternative, ``mkdocs build`` of the converter's Markdown dropped
  into MkDocs + Material as one page, with the same theme, Markdown extensions
  and the search plugin (the configuration is unreport's own ``mkdocs.yml``
  without unreport's theme overrides and link validation).

It prints the median wall time of each, the median of the N paired ratios A/B
(taking runs in turns cancels most of what the machine's load does to both), the
peak resident memory of each process (``wait4``'s ``ru_maxrss``), and the time of
``unreport build`` again on the unchanged source and site (which finds the site up
to date; the measured builds pass ``--force``). With
``--stages`` it also prints the time of each stage inside one process. It sets no
pass mark: the numbers are for reading.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "scripts"))

from grow_report import grow  # noqa: E402


def timed(argv: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{error}")
    return elapsed, usage.ru_maxrss * 1024


def naive_project(source: Path, folder: Path) -> Path:
    """MkDocs + Material with the converter's Markdown as its one page."""
    (folder / "docs").mkdir(parents=True)
    shutil.copyfile(source, folder / "docs" / "index.md")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    config["theme"].pop("custom_dir", None)
    config.pop("validation", None)
    config.update(site_name="A/77/464", docs_dir="docs", site_dir="site", strict=False)
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    return folder / "mkdocs.yml"


def naive_command(config: Path) -> list[str]:
    """The naive build: ``mkdocs build`` of :func:`naive_project`'s configuration."""
    return [str(BIN / "mkdocs"), "build", "-q", "-f", str(config)]


def measure(source: Path, work: Path, pairs: int) -> dict[str, float]:
    """Paired whole-process runs of unreport and the naive build of ``source``."""
    config = naive_project(source, work / "naive")
    ours = [str(BIN / "unreport"), "build", str(source), "--site-dir", str(work / "site"),
            "--force"]  # a whole build each time, not "up to date"
    again = ours[:-1]
    naive = naive_command(config)
    times: dict[str, list[float]] = {"unreport": [], "naive": []}
    memory: dict[str, int] = {"unreport": 0, "naive": 0}
    timed(ours, work)  # warm the disk cache and the byte-code for both
    timed(naive, work)
    for _ in range(pairs):
        for name, argv in (("unreport", ours), ("naive", naive)):
            seconds, peak = timed(argv, work)
            times[name].append(seconds)
            memory[name] = max(memory[name], peak)
    rebuild = statistics.median(timed(again, work)[0] for _ in range(pairs))
    ratios = [a / b for a, b in zip(times["unreport"], times["naive"], strict=True)]
    return {"unreport": statistics.median(times["unreport"]),
            "naive": statistics.median(times["naive"]), "ratio": statistics.median(ratios),
            "ratio_low": min(ratios), "ratio_high": max(ratios),
            "mem_unreport": memory["unreport"] / 1e6, "mem_naive": memory["naive"] / 1e6,
            "rebuild": rebuild}


def stages(source: Path) -> None:
    """Seconds of each stage inside one process (after imports)."""
    from unreport.parse import parse
    from unreport.parse.source import read_source
    from unreport.parse.verify import verify
    from unreport.publish.build import build_site, site_files

    with tempfile.TemporaryDirectory() as tmp:
        clock = time.perf_counter()
        parsed = parse(read_source(source))
        marks = {"parse": time.perf_counter() - clock}
        clock = time.perf_counter()
        verify(parsed)
        marks["nothing-lost check"] = time.perf_counter() - clock
        clock = time.perf_counter()
        site_files(parsed.report)
        marks["render + JSON"] = time.perf_counter() - clock
        timings = build_site(parsed.report, Path(tmp) / "site")
        marks["MkDocs + search index"] = timings.mkdocs
    for name, seconds in marks.items():
        print(f"    {name:<24} {seconds:6.2f} s")


def main() -> None:
    """Print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=7, help="runs of each, in turns")
    parser.add_argument("--sizes", default="1,2,4,8", help="copies of the drafts, e.g. 1,4")
    parser.add_argument("--stages", action="store_true", help="also time each stage")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.platform()}")
    bundled = ROOT / "generator" / "unreport" / "data" / "A-77-464.md"
    print(f"{'size':>5} {'source':>9} {'unreport':>9} {'naive':>7} {'ratio':>14} "
          f"{'memory unreport / naive':>24} {'unchanged':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            source = work / f"report-x{size}.md"
            source.write_text(grow(bundled.read_text("utf-8"), size), "utf-8")
            result = measure(source, work, args.pairs)
            print(f"{size:>4}× {source.stat().st_size / 1e3:>7.0f}KB "
                  f"{result['unreport']:>8.2f}s {result['naive']:>6.2f}s "
                  f"{result['ratio']:>5.2f}× ({result['ratio_low']:.2f}–"
                  f"{result['ratio_high']:.2f}) {result['mem_unreport']:>9.0f} MB / "
                  f"{result['mem_naive']:.0f} MB {result['rebuild']:>8.2f}s")
            if args.stages:
                stages(source)


if __name__ == "__main__":
    main()
