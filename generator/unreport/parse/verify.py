"""Checks run on every build before anything is written: complete, and nothing lost.

``check_complete`` stops a build from a file that was cut short: a site made
from half a report would look finished and be wrong.

``check_nothing_lost`` compares the words of the source with the words of the
model, region by region: the masthead, the report body, and each draft
resolution; in each, the running text and the footnotes separately (notes are
moved to the end of their scope). Every word of the source must appear in the
model, in the same order, once. Not compared:

* page furniture (``clean.Cleaned.furniture``);
* converter markup: ``<sup>N</sup>`` and ``\\(^N\\)`` marks, bare footnote-mark
  numbers the parser took as marks, list markers, ``#``, emphasis ``*`` — the
  comparison is of words (runs of letters and digits), so punctuation and
  markup characters drop out by themselves;
* the line "The General Assembly," that opens a draft (the model records it
  by the draft's structure, not as text);
* the masthead lines; instead, each masthead fact of the model (symbol, agenda
  item, title, committee, rapporteur) must be found in them;
* text the parser reported with a warning as "could not be placed";
* proposals, which are derived from the report paragraphs.

Labels are words of the source ("12." of an operative paragraph, "(a)", "II.",
"Draft resolution IV"), so the model's side is rebuilt with its numbers and
labels in front of each text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

from unreport.diagnostics import SourceError
from unreport.model import (
    DraftDecision,
    DraftResolution,
    Note,
    NoteRef,
    Report,
    ReportParagraph,
    SubParagraph,
)
from unreport.parse import Parsed
from unreport.parse.clean import Line
from unreport.text.numbers import from_roman

_ORDINAL = re.compile(r"<sup>\s*(st|nd|rd|th|er|e|re)\s*</sup>")
_MARK = re.compile(r"\s*(?:<sup>\s*\d{1,3}\s*</sup>|\\\(\s*\^\s*\{?\d{1,3}\}?\s*\\\))")
_WORD = re.compile(r"\w+")
_NOTE_HEAD = re.compile(  # the forms of blocks.match_note; only the first may stand alone
    r"^(?:<sup>&(?:amp;)?</sup>\s*(?:<|&lt;|lt;)sup>(?P<amp>\d{1,3})</sup>"
    r"|<sup>(?P<sup>\d{1,3})</sup>(?=\s*\S)"
    r"|\\\(\^\{?(?P<tex>\d{1,3})\}?\\\)(?=\s*\S))")
_LIST_MARKER = re.compile(r"^[-*+•]\s+")
_HEADING_MARKS = re.compile(r"^#{1,6}\s*")
_ASSEMBLY = re.compile(r"^(?:The\s+)?General Assembly\s*,?$", re.IGNORECASE)
_UNPLACED = "could not be placed"
_EXCERPT = 80
"""Characters of a passage quoted in a message."""
_FEW = 8
"""Up to this many words missing or repeated are quoted as such, with their context."""
_MOVED = 3
"""Fewer words than this found elsewhere may be there by chance, not because they moved."""
_RESUME = 6
"""Words that must agree again for the comparison to resync after a difference."""
_BLOCK = 64
"""Words compared at a time while the two sides agree."""


class LostTextError(SourceError):
    """The model does not hold the source's text exactly once, in order; nothing is written."""


@dataclass(frozen=True)
class Word:
    """One word of the source or of the model, with where it comes from."""

    text: str
    """The word."""
    line: int
    """Source line (for the model's words: the line of the element it belongs to)."""
    where: str
    """The element it belongs to, as a person names it."""
    context: str
    """The text the word was read from (a source line, or a model element)."""
    offset: int
    """Where the word starts in ``context``."""


@dataclass(frozen=True)
class _Piece:
    """The words of one model element or one source line: plain strings, compared cheaply.

    Where each word stands (``Word``) is worked out only when a comparison fails.
    """

    texts: list[str]
    """The words, in order."""
    line: int
    """Source line of the element or line."""
    where: str
    """The element or line, as a person names it."""
    context: str
    """The text the words were read from."""

    def expand(self) -> list[Word]:
        """Each word with its place, for a message."""
        return [Word(m.group(), self.line, self.where, self.context, m.start())
                for m in _WORD.finditer(self.context)]


