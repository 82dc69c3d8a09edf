"""Fuzzing the parser (issue #5, part 6): damaged reports give warnings or a clean error.

Random edits of the real report — lines deleted, duplicated, swapped, cut
short; the file truncated; random bytes inserted; footnote blocks shuffled or
moved; the document's own markers inserted where they do not belong — must
yield a ``Parsed`` model (with warnings) or a ``SourceError`` that names the
file, never another exception and never a hang. Every model is also rendered
(pages and JSON) and checked by ``verify``, which may refuse it only with a
``SourceError``. MkDocs is not run here. Examples are bounded so that the
whole file runs in well under a minute.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unreport.analysis import analyse
from unreport.diagnostics import SourceError
from unreport.export.report_json import to_json
from unreport.parse import parse
from unreport.parse.source import bundled_path, decode
from unreport.parse.verify import verify
from unreport.site.render import render

RAW = bundled_path().read_bytes()
LINES = RAW.split(b"\n")
NOTES = [i for i, line in enumerate(LINES) if line.startswith((b"<sup>", b"\\(^"))]
NAME = "fuzzed.md"
LIMIT = 20
"""Seconds one example may take: parsing the real report takes a tenth of that."""

FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# The document's own markers, and things that look like them, in the wrong places.
TOKENS = [
    b"Draft resolution IIII", b"Draft resolution VV Title", b"## **Draft resolution I**",
    b"Draft resolution", b"## I. Introduction", b"II. x", b"IV. x", b"Z. x",
    b"A. Draft resolution A/C.3/77/L.2", b"(zz) text", b"(i) t", b"(iv) t", b"(h) t", b"(a)",
    b"<sup>99</sup> note", b"<sup>1</sup>", b"<sup>th</sup>", b"\\(^3\\)", b"\\(^{12}\\) x",
    b"<sup>&</sup>lt;sup>2</sup> x", b"<sup>&</sup>lt;sup>7</sup>", b"44 Resolution 1/1.",
    b"The General Assembly,", b"*The General Assembly,*", b"12. x", b"0. x", b"999. x", b"- 5.",
    b"", b" ", b"#", b"- ", b"*", b"**", b"\\", b"- (a)", b"1 ", b"Rapporteur: X (Y)",
    b"Distr.: General 31 February 2022", b"Agenda item 0", b"Report of the", b"A/77/",
    b"submitted by", b"joined in sponsoring", b"(see para. 31, draft resolution XL)",
    b"by a recorded vote of 1 to 2, with 3 abstentions", b"at its 999th meeting, on 31 June",
    b"the representatives of and made statements", b"on behalf of the", b"22-27149 3/71",
    b"Please recycle", b"\xc3\xa9", b"\xe2\x80\x9c", b"\r", b"\r\n", b"\t", b"\x0c",
    b"*" * 40 + b"x", b"<script>", b"{: #x }", b"[x](y)",
]


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Raise ``TimeoutError`` if the block runs longer than ``seconds`` (a hang is a bug)."""
    def expire(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"parsing took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check(data: bytes) -> None:
    """Parse, render and verify ``data``: a model or a ``SourceError``, nothing else."""
    with time_limit(LIMIT):
        try:
            parsed = parse(decode(NAME, data))
        except SourceError as error:
            assert str(error).startswith(NAME), str(error)
            return
        for warning in parsed.warnings:
            assert str(warning).startswith(NAME)
        pages = render(analyse(parsed.report)).pages
        assert "index.md" in pages
        assert to_json(analyse(parsed.report)).endswith("\n")
        try:
            verify(parsed)
        except SourceError as error:
            assert str(error).startswith(NAME), str(error)


def join(lines: list[bytes]) -> bytes:
    return b"\n".join(lines)


# --- strategies ------------------------------------------------------------------------------

INDEX = st.integers(0, len(LINES) - 1)
LINE_EDIT = st.tuples(st.sampled_from(["delete", "duplicate", "swap", "cut"]), INDEX, INDEX,
                      st.integers(1, 6))


def edit_lines(lines: list[bytes], edits: list[tuple[str, int, int, int]]) -> list[bytes]:
    for kind, first, second, count in edits:
        first, second = first % max(len(lines), 1), second % max(len(lines), 1)
        if not lines:
            break
        if kind == "delete":
            del lines[first:first + count]
        elif kind == "duplicate":
            lines[first:first] = lines[second:second + count]
        elif kind == "swap":
            lines[first], lines[second] = lines[second], lines[first]
        else:  # cut a line short
            lines[first] = lines[first][: len(lines[first]) * count // 7]
    return lines


# --- the fuzz tests --------------------------------------------------------------------------


@FUZZ
@given(st.lists(LINE_EDIT, min_size=1, max_size=8))
def test_deleted_duplicated_swapped_and_cut_lines(edits: list[tuple[str, int, int, int]]) -> None:
    check(join(edit_lines(list(LINES), edits)))


@FUZZ
@given(st.integers(0, len(RAW)), st.booleans())
def test_truncated_anywhere(end: int, with_bom: bool) -> None:
    check((b"\xef\xbb\xbf" if with_bom else b"") + RAW[:end])


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(RAW)), st.one_of(
    st.binary(min_size=1, max_size=6),  # mostly invalid UTF-8 or control bytes: an error
    st.text(min_size=1, max_size=6).map(lambda t: t.encode("utf-8", "surrogatepass")))),
    min_size=1, max_size=6))
