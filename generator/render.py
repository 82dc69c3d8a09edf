"""Stage 5, render: the ``Report`` model to ``{path: Markdown}`` for every page.

Pages are plain Markdown with standard extensions (attr_list, admonition,
pymdownx.details, pymdownx.caret, tables, toc), so any MkDocs-compatible
builder can read them. Every paragraph is a Markdown paragraph with an
attribute list that gives its public anchor; its number links to itself.
Citations found by the reference layer are linked. All report text passes
through ``markdown_text.escape``.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .crossrefs import ReferenceLayer, build_layer, entry_anchor
from .indexes import references_page, slug, sponsors_page
from .mandates import MandateLayer, build_mandates
from .mandates_page import mandate_label, mandates_page
from .markdown_text import attribute, boxed_table, escape, escape_block, html_text, link_target
from .masthead import ordinal
from .meetings import meetings_page
from .model import (
    DraftResolution,
    Note,
    NoteRef,
    Operative,
    Proposal,
    Report,
    ReportParagraph,
    SubParagraph,
)
from .typography import curly_quotes, opening_words


def long_date(value: dt.date | None) -> str:
    """``30 November 2022``."""
    return f"{value.day} {value:%B %Y}" if value else "date not given"


@dataclass(frozen=True)
class Link:
    """A span of a text to be linked."""

    start: int
    """Offset where the linked text starts."""
    end: int
    """Offset where it ends."""
    target: str
    """Where it points: a URL, or a path relative to the page."""


def relative(target: str, page: str) -> str:
    """A site path (``draft-resolutions/i.md#op-1``) as seen from ``page``; URLs unchanged."""
    if "://" in target:
        return link_target(target)
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class Page:
    """What rendering one page needs besides the element itself."""

    path: str
    """The page's path in the docs folder."""
    defined: frozenset[int]
    """Note numbers defined in the page's numbering scope."""
    layer: ReferenceLayer
    """Citations of the whole report."""
    labels: dict[str, str] = field(default_factory=dict)
    """Mandate labels (Markdown blocks) of the page's operative paragraphs, by anchor."""

    def links(self, anchor: str) -> list[Link]:
        """Links for the citations in the element ``anchor`` of this page."""
        return [Link(c.reference.start, c.reference.end, relative(c.target, self.path))
                for c in self.layer.in_element(self.path, anchor) if c.target]


def inline(text: str, notes: Iterable[NoteRef], defined: Iterable[int], *,
           italic_opening: bool = False, links: Iterable[Link] = ()) -> str:
    """Escaped ``text`` with footnote marks linked to their notes and citations linked."""
    text = curly_quotes(text)  # one character for one: the offsets below stay valid
    marks = sorted(notes, key=lambda n: n.offset)
    italic_end = opening_words(text) if italic_opening else 0
    usable: list[Link] = []
    for link in sorted(links, key=lambda x: x.start):
        inside = any(link.start < m.offset < link.end for m in marks)
        overlaps = bool(usable and link.start < usable[-1].end) or link.start < italic_end
        if not inside and not overlaps and link.start < link.end <= len(text):
            usable.append(link)
    out: list[str] = []
    seen: dict[int, int] = {}
    known = set(defined)
    cuts = sorted({0, italic_end, len(text), *(m.offset for m in marks),
                   *(x.start for x in usable), *(x.end for x in usable)})
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[start:end])
        if start == 0 and italic_end and end == italic_end:
            piece = f"*{piece}*"
        target = next((x.target for x in usable if x.start == start and x.end == end), None)
        if target:
            piece = f"[{piece}]({target}){{.unr-ref}}"
        out.append(piece)
        out.extend(_mark(m.number, known, seen, m.restored) for m in marks if m.offset == end)
    return "".join(out)


def _mark(number: int, defined: set[int], seen: dict[int, int],
          restored: str | None = None) -> str:
    seen[number] = seen.get(number, 0) + 1
    if number not in defined:
        return f"^{number}^"
    suffix = "" if seen[number] == 1 else f"-{seen[number]}"
    if restored:  # put back by restore.py: looks different and says why
        return (f"[^{number}^](#fn-{number}){{#fnref-{number}{suffix} .unr-fnref "
                f".unr-fnref-restored aria-label=\"Note {number}, mark restored\" "
                f"data-restored=\"{attribute(restored_sentence(restored))}\"}}")
    return (f"[^{number}^](#fn-{number}){{#fnref-{number}{suffix} .unr-fnref "
            f"aria-label=\"Note {number}\"}}")


