"""The document model: frozen dataclasses for a General Assembly committee report.

Every node keeps the span of source lines it came from, so that a message about
it can point at the line a person has to look at. Texts are plain: page
furniture removed, split parts joined with one space, emphasis markers and
footnote marks taken out. Footnote marks are kept as ``NoteRef`` values that
say which note is referred to and where in the text the mark stood.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from unreport.addresses import draft_decision_page, draft_page, page_url
from unreport.text.symbols import DocumentSymbol


@dataclass(frozen=True)
class Span:
    """First and last line (1-based, inclusive) in the user's source file."""

    first: int
    """Line where the node starts."""
    last: int
    """Line where the node ends (the same as ``first`` for one-line nodes)."""

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


@dataclass(frozen=True)
class NoteRef:
    """A footnote mark inside a text."""

    number: int
    """The note number as printed."""
    offset: int
    """Character offset in the plain text after which the mark stood."""
    line: int
    """Source line of the mark (for a restored mark: the first line of its paragraph)."""
    restored: str | None = None
    """For a mark the converter lost and ``restore.py`` put back: why it stands here."""


@dataclass(frozen=True)
class Note:
    """A footnote, numbered as printed (afresh in the report body and in each draft)."""

    number: int
    """Number as printed."""
    text: str
    """Plain text of the note."""
    span: Span
    """Where the note's definition stands in the source."""
    marked: bool
    """False when no mark of the source refers to the note (the converter lost it)."""
    restored: str | None = None
    """When its lost mark was put back (``restore.py``): why, in a sentence."""

    @property
    def state(self) -> str:
        """``marked``, ``restored`` (its lost mark put back) or ``lost`` (left unplaced)."""
        return "marked" if self.marked else "restored" if self.restored else "lost"


@dataclass(frozen=True)
class SubParagraph:
    """A lettered (a), (b)… or roman (i), (ii)… sub-paragraph."""

    label: str
    """Label without brackets: ``a`` or ``ii``."""
    anchor: str
    """Public anchor, e.g. ``op-6-a`` or ``op-6-a-i``."""
    text: str
    """Plain text."""
    notes: tuple[NoteRef, ...]
    """Footnote marks in the text."""
    subparagraphs: tuple[SubParagraph, ...]
    """Nested sub-paragraphs: (i), (ii)… under a lettered one."""
    span: Span
    """Source lines."""
    italic: int = 0
    """Length of its opening words as the source sets them in italics ("Reaffirming
    also"); 0 where the source does not say (the site then finds the opening verb)."""


def all_subparagraphs(subs: tuple[SubParagraph, ...]) -> list[SubParagraph]:
    """Sub-paragraphs and their nested ones, in reading order: (a), (i), (ii), (b)…"""
    out: list[SubParagraph] = []
    for sub in subs:
        out += [sub, *all_subparagraphs(sub.subparagraphs)]
    return out


@dataclass(frozen=True)
class ReportParagraph:
    """A numbered paragraph of the report's own text (1, 2, … 31)."""

    number: int
    """Number as printed."""
    anchor: str
    """Public anchor ``para-N``."""
    text: str
    """Plain text."""
    notes: tuple[NoteRef, ...]
    """Footnote marks in the text (report-body notes)."""
    items: tuple[SubParagraph, ...]
    """Lettered sub-items, anchors ``para-N-a``."""
    section: str
    """Roman number of the section the paragraph stands in (``I``, ``II``…)."""
    subsection: str | None
    """Letter of the subsection of section II (``A``…), if any."""
    span: Span
    """Source lines."""


@dataclass(frozen=True)
class Subsection:
    """A lettered subsection heading, e.g. ``A. Draft resolution A/C.3/77/L.2``."""

    letter: str
    """The letter as printed."""
    title: str
    """Heading text after the letter."""
    line: int
    """Source line of the heading."""


@dataclass(frozen=True)
class Section:
    """A roman-numbered section of the report (``I. Introduction``)."""

    number: str
    """Roman number as printed."""
    title: str
    """Heading text."""
    anchor: str
    """Public anchor ``section-i``."""
    subsections: tuple[Subsection, ...]
    """Lettered subsections, in order."""
    line: int
    """Source line of the heading."""


