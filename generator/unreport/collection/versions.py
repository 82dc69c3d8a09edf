"""Versions of one text across sessions, and what changed between them.

A resolution comes back session after session, reworded: draft VII of A/77/464
(adopted as 77/237) came back as 78/229. The collection shows which text is which
version of which from the documents themselves, never from a guess:

* *one version*: texts of one session that are the same text at different stages —
  a draft document (``A/C.3/77/L.12/Rev.1``), the report's draft that has that symbol,
  the resolution it became (``lineage.py``'s identities) — are one version, shown by
  its most final text (the resolution, else the report's draft, else the draft);
  a text is never compared with its own adoption;
* *the version before*: an earlier session's version that the newer one reaffirms or
  recalls as the last of its line (the first paragraph of the newer text citing any
  resolution of that session cites it last: "its resolutions 76/187 … and 77/237 of
  15 December 2022") — with the same title, or with a changed one if that paragraph
  lists two resolutions or more and this one last (a lone "Bearing in mind its
  resolution 77/235" names a neighbour, not a predecessor); failing that, the latest
  earlier session's version with the same title (``lineage.same_title``). Two
  candidates for one predecessor, or two successors claiming one, is a warning and
  no line.

``find_versions`` gives the lines of versions, oldest first; ``compare`` aligns each
consecutive pair's paragraphs (``unreport.versions``) and marks each aligned pair's
words. Pure: a :class:`Collection` in, values out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unreport.collection.lineage import HOME, RESOLUTION, last_of_line, same_title, title_key
from unreport.collection.links import Collection
from unreport.collection.summary import DocumentSummary, Text
from unreport.versions import Pair, Run, align, diff_words
from unreport.versions.align import STATUSES

Key = tuple[str, str]
"""A text's place: its document's folder and its page (``("A-77-464",
"draft-resolutions/vii.html")``)."""

_RANK = {"resolution": 0, "report": 1, "draft": 2}
"""Which stage of a text shows its version: the adopted resolution first."""


@dataclass(frozen=True)
class VersionRef:
    """One version of a text: the text of the collection that shows it."""

    folder: str
    """Its document's folder (``A-77-464``)."""
    page: str
    """Its page in that folder (``draft-resolutions/vii.html``, ``index.html``)."""
    symbol: str
    """Its document's symbol (``A/77/464``)."""
    name: str
    """How to name it: ``A/77/464, draft resolution VII``; ``A/RES/78/229``."""
    session: int
    """The session of the General Assembly it belongs to."""
    title: str
    """Its title."""
    adopted_as: str | None = None
    """The resolution it became, where the collection shows one it does not hold
    (``A/RES/77/237``)."""
    also: tuple[Key, ...] = ()
    """Other texts of the collection that are this same version (the report's draft of
    a resolution shown, a draft document), as (folder, page)."""

    @property
    def key(self) -> Key:
        """Its place: (folder, page)."""
        return (self.folder, self.page)

    @property
    def path(self) -> str:
        """Its page's address from the site's root (``A-RES-78-229/index.html``)."""
        return f"{self.folder}/{self.page}"


@dataclass(frozen=True)
class Step:
    """Two consecutive versions of a line, and what shows that one follows the other."""

    older: VersionRef
    """The earlier version."""
    newer: VersionRef
    """The later version."""
    evidence: str
    """What shows it, in a sentence."""


@dataclass(frozen=True)
class Versions:
    """Every line of versions the collection shows."""

    lines: tuple[tuple[VersionRef, ...], ...]
    """Each line of two or more versions, oldest first; lines by their first version's
    session and place."""
    steps: tuple[Step, ...]
    """Every pair of consecutive versions, line by line, with its evidence."""
    warnings: tuple[str, ...]
    """What the collection could not decide (two candidates for one predecessor…)."""
    _where: dict[Key, tuple[int, int]] = field(default_factory=dict, init=False,
                                               repr=False, compare=False)
    """Every text of a line (its shown text and ``also``) → (line, position)."""

    def __post_init__(self) -> None:
        for number, line in enumerate(self.lines):
            for position, version in enumerate(line):
                for key in (version.key, *version.also):
                    self._where[key] = (number, position)

    def version(self, folder: str, page: str) -> VersionRef | None:
        """The version the text at (folder, page) is, if it is in a line."""
        found = self._where.get((folder, page))
        return self.lines[found[0]][found[1]] if found else None

    def earlier(self, folder: str, page: str) -> tuple[VersionRef, ...]:
        """The earlier versions of the text at (folder, page), oldest first."""
        found = self._where.get((folder, page))
        return self.lines[found[0]][:found[1]] if found else ()

    def later(self, folder: str, page: str) -> tuple[VersionRef, ...]:
        """The later versions of the text at (folder, page), oldest first."""
        found = self._where.get((folder, page))
        return self.lines[found[0]][found[1] + 1:] if found else ()


