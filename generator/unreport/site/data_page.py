"""The Data page (``data.md``): every download with its size and what it holds, how
the tables' columns and the Akoma Ntoso identifiers read, and every field of the JSON.

The files themselves are made by ``unreport.export``; this page is given them, to
say how large each is.
"""

from __future__ import annotations

from dataclasses import dataclass

from unreport.export.akn import akn_name
from unreport.export.csv_tables import tables
from unreport.export.report_json import json_name
from unreport.export.schema import SCHEMA_PATH, field_list, load_schema
from unreport.model import Report
from unreport.site.markdown_text import boxed_table, escape


@dataclass(frozen=True)
class Download:
    """A file of the Data page's list."""

    path: str
    """Path in the site."""
    kind: str
    """Its format, in a few words."""
    description: str
    """What it holds, in a sentence."""


def size(text: str) -> str:
    """A file's size as a reader wants it: ``812 bytes``, ``14.2 kB``, ``451 kB``."""
    count = len(text.encode("utf-8"))
    if count < 1000:
        return f"{count} bytes"
    if count < 100_000:
        return f"{count / 1000:.1f} kB"
    if count < 1_000_000:
        return f"{count / 1000:.0f} kB"
    return f"{count / 1_000_000:.1f} MB"


_JSON_HOLDS = {
    "report": "The whole report as data: masthead, sections and paragraphs, footnotes, each "
              "draft with its sponsors, meetings and adoption, each draft resolution's full "
              "text, and every citation with where it stands.",
    "resolution": "The whole resolution as data: masthead and adoption, every preambular and "
                  "operative paragraph with its sub-paragraphs and mandates, the annexes "
                  "block by block, the footnotes, and every citation with where it stands.",
    "draft": "The whole draft resolution as data: masthead and sponsors, every preambular and "
             "operative paragraph with its sub-paragraphs and mandates, the footnotes, and "
             "every citation with where it stands.",
    "amendments": "The amendments as data: masthead and sponsors, the amended draft, each "
                  "amendment with its action and the paragraph it acts on, the footnotes, and "
                  "every citation with where it stands.",
}
_AKN_HOLDS = {
    "report": "The report and its draft resolutions",
    "resolution": "The resolution, its annexes as attachments,",
    "draft": "The draft resolution",
    "amendments": "The amendments",
}


def downloads(report: Report) -> list[Download]:
    """Every download, the JSON first."""
    items = [
        Download(json_name(report), "JSON", _JSON_HOLDS.get(report.kind, _JSON_HOLDS["report"])),
        Download(SCHEMA_PATH, "JSON Schema (draft 2020-12)",
                 "The JSON file's schema: every field with its type and meaning, for "
                 "validating the file and generating code from it."),
        Download(akn_name(report), "Akoma Ntoso 3.0 (XML)",
                 f"{_AKN_HOLDS.get(report.kind, _AKN_HOLDS['report'])} in the OASIS "
                 "LegalDocML standard, marked up after the UN's AKN4UN guidelines, valid "
                 "against the official schema."),
    ]
    items += [Download(t.path, "CSV (UTF-8)", t.description) for t in tables(report.kind)]
    return items


def _columns(kind: str) -> list[str]:
    parts = ["## CSV tables {#csv-tables}", "",
             "Comma-separated, one header row, UTF-8 with a byte-order mark so that Excel "
             "and other spreadsheets read names such as Côte d'Ivoire correctly (in Python, "
             "open them with `encoding=\"utf-8-sig\"`). Addresses are relative to the "
             "site's root. A cell that a spreadsheet would run as a formula would start "
             "with an apostrophe.", ""]
    for table in tables(kind):
        anchor = table.name.replace(".", "-")
        parts += [f"### {escape(table.name)} {{#{anchor}}}", "", escape(table.description), ""]
        parts += boxed_table(["| Column | Meaning |", "|---|---|",
                              *(f"| `{column.name}` | {escape(column.description)} |"
                                for column in table.columns)])
        parts.append("")
    return parts


_AKN_NOTES = """\
## Akoma Ntoso {#akoma-ntoso}

The file is one `documentCollection` (an AKN4UN *publication*): the masthead, then
a component for the report's own text (`debateReport`) and one for each draft
resolution (`statement name="draftResolution"`) with its title, the formula
*The General Assembly,*, its preambular paragraphs (`container`) and operative
paragraphs (`paragraph`, sub-paragraphs as `point`). Footnotes are
`authorialNote` elements at their marks; a note whose mark the conversion lost
stands at the end of its draft, with an editorial note saying so. Citations are
`ref` elements pointing where the site's links point. Sponsors, meetings and the
Committee's decision are in each component's metadata.

Every paragraph, sub-paragraph and note has an `eId` from which its address in
the site follows: the part before `__` names the page, `list_N` steps are left
out, and the rest, joined with `-`, is the anchor (`para` in a draft resolution
being `op`).
"""

