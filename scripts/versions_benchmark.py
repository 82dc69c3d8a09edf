"""Benchmark: a collection's versions and their comparisons (``collection/versions.py``,
``comparison.py``, ``versions_data.py``).

Usage (from the repository root, after scripts/setup.sh):

    .venv/bin/python scripts/versions_benchmark.py [STORE] [--runs 5]

STORE is a folder of documents built by ``unreport build-documents`` (default
/tmp/clcache/documents). Their summaries are read once (not timed); then, ``--runs``
times in one process, each stage is timed and the median of each is printed:

* *find*: ``find_versions`` — which text is which version of which;
* *compare*: ``compare`` — every pair of consecutive versions aligned, every aligned
  pair's words marked;
* *render*: the comparison pages, the notes and version lines, ``versions.json`` and
  ``versions.csv`` made from them.

Not a test: it prints numbers (the sample collection, A/77/464 and 78/223-78/229,
takes a fraction of a second in all).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from unreport.collection.comparison import comparison_pages, paragraph_notes, version_line
from unreport.collection.compose import read_folders
from unreport.collection.links import collect
from unreport.collection.versions import compare, find_versions
from unreport.collection.versions_data import versions_files
from unreport.publish.engine import BuildError


def main() -> None:
    """Read the store, time each stage ``--runs`` times, print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", nargs="?", type=Path, default=Path("/tmp/clcache/documents"),
                        help="a folder of documents built by build-documents")
    parser.add_argument("--runs", type=int, default=5, help="runs to take the median of")
    args = parser.parse_args()
    try:
        built = read_folders([args.store])
    except BuildError as error:  # a store of another unreport: say so, build it again
        raise SystemExit(f"{error}\n(build the store again: unreport build-documents "
                         f"SOURCE… --out {args.store})") from None
    collection = collect(summary for summary, _ in built)
    times: dict[str, list[float]] = {"find": [], "compare": [], "render": [], "all": []}
    for _ in range(args.runs):
        started = time.perf_counter()
        versions = find_versions(collection)
        found = time.perf_counter()
        comparisons = compare(collection, versions)
        compared = time.perf_counter()
        comparison_pages(comparisons)
        paragraph_notes(comparisons)
        version_line(versions, comparisons)
        versions_files(versions, comparisons)
        rendered = time.perf_counter()
        for stage, seconds in (("find", found - started), ("compare", compared - found),
                               ("render", rendered - compared),
                               ("all", rendered - started)):
            times[stage].append(seconds)
    rows = sum(len(c.rows) for c in comparisons)
    texts = sum(len(d.texts) for d in collection.documents)
    print(f"{len(collection.documents)} documents, {texts} texts: "
          f"{len(versions.lines)} lines of versions, {len(comparisons)} comparisons, "
          f"{rows} aligned pairs; {len(versions.warnings)} warnings")
    for stage, seconds in times.items():
        print(f"{stage:>8}: {statistics.median(seconds) * 1000:8.1f} ms  (median of "
              f"{args.runs}; {min(seconds) * 1000:.1f}–{max(seconds) * 1000:.1f})")


if __name__ == "__main__":
    main()
