"""Stage 3, structure: typed blocks to the frozen ``Report`` model, anchors assigned.

The report's own logic gives the structure: sections I, II, III with numbered
paragraphs; then "Draft resolution I…", "The General Assembly,", preambular
paragraphs, numbered operative paragraphs and their (a)/(i) sub-paragraphs; then
the draft decisions, after the report's paragraph that recommends them ("The Third
Committee also recommends … the following draft decision:") or a "Draft decision II"
heading: title, text, lettered items; footnotes numbered afresh in the report body
and in each draft resolution and decision.

Paragraphs split by a page break or a footnote block are joined here, by rules
that depend on what kind of paragraph is open (see ``continues``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from unreport.diagnostics import Collector, SourceError
from unreport.model import (
    Annex,
    AnnexBlock,
    DraftDecision,
    DraftResolution,
    Note,
    NoteRef,
    Operative,
    Part,
    Preambular,
    Report,
    ReportParagraph,
    Section,
    Span,
    SubParagraph,
    Subsection,
    all_subparagraphs,
)
from unreport.parse.blocks import Block, Kind
from unreport.parse.clean import Cleaned
from unreport.parse.marks import MarkReader, assemble, explicit_numbers
from unreport.parse.masthead import read_masthead
from unreport.parse.proposals import read_proposals
from unreport.text.numbers import from_roman, is_roman, to_roman
from unreport.text.symbols import SYMBOL_RE

# Marks and emphasis that may follow a paragraph's final punctuation: "…,<sup>3</sup>",
# "…, 13" (a bare mark after the comma), "*…*".
_TRAILING_MARKS = re.compile(
    r"(?:\s*<sup>\s*\w{1,3}\s*</sup>|\s*\\\(\s*\^\s*\{?\d{1,3}\}?\s*\\\)|\*"
    r"|(?<=[,;.:])\s\d{1,3})+$")


def _may_end_with_marks(text: str) -> bool:
    """Whether ``_TRAILING_MARKS`` may match ``text``: only if it ends with what a mark or
    emphasis ends with (``>``, ``)``, ``*``, a digit; or a line break, before which ``$``
    also matches). Most texts end otherwise, and the pattern is slow to fail."""
    last = text[-1:]
    return last in (">", ")", "*", "\n") or last.isdecimal()


def continues(previous_raw: str, text: str) -> bool:
    """Whether preamble ``text`` continues the paragraph whose raw text is ``previous_raw``.

    A preambular paragraph ends with a comma (or, by a slip, a full stop or
    semicolon). If the previous text stops without such a mark, the page broke
    mid-sentence; if the new text begins in lower case, it is the rest of a
    sentence whatever the previous one ended with.
    """
    # Only the end matters; looking at a bounded tail keeps the pattern linear.
    tail = previous_raw[-200:]
    stripped = (_TRAILING_MARKS.sub("", tail) if _may_end_with_marks(tail) else tail).rstrip()
    if not stripped or stripped[-1] not in ".,;:":
        return True
    first = text.lstrip("*_\"“‘'( ")
    return bool(first) and first[0].islower()


# --- builders: mutable while walking the blocks, frozen at the end -----------------


@dataclass
class TextBuilder:
    fragments: list[tuple[int, str]] = field(default_factory=list)
    part: str | None = None
    """The anchor of the part of the resolution it stands in, if any."""
    origin: Block | None = None
    """For a preambular paragraph read from a lettered block ("(a) …"): that block, in
    case the paragraphs turn out to be an unnumbered operative paragraph's items."""

    def add(self, block: Block, *, as_text: bool = False) -> None:
        """Append the block's text; ``as_text`` keeps its marker (it is not what it says)."""
        fragments = block.with_marker() if as_text else block.fragments
        self.fragments.extend((f.line, f.text) for f in fragments)

    @property
    def raw(self) -> str:
        return " ".join(t for _, t in self.fragments)


@dataclass
class ItemBuilder(TextBuilder):
    label: str = ""
    children: list[ItemBuilder] = field(default_factory=list)
    roman: bool = False


@dataclass
class ParaBuilder(TextBuilder):
    number: int = 0
    items: list[ItemBuilder] = field(default_factory=list)
    printed: bool = True
    list_next: int = 0
    """The number a numbered list inside the paragraph would continue with (0: none)."""
    section: str = ""
    subsection: str | None = None

    def open_element(self) -> TextBuilder:
        if self.items:
            last = self.items[-1]
            return last.children[-1] if last.children else last
        return self


