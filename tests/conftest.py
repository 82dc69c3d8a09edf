"""Shared fixtures: the bundled report parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from unreport.parse import Parsed, parse
from unreport.source import bundled_path, read_source

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def parsed() -> Parsed:
    """A/77/464 as bundled, parsed."""
    return parse(read_source(bundled_path()))


@pytest.fixture(scope="session")
def source_lines() -> list[str]:
    """The bundled report's lines, for tests that edit a copy of it."""
    return bundled_path().read_text("utf-8").split("\n")
