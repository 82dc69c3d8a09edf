"""Stage 3, structure (other kinds): resolutions, draft resolutions and amendments.

A committee report is read by ``structure.py``; the documents around it have simpler
shapes, each recognized by what its masthead says:

- an adopted resolution: "Resolution adopted by the General Assembly on 19 December
  2023", "[on the report of the Third Committee (A/78/482, para. 29)]", "78/229. Title",
  "The General Assembly,", preamble, operative paragraphs, "50th plenary meeting" and
  its date, then its annexes ("Annex", "Annex I"…), whose paragraphs are numbered
  afresh;
- a draft resolution: "Italy: draft resolution" (the sponsors, then the kind), title,
  "The General Assembly,", its text;
- amendments: "United States of America: amendment to revised draft resolution
  A/C.3/80/L.3/Rev.1", the title of that draft, then numbered amendments ("In operative
  paragraph 64, after "…" insert "…"").

:func:`document_kind` tells which one a file is; anything else is refused with a
message naming what was found.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import replace

from unreport.diagnostics import Collector, SourceError
from unreport.model import Adoption, Amendment, Report, Span
from unreport.parse.blocks import Block, Fragment, Kind
from unreport.parse.clean import Cleaned
from unreport.parse.masthead import Masthead, read_masthead
from unreport.parse.structure import (
    MAIN_COMMITTEE,
    AnnexBuilder,
    DraftBuilder,
    NoteScope,
    TextBuilder,
    freeze_draft,
    walk_draft,
)
from unreport.text.dates import parse_date
from unreport.text.states import is_state, split_names
from unreport.text.symbols import SYMBOL_RE, DocumentSymbol

MASTHEAD_BLOCKS = 20
"""Blocks at the top of a document in which its kind is looked for."""

_ADOPTED = re.compile(r"^Resolution adopted by the General Assembly\b(?:\s+on\s+(.+))?$", re.I)
_BASIS = re.compile(r"^\[(.+)\]$")
_RESOLUTION_TITLE = re.compile(r"^((?:ES-\d+|S-\d+|\d+)/\d+)\.\s*(.*)$")
_SPONSORED = re.compile(r"^(.+?):\s*((?:revised\s+)?draft (?:resolution|decision))\s*$", re.I)
_AMENDMENT = re.compile(r"^(.+?):\s*amendments?\s+to\s+(?:the\s+)?(?:revised\s+)?draft\s+"
                        r"(?:resolution|decision)\s+(\S+)\s*$", re.I)
_CLOSING = re.compile(r"^(\d+)\s*(?:st|nd|rd|th)\s*(?:\(resumed\)\s*)?plenary meeting\b\s*(.*)$",
                      re.I)
_ANNEX = re.compile(r"^Annex(?:\s+([IVXLC]+))?\b\s*(.*)$")
_SUBMITTED = re.compile(r"^((?:revised\s+)?draft (?:resolution|decision)) submitted by (.+)$", re.I)
_REPORT_OF = re.compile(r"on the report of the (.+? Committee)\b")
_CITED = re.compile(r"\((A/[^,()\s]+)(?:,\s*paras?\.\s*(\d+))?")
"""The report (or draft) in the bracketed line, and its paragraph: "(A/78/418, para. 8)"."""


def document_kind(blocks: tuple[Block, ...]) -> str | None:
    """``resolution``, ``draft``, ``amendments`` — or None (a report, or something else)."""
    for block in blocks[:MASTHEAD_BLOCKS]:
        text = _plain(block)
        if _ADOPTED.match(text):
            return "resolution"
        if _AMENDMENT.match(text):
            return "amendments"
        if _SPONSORED.match(text) or _SUBMITTED.match(text):
            return "draft"
    return None


def _plain(block: Block) -> str:
    """A block's plain text with its white space made single (a PDF's joined rows)."""
    return " ".join(block.plain.split())


def _masthead_facts(blocks: list[Block], upto: int) -> tuple[Masthead, str, str]:
    """The masthead's facts, the agenda items' titles (joined) and the committee named."""
    masthead = read_masthead(tuple(blocks[:upto]))
    lines = [_plain(b) for b in blocks[:upto]]
    committee = next((m.group(0) for t in lines if (m := MAIN_COMMITTEE.fullmatch(t))), "")
    agenda = next((i for i, t in enumerate(lines) if re.match(r"^Agenda items?\b", t)), None)
    after = lines[agenda + 1:] if agenda is not None else []
    titles = [t for t in after if not MAIN_COMMITTEE.fullmatch(t)]
    return masthead, "; ".join(titles), committee


def _sponsors(text: str, line: int, messages: Collector) -> tuple[str, ...]:
    names = tuple(split_names(text))
    for name in names:
        if not is_state(name):
            messages.warn("masthead", line, f"sponsor {name!r} is not a United Nations "
                          "Member State name as the UN writes it; check the masthead.")
    return names


def _require(path: str, masthead: Masthead, what: str) -> DocumentSymbol:
    if masthead.symbol is None:
        raise SourceError(path, f"this looks like {what} but its masthead has no document "
                          "symbol (such as A/RES/78/229): is the first page missing?")
    return masthead.symbol


def _body(draft: DraftBuilder, blocks: list[Block], messages: Collector
          ) -> tuple[int | None, Span | None]:
    """Walk a resolution's text and its annexes; the plenary meeting, if it is named, and
    the source lines of the closing that names it (with the date under it)."""
    meeting = None
    annex: AnnexBuilder | None = None
    closed = False
    closing: list[int] = []
    for block in blocks:
        text = _plain(block)
        if block.kind is Kind.NOTE:
            draft.notes.append(block)
            draft.last_line = block.span.last
            continue
        if (found := _ANNEX.match(text)) and (closed or draft.operative):
            annex = AnnexBuilder(found.group(1) or "", block)
            if found.group(2):  # "Annex Staffing table for 2024": the title on its line
                annex.title.append(Block(Kind.TEXT, None, (Fragment(
                    block.span.first, found.group(2)),), block.span))
            draft.annexes.append(annex)
            draft.last_line = block.span.last
            continue
        if annex is not None:
            first_content = block.kind in (Kind.NUMBERED, Kind.ITEM, Kind.LABELLED_HEADING)
            if not annex.blocks and not first_content and not annex.title:
                annex.title.append(block)
            else:
                annex.blocks.append(block)
            draft.last_line = block.span.last
            continue
        if not closed and (found := _CLOSING.match(text)):
            meeting, closed = int(found.group(1)), True
            draft.last_line = block.span.last
            closing += [block.span.first, block.span.last]
            continue
        if closed and parse_date(text) and len(text) < 40:
            draft.last_line = block.span.last
            closing += [block.span.first, block.span.last]
            continue
        walk_draft(draft, [block], messages)
    draft.unnumbered_operative()
    return meeting, Span(min(closing), max(closing)) if closing else None


def _resolution(path: str, blocks: list[Block], messages: Collector) -> Report:
    adopted_at = next(i for i, b in enumerate(blocks) if _ADOPTED.match(_plain(b)))
    masthead, titles, _ = _masthead_facts(blocks, adopted_at)
    symbol = _require(path, masthead, "a resolution of the General Assembly")
    adopted = _ADOPTED.match(_plain(blocks[adopted_at]))
    date = parse_date(adopted.group(1)) if adopted and adopted.group(1) else None
    rest = blocks[adopted_at + 1:]
    basis = ""
    if rest and (found := _BASIS.match(_plain(rest[0]))):
        basis, rest = found.group(1).strip(), rest[1:]
    committee, report, paragraph = None, None, None
    if found := _REPORT_OF.search(basis):
        committee = found.group(1)
    if cited := _CITED.search(basis):
        with contextlib.suppress(ValueError):
            report = DocumentSymbol.parse(cited.group(1))
        paragraph = int(cited.group(2)) if cited.group(2) else None
    elif found := SYMBOL_RE.search(basis):
        with contextlib.suppress(ValueError):
            report = DocumentSymbol.parse(found.group(0))
    if not rest or not (title := _RESOLUTION_TITLE.match(_plain(rest[0]))):
        line = rest[0].span.first if rest else blocks[adopted_at].span.last
        raise SourceError(path, "a resolution's number and title (such as \"78/229. "
                          "Strengthening …\") should follow the line \"Resolution adopted by "
                          "the General Assembly …\"; found none.", line)
    number = title.group(1)
    draft = DraftBuilder(number, rest[0], titled=True)
    draft.title.append((rest[0].span.first, title.group(2)))
    draft.last_line = rest[0].span.last
    meeting, closing = _body(draft, rest[1:], messages)
    resolution = replace(freeze_draft(draft, "", messages),
                         ordinal=int(number.rsplit("/", 1)[1]))
    adoption = Adoption(date, basis, committee, report, paragraph, meeting, closing)
    if meeting is None:
        messages.warn("structure", resolution.span.last, f"resolution {number} does not end "
                      "with its plenary meeting (\"50th plenary meeting\"): is the last page "
                      "missing?")
    return Report(symbol=symbol, date=masthead.date, session=masthead.session,
                  agenda_item=masthead.agenda_item, title=titles or (masthead.title or ""),
                  committee=committee or "", rapporteur=None, sections=(), paragraphs=(),
                  notes=(), proposals=(), resolutions=(resolution,), source=path,
                  kind="resolution", adoption=adoption)


def _draft(path: str, blocks: list[Block], messages: Collector) -> Report:
    at = next(i for i, b in enumerate(blocks)
              if _SPONSORED.match(_plain(b)) or _SUBMITTED.match(_plain(b)))
    masthead, titles, committee = _masthead_facts(blocks, at)
    symbol = _require(path, masthead, "a draft resolution")
    sponsors: tuple[str, ...] = ()
    submitted = ""
    if found := _SPONSORED.match(_plain(blocks[at])):
        sponsors = _sponsors(found.group(1), blocks[at].span.first, messages)
    elif found := _SUBMITTED.match(_plain(blocks[at])):
        submitted = found.group(2)
    rest = blocks[at + 1:]
    if not rest:
        raise SourceError(path, "the draft resolution stops after its sponsors: is the file "
                          "truncated?", blocks[at].span.last)
    draft = DraftBuilder("", rest[0], titled=True)
    draft.title.extend((f.line, f.text) for f in rest[0].with_marker())
    _body(draft, rest[1:], messages)
    resolution = freeze_draft(draft, "", messages)
    return Report(symbol=symbol, date=masthead.date, session=masthead.session,
                  agenda_item=masthead.agenda_item, title=titles or (masthead.title or ""),
                  committee=committee, rapporteur=None, sections=(), paragraphs=(), notes=(),
                  proposals=(), resolutions=(resolution,), source=path, kind="draft",
                  sponsors=sponsors, submitted=submitted)


_ACTIONS = (("replace", r"\breplace"), ("delete", r"\bdelete"), ("insert", r"\binsert"),
            ("add", r"\badd"))
_TARGET = re.compile(r"\b(preambular|operative) paragraph (\d+)(?:\s*\(([a-z]{1,6})\))?"
                     r"(?:,\s*(?:sub-?paragraph\s*)?\(([a-z]{1,6})\))?", re.I)


def amendment_action(text: str) -> tuple[str, str | None]:
    """What an amendment does and to which paragraph: ``("insert", "op-64")``."""
    action = next((name for name, pattern in _ACTIONS if re.search(pattern, text, re.I)),
                  "other")
    target = None
    if found := _TARGET.search(text):
        prefix = "pp" if found.group(1).lower() == "preambular" else "op"
        target = f"{prefix}-{found.group(2)}"
        item = found.group(3) or found.group(4)
        if item and prefix == "op":
            target += f"-{item}"
    return action, target


def _amendments(path: str, blocks: list[Block], messages: Collector) -> Report:
    at = next(i for i, b in enumerate(blocks) if _AMENDMENT.match(_plain(b)))
    masthead, titles, committee = _masthead_facts(blocks, at)
    symbol = _require(path, masthead, "a document of amendments")
    found = _AMENDMENT.match(_plain(blocks[at]))
    assert found is not None
    sponsors = _sponsors(found.group(1), blocks[at].span.first, messages)
    amends = None
    with contextlib.suppress(ValueError):
        amends = DocumentSymbol.parse(found.group(2).rstrip(".,;"))
    notes = [b for b in blocks[at + 1:] if b.kind is Kind.NOTE]
    numbered = [b for b in blocks[at + 1:] if b.kind is Kind.NUMBERED]
    heading = [b for b in blocks[at + 1:] if b.kind is not Kind.NOTE]
    builders: list[tuple[Block, TextBuilder]] = []
    for block in heading:
        if block.kind is Kind.NUMBERED or not builders:
            text = TextBuilder()
            text.add(block, as_text=block.kind is not Kind.NUMBERED)
            builders.append((block, text))
        else:
            builders[-1][1].add(block, as_text=True)
    scope = NoteScope(f"amendments {symbol}", notes, [t.raw for _, t in builders], messages)
    amendments: list[Amendment] = []
    for block, text in builders:
        plain, marks, span, _ = scope.read(text)
        if block.kind is not Kind.NUMBERED:
            continue  # the amended draft's title, which the model keeps as the document's
        action, target = amendment_action(plain)
        number = int(block.label or 0)
        amendments.append(Amendment(number, f"amendment-{number}", action, target, plain,
                                    marks, span))
    if not numbered:
        messages.warn("structure", blocks[at].span.last, "no numbered amendment found after "
                      "the masthead (\"1. In operative paragraph …\").")
    title_block = heading[0] if heading and heading[0].kind is not Kind.NUMBERED else None
    return Report(symbol=symbol, date=masthead.date, session=masthead.session,
                  agenda_item=masthead.agenda_item, title=titles or (masthead.title or ""),
                  amends_title=_plain(title_block) if title_block else "",
                  committee=committee, rapporteur=None, sections=(), paragraphs=(),
                  notes=scope.notes(), proposals=(), resolutions=(), source=path,
                  kind="amendments", sponsors=sponsors, amends=amends, amendments=tuple(
                      amendments))


def structure_document(kind: str, cleaned: Cleaned, blocks: tuple[Block, ...],
                       messages: Collector) -> Report:
    """The model of a resolution, a draft resolution or a document of amendments."""
    read = {"resolution": _resolution, "draft": _draft, "amendments": _amendments}[kind]
    return read(cleaned.path, list(blocks), messages)