@dataclass
class DraftBuilder:
    number: str
    heading: Block
    title: list[tuple[int, str]] = field(default_factory=list)
    assembly: bool = False
    preambular: list[TextBuilder] = field(default_factory=list)
    operative: list[ParaBuilder] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)
    last_line: int = 0
    annexes: list[AnnexBuilder] = field(default_factory=list)
    titled: bool = False
    """The title was read from the masthead ("78/229. Title"): what follows is text."""
    parts: list[tuple[str, str, int, str]] = field(default_factory=list)
    """Parts of the text: label, title, line of the heading, anchor."""

    @property
    def part(self) -> str | None:
        """The anchor of the part being read, if the text has parts."""
        return self.parts[-1][3] if self.parts else None

    def unnumbered_operative(self) -> None:
        """Where the part being read (or the whole text) numbers no operative paragraph,
        read its paragraphs from the first that ends with a full stop, semicolon or colon
        as its operative part, and lettered ones after it as their sub-paragraphs: a text
        (or a budget's part) with one operative paragraph prints no number ("Approves the
        report of the Credentials Committee.", 78/124; "Approves … as follows:" with (a)
        and (b), 78/253 part XXIV). Preambular paragraphs end with commas."""
        part = self.part
        if any(op.part == part for op in self.operative):
            return
        mine = [p for p in self.preambular if p.part == part]
        ends = [re.sub(r"(?:\s*<sup>\s*\d+\s*</sup>)+$", "", p.raw.replace("*", "")).rstrip()
                .endswith((".", ";", ":")) for p in mine]
        if True not in ends:
            return
        moved = mine[ends.index(True):]
        for text in moved:
            last = self.operative[-1] if self.operative and self.operative[-1].part == part \
                else None
            if text.origin is not None and text.origin.label and last is not None:
                item = ItemBuilder(label=text.origin.label)
                item.add(text.origin)
                last.items.append(item)
                continue
            para = ParaBuilder(number=(last.number + 1) if last else 1, printed=False,
                               part=part)
            para.fragments = text.fragments
            self.operative.append(para)
        self.preambular = [p for p in self.preambular if not any(p is m for m in moved)]


@dataclass
class AnnexBuilder:
    """An annex while its blocks are read: heading, title lines, then its content."""

    number: str
    heading: Block
    title: list[Block] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)


def _next_letter(label: str) -> str:
    return chr(ord(label) + 1) if len(label) == 1 and label < "z" else ""


def place_item(parent: ParaBuilder, label: str, block: Block, messages: Collector) -> None:
    """Put sub-paragraph ``(label)`` under ``parent``: a letter, or a roman under a letter.

    The label that continues the letters wins: ``(i)`` after ``(h)`` is the letter
    i, and so are ``(v)`` after ``(u)`` and ``(x)`` after ``(w)``. Otherwise a label
    of i, v and x under a lettered item is a roman numeral: ``(i)`` after ``(a)``
    opens (i), (ii)… under (a). A single letter that fits neither sequence is a
    letter out of order (``(c)`` where ``(b)`` is missing), with a warning.
    """
    item = ItemBuilder(label=label)
    item.add(block)
    letters = parent.items
    expected_letter = _next_letter(letters[-1].label) if letters else "a"
    siblings = letters[-1].children if letters else []
    expected_roman = to_roman(len(siblings) + 1).lower()
    roman_form = bool(re.fullmatch(r"[ivx]+", label)) and is_roman(label)
    if letters and roman_form and label != expected_letter and (
            label == expected_roman or len(label) > 1):
        if label != expected_roman:
            messages.warn("numbering", block.span.first,
                          f"sub-paragraph ({label}) where ({expected_roman}) "
                          f"or ({expected_letter}) was expected.")
        item.roman = True
        siblings.append(item)
        return
    if label != expected_letter:
        messages.warn("numbering", block.span.first,
                      f"sub-paragraph ({label}) where ({expected_letter}) was "
                      "expected: a lettered sub-paragraph is missing or mislabelled.")
    letters.append(item)


# --- walking the blocks ------------------------------------------------------------


@dataclass
class _Body:
    sections: list[tuple[str, str, int, list[Subsection]]] = field(default_factory=list)
    paragraphs: list[ParaBuilder] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)
    heading_last: bool = False
    """A heading came after the last numbered paragraph: text cannot continue it."""


