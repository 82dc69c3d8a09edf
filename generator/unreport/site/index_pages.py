"""Index pages: what each paragraph cites and who sponsored what (meetings: ``meetings.py``).

Every entry has its own anchor so that it can be linked to
(``references.html#ga-resolution-76-181``, ``sponsors.html#kenya``,
``meetings.html#meeting-51``).
"""

from __future__ import annotations

import unicodedata

from unreport import addresses
from unreport.addresses import slug
from unreport.model import Report
from unreport.references.layer import KIND_TITLES, ReferenceLayer, entry_anchor
from unreport.site.markdown_text import boxed_table, escape, html_text, link_target
from unreport.site.votes import RecordedVote, counts, recorded_votes
from unreport.text.states import is_state, straight
from unreport.text.typography import curly_quotes

ROLES = {
    "original": "original sponsor",
    "subsequent": "joined subsequently",
    "at_meeting": "joined at the meeting",
    "on_behalf": "submitted on behalf of a group",
}


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


def _mark(role: str, label: bool = True) -> str:
    """One sponsorship as a shape of one size drawn by CSS; named for screen readers."""
    name = f' role="img" aria-label="{ROLES[role]}"' if label else ' aria-hidden="true"'
    return f'<span class="unr-mark unr-mark--{role.replace("_", "-")}"{name}></span>'


def _matrix(table: dict[str, dict[str, str]], numbers: list[str],
            counts: dict[str, int]) -> list[str]:
    """The States × drafts matrix as an HTML table in a scrolling box.

    HTML rather than a Markdown table so that the State is a row header and the
    header row and State column can stay in view (``unreport.css``); the column
    headers are Markdown links (md_in_html) so that MkDocs resolves them.
    """
    head = "".join(f'<th scope="col" markdown="span">[{n}](draft-resolutions/{n.lower()}.md)'
                   "</th>" for n in numbers)
    rows = ['<div class="unr-matrix" markdown="1">',
            '<table class="unr-matrix__table" markdown="1" aria-label="States (rows) and the '
            'draft resolutions they sponsored (columns)">',
            f'<thead markdown="1"><tr markdown="1"><th scope="col">State</th>{head}'
            '<th scope="col">Total</th></tr></thead>', "<tbody>"]
    for name, roles in table.items():
        cells = _cells([_mark(roles[n]) if n in roles else "" for n in numbers])
        rows.append(f'<tr><th scope="row"><a href="#{slug(name)}">'
                    f"{html_text(curly_quotes(name))}</a></th>{cells}<td>{len(roles)}</td></tr>")
    totals = "".join(f"<td>{counts.get(n, 0)}</td>" for n in numbers)
    rows += ["</tbody>", f'<tfoot><tr><th scope="row">Total</th>{totals}'
             f"<td>{sum(len(r) for r in table.values())}</td></tr></tfoot>",
             "</table>", "</div>", ""]
    return rows


VOTED = {"in_favour": ("Y", "in favour"), "against": ("N", "against"),
         "abstaining": ("A", "abstaining")}
"""How a State voted: the letter a cell of the votes table shows, and its words."""


def _how(name: str, vote: RecordedVote) -> str | None:
    """``in_favour``, ``against``, ``abstaining``, or None where the lists do not name it."""
    groups = (("in_favour", vote.vote.in_favour), ("against", vote.vote.against),
              ("abstaining", vote.vote.abstaining))
    return next((how for how, names in groups if name in names), None)


