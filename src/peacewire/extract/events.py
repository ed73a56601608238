"""Events of an article: attacks, arms transfers and territorial control.

Entry point of issue 4's events part.  Only body sentences are read
(headlines, captions and the cut tail of a truncated excerpt are not article
text); each event carries the span of its strongest evidence sentence.

The extractors read the article's token lists the actor table read once
(`ActorTable.tokens`, with the place names `eventdoc` adds), and each reads
in full only the sentences that hold one of its cue words (`EventGates`):
most sentences of a news story report speech, not events.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from spacy.tokens import Doc

from peacewire.extract.attacks import SOUND_NOUNS, extract_attacks
from peacewire.extract.bodytext import BodySentence, body_sentences
from peacewire.extract.cues import EventCues, event_cues
from peacewire.extract.eventdoc import EventDoc
from peacewire.extract.gazetteer import load_gazetteer
from peacewire.extract.locations import doc_view, place_index
from peacewire.extract.numbers import PERCENT_WORDS
from peacewire.extract.parties import ActorLookup
from peacewire.extract.territory import AREA_UNITS, WHOLE_WORDS, extract_territory
from peacewire.extract.tokenview import TokenView
from peacewire.extract.transfers import extract_transfers
from peacewire.records import Article, Event


class EventActorTable(ActorLookup, Protocol):
    """What event extraction needs of the article's `ActorTable`: its lookups and token lists."""

    @property
    def tokens(self) -> TokenView: ...


@dataclass(frozen=True)
class EventGates:
    """Words without which a sentence cannot report an event of a kind (lower-cased or lemmas)."""

    attack: frozenset[str]
    """Attack words, casualty words, damage and blast words."""
    attack_pairs: frozenset[tuple[str, str]]
    """Phrasal verbs ("bring down"): both words must be in the sentence."""
    transfer: frozenset[str]
    """Supply and receiving words (a transfer also needs a weapon)."""
    territory: frozenset[str]
    """Control words (territorial control also needs a share)."""
    shares: frozenset[str]
    """Percent signs and words, the fraction words, "full" (control) and the units of area."""

    def attack_words(self, words: frozenset[str]) -> bool:
        """Whether a sentence with these words can report an attack or its casualties."""
        return not words.isdisjoint(self.attack) or any(
            a in words and b in words for a, b in self.attack_pairs
        )


@lru_cache(maxsize=1)
def event_gates() -> EventGates:
    """The gates, derived from the cue lexicon once per process."""
    cues = event_cues()
    a = cues.attack
    phrases = a.context_verbs | a.impact_verbs
    singles = {p for p in phrases if " " not in p}
    pairs = {(p.split()[0], p.split()[1]) for p in phrases if " " in p}
    attack = a.nouns | a.verbs | a.ground | a.damage | singles | SOUND_NOUNS | cues.casualties.words
    fraction_words = {w for phrase in cues.numbers.fractions for w in phrase.replace("-", " ").split()}
    t = cues.transfer
    return EventGates(
        attack=frozenset(attack),
        attack_pairs=frozenset(pairs),
        transfer=frozenset(t.verbs | t.receive_verbs | t.nouns),
        territory=frozenset(cues.territory.verbs | cues.territory.nouns),
        shares=frozenset(
            PERCENT_WORDS
            | fraction_words
            | {"one-fifth", "one-third", "one-quarter"}
            | WHOLE_WORDS
            | AREA_UNITS
        ),
    )


def main_capital(bodies: list[BodySentence], view: EventDoc, cues: EventCues) -> str | None:
    """The capital "the capital" means: that of the country whose places the article names most."""
    countries = place_index().countries
    counts: Counter[str] = Counter()
    for b in bodies:
        for i in range(b.sent.start, b.end):
            for end, _, k in view.places.get(i, ()):
                if end <= b.end:
                    country = countries.get(k)
                    if country is not None and country in cues.capitals:
                        counts[country] += 1
                    break
    if not counts:
        return None
    country = max(counts, key=lambda c: (counts[c], c == "Ukraine"))
    return cues.capitals.get(country)


def extract_events(doc: Doc, table: EventActorTable, article: Article) -> list[Event]:
    """Attacks, arms transfers and territorial-control statements of one parsed article."""
    cues = event_cues()
    gaz = load_gazetteer()
    gates = event_gates()
    tokens = table.tokens
    view = doc_view(doc, tokens)
    bodies = body_sentences(doc, cues.captions, tokens.text)
    capital = main_capital(bodies, view, cues)
    read_attacks = [gates.attack_words(tokens.word_set(b.span)) for b in bodies]
    read_transfers = [tokens.has_any(b.span, gates.transfer) for b in bodies]
    read_territory = [
        tokens.has_any(b.span, gates.territory) and tokens.has_any(b.span, gates.shares) for b in bodies
    ]
    events: list[Event] = []
    events.extend(extract_attacks(bodies, table, gaz, cues, article.published, capital, view, read_attacks))
    events.extend(extract_transfers(bodies, table, gaz, cues, tokens, read_transfers))
    events.extend(
        extract_territory(
            [b for b, read in zip(bodies, read_territory, strict=True) if read],
            table,
            gaz,
            cues,
            article.published,
        )
    )
    return events
