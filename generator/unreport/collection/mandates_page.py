"""The collection's mandates, written out: the Mandates page, ``mandates.json`` (with its
JSON Schema) and ``mandates.csv``, from ``mandates.follow``'s statuses.

The page groups the requests by requesting document and text, in document order: a
request's story runs from the text that asks to the texts that answer and renew it, and a
reader arrives from a resolution; the counts by status at the top give the other view.
Addresses are from the site's root (``A-77-464/draft-resolutions/vii.html#op-85``), where
the page (``mandates.md``) and the data files are written. The page is plain Markdown (a
table of counts, a list per text) whose links are HTML ``a`` elements, as on the home page.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from unreport.collection.index_json import string_field
from unreport.collection.mandates import STATUSES, Evidence, MandateStatus
from unreport.collection.summary import DocumentSummary
from unreport.export.csv_tables import BOM
from unreport.site.markdown_text import boxed_table, escape

SCHEMA_ID = "schema/mandates.schema.json"

STATUS_WORDS = {
    "answered": "Answered",
    "renewed": "Renewed in the next version",
    "changed": "Changed in the next version",
    "dropped": "Dropped from the next version",
    "not-yet-due": "Not yet due",
    "nothing-found": "Nothing found in this collection",
}
"""Each status in words, as the page and the CSV file give it."""

# A cell Excel would run as a formula starts with an apostrophe (``export.csv_tables``).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_REPORT_WORD = re.compile(r"\b(?:report|inform)")
_QUOTE = 160
"""How many characters of a request the page quotes."""

NOT_FULFILLED = (
    "*Nothing found in this collection* means only that none of its documents takes note "
    "of the report: the report may have been issued and considered in a document the "
    "collection does not hold. It never means that the request was not fulfilled.")


def _url(folder: str, page: str, anchor: str | None) -> str:
    return f"{folder}/{page}" + (f"#{anchor}" if anchor else "")


def _link(label: str, folder: str, page: str, anchor: str | None) -> str:
    """A link to a document's page, as an HTML ``a`` element: the documents' folders join
    the site after MkDocs builds this page, and MkDocs would report a Markdown link to
    them as a link to a missing file (the home page links them the same way)."""
    url = html.escape(_url(folder, page, anchor))
    return f'<a href="{url}">{escape(label)}</a>'


def _quote(text: str) -> str:
    """The words of a request that ask for the report, cut at a word: from the paragraph's
    start, or from the clause before its first "report" when that comes later."""
    first = _REPORT_WORD.search(text)
    start = 0
    if first and first.end() > _QUOTE:
        before = max(text.rfind(", and ", 0, first.start()), text.rfind("; ", 0, first.start()),
                     text.rfind(", ", 0, first.start()))
        start = before + 2 if before >= 0 else 0
    quoted = text[start:]
    if len(quoted) > _QUOTE:
        quoted = quoted[:_QUOTE].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return ("… " if start else "") + quoted.removeprefix("and ")


def _due(status: MandateStatus) -> str:
    """``Secretary-General to the General Assembly, session 78``."""
    due = status.reporter or "reporter not named"
    if status.body:
        due += f" to the {status.body}"
    if status.sessions:
        plural = "s" if len(status.sessions) > 1 else ""
        due += f", session{plural} " + " and ".join(str(s) for s in status.sessions)
    return due


def _headline(status: MandateStatus) -> str:
    """The status in words, with the next version's fact when the status is another."""
    words = STATUS_WORDS[status.status]
    if status.status == "answered" and status.next_version:
        words += f"; {status.next_version} in the next version"
    return words


def _evidence_line(evidence: Evidence, role: str) -> str:
    """A line under a request: the role, a link to the paragraph, the reason."""
    link = _link(_named(evidence), evidence.folder, evidence.page, evidence.anchor)
    return f"    - {role}: {link} — {escape(evidence.reason)}"


def _named(evidence: Evidence) -> str:
    """An evidence's label with its document where the label does not say it."""
    number = evidence.symbol.removeprefix("A/RES/")
    return evidence.label if number in evidence.label else f"{evidence.symbol}, {evidence.label}"


def mandates_page(statuses: Sequence[MandateStatus],
                  documents: Iterable[DocumentSummary]) -> str:
    """The Markdown of the collection's Mandates page (``mandates.md``)."""
    by_folder = {d.folder: d for d in documents}
    lines = ["# Mandates", "",
             "Every request for a report that the documents of this collection make — who "
             "is to report, to which body, at which session — with what the collection "
             "shows of it: a later paragraph that takes note of the report, and what the "
             "next version of the requesting text does with the request (renews it, "
             "changes it or drops it). A request answered and renewed is counted as "
             "answered.", "", NOT_FULFILLED, ""]
    counts = [f"| {STATUS_WORDS[s]} | {sum(1 for m in statuses if m.status == s)} |"
              for s in STATUSES]
    lines += boxed_table(["| Status | Requests |", "| --- | ---: |", *counts,
                          f"| All | {len(statuses)} |"])
    lines.append("")
    if not statuses:
        lines += ["No document of this collection asks for a report.", ""]
    heading = None
    for status in statuses:
        document = by_folder.get(status.folder)
        text = next((t for t in document.texts if t.page == status.page), None) \
            if document else None
        name = f"{status.symbol}, {text.name}" if text and status.symbol.removeprefix(
            "A/RES/") not in text.name else (text.name if text else status.symbol)
        if (status.folder, status.page) != heading:
            heading = (status.folder, status.page)
            if lines[-1]:
                lines.append("")
            lines += [f"## {_link(name, status.folder, status.page, None)}", ""]
            if text:
                lines += [f"*{escape(text.title)}*", ""]
        paragraph = status.label.rsplit(", ", 1)[-1]
        lines.append(f"- {_link(paragraph, status.folder, status.page, status.anchor)} — "
                     f"**{escape(_headline(status))}**. “{escape(_quote(status.text))}” "
                     f"({escape(_due(status))})")
        if status.answer:
            report = f" Report: {escape(status.report_symbol)}." if status.report_symbol \
                and status.report_symbol not in status.answer.reason else ""
            lines.append(_evidence_line(status.answer, "Answered by") + report)
        for evidence in status.evidence:
            if evidence is not status.answer:
                lines.append(_evidence_line(evidence, "Next version"))
    return "\n".join(lines).rstrip() + "\n"