def _expand(pieces: Iterable[_Piece]) -> list[Word]:
    return [word for piece in pieces for word in piece.expand()]


# --- words --------------------------------------------------------------------------


def normalize(text: str) -> str:
    """``text`` without footnote marks and emphasis: what the model keeps of it."""
    return _unmarked(text)[0].replace("*", "")


def _unmarked(text: str) -> tuple[str, int]:
    """``text`` with ordinal superscripts made plain and footnote marks taken out, and
    the number of marks taken out."""
    if "<sup>" not in text and "\\(" not in text:  # in every mark and ordinal: most lines
        return text, 0                                # have neither and need no scan
    return _MARK.subn("", _ORDINAL.sub(r"\1", text))


def words(text: str) -> list[str]:
    """The words of ``text`` (runs of letters and digits), marks and markup left out."""
    return _WORD.findall(normalize(text))


def _words(text: str, line: int, where: str, head: str = "") -> list[_Piece]:
    """Words of ``text`` after its label ``head`` (such as ``12.`` or ``(a)``), as one piece."""
    return _piece(normalize(text), line, where, head)


def _piece(normalized: str, line: int, where: str, head: str = "") -> list[_Piece]:
    """Like ``_words``, of a text already normalized."""
    context = f"{head} {normalized}" if head else normalized
    return [_Piece(_WORD.findall(context), line, where, context)]


def _note_line(text: str) -> str:
    """A note's line with its printed number (in any converter form) as a plain number."""
    match = _NOTE_HEAD.match(text)
    if not match:
        return text
    number = match.group("amp") or match.group("sup") or match.group("tex")
    return f"{number} {text[match.end():]}"


def _passage(seq: list[Word], start: int) -> str:
    """The text from ``seq[start]`` on, as it stands, cut after about 80 characters."""
    word = seq[start]
    begin = word.offset
    while begin > 0 and not word.context[begin - 1].isspace():
        begin -= 1  # from the start of the printed word: "(iv)", not "iv)"
    text = " ".join(word.context[begin:].split())
    if len(text) <= _EXCERPT:
        return text
    cut = text.rfind(" ", 0, _EXCERPT)
    return text[:cut if cut > 0 else _EXCERPT].rstrip(",;:") + "…"


# --- the model's side ---------------------------------------------------------------


def _sub_words(sub: SubParagraph, where: str) -> Iterator[_Piece]:
    """A sub-paragraph's label and words, then those of its own sub-paragraphs."""
    name = f"{where} ({sub.label})"
    yield from _words(sub.text, sub.span.first, name, f"({sub.label})")
    for child in sub.subparagraphs:
        yield from _sub_words(child, name)


def _paragraph_words(para: ReportParagraph) -> Iterator[_Piece]:
    """A report paragraph's number and words, then its lettered items."""
    where = f"report paragraph {para.number}"
    yield from _words(para.text, para.span.first, where, f"{para.number}.")
    for item in para.items:
        yield from _sub_words(item, where)


def _body_words(report: Report, end: int | None = None) -> list[_Piece]:
    """Section and subsection headings merged by line into the paragraphs, in model order;
    only the paragraphs before line ``end`` (the draft resolutions), if given."""
    headings: list[tuple[int, list[_Piece]]] = []
    for section in report.sections:
        where = f"the heading of section {section.number}"
        headings.append((section.line, _words(section.title, section.line, where,
                                              f"{section.number}.")))
        for sub in section.subsections:
            where = f"the heading of subsection {section.number}.{sub.letter}"
            headings.append((sub.line, _words(sub.title, sub.line, where, f"{sub.letter}.")))
    headings.sort(key=lambda h: h[0])
    out: list[_Piece] = []
    for para in report.paragraphs:
        if end is not None and para.span.first >= end:
            break
        while headings and headings[0][0] < para.span.first:
            out.extend(headings.pop(0)[1])
        out.extend(_paragraph_words(para))
    for _, heading in headings:
        out.extend(heading)
    return out


