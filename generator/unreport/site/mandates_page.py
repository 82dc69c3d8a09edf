"""The Mandates page and the small mandate labels on the draft resolution pages.

``mandates.md`` answers the operational questions: how many requests, decisions
and calls each draft makes, which reports fall due at which session of which
body, and everything asked of each addressee (the Secretary-General, the Office,
the Commission, Member States …), each clause linked to its paragraph.
"""

from __future__ import annotations

from collections import Counter

from unreport import addresses
from unreport.addresses import slug
from unreport.mandates.addressees import is_un_body
from unreport.mandates.clauses import KINDS, Action, Mandate, MandateLayer, ReportDue
from unreport.model import Report
from unreport.references.layer import operative_label, text_name
from unreport.site.markdown_text import boxed_table, escape
from unreport.text.numbers import ordinal
from unreport.text.parts import operative_short, part_labels

KIND_NAMES = {"request": "Request", "decision": "Decision", "call": "Call", "other": "Other"}
NO_ADDRESSEE = "No addressee named"
_EXCERPT_WORDS = 45


def _the(name: str) -> str:
    """``the General Assembly``; a name written without spaces (``INTERPOL``) takes no article."""
    return name if " " not in name and "-" not in name.strip("-") else f"the {name}"


def report_phrase(report: ReportDue, asked: tuple[str, ...] = ()) -> str:
    """``report to the General Assembly, 79th session``; ``report by Member States to …``
    when someone other than ``asked`` is to report."""
    words = "report"
    if report.by and report.by not in asked and " and ".join(asked) != report.by:
        words += f" by {_the(report.by) if is_un_body(report.by) else report.by}"
    words += f" to {_the(report.to)}" if report.to else ", recipient not named"
    if report.session:
        words += f", {ordinal(report.session)} session"
    return words


def labelled_clause(mandate: Mandate) -> Action | None:
    """The clause a paragraph's label describes: its first request or decision, else its
    first clause asking for a report; None when the paragraph gets no label."""
    return (next((a for a in mandate.actions if a.kind in ("request", "decision")), None)
            or next((a for a in mandate.actions if a.report), None))


def label_parts(mandate: Mandate) -> list[str]:
    """The words of a paragraph's label: kind, addressees, report ([] for no label)."""
    action = labelled_clause(mandate)
    if action is None:
        return []
    parts = [KIND_NAMES[action.kind]]
    if action.addressees:
        parts.append(", ".join(action.addressees))
    report = action.report or mandate.report
    if report:
        parts.append(report_phrase(report, action.addressees))
    return parts


def mandate_label(mandate: Mandate | None) -> str:
    """A small block to follow a paragraph that requests, decides or asks for a report
    ('' for the others), as Markdown.

    It reads "Request · Secretary-General · report to the General Assembly, 79th
    session"; screen readers hear "Mandate: Request; Secretary-General; report to …"
    (the dots are hidden from them, a semicolon is hidden from sight). It stands
    outside the paragraph, whose element keeps exactly the resolution's words, and
    the search index leaves it out.
    """
    parts = label_parts(mandate) if mandate else []
    if not parts:
        return ""
    separator = ('<span class="unr-mandate-sep" aria-hidden="true"> · </span>'
                 '<span class="unr-sr">; </span>')
    words = separator.join(escape(part) for part in parts)
    return (f'<span class="unr-sr">Mandate: </span>{words}\n'
            "{: .unr-mandate .unr-search-exclude }\n")


