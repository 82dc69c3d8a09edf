"""Citations in a plain-text paragraph: resolutions, decisions, documents, treaties.

Input is one paragraph or note of plain text (no Markdown or HTML, footnote marks
taken out). The grammar, each rule a row of ``tests/test_references.py``:

* An *anchor* is "resolution(s)" or "decision(s)" followed by a number whose form
  already says much: ``76/181``, ``57/270 B`` (session/number, lettered part),
  ``S-32/1`` (special session), ``415 (V)``, ``217 A (III)`` (before 1976),
  ``2022/12`` (year/number: Economic and Social Council), ``1373 (2001)``
  (Security Council), ``63.22`` (World Health Assembly).
* A *list* continues through "of <date>", a subject ("on …") or a quoted title
  (", entitled "…""), then ", ", " and " or ", and " and a number of the same form;
  anything else ends it. Every number is a reference; one body issued them all.
* The *body* is decided once per list, first match wins: a body named right before
  the keyword; a document of a body's series ("CAC/COSP/2021/17, sect. I.A,
  resolution 9/2"); "its" (the Assembly, if the number can be its own); a body named
  earlier in the clause ("Council resolutions, including resolutions …"); one named
  after the list ("… of the Conference of the Parties"); last, the number's form.
* The Assembly has numbered resolutions ``session/number`` only since its thirty-first
  session, so an unattributed ``9/4`` is ``other-resolution``, never the Assembly's.
  Decisions of bodies without a decision kind are ``other-resolution`` too.

Document symbols, treaty citations ("Treaty Series, vol. 2225, No. 39574"; "Ibid.,
vol. …" only after a treaty note) and pointers into the report ("(see para. 31,
draft resolution I)") are found independently of anchors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unreport.text.dates import MONTH_PATTERN
from unreport.text.symbols import SYMBOL_PATTERN, SYMBOL_RE, DocumentSymbol

KINDS = ("ga-resolution", "ga-decision", "ecosoc-resolution", "ecosoc-decision",
         "ccpcj-resolution", "cnd-resolution", "hrc-resolution", "cosp-resolution",
         "cosp-decision", "cop-resolution", "sc-resolution", "other-resolution",
         "document", "treaty", "internal")

_UNDOCS = "https://undocs.org/en/"
_DATE = rf"\d{{1,2}}\s+(?:{MONTH_PATTERN})\s+\d{{4}}"
_KEYWORD = r"\b(?:[Rr]esolutions?|[Dd]ecisions?)\b"


@dataclass(frozen=True)
class Reference:
    """One citation found in a text."""

    kind: str
    """One of ``KINDS``."""
    id: str
    """Canonical identifier as written: ``76/181``, ``A/C.3/77/L.7/Rev.1``, ``para-31/I``."""
    start: int
    """Offset of the cited item itself (the number or symbol, not the word "resolution")."""
    end: int
    """Offset just past the cited item."""
    url: str | None
    """Official link, or ``None`` where there is no stable one."""


# The forms a resolution or decision number takes; the group name is the form.
_ITEM_PATTERN = r"""
    (?: (?P<special>S-\d{1,2}/\d{1,3})                 # special session: S-32/1
      | (?P<old>\d{1,4}(?:\s[A-Z])?\s\([IVXLC]+\))     # before 1976: 415 (V), 217 A (III)
      | (?P<council>\d{1,4}\s\((?:19|20)\d{2}\))       # Security Council: 1373 (2001)
      | (?P<year>(?:19|20)\d{2}/\d{1,3})               # year/number: 2022/12
      | (?P<session>\d{1,3}/\d{1,4}                    # session/number: 76/181
                    (?:\s[A-H](?=[,;:.)]|\s*\Z         #   with a lettered part: 57/270 B,
                    |\s+(?:of|and|on|in|by)\b))?)      #   not "76/181 A new …"
      | (?P<dotted>\d{1,2}\.\d{1,2})                   # World Health Assembly: 63.22
    )
    (?![\w/]|\.\d)                                     # the whole number, not a prefix