_HEADS = {"report": "Draft resolution {}", "resolution": "{}.", "draft": ""}
"""What stands before a text's title in print: "Draft resolution IV" in a report,
"78/229." in a resolution, nothing in a draft (its title stands alone)."""


def _draft_words(draft: DraftResolution, kind: str = "report") -> list[_Piece]:
    """Heading and title, preamble, operative part, annexes: the running text of one
    draft (or resolution)."""
    name = f"draft resolution {draft.number}"
    line = draft.span.first
    out = _words(draft.title, line, f"the heading and title of {name}",
                 _HEADS.get(kind, "").format(draft.number))
    # In the model's order; a text with parts has a preamble and operative paragraphs in each.
    heads = {part.anchor: _words(part.title, part.line, f"{name}, part {part.label}", part.label)
             for part in draft.parts}
    for part in [None, *heads]:
        out += heads.get(part or "", [])
        for pp in (p for p in draft.preambular if p.part == part):
            out += _words(pp.text, pp.span.first, f"{name}, preambular paragraph {pp.number}")
        for op in (o for o in draft.operative if o.part == part):
            where = f"{name}, operative paragraph {op.number}"
            out += _words(op.text, op.span.first, where, f"{op.number}." if op.printed else "")
            for sub in op.subparagraphs:
                out += _sub_words(sub, where)
    for annex in draft.annexes:
        where = f"{name}, annex {annex.number}".rstrip()
        out += _words("", annex.span.first, where, f"Annex {annex.number}".rstrip())
        for block in annex.blocks:
            label = {"paragraph": f"{block.label}.", "item": f"({block.label})"}.get(block.kind,
                                                                                   "")
            out += _words(block.text, block.span.first, f"{where}, {block.anchor}", label)
    return out


_DECISION_HEADING = re.compile(r"^Draft decision\b")


def _decision_words(decision: DraftDecision, heading: bool) -> list[_Piece]:
    """Heading ("Draft decision II", where ``heading`` says the source prints one) and
    title, then its paragraphs and their items."""
    name = f"draft decision {decision.number}".rstrip()
    head = f"Draft decision {decision.number}".rstrip() if heading else ""
    out = _words(decision.title, decision.span.first, f"the heading and title of {name}", head)
    for para in decision.paragraphs:
        where = f"{name}, paragraph {para.number}"
        out += _words(para.text, para.span.first, where, f"{para.number}." if para.printed
                      else "")
        for sub in para.subparagraphs:
            out += _sub_words(sub, where)
    return out


def _decision_refs(report: Report) -> Iterator[NoteRef]:
    """Footnote marks the model took out of the draft decisions' text."""
    for decision in report.decisions:
        for para in decision.paragraphs:
            yield from para.notes
            for sub in _all_subs(para.subparagraphs):
                yield from sub.notes


def _check_decisions(path: str, report: Report, lines: list[Line], start: int) -> None:
    """The report's paragraphs after the draft resolutions (the one that recommends the
    draft decisions), then each draft decision and its notes, from line ``start`` on."""
    inside = [line for line in lines if line.number >= start]
    notes = [note for decision in report.decisions for note in decision.notes]
    trailing = [p for p in report.paragraphs if p.span.first >= start]
    refs = [*_decision_refs(report), *(n for p in trailing for n in p.notes),
            *(n for p in trailing for item in _all_subs(p.items) for n in item.notes)]
    region = _region(inside, _note_lines(notes), refs, skip_assembly=False)
    first_lines = {line.number: line.text for line in inside}
    model = [piece for para in trailing for piece in _paragraph_words(para)]
    for decision in report.decisions:
        heading = bool(_DECISION_HEADING.match(_bare(first_lines.get(decision.span.first, ""))))
        model += _decision_words(decision, heading)
    _compare(path, "the text of the draft decisions", region.text, model, region.marks)
    _compare(path, "the footnotes of the draft decisions", region.notes,
             [piece for decision in report.decisions
              for piece in _note_words(decision.notes, f"draft decision {decision.number}"
                                       .rstrip())], Counter())


