"""Dates as the report writes them: ``30 November 2022``, ``4 November``.

The one list of month names that every grammar in the package uses.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_PATTERN = "(?:" + "|".join(MONTHS) + ")"
"""A regular expression that matches any month name."""

_DATE = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_PATTERN})\s+(\d{{4}})\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_PATTERN})\b")


def parse_date(text: str, default_year: int | None = None) -> dt.date | None:
    """``30 November 2022`` → a date; ``4 November`` uses ``default_year``."""
    match = _DATE.search(text)
    if match:
        day, month, year = match.groups()
    else:
        short = _DAY_MONTH.search(text)
        if not short or default_year is None:
            return None
        day, month, year = short.group(1), short.group(2), str(default_year)
    try:
        return dt.date(int(year), MONTHS.index(month) + 1, int(day))
    except ValueError:
        return None


def long_date(value: dt.date | None) -> str:
    """``30 November 2022``."""
    return f"{value.day} {value:%B %Y}" if value else "date not given"
