"""Stage 4b, mandates: who each operative paragraph asks to do what, and what must be reported.

A small grammar over each operative paragraph's own text (not its sub-paragraphs,
which list measures, never the Assembly's own verbs):

    paragraph = clause ("," ["and"] [intro ","] clause)*    clause = verb object
    verb      = the opening phrase (``typography.opening_words``), "of" kept after
                "Takes note", "the invitation" after "Reiterates"
    kind      = request | decision | call | other, from the verb (``KINDS``); a request
                to someone outside the United Nations is a call
    object    = addressees [aside…] infinitive…      (``addressees.py``)

A clause is *directive* when its kind is not ``other``: the Assembly asks someone
to act (or decides). A directive clause asks for a *report* when it asks its
addressees to report (to report on/to…, submit or transmit a report or summary,
include something in a report) or to give information (inform, provide, share or
submit information or data) to a named United Nations body; the receiving body
and the session ("at its seventy-ninth session" → 79) are read after it.

The result is a ``Mandate`` per operative paragraph, computed once per report
(``build_mandates``) and used by the pages, the labels and the JSON export.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from unreport.mandates.addressees import (
    NameBook,
    addressee_phrases,
    infinitive,
    is_un_body,
)
from unreport.model import DraftResolution, Report
from unreport.text.numbers import ordinal_words
from unreport.text.typography import opening_words

KINDS = ("request", "decision", "call", "other")
"""The kinds of operative paragraph, in the order pages list them."""

# Verb lemma (adverbs dropped) → (kind, the verb an action records).
_DIRECTIVE = (
    (r"requests|reiterates (?:its|the) request|renews (?:its|the) request", "request", "requests"),
    (r"decides", "decision", "decides"),
    (r"urges", "call", "urges"),
    (r"calls (?:upon|on)|reiterates (?:its|the) call(?: upon| on)?|renews (?:its|the) call"
     r"(?: upon| on)?", "call", "calls upon"),
    (r"encourages", "call", "encourages"),
    (r"invites|reiterates (?:its|the) invitation|renews (?:its|the) invitation", "call",
     "invites"),
    (r"appeals(?: to)?|reiterates (?:its|the) appeal|renews (?:its|the) appeal", "call",
     "appeals"),
)
_DIRECTIVE_RES = tuple((re.compile(pattern), kind, action) for pattern, kind, action in _DIRECTIVE)
_ADVERBS = re.compile(r"\b(?:also|further|strongly|again|once again|most|\w+ly)\b\s*")
_FINITE = (r"requests|decides|urges|calls|encourages|invites|appeals|welcomes|notes|takes|"
           r"recalls|reaffirms|reiterates|renews|recognizes|acknowledges|stresses|emphasizes|"
           r"underlines|underscores|expresses|commends|affirms|condemns|deplores|recommends|"
           r"looks|bears|supports|endorses|approves|regrets|considers|agrees|authorizes|"
           r"declares|highlights|reminds")
_DIRECTIVE_FINITE = r"requests|decides|urges|calls (?:upon|on)|encourages|invites|appeals"
_ADVERB = r"(?:(?:also|further|strongly|again|once again|\w+ly)\s+)"
_INTRO = (r"(?:in (?:this|that) (?:regard|respect|context|connection)|to (?:this|that) end|"
          r"where appropriate|as appropriate|as a first step|accordingly|furthermore|moreover|"
          r"in addition)")
_BOUNDARY = re.compile(r"""
    (?=[,;\s])                                     # (a quick test before the rest)
    (?: [,;]\s+(?:and\b\s*)?                       # ", and requests", "; urges"
      | \s+and\s+(?=(?:INTRO,?\s+)?ADVERB*(?:DIRECTIVE)\b) )  # "… and calls upon"
    (?:,?\s*INTRO,?\s+)?
    (?P<verb>ADVERB*(?:FINITE))\b""".replace("INTRO", _INTRO.replace(" ", r"\s+"))
                       .replace("ADVERB", _ADVERB.replace(" ", r"\s+"))
                       .replace("DIRECTIVE", _DIRECTIVE_FINITE.replace(" ", r"\s+"))
                       .replace("FINITE", _FINITE), re.VERBOSE)
# "requests for assistance", "calls for proposals": nouns, not the Assembly's verbs.
_NOT_A_VERB = re.compile(r"\s+(?:for|of|from|that|related|relating|received|made|to|in|under|"
                         r"and|or|which)\b")
_UPON = re.compile(r"\s+(?:upon|on|for)\b")
_REISSUED = re.compile(r"^(?:,\s*(?:made|addressed)\s+to|\s+to|\s+upon|\s+on)\s+")
_PRONOUNS = frozenset({"them", "they", "it"})

_REPORT_VERB = re.compile(r"\b(?:to|and)\s+(?:continue\s+to\s+)?report\b"
                          r"(?=\s*(?:,|to\b|on\b|thereon\b|back\b|annually\b|regularly\b|$))")
_REPORT_NOUN = re.compile(r"\b(?:submit|submitted|present|transmit|provide|prepare)\b[^;]{0,200}?"
                          r"\b(?:a|an|the|his|her|its|their)\s+(?:(?!to\b)[\w-]+\s+){0,3}?"
                          r"(?:reports?|summary|summaries)\b|\bfor\s+transmission\s+to\b"
                          r"|\binclude\b[^;]{0,200}?\bin\s+(?:his|her|its|their|the|a|an)\s+"
                          r"(?:[\w-]+\s+){0,4}?reports?\b")
_INFORMATION_WORDS = ("information", "data", "case law", "views", "comments", "contributions",
                      "statistics")
_INFORMATION = re.compile(r"\b(?:provide|submit|share|transmit|communicate|send|make available)\b"
                          rf"[^;]{{0,120}}?\b(?:{'|'.join(_INFORMATION_WORDS)})\b"
                          r"|\binform\b")
_RECIPIENT = re.compile(r"\b(?:to|with|inform(?:\s+\w+ly|\s+accordingly)?|provide|session\s+of)\s+"
                        r"(?:the\s+|all\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+(?:of|on|for|against|"
                        r"to|in|and|the|[A-Z][\w’'-]*))*)")
_SESSION = re.compile(r"\bat\s+(?:its|their|the)\s+(?P<words>(?:[\w-]+\s+){0,3}?)session\b")


@dataclass(frozen=True)
class ReportDue:
    """A report (or information) a clause asks for."""

    by: str | None
    """Who is to report: the clause's addressees, or None if it names none."""
    to: str | None
    """The receiving body, in full (``General Assembly``), or None if not named."""
    session: int | None
    """The receiving body's session (79), or None if not named."""

    def as_data(self) -> dict[str, Any]:
        """``{by, to, session}`` for the JSON export."""
        return {"by": self.by, "to": self.to, "session": self.session}


