"""The Committee's votes in the report's Akoma Ntoso: each vote on a draft, on a paragraph
of a draft and on amendments, where the report's paragraph records it.

The standard has two places for a vote, and both are used:

* **Metadata.** ``meta/analysis/parliamentary/voting`` is the standard's "metadata
  container containing information about an event of a vote": one ``voting`` per vote
  (eId ``report__voting_1``…), its ``outcome`` a ``TLCConcept`` (adopted, rejected,
  retained, deleted, no action), its ``href`` the vote's block in the text, holding one
  ``count`` per group with its ``value`` (``report__voting_1__inFavour`` …
  ``__against``, ``__abstaining``).
* **Text.** After the text of the paragraph that records the vote (in its ``content``;
  in a ``wrapUp`` after its lettered items, if it has any), a ``blockContainer
  class="vote"`` (eId ``report__para_5__vote_1``; a ``container`` is for prefaces,
  preambles and conclusions only): a ``p`` saying what was voted on (the document a
  ``ref``), how (``recorded vote`` or ``vote``), at which meeting and the ``outcome``;
  then one ``p`` per group (``class`` ``inFavour``, ``against``, ``abstaining``) with its
  count as ``quantity normalized="20"`` (``refersTo`` the group's ``TLCConcept``) and,
  for a recorded vote, its States, each a ``vote`` — the standard's inline that "wraps
  the name of the voter (when organized by choice) … in a voting report" — whose ``by``
  is the State's ``TLCOrganization`` and whose ``choice`` is the group's ``count``,
  around an ``organization`` referring to the same State.

The States are ``TLCOrganization`` entries of the report's ``references`` (``report__org_
albania``), as a draft's sponsors are of its own. The paragraph's text is left as it is:
the lists also stand in it, as printed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from unreport.export.akn_component import Component
from unreport.export.akn_meta import SOURCE, org_eid, tlc
from unreport.export.akn_text import child, node
from unreport.model import Report, Vote
from unreport.text.numbers import ordinal
from unreport.text.symbols import DocumentSymbol

GROUPS = (("inFavour", "In favour"), ("against", "Against"), ("abstaining", "Abstaining"))
"""The groups of a vote: the step of their eIds and their wording."""
_OUTCOMES = {
    "adopted": ("adopted", "Adopted"),
    "rejected": ("rejected", "Rejected"),
    "retained": ("retained", "Retained"),
    "deleted": ("deleted", "Deleted"),
    "no action": ("noAction", "No action taken"),
    "withdrawn": ("withdrawn", "Withdrawn"),
}
_PARAGRAPH_KINDS = {"op": "operative paragraph", "pp": "preambular paragraph"}


@dataclass(frozen=True)
class Taken:
    """One vote of the Committee and what it was on."""

    vote: Vote
    """The vote."""
    subject: str
    """What was voted on, before the symbol: ``draft resolution``, ``amendments``."""
    symbol: DocumentSymbol
    """The document voted on (or the draft whose paragraph was)."""
    paragraph: str
    """The paragraph of it voted on (``operative paragraph 1``), or ``""``."""
    outcome: str
    """``adopted``, ``rejected``, ``retained``, ``deleted``, ``no action`` or ``""``."""
    index: int | None
    """Position in ``report.paragraphs`` of the paragraph that records it, if found."""


def _index(report: Report, vote: Vote, numbers: tuple[int, ...]) -> int | None:
    """The report paragraph recording ``vote``: the one its lines fall in, else the last of
    ``numbers`` (the paragraphs that speak of what was voted on)."""
    if vote.span is not None:
        for index, para in enumerate(report.paragraphs):
            if para.span.first <= vote.span.first <= para.span.last:
                return index
    for number in reversed(numbers):
        for index, para in enumerate(report.paragraphs):
            if para.number == number:
                return index
    return None


def _paragraph_name(anchor: str) -> str:
    """``op-9`` → ``operative paragraph 9``; ``pp-15`` → ``preambular paragraph 15``;
    ``op-6-b`` → ``operative paragraph 6 (b)``."""
    kind, _, number = anchor.partition("-")
    number, *items = number.split("-")
    return (f"{_PARAGRAPH_KINDS[kind]} {number}" + "".join(f" ({i})" for i in items)
            if kind in _PARAGRAPH_KINDS else anchor)


def votes_taken(report: Report) -> list[Taken]:
    """Every vote of section II, proposal by proposal: on paragraphs, on amendments, then on
    the draft itself (the order a meeting takes them in)."""
    taken: list[Taken] = []
    for proposal in report.proposals:
        for pv in proposal.paragraph_votes:
            if pv.vote is not None:
                taken.append(Taken(pv.vote, "draft resolution", proposal.draft_symbol,
                                   _paragraph_name(pv.anchor), pv.outcome,
                                   _index(report, pv.vote, (pv.paragraph,))))
        for action in proposal.amendments:
            if action.vote is not None:
                taken.append(Taken(action.vote, "amendments", action.symbol, "",
                                   action.outcome,
                                   _index(report, action.vote, action.paragraphs)))
        if proposal.vote is not None:
            taken.append(Taken(proposal.vote, "draft resolution", proposal.draft_symbol, "",
                               proposal.outcome,
                               _index(report, proposal.vote, proposal.paragraphs)))
    return taken


def _voting_eid(prefix: str, number: int) -> str:
    return f"{prefix}__voting_{number}"


def vote_blocks(paragraph: ET.Element, index: int, taken: list[Taken], part: Component,
                placed: dict[int, str]) -> None:
    """Add to a report paragraph's element (the one at ``index``) a block per vote it
    records; ``placed`` gets each vote's (its number's) block eId."""
    for number, item in enumerate(taken, start=1):
        if item.index != index:
            continue
        holder = paragraph.find("content")
        if holder is None:  # a paragraph with lettered items: after them
            holder = child(paragraph, "wrapUp")
        steps = paragraph.get("eId", "").split("__")[1:]
        placed[number] = part.eid(*steps, f"vote_{number}")
        _block(holder, placed[number], item, _voting_eid(part.prefix, number), part.prefix)


def _block(holder: ET.Element, eid: str, item: Taken, voting: str, prefix: str) -> None:
    vote = item.vote
    block = child(holder, "blockContainer", eId=eid,
                  class_="vote recordedVote" if vote.recorded else "vote")
    line = child(block, "p", f"{'Recorded vote' if vote.recorded else 'Vote'} on ")
    if item.paragraph:
        line.text = f"{line.text}{item.paragraph} of "
    line.text = f"{line.text}{item.subject} "
    child(line, "ref", str(item.symbol), href=item.symbol.url)
    if vote.meeting is not None:
        line[-1].tail = f", {ordinal(vote.meeting)} meeting"
    if item.outcome in _OUTCOMES:
        line[-1].tail = (line[-1].tail or "") + ": "
        child(line, "outcome", item.outcome,
              refersTo=f"#{prefix}__outcome_{_OUTCOMES[item.outcome][0]}")
    counts = (vote.yes, vote.no, vote.abstain)
    states = (vote.in_favour, vote.against, vote.abstaining)
    for (step, wording), count, names in zip(GROUPS, counts, states, strict=True):
        group = child(block, "p", f"{wording}: ", class_=step)
        child(group, "quantity", str(count), normalized=str(count),
              refersTo=f"#{prefix}__{step}")
        if names:
            group[-1].tail = " — "
        for position, name in enumerate(names):
            if position:
                group[-1].tail = ", "
            org = f"#{org_eid(prefix, name)}"
            voter = child(group, "vote", by=org, choice=f"#{voting}__{step}")
            child(voter, "organization", name, refersTo=org)
        if names:
            group[-1].tail = "."


def vote_meta(meta: ET.Element, taken: list[Taken], prefix: str,
              placed: dict[int, str]) -> None:
    """The votes in a component's ``meta``: ``analysis/parliamentary/voting`` with their
    counts (``href`` their block, from ``placed``), and the States, groups and outcomes in
    its ``references``."""
    if not taken:
        return
    analysis = node("analysis", source=SOURCE)
    parliamentary = child(analysis, "parliamentary")
    for number, item in enumerate(taken, start=1):
        voting_eid = _voting_eid(prefix, number)
        voting = child(parliamentary, "voting", eId=voting_eid,
                       outcome=(f"#{prefix}__outcome_{_OUTCOMES[item.outcome][0]}"
                                if item.outcome in _OUTCOMES else None),
                       href=f"#{placed[number]}" if number in placed else None)
        counts = (item.vote.yes, item.vote.no, item.vote.abstain)
        for (step, _), count in zip(GROUPS, counts, strict=True):
            child(voting, "count", eId=f"{voting_eid}__{step}", value=str(count),
                  refersTo=f"#{prefix}__{step}")
    # meta's order: identification, …, workflow, analysis, temporalData, references, …
    position = next((i for i, e in enumerate(meta)
                     if e.tag in ("temporalData", "references", "notes", "proprietary",
                                  "presentation")), len(meta))
    meta.insert(position, analysis)
    refs = meta.find("references")
    if refs is None:
        refs = child(meta, "references", source=SOURCE)
    organizations: dict[str, str] = {}
    for item in taken:
        for name in (*item.vote.in_favour, *item.vote.against, *item.vote.abstaining):
            organizations.setdefault(org_eid(prefix, name), name)
    for eid, name in organizations.items():
        tlc(refs, "Organization", eid, f"un/{eid.rsplit('__org_', 1)[1]}", name)
    for step, wording in GROUPS:
        tlc(refs, "Concept", f"{prefix}__{step}", f"un/vote/{step}", wording)
    for outcome in dict.fromkeys(item.outcome for item in taken if item.outcome in _OUTCOMES):
        name, wording = _OUTCOMES[outcome]
        tlc(refs, "Concept", f"{prefix}__outcome_{name}", f"un/vote/{name}", wording)