def _amendment_words(report: Report) -> list[_Piece]:
    """Each amendment's number and words."""
    out: list[_Piece] = []
    for amendment in report.amendments:
        out += _words(amendment.text, amendment.span.first, f"amendment {amendment.number}",
                      f"{amendment.number}.")
    return out


def _note_words(notes: Iterable[Note], scope: str) -> list[_Piece]:
    """Each note's number and words, in the model's order."""
    out: list[_Piece] = []
    for note in notes:
        out += _words(note.text, note.span.first, f"note {note.number} of {scope}",
                      str(note.number))
    return out


def _all_subs(subs: Iterable[SubParagraph]) -> Iterator[SubParagraph]:
    """Sub-paragraphs at every depth, in reading order."""
    for sub in subs:
        yield sub
        yield from _all_subs(sub.subparagraphs)


def _body_refs(report: Report) -> Iterator[NoteRef]:
    """Footnote marks the model took out of the report body's running text."""
    for para in report.paragraphs:
        yield from para.notes
        for item in _all_subs(para.items):
            yield from item.notes


def _draft_refs(draft: DraftResolution) -> Iterator[NoteRef]:
    """Footnote marks the model took out of one draft's running text."""
    for pp in draft.preambular:
        yield from pp.notes
    for op in draft.operative:
        yield from op.notes
        for sub in _all_subs(op.subparagraphs):
            yield from sub.notes
    for annex in draft.annexes:
        for block in annex.blocks:
            yield from block.notes


# --- the source's side --------------------------------------------------------------


@dataclass
class _Region:
    """The source lines of one numbering scope, split into running text and notes."""

    text: list[_Piece]
    """Words of the running text, line by line."""
    notes: list[_Piece]
    """Words of the footnotes, line by line."""
    marks: Counter[int]
    """Bare footnote marks the model took out, by source line."""


def _region(lines: Iterable[Line], note_lines: set[int], refs: Iterable[NoteRef],
            skip_assembly: bool, skip: frozenset[int] = frozenset()) -> _Region:
    """Read one scope's source lines; ``skip_assembly`` drops its first "The General Assembly,"
    and ``skip`` the lines the model holds as facts (a resolution's plenary meeting)."""
    text: list[_Piece] = []
    notes: list[_Piece] = []
    explicit: Counter[int] = Counter()
    for line in lines:
        where = f"line {line.number}"
        if line.number in note_lines or _NOTE_HEAD.match(line.text):
            notes += _words(_note_line(line.text), line.number, where)
            continue
        if skip_assembly and _ASSEMBLY.match(_bare(line.text)):
            skip_assembly = False
            continue
        if line.number in skip:
            continue
        unmarked, marks_taken = _unmarked(line.text)  # one pass: count and take out
        explicit[line.number] += marks_taken
        text += _piece(unmarked.replace("*", ""), line.number, where)
    # A restored mark (restore.py) took nothing out of the text: it allows no number.
    marks: Counter[int] = Counter(ref.line for ref in refs if not ref.restored)
    marks.subtract(explicit)
    return _Region(text, notes, marks)


def _bare(text: str) -> str:
    """A line without list marker, heading marks and emphasis (to recognize it)."""
    text = _LIST_MARKER.sub("", text)
    text = _HEADING_MARKS.sub("", text)
    return text.replace("*", "").strip()


def _note_lines(notes: Iterable[Note]) -> set[int]:
    """Source lines of the model's notes."""
    return {n for note in notes for n in range(note.span.first, note.span.last + 1)}


def _unplaced(parsed: Parsed) -> set[int]:
    """Lines the parser said, with a warning, it could not place."""
    return {w.line for w in parsed.warnings if w.line and _UNPLACED in w.message}


# --- comparing ----------------------------------------------------------------------


