"""The real MkDocs build of the bundled report, checked page by page.

The build runs ``mkdocs build --strict`` with link and anchor validation, so a
broken internal link or anchor fails it before these tests look at the HTML.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from unreport.cli import main
from unreport.model import all_subparagraphs
from unreport.parse import Parsed
from unreport.publish.build import build_site

ROOT = Path(__file__).resolve().parent.parent
FURNITURE = ("22-27149", "Please recycle", "&lt;sup", "lt;sup", "\\(^", "**", "/71</strong>")


class _Paragraphs(HTMLParser):
    """Collects the visible text of every ``p.unr-para`` and every id on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.texts: dict[str, str] = {}
        self._current: str | None = None
        self._skip = 0
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        classes = (attributes.get("class") or "").split()
        if tag == "p" and "unr-para" in classes:
            self._current = attributes.get("id")
            self.texts[self._current or ""] = ""
        elif self._current is not None and (
                self._skip or tag == "sup" or {"unr-num", "unr-permalink"} & set(classes)):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._current is None:
            return
        if tag == "p" and not self._skip:
            self._current = None
        elif self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._current is not None and not self._skip:
            self.texts[self._current] += data


def _page(site: Path, name: str) -> _Paragraphs:
    parser = _Paragraphs()
    parser.feed((site / name).read_text("utf-8"))
    return parser


STRAIGHT = str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''")
"""The pages set quotes and apostrophes typographically; the model keeps the report's."""


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().translate(STRAIGHT)


@pytest.fixture(scope="module")
def site(parsed: Parsed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site") / "site"
    build_site(parsed.report, target)
    return target


def test_site_has_every_page(site: Path, parsed: Parsed) -> None:
    assert (site / "index.html").is_file()
    for resolution in parsed.report.resolutions:
        assert (site / resolution.page).is_file()
    data = json.loads((site / "A-77-464.json").read_text("utf-8"))
    assert data["symbol"] == "A/77/464" and data["date"] == "2022-11-30"
    assert data["session"] == 77 and data["agenda_item"] == 109
    assert data["rapporteur"] == {"name": "Ms. Shalini Gungaram", "country": "Mauritius"}
    assert [r["number"] for r in data["resolutions"]] == ["I", "II", "III", "IV", "V", "VI",
                                                           "VII"]
    assert data["resolutions"][4]["page"] == "draft-resolutions/v.html"
    assert data["proposals"][4]["sponsors"]["at_meeting"][1] == "Congo"
    assert 'href="A-77-464.json"' in (site / "index.html").read_text("utf-8")


def test_no_furniture_or_converter_markup(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        body = html[html.find('<article'):html.find('</article>')]
        for junk in FURNITURE:
            assert junk not in body, f"{junk!r} on {page.name}"


def test_every_paragraph_once_with_its_anchor(site: Path, parsed: Parsed) -> None:
    report = parsed.report
    home = _page(site, "index.html")
    expected = {p.anchor: p.text for p in report.paragraphs}
    expected |= {i.anchor: i.text for p in report.paragraphs for i in p.items}
    assert {k: _clean(v) for k, v in home.texts.items()} == expected
    for resolution in report.resolutions:
        page = _page(site, resolution.page)
        expected = {p.anchor: p.text for p in resolution.preambular}
        for op in resolution.operative:
            expected[op.anchor] = op.text
            expected |= {s.anchor: s.text for s in all_subparagraphs(op.subparagraphs)}
        assert {k: _clean(v) for k, v in page.texts.items()} == expected
        assert len(page.ids) == len(set(page.ids)), "ids are unique"
        notes = {f"fn-{n.number}" for n in resolution.notes}
        assert notes <= set(page.ids)
        marks = {f"fnref-{r.number}" for e in [*resolution.preambular, *resolution.operative]
                 for r in e.notes}
        assert marks <= set(page.ids)


def test_opening_words_in_italics(site: Path) -> None:
    html = (site / "draft-resolutions" / "v.html").read_text("utf-8")
    assert re.search(r'id="op-12"[^>]*>.*?<em>Welcomes</em> the progress', html, re.S)
    assert re.search(r'id="op-16"[^>]*>.*?<em>Calls upon</em> States', html, re.S)
    assert re.search(r'id="pp-3"[^>]*>.*?<em>Noting</em> that 2023', html, re.S)


def test_generate_writes_markdown_only(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    assert main(["generate", "--out", str(out)]) == 0
    assert (out / "index.md").is_file() and (out / "draft-resolutions" / "vii.md").is_file()
    assert (out / "A-77-464.json").is_file()
    assert not (out / "index.html").exists()


@pytest.mark.parametrize("where", [".", "docs", ".."])
def test_refuses_a_site_dir_that_would_delete_the_project(where: str,
                                                           capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["build", "--site-dir", where]) == 2
    err = capsys.readouterr().err
    assert "refusing to write there" in err or "did not write" in err
    assert (ROOT / "mkdocs.yml").is_file() and (ROOT / "docs" / "about.md").is_file()


def test_refuses_a_folder_that_is_not_a_site(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("keep me", "utf-8")
    assert main(["build", "--site-dir", str(tmp_path)]) == 2
    assert "holds files that unreport did not write (notes.txt)" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text("utf-8") == "keep me"


def test_pages_have_typographic_quotes_and_the_json_the_reports(site: Path) -> None:
    html = (site / "draft-resolutions" / "vi.html").read_text("utf-8")
    assert "the donors’ informed and voluntary consent" in html
    home = (site / "index.html").read_text("utf-8")
    assert "item 110, entitled “Countering the use of information and communications " \
           "technologies for criminal purposes”" in home
    assert "the Committee’s consideration" in home
    data = json.loads((site / "A-77-464.json").read_text("utf-8"))
    assert "the Committee's consideration" in data["paragraphs"][1]["text"]
    assert '"International drug control"' in data["paragraphs"][1]["text"]


SHORT_LABEL = re.compile(r"\b(?:op|pp)\.? ?\d|\b(?:OP|PP)(?:\. ?)?\d")
"""A paragraph's label other than "PP 8" / "OP 6 (e)": "op. 12", "pp. 1", "OP12"."""


def test_one_short_label_style_on_every_page_and_table(site: Path) -> None:
    # Issue 9, item 5: delegates write "PP 8" and "OP 6 (e)"; "pp." means pages.
    # (A note's own "pp. S29–S31" is a page range of the cited work: a letter follows.)
    files = [*site.rglob("*.html"), *site.rglob("*.csv"), site / "search/search_index.json"]
    found = {f"{path.relative_to(site)}: {m.group(0)!r}"
             for path in files for m in SHORT_LABEL.finditer(path.read_text("utf-8"))}
    assert not found
    mandates = (site / "mandates.html").read_text("utf-8")
    assert ">Draft resolution VII, OP 85</a>" in mandates