def _excerpt(text: str, words: int = _EXCERPT_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


Names = dict[tuple[str, str], str]
"""``{(number of a text, anchor): name}`` of every operative paragraph, as lists name it:
``{("V", "op-12"): "Draft resolution V, OP 12"}``, ``"Resolution 78/247, section II, OP 1"``."""


def paragraph_names(report: Report) -> Names:
    """The name of every operative paragraph of the document's texts (``text_parts``)."""
    names: Names = {}
    for resolution in report.resolutions:
        text, parts = text_name(report, resolution), part_labels(resolution)
        for op in resolution.operative:
            names[(resolution.number, op.anchor)] = f"{text}, {operative_short(op, parts)}"
    return names


def _where(mandate: Mandate, names: Names) -> str:
    page = mandate.page.removesuffix(".html") + ".md"
    name = names.get((mandate.resolution, mandate.anchor),
                     operative_label(f"Draft resolution {mandate.resolution}", mandate.number))
    return f"[{escape(name)}]({page}#{mandate.anchor})"


def _counts_table(report: Report, layer: MandateLayer) -> list[str]:
    column = {"resolution": "Resolution", "draft": "Draft"}.get(report.kind, "Draft resolution")
    lines = [f"| {column} | " + " | ".join(KIND_NAMES[k] + "s" for k in KINDS)
             + " | Operative paragraphs |", "|---|" + "---:|" * (len(KINDS) + 1)]
    totals: Counter[str] = Counter()
    for resolution in report.resolutions:
        kinds = Counter(m.kind for m in layer.in_resolution(resolution.number))
        totals.update(kinds)
        shown = escape(resolution.number or str(report.symbol))
        lines.append(f"| [{shown}]({addresses.draft_page(resolution.slug)}) | "
                     + " | ".join(str(kinds[k]) for k in KINDS)
                     + f" | {sum(kinds.values())} |")
    lines.append("| **Total** | " + " | ".join(f"**{totals[k]}**" for k in KINDS)
                 + f" | **{sum(totals.values())}** |")
    return boxed_table(lines)


def _body_order(name: str | None) -> tuple[int, str]:
    """The General Assembly first, then the Commissions and other bodies, unnamed last."""
    if name is None:
        return (3, "")
    if name == "General Assembly":
        return (0, name)
    return (1 if name.startswith("Commission") else 2, name)


def reports_due(layer: MandateLayer) -> list[tuple[Mandate, Action, ReportDue]]:
    """Every report asked for, by receiving body and then session."""
    found = [(m, a, a.report) for m, a in layer.clauses() if a.report]
    return sorted(found, key=lambda x: (_body_order(x[2].to), x[2].session or 10**6))


def _reports_table(layer: MandateLayer, names: Names, none_asked: str) -> list[str]:
    due = reports_due(layer)
    if not due:
        return [none_asked]
    lines = ["| To | Session | By | Asked in | What |", "|---|---|---|---|---|"]
    for mandate, action, report in due:
        session = f"{ordinal(report.session)} session" if report.session else "not named"
        lines.append(f"| {escape(report.to or 'not named')} | {session} | "
                     f"{escape(report.by or 'not named')} | {_where(mandate, names)} | "
                     f"{escape(_excerpt(action.text, 30))} |")
    return boxed_table(lines)


def _groups(layer: MandateLayer) -> list[tuple[str, list[tuple[Mandate, Action]]]]:
    """Directive clauses by addressee: United Nations bodies first, most asked first."""
    groups: dict[str, list[tuple[Mandate, Action]]] = {}
    for mandate, action in layer.clauses():
        names = action.addressees or (("General Assembly (decisions)",)
                                      if action.kind == "decision" else (NO_ADDRESSEE,))
        for name in names:
            groups.setdefault(name, []).append((mandate, action))

    def order(item: tuple[str, list[tuple[Mandate, Action]]]) -> tuple[int, int, str]:
        name, clauses = item
        rank = 2 if name in (NO_ADDRESSEE, "General Assembly (decisions)") else (
            0 if is_un_body(name) else 1)
        return (rank, -len(clauses), name)

    return sorted(groups.items(), key=order)


def _clause_entry(mandate: Mandate, action: Action, names: Names) -> str:
    report = f" — *{escape(report_phrase(action.report, action.addressees))}*" \
        if action.report else ""
    return (f"**{_where(mandate, names)}** · {KIND_NAMES[action.kind].lower()}: "
            f"“{escape(action.text)}”{report}\n"
            "{: .unr-entry data-search-exclude }\n")


def mandates_page(report: Report, layer: MandateLayer) -> str:
    """``mandates.md``: counts per kind, reports due, and every directive clause by addressee."""
    kinds = Counter(m.kind for m in layer.paragraphs)
    clauses = list(layer.clauses())
    groups = _groups(layer)
    anchors = _anchors([name for name, _ in groups])
    names = paragraph_names(report)
    if report.kind == "report":
        subject = (f"the {len(report.resolutions)} draft resolutions of "
                   f"{escape(str(report.symbol))} ask")
        none_asked = "The draft resolutions ask for no report."
    else:  # one text: "resolution 78/229 asks"
        name = escape(text_name(report, report.resolutions[0])) if report.resolutions else ""
        subject = f"{name[:1].lower()}{name[1:]} asks"
        none_asked = f"{name} asks for no report."
    parts = ["---", "title: Mandates", "---", "", "# Mandates {#mandates}", "",
             f"What {subject}, and of whom. Each of the "
             f"{len(layer.paragraphs)} operative paragraphs is classed by its opening verb: "
             f"{kinds['request']} requests (to a United Nations official or body), "
             f"{kinds['decision']} decisions, {kinds['call']} calls (urges, calls upon, "
             f"encourages, invites) and {kinds['other']} others (welcomes, notes, reaffirms…). "
             f"Their {len(clauses)} directive clauses — a paragraph can ask more than one "
             f"thing — are listed below by addressee, each with a link to its paragraph.", "",
             "## Paragraphs by kind {#kinds}", "", *_counts_table(report, layer), "",
             "## Reports due {#reports-due}", "",
             "Every report, summary or information a clause asks for, by receiving body and "
             "session.", "", *_reports_table(layer, names, none_asked), "",
             "## By addressee {#by-addressee}", "",
             " · ".join(f"[{escape(name)}](#{anchors[name]}) ({len(items)})"
                        for name, items in groups), ""]
    for name, items in groups:
        # Out of the search index, with its clauses: a short heading would outrank the
        # paragraph itself for any phrase that shares a word with an addressee's name.
        parts.append(f"### {escape(name)} {{#{anchors[name]} data-search-exclude}}\n")
        parts.extend(_clause_entry(m, a, names) for m, a in items)
    return "\n".join(parts)


def _anchors(names: list[str]) -> dict[str, str]:
    """``addressee-secretary-general`` for each name, never twice ("member States" of an
    institute beside "Member States") nor the same as another heading of the page."""
    anchors: dict[str, str] = {}
    for name in names:
        base = "addressee-" + (slug(name) or "unnamed")
        anchor, number = base, 1
        while anchor in anchors.values():
            number += 1
            anchor = f"{base}-{number}"
        anchors[name] = anchor
    return anchors
