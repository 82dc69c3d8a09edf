"""How a draft's votes, amendments and oral changes read on its page: rows of the facts
box ("How the Committee adopted it"), a collapsed block per recorded vote listing the
States of each group (linked to the sponsors page where it has the State), and a short
label under each paragraph the Committee voted on separately.

Everything here is Markdown made from the model; a draft without votes, amendments or
oral changes gets nothing, so its page is as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from unreport import addresses
from unreport.addresses import slug
from unreport.model import ParagraphVote, Proposal, Report, Vote
from unreport.site.markdown_text import escape
from unreport.text.numbers import ordinal
from unreport.text.typography import curly_quotes

OUTCOMES = {"adopted": "Adopted", "rejected": "Rejected", "withdrawn": "Withdrawn by its "
            "sponsors", "no action": "No action taken on it"}
"""How the facts box says what the Committee did with a draft."""


def counts(vote: Vote) -> str:
    """``recorded vote 80–29–65`` or ``vote 94–12–30`` (in favour–against–abstaining)."""
    kind = "recorded vote" if vote.recorded else "vote"
    return f"{kind} {vote.yes}–{vote.no}–{vote.abstain}"


def in_words(vote: Vote) -> str:
    """``a recorded vote of 110 to 8, with 44 abstentions``."""
    kind = "a recorded vote" if vote.recorded else "a vote"
    abstentions = "abstention" if vote.abstain == 1 else "abstentions"
    return f"{kind} of {vote.yes} to {vote.no}, with {vote.abstain} {abstentions}"


def paragraph_name(anchor: str) -> str:
    """``op-9`` → ``OP 9``, ``pp-15`` → ``PP 15``, ``op-6-b`` → ``OP 6 (b)``."""
    kind, _, number = anchor.partition("-")
    number, *items = number.split("-")
    return f"{kind.upper()} {number}" + "".join(f" ({item})" for item in items)


def _sponsor_anchors(report: Report) -> set[str]:
    """Anchors the sponsors page has: one per State that sponsored a draft."""
    return {slug(name) for proposal in report.proposals if proposal.draft_resolution
            for name in proposal.sponsors.all()}


def _states(names: Iterable[str], anchors: set[str], prefix: str) -> str:
    """States as a comma-separated list, each linked to its sponsors-page entry if any."""
    out = []
    for name in names:
        shown = escape(curly_quotes(name))
        out.append(f"[{shown}]({prefix}{addresses.SPONSORS}#{slug(name)})"
                   if slug(name) in anchors else shown)
    return ", ".join(out) or "none"


def _by(names: tuple[str, ...], group: str | None) -> str:
    who = ", ".join(escape(curly_quotes(n)) for n in names)
    if group:
        who += f", on behalf of the {escape(curly_quotes(group))}"
    return f" ({who})" if who else ""


def _paragraph_vote(vote: ParagraphVote) -> str:
    how = f", {counts(vote.vote)}" if vote.vote else ""
    name = paragraph_name(vote.anchor)
    link = f"[{name}](#{vote.anchor})" if vote.outcome == "retained" else name
    return f"{link} {vote.outcome}{how} (para. {vote.paragraph})"


def fact_rows(proposal: Proposal) -> list[str]:
    """Rows for the facts table: votes on paragraphs, amendments, oral changes."""
    rows = []
    if proposal.paragraph_votes:
        votes = "; ".join(_paragraph_vote(v) for v in proposal.paragraph_votes)
        rows.append(f"| Votes on paragraphs | {votes} |")
    if proposal.amendments:
        amendments = "; ".join(
            f"[{escape(str(a.symbol))}]({a.symbol.url}){_by(a.proposed_by, a.on_behalf_of)}: "
            f"{a.outcome or 'outcome not stated'}{', ' + counts(a.vote) if a.vote else ''}"
            for a in proposal.amendments)
        rows.append(f"| Amendments | {amendments} |")
    if proposal.oral_changes:
        changes = "; ".join(
            f"orally {c.kind}{' by ' + escape(curly_quotes(c.by)) if c.by else ''}"
            f"{' at the ' + ordinal(c.meeting) + ' meeting' if c.meeting else ''}"
            for c in proposal.oral_changes)
        rows.append(f"| Oral changes | {changes[0].upper() + changes[1:]} |")
    return rows


def _list_block(title: str, vote: Vote, anchors: set[str], prefix: str) -> list[str]:
    """A collapsed block (inside the facts box) with a recorded vote's three lists."""
    lines = ["", f"    ??? note \"{title}: {vote.yes} in favour, {vote.no} against, "
                 f"{vote.abstain} abstaining\""]
    for name, states in (("In favour", vote.in_favour), ("Against", vote.against),
                         ("Abstaining", vote.abstaining)):
        lines += ["", f"        **{name} ({len(states)}):** {_states(states, anchors, prefix)}"]
    return lines