def _evidence_data(evidence: Evidence | None) -> dict[str, Any] | None:
    if evidence is None:
        return None
    return {"symbol": evidence.symbol, "label": evidence.label,
            "url": _url(evidence.folder, evidence.page, evidence.anchor),
            "reason": evidence.reason}


def mandates_json(statuses: Iterable[MandateStatus]) -> str:
    """``mandates.json``: every request for a report and what the collection shows of it."""
    data = {"$schema": SCHEMA_ID, "mandates": [{
        "symbol": m.symbol, "label": m.label, "url": _url(m.folder, m.page, m.anchor),
        "text": m.text, "reporter": m.reporter, "body": m.body, "sessions": list(m.sessions),
        "status": m.status, "answer": _evidence_data(m.answer),
        "report_symbol": m.report_symbol, "next_version": m.next_version,
        "next_version_evidence": _evidence_data(next(
            (e for e in m.evidence if e is not m.answer), None)),
    } for m in statuses]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _evidence_schema(description: str) -> dict[str, Any]:
    return {"type": ["object", "null"], "description": description,
            "additionalProperties": False, "required": ["symbol", "label", "url", "reason"],
            "properties": {
                "symbol": string_field("The document it is in (A/RES/78/229)."),
                "label": string_field("The paragraph, or the text (Resolution 78/229, OP 1)."),
                "url": string_field("Its address from the site's root."),
                "reason": string_field("What it shows, in a sentence.")}}


def mandates_schema() -> str:
    """The JSON Schema of ``mandates.json`` (draft 2020-12), each field described."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Requests for reports in a collection of General Assembly documents, "
                 "followed by unreport",
        "type": "object", "additionalProperties": False, "required": ["mandates"],
        "properties": {
            "$schema": string_field("This schema's address."),
            "mandates": {"type": "array", "description": "Every request for a report, in "
                         "document order.", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["symbol", "label", "url", "text", "reporter", "body", "sessions",
                             "status", "answer", "report_symbol", "next_version",
                             "next_version_evidence"],
                "properties": {
                    "symbol": string_field("The requesting document (A/77/464)."),
                    "label": string_field("The requesting paragraph (Draft resolution VII, "
                                     "OP 85)."),
                    "url": string_field("Its address from the site's root."),
                    "text": string_field("The paragraph's plain text."),
                    "reporter": string_field("Who is to report.", True),
                    "body": string_field("The body the report goes to.", True),
                    "sessions": {"type": "array", "items": {"type": "integer"},
                                 "description": "The sessions of that body it is due at."},
                    "status": {"enum": list(STATUSES), "description": "The first that holds "
                               "of: answered, renewed, changed, dropped, not-yet-due, "
                               "nothing-found (nothing in this collection; never \"not "
                               "fulfilled\")."},
                    "answer": _evidence_schema("The paragraph that takes note of the "
                                               "report, or null."),
                    "report_symbol": string_field("The report's symbol where the answer cites "
                                             "it.", True),
                    "next_version": {"enum": ["renewed", "changed", "dropped", None],
                                     "description": "What the next version of the "
                                     "requesting text does with the request; null if the "
                                     "collection has no next version."},
                    "next_version_evidence": _evidence_schema(
                        "The next version's request (or its text, if dropped), or null."),
                }}},
        },
    }
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


CSV_COLUMNS = ("symbol", "label", "url", "text", "reporter", "body", "sessions", "status",
               "status_words", "answer_label", "answer_url", "report_symbol", "next_version",
               "next_version_label", "next_version_url", "evidence")
"""The columns of ``mandates.csv``."""


def mandates_csv(statuses: Iterable[MandateStatus]) -> str:
    """``mandates.csv``: byte-order mark, header row, a row per request."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in statuses:
        shown = next((e for e in m.evidence if e is not m.answer), None)
        writer.writerow(_cells((
            m.symbol, m.label, _url(m.folder, m.page, m.anchor), m.text, m.reporter, m.body,
            " ".join(str(s) for s in m.sessions), m.status, STATUS_WORDS[m.status],
            m.answer.label if m.answer else None,
            _url(m.answer.folder, m.answer.page, m.answer.anchor) if m.answer else None,
            m.report_symbol, m.next_version, shown.label if shown else None,
            _url(shown.folder, shown.page, shown.anchor) if shown else None,
            " ".join(e.reason for e in m.evidence))))
    return BOM + out.getvalue()


def _cells(row: tuple[str | None, ...]) -> list[str]:
    """None empty, a would-be formula behind an apostrophe (as ``export.csv_tables``)."""
    return ["" if value is None else "'" + value if value.startswith(_FORMULA_START)
            else value for value in row]
