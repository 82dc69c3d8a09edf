"""Hostile and broken input (issue #5, parts 1 and 2): clear errors, exit codes, warnings.

Every error names the file (and the line when there is one), says what is
wrong and what to do, and never comes with a traceback. Each warning about the
source is tested on a small edited copy of the real report.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from unreport import cli
from unreport.analysis import analyse
from unreport.diagnostics import SourceError
from unreport.export.report_json import to_json
from unreport.parse import Parsed, parse, source
from unreport.parse.source import MAX_BYTES, bundled_path, decode, read_source
from unreport.parse.verify import verify

REAL = bundled_path().read_bytes()
LINES = REAL.decode("utf-8").split("\n")


def line_of(prefix: str) -> int:
    """1-based number of the first line of the real report that starts with ``prefix``."""
    return next(n for n, text in enumerate(LINES, start=1) if text.startswith(prefix))


def write(tmp_path: Path, lines: list[str], name: str = "report.md") -> Path:
    """An edited copy of the report."""
    path = tmp_path / name
    path.write_text("\n".join(lines), "utf-8")
    return path


def edited(edit: Callable[[list[str]], None]) -> Parsed:
    """Parse the real report after ``edit`` changed its lines in place."""
    lines = list(LINES)
    edit(lines)
    return parse(decode("report.md", "\n".join(lines).encode("utf-8")))


def run(argv: list[str], capsys: pytest.CaptureFixture[str], *,
        summary: bool = False) -> tuple[int, str]:
    """Run the command line in-process; return the exit code and stderr (never a traceback).

    Every warning is listed (``--verbose``) unless ``summary`` asks for the default output.
    """
    code = cli.main(argv if summary else [*argv, "--verbose"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def error_of(path: Path, capsys: pytest.CaptureFixture[str], code: int = cli.EXIT_SOURCE) -> str:
    """The error line ``unreport generate PATH`` prints, after checking its exit code (1 for
    a problem in the file, 2 for a file that cannot be opened at all)."""
    exit_code, err = run(["generate", str(path), "--out", str(path.parent / "out")], capsys)
    assert exit_code == code
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, err
    assert not (path.parent / "out").exists(), "nothing may be written after an error"
    return errors[0]


# --- the bundled report -------------------------------------------------------------


def test_bundled_report_structure_is_unchanged() -> None:
    """The fixes for hostile input keep the real report's structure exactly."""
    report = parse(read_source(bundled_path())).report
    assert len(report.paragraphs) == 31
    drafts = report.resolutions
    assert [d.number for d in drafts] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert [len(d.preambular) for d in drafts] == [8, 7, 31, 22, 63, 24, 77]
    assert [len(d.operative) for d in drafts] == [9, 12, 22, 27, 77, 22, 85]
    assert [len(d.notes) for d in drafts] == [2, 6, 5, 5, 37, 11, 47]
    assert len(report.notes) == 2


