"""``unreport serve`` as a person correcting a converted file uses it: the site is
served on 127.0.0.1, a saved change is built and served, a broken save gets its
message while the last good build stays on view, and Ctrl+C stops it cleanly."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from unreport.parse.source import bundled_path

pytestmark = pytest.mark.slow


class Session:
    """A running ``unreport serve`` and what it has printed so far."""

    def __init__(self, process: subprocess.Popen[str], log: Path) -> None:
        self.process = process
        self.log = log

    def output(self) -> str:
        return self.log.read_text("utf-8")

    def wait_for(self, what: Callable[[], bool], timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if what():
                return
            assert self.process.poll() is None, f"serve stopped:\n{self.output()}"
            time.sleep(0.2)
        raise AssertionError(f"timed out; serve printed:\n{self.output()}")

    @property
    def url(self) -> str:
        match = re.search(r"http://127\.0\.0\.1:\d+/", self.output())
        assert match, self.output()
        return match.group(0)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return str(response.read().decode("utf-8"))


def _ctrl_c_heard() -> None:
    """In the child: Ctrl+C (SIGINT) as a terminal delivers it. A shell without job
    control starts background commands with SIGINT ignored, and a child inherits that:
    a test suite run in the background would otherwise send a Ctrl+C nobody hears."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextmanager
def serving(tmp_path: Path, name: str, data: bytes) -> Iterator[tuple[Session, Path]]:
    """``unreport serve`` of a file ``name`` holding ``data``, in ``tmp_path``."""
    source = tmp_path / name
    source.write_bytes(data)
    log = tmp_path / "serve.log"
    (tmp_path / "tmp").mkdir()  # where serve builds: it must be left empty
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "unreport", "serve", str(source), "--port", "0"],
            stdout=out, stderr=subprocess.STDOUT, text=True, cwd=tmp_path,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "TMPDIR": str(tmp_path / "tmp")},
            preexec_fn=_ctrl_c_heard)
    running = Session(process, log)
    try:
        running.wait_for(lambda: "Serving the site on" in running.output())
        yield running, source
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[tuple[Session, Path]]:
    with serving(tmp_path, "report.md", bundled_path().read_bytes()) as running:
        yield running


def test_serve_rebuilds_when_the_pdf_changes(tmp_path: Path, corpus: Path) -> None:
    first = (corpus / "pdf" / "A_RES_78_229.pdf").read_bytes()
    with serving(tmp_path, "resolution.pdf", first) as (running, source):
        assert "78/229" in running.get("index.html")
        source.write_bytes((corpus / "pdf" / "A_RES_78_228.pdf").read_bytes())
        running.wait_for(lambda: "Rebuilt in" in running.output())
        assert "78/228" in running.get("index.html")

        source.write_bytes(first[: len(first) // 2])  # a download cut short
        running.wait_for(lambda: "The last good build stays on view" in running.output())
        assert "resolution.pdf" in running.output()
        assert "78/228" in running.get("index.html")
        running.process.send_signal(signal.SIGINT)
        assert running.process.wait(timeout=30) == 0
        assert "Traceback" not in running.output()


def test_serve_rebuilds_on_save_and_keeps_the_last_good_build(
        session: tuple[Session, Path], tmp_path: Path) -> None:
    running, source = session
    page = running.get("draft-resolutions/v.html")
    assert "the progress" in page and "__unreport__/generation" in page
    first = running.get("__unreport__/generation")

    text = source.read_text("utf-8")
    source.write_text(text.replace("Welcomes the progress", "Welcomes warmly the progress"),
                      "utf-8")
    running.wait_for(lambda: "Rebuilt in" in running.output())
    assert "warmly the progress" in running.get("draft-resolutions/v.html")
    assert running.get("__unreport__/generation") != first

    source.write_text(text[:100_000], "utf-8")  # a bad save: the file is cut short
    running.wait_for(lambda: "The last good build stays on view" in running.output())
    assert "report.md" in running.output() and "truncated" in running.output()
    assert "warmly the progress" in running.get("draft-resolutions/v.html")

    running.process.send_signal(signal.SIGINT)
    assert running.process.wait(timeout=30) == 0
    assert running.output().rstrip().endswith("Stopped.")
    assert "Traceback" not in running.output()
    assert {p.name for p in tmp_path.iterdir()} == {"report.md", "serve.log", "tmp"}
    assert list((tmp_path / "tmp").iterdir()) == []  # the builds were cleaned up
