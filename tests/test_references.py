"""The citation grammar of ``unreport.references.citations``, one table row per rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from unreport.references.citations import KINDS, Reference, find_references

REPORT = Path(__file__).resolve().parents[1] / "generator" / "unreport" / "data" / "A-77-464.md"

GA, GAD = "ga-resolution", "ga-decision"
ECOSOC, CCPCJ = "ecosoc-resolution", "ccpcj-resolution"
CND, HRC = "cnd-resolution", "hrc-resolution"
COSP, COSPD, COP = "cosp-resolution", "cosp-decision", "cop-resolution"
SC, OTHER, DOC = "sc-resolution", "other-resolution", "document"


def pairs(text: str, previous_treaty: str | None = None) -> list[tuple[str, str]]:
    return [(ref.kind, ref.id) for ref in find_references(text, previous_treaty=previous_treaty)]


def ga(*ids: str) -> list[tuple[str, str]]:
    return [(GA, ident) for ident in ids]


def of(kind: str, *ids: str) -> list[tuple[str, str]]:
    return [(kind, ident) for ident in ids]


def assert_well_formed(text: str, refs: list[Reference]) -> None:
    assert [r.start for r in refs] == sorted(r.start for r in refs)
    for ref, following in zip(refs, refs[1:], strict=False):
        assert ref.end <= following.start
    for ref in refs:
        assert ref.kind in KINDS
        assert 0 <= ref.start < ref.end <= len(text)


GENERAL_ASSEMBLY = [
    ("Recalling its resolution 76/181 of 16 December 2021, in which", ga("76/181")),
    ("in pursuance of General Assembly resolution 415 (V) of 1 December 1950,", ga("415 (V)")),
    ("Resolution 217 A (III).", ga("217 A (III)")),
    ("Recalling also its resolution 57/270 B of 23 June 2003 on", ga("57/270 B")),
    ("Resolution S-32/1, annex.", ga("S-32/1")),
    ("Resolution 70/1, annex.", ga("70/1")),
    ("Resolutions 68/191 and 70/176.", ga("68/191", "70/176")),
    ("Recalling its resolutions 54/205 of 22 December 1999, 55/61 of 4 December 2000, 55/188 of"
     " 20 December 2000, 67/189 and 67/192 of 20 December 2012, 68/195 of 18 December 2013,",
     ga("54/205", "55/61", "55/188", "67/189", "67/192", "68/195")),
    ("as set forth in resolutions 70/299, and 72/305 of 23 July 2018;", ga("70/299", "72/305")),
    ("to implement General Assembly resolutions 68/186 of 18 December 2013, 69/196, and 73/130"
     " of 13 December 2018,", ga("68/186", "69/196", "73/130")),
    ('Recalling its resolutions 59/156 of 20 December 2004, entitled "Preventing, combating and'
     ' punishing trafficking in human organs", 73/189 of 17 December 2018, entitled "Improving'
     ' the coordination", and 76/186 of 16 December 2021, entitled "Improving",',
     ga("59/156", "73/189", "76/186")),
    ("its resolutions 72/195 of 19 December 2017 on improving the coordination of efforts against"
     " trafficking in persons, 73/148 of 17 December 2018 and 73/154 of 17 December 2018 on"
     " protecting children from bullying,", ga("72/195", "73/148", "73/154")),
    ("the report of the Secretary-General prepared pursuant to resolution 76/187;", ga("76/187")),
    ("Recalling its resolution 75/197 of 16 December 2020 and all other relevant resolutions,",
     ga("75/197")),
    ("as adopted by the General Assembly in its resolution 69/196;", ga("69/196")),
    ("set out in resolution 76/181 A new approach was", ga("76/181")),
    ("its decisions 74/550 A and 74/550 B.", of(GAD, "74/550 A", "74/550 B")),
    ("its resolutions 70/1 and S-32/1;", ga("70/1", "S-32/1")),
]

BODIES = [
    ("Recalling further its decision 74/550 A of 13 April 2020, in which", of(GAD, "74/550 A")),
    ("and its decision 74/568 of 31 August 2020, as well as", of(GAD, "74/568")),
    ("In its resolution 2022/12, the Economic and Social Council recommended",
     of(ECOSOC, "2022/12")),
    ("Economic and Social Council resolution 2022/12", of(ECOSOC, "2022/12")),
    ("Economic and Social Council resolutions 2004/27 of 21 July 2004 on guidelines on justice for"
     " child victims and witnesses of crime, 2005/20 of 22 July 2005 on the Guidelines on Justice"
     " in Matters involving Child Victims and Witnesses of Crime and 2011/33 of 28 July 2011 on"
     " prevention,", of(ECOSOC, "2004/27", "2005/20", "2011/33")),
    ("in pursuance of Economic and Social Council resolution 155 C (VII) of 13 August 1948",
     of(ECOSOC, "155 C (VII)")),
    ("Recalling Commission on Crime Prevention and Criminal Justice resolution 26/3 of 26 May 2017",
     of(CCPCJ, "26/3")),
    ("as well as Commission on Crime Prevention and Criminal Justice resolutions 23/2 of 16 May"
     " 2014 and 25/1 of 27 May 2016 on preventing", of(CCPCJ, "23/2", "25/1")),
    ("as well as Commission on Narcotic Drugs resolution 65/2, entitled", of(CND, "65/2")),
    ("and all relevant Human Rights Council resolutions, including resolutions 23/9 of 13 June"
     " 2013, 29/11 of 2 July 2015, 35/25 of 23 June 2017, 41/9 of 11 July 2019 and 47/7 of 12"
     " July 2021, and its resolution 74/276 of 1 June 2020",
     of(HRC, "23/9", "29/11", "35/25", "41/9", "47/7") + ga("74/276")),
    ("welcoming resolution 9/2 of 17 December 2021 of the Conference of the States Parties to"
     " the Convention,", of(COSP, "9/2")),
    ("Conference resolution 6/1 of 6 November 2015,", of(COSP, "6/1")),
    ("Conference decision 5/1 of 29 November 2013,", of(COSPD, "5/1")),
    ("as part of its implementation of Conference resolution 9/4, and urges", of(COSP, "9/4")),
    ("effectively implement resolutions 7/8 and 8/4 adopted by the Conference of the States"
     " Parties to the United Nations Convention against Corruption,", of(COSP, "7/8", "8/4")),
    ("Welcoming the adoption by the Conference of the States Parties to the United Nations"
     " Convention against Corruption of resolution 9/8 of 17 December 2021 on promoting",
     of(COSP, "9/8")),
    ("welcoming resolution 9/7 of 17 December 2021 on enhancing the use of beneficial ownership"
     " information to facilitate the identification, recovery and return of proceeds of crime,"
     " adopted by the Conference of the States Parties to the Convention,", of(COSP, "9/7")),
    ("See CAC/COSP/2021/17, sect. I.A, resolution 9/2, para. 15.",
     [(DOC, "CAC/COSP/2021/17"), (COSP, "9/2")]),
    ("and recalls in this respect resolution 10/1 of 16 October 2020 of the Conference of the"
     " Parties to the United Nations Convention against Transnational Organized Crime,",
     of(COP, "10/1")),
    ("to implement resolution 11/6 of 21 October 2022 of the Conference of the Parties to the"
     " United Nations Convention against Transnational Organized Crime, entitled",
     of(COP, "11/6")),
    ("The Conference of the Parties met. It recalled Conference resolution 5/2.", of(COP, "5/2")),
    ("the Security Council Committee established pursuant to resolution 1373 (2001) concerning",
     of(SC, "1373 (2001)")),
    ("Security Council resolutions 2331 (2016) and 2388 (2017),",
     of(SC, "2331 (2016)", "2388 (2017)")),
    ("paragraph (d) of Statistical Commission decision 53/113 of 11 March 2022,",
     of(OTHER, "53/113")),
    ("endorsed by the sixty-third World Health Assembly in its resolution 63.22 of 21 May 2010,",
     of(OTHER, "63.22")),
    ("as well as resolution 7/5 on promoting preventive measures against corruption, and urges",
     of(OTHER, "7/5")),
    ("welcoming Commission on Crime Prevention and Criminal Justice resolution 28/3 of 24 May 2019"
     " and resolution 8/12 of 20 December 2019 of the Conference of the States Parties to the"
     " United Nations Convention against Corruption,", of(CCPCJ, "28/3") + of(COSP, "8/12")),
    ("recalling its resolutions 73/187 of 17 December 2018 and 75/282 of 26 May 2021, as well as"
     " Economic and Social Council resolutions 2019/19 and 2019/20 of 23 July 2019,",
     ga("73/187", "75/282") + of(ECOSOC, "2019/19", "2019/20")),
    ("Recalling resolution 6/2 on facilitating international cooperation, resolution 6/3 on"
     " fostering effective asset recovery and resolution 6/4 of 6 November 2015 on enhancing the"
     " use of civil proceedings, adopted by the Conference of the States Parties to the"
     " Convention at its sixth session,", of(COSP, "6/2", "6/3", "6/4")),
    ("welcomes the adoption on 29 November 2013 of resolution 5/6 on the private sector and the"
     " adoption on 6 November 2015 of resolution 6/5, the Saint Petersburg statement, by the"
     " Conference of the States Parties to the Convention;", of(COSP, "5/6", "6/5")),
]


@pytest.mark.parametrize(("text", "expected"), GENERAL_ASSEMBLY + BODIES)
def test_resolutions_and_decisions(text: str, expected: list[tuple[str, str]]) -> None:
    refs = find_references(text)
    assert [(ref.kind, ref.id) for ref in refs] == expected
    assert_well_formed(text, refs)
    for ref in refs:
        assert " ".join(text[ref.start:ref.end].split()) == ref.id


@pytest.mark.parametrize(("text", "ident", "url"), [
    ("its resolution 76/181", "76/181", "https://undocs.org/en/A/RES/76/181"),
    ("its resolution 57/270 B of", "57/270 B", "https://undocs.org/en/A/RES/57/270B"),
    ("General Assembly resolution 415 (V)", "415 (V)", "https://undocs.org/en/A/RES/415(V)"),
    ("Resolution 217 A (III).", "217 A (III)", "https://undocs.org/en/A/RES/217(III)"),
    ("Resolution S-32/1, annex.", "S-32/1", "https://undocs.org/en/A/RES/S-32/1"),
    ("Economic and Social Council resolution 2022/12", "2022/12",
     "https://undocs.org/en/E/RES/2022/12"),
    ("Economic and Social Council resolution 155 C (VII)", "155 C (VII)", None),
    ("pursuant to resolution 1373 (2001)", "1373 (2001)", "https://undocs.org/en/S/RES/1373(2001)"),
    ("its decision 74/550 A of", "74/550 A", None),
    ("Commission on Crime Prevention and Criminal Justice resolution 26/3", "26/3", None),
    ("(A/C.3/77/L.7/Rev.1)", "A/C.3/77/L.7/Rev.1", "https://undocs.org/en/A/C.3/77/L.7/Rev.1"),
])
def test_urls(text: str, ident: str, url: str | None) -> None:
    (ref,) = find_references(text)
    assert (ref.id, ref.url) == (ident, url)


@pytest.mark.parametrize("symbol", [
    "A/77/127", "E/CN.15/2022/11", "A/CONF.234/16", "A/C.3/77/L.7/Rev.1", "A/C.3/77/SR.45",
    "CAC/COSP/2021/17", "CTOC/COP/2020/10", "CAC/COSP/IRG/2010/7", "E/2017/30",
    "E/2007/30/Rev.1", "A/68/53", "A/CONF.192/15", "E/CN.15/2015/16", "A/73/133",
])
def test_document_symbols(symbol: str) -> None:
    text = f"See {symbol}, chap. I, and the report ({symbol})."
    refs = find_references(text)
    assert [(ref.kind, ref.id, ref.url) for ref in refs] == \
        [(DOC, symbol, f"https://undocs.org/en/{symbol}")] * 2
    assert text[refs[0].start:refs[0].end] == symbol


def test_draft_resolution_symbol_is_a_document_not_a_resolution() -> None:
    assert pairs("the Committee adopted draft resolution A/C.3/77/L.2 (see para. 31, draft"
                 " resolution I).") == [(DOC, "A/C.3/77/L.2"), ("internal", "para-31/I")]


@pytest.mark.parametrize(("text", "previous", "expected"), [
    ("United Nations, Treaty Series, vol. 2225, No. 39574.", None, "vol. 2225, No. 39574"),
    ("United Nations, *Treaty Series*, vol. 1577, No. 27531.", None, "vol. 1577, No. 27531"),
    ("United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.", None,
     "vols. 2225, 2237, 2241 and 2326, No. 39574"),
    ("Ibid., vol. 2349, No. 42146.", "vol. 2225, No. 39574", "vol. 2349, No. 42146"),
    ("Ibid., vols. 2171, 2173 and 2983, No. 27531.", "vol. 1577, No. 27531",
     "vols. 2171, 2173 and 2983, No. 27531"),
    ("Ibid., vol. 2349.", "vol. 2225, No. 39574", "vol. 2349, No. 39574"),
    ("Ibid., vol. 2349, No. 42146.", None, None),
])
def test_treaties(text: str, previous: str | None, expected: str | None) -> None:
    refs = find_references(text, previous_treaty=previous)
    assert [(ref.kind, ref.id, ref.url) for ref in refs] == \
        ([("treaty", expected, None)] if expected else [])
    if refs:
        assert text[refs[0].start:refs[0].end].startswith("vol")


def test_ibid_of_official_records_is_no_treaty() -> None:
    text = "Ibid., 2007, Supplement No. 10 (E/2007/30/Rev.1), part one, chap. I, sect. D."
    assert pairs(text, previous_treaty="vol. 1577, No. 27531") == [(DOC, "E/2007/30/Rev.1")]


@pytest.mark.parametrize(("text", "ident", "item"), [
    ("adopted draft resolution A/C.3/77/L.2 (see para. 31, draft resolution I).", "para-31/I",
     "para. 31, draft resolution I"),
    ("(see para. 31, draft resolution VII)", "para-31/VII", "para. 31, draft resolution VII"),
])
def test_internal(text: str, ident: str, item: str) -> None:
    (ref,) = [ref for ref in find_references(text) if ref.kind == "internal"]
    assert (ref.id, ref.url, text[ref.start:ref.end]) == (ident, None, item)


@pytest.mark.parametrize("text", [
    "Recalling its resolution of 16 December 2021,",
    "held in Kyoto, Japan, from 7 to 12 March 2021",
    "and in particular paragraph 29 of the Declaration",
    "in accordance with article 57, paragraph 5, of the Convention",
    "(United Nations publication, Sales No. E.91.IV.2)",
    "The Lancet, vol. 399, pp. S29–S31.",
    "to be held in 2026, in the context of the 2030 Agenda",
    "Official Records of the Economic and Social Council, 2018, Supplement No. 10,",
    "the number of States parties has reached 189 parties",
    "chap. I, sect. D.",
    "adopted by the 71st World Medical Association General Assembly",
    "See World Health Organization, document WHA63/2010/REC/1, annex 8.",
    "in the draft resolution entitled \"Follow-up\"",
    "the decision of the Board, taken in Addis Ababa on 18 February 2020,",
])
def test_no_reference(text: str) -> None:
    assert find_references(text) == []


def report_lines() -> list[str]:
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    return [re.sub(r"(?:<|&?lt;)sup>.*?</sup>", "", line) for line in lines]


def test_every_report_line() -> None:
    for line in report_lines():
        for previous in (None, "vol. 1577, No. 27531"):
            assert_well_formed(line, find_references(line, previous_treaty=previous))


KNOWN_LINES = [
    ("Recalling its resolutions 54/205 of 22 December 1999",
     ga("54/205", "55/61", "55/188", "56/186", "57/244", "58/205", "59/242", "60/207", "61/209",
        "62/202", "63/226", "64/237", "65/169", "67/189", "67/192", "68/195", "69/199",
        "71/208", "73/190")
     + of(HRC, "23/9", "29/11", "35/25", "41/9", "47/7")
     + ga("74/276") + of(GAD, "74/568") + ga("75/194")),
    ("Emphasizing the responsibility assumed by the United Nations",
     of(ECOSOC, "155 C (VII)") + ga("415 (V)")),
    ("Recalling further its decision 74/550 A", of(GAD, "74/550 A", "74/550 B")),
    ("Recalling also its resolutions 72/195 of 19 December 2017",
     ga("72/195", "73/148", "73/154") + of(ECOSOC, "2004/27", "2005/20", "2011/33")
     + of(CCPCJ, "16/2")),
    ("Recalling its resolutions 59/156 of 20 December 2004",
     ga("59/156", "73/189", "74/176", "75/195", "76/186") + of(CCPCJ, "23/2", "25/1")),
    ("Underlining that Member States need to recognize",
     ga("69/187", "70/147", "72/179", "74/148", "76/172")
     + of(ECOSOC, "2014/23", "2015/23", "2017/18", "2021/25") + of(CCPCJ, "30/1")),
    ("Recalling the adoption of its resolutions 71/326",
     ga("71/326", "73/343", "75/311") + of(CCPCJ, "28/3") + of(COSP, "8/12")),
    ("resolution, Conference decision 5/1",
     of(COSPD, "5/1") + of(COSP, "6/1", "8/2") + of(COSPD, "8/1")),
    ("Noting with appreciation the Lausanne process initiative",
     of(COSP, "5/3", "6/2", "6/3", "7/1")),
    ("- 53. Requests the United Nations Office on Drugs and Crime to enhance",
     of(SC, "1373 (2001)") + ga("71/291")),
    ("- 73. Encourages Member States to implement resolution 11/6",
     of(COP, "11/6") + of(CND, "65/2")),
    ("Taking note with appreciation of the World Health Organization guiding principles",
     of(OTHER, "63.22")),
    ("- 8. At the same meeting, the Committee adopted draft resolution A/C.3/77/L.2",
     [(DOC, "A/C.3/77/L.2"), ("internal", "para-31/I")]),
]


@pytest.mark.parametrize(("start", "expected"), KNOWN_LINES)
def test_known_report_lines(start: str, expected: list[tuple[str, str]]) -> None:
    (line,) = [line for line in report_lines() if line.startswith(start)]
    assert pairs(line) == expected


FRAGMENTS = ["resolution ", "resolutions ", "decision ", "its ", "Conference ", "76/181",
             "9/2", "2022/12", "415 (V)", "1373 (2001)", "63.22", "S-32/1", " of 16 December 2021",
             ", ", " and ", " on the subject", ', entitled "T"', "; ", ". ", "Ibid., vol. 3",
             "Treaty Series, vols. 1, 2", ", No. 5", "A/77/127",
             "(see para. 31, draft resolution I)", " of the Conference of the Parties",
             "Human Rights Council ", "including ", "24 "]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30), st.sampled_from([None, "vol. 1, No. 2"]))
def test_any_text_gives_well_formed_references(parts: list[str], previous: str | None) -> None:
    text = "".join(parts)
    assert_well_formed(text, find_references(text, previous_treaty=previous))
