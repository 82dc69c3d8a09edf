"""What changed between two versions, for the reader: the comparison pages and the
lines the collection step puts into the documents' pages.

* ``comparison_pages``: one Markdown page per pair of consecutive versions (plain
  Markdown with raw HTML blocks), at the site's root as ``changes/<newer-folder>.md``
  (``changes/A-77-464-vii.md`` when the newer text is a report's draft): both
  versions with their sessions and links, the counts per status, then every aligned
  pair in the newer order — each a row whose id is its new anchor (``op-92``; a
  removed paragraph's is ``removed-<old anchor>``), so that
  ``changes/A-RES-78-229.html#op-92`` lands on it;
* ``paragraph_notes``: under each new, changed, moved, split or merged paragraph of
  the newer version, a line "Changed since the 77th session: <the older paragraph> ·
  what changed";
* ``version_line``: under each version's title, its line of versions, linked, with
  the comparisons.

Everything reads without colour and with a screen reader: changes are ``<del>`` and
``<ins>`` with a visually hidden "deleted: " / "inserted: " (``.unr-sr``) in them,
kept paragraphs say "Kept" in words. Every text is escaped. Pure: values in, text out.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from html import escape

from unreport.addresses import relative
from unreport.collection.lineage import HOME
from unreport.collection.versions import (
    Comparison,
    Key,
    Row,
    VersionRef,
    Versions,
    ordinal,
)
from unreport.versions import Run

CHANGES = "changes"
"""The comparison pages' folder at the site's root."""

STATUS_WORDS = {"kept": "Kept", "changed": "Changed", "added": "New", "removed": "Removed",
                "moved": "Moved", "split": "Split", "merged": "Merged"}
"""How a row names its status."""

NOTED = ("changed", "moved", "split", "merged", "added")
"""The statuses a newer version's paragraph gets a note for."""

_SR = '<span class="unr-sr">{}</span>'
_BECAME = '<span aria-hidden="true">→</span><span class="unr-sr">became</span>'


def comparison_path(newer: VersionRef) -> str:
    """The docs path of the comparison page of ``newer`` with its earlier version:
    ``changes/A-RES-78-229.md``; ``changes/A-77-464-vii.md`` for a report's draft."""
    stem = "" if newer.page == HOME else "-" + posixpath.splitext(
        posixpath.basename(newer.page))[0]
    return f"{CHANGES}/{newer.folder}{stem}.md"


def comparison_url(newer: VersionRef) -> str:
    """The built address of that page from the site's root (``changes/A-RES-78-229.html``)."""
    return comparison_path(newer).removesuffix(".md") + ".html"


def row_id(row: Row) -> str:
    """A row's id on its comparison page: its (first) new anchor, or ``removed-`` and its
    old anchor."""
    return row.pair.new[0] if row.pair.new else f"removed-{row.pair.old[0]}"


def paragraph_label(anchor: str) -> str:
    """``pp-3`` → ``PP 3``, ``op-12`` → ``OP 12``."""
    head, _, number = anchor.partition("-")
    return f"{head.upper()} {number}" if head in ("pp", "op") and number else anchor


def href(target: str, from_file: str, anchor: str | None = None) -> str:
    """``target`` (an address from the site's root) as a link from ``from_file``."""
    return relative(target + (f"#{anchor}" if anchor else ""), from_file)


def _link(target: str, from_file: str, text: str, anchor: str | None = None) -> str:
    return f'<a href="{escape(href(target, from_file, anchor))}">{escape(text)}</a>'


def _lines(text: str) -> str:
    """Escaped text, its line breaks (between sub-paragraphs) kept."""
    return escape(text).replace("\n", "<br>")


def marked(runs: Iterable[Run]) -> str:
    """The runs of a diff as HTML: deleted text in ``<del>``, inserted in ``<ins>``, each
    opening with words a screen reader reads ("deleted: ")."""
    out = []
    for run in runs:
        if run.op == "equal":
            out.append(_lines(run.text))
        else:
            tag, word = ("del", "deleted: ") if run.op == "delete" else ("ins", "inserted: ")
            out.append(f"<{tag}>{_SR.format(word)}{_lines(run.text)}</{tag}>")
    return "".join(out)


