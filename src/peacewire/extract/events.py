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
from peacewire.extract.gazetteer import key, load_gazetteer
from peacewire.extract.locations import place_index
from peacewire.extract.parties import ActorLookup
from peacewire.extract.territory import extract_territory
from peacewire.extract.transfers import extract_transfers
from peacewire.records import Article, Event


def main_capital(bodies: list[BodySentence], cues: EventCues) -> str | None:
    """The capital "the capital" means: that of the country whose places the article names most."""
    index = place_index()
    counts: Counter[str] = Counter()
    for b in bodies:
        toks = list(b.span)
        for i, tok in enumerate(toks):
            if not tok.text[:1].isupper():
                continue
            for n in (2, 1):
                country = index.countries.get(key(" ".join(t.text for t in toks[i : i + n])))
                if country is not None and country in cues.capitals:
                    counts[country] += 1
                    break
    if not counts:
        return None
    country = max(counts, key=lambda c: (counts[c], c == "Ukraine"))
    return cues.capitals.get(country)


def extract_events(doc: Doc, table: ActorLookup, article: Article) -> list[Event]:
    """Attacks, arms transfers and territorial-control statements of one parsed article."""
    cues = event_cues()
    gaz = load_gazetteer()
    bodies = body_sentences(doc, cues.captions)
    capital = main_capital(bodies, cues)
    events: list[Event] = []
    events.extend(extract_attacks(bodies, table, gaz, cues, article.published, capital))
    events.extend(extract_transfers(bodies, table, gaz, cues))
    events.extend(extract_territory(bodies, table, gaz, cues))
    return events
