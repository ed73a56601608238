"""Joining sentence reports into attacks, and attacks into events.

The way a reader follows the story: a report joins the attack told at its place or the one
being told; a country-wide summary of listed attacks is no attack of its own.  Separate
from sentence reading because it only sees reports, never the parse.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from peacewire.extract.attack_places import _region_base, _same_place
from peacewire.extract.attack_records import BACKGROUND_DAYS, Attack, Report
from peacewire.extract.gazetteer import fold
from peacewire.extract.locations import PlaceMention
from peacewire.extract.weapons import WeaponMention
from peacewire.records import Event

OLD_DAYS = 365
"""ANNOTATION.md: background events older than a year need a figure."""


def _compatible(attack: Attack, report: Report) -> bool:
    """Whether a report can be of the attack: not with weapons of another kind, nor carried out
    by another party ("Ukraine's drones struck air bases ... the night Russia launched 472 drones")."""
    ga, gr = attack.groups, report.groups
    if ga and gr and not (ga & gr):
        return False
    mine = attack.perpetrator()
    return mine is None or report.perpetrator is None or mine == report.perpetrator


def _continued(attacks: list[Attack], last: Attack | None, sent_no: int, national: bool) -> Attack | None:
    """The attack a report without a place continues: the one just told; else, in a story of an
    attack on the whole country (`national`) once attacks on two or more places have been told,
    the barrage as a whole (no single place: a new attack without a location unless one is already
    told); else the story's main attack."""
    live = [a for a in attacks if not a.cumulative]
    if not live:
        return None
    if last is not None and not last.cumulative and not last.background and sent_no - last.last_sent <= 1:
        return last
    current = [a for a in live if not a.background]
    if national and len({fold(a.location) for a in current if a.location is not None}) >= 2:
        unplaced = [a for a in current if a.location is None]
        return unplaced[-1] if unplaced else None
    main = current or live
    return max(main, key=lambda a: (len(a.reports), -attacks.index(a)))


def _same_time(attack: Attack, report: Report) -> bool:
    """Whether a report at the attack's place can be of the same attack: an undated or a definite
    report can; another only of an attack of about its day ("in March, a similar strike on the city
    killed 35" is not today's strike on the city, told without a date)."""
    if report.days_before is None or report.definite:
        return True  # "the strike", "Ukraine's incursion": the one known, whatever the date
    day = attack.day
    if day is None:  # an attack told without a date: today's
        return report.days_before <= BACKGROUND_DAYS
    return abs(day - report.days_before) <= BACKGROUND_DAYS


def _refines(last: Attack | None, r: Report) -> bool:
    """A city report right after an attack on a region, with no attack word of its own, in that
    region ("... attack on the Moscow region. The region's governor said two were killed in
    Domodedovo"): the same attack, at its most specific place."""
    if last is None or r.place is None or r.place.level != "city" or last.level != "region":
        return False
    if last.location is None or r.sent_no - last.last_sent > 2 or last.has_figure() or last.cumulative:
        return False
    if r.triggers and not r.anaphoric:
        return False
    base = _region_base(last.location)
    return base in r.text or base == fold(r.place.name)


