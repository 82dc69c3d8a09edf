"""Stage 5, render: the ``Report`` model to ``{path: Markdown}`` for every page.

Pages are plain Markdown with standard extensions (attr_list, admonition,
pymdownx.details, pymdownx.caret, tables, toc), so any MkDocs-compatible
builder can read them. Every paragraph is a Markdown paragraph with an
attribute list that gives its public anchor; its number links to itself. All
report text passes through ``markdown_text.escape``.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.markdown_text import attribute, escape, escape_block
from generator.model import (
    DraftResolution,
    Note,
    NoteRef,
    Operative,
    Proposal,
    Report,
    ReportParagraph,
    SubParagraph,
)
from generator.typography import opening_words

LONG_DATE = "%-d %B %Y"


def _date(value: object) -> str:
    return value.strftime(LONG_DATE) if hasattr(value, "strftime") else "unknown date"


def inline(text: str, notes: Iterable[NoteRef], defined: set[int], *,
           italic_opening: bool = False) -> str:
    """Escaped ``text`` with footnote marks linked to their notes."""
    marks = sorted(notes, key=lambda n: n.offset)
    italic_end = opening_words(text) if italic_opening else 0
    out: list[str] = []
    seen: dict[int, int] = {}
    cuts = sorted({0, italic_end, len(text), *(m.offset for m in marks)})
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[start:end])
        if start == 0 and italic_end and end == italic_end:
            piece = f"*{piece}*"
        out.append(piece)
        out.extend(_mark(m.number, defined, seen) for m in marks if m.offset == end)
    return "".join(out)


def _mark(number: int, defined: set[int], seen: dict[int, int]) -> str:
    seen[number] = seen.get(number, 0) + 1
    if number not in defined:
        return f"^{number}^"
    suffix = "" if seen[number] == 1 else f"-{seen[number]}"
    return f"[^{number}^](#fn-{number}){{#fnref-{number}{suffix} .unr-fnref}}"


def paragraph(label: str, anchor: str, body: str, cite: str, classes: str = "") -> str:
    """A paragraph with its number linked to itself and its public anchor."""
    number = f"[{escape(label)}](#{anchor}){{.unr-num}}" if label else ""
    permalink = f"[¶](#{anchor}){{.unr-permalink title=\"Link to this paragraph\"}}"
    return (f"{number} {body} {permalink}\n"
            f"{{: #{anchor} .unr-para {classes} data-cite=\"{attribute(cite)}\" }}\n")


def _sub(sub: SubParagraph, defined: set[int], cite: str, depth: int = 1) -> list[str]:
    body = inline(sub.text, sub.notes, defined)
    classes = f".unr-sub .unr-sub-{depth}"
    parts = [paragraph(f"({sub.label})", sub.anchor, body, f"{cite} ({sub.label})", classes)]
    for child in sub.subparagraphs:
        parts.extend(_sub(child, defined, f"{cite} ({sub.label})", depth + 1))
    return parts


def notes_section(notes: tuple[Note, ...], marked_numbers: set[int]) -> str:
    """The notes of one numbering scope, with their printed numbers."""
    if not notes:
        return ""
    parts = ["## Notes {#notes}\n"]
    for note in notes:
        if note.number in marked_numbers:
            number = (f"[{note.number}](#fnref-{note.number})"
                      "{.unr-note-num title=\"Back to the text\"}")
            lost = ""
        else:
            number = f"{note.number}"
            lost = " *(no mark for this note survives in the report's text)*{.unr-lost}"
        parts.append(f"{number} {escape(note.text)}{lost}\n{{: #fn-{note.number} .unr-note }}\n")
    return "\n".join(parts)


def _marked(refs: Iterable[NoteRef]) -> set[int]:
    return {r.number for r in refs}


def _all_refs_of_resolution(resolution: DraftResolution) -> list[NoteRef]:
    refs: list[NoteRef] = []
    for pp in resolution.preambular:
        refs.extend(pp.notes)
    for op in resolution.operative:
        refs.extend(op.notes)
        refs.extend(n for s in _walk(op.subparagraphs) for n in s.notes)
    return refs


def _walk(subs: tuple[SubParagraph, ...]) -> list[SubParagraph]:
    out: list[SubParagraph] = []
    for sub in subs:
        out.append(sub)
        out.extend(_walk(sub.subparagraphs))
    return out


def _names(names: Iterable[str]) -> str:
    return ", ".join(escape(n) for n in names) or "none"


def facts_box(report: Report, proposal: Proposal | None) -> str:
    """How the draft was adopted and who sponsored it."""
    if proposal is None:
        return ("!!! warning \"Not found in the report\"\n\n    The report's section II does "
                "not say how this draft was handled.\n")
    rows = [f"| Draft | [{escape(str(proposal.draft_symbol))}]({proposal.draft_symbol.url}) |",
            "|---|---|"]
    when = meeting_phrase(proposal, proposal.adopted_at)
    where = (f"[report, paragraphs {proposal.paragraphs[0]}–{proposal.paragraphs[-1]}]"
             f"(../index.md#section-ii-{proposal.letter.lower()})")
    action = "Adopted" if proposal.adopted else "Not adopted"
    vote = (f", recorded vote {proposal.vote.yes}–{proposal.vote.no}–{proposal.vote.abstain}"
            if proposal.vote else "")
    rows.append(f"| Action | {action} by the {escape(report.committee)}"
                f"{' at its ' + when if when else ''}{vote} ({where}) |")
    if proposal.recommended_by:
        rows.append(f"| Recommended by | {escape(proposal.recommended_by)} "
                    f"({escape(proposal.recommendation or '')}) |")
    submitted = _names(proposal.submitted_by)
    if proposal.on_behalf_of:
        submitted += f", on behalf of the {escape(proposal.on_behalf_of)}"
    rows.append(f"| Submitted by | {submitted} |")
    sponsors = proposal.sponsors
    rows.append(f"| Sponsors | {sponsors.count} |")
    lines = ["!!! info \"How the Committee adopted it\"", ""]
    lines += [f"    {row}" for row in rows]
    groups = (("Original sponsors", sponsors.original),
              ("Joined in sponsoring subsequently", sponsors.subsequent),
              ("Joined in sponsoring at the meeting", sponsors.at_meeting))
    for title, names in groups:
        if names:
            lines += ["", f"    **{title} ({len(names)}):** {_names(names)}"]
    if proposal.statements:
        said = "; ".join(f"{escape(s.speaker)} ({s.timing} adoption)"
                         for s in proposal.statements)
        lines += ["", f"    **Statements:** {said}"]
    return "\n".join(lines) + "\n"


def ordinal(value: int) -> str:
    """``45`` → ``45th``, ``51`` → ``51st``."""
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def meeting_phrase(proposal: Proposal, number: int | None) -> str:
    """``50th meeting, on 15 November 2022`` for a meeting of ``proposal``."""
    if number is None:
        return ""
    meeting = next((m for m in proposal.meetings if m.number == number), None)
    date = f", on {_date(meeting.date)}" if meeting and meeting.date else ""
    return f"{ordinal(number)} meeting{date}"


def resolution_page(report: Report, resolution: DraftResolution) -> str:
    """The page of one draft resolution."""
    defined = {n.number for n in resolution.notes}
    marked = _marked(_all_refs_of_resolution(resolution))
    cite = f"{report.symbol}, draft resolution {resolution.number}"
    parts = [
        "---",
        f"title: Draft resolution {resolution.number}",
        "---",
        "",
        f"# Draft resolution {resolution.number} {{#draft-resolution-{resolution.slug}}}",
        "",
        f"{escape_block(resolution.title)}\n{{: .unr-dr-title }}",
        "",
        facts_box(report, report.proposal_for(resolution.number)),
        "*The General Assembly,*\n{: .unr-assembly }",
        "",
    ]
    for pp in resolution.preambular:
        body = inline(pp.text, pp.notes, defined, italic_opening=True)
        parts.append(paragraph(f"PP{pp.number}", pp.anchor, body,
                               f"{cite}, preambular paragraph {pp.number}", ".unr-pp"))
    for op in resolution.operative:
        parts.extend(_operative(op, defined, f"{cite}, operative paragraph {op.number}"))
    parts.append(notes_section(resolution.notes, marked))
    return "\n".join(parts)


def _operative(op: Operative, defined: set[int], cite: str) -> list[str]:
    body = inline(op.text, op.notes, defined, italic_opening=True)
    parts = [paragraph(f"{op.number}.", op.anchor, body, cite, ".unr-op")]
    for sub in op.subparagraphs:
        parts.extend(_sub(sub, defined, cite))
    return parts


def _report_paragraph(report: Report, para: ReportParagraph, defined: set[int]) -> list[str]:
    cite = f"{report.symbol}, paragraph {para.number}"
    parts = [paragraph(f"{para.number}.", para.anchor, inline(para.text, para.notes, defined),
                       cite, ".unr-report")]
    for item in para.items:
        parts.extend(_sub(item, defined, cite))
    return parts


def _resolution_table(report: Report) -> str:
    lines = ["| No. | Title | Draft | Adopted | Sponsors |", "|---|---|---|---|---|"]
    for resolution in report.resolutions:
        proposal = report.proposal_for(resolution.number)
        draft = (f"[{escape(str(proposal.draft_symbol))}]({proposal.draft_symbol.url})"
                 if proposal else "")
        meeting = meeting_phrase(proposal, proposal.adopted_at) if proposal else ""
        sponsors = str(proposal.sponsors.count) if proposal else ""
        lines.append(f"| [{resolution.number}](draft-resolutions/{resolution.slug}.md) | "
                     f"[{escape(resolution.title)}](draft-resolutions/{resolution.slug}.md) | "
                     f"{draft} | {meeting} | {sponsors} |")
    return "\n".join(lines) + "\n"


def home_page(report: Report, json_name: str) -> str:
    """The report itself: masthead facts, the draft resolutions, paragraphs 1–N, notes."""
    defined = {n.number for n in report.notes}
    marked = _marked([n for p in report.paragraphs for n in p.notes]
                     + [n for p in report.paragraphs for i in _walk(p.items) for n in i.notes])
    rapporteur = (f"{escape(report.rapporteur.name)} ({escape(report.rapporteur.country)})"
                  if report.rapporteur else "not named")
    facts = [
        f"| Symbol | [{escape(str(report.symbol))}]({report.symbol.url}) (official PDF) |",
        "|---|---|",
        f"| Date | {_date(report.date)} |",
        f"| Session | {report.session or 'not given'} |",
        f"| Agenda item | {report.agenda_item or 'not given'} |",
        f"| Committee | {escape(report.committee)} |",
        f"| Rapporteur | {rapporteur} |",
        f"| Data | [{json_name}]({json_name}) (every paragraph, note and sponsor as JSON) |",
    ]
    parts = [
        "---",
        f"title: {attribute(str(report.symbol))}",
        "---",
        "",
        f"# {escape_block(report.title)} {{#report}}",
        "",
        f"**Report of the {escape(report.committee)}**\n{{: .unr-subtitle }}",
        "",
        "\n".join(facts),
        "",
        "## Draft resolutions {#draft-resolutions}",
        "",
        _resolution_table(report),
    ]
    for section in report.sections:
        heading = f"{escape(section.number)}. {escape(section.title)}"
        parts.append(f"## {heading} {{#{section.anchor}}}\n")
        in_section = [p for p in report.paragraphs if p.section == section.number]
        subsection = None
        for para in in_section:
            if para.subsection != subsection:
                if subsection is not None:
                    parts.append(_subsection_footer(report, subsection))
                subsection = para.subsection
                if subsection is not None:
                    heading = next(s.title for s in section.subsections if s.letter == subsection)
                    parts.append(f"### {escape(subsection)}. {escape(heading)} "
                                 f"{{#{section.anchor}-{subsection.lower()}}}\n")
            parts.extend(_report_paragraph(report, para, defined))
        if subsection is not None:
            parts.append(_subsection_footer(report, subsection))
        if section is report.sections[-1] and report.resolutions:
            parts.append("".join(f"- [Draft resolution {r.number}: {escape(r.title)}]"
                                 f"(draft-resolutions/{r.slug}.md)\n" for r in report.resolutions))
    parts.append(notes_section(report.notes, marked))
    return "\n".join(parts)


def _subsection_footer(report: Report, letter: str) -> str:
    proposal = next((p for p in report.proposals if p.letter == letter), None)
    if not proposal or not proposal.draft_resolution:
        return ""
    known = {r.number for r in report.resolutions}
    if proposal.draft_resolution not in known:
        return ""
    slug = proposal.draft_resolution.lower()
    return (f"[Read draft resolution {proposal.draft_resolution} →]"
            f"(draft-resolutions/{slug}.md){{.md-button .unr-to-draft}}\n")


def render(report: Report) -> dict[str, str]:
    """Every generated page: ``{path relative to docs: Markdown}``."""
    json_name = f"{report.symbol.slug}.json"
    pages = {"index.md": home_page(report, json_name)}
    for resolution in report.resolutions:
        pages[f"draft-resolutions/{resolution.slug}.md"] = resolution_page(report, resolution)
    return pages


def nav(report: Report) -> list[object]:
    """Site navigation: the report, its draft resolutions, the index pages present."""
    drafts = [{f"{r.number}. {r.title[:60]}{'…' if len(r.title) > 60 else ''}":
               f"draft-resolutions/{r.slug}.md"} for r in report.resolutions]
    return [{"Report": "index.md"}, {"Draft resolutions": drafts}]