def _walk_body(blocks: list[Block], messages: Collector) -> _Body:
    body = _Body()
    section, subsection = "", None
    for block in blocks:
        if block.kind is Kind.LABELLED_HEADING and block.label:
            label = block.label
            next_section = to_roman(len(body.sections) + 1)
            subs = body.sections[-1][3] if body.sections else []
            next_sub = chr(ord(subs[-1].letter) + 1) if subs else "A"
            if label == next_section or (is_roman(label) and label != next_sub):
                if any(number == label for number, *_ in body.sections):
                    messages.warn("unplaced", block.span.first,
                                  f"section {label} a second time, where "
                                  f"section {next_section} was expected: the heading could "
                                  "not be placed (is the line repeated?).")
                    continue
                if label != next_section:
                    messages.warn("numbering", block.span.first, f"section {label} where section "
                                  f"{next_section} was expected.")
                body.sections.append((label, block.text, block.span.first, []))
                section, subsection = label, None
                body.heading_last = True
            elif body.sections:
                if label != next_sub:
                    messages.warn("numbering", block.span.first,
                                  f"subsection {label} where subsection "
                                  f"{next_sub} was expected.")
                subs.append(Subsection(label, block.text, block.span.first))
                subsection = label
                body.heading_last = True
            continue
        if block.kind is Kind.NOTE:
            body.notes.append(block)
            continue
        if block.kind is Kind.NUMBERED and block.label:
            number = int(block.label)
            expected = body.paragraphs[-1].number + 1 if body.paragraphs else 1
            if number != expected:
                messages.warn("numbering", block.span.first,
                              f"report paragraph {number} where paragraph "
                              f"{expected} was expected (a numbering gap or repeat).")
            para = ParaBuilder(number=number, section=section, subsection=subsection)
            para.add(block)
            body.paragraphs.append(para)
            body.heading_last = False
            continue
        if not body.paragraphs or body.heading_last:
            messages.warn("unplaced", block.span.first,
                          "text between a heading and the next numbered "
                          f"paragraph could not be placed: {block.text[:60]!r}.")
            continue
        if block.kind is Kind.ITEM and block.label:
            place_item(body.paragraphs[-1], block.label, block, messages)
        else:
            body.paragraphs[-1].open_element().add(block, as_text=True)
    return body


_PART = re.compile(r"^(?:(?P<word>Part|Section)\s+(?=\w+\s))?"
                   r"(?P<label>[IVXL]+|[A-H]|(?<=[nt] )\d{1,3}[A-Z]?)\.?\s+"
                   r"(?P<title>[A-Z0-9].{2,400})$")
"""A part of a resolution: "II Activities of the Independent Audit Advisory Committee",
"B. Ocean Action panels", a budget's "Part I Overall policymaking, direction and
coordination" and "Section 29A Department of …" (a line that does not end like a
sentence)."""


def _part_heading(block: Block) -> tuple[str, str] | None:
    """``(label, title)`` if ``block`` heads a part of a resolution's text."""
    text = block.plain
    if block.kind is Kind.LABELLED_HEADING and block.label:
        return block.label, text
    match = _PART.match(text)
    label = match.group("label") if match else ""
    if match and block.kind is Kind.TEXT and not text.endswith((".", ",", ";", ":")) and (
            len(label) == 1 or is_roman(label) or label[0].isdigit()):
        word = match.group("word")
        return (f"{word} {label}" if word else label), match.group("title").strip()
    return None


def _may_open(draft: DraftBuilder, label: str) -> bool:
    """Whether a part labelled ``label`` may open here. A lettered part under a roman one
    opens before that part's first operative paragraph or after another lettered part;
    "A." and "B." later in a part head what a paragraph sets out (78/253's tables)."""
    if not (len(label) == 1 and label not in "IVX") or not draft.parts:
        return True
    in_letter = len(draft.parts[-1][0]) == 1 and draft.parts[-1][0] not in "IVX"
    started = any(op.part == draft.part for op in draft.operative)
    return in_letter or not started


def _introduces(draft: DraftBuilder) -> bool:
    """Whether the last operative paragraph ends with a colon: what follows is what it
    introduces ("as set out in the table below:" — headings of the table, not parts)."""
    last = draft.operative[-1] if draft.operative else None
    return last is not None and last.part == draft.part and \
        last.open_element().raw.rstrip().endswith(":")


def _part_anchor(draft: DraftBuilder, label: str) -> str:
    """``part-ii`` for part II; a lettered part under a roman one is named by both
    (``part-vii-a``)."""
    romans = [p for p, *_ in draft.parts if is_roman(p)]
    if len(label) == 1 and label not in "IVX" and romans:
        return f"part-{romans[-1].lower()}-{label.lower()}"
    if label.startswith("Section "):  # a budget's sections, numbered through its parts
        return "section-" + label.split()[1].lower()
    return "part-" + label.split()[-1].lower()


