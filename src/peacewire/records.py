"""The record types every stage shares.

Ingest produces `Article`s (or `Failure`s), extraction turns an `Article` into
an `ExtractionRecord`, and everything after reads those records.  Keeping the
types in one module is what lets the stages stay independent of each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
"""Character offsets ``[start, end)`` into an article's cleaned text."""

ActorType = Literal["person", "state", "organization", "alliance", "armed_group", "media"]
QuoteKind = Literal["direct", "partial", "indirect"]
CountQualifier = Literal["exact", "at_least", "more_than", "about", "up_to"]
Issue = Literal[
    "territory",
    "ceasefire",
    "negotiations",
    "security_guarantees",
    "nato_membership",
    "sanctions",
    "military_aid",
    "hostilities",
]
Stance = Literal["support", "oppose"]


@dataclass
class Article:
    """One cleaned article, ready for extraction.

    `text` is the cleaned article body: every span the extractors emit points
    into it.  `source` says where the article came from (a path, or
    ``path:line`` for a JSON Lines record) so errors and records can name it.
    """

    id: str
    text: str
    source: str = ""
    title: str | None = None
    tags: list[str] = field(default_factory=list)
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass
class Failure:
    """An input record that could not be turned into an article or a record."""

    source: str
    reason: str
    id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "id": self.id, "reason": self.reason}


@dataclass
class Count:
    value: float
    qualifier: CountQualifier = "exact"

    def to_json(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "qualifier": self.qualifier}


@dataclass
class Actor:
    """An actor as the article names it, with the forms it uses for it."""

    name: str
    type: ActorType
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "type": self.type,
            "country": self.country,
            "mentions": [list(m) for m in self.mentions],
        }


@dataclass
class Quote:
    speaker: str | None
    text: str
    kind: QuoteKind
    span: Span
    venue: str | None = None
    cue: str | None = None
    """The reporting verb or phrase that attributes the quote, when there is one."""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "speaker": self.speaker,
            "text": self.text,
            "kind": self.kind,
            "venue": self.venue,
            "span": list(self.span),
        }
        if self.cue:
            out["cue"] = self.cue
        return out


@dataclass
class Position:
    holder: str
    issue: Issue
    stance: Stance
    span: Span
    conditions: list[str] = field(default_factory=list)
    qualifiers: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "holder": self.holder,
            "issue": self.issue,
            "stance": self.stance,
            "conditions": list(self.conditions),
            "qualifiers": list(self.qualifiers),
            "span": list(self.span),
        }


@dataclass
class Event:
    """An attack, arms transfer or territorial-control statement.

    Only the fields of the event's type are filled; `to_json` leaves the rest
    out so a record reads like the gold of ANNOTATION.md.
    """

    type: Literal["attack", "arms_transfer", "territorial_control"]
    span: Span
    location: str | None = None
    sublocation: str | None = None
    killed: Count | None = None
    injured: Count | None = None
    weapons: list[str] = field(default_factory=list)
    perpetrator: str | None = None
    supplier: str | None = None
    recipient: str | None = None
    quantity: Count | None = None
    source: str | None = None
    controller: str | None = None
    share: Count | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        if self.type == "attack":
            out.update(location=self.location, sublocation=self.sublocation)
            if self.killed:
                out["killed"] = self.killed.to_json()
            if self.injured:
                out["injured"] = self.injured.to_json()
            out.update(weapons=list(self.weapons), perpetrator=self.perpetrator)
        elif self.type == "arms_transfer":
            out.update(supplier=self.supplier, recipient=self.recipient, weapons=list(self.weapons))
            if self.quantity:
                out["quantity"] = self.quantity.to_json()
            out["source"] = self.source
        else:
            out["controller"] = self.controller
            if self.share:
                out["share"] = self.share.to_json()
        out["span"] = list(self.span)
        return out


@dataclass
class ExtractionRecord:
    """One article's extraction: the output contract of FORMATS.md."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id,
            "published": a.published,
            "title": a.title,
            "tags": list(a.tags),
            "language": a.language,
            "outlet": a.outlet,
            "url": a.url,
            "origin": a.source,
            "actors": [x.to_json() for x in self.actors],
            "quotes": [x.to_json() for x in self.quotes],
            "positions": [x.to_json() for x in self.positions],
            "events": [x.to_json() for x in self.events],
            "text": a.text,
        }