"""
_ITEM = re.compile(_ITEM_PATTERN, re.VERBOSE)

_ANCHOR = re.compile(
    rf"""
    (?=[RrDd])                                    # (a quick test before the rest)
    \b(?P<word>[Rr]esolution|[Dd]ecision)s?\s+    # the keyword, singular or plural
    (?={_ITEM_PATTERN})                           # followed by a number
    """,
    re.VERBOSE,
)

# What may stand between two numbers of one list.
_GAP = re.compile(
    rf"""
    (?:\s+of\s+{_DATE})?                          # date of adoption: of 16 December 2021
    (?:\s+\d{{1,3}}(?=[\s,]))?                    # a footnote number left in the text
    (?: ,?\s+entitled\s+["“][^"”]*["”]            # a quoted title: , entitled "…"
      | \s+on\s+(?:(?!{_KEYWORD})[^;\n"“”])*?     # or a subject: on improving …
    )?
    (?:,\s+and|,|\s+and)\s+                       # separator: ", ", " and ", ", and "
    (?:\d{{1,3}}\s+(?=\d))?                       # a footnote number before the next one
    (?={_ITEM_PATTERN})
    """,
    re.VERBOSE,
)

# Issuing bodies; the group name is the body.
_BODY_PATTERN = r"""
    (?P<ga>General\s+Assembly)
  | (?P<ecosoc>Economic\s+and\s+Social\s+Council)
  | (?P<ccpcj>Commission\s+on\s+Crime\s+Prevention\s+and\s+Criminal\s+Justice)
  | (?P<cnd>Commission\s+on\s+Narcotic\s+Drugs)
  | (?P<hrc>Human\s+Rights\s+Council)
  | (?P<cosp>Conference\s+of\s+(?:the\s+)?States\s+Parties)
  | (?P<cop>Conference\s+of\s+(?:the\s+)?Parties)
  | (?P<sc>Security\s+Council)
"""
_BODY = re.compile(_BODY_PATTERN, re.VERBOSE)
_BODY_BEFORE = re.compile(rf"(?:{_BODY_PATTERN})\s+\Z", re.VERBOSE)
_CONFERENCE_BEFORE = re.compile(r"\bConference\s+\Z")     # "Conference resolution 6/1"
_OTHER_BEFORE = re.compile(                                # "Statistical Commission decision"
    r"\b(?:[A-Z][\w-]*\s+){1,4}(?:Commission|Council|Assembly|Board|Committee|Conference)\s+\Z")
_ITS_BEFORE = re.compile(r"\bits\s+\Z")
_SYMBOL_BEFORE = re.compile(                               # "CAC/COSP/2021/17, sect. I.A, "
    rf"(?P<symbol>{SYMBOL_PATTERN})"
    r"(?:,\s+(?:part|chap\.|sect\.|annex|para\.)[^,;]*)*,\s+\Z",
    re.VERBOSE,
)
_SERIES = (("CAC/COSP/", "cosp"), ("CTOC/COP/", "cop"), ("E/CN.15/", "ccpcj"),
           ("E/CN.7/", "cnd"), ("A/HRC/", "hrc"))
_INCLUDING = re.compile(r"\A\s*(?:including|in\s+particular|especially|notably)\s+\Z")
_BODY_AFTER = re.compile(                                  # "… of the Conference of the Parties"
    rf"\b(?:of|by)\s+the\s+(?:(?:{_BODY_PATTERN})|(?P<conference>Conference)\b(?!\s+on\b))",
    re.VERBOSE,
)
_EXPLICIT_ANCHOR = re.compile(rf"(?:\bits|{_BODY_PATTERN})\s+{_KEYWORD}", re.VERBOSE)

# Where a clause ends: semicolon, line break, or a full stop closing a sentence
# (not the one of "para.", "No.", "sect. I.A." and the like). ``(?=\.)`` first: the
# look-behinds are tried only before a full stop, not at every character.
_BREAK = re.compile(
    r"""
    [;\n]
  | (?=\.)(?<![A-Z])(?<!\bpara)(?<!\bparas)(?<!\bsect)(?<!\bchap)(?<!\bvol)(?<!\bvols)(?<!\bNo)
    (?<!\bpp)(?<!\bp)(?<!\bart)(?<!\bIbid)\.(?=\s+["“(A-Z]|\s*\Z)
    """,
    re.VERBOSE,
)

_TREATY = re.compile(
    r"""
    (?: Treaty\s+Series\*?,\s+                     # United Nations, Treaty Series,
      | (?P<ibid>\bIbid\.,\s+) )                   # or Ibid., repeating the last treaty
    (?P<volumes>vols?\.\s+\d{1,5}                  # vol. 2225 / vols. 2225, 2237
                (?:(?:,\s+|,?\s+and\s+)\d{1,5})*)  #   … and 2326
    (?:,\s+(?P<number>No\.\s+\d{1,7}))?            # No. 39574
    """,
    re.VERBOSE,
)
_TREATY_NUMBER = re.compile(r"No\.\s+\d+")

_INTERNAL = re.compile(
    r"""
    \(\s*[Ss]ee\s+
    (?P<item>para(?:graph)?\.?\s+(?P<para>\d{1,3}),   # para. 31,
    \s+draft\s+resolution\s+(?P<draft>[IVXLC]+))      # draft resolution I
    \s*\)
    """,
    re.VERBOSE,
)


def find_references(text: str, *, previous_treaty: str | None = None) -> list[Reference]:
    """All references in ``text``, in order of position, non-overlapping.

    ``previous_treaty`` is the treaty id of the previous note when that note was a
    treaty citation; only then is "Ibid., vol. …" read as a treaty.
    """
    found = _documents(text) + _treaties(text, previous_treaty) + _internal(text)
    found += _resolutions(text)
    found.sort(key=lambda ref: (ref.start, -ref.end))
    kept: list[Reference] = []
    for ref in found:
        if not kept or ref.start >= kept[-1].end:
            kept.append(ref)
    return kept


def _clean(text: str) -> str:
    return " ".join(text.split())


def _documents(text: str) -> list[Reference]:
    """UN document symbols, each checked by ``DocumentSymbol.parse``."""
    if "/" not in text:  # every symbol has one: most texts need no scan
        return []
    refs = []
    for match in SYMBOL_RE.finditer(text):
        try:
            symbol = DocumentSymbol.parse(match.group())
        except ValueError:
            continue
        refs.append(Reference("document", symbol.text, match.start(), match.end(), symbol.url))
    return refs


def _treaties(text: str, previous_treaty: str | None) -> list[Reference]:
    """Treaty Series citations; "Ibid." ones only after a treaty note."""
    if "Treaty" not in text and "Ibid.," not in text:  # what every match starts with
        return []
    refs = []
    for match in _TREATY.finditer(text):
        number = match.group("number")
        if match.group("ibid"):
            if previous_treaty is None:
                continue
            inherited = _TREATY_NUMBER.search(previous_treaty)
            number = number or (inherited.group() if inherited else None)
        ident = _clean(match.group("volumes") + (f", {number}" if number else ""))
        refs.append(Reference("treaty", ident, match.start("volumes"), match.end(), None))
    return refs


def _internal(text: str) -> list[Reference]:
    """Pointers to a draft resolution in the report: "(see para. 31, draft resolution I)"."""
    return [Reference("internal", f"para-{m.group('para')}/{m.group('draft')}",
                      m.start("item"), m.end("item"), None)
            for m in _INTERNAL.finditer(text)]


def _resolutions(text: str) -> list[Reference]:
    """Every number of every anchored list, with the kind its body and form give."""
    refs: list[Reference] = []
    if "esolution" not in text and "ecision" not in text:  # no anchor keyword: no list
        return refs
    since = 0
    for anchor in _ANCHOR.finditer(text):
        if anchor.start() < since:  # inside the previous list
            continue
        items = _list(text, anchor.end())
        body = _body(text, anchor, items[0], since, items[-1].end())
        kind = _kind(body, anchor.group("word").lower())
        for item in items:
            ident = _clean(item.group())
            url = _url(kind, item.lastgroup or "", ident)
            refs.append(Reference(kind, ident, item.start(), item.end(), url))
        since = items[-1].end()
    return refs


def _family(item: re.Match[str]) -> str:
    """Forms that may share a list: a special session's number among regular ones."""
    return "session" if item.lastgroup == "special" else item.lastgroup or ""


def _list(text: str, position: int) -> list[re.Match[str]]:
    """The numbers of the list whose first number starts at ``position``."""
    first = _ITEM.match(text, position)
    assert first is not None, "an anchor is always followed by a number"
    items = [first]
    while gap := _GAP.match(text, items[-1].end()):
        following = _ITEM.match(text, gap.end())
        if following is None or _family(following) != _family(first):
            break
        items.append(following)
    return items


def _could_be_assembly(item: re.Match[str]) -> bool:
    """Whether the Assembly could have numbered a resolution so."""
    if item.lastgroup in ("old", "special"):
        return True
    return item.lastgroup == "session" and int(item.group().split("/")[0]) > 30


def _body(text: str, anchor: re.Match[str], first: re.Match[str], since: int,
          end: int) -> str:
    """The body that issued the list anchored at ``anchor``."""
    if first.lastgroup == "council":
        return "sc"
    if first.lastgroup == "dotted":
        return "other"
    if named := _named_before(text, anchor.start()):
        return named
    if _ITS_BEFORE.search(text[max(0, anchor.start() - 20):anchor.start()]) and \
            _could_be_assembly(first):
        return "ga"
    if found := _earlier_body(text, since, anchor.start()) or _later_body(text, end):
        return found
    if first.lastgroup == "year":
        return "ecosoc"
    return "ga" if _could_be_assembly(first) else "other"


def _named_before(text: str, position: int) -> str | None:
    """A body named right before the keyword, by name or by a document of its series."""
    before = text[max(0, position - 120):position]
    if match := _BODY_BEFORE.search(before):
        return match.lastgroup
    if _CONFERENCE_BEFORE.search(before):
        return _last_conference(text, position)
    if _OTHER_BEFORE.search(before):
        return "other"
    if match := _SYMBOL_BEFORE.search(before):
        symbol = match.group("symbol")
        return next((body for prefix, body in _SERIES if symbol.startswith(prefix)), None)
    return None


def _last_conference(text: str, position: int) -> str:
    """Which Conference a bare "Conference" means: the last one named, else the States Parties."""
    bodies = [m.lastgroup for m in _BODY.finditer(text, 0, position)]
    return next((body for body in reversed(bodies) if body in ("cosp", "cop")), "cosp")


def _clause_start(text: str, position: int) -> int:
    breaks = [m.end() for m in _BREAK.finditer(text, 0, position)]
    return breaks[-1] if breaks else 0


def _earlier_body(text: str, since: int, position: int) -> str | None:
    """A body named earlier in the clause, after the previous list.

    Only the words after the last comma count, unless they are just "including" or
    "in particular": then the whole clause does ("Council resolutions, including …").
    """
    start = max(since, _clause_start(text, position))
    segment = text[start:position]
    tail = segment.rsplit(",", 1)[-1]
    if not _INCLUDING.match(tail):
        segment = tail
    bodies = list(_BODY.finditer(segment))
    return bodies[-1].lastgroup if bodies else None


def _later_body(text: str, position: int) -> str | None:
    """A body named after the list, before the clause ends or another body's anchor."""
    stop = _BREAK.search(text, position)
    window = text[position:stop.start() if stop else len(text)]
    has_keyword = "esolution" in window or "ecision" in window  # what an anchor needs
    explicit = _EXPLICIT_ANCHOR.search(window) if has_keyword else None
    window = window[:explicit.start()] if explicit else window
    match = _BODY_AFTER.search(window)
    if match is None:
        return None
    if match.lastgroup == "conference":
        return _last_conference(text, position + match.start("conference"))
    return match.lastgroup


def _kind(body: str, word: str) -> str:
    """The reference kind for a body's resolution or decision."""
    if word == "decision":
        return f"{body}-decision" if body in ("ga", "ecosoc", "cosp") else "other-resolution"
    return f"{body}-resolution"


def _url(kind: str, form: str, ident: str) -> str | None:
    """The official link, for the series that have one."""
    compact = ident.replace(" ", "")
    if kind == "ga-resolution":
        if form == "old":
            compact = re.sub(r"(?<=\d)[A-Z]", "", compact)  # 217A(III) -> 217(III)
        return f"{_UNDOCS}A/RES/{compact}"
    if kind == "ecosoc-resolution" and form == "year":
        return f"{_UNDOCS}E/RES/{compact}"
    if kind == "sc-resolution":
        return f"{_UNDOCS}S/RES/{compact}"
    return None