def test_random_bytes_inserted(insertions: list[tuple[int, bytes]]) -> None:
    data = RAW
    for offset, junk in sorted(insertions, reverse=True):
        data = data[:offset] + junk + data[offset:]
    check(data)


@FUZZ
@given(st.permutations(NOTES), INDEX, st.integers(1, 12))
def test_shuffled_and_moved_footnotes(order: list[int], target: int, size: int) -> None:
    lines = list(LINES)
    for position, source in zip(NOTES, order, strict=True):
        lines[position] = LINES[source]
    start = NOTES[target % len(NOTES)]
    block = lines[start:start + size]  # a block of notes (and what follows) moved elsewhere
    del lines[start:start + size]
    lines[target % len(lines):target % len(lines)] = block
    check(join(lines))


@FUZZ
@given(st.lists(st.tuples(INDEX, st.sampled_from(TOKENS), st.sampled_from(TOKENS),
                          st.integers(0, 400), st.booleans()), min_size=1, max_size=8))
def test_markers_in_the_wrong_places(insertions: list[tuple[int, bytes, bytes, int, bool]]
                                     ) -> None:
    lines = list(LINES)
    for index, first, second, column, new_line in insertions:
        if new_line:
            lines.insert(index, first + b" " + second)
        else:
            line = lines[index]
            lines[index] = line[:column] + first + line[column:]
    check(join(lines))


# --- crashes and hangs the fuzzing found (regressions) -------------------------------------


def with_line(after: bytes, new: bytes) -> bytes:
    index = next(i for i, line in enumerate(LINES) if line.startswith(after))
    return join(LINES[:index + 1] + [new] + LINES[index + 1:])


def test_malformed_roman_draft_number_is_a_warning() -> None:
    """"Draft resolution IIII" crashed ``from_roman``; now it is a numbering warning."""
    parsed = parse(decode(NAME, with_line(b"- 9. *Requests* the Secretary-General",
                                          b"Draft resolution IIII")))
    assert any("draft resolution IIII where draft resolution II was expected" in str(w)
               for w in parsed.warnings)
    render(analyse(parsed.report))


def test_repeated_section_heading_is_a_warning() -> None:
    """A second "I. Introduction" made a second section I that crashed rendering."""
    parsed = parse(decode(NAME, with_line(b"- 17. At the same meeting", b"## I. Introduction")))
    assert [s.number for s in parsed.report.sections] == ["I", "II", "III"]
    assert any("section I a second time" in str(w) and "could not be placed" in str(w)
               for w in parsed.warnings)
    render(analyse(parsed.report))
    verify(parsed)


def test_long_run_of_emphasis_markers_does_not_hang() -> None:
    """A preambular paragraph ending in 60 asterisks took exponential time in ``continues``."""
    data = RAW.replace(b"Stressing the importance of undertaking all preparatory activities",
                       b"Stressing " + b"*" * 60 + b"x\n\nthe importance of undertaking all "
                       b"preparatory activities", 1)
    started = time.perf_counter()
    with time_limit(LIMIT):
        parse(decode(NAME, data))
    assert time.perf_counter() - started < 5
