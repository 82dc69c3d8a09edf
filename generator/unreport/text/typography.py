"""UN typography: the opening words of a preambular or operative paragraph in italics.

Resolutions print the opening verb phrase in italics — *Recalling also* its
resolution…, *Takes note with appreciation* of the report…, *Calls upon*
Member States… The converter kept those italics only here and there, so the
phrase is found again by a small grammar:

    opening  = [adverb] head [particle…]
    adverb   = Also | Further | Strongly | Deeply | Again | Once again
    head     = the paragraph's first word (a verb or participle: Recalling, Urges…)
    particle = also | further | again | in mind | note | into account
               | into consideration | with [adjective] feeling
               | its [adjective] (concern | invitation | request | call | commitment
                 | condemnation)
    closing  = upon | for           (Calls upon, Calls for: the phrase ends there)

The rule was checked against every paragraph where the source kept its
italics (``tests/test_typography.py``).
"""

from __future__ import annotations

import re

_ADVERB = r"(?:(?:Also|Further|Strongly|Deeply|Again|Once\s+again)\s+)"  # VERBOSE-safe
_FEELING = r"(?:appreciation|concern|interest|satisfaction|regret|alarm|gratitude)"
_ADJECTIVE = r"(?:deep|grave|great|serious|strong|profound|particular)"
_PARTICLE = rf"""
    \s+(?:
        also | further | again
      | in\s+mind
      | note(?=\s+(?:of|with|also|that)\b)
      | into\s+(?:account|consideration)
      | with\s+(?:{_ADJECTIVE}\s+)?{_FEELING}
      | its\s+(?:{_ADJECTIVE}\s+)?(?:concern|invitation|request|call|commitment|condemnation)
    )"""
_CLOSING = r"(?:\s+(?:upon|for(?=\s)))"  # "Calls upon", "Calls for": nothing follows them
_OPENING = re.compile(
    rf"""^(?:{_ADVERB}[a-z]+(?:-[a-z]+)?   # Also encourages, Strongly urges…
         | [A-Z][a-z]+(?:-[a-z]+)?)         # or the verb or participle alone
        (?:{_PARTICLE})*             # also, with appreciation, note, in mind…
        {_CLOSING}?
        (?=[\s,;:.]|$)""",
    re.VERBOSE,
)
# "Expressing concern", "Expresses its grave concern": concern belongs to the verb.
_EXPRESSING = re.compile(rf"^(?:{_ADVERB})?Express(?:es|ing)\s+(?:its\s+)?"
                         rf"(?:{_ADJECTIVE}\s+)?concern\b")
# "Deeply concerned", "Fully aware": an adverb in -ly before a participle.
_LY_ADJECTIVE = re.compile(r"^(?:Deeply|Fully|Gravely|Seriously|Profoundly|Firmly)\s+[a-z]+")
_CALL = re.compile(r"^(?:\w+\s+)?call", re.IGNORECASE)
"""A verb of calling: "Calls", "Also calls"."""


def opening_words(text: str) -> int:
    """Length of the opening phrase of ``text`` to be set in italics (0 if none)."""
    for pattern in (_LY_ADJECTIVE, _EXPRESSING, _OPENING):
        match = pattern.match(text)
        if match:
            phrase = match.group(0)
            # Only verbs of calling take "for" into their phrase ("Calls for").
            if phrase.endswith(" for") and not _CALL.match(phrase):
                return len(phrase) - len(" for")
            return len(phrase)
    return 0


# A quote opens at the start, after a space, an opening bracket or a dash, and
# after an opening quote of the other kind; elsewhere it closes (or, for ', it is
# an apostrophe: Member States' , don't, Côte d'Ivoire). One character for one,
# so offsets into the text (footnote marks, links) stay valid.
_OPENING_CONTEXT = re.compile(r"(^|[\s(\[{<\u2014\u2013/\u201c\u2018-])([\"'])")
_CLOSING_QUOTE = {'"': "\u201d", "'": "\u2019"}
_OPENING_QUOTE = {'"': "\u201c", "'": "\u2018"}


def curly_quotes(text: str) -> str:
    """``text`` with straight quotes and apostrophes made typographic, length unchanged.

    "Rules" → “Rules”; States' → States’; d'Ivoire → d’Ivoire; 'Doha' → ‘Doha’.
    Used on the pages only: the JSON keeps the report's own characters.
    """
    if '"' not in text and "'" not in text:
        return text
    opened = _OPENING_CONTEXT.sub(lambda m: m.group(1) + _OPENING_QUOTE[m.group(2)], text)
    # An opening quote right after another (“‘) is matched once the first is curly.
    opened = _OPENING_CONTEXT.sub(lambda m: m.group(1) + _OPENING_QUOTE[m.group(2)], opened)
    return opened.replace('"', _CLOSING_QUOTE['"']).replace("'", _CLOSING_QUOTE["'"])