@dataclass(frozen=True)
class Sponsors:
    """Sponsors of a draft in the three groups the report distinguishes."""

    original: tuple[str, ...]
    """States that submitted the draft (its original sponsors)."""
    subsequent: tuple[str, ...]
    """States that joined in sponsoring it after it was submitted."""
    at_meeting: tuple[str, ...]
    """States that joined in sponsoring it at the meeting where it was acted on."""

    @property
    def count(self) -> int:
        """Number of sponsors in all three groups."""
        return len(self.original) + len(self.subsequent) + len(self.at_meeting)

    def all(self) -> tuple[str, ...]:
        """Every sponsor, original first."""
        return self.original + self.subsequent + self.at_meeting


@dataclass(frozen=True)
class Meeting:
    """A meeting of the Committee (or of the plenary)."""

    number: int
    """Meeting number (45 for the 45th meeting)."""
    date: dt.date | None
    """Date of the meeting, when the report gives it."""
    plenary: bool = False
    """True for a plenary meeting of the General Assembly."""


@dataclass(frozen=True)
class Statement:
    """Somebody spoke on a draft."""

    speaker: str
    """Who spoke: a State, or an officer such as ``Secretary of the Committee``."""
    on_behalf_of: str | None
    """Group on whose behalf, if the report says so."""
    also_on_behalf_of: tuple[str, ...]
    """States on whose behalf the speaker also spoke."""
    timing: str
    """``before`` or ``after`` the adoption."""
    meeting: int | None
    """Meeting number."""
    paragraph: int
    """Report paragraph that records it."""


@dataclass(frozen=True)
class Vote:
    """A vote of the Committee: its counts, and for a recorded vote the States of each
    group as the report lists them."""

    yes: int
    """Votes in favour."""
    no: int
    """Votes against."""
    abstain: int
    """Abstentions."""
    recorded: bool = True
    """True for a recorded vote ("by a recorded vote of 80 to 29"), False for a vote whose
    States the report does not list ("by a vote of 94 to 12")."""
    in_favour: tuple[str, ...] = ()
    """States that voted in favour, as listed (apostrophes straight); empty if not listed."""
    against: tuple[str, ...] = ()
    """States that voted against, as listed."""
    abstaining: tuple[str, ...] = ()
    """States that abstained, as listed."""
    meeting: int | None = None
    """Meeting at which the vote was taken, when the report says."""
    span: Span | None = None
    """Source lines of the paragraph that records the vote and its lists."""


@dataclass(frozen=True)
class ParagraphVote:
    """A separate vote on one paragraph of a draft ("decided to retain operative
    paragraph 9 by a recorded vote of 110 to 8, with 44 abstentions")."""

    anchor: str
    """Anchor of the paragraph voted on in the draft's text: ``op-9``, ``pp-15``."""
    outcome: str
    """``retained`` or ``deleted``."""
    vote: Vote | None
    """The vote, or None where the report gives none."""
    paragraph: int
    """Report paragraph that records it."""


@dataclass(frozen=True)
class AmendmentAction:
    """Amendments to a draft proposed in the Committee (A/C.3/77/L.66) and what the
    Committee did with them."""

    symbol: DocumentSymbol
    """Symbol of the document of amendments."""
    amends: DocumentSymbol
    """Symbol of the draft they amend."""
    proposed_by: tuple[str, ...]
    """States (or an officer) that introduced or submitted them, as the report names them."""
    on_behalf_of: str | None
    """Group on whose behalf they were introduced, if any."""
    outcome: str
    """``adopted``, ``rejected``, ``withdrawn``, ``no action`` or ``""`` (not said)."""
    vote: Vote | None
    """The vote on them, or None (adopted without a vote, or not said)."""
    paragraphs: tuple[int, ...]
    """Report paragraphs that speak of them."""


@dataclass(frozen=True)
class OralChange:
    """An oral revision or correction of a draft, made at the meeting that acted on it."""

    kind: str
    """``revised`` or ``corrected``."""
    by: str | None
    """Who made it: a State or an officer (``Secretary of the Committee``), if said."""
    meeting: int | None
    """Meeting number, when the report says."""
    paragraph: int
    """Report paragraph that records it."""


