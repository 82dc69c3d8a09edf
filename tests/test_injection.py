"""Safe output (issue #5, part 4): text from the report never becomes markup on the site.

One copy of the real report gets the same hostile payload in six fields — a
report paragraph, a draft title, a footnote, a sponsor name, a subsection
heading and the report's title — each with its own number so that what shows
up can be traced to its field. The real MkDocs build makes the site once for
the module; every HTML page (and the search index, whose texts the theme
inserts as HTML) is parsed with ``html.parser``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unreport import cli
from unreport.parse import parse
from unreport.parse.source import bundled_path, read_source
from unreport.site.markdown_text import escape, escape_block, html_nav, html_text

LINES = bundled_path().read_text("utf-8").split("\n")


def payload(n: int) -> str:
    """Raw HTML, a javascript: link, emphasis, a link, an attribute list and a superscript."""
    return (f"<script>alert({n})</script><img src=x onerror=alert({n})><iframe src=x{n}>"
            f"</iframe>[x](javascript:alert({n})) *em{n}* [a](http://x{n}) "
            f"{{: onclick=alert({n}) }} ^s{n}^")


def plain(text: str) -> str:
    """Without emphasis markers, which the parser strips from most texts on purpose."""
    return text.replace("*", "")


@dataclass(frozen=True)
class Field:
    """A place in the report where the payload is put, and the page that shows it."""

    n: int
    prefix: str
    page: str

    def inject(self, lines: list[str]) -> None:
        index = next(i for i, line in enumerate(lines) if line.startswith(self.prefix))
        text = lines[index]
        if self.n == 4:  # a sponsor in the "submitted by" list of draft A/C.3/77/L.7/Rev.1
            lines[index] = text.replace("Mongolia and Peru", f"Mongolia, {payload(4)} and Peru")
        elif self.n == 2:  # at the start of the title, so that the nav shows it too
            lines[index] = f"{payload(2)} {text}"
        else:
            lines[index] = f"{text} {payload(self.n)}"


FIELDS = {
    "paragraph": Field(1, "- 4. At the 5th meeting", "index.html"),
    "draft title": Field(2, "Follow-up to the Fourteenth United Nations Congress",
                         "draft-resolutions/i.html"),
    "footnote": Field(3, "<sup>2</sup> See A/C.3/77/SR.46.", "index.html"),
    "sponsor name": Field(4, "- 16. At the 50th meeting", "draft-resolutions/v.html"),
    "subsection heading": Field(5, "#### A. Draft resolution A/C.3/77/L.2", "index.html"),
    "report title": Field(6, "# Crime prevention and criminal justice", "index.html"),
}


@dataclass
class Page:
    """What ``html.parser`` found in one page."""

    elements: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    inside: dict[str, list[str]] = field(default_factory=dict)
    """Text inside <em>, <sup> and <a> elements, by tag."""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.elements.append((tag, dict(attrs)))
        if tag not in ("img", "br", "hr", "input", "meta", "link", "source", "wbr"):
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "script" in self._open:
            self.page.scripts.append(data)
        elif "style" not in self._open:
            self.page.text.append(data)
        for tag in ("em", "sup", "a"):
            if tag in self._open:
                self.page.inside.setdefault(tag, []).append(data)


def read_html(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def markup_from_input(page: Page) -> list[str]:
    """Elements and attributes that could only have come from the payload."""
    found: list[str] = []
    for tag, attrs in page.elements:
        if tag in ("iframe", "img"):
            found.append(f"<{tag} {attrs}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"<{tag} {name}={value!r}>")
            if value and value.strip().lower().startswith("javascript:"):
                found.append(f"<{tag} {name}={value!r}>")
            if tag == "a" and name == "href" and value and value.startswith("http://x"):
                found.append(f"<a href={value!r}>")
    found += [f"<script>{s[:40]}" for s in page.scripts if "alert(" in s]
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built by ``unreport build`` from the report with every field injected."""
    folder = tmp_path_factory.mktemp("injected")
    lines = list(LINES)
    for spot in FIELDS.values():
        spot.inject(lines)
    source = folder / "hostile.md"
    source.write_text("\n".join(lines), "utf-8")
    report = parse(read_source(source)).report  # the payloads are in their fields
    assert plain(payload(2)) in plain(report.resolutions[0].title)
    assert plain(payload(4)) in [plain(n) for p in report.proposals for n in p.submitted_by]
    assert any(plain(payload(5)) in plain(sub.title)
               for s in report.sections for sub in s.subsections)
    assert plain(payload(6)) in plain(report.title)
    code = cli.main(["build", str(source), "--site-dir", str(folder / "site")])
    assert code == cli.EXIT_OK
    return folder / "site"


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, Page]:
    return {p.relative_to(site).as_posix(): read_html(p.read_text("utf-8"))
            for p in sorted(site.rglob("*.html"))}


