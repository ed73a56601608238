"""Who carried out an attack: the party blamed for or named as the agent of an attack word.

Separate from sentence reading so the blame and agency rules can be read on their own.
"""

from __future__ import annotations

from spacy.tokens import Token

from peacewire.extract.attack_triggers import _phrasal
from peacewire.extract.cues import EventCues
from peacewire.extract.gazetteer import Gazetteer
from peacewire.extract.parties import ActorLookup, party_of
from peacewire.extract.weapons import weapon_lexicon

BLAME_VERBS: frozenset[str] = frozenset({"blame", "accuse", "hold", "condemn", "fault"})


CARRY_OUT_VERBS: frozenset[str] = frozenset(
    {"carry out", "launch", "conduct", "stage", "mount", "unleash", "make", "perform", "execute"}
)
"""Verbs whose subject carries out the attack that is their object."""


def _agent(trigger: Token, table: ActorLookup, gaz: Gazetteer, cues: EventCues) -> str | None:
    """Who the sentence says carried the attack out."""
    cands: list[Token] = []
    for c in trigger.children:
        if c.dep_ in ("poss",):
            cands.insert(0, c)
        elif c.dep_ in ("amod", "compound", "nmod") and c.i < trigger.i:
            cands.append(c)
        elif c.dep_ == "nsubj" and trigger.pos_ == "VERB":
            cands.insert(0, c)
        elif c.dep_ in ("agent", "prep") and c.lower_ == "by":
            cands.extend(p for p in c.children if p.dep_ == "pobj")
    if trigger.pos_ in ("NOUN", "PROPN"):
        verb = trigger.head
        if trigger.dep_ in ("nsubj", "nsubjpass"):
            # "the blast ... had been organised by Ukraine's special services"
            for v in (verb, *(c for c in verb.children if c.dep_ == "conj")):
                for c in v.children:
                    if c.dep_ == "agent":
                        cands.extend(p for p in c.children if p.dep_ == "pobj")
        elif trigger.dep_ in ("dobj", "obj") and _phrasal(verb) in CARRY_OUT_VERBS:
            cands.extend(c for c in verb.children if c.dep_ == "nsubj")  # "Russia carried out a strike"
    if trigger.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        if trigger.dep_ in ("xcomp", "conj"):
            # "Russian helicopters were seen firing at ...", "Russia struck X and shelled Y"
            cands.extend(c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    if trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children
    ):
        verb = trigger.head  # "Moscow stepped up its offensive": the owner is the verb's subject
        if trigger.dep_ in ("dobj", "obj") and verb.pos_ == "VERB":
            cands.extend(c for c in verb.children if c.dep_ == "nsubj")
    # "Kyiv blamed Moscow for the strike", "accused Ukraine of shelling"
    if trigger.dep_ in ("pobj", "pcomp") and trigger.head.lower_ in ("for", "of"):
        verb = trigger.head.head
        if verb.lemma_.lower() in BLAME_VERBS:
            cands = [c for c in verb.children if c.dep_ in ("dobj", "obj")] + cands
    # "the attack on the bridge, which Moscow blames on Ukrainian sea drones"
    for rel in (t for t in trigger.subtree if t.dep_ == "relcl" and t.lemma_.lower() in BLAME_VERBS):
        cands.extend(p for c in rel.children if c.lower_ == "on" for p in c.children if p.dep_ == "pobj")
    not_actors = cues.attack.nouns | weapon_lexicon().class_nouns
    for c in cands:
        if c.lemma_.lower() in not_actors:
            continue  # "missiles struck": the weapon's owner may be named below, not the weapon
        found = party_of(c, table, gaz, belligerent=True)
        if found:
            return found
    # a weapon as subject/agent: "a Russian missile struck", "hit by Russian rockets"
    for c in cands:
        for gc in c.children:
            if gc.dep_ in ("amod", "compound", "poss") and gc.i < c.i:
                found = party_of(gc, table, gaz, belligerent=True)
                if found:
                    return found
    return None