def _votes_section(votes: list[RecordedVote], sponsors: set[str]) -> list[str]:
    """Every recorded vote, numbered, then the States × votes table: one narrow column per
    vote, a letter per cell (Y in favour, N against, A abstaining; empty where the State is
    not listed), in the same scrolling box as the sponsorships, so it reads on a phone. A
    State that sponsored a draft links to its entry below."""
    if not votes:
        return []
    parts = ["## How each State voted {#votes}", "",
             "The recorded votes of the report, numbered as the table’s columns: Y in favour, "
             "N against, A abstaining; an empty cell: not listed in that vote (absent, or not "
             "voting).", ""]
    for number, vote in enumerate(votes, start=1):
        outcome = f", {vote.outcome}" if vote.outcome else ""
        where = f" (para. {vote.paragraph})" if vote.paragraph else ""
        parts.append(f"**{number}.** Vote on {vote.what}{outcome}: {counts(vote.vote)}{where}\n"
                     f"{{: #vote-{number} .unr-entry }}\n")
    states = sorted({name for vote in votes for name in (*vote.vote.in_favour,
                                                          *vote.vote.against,
                                                          *vote.vote.abstaining)},
                    key=sort_key)
    head = "".join(f'<th scope="col"><a href="#vote-{n}" aria-label="Vote {n}">{n}</a></th>'
                   for n in range(1, len(votes) + 1))
    rows = ['<div class="unr-matrix" markdown="1">',
            '<table class="unr-matrix__table" aria-label="States (rows) and how they voted '
            'in each recorded vote (columns)">',
            f'<thead><tr><th scope="col">State</th>{head}</tr></thead>', "<tbody>"]
    for name in states:
        shown = html_text(curly_quotes(name))
        header = f'<a href="#{slug(name)}">{shown}</a>' if name in sponsors else shown
        cells = []
        for vote in votes:
            how = _how(name, vote)
            letter, words = VOTED[how] if how else ("", "")
            cells.append(f'<span aria-hidden="true">{letter}</span>'
                         f'<span class="unr-sr">{words}</span>' if how else "")
        rows.append(f'<tr><th scope="row">{header}</th>{_cells(cells)}</tr>')
    rows += ["</tbody>", "</table>", "</div>", ""]
    return parts + rows


def _state_votes(name: str, votes: list[RecordedVote]) -> str:
    """`` — votes: in favour in 1, 2; against in 3`` for a State's entry (its votes by the
    numbers of the votes table), or ``""``."""
    by_how: dict[str, list[str]] = {}
    for number, vote in enumerate(votes, start=1):
        how = _how(name, vote)
        if how:
            by_how.setdefault(how, []).append(f"[{number}](#vote-{number})")
    said = "; ".join(f"{VOTED[how][1]} in {', '.join(numbers)}"
                     for how, numbers in by_how.items())
    return f" — recorded votes: {said}" if said else ""


def _cells(contents: list[str]) -> str:
    """Table cells; a run of empty ones is one cell spanning them (fewer elements in a
    large matrix, where most States sponsored few drafts)."""
    out: list[str] = []
    empty = 0
    for content in [*contents, None]:
        if content == "":
            empty += 1
            continue
        if empty:
            out.append("<td></td>" if empty == 1 else f'<td colspan="{empty}"></td>')
            empty = 0
        if content is not None:
            out.append(f"<td>{content}</td>")
    return "".join(out)


def statements_by_state(report: Report) -> dict[str, list[str]]:
    """``{State: ["draft resolution V (after adoption)", …]}``: the States (not officers
    or groups) that made a statement on a draft, as section II records it."""
    said: dict[str, list[str]] = {}
    for proposal in report.proposals:
        text = report.find_resolution(proposal.draft_resolution or "")
        draft = (f"[draft resolution {text.number}]({addresses.draft_page(text.slug)})"
                 if text else f"draft resolution {escape(str(proposal.draft_symbol))}")
        for statement in proposal.statements:
            if is_state(statement.speaker):
                said.setdefault(statement.speaker, []).append(
                    f"{draft} ({statement.timing} adoption)")
    return said


def _letters(names: list[str]) -> str:
    """``A · B · C …``: links to the first State of each letter in the list."""
    first: dict[str, str] = {}
    for name in names:
        first.setdefault(sort_key(name)[:1].upper(), name)
    return " · ".join(f"[{letter}](#{slug(name)})" for letter, name in first.items())


