"""Benchmark: comparing two versions of a resolution (``unreport.versions``).

Usage (from the repository root, after scripts/setup.sh):

    .venv/bin/python scripts/compare_benchmark.py [--runs 5] [--corpus ../shared/corpus]

Parses the bundled report A/77/464 and resolutions 78/223-78/229 of the corpus (read in
place, never copied), then prints the median of ``--runs`` runs, each in one process:

* draft resolution VII of A/77/464 → resolution 78/229: ``align`` alone, and ``align`` plus
  ``diff_html`` of every pair that has text on both sides;
* every draft of A/77/464 whose title a resolution among 78/223-78/229 repeats (matched by
  title, spacing and quotes ignored): the same, per pair and in all;
* scaling: the longest resolution of the corpus (78/69, several hundred paragraphs) against
  a made-up next version of itself (every 7th paragraph edited, every 11th removed, one in
  20 new, a block of three moved), and its first half against the same edits of its first
  half — how the time grows with the length.

Parsing is not timed. Not a test: it prints numbers (the comparison of VII → 78/229 should
take well under a second).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from unreport.model import DraftResolution
from unreport.parse import parse
from unreport.parse.source import bundled_path, read_source
from unreport.versions import Pair, Paragraph, align, diff_html, paragraphs_of

ROOT = Path(__file__).resolve().parent.parent


def median_time(work: Callable[[], object], runs: int) -> float:
    """Median wall seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def compare(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> list[str]:
    """Align, then mark the words of every pair with text on both sides."""
    olds = {p.anchor: p.text for p in old}
    news = {p.anchor: p.text for p in new}
    return [diff_html(" ".join(olds[a] for a in pair.old), " ".join(news[a] for a in pair.new))
            for pair in align(old, new) if pair.old and pair.new]


def resolution(path: Path) -> DraftResolution:
    """The one text of a resolution's PDF."""
    return parse(read_source(path)).report.resolutions[0]


def title_key(title: str) -> str:
    """A title as matched: quotes straightened, spacing collapsed, case folded."""
    title = title.translate(str.maketrans("“”’", "\"\"'"))
    return re.sub(r"\s+", " ", title).strip().casefold()


def edited(paragraphs: Sequence[Paragraph]) -> tuple[Paragraph, ...]:
    """A made-up next version: every 7th paragraph edited (a date and a word), every 11th
    removed, a new one after every 20th, and the three paragraphs at a third of the way
    moved to two thirds; anchors renumbered as a new document would."""
    out: list[str] = []
    for n, p in enumerate(paragraphs):
        if n % 11 == 10:
            continue
        text = p.text
        if n % 7 == 6:
            text = re.sub(r"\b(19|20)\d\d\b", "2024", text).replace(" the ", " all the ", 1)
        out.append(text)
        if n % 20 == 19:
            out.append(f"Welcomes the new initiative number {n} on topic {n * 7 % 13}, and "
                       "invites Member States to support it with voluntary contributions;")
    third = len(out) // 3
    block, out = out[third:third + 3], out[:third] + out[third + 3:]
    out[2 * third:2 * third] = block
    return tuple(Paragraph(f"op-{n}", "operative", t) for n, t in enumerate(out, 1))


def report(label: str, old: Sequence[Paragraph], new: Sequence[Paragraph], runs: int) -> None:
    """Print the timings and the statuses of one comparison."""
    pairs: tuple[Pair, ...] = align(old, new)
    statuses = Counter(p.status for p in pairs)
    t_align = median_time(lambda: align(old, new), runs)
    t_all = median_time(lambda: compare(old, new), runs)
    print(f"{label}: {len(old)} → {len(new)} paragraphs; align {t_align * 1000:.1f} ms, "
          f"align + diff_html {t_all * 1000:.1f} ms (median of {runs})")
    print("    " + ", ".join(f"{status} {count}" for status, count in sorted(statuses.items())))


def main() -> None:
    """Parse, time, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    pdf = args.corpus / "pdf"
    if not pdf.is_dir():
        raise SystemExit(f"the corpus of real UN PDFs is not at {pdf}")

    drafts = parse(read_source(bundled_path())).report.resolutions
    later = {n: resolution(pdf / f"A_RES_78_{n}.pdf") for n in range(223, 230)}

    report("A/77/464 draft VII → A/RES/78/229", paragraphs_of(drafts[6]),
           paragraphs_of(later[229]), args.runs)

    by_title = {title_key(r.title): n for n, r in later.items()}
    matched = [(d, later[by_title[title_key(d.title)]], by_title[title_key(d.title)])
               for d in drafts if title_key(d.title) in by_title]
    unmatched = [d.number for d in drafts if title_key(d.title) not in by_title]
    print(f"\nDrafts of A/77/464 matched by title among 78/223-78/229: "
          f"{', '.join(f'{d.number} → 78/{n}' for d, _, n in matched)}; "
          f"no resolution of that title for {', '.join(unmatched) or 'none'}")
    pairs = [(paragraphs_of(d), paragraphs_of(r)) for d, r, _ in matched]
    for (old, new), (d, _, n) in zip(pairs, matched, strict=True):
        report(f"  draft {d.number} → 78/{n}", old, new, args.runs)
    total = median_time(lambda: [compare(o, n) for o, n in pairs], args.runs)
    size = sum(len(o) + len(n) for o, n in pairs)
    print(f"  all {len(pairs)} together ({size} paragraphs): align + diff_html "
          f"{total * 1000:.1f} ms")

    longest = paragraphs_of(resolution(pdf / "A_RES_78_69.pdf"))
    print("\nScaling (78/69 against a made-up next version of itself):")
    for part in (longest[: len(longest) // 4], longest[: len(longest) // 2], longest):
        old = tuple(Paragraph(p.anchor, "operative", p.text) for p in part)
        report(f"  {len(part)} paragraphs", old, edited(old), args.runs)


if __name__ == "__main__":
    main()