def _find(seq: list[Word], start: int, pattern: list[str]) -> int:
    """Index of the first occurrence of ``pattern`` in ``seq`` at or after ``start``; -1."""
    if not pattern:
        return -1
    size = len(pattern)
    first = pattern[0]
    for index in range(start, len(seq) - size + 1):
        if seq[index].text == first and [w.text for w in seq[index:index + size]] == pattern:
            return index
    return -1


def _texts(seq: list[Word], start: int, count: int = _RESUME) -> list[str]:
    """The words (as strings) ``seq[start:start + count]``."""
    return [w.text for w in seq[start:start + count]]


def _is_mark(text: str, at_line: int, marks: Counter[int]) -> bool:
    """A bare number where the model took a footnote mark out (the line's budget allows)."""
    if not (text.isdecimal() and len(text) <= 3):
        return False
    for line in (at_line, at_line - 1):
        if marks[line] > 0:
            marks[line] -= 1
            return True
    return False


def _compare(path: str, scope: str, source: list[_Piece], model: list[_Piece],
             marks: Counter[int]) -> None:
    """Raise ``LostTextError`` at the first passage missing, repeated or changed.

    The words are compared as plain strings; only when they differ are the two
    sides read again with each word's place, to say what differs and where.
    """
    theirs = list(chain.from_iterable(piece.texts for piece in source))
    ours = list(chain.from_iterable(piece.texts for piece in model))
    if theirs == ours:
        return
    lines = [piece.line for piece in source for _ in piece.texts]
    i = j = 0
    n, m = len(theirs), len(ours)
    while i < n or j < m:
        block = theirs[i:i + _BLOCK]
        if block and block == ours[j:j + len(block)]:  # runs of equal words, compared in C
            i, j = i + len(block), j + len(block)
        elif i < n and j < m and theirs[i] == ours[j]:
            i, j = i + 1, j + 1
        elif i < n and _is_mark(theirs[i], lines[i], marks):
            i += 1
        else:
            raise _difference(path, scope, _expand(source), _expand(model), i, j)


def _difference(path: str, scope: str, source: list[Word], model: list[Word],
                i: int, j: int) -> LostTextError:
    """Say what differs at ``source[i]``/``model[j]``: words missing, repeated or changed."""
    resume_source = _find(source, i + 1, _texts(model, j)) if j < len(model) else len(source)
    resume_model = _find(model, j + 1, _texts(source, i)) if i < len(source) else len(model)
    missing = resume_source >= 0 and (resume_model < 0 or resume_source - i <= resume_model - j)
    if i < len(source) and missing:
        what = _describe(source, i, resume_source - i)
        moved = resume_source - i >= _MOVED and _find(model, j + 1, _texts(
            source, i, resume_source - i)) >= 0
        if j < len(model) and moved:
            return _lost(path, source[i].line, f"{what} ({scope}) is out of order in the "
                         f"model: it comes after \"{_passage(model, j)}\" ({model[j].where}), "
                         "which the source has after it.")
        then = f", which goes on with {model[j].where}" if j < len(model) else ""
        return _lost(path, source[i].line, f"{what} ({scope}) is missing from the model{then}.")
    if j < len(model) and resume_model >= 0:
        extra = model[j]
        what = _describe(model, j, resume_model - j)
        at = _find(source, 0, _texts(model, j, resume_model - j))
        if at >= i and resume_model - j < _MOVED:
            at = -1  # a word or two found further on proves nothing
        if at >= i:
            return _lost(path, source[at].line, f"{what} ({scope}) is out of order in the "
                         f"model: in {extra.where} it comes before \"{_passage(source, i)}\" "
                         f"(line {source[i].line}), which the source has before it.")
        if at >= 0:
            return _lost(path, source[at].line, f"{what} ({scope}) stands once in the "
                         f"source but twice in the model, the second time in {extra.where}.")
        return _lost(path, extra.line, f"the model has {what} in {extra.where}, which is not "
                     f"in {scope} in the source.")
    if i < len(source) and j < len(model):
        return _lost(path, source[i].line, f"the source has \"{_passage(source, i)}\" "
                     f"({scope}) where the model has \"{_passage(model, j)}\" in "
                     f"{model[j].where}.")
    return _lost(path, model[j].line if j < len(model) else source[i].line,
                 f"the model and the source differ in {scope}.")


