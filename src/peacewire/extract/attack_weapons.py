"""Which weapons belong to an attack word, and which only were hit or carried the weapon.

Weapons an attack hit (air defence shooting drones down) and the aircraft a missile was
launched from are named near the attack but are not its weapons; these rules tell them apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from peacewire.extract.attack_triggers import _phrasal
from peacewire.extract.cues import EventCues
from peacewire.extract.weapons import WeaponMention


def _own_weapons(trigger: Token, weapons: Sequence[WeaponMention]) -> list[WeaponMention]:
    """Weapons tied to one attack word: "missile strikes", "a barrage of drones", "a missile struck"."""
    near: set[int] = set()
    for c in trigger.children:
        if c.dep_ in ("compound", "amod", "nsubj", "nsubjpass", "dobj"):
            near.update(t.i for t in c.subtree)
        if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "with", "by", "using"):
            near.update(t.i for t in c.subtree)
        if c.dep_ in ("acl", "advcl") and c.lemma_.lower() == "use":
            near.update(t.i for t in c.subtree)
    near.add(trigger.i)
    return [w for w in weapons if w.head in near or any(i in near for i in range(w.start, w.end))]


LAUNCH_VERBS: frozenset[str] = frozenset({"launch", "fire", "drop", "shoot"})


MUNITION_GROUPS: frozenset[str] = frozenset({"projectile", "drone", "bomb", "ammunition"})
"""Weapon groups that fly at their target: hit or destroyed, they are an attack's own weapons."""


def _phrase_head(doc: Doc, w: WeaponMention) -> int:
    """The noun a weapon's words belong to ("KN-23 missiles" -> missiles; "30 of the drones" -> 30)."""
    head = doc[w.head]
    while head.dep_ in ("compound", "nmod", "amod") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.like_num:
        head = head.head.head  # "destroyed 30 of the 35 drones"
    return head.i


def _hit(w: WeaponMention, doc: Doc, cues: EventCues) -> bool:
    """A weapon an attack hit ("the drones hit Tu-95 bombers", "tanks were destroyed"): a target,
    not the attack's weapon (what is fired or launched is, and a missile or drone "destroyed" is
    one shot down)."""
    if w.group in MUNITION_GROUPS:
        return False
    head = doc[w.head]
    while head.dep_ in ("compound", "nmod", "amod", "conj") and head.head.i != head.i:
        head = head.head
    verb = head.head
    if head.dep_ not in ("dobj", "obj", "nsubjpass") or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    if lemma in LAUNCH_VERBS or _phrasal(verb) in ("shoot down", "bring down"):
        return False
    a = cues.attack
    return lemma in a.verbs or lemma in a.context_verbs or lemma in a.impact_verbs


def _platform(w: WeaponMention, doc: Doc) -> bool:
    """The aircraft a weapon was launched from ("Kinzhal missiles launched from MiG-31K jets"): not
    the attack's weapon (a launcher is: "fired 16 missiles from S-300 systems")."""
    if w.group != "aircraft":
        return False
    head = doc[w.head]
    while head.dep_ in ("compound", "nmod", "amod") and head.head.i != head.i:
        head = head.head  # "MiG-31K jets": the jets'
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "from" and prep.head.lemma_.lower() in LAUNCH_VERBS


def _own_weapons_of_group(group: Sequence[Token], weapons: Sequence[WeaponMention]) -> list[WeaponMention]:
    out: list[WeaponMention] = []
    for t in group:
        out.extend(_own_weapons(t, weapons))
    return out
