"""Attacks: strikes, shelling, bombing and assaults, one event per attack.

Each body sentence is read for attack words (nouns, verbs, ground-combat
words, a weapon or a blast as the subject of a verb of impact: "a missile
tore through ..."), places (cities, regions, named sites such as "the
Crimean bridge", and "the city"/"the bridge" named before), weapons and
casualty counts; a sentence gives one report per attack it speaks of (two
when it contrasts a drone attack with an earlier missile barrage).  Reports
are then joined into events the way a reader follows the story: a report
naming a place joins the attack already reported there; "the strike" with a
place gives an unplaced attack its place; a city reported right after an
attack on its region ("the Moscow region ... killed in Domodedovo", blasts
heard in Lviv next to strikes on "the Lviv region") is that attack's most
specific place; a report with no place continues the attack being told,
unless its weapons show it is another one, and, in a story of an attack on
the whole country, once several places have been told it belongs to the
barrage as a whole (an attack without a location).  An attack keeps the
latest (largest) casualty figures its reports give; a country-wide total
that is just the sum of the attacks listed with it is no attack of its own.

Within a sentence, the words whose clause speaks of the whole country
("across the country", "at five cities") report the barrage, the others the
place they name; coordinated places ("struck Odesa and Mykolaiv") are one
attack each, their joint toll going to none of them; a part of a toll with a
place of its own ("including three in the Zhytomyr region") is at least that
toll there; a named building ("Okhmatdyt, the children's hospital") stands
for its city.  Weapons an attack hit and the aircraft a missile came from are
not its weapons; bodies found, never tied to an attack, are no attack (the
dead of an occupation).

This module runs the steps in order; the rules live in attack_sentences.py
(one sentence's reports), attack_triggers.py (attack words),
attack_places.py, attack_perpetrators.py and attack_weapons.py (what a report
names), attack_scope.py (splitting a report by place) and attack_joining.py
(reports into attacks, attacks into events), over attack_records.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from peacewire.extract.attack_joining import assemble, keep, to_event
from peacewire.extract.attack_places import Story, _country_target, _names_places, read_places
from peacewire.extract.attack_records import Report
from peacewire.extract.attack_sentences import sentence_reports
from peacewire.extract.attack_triggers import SOUND_NOUNS
from peacewire.extract.bodytext import BodySentence
from peacewire.extract.cues import EventCues
from peacewire.extract.eventdoc import EventDoc
from peacewire.extract.gazetteer import Gazetteer, fold
from peacewire.extract.locations import doc_view
from peacewire.extract.parties import ActorLookup
from peacewire.records import Event

__all__ = ["SOUND_NOUNS", "extract_attacks"]

CITY_WORDS = frozenset({"city"})
"""The word that refers back to a city ("the city's Kyivskyi district")."""


def extract_attacks(
    bodies: Sequence[BodySentence],
    table: ActorLookup,
    gaz: Gazetteer,
    cues: EventCues,
    published: str | None,
    default_capital: str | None,
    view: EventDoc | None = None,
    read: Sequence[bool] | None = None,
) -> list[Event]:
    """The attacks an article reports, one event each, in order of first report.

    `read[n]` says whether body sentence n holds an attack or casualty word at all; the others
    are only read for the places they name (what "the city" means later).
    """
    view = view or (doc_view(bodies[0].sent.doc) if bodies else None)
    reports: list[Report] = []
    story = Story(default_capital=default_capital)
    # a sentence without an attack word matters only for a later "the city" or "the bridge"
    referring = cues.attack.sites | {"city", "town"}
    last_reference = max(
        (
            n
            for n, b in enumerate(bodies)
            if (read is None or read[n]) and view and view.tokens.has_any(b.span, referring)
        ),
        default=-1,
    )
    for n, body in enumerate(bodies):
        assert view is not None
        if read is None or read[n]:
            # "the city" in a sentence that names a city itself, be it in an office ("the mayor of
            # Donetsk said ... the city's Kyivskyi district") or the dateline, is that city
            here = _named_city(body.span, gaz, view) if view.tokens.has_any(body.span, CITY_WORDS) else None
            if here is not None:
                story.recent_city = here
            found = sentence_reports(n, body, table, gaz, cues, published, story, view)
        else:
            found = []
            story.places = []
            if n < last_reference and _names_places(body.span, cues, view):
                read_places(body.span, gaz, cues, story, view, known_only=True)
        if found:
            low = fold(view.tokens.text_of(body.span))
            for r in found:
                r.text = low
                r.national = r.place is None and (r.multi or _country_target(r.triggers, gaz))
        reports.extend(found)
        cities = [r.place.name for r in found if r.place is not None and r.place.level == "city"]
        if not found:
            cities = [
                p.name for p in story.places if p.level == "city" and p.known and not (p.demoted or p.origin)
            ]
        if cities:
            story.recent_city = cities[-1]  # "the city" in what follows
    attacks = assemble(reports)
    return [to_event(a) for a in attacks if keep(a, attacks)]


def _named_city(sent: Span, gaz: Gazetteer, view: EventDoc) -> str | None:
    """The first known city the sentence names, as a run of proper nouns (a dateline's capitals too:
    "ZAPORIZHZHIA — Residents of the city's ...")."""
    tokens = view.tokens
    words, pos = tokens.words, tokens.pos
    i = sent.start
    while i < sent.end:
        if pos[i] != "PROPN":
            i += 1
            continue
        j = i
        while j < sent.end and pos[j] == "PROPN":
            j += 1
        for k in range(j, i, -1):  # the longest run first: "Kryvyi Rih"
            text = " ".join(words[i:k])
            place = gaz.place(text.title() if text.isupper() else text)
            if place is not None and place.kind == "city":
                return place.name
        i = j
    return None
