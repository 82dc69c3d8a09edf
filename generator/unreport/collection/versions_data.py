"""The versions' open data: ``versions.json`` (with its JSON Schema) and
``versions.csv``.

The JSON lists every line of versions and every comparison with every aligned pair:
its status, the anchors and addresses on both sides, the similarity and the word
diff as plain text (``[-deleted-]{+inserted+}``, the marks of ``git diff
--word-diff``). The CSV has one row per aligned pair, for a spreadsheet: UTF-8 with a
byte-order mark, cells Excel would run as a formula opened with an apostrophe, as
the documents' own tables (``export/csv_tables.py``). Addresses are relative to the
site's root (``A-RES-78-229/index.html#op-92``), as in ``collection.json``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from unreport.collection.comparison import comparison_url, row_id
from unreport.collection.index_json import string_field
from unreport.collection.versions import Comparison, Row, VersionRef, Versions
from unreport.export.csv_tables import BOM
from unreport.versions import Run
from unreport.versions.align import STATUSES

VERSIONS_JSON = "versions.json"
"""The JSON file's path from the site's root."""
VERSIONS_SCHEMA = "schema/versions.schema.json"
"""Its schema's path from the site's root."""
VERSIONS_CSV = "versions.csv"
"""The CSV file's path from the site's root."""

CSV_COLUMNS = ("older", "newer", "status", "old_anchor", "old_url", "new_anchor", "new_url",
               "score", "diff")
"""The CSV's columns; a split or merged pair's anchors and addresses are separated by
spaces."""

_MARKS = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def diff_text(runs: Iterable[Run]) -> str:
    """A row's runs in plain text: ``[-deleted-]{+inserted+}`` (as
    ``versions.diff_text``, from runs already computed)."""
    return "".join(_MARKS[run.op].format(run.text) for run in runs)


def _version(version: VersionRef) -> dict[str, Any]:
    return {"symbol": version.symbol, "name": version.name, "title": version.title,
            "session": version.session, "url": version.path,
            "adopted_as": version.adopted_as,
            "same_text": [f"{folder}/{page}" for folder, page in version.also]}


def _side(version: VersionRef, anchors: Sequence[str]) -> list[dict[str, str]]:
    return [{"anchor": a, "url": f"{version.path}#{a}"} for a in anchors]


def _pair(row: Row, comparison: Comparison) -> dict[str, Any]:
    pair = row.pair
    return {"id": row_id(row), "status": pair.status,
            "old": _side(comparison.older, pair.old), "new": _side(comparison.newer, pair.new),
            "score": round(pair.score, 4), "diff": diff_text(row.runs)}


def versions_json(versions: Versions, comparisons: Iterable[Comparison]) -> str:
    """``versions.json``."""
    data = {
        "$schema": VERSIONS_SCHEMA,
        "lines": [[_version(v) for v in line] for line in versions.lines],
        "comparisons": [{
            "older": c.older.path, "newer": c.newer.path, "url": comparison_url(c.newer),
            "evidence": c.step.evidence, "counts": c.counts(),
            "pairs": [_pair(row, c) for row in c.rows]} for c in comparisons],
        "warnings": list(versions.warnings),
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def versions_schema() -> str:
    """The JSON Schema of ``versions.json`` (draft 2020-12), each field described."""
    side = {"type": "array", "items": {
        "type": "object", "additionalProperties": False, "required": ["anchor", "url"],
        "properties": {"anchor": string_field("The paragraph's anchor (op-92)."),
                       "url": string_field("The paragraph's address.")}}}
    version = {
        "type": "object", "additionalProperties": False,
        "required": ["symbol", "name", "title", "session", "url", "adopted_as", "same_text"],
        "properties": {
            "symbol": string_field("The document holding the text (A/77/464)."),
            "name": string_field("The version's name (A/77/464, draft resolution VII)."),
            "title": string_field("Its title."),
            "session": {"type": "integer", "description": "Its session of the General "
                        "Assembly."},
            "url": string_field("Its page."),
            "adopted_as": string_field("The resolution it became, where the collection shows one "
                                  "it does not hold (A/RES/77/237).", True),
            "same_text": {"type": "array", "items": {"type": "string"}, "description":
                          "Pages of the collection that are this same version at another "
                          "stage (the report's draft of a resolution, a draft document)."}}}
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": VERSIONS_SCHEMA,
        "title": "Versions of the texts of a collection built by unreport, and what "
                 "changed between them",
        "type": "object",
        "additionalProperties": False,
        "required": ["lines", "comparisons", "warnings"],
        "properties": {
            "$schema": string_field("This schema's address."),
            "lines": {"type": "array", "description": "Each line of versions of one text, "
                      "oldest first.", "items": {"type": "array", "minItems": 2,
                                                 "items": version}},
            "comparisons": {"type": "array", "description": "Every pair of consecutive "
                            "versions, compared paragraph by paragraph.", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["older", "newer", "url", "evidence", "counts", "pairs"],
                "properties": {
                    "older": string_field("The earlier version's page."),
                    "newer": string_field("The later version's page."),
                    "url": string_field("The comparison page."),
                    "evidence": string_field("What shows that the later version follows the "
                                        "earlier."),
                    "counts": {"type": "object", "description": "How many aligned pairs "
                               "have each status.", "additionalProperties": False,
                               "properties": {s: {"type": "integer", "description":
                                                  f"Pairs {s}."} for s in STATUSES}},
                    "pairs": {"type": "array", "description": "Every aligned pair, in the "
                              "later version's order.", "items": {
                        "type": "object", "additionalProperties": False,
                        "required": ["id", "status", "old", "new", "score", "diff"],
                        "properties": {
                            "id": string_field("The pair's id on the comparison page: its new "
                                          "anchor, or removed- and its old anchor."),
                            "status": {"enum": list(STATUSES), "description": "kept (word "
                                       "for word), changed, added, removed, moved, split "
                                       "(one old, several new) or merged (several old, one "
                                       "new)."},
                            "old": {**side, "description": "The paragraphs of the earlier "
                                    "version (none for added)."},
                            "new": {**side, "description": "The paragraphs of the later "
                                    "version (none for removed)."},
                            "score": {"type": "number", "minimum": 0, "maximum": 1,
                                      "description": "Similarity of the two sides' words, "
                                      "1 when they read the same, 0 for added and "
                                      "removed."},
                            "diff": string_field("The later text with the changes marked "
                                            "[-deleted-]{+inserted+}; a removed "
                                            "paragraph's old text all deleted.")}}}}}},
            "warnings": {"type": "array", "items": {"type": "string"},
                         "description": "What the collection could not decide (two "
                         "candidates for one earlier version…)."},
        },
    }
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def _cell(value: str | float) -> str | float:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_rows(comparisons: Iterable[Comparison]) -> list[tuple[str | float, ...]]:
    """One row per aligned pair, in ``CSV_COLUMNS`` order."""
    rows: list[tuple[str | float, ...]] = []
    for c in comparisons:
        for row in c.rows:
            pair = row.pair
            rows.append((
                c.older.name, c.newer.name, pair.status, " ".join(pair.old),
                " ".join(f"{c.older.path}#{a}" for a in pair.old), " ".join(pair.new),
                " ".join(f"{c.newer.path}#{a}" for a in pair.new), round(pair.score, 4),
                diff_text(row.runs)))
    return rows


def versions_csv(comparisons: Iterable[Comparison]) -> str:
    """``versions.csv``: a header, then one row per aligned pair (``CSV_COLUMNS``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([_cell(v) for v in row] for row in csv_rows(comparisons))
    return BOM + out.getvalue()


def versions_files(versions: Versions, comparisons: Sequence[Comparison]) -> dict[str, str]:
    """Every data file: ``{path from the site's root: text}``."""
    return {VERSIONS_JSON: versions_json(versions, comparisons),
            VERSIONS_SCHEMA: versions_schema(),
            VERSIONS_CSV: versions_csv(comparisons)}
