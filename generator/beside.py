"""Work done in a second process beside the build, on a machine's second core.

A build's slow part is MkDocs turning pages into HTML, one after another. Some of
our own work does not feed it: the nothing-lost check must only pass before the
site is put in place, and the open data files (JSON, Akoma Ntoso, CSV) are only
copied. :func:`beside` runs such jobs, in order, in a child process forked from
this one (it sees the parsed report as it is, nothing is copied to start it),
while this process renders the pages and runs MkDocs; each job's result, or the
exception it raised, comes back through a pipe when asked for, in the same order.

Where forking is not safe — no ``os.fork`` (Windows), macOS (system libraries
that do not survive a fork), or a process with other threads running, such as
``unreport serve`` — the jobs simply run here, one by one, when their results are
asked for; the results are the same either way.
"""

from __future__ import annotations

import mmap
import os
import pickle
import shutil
import signal
import struct
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import IO, Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    """Whether jobs can run in a forked process here and now."""
    return hasattr(os, "fork") and sys.platform != "darwin" and \
        threading.active_count() == 1


def cores() -> int:
    """How many processors this process may run on."""
    affinity: Callable[[int], set[int]] | None = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


class Results:
    """The results of :func:`beside`'s jobs, taken in the order the jobs were given."""

    def __init__(self, jobs: list[Callable[[], Any]], pipe: IO[bytes] | None,
                 pid: int | None = None) -> None:
        self._jobs = jobs
        self._pipe = pipe
        self._taken = 0
        self.pid = pid
        """The process running the jobs; None when they run here."""

    @property
    def all_taken(self) -> bool:
        """Whether every job's result has been taken."""
        return self._taken == len(self._jobs)

    def next(self) -> Any:
        """The next job's result, waiting for it; the exception it raised is raised here."""
        job = self._jobs[self._taken]
        self._taken += 1
        if self._pipe is None:
            return job()
        try:
            ok, value = pickle.load(self._pipe)
        except EOFError:
            raise RuntimeError("the process working beside the build ended without "
                               "its result") from None
        if ok:
            return value
        raise value


    def rest(self) -> list[Any]:
        """The results of the jobs not taken yet, in order (the first exception raised)."""
        return [self.next() for _ in range(len(self._jobs) - self._taken)]


