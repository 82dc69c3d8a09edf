"""Roman numerals, as used for sections, draft resolutions and sub-paragraphs."""

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
