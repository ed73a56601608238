"""Territorial control: a stated share of an area held by an actor.

"Russian troops control about one-fifth of the country", "80 percent of the
city is under Russian control", "Russia now holds about 18 percent of
Ukraine": a share (a fraction 0..1 with its qualifier) and a controller.
The same share of the same area stated twice is one statement.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from peacewire.extract.bodytext import BodySentence
from peacewire.extract.cues import EventCues
from peacewire.extract.gazetteer import Gazetteer
from peacewire.extract.numbers import Figure, find_shares
from peacewire.extract.parties import ActorLookup, party_of, state_of_word
from peacewire.records import Event


def _controller(cue: Token, table: ActorLookup, gaz: Gazetteer) -> str | None:
    """The holder: subject of "control"/"hold", or the owner of "control" ("under Russian control")."""
    if cue.pos_ == "VERB":
        subj = [c for c in cue.children if c.dep_ == "nsubj"]
        if subj:
            return party_of(subj[0], table, gaz)
        agent = [p for c in cue.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        return party_of(agent[0], table, gaz) if agent else None
    for c in cue.children:
        if c.dep_ in ("amod", "poss", "compound") and c.i < cue.i:
            found = state_of_word(c, gaz) or party_of(c, table, gaz)
            if found:
                return found
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return party_of(p, table, gaz)
    return None


def _area(share: Figure, sent: Span, gaz: Gazetteer) -> str | None:
    """ "a fifth of Ukraine" -> Ukraine; a share of a named place."""
    doc = sent.doc
    k = share.end
    if k < sent.end and doc[k].lower_ == "of":
        for t in doc[k + 1 : min(sent.end, k + 5)]:
            if t.pos_ == "PROPN":
                return state_of_word(t, gaz) or t.text
    return None


def _cues(sent: Span, cues: EventCues) -> list[Token]:
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in cues.territory.verbs:
            out.append(tok)
        elif tok.pos_ == "NOUN" and lemma in cues.territory.nouns:
            out.append(tok)
    return out


def extract_territory(
    bodies: Sequence[BodySentence], table: ActorLookup, gaz: Gazetteer, cues: EventCues
) -> list[Event]:
    """Territorial-control statements, one per (controller, area, share)."""
    out: list[Event] = []
    for body in bodies:
        sent = body.span
        shares = find_shares(sent, cues.numbers)
        if not shares:
            continue
        for cue in _cues(sent, cues):
            if any(c.dep_ == "neg" for c in cue.children):
                continue
            controller = _controller(cue, table, gaz)
            if controller is None:
                continue
            share = min(shares, key=lambda s: abs(s.num_start - cue.i))
            area = _area(share, sent, gaz)
            ev = Event(
                type="territorial_control",
                span=(sent.start_char, sent.end_char),
                controller=controller,
                share=share.count(),
                location=area,
            )
            dup = next(
                (
                    e
                    for e in out
                    if e.controller == controller
                    and e.share is not None
                    and abs(e.share.value - share.value) < 0.011
                ),
                None,
            )
            if dup is None:
                out.append(ev)
            break
    return out
