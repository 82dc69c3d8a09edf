"""The crime-prevention documents as one site: A/77/464 with resolutions 78/223–78/229,
the next session's texts (the corpus beside the project; skipped where it is absent).

What was read in the documents themselves: 78/229 bears the title of A/77/464's draft
resolution VII and reaffirms, in its first paragraph, "its resolutions 46/152 … 76/187 of
16 December 2021 and 77/237 of 15 December 2022" — so VII became 77/237; 78/223 and
78/224 do the same for drafts I (77/231) and II (77/232). 78/229 cites 78/223 (PP 5) and
78/225 (PP 6), documents of the collection; 78/228's title is none of A/77/464's."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from unreport import cli
from unreport.parse.source import bundled_path
from unreport.publish.mkdocs_engine import CACHE_VARIABLE


@pytest.fixture(scope="module")
def site(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crime-prevention")
    sources = [str(bundled_path())] + [str(corpus / "pdf" / f"A_RES_78_{n}.pdf")
                                       for n in range(223, 230)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_VARIABLE, str(folder / "cache"))  # a store of its own
        assert cli.main(["build", *sources, "--site-dir", str(folder / "site")]) == 0
    return folder / "site"


def links_in(page: Path) -> dict[str, set[str]]:
    """``{link text: hrefs}`` of the links the collection made local."""
    found: dict[str, set[str]] = {}
    for href, text in re.findall(r'<a class="unr-ref" href="([^"]+)" data-unr-local>([^<]+)</a>',
                                 page.read_text("utf-8")):
        found.setdefault(text, set()).add(href)
    return found


def test_its_resolution_77_237_leads_to_the_draft_it_was(site: Path) -> None:
    local = links_in(site / "A-RES-78-229" / "index.html")
    assert local["77/237"] == {"../A-77-464/draft-resolutions/vii.html"}
    assert local["78/223"] == {"../A-RES-78-223/index.html"}
    assert local["78/225"] == {"../A-RES-78-225/index.html"}
    assert local["77/232"] == {"../A-77-464/draft-resolutions/ii.html"}
    html = (site / "A-RES-78-229" / "index.html").read_text("utf-8")
    assert 'href="https://undocs.org/en/A/RES/76/187"' in html  # not in the collection


def test_the_draft_says_what_it_became_and_who_cites_it(site: Path) -> None:
    html = (site / "A-77-464" / "draft-resolutions" / "vii.html").read_text("utf-8")
    assert "Adopted as resolution 77/237 (A/RES/78/229 bears the title of A/77/464’s " \
           "draft resolution VII and cites 77/237 as the last of its line)" in \
           html
    cited = html[html.index('id="cited-in"'):]
    assert '../../A-RES-78-229/index.html#pp-1">Resolution 78/229, PP 1</a>' in cited
    other = (site / "A-77-464" / "draft-resolutions" / "iii.html").read_text("utf-8")
    assert "Adopted as" not in other  # no later version of III in the collection


def test_the_collection_data_names_the_identities_and_links(site: Path) -> None:
    data = json.loads((site / "collection.json").read_text("utf-8"))
    assert {(i["resolution"], i["draft_url"]) for i in data["identities"]} == {
        ("A/RES/77/231", "A-77-464/draft-resolutions/i.html"),
        ("A/RES/77/232", "A-77-464/draft-resolutions/ii.html"),
        ("A/RES/77/237", "A-77-464/draft-resolutions/vii.html")}
    assert {"from": {"symbol": "A/RES/78/229", "label": "Resolution 78/229, PP 5",
                     "url": "A-RES-78-229/index.html#pp-5"},
            "to": {"name": "A/RES/78/223", "url": "A-RES-78-223/index.html"}} in data["links"]
    assert data["warnings"] == []


def test_every_local_link_leads_to_a_page_and_anchor_that_exist(site: Path) -> None:
    for page in site.glob("A-*/**/*.html"):
        html = page.read_text("utf-8")
        for href in re.findall(r'href="([^"]+)" data-unr-local', html):
            path, _, anchor = href.partition("#")
            target = (page.parent / path).resolve()
            assert target.is_file(), (page, href)
            if anchor:
                assert f'id="{anchor}"' in target.read_text("utf-8"), (page, href)