def restored_sentence(because: str) -> str:
    """What a restored mark's tooltip says: ``Mark restored: the note cites …``."""
    return f"Mark restored: {because}."


def cite_control(name: str) -> str:
    """The paragraph's one tool: a button that offers "copy link" and "copy citation".

    Inline HTML, so that it is in the page for keyboards and screen readers from the
    start; the site's script (one delegated listener) makes it work, and without the
    script it is hidden (``unreport.css``). It comes right after the number, which
    stays the paragraph's link: both are reached by Tab in that order.
    """
    return (f'<button type="button" class="unr-cite" aria-haspopup="menu" '
            f'aria-label="Copy link or citation: {html_text(name)}"></button>')


def paragraph(label: str, anchor: str, body: str, cite: str, classes: str = "",
              name: str = "") -> str:
    """A paragraph with its number linked to itself, its citation tool and its anchor.

    ``cite`` is the full citation (``A/77/464, draft resolution V, operative
    paragraph 12``); ``name`` is what the tool says it cites (``operative
    paragraph 12``), the citation itself when not given.
    """
    number = f"[{escape(label)}](#{anchor}){{.unr-num}}" if label else ""
    return (f"{number}{cite_control(name or cite)} {body}\n"
            f"{{: #{anchor} .unr-para {classes} {length_class(body)} "
            f"data-cite=\"{attribute(cite)}\" }}\n")


_MARKUP = re.compile(r"\]\([^)\s]*\)(?:\{[^}]*\})?|[\[\]*^]|&#\d+;")
LINE_CHARACTERS = 70
"""Characters in a line of a paragraph on a desktop, about (``--unr-measure``)."""
LONGEST_CLASS = 24
"""``unr-l24`` for paragraphs of 24 desktop lines or more (``unreport.css``)."""


