"""The Zensical check: the pages ``unreport generate`` writes, built by Zensical.

Material for MkDocs reached its end of life; Zensical, by the same team, reads
``mkdocs.yml`` but runs no MkDocs plugin. The generated pages are plain Markdown
with standard extensions and the theme overrides use template blocks, so the
same pages build with it; our paragraph search entries are written into its
index by ``publish/zensical_engine.py``.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from browser_support import DESKTOP, serving
from conftest import _QuietHandler

ANCHOR = re.compile(r"\{:? ?#([a-z0-9-]+)")
PARAGRAPH = re.compile(r"^(?:para|pp|op|fn)-\d")
QUERY = "lessons learned in order to improve the efficiency and effectiveness of the Mechanism"
"""Words of draft resolution V, operative paragraph 12, and of no other paragraph."""


def _generated_pages(site: Path) -> dict[str, list[str]]:
    """Each generated Markdown page (beside the site) with the anchors it gives."""
    docs = site.parent / "docs"
    return {path.relative_to(docs).as_posix(): ANCHOR.findall(path.read_text("utf-8"))
            for path in sorted(docs.rglob("*.md"))}


@pytest.mark.slow
def test_every_page_and_every_anchor_is_built(zensical_site: Path) -> None:
    pages = _generated_pages(zensical_site)
    assert len(pages) >= 13  # home, seven drafts, four indexes, data
    paragraphs = 0
    for page, anchors in pages.items():
        built = zensical_site / page.replace(".md", ".html")
        assert built.is_file(), f"{built} was not built"
        ids = set(re.findall(r'\bid="([^"]+)"', built.read_text("utf-8")))
        missing = [a for a in anchors if a not in ids]
        assert not missing, (page, missing[:5])
        paragraphs += sum(1 for a in anchors if PARAGRAPH.match(a))
    assert paragraphs == 653  # A/77/464's paragraphs, sub-paragraphs and notes


@pytest.mark.slow
def test_search_has_every_paragraph_at_its_anchor(zensical_site: Path) -> None:
    items = json.loads((zensical_site / "search.json").read_text("utf-8"))["items"]
    locations = {item["location"]: item for item in items}
    for page, anchors in _generated_pages(zensical_site).items():
        html = page.replace(".md", ".html")
        for anchor in (a for a in anchors if PARAGRAPH.match(a)):
            assert f"{html}#{anchor}" in locations, f"{html}#{anchor}"
    op_12 = locations["draft-resolutions/v.html#op-12"]
    assert op_12["title"] == "Draft resolution V, OP 12"
    assert op_12["text"].startswith("Welcomes the progress made in the first and second")
    assert op_12["path"][0] == "Draft resolutions"


@pytest.mark.browser
def test_searching_opens_the_paragraph(zensical_site: Path, browser: Any) -> None:
    handler = functools.partial(_QuietHandler, directory=str(zensical_site))
    with serving(handler) as address:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        page.goto(f"{address}/index.html")
        page.keyboard.press("/")  # Zensical's search opens on its key, as Material's did
        page.wait_for_timeout(300)
        page.keyboard.insert_text(QUERY)  # the whole query at once, as a paste
        results: list[str] = []
        for _ in range(40):  # the results come from a worker: wait until they settle
            page.wait_for_timeout(250)
            found = page.evaluate("""() => [...document.querySelectorAll("body > div")]
                .filter(host => host.shadowRoot)
                .flatMap(host => [...host.shadowRoot.querySelectorAll("a[role=option]")])
                .map(a => a.getAttribute("href"))""")
            if found and found == results:
                break
            results = found
        assert results, "no search result"
        assert re.search(r"draft-resolutions/v\.html(\?[^#]*)?#op-12$", results[0]), results[:3]
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"v\.html.*#op-12$"))
        target = page.evaluate("() => document.querySelector(':target')?.id")
        assert target == "op-12"
        context.close()
