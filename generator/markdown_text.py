"""Writing untrusted report text into Markdown so that it stays text.

The report comes from a converter and from people's disks: any character that
Markdown, an extension or HTML would read as markup is written as a numeric
character reference. Python-Markdown passes those through, the browser shows
the character, and nothing in the input can become a tag, a link, an
attribute list or emphasis.
"""

from __future__ import annotations

import re

# Markdown, HTML and extension syntax: emphasis, links, code, attribute lists,
# superscript (caret), tables, HTML tags and entities, backslash escapes.
_SPECIAL = re.compile(r"[\\`*_\[\]{}<>&^~|=#!]")
_LEADING = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+>:])")


def _entity(match: re.Match[str]) -> str:
    return f"&#{ord(match.group(0))};"


def escape(text: str) -> str:
    """``text`` as Markdown inline content that renders exactly as ``text``."""
    out = _SPECIAL.sub(_entity, text)
    return re.sub(r"\s+", " ", out)


def escape_block(text: str) -> str:
    """Like ``escape``, and safe at the start of a line (no list, heading or quote)."""
    out = escape(text).strip()

    def neutralize(match: re.Match[str]) -> str:
        if match.group(2):
            return f"{match.group(1)}{match.group(2)}&#{ord(match.group(3))};"
        return f"{match.group(4)}&#{ord(match.group(5))};"

    return _LEADING.sub(neutralize, out, count=1)


def attribute(text: str) -> str:
    """A value for an attribute list (``{: data-x="…" }``): quotes and braces removed."""
    return re.sub(r"[\"'{}<>&\\]", "", text)
