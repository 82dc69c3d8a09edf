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

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any


def can_fork() -> bool:
    """Whether jobs can run in a forked process here and now."""
    return hasattr(os, "fork") and sys.platform != "darwin" and \
        threading.active_count() == 1


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


def _run_child(jobs: list[Callable[[], Any]], write: int) -> None:
    """In the child: run each job, send its outcome, and leave without cleaning up."""
    status = 0
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