@dataclass(frozen=True)
class Action:
    """One directive clause of the Assembly in an operative paragraph."""

    verb: str
    """The action, adverbs dropped: ``requests``, ``decides``, ``urges``, ``calls upon``,
    ``encourages``, ``invites``, ``appeals`` ("Reiterates its invitation" → ``invites``)."""
    printed: str
    """The verb phrase as printed (``Also requests``)."""
    kind: str
    """``request``, ``decision`` or ``call``."""
    addressees: tuple[str, ...]
    """Who is asked, full names (empty for a decision or "encourages the holding of …")."""
    text: str
    """The clause's words, from its verb to the end of its object."""
    report: ReportDue | None
    """The report it asks for, if any."""


@dataclass(frozen=True)
class Mandate:
    """What one operative paragraph asks, as its opening verb and its directive clauses."""

    resolution: str
    """Roman number of the draft resolution."""
    number: int
    """Operative paragraph number."""
    anchor: str
    """Its anchor (``op-9``)."""
    page: str
    """Site path of its draft resolution's page."""
    verb: str
    """The opening verb phrase as printed (``Takes note with appreciation of``)."""
    kind: str
    """``request``, ``decision``, ``call`` or ``other``: the opening verb's kind."""
    addressees: tuple[str, ...]
    """Whom the opening verb asks to act, full names."""
    actions: tuple[Action, ...]
    """Every directive clause, in order (the opening one first, if directive)."""
    report: ReportDue | None
    """The first report any of its clauses asks for."""

    def as_data(self) -> dict[str, Any]:
        """The fields an operative paragraph gains in the JSON export."""
        return {"verb": self.verb, "kind": self.kind, "addressees": list(self.addressees),
                "actions": [{"verb": a.verb, "addressees": list(a.addressees)}
                            for a in self.actions],
                "report": self.report.as_data() if self.report else None}