def _version_text(version: VersionRef, from_file: str) -> str:
    adopted = f" (adopted as resolution {escape(version.adopted_as.removeprefix('A/RES/'))})" \
        if version.adopted_as else ""
    return (f"{_link(version.path, from_file, version.name)} — "
            f"{ordinal(version.session)} session{adopted}")


def _anchors(version: VersionRef, anchors: tuple[str, ...], from_file: str) -> str:
    return " and ".join(_link(version.path, from_file, paragraph_label(a), a)
                        for a in anchors)


def _row(row: Row, comparison: Comparison, from_file: str) -> str:
    """One aligned pair as one line of HTML."""
    pair, older, newer = row.pair, comparison.older, comparison.newer
    status = pair.status
    word = STATUS_WORDS[status]
    if status == "moved" and pair.score < 1.0:
        word = "Moved and changed"
    old = f"{_anchors(older, pair.old, from_file)} ({ordinal(older.session)} session)"
    new = f"{_anchors(newer, pair.new, from_file)} ({ordinal(newer.session)} session)"
    if status == "added":
        where = new
    elif status == "removed":
        where = old
    else:
        where = f"{old} {_BECAME} {new}"
    extra_ids = "".join(f'<span id="{escape(a)}"></span>' for a in pair.new[1:])
    head = f"<strong>{word}</strong>{', unchanged' if status == 'kept' else ''}: {where}"
    classes = f"unr-change unr-change--{status}"
    text = f'<p class="unr-change__text">{marked(row.runs)}</p>'
    if status == "kept":
        return (f'<details class="{classes}" id="{escape(row_id(row))}"><summary>{head}'
                f"</summary>{extra_ids}{text}</details>")
    return (f'<div class="{classes}" id="{escape(row_id(row))}">{extra_ids}'
            f'<p class="unr-change__head">{head}</p>{text}</div>')


def _counts(comparison: Comparison) -> str:
    items = "".join(f"<li>{count} {STATUS_WORDS[status].lower()}</li>"
                    for status, count in comparison.counts().items())
    return f'<ul class="unr-changes-counts" aria-label="Paragraphs by status">{items}</ul>'


def comparison_title(comparison: Comparison) -> str:
    """``What changed: A/RES/78/229 since A/77/464, draft resolution VII``."""
    return f"What changed: {comparison.newer.name} since {comparison.older.name}"


def comparison_page(comparison: Comparison) -> str:
    """The Markdown of a comparison page."""
    from_file = comparison_url(comparison.newer)
    older, newer = comparison.older, comparison.newer
    if older.title == newer.title:
        titles = f"<p>Title: {escape(newer.title)}</p>"
    else:
        titles = (f"<p>Title in the {ordinal(older.session)} session: {escape(older.title)}"
                  f"<br>Title in the {ordinal(newer.session)} session: "
                  f"{escape(newer.title)}</p>")
    rows = "\n".join(_row(row, comparison, from_file) for row in comparison.rows)
    return "\n".join([
        f"# {escape(comparison_title(comparison))}",
        "",
        '<div class="unr-changes-intro" data-pagefind-ignore>',
        f"<p>Earlier version: {_version_text(older, from_file)}<br>"
        f"Later version: {_version_text(newer, from_file)}</p>",
        titles,
        f"<p>How the collection knows: {escape(comparison.step.evidence)}.</p>",
        _counts(comparison),
        "<p>Each paragraph of the later version in its order, with the paragraph it was: "
        "deleted words are struck through and marked “deleted”, inserted words "
        "underlined and marked “inserted”; a kept paragraph is folded — open it to read "
        "it. A paragraph renumbered but not reworded is kept.</p>",
        "</div>",
        "",
        '<div class="unr-changes">',
        rows,
        "</div>",
        "",
    ])


def comparison_pages(comparisons: Iterable[Comparison]) -> dict[str, str]:
    """Every comparison page: ``{docs path: Markdown}``."""
    return {comparison_path(c.newer): comparison_page(c) for c in comparisons}


