"""Events of whole articles: attacks, arms transfers, territorial control.

Every article here is written for the test; none comes from the dev set.  The
last tests score the dev set (skipped without it) and the bundled sample corpus
through the product's own extraction and scoring (session fixtures of conftest).
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from peacewire.extract.actors import build_actor_table
from peacewire.extract.events import extract_events
from peacewire.extract.gazetteer import load_gazetteer
from peacewire.records import Article, Event

ARTICLES: dict[str, tuple[str, str | None]] = {
    "revised": (
        "Russian missiles struck the city of Zhytomyr early on Tuesday, killing at least eight people and "
        "injuring 31, the regional governor said.\n"
        "The death toll later rose to 11, officials said.\n"
        "The missiles hit a residential block in the Bohunskyi district and a school in the Korolovskyi "
        "district.\n",
        "2024-05-08",
    ),
    "denied": (
        "Ukrainian officials said a Russian Iskander-M missile hit a crowded market in Kostiantynivka on "
        "Wednesday afternoon, killing 16 people.\n"
        "Moscow denied carrying out the strike and blamed a stray Ukrainian air defence missile.\n",
        "2023-09-07",
    ),
    "class": (
        "Two drones slammed into an apartment building in Odesa overnight. Seven people died and dozens were "
        "injured, the city's mayor said.\n",
        "2024-03-03",
    ),
    "background": (
        "Russian forces shelled the centre of Izium in 2022.\n"
        "In 2023 a Russian missile attack on the railway station in Chuhuiv killed 3 people.\n"
        "On Sunday, Russian artillery pounded Kupiansk, local officials said.\n",
        "2025-05-01",
    ),
    "summary": (
        "Russian strikes kill 9 across Ukraine\n"
        "Russian attacks across Ukraine killed nine people and injured 40 overnight, officials said.\n"
        "In Kharkiv, a glide bomb killed four people and injured 25.\n"
        "Five people were killed and 15 injured in a missile strike on Zaporizhzhia.\n",
        "2024-11-20",
    ),
    "trend": (
        "Russia has stepped up its attacks on energy infrastructure this winter.\n"
        "Moscow has launched Shahed drones at Ukrainian cities almost every night.\n",
        "2024-12-15",
    ),
    "two_attacks": (
        "The drone attack on Kharkiv came two days after a Russian missile barrage killed at least 14 people "
        "across the country.\n",
        "2024-01-05",
    ),
    "truncated": (
        "Russian shelling killed two people in Kherson on Monday, the governor said.\n"
        "Later, a drone struck a bus in the city, injuring",
        "2024-06-04",
    ),
    "the_city": (
        "Russian drones struck Sumy overnight, the regional administration said.\n"
        "In the city, two people were killed when a drone hit a bus.\n"
        "In Washington, the president condemned the attack.\n",
        "2024-04-02",
    ),
    "transfers": (
        "Norway will send 22 NASAMS launchers to Ukraine, Defence Minister Bjorn Arild Gram said on Friday.\n"
        "Iran has supplied hundreds of Shahed drones to Russia, "
        "according to Ukrainian military intelligence.\n"
        "The United States refused to send long-range ATACMS missiles.\n"
        "Germany has given Ukraine billions of euros in aid since the war began.\n",
        "2024-02-10",
    ),
    "territory": (
        "Russian forces occupy almost a fifth of Ukraine, the general said.\n"
        "Ukraine's army holds about 1,000 square kilometres in Russia's Kursk region.\n"
        "About 60 percent of the town is under Russian control, its mayor said.\n",
        "2024-10-01",
    ),
    # -- written for the rules that generalise beyond the dev set
    "impact": (
        "Hours after the talks ended, a Russian cruise missile tore through a shopping centre in Kremenchuk.\n"
        "The governor said nine people had been killed and 40 wounded.\n",
        "2023-05-10",
    ),
    "heard_then_region": (
        "Loud blasts were heard in Rivne before dawn on Friday.\n"
        "Russian drones hit an energy facility in the Rivne region, the regional administration said.\n",
        "2024-04-12",
    ),
    "region_then_city": (
        "Russia launched a wave of glide bombs at the Zaporizhzhia region on Saturday.\n"
        "The head of the Zaporizhzhia regional administration said two people were killed in Orikhiv.\n",
        "2024-06-08",
    ),
    "named_site": (
        "On Monday an explosion brought down a span of the Antonivskyi Bridge near the front line.\n"
        "A bus had been crossing the bridge, and four passengers died, local officials said.\n"
        "Moscow said the bridge blast was sabotage and had been planned by Ukrainian intelligence.\n",
        "2023-03-15",
    ),
    "separate_and_origin": (
        "Russian missiles hit an apartment block in Kharkiv on Friday, killing four people, the mayor said.\n"
        "Prosecutors said the block had been struck by two S-300 missiles fired from the occupied part "
        "of the Belgorod region.\n"
        "A separate Russian strike damaged a power substation in the city's Kyivskyi district.\n",
        "2024-05-10",
    ),
    "dam": (
        "The old dam at Kremenchuk was wrecked overnight, and water flooded several villages downstream.\n"
        "Ukraine's army said Russian forces had blown up the dam as they retreated.\n",
        "2022-10-02",
    ),
    "barrage": (
        "Russia fired more than 100 missiles at Ukrainian cities on Thursday, the air force said.\n"
        "In Kharkiv, a missile killed three people in the Kyivskyi district.\n"
        "In Lviv, a drone hit a warehouse and two workers died.\n"
        "Rescuers cleared rubble across the city for hours.\n"
        "Nationwide, at least 25 people were killed and 120 injured, the interior ministry said.\n",
        "2023-12-28",
    ),
    "unhurt": (
        "Russian artillery shelled the town of Nikopol overnight, damaging several houses. No one was hurt.\n",
        "2024-02-02",
    ),
    "hypothetical": (
        "If Russian strikes on Odesa continue, the port may close, the mayor warned.\n",
        "2024-01-15",
    ),
    "pledges": (
        "Belgium has pledged 30 F-16 jets to Ukraine, its defence minister said on Monday.\n"
        "Spain announced a new package that includes six Leopard 2 tanks and 20 M113 armoured vehicles.\n"
        "Portuguese Prime Minister Antonio Costa said his government would send three Leopard 2 tanks.\n"
        "Norway's delivery of NASAMS launchers was completed in March.\n",
        "2023-05-20",
    ),
    "ready_to_supply": (
        "The Netherlands is ready to send four more F-16 jets to Kyiv this month, its defence minister said.\n",
        "2024-06-04",
    ),
    "implied_recipients": (
        "Iran has also shipped hundreds of Shahed drones, according to Western officials.\n"
        "Zelensky urged partners to send more Patriot systems.\n"
        "Japan could consider supplying artillery shells, a minister said.\n"
        "Washington will keep giving Kyiv the air defence systems it needs, the president said.\n",
        "2023-09-01",
    ),
    "main_and_side": (
        "A Russian missile hit a school in Poltava on Tuesday, killing at least eight people.\n"
        "Russian drones also struck an office block in Sumy, damaging windows.\n"
        "Rescue work went on through the night, the emergency service said.\n"
        "By Wednesday the death toll had risen to 14.\n",
        "2024-09-04",
    ),
    "similar_earlier": (
        "Talks in Istanbul ended without a deal on Friday.\n"
        "Hours later, a Russian ballistic missile hit a bus in Sumy, killing nine passengers.\n"
        "In March, a similar strike on the city killed 35 people.\n",
        "2025-05-17",
    ),
    "awaited": (
        "Ukraine still awaits the delivery of Patriot systems, its foreign minister said.\n"
        "Kyiv needs more tanks, and Berlin will send ten Leopard 2 tanks next month.\n",
        "2024-02-01",
    ),
    "users_and_arrivals": (
        "The White House allowed Ukraine to use US-supplied HIMARS rockets against targets in Russia.\n"
        "The first IRIS-T system promised by Germany will reach Ukraine next week.\n"
        "Poland said it had delivered the first six of its promised Krab howitzers to Ukraine's army.\n",
        "2024-06-01",
    ),
    # -- written for the rules of issue 4's second round (places, tolls, parties, shares)
    "two_cities": (
        "Russian drones struck Kherson and Zaporizhzhia overnight, killing at least five people, officials "
        "said.\n"
        "In Kherson, a bus driver was killed and 12 people were injured.\n"
        "In Zaporizhzhia, four people died, the governor said.\n",
        "2024-05-02",
    ),
    "city_and_region": ("Drones hit Odesa and the Odesa region overnight, injuring four.\n", "2024-05-01"),
    "own_toll": ("Russian forces shelled Nikopol and Marhanets, killing a woman in Nikopol.\n", "2024-05-01"),
    "two_places_one_sentence": (
        "A Russian strike on Kharkiv killed two people and wounded 11, while shelling in Kherson killed one.\n",
        "2024-05-01",
    ),
    "scope": (
        "Russia fired 60 missiles at cities across the country on Friday, the air force said, and a "
        "warehouse in Lviv was hit.\n"
        "In the city of Uman, officials said at least six people died, and the nationwide death toll passed "
        "20 by the evening.\n",
        "2024-03-09",
    ),
    "part_place": (
        "Russia launched 90 drones at Ukraine overnight, and at least nine people were killed in several "
        "regions, including two in the Sumy region.\n",
        "2024-08-11",
    ),
    "facility": (
        "A Russian missile hit Lisova, a maternity hospital, as Russia pounded the Ukrainian capital on "
        "Sunday, killing dozens of people across the country.\n"
        "Three nurses were killed at the hospital, the mayor said.\n"
        "By Monday the number of injured at Lisova had reached 40.\n",
        "2024-07-15",
    ),
    "platform_and_toll_first": (
        "Investigators said the bodies of 30 civilians had been recovered from villages in the Chernihiv "
        "region.\n"
        "On Friday Russia fired Kinzhal missiles launched from MiG-31 jets at Odesa.\n",
        "2024-04-20",
    ),
    "counted_barrage": (
        "Russia fired about 80 missiles at Ukrainian cities on Thursday, the air force said.\n",
        "2024-02-16",
    ),
    "many_cities": (
        "Russia fired 40 missiles at six cities overnight, killing at least 15 people.\n"
        "In Kharkiv, a drone hit a school.\n",
        "2024-02-16",
    ),
    "perpetrators": (
        "Ukrainian drones were seen striking an oil depot near Bryansk on Monday.\n"
        "Moscow stepped up its assault on Pokrovsk this week.\n"
        "Russia called it revenge for Sunday's raid on the Antonivskyi Bridge, which Moscow blames on "
        "Ukrainian special forces.\n",
        "2024-09-18",
    ),
    "targets_and_sides": (
        "Ukrainian drones hit two Tu-95 bombers at an air base in the Murmansk region overnight.\n"
        "On the same night, Russia launched 300 drones at Ukraine, the air force said.\n"
        "Ukrainian air defences destroyed 250 of the drones.\n",
        "2025-06-02",
    ),
    "river": (
        "Russian artillery shelled villages across the Dnipro overnight, killing two people.\n"
        "A missile hit the Dnipro city centre on Friday.\n",
        "2024-06-01",
    ),
    "transfers_mixed": (
        "The United States sent 31 Abrams tanks to Ukraine, and Britain sent 14 Challenger 2 tanks.\n"
        "Germany later supplied Ukraine with Gepard guns and 18 Leopard 2 tanks.\n",
        "2024-01-20",
    ),
    "transfers_clauses": (
        "The United States announced a package for Ukraine that includes 20 Bradley vehicles and Stinger "
        "missiles.\n"
        "Britain will give Ukraine 14 Challenger 2 tanks, and Canada will follow with eight Leopard 2 tanks.\n",
        "2024-01-20",
    ),
    "transfers_received": (
        "Ukraine received 12 Caesar howitzers from France and six Patriot launchers from Germany.\n",
        "2024-01-20",
    ),
    "transfers_anaphor": (
        "Kyiv has praised the NASAMS air defence system.\n"
        "Norway has sent eight of the systems so far, according to its defence ministry.\n",
        "2024-01-20",
    ),
    "territory_forms": (
        "Russia, which now holds just under a fifth of Ukraine, rejects talks.\n"
        "Moscow annexed Crimea in 2014 and now controls about 18 percent of the country.\n"
        "Russia's defence ministry said its troops had taken full control of Vuhledar.\n"
        "Russia took full control of Crimea in 2014.\n",
        "2024-10-05",
    ),
}


@pytest.fixture(scope="module")
def events(nlp: Language) -> dict[str, list[Event]]:
    gaz = load_gazetteer()
    out: dict[str, list[Event]] = {}
    pairs = ((text, name) for name, (text, _) in ARTICLES.items())
    for doc, name in nlp.pipe(pairs, as_tuples=True):
        text, published = ARTICLES[name]
        article = Article(id=name, text=text, published=published)
        out[name] = extract_events(doc, build_actor_table(doc, gaz, published=published), article)
    return out


def attacks(events: dict[str, list[Event]], name: str) -> list[Event]:
    return [e for e in events[name] if e.type == "attack"]


def count(e: Event, field: str) -> tuple[float, str] | None:
    c = getattr(e, field)
    return None if c is None else (c.value, c.qualifier)


def test_revised_toll_district_and_class(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "revised")
    assert a.location == "Zhytomyr"
    assert a.sublocation == "Bohunskyi district"  # the first district named
    assert count(a, "killed") == (11, "exact")  # the latest figure, not the first
    assert count(a, "injured") == (31, "exact")
    assert a.weapons == ["missile"]
    assert a.perpetrator == "Russia"


def test_span_points_at_evidence(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "revised")
    text = ARTICLES["revised"][0]
    assert "Zhytomyr" in text[a.span[0] : a.span[1]]


def test_named_system_and_denied_perpetrator(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "denied")
    assert a.location == "Kostiantynivka"
    assert a.weapons == ["Iskander-M"]
    assert a.perpetrator == "Russia"  # as reported, although Moscow denies it
    assert count(a, "killed") == (16, "exact")


def test_class_fallback_words_and_dozens(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "class")
    assert (a.location, a.weapons) == ("Odesa", ["drone"])
    assert count(a, "killed") == (7, "exact")
    assert count(a, "injured") == (12, "at_least")  # "dozens", read as ACLED does


def test_background_events_need_a_figure(events: dict[str, list[Event]]) -> None:
    found = {a.location: a for a in attacks(events, "background")}
    assert set(found) == {"Chuhuiv", "Kupiansk"}  # the 2022 shelling of Izium has no figure
    assert count(found["Chuhuiv"], "killed") == (3, "exact")
    assert found["Kupiansk"].weapons == ["artillery"]


def test_headline_skipped_and_summary_total_dropped(events: dict[str, list[Event]]) -> None:
    found = {a.location: a for a in attacks(events, "summary")}
    assert set(found) == {"Kharkiv", "Zaporizhzhia"}
    assert count(found["Kharkiv"], "killed") == (4, "exact")
    assert found["Kharkiv"].weapons == ["glide bomb"]
    assert count(found["Zaporizhzhia"], "injured") == (15, "exact")


def test_trend_is_an_attack_only_with_a_system_place_or_figure(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "trend")
    assert a.location is None
    assert a.weapons == ["Shahed"]
    assert a.perpetrator == "Russia"


def test_one_sentence_two_attacks(events: dict[str, list[Event]]) -> None:
    found = {a.location: a for a in attacks(events, "two_attacks")}
    assert set(found) == {"Kharkiv", None}
    assert found["Kharkiv"].weapons == ["drone"] and found["Kharkiv"].killed is None
    assert count(found[None], "killed") == (14, "at_least")
    assert found[None].weapons == ["missile"]


def test_truncated_clause_is_not_read(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "truncated")
    assert a.location == "Kherson"
    assert count(a, "killed") == (2, "exact")
    assert a.injured is None


def test_the_city_and_a_reaction_elsewhere_continue_one_attack(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "the_city")  # Washington is where the attack was condemned, not hit
    assert (a.location, a.perpetrator) == ("Sumy", "Russia")
    assert count(a, "killed") == (2, "exact")


def test_transfers_with_quantity_and_source(events: dict[str, list[Event]]) -> None:
    found = {(e.supplier, e.recipient): e for e in events["transfers"] if e.type == "arms_transfer"}
    assert set(found) == {("Norway", "Ukraine"), ("Iran", "Russia")}  # no refusal, no money-only aid
    norway, iran = found[("Norway", "Ukraine")], found[("Iran", "Russia")]
    assert norway.weapons == ["NASAMS"]
    assert count(norway, "quantity") == (22, "exact")
    assert norway.source is not None and "Gram" in norway.source
    assert iran.weapons == ["Shahed"]
    assert count(iran, "quantity") == (100, "at_least")
    assert iran.source is not None and "intelligence" in iran.source.lower()


def test_territorial_control_shares(events: dict[str, list[Event]]) -> None:
    found = [
        (e.controller, count(e, "share")) for e in events["territory"] if e.type == "territorial_control"
    ]
    # an area held is control stated without a share (ANNOTATION.md: "a stated share or area")
    assert found == [("Russia", (0.2, "up_to")), ("Ukraine", None), ("Russia", (0.6, "about"))]


def transfers(
    events: dict[str, list[Event]], name: str
) -> list[tuple[str | None, str | None, list[str], tuple[float, str] | None]]:
    return [
        (e.supplier, e.recipient, e.weapons, count(e, "quantity"))
        for e in events[name]
        if e.type == "arms_transfer"
    ]


# -- attacks: rules that generalise beyond the dev set ---------------------------


def test_weapon_as_subject_of_an_impact_verb_and_casualties_next(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "impact")  # "a missile tore through ...": no attack word
    assert (a.location, a.weapons, a.perpetrator) == ("Kremenchuk", ["cruise missile"], "Russia")
    assert count(a, "killed") == (9, "exact") and count(a, "injured") == (40, "exact")


def test_blasts_heard_in_a_city_name_the_city_of_its_region(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "heard_then_region")  # the blasts alone are no second attack
    assert (a.location, a.weapons) == ("Rivne", ["drone"])


def test_casualties_in_a_town_of_the_region_just_attacked(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "region_then_city")  # one attack, at its most specific place
    assert a.location == "Orikhiv"
    assert count(a, "killed") == (2, "exact")
    assert a.weapons == ["glide bomb"]


def test_named_site_the_site_again_and_an_agent(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "named_site")  # "the bridge" is the bridge just named
    assert a.location == "Antonivskyi Bridge"
    assert count(a, "killed") == (4, "exact")
    assert a.perpetrator == "Ukraine"  # "planned by Ukrainian intelligence"


def test_a_launch_site_is_no_target_and_a_separate_strike_is_another_attack(
    events: dict[str, list[Event]],
) -> None:
    found = [(a.location, a.sublocation, count(a, "killed")) for a in attacks(events, "separate_and_origin")]
    assert found == [("Kharkiv", None, (4, "exact")), ("Kharkiv", "Kyivskyi district", None)]


def test_the_city_is_the_one_its_sentence_names_even_in_an_office(nlp: Language) -> None:
    from peacewire.extract import Extractor

    text = (
        "Russian drones struck Odesa overnight, injuring two workers, the governor said.\n"
        "The Russian-installed mayor of Donetsk, Alexei Kulemzin, said Ukrainian artillery fire on the "
        "city's Kyivskyi district had killed three people.\n"
    )
    record = Extractor(nlp).extract(Article(id="city", text=text, published="2024-05-10"))
    found = [(e.location, e.sublocation) for e in record.events if e.type == "attack"]
    assert found == [("Odesa", None), ("Donetsk", "Kyivskyi district")]


def test_site_at_a_town_and_blowing_it_up(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "dam")
    assert (a.location, a.perpetrator) == ("Kremenchuk", "Russia")
    assert a.killed is None and a.injured is None  # an attack without casualties is still one


def test_nationwide_total_is_an_attack_without_a_place(events: dict[str, list[Event]]) -> None:
    found = {a.location: a for a in attacks(events, "barrage")}
    assert set(found) == {None, "Kharkiv", "Lviv"}
    assert count(found[None], "killed") == (25, "at_least")  # not the sum of the places: kept
    assert count(found[None], "injured") == (120, "exact")
    assert count(found["Kharkiv"], "killed") == (3, "exact")  # each place keeps its own figure
    assert count(found["Lviv"], "killed") == (2, "exact")
    assert found[None].perpetrator == "Russia"


def test_a_later_toll_without_a_place_is_the_main_attacks_when_no_barrage(
    events: dict[str, list[Event]],
) -> None:
    found = {a.location: a for a in attacks(events, "main_and_side")}
    assert set(found) == {"Poltava", "Sumy"}  # no attack on the whole country: no unplaced one
    assert count(found["Poltava"], "killed") == (14, "exact")
    assert found["Sumy"].killed is None


def test_an_earlier_dated_attack_on_the_same_city_is_another(events: dict[str, list[Event]]) -> None:
    found = sorted((count(a, "killed") or (0, ""), a.location) for a in attacks(events, "similar_earlier"))
    assert found == [((9, "exact"), "Sumy"), ((35, "exact"), "Sumy")]  # not one attack with 35 dead


def test_no_one_is_no_count(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "unhurt")
    assert a.location == "Nikopol" and a.injured is None and a.killed is None


def test_a_hypothesis_is_no_attack(events: dict[str, list[Event]]) -> None:
    assert attacks(events, "hypothetical") == []


# -- arms transfers ----------------------------------------------------------------


def test_pledges_packages_possessive_suppliers_and_his_government(events: dict[str, list[Event]]) -> None:
    assert transfers(events, "pledges") == [
        ("Belgium", "Ukraine", ["F-16"], (30, "exact")),
        # a package whose systems each have a count is one transfer per system; the recipient
        # left implicit is the article's
        ("Spain", "Ukraine", ["Leopard 2"], (6, "exact")),
        ("Spain", "Ukraine", ["M113"], (20, "exact")),
        ("Portugal", "Ukraine", ["Leopard 2"], (3, "exact")),  # "his government": the speaker's state
        ("Norway", "Ukraine", ["NASAMS"], None),  # "Norway's delivery of"
    ]


def test_the_source_is_given_with_a_figure_only(events: dict[str, list[Event]]) -> None:
    sources = {
        (e.supplier, tuple(e.weapons)): e.source for e in events["pledges"] if e.type == "arms_transfer"
    }
    assert (
        sources[("Portugal", ("Leopard 2",))] == "Antonio Costa"
    )  # "... said his government would send three"
    assert sources[("Norway", ("NASAMS",))] is None  # no figure, no source of one


def test_implied_recipients_and_supplies_only_wished_for(events: dict[str, list[Event]]) -> None:
    # Iran's supply goes to the side it arms; "urged partners to send" and "could consider
    # supplying" are no transfers; "giving Kyiv ..." has Kyiv (Ukraine) as recipient
    assert transfers(events, "implied_recipients") == [
        ("Iran", "Russia", ["Shahed"], (100, "at_least")),
        ("United States", "Ukraine", ["air defence systems"], None),
    ]


def test_the_supplier_of_a_readiness_to_supply_is_the_subject_of_the_copula(
    events: dict[str, list[Event]],
) -> None:
    assert transfers(events, "ready_to_supply") == [("Netherlands", "Ukraine", ["F-16"], (4, "exact"))]


def test_awaiting_is_no_supplying_and_a_need_cancels_no_other_clause(events: dict[str, list[Event]]) -> None:
    assert transfers(events, "awaited") == [("Germany", "Ukraine", ["Leopard 2"], (10, "exact"))]


def test_supplied_weapons_go_to_their_user_or_where_they_arrive(events: dict[str, list[Event]]) -> None:
    assert transfers(events, "users_and_arrivals") == [
        ("United States", "Ukraine", ["HIMARS"], None),  # "allowed Ukraine to use US-supplied HIMARS"
        ("Germany", "Ukraine", ["IRIS-T"], None),  # "promised by Germany will reach Ukraine"
        ("Poland", "Ukraine", ["Krab"], (6, "exact")),  # "the first six of": "first" is no count
    ]


# -- issue 4, second round: one place, several, or the whole country; tolls; parties; shares ------


def _attacks_by_place(events: dict[str, list[Event]], name: str) -> dict[str | None, Event]:
    return {a.location: a for a in attacks(events, name)}


def test_a_toll_of_two_cities_goes_to_neither(events: dict[str, list[Event]]) -> None:
    found = _attacks_by_place(events, "two_cities")
    # "struck Kherson and Zaporizhzhia, killing at least five": one attack each, and the combined
    # toll, which their own tolls add up to, is no attack of its own
    assert set(found) == {"Kherson", "Zaporizhzhia"}
    assert count(found["Kherson"], "killed") == (1, "exact")  # "a bus driver was killed"
    assert count(found["Kherson"], "injured") == (12, "exact")
    assert count(found["Zaporizhzhia"], "killed") == (4, "exact")
    assert found["Zaporizhzhia"].perpetrator == "Russia"


def test_coordinated_places_that_are_one_or_that_have_their_own_toll(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "city_and_region")  # a city and its own region: one place, its toll
    assert a.location == "Odesa" and count(a, "injured") == (4, "exact")
    found = {a.location: count(a, "killed") for a in attacks(events, "own_toll")}
    assert found == {"Nikopol": (1, "exact"), "Marhanets": None}  # "killing a woman in Nikopol"


def test_attack_words_with_places_of_their_own_are_two_attacks(events: dict[str, list[Event]]) -> None:
    found = {
        a.location: (count(a, "killed"), count(a, "injured"))
        for a in attacks(events, "two_places_one_sentence")
    }
    assert found == {"Kharkiv": ((2, "exact"), (11, "exact")), "Kherson": ((1, "exact"), None)}


def test_the_whole_country_and_one_city_in_one_sentence(events: dict[str, list[Event]]) -> None:
    found = _attacks_by_place(events, "scope")
    assert set(found) == {None, "Lviv", "Uman"}
    assert count(found[None], "killed") == (20, "more_than")  # "the nationwide death toll passed 20"
    assert found[None].weapons == ["missile"]
    assert count(found["Uman"], "killed") == (6, "at_least")  # not the nationwide figure


def test_a_part_of_a_toll_with_its_own_place(events: dict[str, list[Event]]) -> None:
    found = _attacks_by_place(events, "part_place")
    assert count(found[None], "killed") == (9, "at_least")
    assert count(found["Sumy region"], "killed") == (2, "at_least")  # "including two in the Sumy region"


def test_a_named_building_stands_for_its_city(events: dict[str, list[Event]]) -> None:
    found = _attacks_by_place(events, "facility")
    assert set(found) == {None, "Kyiv"}  # "Lisova, a maternity hospital" is no place of its own
    assert count(found["Kyiv"], "killed") == (3, "exact")  # "at the hospital"
    assert count(found["Kyiv"], "injured") == (40, "exact")  # "at Lisova"
    assert count(found[None], "killed") == (12, "at_least")  # "dozens ... across the country"


def test_launch_platforms_and_tolls_before_any_attack(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "platform_and_toll_first")  # recovered bodies: no strike is told
    assert a.location == "Odesa" and a.weapons == ["Kinzhal"]  # not the jets they came from


def test_a_counted_barrage_and_a_toll_of_many_cities(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "counted_barrage")  # "about 80 missiles": a figure, so an attack
    assert a.location is None and a.weapons == ["missile"]
    found = _attacks_by_place(events, "many_cities")
    assert count(found[None], "killed") == (15, "at_least")  # "at six cities": no one city's toll
    assert "Kharkiv" in found


def test_perpetrators_through_the_parse(events: dict[str, list[Event]]) -> None:
    found = {a.location: a.perpetrator for a in attacks(events, "perpetrators")}
    assert found == {"Bryansk": "Ukraine", "Pokrovsk": "Russia", "Antonivskyi Bridge": "Ukraine"}


def test_weapons_hit_are_targets_and_another_side_is_another_attack(events: dict[str, list[Event]]) -> None:
    found = _attacks_by_place(events, "targets_and_sides")
    assert set(found) == {"Murmansk region", None}
    assert found["Murmansk region"].weapons == ["drone"]  # the bombers were hit, not fired
    assert found["Murmansk region"].perpetrator == "Ukraine"
    assert found[None].perpetrator == "Russia"  # not a report of Ukraine's strike
    # and the drones air defences destroyed are no attack of Ukraine's


def test_the_river_is_not_the_city(events: dict[str, list[Event]]) -> None:
    assert [a.location for a in attacks(events, "river")] == [None, "Dnipro"]


def test_counts_stay_with_their_systems_and_suppliers(events: dict[str, list[Event]]) -> None:
    assert transfers(events, "transfers_mixed") == [
        ("United States", "Ukraine", ["Abrams"], (31, "exact")),
        ("United Kingdom", "Ukraine", ["Challenger 2"], (14, "exact")),
        ("Germany", "Ukraine", ["Leopard 2"], (18, "exact")),
        ("Germany", "Ukraine", ["Gepard"], None),
    ]
    # a count is not shared with a system after "and"; another clause's subject keeps its weapons
    assert transfers(events, "transfers_clauses") == [
        ("United States", "Ukraine", ["Bradley"], (20, "exact")),
        ("United States", "Ukraine", ["Stinger"], None),
        ("United Kingdom", "Ukraine", ["Challenger 2"], (14, "exact")),
    ]
    assert transfers(events, "transfers_received") == [
        ("France", "Ukraine", ["Caesar"], (12, "exact")),
        ("Germany", "Ukraine", ["Patriot"], (6, "exact")),
    ]


def test_a_count_of_the_systems_named_before(events: dict[str, list[Event]]) -> None:
    [t] = [e for e in events["transfers_anaphor"] if e.type == "arms_transfer"]
    assert (t.supplier, t.recipient, t.weapons, count(t, "quantity")) == (
        "Norway",
        "Ukraine",
        ["NASAMS"],
        (8, "exact"),
    )
    assert t.source == "Norway"  # "its defence ministry"


def test_shares_held_by_relative_and_shared_subjects_and_all_of_a_town(
    events: dict[str, list[Event]],
) -> None:
    found = [
        (e.controller, count(e, "share"))
        for e in events["territory_forms"]
        if e.type == "territorial_control"
    ]
    # the annexation of 2014 with no figure is background (ANNOTATION.md)
    assert found == [("Russia", (0.2, "up_to")), ("Russia", (0.18, "about")), ("Russia", (1.0, "exact"))]


# -- the dev set and the sample corpus, scored as `peacewire eval` scores them ------------

# Reached when these rules were written (`peacewire eval /work/shared/dev` and
# `peacewire eval corpus/sample`, 26 sample golds): dev attacks F1 1.0, killed/injured
# exact 1.0, transfers F1 1.0, quantity 1.0; sample attacks F1 0.937 (P 0.974, R 0.902),
# killed/injured exact 1.0, transfers F1 1.0, quantity 1.0.  The floors sit a hair below,
# so any lost attack or transfer fails here.
DEV_FLOORS = {
    ("attacks", "f1"): 0.98,
    ("arms_transfers", "f1"): 0.98,
    ("killed_exact", None): 0.98,
    ("injured_exact", None): 0.98,
    ("transfer_quantity", None): 0.98,
}
SAMPLE_FLOORS = {**DEV_FLOORS, ("attacks", "f1"): 0.93}


def _low(metrics: dict[str, Any], floors: dict[tuple[str, str | None], float]) -> list[str]:
    low = []
    for (group, key), floor in floors.items():
        value = metrics[group] if key is None else metrics[group][key]
        if value is None or value < floor:
            low.append(f"{group}{'.' + key if key else ''} = {value} < {floor}")
    return low


def test_dev_set_events(dev_metrics: dict[str, Any]) -> None:
    assert _low(dev_metrics, DEV_FLOORS) == []


def test_sample_corpus_events(sample_metrics: dict[str, Any]) -> None:
    assert sample_metrics["articles"] >= 10
    assert _low(sample_metrics, SAMPLE_FLOORS) == []


def test_transfer_counts_and_names_read_right(nlp: Language) -> None:
    """A count the small model takes for money, a hyphenated class, a named system as a modifier,
    and amount words before a weapon noun."""
    from peacewire.extract import Extractor

    text = (
        "North Korea has shipped more than 12 million artillery shells to Russia, Seoul said.\n"
        "North Korea has also sent about 250 short-range ballistic missiles to Russia, Seoul said.\n"
        "Germany has already delivered three Patriot systems since 2023, its defence minister said.\n"
        "Berlin will send more tanks to the Ukrainian army.\n"
    )
    record = Extractor(nlp).extract(Article(id="transfers", text=text))
    found = [(e.supplier, e.recipient, e.weapons, count(e, "quantity")) for e in record.events]
    assert found == [
        ("North Korea", "Russia", ["artillery shells"], (12_000_000, "more_than")),
        ("North Korea", "Russia", ["short-range ballistic missiles"], (250, "about")),
        ("Germany", "Ukraine", ["Patriot"], (3, "exact")),
        ("Germany", "Ukraine", ["tanks"], None),
    ]
