"""The collection's pure stages on small hand-made documents: which paragraph a citation
names, which draft became which resolution, how citations resolve, and what the
collection puts into a built page."""

from __future__ import annotations

import pytest
from unreport.collection.document_build import CITED_IN, IN_COLLECTION, with_places
from unreport.collection.lineage import identities, same_title
from unreport.collection.links import collect
from unreport.collection.rewrite import rewrite_page
from unreport.collection.summary import Cited, DocumentSummary, Text, named_paragraph


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("on the report of the Third Committee (", ", para. 29)]", 29),
    ("see ", ", paras. 12 and 13", 12),
    ("as requested in paragraph 5 of its resolution ", " of 15 December 2022", 5),
    ("pursuant to operative paragraph 14 (b) of General Assembly resolution ", ";", 14),
    ("Reaffirming its resolution ", " of 19 December 2023 on the follow-up", None),
    ("paragraph 5 of the report and resolution ", "", None),  # 5 belongs to the report
    ("", ", annex", None),
])
def test_the_paragraph_a_citation_names(before: str, after: str,
                                        expected: int | None) -> None:
    assert named_paragraph(before, after) == expected


def test_titles_compare_without_case_or_punctuation() -> None:
    assert same_title("Strengthening the United Nations Crime Prevention and Criminal "
                      "Justice Programme, in particular its technical cooperation capacity",
                      "Strengthening the United Nations crime prevention and criminal "
                      "justice programme,  in particular its technical cooperation capacity")
    assert not same_title("Equal access to justice for all", "Equal access to justice")


def text(page: str, name: str, title: str, anchors: tuple[str, ...] = ("pp-1", "op-1"),
         draft: str | None = None) -> Text:
    return Text(page, name, title, draft, anchors)


def document(symbol: str, kind: str, session: int, texts: tuple[Text, ...],
             cites: tuple[Cited, ...] = (), adopted_on: str | None = None,
             pages: dict[str, tuple[str, ...]] | None = None) -> DocumentSummary:
    folder = symbol.replace("/", "-")
    return DocumentSummary(
        symbol=symbol, folder=folder, kind=kind,
        title=texts[0].title if kind != "report" else "Crime prevention", date=None,
        session=session, committee="Third Committee", agenda_item=None,
        adopted_on=adopted_on, adopted_paragraph=None, texts=texts,
        pages=pages or {t.page: t.anchors for t in texts}, cites=cites, asks=(),
        source_digest="", build_key="")


def cite(anchor: str, symbol: str, paragraph: int | None = None,
         page: str = "index.html") -> Cited:
    return Cited(page, anchor, f"Resolution, {anchor}", symbol, paragraph,
                 symbol.removeprefix("A/RES/"))


TITLE = "Strengthening the crime prevention programme"
REPORT = document("A/77/464", "report", 77, (
    text("draft-resolutions/i.html", "Draft resolution I", "Follow-up to the Congress",
         draft="A/C.3/77/L.3"),
    text("draft-resolutions/vii.html", "Draft resolution VII", TITLE,
         ("pp-1", "op-1", "op-2", "op-2-a")),
), pages={"index.html": ("para-1", "para-31"),
          "draft-resolutions/i.html": ("pp-1", "op-1"),
          "draft-resolutions/vii.html": ("pp-1", "op-1", "op-2", "op-2-a")})
LATER = document("A/RES/78/229", "resolution", 78, (text("index.html", "Resolution 78/229",
                                                         TITLE),), cites=(
    cite("pp-1", "A/RES/76/187"), cite("pp-1", "A/RES/77/237"),
    cite("pp-3", "A/RES/77/235"),
    cite("op-1", "A/RES/77/237", 2),
    cite("op-4", "A/77/464", 31),
    cite("op-5", "A/C.3/77/L.3"),
    cite("op-6", "A/RES/78/223"),
))


def test_a_later_resolution_shows_which_draft_became_the_last_of_its_line() -> None:
    found, warnings = identities([REPORT, LATER])
    assert warnings == ()
    assert [(i.resolution, i.report, i.page) for i in found] == [
        ("A/RES/77/237", "A/77/464", "draft-resolutions/vii.html")]
    assert "78/229" in found[0].evidence and "77/237" in found[0].evidence


