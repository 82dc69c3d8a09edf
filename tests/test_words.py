"""Word-by-word changes of one paragraph (``unreport.versions.words``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from unreport.versions import Run, diff_html, diff_text, diff_words
from unreport.versions.words import tokens

HTML = [
    ("identical", "Calls upon States;", "Calls upon States;", "Calls upon States;"),
    ("a word changed", "Calls upon States;", "Calls on States;",
     "Calls <del>upon</del><ins>on</ins> States;"),
    ("a date changed", "adopted on 15 December 2022, and", "adopted on 19 December 2023, and",
     "adopted on <del>15</del><ins>19</ins> December <del>2022</del><ins>2023</ins>, and"),
    ("a comma changed, not the word before it", "migrants, trafficking", "migrants; trafficking",
     "migrants<del>,</del><ins>;</ins> trafficking"),
    ("a comma added", "the integrity and honesty", "the integrity, and honesty",
     "the integrity<ins>,</ins> and honesty"),
    ("three words replaced by four: one deletion, one insertion", "one two three",
     "four five six seven", "<del>one two three</del><ins>four five six seven</ins>"),
    ("changes around a short word read as one", "the Secretary-General to submit a report",
     "the Office to present a report",
     "the <del>Secretary-General to submit</del><ins>Office to present</ins> a report"),
    ("a changed symbol reads whole", "resolution 75/194 of", "resolution 77/235 of",
     "resolution <del>75/194</del><ins>77/235</ins> of"),
    ("a long equal word between changes stays apart", "on 6 June 2022", "on 15 June 2023",
     "on <del>6</del><ins>15</ins> June <del>2022</del><ins>2023</ins>"),
    ("escaped: < & and quotes, outside and inside changes", 'a < b & "c" \'d\'',
     'a < b & "e" \'d\' <f>',
     "a &lt; b &amp; &quot;<del>c</del><ins>e</ins>&quot; &#x27;d&#x27;<ins> &lt;f&gt;</ins>"),
    ("typographic quotes equal straight ones (the new ones shown)", 'entitled "Our world",',
     "entitled \u201cOur world\u201d,", "entitled \u201cOur world\u201d,"),
    ("a line break equals a space", "Decides:\nTo act", "Decides: To act", "Decides: To act"),
    ("an inserted sub-paragraph: the relabelled ones are not changes",
     "Decides:\n(a) To act;\n(b) To report;",
     "Decides:\n(a) To meet;\n(b) To act;\n(c) To report;",
     "Decides:\n<ins>(a) To meet;\n</ins>(b) To act;\n(c) To report;"),
    ("numbered items too", "Approves:\n(1) Opening;\n(2) Close;",
     "Approves:\n(1) Election;\n(2) Opening;\n(3) Close;",
     "Approves:\n<ins>(1) Election;\n</ins>(2) Opening;\n(3) Close;"),
    ("a label inside a sentence is a word", "article 2 (b) of", "article 2 (c) of",
     "article 2 (<del>b</del><ins>c</ins>) of"),
    ("all new", "", "Welcomes the report;", "<ins>Welcomes the report;</ins>"),
    ("all gone", "Welcomes the report;", "", "<del>Welcomes the report;</del>"),
    ("both empty", "", "", ""),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), HTML, ids=[h[0] for h in HTML])
def test_diff_html(name: str, old: str, new: str, expected: str) -> None:
    assert diff_html(old, new) == expected


def test_diff_text() -> None:
    assert diff_text("at its seventy-eighth session on", "at its seventy-ninth session on") == \
        "at its seventy-[-eighth-]{+ninth+} session on"
    assert diff_text("a b c", "d e f g") == "[-a b c-]{+d e f g+}"
    assert diff_text("same", "same") == "same"


def test_runs() -> None:
    assert diff_words("Calls upon States", "Calls on all States") == (
        Run("equal", "Calls "), Run("delete", "upon"), Run("insert", "on all"),
        Run("equal", " States"))


def test_tokens_keep_punctuation_apart_and_space_before() -> None:
    assert tokens("Kyoto Declaration, (COVID-19) 2030;") == [
        "Kyoto", " Declaration", ",", " (", "COVID", "-", "19", ")", " 2030", ";"]
    assert tokens("Decides:\n(a) To act; ") == ["Decides", ":", "\n(a)", " To", " act", ";", " "]


TEXT = st.text(alphabet="ab ,;()\n“\"", max_size=40)
WORD = st.tuples(st.text(alphabet="ab", min_size=1, max_size=3), st.sampled_from(["", ",", ";"]))
PLAIN = st.lists(WORD.map("".join), max_size=10).map(" ".join)


@given(TEXT, TEXT)
def test_runs_rebuild_the_new_text(old: str, new: str) -> None:
    """Equal and inserted runs give the new text exactly, whatever the input."""
    runs = diff_words(old, new)
    assert "".join(r.text for r in runs if r.op != "delete") == new
    assert all(r.text for r in runs)
    assert all(not (a.op == b.op == "equal") for a, b in zip(runs, runs[1:], strict=False))


@given(PLAIN, PLAIN)
def test_runs_rebuild_the_old_text(old: str, new: str) -> None:
    """Equal and deleted runs give the old text, up to white space at its ends, where nothing
    compares equal without being the same (no line breaks, double spaces, typographic quotes
    or labels) — in particular no two words glued together."""
    runs = diff_words(old, new)
    assert "".join(r.text for r in runs if r.op != "insert").strip() == old