def walk_draft(draft: DraftBuilder, blocks: list[Block], messages: Collector) -> None:
    """Add blocks to a draft (or resolution): its title (until "The General Assembly,"),
    preambular and operative paragraphs, sub-paragraphs, notes and parts."""
    for block in blocks:
        draft.last_line = block.span.last
        if block.kind is Kind.NOTE:
            draft.notes.append(block)
        elif block.kind is Kind.ASSEMBLY and not draft.assembly:
            draft.assembly = True
        elif not draft.assembly and not draft.operative and not draft.titled:
            if block.kind is Kind.NUMBERED:
                messages.warn("structure", block.span.first,
                              f"draft resolution {draft.number}: operative "
                              "paragraph before \"The General Assembly,\"; expected the "
                              "title, then \"The General Assembly,\".")
                _add_operative(draft, block, messages)
            else:
                draft.title.extend((f.line, f.text) for f in block.with_marker())
        elif draft.assembly and not _introduces(draft) and (part := _part_heading(block)) \
                and _may_open(draft, part[0]):
            draft.unnumbered_operative()  # of the part that ends here
            draft.parts.append((part[0], part[1], block.span.first,
                                _part_anchor(draft, part[0])))
        elif block.kind is Kind.NUMBERED and block.label:
            _add_operative(draft, block, messages)
        elif draft.operative and draft.operative[-1].part == draft.part:
            if block.kind is Kind.ITEM and block.label:
                place_item(draft.operative[-1], block.label, block, messages)
            else:
                draft.operative[-1].open_element().add(block, as_text=True)
        elif draft.preambular and draft.preambular[-1].part == draft.part and \
                continues(draft.preambular[-1].raw, block.text):
            draft.preambular[-1].add(block, as_text=True)
        else:
            if block.kind not in (Kind.TEXT, Kind.ITEM):
                messages.warn("unplaced", block.span.first,
                              f"draft resolution {draft.number}: unexpected "
                              f"{block.kind.value} in the preamble; kept as a preambular "
                              "paragraph.")
            paragraph = TextBuilder(part=draft.part,
                                    origin=block if block.kind is Kind.ITEM else None)
            paragraph.add(block, as_text=True)
            draft.preambular.append(paragraph)


def _add_operative(draft: DraftBuilder, block: Block, messages: Collector) -> None:
    number = int(block.label or 0)
    previous = draft.operative[-1] if draft.operative else None
    last = previous if previous and previous.part == draft.part else None
    expected = last.number + 1 if last else 1
    if last and number != expected and (
            last.open_element().raw.rstrip().endswith(":") or number == last.list_next):
        # A numbered list inside the paragraph (78/223's provisional agenda, 1–7, in its
        # operative paragraph 11), or a quoted article's paragraph ("new paragraph 4:").
        item = ItemBuilder(label=str(number))
        item.add(block)
        last.items.append(item)
        last.list_next = number + 1
        return
    # A new part numbers its paragraphs afresh or goes on from the part before (78/253).
    going_on = last is None and previous is not None and number == previous.number + 1
    if number != expected and not going_on:
        messages.warn("numbering", block.span.first, f"draft resolution {draft.number}: operative "
                      f"paragraph {number} where {expected} was expected (a numbering gap or "
                      "repeat).")
    para = ParaBuilder(number=number, part=draft.part)
    para.add(block)
    draft.operative.append(para)


# --- footnote marks and freezing ---------------------------------------------------


class Read(NamedTuple):
    """A text read by ``NoteScope.read``."""

    text: str
    """Plain text."""
    notes: tuple[NoteRef, ...]
    """Its footnote marks."""
    span: Span
    """Its source lines."""
    italic: int
    """Length of its italic opening as the source marks it (0: not marked)."""


