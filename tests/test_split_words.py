"""Words the converter split with a space (issue 26): joined on the document's own evidence."""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest
from unreport.analysis import analyse
from unreport.export.akn import akn_files
from unreport.export.csv_tables import table_files
from unreport.export.report_json import to_json
from unreport.parse import Parsed, parse
from unreport.parse.clean import Line, clean
from unreport.parse.source import Source, bundled_path, read_source
from unreport.parse.split_words import Join, join_split_words
from unreport.parse.verify import verify
from unreport.site.render import render

WORD = "the Optional Protocol on the sale of children, child prostitution and child pornography"


@pytest.mark.parametrize(("lines", "joined", "expected"), [
    pytest.param(  # the report's case: the word is elsewhere, its fragments nowhere else
        [WORD, "", "child prostitution and child porno graphy to implement;"],
        [(3, ("porno", "graphy"), "pornography", (1,))],
        "child prostitution and child pornography to implement;",
        id="report-case"),
    pytest.param(  # "porno" stands as a word of its own elsewhere
        [WORD, "", "a porno film", "", "child porno graphy to implement;"],
        [], "child porno graphy to implement;", id="fragment-is-a-word"),
    pytest.param(  # "pornography" is nowhere else: no evidence
        ["child prostitution and child porno graphy to implement;"],
        [], "child prostitution and child porno graphy to implement;", id="joined-nowhere"),
    pytest.param(  # case-insensitive evidence, and Unicode letters
        ["Pornographie et développement", "", "la porno graphie; le dévelop pement"],
        [(3, ("porno", "graphie"), "pornographie", (1,)),
         (3, ("dévelop", "pement"), "développement", (1,))],
        "la pornographie; le développement", id="case-and-unicode"),
    pytest.param(  # two spaces, a footnote mark, a digit, emphasis: not one space between
        [WORD, "", "porno  graphy; porno<sup>3</sup> graphy; porno \\(^3\\) graphy; "
         "porno 3 graphy; *porno* graphy"],
        [], "porno  graphy; porno<sup>3</sup> graphy; porno \\(^3\\) graphy; "
        "porno 3 graphy; *porno* graphy", id="not-across-marks"),
    pytest.param(  # "porno graphy land": two ways to read the middle fragment, none taken
        [WORD, "graphyland", "porno graphy land"],
        [], "porno graphy land", id="overlapping-pairs"),
])
def test_join_split_words(lines: list[str], joined: list[tuple[int, tuple[str, str], str,
                                                                tuple[int, ...]]],
                          expected: str) -> None:
    source = tuple(Line(n, text) for n, text in enumerate(lines, start=1))
    out, joins = join_split_words(source)
    assert joins == tuple(Join(*j) for j in joined)
    assert out[-1].text == expected
    assert [line.text for line in out[:-1]] == lines[:-1]


@pytest.mark.parametrize("lines", [
    pytest.param([WORD, "", "child porno", "22-27149 **15/71** ", "graphy to implement"],
                 id="across-page-footer"),
    pytest.param([WORD, "", "child porno", "A/77/464", "graphy to implement"],
                 id="across-running-header"),
    pytest.param([WORD, "", "child porno", "", "graphy to implement"], id="across-paragraph"),
    pytest.param([WORD, "", "child porno \\", "graphy to implement"], id="across-hard-break"),
])
def test_never_across_lines(lines: list[str]) -> None:
    cleaned = clean(Source("test.md", tuple(lines)))
    assert cleaned.joins == ()
    assert "porno" in [w for line in cleaned.lines for w in line.text.split()]


@pytest.fixture(scope="module")
def fixed() -> Parsed:
    return parse(read_source(bundled_path()))


@pytest.fixture(scope="module")
def unfixed() -> Parsed:
    with pytest.MonkeyPatch.context() as patch:
        clean_module = importlib.import_module("unreport.parse.clean")  # not the function
        patch.setattr(clean_module, "join_split_words", lambda lines: (lines, ()))
        return parse(read_source(bundled_path()))


def test_bundled_report_has_one_join(fixed: Parsed) -> None:
    assert fixed.cleaned.joins == (Join(280, ("porno", "graphy"), "pornography", (199, 255)),)
    warnings = [w for w in fixed.warnings if w.kind == "joined-word"]
    assert [(w.line, w.message) for w in warnings] == [
        (280, "joined \"porno graphy\" into \"pornography\", the word the document has at "
              "lines 199, 255 (the converter put a space inside it).")]
    assert str(warnings[0]).startswith(f"{bundled_path()}:280: joined")


def test_draft_iii_op5_reads_pornography(fixed: Parsed) -> None:
    op5 = next(op for op in fixed.report.resolution("III").operative if op.number == 5)
    assert "child prostitution and child pornography to implement" in op5.text
    assert "porno graphy" not in to_json(analyse(fixed.report))
    verify(fixed)  # the nothing-lost check counts the joined word in place of its fragments


def test_every_output_reads_pornography(fixed: Parsed) -> None:
    analysis = analyse(fixed.report)
    rendered = render(analysis)
    outputs = {
        "pages": "\n".join(rendered.pages.values()),
        "search index": "\n".join(entry.text for entry in rendered.search),
        "JSON": to_json(analysis),
        "Akoma Ntoso": "\n".join(akn_files(analysis).values()),
        "CSVs": "\n".join(table_files(analysis).values()),
    }
    for name, text in outputs.items():
        assert "child pornography to implement" in text, name
        assert "porno graphy" not in text, name


def _leaves(data: Any, path: str = "") -> dict[str, Any]:
    """Every scalar of a JSON document by its path."""
    if isinstance(data, dict):
        return {k: v for key, value in data.items() for k, v in _leaves(value, f"{path}/{key}")
                .items()}
    if isinstance(data, list):
        return {k: v for i, value in enumerate(data) for k, v in _leaves(value, f"{path}/{i}")
                .items()}
    return {path: data}


def test_nothing_else_changes(fixed: Parsed, unfixed: Parsed) -> None:
    before = _leaves(json.loads(to_json(analyse(unfixed.report))))
    after = _leaves(json.loads(to_json(analyse(fixed.report))))
    assert before.keys() == after.keys()
    changed = {key: (before[key], after[key]) for key in before if before[key] != after[key]}
    # The one paragraph, and the mandate record that quotes it (draft III, OP 5).
    assert set(changed) == {"/resolutions/2/operative/4/text", "/mandates/23/text"}, changed
    assert after["/resolutions/2/number"] == "III"
    assert after["/resolutions/2/operative/4/number"] == 5
    assert (after["/mandates/23/resolution"], after["/mandates/23/paragraph"]) == ("III", 5)
    for old, new in changed.values():
        assert old.replace("porno graphy", "pornography") == new
    assert [w for w in fixed.warnings if w.kind != "joined-word"] == list(unfixed.warnings)
    assert [line for line in fixed.cleaned.lines if line.number != 280] == \
        [line for line in unfixed.cleaned.lines if line.number != 280]
