"""Who an operative clause addresses, as full names.

Resolutions name a body in full once and then by its head noun: "the United
Nations Office on Drugs and Crime" becomes "the Office", "the Conference of the
States Parties to the United Nations Convention against Corruption" becomes "the
Conference" or "the Conference of the States Parties to the Convention". A
``NameBook`` collects the full names of one resolution (every capitalised name
around a head noun such as Office, Institute, Commission, Conference) and
resolves a short form to the full name it stands for: the last one named
earlier in the same paragraph, else the one the resolution names most often.

``addressee_phrases`` reads the list of actors between a directive verb and its
infinitive ("the World Health Organization, the United Nations Office on Drugs
and Crime and the Office of … to continue"), skipping asides ("in cooperation
with …", "subject to …") and dropping qualifiers ("that have not yet done so").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

HEADS = ("Office", "Institute", "Commission", "Conference", "Convention", "Council",
         "Committee", "Assembly", "Secretariat", "Programme", "Mechanism", "Organization",
         "Group", "Network", "Fund", "Board", "Court", "Initiative", "Protocol", "Agency",
         "Centre", "Forum", "Congress", "Academy", "Union", "Bank", "Entity", "Compact")
"""Head nouns of body names: the word a short form keeps ("the Office")."""

_HEAD = "|".join(HEADS)
NAME_LENGTH = 250
"""The longest name looked for, in characters, before and after its head noun."""
_CAP = r"[A-Z][\w’'-]*"
# Words after "and" that start another name, not the rest of this one
# ("… Drugs and Crime and the Office of …", "… and Member States").
_NOT_AFTER_AND = rf"(?:{_HEAD}|United|World|International|Member|States|Governments?)\b"
_SAME_NAME_AFTER_AND = rf"(?:the\s+)?(?!(?:{_CAP}\s+)*(?:{_HEAD})\b)(?!{_NOT_AFTER_AND}){_CAP}"
"""What follows "and" inside one name: "Drugs and Crime", "Crime and the Treatment of
Offenders" — not another body ("and the General Assembly") or actor ("and Member States")."""
_TAIL = re.compile(rf"""
    (?:\s+(?:of|on|for|against|in|from)(?:\s+the)?\s+{_CAP}(?:\s+{_CAP})*   # Office on Drugs
     | (?:(?<=Parties)|(?<=Protocol))\s+to(?:\s+the)?\s+{_CAP}(?:\s+{_CAP})*  # Parties to the
     | \s+to\s+[A-Z][a-z]+(?:\s+{_CAP})*                                   # Committee to Elaborate
     | \s+and\s+{_SAME_NAME_AFTER_AND}(?:\s+{_CAP})*
    )*""", re.VERBOSE)
# Capitalised words before the head, "Economic and Social" included ("Member States and"
# is not: a word in -s before "and" ends another name).
_BEFORE = re.compile(rf"(?<![\w’'-])(?:{_CAP}\s+(?:(?<!s\s)and\s+(?=[A-Z]))?)*$")
_NOT_IN_NAME = re.compile(r".*[^\w\s’'-]", re.DOTALL)
"""Up to the last character that no name before a head noun has (a comma, a bracket…)."""
_HEAD_WORD = re.compile(rf"\b(?:{_HEAD})\b(?![’']s)")
_HEAD_END_WORD = re.compile(rf"(?:{_HEAD})\b(?![’']s)")
r"""``_HEAD_WORD`` without its first ``\b``, which would cost a try at every character:
the caller checks that the match starts a word."""
_CONNECTOR = re.compile(r"^\s+(?:of|on|for|against|to|in|from)\b")
_CAP_WORD = re.compile(_CAP)
_INSIDE_NAME = re.compile(rf"{_CAP}\s+(?:of|on|for|against|in)\s+(?:the\s+)?{_CAP}")
_SAME_NAME_NEXT = re.compile(_SAME_NAME_AFTER_AND)
_HEAD_END = re.compile(r"\s+(?:of|to|in|for|on)\s+")
_AND_FIRST = re.compile(r"^and\s+")
_SEGMENT_MARKS = re.compile(r"[()\[\]\"“”,]")
"""The characters that matter to ``_segments``: brackets, quotation marks, commas."""
_SHORT_FORM = re.compile(rf"\bthe ({_HEAD})\b(?![’']s)(?!\s+{_CAP})")
"""A short form inside a longer name: "the Convention" in "… Parties to the Convention"."""

