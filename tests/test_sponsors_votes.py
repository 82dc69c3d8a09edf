"""The sponsors page's view of the States' votes (issue "Every structure a Main Committee
report has"): every recorded vote numbered, a States × votes table (a letter a cell), and
each sponsoring State's entry saying how it voted — read from
``tests/fixtures/votes-report.md`` (three recorded votes: on OP 1 of draft resolution I,
on draft resolution I, on amendments A/C.3/99/L.66 to draft resolution II; a vote of
counts only, which lists no States, is left out)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from unreport.parse import parse
from unreport.parse.source import bundled_path, read_source
from unreport.publish.build import site_files
from unreport.site.votes import recorded_votes

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def page() -> str:
    return site_files(parse(read_source(HERE / "fixtures" / "votes-report.md")).report)[
        "sponsors.md"]


def _row(page: str, state: str) -> list[str]:
    """The letters of a State's row of the votes table, one per vote ("" where it is not
    listed)."""
    votes = page[page.index("{#votes}"):]
    row = re.search(rf'<tr><th scope="row">(?:<a [^>]*>)?{re.escape(state)}(?:</a>)?</th>'
                    r"(.*?)</tr>", votes)
    assert row, state
    cells = re.findall(r'<td(?: colspan="(\d+)")?>(.*?)</td>', row.group(1))
    letters: list[str] = []
    for span, content in cells:
        shown = re.search(r'aria-hidden="true">(\w)</span>', content)
        letters += [shown.group(1) if shown else ""] * int(span or 1)
    return letters


def test_recorded_votes_in_the_reports_order() -> None:
    report = parse(read_source(HERE / "fixtures" / "votes-report.md")).report
    votes = recorded_votes(report)
    assert [(v.outcome, v.paragraph, v.vote.yes, v.vote.no) for v in votes] == [
        ("retained", 4, 20, 8), ("adopted", 5, 20, 8), ("rejected", 9, 8, 20)]


def test_the_votes_are_numbered_and_explained(page: str) -> None:
    assert "[how each State voted](#votes)" in page
    assert "## How each State voted {#votes}" in page
    assert ("**1.** Vote on OP 1 of [draft resolution I](draft-resolutions/i.md) "
            "(A/C.3/99/L.35), retained: recorded vote 20–8–6 (para. 4)\n{: #vote-1 ") in page
    assert "**3.** Vote on amendments A/C.3/99/L.66 to [draft resolution II]" in page
    assert page.index("{#states}") < page.index("{#votes}") < page.index("{#each-state}")


def test_each_state_row(page: str) -> None:
    assert _row(page, "Iceland") == ["Y", "Y", "N"]
    assert _row(page, "Belarus") == ["N", "N", "Y"]
    assert _row(page, "Guinea-Bissau") == ["A", "A", "A"]
    assert _row(page, "Côte d’Ivoire") == ["Y", "Y", "N"]
    # Every State links to its entry, a sponsor's or not.
    assert '<th scope="row"><a href="#norway">Norway</a></th>' in page
    assert '<th scope="row"><a href="#china">China</a></th>' in page
    # Each cell's words are there for screen readers, its letter hidden from them.
    assert '<span aria-hidden="true">A</span><span class="unr-sr">abstaining</span>' in page


def test_a_sponsors_entry_says_how_it_voted(page: str) -> None:
    assert ("(original sponsor) — recorded votes: in favour in [1](#vote-1), [2](#vote-2); "
            "against in [3](#vote-3)\n{: #norway ") in page


def test_a_state_that_only_voted_has_an_entry(page: str) -> None:
    entry = next(line for line in page.split("\n\n") if "{: #china " in line)
    assert entry.startswith("**China** (0): no sponsorship — recorded votes: ")


def test_a_report_without_recorded_votes_has_no_such_section() -> None:
    files = site_files(parse(read_source(HERE / "fixtures" / "mini-report.md")).report)
    assert "{#votes}" not in files["sponsors.md"]
    assert "how each State voted" not in files["sponsors.md"]


def test_a_state_that_spoke_is_linked_and_has_an_entry() -> None:
    """A/77/464: the United States, an original sponsor of draft resolution VII, spoke
    after the adoption of drafts V and VI; its name in V's facts leads to its entry, which
    says both."""
    files = site_files(parse(read_source(bundled_path())).report)
    assert ("[United States of America](../sponsors.md#united-states-of-america) (after "
            "adoption)") in files["draft-resolutions/v.md"]
    entry = next(line for line in files["sponsors.md"].split("\n\n")
                 if "{: #united-states-of-america " in line)
    assert entry.startswith("**United States of America** (1): [draft resolution VII]"
                            "(draft-resolutions/vii.md) (original sponsor) — spoke on "
                            "[draft resolution V](draft-resolutions/v.md) (after adoption); "
                            "[draft resolution VI](draft-resolutions/vi.md) (after adoption)")
    assert "Secretary of the Committee" not in files["sponsors.md"]  # an officer, not a State