class NoteScope:
    """Reads marks for one numbering scope and freezes its elements."""

    def __init__(self, name: str, notes: list[Block], texts: list[str],
                 messages: Collector) -> None:
        self.name = name
        self.messages = messages
        numbers = [int(n.label or 0) for n in notes]
        explicit = [n for raw in texts for n in explicit_numbers(raw)]
        self.reader = MarkReader(set(numbers), explicit)
        self.note_blocks = notes
        self.marked: set[int] = set()

    def read(self, text: TextBuilder) -> Read:
        raw = assemble(text.fragments)
        marked = self.reader.read(raw)
        for line, printed, number in marked.repaired:
            self.messages.warn("repaired-mark", line,
                               f"{self.name}: bare number {printed!r} read as the mark of "
                               f"note {number}, the note due next (the converter dropped "
                               "digits).")
        self.marked.update(ref.number for ref in marked.notes)
        lines = [line for line, _ in text.fragments] or [0]
        return Read(marked.text, marked.notes, Span(min(lines), max(lines)), marked.italic)

    def item(self, item: ItemBuilder, prefix: str) -> SubParagraph:
        text, notes, span, italic = self.read(item)
        anchor = f"{prefix}-{item.label}"
        children = tuple(self.item(child, anchor) for child in item.children)
        if children:
            span = Span(span.first, max(span.last, children[-1].span.last))
        return SubParagraph(item.label, anchor, text, notes, children, span, italic)

    def notes(self) -> tuple[Note, ...]:
        result: list[Note] = []
        expected = 1
        for block in self.note_blocks:
            number = int(block.label or 0)
            if number != expected:
                self.messages.warn("numbering", block.span.first,
                                   f"{self.name}: note {number} where note "
                                   f"{expected} was expected (a numbering gap or repeat).")
            expected = number + 1
            plain = assemble([(f.line, f.text) for f in block.fragments])
            text = re.sub(r"\*+", "", plain.text)
            text = re.sub(r"\s+", " ", text).strip()
            # A note without a mark is reported by restore.py, which may put it back.
            result.append(Note(number, text, block.span, number in self.marked))
        return tuple(result)

    def check_marks(self, refs: list[tuple[int, int]]) -> None:
        defined = {int(b.label or 0) for b in self.note_blocks}
        for number, line in refs:
            if number not in defined:
                self.messages.warn("orphan-mark", line,
                                   f"{self.name}: footnote mark {number} has no note; "
                                   f"expected a note numbered {number} (is a page of notes "
                                   "missing?).")


def unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 2
    while candidate in used:
        candidate, n = f"{anchor}-{n}", n + 1
    used.add(candidate)
    return candidate


def _freeze_body(body: _Body, messages: Collector) -> tuple[tuple[ReportParagraph, ...],
                                                             tuple[Note, ...]]:
    texts = [raw for p in body.paragraphs for raw in depth_first(p)]
    scope = NoteScope("report", body.notes, texts, messages)
    used: set[str] = set()
    paragraphs: list[ReportParagraph] = []
    refs: list[tuple[int, int]] = []
    for para in body.paragraphs:
        text, notes, span, _ = scope.read(para)
        anchor = unique(f"para-{para.number}", used)
        items = tuple(scope.item(item, anchor) for item in para.items)
        if items:
            span = Span(span.first, max(span.last, items[-1].span.last))
        refs.extend((n.number, n.line) for n in notes)
        refs.extend((n.number, n.line) for i in items for n in i.notes)
        paragraphs.append(ReportParagraph(para.number, anchor, text, notes, items,
                                          para.section, para.subsection, span))
    scope.check_marks(refs)
    return tuple(paragraphs), scope.notes()


def freeze_draft(draft: DraftBuilder, slug: str, messages: Collector) -> DraftResolution:
    name = f"draft resolution {draft.number}"
    texts = [t.raw for t in draft.preambular]
    texts += [raw for p in draft.operative for raw in depth_first(p)]
    texts += [b.text for annex in draft.annexes for b in annex.title + annex.blocks]
    scope = NoteScope(name, draft.notes, texts, messages)
    refs: list[tuple[int, int]] = []
    preambular = []
    for index, text_builder in enumerate(draft.preambular, start=1):
        text, notes, span, italic = scope.read(text_builder)
        refs.extend((n.number, n.line) for n in notes)
        preambular.append(Preambular(index, f"pp-{index}", text, notes, span,
                                     text_builder.part, italic))
    used: set[str] = set()
    operative = []
    parts = tuple(Part(label, title, anchor, line) for label, title, line, anchor in draft.parts)
    numbers = [para.number for para in draft.operative]
    afresh = len(set(numbers)) < len(numbers)  # the parts number their paragraphs afresh
    for para in draft.operative:
        text, notes, span, italic = scope.read(para)
        anchor = f"op-{para.number}"
        if afresh and para.part:
            anchor = f"{para.part}-{anchor}"
        anchor = unique(anchor, used)
        subs = tuple(scope.item(item, anchor) for item in para.items)
        if subs:
            span = Span(span.first, max(span.last, subs[-1].span.last))
        refs.extend((n.number, n.line) for n in notes)
        refs.extend((n.number, n.line) for s in all_subparagraphs(subs) for n in s.notes)
        operative.append(Operative(para.number, anchor, text, notes, subs, span, para.printed,
                                   para.part, italic))
    annexes = tuple(_freeze_annex(annex, scope, refs, messages) for annex in draft.annexes)
    scope.check_marks(refs)
    title_text = " ".join(t for _, t in draft.title)
    title = re.sub(r"\s+", " ", title_text.replace("*", "")).strip()
    if not title:
        messages.warn("structure", draft.heading.span.first,
                      f"{name} has no title; expected the title "
                      "on the heading line or the line after it.")
    if not draft.assembly:
        messages.warn("structure", draft.heading.span.first,
                      f"{name} has no \"The General Assembly,\" "
                      "line; expected it after the title.")
    if not operative:
        messages.warn("structure", draft.last_line or draft.heading.span.first,
                      f"{name} stops at line {draft.last_line or draft.heading.span.first} "
                      "before any operative paragraph: the file may be truncated.")
    ordinal = from_roman(draft.number) if is_roman(draft.number) else 0  # "IIII" was warned
    return DraftResolution(draft.number, ordinal, title, tuple(preambular),
                           tuple(operative), scope.notes(),
                           Span(draft.heading.span.first, max(draft.last_line,
                                                              draft.heading.span.last)), slug,
                           annexes, parts)


