"""Numbers as UN documents write them: roman numerals (sections, draft resolutions,
sub-paragraphs), ordinals in figures (``45th``) and in words (``Seventy-seventh``)."""

from __future__ import annotations

import re

_VALUES = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
           ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$", re.IGNORECASE)


def is_roman(text: str) -> bool:
    """Whether ``text`` is a well-formed roman numeral (either case)."""
    return bool(text) and bool(_ROMAN.match(text))


def to_roman(number: int) -> str:
    """``5`` → ``V``."""
    out = []
    for symbol, value in _VALUES:
        while number >= value:
            out.append(symbol)
            number -= value
    return "".join(out)


def from_roman(text: str) -> int:
    """``V`` → 5; ``ValueError`` if ``text`` is not a roman numeral."""
    if not is_roman(text):
        raise ValueError(f"{text!r} is not a roman numeral")
    upper, total, index = text.upper(), 0, 0
    for symbol, value in _VALUES:
        while upper.startswith(symbol, index):
            total += value
            index += len(symbol)
    return total


_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
          "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_TENTHS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
           "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
_CARDINALS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9}


_MISSPELT = {"nineth": "ninth", "fith": "fifth", "eigth": "eighth", "twelveth": "twelfth",
             "fourty": "forty", "fourtieth": "fortieth", "ninty": "ninety",
             "nintieth": "ninetieth", "fiveth": "fifth", "threeth": "third"}
"""Misspellings seen in UN documents ("seventy-nineth"), read as meant."""


def ordinal_words(text: str) -> int | None:
    """``Seventy-seventh`` → 77, ``Fifth`` → 5, ``77th`` → 77, ``seventy-nineth`` → 79,
    ``one hundred and first`` → 101; None if not an ordinal."""
    word = text.strip().lower()
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    if digits:
        return int(digits.group(1))
    words = [_MISSPELT.get(w, w) for w in re.split(r"[\s\-‐–]+", word) if w != "and"]
    hundreds = 0
    if len(words) >= 2 and words[1] in ("hundred", "hundredth") and words[0] in _CARDINALS:
        hundreds = _CARDINALS[words[0]] * 100
        if words[1] == "hundredth" and len(words) == 2:
            return hundreds
        words = words[2:]
    rest: int | None = None
    if len(words) == 1 and words[0] in _TENTHS:
        rest = _TENTHS[words[0]]
    elif len(words) == 1 and words[0] in _UNITS:
        rest = _UNITS.index(words[0]) + 1
    elif len(words) == 2 and words[0] in _TENS and words[1] in _UNITS[:9]:
        rest = _TENS[words[0]] + _UNITS.index(words[1]) + 1
    return None if rest is None else hundreds + rest


def ordinal(value: int) -> str:
    """``45`` → ``45th``, ``51`` → ``51st``, ``112`` → ``112th``."""
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"
