"""Where an attack happened: the place of an attack word, and what the story knows of places.

Place choice is needed both while reading a sentence and while joining reports (whether
two reports name the same place, a region and its city), so it lives on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from peacewire.extract.attack_triggers import SOUND_NOUNS, _negated, reach
from peacewire.extract.cues import EventCues
from peacewire.extract.eventdoc import EventDoc
from peacewire.extract.gazetteer import Gazetteer, fold
from peacewire.extract.locations import (
    REGION_WORDS,
    PlaceMention,
    best_place,
    facility_places,
    find_places,
    is_metonym,
    site_places,
)
from peacewire.extract.parties import state_of_word
from peacewire.extract.tokenview import TokenView


def _own_place(trigger: Token, places: Sequence[PlaceMention]) -> str | None:
    """The place in an attack word's own phrase ("a strike on Kharkiv", "shelling in Kherson")."""
    inside = {t.i for t in trigger.subtree}
    found = best_place([p for p in places if p.start in inside and not p.demoted])
    return found.name if found is not None else None


def _place_for(anchors: Sequence[Token], places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The place of a report: the best one in its words' own phrases ("a strike on X"), else in
    their clauses ("fighting continues in X"), else in the sentence."""
    own: set[int] = set()
    clause: set[int] = set()
    for t in anchors:
        own |= {x.i for x in t.subtree}
        clause |= reach(t)
    for covered in (own, clause):
        found = best_place([p for p in places if p.start in covered])
        if found is not None:
            return found
    found = best_place([p for p in places if _sets_scene(p, anchors)])
    if found is None and anchors:
        # the one building or site the sentence names, wherever it stands ("fragments found at the
        # hospital showed that it had been struck by a missile")
        usable = [p for p in places if (p.building or p.level == "site") and not (p.demoted or p.origin)]
        if usable and len({p.name for p in usable}) == 1:
            return usable[0]
    return found


def _sets_scene(p: PlaceMention, anchors: Sequence[Token]) -> bool:
    """A place that sets the scene of the whole sentence ("In Kharkiv, ...", "West of X, in the city
    of Y, reporters saw ..."): it hangs from the main verb through prepositions only."""
    if not anchors:
        return False
    doc = anchors[0].doc
    cur = doc[p.start]
    root = anchors[0].sent.root
    for _ in range(8):
        if cur.i == root.i:
            return True
        if (
            cur.dep_ not in ("pobj", "prep", "appos", "compound", "npadvmod", "conj", "cc")
            or cur.head.i == cur.i
        ):
            return False
        cur = cur.head
    return False


def _venue_place(p: PlaceMention, sent: Span, cues: EventCues) -> bool:
    """A place where people met or spoke ("talks in Abu Dhabi"), not where an attack was."""
    tok = sent.doc[p.end - 1]
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ in ("NOUN", "PROPN") and cur.lemma_.lower() in cues.attack.venue_nouns:
            return True
        if cur.pos_ == "VERB":
            return cur.lemma_.lower() in cues.attack.venue_verbs
    return False


@dataclass
class Story:
    """What the reader knows when reaching a sentence: the city last named ("the city") and the
    sites named so far ("the bridge")."""

    default_capital: str | None = None
    recent_city: str | None = None
    recent_sites: dict[str, str] = field(default_factory=dict)
    facilities: dict[str, str] = field(default_factory=dict)
    """Named buildings told so far, and "the hospital" for them, by the city they stand in."""
    places: list[PlaceMention] = field(default_factory=list)
    """The places of the sentence just read (not offices, venues or governments)."""


def read_places(
    sent: Span, gaz: Gazetteer, cues: EventCues, story: Story, view: EventDoc, known_only: bool = False
) -> list[PlaceMention]:
    """The places where something can happen in the sentence (no offices, venues or governments);
    the story learns them, and the sites the sentence names."""
    all_places = find_places(
        sent,
        gaz,
        cues.capitals,
        story.default_capital,
        story.recent_city,
        cues.attack.sites,
        story.recent_sites,
        view,
        known_only,
        story.facilities,
    )
    places = [p for p in all_places if not _venue_place(p, sent, cues) and not is_metonym(p, sent)]
    story.places = places
    story.recent_sites.update(site_places(sent, all_places, cues.attack.sites, view))
    story.facilities.update(
        facility_places(sent, places, cues.attack.targets - cues.attack.sites, view.tokens)
    )
    return places


def _names_places(sent: Span, cues: EventCues, view: EventDoc) -> bool:
    """Whether the sentence can name a city or a site for what follows ("the city", "the bridge")."""
    return any(i in view.places for i in range(sent.start, sent.end)) or view.tokens.has_any(
        sent, cues.attack.sites | {"capital"}
    )


SCOPE_PREPS: frozenset[str] = frozenset({"on", "at", "against", "across", "throughout", "over", "into"})


def _country_target(triggers: Sequence[Token], gaz: Gazetteer) -> bool:
    """An attack aimed at a whole country: "strikes on Ukraine", "fired missiles at Ukrainian
    cities", "a strike against Ukraine's energy facilities"."""
    for t in triggers:
        # the attack word's phrase, and for "carried out a strike ..." the verb's
        phrase = t.head if t.dep_ in ("dobj", "obj") and t.head.pos_ == "VERB" else t
        preps = [c for c in phrase.subtree if c.dep_ == "prep" and c.lower_ in SCOPE_PREPS]
        targets = [p for c in preps for p in c.children if p.dep_ == "pobj"]
        targets += [c for c in t.children if c.dep_ in ("dobj", "obj")]
        for p in targets:
            owners = [c for c in p.children if c.dep_ in ("poss", "amod", "compound") and c.i < p.i]
            if any(state_of_word(x, gaz) is not None for x in (p, *owners)):
                return True
    return False


def _heard_place(sent: Span, places: Sequence[PlaceMention], tokens: TokenView) -> PlaceMention | None:
    """The place of blasts or explosions the sentence reports without an attack word."""
    if not places:
        return None
    for i in tokens.indices(sent, SOUND_NOUNS):
        tok = sent.doc[i]
        if tok.lemma_.lower() in SOUND_NOUNS and tok.pos_ == "NOUN" and not _negated(tok):
            return best_place([p for p in places if not p.demoted])
    return None


def _same_place(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return fold(a) == fold(b)


def _region_base(name: str) -> str:
    """ "Lviv region" -> "lviv": the name a region shares with its main city."""
    words = fold(name).split()
    while len(words) > 1 and words[-1] in REGION_WORDS:
        words.pop()
    return " ".join(words)