def _freeze_annex(annex: AnnexBuilder, scope: NoteScope, refs: list[tuple[int, int]],
                  messages: Collector) -> Annex:
    """An annex's blocks with anchors under the annex's own: its numbered paragraphs by
    number (``annex-ii-para-3``, their items ``…-para-3-b``), other text by place."""
    anchor = f"annex-{annex.number.lower()}" if annex.number else "annex"
    used: set[str] = set()
    blocks: list[AnnexBlock] = []
    paragraph: str | None = None
    titles: list[str] = []
    for place, block in enumerate(annex.title + annex.blocks, start=1):
        is_title = place <= len(annex.title)
        if block.kind is Kind.NUMBERED and block.label and not is_title:
            kind, label = "paragraph", block.label
            paragraph = own = unique(f"{anchor}-para-{label}", used)
        elif block.kind is Kind.ITEM and block.label and paragraph and not is_title:
            kind, label = "item", block.label
            own = unique(f"{paragraph}-{label}", used)
        else:
            kind = "heading" if is_title or block.kind is Kind.LABELLED_HEADING else "text"
            label = None
            own = unique(f"{anchor}-text-{place}", used)
            block = Block(block.kind, None, block.with_marker(), block.span)
        text = TextBuilder()
        text.add(block)
        plain, notes, span, _ = scope.read(text)
        refs.extend((n.number, n.line) for n in notes)
        blocks.append(AnnexBlock(kind, label, own, plain, notes, span))
        if is_title:
            titles.append(plain)
    title = " ".join(titles)
    last = max([annex.heading.span.last] + [b.span.last for b in annex.title + annex.blocks])
    return Annex(annex.number, anchor, title, tuple(blocks), Span(annex.heading.span.first, last))


# --- draft decisions -----------------------------------------------------------------

_RECOMMENDS_DECISION = re.compile(r"\brecommends to the General Assembly the adoption of the "
                                  r"following draft decisions?\b")
"""The report's paragraph of section III that introduces its draft decisions, after the
draft resolutions ("The Third Committee also recommends … the following draft decision:")."""


def decisions_start(blocks: tuple[Block, ...], first_draft: int) -> int | None:
    """Index of the first block after the draft resolutions that belongs to the draft
    decisions: the report's paragraph that recommends them, or a "Draft decision" heading."""
    for index in range(first_draft, len(blocks)):
        block = blocks[index]
        if block.kind is Kind.DECISION_HEADING or (
                block.kind is Kind.NUMBERED and _RECOMMENDS_DECISION.search(block.text)):
            return index
    return None


@dataclass
class DecisionBuilder:
    """A draft decision while its blocks are read: title, then its text and notes."""

    number: str
    first_line: int
    title: list[tuple[int, str]] = field(default_factory=list)
    paragraphs: list[ParaBuilder] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)
    last_line: int = 0


def _is_title(decision: DecisionBuilder, block: Block) -> bool:
    """A decision's title comes before its text, which opens with "The General Assembly"
    (a title neither does nor ends like a sentence)."""
    text = block.plain
    return not decision.paragraphs and block.kind in (Kind.TEXT, Kind.LABELLED_HEADING) \
        and not text.startswith("The General Assembly") and not text.endswith((".", ":", ";"))


