"""Index pages: what each paragraph cites, who sponsored what, what happened at each meeting.

Every entry has its own anchor so that it can be linked to
(``references.html#ga-resolution-76-181``, ``sponsors.html#kenya``,
``meetings.html#meeting-51``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .crossrefs import KIND_TITLES, ReferenceLayer, entry_anchor
from .dates import parse_date
from .markdown_text import escape, link_target
from .masthead import ordinal
from .model import Proposal, Report, ReportParagraph
from .proposals import sentences

ROLES = {
    "original": "original sponsor",
    "subsequent": "joined subsequently",
    "at_meeting": "joined at the meeting",
    "on_behalf": "submitted on behalf of a group",
}
MARKS = {"original": "●", "subsequent": "◐", "at_meeting": "○", "on_behalf": "◆"}


def slug(name: str) -> str:
    """Anchor for a State: ``Côte d'Ivoire`` → ``cote-divoire``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("'", "")).strip("-")


def sort_key(name: str) -> str:
    """Alphabetical order as the UN lists States (accents ignored)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def sponsorships(report: Report) -> dict[str, dict[str, str]]:
    """``{State: {draft resolution number: role}}`` for every sponsoring State."""
    table: dict[str, dict[str, str]] = {}
    for proposal in report.proposals:
        if not proposal.draft_resolution:
            continue
        groups = (("original", proposal.sponsors.original),
                  ("subsequent", proposal.sponsors.subsequent),
                  ("at_meeting", proposal.sponsors.at_meeting))
        for role, names in groups:
            for name in names:
                if role == "original" and proposal.on_behalf_of:
                    role = "on_behalf"
                table.setdefault(name, {})[proposal.draft_resolution] = role
    return dict(sorted(table.items(), key=lambda item: sort_key(item[0])))


def sponsors_page(report: Report) -> str:
    """``sponsors.md``: every sponsoring State, the matrix, the count per draft."""
    table = sponsorships(report)
    numbers = [r.number for r in report.resolutions]
    parts = ["---", "title: Sponsors", "---", "", "# Sponsors {#sponsors}", "",
             f"{len(table)} States sponsored the draft resolutions of "
             f"{escape(str(report.symbol))}. Drafts submitted by the Chair on the "
             "recommendation of the Economic and Social Council have no sponsors.", "",
             "## Sponsors per draft resolution {#per-draft}", "",
             "| Draft resolution | Draft | Original | Joined subsequently | Joined at the meeting "
             "| Total |", "|---|---|---|---|---|---|"]
    for resolution in report.resolutions:
        proposal = report.proposal_for(resolution.number)
        if proposal is None:
            continue
        s = proposal.sponsors
        behalf = (f" (on behalf of the {escape(proposal.on_behalf_of)})"
                  if proposal.on_behalf_of else "")
        parts.append(f"| [{resolution.number}](draft-resolutions/{resolution.slug}.md) | "
                     f"{escape(str(proposal.draft_symbol))} | {len(s.original)}{behalf} | "
                     f"{len(s.subsequent)} | {len(s.at_meeting)} | {s.count} |")
    legend = ", ".join(f"{MARKS[k]} {v}" for k, v in ROLES.items())
    parts += ["", "## States {#states}", "", f"Legend: {legend}.", "",
              "| State | " + " | ".join(numbers) + " | Total |",
              "|---|" + "---|" * (len(numbers) + 1)]
    for name, roles in table.items():
        cells = [f"[{MARKS[roles[n]]}](draft-resolutions/{n.lower()}.md "
                 f"\"{ROLES[roles[n]]}\")" if n in roles else "" for n in numbers]
        parts.append(f"| [{escape(name)}](#{slug(name)}) | " + " | ".join(cells)
                     + f" | {len(roles)} |")
    parts += ["", "## Each State {#each-state}", ""]
    for name, roles in table.items():
        entries = "; ".join(f"[draft resolution {n}](draft-resolutions/{n.lower()}.md) "
                            f"({ROLES[role]})" for n, role in roles.items())
        parts.append(f"**{escape(name)}**: {entries}\n{{: #{slug(name)} .unr-entry }}\n")
    return "\n".join(parts)


@dataclass(frozen=True)
class MeetingEntry:
    """A meeting on the item and the report paragraphs that speak of it."""

    number: int
    """Meeting number."""
    plenary: bool
    """A plenary meeting of the General Assembly (else a Committee meeting)."""
    date: dt.date | None
    """Date, when the report gives it."""
    paragraphs: tuple[int, ...]
    """Report paragraphs that mention it."""


_LIST = re.compile(r"(?P<numbers>(?:\d{1,3}(?:st|nd|rd|th)(?:, | and ))*\d{1,3}(?:st|nd|rd|th))"
                   r" (?P<plenary>plenary )?meetings?(?:,? on (?P<dates>[\d, and]+ [A-Z][a-z]+"
                   r"(?: \d{4})?))?")


def _dates(text: str | None, count: int, year: int | None) -> list[dt.date | None]:
    if not text:
        return [None] * count
    days = re.findall(r"\d{1,2}(?= |,)", text.rsplit(" ", 2)[0] + " ")
    month_year = re.search(r"([A-Z][a-z]+)(?: (\d{4}))?$", text)
    if not month_year:
        return [None] * count
    tail = f" {month_year.group(1)} {month_year.group(2) or year}"
    parsed = [parse_date(day + tail) for day in days]
    if len(parsed) == count:
        return parsed
    return [parsed[0]] * count if len(parsed) == 1 else [None] * count


def meetings(report: Report) -> list[MeetingEntry]:
    """Meetings on the item in date order, plenary first on the same day."""
    year = report.date.year if report.date else None
    found: dict[tuple[bool, int], tuple[dt.date | None, list[int]]] = {}
    for paragraph in report.paragraphs:
        for match in _LIST.finditer(paragraph.text):
            numbers = [int(n) for n in re.findall(r"(\d{1,3})(?:st|nd|rd|th)",
                                                  match.group("numbers"))]
            plenary = bool(match.group("plenary"))
            for number, date in zip(numbers, _dates(match.group("dates"), len(numbers), year),
                                    strict=True):
                known, paragraphs = found.get((plenary, number), (None, []))
                if paragraph.number not in paragraphs:
                    paragraphs.append(paragraph.number)
                found[(plenary, number)] = (known or date, paragraphs)
    entries = [MeetingEntry(n, plenary, date, tuple(ps))
               for (plenary, n), (date, ps) in found.items()]
    return sorted(entries, key=lambda e: (e.date or dt.date.max, not e.plenary, e.number))


def _record_symbol(report: Report, entry: MeetingEntry) -> str | None:
    """The summary record of a Committee meeting, from the Committee's own symbols."""
    for proposal in report.proposals:
        match = re.match(r"^(A/C\.\d+/\d+)/", str(proposal.draft_symbol))
        if match and not entry.plenary:
            return f"{match.group(1)}/SR.{entry.number}"
    return None


