"""The nothing-lost check (issue #5, part 3): every word of the source in the model, once.

The check passes on the real report, with its bare footnote marks, mangled
note numbers and page furniture; it fails, naming the passage and its source
line, on models built with ``dataclasses.replace`` that drop, repeat, move or
change text.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from unreport import cli
from unreport import parse as parse_module
from unreport.diagnostics import SourceError
from unreport.model import DraftResolution, Report
from unreport.parse import Parsed, parse
from unreport.parse.source import bundled_path, decode, read_source
from unreport.parse.verify import (
    LostTextError,
    check_complete,
    check_nothing_lost,
    normalize,
    verify,
    words,
)

REAL_LINES = bundled_path().read_text("utf-8").split("\n")
FAILED = "nothing-lost check failed: "


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    """The real report, parsed once for the whole module."""
    return parse(read_source(bundled_path()))


def line_of(prefix: str) -> int:
    return next(n for n, t in enumerate(REAL_LINES, start=1) if t.startswith(prefix))


def with_report(parsed: Parsed, **changes: object) -> Parsed:
    return dataclasses.replace(parsed, report=dataclasses.replace(parsed.report, **changes))


def with_draft(parsed: Parsed, number: str, **changes: object) -> Parsed:
    report = parsed.report
    drafts = tuple(dataclasses.replace(d, **changes) if d.number == number else d
                   for d in report.resolutions)
    return with_report(parsed, resolutions=drafts)


def draft(report: Report, number: str) -> DraftResolution:
    return report.resolution(number)


def failure(parsed: Parsed) -> str:
    with pytest.raises(LostTextError) as raised:
        check_nothing_lost(parsed)
    message = str(raised.value)
    assert "nothing-lost check failed" in message
    assert "nothing was written" in message
    return message


# --- words ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Convention,<sup>6</sup> which", "Convention, which"),
    ("Convention, <sup> 12 </sup> which", "Convention, which"),
    ("records. \\(^1\\)", "records."),
    ("the 20<sup>th</sup> session", "the 20th session"),
    ("*Invites* Member States", "Invites Member States"),
])
def test_normalize_takes_out_marks_and_emphasis(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_words_ignore_punctuation_and_markup() -> None:
    assert words("- 12. *Requests* the Secretary-General (A/77/464);<sup>3</sup>") == [
        "12", "Requests", "the", "Secretary", "General", "A", "77", "464"]


# --- passing ---------------------------------------------------------------------------


def test_real_report_passes(parsed: Parsed) -> None:
    verify(parsed)


def test_real_report_with_windows_line_endings_and_bom_passes() -> None:
    data = b"\xef\xbb\xbf" + bundled_path().read_bytes().replace(b"\n", b"\r\n")
    verify(parse(decode("report.md", data)))


def test_unplaced_text_that_was_warned_about_passes() -> None:
    """Text the parser reports as "could not be placed" is not counted as lost."""
    lines = list(REAL_LINES)
    lines.insert(line_of("## I. Introduction"), "A stray sentence.")
    parsed = parse(decode("report.md", "\n".join(lines).encode("utf-8")))
    assert any("could not be placed" in w.message for w in parsed.warnings)
    check_nothing_lost(parsed)


def test_edited_copies_pass() -> None:
    """Deleting and repeating lines is a problem of the source, not a loss in the model."""
    lines = list(REAL_LINES)  # edited from the bottom up, so that line numbers hold
    lines.pop(line_of("- 3. Welcomes the initiative of the Government of Japan") - 1)
    lines.pop(line_of("<sup>2</sup> See A/C.3/77/SR.46.") - 1)
    seven = line_of("- 7. At the 45th meeting")
    lines.insert(seven, lines[seven - 1])
    verify(parse(decode("report.md", "\n".join(lines).encode("utf-8"))))


# --- failing: the report body -------------------------------------------------------------


def test_dropped_report_paragraph(parsed: Parsed) -> None:
    paragraphs = parsed.report.paragraphs
    message = failure(with_report(parsed, paragraphs=paragraphs[:7] + paragraphs[8:]))
    eight = line_of("- 8. At the same meeting, the Committee adopted")
    assert message.startswith(f"{parsed.cleaned.path}:{eight}: ")
    assert "\"8. At the same meeting, the Committee adopted draft resolution A/C.3/77/L.2…\"" \
        in message
    assert "is missing from the model" in message


def test_duplicated_report_paragraph(parsed: Parsed) -> None:
    paragraphs = parsed.report.paragraphs
    doubled = paragraphs[:8] + (paragraphs[7],) + paragraphs[8:]
    message = failure(with_report(parsed, paragraphs=doubled))
    assert f":{line_of('- 8. At the same meeting')}: " in message
    assert "stands once in the source but twice in the model, the second time in report " \
           "paragraph 8" in message


def test_dropped_item(parsed: Parsed) -> None:
    paragraphs = list(parsed.report.paragraphs)
    three = paragraphs[2]
    paragraphs[2] = dataclasses.replace(three, items=three.items[:1] + three.items[2:])
    message = failure(with_report(parsed, paragraphs=tuple(paragraphs)))
    line = line_of("- (b) Report of the Secretary-General")
    assert f":{line}: {FAILED}\"(b) Report of the " in message


def test_dropped_section_heading(parsed: Parsed) -> None:
    sections = parsed.report.sections
    message = failure(with_report(parsed, sections=sections[:1] + sections[2:]))
    line = line_of("# II. Consideration")
    assert f":{line}: {FAILED}\"II. Consideration of proposals\"" in message


def test_dropped_body_note(parsed: Parsed) -> None:
    message = failure(with_report(parsed, notes=parsed.report.notes[:1]))
    assert f":{line_of('<sup>2</sup> See')}: {FAILED}\"2 See A/C.3/77/SR.46.\" (the footnotes " \
           "of the report body) is missing" in message


def test_changed_masthead_fact(parsed: Parsed) -> None:
    message = failure(with_report(parsed, committee="Fifth Committee"))
    assert "the masthead committee \"Fifth Committee\" of the model is not in the masthead" \
        in message


# --- failing: draft resolutions -----------------------------------------------------------


def test_dropped_operative_paragraph(parsed: Parsed) -> None:
    five = draft(parsed.report, "V")
    ops = five.operative
    message = failure(with_draft(parsed, "V", operative=ops[:11] + ops[12:]))
    assert f":{ops[11].span.first}: {FAILED}\"12. Welcomes the progress made" in message
    assert "(the text of draft resolution V) is missing from the model, which goes on with " \
           "draft resolution V, operative paragraph 13" in message


def test_duplicated_preambular_paragraph(parsed: Parsed) -> None:
    two = draft(parsed.report, "II")
    pps = two.preambular
    message = failure(with_draft(parsed, "II", preambular=pps[:3] + (pps[2],) + pps[3:]))
    assert f":{pps[2].span.first}: " in message
    assert "twice in the model, the second time in draft resolution II, preambular " \
           "paragraph 3" in message


def test_dropped_draft_note(parsed: Parsed) -> None:
    five = draft(parsed.report, "V")
    message = failure(with_draft(parsed, "V", notes=five.notes[:3] + five.notes[4:]))
    assert f":{five.notes[3].span.first}: {FAILED}\"4 Ibid., Seventy-fourth Session" in message
    assert "(the footnotes of draft resolution V) is missing" in message


def test_changed_word(parsed: Parsed) -> None:
    one = draft(parsed.report, "I")
    op3 = one.operative[2]
    changed = dataclasses.replace(op3, text=op3.text.replace("Japan", "Japon"))
    message = failure(with_draft(parsed, "I", operative=one.operative[:2] + (changed,)
                                 + one.operative[3:]))
    assert f":{op3.span.first}: {FAILED}the source has \"Japan to work with" in message
    assert "where the model has \"Japon to work with" in message


def test_invented_text(parsed: Parsed) -> None:
    one = draft(parsed.report, "I")
    message = failure(with_draft(parsed, "I", title=one.title + " and of everything else"))
    assert "the model has \"and of everything else\"" in message
    assert "which is not in the text of draft resolution I in the source" in message


def test_moved_paragraph(parsed: Parsed) -> None:
    one = draft(parsed.report, "I")
    pps = one.preambular
    message = failure(with_draft(parsed, "I", preambular=(pps[1], pps[0]) + pps[2:]))
    assert "is out of order in the model" in message


def test_lost_text_is_a_source_error_and_stops_the_build(
        parsed: Parsed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Exit code 1 and nothing written, neither the site nor a temporary folder."""
    broken = with_report(parsed, paragraphs=parsed.report.paragraphs[1:])
    monkeypatch.setattr(parse_module, "parse", lambda _source: broken)
    site = tmp_path / "out" / "site"
    code = cli.main(["build", "--site-dir", str(site)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_SOURCE
    assert "nothing-lost check failed" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()
    assert issubclass(LostTextError, SourceError)


# --- complete ------------------------------------------------------------------------------


def test_check_complete_passes_on_the_real_report(parsed: Parsed) -> None:
    check_complete(parsed)


def test_check_complete_names_what_is_missing(parsed: Parsed) -> None:
    drafts = parsed.report.resolutions
    cut = with_report(parsed, resolutions=drafts[:5])
    with pytest.raises(SourceError, match="after draft resolution V; section II announces "
                                          "draft resolutions VI and VII"):
        check_complete(cut)
