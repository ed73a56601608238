"""Events of an article: attacks, arms transfers and territorial control.

Entry point of issue 4's events part.  Only body sentences are read
(headlines, captions and the cut tail of a truncated excerpt are not article
text); each event carries the span of its strongest evidence sentence.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from peacewire.extract.attacks import extract_attacks
from peacewire.extract.bodytext import BodySentence, body_sentences
from peacewire.extract.cues import EventCues, event_cues
from peacewire.extract.gazetteer import Gazetteer, load_gazetteer
from peacewire.extract.parties import ActorLookup, state_of_word
from peacewire.extract.territory import extract_territory
from peacewire.extract.transfers import extract_transfers
from peacewire.records import Article, Event


def main_capital(bodies: list[BodySentence], gaz: Gazetteer, cues: EventCues) -> str | None:
    """The capital "the capital" most likely means: that of the state the article names most."""
    counts: Counter[str] = Counter()
    for b in bodies:
        for tok in b.span:
            if tok.text[:1].isupper():
                state = state_of_word(tok, gaz)
                if state is not None and state in cues.capitals:
                    counts[state] += 1
    if not counts:
        return None
    state = max(counts, key=lambda s: (counts[s], s == "Ukraine"))
    return cues.capitals.get(state)


def extract_events(doc: Doc, table: ActorLookup, article: Article) -> list[Event]:
    """Attacks, arms transfers and territorial-control statements of one parsed article."""
    cues = event_cues()
    gaz = load_gazetteer()
    bodies = body_sentences(doc, cues.captions)
    capital = main_capital(bodies, gaz, cues)
    events: list[Event] = []
    events.extend(extract_attacks(bodies, table, gaz, cues, article.published, capital))
    events.extend(extract_transfers(bodies, table, gaz, cues))
    events.extend(extract_territory(bodies, table, gaz, cues))
    return events