@dataclass(frozen=True)
class MandateLayer:
    """The mandates of every operative paragraph of a report."""

    paragraphs: tuple[Mandate, ...]
    """One per operative paragraph, in document order."""

    @cached_property
    def _by_place(self) -> dict[tuple[str, str], Mandate]:
        return {(m.page, m.anchor): m for m in self.paragraphs}

    @cached_property
    def _by_number(self) -> dict[tuple[str, str], Mandate]:
        return {(m.resolution, m.anchor): m for m in reversed(self.paragraphs)}

    @cached_property
    def _by_resolution(self) -> dict[str, tuple[Mandate, ...]]:
        found: dict[str, list[Mandate]] = {}
        for mandate in self.paragraphs:
            found.setdefault(mandate.resolution, []).append(mandate)
        return {number: tuple(mandates) for number, mandates in found.items()}

    def in_resolution(self, resolution: str) -> tuple[Mandate, ...]:
        """The mandates of draft resolution ``resolution``, in document order."""
        return self._by_resolution.get(resolution, ())

    def of(self, resolution: str, anchor: str) -> Mandate | None:
        """The mandate of operative paragraph ``anchor`` of draft resolution ``resolution``."""
        return self._by_number.get((resolution, anchor))

    def at(self, page: str, anchor: str) -> Mandate | None:
        """The mandate of the operative paragraph ``anchor`` on the site page ``page``."""
        return self._by_place.get((page, anchor))

    def clauses(self) -> Iterator[tuple[Mandate, Action]]:
        """Every directive clause with its paragraph, in document order."""
        for mandate in self.paragraphs:
            for action in mandate.actions:
                yield mandate, action


_PARTICLES = tuple((re.compile(end + "$"), re.compile(particle)) for end, particle in (
    (r"[Cc]alls", r" on\b"),
    (r"[Aa]ppeals", r" to\b"),
    (r"[Ll]ooks", r" forward to\b"),
    (r"[Tt]akes note(?: with [a-z]+)?", r" of\b"),
    (r"(?:[Rr]eiterates|[Rr]enews)", r" the (?:invitation|request|call|appeal)(?: upon| on)?\b"),
    (r"[Ee]xpresses", r" (?:its )?(?:deep |sincere |profound )?(?:appreciation|gratitude"
                      r"|satisfaction|regret|support|condolences|thanks|hope|solidarity)\b"),
))
"""(how the italic phrase ends, the particle a phrasal verb keeps after it)."""


def verb_phrase(clause: str) -> str:
    """The opening verb phrase of ``clause`` as printed, ending where its object begins:
    the italic phrase (``typography.opening_words``) and the particle a phrasal verb keeps
    ("Takes note of", "Calls on", "Reiterates the invitation", "Expresses its appreciation")."""
    phrase = clause[:opening_words(clause[:1].upper() + clause[1:])]
    if phrase and not _ADVERBS.sub("", phrase.lower()).strip():
        # "Once again" alone: the verb comes after the adverbs.
        rest = clause[len(phrase):]
        space = len(rest) - len(rest.lstrip())
        return phrase + rest[:space] + verb_phrase(rest[space:]) if rest.strip() else phrase
    for end, particle in _PARTICLES:
        found = particle.match(clause, len(phrase)) if end.search(phrase) else None
        if found:
            return clause[:found.end()]
    return phrase


def verb_kind(verb: str) -> tuple[str, str | None]:
    """``(kind, action verb)`` of a verb phrase; the action verb is None for ``other``."""
    lemma = _ADVERBS.sub("", verb.lower()).strip()
    for pattern, kind, action in _DIRECTIVE_RES:
        if pattern.fullmatch(lemma):
            return kind, action
    return "other", None


def clause_starts(text: str) -> list[tuple[int, int]]:
    """``(start of clause, start of its verb)`` for each clause of an operative paragraph."""
    starts = [(0, 0)]
    for match in _BOUNDARY.finditer(text):
        after = match.end()
        verb = match.group("verb").split()[-1]
        if verb == "requests" and _NOT_A_VERB.match(text, after):
            continue
        if verb == "calls" and not _UPON.match(text, after):
            continue
        starts.append((match.start(), match.start("verb")))
    return starts


def session_number(words: str) -> int | None:
    """``seventy-ninth`` → 79; None for "its session following …"."""
    return ordinal_words(words) if words.strip() else None


