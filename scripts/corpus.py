"""Read every PDF of a corpus and say how well: words, footnotes, numbering, speed.

    python scripts/corpus.py [FOLDER] [--jobs N] [--only NAME…] [--worst K]

FOLDER defaults to ``../shared/corpus`` beside the project (``pdf/`` with the PDFs,
``reference-text/`` with another reader's full text of each, as JSON). For each PDF:

- **kind**, pages, and whether it builds: parsed and checked (``verify``: complete, and
  every word of the reader's text in the model, in order, once) — or refused, with the
  message a user would see;
- **words**: of the reference text's words, the share found, in order, in the reader's
  text (running text and footnotes each in order) or among the furniture it named
  (job numbers, page numbers, running heads, the barcode);
- **notes/marks**: footnotes found and footnote marks found in the text (they should
  be equal: every note has one mark);
- **op 1…N**: whether each text's operative paragraphs are numbered 1…N without gap
  (in each part, where its parts number them afresh);
- **s/page**: seconds the reader takes per page (one process, this machine).

Not a test: it prints numbers. The corpus is test data, never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from unreport.diagnostics import SourceError
from unreport.model import Report, all_subparagraphs
from unreport.parse import parse
from unreport.parse.source import Source, read_source
from unreport.parse.verify import verify

_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_NOTE_LINE = re.compile(r"^<sup>\d+</sup> ")


def tokens(text: str) -> list[str]:
    """Words compared: runs of letters, and runs of digits, case folded; marks' tags
    dropped. Letters and digits are apart because the reference glues a footnote mark
    to the word before it ("peoples10")."""
    text = re.sub(r"</?sup>", " ", text).replace("\u2011", "-").replace("*", "")
    return [t.casefold() for t in _TOKEN.findall(text)]


@dataclass(frozen=True)
class Result:
    """What the corpus run found for one PDF."""

    name: str
    kind: str
    pages: int
    error: str
    reference_words: int
    accounted: int
    notes: int
    marks: int
    numbered: bool
    warnings: int
    seconds_per_page: float


def _matched(reference: list[str], ours: list[str]) -> tuple[int, list[str]]:
    """How many words of ``reference`` are found in order in ``ours``; the rest, in order."""
    matcher = SequenceMatcher(None, reference, ours, autojunk=False)
    found = 0
    rest: list[str] = []
    position = 0
    for block in matcher.get_matching_blocks():
        rest += reference[position:block.a]
        found += block.size
        position = block.a + block.size
    return found, rest


def account(reference: list[str], source: Source) -> int:
    """Words of the reference found in the reader's text (its running text in order, then
    its notes in order) or among the furniture it named."""
    body = [t for line in source.lines if not _NOTE_LINE.match(line) for t in tokens(line)]
    notes = [t for line in source.lines if _NOTE_LINE.match(line) for t in tokens(line)]
    found, rest = _matched(reference, body)
    more, rest = _matched(rest, notes)
    furniture = Counter(t for removed in source.removed for t in tokens(removed.text))
    named = 0
    for token in rest:
        if furniture[token] > 0:
            furniture[token] -= 1
            named += 1
    return found + more + named


def _counts(report: Report) -> tuple[int, int, bool]:
    """Notes, marks in the text, and whether operative paragraphs run 1…N."""
    notes = len(report.notes)
    marks = sum(len(p.notes) + sum(len(i.notes) for i in p.items) for p in report.paragraphs)
    marks += sum(len(a.notes) for a in report.amendments)
    numbered = True
    for text in report.resolutions:
        notes += len(text.notes)
        marks += sum(len(p.notes) for p in text.preambular)
        for op in text.operative:
            marks += len(op.notes) + sum(len(s.notes) for s in all_subparagraphs(op.subparagraphs))
        marks += sum(len(b.notes) for a in text.annexes for b in a.blocks)
        for part in [None, *(p.anchor for p in text.parts)]:  # parts may number afresh
            numbers = [op.number for op in text.operative if op.part == part]
            afresh = numbers[:1] == [1] or part is None
            numbered = numbered and (not afresh or numbers == list(range(1, len(numbers) + 1)))
    return notes, marks, numbered


def run_one(pdf: Path, references: Path) -> Result:
    """Read, parse and check one PDF, and account for its words."""
    name = pdf.stem
    reference_file = references / f"{name}.json"
    reference = tokens(json.loads(reference_file.read_text("utf-8"))["text"]) \
        if reference_file.exists() else []
    start = time.perf_counter()
    try:
        source = read_source(pdf)
    except SourceError as error:
        return Result(name, "-", 0, str(error), len(reference), 0, 0, 0, False, 0, 0.0)
    seconds = time.perf_counter() - start
    pages = max(source.pages) if source.pages else 0
    accounted = account(reference, source) if reference else 0
    try:
        parsed = parse(source)
        verify(parsed)
    except SourceError as error:
        return Result(name, "-", pages, str(error), len(reference), accounted, 0, 0, False, 0,
                      seconds / max(pages, 1))
    notes, marks, numbered = _counts(parsed.report)
    return Result(name, parsed.report.kind, pages, "", len(reference), accounted, notes, marks,
                  numbered, len(parsed.warnings), seconds / max(pages, 1))


def _share(result: Result) -> float:
    return result.accounted / result.reference_words if result.reference_words else 1.0


def main(argv: list[str] | None = None) -> int:
    """Run the corpus and print a line per PDF and a summary."""
    default = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=default)
    parser.add_argument("--jobs", type=int, default=1, help="processes (one PDF each)")
    parser.add_argument("--only", nargs="*", default=[], help="PDF names (stems) to run")
    parser.add_argument("--worst", type=int, default=15, help="lowest word shares listed")
    args = parser.parse_args(argv)
    pdfs = sorted((args.folder / "pdf").glob("*.pdf"))
    if args.only:
        pdfs = [p for p in pdfs if p.stem in set(args.only)]
    if not pdfs:
        print(f"no PDFs in {args.folder / 'pdf'}", file=sys.stderr)
        return 2
    references = args.folder / "reference-text"
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(run_one, pdfs, [references] * len(pdfs)))
    print(f"{'document':<18} {'kind':<10} {'pages':>5} {'words':>8} {'notes/marks':>11} "
          f"{'op 1…N':>6} {'warn':>4} {'s/page':>7}  refused")
    for r in results:
        print(f"{r.name:<18} {r.kind:<10} {r.pages:>5} {_share(r):>8.4%} "
              f"{r.notes:>5}/{r.marks:<5} {'yes' if r.numbered else 'NO':>6} {r.warnings:>4} "
              f"{r.seconds_per_page:>7.4f}  {r.error}")
    built = [r for r in results if not r.error]
    words = sum(r.reference_words for r in results)
    accounted = sum(r.accounted for r in results)
    pages = sum(r.pages for r in results)
    print()
    print(f"documents: {len(results)}; built {len(built)}, refused {len(results) - len(built)}")
    print(f"pages: {pages}; words of the reference texts: {words:,}; accounted for: "
          f"{accounted:,} ({accounted / max(words, 1):.4%})")
    below = [r for r in results if _share(r) < 0.999]
    print(f"documents below 99.9% of their words: {len(below)}")
    print(f"notes equal to marks: {sum(r.notes == r.marks for r in built)} of {len(built)}; "
          f"operative paragraphs 1…N: {sum(r.numbered for r in built)} of {len(built)}")
    speeds = [r.seconds_per_page for r in results if r.pages]
    if speeds:
        print(f"reader, seconds per page: median {statistics.median(speeds):.4f}, "
              f"max {max(speeds):.4f} (one process; --jobs {args.jobs})")
    worst = sorted(results, key=_share)[:args.worst]
    print("lowest word shares: " + ", ".join(f"{r.name} {_share(r):.3%}" for r in worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
