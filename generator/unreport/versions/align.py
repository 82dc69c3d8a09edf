"""Align the paragraphs of two versions of a resolution.

Two paragraphs are compared by the words and punctuation of their texts
(``words.words_key``): white space, typographic quotes and sub-paragraph labels at the
start of a line do not count, every other character does — a changed date, a changed
cross-reference ("paragraph 5 above" → "paragraph 6 above") or a changed number inside a
sentence is a change. A paragraph's own number is not part of its text, so renumbering
alone changes nothing. Their similarity is ``difflib.SequenceMatcher.ratio`` of the two
token sequences: 2·(tokens in common, in order) / (tokens of both), 1.0 exactly when they
read the same.

The alignment, step by step (each deterministic: ties go to the earlier paragraph):

1. **Identical** paragraphs of the same kind are paired first (the k-th copy of a text in
   the old version with the k-th copy in the new).
2. **Similar** ones: every remaining pair of the same kind with a similarity of at least
   ``MATCH`` (0.6) is a candidate, taken best first (nearer places first among equals).
   0.6 means that well over half of both texts is the same words in the same order; a
   paragraph rewritten beyond that is left to step 5, which only pairs paragraphs that
   stand in the same place.
3. **In order or moved**: of the pairs so far, the largest set (by total similarity) that
   keeps the order of both documents stands in place — each is ``kept`` (identical) or
   ``changed``; every other pair is ``moved`` (with or without edits: its score says).
4. **Split and merged**: a paired paragraph whose neighbour on the other side is still
   unpaired takes that neighbour in if the two joined resemble the one paragraph better
   (by ``GAIN``, 0.05) and at least ``JOIN`` (0.75) — "split" (one old, two or more new)
   or "merged" (two or more old, one new). The neighbour must be next to it in its own
   document; halves split apart and moved elsewhere are reported as one change and one
   addition.
5. **Rewritten in place**: between two paragraphs that stand in place, the unpaired old
   and new paragraphs are paired in order where their similarity is at least ``REWRITE``
   (0.4) — a heavily edited paragraph in the same place is ``changed``, not removed and
   added. Step 4 then runs again for these pairs.
6. **Between kinds**: preambular paragraphs align with preambular ones and operative with
   operative in steps 1-5; a paragraph still unpaired that moved from the preamble to the
   operative part (or back) is paired last, as ``moved``, if the similarity is at least
   ``MATCH`` ("Recalling its resolution…" → "Recalls its resolution…" is one word).
7. Whatever is left is ``removed`` or ``added`` (score 0.0).

The pairs come in the new document's order (by their first new paragraph); a removed
paragraph comes right after the pair that holds its old predecessor (at the start if it
has none), removed neighbours in their old order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from unreport.model import DraftResolution, SubParagraph
from unreport.versions.words import words_key

MATCH = 0.6
"""Similarity from which two paragraphs of the same kind are paired wherever they stand."""
REWRITE = 0.4
"""Similarity from which two unpaired paragraphs in the same place are paired."""
JOIN = 0.75
"""Least similarity between one paragraph and the joined pieces it was split into (or
merged from)."""
GAIN = 0.05
"""How much better the joined pieces must match than the one piece alone."""
_PREFILTER = 0.3
"""Word-set overlap (Dice) below which a pair is not compared in full; the full similarity
of such pairs is far below ``MATCH`` in practice."""

STATUSES = ("kept", "changed", "added", "removed", "moved", "split", "merged")
"""Every status a ``Pair`` can have."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a version, as ``align`` compares it."""

    anchor: str
    """Its anchor in its document (``pp-3``, ``op-12``), unique within the version."""
    kind: str
    """``preambular`` or ``operative``."""
    text: str
    """Plain text without its own number, sub-paragraphs included (see ``paragraphs_of``)."""


@dataclass(frozen=True)
class Pair:
    """One row of the comparison: old paragraphs and the new paragraphs they became."""

    status: str
    """``kept``, ``changed``, ``added``, ``removed``, ``moved``, ``split`` or ``merged``."""
    old: tuple[str, ...]
    """Anchors in the old version: one; two or more for ``merged``; none for ``added``."""
    new: tuple[str, ...]
    """Anchors in the new version: one; two or more for ``split``; none for ``removed``."""
    score: float
    """Similarity of the joined old texts to the joined new texts, 0-1; 1.0 exactly when
    they read the same; 0.0 for added and removed."""


