"""Atomic and reproducible builds (issue #5, part 5).

A site is built in a temporary folder and moved into place only on success:
a failed build — the nothing-lost check, a broken ``mkdocs.yml``, MkDocs
itself — leaves no new folder and the previous site as it was. Two builds of
the same input are byte-identical, the compressed sitemap included.
"""

from __future__ import annotations

import calendar
import dataclasses
import gzip
import json
import os
import re
import struct
from pathlib import Path

import pytest
from unreport import cli
from unreport import parse as parse_module
from unreport.parse import Parsed, parse
from unreport.parse.source import bundled_path, read_source
from unreport.publish.build import BuildError, BuildSettings, build_site
from unreport.publish.ownership import MARKER as OWNED

MARKER = "previous-site.txt"


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    return parse(read_source(bundled_path()))


def files(site: Path) -> dict[str, bytes]:
    """Every file of a site by its path inside the site."""
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def old_site(parent: Path) -> Path:
    """A site from an earlier build: unreport's marker, listing the files it wrote."""
    site = parent / "site"
    site.mkdir(parents=True)
    (site / MARKER).write_text("built yesterday", "utf-8")
    (site / "index.html").write_text("<p>old</p>", "utf-8")
    (site / OWNED).write_text(json.dumps({"tool": "unreport", "files": [MARKER, "index.html"]}),
                              "utf-8")
    return site


def assert_untouched(site: Path, before: list[str]) -> None:
    """The old site is as it was and nothing new (no temporary folder) is beside it."""
    assert (site / MARKER).read_text("utf-8") == "built yesterday"
    assert (site / "index.html").read_text("utf-8") == "<p>old</p>"
    assert sorted(p.name for p in site.parent.iterdir()) == before
    assert json.loads((site / OWNED).read_text("utf-8"))["files"] == [MARKER, "index.html"]


def broken_config(folder: Path, config: str) -> Path:
    """A MkDocs configuration (for --config) that makes the build fail."""
    folder.mkdir()
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    return folder / "mkdocs.yml"


@pytest.fixture(scope="module")
def two_builds(parsed: Parsed, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The real report built twice; the second time over an old site, at another time."""
    first = tmp_path_factory.mktemp("first") / "site"
    build_site(parsed.report, first)
    second = old_site(tmp_path_factory.mktemp("second"))
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "0"  # the report's date must win over the clock
    try:
        build_site(parsed.report, second)
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return first, second


# --- reproducible --------------------------------------------------------------------------


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = (files(site) for site in two_builds)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_sitemap_is_dated_by_the_report(two_builds: tuple[Path, Path], parsed: Parsed) -> None:
    """MkDocs dates the sitemap (and its gzip header) from SOURCE_DATE_EPOCH: the report's date."""
    first, second = two_builds
    assert parsed.report.date is not None
    epoch = calendar.timegm(parsed.report.date.timetuple())
    packed = (first / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", packed[4:8])[0] == epoch  # gzip header: MTIME
    sitemap = (first / "sitemap.xml").read_text("utf-8")
    assert gzip.decompress(packed).decode("utf-8") == sitemap
    for lastmod in re.findall(r"<lastmod>(.*?)</lastmod>", sitemap):  # only with a site_url
        assert lastmod == parsed.report.date.isoformat()
    assert packed == (second / "sitemap.xml.gz").read_bytes()


def test_successful_build_replaces_the_old_site(two_builds: tuple[Path, Path]) -> None:
    _, second = two_builds
    assert not (second / MARKER).exists()
    assert (second / "index.html").stat().st_size > 1000
    assert sorted(p.name for p in second.parent.iterdir()) == ["site"]


# --- atomic ----------------------------------------------------------------------------------


def test_mkdocs_failure_leaves_the_old_site(parsed: Parsed, tmp_path: Path) -> None:
    config = broken_config(tmp_path / "project", "site_name: x\ntheme:\n  name: no-such-theme\n")
    site = old_site(tmp_path / "out")
    before = sorted(p.name for p in site.parent.iterdir())
    with pytest.raises(BuildError, match="MkDocs could not build the site"):
        build_site(parsed.report, site, BuildSettings(config=config))
    assert_untouched(site, before)


def test_mkdocs_failure_without_an_old_site_leaves_nothing(parsed: Parsed, tmp_path: Path) -> None:
    config = broken_config(tmp_path / "project", "site_name: x\ntheme:\n  name: no-such-theme\n")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(BuildError):
        build_site(parsed.report, out / "site", BuildSettings(config=config))
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("config", [
    "site_name: x\ntheme:\n  name: no-such-theme\n",
    "site_name: x\nmarkdown_extensions:\n  - no_such_extension\n",
    "site_name: [unclosed\n",
    "- just\n- a list\n",
], ids=["unknown-theme", "unknown-extension", "bad-yaml", "not-a-mapping"])
def test_exit_code_3_when_mkdocs_fails(config: str, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Exit code 3, a message, no traceback, and the previous site untouched."""
    config_file = broken_config(tmp_path / "project", config)
    site = old_site(tmp_path / "out")
    before = sorted(p.name for p in site.parent.iterdir())
    monkeypatch.chdir(config_file.parent)
    code = cli.main(["build", "--site-dir", str(site), "--config", str(config_file)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_BUILD == 3
    assert "error: " in err
    assert "mkdocs" in err.lower()
    assert "Traceback" not in err
    assert_untouched(site, before)


def losing_a_paragraph(parsed: Parsed) -> Parsed:
    """The report with its fourth paragraph dropped: the nothing-lost check fails."""
    report = parsed.report
    return dataclasses.replace(parsed, report=dataclasses.replace(
        report, paragraphs=report.paragraphs[:3] + report.paragraphs[4:]))


def test_nothing_lost_failure_leaves_the_old_site(parsed: Parsed, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(parse_module, "parse", lambda _source: losing_a_paragraph(parsed))
    site = old_site(tmp_path / "out")
    before = sorted(p.name for p in site.parent.iterdir())
    code = cli.main(["build", "--site-dir", str(site)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_SOURCE
    assert "nothing-lost check failed" in err
    assert "Traceback" not in err
    assert_untouched(site, before)


def test_source_error_leaves_the_old_site(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    truncated = tmp_path / "truncated.md"
    truncated.write_bytes(bundled_path().read_bytes()[:150_000])
    site = old_site(tmp_path / "out")
    before = sorted(p.name for p in site.parent.iterdir())
    code = cli.main(["build", str(truncated), "--site-dir", str(site)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_SOURCE
    assert "truncated" in err
    assert_untouched(site, before)


def test_a_failed_check_outranks_a_failed_mkdocs(parsed: Parsed, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """The check runs before MkDocs; when both would fail, the source's problem is the one told."""
    monkeypatch.setattr(parse_module, "parse", lambda _source: losing_a_paragraph(parsed))
    config = broken_config(tmp_path / "project", "site_name: x\ntheme:\n  name: no-such-theme\n")
    site = old_site(tmp_path / "out")
    before = sorted(p.name for p in site.parent.iterdir())
    code = cli.main(["build", "--site-dir", str(site), "--config", str(config)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_SOURCE
    assert "nothing-lost check failed" in err
    assert_untouched(site, before)