def _events(report: Report, entry: MeetingEntry) -> list[str]:
    events: list[str] = []
    in_proposals = {n for p in report.proposals for n in p.paragraphs}
    for number in entry.paragraphs:
        paragraph = next(p for p in report.paragraphs if p.number == number)
        if number in in_proposals:
            continue
        # Outside section II, the report's own sentence says what happened.
        for sentence in sentences(paragraph.text):
            if re.search(rf"\b{entry.number}(?:st|nd|rd|th)\b", sentence):
                events.append(f"“{escape(sentence.rstrip('.'))}.” "
                              f"([paragraph {number}](index.md#{paragraph.anchor}))")
    for proposal in report.proposals:
        if entry.plenary or entry.number not in {m.number for m in proposal.meetings}:
            continue
        events.extend(_proposal_events(proposal, entry.number))
    return events


def _proposal_events(proposal: Proposal, number: int) -> list[str]:
    events: list[str] = []
    target = (f"[draft resolution {proposal.draft_resolution}](draft-resolutions/"
              f"{proposal.draft_resolution.lower()}.md)" if proposal.draft_resolution else "")
    symbol = escape(str(proposal.draft_symbol))
    before = [s for s in proposal.statements if s.meeting == number and s.timing == "before"]
    after = [s for s in proposal.statements if s.meeting == number and s.timing == "after"]
    if proposal.sponsors.at_meeting:
        events.append(f"{len(proposal.sponsors.at_meeting)} States joined in sponsoring "
                      f"{symbol}")
    if before:
        events.append(f"Statements on {symbol} before its adoption: "
                      + ", ".join(escape(s.speaker) for s in before))
    if proposal.adopted and proposal.adopted_at == number:
        events.append(f"The Committee adopted {symbol} ({target})")
    if after:
        events.append(f"Statements after the adoption of {symbol}: "
                      + ", ".join(escape(s.speaker) for s in after))
    return events