@dataclass(frozen=True)
class Proposal:
    """A draft considered by the Committee (a subsection of section II)."""

    letter: str
    """Subsection letter (``A``…)."""
    draft_symbol: DocumentSymbol
    """Symbol of the draft, e.g. ``A/C.3/77/L.7/Rev.1``."""
    title: str
    """Title of the draft resolution."""
    recommended_by: str | None
    """Body that recommended the draft (``Economic and Social Council``), if any."""
    recommendation: str | None
    """The recommending decision, e.g. ``resolution 2022/12``."""
    submitted_by: tuple[str, ...]
    """Who submitted the draft (States, or an officer such as the Chair)."""
    on_behalf_of: str | None
    """Group on whose behalf it was submitted, if any."""
    sponsors: Sponsors
    """Sponsors in three groups."""
    meetings: tuple[Meeting, ...]
    """Committee meetings at which it was considered, in order."""
    statements: tuple[Statement, ...]
    """Statements made on it."""
    adopted: bool
    """Whether the Committee adopted it."""
    adopted_at: int | None
    """Meeting at which it was adopted."""
    vote: Vote | None
    """The vote that decided its fate (adoption, rejection, or a motion that no action be
    taken on it), or None when there was none."""
    draft_resolution: str | None
    """Roman number of the draft resolution it became (``I``…)."""
    paragraphs: tuple[int, ...]
    """Report paragraphs of the subsection."""
    span: Span
    """Source lines of the subsection."""
    outcome: str = ""
    """What the Committee did with it: ``adopted``, ``rejected``, ``withdrawn`` (by its
    sponsors), ``no action`` (taken on it), or ``""`` where section II does not say."""
    paragraph_votes: tuple[ParagraphVote, ...] = ()
    """Separate votes on paragraphs of its text, in the report's order."""
    amendments: tuple[AmendmentAction, ...] = ()
    """Amendments proposed to it in the Committee, in the order the report names them."""
    oral_changes: tuple[OralChange, ...] = ()
    """Oral revisions and corrections made to it."""


@dataclass(frozen=True)
class Preambular:
    """A preambular paragraph ("Recalling its resolution…,")."""

    number: int
    """Position in the preamble, from 1 (the document prints no number)."""
    anchor: str
    """Public anchor ``pp-N``."""
    text: str
    """Plain text."""
    notes: tuple[NoteRef, ...]
    """Footnote marks."""
    span: Span
    """Source lines."""
    part: str | None = None
    """Anchor of the part of the text it stands in (``part-ii``), if the text has parts."""
    italic: int = 0
    """Length of its opening words as the source sets them in italics ("Reaffirming
    also"); 0 where the source does not say (the site then finds the opening verb)."""


@dataclass(frozen=True)
class Operative:
    """A numbered operative paragraph."""

    number: int
    """Number as printed."""
    anchor: str
    """Public anchor ``op-N``."""
    text: str
    """Plain text (without its sub-paragraphs)."""
    notes: tuple[NoteRef, ...]
    """Footnote marks."""
    subparagraphs: tuple[SubParagraph, ...]
    """Sub-paragraphs (a), (b)…"""
    span: Span
    """Source lines."""
    printed: bool = True
    """False for an unnumbered operative paragraph (a resolution with only one: "Approves
    the report of the Credentials Committee.", 78/124): numbered here, not in print."""
    part: str | None = None
    """Anchor of the part of the text it stands in (``part-ii``), if the text has parts."""
    italic: int = 0
    """Length of its opening words as the source sets them in italics ("Reaffirming
    also"); 0 where the source does not say (the site then finds the opening verb)."""


@dataclass(frozen=True)
class Part:
    """A part of a resolution's text, with its own heading ("II. Activities of the
    Independent Audit Advisory Committee"); parts may number their paragraphs afresh."""

    label: str
    """Its label as printed: ``II``, ``B``, ``Part I``, ``Section 29A``."""
    title: str
    """Its heading after the label."""
    anchor: str
    """Public anchor ``part-ii`` (``part-vii-a`` for part A under part VII, ``section-29a``
    for a budget's section); an operative paragraph whose number the text repeats in a
    later part has its anchor under the part's (``part-ii-op-1``)."""
    line: int
    """Source line of the heading."""


