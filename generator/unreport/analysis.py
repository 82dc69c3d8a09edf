"""A report with everything found in it, built once and carried together.

The later stages — the site's pages, the JSON, the CSV tables, Akoma Ntoso —
read the same references, mandates and meetings. :func:`analyse` finds them
once, after the parse; every later stage takes the :class:`Analysis`, never
rebuilds a part of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from unreport.mandates.clauses import MandateLayer, build_mandates
from unreport.model import Report
from unreport.references.layer import ReferenceLayer, build_layer
from unreport.references.meetings import MeetingEntry, meetings


@dataclass(frozen=True)
class Analysis:
    """A parsed report and what was found in it."""

    report: Report
    """The document model."""
    references: ReferenceLayer
    """Every citation, resolved to its target."""
    mandates: MandateLayer
    """Who each operative paragraph asks to do what."""
    meetings: tuple[MeetingEntry, ...]
    """Every meeting on the item, with the report paragraphs about it."""


def analyse(report: Report) -> Analysis:
    """Find the references, mandates and meetings of ``report``."""
    return Analysis(report, build_layer(report), build_mandates(report),
                    tuple(meetings(report)))
