"""Places below country level, and which of them can be where an attack happened.

Every text here is written for the test; none comes from the dev set.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from peacewire.extract.bodytext import body_sentences
from peacewire.extract.cues import event_cues
from peacewire.extract.gazetteer import load_gazetteer
from peacewire.extract.locations import (
    PlaceMention,
    best_place,
    facility_places,
    find_places,
    first_district,
    is_metonym,
    site_places,
)

LINES = [
    "Kyiv Mayor Vitali Klitschko said a drone hit the Solomianskyi district of the Ukrainian capital.",
    "The Kharkiv regional governor said shelling hit the town of Vovchansk, north of Kharkiv.",
    "Fighting raged in a key town in the Zaporizhzhia region.",
    "A missile hit the Kyiv Oblast village of Hatne.",
    "ODESA – Kyiv was grateful for the help, the minister said.",
    "The strike hit North Korea's ally in the Belgorod region, between Shebekino and Valuyki.",
    "A blast damaged the Crimean bridge and a Russian airfield on the outskirts of Sevastopol.",
    "The bridge reopened, and the dam at Kremenchuk held.",
    "Drones struck the Saltivskyi and Kyivskyi districts of Kharkiv.",
    "Shells fell across the Dnipro and on the Dnipro city centre.",
    "A bomb hit Sonyachna, a secondary school, in Kharkiv.",
    "Pupils of Sonyachna were evacuated after the school was hit.",
]


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    return nlp("\n".join(LINES))


def sent(doc: Doc, n: int) -> Span:
    start = sum(len(x) + 1 for x in LINES[:n])
    span = doc.char_span(start, start + len(LINES[n]), alignment_mode="expand")
    assert span is not None
    return span


def places(doc: Doc, n: int) -> list[PlaceMention]:
    return find_places(sent(doc, n), load_gazetteer(), event_cues().capitals, default_capital="Kyiv")


def test_offices_are_no_places_and_capital_is_its_city(doc: Doc) -> None:
    ps = places(doc, 0)
    assert [(p.name, p.level) for p in ps] == [("Solomianskyi district", "district"), ("Kyiv", "city")]
    assert first_district(ps) is not None and first_district(ps).name == "Solomianskyi district"  # type: ignore[union-attr]


def test_situating_places_rank_last(doc: Doc) -> None:
    ps = places(doc, 1)
    best = best_place(ps)
    assert best is not None and best.name == "Vovchansk"
    assert [p.name for p in ps if p.demoted] == ["Kharkiv"]


def test_region_of_an_unnamed_city_is_no_location(doc: Doc) -> None:
    ps = places(doc, 2)
    assert [(p.name, p.container) for p in ps] == [("Zaporizhzhia region", True)]
    assert best_place(ps) is None


def test_city_is_more_specific_than_region(doc: Doc) -> None:
    best = best_place(places(doc, 3))
    assert best is not None and (best.name, best.level) == ("Hatne", "city")


def test_dateline_and_government_metonym(doc: Doc) -> None:
    s = sent(doc, 4)
    ps = places(doc, 4)
    assert [p.name for p in ps] == ["Kyiv"]  # the dateline ODESA is skipped
    assert is_metonym(ps[0], s)


def test_country_names_are_not_places(doc: Doc) -> None:
    ps = places(doc, 5)
    assert [p.name for p in ps] == ["Belgorod region", "Shebekino", "Valuyki"]
    assert [p.demoted for p in ps] == [False, True, True]


def test_body_sentences_skip_headlines_captions_and_the_cut(nlp: Language) -> None:
    text = (
        "Drones hit Odesa port\n"
        "Russian drones hit the port of Odesa overnight, officials said. Two workers were hurt.\n"
        "A crane burns in the port. (Photo by A. Reporter/AFP via Getty Images)\n"
        "Later, a missile struck a warehouse near the city, injuring"
    )
    bodies = body_sentences(nlp(text), event_cues().captions)
    kept = [b.span.text.strip() for b in bodies]
    assert kept == [
        "Russian drones hit the port of Odesa overnight, officials said.",
        "Two workers were hurt.",
        "Later, a missile struck a warehouse near the city",
    ]


def test_named_sites_and_the_outskirts_of_a_city(doc: Doc) -> None:
    sites = event_cues().attack.sites
    ps = find_places(sent(doc, 6), load_gazetteer(), event_cues().capitals, site_nouns=sites)
    assert [(p.name, p.level, p.demoted) for p in ps] == [
        ("Crimean bridge", "site", False),  # "Russian airfield" is a country's, no named site
        ("Sevastopol", "city", False),  # the outskirts of a city are the city
    ]
    assert best_place(ps) is not None and best_place(ps).name == "Sevastopol"  # type: ignore[union-attr]
    assert site_places(sent(doc, 6), ps, sites) == {"bridge": "Crimean bridge"}


def test_the_site_named_before(doc: Doc) -> None:
    cues = event_cues()
    ps = find_places(
        sent(doc, 7),
        load_gazetteer(),
        cues.capitals,
        site_nouns=cues.attack.sites,
        recent_sites={"bridge": "Crimean bridge"},
    )
    assert [(p.name, p.level) for p in ps] == [("Crimean bridge", "site"), ("Kremenchuk", "city")]
    assert site_places(sent(doc, 7), ps, cues.attack.sites) == {
        "bridge": "Crimean bridge",
        "dam": "Kremenchuk",
    }


def test_the_first_of_two_districts_named_together(doc: Doc) -> None:
    ps = places(doc, 8)
    assert first_district(ps) is not None and first_district(ps).name == "Saltivskyi district"  # type: ignore[union-attr]
    assert best_place(ps) is not None and best_place(ps).name == "Kharkiv"  # type: ignore[union-attr]


def test_a_city_name_with_the_is_its_river_and_its_centre_is_no_office(doc: Doc) -> None:
    assert [(p.name, p.level) for p in places(doc, 9)] == [("Dnipro", "city")]  # the centre, not the river


def test_a_named_building_is_the_city_it_stands_in(doc: Doc) -> None:
    gaz, capitals = load_gazetteer(), event_cues().capitals
    targets = event_cues().attack.targets - event_cues().attack.sites
    told = facility_places(sent(doc, 10), places(doc, 10), targets)
    assert told == {"sonyachna": "Kharkiv", "school": "Kharkiv"}
    later = find_places(sent(doc, 11), gaz, capitals, facilities=told)
    assert [(p.name, p.building) for p in later] == [("Kharkiv", True), ("Kharkiv", True)]
