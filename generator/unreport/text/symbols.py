"""United Nations document symbols as a small value object.

A symbol such as ``A/C.3/77/L.7/Rev.1`` names one document: the issuing body
(``A``: General Assembly), subsidiary bodies (``C.3``: Third Committee), the
session or year, the document's number (``L.7``: limited distribution, draft
7) and modifiers (``Rev.1``: first revision).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SYMBOL_PATTERN = r"""
    (?<![\w/.])                         # not inside a longer word or symbol
    (?:A|E|S|ST|CAC|CTOC|UNEP|TD|DP)    # issuing body or treaty-body series
    (?:/[A-Z]{1,6}(?:\.\d{1,4})?)*      # subsidiary bodies: C.3, CN.15, CONF.234, COSP, RES
    /(?:\d{1,4}|S-\d{1,2})              # session, year or special session
    (?:/(?:[A-Z]{1,4}\.)?\d{1,5})*      # numbers, possibly with a prefix: L.7, SR.45
    (?:/(?:Rev|Add|Corr|Amend)\.\d{1,2})*  # revisions, addenda, corrigenda
    (?![\w/])
"""

SYMBOL_RE = re.compile(SYMBOL_PATTERN, re.VERBOSE)
_WHOLE_RE = re.compile(r"\A" + SYMBOL_PATTERN + r"\Z", re.VERBOSE)


@dataclass(frozen=True, order=True)
class DocumentSymbol:
    """A UN document symbol such as ``A/77/464``."""

    text: str
    """The symbol as printed."""

    @classmethod
    def parse(cls, text: str) -> DocumentSymbol:
        """Parse ``text`` as a whole symbol; raise ``ValueError`` if it is not one."""
        candidate = text.strip()
        if not _WHOLE_RE.match(candidate):
            raise ValueError(f"{text!r} is not a United Nations document symbol")
        # A document needs a number after the session: "A/77" alone names a session.
        if candidate.count("/") < 2:
            raise ValueError(f"{text!r} is not a United Nations document symbol")
        return cls(candidate)

    @property
    def slug(self) -> str:
        """File-name form: ``A-77-464``."""
        return self.text.replace("/", "-")

    @property
    def url(self) -> str:
        """Official link on the UN documents server."""
        return f"https://undocs.org/en/{self.text}"

    def __str__(self) -> str:
        return self.text
