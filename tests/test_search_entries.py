"""The search entries made from the model while pages are rendered (no engine)."""

from __future__ import annotations

import pytest
from unreport.site.search_entries import (
    SearchEntry,
    SearchPage,
    nav_pages,
    paragraph_title,
    plain_text,
    replace_pages,
)


def test_a_page_gives_its_entry_then_sections_and_paragraphs_in_order() -> None:
    page = SearchPage("draft-resolutions/x.md", "Draft resolution X")
    page.section("draft-resolution-x", "Draft resolution X", 1)
    page.text("Opening &amp; **more**\n{: .unr-source }")
    page.section("preamble", "Preamble", 2)
    page.text("*The General Assembly,*\n{: .unr-assembly }")
    page.paragraph("pp-1", "Recalling  its resolution 1/1,")
    page.section("operative", "Operative part", 2)  # nothing outside paragraphs: dropped
    page.paragraph("op-1", "Asks for it;")
    page.paragraph("op-1-a", "And this.")
    page.section("notes", "Notes", 2)
    page.paragraph("fn-2", "Lost mark.")
    assert [(e.location, e.title, e.text) for e in page.entries()] == [
        ("draft-resolutions/x.html", "Draft resolution X", ""),
        ("draft-resolutions/x.html#draft-resolution-x", "Draft resolution X", "Opening & more"),
        ("draft-resolutions/x.html#preamble", "Preamble", "The General Assembly,"),
        ("draft-resolutions/x.html#pp-1", "Draft resolution X, PP 1",
         "Recalling its resolution 1/1,"),
        ("draft-resolutions/x.html#op-1", "Draft resolution X, OP 1", "Asks for it;"),
        ("draft-resolutions/x.html#op-1-a", "Draft resolution X, OP 1 (a)", "And this."),
        ("draft-resolutions/x.html#fn-2", "Draft resolution X, note 2", "Lost mark."),
    ]


@pytest.mark.parametrize(("markdown", "text"), [
    ("[A/77/464](../index.md) · Report of the Third Committee\n{: .unr-source }",
     "A/77/464 · Report of the Third Committee"),
    ('!!! info "How the Committee adopted it"\n\n    | Draft | [A/C.3/77/L.2](https://x/y) |\n'
     "    |---|---|\n    | Sponsors | 0 |", "How the Committee adopted it Draft A/C.3/77/L.2 "
     "Sponsors 0"),
    ('<div class="unr-table" markdown>\n\n| No. | Title |\n|---|--:|\n| [I](i.md) | T |\n\n'
     "</div>", "No. Title I T"),
    ("[Read draft resolution I →](draft-resolutions/i.md){.md-button .unr-to-draft}\n",
     "Read draft resolution I →"),
    ("- [Draft resolution I: Title](draft-resolutions/i.md)\n- [Draft resolution II: B]"
     "(draft-resolutions/ii.md)\n", "Draft resolution I: Title Draft resolution II: B"),
    ("Côte d&#8217;Ivoire \\*not emphasis\\* &amp; 3 &lt; 4",
     "Côte d’Ivoire *not emphasis* & 3 < 4"),
])
def test_plain_text_of_the_markdown_the_renderers_write(markdown: str, text: str) -> None:
    assert plain_text(markdown) == text


@pytest.mark.parametrize(("anchor", "title"), [
    ("para-3-a", "Report, para. 3 (a)"), ("pp-8", "Report, PP 8"),
    ("op-6-e-ii", "Report, OP 6 (e) (ii)"), ("fn-12", "Report, note 12"),
])
def test_paragraph_titles_use_the_short_labels_delegates_write(anchor: str, title: str) -> None:
    assert paragraph_title("Report", anchor) == title


def test_an_engines_entries_of_our_pages_are_replaced_pages_in_navigation_order() -> None:
    engine = [{"location": "about.html", "title": "About", "text": "kept"},
              {"location": "about.html#x", "title": "X", "text": "kept too"},
              {"location": "index.html", "title": "Home", "text": "all"},
              {"location": "index.html#s", "title": "S", "text": "section with paragraphs"},
              {"location": "extra.html", "title": "Extra", "text": "not in the navigation"}]
    ours = (SearchEntry("index.html", "Home", ""), SearchEntry("index.html#para-1", "P", "one"),
            SearchEntry("v.html", "V", ""))  # v.html: the engine skipped it (front matter)
    merged = replace_pages(engine, ours, lambda e: {"location": e.location, "title": e.title},
                           ["index.html", "v.html", "about.html"])
    assert [m["location"] for m in merged] == [
        "index.html", "index.html#para-1", "v.html", "about.html", "about.html#x", "extra.html"]
    assert merged[3]["text"] == "kept"


def test_the_pages_of_a_navigation_in_its_order() -> None:
    nav = [{"Report": "index.md"}, {"Drafts": [{"I": "draft-resolutions/i.md"}]},
           {"About": "about.md"}]
    assert nav_pages(nav) == ["index.html", "draft-resolutions/i.html", "about.html"]
