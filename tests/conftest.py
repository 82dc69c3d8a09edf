"""Shared fixtures: the bundled report parsed once per test session; builds keep their
compiled templates in the session's own folder, not in the user's cache."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from unreport.parse import Parsed, parse
from unreport.parse.source import bundled_path, read_source
from unreport.publish.mkdocs_engine import CACHE_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every build of the session (and the processes it starts) caches templates here."""
    folder = tmp_path_factory.mktemp("template-cache")
    saved = os.environ.get(CACHE_VARIABLE)
    os.environ[CACHE_VARIABLE] = str(folder)
    yield folder
    if saved is None:
        os.environ.pop(CACHE_VARIABLE, None)
    else:
        os.environ[CACHE_VARIABLE] = saved


@pytest.fixture(scope="session")
def parsed() -> Parsed:
    """A/77/464 as bundled, parsed."""
    return parse(read_source(bundled_path()))


@pytest.fixture(scope="session")
def source_lines() -> list[str]:
    """The bundled report's lines, for tests that edit a copy of it."""
    return bundled_path().read_text("utf-8").split("\n")


CORPUS = ROOT.parent / "shared" / "corpus"
"""Real documents of the General Assembly beside the project (``pdf/``, ``reference-text/``):
test data, read in place and never copied into the project (see its README.md)."""


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder; a test that asks for it is skipped where the corpus is absent (a
    clone outside this workplace)."""
    if not (CORPUS / "pdf").is_dir():
        pytest.skip(f"the corpus of real UN PDFs is not at {CORPUS / 'pdf'} (test data kept "
                    "beside the project, not in it)")
    return CORPUS
