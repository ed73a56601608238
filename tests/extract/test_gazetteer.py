"""The gazetteer: known actors, spelling variants, metonyms, demonyms, places, offices."""

from __future__ import annotations

import pytest

from peacewire.extract.gazetteer import Gazetteer, GazetteerError, build_gazetteer, key, load_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_loader_is_cached(gaz: Gazetteer) -> None:
    assert load_gazetteer() is gaz


def test_gazetteer_is_broad(gaz: Gazetteer) -> None:
    types = [e.type for e in gaz.entries]
    assert types.count("person") >= 300
    assert types.count("state") >= 60
    assert types.count("media") >= 50


@pytest.mark.parametrize(
    "text, code",
    [
        ("Russia", "RUS"),
        ("Turkey", "TUR"),
        ("Holy See", "VAT"),
        ("North Korean", "PRK"),
        ("U.S.", "USA"),
        ("British", "GBR"),
        ("Emirati", "ARE"),
        ("Ukrainian", "UKR"),
        ("Czechia", "CZE"),
    ],
)
def test_country_codes_come_from_names_and_demonyms(gaz: Gazetteer, text: str, code: str) -> None:
    assert gaz.country_code(text) == code


def test_every_state_has_an_iso3_code(gaz: Gazetteer) -> None:
    for e in gaz.entries:
        if e.type == "state":
            assert e.country is not None and len(e.country) == 3, e.name


@pytest.mark.parametrize(
    "form, name",
    [
        ("Zelenskiy", "Volodymyr Zelenskyy"),
        ("Zelensky", "Volodymyr Zelenskyy"),
        ("Volodimir Zelenskiy", "Volodymyr Zelenskyy"),
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("Lavrov", "Sergei Lavrov"),
        ("Lukashenka", "Alexander Lukashenko"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
    ],
)
def test_person_variants_and_surnames(gaz: Gazetteer, form: str, name: str) -> None:
    entry = gaz.lookup_person(form)
    assert entry is not None and entry.name == name


def test_ambiguous_surname_stays_unresolved(gaz: Gazetteer) -> None:
    # Several known people are called Kim.
    assert gaz.lookup_person("Kim") is None


@pytest.mark.parametrize(
    "form, name",
    [("the Kremlin", "Russia"), ("Pyongyang", "North Korea"), ("Downing Street", "United Kingdom"),
     ("the White House", "United States"), ("Kiev", "Ukraine")],
)  # fmt: skip
def test_metonyms_name_their_state(gaz: Gazetteer, form: str, name: str) -> None:
    entry = gaz.lookup(form)
    assert entry is not None and entry.name == name and entry.type == "state"


def test_case_rules(gaz: Gazetteer) -> None:
    assert gaz.lookup("US") is not None
    assert gaz.lookup("us") is None  # the pronoun
    assert gaz.lookup("trump") is None  # a verb in lower case
    assert gaz.lookup("russia") is not None  # some outlets write state names in lower case
    assert gaz.lookup("Times") is None  # "The Times" needs its article
    times = gaz.lookup("the Times")
    assert times is not None and times.type == "media"


def test_places_belong_to_countries(gaz: Gazetteer) -> None:
    assert gaz.place_country("Kharkiv Oblast") == "UKR"
    assert gaz.place_country("Belgorod region") == "RUS"
    assert gaz.place_country("Kramatorsk") == "UKR"
    assert gaz.place_country("Atlantis") is None


def test_office_holders_by_date(gaz: Gazetteer) -> None:
    assert [e.name for e in gaz.holders("president", "UKR", "2016-05-01")] == ["Petro Poroshenko"]
    assert [e.name for e in gaz.holders("president", "UKR", "2023-05-01")] == ["Volodymyr Zelenskyy"]
    assert [e.name for e in gaz.holders("foreign_minister", "USA", "2025-06-01")] == ["Marco Rubio"]


def test_title_forms(gaz: Gazetteer) -> None:
    roles = gaz.roles
    assert roles.title("Foreign Minister").key == "foreign_minister"
    assert roles.title("top diplomat").key == "foreign_minister"
    assert roles.title("head of the regional military administration").key == "governor"
    assert roles.title("spokeswoman").key == "spokesperson"
    assert roles.title("banana") is None


def test_key_normalises_forms() -> None:
    assert key("The U.S.") == "us"
    assert key("Russia\u2019s") == "russia"


ROLES = {"titles": {"president": {"forms": ["president"], "scope": "national"}}}


def test_unknown_country_is_a_clear_error() -> None:
    bad = {"actors": [{"name": "Freedonia", "type": "state"}]}
    with pytest.raises(GazetteerError, match="Freedonia"):
        build_gazetteer(bad, {}, ROLES)


def test_unknown_role_title_is_a_clear_error() -> None:
    bad = {
        "actors": [
            {"name": "Ukraine", "type": "state"},
            {"name": "A Person", "type": "person", "country": "Ukraine", "roles": [{"title": "wizard"}]},
        ]
    }
    with pytest.raises(GazetteerError, match="wizard"):
        build_gazetteer(bad, {}, ROLES)


def test_bad_type_is_a_clear_error() -> None:
    bad = {"actors": [{"name": "Somebody", "type": "hero"}]}
    with pytest.raises(GazetteerError, match="Somebody"):
        build_gazetteer(bad, {}, ROLES)


# Offices one person holds at a time (for a given state, body or place).
SINGLE_HOLDER = {"president", "prime_minister", "chancellor", "foreign_minister", "defence_minister",
                 "supreme_leader", "pope", "secretary_general", "mayor", "governor", "chief_of_staff",
                 "interior_minister", "finance_minister", "energy_minister", "speaker", "vice_president",
                 "prosecutor"}  # fmt: skip


def test_single_holder_offices_do_not_overlap(gaz: Gazetteer) -> None:
    """Data check: two people never hold the same single-holder office on the same day."""
    slots: dict[tuple[str, str | None], list[tuple[str, str, str]]] = {}
    for e in gaz.entries:
        for r in e.roles:
            if r.title in SINGLE_HOLDER:
                start = r.start if r.start and len(r.start) == 10 else f"{r.start or '1900'}-01-01"[:10]
                end = r.end if r.end and len(r.end) == 10 else f"{r.end or '2100'}-12-31"[:10]
                slots.setdefault((r.title, r.of), []).append((start, end, e.name))
    clashes = []
    for slot, spans in slots.items():
        spans.sort()
        for (_, end, a), (start, _, b) in zip(spans, spans[1:], strict=False):
            if start < end:
                clashes.append((slot, a, b))
    assert clashes == []
