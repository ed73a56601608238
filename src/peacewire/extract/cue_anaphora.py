"""Cues named again by "one": "every war ends with an agreement, and Russia is ready to reach one".

`issues.find_cues` finds the words of the lexicon; a bare "one" that a
stance word takes as its object stands for the last cue noun before it in
the sentence and carries that cue's issue and side.  Only a stance word's
own object counts: "would not be used to enforce one" is no stance on it.
"""

from __future__ import annotations

from spacy.tokens import Span

from peacewire.extract.issues import CueMatch, PositionLexicon
from peacewire.extract.stance import predicate_polarity
from peacewire.extract.tokenview import TokenView


def one_anaphors(
    sent: Span, matches: list[CueMatch], view: TokenView, lex: PositionLexicon
) -> list[CueMatch]:
    """A cue match on each "one" of the sentence that stands for an earlier cue noun."""
    if not matches:
        return []
    doc = sent.doc
    out: list[CueMatch] = []
    for k in range(matches[0].end, sent.end):
        if view.lower[k] != "one" or view.dep[k] not in ("dobj", "pobj") or view.children[k]:
            continue
        before = [
            m for m in matches if m.end <= k and view.pos[m.anchor.i] == "NOUN" and not m.pattern.direct
        ]
        if not before:
            continue
        head = doc[view.head[k]]
        if view.dep[k] == "pobj":
            head = head.head  # "agreed to one"
        if predicate_polarity(head, lex)[0] == 0:
            continue
        out.append(CueMatch(before[-1].pattern, (doc[k],)))
    return out