@dataclass(frozen=True)
class AnnexBlock:
    """One block of an annex: a heading, a numbered paragraph, a lettered sub-paragraph or
    other text. An annex numbers its paragraphs afresh, never continuing the resolution's."""

    kind: str
    """``heading``, ``paragraph`` (numbered), ``item`` (lettered or roman) or ``text``."""
    label: str | None
    """The number or letter as printed (``3``, ``b``), or None."""
    anchor: str
    """Public anchor, under the annex's: ``annex-para-3``, ``annex-i-para-3-b``,
    ``annex-text-4`` (text and headings by their place in the annex)."""
    text: str
    """Plain text."""
    notes: tuple[NoteRef, ...]
    """Footnote marks (the resolution's notes: they are numbered through its annexes)."""
    span: Span
    """Source lines."""


@dataclass(frozen=True)
class Annex:
    """An annex of a resolution (``Annex``, ``Annex I``…)."""

    number: str
    """Roman number as printed, or ``""`` for a lone ``Annex``."""
    anchor: str
    """Public anchor: ``annex`` or ``annex-ii``."""
    title: str
    """Its title (the heading lines after ``Annex``), or ``""``."""
    blocks: tuple[AnnexBlock, ...]
    """Its content in order."""
    span: Span
    """Source lines."""


@dataclass(frozen=True)
class Amendment:
    """One numbered amendment of an amendments document (A/C.3/80/L.57)."""

    number: int
    """Its number as printed."""
    anchor: str
    """Public anchor ``amendment-N``."""
    action: str
    """What it does: ``insert``, ``delete``, ``replace`` or ``add`` (``other`` if unclear)."""
    target: str | None
    """The anchor of the paragraph of the amended draft it acts on (``op-64``, ``pp-3``),
    or None (the title, or not said)."""
    text: str
    """Its text, as printed."""
    notes: tuple[NoteRef, ...]
    """Footnote marks."""
    span: Span
    """Source lines."""


@dataclass(frozen=True)
class Adoption:
    """How and when the General Assembly adopted a resolution (its masthead and its end)."""

    date: dt.date | None
    """Date of adoption ("Resolution adopted by the General Assembly on …")."""
    basis: str
    """The bracketed line as printed: ``on the report of the Third Committee (A/78/482,
    para. 29)`` or ``without reference to a Main Committee (A/78/L.41 …)``."""
    committee: str | None
    """The Main Committee whose report it was adopted on, or None (plenary)."""
    report: DocumentSymbol | None
    """The report it was adopted on (or the first draft named for a plenary one)."""
    report_paragraph: int | None
    """The report's paragraph that recommended it."""
    meeting: int | None
    """The plenary meeting at which it was adopted ("50th plenary meeting")."""
    closing: Span | None = None
    """Source lines of the text's closing: that meeting and the date under it."""


@dataclass(frozen=True)
class DraftResolution:
    """A draft resolution recommended for adoption."""

    number: str
    """Roman number as printed (``V``)."""
    ordinal: int
    """The same number as an integer (5)."""
    title: str
    """Title."""
    preambular: tuple[Preambular, ...]
    """Preambular paragraphs."""
    operative: tuple[Operative, ...]
    """Operative paragraphs."""
    notes: tuple[Note, ...]
    """Footnotes, numbered afresh in each draft."""
    span: Span
    """Source lines from the heading to the last paragraph or note."""
    slug: str
    """File name stem of its page: ``v`` for draft resolution V (``v-2`` for a repeat);
    ``""`` for the text of a resolution or draft document, whose page is the home page."""
    annexes: tuple[Annex, ...] = ()
    """Its annexes (an adopted resolution's), in order."""
    parts: tuple[Part, ...] = ()
    """The parts of its text, where it has headed parts (sections I, II…), in order."""

    @property
    def page(self) -> str:
        """Site path of its page."""
        return page_url(draft_page(self.slug))


