"""Which draft became which resolution, from what the documents of a collection show.

A committee report's draft resolution carries no resolution number: the Assembly
numbers it when it adopts it, after the report is issued. A collection can still
show it, two ways, each from the documents themselves:

* *adopted on*: a resolution in the collection says it was adopted "on the report of
  the Third Committee (A/77/464, para. 31)" and bears the title of one of that
  report's drafts;
* *last of its line*: a later resolution bears the draft's title and reaffirms or
  recalls, in the first paragraph that cites any resolution of the draft's session,
  a resolution of that session as the last of a list ("its resolutions … 76/187 of
  16 December 2021 and 77/237 of 15 December 2022"): 78/229 shows that draft VII of
  A/77/464 became 77/237.

Two drafts that could be the one (the same title twice) is a warning, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from unreport import addresses
from unreport.collection.summary import Cited, DocumentSummary, Text

HOME = addresses.page_url(addresses.HOME)
"""A document's home page, its own text's for a resolution or a draft (``index.html``)."""

_WORDS = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class Identity:
    """A draft of a report in the collection, and the resolution it became."""

    resolution: str
    """The resolution's symbol (``A/RES/77/237``)."""
    report: str
    """The report holding the draft (``A/77/464``)."""
    page: str
    """The draft's page in the report's folder (``draft-resolutions/vii.html``)."""
    draft: str
    """How the report's site names the draft (``Draft resolution VII``)."""
    evidence: str
    """What shows it, in a sentence."""


def title_key(title: str) -> str:
    """A title without case, punctuation or spacing: what two titles are compared on."""
    return _WORDS.sub(" ", title).casefold().strip()


def same_title(a: str, b: str) -> bool:
    """Whether two titles are the same but for case, punctuation and spacing."""
    return title_key(a) == title_key(b)


def _lower_first(name: str) -> str:
    """``Draft resolution VII`` as inside a sentence: ``draft resolution VII``."""
    return name[:1].lower() + name[1:]


def identities(documents: Iterable[DocumentSummary]) -> tuple[tuple[Identity, ...],
                                                               tuple[str, ...]]:
    """Every draft-to-resolution identity the collection shows, and warnings where it
    shows two candidates."""
    documents = list(documents)
    reports = [d for d in documents if d.kind == "report"]
    present = {d.symbol for d in documents}
    found: dict[str, Identity] = {}
    warnings: list[str] = []

    def drafts_titled(title: str, report_filter: Iterable[DocumentSummary]) \
            -> list[tuple[DocumentSummary, Text]]:
        return [(r, t) for r in report_filter for t in r.texts if same_title(t.title, title)]

    for doc in documents:  # adopted on a report of the collection
        if doc.kind != "resolution" or not doc.adopted_on:
            continue
        matches = drafts_titled(doc.title, [r for r in reports if r.symbol == doc.adopted_on])
        if len(matches) > 1:
            warnings.append(f"{doc.symbol} was adopted on {doc.adopted_on}, which has "
                            f"{len(matches)} drafts titled \"{doc.title}\"; none is linked.")
        elif matches:
            report, text = matches[0]
            found[doc.symbol] = Identity(
                doc.symbol, report.symbol, text.page, text.name,
                f"{doc.symbol} was adopted on the report {report.symbol} and bears the title "
                f"of its {_lower_first(text.name)}")
    for doc in documents:  # the last of its line, named by a later resolution
        if doc.kind != "resolution" or doc.session is None:
            continue
        for report in reports:
            if report.session is None or report.session >= doc.session:
                continue
            matches = drafts_titled(doc.title, [report])
            if not matches:
                continue
            line_end = last_of_line(doc.cites, HOME, report.session)
            predecessor = line_end[0] if line_end else None
            if predecessor is None or predecessor in present or predecessor in found:
                continue
            if len(matches) > 1:
                warnings.append(f"{doc.symbol} reaffirms {predecessor}, and {report.symbol} "
                                f"has {len(matches)} drafts titled \"{doc.title}\"; none is "
                                "linked.")
                continue
            _, text = matches[0]
            found[predecessor] = Identity(
                predecessor, report.symbol, text.page, text.name,
                f"{doc.symbol} bears the title of {report.symbol}’s {_lower_first(text.name)} and "
                f"cites {predecessor.removeprefix('A/RES/')} as the last of its line")
    claimed: dict[tuple[str, str], list[str]] = {}
    for identity in found.values():
        claimed.setdefault((identity.report, identity.page), []).append(identity.resolution)
    for (holder, page), resolutions in claimed.items():
        if len(resolutions) > 1:
            warnings.append(f"{holder}'s {page} could have become any of "
                            f"{', '.join(sorted(resolutions))}; none is linked.")
            for resolution in resolutions:
                found.pop(resolution)
    return tuple(sorted(found.values(), key=lambda i: i.resolution)), tuple(warnings)


RESOLUTION = re.compile(r"A/RES/(\d+)/\d+")
"""A General Assembly resolution numbered by session: ``A/RES/77/237``."""


def last_of_line(cites: Iterable[Cited], page: str, session: int) \
        -> tuple[str, bool] | None:
    """The last resolution of ``session`` cited in the first paragraph of ``page`` that
    cites any, and whether it ends a list: that paragraph cites two resolutions or more,
    this one last ("its resolutions … 76/187 of 16 December 2021 and 77/237 of 15 December
    2022")."""
    on_page = [(c.anchor, c.symbol, found) for c in cites if c.page == page
               and (found := RESOLUTION.fullmatch(c.symbol))]
    first = next((anchor for anchor, _, found in on_page if int(found.group(1)) == session),
                 None)
    if first is None:
        return None
    listed = list(dict.fromkeys(symbol for anchor, symbol, _ in on_page if anchor == first))
    last = [symbol for anchor, symbol, found in on_page
            if anchor == first and int(found.group(1)) == session][-1]
    return last, len(listed) > 1 and listed[-1] == last
