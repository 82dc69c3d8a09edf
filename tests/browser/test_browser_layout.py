"""The page as a reader finds it in Chromium: the address keeps the chosen anchor,
margin numbers in a gutter of their own at every desktop width, hanging indents
and line length, footnotes that land and return well, the table of contents, the
sponsors matrix at phone and desktop width, the meetings page and the print."""

from __future__ import annotations

import re
from typing import Any

import pytest
from browser_support import PHONE, Served, box_of, header_bottom, search, settle
from unreport.parse import Parsed
from unreport.references.meetings import meetings

pytestmark = pytest.mark.browser


def scroll_by(page: Any, dy: int) -> None:
    """Scroll the window as a reader does (mouse wheel), then wait for it to settle."""
    page.mouse.wheel(0, dy)
    settle(page)
    page.wait_for_timeout(700)  # longer than any scroll-spy's debounce


# ---- 1. Links that stay ----------------------------------------------------------------

def test_an_opened_anchor_stays_in_the_address_while_reading(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html#op-12"))
    settle(page)
    for dy in (300, 1500, 20000):
        scroll_by(page, dy)
        assert page.evaluate("location.hash") == "#op-12", dy
    scroll_by(page, -40000)
    assert page.evaluate("location.hash") == "#op-12"


def test_a_clicked_paragraph_number_stays_in_the_address(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html#op-4"))
    page.locator("#op-5 > .unr-num").click()
    page.wait_for_timeout(300)
    assert page.evaluate("location.hash") == "#op-5"
    for dy in (300, 3000):
        scroll_by(page, dy)
        assert page.evaluate("location.hash") == "#op-5", dy
    assert page.url.endswith("v.html#op-5")


# ---- 2. Light pages ---------------------------------------------------------------------

def test_the_search_index_is_fetched_when_search_is_opened(page: Any, served: Served) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(served.page_url("draft-resolutions/vii.html"))
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "search_index" in u], "fetched on page view"
    hits = search(page, "Nelson Mandela Rules")
    assert [u for u in requested if u.endswith("search/search_index.json")]
    assert any(h.endswith("#op-42") for h in hits)


# ---- 5. Layout --------------------------------------------------------------------------

MARGIN_NUMBERS = """() => {
  const nav = document.querySelector('.md-sidebar--primary');
  const navBox = nav && nav.offsetParent !== null ? nav.getBoundingClientRect() : null;
  return [...document.querySelectorAll('.unr-para > .unr-num, .unr-note > .unr-note-num')]
    .map(n => {
      const p = n.parentElement, b = n.getBoundingClientRect();
      const text = p.getBoundingClientRect().left + parseFloat(getComputedStyle(p).paddingLeft);
      return {id: p.id, left: b.left, right: b.right, text,
              nav: navBox ? navBox.right : 0, sub: p.classList.contains('unr-sub')};
    });
}"""


@pytest.mark.parametrize("width", [1024, 1280, 1440])
@pytest.mark.parametrize("path", ["draft-resolutions/vii.html", "draft-resolutions/vi.html",
                                  "index.html"])
def test_margin_numbers_have_a_gutter_of_their_own(browser: Any, served: Served, width: int,
                                                   path: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(served.page_url(path))
        numbers = page.evaluate(MARGIN_NUMBERS)
        assert numbers
        for number in numbers:
            assert number["left"] >= number["nav"] + 4, f"{number} touches the navigation"
            if not number["sub"]:
                assert number["right"] <= number["text"] + 0.5, f"{number} runs into the text"
    finally:
        context.close()


def test_sub_paragraphs_hang_and_lines_are_comfortable(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/vi.html#op-6-b"))
    lines = page.evaluate("""() => {
      const p = document.getElementById('op-6-b');
      const label = p.querySelector(':scope > .unr-num').getBoundingClientRect();
      const text = [...p.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim());
      const range = document.createRange(); range.selectNodeContents(text[text.length - 1]);
      const rects = [...range.getClientRects()];
      return {label: label.left, labelRight: label.right, starts: rects.map(r => r.left)};
    }""")
    starts = lines["starts"]
    assert len(starts) >= 3
    assert max(starts[1:]) - min(starts[1:]) < 1, "continuation lines are not aligned"
    assert lines["labelRight"] <= min(starts) and lines["label"] < min(starts) - 10, lines
    # About 70–80 characters a line in a long operative paragraph, on a desktop.
    per_line = page.evaluate("""() => {
      const p = document.getElementById('op-6');
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const counts = new Map(); const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('.unr-num, sup')) continue;
        for (let i = 0; i < node.length; i++) {
          range.setStart(node, i); range.setEnd(node, i + 1);
          const box = range.getBoundingClientRect();
          const line = Math.round((box.top + box.bottom) / 2 / 8);  // one key per line
          counts.set(line, (counts.get(line) || 0) + 1);
        }
      }
      return [...counts.values()];
    }""")
    full = [n for n in per_line[:-1] if n > 5]  # not a stray space between elements
    assert full and all(60 <= n <= 85 for n in full), per_line


def test_pages_set_quotes_typographically(page: Any, served: Served) -> None:
    page.goto(served.page_url("index.html#para-2"))
    text = page.text_content("#para-2")
    assert "entitled “Countering the use of information" in text
    assert "the Committee’s consideration" in text
    assert '"' not in text and "'" not in text


# ---- 6. Navigation ----------------------------------------------------------------------

def test_table_of_contents_leads_to_every_operative_paragraph(page: Any,
                                                             served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html"))
    toc = page.locator(".md-sidebar--secondary")
    hrefs = toc.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "#preamble" in hrefs and "#operative" in hrefs
    grid = page.locator(".md-sidebar--secondary .unr-op-grid a")
    operative = page.locator(".unr-op[id]").evaluate_all("els => els.map(e => '#' + e.id)")
    assert grid.evaluate_all("els => els.map(e => e.getAttribute('href'))") == operative
    grid.filter(has_text=re.compile(r"^42$")).click()
    page.wait_for_url("**/v.html#op-42")
    assert page.evaluate("document.getElementById('op-42').getBoundingClientRect().top") >= (
        header_bottom(page) - 1)


def test_on_a_phone_the_drawer_leads_to_pages_and_paragraphs(browser: Any,
                                                             served: Served) -> None:
    """The drawer's contents are laid out only when it opens (content-visibility):
    opened, it shows every page, and the page's own contents lead to OP 42."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(served.page_url("draft-resolutions/v.html"))
        drawer = page.locator(".md-sidebar--primary")
        assert box_of(page, ".md-sidebar--primary")["x"] < 0  # off screen until opened
        page.locator(".md-header label[for='__drawer']").click()
        settle(page)
        page.wait_for_timeout(400)  # the drawer's slide
        frame = box_of(page, ".md-sidebar--primary")
        assert frame["x"] >= -1 and frame["width"] > 150
        seven = drawer.locator("a.md-nav__link", has_text=re.compile(r"^\s*VII\."))
        assert seven.is_visible() and seven.bounding_box()["height"] > 10
        drawer.locator("label.md-nav__link[for='__toc']").click()  # this page's contents
        settle(page)
        page.wait_for_timeout(400)
        number = drawer.locator(".unr-op-grid a").filter(has_text=re.compile(r"^42$"))
        assert number.is_visible()
        number.click()
        page.wait_for_url("**/v.html#op-42")
    finally:
        context.close()


def test_titles_without_repetition_and_cut_at_words(page: Any, served: Served,
                                                    parsed: Parsed) -> None:
    page.goto(served.page_url("index.html"))
    title = page.title()
    assert title.count("A/77/464") == 1, title
    names = page.locator("nav.md-nav--primary a[href*='draft-resolutions/']").evaluate_all(
        "els => els.map(e => e.textContent.trim())")
    titles = {r.number: r.title for r in parsed.report.resolutions}
    for name in names:
        number, _, shown = name.partition(". ")
        full = titles[number].replace("'", "’").replace('"', "”")
        if shown.endswith("…"):
            kept = shown[:-1]
            assert full.startswith(kept) and full[len(kept)] in " ,;:", name
        else:
            assert shown == full
    page.goto(served.page_url("draft-resolutions/vii.html"))
    assert page.title().startswith("Draft resolution VII - A/77/464")


# ---- 7. Footnotes -----------------------------------------------------------------------

@pytest.mark.parametrize("note", [42, 47])  # 47 is the page's last note
def test_a_note_lands_high_and_back_shows_the_whole_paragraph(page: Any, served: Served,
                                                             note: int) -> None:
    page.goto(served.page_url("draft-resolutions/vii.html"))
    paragraph_id = page.evaluate(f"document.getElementById('fnref-{note}')"
                                 ".closest('.unr-para').id")
    page.goto(served.page_url(f"draft-resolutions/vii.html#{paragraph_id}"))
    settle(page)
    page.locator(f"#fnref-{note}").click()
    page.wait_for_url(f"**/vii.html#fn-{note}")
    settle(page)
    box, header = box_of(page, f"#fn-{note}"), header_bottom(page)
    height = page.viewport_size["height"]
    assert header - 1 <= box["y"] <= header + 0.25 * height, box
    page.locator(f"#fn-{note} a.unr-note-num").click()
    page.wait_for_url(f"**/vii.html#fnref-{note}")
    settle(page)
    paragraph = box_of(page, f"#{paragraph_id}")
    assert paragraph["y"] >= header - 1, "the paragraph starts under the header"
    assert paragraph["y"] + paragraph["height"] <= height, "the paragraph runs off screen"
    assert not page.locator(".unr-tooltip").is_visible(), "the tooltip came back"


def test_tooltips_never_cover_the_line_being_read(page: Any, served: Served) -> None:
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(served.page_url("draft-resolutions/v.html#pp-2"))
        settle(page)
        for mark in ("#fnref-6", "#fnref-8"):
            page.locator(mark).hover()
            tip, line = box_of(page, ".unr-tooltip"), box_of(page, mark)
            line_top, line_bottom = line["y"] - 4, line["y"] + line["height"] + 6
            apart = tip["y"] + tip["height"] <= line_top or tip["y"] >= line_bottom
            assert apart, (width, mark, tip, line)
            page.mouse.move(1, 300)


def test_a_restored_mark_says_why_in_its_tooltip(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/v.html#pp-2"))
    page.evaluate("document.getElementById('fnref-6').setAttribute('data-restored', "
                  "'Mark restored by unreport: the converter lost it.')")
    page.locator("#fnref-6").hover()
    text = page.inner_text(".unr-tooltip")
    assert text.startswith("United Nations, Treaty Series, vol. 2349, No. 42146.")
    assert "Mark restored by unreport: the converter lost it." in text


# ---- 4. Sponsors ------------------------------------------------------------------------

@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}])
def test_sponsors_matrix_keeps_states_and_header_in_view(browser: Any, served: Served,
                                                         viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(served.page_url("sponsors.html#states"))
        box = page.locator(".unr-matrix")
        box.scroll_into_view_if_needed()
        settle(page)
        width = viewport["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "page scrolls"
        frame = box_of(page, ".unr-matrix")
        assert frame["x"] >= 0 and frame["x"] + frame["width"] <= width
        state = page.locator(".unr-matrix tbody th").first
        header = page.locator(".unr-matrix thead th").nth(1)
        before = (state.bounding_box(), header.bounding_box())
        box.evaluate("b => { b.scrollLeft = b.scrollWidth; b.scrollTop = 2000; }")
        page.wait_for_timeout(100)
        first_row = page.locator(".unr-matrix tbody th").first.bounding_box()
        assert abs(header.bounding_box()["y"] - before[1]["y"]) < 1, "the header scrolled away"
        assert abs(state.bounding_box()["x"] - before[0]["x"]) < 1, "the State column moved"
        assert first_row["y"] < before[1]["y"], "the rows do not scroll under the header"
        # Every draft and the total can be brought into view inside the page.
        for cell in page.locator(".unr-matrix thead th").all():
            cell.scroll_into_view_if_needed()
            b = cell.bounding_box()
            assert b["x"] >= 0 and b["x"] + b["width"] <= width + 0.5, cell.inner_text()
        sizes = page.locator(".unr-matrix .unr-mark, .unr-legend .unr-mark").evaluate_all(
            "els => [...new Set(els.map(e => e.offsetWidth + 'x' + e.offsetHeight))]")
        assert len(sizes) == 1, sizes
        legend = page.inner_text(".unr-legend")
        for role in ("original sponsor", "joined subsequently", "joined at the meeting"):
            assert role in legend
        page.locator(".unr-letters a", has_text="K").click()
        page.wait_for_url("**/sponsors.html#kazakhstan")
    finally:
        context.close()


def test_counts_are_written_the_same_way_everywhere(page: Any, served: Served) -> None:
    page.goto(served.page_url("index.html"))
    counts = page.locator(".unr-drafts tbody tr td:last-child").all_inner_texts()
    assert counts and all(c.isdigit() for c in counts), counts
    page.goto(served.page_url("sponsors.html"))
    totals = page.locator("#per-draft ~ .unr-table table").first.locator(
        "tbody td:last-child").all_inner_texts()
    assert totals == counts


# ---- 9. Meetings ------------------------------------------------------------------------

def test_meetings_page_lists_every_paragraph_under_its_meeting(page: Any, served: Served,
                                                               parsed: Parsed) -> None:
    page.goto(served.page_url("meetings.html"))
    listed = page.evaluate("""() => {
      const out = {};
      for (const h of document.querySelectorAll('article h2[id]')) {
        const numbers = [];
        for (let el = h.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling)
          for (const a of el.querySelectorAll('li > a[href*="index.html#para-"]:first-child'))
            numbers.push(Number(a.getAttribute('href').split('#para-')[1]));
        out[h.id] = numbers;
      }
      return out;
    }""")
    expected = {f"{'plenary' if m.plenary else 'meeting'}-{m.number}": list(m.paragraphs)
                for m in meetings(parsed.report)}
    assert listed == expected
    assert listed["meeting-50"] == [2, 16, 17, 18, 19, 20]
    item = page.locator("#meeting-51 ~ div li", has_text="Paragraph 2").first
    assert len(item.inner_text()) < 120, "a paragraph about six meetings is quoted in full"


# ---- 8. Print ---------------------------------------------------------------------------

def test_vii_prints_compactly_with_its_name_first(page: Any, served: Served) -> None:
    page.goto(served.page_url("draft-resolutions/vii.html"))
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 0 < pages <= 30, pages
    page.emulate_media(media="print")
    assert not page.locator(".unr-cites").is_visible(), "the Cites list prints"
    source = box_of(page, ".unr-source")
    assert "A/77/464" in page.inner_text(".unr-source")
    a4_body = (297 - 34) / 25.4 * 96
    assert source["y"] + source["height"] < a4_body, "A/77/464 is not on the first page"
    styles = page.eval_on_selector("#op-1", "p => { const s = getComputedStyle(p); "
                                   "return [s.breakInside, s.orphans, s.widows]; }")
    assert styles == ["auto", "2", "2"], styles
