"""A fixer of the clean stage: words the PDF converter split with a space (issue 26).

The converter sometimes puts a space inside a word ("child porno graphy"). No
dictionary decides what a word is: the document is its own evidence. Two
adjacent fragments are joined when the joined form occurs as a word elsewhere
in the same document and neither fragment occurs anywhere as a word of its own.

What it guarantees afterwards: every join is recorded (``Join``) and reported
as a warning; nothing else in the text changes. A join never crosses a line
(so never a paragraph, nor a line another fixer removed), and the fragments
are two runs of letters with exactly one space between them and nothing else
(so never across a footnote mark, a digit or emphasis).
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import accumulate, repeat
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # clean.py imports this module; at run time the names are not needed
    from unreport.parse.clean import Line

_WORD = re.compile(r"[^\W\d_]+")
"""A word: a run of (Unicode) letters."""
_PAIR = re.compile(r"(?<!\w)([^\W\d_]+) (?=([^\W\d_]+)(?!\w))")
"""Two whole words (no digit or underscore touching them) with exactly one space between
them and nothing else; the second is looked ahead at, so that pairs may overlap."""


_NOT_IN_A_WORD = "".join(sorted(set(string.punctuation) - {"_"})) + "‘’“”"
"""What may stand before a first fragment or after a second one (not a digit or ``_``)."""


def _possible_pairs(text: str, counts: Counter[str]) -> set[tuple[str, str]]:
    """Pairs of adjacent tokens (split at single spaces) that are the two halves of a word
    of the document: a superset of the pairs to join, found with set operations.

    A word of the document cut in two gives the halves; the text's pairs of tokens,
    without the punctuation before the first or after the second, are intersected with
    them. A token with a mark, a digit or emphasis inside never matches a half.
    """
    halves = {(word[:cut], word[cut:]) for word in counts for cut in range(1, len(word))
              if word[:cut] in counts and word[cut:] in counts}
    if not halves:
        return set()
    tokens = text.replace("\n", " \n ").split(" ")  # a line's end is a token of its own
    firsts = map(str.lstrip, tokens, repeat(_NOT_IN_A_WORD))
    seconds = map(str.rstrip, tokens[1:], repeat(_NOT_IN_A_WORD))
    return halves.intersection(zip(firsts, seconds, strict=False))


def _find_all(text: str, needle: str) -> Iterator[int]:
    """Where ``needle`` starts in ``text``, overlapping occurrences included."""
    at = text.find(needle)
    while at != -1:
        yield at
        at = text.find(needle, at + 1)


def _lines_with(text: str, starts: list[int], needles: set[str]) -> list[int]:
    """Indices of the lines of ``text`` (which begin at ``starts``) that contain one of
    ``needles`` (none of which holds a line break), in order: found in the whole text at
    once rather than line by line."""
    return sorted({bisect_right(starts, at) - 1
                   for needle in needles for at in _find_all(text, needle)})


def _pairs(text: str, folded: str, wanted: set[str]) -> list[re.Match[str]]:
    """The matches of ``_PAIR`` in ``text`` (casefolded: ``folded``) that may be one of the
    ``wanted`` pairs, in order.

    ``_PAIR`` matches at the start of every word followed by one space and a word; a
    wanted pair's match starts where the pair does in ``folded``. When casefolding kept
    the length, every character kept its offset, so only those places are tried.
    """
    if len(folded) != len(text):
        return list(_PAIR.finditer(text))
    places = sorted({at for pair in wanted for at in _find_all(folded, pair)})
    return [match for at in places if (match := _PAIR.match(text, at))]


@dataclass(frozen=True)
class Join:
    """Two fragments of one word, joined because the document has the word elsewhere."""

    line: int
    """Source line of the split word."""
    fragments: tuple[str, str]
    """The two fragments, as the source has them."""
    word: str
    """The joined word (the fragments without the space)."""
    evidence: tuple[int, ...]
    """Source lines where the joined word occurs as a word of its own, in order."""


@dataclass(frozen=True)
class _Candidate:
    """Two adjacent words of a line whose joined form is a word of the document."""

    line: int
    """Index of the line in the list of lines."""
    start: int
    """Offset of the first fragment in the line's text."""
    first: str
    """The first fragment."""
    second: str
    """The second fragment."""

    @property
    def space(self) -> int:
        """Offset of the space between the fragments."""
        return self.start + len(self.first)


def join_split_words(lines: tuple[Line, ...]) -> tuple[tuple[Line, ...], tuple[Join, ...]]:
    """Join the fragments of words the converter split with a space; the joins made.

    A pair is joined when (case-insensitively, over the words of all ``lines``)
    the joined form occurs at least once as a word, and each fragment occurs only
    as a fragment of such pairs, never as a word of its own. Pairs that share a
    fragment are left alone (which of the two would be the word is not clear).
    """
    text = "\n".join(line.text for line in lines).casefold()
    counts = Counter(_WORD.findall(text))
    possible = _possible_pairs(text, counts)
    if not possible:  # the usual case, found without looking at each pair of words
        return lines, ()
    # The lines' texts casefolded (casefolding maps each character on its own, never to
    # or from a line break), and where each starts in ``text``.
    folded = text.split("\n")
    starts = list(accumulate((len(line) + 1 for line in folded[:-1]), initial=0))
    wanted = {" ".join(pair) for pair in possible}
    candidates = [
        _Candidate(index, match.start(), match.group(1), match.group(2))
        for index in _lines_with(text, starts, wanted)
        for match in _pairs(lines[index].text, folded[index], wanted)
        if (match.group(1).casefold(), match.group(2).casefold()) in possible
    ]
    # How often each word stands as a fragment of a candidate (each place counted once).
    places: dict[str, set[tuple[int, int]]] = {}
    for c in candidates:
        places.setdefault(c.first.casefold(), set()).add((c.line, c.start))
        places.setdefault(c.second.casefold(), set()).add((c.line, c.space + 1))
    used: Counter[tuple[int, int]] = Counter()
    for c in candidates:
        used[(c.line, c.start)] += 1
        used[(c.line, c.space + 1)] += 1
    chosen = [
        c for c in candidates
        if counts[c.first.casefold()] == len(places[c.first.casefold()])
        and counts[c.second.casefold()] == len(places[c.second.casefold()])
        and used[(c.line, c.start)] == used[(c.line, c.space + 1)] == 1
    ]
    if not chosen:
        return lines, ()
    out = list(lines)
    for c in sorted(chosen, key=lambda c: (c.line, -c.start)):  # right to left in a line
        line = out[c.line]
        out[c.line] = replace(line, text=line.text[:c.space] + line.text[c.space + 1:])
    words = {(c.first + c.second).casefold() for c in chosen}
    where: dict[str, list[int]] = {word: [] for word in words}
    for index in _lines_with(text, starts, words):  # only lines that may hold one
        line = lines[index]
        for word in {w.casefold() for w in _WORD.findall(line.text)} & words:
            where[word].append(line.number)
    joins = tuple(Join(lines[c.line].number, (c.first, c.second), c.first + c.second,
                       tuple(where[(c.first + c.second).casefold()]))
                  for c in chosen)  # in reading order, as the candidates were found
    return tuple(out), joins