def walk_decisions(blocks: list[Block], messages: Collector) -> list[DecisionBuilder]:
    """Read the draft decisions: each opens at a "Draft decision II" heading (or, for a
    report's one unnumbered decision, at its title); then its title, its paragraphs with
    their lettered items, and its notes."""
    decisions: list[DecisionBuilder] = []
    for block in blocks:
        if block.kind is Kind.DECISION_HEADING:
            decision = DecisionBuilder(block.label or "", block.span.first)
            if block.text:
                decision.title.append((block.span.first, block.text))
            decisions.append(decision)
            decision.last_line = block.span.last
            continue
        if not decisions:
            decisions.append(DecisionBuilder("", block.span.first))
        decision = decisions[-1]
        decision.last_line = block.span.last
        last = decision.paragraphs[-1] if decision.paragraphs else None
        if block.kind is Kind.NOTE:
            decision.notes.append(block)
        elif _is_title(decision, block):
            decision.title.extend((f.line, f.text.lstrip("#").strip())
                                  for f in block.with_marker())
        elif last is not None and block.kind is Kind.ITEM and block.label:
            place_item(last, block.label, block, messages)
        elif last is not None and block.kind is Kind.TEXT and \
                continues(last.open_element().raw, block.text):
            last.open_element().add(block, as_text=True)
        else:
            printed = block.kind is Kind.NUMBERED and bool(block.label)
            para = ParaBuilder(number=int(block.label or 0) if printed
                               else len(decision.paragraphs) + 1, printed=printed)
            para.add(block, as_text=not printed)
            decision.paragraphs.append(para)
    return decisions


def freeze_decision(decision: DecisionBuilder, slug: str, messages: Collector
                    ) -> DraftDecision:
    """The frozen draft decision: paragraphs ``para-N`` with items ``para-N-a``, its notes."""
    name = f"draft decision {decision.number}".rstrip()
    texts = [raw for p in decision.paragraphs for raw in depth_first(p)]
    scope = NoteScope(name, decision.notes, texts, messages)
    refs: list[tuple[int, int]] = []
    paragraphs: list[Operative] = []
    used: set[str] = set()
    for para in decision.paragraphs:
        text, notes, span, italic = scope.read(para)
        anchor = unique(f"para-{para.number}", used)
        items = tuple(scope.item(item, anchor) for item in para.items)
        if items:
            span = Span(span.first, max(span.last, items[-1].span.last))
        refs.extend((n.number, n.line) for n in notes)
        refs.extend((n.number, n.line) for s in all_subparagraphs(items) for n in s.notes)
        paragraphs.append(Operative(para.number, anchor, text, notes, items, span,
                                    para.printed, None, italic))
    scope.check_marks(refs)
    title = re.sub(r"\s+", " ", " ".join(t for _, t in decision.title).replace("*", "")).strip()
    if not title:
        messages.warn("structure", decision.first_line, f"{name} has no title; expected "
                      "the title before \"The General Assembly …\".")
    if not paragraphs:
        messages.warn("structure", decision.last_line or decision.first_line,
                      f"{name} stops before any of its text: the file may be truncated.")
    span = Span(decision.first_line, max(decision.first_line, decision.last_line))
    return DraftDecision(decision.number, title, tuple(paragraphs), scope.notes(), span, slug)


def depth_first(para: ParaBuilder) -> list[str]:
    """Raw texts of a paragraph and its sub-paragraphs in reading order."""
    texts = [para.raw]
    for item in para.items:
        texts.append(item.raw)
        texts.extend(child.raw for child in item.children)
    return texts


