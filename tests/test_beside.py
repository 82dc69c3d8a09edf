"""Work beside the build (``beside.py``) and the compiled-template cache (``mkdocs_plugin.py``).

The jobs run in a forked process where that is safe and here otherwise; either
way their results, and the exceptions they raise, arrive in order and unchanged.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest
from unreport import beside as beside_module
from unreport.beside import beside, can_fork, map_beside
from unreport.build import build_site, with_our_plugin
from unreport.diagnostics import SourceError
from unreport.mkdocs_plugin import CACHE_VARIABLE, cache_dir
from unreport.parse import Parsed, parse
from unreport.source import bundled_path, read_source


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even if an earlier test left a thread running (the browser tests' server):
    the jobs here touch nothing a thread could hold."""
    if not hasattr(os, "fork") or sys.platform == "darwin":
        pytest.skip("beside.py does not fork on Windows and macOS")
    monkeypatch.setattr(beside_module, "can_fork", lambda: True)


class Unpicklable(Exception):
    """An exception that cannot cross a pipe: it holds a lock."""

    def __init__(self) -> None:
        super().__init__("holds a lock")
        self.lock = threading.Lock()


def pid() -> int:
    return os.getpid()


def test_jobs_run_in_another_process_and_results_come_in_order(forking: None) -> None:
    big = "x" * 3_000_000  # more than a pipe holds: the child waits for the reader
    with beside(pid, lambda: big, lambda: {"a": (1, 2)}) as later:
        assert later.next() != os.getpid()
        assert later.next() == big
        assert later.next() == {"a": (1, 2)}


def test_a_source_error_arrives_whole(forking: None) -> None:
    def fails() -> None:
        raise SourceError("report.md", "the file ends inside draft resolution II.", 120)

    with beside(fails) as later, pytest.raises(SourceError) as caught:
        later.next()
    assert (caught.value.path, caught.value.line) == ("report.md", 120)
    assert str(caught.value) == "report.md:120: the file ends inside draft resolution II."


def test_an_exception_that_cannot_travel_is_named(forking: None) -> None:
    def fails() -> None:
        raise Unpicklable

    with beside(fails) as later, pytest.raises(RuntimeError, match="Unpicklable: holds a lock"):
        later.next()


def test_a_child_whose_results_are_not_taken_is_stopped_and_reaped(forking: None) -> None:
    with beside(lambda: time.sleep(60)) as later:
        started = time.perf_counter()
        assert later.pid is not None
    assert time.perf_counter() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(later.pid, os.WNOHANG)  # reaped: no child left behind


def test_a_stopped_child_still_cleans_up(forking: None, tmp_path: Path) -> None:
    """A job's own clean-up runs when the child is stopped (its temporary files go)."""
    started, cleaned = tmp_path / "started", tmp_path / "cleaned"

    def long_job() -> None:
        try:
            started.write_text("yes", "utf-8")
            time.sleep(30)
        finally:
            cleaned.write_text("yes", "utf-8")

    begun = time.monotonic()
    with beside(long_job):
        while not started.exists() and time.monotonic() - begun < 10:
            time.sleep(0.01)
    assert cleaned.exists()
    assert time.monotonic() - begun < 10


def test_without_fork_the_jobs_run_here_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(beside_module, "can_fork", lambda: False)
    ran: list[str] = []
    with beside(lambda: ran.append("first") or pid(), lambda: ran.append("second")) as later:
        assert ran == []
        assert later.next() == os.getpid()
        assert ran == ["first"]


def test_no_fork_while_other_threads_run() -> None:
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert not can_fork()
    finally:
        stop.set()
        worker.join()


# --- a loop shared with the second process ---------------------------------------------


def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_a_shared_loop_gives_the_loops_results_in_order(forking: None,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(beside_module, "cores", lambda: 2)
    items = list(range(40))
    results = map_beside(lambda n: (square_and_pid(n), time.sleep(0.01))[0], items)
    assert [square for square, _ in results] == [n * n for n in items]
    assert {who for _, who in results} - {os.getpid()}  # the second process did some
    assert map_beside(square_and_pid, []) == []
    assert map_beside(square_and_pid, [3]) == [(9, os.getpid())]


def test_a_shared_loop_raises_as_the_loop_would(forking: None,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The first item in order that fails is the one told, whichever process met it."""
    monkeypatch.setattr(beside_module, "cores", lambda: 2)

    def fails_on_30_and_35(n: int) -> int:
        time.sleep(0.01)
        if n in (30, 35):
            raise SourceError("report.md", f"item {n}", n)
        return n

    with pytest.raises(SourceError) as caught:
        map_beside(fails_on_30_and_35, list(range(40)))
    assert caught.value.line == 30


def test_without_a_temporary_folder_a_shared_loop_is_the_plain_loop(
        forking: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_folder(**_: object) -> str:
        raise PermissionError("no temporary folder here")

    monkeypatch.setattr(beside_module, "cores", lambda: 2)
    monkeypatch.setattr(beside_module.tempfile, "mkdtemp", no_folder)
    assert map_beside(square_and_pid, [1, 2, 3]) == [(n * n, os.getpid()) for n in (1, 2, 3)]


def test_parsed_the_same_with_the_work_shared(forking: None,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Drafts frozen and lost marks restored in two processes: the same model and warnings."""
    monkeypatch.setattr(beside_module, "cores", lambda: 2)
    shared = parse(read_source(bundled_path()))
    monkeypatch.setattr(beside_module, "can_fork", lambda: False)
    alone = parse(read_source(bundled_path()))
    assert shared == alone
    assert shared.warnings == alone.warnings and len(alone.warnings) > 10


# --- the template cache ------------------------------------------------------------------


def test_our_plugin_is_added_to_any_plugins_setting() -> None:
    assert with_our_plugin(None) == ["search", "unreport"]
    assert with_our_plugin([{"search": {"lang": "fr"}}, "tags"]) == \
        [{"search": {"lang": "fr"}}, "tags", "unreport"]
    assert with_our_plugin(["search", "unreport"]) == ["search", "unreport"]
    assert with_our_plugin({"search": {}}) == {"search": {}, "unreport": {}}


def test_cache_folder_can_be_moved_or_turned_off(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.setenv(CACHE_VARIABLE, "")
    assert cache_dir() is None
    monkeypatch.delenv(CACHE_VARIABLE)
    assert cache_dir() is not None and cache_dir().name == "templates"  # type: ignore[union-attr]


@pytest.mark.slow
def test_builds_with_and_without_the_cache_are_identical(parsed: Parsed, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Cold cache, warm cache, a cache folder that cannot be written, no cache: same site."""
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(cache))
    build_site(parsed.report, tmp_path / "cold")
    assert any(cache.glob("*.jinja"))
    build_site(parsed.report, tmp_path / "warm")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", "utf-8")
    monkeypatch.setenv(CACHE_VARIABLE, str(blocked / "cache"))
    build_site(parsed.report, tmp_path / "blocked")
    monkeypatch.setenv(CACHE_VARIABLE, "")
    build_site(parsed.report, tmp_path / "none")

    def files(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes()
                for p in sorted(site.rglob("*")) if p.is_file()}

    cold = files(tmp_path / "cold")
    for other in ("warm", "blocked", "none"):
        assert files(tmp_path / other) == cold, other
