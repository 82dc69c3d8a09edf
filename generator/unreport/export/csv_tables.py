"""CSV tables for spreadsheets: ``data/paragraphs.csv``, ``sponsorships.csv``,
``votes.csv``, ``references.csv``, ``mandates.csv``, ``amendments.csv``.

Each table is a ``Table``: a file name, a sentence saying what it holds, its
columns (each described: the Data page lists them), a function giving its rows
from the document and what was found in it (``Analysis``) and the kinds of
document that have it. ``TABLES`` is the list; ``tables`` picks those the build
writes for a document and the Data page describes; a new table is one more
``Table`` in it.

The files are written with the ``csv`` module: comma-separated, one header
row, fields quoted where needed, lines ended by ``\\n`` (the build writes text
files in text mode, which would turn ``\\r\\n`` into ``\\r\\r\\n`` on Windows;
every spreadsheet and CSV reader takes ``\\n``). They are UTF-8 with a
byte-order mark: Excel reads a CSV file as UTF-8 only when it starts with one,
and without it "Côte d'Ivoire" arrives as "CÃ´te d'Ivoire" (Python reads the
files with ``encoding="utf-8-sig"``). A cell that Excel would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) starts
with an apostrophe instead, as OWASP advises against CSV injection; no text of
a real report starts so.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from unreport import addresses
from unreport.analysis import Analysis
from unreport.model import Note, NoteRef, SubParagraph, all_subparagraphs
from unreport.text.parts import printed_label

BOM = "\ufeff"
"""The byte-order mark that tells Excel the file is UTF-8."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

WITH_PARAGRAPHS = ("report", "resolution", "draft")
"""The kinds of document that have paragraphs (all but amendments)."""

Cell = str | int | None
Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Column:
    """A column of a table."""

    name: str
    """Header."""
    description: str
    """What it holds (shown on the Data page)."""


@dataclass(frozen=True)
class Table:
    """A CSV file of the site's ``data/`` folder."""

    name: str
    """File name, e.g. ``paragraphs.csv``."""
    description: str
    """One sentence: what a row is."""
    columns: tuple[Column, ...]
    """Its columns, in order."""
    rows: Callable[[Analysis], Iterable[Row]]
    """Its rows, in document order."""
    kinds: tuple[str, ...] = WITH_PARAGRAPHS
    """The kinds of document (``Report.kind``) that have the table."""

    @property
    def path(self) -> str:
        """Where the site serves it."""
        return f"data/{self.name}"


def _page_url(page: str, anchor: str) -> str:
    """``draft-resolutions/v.md`` + ``op-12`` → ``draft-resolutions/v.html#op-12``."""
    return addresses.page_url(page, anchor)


def _note_texts(notes: tuple[Note, ...]) -> dict[int, str]:
    """``{number: text}`` of a scope's notes (made once per scope, not per paragraph)."""
    return {note.number: note.text for note in notes}


def _notes(marks: Iterable[NoteRef], texts: dict[int, str]) -> str:
    """The notes marked in a text, each once, one a line: ``[1] A/C.3/77/SR.5.``."""
    numbers = dict.fromkeys(mark.number for mark in marks)
    return "\n".join(f"[{n}] {texts[n]}" if n in texts else f"[{n}]" for n in numbers)


def _subparagraphs(subs: tuple[SubParagraph, ...]) -> str:
    """Sub-paragraphs in reading order, one a line, labelled as printed: ``(a) …``,
    ``(i) …``, ``1. …``."""
    return "\n".join(f"{printed_label(sub.label)} {sub.text}"
                     for sub in all_subparagraphs(subs))


def _marks(text_marks: tuple[NoteRef, ...], subs: tuple[SubParagraph, ...]) -> list[NoteRef]:
    return [*text_marks, *(mark for sub in all_subparagraphs(subs) for mark in sub.notes)]