def structure(cleaned: Cleaned, blocks: tuple[Block, ...], messages: Collector) -> Report:
    """Build the report's model; raise ``SourceError`` if it is no committee report (nor
    another kind of document unreport reads: ``documents.py`` reads those)."""
    path = cleaned.path
    first_section = next((i for i, b in enumerate(blocks) if b.kind is Kind.LABELLED_HEADING
                          and b.label == "I"), None)
    first_draft = next((i for i, b in enumerate(blocks) if b.kind is Kind.DRAFT_HEADING), None)
    masthead = read_masthead(blocks[: first_section if first_section is not None else 12])
    if masthead.symbol is None or masthead.committee is None or first_section is None:
        missing = [what for what, value in (
            ("a document symbol such as A/77/464", masthead.symbol),
            ("a line \"Report of the … Committee\"", masthead.committee),
            ("a section heading \"I. Introduction\"", first_section)) if value is None]
        if masthead.symbol is None or first_section is None:
            raise not_a_document(path, blocks)
        raise SourceError(path, "this does not look like a General Assembly committee report "
                          "converted to Markdown: found no " + ", no ".join(missing) + ".")
    if not MAIN_COMMITTEE.search(masthead.committee):  # "Report of the Secretary-General"
        raise not_a_document(path, blocks)
    if first_draft is None:  # a report may recommend draft decisions only
        first_draft = decisions_start(blocks, first_section)
    if first_draft is None:
        last = cleaned.lines[-1].number if cleaned.lines else 0
        raise SourceError(path, f"the file stops at {cleaned.place(last)} before any \"Draft "
                          "resolution I\" or draft decision: a committee report recommends its "
                          "draft resolutions and decisions after its own paragraphs. Is the file "
                          "truncated?", last, cleaned.page(last))
    if masthead.date is None:
        messages.warn("masthead", masthead.symbol_line,
                      "no date of issue found in the masthead; expected "
                      "a line such as \"Distr.: General 30 November 2022\".")
    if masthead.session is None:
        messages.warn("masthead", masthead.symbol_line,
                      "no session found in the masthead; expected a line "
                      "such as \"Seventy-seventh session\".")
    if masthead.agenda_item is None:
        messages.warn("masthead", masthead.symbol_line,
                      "no agenda item found in the masthead; expected a "
                      "line such as \"Agenda item 109\".")
    decided = decisions_start(blocks, first_draft)
    end_drafts = len(blocks) if decided is None else decided
    recommending = [] if decided is None or blocks[decided].kind is not Kind.NUMBERED \
        else [blocks[decided]]  # the report's paragraph of section III that recommends them
    body = _walk_body(list(blocks[first_section:first_draft]) + recommending, messages)
    decision_builders = [] if decided is None else \
        walk_decisions(list(blocks[decided + len(recommending):]), messages)
    drafts: list[DraftBuilder] = []
    for block in blocks[first_draft:end_drafts]:
        if block.kind is Kind.DRAFT_HEADING and block.label:
            expected = to_roman(len(drafts) + 1)
            if block.label != expected:
                messages.warn("numbering", block.span.first,
                              f"draft resolution {block.label} where draft "
                              f"resolution {expected} was expected.")
            draft = DraftBuilder(block.label, block)
            if block.text:
                draft.title.append((block.span.first, block.text))
            drafts.append(draft)
            draft.last_line = block.span.last
        else:
            walk_draft(drafts[-1], [block], messages)
    paragraphs, notes = _freeze_body(body, messages)
    # A repeated number (a converter or typing slip) must not overwrite the first page.
    slugs: set[str] = set()
    named = [(d, unique(d.number.lower(), slugs)) for d in drafts]
    resolutions: list[DraftResolution] = []
    for draft, slug in named:
        resolutions.append(freeze_draft(draft, slug, messages))
    decision_slugs: set[str] = set()
    decisions = tuple(freeze_decision(d, unique(d.number.lower() or "decision", decision_slugs),
                                      messages) for d in decision_builders)
    sections = tuple(Section(number, title, f"section-{number.lower()}", tuple(subs), line)
                     for number, title, line, subs in body.sections)
    proposals = read_proposals(paragraphs, sections, masthead.date, messages,
                               lines=cleaned.lines, resolutions=resolutions)
    known = {r.number for r in resolutions}
    for proposal in proposals:
        if proposal.draft_resolution and proposal.draft_resolution not in known:
            messages.warn("structure", proposal.span.first, f"section II says draft "
                          f"{proposal.draft_symbol} became draft resolution "
                          f"{proposal.draft_resolution}, but the file has no draft resolution "
                          f"{proposal.draft_resolution}: is the file truncated?")
    return Report(
        symbol=masthead.symbol, date=masthead.date, session=masthead.session,
        agenda_item=masthead.agenda_item, title=masthead.title or "", committee=masthead.committee,
        rapporteur=masthead.rapporteur, sections=sections, paragraphs=paragraphs, notes=notes,
        agenda_sub_item=masthead.agenda_sub_item, part=masthead.part,
        proposals=proposals, resolutions=tuple(resolutions), source=path, decisions=decisions)


MAIN_COMMITTEE = re.compile(r"\b(?:First|Second|Third|Fourth|Fifth|Sixth) Committee\b|"
                            r"\bSpecial Political and Decolonization Committee\b")
"""The six Main Committees of the General Assembly, whose reports ``structure`` reads."""
_SAID = re.compile(r"^(Report|Letter|Note|Identical letters|Memorandum|Provisional agenda)\b")


def not_a_document(path: str, blocks: tuple[Block, ...]) -> SourceError:
    """The message for a file of no kind unreport reads, naming what its top says."""
    top = [b.plain for b in blocks[:20] if b.plain]
    symbol = next((m.group(0) for t in top if (m := SYMBOL_RE.search(t))), None)
    said = next((t for t in top if _SAID.match(t)), None)
    found = [f"the symbol {symbol}"] if symbol else []
    if said:
        found.append(f"\"{said[:80]}\"")
    what = " and ".join(found) if found else "no masthead of a General Assembly document"
    return SourceError(path, f"found {what}, but this is not a kind of document unreport "
                       "reads: a Main Committee's report (such as A/77/464), a resolution of "
                       "the General Assembly (A/RES/78/229), a draft resolution or amendments "
                       "(A/C.3/80/L.3, A/C.3/80/L.57) — as the UN's PDF, or as Markdown "
                       "converted from it. Check that this is the right file.")