UN_BODIES = re.compile(r"""^(?:
    (?:Deputy\s+)?Secretary-General | Secretariat | General\ Assembly | Security\ Council
  | Economic\ and\ Social\ Council | Human\ Rights\ Council | International\ Court\ of\ Justice
  | International\ Law\ Commission | .*\bUnited\ Nations\b.* | Office\ of\b.*
  | (?:Economic|Economic\ and\ Social)\ Commission\ for\b.* | Commission\ on\b.*
  | Conference\ of\ the\ (?:States\ )?Parties\b.* | .*\bCommittee\b.*
  | (?:Special\ Rapporteur|Independent\ Expert|High\ Commissioner|Special\ Representative
     |Special\ Envoy|Executive\ Director|Director-General)\b.*
  | International\ Narcotics\ Control\ Board | World\ Health\ Organization
  | International\ Labour\ Organization | Food\ and\ Agriculture\ Organization\b.*
  | World\ Bank(?:\ Group)? | International\ Monetary\ Fund
  | International\ (?:Civil\ Aviation|Maritime)\ Organization | World\ Tourism\ Organization
  | (?:International\ Telecommunication|Universal\ Postal)\ Union
  | International\ Atomic\ Energy\ Agency
  | World\ (?:Meteorological|Intellectual\ Property)\ Organization
  | International\ Fund\ for\ Agricultural\ Development
  | (?:relevant\ )?(?:regional\ commissions|specialized\ agencies|funds\ and\ programmes)
)$""", re.VERBOSE)
"""United Nations officials, organs, offices, programmes, specialized agencies and the
treaty bodies they serve: a "request" is addressed to one of these."""
_OFFICER = re.compile(r"^(?:President|Chair|Chairs|Bureau|Secretary|Executive Secretary|Director|"
                      r"Coordinator|Head)\s+of\s+(?:the\s+)?(?P<body>.+)$")
_NOT_UN = re.compile(r"^(?:States?|Member|Governments?|non-governmental|civil|private|"
                     r"international community)\b")

_ACTOR_NOUNS = frozenset({
    "states", "parties", "signatories", "organizations", "organisations", "community", "sector",
    "society", "donors", "partners", "stakeholders", "professionals", "entities", "members",
    "institutions", "bodies", "agencies", "authorities", "governments", "countries", "actors",
    "providers", "companies", "corporations", "businesses", "academia", "media", "institutes",
    "offices", "funds", "programmes", "networks", "practitioners", "officials", "experts",
    "users", "individuals", "people", "persons", "youth", "leaders", "associations", "unions",
    "parliaments", "legislators", "judges", "prosecutors", "industry", "platforms", "them", "they",
    "commissions", "committees", "councils", "conferences", "secretariats", "courts",
    "tribunals", "banks", "centres", "groups", "missions", "mechanisms",
})
"""Nouns that name someone who can act: "other donors", "the private sector"."""

_ASIDE_OPENERS = re.compile(r"""^(?:in|within|subject|consistent|as|where|when|whenever|upon
    |through|with|without|according|under|after|before|at|by|on|for|from|among|also|both|if
    |while|taking|bearing|based|building|pursuant|inter\ alia|notwithstanding|following
    |during|together|acting|considering|drawing|given|mindful|guided|regardless|irrespective
    |respecting|\w+ly)\b""", re.VERBOSE)
"""Words that open an aside between the addressees and their infinitive."""
_SINGLED_OUT = re.compile(r"^(?:especially|in particular|particularly|notably)\s+")
_TITLE_WORDS = frozenset({"Their", "Its", "The", "And", "Of", "On", "In", "For", "With",
                          "Especially", "Against"})
"""A segment starting with one of these continues a title cut at its comma."""
_DETERMINERS = r"the|a|an|its|their|his|her|this|that|these|those|all|each|any|such|other|which"
_INFINITIVE = re.compile(rf"""
    (?<!a\ view\ )(?<!in\ order\ )(?<!so\ as\ )
    \bto\s+(?:(?:\w+ly|further|also)\s+)*(?!(?:{_DETERMINERS})\b)
    (?P<verb>bring\b|[a-z][\w-]*(?<!ing)\b)""", re.VERBOSE)
_RELATIVE = re.compile(r"\s+(?:that|which|who|whose|whom)\b.*$")
_RESOLUTION_NOTE = re.compile(r"\s+in\s+(?:its\s+)?resolutions?\b.*$")
_PARTIES = re.compile(r"^(States?\s+parties|parties|signatories|States\s+signatories)\b.*$")
_LEADING = re.compile(r"^(?:(?:the|all|and)\s+)+")


@dataclass(frozen=True)
class Mention:
    """A body named in full somewhere in a resolution."""

    head: str
    """Its head noun (``Office``)."""
    name: str
    """The full name as printed (``United Nations Office on Drugs and Crime``)."""
    block: int
    """Which text of the resolution it stands in (title, a paragraph…)."""
    offset: int
    """Character offset of the name in that text."""