def test_a_resolution_adopted_on_a_report_is_its_draft_of_the_same_title() -> None:
    adopted = document("A/RES/77/237", "resolution", 77,
                       (text("index.html", "Resolution 77/237", TITLE.upper()),),
                       adopted_on="A/77/464")
    found, _ = identities([REPORT, adopted])
    assert [(i.resolution, i.page) for i in found] == [
        ("A/RES/77/237", "draft-resolutions/vii.html")]


def test_two_drafts_with_the_title_are_a_warning_not_a_guess() -> None:
    twice = document("A/77/464", "report", 77, (
        text("draft-resolutions/vi.html", "Draft resolution VI", TITLE),
        text("draft-resolutions/vii.html", "Draft resolution VII", TITLE)))
    found, warnings = identities([twice, LATER])
    assert found == ()
    assert len(warnings) == 1 and "2 drafts" in warnings[0]


def test_no_title_in_common_no_identity() -> None:
    other = document("A/RES/78/228", "resolution", 78,
                     (text("index.html", "Resolution 78/228", "Trafficking in persons"),),
                     cites=(cite("pp-1", "A/RES/77/236"),))
    assert identities([REPORT, other]) == ((), ())


def test_citations_resolve_to_documents_drafts_and_paragraphs_of_the_collection() -> None:
    collection = collect([LATER, REPORT])
    assert [d.symbol for d in collection.documents] == ["A/77/464", "A/RES/78/229"]
    targets = [(link.anchor, link.target.path) for link in collection.links]
    assert targets == [
        ("pp-1", "A-77-464/draft-resolutions/vii.html"),
        ("op-1", "A-77-464/draft-resolutions/vii.html#op-2"),
        ("op-4", "A-77-464/index.html#para-31"),
        ("op-5", "A-77-464/draft-resolutions/i.html"),
    ]  # 76/187, 77/235 and 78/223 are not in the collection: official links stay
    assert collection.place("A/RES/78/223") is None
    assert collection.place("A/RES/77/237", 99).anchor is None  # no such paragraph


PAGE = f"""<h1 id="resolution">Resolution 78/229</h1>
{IN_COLLECTION}
<p class="unr-para" id="pp-1">Reaffirming its resolutions <a class="unr-ref" \
href="https://undocs.org/en/A/RES/76/187">76/187</a> and <a class="unr-ref" \
href="https://undocs.org/en/A/RES/77/237">77/237</a>,</p>
<p class="unr-para" id="op-1">Requests, as in paragraph 2 of its resolution <a \
class="unr-ref" href="https://undocs.org/en/A/RES/77/237">77/237</a>, a report;</p>
{CITED_IN}
"""


def test_a_page_gets_local_links_and_what_the_collection_shows() -> None:
    collection = collect([LATER, REPORT])
    html = rewrite_page(PAGE, collection, "A-RES-78-229", "index.html")
    assert 'href="https://undocs.org/en/A/RES/76/187">76/187</a>' in html
    assert ('href="../A-77-464/draft-resolutions/vii.html" data-unr-local>77/237</a>,</p>'
            in html)
    assert 'href="../A-77-464/draft-resolutions/vii.html#op-2" data-unr-local>77/237' in html
    assert IN_COLLECTION not in html and CITED_IN not in html  # nothing cites 78/229 here


def test_a_cited_draft_says_what_it_became_and_who_cites_it() -> None:
    collection = collect([LATER, REPORT])
    page = (f'<h1 id="draft-resolution-vii">Draft resolution VII</h1>\n{IN_COLLECTION}\n'
            '<p class="unr-para" id="op-2">Requests a report;</p>\n'
            f'<p class="unr-para" id="op-2-a">(a) on crime;</p>\n{CITED_IN}\n')
    html = rewrite_page(page, collection, "A-77-464", "draft-resolutions/vii.html")
    assert "Adopted as resolution 77/237" in html
    assert ('<p class="unr-para" id="op-2">Requests a report;</p><p class="unr-cited-in" '
            'data-pagefind-ignore>Cited in <a href="../../A-RES-78-229/index.html#op-1">'
            'Resolution, op-1</a></p>') in html
    assert '<h2 id="cited-in">Cited in this collection</h2>' in html
    assert "../../A-RES-78-229/index.html#pp-1" in html


def test_places_go_under_a_texts_title_and_at_every_pages_end() -> None:
    assert with_places("# Title\nText\n", True) == f"# Title\n\n{IN_COLLECTION}\n\nText\n\n" \
        f"{CITED_IN}\n"
    assert with_places("# Index\n", False) == f"# Index\n\n{CITED_IN}\n"
