"""Attack words in a sentence: the tokens that report a strike, shelling or assault.

Kept apart from the rest of sentence reading because deciding what counts as an attack
word (negated, modal, conditional, a weapon that was shot down) is a job of its own, and
the clause reach it computes is reused when places are tied to those words.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from peacewire.extract.cues import EventCues
from peacewire.extract.eventdoc import EventDoc
from peacewire.extract.locations import PlaceMention

MODAL_AUX: frozenset[str] = frozenset(
    {"would", "could", "might", "may", "should", "can", "will", "'d", "must"}
)


SOUND_NOUNS: frozenset[str] = frozenset({"blast", "explosion"})
"""Heard blasts are an attack only with a weapon, a casualty or another attack word."""


def _governed_by(tok: Token, words: frozenset[str], depth: int = 3) -> bool:
    """Whether a head above `tok` (a few steps up) is one of `words` (lemmas)."""
    cur = tok
    for _ in range(depth):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in words or cur.lower_ in words:
            return True
    return False


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ in ("dobj", "nsubjpass", "pobj", "attr") and any(c.dep_ == "neg" for c in head.children)


def _modal(verb: Token) -> bool:
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODAL_AUX for c in verb.children):
        return True
    # "to strike": an infinitive of intent or ability
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ in (
        "xcomp",
        "acl",
        "advcl",
    )


CLIMB_DEPS: frozenset[str] = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "obj",
        "attr",
        "pobj",
        "prep",
        "agent",
        "compound",
        "appos",
        "npadvmod",
        "oprd",
        "dative",
    }
)


SEPARATE_CLAUSES: frozenset[str] = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "acl"})


def reach(tok: Token) -> set[int]:
    """The tokens a word's report covers: its own phrase and, for an argument, its clause.

    "Ukraine's attack on the Kursk region" covers the region; "street
    fighting continues in Severodonetsk" covers the city through the verb.
    """
    out = {t.i for t in tok.subtree}
    cur = tok
    for _ in range(4):
        if cur.dep_ not in CLIMB_DEPS or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            break
    if cur.i != tok.i:
        out.add(cur.i)
        for c in cur.children:
            if c.dep_ in SEPARATE_CLAUSES and tok not in c.subtree:
                continue
            out.update(t.i for t in c.subtree)
    return out


def _phrasal(verb: Token) -> str:
    """The verb with its particle: "blow up", "bring down"."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {prt}" if prt else lemma


def _conditional(tok: Token) -> bool:
    """ "If attacks continue, ...": a hypothesis, not a report."""
    cur = tok
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _hits_target(verb: Token, cues: EventCues) -> bool:
    """ "blew up the dam", "the bridge was destroyed": damage done to infrastructure."""
    targets = cues.attack.targets
    return any(c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in targets for c in verb.children)


def _impact_subject(tok: Token, cues: EventCues, weapon_heads: frozenset[int]) -> bool:
    """A weapon or a blast as the subject of a verb of impact: "a missile tore through the
    building", "an explosion brought down part of the bridge"."""
    verb = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "agent" for v in (verb, *(c for c in verb.children if c.dep_ == "conj")) for c in v.children
    ):
        return True  # "the blast was carried out by ...": someone's attack
    if tok.dep_ != "nsubj" or verb.pos_ != "VERB":
        return False
    phrasal = _phrasal(verb)
    a = cues.attack
    if phrasal not in a.impact_verbs and verb.lemma_.lower() not in a.impact_verbs:
        return False
    return tok.i in weapon_heads or tok.lemma_.lower() in SOUND_NOUNS


def find_triggers(
    sent: Span,
    cues: EventCues,
    has_context: bool,
    places: Sequence[PlaceMention],
    weapon_heads: frozenset[int] = frozenset(),
    view: EventDoc | None = None,
    munition_heads: frozenset[int] = frozenset(),
) -> list[Token]:
    """The words of the sentence that report an attack that happened (not air defences destroying
    the drones of one: `munition_heads` are the heads of the missiles, drones and shells named)."""
    a = cues.attack
    out: list[Token] = []
    doc = sent.doc
    tokens = list(sent) if view is None else [doc[i] for i in view.tokens.indices(sent, a.trigger_words)]
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("NOUN", "PROPN"):
            if lemma not in a.nouns and lemma not in a.ground:
                continue
            if lemma in a.ground and lemma not in a.nouns and not _attached(tok, places):
                continue
            mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "det")}
            if mods & (a.irrealis_modifiers | a.not_modifiers) or "no" in mods:
                continue
            if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() not in a.nouns:
                continue  # "attack drones", "air raid alert"
            if _governed_by(tok, a.cancellers) or _negated(tok) or _conditional(tok):
                continue
            if lemma in SOUND_NOUNS and not has_context and not _impact_subject(tok, cues, weapon_heads):
                continue
            out.append(tok)
        elif tok.pos_ == "VERB":
            phrasal = _phrasal(tok)
            if lemma in a.ground and lemma not in a.verbs and _attached(tok, places):
                pass
            elif lemma in a.verbs:
                pass
            elif (lemma in a.context_verbs or phrasal in a.context_verbs) and (
                has_context or _hits_target(tok, cues)
            ):
                pass
            elif (lemma in a.impact_verbs or phrasal in a.impact_verbs) and any(
                c.dep_ == "nsubj" and c.i in weapon_heads for c in tok.children
            ):
                pass  # "a Russian missile tore through the building"
            else:
                continue
            if any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in a.not_objects for c in tok.children):
                continue
            if (lemma in INTERCEPT_VERBS or phrasal in INTERCEPT_VERBS) and any(
                c.dep_ in ("dobj", "obj", "nsubjpass") and c.i in munition_heads for c in tok.children
            ):
                continue  # "air defences destroyed 30 of the drones": an interception
            if _negated(tok) or _modal(tok) or _governed_by(tok, a.cancellers, depth=2) or _conditional(tok):
                continue
            out.append(tok)
    return out


def _attached(tok: Token, places: Sequence[PlaceMention]) -> bool:
    """Whether a place (not merely situating another) is in the word's report."""
    covered = reach(tok)
    return any(p.start in covered for p in places if not p.demoted and not p.container)


INTERCEPT_VERBS: frozenset[str] = frozenset(
    {"destroy", "intercept", "neutralise", "neutralize", "down", "shoot down", "bring down", "repel"}
)
"""Verbs that, with a munition as object, report air defence at work, not an attack."""
