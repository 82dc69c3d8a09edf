"""What every page with paragraphs shares: a paragraph with its number, anchor and
citation tool, footnote marks and citations linked inside it, and the notes.

Every paragraph is a Markdown paragraph with an attribute list that gives its
public anchor (``{: #op-12 .unr-para …}``); its number links to itself. Each
paragraph, heading and block written through a :class:`Page` is also noted for
the site's search (``search_entries.SearchPage``), so the search entries come
from the model, in the order the page shows them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from unreport import addresses
from unreport.model import Note, NoteRef, SubParagraph
from unreport.references.layer import ReferenceLayer
from unreport.site.markdown_text import attribute, escape, html_text, link_target
from unreport.site.search_entries import SearchPage, plain_text
from unreport.text.parts import printed_label
from unreport.text.typography import curly_quotes, opening_words


@dataclass(frozen=True)
class Link:
    """A span of a text to be linked."""

    start: int
    """Offset where the linked text starts."""
    end: int
    """Offset where it ends."""
    target: str
    """Where it points: a URL, or a path relative to the page."""


def relative(target: str, page: str) -> str:
    """A site path (``draft-resolutions/i.md#op-1``) as seen from ``page``; URLs unchanged."""
    if "://" in target:
        return link_target(target)
    return addresses.relative(target, page)


@dataclass(frozen=True)
class Page:
    """What rendering one page needs besides the element itself."""

    path: str
    """The page's path in the docs folder."""
    defined: frozenset[int]
    """Note numbers defined in the page's numbering scope."""
    layer: ReferenceLayer
    """Citations of the whole report."""
    search: SearchPage
    """The page's search entries, collected as it is rendered."""
    labels: dict[str, str] = field(default_factory=dict)
    """Mandate labels (Markdown blocks) of the page's operative paragraphs, by anchor."""

    def section(self, markdown: str, anchor: str) -> str:
        """A heading's Markdown (``## Preamble {#preamble}``), noted for search."""
        level = len(markdown) - len(markdown.lstrip("#"))
        self.search.section(anchor, plain_text(markdown.split("{#")[0][level:]), level)
        return markdown

    def text(self, markdown: str) -> str:
        """Markdown outside paragraphs, noted for search."""
        self.search.text(markdown)
        return markdown

    def links(self, anchor: str) -> list[Link]:
        """Links for the citations in the element ``anchor`` of this page."""
        return [Link(c.reference.start, c.reference.end, relative(c.target, self.path))
                for c in self.layer.in_element(self.path, anchor) if c.target]


def inline(text: str, notes: Iterable[NoteRef], defined: Iterable[int], *,
           italic_opening: bool = False, italic: int = 0, links: Iterable[Link] = ()) -> str:
    """Escaped ``text`` with footnote marks linked to their notes and citations linked;
    with ``italic_opening``, its opening words in italics: the ``italic`` characters the
    source sets so (a PDF says), else the opening verb or phrase found in the text."""
    text = curly_quotes(text)  # one character for one: the offsets below stay valid
    marks = sorted(notes, key=lambda n: n.offset)
    italic_end = (italic or opening_words(text)) if italic_opening else 0
    usable: list[Link] = []
    for link in sorted(links, key=lambda x: x.start):
        inside = any(link.start < m.offset < link.end for m in marks)
        overlaps = bool(usable and link.start < usable[-1].end) or link.start < italic_end
        if not inside and not overlaps and link.start < link.end <= len(text):
            usable.append(link)
    out: list[str] = []
    seen: dict[int, int] = {}
    known = set(defined)
    targets = {(x.start, x.end): x.target for x in usable}  # usable links never overlap
    marks_at: dict[int, list[NoteRef]] = {}
    for mark in marks:
        marks_at.setdefault(mark.offset, []).append(mark)
    cuts = sorted({0, italic_end, len(text), *marks_at, *(x.start for x in usable),
                   *(x.end for x in usable)})
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[start:end])
        if start == 0 and italic_end and end == italic_end:
            piece = f"*{piece}*"
        target = targets.get((start, end))
        if target:
            piece = f"[{piece}]({target}){{.unr-ref}}"
        out.append(piece)
        for mark in marks_at.get(end, ()):
            out.append(_mark(mark.number, known, seen, mark.restored))
    return "".join(out)


def _mark(number: int, defined: set[int], seen: dict[int, int],
          restored: str | None = None) -> str:
    seen[number] = seen.get(number, 0) + 1
    if number not in defined:
        return f"^{number}^"
    suffix = "" if seen[number] == 1 else f"-{seen[number]}"
    if restored:  # put back by restore.py: looks different and says why
        return (f"[^{number}^](#fn-{number}){{#fnref-{number}{suffix} .unr-fnref "
                f".unr-fnref-restored aria-label=\"Note {number}, mark restored\" "
                f"data-restored=\"{attribute(restored_sentence(restored))}\"}}")
    return (f"[^{number}^](#fn-{number}){{#fnref-{number}{suffix} .unr-fnref "
            f"aria-label=\"Note {number}\"}}")


