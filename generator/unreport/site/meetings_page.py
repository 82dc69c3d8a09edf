"""The meetings page: every meeting on the item and every report paragraph about it.

Which paragraphs are about which meeting is found in ``references/meetings.py``;
this module writes the page. A paragraph about one meeting is quoted (up to
``QUOTE_WORDS`` words) and linked; one about several meetings is linked under each.
"""

from __future__ import annotations

import re

from unreport import addresses
from unreport.analysis import Analysis
from unreport.model import Report
from unreport.references.meetings import MeetingEntry, Mention, mentions
from unreport.site.markdown_text import escape
from unreport.text.numbers import ordinal
from unreport.text.typography import curly_quotes

QUOTE_WORDS = 45
"""A paragraph about one meeting is quoted up to this many words, then linked."""


def _draft_page(report: Report, number: str) -> str:
    """The page of the draft resolution ``number`` (by its slug, which is unique)."""
    found = report.find_resolution(number)
    return addresses.draft_page(found.slug if found else number.lower())


def _record_symbol(report: Report, entry: MeetingEntry) -> str | None:
    """The summary record of a Committee meeting, from the Committee's own symbols."""
    for proposal in report.proposals:
        match = re.match(r"^(A/C\.\d+/\d+)/", str(proposal.draft_symbol))
        if match and not entry.plenary:
            return f"{match.group(1)}/SR.{entry.number}"
    return None


def quote(text: str, words: int = QUOTE_WORDS) -> str:
    """The paragraph's text for quoting: in full when short, else cut after ``words``
    words with "…"; typographic quotes, the inner ones single (‘…’)."""
    parts = text.split()
    cut = len(parts) > words + words // 3
    shown = " ".join(parts[:words] if cut else parts).rstrip(",;:" if cut else "")
    inner = curly_quotes(shown).replace("\u201c", "\u2018").replace("\u201d", "\u2019")
    return inner + ("…" if cut else "")


def meeting_list(meetings: tuple[tuple[bool, int], ...]) -> str:
    """``5th, 6th and 45th meetings``; plenary meetings named apart."""
    groups = []
    for plenary in (True, False):
        numbers = [ordinal(n) for p, n in meetings if p is plenary]
        if numbers:
            words = numbers[0] if len(numbers) == 1 else (
                ", ".join(numbers[:-1]) + " and " + numbers[-1])
            kind = "plenary meeting" if plenary else "meeting"
            groups.append(f"{words} {kind}{'s' if len(numbers) > 1 else ''}")
    return " and the ".join(groups)


def _item(mention: Mention, report: Report) -> str:
    """One paragraph under a meeting: linked; quoted when it is about this meeting only."""
    paragraph = mention.paragraph
    link = f"[Paragraph {paragraph.number}]({addresses.HOME}#{paragraph.anchor})"
    if len(mention.meetings) > 1:
        return f"- {link}, about the {escape(meeting_list(mention.meetings))}"
    proposal = next((p for p in report.proposals if paragraph.number in p.paragraphs), None)
    draft = (f" ([draft resolution {proposal.draft_resolution}]"
             f"({_draft_page(report, proposal.draft_resolution)}))"
             if proposal and proposal.draft_resolution else "")
    return f"- {link}{draft}: “{escape(quote(paragraph.text))}”"


def meetings_page(analysis: Analysis) -> str:
    """``meetings.md``: the meetings on the item in date order and the paragraphs about each."""
    report = analysis.report
    parts = ["---", "title: Meetings", "---", "", "# Meetings {#meetings}", "",
             f"The meetings at which the item was allocated, discussed and acted on, as "
             f"{escape(str(report.symbol))} records them, with every paragraph of the report "
             "about each: those that name the meeting and those that refer back to it (“At "
             "the same meeting…”, “After the adoption…”). A paragraph about several meetings "
             "is linked under each of them.", ""]
    by_paragraph: dict[int, Mention] = {m.paragraph.number: m for m in mentions(report)}
    for entry in analysis.meetings:
        kind = "plenary meeting of the General Assembly" if entry.plenary else (
            f"meeting of the {escape(report.committee)}")
        anchor = f"{'plenary' if entry.plenary else 'meeting'}-{entry.number}"
        when = f"{entry.date.day} {entry.date:%B %Y}" if entry.date else "date not given"
        parts.append(f"## {ordinal(entry.number)} {kind}, {when} {{#{anchor}}}\n")
        record = _record_symbol(report, entry)
        if record:
            parts.append(f"Summary record: [{escape(record)}](https://undocs.org/en/{record})\n")
        # The quotes repeat the report's paragraphs: searching finds those, not these.
        parts += ['<div markdown="1" data-search-exclude>', "",
                  *(_item(by_paragraph[n], report) for n in entry.paragraphs), "", "</div>"]
        adopted = [p for p in report.proposals
                   if not entry.plenary and p.adopted and p.adopted_at == entry.number]
        if adopted:
            drafts = ", ".join(
                f"{escape(str(p.draft_symbol))}" + (
                    f" ([draft resolution {p.draft_resolution}]"
                    f"({_draft_page(report, p.draft_resolution)}))" if p.draft_resolution else "")
                for p in adopted)
            parts += ["", f"Adopted at this meeting: {drafts}."]
        parts.append("")
    return "\n".join(parts)