def _expand(text: str, start: int, end: int) -> tuple[int, str]:
    """The name around the head noun at ``text[start:end]``: capitalised words before,
    complements after."""
    # No name is longer than a few hundred characters: looking no further keeps a long
    # run of capitalised words ("Office of Office of …") from costing time squared.
    window = max(0, start - NAME_LENGTH)
    # The name cannot reach back past such a character: search only after the last one.
    fence = _NOT_IN_NAME.match(text, window, start)
    before = _BEFORE.search(text, fence.end() if fence else window, start)
    first = before.start() if before else start
    tail = _TAIL.match(text, end, min(len(text), end + NAME_LENGTH))
    last = tail.end() if tail else end
    return first, text[first:last]


DOMINANT = 0.75
"""Share of a head noun's mentions above which its short form ("the Office") means the
body most named even where a paragraph has just named another (the Office of
Counter-Terrorism beside the United Nations Office on Drugs and Crime)."""


def _canonical(names: list[str]) -> tuple[str, float]:
    """The full name most mentions use, and the share of mentions that use it: a name
    counts every mention it begins; a longer name takes over when at least half of those
    mentions continue that way."""
    counts = Counter(names)
    ordered = sorted(counts)
    # The mentions a name begins are a run of the sorted names (``n`` … ``n + " \uffff"``).
    totals = list(accumulate(counts[n] for n in ordered))

    def begun(name: str) -> int:
        low, high = bisect_left(ordered, name), bisect_right(ordered, name + " \uffff")
        return totals[high - 1] - (totals[low - 1] if low else 0)

    starts = {n: begun(n) for n in ordered}
    best = max(starts, key=lambda n: (starts[n], len(n)))
    share = starts[best] / len(names)
    while True:
        longer = [n for n in ordered[bisect_left(ordered, best + " "):
                                     bisect_right(ordered, best + " \uffff")]
                  if starts[n] * 2 >= starts[best]]
        if not longer:
            return best, share
        best = max(longer, key=lambda n: (starts[n], len(n)))


def _canonicals(mentions: Iterable[Mention]) -> dict[str, tuple[str, float]]:
    by_head: dict[str, list[str]] = {}
    for mention in mentions:
        by_head.setdefault(mention.head, []).append(mention.name)
    return {head: _canonical(names) for head, names in by_head.items()}


def _places(mentions: Iterable[Mention]) -> dict[tuple[str, int], list[Mention]]:
    places: dict[tuple[str, int], list[Mention]] = {}
    for mention in mentions:
        places.setdefault((mention.head, mention.block), []).append(mention)
    return places


class NameBook:
    """The full names of the bodies one resolution names, by head noun."""

    def __init__(self, texts: list[str]) -> None:
        """Collect the names in ``texts`` (the resolution's title and paragraphs, in order)."""
        raw: list[Mention] = []
        for block, text in enumerate(texts):
            for match in _HEAD_END_WORD.finditer(text):
                before = text[match.start() - 1:match.start()]
                if before.isalnum() or before == "_":  # inside a word: no ``\b`` there
                    continue
                first, name = _expand(text, match.start(), match.end())
                if name != match.group(0):
                    raw.append(Mention(match.group(0), name, block, first))
        self._canonical = _canonicals(raw)
        self._by_place = _places(raw)
        # "Conference of the States Parties to the Convention": the inner short form first.
        self.mentions = tuple(Mention(m.head, self._inner(m.name, m.block, m.offset), m.block,
                                      m.offset) for m in raw)
        if any(m.name != r.name for m, r in zip(self.mentions, raw, strict=True)):
            self._canonical = _canonicals(self.mentions)  # else they stand as they are
            self._by_place = _places(self.mentions)

    def canonical(self, head: str) -> str:
        """The full name the short form of ``head`` stands for where no paragraph says
        otherwise (``Office`` → ``United Nations Office on Drugs and Crime``)."""
        return self._canonical.get(head, (head, 0.0))[0]

    def _short(self, head: str, block: int, offset: int) -> str:
        earlier = [m for m in self._by_place.get((head, block), ()) if m.offset < offset]
        canonical, share = self._canonical.get(head, (head, 0.0))
        last = earlier[-1].name if earlier and share < DOMINANT else canonical
        if last.startswith(canonical + " ") or canonical.startswith(last + " "):
            # "… Office on Drugs and Crime of the Global Report …", "Conference of the
            # States Parties": the same body as the one named in full.
            return canonical
        return last

    def _inner(self, name: str, block: int, offset: int) -> str:
        """``… Parties to the Convention`` → ``… Parties to the United Nations Convention …``."""
        if "the " not in name:  # no short form inside (most names)
            return name

        def full(match: re.Match[str]) -> str:
            return "the " + self._short(match.group(1), block, offset)
        return _SHORT_FORM.sub(full, name)

    def resolve(self, phrase: str, block: int, offset: int) -> str:
        """The full name for ``phrase`` as it stands at ``offset`` of text ``block``."""
        bare = _LEADING.sub("", phrase)
        if bare in HEADS:
            return self._short(bare, block, offset)
        name = self._inner(bare, block, offset)
        head = _HEAD_WORD.search(name)
        full = self.canonical(head.group(0)) if head else ""
        if full.startswith(name) and _CONNECTOR.match(full[len(name):]):
            return full  # "Conference of the States Parties" names the one in full
        return name