CHANGES_INDEX = f"{CHANGES}/index.md"
"""The page listing every comparison."""


def changes_index(comparisons: Iterable[Comparison]) -> str:
    """The Markdown of ``changes/index.md``: every comparison, by the later version's
    session, with the counts of its changes (a page for the navigation)."""
    from_file = CHANGES_INDEX.removesuffix(".md") + ".html"
    items = []
    for c in sorted(comparisons, key=lambda c: (c.newer.session, c.newer.path)):
        counts = ", ".join(f"{n} {STATUS_WORDS[s].lower()}" for s, n in c.counts().items()
                           if s != "kept")
        items.append(f"<li>{_link(comparison_url(c.newer), from_file, comparison_title(c))}"
                     f" ({ordinal(c.older.session)} to {ordinal(c.newer.session)} session"
                     f"{': ' + counts if counts else ''})</li>")
    body = "\n".join(items) if items else "<li>The collection shows no text in two "\
        "sessions.</li>"
    return ("# What changed between sessions\n\n<p>Each text of the collection that has an "
            "earlier version in it, compared paragraph by paragraph.</p>\n\n"
            f'<ul class="unr-changes-list">\n{body}\n</ul>\n')


def paragraph_notes(comparisons: Iterable[Comparison]) -> dict[Key, dict[str, str]]:
    """For each newer version's page, ``{anchor: HTML}``: a line under each of its
    paragraphs that is new, changed, moved, split or merged since the earlier version,
    linking to the paragraph it was and to its row on the comparison page."""
    notes: dict[Key, dict[str, str]] = {}
    for comparison in comparisons:
        older, newer = comparison.older, comparison.newer
        from_file = newer.path
        page = comparison_url(newer)
        since = f"since the {ordinal(older.session)} session"
        found = notes.setdefault(newer.key, {})
        for row in comparison.rows:
            pair = row.pair
            if pair.status not in NOTED:
                continue
            what = (f'<a href="{escape(href(page, from_file, row_id(row)))}">what changed'
                    f'{_SR.format(escape(" in " + paragraph_label(pair.new[0])))}</a>')
            if pair.status == "added":
                said = f"{STATUS_WORDS['added']} {since} · {what}"
            else:
                was = ", ".join(_link(older.path, from_file,
                                      f"{older.name}, {paragraph_label(a)}", a)
                                for a in pair.old)
                said = f"{STATUS_WORDS[pair.status]} {since}: {was} · {what}"
            for anchor in pair.new:
                found[anchor] = f'<p class="unr-since" data-pagefind-ignore>{said}</p>'
    return notes


def version_line(versions: Versions, comparisons: Iterable[Comparison]) -> dict[Key, str]:
    """For each page of a version (its shown text and the same text's other stages), the
    line of versions, earlier and later, linked, with the comparisons."""
    by_newer = {c.newer.key: c for c in comparisons}
    out: dict[Key, str] = {}
    for line in versions.lines:
        for position, version in enumerate(line):
            for key in (version.key, *version.also):
                from_file = f"{key[0]}/{key[1]}"
                items = []
                for other in line:
                    session = f"{ordinal(other.session)} session"
                    adopted = (f" (adopted as {escape(other.adopted_as.removeprefix('A/RES/'))})"
                               if other.adopted_as else "")
                    if other is version:
                        items.append(f"{session} — this text{adopted}")
                    else:
                        items.append(_link(other.path, from_file, f"{session} — {other.name}")
                                     + adopted)
                changes = []
                if version.key in by_newer and position > 0:
                    changes.append(_link(comparison_url(version), from_file,
                                         f"what changed since the "
                                         f"{ordinal(line[position - 1].session)} session"))
                if position + 1 < len(line) and line[position + 1].key in by_newer:
                    following = line[position + 1]
                    changes.append(_link(comparison_url(following), from_file,
                                         f"what changed in the {ordinal(following.session)} "
                                         "session"))
                out[key] = ('<p class="unr-versions" data-pagefind-ignore>Versions: '
                            + " · ".join(items + changes) + "</p>")
    return out
