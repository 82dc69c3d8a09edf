"""Where a text names an instrument: words, name boundaries and qualifiers.

A footnote mark that identifies an instrument follows the instrument's name as
the text gives it, qualifiers included: "the Convention on Psychotropic
Substances of 1971", "the United Nations Convention against Transnational
Organized Crime and the Protocols thereto", "(the Nelson Mandela Rules)". Names
are runs of capitalized words joined by a few small words ("of", "the", "for"…);
a name *starts* after a boundary: a lower-case word ("implementation of the 2030
Agenda…"), punctuation that closes an item (", the …", "…Rules) and the …"), a
footnote mark, or the start of the text. That is what tells "the 2030 Agenda for
Sustainable Development" as a name of its own from the same words at the end of
the Kyoto Declaration's title ("…Towards the Achievement of the 2030 Agenda…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from unreport.text.dates import MONTH_PATTERN, MONTHS

CONNECTORS = frozenset({"of", "the", "for", "and", "on", "in", "against", "to", "at", "by",
                        "with", "a", "an", "thereto", "thereof"})
"""Small words that stand inside names ("Rule of Law", "Protocols thereto")."""
_NOT_CONTENT = CONNECTORS | frozenset(m.lower() for m in MONTHS) | frozenset({
    "from", "as", "or", "its", "their", "which", "that", "this", "all", "also", "well",
    "including", "held", "adopted"})
_MONTHS = frozenset(m.lower() for m in MONTHS)
_ACTORS = frozenset({"states", "governments"})
"""Capitalized words that end no instrument's name: "Member States in the … Strategy"."""
_TOKEN = re.compile(r"\S+")
_NOT_KEY = re.compile(r"[^\w/\-]")
_CLOSERS = ",;:.)\"”’"

# Qualifiers that belong to a name, before the mark: "of 1988", ", 1971",
# "as amended by the 1972 Protocol", "and the Protocols thereto".
# "Protocol …, supplementing the United Nations Convention against …",
# "…Strategy, adopted on 8 September 2006".
_QUALIFIER = (rf"(?:,?\s+of\s+(?:19|20)\d{{2}}|,\s+(?:19|20)\d{{2}}"
              r"|,?\s+as\s+amended\s+by\s+the\s+(?:19|20)\d{2}\s+Protocol"
              r"|\s+and\s+(?:the\s+Protocols?\s+thereto|its\s+Protocols?)"
              r"|,?\s+supplementing\s+the\s+[A-Z][\w-]*(?:\s+(?:of|the|against|on|in|for"
              r"|[A-Z][\w-]*))*"
              rf"|,\s+adopted\s+on\s+\d{{1,2}}\s+{MONTH_PATTERN}\s+(?:19|20)\d{{2}})")
_QUALIFIERS_AT_END = re.compile(rf"(?:{_QUALIFIER})+\Z")
_QUALIFIER_AHEAD = re.compile(rf"(?:{_QUALIFIER}|\s+\((?:the\s+)?[A-Z])")

TREATY_HEADS = frozenset({"convention", "conventions", "protocol", "protocols", "covenant",
                          "treaty", "agreement", "statute"})
INSTRUMENT_HEADS = frozenset({"rules", "declaration", "principles", "guidelines", "agenda",
                              "strategy", "strategies", "standards", "code", "compact",
                              "outcome", "plan", "programme", "body"})
_OTHER_HEADS = frozenset({"conference", "commission", "council", "office", "congress",
                          "committee", "institute", "assembly", "organization", "secretariat",
                          "secretary-general", "network", "initiative", "group", "mechanism",
                          "court", "bank", "fund", "agency", "forum", "meeting", "session",
                          "union", "board", "summit", "day", "decade", "year"})


