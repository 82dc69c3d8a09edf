"""A collection from the command line: one site of several documents, built whole or in
two halves on "two machines" (two folders built apart, then collected), kept between
builds, refused where it would overwrite what unreport did not write."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from unreport import cli
from unreport.parse.source import bundled_path
from unreport.publish.mkdocs_engine import CACHE_VARIABLE

from tests.conftest import FIXTURES

DECISIONS = FIXTURES / "decision-report.md"
VOTES = FIXTURES / "votes-report.md"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache of built documents of this test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(folder))
    return folder / "documents"


def test_several_files_make_one_site_each_document_in_its_folder(
        tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    code, out, err = run(["build", str(bundled_path()), str(DECISIONS), "--site-dir",
                          str(site), "--jobs", "2"], capsys)
    assert code == 0, err
    assert "2 documents: 2 built, 0 up to date." in out
    for page in ("index.html", "search.html", "collection.json", "A-77-464/index.html",
                 "A-77-464/draft-resolutions/vii.html", "A-99-464/index.html",
                 "pagefind/1/pagefind.js", "assets/unreport.css"):
        assert (site / page).is_file(), page
    assert not (site / "A-77-464" / "assets").exists()  # the theme's files once, at the root
    home = (site / "index.html").read_text("utf-8")
    assert 'href="A-77-464/index.html">A/77/464</a>' in home
    data = json.loads((site / "collection.json").read_text("utf-8"))
    schema = json.loads((site / "schema" / "collection.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert [d["symbol"] for d in data["documents"]] == ["A/77/464", "A/99/464"]
    anchors = data["documents"][0]["anchors"]["A-77-464/draft-resolutions/vii.html"]
    assert anchors[:2] == ["pp-1", "pp-2"] and "op-1" in anchors
    # the same documents again: nothing to build or index, the site made from the store
    bundles = bundles_in(store)
    assert len(bundles) == 1  # one bundle of the search index, kept by its documents' keys
    made = bundles[0].stat().st_mtime_ns
    code, out, _ = run(["build", str(bundled_path()), str(DECISIONS), "--site-dir",
                        str(site)], capsys)
    assert code == 0 and "0 built, 2 up to date." in out
    assert bundles_in(store) == bundles
    assert bundles[0].stat().st_mtime_ns == made
    # one document changed: it is built again, and (one of two documents: too many for an
    # update of the index) the whole index with it, the old one gone
    changed = tmp_path / "decision-report.md"
    changed.write_text(DECISIONS.read_text("utf-8").replace("Crime prevention",
                                                            "Crime-prevention", 1), "utf-8")
    code, out, _ = run(["build", str(bundled_path()), str(changed), "--site-dir",
                        str(site)], capsys)
    assert code == 0 and "1 built, 1 up to date." in out
    assert len(bundles_in(store)) == 2  # this collection's, and the latest other
    assert bundles[0] in bundles_in(store)
    assert not (site / "pagefind" / "2").exists()
    assert "data-unr-hidden" not in (site / "search.html").read_text("utf-8")


def test_a_rebuild_indexes_only_the_changed_document_beside_the_whole_index(
        tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Eleven documents (the decisions report under eleven symbols): one changed is
    indexed alone into ``pagefind/2/`` and its old records are hidden; changed back, the
    whole index is all there is again."""
    text = DECISIONS.read_text("utf-8")
    sources = []
    for number in range(464, 475):
        sources.append(tmp_path / f"report-{number}.md")
        sources[-1].write_text(text.replace("A/99/464", f"A/99/{number}"), "utf-8")
    site = tmp_path / "site"
    argv = ["build", *map(str, sources), "--site-dir", str(site), "--jobs", "2"]
    assert run(argv, capsys)[0] == 0
    whole = bundles_in(store)
    assert len(whole) == 1 and not (site / "pagefind" / "2").exists()
    records = len(list((site / "pagefind" / "1" / "fragment").iterdir()))

    sources[3].write_text(text.replace("A/99/464", "A/99/467").replace(
        "introduced a draft", "presented a draft"), "utf-8")
    code, out, _ = run(argv, capsys)
    assert code == 0 and "1 built, 10 up to date." in out
    assert whole[0] in bundles_in(store) and len(bundles_in(store)) == 2
    assert (site / "pagefind" / "1").is_dir()
    update = len(list((site / "pagefind" / "2" / "fragment").iterdir()))
    assert update > 0 and records == 11 * update  # one document's records of eleven alike
    page = (site / "search.html").read_text("utf-8")
    assert 'data-unr-indexes="pagefind/1/ pagefind/2/"' in page
    hidden = json.loads(html.unescape(page.split('data-unr-hidden="')[1].split('"')[0]))
    old = json.loads((store / "A-99-467" / ".unreport-document.json").read_text("utf-8"))
    assert [list(entry) for entry in hidden] == [["A-99-467"]]
    assert hidden[0]["A-99-467"] != old["build_key"]  # the edition the site no longer has

    sources[3].write_text(text.replace("A/99/464", "A/99/467"), "utf-8")
    code, out, _ = run(argv, capsys)
    assert code == 0 and "1 built, 10 up to date." in out
    assert bundles_in(store) == whole  # the update is gone with the change
    assert not (site / "pagefind" / "2").exists()
    assert "data-unr-hidden" not in (site / "search.html").read_text("utf-8")