@dataclass(frozen=True)
class DraftDecision:
    """A draft decision recommended for adoption, after the draft resolutions ("The Third
    Committee also recommends to the General Assembly the adoption of the following draft
    decision:")."""

    number: str
    """Roman number as printed ("Draft decision II"), or ``""`` for a report's one
    unnumbered draft decision."""
    title: str
    """Title ("Documents considered by the General Assembly in connection with …")."""
    paragraphs: tuple[Operative, ...]
    """Its text, paragraph by paragraph ("The General Assembly takes note of the following
    documents:"), with their lettered items; anchors ``para-N`` and ``para-N-a`` (N counts
    the paragraphs from 1; ``printed`` is False, as decisions number none)."""
    notes: tuple[Note, ...]
    """Footnotes, numbered afresh in each draft decision."""
    span: Span
    """Source lines from the heading (or the title) to the last paragraph or note."""
    slug: str
    """File name stem of its page: ``ii`` for draft decision II, ``decision`` for an
    unnumbered one (``-2`` for a repeat)."""

    @property
    def page(self) -> str:
        """Site path of its page."""
        return page_url(draft_decision_page(self.slug))


@dataclass(frozen=True)
class Rapporteur:
    """The Committee's rapporteur."""

    name: str
    """Name with title, e.g. ``Ms. Shalini Gungaram``."""
    country: str
    """Country in brackets after the name."""


@dataclass(frozen=True)
class Report:
    """A document of the General Assembly: a committee report (masthead, own text,
    proposals and draft resolutions), or — ``kind`` says — an adopted resolution, a
    draft resolution or amendments, whose one text is ``resolutions[0]`` (none for
    amendments)."""

    symbol: DocumentSymbol
    """Document symbol, e.g. ``A/77/464``."""
    date: dt.date | None
    """Date of issue (None only if the masthead lost it; a warning says so)."""
    session: int | None
    """Session number (77)."""
    agenda_item: int | None
    """Agenda item number."""
    title: str
    """Title of the agenda item."""
    committee: str
    """Committee that reports, e.g. ``Third Committee``."""
    rapporteur: Rapporteur | None
    """Rapporteur, if named."""
    sections: tuple[Section, ...]
    """Roman-numbered sections of the report's own text."""
    paragraphs: tuple[ReportParagraph, ...]
    """Numbered paragraphs of the report's own text."""
    notes: tuple[Note, ...]
    """The report body's own footnotes."""
    proposals: tuple[Proposal, ...]
    """Drafts considered (section II)."""
    resolutions: tuple[DraftResolution, ...]
    """Draft resolutions recommended (section III)."""
    agenda_sub_item: str | None = None
    """The sub-item of the agenda item, where it has one ("68 (b)" → ``b``)."""
    part: str | None = None
    """For a report issued in parts: which part this is, as its title says ("Part III")."""
    kind: str = "report"
    """What the document is: ``report`` (a Main Committee's report), ``resolution`` (an
    adopted resolution, A/RES/…), ``draft`` (a draft resolution, A/C.3/80/L.3) or
    ``amendments`` (a document of amendments to a draft, A/C.3/80/L.57)."""
    adoption: Adoption | None = None
    """For a resolution: how it was adopted."""
    sponsors: tuple[str, ...] = ()
    """For a draft or amendments: the States named in its masthead ("Italy: draft
    resolution")."""
    submitted: str = ""
    """For a draft without sponsors: who submitted it, as its masthead says ("the Chair
    on the recommendation of the Economic and Social Council (resolution 2025/15)")."""
    amends: DocumentSymbol | None = None
    """For amendments: the draft they amend."""
    amends_title: str = ""
    """For amendments: the title of the draft they amend, as their masthead gives it."""
    amendments: tuple[Amendment, ...] = ()
    """For amendments: each amendment."""
    source: str = field(default="", compare=False)
    """Path of the source file as given by the user."""
    digest: str = field(default="", compare=False)
    """SHA-256 of the source file's bytes (hex), recorded in what a build writes."""
    decisions: tuple[DraftDecision, ...] = ()
    """Draft decisions recommended (section III, after the draft resolutions)."""

    def find_resolution(self, number: str) -> DraftResolution | None:
        """The draft resolution with this roman number (the first, if the report repeats
        it), or None."""
        return next((r for r in self.resolutions if r.number == number), None)

    def resolution(self, number: str) -> DraftResolution:
        """The draft resolution with this roman number; ``KeyError`` if there is none."""
        found = self.find_resolution(number)
        if found is None:
            raise KeyError(number)
        return found

    def proposal_for(self, number: str) -> Proposal | None:
        """The proposal that became draft resolution ``number``, if the report says."""
        for proposal in self.proposals:
            if proposal.draft_resolution == number:
                return proposal
        return None
