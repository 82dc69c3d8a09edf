"""The built site's search index and the offline zip, read as files (no browser).

They use the browser tests' session builds, so they sit here; they are marked
``slow`` (they need the MkDocs build), not ``browser``.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from unreport.publish.mkdocs_engine import JS_PREFIX

pytestmark = pytest.mark.slow

PARAGRAPH = re.compile(r'<p [^>]*class="(?:unr-para|unr-note)[^"]*"[^>]*\bid="([^"]+)"'
                       r'|<p [^>]*\bid="([^"]+)"[^>]*class="(?:unr-para|unr-note)')


def _index(site: Path) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = json.loads(
        (site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    return docs


def _anchors(html: str) -> list[str]:
    return [a or b for a, b in PARAGRAPH.findall(html)]


def test_every_paragraph_and_note_is_one_entry_of_its_own(site_dir: Path) -> None:
    docs = _index(site_dir)
    locations = [d["location"] for d in docs]
    assert len(locations) == len(set(locations)), "an entry is there twice"
    pages = ["index.html", *(f"draft-resolutions/{p.name}"
                             for p in sorted((site_dir / "draft-resolutions").glob("*.html")))]
    for page in pages:
        anchors = _anchors((site_dir / page).read_text("utf-8"))
        assert anchors, page
        missing = [a for a in anchors if f"{page}#{a}" not in locations]
        assert not missing, (page, missing[:5])
        first = next(i for i, loc in enumerate(locations) if loc.split("#")[0] == page)
        assert locations[first] == page, "the page's own entry must come first"


def test_entries_are_titled_by_paragraph_and_hold_its_words(site_dir: Path) -> None:
    docs = {d["location"]: d for d in _index(site_dir)}
    op_12 = docs["draft-resolutions/v.html#op-12"]
    assert op_12["title"] == "Draft resolution V, OP 12"
    assert op_12["text"].startswith("Welcomes the progress made in the first and second review")
    assert docs["index.html#para-19"]["title"] == "Report, para. 19"
    assert docs["draft-resolutions/vi.html#op-6-i"]["title"] == "Draft resolution VI, OP 6 (i)"
    assert docs["draft-resolutions/v.html#fn-6"] == {
        "location": "draft-resolutions/v.html#fn-6", "title": "Draft resolution V, note 6",
        "text": "United Nations, Treaty Series, vol. 2349, No. 42146."}
    assert docs["draft-resolutions/ii.html#pp-6"]["title"] == "Draft resolution II, PP 6"


def test_no_text_is_indexed_twice(site_dir: Path) -> None:
    docs = _index(site_dir)
    welcomes = "encourages the use of the lessons learned in order to improve the efficiency"
    holders = [d["location"] for d in docs if welcomes in d["text"]]
    assert holders == ["draft-resolutions/v.html#op-12"]
    page = next(d for d in docs if d["location"] == "draft-resolutions/v.html")
    assert page["text"] == "", "the page's own entry repeats its text"


def test_pages_without_paragraphs_keep_mkdocs_entries(site_dir: Path) -> None:
    about = [d for d in _index(site_dir) if d["location"].startswith("about.html")]
    assert about and about[0]["location"] == "about.html"
    assert any("#citing-a-paragraph" in d["location"] for d in about)


def test_the_zip_holds_one_folder_without_server_files(bundle_zip: Path) -> None:
    with zipfile.ZipFile(bundle_zip) as archive:
        names = archive.namelist()
        script = archive.read("A-77-464/search/search_index.js").decode("utf-8")
        index = json.loads(archive.read("A-77-464/search/search_index.json"))
    assert all(name.startswith("A-77-464/") for name in names)
    assert "A-77-464/index.html" in names
    assert "A-77-464/assets/unreport-iframe-worker.js" in names
    assert not [n for n in names if n.endswith((".map", "sitemap.xml", "404.html"))]
    assert script.startswith(JS_PREFIX)
    assert json.loads(script[len(JS_PREFIX):]) == index, "the offline index is out of date"


def test_the_offline_pages_load_nothing_from_elsewhere(offline: Any) -> None:
    html = (offline.root / "draft-resolutions" / "v.html").read_text("utf-8")
    assert '<script src="../assets/unreport-iframe-worker.js">' in html
    assert "unpkg.com" not in html and "fonts.googleapis" not in html