def _describe(seq: list[Word], start: int, count: int) -> str:
    """The ``count`` words from ``seq[start]``, quoted in their context when few."""
    excerpt = _passage(seq, start)
    few = [w.text for w in seq[start:start + count]]
    if count <= _FEW and words(excerpt)[:count + 1] != few:
        return f"\"{' '.join(few)}\" (in \"{excerpt}\")"
    return f"\"{excerpt}\""


def _lost(path: str, line: int, what: str) -> LostTextError:
    return LostTextError(path, f"nothing-lost check failed: {what} The build was stopped and "
                         "nothing was written. This is a bug in unreport, not in your file: "
                         "please report it with the file.", line or None)


# --- the checks ---------------------------------------------------------------------


def _masthead_facts(report: Report) -> list[tuple[str, str]]:
    facts = [("symbol", str(report.symbol)), ("title", report.title),
             ("committee", report.committee)]
    if report.agenda_item is not None:
        facts.append(("agenda item", str(report.agenda_item)))
    if report.rapporteur:
        facts += [("rapporteur", report.rapporteur.name),
                  ("rapporteur's country", report.rapporteur.country)]
    return facts


def _check_masthead(path: str, report: Report, lines: list[Line]) -> None:
    source = _expand(p for line in lines for p in _words(line.text, line.number, "masthead"))
    for name, value in _masthead_facts(report):
        wanted = words(value)
        if wanted and _find(source, 0, wanted) < 0:
            last = lines[-1].number if lines else 0
            raise _lost(path, lines[0].number if lines else 0,
                        f"the masthead {name} \"{value}\" of the model is not in the masthead "
                        f"(lines 1–{last}).")


def check_nothing_lost(parsed: Parsed) -> None:
    """Raise ``LostTextError`` unless the model holds every word of the source, in order, once."""
    report, path = parsed.report, parsed.cleaned.path
    skip = _unplaced(parsed)
    lines = [line for line in parsed.cleaned.lines if line.text and line.number not in skip]
    if report.kind == "amendments":
        _check_amendments(path, report, lines)
        return
    drafts = report.resolutions
    end = drafts[0].span.first if drafts else report.decisions[0].span.first \
        if report.decisions else (lines[-1].number + 1 if lines else 1)
    start = report.sections[0].line if report.sections else end
    start = min(start, end)
    _check_masthead(path, report, [line for line in lines if line.number < start])
    body = _region((line for line in lines if start <= line.number < end),
                   _note_lines(report.notes), _body_refs(report), skip_assembly=False)
    _compare(path, "the text of the report body", body.text, _body_words(report, end),
             body.marks)
    _compare(path, "the footnotes of the report body", body.notes,
             _note_words(report.notes, "the report body"), Counter())
    starts = [draft.span.first for draft in drafts]
    numbers = [line.number for line in lines]
    # After the draft resolutions: the report's paragraph that recommends draft decisions.
    decided = [p.span.first for p in report.paragraphs if drafts and p.span.first >= end]
    decided += [d.span.first for d in report.decisions]
    finish = min(decided) if decided else (numbers[-1] + 1 if numbers else end)
    for index, draft in enumerate(drafts):
        stop = starts[index + 1] if index + 1 < len(drafts) else finish
        inside = lines[bisect_left(numbers, draft.span.first):bisect_left(numbers, stop)]
        name = f"draft resolution {draft.number}"
        region = _region(inside, _note_lines(draft.notes), _draft_refs(draft),
                         skip_assembly=True, skip=_closing(report))
        _compare(path, f"the text of {name}", region.text, _draft_words(draft, report.kind),
                 region.marks)
        _compare(path, f"the footnotes of {name}", region.notes, _note_words(draft.notes, name),
                 Counter())
    if decided:
        _check_decisions(path, report, lines, finish)