class Word(NamedTuple):
    """A word of a text, with where a mark after it would go (a tuple: texts have many)."""

    start: int
    """Offset of its first character."""
    end: int
    """Offset after it, before any trailing comma, semicolon, colon or full stop."""
    raw: str
    """As printed, punctuation included."""
    key: str
    """Letters, digits, hyphens and slashes only (``(the`` → ``the``): what names compare."""
    norm: str
    """``key`` in lower case."""
    capital: bool
    """Starts (after any bracket or quote) with a capital letter or a digit."""

    @property
    def content(self) -> bool:
        """A word that says something: not a connector, a month, a number."""
        return any(c.isalpha() for c in self.norm) and self.norm not in _NOT_CONTENT

    @property
    def closes(self) -> bool:
        """Ends with punctuation that closes an item (``,`` ``;`` ``)`` a quote)."""
        return self.raw[-1] in _CLOSERS


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text[start:end]`` (offsets into ``text``)."""
    out = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        raw = match.group()
        key = raw if raw.isalnum() else _NOT_KEY.sub("", raw)
        if not key:
            continue
        core = raw.rstrip(",;:.!?") or raw
        capital = key[0].isupper() or key[0].isdigit()
        out.append(Word(match.start(), match.start() + len(core), raw, key, key.lower(),
                        capital))
    return out


def key_text(text: str) -> str:
    """``text`` with only the characters a ``Word.key`` keeps: the key of each of its words
    is a part of it (to tell fast that no word has a given key)."""
    return _NOT_KEY.sub("", text)


def strip_qualifiers(text: str) -> str:
    """``text`` without the qualifiers that end it ("… of 1971" → "…")."""
    last = text[-40:].rsplit(None, 1)[-1] if text.strip() else ""
    # Every qualifier ends with a year, "Protocol(s)", "thereto" or a name after
    # "supplementing": test the cheap cases before the regular expression.
    if not (last[:2] in ("19", "20") or last in ("Protocol", "Protocols", "thereto")
            or "supplementing" in text[-300:]):
        return text
    match = _QUALIFIERS_AT_END.search(text, max(0, len(text) - 300))
    return text[:match.start()] if match else text


def inside_name(text: str, offset: int) -> bool:
    """Whether the name that ends at ``offset`` goes on (a qualifier or a short name follows)."""
    return bool(_QUALIFIER_AHEAD.match(text, offset))


def boundary_before(seq: list[Word], index: int, *, whole: bool = False) -> bool:
    """Whether a name may start at ``seq[index]``: connectors skipped, then a boundary.

    ``whole``: the name is known to be complete (from a table), so "… Crime and the
    <name>" starts it after "and the", as in a list of instruments.
    """
    i = index - 1
    while i >= 0 and seq[i].norm in CONNECTORS and not seq[i].closes:
        i -= 1
    small = [w.norm for w in seq[i + 1:index]]
    if i < 0 or _joins_names(seq[i + 1:index]) or (whole and small == ["and", "the"]):
        return True
    word = seq[i]
    if word.norm[0].isdigit() and i < index - 1:
        return True  # "… 2005 of the United Nations Convention": a date, then a name
    if word.norm in _ACTORS:
        return True  # "… by Member States in the United Nations Global …"
    return word.closes or (not word.capital and word.norm not in CONNECTORS)


def _joins_names(small: list[Word]) -> bool:
    """Whether small words between two names keep them apart: "and in the", "and to"."""
    norms = [w.norm for w in small]
    return len(norms) >= 3 or (len(norms) == 2 and norms[0] == "and" and norms[1] != "the")


def ends_with_name(context: list[Word], name: tuple[str, ...]) -> bool:
    """Whether ``context`` ends with the whole name ``name`` (``Word.key`` of each word)."""
    size = len(name)
    if size == 0 or len(context) < size or tuple(w.key for w in context[-size:]) != name:
        return False
    return boundary_before(context, len(context) - size, whole=True)


def trailing_name(seq: list[Word] | tuple[Word, ...]) -> tuple[str, ...]:
    """The name ``seq`` ends with (``Word.key`` of each word): back to a boundary."""
    start = len(seq)
    while start > 0 and (seq[start - 1].capital or seq[start - 1].norm in CONNECTORS) and \
            (start == len(seq) or not seq[start - 1].closes):
        start -= 1
    while start < len(seq) and seq[start].norm in CONNECTORS:
        start += 1
    return tuple(w.key for w in seq[start:])


@lru_cache(maxsize=512)
def name_words(name: str) -> tuple[str, ...]:
    """A name from a table or a text as the words ``ends_with_name`` compares."""
    return tuple(w.key for w in words(name))


def same_name(context: list[Word], lead: list[Word]) -> int:
    """How many words ``context`` and ``lead`` share at their ends, if they name the same thing.

    Zero unless the shared words are a whole name on both sides: they contain a
    lower-case word (so neither is the tail of a longer capitalized name), or a
    name starts right there on both sides. At least two words must say something.
    """
    size = 0
    while size < min(len(context), len(lead)) and \
            context[-1 - size].key == lead[-1 - size].key:
        size += 1
    shared = context[len(context) - size:]
    if sum(1 for w in shared if w.content) < 2:
        return 0
    inner = any(not w.capital and w.norm not in CONNECTORS for w in shared)
    if inner or (boundary_before(context, len(context) - size)
                 and boundary_before(lead, len(lead) - size)):
        return size
    return 0


@dataclass(frozen=True)
class Mention:
    """A capitalized name in a text, with what kind of thing its head word says it is."""

    start: int
    """Offset of its first word."""
    end: int
    """Offset where a mark after it would go (qualifiers included)."""
    kind: str
    """``treaty``, ``instrument`` or ``other``."""
    head: int
    """Offset of the head word that says its kind (its start if none does)."""


def name_mentions(text: str, start: int = 0, end: int | None = None, *,
                  seq: list[Word] | None = None) -> list[Mention]:
    """The names in ``text[start:end]``, each with the kind its first head word says.

    A list "A, the B and the C" gives three names: a name stops at a comma or a
    closing bracket followed by a small word, and at "and the" when both sides have
    a head word of their own ("… Crime and the United Nations Convention against …",
    but not "… Crime and the Protocols thereto").
    """
    if seq is None:
        seq = words(text, start, end)
    mentions: list[Mention] = []
    run: list[Word] = []
    covered = start  # words inside the last name's qualifiers belong to it

    def close() -> None:
        nonlocal covered
        while run and run[-1].norm in CONNECTORS and run[-1].norm not in ("thereto", "thereof"):
            run.pop()
        if run and any(w.capital for w in run):
            stop = run[-1].end
            qualifier = _QUALIFIER_AHEAD.match(text, stop)
            while qualifier and not qualifier.group().lstrip().startswith("("):
                stop = qualifier.end()
                qualifier = _QUALIFIER_AHEAD.match(text, stop)
            kind, head = _kind(run)
            mentions.append(Mention(run[0].start, stop, kind, head))
            covered = stop
        run.clear()

    for index, word in enumerate(seq):
        if word.start < covered:
            continue
        joins = (word.capital and _may_name(seq, index)) or (word.norm in CONNECTORS
                                                             and bool(run))
        if not joins:
            close()
            continue
        if run and _splits(run, seq, index):
            close()
        if word.norm in CONNECTORS and not run:
            continue
        run.append(word)
        if word.raw.rstrip(",;:.").endswith(")") or word.raw.endswith((";", ".")):
            close()
    close()
    return mentions


def _may_name(seq: list[Word], index: int) -> bool:
    """Whether a capitalized word may be part of a name: a number only before a name word.

    "the 2030 Agenda", "the 1972 Protocol" are names; "23/9 of 13 June 2013" is not.
    """
    if not seq[index].norm[0].isdigit():
        return True
    following = seq[index + 1] if index + 1 < len(seq) else None
    return (following is not None and following.capital and not following.norm[0].isdigit()
            and following.norm not in _MONTHS)


def _splits(run: list[Word], seq: list[Word], index: int) -> bool:
    """Whether ``seq[index]`` starts a new name rather than continuing ``run``."""
    previous = run[-1]
    word = seq[index]
    if previous.raw.endswith(",") and not word.capital:
        return True
    trailing: list[Word] = []
    for earlier in reversed(run):
        if earlier.norm not in CONNECTORS:
            break
        trailing.insert(0, earlier)
    if word.capital and _joins_names(trailing):
        return True  # "… report of the Congress and in the Kyoto Declaration …"
    if word.norm == "and" or not word.capital:
        return False
    # "… Crime and the United Nations Convention …": a second name with a head of its own.
    if len(run) >= 2 and run[-1].norm == "the" and run[-2].norm == "and":
        ahead = []
        for following in seq[index:index + 12]:  # the next name, to a comma or colon
            ahead.append(following.norm)
            if following.raw[-1] in ",;:" or not (following.capital
                                                  or following.norm in CONNECTORS):
                break
        if ahead[:2] in (["protocols", "thereto"], ["protocol", "thereto"]):
            return False
        heads = TREATY_HEADS | INSTRUMENT_HEADS | _OTHER_HEADS
        return any(w.norm in heads for w in run[:-2]) and any(n in heads for n in ahead)
    return False


def _kind(run: list[Word]) -> tuple[str, int]:
    """The kind the first head word of a name says, and where that word starts."""
    for word in run:
        if word.norm in TREATY_HEADS:
            return "treaty", word.start
        if word.norm in INSTRUMENT_HEADS:
            return "instrument", word.start
        if word.norm in _OTHER_HEADS:
            return "other", word.start
    return "other", run[0].start
