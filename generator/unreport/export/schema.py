"""The published JSON Schema of the JSON export, and the field tables made from it.

The schema (JSON Schema draft 2020-12) is a file of the package,
``unreport/data/report.schema.json``, written by hand beside ``export.py`` and
served at ``schema/report.schema.json`` in the site. Every field has a
``description``; the README's field table and the Data page's field list are
generated from those descriptions (``field_table``, ``field_list``), so the
prose cannot drift from the schema, and the tests validate every export
against the schema, so the schema cannot drift from the JSON.

To add a field to the JSON (the mandates, for instance), add it to
``export.py`` and describe it here in the schema; ``python -m unreport.export.schema
--write README.md`` then rewrites the README's table between its markers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

SCHEMA_FILE = "report.schema.json"
"""The schema's file name, in the package and in the site."""
SCHEMA_PATH = f"schema/{SCHEMA_FILE}"
"""Where the site serves it."""
TABLE_START = "<!-- json-fields: generated from generator/unreport/data/report.schema.json -->"
TABLE_END = "<!-- /json-fields -->"
"""Markers around the generated table in the README."""

Schema = dict[str, Any]


def schema_text() -> str:
    """The schema as shipped (UTF-8 text)."""
    return resources.files("unreport.data").joinpath(SCHEMA_FILE).read_text("utf-8")


def load_schema() -> Schema:
    """The schema as data."""
    loaded: Schema = json.loads(schema_text())
    return loaded


def _resolve(schema: Schema, node: Schema) -> tuple[Schema, str | None]:
    """``node`` with a ``$ref`` followed (its own description kept), and the ref's name."""
    ref = node.get("$ref")
    if not ref:
        return node, None
    name = ref.rsplit("/", 1)[-1]
    target = dict(schema["$defs"][name])
    if "description" in node:
        target["description"] = node["description"]
    return target, name


def _types(node: Schema) -> list[str]:
    kind = node.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def type_name(schema: Schema, node: Schema) -> str:
    """A reader's name for a field's type: ``string or null``, ``array of objects``."""
    node, _ = _resolve(schema, node)
    if "enum" in node:
        values = node["enum"]
        if len(values) > 3 and all(isinstance(value, str) for value in values):
            return "string"  # a list of kinds: the description names them
        return " or ".join(json.dumps(value) for value in values)
    names = []
    for kind in _types(node):
        if kind == "array":
            items, _ = _resolve(schema, node.get("items", {}))
            inner = _types(items)
            names.append(f"array of {inner[0]}s" if len(inner) == 1 else "array")
        else:
            names.append(kind)
    return " or ".join(names)


def signature(schema: Schema, name: str, node: Schema, seen: tuple[str, ...] = ()) -> str:
    """A field with its nested fields: ``items[{label, anchor, text, footnotes[]}]``."""
    node, ref = _resolve(schema, node)
    if ref and ref in seen:
        return f"{name}[]" if "array" in _types(node) else name
    seen = (*seen, ref) if ref else seen
    if "array" in _types(node):
        items, item_ref = _resolve(schema, node.get("items", {}))
        if "object" in _types(items) and not (item_ref and item_ref in seen):
            return f"{name}[{_members(schema, items, (*seen, item_ref) if item_ref else seen)}]"
        return f"{name}[]"
    if "object" in _types(node) and node.get("properties"):
        return f"{name}{_members(schema, node, seen)}"
    return name


def _members(schema: Schema, node: Schema, seen: tuple[str, ...]) -> str:
    return "{" + ", ".join(signature(schema, key, value, seen)
                           for key, value in node["properties"].items()) + "}"


def field_table(schema: Schema) -> str:
    """The README's table: each top-level field with its nested fields, and its meaning."""
    rows = ["| Field | Meaning |", "|---|---|"]
    for name, node in schema["properties"].items():
        rows.append(f"| `{signature(schema, name, node)}` | {node['description']} |")
    return "\n".join(rows) + "\n"


@dataclass(frozen=True)
class Field:
    """One field of the JSON, however deep."""

    path: str
    """Where it is: ``resolutions[].operative[].anchor``."""
    type: str
    """Its type, as ``type_name`` writes it."""
    description: str
    """What it means (the schema's description)."""


def fields(schema: Schema) -> list[Field]:
    """Every field of the JSON in schema order, nested ones after their parent."""
    out: list[Field] = []

    def walk(node: Schema, prefix: str, seen: tuple[str, ...]) -> None:
        node, ref = _resolve(schema, node)
        if ref in seen:
            return
        seen = (*seen, ref) if ref else seen
        if "array" in _types(node):
            walk(node.get("items", {}), prefix + "[]", seen)
        for key, value in (node.get("properties") or {}).items():
            path = f"{prefix}.{key}" if prefix else key
            out.append(Field(path, type_name(schema, value),
                             _resolve(schema, value)[0].get("description", "")))
            walk(value, path, seen)

    walk(schema, "", ())
    return out


def field_list(schema: Schema, escape: Callable[[str], str]) -> str:
    """A Markdown table of every field (path, type, meaning), texts passed through ``escape``."""
    rows = ["| Field | Type | Meaning |", "|---|---|---|"]
    rows += [f"| `{f.path}` | {escape(f.type)} | {escape(f.description)} |"
             for f in fields(schema)]
    return "\n".join(rows) + "\n"


def readme_table(text: str) -> str | None:
    """The generated table found between the markers of a README, if it has them."""
    start, end = text.find(TABLE_START), text.find(TABLE_END)
    if start < 0 or end < start:
        return None
    return text[start + len(TABLE_START):end].strip("\n") + "\n"


def write_readme_table(path: Path) -> bool:
    """Replace the table between the markers of ``path``; False if it has no markers."""
    text = path.read_text("utf-8")
    if readme_table(text) is None:
        return False
    start = text.index(TABLE_START) + len(TABLE_START)
    end = text.index(TABLE_END)
    path.write_text(text[:start] + "\n" + field_table(load_schema()) + text[end:], "utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    """``python -m unreport.export.schema [--write README.md]``: print or rewrite the table."""
    parser = argparse.ArgumentParser(prog="python -m unreport.export.schema",
                                     description="Print the JSON field table generated from "
                                                 "the schema, or rewrite it in a README.")
    parser.add_argument("--write", metavar="README", help="rewrite the table between the "
                        f"markers {TABLE_START!r} and {TABLE_END!r} of this file")
    args = parser.parse_args(argv)
    if args.write:
        if not write_readme_table(Path(args.write)):
            print(f"{args.write}: no markers {TABLE_START} … {TABLE_END}; add them where the "
                  "table belongs.", file=sys.stderr)
            return 1
        return 0
    print(field_table(load_schema()), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
