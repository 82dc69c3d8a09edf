"""Benchmark: time of each stage, peak memory, and the whole build against a baseline.

Usage (from the repository root, after scripts/setup.sh):

    .venv/bin/python scripts/benchmark.py [--rounds N] [SOURCE]

It reports numbers and sets no pass mark; a slow machine is not a failure.

* Stages — decode, clean, blocks, structure (with marks and proposals),
  render (pages + JSON), each the median of N runs in this process, and the
  peak Python memory of one parse + render (tracemalloc).
* Whole build — ``unreport build`` (parse, render, MkDocs + Material, swap)
  against the baseline: MkDocs + Material building the converter's Markdown as
  a single page with the same theme. The two are run in turns (A, B, A, B…) in
  one process so that both see the same machine state; medians are reported,
  with their ratio (the target is at most 2×).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from unreport.blocks import blocks  # noqa: E402
from unreport.build import build_site, site_files  # noqa: E402
from unreport.clean import clean  # noqa: E402
from unreport.diagnostics import Collector  # noqa: E402
from unreport.parse import parse  # noqa: E402
from unreport.restore import restore_marks  # noqa: E402
from unreport.source import bundled_path, decode  # noqa: E402
from unreport.structure import structure  # noqa: E402


def median_seconds(action: Callable[[], object], rounds: int) -> float:
    """Median wall time of ``action`` over ``rounds`` runs."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def stage_times(path: Path, rounds: int) -> dict[str, float]:
    """Median seconds of each pure stage."""
    data = path.read_bytes()
    source = decode(str(path), data)
    cleaned = clean(source)
    typed = blocks(cleaned)
    report = structure(cleaned, typed, Collector(str(path)))
    return {
        "decode": median_seconds(lambda: decode(str(path), data), rounds),
        "clean": median_seconds(lambda: clean(source), rounds),
        "blocks": median_seconds(lambda: blocks(cleaned), rounds),
        "structure": median_seconds(lambda: structure(cleaned, typed, Collector("b")), rounds),
        "restore": median_seconds(lambda: restore_marks(report, Collector("b")), rounds),
        "render": median_seconds(lambda: site_files(report), rounds),
    }


def peak_memory(path: Path) -> int:
    """Peak bytes allocated by Python for one parse and render."""
    tracemalloc.start()
    site_files(parse(decode(str(path), path.read_bytes())).report)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def baseline_build(path: Path, work: Path) -> None:
    """MkDocs + Material building the converter's Markdown as one page."""
    docs = work / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, docs / "index.md")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    config.update(docs_dir=str(docs), site_dir=str(work / "site"), strict=False)
    config["theme"].pop("custom_dir", None)
    config.pop("validation", None)
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                    str(work / "mkdocs.yml")], check=True, capture_output=True)


def whole_build(path: Path, work: Path) -> None:
    """``unreport build`` as the command runs it (parse, render, MkDocs, swap)."""
    report = parse(decode(str(path), path.read_bytes())).report
    build_site(report, work / "site")


def main() -> None:
    """Print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", nargs="?", default=str(bundled_path()))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    path = Path(args.source)
    print(f"source: {path} ({path.stat().st_size:,} bytes)")
    for stage, seconds in stage_times(path, max(args.rounds * 4, 10)).items():
        print(f"  {stage:<10} {seconds * 1000:8.2f} ms")
    print(f"  peak Python memory, parse + render: {peak_memory(path) / 1e6:.1f} MB")
    ours, theirs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for round_number in range(args.rounds):
            for label, action, bucket in (("unreport", whole_build, ours),
                                          ("baseline", baseline_build, theirs)):
                work = Path(tmp) / f"{label}-{round_number}"
                start = time.perf_counter()
                action(path, work)
                bucket.append(time.perf_counter() - start)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"whole build, median of {args.rounds} (in turns):")
    print(f"  unreport build                      {a:6.2f} s")
    print(f"  MkDocs + Material, one-page source  {b:6.2f} s")
    print(f"  ratio {a / b:.2f}x (target: at most 2x)")
    print(f"  peak memory of a MkDocs process: {children:.0f} MB")


if __name__ == "__main__":
    main()
