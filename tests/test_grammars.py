"""Table-driven tests for the small grammars of each stage."""

from __future__ import annotations

import pytest
from unreport.diagnostics import Collector
from unreport.parse.blocks import Kind, blocks
from unreport.parse.clean import Cleaned, Line, page_footer, recycle_notice, running_header
from unreport.parse.marks import MarkReader, assemble
from unreport.parse.structure import ItemBuilder, ParaBuilder, continues, place_item
from unreport.text.dates import parse_date
from unreport.text.numbers import from_roman, is_roman, ordinal_words, to_roman
from unreport.text.states import split_names
from unreport.text.symbols import DocumentSymbol
from unreport.text.typography import opening_words


@pytest.mark.parametrize(("line", "is_footer"), [
    ("22-27149 **5/71** ", True),
    ("**22**-27149 **29/71** ", True),
    ("22-27149 3**3/71**", True),
    ("22-27149 51/71", True),
    ("**43/71** ", True),
    ("22-27149", True),
    ("- 5. Decides to hold the Fifteenth Congress in 2026;", False),
    ("from 7 to 12 March 2021, 6 including", False),
    ("Resolution 76/181, annex.", False),
])
def test_page_footer(line: str, is_footer: bool) -> None:
    assert page_footer(line) is is_footer


@pytest.mark.parametrize(("line", "expected"), [
    ("Please recycle \\", True),
    ("Please recycle", True),
    ("Please recycle the paper", True),
    ("Recycling of proceeds", False),
])
def test_recycle_notice(line: str, expected: bool) -> None:
    assert recycle_notice(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("A/77/464", True),
    ("**A/77/464**", True),
    ("United Nations A/77/464", False),
    ("#### A. Draft resolution A/C.3/77/L.2", False),
])
def test_running_header(line: str, expected: bool) -> None:
    assert running_header(line) is expected


def _classify(*lines: str) -> list[tuple[Kind, str | None, str]]:
    cleaned = Cleaned("test.md", tuple(Line(i, t) for i, t in enumerate(lines, 1)), ())
    return [(b.kind, b.label, b.text) for b in blocks(cleaned)]


@pytest.mark.parametrize(("line", "kind", "label", "text"), [
    ("### **Draft resolution I**", Kind.DRAFT_HEADING, "I", ""),
    ("# Draft resolution II Reducing reoffending", Kind.DRAFT_HEADING, "II",
     "Reducing reoffending"),
    ("## I. Introduction", Kind.LABELLED_HEADING, "I", "Introduction"),
    ("#### A. Draft resolution A/C.3/77/L.2", Kind.LABELLED_HEADING, "A",
     "Draft resolution A/C.3/77/L.2"),
    ("The General Assembly,", Kind.ASSEMBLY, None, "The General Assembly,"),
    ("- 12. Requests the Secretary-General", Kind.NUMBERED, "12", "Requests the Secretary-General"),
    ("21. At the 51st meeting", Kind.NUMBERED, "21", "At the 51st meeting"),
    ("- (a) Report of the Secretary-General", Kind.ITEM, "a", "Report of the Secretary-General"),
    ("- (ii) New ones;", Kind.ITEM, "ii", "New ones;"),
    ("<sup>&</sup>lt;sup>3</sup> See CAC/COSP/2021/17.", Kind.NOTE, "3", "See CAC/COSP/2021/17."),
    ("<sup>&</sup><sup>3</sup> See CAC/COSP/2021/17.", Kind.NOTE, "3", "See CAC/COSP/2021/17."),
    ("<sup>1</sup> E/CN.15/2022/11.", Kind.NOTE, "1", "E/CN.15/2022/11."),
    ("\\(^1\\) A/C.3/77/SR.5.", Kind.NOTE, "1", "A/C.3/77/SR.5."),
    ("1 Resolution 70/175, annex.", Kind.NOTE, "1", "Resolution 70/175, annex."),
    ("- 6 November 2015 of resolution 6/5", Kind.TEXT, None, "6 November 2015 of resolution 6/5"),
    ("2 December 2019 was a date", Kind.TEXT, None, "2 December 2019 was a date"),
    ("adopted by the Fourteenth Congress,", Kind.TEXT, None, "adopted by the Fourteenth Congress,"),
])
def test_block_matchers(line: str, kind: Kind, label: str | None, text: str) -> None:
    assert _classify(line) == [(kind, label, text)]


def test_bare_note_definition_needs_the_sequence() -> None:
    # "44 Resolution…" is a note only where note 44 is due after note 43.
    found = _classify("<sup>43</sup> See CTOC/COP/2020/10.", "44 Resolution 70/175, annex.",
                      "46 Member States agreed.")
    assert [k for k, _, _ in found] == [Kind.NOTE, Kind.NOTE, Kind.TEXT]


