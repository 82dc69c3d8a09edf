"""Compare two versions of a resolution: what changed since last session.

In: two sequences of ``Paragraph`` (anchor, kind, plain text) — the old version and the
new one, e.g. draft resolution VII of A/77/464 and resolution 78/229; ``paragraphs_of``
makes them from a model ``DraftResolution``.

Out: ``align(old, new)`` — a tuple of ``Pair`` in the new document's order, each saying
whether a paragraph was kept, changed, added, removed, moved, split or merged, with the
anchors on both sides and a similarity score; ``diff_html`` / ``diff_text`` /
``diff_words`` — the word-by-word changes of one pair as ``<del>``/``<ins>`` HTML, as
``[-old-]{+new+}`` plain text, or as runs.

Guarantees: pure functions of their inputs (no engine, no I/O, no randomness; the same
input gives the same output); every old anchor appears in exactly one pair and so does
every new anchor; ``score`` is 1.0 exactly when the two sides read the same word for word
(ignoring spacing, typographic quotes and sub-paragraph labels, see ``align``); the runs
of ``diff_words`` rebuild the new text exactly (equal + inserted) and the old one (equal +
deleted) up to what compares equal — equal runs show the new version's spacing, quotes and
labels.
"""

from __future__ import annotations

from unreport.versions.align import Pair, Paragraph, align, paragraphs_of
from unreport.versions.words import Run, diff_html, diff_text, diff_words

__all__ = ["Pair", "Paragraph", "Run", "align", "diff_html", "diff_text", "diff_words",
           "paragraphs_of"]