def document_sponsors_page(report: Report) -> str:
    """``sponsors.md`` of a draft or amendments: the States its masthead names, each with an
    anchor (``sponsors.html#italy``) like the sponsors of a report's drafts."""
    what = "the draft resolution" if report.kind == "draft" else "the amendments"
    count = len(report.sponsors)
    parts = ["---", "title: Sponsors", "---", "", "# Sponsors {#sponsors}", "",
             f"{escape(str(report.symbol))} names {count} sponsor{'s' * (count != 1)} in its "
             f"masthead, who submitted [{what}]({addresses.HOME}).", ""]
    for name in sorted(report.sponsors, key=sort_key):
        parts.append(f"**{escape(curly_quotes(name))}**: sponsor of [{what}]({addresses.HOME})\n"
                     f"{{: #{slug(name)} .unr-entry }}\n")
    return "\n".join(parts)


def sponsors_page(report: Report) -> str:
    """``sponsors.md``: the count per draft, the States × drafts matrix, each State's list;
    for a draft or amendments, the States their masthead names."""
    if report.kind != "report":
        return document_sponsors_page(report)
    table = sponsorships(report)
    numbers = [r.number for r in report.resolutions]
    votes = recorded_votes(report)
    counts: dict[str, int] = {}
    voted = " · [how each State voted](#votes)" if votes else ""
    parts = ["---", "title: Sponsors", "---", "", "# Sponsors {#sponsors}", "",
             f"{len(table)} States sponsored the draft resolutions of "
             f"{escape(str(report.symbol))}. Drafts submitted by the Chair on the "
             "recommendation of the Economic and Social Council have no sponsors (0).", "",
             "On this page: [sponsors per draft](#per-draft) · [the table of States and "
             f"drafts](#states){voted} · [each State’s sponsorships, A–Z](#each-state)", "",
             "## Sponsors per draft resolution {#per-draft}", ""]
    rows = ["| Draft resolution | Draft | Original | Joined subsequently | Joined at the meeting "
            "| Total |", "|---|---|--:|--:|--:|--:|"]
    for resolution in report.resolutions:
        proposal = report.proposal_for(resolution.number)
        if proposal is None:
            continue
        s = proposal.sponsors
        counts[resolution.number] = s.count
        behalf = (f" (on behalf of the {escape(curly_quotes(proposal.on_behalf_of))})"
                  if proposal.on_behalf_of else "")
        rows.append(f"| [{resolution.number}](draft-resolutions/{resolution.slug}.md) | "
                    f"{escape(str(proposal.draft_symbol))} | {len(s.original)}{behalf} | "
                    f"{len(s.subsequent)} | {len(s.at_meeting)} | {s.count} |")
    parts += boxed_table(rows)
    legend = " ".join(f"{_mark(k, label=False)} {v}" for k, v in ROLES.items())
    parts += ["", "## States and drafts {#states}", "",
              f"{legend}\n{{: .unr-legend }}", ""]
    parts += _matrix(table, numbers, counts)
    # States that voted in a recorded vote or spoke on a draft have an entry too.
    voters = {name for v in votes
              for name in (*v.vote.in_favour, *v.vote.against, *v.vote.abstaining)}
    spoke = statements_by_state(report)
    sponsors = {straight(n) for n in table}
    names = sorted(set(table) | (voters - sponsors) | (set(spoke) - sponsors - voters),
                   key=sort_key)
    parts += _votes_section(votes, set(names))
    parts += ["## Each State {#each-state}", "", _letters(names) + "\n{: .unr-letters }",
              ""]
    for name in names:
        roles = table.get(name, {})
        entries = "; ".join(f"[draft resolution {n}](draft-resolutions/{n.lower()}.md) "
                            f"({ROLES[role]})" for n, role in roles.items()) or "no sponsorship"
        entries += _state_votes(name, votes)
        if spoke.get(name):
            entries += " — spoke on " + "; ".join(spoke[name])
        parts.append(f"**{escape(curly_quotes(name))}** ({len(roles)}): {entries}\n"
                     f"{{: #{slug(name)} .unr-entry }}\n")
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
