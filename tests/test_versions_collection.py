"""Versions of a text across sessions and what changed between them (collection/
versions.py, comparison.py, versions_data.py): on small hand-made collections, then on
the real A/77/464 with resolutions 78/223, 78/224 and 78/229 built from their PDFs."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
from unreport import cli
from unreport.collection.comparison import (
    changes_index,
    comparison_page,
    comparison_pages,
    comparison_path,
    paragraph_notes,
    version_line,
)
from unreport.collection.compose import read_folders
from unreport.collection.links import Collection, collect
from unreport.collection.summary import Cited, DocumentSummary, Text
from unreport.collection.versions import (
    Comparison,
    Versions,
    compare,
    find_versions,
    last_of_line,
    ordinal,
)
from unreport.collection.versions_data import (
    CSV_COLUMNS,
    versions_csv,
    versions_files,
    versions_json,
    versions_schema,
)
from unreport.parse.source import bundled_path
from unreport.publish.mkdocs_engine import CACHE_VARIABLE
from unreport.versions import Paragraph

TITLE = "Strengthening the crime prevention programme"
VII = "draft-resolutions/vii.html"
OLD = (Paragraph("pp-1", "preambular", "Reaffirming its resolution 76/187,"),
       Paragraph("pp-2", "preambular", "Recalling the <Convention> & its Protocols,"),
       Paragraph("op-1", "operative", "Welcomes the report;"),
       Paragraph("op-2", "operative", "Requests a report at its seventy-eighth session."))
NEW = (Paragraph("pp-1", "preambular", "Reaffirming its resolutions 76/187 and 77/237,"),
       Paragraph("pp-2", "preambular", "Recalling the <Convention> & its Protocols,"),
       Paragraph("op-1", "operative", "Welcomes the report;"),
       Paragraph("op-2", "operative", "Urges States to act;"),
       Paragraph("op-3", "operative",
                 "Requests a report at its seventy-ninth and eightieth sessions."))


def text(page: str, name: str, title: str, paragraphs: tuple[Paragraph, ...] = OLD,
         draft: str | None = None) -> Text:
    return Text(page, name, title, draft, tuple(p.anchor for p in paragraphs), paragraphs)


def cite(anchor: str, symbol: str, page: str = "index.html") -> Cited:
    return Cited(page, anchor, f"Resolution, {anchor}", symbol, None,
                 symbol.removeprefix("A/RES/"))


def document(symbol: str, kind: str, session: int, texts: tuple[Text, ...],
             cites: tuple[Cited, ...] = (), adopted_on: str | None = None) -> DocumentSummary:
    return DocumentSummary(
        symbol=symbol, folder=symbol.replace("/", "-"), kind=kind,
        title=texts[0].title if kind != "report" else "Crime prevention", date=None,
        session=session, committee="Third Committee", agenda_item=None,
        adopted_on=adopted_on, adopted_paragraph=None, texts=texts,
        pages={t.page: t.anchors for t in texts}, cites=cites, asks=(), source_digest="",
        build_key="")


def resolution(number: str, title: str = TITLE, paragraphs: tuple[Paragraph, ...] = NEW,
               cites: tuple[Cited, ...] = (), adopted_on: str | None = None
               ) -> DocumentSummary:
    return document(f"A/RES/{number}", "resolution", int(number.split("/")[0]),
                    (text("index.html", f"Resolution {number}", title, paragraphs),),
                    cites, adopted_on)


REPORT = document("A/77/464", "report", 77, (
    text("draft-resolutions/i.html", "Draft resolution I", "Follow-up to the Congress"),
    text(VII, "Draft resolution VII", TITLE, draft="A/C.3/77/L.12/Rev.1")))
TWINS = document("A/77/464", "report", 77, (
    text("draft-resolutions/vi.html", "Draft resolution VI", TITLE),
    text(VII, "Draft resolution VII", TITLE)))
LINE_CITES = (cite("pp-1", "A/RES/76/187"), cite("pp-1", "A/RES/77/237"))
LATER = resolution("78/229", cites=LINE_CITES)
RENAMED = resolution("78/229", "Strengthening the programme and its capacity", cites=LINE_CITES)
ADOPTED = resolution("77/237", paragraphs=OLD, adopted_on="A/77/464")
OLD_RENAMED = resolution("77/237", "An old title", OLD)
L_DRAFT = document("A/C.3/77/L.12/Rev.1", "draft", 77, (
    text("index.html", "Draft resolution", TITLE, draft="A/C.3/77/L.12/Rev.1"),))

Keys = list[list[tuple[str, str]]]


@pytest.mark.parametrize(("documents", "lines", "warned"), [
    pytest.param([REPORT, resolution("78/229")], [[("A-77-464", VII), ("A-RES-78-229",
                                                                        "index.html")]],
                 [], id="same title, no citation"),
    pytest.param([REPORT, LATER], [[("A-77-464", VII), ("A-RES-78-229", "index.html")]], [],
                 id="same title and the last of its line"),
    pytest.param([OLD_RENAMED, RENAMED], [[("A-RES-77-237", "index.html"),
                                           ("A-RES-78-229", "index.html")]], [],
                 id="changed title, the last of a list"),
    pytest.param([OLD_RENAMED, resolution("78/229", "Another", cites=(
        cite("pp-3", "A/RES/77/237"),))], [], [],
                 id="changed title, a lone citation names a neighbour"),
    pytest.param([REPORT, ADOPTED, RENAMED], [[("A-RES-77-237", "index.html"),
                                               ("A-RES-78-229", "index.html")]], [],
                 id="changed title, the predecessor's draft in the collection"),
    pytest.param([REPORT, ADOPTED], [], [], id="a draft and its own adoption: one version"),
    pytest.param([TWINS, resolution("78/229")], [], ["could follow any of"],
                 id="two candidates"),
    pytest.param([REPORT, resolution("78/229"), resolution("78/300")], [],
                 ["could have become any of"], id="two successors"),
    pytest.param([REPORT, resolution("78/229"), resolution("79/100")],
                 [[("A-77-464", VII), ("A-RES-78-229", "index.html"),
                   ("A-RES-79-100", "index.html")]], [], id="three sessions, nearest first"),
    pytest.param([REPORT, L_DRAFT, resolution("78/229")],
                 [[("A-77-464", VII), ("A-RES-78-229", "index.html")]], [],
                 id="the report's draft and the draft document: one version"),
])
def test_lines_of_versions(documents: list[DocumentSummary], lines: Keys,
                           warned: list[str]) -> None:
    versions = find_versions(collect(documents))
    assert [[v.key for v in line] for line in versions.lines] == lines
    assert len(versions.warnings) == len(warned)
    for warning, expected in zip(versions.warnings, warned, strict=True):
        assert expected in warning


def test_a_draft_and_its_adoption_are_one_version_never_compared() -> None:
    versions = find_versions(collect([REPORT, ADOPTED, L_DRAFT, RENAMED]))
    (older, newer), = versions.lines
    assert older.key == ("A-RES-77-237", "index.html")
    assert set(older.also) == {("A-77-464", VII), ("A-C.3-77-L.12-Rev.1", "index.html")}
    # every stage of the 77th version has the same earlier/later versions
    for key in (older.key, *older.also):
        assert versions.version(*key) == older
        assert versions.earlier(*key) == ()
        assert versions.later(*key) == (newer,)
    assert versions.earlier("A-RES-78-229", "index.html") == (older,)
    assert [(c.older.key, c.newer.key) for c in compare(collect(
        [REPORT, ADOPTED, L_DRAFT, RENAMED]), versions)] == [(older.key, newer.key)]


def test_the_draft_shows_the_resolution_it_became() -> None:
    collection = collect([REPORT, LATER])
    (older, _), = find_versions(collection).lines
    assert older.name == "A/77/464, draft resolution VII"
    assert older.adopted_as == "A/RES/77/237" and older.session == 77


@pytest.mark.parametrize(("cites", "session", "expected"), [
    (LINE_CITES, 77, ("A/RES/77/237", True)),
    (LINE_CITES, 76, ("A/RES/76/187", False)),  # not the last of its list
    ((cite("pp-3", "A/RES/77/235"), cite("pp-9", "A/RES/77/237")), 77,
     ("A/RES/77/235", False)),  # the first paragraph citing the session counts, alone
    ((cite("pp-1", "A/RES/77/237", page=VII),), 77, None),  # another page's citation
    ((), 77, None),
])
def test_the_last_of_a_line(cites: tuple[Cited, ...], session: int,
                            expected: tuple[str, bool] | None) -> None:
    assert last_of_line(cites, "index.html", session) == expected


@pytest.mark.parametrize(("number", "expected"), [(71, "71st"), (72, "72nd"), (73, "73rd"),
                                                  (77, "77th"), (111, "111th"),
                                                  (112, "112th"), (121, "121st")])
def test_ordinals(number: int, expected: str) -> None:
    assert ordinal(number) == expected


@dataclass(frozen=True)
class Found:
    """A collection with its versions and their comparisons."""

    collection: Collection
    """The collection."""
    versions: Versions
    """Its lines of versions."""
    comparisons: tuple[Comparison, ...]
    """Their comparisons."""


def found_in(documents: list[DocumentSummary]) -> Found:
    collection = collect(documents)
    versions = find_versions(collection)
    return Found(collection, versions, compare(collection, versions))


@pytest.fixture
def small() -> Found:
    return found_in([REPORT, LATER])


def rows_of(page: str) -> dict[str, str]:
    """Each row of a comparison page by its id."""
    return {found.group(2): found.group(0) for found in re.finditer(
        r'<(div|details) class="unr-change [^"]*" id="([^"]+)">.*?</\1>', page)}


def test_the_comparison_page(small: Found) -> None:
    comparisons = small.comparisons
    (comparison,) = comparisons
    assert comparison_path(comparison.newer) == "changes/A-RES-78-229.md"
    assert comparison_path(comparison.older) == "changes/A-77-464-vii.md"
    page = comparison_page(comparison)
    assert page.startswith("# What changed: A/RES/78/229 since A/77/464, draft resolution "
                           "VII\n")
    assert '<a href="../A-77-464/draft-resolutions/vii.html">A/77/464, draft resolution ' \
           'VII</a> — 77th session (adopted as resolution 77/237)' in page
    assert '<a href="../A-RES-78-229/index.html">A/RES/78/229</a> — 78th session' in page
    assert "<li>2 kept</li><li>2 changed</li><li>1 new</li>" in page
    rows = rows_of(page)
    assert list(rows) == ["pp-1", "pp-2", "op-1", "op-2", "op-3"]
    kept = rows["pp-2"]
    assert kept.startswith('<details class="unr-change unr-change--kept" id="pp-2">'
                           "<summary><strong>Kept</strong>, unchanged")
    assert "Recalling the &lt;Convention&gt; &amp; its Protocols," in kept  # escaped
    assert "<del" not in kept and "<ins" not in kept
    changed = rows["op-3"]
    assert '<a href="../A-77-464/draft-resolutions/vii.html#op-2">OP 2</a> (77th session)' \
        in changed and '<a href="../A-RES-78-229/index.html#op-3">OP 3</a>' in changed
    assert '<del><span class="unr-sr">deleted: </span>eighth session</del>' \
           '<ins><span class="unr-sr">inserted: </span>ninth and eightieth sessions</ins>' \
        in changed
    assert "<strong>New</strong>" in rows["op-2"] and "<ins>" in rows["op-2"]
    # a paragraph renumbered only is kept (op-1 → op-1 here; op-2 → op-3 is changed)
    assert "<strong>Kept</strong>" in rows["op-1"]


def test_the_index_of_comparisons(small: Found) -> None:
    page = changes_index(small.comparisons)
    assert page.startswith("# What changed between sessions\n")
    assert '<li><a href="A-RES-78-229.html">What changed: A/RES/78/229 since A/77/464, ' \
           'draft resolution VII</a> (77th to 78th session: 2 changed, 1 new)</li>' in page
    assert "no text in two sessions" in changes_index(())


def test_a_removed_paragraph_keeps_its_old_text_struck_through() -> None:
    collection = collect([REPORT, resolution("78/229", paragraphs=NEW[:2])])
    comparison, = compare(collection, find_versions(collection))
    rows = rows_of(comparison_page(comparison))
    assert list(rows) == ["pp-1", "pp-2", "removed-op-1", "removed-op-2"]
    assert '<del><span class="unr-sr">deleted: </span>Welcomes the report;</del>' in \
        rows["removed-op-1"]


def test_the_comparison_page_renders_as_markdown(small: Found) -> None:
    import markdown

    comparisons = small.comparisons
    html = markdown.markdown(comparison_pages(comparisons)["changes/A-RES-78-229.md"],
                             extensions=["attr_list", "md_in_html", "pymdownx.details",
                                         "pymdownx.caret", "toc"])
    assert re.findall(r'class="unr-change [^"]*" id="([^"]+)"', html) == \
        ["pp-1", "pp-2", "op-1", "op-2", "op-3"]
    assert "<p><div" not in html and "&lt;div" not in html


def test_notes_and_version_lines(small: Found) -> None:
    versions, comparisons = small.versions, small.comparisons
    notes = paragraph_notes(comparisons)
    assert list(notes) == [("A-RES-78-229", "index.html")]
    page = notes["A-RES-78-229", "index.html"]
    assert sorted(page) == ["op-2", "op-3", "pp-1"]  # new or changed, never kept
    assert page["op-3"] == (
        '<p class="unr-since" data-pagefind-ignore>Changed since the 77th session: '
        '<a href="../A-77-464/draft-resolutions/vii.html#op-2">A/77/464, draft resolution '
        'VII, OP 2</a> · <a href="../changes/A-RES-78-229.html#op-3">what changed'
        '<span class="unr-sr"> in OP 3</span></a></p>')
    assert page["op-2"].startswith('<p class="unr-since" data-pagefind-ignore>New since the '
                                   '77th session · <a href="../changes/A-RES-78-229.html'
                                   '#op-2">')
    lines = version_line(versions, comparisons)
    assert lines["A-RES-78-229", "index.html"] == (
        '<p class="unr-versions" data-pagefind-ignore>Versions: '
        '<a href="../A-77-464/draft-resolutions/vii.html">77th session — A/77/464, draft '
        'resolution VII</a> (adopted as 77/237) · 78th session — this text · '
        '<a href="../changes/A-RES-78-229.html">what changed since the 77th session</a></p>')
    assert lines["A-77-464", VII] == (
        '<p class="unr-versions" data-pagefind-ignore>Versions: 77th session — this text '
        '(adopted as 77/237) · <a href="../../A-RES-78-229/index.html">78th session — '
        'A/RES/78/229</a> · <a href="../../changes/A-RES-78-229.html">what changed in the '
        '78th session</a></p>')


def test_the_data_validate_and_the_csv_has_a_row_per_pair(
        small: Found) -> None:
    versions, comparisons = small.versions, small.comparisons
    data = json.loads(versions_json(versions, comparisons))
    jsonschema.Draft202012Validator.check_schema(json.loads(versions_schema()))
    jsonschema.validate(data, json.loads(versions_schema()),
                        cls=jsonschema.Draft202012Validator)
    (comparison,) = data["comparisons"]
    assert comparison["url"] == "changes/A-RES-78-229.html"
    assert comparison["counts"] == {"kept": 2, "changed": 2, "added": 1}
    last = comparison["pairs"][-1]
    assert last["status"] == "changed" and last["old"] == [
        {"anchor": "op-2", "url": "A-77-464/draft-resolutions/vii.html#op-2"}]
    assert "seventy-[-eighth session-]{+ninth and eightieth sessions+}" in last["diff"]
    assert data["lines"][0][0]["adopted_as"] == "A/RES/77/237"
    written = versions_csv(comparisons)
    assert written.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(written.removeprefix("\ufeff"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + 5
    assert rows[2] == ["A/77/464, draft resolution VII", "A/RES/78/229", "kept", "pp-2",
                       "A-77-464/draft-resolutions/vii.html#pp-2", "pp-2",
                       "A-RES-78-229/index.html#pp-2", "1.0",
                       "Recalling the <Convention> & its Protocols,"]
    assert set(versions_files(versions, comparisons)) == {
        "versions.json", "versions.csv", "schema/versions.schema.json"}


# The real documents ---------------------------------------------------------------

RESOLUTIONS = ("A_RES_78_223.pdf", "A_RES_78_224.pdf", "A_RES_78_229.pdf")


@pytest.fixture(scope="module")
def real(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Found:
    """A/77/464 as bundled and resolutions 78/223, 78/224 and 78/229 from their PDFs,
    each built into its folder as ``unreport build-documents`` does."""
    sources = [corpus / "pdf" / name for name in RESOLUTIONS]
    missing = [source.name for source in sources if not source.is_file()]
    if missing:
        pytest.skip(f"the corpus lacks {', '.join(missing)}")
    folder = tmp_path_factory.mktemp("versions")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_VARIABLE, str(folder / "cache"))
        code = cli.main(["build-documents", str(bundled_path()), *map(str, sources),
                         "--out", str(folder / "documents")])
    assert code == 0
    return found_in([summary for summary, _ in read_folders([folder / "documents"])])


def test_the_real_lines(real: Found) -> None:
    versions = real.versions
    assert [[v.name for v in line] for line in versions.lines] == [
        ["A/77/464, draft resolution I", "A/RES/78/223"],
        ["A/77/464, draft resolution II", "A/RES/78/224"],
        ["A/77/464, draft resolution VII", "A/RES/78/229"]]
    assert versions.warnings == ()
    adopted = [line[0].adopted_as for line in versions.lines]
    assert adopted == ["A/RES/77/231", "A/RES/77/232", "A/RES/77/237"]
    for slug in ("iii", "iv", "v", "vi"):
        page = f"draft-resolutions/{slug}.html"
        assert versions.later("A-77-464", page) == ()
        assert versions.version("A-77-464", page) is None


def test_the_real_comparison_of_vii_and_78_229(real: Found) -> None:
    comparisons = real.comparisons
    comparison = next(c for c in comparisons
                      if c.newer.symbol == "A/RES/78/229")
    pairs = {(row.pair.old, row.pair.new): row for row in comparison.rows}
    assert pairs[("op-2",), ("op-2",)].pair.status == "kept"
    reporting = pairs[("op-85",), ("op-92",)]
    assert reporting.pair.status == "changed"
    page = comparison_page(comparison)
    row = rows_of(page)["op-92"]
    assert '<del><span class="unr-sr">deleted: </span>eighth session</del>' in row
    assert '<ins><span class="unr-sr">inserted: </span>ninth and eightieth sessions</ins>' \
        in row
    # read in both texts: 78/229 bears in mind 77/235 where VII bore in mind 75/194 …
    assert pairs[("pp-22",), ("pp-22",)].pair.status == "changed"
    assert "[-75/194 of 16-]{+77/235 of 15+} December [-2020-]{+2022+}" in \
        json.dumps(json.loads(versions_json(real.versions, comparisons)), ensure_ascii=False)
    # … drops VII's paragraph on the COVID-19 pandemic (PP 11) …
    assert (("pp-11",), ()) in pairs and pairs[("pp-11",), ()].pair.status == "removed"
    assert "removed-pp-11" in rows_of(page)
    # … reaffirms 78/223 of the same session in a new paragraph, PP 5 …
    assert pairs[(), ("pp-5",)].pair.status == "added"
    # … and takes note of the report prepared pursuant to 77/237, not 76/187 (OP 1)
    assert "[-76/187-]{+77/237+}" in json.dumps(json.loads(versions_json(
        real.versions, comparisons)), ensure_ascii=False)
    # every paragraph of both versions is in exactly one row
    olds = [a for row in comparison.rows for a in row.pair.old]
    news = [a for row in comparison.rows for a in row.pair.new]
    assert len(olds) == len(set(olds)) == 162 and len(news) == len(set(news)) == 177
    notes = paragraph_notes([comparison])["A-RES-78-229", "index.html"]
    assert 'href="../A-77-464/draft-resolutions/vii.html#op-85">A/77/464, draft ' \
           'resolution VII, OP 85</a>' in notes["op-92"]
    assert "op-2" not in notes


def test_the_real_comparison_of_ii_and_78_224(real: Found) -> None:
    comparison = next(c for c in real.comparisons if c.newer.symbol == "A/RES/78/224")
    pairs = {(row.pair.old, row.pair.new): row.pair.status for row in comparison.rows}
    # read in both texts: "Recalling its resolution 76/182 …" (II, PP 5) now recalls
    # 77/232 (78/224, PP 6); II's request to convene the expert group (OP 8) is gone,
    # recalled in that paragraph instead; 78/224 takes note of the Secretariat's working
    # paper in a new OP 9
    assert pairs[("pp-5",), ("pp-6",)] == "changed"
    assert pairs[("op-8",), ()] == "removed"
    assert pairs[(), ("op-9",)] == "added"
    page = comparison_page(comparison)
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # every row's id once
    news = {a for row in comparison.rows for a in row.pair.new}
    assert news <= set(ids)  # every paragraph of 78/224 lands on its row


def test_the_real_data_validate(real: Found) -> None:
    versions, comparisons = real.versions, real.comparisons
    jsonschema.validate(json.loads(versions_json(versions, comparisons)),
                        json.loads(versions_schema()), cls=jsonschema.Draft202012Validator)
    rows = list(csv.reader(io.StringIO(versions_csv(comparisons)
                                       .removeprefix("\ufeff"))))
    assert len(rows) - 1 == sum(len(c.rows) for c in comparisons)