def _portable(error: BaseException) -> BaseException:
    """``error`` if it survives the pipe, else a RuntimeError saying what it was."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 — whatever stops an exception from being sent
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _stopped(signum: int, frame: object) -> None:
    """SIGTERM in the child: unwind, so that a job's own clean-up (its temporary files,
    its own second process) still happens."""
    raise SystemExit(1)


def _run_child(jobs: list[Callable[[], Any]], write: int) -> None:
    """In the child: run each job, send its outcome, and leave without the parent's
    clean-up (no atexit handlers, no flushing of buffers copied from it)."""
    status = 0
    signal.signal(signal.SIGTERM, _stopped)
    try:
        with os.fdopen(write, "wb") as pipe:
            for job in jobs:
                try:
                    outcome: tuple[bool, Any] = (True, job())
                except BaseException as error:  # noqa: BLE001 — sent to the parent
                    outcome = (False, _portable(error))
                pickle.dump(outcome, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                pipe.flush()
                if not outcome[0]:
                    break
    except BaseException:  # noqa: BLE001 — the parent gone (broken pipe), Ctrl+C
        status = 1
    finally:
        os._exit(status)  # no atexit handlers, no flushing of the parent's buffers


@contextmanager
def beside(*jobs: Callable[[], Any]) -> Iterator[Results]:
    """Run ``jobs`` in order in a forked process; yield their :class:`Results`.

    On leaving, a child whose results were not all taken is stopped and reaped.
    """
    if not can_fork():
        yield Results(list(jobs), None)
        return
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover — the child process; its outcomes are tested
        os.close(read)
        _run_child(list(jobs), write)
    os.close(write)
    pipe = os.fdopen(read, "rb")
    results = Results(list(jobs), pipe, pid)
    try:
        yield results
    finally:
        pipe.close()  # a child still writing gets a broken pipe and leaves
        try:
            if not results.all_taken:
                os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass


class Frontier:
    """Which pages each process converts, decided as they go: this process takes pages
    from the front of the build's order (as MkDocs reaches them), the second process
    from the back, until they meet.

    The two numbers live in memory shared across the fork, guarded by a lock made of
    a pipe holding one byte (taking the byte takes the lock).
    """

    def __init__(self, count: int) -> None:
        self._shared = mmap.mmap(-1, 8)  # anonymous and shared: the child sees our writes
        self._token_read, self._token_write = os.pipe()
        self._set(0, count)
        os.write(self._token_write, b"x")

    def _set(self, front: int, back: int) -> None:
        struct.pack_into("ii", self._shared, 0, front, back)

    @contextmanager
    def _locked(self) -> Iterator[tuple[int, int]]:
        os.read(self._token_read, 1)
        try:
            front, back = struct.unpack_from("ii", self._shared)
            yield front, back
        finally:
            os.write(self._token_write, b"x")

    def claim_front(self, index: int) -> bool:
        """Here: whether page ``index`` is ours to convert (else the second process has it)."""
        with self._locked() as (front, back):
            if index >= back:
                return False
            self._set(max(front, index + 1), back)
            return True

    def claim_back(self) -> int | None:
        """In the second process: the next page to convert, or None when they have met."""
        with self._locked() as (front, back):
            if back - 1 < front:
                return None
            self._set(front, back - 1)
            return back - 1

    def close(self) -> None:
        """Release the shared memory and the lock's pipe."""
        self._shared.close()
        os.close(self._token_read)
        os.close(self._token_write)


def map_next(function: Callable[[T], R], items: Sequence[T], frontier: Frontier,
             folder: Path) -> tuple[int, Path] | None:
    """In the second process: ``function`` of the next item from the back, if any is
    left, kept in a file of ``folder`` (a pipe holds only 64 KiB until read); returns
    the item's index and the file."""
    index = frontier.claim_back()
    if index is None:
        return None
    kept = folder / f"{index}.pickle"
    kept.write_bytes(pickle.dumps(function(items[index]), protocol=pickle.HIGHEST_PROTOCOL))
    return index, kept


def temporary_folder() -> Path | None:
    """A new folder for results too big for a pipe, or None if none can be made."""
    try:
        return Path(tempfile.mkdtemp(prefix="unreport-beside-"))
    except OSError:
        return None


def map_beside(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[function(item) for item in items]``, the items shared with a forked process.

    This process takes items from the front, the second one from the back, until they
    meet (:class:`Frontier`). ``function`` must not change anything outside its result.
    An exception is raised as the loop would raise it: that of the first item, in order,
    that raises one (the items the second process did not deliver are done here).
    Without a safe fork, a second core or a temporary folder, it is the plain loop.
    """
    count = len(items)
    folder = temporary_folder() if count > 1 and can_fork() and cores() > 1 else None
    if folder is None:
        return [function(item) for item in items]
    results: dict[int, R] = {}
    frontier = Frontier(count)
    try:
        job = partial(map_next, function, items, frontier, folder)
        with beside(*[job] * count) as later:
            for index in range(count):
                if not frontier.claim_front(index):
                    break
                results[index] = function(items[index])
            while len(results) < count and not later.all_taken:
                try:
                    done = later.next()
                    if done is None:
                        break
                    results[done[0]] = pickle.loads(done[1].read_bytes())
                except Exception:  # noqa: BLE001 — what it left undone is done below
                    break
    finally:
        frontier.close()
        shutil.rmtree(folder, ignore_errors=True)
    return [results[index] if index in results else function(items[index])
            for index in range(count)]
