"""Golden files for rendered pages of a small synthetic report.

The fixture ``tests/fixtures/mini-report.md`` has one of each thing: a page
footer inside a paragraph, footnotes in three forms, (a)/(i) sub-paragraphs,
a sponsor list with "and" inside names, and markup that must stay text.

To accept a deliberate change in the output, run

    UNREPORT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py

and review the diff of ``tests/golden/`` before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from unreport.parse import parse
from unreport.parse.source import read_source
from unreport.publish.build import site_files

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"


@pytest.fixture(scope="module")
def mini_files() -> dict[str, str]:
    return site_files(parse(read_source(HERE / "fixtures" / "mini-report.md")).report)


@pytest.mark.parametrize(("page", "golden"), [
    ("index.md", "mini-index.md"),
    ("draft-resolutions/i.md", "mini-i.md"),
    ("A-99-1.json", "mini.json"),
    ("A-99-1.akn.xml", "mini.akn.xml"),
    ("data/paragraphs.csv", "mini-paragraphs.csv"),
])
def test_golden(mini_files: dict[str, str], page: str, golden: str) -> None:
    path = GOLDEN / golden
    if os.environ.get("UNREPORT_UPDATE_GOLDEN"):
        path.write_text(mini_files[page], "utf-8")
    assert mini_files[page] == path.read_text("utf-8"), (
        f"{page} differs from {path}; if the change is intended, run "
        "UNREPORT_UPDATE_GOLDEN=1 pytest tests/test_golden.py and review the diff")


def test_repeated_draft_number_keeps_both_pages(tmp_path: Path) -> None:
    text = (HERE / "fixtures" / "mini-report.md").read_text("utf-8")
    text += ("\n# Draft resolution I Another title\n\nThe General Assembly,\n\n"
             "- 1. Decides to test again.\n")
    path = tmp_path / "twice.md"
    path.write_text(text, "utf-8")
    parsed = parse(read_source(path))
    files = site_files(parsed.report)
    assert "draft-resolutions/i.md" in files and "draft-resolutions/i-2.md" in files
    assert "Decides" in files["draft-resolutions/i-2.md"]
    assert any("draft resolution I where draft resolution II was expected" in str(w)
               for w in parsed.warnings)
