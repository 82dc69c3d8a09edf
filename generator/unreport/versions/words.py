"""Word-by-word changes between two texts of one paragraph.

A text is cut into tokens: words (letters and digits), single punctuation marks, and
sub-paragraph labels at the start of a line ("(a)", "(ii)", "(3)"), each with the white space
before it. Cutting punctuation apart means a changed comma marks the comma, not the word
before it.

Tokens are compared by a key, not as printed: the white space before a token does not count
(a line break and a space read alike), typographic quotes and apostrophes equal straight
ones (one version may come from a PDF, the other from Markdown), and a sub-paragraph label
at the start of a line equals any other (relabelling "(a)" as "(b)" because a
sub-paragraph was inserted above is not a change of words; the inserted one is). Where the
keys are equal the new text is shown.

Changes are grouped so that they read as a person would mark them on paper: changes
separated only by white space are one change, and so are two separated by one short word
(up to three letters: "of", "the", "and") or by one punctuation mark with no space around
it (a changed symbol reads whole: ``<del>75/194</del><ins>77/235</ins>``). A change is
printed as all its deleted text, then all its inserted text — "replace three words by
four" reads ``<del>a b c</del><ins>d e f g</ins>``, not word by word — with the white
space both start with left outside; a lone insertion or deletion starts at its first word
(``A <del>B </del>C``, not ``A<del> B</del> C``).

``difflib.SequenceMatcher`` (standard library) finds the matching tokens. Carrying white
space inside the tokens, rather than as tokens of its own, halves the sequences and rids
them of their most frequent token: marking the 156 pairs of A/77/464 VII → 78/229 took
about 290 ms with white space as tokens, about 80 ms this way (identical pairs skip the
matcher altogether).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_LABEL_RE = r"(?m:^)\((?:\d{1,2}|[a-z]{1,2}|[ivxlc]+)\)(?=\s)"
TOKEN = re.compile(rf"\s*(?:{_LABEL_RE}|\w+|[^\w\s])|\s+\Z")
"""A sub-paragraph label at the start of a line, a word or one punctuation mark, each with
the white space before it; or white space at the very end."""

LABEL = "(§)"
"""The key of every sub-paragraph label: labels compare equal whatever their letter."""

SPACE = " "
"""The key of white space at the end of a text."""

_TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                             "‘": "'", "’": "'", "‚": "'", "\u00a0": " "})
"""Typographic quotes and apostrophes mapped to straight ones."""

_SHORT = 3
"""An equal word of at most this many characters between two changes is swallowed into
one change ("of", "the", "and")."""


@dataclass(frozen=True)
class Run:
    """A stretch of text that is the same in both versions, or deleted, or inserted."""

    op: str
    """``equal``, ``delete`` (only in the old text) or ``insert`` (only in the new)."""
    text: str
    """The text as printed (for ``equal``: as the new version prints it)."""


def tokens(text: str) -> list[str]:
    """The tokens of ``text``, in order; joined they give ``text`` back."""
    return TOKEN.findall(text)


def key(token: str) -> str:
    """What a token is compared by (see the module's docstring)."""
    solid = token.lstrip()
    if not solid:
        return SPACE
    if solid[0] == "(" and len(solid) > 2:
        return LABEL
    return solid.translate(_TYPOGRAPHY)


_LABELS = re.compile(_LABEL_RE)
"""Sub-paragraph labels at the start of a line (as in ``TOKEN``)."""
_SOLID = re.compile(r"\w+|[^\w\s]")
"""A word or one punctuation mark (as in ``TOKEN``)."""


def words_key(text: str) -> tuple[str, ...]:
    """The keys of a text's words and punctuation, without labels: what two paragraphs are
    compared by when aligning them (the tokens' ``key`` but labels, done faster)."""
    return tuple(_SOLID.findall(_LABELS.sub("", text).translate(_TYPOGRAPHY)))


def _is_gap(gap: list[str], after: str) -> bool:
    """Whether an equal stretch between two changes is small enough to swallow: one short
    word, or one punctuation mark with no space around it (``after``: the token after the
    stretch)."""
    if len(gap) != 1:
        return False
    solid = gap[0].lstrip()
    if solid.isalpha():
        return len(solid) <= _SHORT
    return solid == gap[0] and not solid[0].isalnum() and after == after.lstrip()


def diff_words(old: str, new: str) -> tuple[Run, ...]:
    """The runs that turn ``old`` into ``new``: equal, deleted and inserted stretches, a
    grouped change always as its deletion first, then its insertion."""
    a, b = tokens(old), tokens(new)
    akeys, bkeys = [key(t) for t in a], [key(t) for t in b]
    if akeys == bkeys:
        return (Run("equal", new),) if new else ()
    matcher = SequenceMatcher(None, akeys, bkeys, autojunk=False)
    # Equal stretches, each (i1, i2, j1, j2); the changes lie between them.
    equal = [(i, i + n, j, j + n) for i, j, n in matcher.get_matching_blocks() if n]
    kept: list[tuple[int, int, int, int]] = []
    for i1, i2, j1, j2 in equal:
        before = kept[-1] if kept else (0, 0, 0, 0)
        change_before = (before[1], before[3]) != (i1, j1)
        change_after = (i2, j2) != (len(a), len(b))  # matching blocks never touch
        after = b[j2] if j2 < len(b) else a[i2] if i2 < len(a) else ""
        if change_before and change_after and _is_gap(b[j1:j2], after):
            continue  # swallowed into the changes around it
        kept.append((i1, i2, j1, j2))
    runs: list[Run] = []
    i = j = 0
    for i1, i2, j1, j2 in [*kept, (len(a), len(a), len(b), len(b))]:
        if i < i1:
            deleted = "".join(a[i:i1])
            if i1 < len(a) and j1 < len(b) and not b[j1][0].isspace():
                deleted += a[i1][: len(a[i1]) - len(a[i1].lstrip())]  # "a b" → "b": "a "
            runs.append(Run("delete", deleted))
        if j < j1:
            runs.append(Run("insert", "".join(b[j:j1])))
        if j1 < j2:
            runs.append(Run("equal", "".join(b[j1:j2])))
        i, j = i2, j2
    return tuple(_tidy(runs))


def _tidy(runs: list[Run]) -> list[Run]:
    """Start every change at a word: the white space a change starts with goes before it
    (for a deletion followed by an insertion: the insertion's, when both start with white
    space); a lone insertion or deletion that starts with the white space its following
    equal run starts with trades it for that (``A<del> B</del> C`` → ``A <del>B </del>C``).
    Equal and inserted runs still give the new text."""
    out: list[Run] = []
    n = 0
    while n < len(runs):
        run = runs[n]
        if run.op == "equal":
            out.append(run)
            n += 1
            continue
        change = runs[n:n + 2] if run.op == "delete" and n + 1 < len(runs) and \
            runs[n + 1].op == "insert" else [run]
        n += len(change)
        space = re.match(r"\s+", change[-1].text)
        following = runs[n] if n < len(runs) else None
        if space and all(c.text[:1].isspace() and c.text.strip() for c in change):
            w = space[0]
            if len(change) == 2:  # the insertion's white space goes before both
                change = [Run(c.op, c.text.lstrip()) for c in change]
            elif following and following.text.startswith(w) and following.text.strip():
                change = [Run(run.op, run.text[len(w):] + w)]  # rotate: same text either way
                runs[n] = Run("equal", following.text[len(w):])
            else:
                out += change
                continue
            if out and out[-1].op == "equal":
                out[-1] = Run("equal", out[-1].text + w)
            else:
                out.append(Run("equal", w))
        out += change
    return out


def diff_html(old_text: str, new_text: str) -> str:
    """The new text with its changes marked: ``<del>`` around deleted text, ``<ins>`` around
    inserted text, everything escaped (``html.escape``, quotes included). The elements say
    what changed without colour, and screen readers announce them."""
    tag = {"delete": "del", "insert": "ins"}
    out = []
    for run in diff_words(old_text, new_text):
        text = html.escape(run.text)
        out.append(text if run.op == "equal" else f"<{tag[run.op]}>{text}</{tag[run.op]}>")
    return "".join(out)


def diff_text(old_text: str, new_text: str) -> str:
    """The new text with its changes marked in plain text, for a CSV cell or a terminal:
    ``[-deleted-]`` and ``{+inserted+}`` (the marks of ``git diff --word-diff``)."""
    mark = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(mark[run.op].format(run.text) for run in diff_words(old_text, new_text))