def length_class(body: str) -> str:
    """``.unr-l5``: about how many lines the paragraph takes on a desktop.

    The stylesheet turns it into the height the browser assumes for a paragraph it
    has not laid out yet (``content-visibility``), so that the page's length, and
    the scroll position, hardly move when paragraphs come into view. A class, not a
    value per paragraph, so that paragraphs of one length share their style.
    """
    shown = _MARKUP.sub(lambda m: "x" if m.group(0).startswith("&") else "", body)
    lines = -(-len(shown) // LINE_CHARACTERS)
    return f".unr-l{max(1, min(lines, LONGEST_CLASS))}"


def _sub(sub: SubParagraph, page: Page, cite: str, depth: int = 1, name: str = "") -> list[str]:
    body = inline(sub.text, sub.notes, page.defined, links=page.links(sub.anchor))
    here, name = f"{cite} ({sub.label})", f"{name or cite} ({sub.label})"
    parts = [paragraph(f"({sub.label})", sub.anchor, body, here,
                       f".unr-sub .unr-sub-{depth}", name)]
    for child in sub.subparagraphs:
        parts.extend(_sub(child, page, here, depth + 1, name))
    return parts


def notes_section(notes: tuple[Note, ...], page: Page, cite: str) -> str:
    """The notes of one numbering scope, with their printed numbers."""
    if not notes:
        return ""
    parts = ["## Notes {#notes}\n"]
    for note in notes:
        anchor = f"fn-{note.number}"
        text = inline(note.text, (), (), links=page.links(anchor))
        if note.marked:
            number = (f"[{note.number}](#fnref-{note.number})"
                      "{.unr-note-num title=\"Back to the text\"}")
            lost = ""
        elif note.restored:
            number = (f"[{note.number}](#fnref-{note.number})"
                      "{.unr-note-num title=\"Back to the text\"}")
            lost = (f" *(the converter lost this note’s mark; it was [restored in the text]"
                    f"(#fnref-{note.number}) because {escape(curly_quotes(note.restored))})*"
                    "{.unr-restored-remark}")
        else:
            number = f"{note.number}"
            lost = " *(no mark for this note survives in the report’s text)*{.unr-lost}"
        parts.append(f"{number}{cite_control(f'note {note.number}')} {text}{lost}\n"
                     f"{{: #{anchor} .unr-note {length_class(text)} "
                     f"data-cite=\"{attribute(f'{cite}, note {note.number}')}\" }}\n")
    return "\n".join(parts)


def _state_links(names: Iterable[str], prefix: str) -> str:
    return ", ".join(f"[{escape(curly_quotes(n))}]({prefix}sponsors.md#{slug(n)})"
                     for n in names) or "none"


def meeting_phrase(proposal: Proposal, number: int | None) -> str:
    """``50th meeting, on 15 November 2022`` for a meeting of ``proposal``."""
    if number is None:
        return ""
    meeting = next((m for m in proposal.meetings if m.number == number), None)
    date = f", on {long_date(meeting.date)}" if meeting and meeting.date else ""
    return f"{ordinal(number)} meeting{date}"


def facts_box(report: Report, proposal: Proposal | None) -> str:
    """How the draft was adopted and who sponsored it."""
    if proposal is None:
        return ("!!! warning \"Not found in the report\"\n\n    The report’s section II does "
                "not say how this draft was handled.\n")
    when = meeting_phrase(proposal, proposal.adopted_at)
    where = (f"[report, paragraphs {proposal.paragraphs[0]}–{proposal.paragraphs[-1]}]"
             f"(../index.md#section-ii-{proposal.letter.lower()})")
    vote = (f", recorded vote {proposal.vote.yes}–{proposal.vote.no}–{proposal.vote.abstain}"
            if proposal.vote else "")
    rows = [f"| Draft | [{escape(str(proposal.draft_symbol))}]({proposal.draft_symbol.url}) |",
            "|---|---|",
            f"| Action | {'Adopted' if proposal.adopted else 'Not adopted'} by the "
            f"{escape(report.committee)}{' at its ' + when if when else ''}{vote} ({where}) |"]
    if proposal.recommended_by:
        rows.append(f"| Recommended by | {escape(proposal.recommended_by)} "
                    f"({escape(proposal.recommendation or '')}) |")
    if proposal.sponsors.original and len(proposal.sponsors.original) > 1:
        submitted = f"the {len(proposal.sponsors.original)} original sponsors listed below"
    elif proposal.sponsors.original:
        submitted = _state_links(proposal.submitted_by, "../")
    else:
        submitted = (", ".join(escape(curly_quotes(n)) for n in proposal.submitted_by)
                     or "not stated")
    if proposal.on_behalf_of:
        submitted += f", on behalf of the {escape(curly_quotes(proposal.on_behalf_of))}"
    rows += [f"| Submitted by | {submitted} |", f"| Sponsors | {proposal.sponsors.count} |"]
    lines = ["!!! info \"How the Committee adopted it\"", ""] + [f"    {row}" for row in rows]
    groups = (("Original sponsors", proposal.sponsors.original),
              ("Joined in sponsoring subsequently", proposal.sponsors.subsequent),
              ("Joined in sponsoring at the meeting", proposal.sponsors.at_meeting))
    for title, names in groups:
        if names:
            lines += ["", f"    **{title} ({len(names)}):** {_state_links(names, '../')}"]
    if proposal.statements:
        said = "; ".join(f"{escape(curly_quotes(s.speaker))} ({s.timing} adoption)"
                         for s in proposal.statements)
        lines += ["", f"    **Statements:** {said}"]
    return "\n".join(lines) + "\n"


def cites_box(page: Page) -> str:
    """A short, collapsed list of what the draft cites, linked to the references page."""
    seen: dict[tuple[str, str], int] = {}
    for citation in page.layer.citations:
        ref = citation.reference
        if citation.element.page == page.path and ref.kind != "internal":
            seen[(ref.kind, ref.id)] = seen.get((ref.kind, ref.id), 0) + 1
    if not seen:
        return ""
    items = ", ".join(f"[{escape(identifier)}](../references.md#{entry_anchor(kind, identifier)})"
                      for kind, identifier in seen)
    return (f"??? abstract unr-search-exclude unr-cites \"Cites {len(seen)} resolutions, "
            "documents and treaties\"\n\n"
            f"    {items}\n")


PREAMBLE_HEADING = "## Preamble {#preamble .unr-part}\n"
OPERATIVE_HEADING = "## Operative part {#operative .unr-part}\n"
"""Headings of a draft's two parts, which the printed text leaves unnamed: they give
the page's table of contents somewhere to lead (``site_overrides/partials/toc.html``
adds a grid of the operative paragraphs under the second one)."""


def resolution_page(report: Report, resolution: DraftResolution, layer: ReferenceLayer,
                    mandates: MandateLayer | None = None) -> str:
    """The page of one draft resolution."""
    labels = {m.anchor: mandate_label(m) for m in (mandates.paragraphs if mandates else ())
              if m.resolution == resolution.number and m.page == resolution.page}
    page = Page(f"draft-resolutions/{resolution.slug}.md",
                frozenset(n.number for n in resolution.notes), layer, labels)
    cite = f"{report.symbol}, draft resolution {resolution.number}"
    parts = [
        "---", f"title: Draft resolution {resolution.number}",
        f"operative: {' '.join(op.anchor for op in resolution.operative)}", "---", "",
        f"# Draft resolution {resolution.number} {{#draft-resolution-{resolution.slug}}}", "",
        f"[{escape(str(report.symbol))}](../index.md) · Report of the "
        f"{escape(report.committee)}\n{{: .unr-source }}", "",
        f"{escape_block(curly_quotes(resolution.title))}\n{{: .unr-dr-title }}", "",
        facts_box(report, report.proposal_for(resolution.number)),
        cites_box(page),
        PREAMBLE_HEADING,
        "*The General Assembly,*\n{: .unr-assembly }", "",
    ]
    for pp in resolution.preambular:
        body = inline(pp.text, pp.notes, page.defined, italic_opening=True,
                      links=page.links(pp.anchor))
        parts.append(paragraph(f"PP {pp.number}", pp.anchor, body,
                               f"{cite}, preambular paragraph {pp.number}", ".unr-pp",
                               f"preambular paragraph {pp.number}"))
    if resolution.operative:
        parts.append(OPERATIVE_HEADING)
    for op in resolution.operative:
        parts.extend(_operative(op, page, cite, f"operative paragraph {op.number}"))
    parts.append(notes_section(resolution.notes, page, cite))
    return "\n".join(parts)


def _operative(op: Operative, page: Page, scope: str, name: str) -> list[str]:
    body = inline(op.text, op.notes, page.defined, italic_opening=True,
                  links=page.links(op.anchor))
    cite = f"{scope}, {name}"
    parts = [paragraph(f"{op.number}.", op.anchor, body, cite, ".unr-op", name)]
    if page.labels.get(op.anchor):
        parts.append(page.labels[op.anchor])
    for sub in op.subparagraphs:
        parts.extend(_sub(sub, page, cite, name=name))
    return parts


def _report_paragraph(report: Report, para: ReportParagraph, page: Page) -> list[str]:
    cite = f"{report.symbol}, paragraph {para.number}"
    body = inline(para.text, para.notes, page.defined, links=page.links(para.anchor))
    name = f"paragraph {para.number}"
    parts = [paragraph(f"{para.number}.", para.anchor, body, cite, ".unr-report", name)]
    for item in para.items:
        parts.extend(_sub(item, page, cite, name=name))
    return parts


def _resolution_table(report: Report) -> str:
    """The drafts table, in a box the stylesheet turns into one card per draft on phones."""
    lines = ["| No. | Title | Draft | Adopted | Sponsors |", "|---|---|---|---|--:|"]
    for resolution in report.resolutions:
        proposal = report.proposal_for(resolution.number)
        draft = (f"[{escape(str(proposal.draft_symbol))}]({proposal.draft_symbol.url})"
                 if proposal else "")
        meeting = meeting_phrase(proposal, proposal.adopted_at) if proposal else ""
        # A count is a number everywhere, 0 included (drafts the Chair submitted for
        # another body have none); "—" only where the report says nothing at all.
        sponsors = str(proposal.sponsors.count) if proposal else "—"
        page = f"draft-resolutions/{resolution.slug}.md"
        lines.append(f"| [{resolution.number}]({page}) | "
                     f"[{escape(curly_quotes(resolution.title))}]({page}) | "
                     f"{draft} | {meeting} | {sponsors} |")
    return "\n".join(boxed_table(lines, "unr-drafts")) + "\n"


def _masthead(report: Report, json_name: str) -> list[str]:
    rapporteur = (f"{escape(report.rapporteur.name)} ({escape(report.rapporteur.country)})"
                  if report.rapporteur else "not named")
    facts = [
        f"| Symbol | [{escape(str(report.symbol))}]({report.symbol.url}) (official PDF) |",
        "|---|---|",
        f"| Date | {long_date(report.date)} |",
        f"| Session | {report.session or 'not given'} |",
        f"| Agenda item | {report.agenda_item or 'not given'} |",
        f"| Committee | {escape(report.committee)} |",
        f"| Rapporteur | {rapporteur} |",
        f"| Data | [{json_name}]({json_name}) (every paragraph, note and sponsor as JSON); "
        "Akoma Ntoso XML and CSV tables: [Data](data.md) |",
    ]
    return ["---", f"title: {attribute(str(report.symbol))}", "---", "",
            f"# {escape_block(curly_quotes(report.title))} {{#report}}", "",
            f"**Report of the {escape(report.committee)}**\n{{: .unr-subtitle }}", "",
            *boxed_table(facts), "", "## Draft resolutions {#draft-resolutions}", "",
            _resolution_table(report)]


def home_page(report: Report, json_name: str, layer: ReferenceLayer) -> str:
    """The report itself: masthead facts, the draft resolutions, paragraphs 1–N, notes."""
    page = Page("index.md", frozenset(n.number for n in report.notes), layer)
    parts = _masthead(report, json_name)
    for section in report.sections:
        heading = f"{escape(section.number)}. {escape(curly_quotes(section.title))}"
        parts.append(f"## {heading} {{#{section.anchor}}}\n")
        subsection = None
        for para in (p for p in report.paragraphs if p.section == section.number):
            if para.subsection != subsection:
                if subsection is not None:
                    parts.append(_subsection_footer(report, subsection))
                subsection = para.subsection
                if subsection is not None:
                    title = next(s.title for s in section.subsections if s.letter == subsection)
                    parts.append(f"### {escape(subsection)}. {escape(curly_quotes(title))} "
                                 f"{{#{section.anchor}-{subsection.lower()}}}\n")
            parts.extend(_report_paragraph(report, para, page))
        if subsection is not None:
            parts.append(_subsection_footer(report, subsection))
        if section is report.sections[-1] and report.resolutions:
            parts.append("".join(f"- [Draft resolution {r.number}: {escape(curly_quotes(r.title))}]"
                                 f"(draft-resolutions/{r.slug}.md)\n" for r in report.resolutions))
    parts.append(notes_section(report.notes, page, str(report.symbol)))
    return "\n".join(parts)


def _subsection_footer(report: Report, letter: str) -> str:
    proposal = next((p for p in report.proposals if p.letter == letter), None)
    if not proposal or proposal.draft_resolution not in {r.number for r in report.resolutions}:
        return ""
    number = proposal.draft_resolution or ""
    return (f"[Read draft resolution {number} →]"
            f"(draft-resolutions/{number.lower()}.md){{.md-button .unr-to-draft}}\n")


def render(report: Report, layer: ReferenceLayer | None = None,
           mandates: MandateLayer | None = None) -> dict[str, str]:
    """Every generated page: ``{path relative to docs: Markdown}``."""
    layer = layer or build_layer(report)
    mandates = mandates or build_mandates(report)
    pages = {"index.md": home_page(report, f"{report.symbol.slug}.json", layer)}
    for resolution in report.resolutions:
        pages[f"draft-resolutions/{resolution.slug}.md"] = resolution_page(report, resolution,
                                                                           layer, mandates)
    pages["references.md"] = references_page(report, layer)
    pages["sponsors.md"] = sponsors_page(report)
    pages["meetings.md"] = meetings_page(report)
    pages["mandates.md"] = mandates_page(report, mandates)
    return pages


NAV_TITLE_LENGTH = 60
"""Characters of a draft's title shown in the navigation, at most (then "…")."""


def shorten(text: str, limit: int) -> str:
    """``text`` cut at the last word boundary within ``limit`` characters, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    return cut.rstrip(" ,;:-–—") + "…"


def nav(report: Report) -> list[object]:
    """Site navigation: the report, its draft resolutions, the index pages, the Data page."""
    drafts = [{f"{r.number}. {curly_quotes(shorten(r.title, NAV_TITLE_LENGTH))}":
               f"draft-resolutions/{r.slug}.md"} for r in report.resolutions]
    return [{"Report": "index.md"}, {"Draft resolutions": drafts},
            {"Indexes": [{"References": "references.md"}, {"Sponsors": "sponsors.md"},
                         {"Meetings": "meetings.md"}, {"Mandates": "mandates.md"}]},
            {"Data": "data.md"}]
