"""Benchmark: ``unreport build`` as a user runs it, whole processes taken in turns.

Usage (from the repository root, after scripts/setup.sh):

    .venv/bin/python scripts/benchmark.py [--pairs N] [--sizes 1,4] [--baseline REF]
                                          [--naive] [--stages]

For each size — the bundled report, and the report with its draft resolutions
copied 2, 4 and 8 times (``scripts/grow_report.py``) — it runs two whole
processes in turns, A B A B …, N pairs, and prints the median wall time of each
and the median of the N paired ratios A/B (taking runs in turns cancels most of
what the machine's load does to both), with their range:

* **one core** (``taskset -c 0``): A ``unreport build SOURCE`` (start-up, parse,
  nothing-lost check, render, data files, MkDocs + Material, search entries,
  swap) against B ``mkdocs build`` of the very pages ``unreport generate`` wrote
  for SOURCE, with unreport's configuration and theme: what MkDocs and Material
  take by themselves, the floor of any build through them;
* **two cores**, with ``--baseline REF`` (a commit, e.g. 2a8ac9b): A this
  checkout's ``unreport build`` against B the same command of REF, installed into
  a virtual environment of its own in a temporary folder;
* with ``--naive``: A ``unreport build`` against the converter's Markdown dropped
  into MkDocs + Material as one page (unreport's ``mkdocs.yml`` without its theme
  overrides and link validation).

It also prints each command's peak resident memory (``wait4``'s ``ru_maxrss``) and
the time of ``unreport build`` again on the unchanged source and site (which finds
the site up to date; the measured builds pass ``--force``). With ``--stages`` it
prints the time of each stage inside one process. It sets no pass mark: the
numbers are for reading.
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


ONE_CORE = ["taskset", "-c", "0"]


def mkdocs_project(source: Path, folder: Path) -> Path:
    """MkDocs + Material with the pages ``unreport generate`` writes for ``source``, and
    unreport's configuration, theme overrides, hand-written pages and navigation."""
    from unreport.parse import parse
    from unreport.parse.source import read_source
    from unreport.publish.mkdocs_engine import handwritten_nav
    from unreport.site.markdown_text import html_nav, html_text
    from unreport.site.render import nav

    docs = folder / "docs"
    subprocess.run([str(BIN / "unreport"), "generate", str(source), "--out", str(docs)],
                   check=True, capture_output=True)
    (docs / ".unreport.json").unlink()  # unreport's marker, not a page
    handwritten = tuple(p.name for p in (ROOT / "docs").iterdir() if p.is_file())
    for name in handwritten:
        shutil.copyfile(ROOT / "docs" / name, docs / name)
    report = parse(read_source(source)).report
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    config["theme"]["custom_dir"] = str(ROOT / "site_overrides")
    config.update(site_name=html_text(f"{report.symbol}: {report.title}"), docs_dir="docs",
                  site_dir="site", nav=html_nav(nav(report)) + handwritten_nav(docs, handwritten))
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return folder / "mkdocs.yml"


def baseline_unreport(ref: str, folder: Path) -> Path:
    """``unreport`` of the commit ``ref``, installed into a virtual environment of its own."""
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(folder / "src"),
                    ref], check=True, capture_output=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(folder / "venv")], check=True)
        subprocess.run([str(folder / "venv" / "bin" / "pip"), "install", "--quiet",
                        str(folder / "src")], check=True, capture_output=True)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                        str(folder / "src")], check=False, capture_output=True)
    return folder / "venv" / "bin" / "unreport"


def in_turns(first: list[str], second: list[str], work: Path, pairs: int
             ) -> dict[str, float]:
    """``first`` and ``second`` run in turns, ``pairs`` times each, after one warm-up run."""
    times: dict[str, list[float]] = {"a": [], "b": []}
    memory = {"a": 0, "b": 0}
    timed(first, work)  # warm the disk cache and the byte-code for both
    timed(second, work)
    for _ in range(pairs):
        for name, argv in (("a", first), ("b", second)):
            seconds, peak = timed(argv, work)
            times[name].append(seconds)
            memory[name] = max(memory[name], peak)
    ratios = [a / b for a, b in zip(times["a"], times["b"], strict=True)]
    return {"a": statistics.median(times["a"]), "b": statistics.median(times["b"]),
            "ratio": statistics.median(ratios), "low": min(ratios), "high": max(ratios),
            "mem_a": memory["a"] / 1e6, "mem_b": memory["b"] / 1e6}


def show(label: str, result: dict[str, float]) -> None:
    """One line of figures."""
    print(f"      {label:<34} {result['a']:6.2f} s vs {result['b']:5.2f} s   "
          f"{result['ratio']:.2f}× ({result['low']:.2f}–{result['high']:.2f})   "
          f"{result['mem_a']:.0f} / {result['mem_b']:.0f} MB")


def measure(source: Path, work: Path, pairs: int, baseline: Path | None,
            naive: bool) -> None:
    """Every comparison for ``source``, printed as it is made."""
    ours = [str(BIN / "unreport"), "build", str(source), "--site-dir", str(work / "site"),
            "--force"]  # a whole build each time, not "up to date"
    mkdocs_alone = [str(BIN / "mkdocs"), "build", "-q", "-f",
                    str(mkdocs_project(source, work / "alone"))]
    show("1 core: unreport / MkDocs alone", in_turns(ONE_CORE + ours, ONE_CORE + mkdocs_alone,
                                                      work, pairs))
    if baseline:
        theirs = [str(baseline), "build", str(source), "--site-dir", str(work / "before"),
                  "--force"]
        show("2 cores: unreport / baseline", in_turns(ours, theirs, work, pairs))
    if naive:
        show("2 cores: unreport / naive page", in_turns(
            ours, naive_command(naive_project(source, work / "naive")), work, pairs))
    rebuild = statistics.median(timed(ours[:-1], work)[0] for _ in range(pairs))
    print(f"      unchanged source, site up to date: {rebuild:.2f} s")


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
    parser.add_argument("--sizes", default="1,4", help="copies of the drafts, e.g. 1,2,4,8")
    parser.add_argument("--baseline", metavar="REF",
                        help="also compare with this commit's unreport, on two cores")
    parser.add_argument("--naive", action="store_true",
                        help="also compare with the converter's Markdown as one MkDocs page")
    parser.add_argument("--stages", action="store_true", help="also time each stage")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.platform()}; {args.pairs} pairs, in turns; "
          "median time of each, median ratio (range), peak memory of each")
    bundled = ROOT / "generator" / "unreport" / "data" / "A-77-464.md"
    with tempfile.TemporaryDirectory() as tmp:
        baseline = baseline_unreport(args.baseline, Path(tmp)) if args.baseline else None
        for size in (int(s) for s in args.sizes.split(",")):
            work = Path(tmp) / f"x{size}"
            work.mkdir()
            source = work / f"report-x{size}.md"
            source.write_text(grow(bundled.read_text("utf-8"), size), "utf-8")
            print(f"  {size}× ({source.stat().st_size / 1e3:.0f} KB)")
            measure(source, work, args.pairs, baseline, args.naive)
            if args.stages:
                stages(source)


if __name__ == "__main__":
    main()
