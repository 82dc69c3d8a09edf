"""The package's shape: the stages in folders that say what they do, one process, and
one module that talks to MkDocs (issue: "One plain build, in a layout that shows the
pipeline")."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator" / "unreport"
STAGES = ("text", "parse", "restore", "references", "mandates", "site", "export", "publish",
          "collection", "versions")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_is_a_folder_that_says_what_comes_in_and_goes_out(stage: str) -> None:
    init = PACKAGE / stage / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text("utf-8")))
    assert docstring and len(docstring.split()) >= 20, f"{init} needs its paragraph"


def test_no_module_lies_loose_beside_the_stages() -> None:
    loose = {p.name for p in PACKAGE.glob("*.py")}
    assert loose <= {"__init__.py", "__main__.py", "cli.py", "model.py", "diagnostics.py",
                     "analysis.py", "addresses.py"}, loose


POOL = PACKAGE / "collection" / "document_build.py"
"""The one module that starts processes: a collection's documents, one process each."""


def test_one_process_no_fork_no_shared_memory_no_pickles() -> None:
    """A document is built in one process; only a collection's documents are built in a
    pool, each whole in its own *spawned* process (the natural grain, the same on every
    platform), from one module."""
    for path in _modules():
        text = path.read_text("utf-8")
        imported = _imports(path)
        allowed = {"multiprocessing"} if path == POOL else set()
        assert not ({"mmap", "pickle", "multiprocessing"} - allowed) & imported, path
        assert not re.search(r"\bos\.fork\b|\bfork\(", text), path
        if "ProcessPoolExecutor" in text:
            assert path == POOL, path
    assert 'multiprocessing.get_context("spawn")' in POOL.read_text("utf-8")


def test_only_the_mkdocs_adapter_imports_mkdocs() -> None:
    importing = sorted(p.relative_to(PACKAGE).as_posix() for p in _modules()
                       if any(m == "mkdocs" or m.startswith(("mkdocs.", "material"))
                              for m in _imports(p)))
    assert importing == ["publish/mkdocs_engine.py"]


def test_no_private_attribute_of_another_library_is_used() -> None:
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert node.module.startswith("unreport") or not private, (path, private)
