"""A resolution's annexes on its page: the heading (id: the annex's anchor), its title,
then its blocks — headings as headings, numbered paragraphs, lettered items and other
text as paragraphs, each with its anchor and citation (``A/RES/78/229, annex,
paragraph 3``) — and the rows of a table as a table.

The PDF reader gives a table's row as one line, its cells joined by `` | ``
(``P-5 | 939 | 192 | 1 131``, the staffing table of 78/252); the parser makes each
line a ``text`` block. Consecutive rows are shown as one HTML table, each row a
``tr`` with the block's anchor, so that search results and links still lead to the
row. Nothing is guessed beyond what the rows say: every row is a row of cells as
printed, the first ones included (no header is made up); a short line between two
rows (a group's name, "General Service") is a row of one cell across the table; a
row with fewer cells than the widest has empty cells at its end; a cell that holds
only a figure is set right, as figures are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from unreport.model import Annex, AnnexBlock, NoteRef
from unreport.references.layer import annex_place
from unreport.site.markdown_text import escape, escape_block
from unreport.site.paragraphs import Link, Page, inline, paragraph
from unreport.text.parts import printed_label
from unreport.text.typography import curly_quotes

CELL_SEPARATOR = " | "
"""What the PDF reader puts between the cells of a table's row."""
LINE_BETWEEN_ROWS = 100
"""Characters, at most, of a line without cells that a table takes in as a row of its
own (a group's name between rows); a longer one is text, and ends the table."""
LINES_BETWEEN_ROWS = 3
"""How many such lines in a row a table takes in, at most."""
_FIGURE = re.compile(r"[\d\s.,()\[\]%–—-]*\d[\d\s.,()\[\]%–—-]*|[–—-]")


@dataclass(frozen=True)
class Table:
    """Consecutive rows of a table in an annex, and the short lines between them."""

    rows: tuple[AnnexBlock, ...]
    """The blocks, in order."""

    @property
    def columns(self) -> int:
        """Cells of its widest row."""
        return max(len(cell_spans(row.text)) for row in self.rows)


def is_row(block: AnnexBlock) -> bool:
    """Whether a block is a table's row (text whose cells the PDF reader joined)."""
    return block.kind == "text" and CELL_SEPARATOR in block.text


def _between_rows(block: AnnexBlock) -> bool:
    return (block.kind == "text" and CELL_SEPARATOR not in block.text
            and len(block.text) <= LINE_BETWEEN_ROWS)


def grouped(blocks: tuple[AnnexBlock, ...]) -> Iterator[AnnexBlock | Table]:
    """The blocks, with each run of two or more rows (and the short lines between them)
    as one :class:`Table`."""
    index = 0
    while index < len(blocks):
        if not is_row(blocks[index]):
            yield blocks[index]
            index += 1
            continue
        end = index + 1
        while end < len(blocks):
            if is_row(blocks[end]):
                end += 1
                continue
            gap = end
            while (gap < len(blocks) and gap - end < LINES_BETWEEN_ROWS
                   and _between_rows(blocks[gap])):
                gap += 1
            if gap == end or gap == len(blocks) or not is_row(blocks[gap]):
                break
            end = gap
        run = blocks[index:end]
        if sum(map(is_row, run)) >= 2:
            yield Table(run)
        else:
            yield from run
        index = end


def cell_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each cell of a row's text."""
    spans, start = [], 0
    while (found := text.find(CELL_SEPARATOR, start)) >= 0:
        spans.append((start, found))
        start = found + len(CELL_SEPARATOR)
    spans.append((start, len(text)))
    return spans


def _cell_of(offset: int, spans: list[tuple[int, int]]) -> int:
    """The cell a mark at ``offset`` belongs to: the last that starts at or before it."""
    return max((i for i, (start, _) in enumerate(spans) if start <= offset), default=0)


def _cell(text: str, span: tuple[int, int], notes: Iterable[NoteRef], links: Iterable[Link],
          page: Page) -> str:
    """One cell's Markdown: its words, its footnote marks and citations."""
    start, end = span
    marks = [NoteRef(n.number, min(n.offset, end) - start, n.line, n.restored) for n in notes]
    inside = [Link(x.start - start, x.end - start, x.target) for x in links
              if start <= x.start and x.end <= end]
    return inline(text[start:end], marks, page.defined, links=inside)