@dataclass(frozen=True)
class Row:
    """One aligned pair of a comparison, with its words marked."""

    pair: Pair
    """The alignment's pair: status, old and new anchors, score."""
    runs: tuple[Run, ...]
    """The new text with its changes (``versions.diff_words``): one equal run for a kept
    paragraph, one inserted run for an added one, one deleted run for a removed one."""


@dataclass(frozen=True)
class Comparison:
    """Two consecutive versions, paragraph by paragraph."""

    step: Step
    """The two versions and the evidence."""
    rows: tuple[Row, ...]
    """Every aligned pair, in the newer version's order (``versions.align``)."""

    @property
    def older(self) -> VersionRef:
        """The earlier version."""
        return self.step.older

    @property
    def newer(self) -> VersionRef:
        """The later version."""
        return self.step.newer

    def counts(self) -> dict[str, int]:
        """How many pairs have each status, in ``versions.align.STATUSES`` order, those
        with none left out."""
        found = [row.pair.status for row in self.rows]
        return {status: found.count(status) for status in STATUSES if status in found}


@dataclass(frozen=True)
class _Stage:
    """A text of the collection, as a stage of a version."""

    document: DocumentSummary
    """The document holding it."""
    text: Text
    """The text."""

    @property
    def key(self) -> Key:
        """Its place: (folder, page)."""
        return (self.document.folder, self.text.page)


def lower_first(name: str) -> str:
    """``Draft resolution VII`` as inside a sentence: ``draft resolution VII``."""
    return name[:1].lower() + name[1:]


def text_label(document: DocumentSummary, text: Text) -> str:
    """How a version names a text: ``A/77/464, draft resolution VII`` for a report's
    draft, the symbol for a document's own text."""
    return document.symbol if text.page == HOME else \
        f"{document.symbol}, {lower_first(text.name)}"


def _stages(collection: Collection) -> list[list[_Stage]]:
    """The collection's texts grouped into versions (same text, same session), each
    group's shown text first."""
    stages = {(d.folder, t.page): _Stage(d, t) for d in collection.documents
              if d.kind in _RANK and d.session is not None for t in d.texts}
    parent = {key: key for key in stages}

    def root(key: Key) -> Key:
        while parent[key] != key:
            key = parent[key]
        return key

    def join(a: Key, b: Key) -> None:
        if a in stages and b in stages:
            parent[root(a)] = root(b)

    by_symbol = {d.symbol: d for d in collection.documents}
    for identity in collection.identities:
        resolution = by_symbol.get(identity.resolution)
        if resolution is not None:
            join((by_symbol[identity.report].folder, identity.page), (resolution.folder, HOME))
    for stage in stages.values():
        draft = by_symbol.get(stage.text.draft_symbol or "")
        if stage.document.kind == "report" and draft is not None and draft.kind == "draft":
            join((draft.folder, HOME), stage.key)
    groups: dict[Key, list[_Stage]] = {}
    for key, stage in stages.items():
        groups.setdefault(root(key), []).append(stage)
    return [sorted(group, key=lambda s: (_RANK[s.document.kind], s.key))
            for group in groups.values()]


def _version(group: list[_Stage], collection: Collection) -> VersionRef:
    shown = group[0]
    adopted = collection.adopted_as(*shown.key) if shown.document.kind == "report" else None
    assert shown.document.session is not None
    return VersionRef(shown.document.folder, shown.text.page, shown.document.symbol,
                      text_label(shown.document, shown.text), shown.document.session,
                      shown.text.title, adopted.resolution if adopted else None,
                      tuple(stage.key for stage in group[1:]))


def _resolution_of(version: VersionRef, group: list[_Stage]) -> str | None:
    """The resolution a version is, if the collection shows one."""
    if group[0].document.kind == "resolution":
        return group[0].document.symbol
    return version.adopted_as


