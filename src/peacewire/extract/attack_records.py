"""The records passed between reading sentences and joining them into attacks.

A report is what one sentence says about one attack; an attack gathers the reports of one
strike.  They live apart so that the sentence readers and the joining step share them
without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from peacewire.extract.casualties import CasualtyFigure
from peacewire.extract.locations import PlaceMention
from peacewire.extract.weapons import (
    WeaponMention,
    event_weapons,
)
from peacewire.records import Count

BACKGROUND_DAYS = 3
"""A report dated more than this before publication is background to the story."""


@dataclass
class Report:
    """What one sentence says about one attack."""

    sent_no: int
    span: tuple[int, int]
    triggers: list[Token] = field(default_factory=list)
    place: PlaceMention | None = None
    district: PlaceMention | None = None
    weapons: list[WeaponMention] = field(default_factory=list)
    perpetrator: str | None = None
    casualties: list[CasualtyFigure] = field(default_factory=list)
    anaphoric: bool = False
    multi: bool = False
    cumulative: bool = False
    earlier: bool = False
    """Introduced as an earlier, other attack ("a week after Russia's barrage")."""
    days_before: int | None = None
    damage_only: bool = False
    weak: bool = False
    """Only blasts heard somewhere: names a place, never an attack of its own."""
    definite: bool = False
    """Its attack word is definite or owned ("the strike", "Ukraine's incursion"): one already known."""
    distinct: bool = False
    """Its attack word says it is another attack ("a separate strike"): never joined to an earlier one."""
    national: bool = False
    """Reports an attack on the country as a whole ("across the country", "against Ukraine's
    energy facilities")."""
    text: str = ""
    """The sentence, lower-cased (which places it mentions, offices included)."""
    bodies: bool = False
    """Its figures only count bodies found ("the bodies of 410 civilians were recovered")."""
    covers: tuple[str, ...] = ()
    """A toll given for several places together ("struck Odesa and Mykolaiv, killing three"): those
    places, which the toll adds up."""

    @property
    def groups(self) -> set[str]:
        return {w.group for w in self.weapons}

    def score(self) -> int:
        return (
            2 * len(self.casualties)
            + int(self.place is not None)
            + int(bool(self.triggers))
            + int(bool(self.weapons))
        )


@dataclass
class Attack:
    reports: list[Report] = field(default_factory=list)
    location: str | None = None
    sublocation: str | None = None
    multi: bool = False
    cumulative: bool = False
    level: str | None = None
    """The location's level (city, region, site)."""
    covers: tuple[str, ...] = ()
    """The places whose attacks a total without a place adds up (`Report.covers`)."""

    @property
    def groups(self) -> set[str]:
        return {g for r in self.reports for g in r.groups}

    @property
    def last_sent(self) -> int:
        return self.reports[-1].sent_no

    @property
    def day(self) -> int | None:
        """Days before publication, where its reports date it."""
        days = [r.days_before for r in self.reports if r.days_before is not None]
        return min(days) if days else None

    @property
    def background(self) -> bool:
        days = [r.days_before for r in self.reports if r.days_before is not None]
        return bool(days) and min(days) > BACKGROUND_DAYS

    def figure(self, kind: str) -> Count | None:
        cands = [c for r in self.reports for c in r.casualties if c.kind == kind]
        if not cands:
            return None
        # the latest figure: a revised one ("rose to", "was revised as") over
        # the first reports, else the largest (tolls grow as bodies are found)
        revised = [c for c in cands if c.revised]
        best = max(revised or cands, key=lambda c: (c.count.value, -c.start))
        return best.count

    def has_figure(self) -> bool:
        return any(r.casualties for r in self.reports)

    def perpetrator(self) -> str | None:
        for r in self.reports:
            if r.perpetrator:
                return r.perpetrator
        return None

    def weapons(self) -> list[str]:
        return event_weapons(w for r in self.reports for w in r.weapons)

    def evidence(self) -> tuple[int, int]:
        best = max(self.reports, key=lambda r: (r.score(), -r.sent_no))
        return best.span
