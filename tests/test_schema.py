"""The published JSON Schema: the export validates against it, and it describes every field.

The schema is a hand-written file; these tests keep it, the export and the
README's field table from drifting apart: the export of the bundled report and
of the small fixture must validate, every key the export writes must be a
field of the schema, every field must be described, the kinds of reference it
allows must be the parser's, and the README's table must be the one the schema
generates.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from support import key_paths
from unreport.analysis import analyse
from unreport.export.report_json import to_data
from unreport.export.schema import (
    SCHEMA_PATH,
    TABLE_END,
    TABLE_START,
    field_table,
    fields,
    load_schema,
    main,
    readme_table,
    schema_text,
    write_readme_table,
)
from unreport.parse import Parsed, parse
from unreport.parse.source import read_source
from unreport.publish.build import site_files
from unreport.references.citations import KINDS

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini-report.md"
SCHEMA = load_schema()
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FormatChecker())


def _errors(data: object) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(data)]


@pytest.fixture(scope="module")
def files(parsed: Parsed) -> dict[str, str]:
    return site_files(parsed.report)


def test_the_schema_is_a_2020_12_schema() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


def test_served_in_the_site(files: dict[str, str]) -> None:
    assert SCHEMA_PATH == "schema/report.schema.json"
    assert files[SCHEMA_PATH] == schema_text()
    assert json.loads(files[SCHEMA_PATH]) == SCHEMA


def test_the_build_export_validates(files: dict[str, str]) -> None:
    assert _errors(json.loads(files["A-77-464.json"])) == []


def test_the_small_report_validates() -> None:
    assert _errors(to_data(analyse(parse(read_source(MINI)).report))) == []



def test_every_key_of_the_export_is_a_described_field(files: dict[str, str]) -> None:
    described = {f.path: f for f in fields(SCHEMA)}
    written = key_paths(json.loads(files["A-77-464.json"]))
    # Nested sub-paragraphs repeat the fields of their parent (a recursive definition).
    written = {p.replace("subparagraphs[].subparagraphs[]", "subparagraphs[]") for p in written}
    assert written <= set(described)
    assert all(f.description for f in described.values())
    # The bundled report uses almost every field a report has (no vote, no nested
    # sub-paragraph is in it); those only other kinds fill are checked in test_kinds_site.py.
    # Votes, votes on paragraphs, amendments and oral changes are in tests/test_votes.py;
    # draft decisions (A/77/464 has none) in tests/test_decisions.py.
    others = ("adoption.", "amendments[].", "resolutions[].annexes[].", "proposals[].vote.",
              "proposals[].paragraph_votes[]", "proposals[].amendments[]",
              "proposals[].oral_changes[]", "decisions[].")
    assert len(written) >= len([p for p in described if not p.startswith(others)]) - 8


def _described(node: Any, path: str = "") -> list[str]:
    """Paths of the properties without a description, anywhere in the schema."""
    missing: list[str] = []
    if isinstance(node, dict):
        for key, value in (node.get("properties") or {}).items():
            if not value.get("description"):
                missing.append(f"{path}.{key}")
        for key, value in node.items():
            missing += _described(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            missing += _described(value, f"{path}/{index}")
    return missing


def test_every_property_is_described() -> None:
    assert _described(SCHEMA) == []


def test_reference_kinds_are_the_parsers() -> None:
    kinds = SCHEMA["$defs"]["reference"]["properties"]["kind"]["enum"]
    assert set(kinds) == set(KINDS) - {"internal"}
    description = SCHEMA["$defs"]["reference"]["properties"]["kind"]["description"]
    assert all(kind in description for kind in kinds)


def _mutated(data: dict[str, Any], change: str) -> dict[str, Any]:
    out = copy.deepcopy(data)
    note = out["resolutions"][0]["footnotes"][0]
    if change == "restored":
        note["marked"] = "restored"
    elif change == "maybe":
        note["marked"] = "maybe"
    elif change == "extra":
        out["resolutions"][0]["operative"][0]["colour"] = "blue"
    elif change == "missing":
        del out["paragraphs"][0]["anchor"]
    elif change == "wrong type":
        out["proposals"][0]["adopted"] = "yes"
    elif change == "bad date":
        out["date"] = "30 November 2022"
    elif change == "bad anchor":
        out["resolutions"][0]["preambular"][0]["anchor"] = "PP 1"
    return out


@pytest.mark.parametrize(("change", "valid"), [
    ("restored", True),  # issue 13: a mark unreport restored
    ("maybe", False), ("extra", False), ("missing", False), ("wrong type", False),
    ("bad date", False), ("bad anchor", False),
])
def test_the_schema_constrains(files: dict[str, str], change: str, valid: bool) -> None:
    data = _mutated(json.loads(files["A-77-464.json"]), change)
    assert (_errors(data) == []) is valid


def test_readme_table_is_generated_from_the_schema() -> None:
    """The README's table (or, until it is merged, the proposed README text's) is generated."""
    readmes = [path for path in (ROOT / "README.md", ROOT / "README-issue-12.md")
               if path.is_file() and readme_table(path.read_text("utf-8")) is not None]
    assert readmes, f"no README has the markers {TABLE_START} … {TABLE_END}"
    for path in readmes:
        assert readme_table(path.read_text("utf-8")) == field_table(SCHEMA), (
            f"{path.name}: run python -m unreport.export.schema --write {path.name}")


def test_field_table_rows() -> None:
    table = field_table(SCHEMA)
    assert table.splitlines()[:2] == ["| Field | Meaning |", "|---|---|"]
    assert ("| `rapporteur{name, country}` | The committee's rapporteur, or null if the "
            "report names none. |") in table
    assert ("`resolutions[{number, title, page, parts[{label, title, anchor}], "
            "preambular[{number, anchor, text, footnotes[], part}], operative[{number, printed, "
            "anchor, text, footnotes[], subparagraphs[{label, anchor, text, footnotes[], "
            "subparagraphs[]}], part, verb, kind, addressees[], "
            "actions[{verb, addressees[]}], report{by, to, session}}], annexes[{number, anchor, "
            "title, blocks[{kind, label, anchor, text, footnotes[]}]}], footnotes[{number, text, "
            "marked}], cited_ga_resolutions[]}]`") in table
    assert len(table.splitlines()) == 2 + len(SCHEMA["properties"])


def test_write_readme_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n{TABLE_START}\nold\n{TABLE_END}\n\nafter\n", "utf-8")
    assert main(["--write", str(readme)]) == 0
    text = readme.read_text("utf-8")
    assert readme_table(text) == field_table(SCHEMA)
    assert text.startswith("# x\n\n") and text.endswith(f"{TABLE_END}\n\nafter\n")
    plain = tmp_path / "plain.md"
    plain.write_text("no markers\n", "utf-8")
    assert not write_readme_table(plain)
    assert main(["--write", str(plain)]) == 1
    assert "no markers" in capsys.readouterr().err
    assert main([]) == 0
    assert capsys.readouterr().out == field_table(SCHEMA)
