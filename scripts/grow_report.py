"""Make a larger report for benchmarks: the draft resolutions copied N times, renumbered.

Usage:  .venv/bin/python scripts/grow_report.py N [SOURCE] > A-77-464-xN.md

The output is the source (default: the bundled A/77/464) with its section III —
every draft resolution with its notes — repeated N times in all; each copy's
"Draft resolution I…VII" headings get the next roman numbers (VIII, IX, …), so the
result parses as one report with 7·N draft resolutions and N times the paragraphs,
footnotes and citations. The report's own paragraphs (sections I–II) are not
repeated, so the copies' pages say that section II does not cover them, as a real
longer report's would not. Nothing else is changed: page furniture and converter
damage are copied along, as a longer converted report would have them.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from unreport.parse.source import bundled_path  # noqa: E402
from unreport.text.numbers import from_roman, to_roman  # noqa: E402

HEADING = re.compile(r"^(?P<head>\W*Draft resolution )(?P<number>[IVXLC]+)\b", re.MULTILINE)


def grow(text: str, times: int) -> str:
    """``text`` with its draft resolutions repeated ``times`` times in all, renumbered."""
    first = HEADING.search(text)
    if first is None:
        raise SystemExit("no 'Draft resolution I' heading found: is this a committee report?")
    body, drafts = text[:first.start()], text[first.start():]
    count = len({m.group("number") for m in HEADING.finditer(drafts)})
    copies = [drafts]
    for copy in range(1, times):
        def renumber(match: re.Match[str], shift: int = copy * count) -> str:
            return match.group("head") + to_roman(from_roman(match.group("number")) + shift)
        copies.append(HEADING.sub(renumber, drafts))
    return body + "\n".join(part.rstrip("\n") + "\n" for part in copies)


def main() -> None:
    """Write the grown report to standard output."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("times", type=int, help="how many times the drafts appear (2, 4, 8…)")
    parser.add_argument("source", nargs="?", default=str(bundled_path()))
    args = parser.parse_args()
    sys.stdout.write(grow(Path(args.source).read_text("utf-8"), args.times))


if __name__ == "__main__":
    main()