def _read(raw: str, notes: set[int], last: int = 0) -> tuple[str, list[int], list[int]]:
    from unreport.parse.marks import explicit_numbers
    reader = MarkReader(notes, explicit_numbers(raw))
    reader.last = last
    marked = reader.read(assemble([(1, raw)]))
    return marked.text, [n.number for n in marked.notes], [n.offset for n in marked.notes]


@pytest.mark.parametrize(("raw", "notes", "last", "text", "numbers"), [
    ("the Convention,<sup>6</sup> which is", {6}, 0, "the Convention, which is", [6]),
    ("terminology, <sup>3</sup> which helps", {3}, 0, "terminology, which helps", [3]),
    ("summary records. \\(^1\\)", {1}, 0, "summary records.", [1]),
    ("Public Participation, 9 and reaffirming", {9}, 8, "Public Participation, and reaffirming",
     [9]),
    ("the Secretary-General, 1", {1}, 0, "the Secretary-General,", [1]),
    ("Organized Crime 15 and the United", {15}, 14, "Organized Crime and the United", [15]),
    ("November 2013, 24 6/2 and 6/3 of 6 November 2015 25 and 7/1 of 10 November 2017 6 of the",
     {24, 25, 26}, 23,
     "November 2013, 6/2 and 6/3 of 6 November 2015 and 7/1 of 10 November 2017 of the",
     [24, 25, 26]),
    ("the 75<sup>th</sup> session", set(), 0, "the 75th session", []),
    ("*Noting* that, in some States", set(), 0, "Noting that, in some States", []),
    # Must not match: numbers that belong to the sentence.
    ("held in Rome on 30 and 31 October 2021,", {30, 31}, 16,
     "held in Rome on 30 and 31 October 2021,", []),
    ("from 7 to 12 March 2021", {7, 12}, 0, "from 7 to 12 March 2021", []),
    ("paragraph 29 of the Declaration", {29}, 0, "paragraph 29 of the Declaration", []),
    ("article 57, paragraph 5, of the Convention", {5, 57}, 0,
     "article 57, paragraph 5, of the Convention", []),
    ("the fact that 189 parties have", {9}, 0, "the fact that 189 parties have", []),
    ("vol. 1577, No. 27531", {7}, 0, "vol. 1577, No. 27531", []),
    ("fund 80 per cent of the budget", {80}, 0, "fund 80 per cent of the budget", []),
    ("Development, 7", {7}, 8, "Development, 7", []),  # note 7 is behind the last mark
])
def test_marks(raw: str, notes: set[int], last: int, text: str, numbers: list[int]) -> None:
    got_text, got_numbers, _ = _read(raw, notes, last)
    assert (got_text, got_numbers) == (text, numbers)


def test_mark_offset_is_after_the_punctuation() -> None:
    text, _, offsets = _read("Recalling the Convention,<sup>1</sup> and", {1})
    assert text[: offsets[0]] == "Recalling the Convention,"


@pytest.mark.parametrize(("previous", "text", "joined"), [
    ("Recalling its resolution 76/181,", "Encouraged by the success", False),
    ("…Sustainable Development,", "adopted by the Fourteenth Congress", True),
    ("…as part of which the Global Operational Network of", "Anti-Corruption Law Enforcement",
     True),
    ("…the Secretary-General, 1", "Bearing in mind that", False),
    ("…Development,<sup>2</sup>", "Reaffirming the commitment", False),
    ("…of the Committee.", "Commending the interactive sessions", False),
    ("…chemical, biological,", "radiological and nuclear terrorism", True),
    ("…in this regard,", "*Recognizing* the importance", False),
])
def test_preamble_continuation(previous: str, text: str, joined: bool) -> None:
    assert continues(previous, text) is joined


@pytest.mark.parametrize(("labels", "shape"), [
    (["a", "b", "c"], ["a", "b", "c"]),
    (["a", "b", "h", "i", "j"], ["a", "b", "h", "i", "j"]),  # (i) after (h) is a letter
    (["a", "i", "ii", "b"], ["a[i,ii]", "b"]),                 # (i) after (a) is roman
    (["a", "b", "i", "ii", "iii", "iv", "v", "c"], ["a", "b[i,ii,iii,iv,v]", "c"]),
    (["u", "v", "w"], ["u", "v", "w"]),                         # (v) after (u) is a letter
])
def test_letter_or_roman(labels: list[str], shape: list[str]) -> None:
    from unreport.model import Span
    from unreport.parse.blocks import Block, Fragment
    parent = ParaBuilder(number=1)
    messages = Collector("t.md")
    for label in labels:
        block = Block(Kind.ITEM, label, (Fragment(1, "x"),), Span(1, 1))
        place_item(parent, label, block, messages)

    def describe(item: ItemBuilder) -> str:
        kids = ",".join(c.label for c in item.children)
        return f"{item.label}[{kids}]" if kids else item.label

    assert [describe(i) for i in parent.items] == shape