def paragraphs_of(resolution: DraftResolution) -> tuple[Paragraph, ...]:
    """The paragraphs of a model resolution, preambular then operative. An operative
    paragraph's text is followed by each of its sub-paragraphs (nested ones included) on a
    line of its own, after its label: ``"Decides:\\n(a) To …;\\n(b) To …"``. Annexes are
    left out."""
    out = [Paragraph(p.anchor, "preambular", p.text) for p in resolution.preambular]
    for op in resolution.operative:
        out.append(Paragraph(op.anchor, "operative", op.text + _subtext(op.subparagraphs)))
    return tuple(out)


def _subtext(subs: tuple[SubParagraph, ...]) -> str:
    """Sub-paragraphs as lines ``"\\n(a) text"``, nested ones after their parent."""
    return "".join(f"\n({s.label}) {s.text}{_subtext(s.subparagraphs)}" for s in subs)


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """``SequenceMatcher.ratio`` of two token sequences (1.0 for two empty ones)."""
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass
class _Link:
    """Old paragraphs paired with new ones (indexes into the two sequences)."""

    old: list[int]
    new: list[int]
    score: float
    in_order: bool = True


class _Aligner:
    """The working state of one ``align`` call."""

    def __init__(self, old: Sequence[Paragraph], new: Sequence[Paragraph]) -> None:
        self.old, self.new = old, new
        self.okeys = [words_key(p.text) for p in old]
        self.nkeys = [words_key(p.text) for p in new]
        self.ocount = [Counter(k) for k in self.okeys]
        self.ncount = [Counter(k) for k in self.nkeys]
        self.links: list[_Link] = []
        self.old_link: dict[int, _Link] = {}
        self.new_link: dict[int, _Link] = {}
        self._memo: dict[tuple[int, int], float] = {}

    def sim(self, i: int, j: int) -> float:
        """Similarity of old paragraph ``i`` and new paragraph ``j`` (cached)."""
        if (i, j) not in self._memo:
            self._memo[i, j] = similarity(self.okeys[i], self.nkeys[j])
        return self._memo[i, j]

    def bound(self, i: int, j: int) -> float:
        """An upper bound of ``sim(i, j)`` that is quick to compute: the share of tokens the
        two have in common, in any order (``SequenceMatcher.quick_ratio``)."""
        a, b = self.ocount[i], self.ncount[j]
        total = len(self.okeys[i]) + len(self.nkeys[j])
        return 2 * sum((a & b).values()) / total if total else 1.0

    def joined_bound(self, olds: list[int], news: list[int]) -> float:
        """``bound`` for joined texts."""
        a = sum((self.ocount[i] for i in olds), Counter[str]())
        b = sum((self.ncount[j] for j in news), Counter[str]())
        total = a.total() + b.total()
        return 2 * sum((a & b).values()) / total if total else 1.0

    def joined_sim(self, olds: list[int], news: list[int]) -> float:
        """Similarity of the joined texts of some old and some new paragraphs."""
        a = [t for i in olds for t in self.okeys[i]]
        b = [t for j in news for t in self.nkeys[j]]
        return similarity(a, b)

    def link(self, olds: list[int], news: list[int], score: float,
             in_order: bool = True) -> _Link:
        """Record a pairing."""
        made = _Link(olds, news, score, in_order)
        self.links.append(made)
        for i in olds:
            self.old_link[i] = made
        for j in news:
            self.new_link[j] = made
        return made

    def free_old(self, kind: str) -> list[int]:
        """Unpaired old paragraphs of a kind, in order."""
        return [i for i, p in enumerate(self.old) if p.kind == kind and i not in self.old_link]

    def free_new(self, kind: str) -> list[int]:
        """Unpaired new paragraphs of a kind, in order."""
        return [j for j, p in enumerate(self.new) if p.kind == kind and j not in self.new_link]

    # Step 1
    def identical(self, kind: str) -> None:
        """Pair identical texts, k-th copy with k-th copy."""
        waiting: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in self.free_old(kind):
            waiting[self.okeys[i]].append(i)
        for j in self.free_new(kind):
            queue = waiting.get(self.nkeys[j])
            if queue:
                self.link([queue.pop(0)], [j], 1.0)

    # Steps 2 and 6
    def similar(self, olds: list[int], news: list[int], *, moved: bool = False) -> None:
        """Pair paragraphs with a similarity of at least ``MATCH``, best first."""
        oset = [set(self.okeys[i]) for i in olds]
        candidates: list[tuple[float, float, int, int]] = []
        for b, j in enumerate(news):
            nset = set(self.nkeys[j])
            for a, i in enumerate(olds):
                total = len(oset[a]) + len(nset)
                if total and 2 * len(oset[a] & nset) / total < _PREFILTER:
                    continue
                short, long = sorted((len(self.okeys[i]), len(self.nkeys[j])))
                if 2 * short < MATCH * (short + long):  # the lengths alone rule it out
                    continue
                if self.bound(i, j) < MATCH:
                    continue
                score = self.sim(i, j)
                if score >= MATCH:
                    place = abs(a / max(len(olds), 1) - b / max(len(news), 1))
                    candidates.append((-score, place, i, j))
        for negative, _, i, j in sorted(candidates):
            if i not in self.old_link and j not in self.new_link:
                self.link([i], [j], -negative, in_order=not moved)

    # Step 3
    def order(self, kind: str) -> None:
        """Mark as moved every pair outside the heaviest order-keeping set."""
        chain = sorted((lk for lk in self.links if self.old[lk.old[0]].kind == kind),
                       key=lambda lk: lk.old[0])
        best: list[float] = []
        back: list[int] = []
        for n, lk in enumerate(chain):
            best.append(lk.score)
            back.append(-1)
            for m in range(n):
                if chain[m].new[0] < lk.new[0] and best[m] + lk.score > best[n]:
                    best[n], back[n] = best[m] + lk.score, m
        keep: set[int] = set()
        n = max(range(len(chain)), key=lambda k: (best[k], -k), default=-1)
        while n >= 0:
            keep.add(n)
            n = back[n]
        for n, lk in enumerate(chain):
            lk.in_order = n in keep

    # Step 4
    def joins(self, links: list[_Link]) -> None:
        """Grow one-to-one pairs into splits and merges with unpaired neighbours."""
        for lk in sorted(links, key=lambda lk: lk.new[0]):
            if len(lk.old) != 1 or len(lk.new) != 1:
                continue
            split = self._grow(lk, new_side=True)
            merged = self._grow(lk, new_side=False)
            olds, news, score = max(
                (split, merged), key=lambda g: (g[2], len(g[0]) + len(g[1])))
            if score > lk.score:
                lk.old, lk.new, lk.score = olds, news, score
                for i in olds:
                    self.old_link[i] = lk
                for j in news:
                    self.new_link[j] = lk

    def _grow(self, lk: _Link, *, new_side: bool) -> tuple[list[int], list[int], float]:
        """Add unpaired neighbours on one side while the joined texts match better."""
        olds, news, score = list(lk.old), list(lk.new), lk.score
        side, seq, taken = (news, self.new, self.new_link) if new_side else \
            (olds, self.old, self.old_link)
        kind = seq[side[0]].kind
        while True:
            options = []
            for grown in ([side[0] - 1, *side], [*side, side[-1] + 1]):
                edge = grown[0] if grown[0] not in side else grown[-1]
                if not 0 <= edge < len(seq) or edge in taken or seq[edge].kind != kind:
                    continue
                try_old, try_new = (olds, grown) if new_side else (grown, news)
                if self.joined_bound(try_old, try_new) < max(JOIN, score + GAIN):
                    continue
                options.append((self.joined_sim(try_old, try_new), -edge, grown))
            if not options:
                break
            best, _, grown = max(options)
            if best < JOIN or best < score + GAIN:
                break
            side[:] = grown
            score = best
        return olds, news, score

    # Step 5
    def rewrites(self, kind: str) -> list[_Link]:
        """Pair unpaired paragraphs standing between the same in-order neighbours."""
        fence = sorted((lk for lk in self.links
                        if lk.in_order and self.old[lk.old[0]].kind == kind),
                       key=lambda lk: lk.old[0])
        bounds = [(-1, -1)] + [(max(lk.old), max(lk.new)) for lk in fence] + \
            [(len(self.old), len(self.new))]
        starts = [(-1, -1)] + [(min(lk.old), min(lk.new)) for lk in fence] + \
            [(len(self.old), len(self.new))]
        made: list[_Link] = []
        free_old, free_new = self.free_old(kind), self.free_new(kind)
        for k in range(len(bounds) - 1):
            lo_old, lo_new = bounds[k]
            hi_old, hi_new = starts[k + 1]
            olds = [i for i in free_old if lo_old < i < hi_old]
            news = [j for j in free_new if lo_new < j < hi_new]
            for i, j, score in self._in_order(olds, news):
                made.append(self.link([i], [j], score))
        return made

    def _in_order(self, olds: list[int], news: list[int]) -> list[tuple[int, int, float]]:
        """The order-keeping pairs of ``REWRITE`` similarity or more with the greatest
        total similarity (dynamic programming over the two short lists)."""
        if not olds or not news:
            return []
        rows, cols = len(olds), len(news)
        total = [[0.0] * (cols + 1) for _ in range(rows + 1)]
        for a in range(rows - 1, -1, -1):
            for b in range(cols - 1, -1, -1):
                score = self.sim(olds[a], news[b])
                pair = total[a + 1][b + 1] + score if score >= REWRITE else -1.0
                total[a][b] = max(pair, total[a + 1][b], total[a][b + 1])
        out = []
        a = b = 0
        while a < rows and b < cols:
            score = self.sim(olds[a], news[b])
            if score >= REWRITE and total[a][b] == total[a + 1][b + 1] + score:
                out.append((olds[a], news[b], score))
                a, b = a + 1, b + 1
            elif total[a][b] == total[a + 1][b]:
                a += 1
            else:
                b += 1
        return out

    def pairs(self) -> tuple[Pair, ...]:
        """The result, in the new document's order (see the module's docstring)."""
        rows: list[tuple[tuple[int, int, int], Pair]] = []
        for lk in self.links:
            olds = tuple(self.old[i].anchor for i in lk.old)
            news = tuple(self.new[j].anchor for j in lk.new)
            if len(lk.new) > 1:
                status = "split"
            elif len(lk.old) > 1:
                status = "merged"
            elif not lk.in_order:
                status = "moved"
            else:
                status = "kept" if lk.score == 1.0 else "changed"
            rows.append(((min(lk.new), 0, 0), Pair(status, olds, news, lk.score)))
        for j, p in enumerate(self.new):
            if j not in self.new_link:
                rows.append(((j, 0, 0), Pair("added", (), (p.anchor,), 0.0)))
        for i, p in enumerate(self.old):
            if i in self.old_link:
                continue
            before = next((self.old_link[k] for k in range(i - 1, -1, -1)
                           if k in self.old_link), None)
            place = min(before.new) if before else -1
            rows.append(((place, 1, i), Pair("removed", (p.anchor,), (), 0.0)))
        return tuple(pair for _, pair in sorted(rows, key=lambda row: row[0]))


def align(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> tuple[Pair, ...]:
    """Pair the paragraphs of two versions; see the module's docstring for how. Every
    anchor of either version is in exactly one pair."""
    for version in (old, new):
        repeated = [a for a, n in Counter(p.anchor for p in version).items() if n > 1]
        if repeated:
            raise ValueError(f"anchors repeated in one version: {', '.join(repeated)}")
    work = _Aligner(old, new)
    kinds = sorted({p.kind for p in (*old, *new)})
    for kind in kinds:
        work.identical(kind)
        work.similar(work.free_old(kind), work.free_new(kind))
        work.order(kind)
    work.joins(list(work.links))
    for kind in kinds:
        work.joins(work.rewrites(kind))
    for kind in kinds:  # step 6: from one kind to another
        others = [j for other in kinds if other != kind for j in work.free_new(other)]
        work.similar(work.free_old(kind), sorted(others), moved=True)
    return work.pairs()