_EID_EXAMPLES = [
    '| eId (examples) | Address in the site |',
    '|---|---|',
    '| `report__para_19` | `index.html#para-19` |',
    '| `report__para_3__list_1__point_a` | `index.html#para-3-a` |',
    '| `report__fn_1` | `index.html#fn-1` |',
    '| `dr_V__pp_2` | `draft-resolutions/v.html#pp-2` |',
    '| `dr_V__para_12` | `draft-resolutions/v.html#op-12` |',
    '| `dr_VI__para_6__list_1__point_a__list_1__point_i` | `draft-resolutions/vi.html#op-6-a-i` |',
    '| `dr_V__fn_6` | `draft-resolutions/v.html#fn-6` |',
]


_TEXT_AKN_NOTES = """\
## Akoma Ntoso {{#akoma-ntoso}}

The file is one `documentCollection` (an AKN4UN *publication*): the masthead,
then one component holding the document's text, `statement name="{name}"`,
laid out as AKN4UN's "Modelling of GA Resolutions": its title, the formula
*The General Assembly,*, its preambular paragraphs (`container`) and operative
paragraphs (`paragraph`, sub-paragraphs as `point`){parts}{more}. Footnotes are
`authorialNote` elements at their marks. Citations are `ref` elements pointing
where the site's links point.

Every paragraph, sub-paragraph{blocks} and note has an `eId` from which its
address in the site follows: all are on the home page; `list_N` steps are left
out and the rest, joined with `-`, is the anchor (`para` being `op`){rule}.
"""

_AMENDMENTS_AKN_NOTES = """\
## Akoma Ntoso {#akoma-ntoso}

The file is one `documentCollection` (an AKN4UN *publication*): the masthead,
then one `amendment` component whose `amendmentHeading` names the amended draft
and whose `amendmentContent` holds one `blockContainer` per amendment, its
action (insert, delete, replace, add) as its `class`. Footnotes are
`authorialNote` elements at their marks.

Every amendment and note has an `eId` from which its address in the site
follows: all are on the home page, and the part after `__`, with `-` for `_`,
is the anchor.
"""


def _akn_notes(report: Report) -> list[str]:
    """What the Data page says of the Akoma Ntoso file, with examples of its eIds."""
    if report.kind == "report":
        return [_AKN_NOTES, *boxed_table(_EID_EXAMPLES)]
    if report.kind == "amendments":
        return [_AMENDMENTS_AKN_NOTES, *boxed_table([
            '| eId (examples) | Address in the site |', '|---|---|',
            '| `amendments__amendment_1` | `index.html#amendment-1` |',
            '| `amendments__fn_1` | `index.html#fn-1` |'])]
    component = "resolution" if report.kind == "resolution" else "draft"
    annexes = report.kind == "resolution"
    notes = _TEXT_AKN_NOTES.format(
        name="resolution" if annexes else "draftResolution",
        more=("; its adoption in `conclusions` and its annexes as `attachments`, each a "
              "`doc name=\"annex\"`") if annexes else "",
        blocks=", annex block" if annexes else "",
        rule="; an annex block's is its anchor with `_` for `-`" if annexes else "",
        parts=("; its headed parts are `part` elements (a sub-part a `subpart`), each holding "
               "its preambular paragraphs (`hcontainer`) and operative paragraphs"
               if _has_parts(report) else ""))
    examples = ['| eId (examples) | Address in the site |', '|---|---|',
                f'| `{component}__pp_2` | `index.html#pp-2` |',
                f'| `{component}__para_12` | `index.html#op-12` |',
                f'| `{component}__para_6__list_1__point_a` | `index.html#op-6-a` |',
                f'| `{component}__fn_6` | `index.html#fn-6` |']
    if _has_parts(report):
        examples += [f'| `{component}__part_ii` | `index.html#part-ii` |',
                     f'| `{component}__part_ii__para_1` | `index.html#part-ii-op-1` |']
    if annexes:
        examples.append(f'| `{component}__annex_ii_para_3` | `index.html#annex-ii-para-3` |')
    return [notes, *boxed_table(examples)]


def _has_parts(report: Report) -> bool:
    """Whether a text of the document has headed parts (``Part``)."""
    return any(text.parts for text in report.resolutions)


def data_page(report: Report, files: dict[str, str]) -> str:
    """``data.md``: every download with its size, the tables' columns, the JSON's fields."""
    rows = ["| File | Format | Size | What it holds |", "|---|---|---|---|"]
    for item in downloads(report):
        text = files.get(item.path)
        shown = size(text) if text is not None else "not built"
        rows.append(f"| [{escape(item.path)}]({item.path}) | {escape(item.kind)} | {shown} | "
                    f"{escape(item.description)} |")
    # Search finds the report's paragraphs; this page's tables of fields would only
    # crowd out the paragraph a phrase comes from (it is in the navigation).
    parts = ["---", "title: Data", "search:", "  exclude: true", "---", "", "# Data {#data}", "",
             f"{escape(str(report.symbol))} as open data, for spreadsheets, databases and "
             f"document systems. Every file is made from the same reading of the "
             f"{'report' if report.kind == 'report' else 'document'} as "
             "these pages, and every one is in the offline copy of the site too.", "",
             *boxed_table(rows), "", *_columns(report.kind), *_akn_notes(report), "",
             "## JSON fields {#json-fields}", "",
             f"Every field of [{escape(json_name(report))}]({json_name(report)}), "
             f"as its [schema]({SCHEMA_PATH}) describes it.", "",
             *boxed_table([field_list(load_schema(), escape)])]
    return "\n".join(parts)