def meetings_page(report: Report) -> str:
    """``meetings.md``: the meetings on the item in date order and what happened."""
    parts = ["---", "title: Meetings", "---", "", "# Meetings {#meetings}", "",
             f"The meetings at which the item was allocated, discussed and acted on, as "
             f"{escape(str(report.symbol))} records them.", ""]
    texts: dict[int, ReportParagraph] = {p.number: p for p in report.paragraphs}
    for entry in meetings(report):
        kind = "plenary meeting of the General Assembly" if entry.plenary else (
            f"meeting of the {escape(report.committee)}")
        anchor = f"{'plenary' if entry.plenary else 'meeting'}-{entry.number}"
        when = entry.date.strftime("%-d %B %Y") if entry.date else "date not given"
        parts.append(f"## {ordinal(entry.number)} {kind}, {when} {{#{anchor}}}\n")
        record = _record_symbol(report, entry)
        if record:
            parts.append(f"Summary record: [{escape(record)}](https://undocs.org/en/{record})\n")
        for event in _events(report, entry):
            parts.append(f"- {event}")
        parts.append("")
        links = ", ".join(f"[paragraph {n}](index.md#{texts[n].anchor})"
                          for n in entry.paragraphs if n in texts)
        parts.append(f"In the report: {links}.\n")
    return "\n".join(parts)


def _item_name(kind: str, identifier: str) -> str:
    if kind.endswith("-resolution"):
        return f"Resolution {identifier}"
    if kind.endswith("-decision"):
        return f"Decision {identifier}"
    if kind == "treaty":
        return f"Treaty Series, {identifier}"
    return identifier


def references_page(report: Report, layer: ReferenceLayer) -> str:
    """``references.md``: every cited item, by kind, in natural order, with "cited in" links."""
    entries = layer.entries()
    parts = ["---", "title: References", "---", "", "# References {#references}", "",
             f"Every resolution, decision, document and treaty that {escape(str(report.symbol))} "
             f"cites — {len(entries)} items — with links to the official texts where they have "
             "a stable address, and to every paragraph that cites them.", ""]
    kind = None
    for (item_kind, identifier), citations in entries.items():
        if item_kind != kind:
            kind = item_kind
            parts.append(f"## {escape(KIND_TITLES.get(kind, kind))} {{#{kind}}}\n")
        url = citations[0].target
        name = escape(_item_name(item_kind, identifier))
        title = f"[{name}]({link_target(url)})" if url else name
        places: list[str] = []
        for citation in citations:
            place = (f"[{escape(citation.element.label)}]"
                     f"({citation.element.page}#{citation.element.anchor})")
            if place not in places:
                places.append(place)
        count = len(citations)
        parts.append(f"**{title}** — cited {count} time{'s' if count != 1 else ''}: "
                     f"{', '.join(places)}\n{{: #{entry_anchor(item_kind, identifier)} "
                     ".unr-entry }\n")
    if layer.unresolved:
        parts.append("## Internal references not found {#unresolved}\n")
        for citation in layer.unresolved:
            parts.append(f"- {escape(citation.element.label)}: {escape(citation.reference.id)}")
    return "\n".join(parts)