def assemble(reports: Sequence[Report]) -> list[Attack]:
    """Join sentence reports into attacks."""
    attacks: list[Attack] = []
    last: Attack | None = None
    heard: list[Report] = []
    national = any(r.national for r in reports)
    for r in reports:
        if r.weak:
            heard.append(r)
            continue
        if r.damage_only:
            if last is not None and r.sent_no - last.last_sent <= 2 and last.sublocation is None:
                if r.place is None or _same_place(r.place.name, last.location):
                    last.sublocation = r.district.name if r.district else None
            continue
        if r.cumulative and (r.triggers or r.casualties):
            attacks.append(Attack([r], r.place.name if r.place else None, cumulative=True))
            continue
        target: Attack | None = None
        new_place: PlaceMention | None = None
        if r.distinct:
            pass  # "a separate strike": a new attack, wherever it hit
        elif r.place is not None:
            same = [
                a
                for a in attacks
                if not a.cumulative
                and _same_place(a.location, r.place.name)
                and _compatible(a, r)
                and _same_time(a, r)
            ]
            if same:
                current = [a for a in same if not a.background] if r.days_before is None else []
                target = (current or same)[-1]
            elif (
                r.anaphoric
                and last is not None
                and last.location is None
                and not last.multi
                and not last.cumulative
                and _compatible(last, r)
            ):
                target, new_place = last, r.place
            elif _refines(last, r) and last is not None and _compatible(last, r):
                target, new_place = last, r.place
        elif r.covers:
            pass  # a toll of several places together: an attack of its own (maybe a summary)
        else:
            if r.multi:  # "across the country": the barrage as a whole, never one of its places
                unplaced = [a for a in attacks if a.location is None and not (a.cumulative or a.background)]
                cont = unplaced[-1] if unplaced else None
            else:
                cont = _continued(attacks, last, r.sent_no, national)
            if cont is not None and not r.earlier and (r.anaphoric or not r.triggers or _compatible(cont, r)):
                target = cont
        if target is None:
            target = Attack(
                location=r.place.name if r.place else None,
                multi=r.multi,
                level=r.place.level if r.place else None,
                covers=r.covers,
            )
            attacks.append(target)
        elif new_place is not None:
            target.location, target.level = new_place.name, new_place.level
        target.reports.append(r)
        if (
            r.district is not None
            and target.sublocation is None
            and (r.place is None or _same_place(r.place.name, target.location))
        ):
            target.sublocation = r.district.name
        target.multi = target.multi or (r.multi and target.location is None)
        last = target
    _place_by_heard(attacks, heard)
    return attacks


def _place_by_heard(attacks: Sequence[Attack], heard: Sequence[Report]) -> None:
    """An attack on "the Lviv region" next to blasts heard in Lviv took place in the city."""
    for a in attacks:
        if a.level != "region" or a.location is None:
            continue
        base = _region_base(a.location)
        for h in heard:
            if h.place is None or h.place.level != "city" or fold(h.place.name) != base:
                continue
            if any(abs(h.sent_no - r.sent_no) <= 2 for r in a.reports):
                a.location, a.level = h.place.name, "city"
                break


def _is_summary(a: Attack, others: Sequence[Attack]) -> bool:
    """A total without a place that just adds up the placed attacks reported with it."""
    if a.location is not None or not a.has_figure():
        return False
    day = a.day
    placed = [
        o
        for o in others
        if o is not a
        and o.location is not None
        and not o.cumulative
        and (day is None or o.day is None or abs(o.day - day) <= 1)  # not an attack of another day
        and (not a.covers or any(_same_place(o.location, c) for c in a.covers))
    ]
    if not placed:
        return False
    for kind in ("killed", "injured"):
        total = a.figure(kind)
        if total is None:
            continue
        parts = [o.figure(kind) for o in placed]
        if sum(p.value for p in parts if p is not None) != total.value:
            return False
    return True


def _counted(w: WeaponMention, doc: Doc) -> bool:
    """A weapon given a number ("about 100 missiles were fired", "dozens of drones"): a figure,
    which makes an attack told without a place or a named system one (ANNOTATION.md)."""
    head = doc[w.head]
    if any(c.dep_ == "nummod" and c.like_num for c in head.children):
        return True
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "of" and (prep.head.like_num or prep.head.pos_ == "NUM")


def keep(a: Attack, attacks: Sequence[Attack]) -> bool:
    """ANNOTATION.md: an attack names a place, a figure or a weapon system; old ones need a figure."""
    named = any(w.named for r in a.reports for w in r.weapons)
    counted = any(_counted(w, r.triggers[0].doc) for r in a.reports if r.triggers for w in r.weapons)
    if a.location is None and not a.has_figure() and not (named or counted):
        return False
    days = [r.days_before for r in a.reports if r.days_before is not None]
    if days and min(days) > OLD_DAYS and not a.has_figure():
        return False
    if not any(r.triggers for r in a.reports):
        if a.location is None or all(r.bodies for r in a.reports):
            return False  # bodies found, never tied to an attack: deaths, not a strike told
    return not _is_summary(a, attacks)


def to_event(a: Attack) -> Event:
    return Event(
        type="attack",
        span=a.evidence(),
        location=a.location,
        sublocation=a.sublocation,
        killed=a.figure("killed"),
        injured=a.figure("injured"),
        weapons=a.weapons(),
        perpetrator=a.perpetrator(),
    )
