"""Aligning two versions of a resolution (``unreport.versions.align``).

Table-driven on small hand-made versions, each paragraph written out; then the real pair
draft resolution VII of A/77/464 → resolution 78/229, whose facts were read by eye in the
two texts (the bundled Markdown and the PDF of the corpus), not copied from the output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from unreport.parse import Parsed, parse
from unreport.parse.source import read_source
from unreport.versions import Pair, Paragraph, align, diff_text, paragraphs_of

A = ("Requests the Secretary-General to submit a report on the implementation of the present "
     "resolution at its seventy-ninth session;")
B = ("Encourages Member States to strengthen international cooperation in preventing and "
     "combating trafficking in cultural property;")
C = ("Calls upon States parties to implement fully the United Nations Convention against "
     "Corruption and to share good practices;")
D = ("Urges Member States to collect reliable data on crimes that affect the environment, "
     "including trafficking in wildlife;")
E = ("Decides to consider the question of strengthening the crime prevention programme at its "
     "eightieth session;")
F = ("Welcomes the launch of the global initiative on youth and sport, and invites donors to "
     "support it with voluntary contributions;")
A_EDITED = A.replace("seventy-ninth session", "seventy-ninth and eightieth sessions")
B_AND_C = B[:-1] + ", and calls upon States parties to implement fully the United Nations " \
    "Convention against Corruption and to share good practices;"
C_ALONE = "Calls upon States parties to implement fully the United Nations Convention against " \
    "Corruption and to share good practices;"
DATED = ("Recalling its resolution 77/237 of 15 December 2022 on strengthening the United Nations "
         "crime prevention and criminal justice programme,")
REDATED = DATED.replace("15 December 2022", "19 December 2023")
SUBS = "Decides:\n(a) To hold a high-level debate in 2024;\n(b) To request a report in 2025;"
SUBS_RELABELLED = SUBS.replace("(b)", "(c)").replace("(a)", "(b)")
SUBS_INSERTED = ("Decides:\n(a) To welcome the work of the expert group;\n"
                 "(b) To hold a high-level debate in 2024;\n(c) To request a report in 2025;")
REF_5 = ("Requests the Office to report on the measures referred to in paragraph 5 above, within "
         "existing resources;")
REF_6 = REF_5.replace("paragraph 5", "paragraph 6")
RECALLING = ("Recalling its resolution 76/185 of 16 December 2021 on preventing and combating "
             "crimes that affect the environment,")
RECALLS = ("Recalls its resolution 76/185 of 16 December 2021 on preventing and combating crimes "
           "that affect the environment;")
A_REWRITTEN = ("Requests the Secretary-General to present to the Assembly at its eightieth "
               "session an analytical report on the implementation of the resolution;")


def ops(*texts: str) -> tuple[Paragraph, ...]:
    """Operative paragraphs op-1, op-2… with these texts."""
    return tuple(Paragraph(f"op-{n}", "operative", t) for n, t in enumerate(texts, 1))


def rows(pairs: tuple[Pair, ...]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(status, old anchors, new anchors) of each pair."""
    return [(p.status, p.old, p.new) for p in pairs]


def op(*numbers: int) -> tuple[str, ...]:
    """Anchors op-N."""
    return tuple(f"op-{n}" for n in numbers)