def bundles_in(store: Path) -> list[Path]:
    """The search index's bundles kept in the store."""
    return sorted(p for p in (store / "search").iterdir() if p.is_dir())


def test_documents_built_apart_are_collected_into_one_site(
        tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second, site = tmp_path / "machine-1", tmp_path / "machine-2", tmp_path / "site"
    assert run(["build-documents", str(bundled_path()), "--out", str(first)], capsys)[0] == 0
    code, out, _ = run(["build-documents", str(DECISIONS), str(VOTES), "--out", str(second),
                        "--jobs", "1"], capsys)
    assert code == 0 and "2 documents in" in out and "unreport collect" in out
    assert sorted(p.name for p in second.iterdir() if not p.name.startswith(".")) == [
        "A-99-464", "A-99-464-Add.3", "keys"]
    code, out, err = run(["collect", str(first), str(second), "--site-dir", str(site)],
                         capsys)
    assert code == 0, err
    symbols = [d["symbol"] for d in
               json.loads((site / "collection.json").read_text("utf-8"))["documents"]]
    assert sorted(symbols) == ["A/77/464", "A/99/464", "A/99/464/Add.3"]
    assert (site / "A-99-464-Add.3" / "index.html").is_file()


def test_the_same_document_in_two_folders_is_refused(
        tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    run(["build-documents", str(DECISIONS), "--out", str(first)], capsys)
    shutil.copytree(first, second)
    code, _, err = run(["collect", str(first), str(second), "--site-dir",
                        str(tmp_path / "site")], capsys)
    assert code == 3 and "A/99/464 is in both" in err
    assert not (tmp_path / "site").exists()


def test_the_same_document_given_twice_is_refused(
        tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy.md"
    copy.write_bytes(DECISIONS.read_bytes())
    code, _, err = run(["build", str(DECISIONS), str(copy), "--site-dir",
                        str(tmp_path / "site")], capsys)
    assert code == 1 and "given more than once" in err and "copy.md" in err
    assert not (tmp_path / "site").exists()


def test_a_document_with_problems_stops_the_collection_and_is_named(
        tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "letter.md"
    broken.write_text("Letter dated 1 May 2023 from the Permanent Representative\n\n"
                      "I have the honour to transmit.\n", "utf-8")
    site = tmp_path / "site"
    code, _, err = run(["build", str(DECISIONS), str(broken), "--site-dir", str(site)],
                       capsys)
    assert code == 1
    assert "1 of 2 documents could not be built" in err and "letter.md" in err
    assert "Traceback" not in err and not site.exists()


def test_a_folder_someone_else_wrote_is_left_alone(
        tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine", "utf-8")
    code, _, err = run(["build-documents", str(DECISIONS), "--out", str(theirs)], capsys)
    assert code == 2 and "theirs" in err
    code, _, err = run(["build", str(DECISIONS), str(VOTES), "--site-dir", str(theirs)],
                       capsys)
    assert code == 2
    code, _, err = run(["collect", str(tmp_path), "--site-dir", str(theirs)], capsys)
    assert code == 2
    assert [p.name for p in theirs.iterdir()] == ["notes.txt"]


def test_usage_problems_of_a_collection(tmp_path: Path, store: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["build", str(DECISIONS), str(tmp_path / "missing.pdf")], capsys)
    assert code == 2 and "missing.pdf: no such file or folder" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(["build", str(empty)], capsys)
    assert code == 2 and "no PDF or Markdown file" in err
    code, _, err = run(["build", str(DECISIONS), str(VOTES), "--jobs", "0"], capsys)
    assert code == 2 and "--jobs 0" in err
    code, _, err = run(["collect", str(empty), "--site-dir", str(tmp_path / "s")], capsys)
    assert code == 3 and "holds no document built by unreport" in err


def test_a_collection_builds_with_zensical_too(
        tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("zensical", reason="Zensical is in the test extra")
    site = tmp_path / "site"
    code, _, err = run(["build", str(DECISIONS), str(VOTES), "--site-dir", str(site),
                        "--engine", "zensical"], capsys)
    assert code == 0, err
    for page in ("index.html", "search.html", "A-99-464/index.html",
                 "A-99-464-Add.3/index.html", "pagefind/1/pagefind.js"):
        assert (site / page).is_file(), page
    assert 'class="unr-find"' in (site / "A-99-464" / "index.html").read_text("utf-8")
