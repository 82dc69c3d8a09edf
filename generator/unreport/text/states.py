"""Lists of State names as the report writes them: "Armenia, Austria … Mongolia and Peru".

Commas separate names, and the last two are joined by "and" — but "and" also
stands inside names (Bosnia and Herzegovina; the United Kingdom of Great Britain
and Northern Ireland). The list of United Nations Member State names tells the
two apart. Names are returned without a leading "the" (except where the article is
part of the name: "the former Yugoslav Republic of Macedonia").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

FORMER_NAMES = {
    "Czech Republic": "Czechia",  # until 2016 (seventieth session)
    "Swaziland": "Eswatini",  # until 2018 (seventy-second session)
    "the former Yugoslav Republic of Macedonia": "North Macedonia",  # until February 2019
    "Turkey": "Türkiye",  # until June 2022 (seventy-sixth session)
    "Netherlands (Kingdom of the)": "Netherlands",  # the name the UN uses since 2023
}
"""Names a State had in the documents of the seventieth to seventy-ninth sessions besides
the one in ``member-states.txt``: a report of its time prints them in its lists, and they
are kept as printed (the UN writes "the former Yugoslav Republic of Macedonia" with its
article, under T)."""


@lru_cache(maxsize=1)
def known_states() -> frozenset[str]:
    """Names of Member States and observer States, as the UN writes them (and as it wrote
    them in sessions 70–79: ``FORMER_NAMES``)."""
    text = (resources.files("unreport") / "data" / "member-states.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#")) | frozenset(FORMER_NAMES)


def strip_article(name: str) -> str:
    """``the Congo`` → ``Congo``; a name whose article is part of it ("the former Yugoslav
    Republic of Macedonia") keeps it."""
    name = name.strip().rstrip(".,;").strip()
    return name[4:] if name.startswith("the ") and name not in known_states() else name


def _split_outside_brackets(text: str, separator: str) -> list[str]:
    parts, depth, start, index = [], 0, 0, 0
    while index < len(text):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and text.startswith(separator, index):
            parts.append(text[start:index])
            index += len(separator)
            start = index
            continue
        index += 1
    parts.append(text[start:])
    return parts


def straight(name: str) -> str:
    """A name with straight apostrophes, as the list of States has them (``People’s``)."""
    return name.replace("\u2019", "'").replace("\u2018", "'")


def is_state(name: str) -> bool:
    """Whether ``name`` is a Member or observer State as the UN writes it, without a
    leading "the", apostrophes compared straight ("Democratic People’s Republic of
    Korea"): the one check every list of States uses."""
    return straight(strip_article(name)) in known_states()


def split_names(text: str) -> list[str]:
    """Split a list of names; ``"Albania, the Congo and Peru"`` → three names."""
    text = re.sub(r"\s+", " ", text).strip().rstrip(".")
    parts = [p.strip() for p in _split_outside_brackets(text, ", ") if p.strip()]
    names: list[str] = []
    for index, part in enumerate(parts):
        is_last = index == len(parts) - 1
        if part.startswith("and "):
            part = part[4:]
        if not is_last or is_state(part) or " and " not in part:
            names.append(strip_article(part))
            continue
        names.extend(strip_article(p) for p in _split_final(part))
    return [n for n in names if n]


def _split_final(part: str) -> list[str]:
    """Split "X and Y" where X or Y may itself contain "and"."""
    pieces = _split_outside_brackets(part, " and ")
    candidates = [(" and ".join(pieces[:i]), " and ".join(pieces[i:]))
                  for i in range(1, len(pieces))]
    # Prefer a split where both sides are State names, then one where either side is.
    for wanted in ((True, True), (False, True), (True, False)):
        for left, right in candidates:
            if all(is_state(side) for side, needed in zip((left, right), wanted, strict=True)
                   if needed):
                return [left, right]
    return [candidates[-1][0], candidates[-1][1]] if candidates else [part]
