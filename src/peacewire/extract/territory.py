"""Territorial control: a stated share or area of land held by an actor.

"Russian troops control about one-fifth of the country", "80 percent of the
city is under Russian control", "Russia, which now holds just under a fifth of
Ukraine", "its forces had taken full control of the town" (all of it), "we
control about 1,000 square kilometres" (an area: a statement of control
without a share): a controller, and the share as a fraction 0..1 with its
qualifier where one is given.  The same share of the same area stated twice is
one statement.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from peacewire.extract.bodytext import BodySentence
from peacewire.extract.cues import EventCues
from peacewire.extract.gazetteer import Gazetteer
from peacewire.extract.numbers import Figure, find_shares
from peacewire.extract.parties import (
    FORCE_NOUNS,
    SELF_NOUNS,
    ActorLookup,
    party_of,
    speaker_party,
    state_of_word,
)
from peacewire.extract.timing import days_before
from peacewire.records import Count, Event

RELATIVES: frozenset[str] = frozenset({"which", "that", "who"})
WHOLE_WORDS: frozenset[str] = frozenset({"full", "complete", "total", "entire", "whole"})
"""Modifiers of "control" that make the share all of the place ("full control of the town")."""
AREA_UNITS: frozenset[str] = frozenset(
    {"kilometre", "kilometer", "km", "km2", "mile", "hectare", "acre", "sq", "square"}
)
"""Nouns of an area held ("about 1,000 square kilometres"): control stated without a share."""
GAIN_VERBS: frozenset[str] = frozenset(
    {"take", "gain", "assume", "establish", "seize", "win", "regain", "retake", "restore"}
)
OLD_DAYS = 365
"""ANNOTATION.md: background older than a year needs a figure ("full control" of a place taken
in 2014 is an annexation, not one)."""
"""Verbs whose object "control" their subject then holds ("had taken full control of")."""


def _subject(verb: Token) -> Token | None:
    """The verb's subject: the antecedent of a relative pronoun ("Russia, which controls"), the
    shared subject of coordinated verbs ("invaded ... and now holds")."""
    cur = verb
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            if subj.lower_ in RELATIVES and cur.dep_ == "relcl":
                return cur.head
            return subj
        if cur.dep_ not in ("conj", "xcomp") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _holder(tok: Token | None, table: ActorLookup, gaz: Gazetteer) -> str | None:
    """The party a subject names; "its forces", "we" are the speaker's."""
    return speaker_party(tok, table, gaz, SELF_NOUNS | FORCE_NOUNS)


def _controller(cue: Token, table: ActorLookup, gaz: Gazetteer) -> str | None:
    """The holder: subject of "control"/"hold", or the owner of "control" ("under Russian control",
    "its forces had taken control of")."""
    if cue.pos_ == "VERB":
        subj = _subject(cue)
        if subj is not None:
            return _holder(subj, table, gaz)
        agent = [p for c in cue.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        return party_of(agent[0], table, gaz) if agent else None
    for c in cue.children:
        if c.dep_ in ("amod", "poss", "compound") and c.i < cue.i:
            found = state_of_word(c, gaz) or party_of(c, table, gaz)
            if found:
                return found
    verb = cue.head
    if cue.dep_ in ("dobj", "obj") and verb.lemma_.lower() in GAIN_VERBS:
        return _holder(_subject(verb), table, gaz)  # "its forces had taken control of the town"
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return party_of(p, table, gaz)  # "under the control of Russia"
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


def _whole(cue: Token) -> Figure | None:
    """ "full control of the town": all of it."""
    if cue.pos_ != "NOUN" or not any(c.lower_ in WHOLE_WORDS for c in cue.children if c.dep_ == "amod"):
        return None
    return Figure(start=cue.i, end=cue.i + 1, num_start=cue.i, value=1.0, qualifier="exact")


def _whole_of(cue: Token, gaz: Gazetteer) -> str | None:
    """The place "full control of X" is all of, where named."""
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ == "PROPN":
                    return state_of_word(p, gaz) or p.text
    return None


HOLD_VERBS: frozenset[str] = frozenset({"control", "hold", "occupy", "retain", "keep"})
"""Verbs of holding land: an area they hold is control stated; one captured or retaken ("troops
captured 2,500 square kilometres") is a gain, not what is held."""


def _holds_area(cue: Token) -> bool:
    """ "we control about 1,000 square kilometres": an area as the object of a holding verb."""
    if cue.pos_ != "VERB" or cue.lemma_.lower() not in HOLD_VERBS:
        return False
    for obj in (c for c in cue.children if c.dep_ in ("dobj", "obj")):
        if obj.lemma_.lower() in AREA_UNITS and any(c.like_num or c.dep_ == "nummod" for c in obj.subtree):
            return True
    return False


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
    bodies: Sequence[BodySentence],
    table: ActorLookup,
    gaz: Gazetteer,
    cues: EventCues,
    published: str | None = None,
) -> list[Event]:
    """Territorial-control statements, one per (controller, area, share)."""
    out: list[Event] = []
    for body in bodies:
        sent = body.span
        shares = find_shares(sent, cues.numbers)
        for cue in _cues(sent, cues):
            if any(c.dep_ == "neg" for c in cue.children):
                continue
            whole = _whole(cue)
            if not shares and whole is None and not _holds_area(cue):
                continue
            if whole is not None and not shares and (days_before(sent, published) or 0) > OLD_DAYS:
                continue
            controller = _controller(cue, table, gaz)
            if controller is None:
                continue
            share: Figure | None
            if whole is not None:
                share, area = whole, _whole_of(cue, gaz)
            elif shares:
                share = min(shares, key=lambda s: abs(s.num_start - cue.i))
                area = _area(share, sent, gaz)
            else:
                share, area = None, None
            count: Count | None = share.count() if share is not None else None
            ev = Event(
                type="territorial_control",
                span=(sent.start_char, sent.end_char),
                controller=controller,
                share=count,
                location=area,
            )
            dup = next((e for e in out if e.controller == controller and _same_share(e.share, count)), None)
            if dup is None:
                out.append(ev)
            break
    return out


def _same_share(a: Count | None, b: Count | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a.value - b.value) < 0.011