def is_un_body(name: str) -> bool:
    """Whether ``name`` is a United Nations official, organ, office, agency or treaty body
    ("States Members of the United Nations" is not; "President of the General Assembly" is)."""
    if _NOT_UN.match(name):
        return False
    officer = _OFFICER.match(name)
    return is_un_body(officer.group("body")) if officer else bool(UN_BODIES.match(name))


def _segments(text: str) -> list[str]:
    """``text`` cut at its top-level commas (not inside brackets or quotation marks)."""
    parts, depth, quoted, start = [], 0, False, 0
    for mark in _SEGMENT_MARKS.finditer(text):  # the other characters change nothing
        index, char = mark.start(), mark.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char in "\"“”":
            quoted = not quoted if char == "\"" else char == "“"
        elif char == "," and depth == 0 and not quoted:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def _splits_a_name(left: str, right: str) -> bool:
    """Whether "left and right" is one body's name cut at its "and": capitalised words
    without a head noun before, a head noun after ("Economic" and "Social Council")."""
    last = left.split()[-1] if left.split() else ""
    return (bool(_CAP_WORD.fullmatch(last)) and not last.endswith("s")
            and not _HEAD_WORD.search(left) and bool(_CAP_WORD.match(right))
            and bool(_HEAD_WORD.search(right)))


def _conjuncts(item: str) -> list[str]:
    """``Member States and other donors`` → two; ``Office on Drugs and Crime`` stays one."""
    parts = item.split(" and ")
    out = [parts[0]]
    for part in parts[1:]:
        inside_name = _INSIDE_NAME.search(out[-1])
        # "Drugs and Crime", "Prevention of Crime and the Treatment of Offenders",
        # "Economic and Social Council", "Interregional Crime and Justice Research Institute"
        if inside_name and _SAME_NAME_NEXT.match(part) or _splits_a_name(out[-1], part):
            out[-1] += " and " + part
        else:
            out.append(part)
    return out


def infinitive(text: str, start: int = 0) -> re.Match[str] | None:
    """The infinitive the addressees of a directive verb are asked to do (``to submit``),
    searched from ``start``."""
    return _INFINITIVE.search(text, start)


def is_actor(phrase: str) -> bool:
    """Whether ``phrase`` names someone who can act (not "the holding of side events")."""
    head = _HEAD_END.split(phrase, maxsplit=1)[0]
    words = head.split()
    return bool(words) and (any(w[:1].isupper() for w in words)
                            or words[-1].lower() in _ACTOR_NOUNS)


def clean_addressee(phrase: str) -> str:
    """Leading "the"/"all", relative clauses, "in its resolution …" and treaty names dropped:
    ``all States parties to the Convention that have not yet done so`` → ``States parties``."""
    phrase = _LEADING.sub("", phrase.strip().rstrip(",;:."))
    phrase = _RESOLUTION_NOTE.sub("", _RELATIVE.sub("", phrase))
    parties = _PARTIES.match(phrase)
    if parties:
        words = parties.group(1).split()
        return "States parties" if words[0] in ("State", "States") and words[-1] == "parties" \
            else " ".join(words)
    return phrase


def addressee_phrases(region: str) -> list[str]:
    """The actors listed in ``region``, the words between a directive verb and its infinitive,
    cleaned but not yet resolved. Empty when the verb's object is a thing ("the use of the
    lessons learned in order to …"), not an actor."""
    items: list[str] = []
    for index, segment in enumerate(_segments(region)):
        segment = _AND_FIRST.sub("", segment)
        if index and segment.split(" ", 1)[0] in _TITLE_WORDS and items:
            continue  # the rest of a title cut at its comma
        singled = _SINGLED_OUT.match(segment)
        if index and singled:
            segment = segment[singled.end():]
        elif index and segment.startswith("including "):
            continue
        elif index and (_ASIDE_OPENERS.match(segment) or _RELATIVE.match(" " + segment)):
            break
        items.extend(_conjuncts(segment))
    # "States parties to the Optional Protocol … on the sale of children, child prostitution
    # and child pornography": the words of a title cut at its commas name no one.
    return [p for p in (clean_addressee(item) for item in items if item.strip()) if is_actor(p)]
