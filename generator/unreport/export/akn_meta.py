"""Akoma Ntoso metadata: FRBR identifiers after AKN4UN, references, lifecycle, workflow.

Names follow the AKN4UN naming convention (guidelines part 1, "AKN4UN Naming
convention"): a Work IRI is ``/akn/{jurisdiction}/{docType}/{subtype}/{actor}/
{date}/{number}``, with ``un`` as jurisdiction, the name of the element right
under ``akomaNtoso`` as docType, the authoring body as actor
(organisation-body-sub-body joined by dashes, as ``un-ga-gc`` is the General
Committee: ``un-ga-c3`` is the Third Committee) and the symbol as number with
``/`` written ``-`` and spaces ``_``. A/77/464 of 30 November 2022 is::

    /akn/un/documentCollection/publication/un-ga-c3/2022-11-30/A-77-464      Work
    /akn/un/documentCollection/publication/un-ga-c3/2022-11-30/A-77-464/eng@2022-11-30
                                                                             Expression
    …/eng@2022-11-30/!main.xml                                               Manifestation

The actor of a resolution is the Assembly (``un-ga``), as it is of a draft
or amendments that name no committee (``author``).

Components are named inside that Work, nested as they are nested (AKN4UN
"Component Hierarchies"): the report's own text is ``…/!main/report`` and draft
resolution V is ``…/!main/dr_V``. (AKN4UN's example writes ``collection`` as the
docType of a publication although its own rule says the element name; the rule
is followed here.) The Manifestation carries the report's date, not the day of
the build, so that two builds of the same report write the same file.

Who and what the text speaks of are Top Level Classes in ``references``, each
component keeping its own so that it can be reused alone: the committee and
the Assembly (``TLCOrganization``), the rapporteur (``TLCPerson``), every
sponsoring State and group (``TLCOrganization``), the meetings (``TLCEvent``),
the roles (``TLCRole``) and the Committee's decision (``TLCConcept``). A
draft's sponsors are ``FRBRauthor`` entries of its Work with their role in
``as`` (original sponsor, joined subsequently, joined at the meeting, submitted
by, on behalf of, recommended by); its meetings are ``eventRef`` entries of its
``lifecycle`` (the adoption is the event that generated the recommended text)
and the adoption is a ``workflow`` step with its outcome.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from unreport.addresses import slug
from unreport.export.akn_text import child, node
from unreport.model import Meeting, Proposal, Report
from unreport.references.meetings import MeetingEntry
from unreport.text.numbers import ordinal

LANGUAGE = "eng"
"""ISO 639-2 code of the Expression: the reports are read in English."""
SOURCE = "#unreport"
"""Who made the markup (a ``TLCOrganization`` of the publication)."""
_COMMITTEES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_ROLES = {
    "author": "Author",
    "originalSponsor": "Original sponsor",
    "subsequentSponsor": "Joined in sponsoring subsequently",
    "sponsorAtMeeting": "Joined in sponsoring at the meeting",
    "submitter": "Submitted the draft",
    "onBehalfOf": "The draft was submitted on its behalf",
    "recommendedBy": "Recommended the draft",
}


def actor(committee: str) -> str:
    """The AKN4UN actor of a Main Committee: ``Third Committee`` → ``un-ga-c3``."""
    match = re.search(r"\b(First|Second|Third|Fourth|Fifth|Sixth)\s+Committee\b", committee,
                      re.IGNORECASE)
    if match:
        return f"un-ga-c{_COMMITTEES[match.group(1).lower()]}"
    return f"un-ga-{slug(committee) or 'committee'}"


def author(report: Report) -> tuple[str, str]:
    """The actor a document is by, and its name: the committee that reports or to which a
    draft or amendments were submitted; the General Assembly for a resolution (or where
    no committee is named)."""
    if report.kind == "resolution" or not report.committee:
        return "un-ga", "General Assembly"
    return actor(report.committee), report.committee


def akn_number(symbol: str) -> str:
    """A symbol as the number part of an IRI: ``A/77/464`` → ``A-77-464``."""
    return symbol.replace("/", "-").replace(" ", "_")


def work_date(report: Report) -> dt.date:
    """The report's date; without one, 1 January of its session's year (AKN4UN's rule)."""
    if report.date:
        return report.date
    return dt.date(1945 + (report.session or 1), 1, 1)


@dataclass(frozen=True)
class Naming:
    """The IRIs of one report's publication and of its components."""

    work: str
    """Work IRI of the publication."""
    date: str
    """Its date, ISO 8601."""

    @property
    def expression(self) -> str:
        """Expression IRI: the English version of that date."""
        return f"{self.work}/{LANGUAGE}@{self.date}"

    def component(self, name: str) -> str:
        """The component part: ``!main`` for the publication, ``!main/dr_V`` for a draft."""
        return "!main" if name == "main" else f"!main/{name}"


def naming(report: Report) -> Naming:
    """The IRIs of ``report``'s publication."""
    date = work_date(report).isoformat()
    work = (f"/akn/un/documentCollection/publication/{author(report)[0]}/{date}/"
            f"{akn_number(str(report.symbol))}")
    return Naming(work, date)


@dataclass(frozen=True)
class Author:
    """An ``FRBRauthor`` of a Work: who, in what role."""

    href: str
    """``#eId`` of the Top Level Class."""
    role: str
    """``#eId`` of the role."""


def identification(names: Naming, component: str, subtype: str, number: str, shown: str,
                   authors: list[Author], aliases: tuple[str, ...] = ()) -> ET.Element:
    """``identification`` with the three FRBR levels of a component."""
    part = names.component(component)
    ident = node("identification", source=SOURCE)
    work = child(ident, "FRBRWork")
    child(work, "FRBRthis", value=f"{names.work}/{part}")
    child(work, "FRBRuri", value=names.work)
    for alias in aliases:
        child(work, "FRBRalias", value=alias, name="draftSymbol")
    child(work, "FRBRdate", date=names.date, name="publication")
    for author in authors:
        child(work, "FRBRauthor", href=author.href, **{"as": author.role})
    child(work, "FRBRcountry", value="un")
    child(work, "FRBRsubtype", value=subtype)
    child(work, "FRBRnumber", value=akn_number(number), showAs=shown)
    expression = child(ident, "FRBRExpression")
    child(expression, "FRBRthis", value=f"{names.expression}/{part}")
    child(expression, "FRBRuri", value=names.expression)
    child(expression, "FRBRdate", date=names.date, name="publication")
    child(expression, "FRBRauthor", href=authors[0].href, **{"as": authors[0].role})
    child(expression, "FRBRlanguage", language=LANGUAGE)
    manifestation = child(ident, "FRBRManifestation")
    child(manifestation, "FRBRthis", value=f"{names.expression}/{part}.xml")
    child(manifestation, "FRBRuri", value=f"{names.expression}/.xml")
    child(manifestation, "FRBRdate", date=names.date, name="markup")
    child(manifestation, "FRBRauthor", href=SOURCE, **{"as": authors[0].role})
    child(manifestation, "FRBRformat", value="xml")
    return ident


def tlc(parent: ET.Element, kind: str, eid: str, path: str, shown: str) -> None:
    """A Top Level Class of ``references``: ``TLCOrganization eId=… href=/akn/ontology/…``."""
    child(parent, f"TLC{kind}", eId=eid, href=f"/akn/ontology/{kind.lower()}/{path}",
          showAs=shown)


def meeting_name(committee: str, number: int, plenary: bool, date: dt.date | None) -> str:
    """``Third Committee, 45th meeting, 4 November 2022``."""
    body = "General Assembly" if plenary else committee
    kind = "plenary meeting" if plenary else "meeting"
    when = f", {date.day} {date:%B %Y}" if date else ""
    return f"{body}, {ordinal(number)} {kind}{when}"


def meeting_eid(number: int, plenary: bool) -> str:
    """``meeting_45``, or ``plenary_3`` for a plenary meeting of the Assembly."""
    return f"{'plenary' if plenary else 'meeting'}_{number}"


def publication_meta(report: Report, names: Naming,
                     meetings: list[MeetingEntry]) -> ET.Element:
    """``meta`` of the publication: identification, who and which meetings, its date."""
    body, body_name = author(report)
    meta = node("meta")
    meta.append(identification(names, "main", "publication", str(report.symbol),
                               str(report.symbol), [Author(f"#{body}", "#author")]))
    lifecycle = child(meta, "lifecycle", source=SOURCE)
    child(lifecycle, "eventRef", eId="publication", date=names.date, source="#original",
          type="generation")
    refs = child(meta, "references", source=SOURCE)
    child(refs, "original", eId="original", href=names.work, showAs=str(report.symbol))
    tlc(refs, "Organization", "un-ga", "un/un-ga", "General Assembly")
    if body != "un-ga":
        tlc(refs, "Organization", body, f"un/{body}", body_name)
    tlc(refs, "Organization", "unreport", "unreport", "unreport (this markup)")
    if report.rapporteur:
        tlc(refs, "Person", "rapporteur", f"un/{slug(report.rapporteur.name)}",
             report.rapporteur.name)
        tlc(refs, "Role", "rapporteurRole", "un/rapporteur", "Rapporteur")
    tlc(refs, "Role", "author", "un/author", _ROLES["author"])
    for entry in meetings:
        eid = meeting_eid(entry.number, entry.plenary)
        tlc(refs, "Event", eid, f"un/{'un-ga' if entry.plenary else body}/{eid}",
             meeting_name(report.committee, entry.number, entry.plenary, entry.date))
    return meta


def report_meta(report: Report, names: Naming, prefix: str) -> ET.Element:
    """``meta`` of the report's own text (a component of the publication)."""
    body = actor(report.committee)
    meta = node("meta")
    meta.append(identification(names, prefix, "report", str(report.symbol), str(report.symbol),
                               [Author(f"#{prefix}__{body}", f"#{prefix}__author")]))
    refs = child(meta, "references", source=SOURCE)
    child(refs, "original", eId=f"{prefix}__original",
          href=f"{names.work}/{names.component(prefix)}", showAs=f"{report.symbol}, report")
    tlc(refs, "Organization", f"{prefix}__{body}", f"un/{body}", report.committee)
    tlc(refs, "Role", f"{prefix}__author", "un/author", _ROLES["author"])
    return meta


def _sponsors(proposal: Proposal) -> list[tuple[str, str]]:
    """(name, role) of everyone behind a draft, in the report's order."""
    people = [(name, "originalSponsor") for name in proposal.sponsors.original]
    people += [(name, "subsequentSponsor") for name in proposal.sponsors.subsequent]
    people += [(name, "sponsorAtMeeting") for name in proposal.sponsors.at_meeting]
    sponsors = set(proposal.sponsors.all())
    people += [(name, "submitter") for name in proposal.submitted_by if name not in sponsors]
    if proposal.on_behalf_of:
        people.append((proposal.on_behalf_of, "onBehalfOf"))
    if proposal.recommended_by:
        people.append((proposal.recommended_by, "recommendedBy"))
    return people


def draft_meta(report: Report, names: Naming, prefix: str, title: str,
               proposal: Proposal | None, number: str | None = None,
               subtype: str = "deliberation") -> ET.Element:
    """``meta`` of a text: its Work, sponsors, meetings and adoption — a draft resolution
    of a report (its ``proposal``), or a resolution, draft or amendments document (the
    sponsors its masthead names; a resolution's plenary meeting). ``number`` is the Work's
    number (a draft's roman number, read from ``prefix``, when not given)."""
    body, body_name = author(report)
    people = (_sponsors(proposal) if proposal
              else [(name, "originalSponsor") for name in report.sponsors])
    authors = [Author(f"#{prefix}__{body}", f"#{prefix}__author")]
    authors += [Author(f"#{org_eid(prefix, name)}", f"#{prefix}__{role}") for name, role in people]
    aliases = (str(proposal.draft_symbol),) if proposal else ()
    number = number or prefix.removeprefix("dr_")
    meta = node("meta")
    meta.append(identification(names, prefix, subtype, number, number, authors, aliases))
    meetings = list({(m.number, m.plenary): m for m in (proposal.meetings if proposal else ())}
                    .values()) or _plenary(report)
    adoption = _adoption(proposal) if proposal else next(iter(meetings), None)
    if any(m.date for m in meetings):
        lifecycle = child(meta, "lifecycle", source=SOURCE)
        for meeting in meetings:
            if meeting.date:
                eid = meeting_eid(meeting.number, meeting.plenary)
                child(lifecycle, "eventRef", eId=f"{prefix}__event_{eid}",
                      date=meeting.date.isoformat(), source=f"#{prefix}__original",
                      refersTo=f"#{prefix}__{eid}",
                      type="generation" if meeting == adoption else None)
    if proposal and adoption and adoption.date:
        workflow = child(meta, "workflow", source=SOURCE)
        child(workflow, "step", date=adoption.date.isoformat(), by=f"#{prefix}__{body}",
              outcome=f"#{prefix}__outcome",
              refersTo=f"#{prefix}__{meeting_eid(adoption.number, adoption.plenary)}")
    refs = child(meta, "references", source=SOURCE)
    child(refs, "original", eId=f"{prefix}__original",
          href=f"{names.work}/{names.component(prefix)}", showAs=title)
    tlc(refs, "Organization", f"{prefix}__{body}", f"un/{body}", body_name)
    organizations: dict[str, str] = {}
    for name, _ in people:  # one entry per eId, even for two spellings of one name
        organizations.setdefault(org_eid(prefix, name), name)
    for eid, name in organizations.items():
        tlc(refs, "Organization", eid, f"un/{eid.rsplit('__org_', 1)[1]}", name)
    for role in ["author", *dict.fromkeys(role for _, role in people)]:
        tlc(refs, "Role", f"{prefix}__{role}", f"un/{role}", _ROLES[role])
    for meeting in meetings:
        eid = meeting_eid(meeting.number, meeting.plenary)
        tlc(refs, "Event", f"{prefix}__{eid}", f"un/{'un-ga' if meeting.plenary else body}/{eid}",
             meeting_name(report.committee, meeting.number, meeting.plenary, meeting.date))
    if proposal and adoption:
        tlc(refs, "Concept", f"{prefix}__outcome", f"un/{_outcome(proposal)[0]}",
             _outcome(proposal)[1])
    return meta


def org_eid(prefix: str, name: str) -> str:
    """eId of a State or group in a component: ``dr_V__org_cote-divoire``."""
    return f"{prefix}__org_{slug(name) or 'unnamed'}"


def _plenary(report: Report) -> list[Meeting]:
    """The plenary meeting at which a resolution was adopted, if it says."""
    adoption = report.adoption
    if adoption is None or adoption.meeting is None:
        return []
    return [Meeting(adoption.meeting, adoption.date, plenary=True)]


def _adoption(proposal: Proposal | None) -> Meeting | None:
    """The meeting at which the Committee adopted the draft, if the report says."""
    if proposal is None or not proposal.adopted:
        return None
    return next((m for m in proposal.meetings if m.number == proposal.adopted_at), None)


def _outcome(proposal: Proposal) -> tuple[str, str]:
    """The Committee's decision as a concept name and its wording."""
    if proposal.vote is None:
        return "adoptedWithoutVote", "Adopted without a vote"
    vote = proposal.vote
    kind = "recorded vote" if vote.recorded else "vote"
    abstentions = "abstention" if vote.abstain == 1 else "abstentions"
    return ("adoptedByRecordedVote" if vote.recorded else "adoptedByVote",
            f"Adopted by a {kind} of {vote.yes} to {vote.no}, "
            f"with {vote.abstain} {abstentions}")


def editorial_notes(meta: ET.Element, notes: list[tuple[str, str]]) -> None:
    """Add unreport's own notes (``note``, not ``authorialNote``) at their place in ``meta``."""
    if not notes:
        return
    block = node("notes", source=SOURCE)
    for eid, text in notes:
        note = child(block, "note", eId=eid)
        child(note, "p", text)
    # meta's order: …, references, notes, proprietary, presentation.
    position = len(meta)
    for index, element in enumerate(meta):
        if element.tag in ("proprietary", "presentation"):
            position = index
            break
    meta.insert(position, block)