def ordinal(number: int) -> str:
    """``77`` → ``77th``, ``71`` → ``71st``, ``112`` → ``112th``."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th")
    return f"{number}{suffix}"


def _predecessor(newer: int, versions: list[VersionRef], groups: list[list[_Stage]],
                 by_resolution: dict[str, int], by_title: dict[str, list[int]],
                 warnings: list[str]) -> tuple[int, str] | None:
    """The version ``newer`` follows, with the evidence, or None (with a warning where
    two could be). A version the newer text cites as the last of its line is preferred
    to one that only bears its title; an earlier session's to none at all."""
    version = versions[newer]
    cited: dict[int, str] = {}
    sessions = {int(found.group(1)) for stage in groups[newer]
                for citation in stage.document.cites
                if (found := RESOLUTION.fullmatch(citation.symbol))}
    for session in sorted(s for s in sessions if s < version.session):
        for stage in groups[newer]:
            line_end = last_of_line(stage.document.cites, stage.text.page, session)
            if line_end is None or line_end[0] not in by_resolution:
                continue
            symbol, ends_list = line_end
            older = by_resolution[symbol]
            if ends_list or same_title(versions[older].title, stage.text.title):
                shown = "" if versions[older].symbol == symbol else \
                    f" ({versions[older].name})"
                cited[older] = (f"{version.name} reaffirms or recalls "
                                f"{symbol.removeprefix('A/RES/')}{shown} as the last of its "
                                "line")
                break
    titled: dict[int, str] = {}
    for stage in groups[newer]:
        for older in by_title.get(title_key(stage.text.title), []):
            if versions[older].session < version.session and \
                    same_title(versions[older].title, stage.text.title):
                titled[older] = f"{version.name} bears the title of {versions[older].name}"
    if not cited and not titled:
        return None
    latest = max(versions[older].session for older in (*cited, *titled))
    chosen = sorted(o for o in cited if versions[o].session == latest) or \
        sorted(o for o in titled if versions[o].session == latest)
    if len(chosen) > 1:
        names = ", ".join(versions[o].name for o in chosen)
        warnings.append(f"{version.name} could follow any of {names} (the same title in "
                        f"the {ordinal(latest)} session); none is linked as its earlier "
                        "version.")
        return None
    evidence = [found[chosen[0]] for found in (cited, titled) if chosen[0] in found]
    return chosen[0], "; ".join(evidence)


def find_versions(collection: Collection) -> Versions:
    """Every line of versions the collection shows, and warnings where it shows two
    candidates (see the module's docstring)."""
    groups = sorted(_stages(collection), key=lambda g: (g[0].document.session, g[0].key))
    versions = [_version(group, collection) for group in groups]
    by_resolution: dict[str, int] = {}
    by_title: dict[str, list[int]] = {}
    for number, (version, group) in enumerate(zip(versions, groups, strict=True)):
        resolution = _resolution_of(version, group)
        if resolution:
            by_resolution[resolution] = number
        for stage in group:
            titled = by_title.setdefault(title_key(stage.text.title), [])
            if number not in titled:
                titled.append(number)
    warnings: list[str] = []
    before: dict[int, tuple[int, str]] = {}
    for number in range(len(versions)):
        found = _predecessor(number, versions, groups, by_resolution, by_title, warnings)
        if found:
            before[number] = found
    claims: dict[int, list[int]] = {}
    for newer, (older, _) in before.items():
        claims.setdefault(older, []).append(newer)
    after: dict[int, int] = {}
    for older, newer_ones in claims.items():
        if len(newer_ones) > 1:
            names = ", ".join(versions[n].name for n in newer_ones)
            warnings.append(f"{versions[older].name} could have become any of {names}; "
                            "none is linked as its later version.")
            for newer in newer_ones:
                before.pop(newer)
        else:
            after[older] = newer_ones[0]
    lines: list[tuple[VersionRef, ...]] = []
    steps: list[Step] = []
    for start in range(len(versions)):
        if start in before or start not in after:
            continue
        line = [start]
        while line[-1] in after:
            line.append(after[line[-1]])
        lines.append(tuple(versions[n] for n in line))
        steps += [Step(versions[a], versions[b], before[b][1])
                  for a, b in zip(line, line[1:], strict=False)]
    return Versions(tuple(lines), tuple(steps), tuple(warnings))


def _texts(collection: Collection) -> dict[Key, Text]:
    return {(d.folder, t.page): t for d in collection.documents for t in d.texts}


def compare_step(step: Step, older: Text, newer: Text) -> Comparison:
    """The comparison of two consecutive versions' texts."""
    old_texts = {p.anchor: p.text for p in older.paragraphs}
    new_texts = {p.anchor: p.text for p in newer.paragraphs}
    rows = []
    for pair in align(older.paragraphs, newer.paragraphs):
        old = "\n".join(old_texts[a] for a in pair.old)
        new = "\n".join(new_texts[a] for a in pair.new)
        if pair.status == "kept":
            runs: tuple[Run, ...] = (Run("equal", new),)
        elif pair.status == "added":
            runs = (Run("insert", new),)
        elif pair.status == "removed":
            runs = (Run("delete", old),)
        else:
            runs = diff_words(old, new)
        rows.append(Row(pair, runs))
    return Comparison(step, tuple(rows))


def compare(collection: Collection, versions: Versions) -> tuple[Comparison, ...]:
    """Every pair of consecutive versions compared, line by line."""
    texts = _texts(collection)
    return tuple(compare_step(step, texts[step.older.key], texts[step.newer.key])
                 for step in versions.steps)