def test_no_page_has_markup_from_the_input(pages: dict[str, Page]) -> None:
    for name, page in pages.items():
        assert markup_from_input(page) == [], name


def test_search_index_has_no_markup_from_the_input(site: Path) -> None:
    """The theme shows search results with innerHTML: their texts must be escaped too."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            page = read_html(str(doc.get(key, "")))
            assert markup_from_input(page) == [], (doc["location"], key)


@pytest.mark.parametrize("name", list(FIELDS))
def test_payload_is_visible_text(name: str, pages: dict[str, Page]) -> None:
    spot = FIELDS[name]
    page = pages[spot.page]
    text = " ".join("".join(page.text).split())
    assert plain(payload(spot.n)) in plain(text)
    assert all(f"em{spot.n}" not in t for t in page.inside.get("em", []))
    assert all(t.strip() != f"s{spot.n}" for t in page.inside.get("sup", []))
    assert markup_from_input(page) == []


def test_draft_title_in_the_navigation_is_text(pages: dict[str, Page]) -> None:
    """Nav titles are printed unescaped by the theme; the build escapes them first."""
    for name, page in pages.items():
        assert "<script>alert(2)</script>" in "".join(page.text), name


# --- the escaping functions themselves -----------------------------------------------------

EXTENSIONS = ["attr_list", "admonition", "tables", "md_in_html", "pymdownx.details",
              "pymdownx.caret", "toc"]
MARKUP = st.lists(st.sampled_from(list("<>&\"'`*_[](){}#!^~=|\\:-+.?/ \tab1")
                                  + ["javascript:", "<script>", "{: #x }", "&lt;", "\x02",
                                     "\x03", "http://x", "!!! note", "??? x", "1. ", "- ",
                                     "<sup>1</sup>", "\x02wzxhzdk:0\x03"]),
                  max_size=30).map("".join)


def _only_text(html: str) -> str:
    page = read_html(html)
    assert {tag for tag, _ in page.elements} <= {"p"}, html
    return "".join(page.text)


@settings(max_examples=150, deadline=None)
@given(MARKUP)
def test_escape_renders_as_the_same_text(text: str) -> None:
    """Whatever the text, Markdown with the site's extensions shows it as plain text."""
    html = markdown.markdown(f"x {escape(text)}", extensions=EXTENSIONS)
    expected = " ".join(f"x {text}".replace("\x02", "\ufffd").replace("\x03", "\ufffd").split())
    assert " ".join(_only_text(html).split()) == expected


@settings(max_examples=150, deadline=None)
@given(MARKUP)
def test_escape_block_is_safe_at_the_start_of_a_line(text: str) -> None:
    html = markdown.markdown(escape_block(text), extensions=EXTENSIONS)
    expected = " ".join(text.replace("\x02", "\ufffd").replace("\x03", "\ufffd").split())
    assert " ".join(_only_text(html).split()) == expected


def test_html_text_and_nav() -> None:
    assert html_text("<b>\"x\" & 'y'</b>") == "&lt;b&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/b&gt;"
    nav = [{"Report": "index.md"}, {"Drafts": [{"I. <script>": "i.md"}]}, "about.md"]
    assert html_nav(nav) == [{"Report": "index.md"}, {"Drafts": [{"I. &lt;script&gt;": "i.md"}]},
                             "about.md"]
