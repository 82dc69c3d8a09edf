"""Proof of ownership: unreport replaces or writes into a folder only if it made it.

Every folder unreport writes (a built site, the pages of ``unreport generate``)
gets a small marker file, :data:`MARKER`, naming the tool and its version, the
report (symbol, date, the SHA-256 of the source file) and every file written.
Before writing, :func:`check_site_dir` and :func:`check_out_dir` look at the
folder: a new or empty one is fine; one holding a marker is fine as long as
nothing else is there that unreport would delete or overwrite; anything else
is refused with a sentence saying why, and the folder is left as it is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

MARKER = ".unreport.json"
"""The marker file at the top of every folder unreport writes."""
ZIP_COMMENT = b"unreport offline bundle"
"""The comment of every zip unreport writes: its marker."""
SHOWN = 3
"""How many of someone else's files a refusal names."""


class UnsafeTarget(Exception):
    """The folder named holds files that unreport did not write; nothing was touched."""


def version() -> str:
    """The installed version of unreport."""
    try:
        return metadata.version("unreport")
    except metadata.PackageNotFoundError:  # run from a checkout without installing it
        return "0+unknown"


@dataclass(frozen=True)
class Stamp:
    """What a marker says about the report a folder was made from."""

    symbol: str
    """Document symbol, e.g. ``A/77/464``."""
    date: dt.date | None
    """The report's date of issue."""
    source_sha256: str
    """SHA-256 of the source file."""

    def marker(self, files: dict[str, str], build_key: str | None = None) -> str:
        """The marker's text for a folder holding ``files`` ({path: SHA-256})."""
        return json.dumps({
            "tool": "unreport", "version": version(), "symbol": self.symbol,
            "report_date": self.date.isoformat() if self.date else None,
            "source_sha256": self.source_sha256,
            "build_key": build_key,
            "files": {name: files[name] for name in sorted(files) if name != MARKER},
        }, ensure_ascii=False, indent=1) + "\n"


def sha256_of(data: bytes) -> str:
    """A file's SHA-256, as the marker records it."""
    return hashlib.sha256(data).hexdigest()


def file_digests(folder: Path) -> dict[str, str]:
    """``{path: SHA-256}`` of every file in ``folder`` but the marker."""
    return {name: sha256_of((folder / name).read_bytes()) for name in _files(folder)
            if name != MARKER}


def read_marker(folder: Path) -> dict[str, Any] | None:
    """The marker an earlier run left in ``folder``; None without one."""
    try:
        data = json.loads((folder / MARKER).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("tool") == "unreport" else None


def written_by_unreport(folder: Path) -> set[str] | None:
    """The files an earlier run listed in ``folder``'s marker; None without a marker."""
    data = read_marker(folder)
    return None if data is None else {str(name) for name in data.get("files") or []}


def _files(folder: Path) -> list[str]:
    """Every file under ``folder``, as a path relative to it (``os.walk``: a collection's
    site has some 50,000 files, which ``Path.rglob`` takes seconds to list)."""
    found: list[str] = []
    for root, _, names in os.walk(folder):
        prefix = os.path.relpath(root, folder).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found.extend(prefix + name for name in names)
    return sorted(found)


def _named(shown: str, names: list[str]) -> str:
    listed = ", ".join(names[:SHOWN]) + (f" and {len(names) - SHOWN} more"
                                         if len(names) > SHOWN else "")
    return f"{shown} holds files that unreport did not write ({listed})"


def _check_place(folder: Path, shown: str, protected: Iterable[Path]) -> None:
    target = folder.resolve()
    for keep in protected:
        keep = keep.resolve()
        if target == keep or target in keep.parents:
            raise UnsafeTarget(f"{shown}: refusing to write there, since that would replace "
                               f"{keep}. Give a new folder.")
    if target.exists() and not target.is_dir():
        raise UnsafeTarget(f"{shown}: is a file, not a folder. Give a new or empty folder.")


def check_site_dir(folder: Path, shown: str, protected: Iterable[Path] = ()) -> None:
    """Refuse a site folder that unreport may not replace whole.

    Allowed: a folder that does not exist, an empty one, or one whose every file
    is listed in the marker of an earlier build. ``protected`` folders (the
    current and home folders, the installation) are refused with their parents.
    """
    _check_place(folder, shown, [Path.cwd(), Path.home(), *protected])
    if not folder.is_dir():
        return
    present = _files(folder)
    if not present:
        return
    ours = written_by_unreport(folder)
    if ours is None:
        raise UnsafeTarget(f"{_named(shown, present)}, so unreport will not replace it. "
                           "Give a new or empty folder, or one an earlier 'unreport build' "
                           "wrote.")
    foreign = [name for name in present if name not in ours and name != MARKER]
    if foreign:
        raise UnsafeTarget(f"{_named(shown, foreign)} since it last built the site there, "
                           "and replacing the site would delete them. Move them elsewhere, "
                           "or give another folder.")


def check_out_dir(folder: Path, shown: str, names: Iterable[str] = (),
                  protected: Iterable[Path] = ()) -> None:
    """Refuse a pages folder that unreport may not write into.

    Allowed: a new or empty folder, or one with a marker from an earlier run; in
    the latter, a file that would be written (``names``) must be one the marker
    lists, so that nothing of anyone else's is overwritten.
    """
    _check_place(folder, shown, [Path.home(), *protected])
    if not folder.is_dir():
        return
    present = _files(folder)
    if not present:
        return
    ours = written_by_unreport(folder)
    if ours is None:
        raise UnsafeTarget(f"{_named(shown, present)}, so unreport will not write into it. "
                           "Give a new or empty folder, or one an earlier 'unreport generate' "
                           "wrote.")
    clashes = [name for name in sorted(names) if (folder / name).exists() and name not in ours]
    if clashes:
        raise UnsafeTarget(f"{_named(shown, clashes)} and would overwrite them. Move them "
                           "elsewhere, or give another folder.")


def check_zip_output(path: Path, shown: str) -> None:
    """Refuse to overwrite a file that is not an offline bundle unreport wrote."""
    if path.is_dir():
        raise UnsafeTarget(f"{shown}: is a folder. Give the path of the zip file to write, "
                           "e.g. --output A-77-464.zip.")
    if not path.exists():
        return
    try:
        with zipfile.ZipFile(path) as archive:
            ours = archive.comment.startswith(ZIP_COMMENT)
    except (OSError, zipfile.BadZipFile):
        ours = False
    if not ours:
        raise UnsafeTarget(f"{shown}: exists and is not an offline bundle that unreport wrote, "
                           "so unreport will not overwrite it. Give another file name.")