def _report(rest: str, by: str | None, book: NameBook, block: int, offset: int) -> \
        ReportDue | None:
    """The report the infinitive part ``rest`` of a clause asks for, if any."""
    # Both patterns need one of these words: most clauses are passed over without a search.
    reported = "report" in rest or "summar" in rest or "transmission" in rest
    trigger = (_REPORT_VERB.search(rest) or _REPORT_NOUN.search(rest)) if reported else None
    # ``_INFORMATION`` needs "inform" or one of its words: most clauses have neither.
    informs = "inform" in rest or any(word in rest for word in _INFORMATION_WORDS)
    asked = trigger or (_INFORMATION.search(rest) if informs else None)
    if asked is None:
        return None
    start = asked.start()
    recipient = None
    for match in _RECIPIENT.finditer(rest, start):
        name = book.resolve(_trim_name(match.group("name")), block, offset + match.start())
        if is_un_body(name):
            recipient = (name, match.end())
            break
    if recipient is None and not trigger:
        return None  # information for a State or a database is not a report
    session = None
    found = _SESSION.search(rest, start)
    if found and ";" not in rest[start:found.start()]:
        session = session_number(found.group("words"))
    return ReportDue(by, recipient[0] if recipient else None, session)


def _trim_name(name: str) -> str:
    """A recipient's name without the words after it (``Office with relevant`` → ``Office``)."""
    name = re.split(r"\s+(?:with|at|and\s+to|on\s+its|on\s+the|in\s+the)\b", name)[0]
    return re.sub(r"\s+(?:of|on|for|against|to|in|and|the)$", "", name.strip())


def _listing(names: tuple[str, ...]) -> str | None:
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _actions(text: str, book: NameBook, block: int) -> list[tuple[str, Action | None]]:
    """``(verb phrase, action or None)`` for each clause of a paragraph's text."""
    starts = clause_starts(text)
    out: list[tuple[str, Action | None]] = []
    previous: tuple[str, ...] = ()
    for index, (_, verb_start) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        clause = text[verb_start:end]
        verb = verb_phrase(clause)
        kind, action = verb_kind(verb)
        if action is None:
            out.append((verb, None))
            continue
        obj = clause[len(verb):]
        reissued = _REISSUED.match(obj) if verb.lower().startswith(("reiterates", "renews")) \
            else None
        object_start = reissued.end() if reissued else 0
        found = infinitive(obj, object_start) if kind != "decision" else None
        phrases = addressee_phrases(obj[object_start:found.start()]) if found else []
        if phrases and all(p in _PRONOUNS for p in phrases):
            addressees = previous
        else:
            addressees = tuple(dict.fromkeys(
                book.resolve(p, block, verb_start + len(verb) + object_start) for p in phrases))
        if kind == "request" and addressees and not any(is_un_body(a) for a in addressees):
            kind = "call"  # the Assembly "requests" a State or a company: a call
        rest = obj[found.start():] if found else obj
        report = _report(rest, _listing(addressees), book, block,
                         verb_start + len(verb) + (found.start() if found else 0))
        words = clause.rstrip(" ,;:.")
        out.append((verb, Action(action, verb, kind, addressees, words, report)))
        previous = addressees or previous
    return out


def paragraph_mandate(resolution: DraftResolution, index: int, book: NameBook,
                      block: int) -> Mandate:
    """The mandate of operative paragraph ``index`` of ``resolution``."""
    op = resolution.operative[index]
    clauses = _actions(op.text, book, block)
    verb, first = clauses[0]
    kind = first.kind if first else "other"  # ``_actions`` gives no action only for ``other``
    actions = tuple(a for _, a in clauses if a is not None)
    report = next((a.report for a in actions if a.report), None)
    return Mandate(resolution.number, op.number, op.anchor, resolution.page, verb, kind,
                   first.addressees if first else (), actions, report)


def resolution_mandates(resolution: DraftResolution) -> list[Mandate]:
    """The mandates of one draft resolution's operative paragraphs."""
    texts = ([resolution.title] + [p.text for p in resolution.preambular]
             + [o.text for o in resolution.operative])
    book = NameBook(texts)
    first_op = 1 + len(resolution.preambular)
    return [paragraph_mandate(resolution, i, book, first_op + i)
            for i in range(len(resolution.operative))]


def build_mandates(report: Report) -> MandateLayer:
    """Every operative paragraph's mandate: the layer pages, labels and exports read."""
    return MandateLayer(tuple(m for r in report.resolutions for m in resolution_mandates(r)))


def mandate_records(layer: MandateLayer) -> list[dict[str, Any]]:
    """``mandates[]`` of the JSON export: one record per directive clause."""
    return [{"resolution": m.resolution, "paragraph": m.number, "anchor": m.anchor,
             "page": m.page, "verb": a.verb, "kind": a.kind, "addressees": list(a.addressees),
             "text": a.text, "report": a.report.as_data() if a.report else None}
            for m, a in layer.clauses()]