def vote_lists(report: Report, proposal: Proposal, prefix: str = "../") -> list[str]:
    """The collapsed blocks of every recorded vote on the draft that lists its States."""
    anchors = _sponsor_anchors(report)
    listed = [("Recorded vote on the draft", proposal.vote)]
    listed += [(f"Recorded vote on {paragraph_name(v.anchor)}", v.vote)
               for v in proposal.paragraph_votes]
    listed += [(f"Recorded vote on amendments {a.symbol}", a.vote) for a in proposal.amendments]
    lines: list[str] = []
    for title, vote in listed:
        if vote and vote.recorded and (vote.in_favour or vote.against or vote.abstaining):
            lines += _list_block(title, vote, anchors, prefix)
    return lines


def paragraph_labels(proposal: Proposal | None) -> dict[str, str]:
    """``{anchor: label}`` for the paragraphs the Committee retained by a separate vote: a
    small block to stand under the paragraph, like a mandate label, left out of search."""
    labels: dict[str, str] = {}
    for vote in proposal.paragraph_votes if proposal else ():
        if vote.outcome != "retained":
            continue
        how = f" by {in_words(vote.vote)}" if vote.vote else " by a separate vote"
        labels[vote.anchor] = (f'<span class="unr-sr">Vote: </span>Retained{how} '
                               f"(see “How the Committee adopted it”)\n"
                               "{: .unr-mandate .unr-paragraph-vote .unr-search-exclude }\n")
    return labels


@dataclass(frozen=True)
class RecordedVote:
    """A recorded vote of the report that lists its States, as the sponsors page names it."""

    what: str
    """What was voted on, in Markdown from the sponsors page: ``[draft resolution I](…)
    (A/C.3/99/L.35)``, ``OP 1 of draft resolution I``, ``amendments A/C.3/99/L.66 to …``."""
    outcome: str
    """``adopted``, ``rejected``, ``retained``… or ``""`` where the report does not say."""
    vote: Vote
    """The vote, with its three lists."""
    paragraph: int | None
    """Report paragraph that records it."""


def _listed(vote: Vote | None) -> bool:
    return bool(vote and vote.recorded and (vote.in_favour or vote.against or vote.abstaining))


def recorded_votes(report: Report) -> list[RecordedVote]:
    """Every recorded vote of section II that lists its States, in the report's order (by
    the paragraph that records it): on drafts, on their paragraphs, on amendments."""
    found: list[tuple[int, RecordedVote]] = []
    for proposal in report.proposals:
        text = report.find_resolution(proposal.draft_resolution or "")
        draft = (f"[draft resolution {text.number}]({addresses.draft_page(text.slug)}) "
                 f"({escape(str(proposal.draft_symbol))})" if text
                 else f"draft resolution {escape(str(proposal.draft_symbol))}")
        if proposal.vote and _listed(proposal.vote):
            line = proposal.vote.span.first if proposal.vote.span else proposal.span.last
            paragraph = _paragraph_at(report, line)
            found.append((line, RecordedVote(draft, proposal.outcome, proposal.vote, paragraph)))
        for vote in proposal.paragraph_votes:
            if vote.vote and _listed(vote.vote):
                line = vote.vote.span.first if vote.vote.span else 0
                found.append((line, RecordedVote(f"{paragraph_name(vote.anchor)} of {draft}",
                                                 vote.outcome, vote.vote, vote.paragraph)))
        for amendment in proposal.amendments:
            if amendment.vote and _listed(amendment.vote):
                line = amendment.vote.span.first if amendment.vote.span else 0
                found.append((line, RecordedVote(
                    f"amendments {escape(str(amendment.symbol))} to {draft}", amendment.outcome,
                    amendment.vote, _paragraph_at(report, line))))
    return [vote for _, vote in sorted(found, key=lambda item: item[0])]


def _paragraph_at(report: Report, line: int) -> int | None:
    """The report paragraph that stands at source line ``line``, if any."""
    return next((p.number for p in report.paragraphs
                 if p.span.first <= line <= p.span.last), None)
