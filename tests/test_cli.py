"""The command line as a user meets it: usage, exit codes, folders it must not touch,
hosting options, and output that fits on a screen.

Every folder given as where to write is either new, empty, or one unreport wrote
(its marker ``.unreport.json`` lists every file); anything else is refused with
exit code 2 before the source is even read, and left exactly as it was.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

import pytest
from unreport import cli
from unreport.parse.source import bundled_path
from unreport.publish.ownership import MARKER


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def someone_elses(folder: Path) -> dict[str, bytes]:
    """A folder of a user's own files, with an index.html of their own."""
    (folder / "photos").mkdir(parents=True)
    (folder / "index.html").write_text("<h1>My own home page</h1>", "utf-8")
    (folder / "notes.txt").write_text("keep me", "utf-8")
    (folder / "photos" / "cat.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a cat")
    return snapshot(folder)


# --- usage -------------------------------------------------------------------------------


def test_bare_command_prints_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([], capsys)
    assert code == cli.EXIT_USAGE == 2
    assert err.startswith("usage: unreport")
    assert "build" in err and "generate" in err and "bundle" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        cli.main(["--version"])
    assert raised.value.code == 0
    assert re.fullmatch(r"unreport \S+\n", capsys.readouterr().out)


@pytest.mark.parametrize("argv, expected", [
    (["build", "missing.md"], "missing.md: no such file"),
    (["build", "--config", "missing.yml"], "--config missing.yml: no such file"),
    (["build", "--site-url", "example.org/x"], "give the site's public address"),
    (["bundle", "--site-url", "ftp://example.org/"], "give the site's public address"),
], ids=["missing-source", "missing-config", "url-without-scheme", "url-not-http"])
def test_exit_code_2_for_what_the_user_typed(argv: list[str], expected: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run([*argv, *(["--site-dir", "out"] if argv[0] == "build" else [])],
                       capsys)
    assert code == cli.EXIT_USAGE
    assert expected in err
    assert list(tmp_path.iterdir()) == []


def test_exit_code_1_for_a_problem_in_the_source(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.md"
    source.write_text("Just some notes, not a report.\n", "utf-8")
    code, _, err = run(["build", str(source), "--site-dir", str(tmp_path / "site")], capsys)
    assert code == cli.EXIT_SOURCE == 1
    assert err.startswith(f"error: {source}: found no masthead")
    assert "not a kind of document unreport reads" in err
    assert not (tmp_path / "site").exists()


def test_a_line_numbered_problem_is_told_the_same_way(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    lines = bundled_path().read_text("utf-8").split("\n")
    cut = next(i for i, line in enumerate(lines) if "Draft resolution II" in line) + 12
    source = tmp_path / "report.md"
    source.write_text("\n".join(lines[:cut]) + "\n", "utf-8")
    code, _, err = run(["build", str(source), "--site-dir", str(tmp_path / "site")], capsys)
    assert code == cli.EXIT_SOURCE
    assert re.search(rf"^error: {re.escape(str(source))}:153: the file ends at line 153, "
                     "inside draft resolution II", err, re.MULTILINE), err
    assert not (tmp_path / "site").exists()


def test_exit_code_3_for_a_broken_configuration(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\ntheme:\n  name: no-such-theme\n", "utf-8")
    code, _, err = run(["build", "--config", str(config), "--site-dir",
                        str(tmp_path / "site")], capsys)
    assert code == cli.EXIT_BUILD == 3
    assert "MkDocs could not build the site" in err and "no-such-theme" in err


def test_usage_problems_come_before_the_source_is_read(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A refused folder is reported alone: no warnings about the source before it."""
    theirs = tmp_path / "mywebsite"
    before = someone_elses(theirs)
    code, out, err = run(["build", "--site-dir", str(theirs)], capsys)
    assert code == cli.EXIT_USAGE
    assert err.splitlines() == [err.strip()]  # one line
    assert err.startswith(f"error: {theirs} holds files that unreport did not write")
    assert out == ""
    assert snapshot(theirs) == before


def test_default_output_is_a_few_lines(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["build", "--site-dir", str(tmp_path / "site")], capsys)
    assert code == cli.EXIT_OK
    assert 1 <= len(err.splitlines()) <= 6
    assert all(len(line) <= 100 for line in err.splitlines())
    assert str(bundled_path()) not in err  # paths as the user knows them
    assert out.splitlines()[-1].startswith(f"Site written to {tmp_path / 'site'}/")


# --- folders unreport did not write ------------------------------------------------------


def test_site_dir_of_someone_elses_files_is_untouched(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    theirs = tmp_path / "mywebsite"
    before = someone_elses(theirs)
    code, _, err = run(["build", "--site-dir", str(theirs)], capsys)
    assert code == cli.EXIT_USAGE
    assert "index.html, notes.txt, photos/cat.jpg" in err
    assert snapshot(theirs) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mywebsite"]  # no temporary folder


def test_generate_out_of_someone_elses_files_is_untouched(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "index.md").write_text("# My notes\n", "utf-8")
    before = snapshot(notes)
    code, _, err = run(["generate", "--out", str(notes)], capsys)
    assert code == cli.EXIT_USAGE
    assert "holds files that unreport did not write (index.md)" in err
    assert snapshot(notes) == before


def test_rebuilding_its_own_site_is_allowed(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert run(["build", "--site-dir", str(site)], capsys)[0] == cli.EXIT_OK
    marker = json.loads((site / MARKER).read_text("utf-8"))
    assert marker["tool"] == "unreport" and marker["symbol"] == "A/77/464"
    assert marker["report_date"] == "2022-11-30"
    assert len(marker["source_sha256"]) == 64
    assert set(marker["files"]) == set(snapshot(site)) - {MARKER}
    assert run(["build", "--site-dir", str(site)], capsys)[0] == cli.EXIT_OK


def test_a_file_added_to_its_own_site_is_not_deleted(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert run(["build", "--site-dir", str(site)], capsys)[0] == cli.EXIT_OK
    (site / "CNAME").write_text("reports.example.org\n", "utf-8")
    before = snapshot(site)
    code, _, err = run(["build", "--site-dir", str(site)], capsys)
    assert code == cli.EXIT_USAGE
    assert "(CNAME)" in err and "Move them elsewhere" in err
    assert snapshot(site) == before


def test_generate_keeps_its_own_folder_tidy_and_others_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pages"
    assert run(["generate", "--out", str(out)], capsys)[0] == cli.EXIT_OK
    (out / "stale.md").write_text("old", "utf-8")
    marker = json.loads((out / MARKER).read_text("utf-8"))
    (out / MARKER).write_text(json.dumps({**marker, "files": [*marker["files"], "stale.md"]}),
                              "utf-8")
    (out / "mine.txt").write_text("a file of the user's", "utf-8")
    assert run(["generate", "--out", str(out)], capsys)[0] == cli.EXIT_OK
    assert not (out / "stale.md").exists()  # unreport's own, no longer generated
    assert (out / "mine.txt").read_text("utf-8") == "a file of the user's"


@pytest.mark.parametrize("content", [b"my thesis", None], ids=["a-file", "a-folder"])
def test_bundle_does_not_overwrite_what_it_did_not_write(
        content: bytes | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "A-77-464.zip"
    if content is None:
        target.mkdir()
    else:
        target.write_bytes(content)
    code, _, err = run(["bundle", "--output", str(target)], capsys)
    assert code == cli.EXIT_USAGE
    assert str(target) in err
    assert (target.read_bytes() == content) if content else target.is_dir()


def test_bundle_replaces_its_own_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bundle.zip"
    assert run(["bundle", "--output", str(target)], capsys)[0] == cli.EXIT_OK
    assert run(["bundle", "--output", str(target)], capsys)[0] == cli.EXIT_OK
    with zipfile.ZipFile(target) as archive:
        assert archive.comment.startswith(b"unreport")
        assert "A-77-464/index.html" in archive.namelist()


# --- configuration and hosting -----------------------------------------------------------


def test_a_mkdocs_yml_in_the_current_folder_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    plain = tmp_path / "plain"
    assert run(["build", "--site-dir", str(plain)], capsys)[0] == cli.EXIT_OK
    decoy = tmp_path / "decoy"
    (decoy / "docs").mkdir(parents=True)
    (decoy / "mkdocs.yml").write_text("site_name: Other\ntheme:\n  name: readthedocs\n", "utf-8")
    (decoy / "docs" / "extra.md").write_text("# Not ours\n", "utf-8")
    monkeypatch.chdir(decoy)
    assert run(["build", "--site-dir", "site"], capsys)[0] == cli.EXIT_OK
    assert snapshot(decoy / "site") == snapshot(plain)


def test_config_replaces_the_built_in_configuration(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A restyled copy: another palette and a page of one's own."""
    config = tmp_path / "restyled" / "mkdocs.yml"
    (config.parent / "docs").mkdir(parents=True)
    (config.parent / "docs" / "colophon.md").write_text("# Colophon\n\nMade by us.\n", "utf-8")
    config.write_text("site_name: x\nuse_directory_urls: false\ntheme:\n  name: material\n"
                      "  palette:\n    primary: red\nplugins:\n  - search\n", "utf-8")
    site = tmp_path / "site"
    code, _, err = run(["build", "--config", str(config), "--site-dir", str(site)], capsys)
    assert code == cli.EXIT_OK, err
    home = (site / "index.html").read_text("utf-8")
    assert 'data-md-color-primary="red"' in home
    assert "assets/unreport.js" in home  # unreport's overrides, since it names none
    assert (site / "colophon.html").is_file() and not (site / "about.html").exists()
    assert (site / "draft-resolutions" / "vii.html").is_file()


SUB_PATH = "https://example.org/reports/A-77-464/"


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("hosted") / "site"
    assert cli.main(["build", "--site-dir", str(site), "--site-url",
                     SUB_PATH.rstrip("/")]) == cli.EXIT_OK
    return site


def test_site_url_gives_canonical_links_on_every_page(hosted: Path) -> None:
    pages = sorted(p.relative_to(hosted).as_posix() for p in hosted.rglob("*.html")
                   if p.name != "404.html")
    assert len(pages) >= 12
    for page in pages:
        html = (hosted / page).read_text("utf-8")
        assert f'<link rel="canonical" href="{SUB_PATH}{page}">' in html, page


def test_site_url_gives_a_complete_sitemap(hosted: Path) -> None:
    sitemap = (hosted / "sitemap.xml").read_text("utf-8")
    listed = set(re.findall(r"<loc>(.*?)</loc>", sitemap))
    pages = {SUB_PATH + p.relative_to(hosted).as_posix() for p in hosted.rglob("*.html")
             if p.name != "404.html"}
    assert listed == pages


def test_site_url_makes_the_404_page_work_under_a_sub_path(hosted: Path) -> None:
    html = (hosted / "404.html").read_text("utf-8")
    loads = re.findall(r'(?:href|src)="(/[^"]*)"', html)
    assert loads, "the 404 page links its styles and pages"
    assert all(url.startswith("/reports/A-77-464/") for url in loads)
    for url in loads:
        assert (hosted / url.removeprefix("/reports/A-77-464/")).is_file(), url


# --- rebuilding --------------------------------------------------------------------------


def test_an_unchanged_site_is_not_built_again(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert run(["build", "--site-dir", str(site)], capsys)[0] == cli.EXIT_OK
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    code, out, _ = run(["build", "--site-dir", str(site)], capsys)
    assert code == cli.EXIT_OK
    assert f"Site in {site}/ is up to date" in out
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("change", ["edit-a-page", "site-url", "force"])
def test_a_changed_site_or_request_is_built_again(change: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert run(["build", "--site-dir", str(site)], capsys)[0] == cli.EXIT_OK
    original = (site / "index.html").read_bytes()
    extra: list[str] = []
    if change == "edit-a-page":
        (site / "index.html").write_text("edited by hand", "utf-8")
    elif change == "site-url":
        extra = ["--site-url", "https://example.org/"]
    else:
        extra = ["--force"]
    code, out, _ = run(["build", "--site-dir", str(site), *extra], capsys)
    assert code == cli.EXIT_OK
    assert "Site written to" in out
    if change == "edit-a-page":
        assert (site / "index.html").read_bytes() == original


@pytest.mark.slow
def test_build_with_zensical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--engine zensical``: the same pages, built by Zensical, with paragraph search."""
    code, out, _ = run(["build", "--engine", "zensical", "--site-dir", str(tmp_path / "z")],
                       capsys)
    assert code == 0, out
    items = json.loads((tmp_path / "z" / "search.json").read_text("utf-8"))["items"]
    assert "draft-resolutions/vii.html#op-85" in {item["location"] for item in items}
    assert 'id="op-85"' in (tmp_path / "z" / "draft-resolutions" / "vii.html").read_text("utf-8")
    code, out, _ = run(["build", "--engine", "zensical", "--site-dir", str(tmp_path / "z")],
                       capsys)
    assert code == 0 and "up to date" in out


def test_zensical_missing_is_said_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "zensical", None)  # as if it were not installed
    code, _, err = run(["build", "--engine", "zensical", "--site-dir", str(tmp_path / "z")],
                       capsys)
    assert code == cli.EXIT_BUILD
    assert "Zensical is not installed: pip install 'unreport[zensical]'" in err
    assert "warning" not in err, "told before the source is read"
    assert not (tmp_path / "z").exists()
