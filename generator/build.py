"""Stage 6, build: write the pages and let MkDocs make the site — atomically.

This is the only stage that writes to disk. The site is built in a temporary
folder beside the target and moved into place only when MkDocs succeeds, so a
failed build leaves the previous site untouched and no half-written folder.
MkDocs is run as a program (``python -m mkdocs build``) with a configuration
derived from the project's ``mkdocs.yml``: the generator depends on the
Markdown it writes, not on MkDocs internals.
"""

from __future__ import annotations

import calendar
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.crossrefs import build_layer
from generator.export import to_json
from generator.markdown_text import html_nav, html_text
from generator.model import Report
from generator.render import nav, render
from generator.search_index import rewrite as rewrite_search_index

MANIFEST = ".generated"
"""File in the docs folder listing the pages ``unreport generate`` wrote there."""


class BuildError(Exception):
    """MkDocs failed; the message carries its output."""


class UnsafeTarget(Exception):
    """The site folder named would replace something that is not a site."""


def check_target(site_dir: Path, project: Path) -> None:
    """Refuse a site folder whose replacement would delete the project or other files.

    The build replaces the folder whole, so it must be new, empty, or a site an
    earlier build wrote — never the project, its docs, the current or home folder,
    or a folder that holds any of them.
    """
    target = site_dir.resolve()
    for keep in (project.resolve(), (project / "docs").resolve(), Path.cwd().resolve(),
                 Path.home().resolve()):
        if target == keep or target in keep.parents:
            raise UnsafeTarget(f"{site_dir}: refusing to build the site there, since replacing "
                               f"it would delete {keep}. Give a new folder, e.g. --site-dir site.")
    if target.exists() and not target.is_dir():
        raise UnsafeTarget(f"{site_dir}: is a file, not a folder. Give a folder for the site.")
    if target.is_dir() and any(target.iterdir()) and not (target / "index.html").is_file():
        raise UnsafeTarget(f"{site_dir}: exists and is not a site (it has no index.html), so "
                           "unreport will not replace it. Give a new or empty folder.")


@dataclass(frozen=True)
class Timings:
    """Seconds spent in each stage of a build."""

    render: float
    """Rendering pages and JSON."""
    mkdocs: float
    """MkDocs building the site."""


def site_files(report: Report) -> dict[str, str]:
    """Everything generated for the docs folder: pages and the JSON export."""
    layer = build_layer(report)
    files = render(report, layer)
    files[f"{report.symbol.slug}.json"] = to_json(report, layer)
    return files


def write_files(files: dict[str, str], out: Path) -> None:
    """Write generated files into ``out``, removing what an earlier run wrote there."""
    manifest = out / MANIFEST
    if manifest.exists():
        for name in manifest.read_text("utf-8").splitlines():
            stale = out / name
            if name and stale.is_file() and name not in files:
                stale.unlink()
    for name, text in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text("\n".join(sorted(files)) + "\n", "utf-8")


def _copy_handwritten(docs: Path, target: Path) -> None:
    generated: set[str] = set()
    manifest = docs / MANIFEST
    if manifest.exists():
        generated = set(manifest.read_text("utf-8").split())
    if not docs.is_dir():
        target.mkdir(parents=True)
        return
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs).as_posix()
        if path.is_dir() or relative in generated or relative == MANIFEST:
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)


def mkdocs_config(project: Path, docs: Path, site: Path, report: Report,
                  extra_nav: list[object]) -> dict[str, Any]:
    """The project's mkdocs.yml with paths made absolute and the report's name and nav."""
    try:
        with (project / "mkdocs.yml").open(encoding="utf-8") as handle:
            config: dict[str, Any] = yaml.safe_load(handle)
    except (OSError, ValueError, yaml.YAMLError) as error:
        raise BuildError(f"{project / 'mkdocs.yml'}: cannot be read as YAML ({error}). "
                         "Fix the file or restore it from version control.") from None
    if not isinstance(config, dict):
        raise BuildError(f"{project / 'mkdocs.yml'}: is not a MkDocs configuration (a YAML "
                         "mapping). Fix the file or restore it from version control.")
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((project / theme["custom_dir"]).resolve())
    config["theme"] = theme
    # Templates print these as HTML: the report's titles must arrive escaped.
    config["site_name"] = html_text(f"{report.symbol}: {report.title}")
    config["nav"] = html_nav(nav(report)) + extra_nav
    return config


def _handwritten_nav(docs: Path) -> list[object]:
    """Hand-written pages in docs/ go after the generated ones, in name order."""
    entries: list[object] = []
    for page in sorted(docs.glob("*.md")):
        title = page.stem.replace("-", " ").capitalize()
        for line in page.read_text("utf-8").splitlines():
            if line.startswith("# "):
                title = line[2:].split("{")[0].strip()
                break
        entries.append({title: page.name})
    return entries


def build_site(report: Report, project: Path, site_dir: Path,
               extra_files: dict[str, str] | None = None,
               adjust_config: Callable[[dict[str, Any]], None] | None = None) -> Timings:
    """Generate the pages and build the site into ``site_dir``; all or nothing.

    ``adjust_config`` may change the derived MkDocs configuration in place (the
    offline bundle adds plugins with it).
    """
    check_target(site_dir, project)
    started = time.perf_counter()
    files = site_files(report)
    files.update(extra_files or {})
    rendered = time.perf_counter()
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".unreport-", dir=site_dir.parent))
    try:
        docs = work / "docs"
        _copy_handwritten(project / "docs", docs)
        extra_nav = _handwritten_nav(docs)
        write_files(files, docs)
        (docs / MANIFEST).unlink()
        config = mkdocs_config(project, docs, work / "site", report, extra_nav)
        if adjust_config:
            adjust_config(config)
        config_path = work / "mkdocs.yml"
        config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                               "utf-8")
        run_mkdocs(config_path, report)
        rewrite_search_index(work / "site")
        built = time.perf_counter()
        _swap_into_place(work / "site", site_dir, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Timings(rendered - started, built - rendered)


def run_mkdocs(config_path: Path, report: Report) -> None:
    """Run ``mkdocs build --strict``; dates in the output come from the report."""
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "true"  # Material's banner about MkDocs 2.0 is not our output
    if report.date:
        # Reproducible output: MkDocs dates the sitemap with SOURCE_DATE_EPOCH when set.
        env["SOURCE_DATE_EPOCH"] = str(calendar.timegm(report.date.timetuple()))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_path)],
        capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise BuildError(f"MkDocs could not build the site:\n{output}")


def _swap_into_place(new_site: Path, site_dir: Path, work: Path) -> None:
    old = work / "previous-site"
    if site_dir.exists():
        site_dir.rename(old)
    try:
        new_site.rename(site_dir)
    except OSError:
        if old.exists():
            old.rename(site_dir)
        raise