def _closing(report: Report) -> frozenset[int]:
    """The lines of a resolution's closing — its plenary meeting and the date under it —
    which the model holds as ``Adoption.meeting``, not as text (``Adoption.closing``)."""
    closing = report.adoption.closing if report.adoption else None
    return frozenset(range(closing.first, closing.last + 1)) if closing else frozenset()


def _check_amendments(path: str, report: Report, lines: list[Line]) -> None:
    """Amendments: the masthead facts above the first amendment, then every amendment."""
    first = report.amendments[0].span.first if report.amendments else lines[-1].number + 1
    _check_masthead(path, report, [line for line in lines if line.number < first])
    region = _region((line for line in lines if line.number >= first),
                     _note_lines(report.notes),
                     (ref for a in report.amendments for ref in a.notes), skip_assembly=False)
    _compare(path, "the amendments", region.text, _amendment_words(report), region.marks)
    _compare(path, "the footnotes of the amendments", region.notes,
             _note_words(report.notes, "the amendments"), Counter())


def _last_text(draft: DraftResolution) -> str:
    """Text of the last operative paragraph or of its last (deepest) sub-paragraph."""
    op = draft.operative[-1]
    text, subs = op.text, op.subparagraphs
    while subs:
        text, subs = subs[-1].text, subs[-1].subparagraphs
    return text


def check_complete(parsed: Parsed) -> None:
    """Raise ``SourceError`` if the file was cut short: say where it stops and what is missing."""
    report, path, cleaned = parsed.report, parsed.cleaned.path, parsed.cleaned
    content = [line.number for line in parsed.cleaned.lines if line.text]
    end = content[-1] if content else 0
    at = cleaned.place(end)
    fix = ("The PDF looks incomplete: download the document again." if cleaned.pages else
           "The file looks truncated: convert the whole report again, or check that the file "
           "was copied completely.")
    if not report.resolutions:
        return  # structure() already refuses a report without any draft resolution
    last = report.resolutions[-1]
    name = _text_name(report, last)
    announced = sorted({p.draft_resolution for p in report.proposals if p.draft_resolution},
                       key=_roman_value)
    beyond = [n for n in announced if _roman_value(n) > last.ordinal]
    missing = ""
    if beyond:
        missing = (f"; section II announces draft resolution"
                   f"{'s' if len(beyond) > 1 else ''} {_and(beyond)}, which the file "
                   "does not have")
    if not last.operative:
        raise SourceError(path, f"the file ends at {at}, inside {name} (heading at "
                          f"{cleaned.place(last.span.first)}) before any operative "
                          f"paragraph{missing}. {fix}", end, cleaned.page(end))
    ending = re.sub(r"[\"”’')\]\s]+$", "", _last_text(last))
    if not ending.endswith("."):
        tail = " ".join(ending.split()[-6:])
        raise SourceError(path, f"the file ends at {at} in the middle of operative "
                          f"paragraph {last.operative[-1].number} of {name} "
                          f"(\"…{tail}\" has no final full stop){missing}. {fix}", end,
                          cleaned.page(end))
    if beyond:
        raise SourceError(path, f"the file ends at {at}, after {name}{missing}. {fix}", end,
                          cleaned.page(end))


def _text_name(report: Report, text: DraftResolution) -> str:
    """How a message names a text: ``draft resolution IV``, ``resolution 78/229``, ``the
    draft resolution``."""
    if report.kind == "resolution":
        return f"resolution {text.number}"
    if report.kind == "draft":
        return "the draft resolution"
    return f"draft resolution {text.number}"


def _and(items: list[str]) -> str:
    """``["VI", "VII"]`` → ``VI and VII``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _roman_value(number: str) -> int:
    try:
        return from_roman(number)
    except ValueError:
        return 0


def verify(parsed: Parsed) -> None:
    """Run every check that must pass before a build writes anything."""
    check_complete(parsed)
    try:
        check_nothing_lost(parsed)
    except LostTextError as error:
        page = parsed.cleaned.page(error.line)
        if page is None:
            raise
        raise LostTextError(error.path, error.message, None, page) from None