CASES = {
    "identical": (ops(A, B, C), ops(A, B, C), [
        ("kept", op(1), op(1)), ("kept", op(2), op(2)), ("kept", op(3), op(3))]),
    "one inserted (the numbers after it shift: no change)": (ops(A, B, C), ops(A, F, B, C), [
        ("kept", op(1), op(1)), ("added", (), op(2)), ("kept", op(2), op(3)),
        ("kept", op(3), op(4))]),
    "one removed": (ops(A, B, C), ops(A, C), [
        ("kept", op(1), op(1)), ("removed", op(2), ()), ("kept", op(3), op(2))]),
    "two removed, after their predecessor's partner": (ops(A, B, C, D), ops(A, D), [
        ("kept", op(1), op(1)), ("removed", op(2), ()), ("removed", op(3), ()),
        ("kept", op(4), op(2))]),
    "the first removed": (ops(A, B), ops(B), [("removed", op(1), ()), ("kept", op(2), op(1))]),
    "one moved": (ops(A, B, C, D), ops(B, C, A, D), [
        ("kept", op(2), op(1)), ("kept", op(3), op(2)), ("moved", op(1), op(3)),
        ("kept", op(4), op(4))]),
    "one moved and edited": (ops(A, B, C, D), ops(B, C, A_EDITED, D), [
        ("kept", op(2), op(1)), ("kept", op(3), op(2)), ("moved", op(1), op(3)),
        ("kept", op(4), op(4))]),
    "two swapped: the later of the old order is the one moved": (ops(A, B), ops(B, A), [
        ("moved", op(2), op(1)), ("kept", op(1), op(2))]),
    "one split in two": (ops(A, B_AND_C, D), ops(A, B, C_ALONE, D), [
        ("kept", op(1), op(1)), ("split", op(2), op(2, 3)), ("kept", op(3), op(4))]),
    "two merged": (ops(A, B, C_ALONE, D), ops(A, B_AND_C, D), [
        ("kept", op(1), op(1)), ("merged", op(2, 3), op(2)), ("kept", op(4), op(3))]),
    "sub-paragraphs relabelled, words the same": (ops(A, SUBS), ops(A, SUBS_RELABELLED), [
        ("kept", op(1), op(1)), ("kept", op(2), op(2))]),
    "a sub-paragraph inserted (the others relabelled)": (ops(A, SUBS), ops(A, SUBS_INSERTED), [
        ("kept", op(1), op(1)), ("changed", op(2), op(2))]),
    "a word changed": (ops(A, B), ops(A, B.replace("strengthen", "enhance")), [
        ("kept", op(1), op(1)), ("changed", op(2), op(2))]),
    "a date changed": (ops(DATED, A), ops(REDATED, A), [
        ("changed", op(1), op(1)), ("kept", op(2), op(2))]),
    "a cross-reference renumbered": (ops(A, REF_5), ops(A, REF_6), [
        ("kept", op(1), op(1)), ("changed", op(2), op(2))]),
    "rewritten in place, between kept neighbours": (ops(B, A, C), ops(B, A_REWRITTEN, C), [
        ("kept", op(1), op(1)), ("changed", op(2), op(2)), ("kept", op(3), op(3))]),
    "one replaced by an unrelated one (removed first, after its predecessor's partner)": (
        ops(A, B, C), ops(A, F, C), [
        ("kept", op(1), op(1)), ("removed", op(2), ()), ("added", (), op(2)),
        ("kept", op(3), op(3))]),
    "empty old": ((), ops(A, B), [("added", (), op(1)), ("added", (), op(2))]),
    "empty new": (ops(A, B), (), [("removed", op(1), ()), ("removed", op(2), ())]),
    "both empty": ((), (), []),
}


@pytest.mark.parametrize("name", CASES)
def test_align(name: str) -> None:
    old, new, expected = CASES[name]
    assert rows(align(old, new)) == expected


@pytest.mark.parametrize("name", CASES)
def test_every_anchor_once_and_deterministic(name: str) -> None:
    old, new, _ = CASES[name]
    pairs = align(old, new)
    assert sorted(a for p in pairs for a in p.old) == sorted(p.anchor for p in old)
    assert sorted(a for p in pairs for a in p.new) == sorted(p.anchor for p in new)
    assert align(old, new) == pairs
    assert all(p.score == 1.0 for p in pairs if p.status == "kept")
    assert all(0.0 < p.score < 1.0 for p in pairs if p.status == "changed")
    assert all(p.score == 0.0 for p in pairs if p.status in ("added", "removed"))


def test_scores() -> None:
    moved = align(ops(A, B, C, D), ops(B, C, A, D))
    edited = align(ops(A, B, C, D), ops(B, C, A_EDITED, D))
    assert moved[2].score == 1.0  # moved without an edit
    assert 0.8 < edited[2].score < 1.0  # moved with a small one


def test_kinds_kept_apart() -> None:
    """Steps 1-5 pair within a kind: the old preambular paragraph goes with the new edited
    preambular one, not with the new operative paragraph that has its very words."""
    b_edited = B.replace("strengthen", "enhance")
    old = (Paragraph("pp-1", "preambular", B), Paragraph("op-1", "operative", C))
    new = (Paragraph("pp-1", "preambular", b_edited), Paragraph("op-1", "operative", B))
    assert rows(align(old, new)) == [
        ("changed", ("pp-1",), ("pp-1",)), ("removed", ("op-1",), ()),
        ("added", (), ("op-1",))]


def test_from_preamble_to_operative_part() -> None:
    """Step 6: a paragraph that moved from the preamble into the operative part ("Recalling"
    → "Recalls") is paired last, as moved, rather than removed and added."""
    old = (Paragraph("pp-1", "preambular", DATED), Paragraph("pp-2", "preambular", RECALLING),
           Paragraph("op-1", "operative", A))
    new = (Paragraph("pp-1", "preambular", DATED), Paragraph("op-1", "operative", RECALLS),
           Paragraph("op-2", "operative", A))
    assert rows(align(old, new)) == [
        ("kept", ("pp-1",), ("pp-1",)), ("moved", ("pp-2",), ("op-1",)),
        ("kept", ("op-1",), ("op-2",))]