def paragraph_rows(sources: Analysis) -> Iterator[Row]:
    """One row per report paragraph, preambular and operative paragraph and annex block."""
    report = sources.report
    texts = _note_texts(report.notes)
    for para in report.paragraphs:
        yield ("", "report", para.number, para.anchor, _page_url(addresses.HOME, para.anchor),
               para.text, _notes(_marks(para.notes, para.items), texts),
               _subparagraphs(para.items), None)
    for draft in report.resolutions:
        page = addresses.draft_page(draft.slug)
        texts = _note_texts(draft.notes)
        for pp in draft.preambular:
            yield (draft.number, "preambular", pp.number, pp.anchor, _page_url(page, pp.anchor),
                   pp.text, _notes(pp.notes, texts), "", pp.part)
        for op in draft.operative:
            yield (draft.number, "operative", op.number if op.printed else None, op.anchor,
                   _page_url(page, op.anchor), op.text,
                   _notes(_marks(op.notes, op.subparagraphs), texts),
                   _subparagraphs(op.subparagraphs), op.part)
        for block in (block for annex in draft.annexes for block in annex.blocks):
            yield (draft.number, f"annex-{block.kind}", block.label, block.anchor,
                   _page_url(page, block.anchor), block.text, _notes(block.notes, texts), "",
                   None)
    for decision in report.decisions:
        page = addresses.draft_decision_page(decision.slug)
        texts = _note_texts(decision.notes)
        for text in decision.paragraphs:
            yield (decision.number, "decision", text.number if text.printed else None,
                   text.anchor, _page_url(page, text.anchor), text.text,
                   _notes(_marks(text.notes, text.subparagraphs), texts),
                   _subparagraphs(text.subparagraphs), None)


def sponsorship_rows(sources: Analysis) -> Iterator[Row]:
    """One row per State per draft and role, in the report's order; for a draft or
    amendments, one per State its masthead names."""
    report = sources.report
    for state in report.sponsors:
        yield ("", str(report.symbol), state, "original", "", addresses.page_url(addresses.HOME))
    for proposal in report.proposals:
        number = proposal.draft_resolution or ""
        draft = report.find_resolution(number)
        url = draft.page if draft else ""
        groups = (("original", proposal.sponsors.original),
                  ("subsequent", proposal.sponsors.subsequent),
                  ("at_meeting", proposal.sponsors.at_meeting))
        for role, states in groups:
            for state in states:
                behalf = proposal.on_behalf_of if role == "original" else None
                yield (number, str(proposal.draft_symbol), state, role, behalf or "", url)


def reference_rows(sources: Analysis) -> Iterator[Row]:
    """One row per citation of a resolution, decision, document or treaty."""
    for citation in sources.references.citations:
        ref = citation.reference
        if ref.kind == "internal":
            continue
        element = citation.element
        yield (ref.kind, ref.id, citation.target or "", element.text[ref.start:ref.end],
               element.label, _page_url(element.page, element.anchor))


PARAGRAPHS = Table(
    "paragraphs.csv",
    "One row per paragraph: the report's numbered paragraphs, then each draft resolution's "
    "preambular and operative paragraphs (and a resolution's annexes, block by block), then "
    "each draft decision's paragraphs, with their text, notes and sub-paragraphs.",
    (Column("draft", "Roman number of the draft resolution (a resolution's own number, "
                     "78/229) or of the draft decision; empty for the report's own paragraphs, "
                     "a draft document's text and an unnumbered draft decision."),
     Column("kind", "report, preambular, operative or decision (a paragraph of a draft "
                    "decision); for a block of an annex annex-heading, annex-paragraph, "
                    "annex-item or annex-text."),
     Column("number", "Paragraph number (preambular paragraphs are counted from 1, through "
                      "the parts of a text that has them; empty for an operative paragraph "
                      "printed without a number); for a block of an annex, its number or "
                      "letter as printed, if any."),
     Column("anchor", "The paragraph's permanent anchor in the site."),
     Column("url", "Its address in the site, relative to the site's root."),
     Column("text", "Plain text of the paragraph (without its sub-paragraphs), exactly as "
                    "in the JSON."),
     Column("notes", "The footnotes marked in the paragraph or its sub-paragraphs, one a "
                     "line: [number] text."),
     Column("subparagraphs", "Its lettered items or sub-paragraphs, one a line: (a) text "
                             "(a numbered item: 1. text)."),
     Column("part", "For a text with headed parts, the anchor of the part the paragraph "
                    "stands in (part-ii; the JSON's parts give its label and title); empty "
                    "otherwise.")),
    paragraph_rows, WITH_PARAGRAPHS)

