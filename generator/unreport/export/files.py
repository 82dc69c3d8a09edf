"""The open data files: the JSON, its schema, Akoma Ntoso and the CSV tables.

``export_files`` gives them as ``{file name: text}``; the build adds them to the
docs folder beside the pages, so the engine copies them into the site as they are
and they travel in the offline bundle too. The Data page that lists them is
``site/data_page.py``.
"""

from __future__ import annotations

from unreport.analysis import Analysis
from unreport.export.akn import akn_files
from unreport.export.csv_tables import table_files
from unreport.export.report_json import json_name, to_json
from unreport.export.schema import SCHEMA_PATH, schema_text


def export_files(analysis: Analysis) -> dict[str, str]:
    """Every download: the JSON, its schema, Akoma Ntoso, the CSV tables."""
    return {json_name(analysis.report): to_json(analysis), SCHEMA_PATH: schema_text(),
            **akn_files(analysis), **table_files(analysis)}
