"""Assemble one article's extraction record from the extractors' outputs.

The order matters and is the only place it is spelled out: actors first
(everyone else names actors through the table, and reads the article's
token lists the table holds, `ActorTable.tokens`), then quotations and
their speakers, then positions, then events.  Each step is a plain function
over the parsed `Doc`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from spacy.tokens import Doc

from peacewire.extract.actors import ActorTable, build_actor_table
from peacewire.extract.events import extract_events
from peacewire.extract.gazetteer import Gazetteer
from peacewire.extract.positions import extract_positions
from peacewire.extract.quotemarks import pair_marks
from peacewire.extract.quotes import QuoteCandidate, find_quotes
from peacewire.extract.speakers import SpeakerResolver, noun_phrase
from peacewire.extract.tokenview import TokenView
from peacewire.extract.venues import find_venue
from peacewire.records import Actor, Article, ExtractionRecord, Quote

OUTLET_MATCH = 85
"""rapidfuzz ratio above which a speaker is the publishing outlet itself."""


@dataclass(frozen=True)
class Resources:
    """What extraction loads once and shares across articles."""

    gazetteer: Gazetteer


def _is_publisher(cand: QuoteCandidate, actor: Actor | None, article: Article, view: TokenView) -> bool:
    """The publishing outlet's own reporting is not a quotation."""
    if not article.outlet:
        return False
    outlet = article.outlet.lower().removeprefix("the ")
    names = [actor.name, *actor.aliases] if actor is not None and actor.type == "media" else []
    if cand.subject is not None:
        names.append(view.text_of(noun_phrase(cand.subject)))
    return any(fuzz.ratio(n.lower().removeprefix("the "), outlet) >= OUTLET_MATCH for n in names)


def _venue(view: TokenView, cand: QuoteCandidate, quoted: list[QuoteCandidate]) -> str | None:
    """Look for the venue in the attribution's sentence, quotations blanked."""
    text = view.text
    if cand.verb is not None:
        start, end = view.sentence_chars(cand.verb.i)
    else:
        start = text.rfind("\n", 0, cand.start) + 1
        end = text.find("\n", cand.end)
        end = len(text) if end < 0 else end
    pieces, at = [], start
    for q in quoted:
        if q.end <= start or q.start >= end:
            continue
        lo, hi = max(q.start, at), min(q.end, end)
        if lo > at:
            pieces.append(text[at:lo])
        if hi > lo:
            pieces.append(" " * (hi - lo))
        at = max(at, hi)
    pieces.append(text[at:end])
    return find_venue("".join(pieces))


def extract_quotes(doc: Doc, table: ActorTable, article: Article) -> list[Quote]:
    """Quotations with resolved speakers and venues, in text order."""
    tokens = table.tokens
    text = tokens.text  # the text `doc` was parsed from; Doc.text would rebuild it
    pairs = pair_marks(text)
    candidates = find_quotes(doc, pairs=pairs, tokens=tokens)
    resolver = SpeakerResolver(doc, table, text=text, pairs=pairs, tokens=tokens)
    out: list[Quote] = []
    for cand in candidates:
        result = resolver.attribute(cand)
        if not result.keep or _is_publisher(cand, result.speaker, article, tokens):
            continue
        cue = cand.verb.text if cand.verb is not None else None
        venue = _venue(tokens, cand, candidates)
        # A joint statement gives one quotation per party (ANNOTATION.md).
        for actor in [result.speaker, *result.also]:
            out.append(
                Quote(
                    speaker=actor.name if actor is not None else None,
                    text=cand.text,
                    kind=cand.kind,
                    span=(cand.start, cand.end),
                    venue=venue,
                    cue=cue,
                )
            )
    return out


def build_record(article: Article, doc: Doc, resources: Resources) -> ExtractionRecord:
    table = build_actor_table(doc, resources.gazetteer, published=article.published)
    quotes = extract_quotes(doc, table, article)
    positions = extract_positions(doc, table, quotes, article)
    events = extract_events(doc, table, article)
    record = ExtractionRecord(article=article, quotes=quotes, positions=positions, events=events)
    record.actors = participants(table.actors, record)
    return record


def participants(actors: list[Actor], record: ExtractionRecord) -> list[Actor]:
    """The actors that speak, hold a position or take part in an event.

    ANNOTATION.md lists those, not every name the article mentions; media
    carrying a quotation count as its venue.
    """
    named: set[str] = {q.speaker for q in record.quotes if q.speaker}
    named |= {p.holder for p in record.positions}
    for e in record.events:
        named |= {n for n in (e.perpetrator, e.supplier, e.recipient, e.controller, e.source) if n}
    venues = " ".join(q.venue for q in record.quotes if q.venue).lower()
    return [a for a in actors if a.name in named or (a.type == "media" and a.name.lower() in venues)]
