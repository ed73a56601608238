"""Name the party of an event: who attacked, supplied, received or controls.

Events name states ("Russia", "North Korea"), whatever form the article uses:
a demonym ("Russian strikes"), a possessive ("Ukraine's attack"), a
metonym ("Moscow began supplying Pyongyang"), an armed force ("the russian
army"), or a person who speaks for a state ("Biden announced a package").
The gazetteer knows the states and their forms; the actor table resolves
everything else (titles, pronoun-free noun phrases, organisations).
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Span, Token

from peacewire.extract.gazetteer import Gazetteer
from peacewire.extract.lexicon import reporting_lexicon
from peacewire.records import Actor

PRONOUNS: frozenset[str] = frozenset({"it", "they", "he", "she", "we", "i"})
POSSESSIVE_PRONOUNS: frozenset[str] = frozenset({"its", "their", "his", "her", "our", "my"})
SELF_NOUNS: frozenset[str] = frozenset({"country", "nation", "government", "state", "administration"})
"""Heads that, owned by a pronoun ("his country"), stand for the speaker's state."""
FORCE_NOUNS: frozenset[str] = frozenset({"force", "troop", "army", "military", "unit", "soldier"})
"""Armed forces that, owned by a pronoun ("its forces"), are the speaker's state's."""
MADE_WORDS: frozenset[str] = frozenset({"made", "built", "manufactured", "produced", "designed", "supplied"})
UNRESOLVED_HEADS: frozenset[str] = frozenset(
    {
        "enemy",
        "enemies",
        "occupier",
        "occupiers",
        "invader",
        "invaders",
        "aggressor",
        "side",
        "sides",
        "partner",
        "partners",
        "ally",
        "allies",
        "country",
        "countries",
        "nation",
        "nations",
    }
)


class ActorLookup(Protocol):
    """What event extraction needs of peacewire.extract.actors.ActorTable."""

    def actor_at(self, start_char: int, end_char: int) -> Actor | None: ...

    def resolve(self, span: Span) -> Actor | None: ...


def _made_compound(tok: Token) -> bool:
    """ "Iranian-made", "North Korean-built": the maker, not the user."""
    doc = tok.doc
    k = tok.i + 1
    if k < len(doc) and doc[k].text in ("-", "‐"):
        k += 1
    return k < len(doc) and doc[k].lower_ in MADE_WORDS


def state_of_word(tok: Token, gaz: Gazetteer) -> str | None:
    """The state a single word (or the two-word demonym ending in it) names."""
    if _made_compound(tok):
        return None
    text = tok.text
    if tok.i > 0:
        two = f"{tok.doc[tok.i - 1].text} {text}"
        entry = gaz.state_by_demonym(two)
        if entry is not None and entry.type == "state":
            return entry.name
    entry = gaz.state_by_demonym(text)
    if entry is not None and entry.type == "state":
        return entry.name
    for s in gaz.surfaces(text):
        if s.entry.type == "state":
            return s.entry.name
    return None


def state_of_actor(actor: Actor | None, gaz: Gazetteer) -> str | None:
    """A state actor's name; a person's or a body's country's name; else the actor's own name."""
    if actor is None:
        return None
    if actor.type == "state":
        return actor.name
    if actor.type in ("person", "organization", "armed_group") and actor.country:
        state = gaz.state(actor.country)
        if state is not None:
            return state.name
    if actor.type == "media":
        return None
    return actor.name


def phrase_actor(head: Token, table: ActorLookup) -> tuple[Span, Actor | None]:
    """The noun phrase `head` ends, leading determiners and punctuation dropped ("the Kremlin" ->
    "Kremlin"), and the actor it names: the table's mention there, else what the table resolves
    the phrase to."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and doc[start].dep_ in ("det", "punct"):
        start += 1
    span = doc[start : head.i + 1]
    return span, table.actor_at(span.start_char, span.end_char) or table.resolve(span)


def party_of(head: Token, table: ActorLookup, gaz: Gazetteer, belligerent: bool = False) -> str | None:
    """The state (or other actor) a noun phrase with head `head` names.

    "Russia", "Russia's", "Russian forces", "the Kremlin", "Pyongyang",
    "President Joe Biden" -> the state; "the enemy" -> None.
    With `belligerent`, only a state or an armed group can be named (a
    perpetrator): an organisation NER guessed from a capitalised word is not.
    """
    if head.pos_ == "PRON":
        return None
    own = state_of_word(head, gaz)
    if own is not None:
        return own
    if head.lower_ in UNRESOLVED_HEADS and not any(
        c.dep_ in ("amod", "poss", "compound") for c in head.children
    ):
        return None
    for c in head.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < head.i:
            found = state_of_word(c, gaz)
            if found is not None:
                return found
    _, actor = phrase_actor(head, table)
    if belligerent and actor is not None and actor.type not in ("state", "armed_group"):
        if actor.type not in ("person",) or not actor.country:
            return None
    return state_of_actor(actor, gaz)


def reporter_subject(word: Token) -> Token | None:
    """ "Germany said it would provide": the subject of the reporting verb above a word."""
    cur = word
    lex = reporting_lexicon()
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.lemma_.lower() in lex.verbs:
            subj = [c for c in cur.children if c.dep_ == "nsubj"]
            return subj[0] if subj else None
    return None


def speaker_party(
    tok: Token | None, table: ActorLookup, gaz: Gazetteer, self_nouns: frozenset[str] = SELF_NOUNS
) -> str | None:
    """The party a noun phrase names; a pronoun or a pronoun's `self_nouns` ("his country") is
    the speaker's state (the subject of the reporting verb above)."""
    if tok is None:
        return None
    speaker_self = tok.lower_ in PRONOUNS or (
        tok.lemma_.lower() in self_nouns
        and any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in tok.children)
    )
    if speaker_self:
        rep = reporter_subject(tok.head if tok.lower_ in PRONOUNS else tok)
        return party_of(rep, table, gaz) if rep is not None else None
    return party_of(tok, table, gaz)
