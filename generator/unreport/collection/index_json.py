"""The collection's open data: ``collection.json`` and its JSON Schema.

Every document (with its folder, its texts and every paragraph's anchor), every
draft the collection shows became a resolution, and every citation resolved from one
document to another. Addresses are relative to the site's root
(``A-RES-78-229/index.html#op-12``), as the documents' own JSON files give theirs
relative to their folder.
"""

from __future__ import annotations

import json
from typing import Any

from unreport.collection.links import Collection

SCHEMA_ID = "schema/collection.schema.json"


def collection_json(collection: Collection) -> str:
    """``collection.json``."""
    by_symbol = {d.symbol: d for d in collection.documents}
    data = {
        "$schema": SCHEMA_ID,
        "documents": [{
            "symbol": d.symbol, "folder": d.folder, "url": f"{d.folder}/index.html",
            "data": f"{d.folder}/{d.folder}.json", "kind": d.kind, "title": d.title,
            "date": d.date, "session": d.session, "committee": d.committee,
            "agenda_item": d.agenda_item, "adopted_on": d.adopted_on,
            "adopted_paragraph": d.adopted_paragraph,
            "texts": [{"name": t.name, "title": t.title, "url": f"{d.folder}/{t.page}",
                       "draft_symbol": t.draft_symbol} for t in d.texts],
            "anchors": {f"{d.folder}/{page}": list(anchors)
                        for page, anchors in d.pages.items()},
        } for d in collection.documents],
        "identities": [{
            "resolution": i.resolution, "report": i.report,
            "draft_url": f"{by_symbol[i.report].folder}/{i.page}", "draft": i.draft,
            "evidence": i.evidence} for i in collection.identities],
        "links": [{
            "from": {"symbol": link.symbol, "label": link.label,
                     "url": f"{link.folder}/{link.page}#{link.anchor}"},
            "to": {"name": link.target.name, "url": link.target.path},
        } for link in collection.links],
        "warnings": list(collection.warnings),
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def string_field(description: str, nullable: bool = False) -> dict[str, Any]:
    """A JSON Schema string (or null) with its description; the collection's schemas'
    one way of writing it."""
    return {"type": ["string", "null"] if nullable else "string", "description": description}


def collection_schema() -> str:
    """The JSON Schema of ``collection.json`` (draft 2020-12), each field described."""
    place = {"type": "object", "additionalProperties": False, "required": ["url"]}
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "A collection of General Assembly documents built by unreport",
        "type": "object",
        "additionalProperties": False,
        "required": ["documents", "identities", "links", "warnings"],
        "properties": {
            "$schema": string_field("This schema's address."),
            "documents": {"type": "array", "description": "Every document, by session, "
                          "committee, kind and symbol.", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["symbol", "folder", "url", "data", "kind", "title", "date",
                             "session", "committee", "agenda_item", "adopted_on",
                             "adopted_paragraph", "texts", "anchors"],
                "properties": {
                    "symbol": string_field("Document symbol (A/RES/78/229)."),
                    "folder": string_field("Its folder in the site (A-RES-78-229)."),
                    "url": string_field("Its home page."),
                    "data": string_field("Its own JSON export."),
                    "kind": {"enum": ["report", "resolution", "draft", "amendments"],
                             "description": "What the document is."},
                    "title": string_field("A resolution's or draft's title; a report's agenda "
                                     "item."),
                    "date": string_field("Date of issue, or of adoption (ISO 8601).", True),
                    "session": {"type": ["integer", "null"],
                                "description": "Session of the General Assembly."},
                    "committee": string_field("The Main Committee, or null (plenary).", True),
                    "agenda_item": string_field("Agenda item (108, 68 (b)).", True),
                    "adopted_on": string_field("For a resolution: the report it was adopted on.",
                                          True),
                    "adopted_paragraph": {"type": ["integer", "null"], "description":
                                          "That report's recommending paragraph."},
                    "texts": {"type": "array", "description": "Its texts with a page of "
                              "their own.", "items": {
                        "type": "object", "additionalProperties": False,
                        "required": ["name", "title", "url", "draft_symbol"],
                        "properties": {
                            "name": string_field("Draft resolution VII; Resolution 78/229."),
                            "title": string_field("Its title."),
                            "url": string_field("Its page."),
                            "draft_symbol": string_field("The draft's symbol (A/C.3/77/L.7).",
                                                    True)}}},
                    "anchors": {"type": "object", "description": "Every page with "
                                "paragraphs, and their anchors in order.",
                                "additionalProperties": {"type": "array",
                                                         "items": {"type": "string"}}},
                }}},
            "identities": {"type": "array", "description": "Drafts the collection shows "
                           "became a resolution.", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["resolution", "report", "draft_url", "draft", "evidence"],
                "properties": {
                    "resolution": string_field("The resolution (A/RES/77/237)."),
                    "report": string_field("The report holding the draft (A/77/464)."),
                    "draft_url": string_field("The draft's page."),
                    "draft": string_field("Draft resolution VII."),
                    "evidence": string_field("What shows it.")}}},
            "links": {"type": "array", "description": "Every citation of a document of "
                      "the collection by another, in document order.", "items": {
                "type": "object", "additionalProperties": False, "required": ["from", "to"],
                "properties": {
                    "from": {**place, "required": ["symbol", "label", "url"], "properties": {
                        "symbol": string_field("The citing document."),
                        "label": string_field("The citing paragraph (Resolution 78/229, PP 1)."),
                        "url": string_field("The citing paragraph's address.")}},
                    "to": {**place, "required": ["name", "url"], "properties": {
                        "name": string_field("What is cited (A/77/464, Draft resolution VII)."),
                        "url": string_field("Its address, at the paragraph where the citation "
                                       "names one.")}}}}},
            "warnings": {"type": "array", "items": {"type": "string"},
                         "description": "What the collection could not decide."},
        },
    }
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"