SPONSORSHIPS = Table(
    "sponsorships.csv",
    "One row per State per draft and role: who submitted each draft and who joined in "
    "sponsoring it, and when (for a draft or amendments: the States its masthead names).",
    (Column("draft", "Roman number of the draft resolution the draft became (empty if "
                     "none)."),
     Column("draft_symbol", "Symbol of the draft (or amendments), e.g. A/C.3/77/L.7/Rev.1."),
     Column("state", "The State, as the report names it (without a leading \"the\")."),
     Column("role", "original (submitted it), subsequent (joined in sponsoring it after "
                    "it was submitted) or at_meeting (joined at the meeting that acted "
                    "on it)."),
     Column("on_behalf_of", "For an original sponsor that submitted the draft on behalf "
                            "of a group: the group."),
     Column("url", "The draft resolution's page in the site, relative to the site's "
                   "root.")),
    sponsorship_rows, ("report", "draft", "amendments"))

REFERENCES = Table(
    "references.csv",
    "One row per citation: each time a paragraph or note cites a resolution, decision, "
    "document or treaty.",
    (Column("kind", "What is cited: ga-resolution, ecosoc-resolution, document, treaty… "
                    "(the JSON schema lists the kinds)."),
     Column("id", "The item as identified: 76/181, A/77/127, vol. 2225, No. 39574."),
     Column("url", "The official address the site links to; empty where there is no "
                   "stable one."),
     Column("cited_as", "The words of the citation in the text."),
     Column("citing_paragraph", "The paragraph or note that cites it, e.g. Draft "
                                "resolution V, OP 12."),
     Column("citing_url", "Its address in the site, relative to the site's root.")),
    reference_rows, ("report", "resolution", "draft", "amendments"))

def mandate_rows(sources: Analysis) -> Iterator[Row]:
    """One row per directive clause of an operative paragraph."""
    for mandate, action in sources.mandates.clauses():
        due = action.report
        yield (mandate.resolution, mandate.number, mandate.anchor,
               f"{mandate.page}#{mandate.anchor}",
               action.verb, action.kind, "; ".join(action.addressees), action.text,
               due.by if due else None, due.to if due else None, due.session if due else None)


MANDATES = Table(
    "mandates.csv",
    "One row per directive clause of an operative paragraph: who the General Assembly asks "
    "to do what, and which report falls due when.",
    (Column("draft", "Roman number of the draft resolution (a resolution's own number, "
                     "78/229; empty for a draft document)."),
     Column("paragraph", "Number of the operative paragraph."),
     Column("anchor", "The paragraph's permanent anchor in the site."),
     Column("url", "Its address in the site, relative to the site's root."),
     Column("verb", "The clause's action: requests, decides, urges, calls upon, encourages, "
                    "invites, appeals."),
     Column("kind", "request, decision or call."),
     Column("addressees", "Who is asked, full names, separated by semicolons."),
     Column("text", "The clause's words, from its verb to the end of its object."),
     Column("report_by", "Who is to report, where the clause asks for a report."),
     Column("report_to", "The body the report goes to (General Assembly, Commission on Crime "
                         "Prevention and Criminal Justice…)."),
     Column("report_session", "The receiving body's session, where named (79).")),
    mandate_rows, WITH_PARAGRAPHS)



def amendment_rows(sources: Analysis) -> Iterator[Row]:
    """One row per amendment of an amendments document."""
    report = sources.report
    texts = _note_texts(report.notes)
    amends = str(report.amends) if report.amends else ""
    for amendment in report.amendments:
        yield (amendment.number, amendment.anchor,
               _page_url(addresses.HOME, amendment.anchor), amendment.action,
               amendment.target, amends, amendment.text, _notes(amendment.notes, texts))