def test_bundled_report_builds_with_its_real_defects_as_warnings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The real report's converter damage is listed as warnings (file:line), not errors:
    summarised by kind by default, each with --verbose."""
    code, err = run(["generate", "--out", str(tmp_path / "docs")], capsys)
    assert code == cli.EXIT_OK
    warnings = [line for line in err.splitlines() if line.startswith("warning: ")]
    assert 10 <= len(warnings) <= 30
    assert all(w.startswith("warning: A-77-464.md:") for w in warnings)  # as the user knows it
    assert "error" not in err
    code, err = run(["generate", "--out", str(tmp_path / "docs1")], capsys, summary=True)
    assert code == cli.EXIT_OK
    lines = err.splitlines()
    assert lines[0].startswith(f"A-77-464.md (the bundled report): {len(warnings)} warnings")
    assert 2 <= len(lines) <= 6 and all(len(line) <= 100 for line in lines)
    assert "warning: " not in err
    code, err = run(["generate", "--out", str(tmp_path / "docs2"), "--strict"], capsys)
    assert code == cli.EXIT_SOURCE
    assert "--strict" in err


# --- input checks -------------------------------------------------------------------


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    error = error_of(tmp_path / "nope.md", capsys, cli.EXIT_USAGE)
    assert f"{tmp_path / 'nope.md'}: no such file" in error
    assert "bundled" in error  # what to do


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    assert "is a directory, not a file" in error_of(folder, capsys, cli.EXIT_USAGE)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    """A FIFO (or /dev/zero) would block or never end; it is refused before reading."""
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    with pytest.raises(SourceError, match="not a regular file"):
        read_source(pipe)


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\xef\xbb\xbf\r\n"])
def test_empty_file(tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    error = error_of(path, capsys)
    assert f"{path}: is empty" in error


def test_binary_file_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "binary.md"
    path.write_bytes(b"line one\nline two\nab\x00cd\n")
    error = error_of(path, capsys)
    assert f"{path}:3: contains a NUL byte at column 3" in error
    assert "Convert the report to Markdown" in error


def test_non_utf8_says_line_and_column(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A Windows-1252 "é" in line 23: the message points at it and says what to do."""
    lines = [line.encode("utf-8") for line in LINES]
    lines[22] = b"- 2. The Committee h\xe9ard" + lines[22][len("- 2. The Committee heard"):]
    path = tmp_path / "latin1.md"
    path.write_bytes(b"\n".join(lines))
    error = error_of(path, capsys)
    assert f"{path}:23: is not valid UTF-8: byte 0xe9 at column 21" in error
    assert "save it as UTF-8" in error


def test_column_counts_characters_not_bytes() -> None:
    with pytest.raises(SourceError, match=r"x.md:2: is not valid UTF-8: byte 0xff at column 4"):
        decode("x.md", "first\r\nCôt".encode() + b"\xff")


def test_control_character_says_where(tmp_path: Path) -> None:
    lines = list(LINES)
    lines[39] = lines[39][:10] + "\x1b[31m" + lines[39][10:]
    with pytest.raises(SourceError) as raised:
        decode("x.md", "\n".join(lines).encode("utf-8"))
    assert str(raised.value).startswith("x.md:40: contains the control character U+001B at "
                                        "column 11")


@pytest.mark.parametrize(("data", "what"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF file"),
    (b"PK\x03\x04\x14\x00\x06\x00", "zip archive"),
    ("# A/77/464\n".encode("utf-16"), "is UTF-16 text"),
])
def test_other_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(SourceError, match=what) as raised:
        decode("x.md", data)
    assert raised.value.line == 1