def test_typography_and_spacing_are_not_changes() -> None:
    straight = 'Reaffirms its resolution 70/1, entitled "Transforming our world",'
    curly = "Reaffirms  its resolution 70/1, entitled \u201cTransforming our world\u201d,"
    assert rows(align(ops(straight), ops(curly))) == [("kept", op(1), op(1))]


def test_repeated_anchor_refused() -> None:
    with pytest.raises(ValueError, match="op-1"):
        align(ops(A) + ops(B), ops(A))


def test_paragraphs_of(parsed: Parsed) -> None:
    """Preambular then operative, sub-paragraphs on lines of their own after their label."""
    vi = parsed.report.resolution("VI")
    paragraphs = paragraphs_of(vi)
    assert len(paragraphs) == len(vi.preambular) + len(vi.operative)
    assert [p.kind for p in paragraphs] == \
        ["preambular"] * len(vi.preambular) + ["operative"] * len(vi.operative)
    op6 = next(p for p in paragraphs if p.anchor == "op-6")
    lines = op6.text.split("\n")
    assert len(lines) == 12  # the paragraph's own text and (a) to (k)
    assert lines[1].startswith("(a) ") and lines[11].startswith("(k) ")


# --- The real pair: A/77/464 draft resolution VII → resolution 78/229 -----------------------

@pytest.fixture(scope="module")
def vii_to_229(parsed: Parsed, corpus: Path) -> tuple[dict[str, Pair], dict[str, str],
                                                        dict[str, str]]:
    """The pairs by new anchor (and by old anchor for removed ones), and both texts."""
    old = paragraphs_of(parsed.report.resolutions[6])
    new = paragraphs_of(parse(read_source(corpus / "pdf" / "A_RES_78_229.pdf"))
                        .report.resolutions[0])
    pairs = align(old, new)
    by_anchor = {p.new[0] if p.new else p.old[0]: p for p in pairs}
    return by_anchor, {p.anchor: p.text for p in old}, {p.anchor: p.text for p in new}


def test_vii_to_229_kept(vii_to_229: tuple[dict[str, Pair], dict[str, str], dict[str, str]]
                         ) -> None:
    """Read in both texts: operative 2 (Reaffirms resolution 70/1, the 2030 Agenda) is the
    same word for word (the draft's quotes are straight, the resolution's curly); the
    draft's 3 (Calls upon all Member States … the Kyoto Declaration) is the resolution's 4,
    unchanged."""
    pairs, _, _ = vii_to_229
    assert (pairs["op-2"].status, pairs["op-2"].old) == ("kept", ("op-2",))
    assert (pairs["op-4"].status, pairs["op-4"].old) == ("kept", ("op-3",))


def test_vii_to_229_changed(vii_to_229: tuple[dict[str, Pair], dict[str, str], dict[str, str]]
                            ) -> None:
    """Read in both texts: operative 1 now takes note of the report prepared pursuant to
    resolution 77/237 (was 76/187); the request for a report (draft's 85, resolution's 92)
    moves from the seventy-eighth session to the seventy-ninth and eightieth sessions."""
    pairs, old, new = vii_to_229
    assert (pairs["op-1"].status, pairs["op-1"].old) == ("changed", ("op-1",))
    assert "[-76/187-]{+77/237+}" in diff_text(old["op-1"], new["op-1"])
    assert (pairs["op-92"].status, pairs["op-92"].old) == ("changed", ("op-85",))
    assert "seventy-[-eighth session-]{+ninth and eightieth sessions+}" in \
        diff_text(old["op-85"], new["op-92"])


def test_vii_to_229_new_and_moved(
        vii_to_229: tuple[dict[str, Pair], dict[str, str], dict[str, str]]) -> None:
    """Read in both texts: operative 3 of 78/229 (Underlines the important role of the
    Commission … accelerated implementation of the 2030 Agenda) and its last, 93 (Decides to
    consider the question … at its eightieth session), are not in the draft; the draft's 29
    (Notes with appreciation … a methodology to produce estimates of … illicit financial
    flows) stands unchanged as 78/229's 58, after the terrorism paragraphs."""
    pairs, _, new = vii_to_229
    assert pairs["op-3"].status == "added"
    assert new["op-3"].startswith("Underlines the important role of the Commission")
    assert pairs["op-93"].status == "added"
    assert new["op-93"].startswith("Decides to consider the question of strengthening")
    assert (pairs["op-58"].status, pairs["op-58"].old, pairs["op-58"].score) == \
        ("moved", ("op-29",), 1.0)