def table(rows: Table, page: Page, title: str) -> list[str]:
    """The table as HTML whose cells Markdown fills (``md_in_html``), in a box that scrolls
    sideways on a narrow screen; every row is noted for search under ``title``."""
    columns = rows.columns
    lines = ['<div class="unr-table unr-annex-table" markdown="1">', '<table markdown="1">',
             '<tbody markdown="1">']
    for row in rows.rows:
        text = curly_quotes(row.text)  # once: ``inline`` then finds no straight quote left
        spans = cell_spans(text)
        links = page.links(row.anchor)
        cells = []
        for index, span in enumerate(spans):
            notes = [n for n in row.notes if _cell_of(n.offset, spans) == index]
            words = text[span[0]:span[1]].strip()
            if len(spans) == 1 and columns > 1:  # a line between rows: one cell across
                attributes = f' colspan="{columns}"'
            else:
                attributes = ' class="unr-figure"' if _FIGURE.fullmatch(words) else ""
            cells.append(f'<td{attributes} markdown="span">'
                         f"{_cell(text, span, notes, links, page)}</td>")
        cells += ["<td></td>"] * (columns - len(cells) if len(cells) > 1 else 0)
        lines.append(f'<tr id="{row.anchor}" markdown="1">{"".join(cells)}</tr>')
        page.search.paragraph(row.anchor, " ".join(text[s:e] for s, e in spans), title)
    return [*lines, "</tbody>", "</table>", "</div>", ""]


def annex_section(annex: Annex, page: Page, scope: str) -> list[str]:
    """An annex: its heading, its title, then its blocks and tables, each block with its
    anchor and citation (``A/RES/78/229, annex, paragraph 3``)."""
    heading = f"Annex {annex.number}" if annex.number else "Annex"
    parts = [page.section(f"## {escape(heading)} {{#{annex.anchor} .unr-part}}\n", annex.anchor)]
    # The parser may give the title's lines as the annex's first headings too: shown once.
    first = annex.blocks[0] if annex.blocks else None
    if annex.title and not (first and first.kind == "heading"
                            and annex.title.startswith(first.text)):
        parts += [page.text(f"{escape_block(curly_quotes(annex.title))}\n"
                            "{: .unr-dr-title .unr-annex-title }"), ""]
    for item in grouped(annex.blocks):
        if isinstance(item, Table):
            parts += table(item, page, f"{page.search.label}, {annex_place(annex, item.rows[0])}")
        else:
            parts.append(_block(annex, item, page, scope))
    return parts


def _block(annex: Annex, block: AnnexBlock, page: Page, scope: str) -> str:
    """A heading of the annex, a numbered paragraph, an item or a line of text."""
    text = curly_quotes(block.text)  # once: ``inline`` then finds no straight quote left
    body = inline(text, block.notes, page.defined, links=page.links(block.anchor))
    title = f"{page.search.label}, {annex_place(annex, block)}"
    if block.kind == "heading":  # a heading of the page, found by search at its anchor
        label = f"{escape(block.label)}. " if block.label else ""
        heading = page.section(f"### {label}{body} {{#{block.anchor} .unr-annex-heading}}\n",
                               block.anchor)
        page.search.paragraph(block.anchor, f"{block.label}. {text}" if block.label else text,
                              title)
        return heading
    name = annex_place(annex, block, short=False)
    page.search.paragraph(block.anchor, text, title)
    if block.kind == "paragraph":
        number, classes = f"{block.label}." if block.label else "", ".unr-op .unr-annex"
    elif block.kind == "item":
        depth = max(1, block.anchor.count("-") - annex.anchor.count("-") - 2)
        number = printed_label(block.label) if block.label else ""
        classes = f".unr-sub .unr-sub-{min(depth, 3)} .unr-annex"
    else:
        number, classes = "", ".unr-annex .unr-annex-text"
    return paragraph(number, block.anchor, body, f"{scope}, {name}", classes, name)