def test_too_large(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.md"
    path.write_bytes(REAL + b"\n" + b"x" * (MAX_BYTES - len(REAL)))
    error = error_of(path, capsys)
    assert f"{path}: is larger than the limit of {MAX_BYTES:,} bytes" in error


def test_limit_is_read_at_call_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``source.MAX_BYTES`` is the documented limit; the check uses its current value."""
    monkeypatch.setattr(source, "MAX_BYTES", 1000)
    with pytest.raises(SourceError, match="larger than the limit of 1,000 bytes"):
        read_source(bundled_path())


def test_not_a_committee_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, ["# Minutes of the book club", "", "We read a novel."])
    error = error_of(path, capsys)
    assert "not a kind of document unreport reads" in error
    assert "A/77/464" in error  # what was expected


# --- line endings and byte-order marks -----------------------------------------------


@pytest.mark.parametrize("variant", [
    REAL.replace(b"\n", b"\r\n"),
    b"\xef\xbb\xbf" + REAL,
    b"\xef\xbb\xbf" + REAL.replace(b"\n", b"\r\n"),
    REAL.replace(b"\n", b"\r"),
], ids=["crlf", "bom", "bom-crlf", "cr"])
def test_line_endings_and_bom_parse_like_the_original(variant: bytes) -> None:
    original = parse(decode("report.md", REAL))
    other = parse(decode("report.md", variant))
    assert other.report == original.report
    assert to_json(analyse(other.report)) == to_json(analyse(original.report))
    assert other.warnings == original.warnings


# --- truncated files ----------------------------------------------------------------


def test_truncated_before_any_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, LINES[:line_of("- 20. After the adoption")])
    error = error_of(path, capsys)
    assert "stops at line 74 before any \"Draft resolution I\"" in error
    assert "truncated" in error


def test_truncated_inside_a_draft_before_its_operative_part(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    heading = line_of("## **Draft resolution VI**")
    path = write(tmp_path, LINES[:heading + 12])
    error = error_of(path, capsys)
    assert f"{path}:" in error
    assert f"inside draft resolution VI (heading at line {heading}) before any operative " \
           "paragraph" in error
    assert "section II announces draft resolution VII, which the file does not have" in error
    assert "convert the whole report again" in error


def test_truncated_in_the_middle_of_the_last_paragraph(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = list(LINES)
    last = line_of("- 85. Requests the Secretary-General to submit a report")
    lines[last - 1] = lines[last - 1][:120]
    path = write(tmp_path, lines[:last])
    error = error_of(path, capsys)
    assert f"{path}:{last}: the file ends at line {last} in the middle of operative " \
           "paragraph 85 of draft resolution VII" in error


def test_truncated_after_a_complete_draft(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, LINES[:line_of("## **Draft resolution VI**") - 1])
    error = error_of(path, capsys)
    assert "after draft resolution V; section II announces draft resolutions VI and VII" in error


# --- warnings about the source ------------------------------------------------------


def messages(parsed: Parsed) -> list[str]:
    return [str(w) for w in parsed.warnings]


def test_report_paragraph_gap() -> None:
    gone = line_of("- 7. At the 45th meeting")
    parsed = edited(lambda lines: lines.pop(gone - 1))
    assert f"report.md:{gone}: report paragraph 8 where paragraph 7 was expected (a " \
           "numbering gap or repeat)." in messages(parsed)


def test_report_paragraph_repeat() -> None:
    seven = line_of("- 7. At the 45th meeting")
    parsed = edited(lambda lines: lines.insert(seven, lines[seven - 1]))
    assert any(m.startswith(f"report.md:{seven + 1}: report paragraph 7 where paragraph 8 was "
                            "expected") for m in messages(parsed))


def test_operative_paragraph_gap() -> None:
    gone = line_of("- 3. Welcomes the initiative of the Government of Japan")
    parsed = edited(lambda lines: lines.pop(gone - 1))
    assert f"report.md:{gone}: draft resolution I: operative paragraph 4 where 3 was " \
           "expected (a numbering gap or repeat)." in messages(parsed)


def test_operative_paragraph_repeat() -> None:
    three = line_of("- 3. Welcomes the initiative of the Government of Japan")
    parsed = edited(lambda lines: lines.insert(three, lines[three - 1]))
    assert f"report.md:{three + 1}: draft resolution I: operative paragraph 3 where 4 was " \
           "expected (a numbering gap or repeat)." in messages(parsed)


def test_sub_paragraph_letter_gap() -> None:
    """(b) deleted: (c) is reported where (b) was expected (or (i), since c is also roman)."""
    gone = line_of("- (b) Report of the Secretary-General on the follow-up")
    parsed = edited(lambda lines: lines.pop(gone - 1))
    assert any(m.startswith(f"report.md:{gone}: sub-paragraph (c) where ") and "(b) was expected"
               in m for m in messages(parsed))


def test_sub_paragraph_letter_repeat() -> None:
    second = line_of("- (b) Report of the Secretary-General on the follow-up")
    parsed = edited(lambda lines: lines.insert(second, lines[second - 1]))
    assert any(m.startswith(f"report.md:{second + 1}: sub-paragraph (b) where (c) was expected")
               for m in messages(parsed))


def test_mark_without_note() -> None:
    note = line_of("<sup>2</sup> See A/C.3/77/SR.46.")
    mark = line_of("- 5. At the 46th meeting")
    parsed = edited(lambda lines: lines.pop(note - 1))
    assert any(m.startswith(f"report.md:{mark}: report: footnote mark 2 has no note")
               for m in messages(parsed))


def test_note_without_mark() -> None:
    mark = line_of("- 5. At the 46th meeting")
    note = line_of("<sup>2</sup> See A/C.3/77/SR.46.")

    def drop_mark(lines: list[str]) -> None:
        lines[mark - 1] = lines[mark - 1].replace("<sup>2</sup>", "")

    assert any(m.startswith(f"report.md:{note}: report: note 2 has no mark in the text")
               for m in messages(edited(drop_mark)))


def test_text_that_could_not_be_placed(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Text before the first numbered paragraph is reported, and the build still passes."""
    heading = line_of("## I. Introduction")
    lines = list(LINES)
    lines.insert(heading, "A stray sentence the converter left here.")
    parsed = parse(decode("report.md", "\n".join(lines).encode("utf-8")))
    assert any(m.startswith(f"report.md:{heading + 1}: text between a heading and the next "
                            "numbered paragraph could not be placed") for m in messages(parsed))
    path = write(tmp_path, lines)
    code, err = run(["generate", str(path), "--out", str(tmp_path / "docs")], capsys)
    assert code == cli.EXIT_OK
    assert "could not be placed" in err


def test_strict_fails_on_any_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = list(LINES)
    lines.pop(line_of("- 7. At the 45th meeting") - 1)
    path = write(tmp_path, lines)
    code, err = run(["generate", str(path), "--out", str(tmp_path / "a")], capsys)
    assert code == cli.EXIT_OK
    assert "paragraph 8 where paragraph 7 was expected" in err
    code, err = run(["generate", str(path), "--out", str(tmp_path / "b"), "--strict"], capsys)
    assert code == cli.EXIT_SOURCE
    assert "--strict is set" in err
    assert not (tmp_path / "b").exists()


# --- exit codes ---------------------------------------------------------------------


def test_exit_code_0_when_generated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(["generate", str(bundled_path()), "--out", str(tmp_path / "docs")], capsys)
    assert code == cli.EXIT_OK == 0
    assert (tmp_path / "docs" / "index.md").is_file()


@pytest.mark.parametrize("argv", [["build", "--no-such-option"], ["frobnicate"],
                                  ["generate", "a.md", "b.md"]])
def test_exit_code_2_on_wrong_usage(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        cli.main(argv)
    assert raised.value.code == cli.EXIT_USAGE == 2
    err = capsys.readouterr().err
    assert "usage: unreport" in err
    assert "Traceback" not in err


def test_exit_codes_in_a_real_process(tmp_path: Path) -> None:
    """``python -m unreport`` as a user runs it: 1 bad source, 2 bad usage, 0 done."""
    def unreport(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "unreport", *args], capture_output=True,
                              text=True, cwd=tmp_path, check=False, timeout=120)

    (tmp_path / "latin1.md").write_bytes(b"A/77/464\n\nDistr.: G\xe9n\xe9ral\n")
    missing = unreport("build", "missing.md", "--site-dir", "site")
    assert missing.returncode == 2
    assert "missing.md: no such file" in missing.stderr
    latin = unreport("generate", "latin1.md")
    assert latin.returncode == 1
    assert "latin1.md:3: is not valid UTF-8" in latin.stderr
    usage = unreport("build", "--bogus")
    assert usage.returncode == 2
    for result in (missing, latin, usage):
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
    assert not (tmp_path / "docs").exists()
    done = unreport("generate")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "pages" / "index.md").is_file()


def test_unwritable_output_is_an_error_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    code, err = run(["generate", "--out", str(blocker / "docs")], capsys)
    assert code == cli.EXIT_BUILD
    assert "error: " in err


def test_misplaced_markers_are_kept_as_text() -> None:
    """A sub-paragraph label in a preamble and a heading inside a draft keep their markers."""
    lines = list(LINES)
    at = line_of("Stressing that the rights of the child are human rights")
    lines.insert(at, "- (iv) A stray item in the preamble,")
    text = decode("report.md", "\n".join(lines).encode("utf-8"))
    parsed = parse(text)
    preamble = [p.text for p in parsed.report.resolution("III").preambular]
    assert "(iv) A stray item in the preamble," in preamble
    verify(parsed)


def test_text_after_a_subsection_heading_is_not_glued_to_the_paragraph_before() -> None:
    lines = list(LINES)
    at = line_of("#### B. Draft resolution A/C.3/77/L.3") + 1
    lines.insert(at, "An unnumbered sentence under the heading.")
    parsed = parse(decode("report.md", "\n".join(lines).encode("utf-8")))
    assert "unnumbered sentence" not in parsed.report.paragraphs[7].text
    assert any("could not be placed" in m for m in messages(parsed))
    verify(parsed)
