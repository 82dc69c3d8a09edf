"""The collection's own pages: its home page (every document, with filters) and its
search page. Plain Markdown with HTML where a table needs attributes; the filters and
the search run in the reader's browser (``site_overrides/assets/unreport-collection.js``),
with no server."""

from __future__ import annotations

import json
from html import escape

from unreport.collection.links import Collection
from unreport.collection.search_index import KIND_NAMES, SearchPlan, filters

HOME = "index.md"
SEARCH = "search.md"


def _options(name: str, label: str, values: list[str]) -> str:
    options = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in values)
    return (f'<label>{label} <select data-unr-filter="{name}">'
            f'<option value="">All</option>{options}</select></label>')


def home_page(collection: Collection) -> str:
    """The home page: what the collection holds, and a filterable table of it."""
    documents = collection.documents
    sessions = sorted({str(d.session) for d in documents if d.session}, key=int)
    committees = sorted({d.committee or "Plenary" for d in documents})
    kinds = [KIND_NAMES[k] for k in KIND_NAMES if any(d.kind == k for d in documents)]
    span = (f"session {sessions[0]}" if len(sessions) == 1 else
            f"sessions {sessions[0]}–{sessions[-1]}") if sessions else "no session named"
    rows = []
    for d in documents:
        kind = KIND_NAMES.get(d.kind, d.kind)
        committee = d.committee or "Plenary"
        rows.append(
            f'<tr data-session="{d.session or ""}" data-committee="{escape(committee)}" '
            f'data-kind="{escape(kind)}">'
            f'<td><a href="{escape(d.folder)}/index.html">{escape(d.symbol)}</a></td>'
            f"<td>{escape(d.title)}</td><td>{escape(kind)}</td><td>{escape(committee)}</td>"
            f"<td>{escape(d.agenda_item or '')}</td><td>{escape(d.date or '')}</td></tr>")
    filters = "\n".join([
        '<form class="unr-filters" data-unr-filters>',
        _options("session", "Session", sessions),
        _options("committee", "Committee", committees),
        _options("kind", "Kind", kinds),
        '<label>Title or symbol <input type="search" data-unr-filter="text"></label>',
        "</form>",
        f'<p class="unr-filters__count" aria-live="polite" data-unr-count>'
        f"{len(documents)} documents</p>"])
    links = len(collection.links)
    return "\n".join([
        "# Documents",
        "",
        f"{len(documents)} documents of the General Assembly, {span}; "
        f"{links} citations between them lead from one to the other. Search every "
        "paragraph of every document from the search box at the top of each page.",
        "",
        filters,
        "",
        '<div class="unr-documents" markdown="0">',
        "<table>",
        "<thead><tr><th>Symbol</th><th>Title</th><th>Kind</th><th>Committee</th>"
        "<th>Agenda item</th><th>Date</th></tr></thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
        "</div>",
        "",
        "The collection's data: [collection.json](collection.json) (every document, "
        "every link between documents and every paragraph's anchor), "
        "[versions.json](versions.json) and [versions.csv](versions.csv) (every "
        "comparison of two versions, paragraph by paragraph), "
        "[mandates.json](mandates.json) and [mandates.csv](mandates.csv) (every request "
        "for a report and what the collection shows of it); their schemas: "
        "[collection](schema/collection.schema.json), "
        "[versions](schema/versions.schema.json), [mandates](schema/mandates.schema.json).",
        "",
    ])


def _filter_values(collection: Collection) -> dict[str, dict[str, int]]:
    """The search's filters and their values, with how many documents have each: the
    page shows them without loading Pagefind's filter index (about 45 kB a filter for a
    session), which a query then loads only for a filter it uses."""
    values: dict[str, dict[str, int]] = {}
    for document in collection.documents:
        for name, value in filters(document).items():
            values.setdefault(name, {}).setdefault(value, 0)
            values[name][value] += 1
    return values


def search_page(collection: Collection, search: SearchPlan) -> str:
    """The search page: a form, filters and the results, each leading to its paragraph;
    it loads the bundles of ``search`` and leaves out the records it hides."""
    return "\n".join([
        "# Search",
        "",
        f'<div class="unr-search" data-unr-search data-unr-indexes="'
        f'{escape(" ".join(search.folders()))}" data-unr-filter-values="'
        f'{escape(json.dumps(_filter_values(collection)))}"' +
        (f' data-unr-hidden="{escape(json.dumps(search.excluded()))}"' if search.hidden
         else "") + ' markdown="0">',
        '<form class="unr-search__form" role="search">',
        '<label for="unr-search-q">Words to find in every paragraph of '
        f"{len(collection.documents)} documents</label>",
        '<input id="unr-search-q" type="search" name="q" autocomplete="off">',
        '<button class="md-button" type="submit">Search</button>',
        '<div class="unr-search__filters" data-unr-search-filters></div>',
        "</form>",
        '<p class="unr-search__status" aria-live="polite" data-unr-search-status>'
        "Search needs JavaScript and the site served over http(s): opened from disk "
        "(file://) a browser does not let it load its index. Offline, use your browser's "
        "find in page on a document's page.</p>",
        '<ol class="unr-search__results" data-unr-search-results></ol>',
        "</div>",
        "",
    ])