@pytest.mark.parametrize(("text", "opening"), [
    ("Recalling also its resolution 57/270 B", "Recalling also"),
    ("Takes note of the report", "Takes note"),
    ("Taking note with appreciation of the World Health", "Taking note with appreciation"),
    ("Notes with appreciation the work", "Notes with appreciation"),
    ("Bearing in mind that the Institute", "Bearing in mind"),
    ("Calls upon Member States", "Calls upon"),
    ("Also calls for closer and active collaboration", "Also calls for"),
    ("Calls for further international cooperation", "Calls for"),
    ("Strongly encourages States parties", "Strongly encourages"),
    ("Deeply concerned about the growing links", "Deeply concerned"),
    ("Expressing its grave concern about the negative", "Expressing its grave concern"),
    ("Expressing concern at the involvement", "Expressing concern"),
    ("Reiterates its invitation to Governments", "Reiterates its invitation"),
    ("Welcoming, as part of the 2030 Agenda", "Welcoming"),
    ("Recognizing, in this respect, the legal framework", "Recognizing"),
    ("Taking into account the need", "Taking into account"),
    ("Noting with appreciation also the efforts", "Noting with appreciation also"),
    ("Requests the Secretary-General", "Requests"),
    ("Once again urges all States", "Once again urges"),
    ("Once again requests the Secretary-General", "Once again requests"),
    ("the rest of a sentence", ""),
])
def test_opening_words(text: str, opening: str) -> None:
    assert text[: opening_words(text)] == opening


@pytest.mark.parametrize("text", [
    "A/77/464", "A/C.3/77/L.7/Rev.1", "A/C.3/77/SR.45", "E/CN.15/2022/11", "A/CONF.234/16",
    "CAC/COSP/2021/17", "CTOC/COP/2020/10", "E/2007/30/Rev.1", "CAC/COSP/IRG/2010/7",
])
def test_symbol_parses(text: str) -> None:
    symbol = DocumentSymbol.parse(text)
    assert str(symbol) == text
    assert symbol.url == f"https://undocs.org/en/{text}"
    assert symbol.slug == text.replace("/", "-")


@pytest.mark.parametrize("text", ["A/77", "76/181", "Report", "A-77-464", ""])
def test_symbol_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        DocumentSymbol.parse(text)


@pytest.mark.parametrize(("text", "names"), [
    ("Mongolia and Peru", ["Mongolia", "Peru"]),
    ("Slovenia, Spain, the United Kingdom of Great Britain and Northern Ireland and Uruguay",
     ["Slovenia", "Spain", "United Kingdom of Great Britain and Northern Ireland", "Uruguay"]),
    ("Tunisia, Uganda and the United Kingdom of Great Britain and Northern Ireland",
     ["Tunisia", "Uganda", "United Kingdom of Great Britain and Northern Ireland"]),
    ("Albania, Antigua and Barbuda, Argentina", ["Albania", "Antigua and Barbuda", "Argentina"]),
    ("Thailand, Trinidad and Tobago and Tunisia", ["Thailand", "Trinidad and Tobago", "Tunisia"]),
    ("Tunisia and Venezuela (Bolivarian Republic of)",
     ["Tunisia", "Venezuela (Bolivarian Republic of)"]),
    ("Saint Kitts and Nevis, Senegal and the United Republic of Tanzania",
     ["Saint Kitts and Nevis", "Senegal", "United Republic of Tanzania"]),
    ("the Congo", ["Congo"]),
])
def test_split_names(text: str, names: list[str]) -> None:
    assert split_names(text) == names


@pytest.mark.parametrize(("word", "number"), [
    ("Seventy-seventh", 77), ("Fifth", 5), ("Twentieth", 20), ("Ninety-ninth", 99),
    ("77th", 77), ("session", None),
])
def test_ordinal_words(word: str, number: int | None) -> None:
    assert ordinal_words(word) == number


def test_dates() -> None:
    assert str(parse_date("Distr.: General 30 November 2022")) == "2022-11-30"
    assert str(parse_date("on 4 November", 2022)) == "2022-11-04"
    assert parse_date("on 31 February 2022") is None


@pytest.mark.parametrize(("number", "roman"), [(1, "I"), (4, "IV"), (7, "VII"), (9, "IX"),
                                               (14, "XIV"), (40, "XL")])
def test_romans(number: int, roman: str) -> None:
    assert to_roman(number) == roman
    assert from_roman(roman) == number
    assert is_roman(roman.lower())


@pytest.mark.parametrize(("labels", "shape"), [
    (["a", "c"], ["a", "c"]),                      # (c) with (b) missing: a letter, warned
    (["a", "b", "iii"], ["a", "b[iii]"]),          # (iii) with (i), (ii) missing: roman, warned
    (["a", "i", "ii", "iii", "iv", "v", "vi"], ["a[i,ii,iii,iv,v,vi]"]),
])
def test_letter_or_roman_with_gaps(labels: list[str], shape: list[str]) -> None:
    test_letter_or_roman(labels, shape)