AMENDMENTS = Table(
    "amendments.csv",
    "One row per amendment: what it does, to which paragraph of the amended draft, in what "
    "words.",
    (Column("number", "The amendment's number as printed."),
     Column("anchor", "Its permanent anchor in the site (amendment-N)."),
     Column("url", "Its address in the site, relative to the site's root."),
     Column("action", "What it does: insert, delete, replace, add, or other where unclear."),
     Column("target", "The anchor of the paragraph of the amended draft it acts on (op-64, "
                      "pp-3); empty for the title or where not said."),
     Column("amends", "Symbol of the amended draft, e.g. A/C.3/80/L.3/Rev.1."),
     Column("text", "Its text, as printed."),
     Column("notes", "The footnotes marked in it, one a line: [number] text.")),
    amendment_rows, ("amendments",))

def vote_rows(sources: Analysis) -> Iterator[Row]:
    """One row per State per recorded vote that lists its States: on a draft as a whole,
    on one of its paragraphs, or on amendments to it."""
    report = sources.report
    for proposal in report.proposals:
        number = proposal.draft_resolution or ""
        draft = str(proposal.draft_symbol)
        subjects = [("draft", proposal.outcome, proposal.vote)]
        subjects += [(v.anchor, v.outcome, v.vote) for v in proposal.paragraph_votes]
        subjects += [(str(a.symbol), a.outcome, a.vote) for a in proposal.amendments]
        for subject, outcome, vote in subjects:
            if vote is None or not vote.recorded:
                continue
            for cast, states in (("yes", vote.in_favour), ("no", vote.against),
                                 ("abstain", vote.abstaining)):
                for state in states:
                    yield (number, draft, subject, outcome, vote.meeting, state, cast)


VOTES = Table(
    "votes.csv",
    "One row per State per recorded vote: on a draft as a whole, on one of its paragraphs "
    "or on amendments to it, as the report lists the States.",
    (Column("draft", "Roman number of the draft resolution the draft became (empty if "
                     "none: rejected, withdrawn or not acted on)."),
     Column("draft_symbol", "Symbol of the draft, e.g. A/C.3/77/L.35."),
     Column("subject", "What was voted on: draft (the draft as a whole), the anchor of a "
                       "paragraph of its text (op-9, pp-15), or the symbol of amendments "
                       "to it (A/C.3/77/L.66)."),
     Column("outcome", "What came of it: adopted, rejected, withdrawn or no action for a "
                       "draft or amendments; retained or deleted for a paragraph."),
     Column("meeting", "Number of the Committee meeting at which the vote was taken."),
     Column("state", "The State, as the report lists it (apostrophes straight)."),
     Column("vote", "yes (in favour), no (against) or abstain.")),
    vote_rows, ("report",))

TABLES: tuple[Table, ...] = (PARAGRAPHS, AMENDMENTS, SPONSORSHIPS, VOTES, REFERENCES, MANDATES)
"""Every table, in the order the Data page lists them."""


def tables(kind: str) -> tuple[Table, ...]:
    """The tables the build writes under ``data/`` for a document of ``kind``, in order."""
    return tuple(table for table in TABLES if kind in table.kinds)


def csv_text(table: Table, sources: Analysis) -> str:
    """The table as CSV text: byte-order mark, header row, a row per record."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    writer.writerows(map(_cells, table.rows(sources)))
    return BOM + out.getvalue()


def _cells(row: Row) -> list[str | int]:
    """A row's values as written: None empty, a would-be formula behind an apostrophe."""
    return ["" if value is None
            else "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START)
            else value for value in row]


def table_files(sources: Analysis) -> dict[str, str]:
    """``{data/<name>.csv: text}`` for every table of the document's kind."""
    return {table.path: csv_text(table, sources) for table in tables(sources.report.kind)}
