"""Writing untrusted report text into Markdown so that it stays text.

The report comes from a converter and from people's disks: any character that
Markdown, an extension or HTML would read as markup is written as a numeric
character reference. Python-Markdown passes those through, the browser shows
the character, and nothing in the input can become a tag, a link, an
attribute list or emphasis.
"""

from __future__ import annotations

import html
import re

# Markdown, HTML and extension syntax: emphasis, links, code, attribute lists,
# superscript (caret), tables, HTML tags and entities, backslash escapes.
_SPECIAL = re.compile(r"[\\`*_\[\]{}<>&^~|=#!]")
_LEADING = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+>:?])")
# Control characters are not text; STX and ETX would even be read by Python-Markdown
# as the bounds of its own placeholders. The source check refuses them; this is a
# second line of defence for text that reaches the pages by another way.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NOT_IN_ATTRIBUTE = re.compile(r"[\"'{}<>&\\]")


def _entity(match: re.Match[str]) -> str:
    return f"&#{ord(match.group(0))};"


def _without_control(text: str, replacement: str) -> str:
    """``text`` with each control character replaced by ``replacement``."""
    # No control character is printable: most texts need no scan.
    return text if text.isprintable() else _CONTROL.sub(replacement, text)


def escape(text: str) -> str:
    """``text`` as Markdown inline content that renders exactly as ``text``."""
    return _one_space(_SPECIAL.sub(_entity, _without_control(text, "\ufffd")))


def _one_space(text: str) -> str:
    r"""``text`` with every run of whitespace as one space: ``re.sub(r"\s+", " ", text)``,
    which costs far more (``str.split`` splits at the same white space as ``\s``)."""
    if "  " not in text and text.isprintable():
        return text  # white space other than a single space is never printable
    words = text.split()
    lead = " " if text[:1].isspace() else ""
    trail = " " if words and text[-1].isspace() else ""
    return lead + " ".join(words) + trail


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
    return _NOT_IN_ATTRIBUTE.sub("", _without_control(text, ""))


def html_text(text: str) -> str:
    """``text`` for a place a template writes into HTML unescaped: nav titles, site name.

    MkDocs templates print ``nav_item.title`` and ``config.site_name`` as HTML, so
    a draft's title must arrive there with ``<``, ``>``, ``&`` and quotes escaped.
    """
    return html.escape(_without_control(text, "\ufffd"), quote=True)


def html_nav(entries: list[object]) -> list[object]:
    """A MkDocs ``nav`` list with every title passed through ``html_text``."""
    out: list[object] = []
    for entry in entries:
        if isinstance(entry, dict):
            out.append({html_text(str(title)): html_nav(value) if isinstance(value, list)
                        else value for title, value in entry.items()})
        else:
            out.append(entry)
    return out


def link_target(url: str) -> str:
    """A URL for a Markdown link: brackets percent-encoded (``A/RES/415%28V%29``)."""
    return url.replace("(", "%28").replace(")", "%29")


def boxed_table(rows: list[str], css_class: str = "unr-table") -> list[str]:
    """A Markdown table (its lines) in a box of its own, ``<div class="unr-table">``.

    Material's script wraps every plain table in a scrolling box when a page
    starts. Its stylesheet has a rule for whatever follows a table
    (``table:not([class]) + *``), so moving a table that stands directly in the
    article makes the browser restyle the whole article: on the sponsors page
    over a thousand elements, in the longest task of the page's start. Moved
    inside a box of its own, only the box is restyled. The table stays a plain
    Markdown table, styled by Material as before.
    """
    return [f'<div class="{css_class}" markdown="1">', "", *rows, "", "</div>"]