def restored_sentence(because: str) -> str:
    """What a restored mark's tooltip says: ``Mark restored: the note cites …``."""
    return f"Mark restored: {because}."


def cite_control(name: str) -> str:
    """The paragraph's one tool: a button that offers "copy link" and "copy citation".

    Inline HTML, so that it is in the page for keyboards and screen readers from the
    start; the site's script (one delegated listener) makes it work, and without the
    script it is hidden (``unreport.css``). It comes right after the number, which
    stays the paragraph's link: both are reached by Tab in that order.
    """
    return (f'<button type="button" class="unr-cite" aria-haspopup="menu" '
            f'aria-label="Copy link or citation: {html_text(name)}"></button>')


def paragraph(label: str, anchor: str, body: str, cite: str, classes: str = "",
              name: str = "") -> str:
    """A paragraph with its number linked to itself, its citation tool and its anchor.

    ``cite`` is the full citation (``A/77/464, draft resolution V, operative
    paragraph 12``); ``name`` is what the tool says it cites (``operative
    paragraph 12``), the citation itself when not given.
    """
    number = f"[{escape(label)}](#{anchor}){{.unr-num}}" if label else ""
    return (f"{number}{cite_control(name or cite)} {body}\n"
            f"{{: #{anchor} .unr-para {classes} {length_class(body)} "
            f"data-cite=\"{attribute(cite)}\" }}\n")


# Each alternative starts with a plain character (not ``[\[\]*^]``), so the search can
# skip to the next of those characters instead of trying every position.
_MARKUP = re.compile(r"\]\([^)\s]*\)(?:\{[^}]*\})?|\[|\]|\*|\^|&#\d+;")
LINE_CHARACTERS = 70
"""Characters in a line of a paragraph on a desktop, about (``--unr-measure``)."""
LONGEST_CLASS = 24
"""``unr-l24`` for paragraphs of 24 desktop lines or more (``unreport.css``)."""


def length_class(body: str) -> str:
    """``.unr-l5``: about how many lines the paragraph takes on a desktop.

    The stylesheet turns it into the height the browser assumes for a paragraph it
    has not laid out yet (``content-visibility``), so that the page's length, and
    the scroll position, hardly move when paragraphs come into view. A class, not a
    value per paragraph, so that paragraphs of one length share their style.
    """
    # What the reader sees: markup gone, a character reference one character.
    markup = _MARKUP.findall(body)
    shown = len(body) - sum(map(len, markup)) + sum(1 for m in markup if m.startswith("&"))
    lines = -(-shown // LINE_CHARACTERS)
    return f".unr-l{max(1, min(lines, LONGEST_CLASS))}"


def sub_paragraphs(sub: SubParagraph, page: Page, cite: str, depth: int = 1,
                   name: str = "", title: str | None = None) -> list[str]:
    """A sub-paragraph and its own sub-paragraphs, depth first, each labelled as printed
    (``(a)``, ``(ii)``, ``1.``) and cited with its label in brackets (``operative
    paragraph 11 (1)``). ``title`` is its paragraph's search title, when the anchor does
    not give it (``search_entries.paragraph_title``)."""
    text = curly_quotes(sub.text)  # once: ``inline`` then finds no straight quote left
    body = inline(text, sub.notes, page.defined, links=page.links(sub.anchor))
    here, name = f"{cite} ({sub.label})", f"{name or cite} ({sub.label})"
    title = f"{title} ({sub.label})" if title else None
    page.search.paragraph(sub.anchor, text, title)
    parts = [paragraph(printed_label(sub.label), sub.anchor, body, here,
                       f".unr-sub .unr-sub-{depth}", name)]
    for child in sub.subparagraphs:
        parts.extend(sub_paragraphs(child, page, here, depth + 1, name, title))
    return parts


def notes_section(notes: tuple[Note, ...], page: Page, cite: str) -> str:
    """The notes of one numbering scope, with their printed numbers."""
    if not notes:
        return ""
    parts = [page.section("## Notes {#notes}\n", "notes")]
    for note in notes:
        anchor = f"fn-{note.number}"
        curled = curly_quotes(note.text)  # once: ``inline`` then finds no straight quote left
        text = inline(curled, (), (), links=page.links(anchor))
        page.search.paragraph(anchor, curled)
        if note.marked:
            number = (f"[{note.number}](#fnref-{note.number})"
                      "{.unr-note-num title=\"Back to the text\"}")
            lost = ""
        elif note.restored:
            number = (f"[{note.number}](#fnref-{note.number})"
                      "{.unr-note-num title=\"Back to the text\"}")
            lost = (f" *(the converter lost this note’s mark; it was [restored in the text]"
                    f"(#fnref-{note.number}) because {escape(curly_quotes(note.restored))})*"
                    "{.unr-restored-remark}")
        else:
            number = f"{note.number}"
            lost = " *(no mark for this note survives in the report’s text)*{.unr-lost}"
        parts.append(f"{number}{cite_control(f'note {note.number}')} {text}{lost}\n"
                     f"{{: #{anchor} .unr-note {length_class(text)} "
                     f"data-cite=\"{attribute(f'{cite}, note {note.number}')}\" }}\n")
    return "\n".join(parts)
