"""The actor table of an article: clustering, metonyms, titles, officials, vague sources.

Every text here is written for the test; none comes from the dev set.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from peacewire.extract.actors import ActorTable, build_actor_table
from peacewire.extract.gazetteer import Gazetteer, load_gazetteer
from peacewire.records import Actor


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def table_for(nlp: Language, gaz: Gazetteer, text: str, published: str | None = None) -> ActorTable:
    return build_actor_table(nlp(text), gaz, published=published)


def phrase(doc: Doc, text: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of `text` in the document."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    assert span is not None
    return span


def named(table: ActorTable, name: str) -> Actor:
    hits = [a for a in table.actors if a.name == name]
    assert hits, f"{name!r} not among {[a.name for a in table.actors]}"
    return hits[0]


def test_full_name_surname_and_spelling_variant_are_one_person(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Ukrainian President Volodymyr Zelenskyy visited troops near the front on Monday. "
        "Zelensky told them the line was holding. Later that evening Zelenskiy thanked medics in a video."
    )
    table = table_for(nlp, gaz, text)
    people = [a for a in table.actors if a.type == "person"]
    assert len(people) == 1
    person = people[0]
    assert person.name == "Volodymyr Zelenskyy"
    assert person.country == "UKR"
    assert {"Zelensky", "Zelenskiy"} <= set(person.aliases)
    assert len(person.mentions) >= 3
    assert table.resolve(phrase(table.doc, "Zelenskiy")) is person


def test_fullest_form_in_the_article_is_the_name(nlp: Language, gaz: Gazetteer) -> None:
    table = table_for(nlp, gaz, "Putin spoke first. Then Vladimir Putin answered questions from reporters.")
    putin = named(table, "Vladimir Putin")
    assert putin.country == "RUS" and "Putin" in putin.aliases


def test_kremlin_speaks_for_russia(nlp: Language, gaz: Gazetteer) -> None:
    table = table_for(nlp, gaz, "The Kremlin rejected the ceasefire offer on Tuesday, calling it a trick.")
    actor = table.resolve(phrase(table.doc, "The Kremlin"))
    assert actor is not None and actor.name == "Russia" and actor.type == "state" and actor.country == "RUS"
    assert "The Kremlin" in actor.aliases


def test_capital_as_government_versus_capital_as_place(nlp: Language, gaz: Gazetteer) -> None:
    text = "Drones struck two districts in Kyiv overnight. Kyiv insisted it would never give up the south."
    table = table_for(nlp, gaz, text)
    first = phrase(table.doc, "Kyiv", 0)
    second = phrase(table.doc, "Kyiv", 1)
    assert table.actor_at(first.start_char, first.end_char) is None  # "in Kyiv": a place
    government = table.resolve(second)
    assert government is not None and government.name == "Ukraine"
    assert table.actor_at(second.start_char, second.end_char) is government


def test_pyongyang_stands_for_north_korea(nlp: Language, gaz: Gazetteer) -> None:
    table = table_for(nlp, gaz, "Pyongyang denied that it had shipped artillery shells to Moscow.")
    actor = table.resolve(phrase(table.doc, "Pyongyang"))
    assert actor is not None and actor.name == "North Korea" and actor.country == "PRK"


def test_the_mayor_resolves_to_the_titled_person(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Kharkiv Mayor Ihor Terekhov said three apartment blocks were damaged. "
        "The mayor added that heating would be restored by the weekend."
    )
    table = table_for(nlp, gaz, text)
    actor = table.resolve(phrase(table.doc, "The mayor"))
    assert actor is not None and actor.name == "Ihor Terekhov" and actor.country == "UKR"


def test_unknown_person_gets_country_from_title_place(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Pokrovsk Mayor Serhiy Dobrianskyi said the town's water supply had failed again. "
        "The mayor asked residents to leave."
    )
    table = table_for(nlp, gaz, text)
    mayor = named(table, "Serhiy Dobrianskyi")
    assert mayor.type == "person" and mayor.country == "UKR"
    assert table.resolve(phrase(table.doc, "The mayor")) is mayor


def test_unknown_person_gets_country_from_demonym_title(nlp: Language, gaz: Gazetteer) -> None:
    text = "Polish Deputy Defence Minister Tomasz Wrobel said the new air base would open next year."
    table = table_for(nlp, gaz, text)
    person = named(table, "Tomasz Wrobel")
    assert person.country == "POL"


def test_the_president_prefers_the_last_titled_person(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing. "
        "Later, US President Donald Trump spoke to reporters. The president said he expected a deal."
    )
    table = table_for(nlp, gaz, text)
    actor = table.resolve(phrase(table.doc, "The president"))
    assert actor is not None and actor.name == "Donald Trump"


def test_leader_of_a_country_uses_the_gazetteer_office(nlp: Language, gaz: Gazetteer) -> None:
    text = "Trump and Zelensky met in New York. The Ukrainian leader said the talks went well."
    table = table_for(nlp, gaz, text, published="2025-09-24")
    actor = table.resolve(phrase(table.doc, "The Ukrainian leader"))
    assert actor is not None and actor.name == "Volodymyr Zelenskyy"


def test_possessive_title_in_apposition(nlp: Language, gaz: Gazetteer) -> None:
    text = "Lviv's mayor, Andriy Sadovyi, said the strike hit a warehouse. Sadovyi urged calm."
    table = table_for(nlp, gaz, text)
    actor = table.resolve(phrase(table.doc, "Lviv's mayor"))
    assert actor is not None and actor.name == "Andriy Sadovyi"


def test_unnamed_officials_speak_for_their_government(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "US officials said the shipment had arrived. Ukrainian officials said it came late. "
        "A Kremlin spokesperson said the weapons would change nothing."
    )
    table = table_for(nlp, gaz, text)
    us = table.resolve(phrase(table.doc, "US officials"))
    ua = table.resolve(phrase(table.doc, "Ukrainian officials"))
    ru = table.resolve(phrase(table.doc, "A Kremlin spokesperson"))
    assert us is not None and us.name == "United States" and us.country == "USA"
    assert ua is not None and ua.name == "Ukraine"
    assert ru is not None and ru.name == "Russia"


def test_vague_sources_and_pronouns_are_nobody(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "A source said the convoy had turned back. Analysts believe the offensive has stalled. "
        "Officials said roads were closed. He said nothing more."
    )
    table = table_for(nlp, gaz, text)
    for words in ("A source", "Analysts", "Officials", "He"):
        assert table.resolve(phrase(table.doc, words)) is None, words


def test_a_bodys_later_bare_noun_refers_to_it(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Russia's defence ministry said its air defences had downed forty drones. "
        "The ministry added that debris fell on a farm."
    )
    table = table_for(nlp, gaz, text)
    first = table.resolve(phrase(table.doc, "Russia's defence ministry"))
    later = table.resolve(phrase(table.doc, "The ministry"))
    assert first is not None and first.type == "organization" and first.country == "RUS"
    assert "Defence Ministry" in first.name
    assert later is first


def test_local_authorities_are_the_citys_administration(nlp: Language, gaz: Gazetteer) -> None:
    text = "A missile hit a school in the northern city of Sumy, and local authorities said four people died."
    table = table_for(nlp, gaz, text)
    actor = table.resolve(phrase(table.doc, "local authorities"))
    assert actor is not None and actor.name == "Sumy city administration" and actor.country == "UKR"


def test_media_outlets_are_media(nlp: Language, gaz: Gazetteer) -> None:
    text = "Speaking to the BBC on Sunday, the foreign minister said the talks would resume."
    table = table_for(nlp, gaz, text)
    bbc = named(table, "BBC")
    assert bbc.type == "media" and bbc.country == "GBR"


def test_an_unknown_agency_is_media_only_as_a_news_agency(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "The Baltic Defence Research Agency said the drones were Iranian-made. "
        "The Trans-Baltic News Agency said three of them fell near the border."
    )
    table = table_for(nlp, gaz, text)
    assert named(table, "Baltic Defence Research Agency").type == "organization"
    assert named(table, "Trans-Baltic News Agency").type == "media"


def test_a_known_body_under_its_countrys_name_is_one_actor(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "The US Defense Intelligence Agency said North Korea had sent more shells. "
        "The DIA added that the deliveries had doubled since spring."
    )
    table = table_for(nlp, gaz, text)
    agencies = [a for a in table.actors if a.type != "state"]
    assert len(agencies) == 1
    assert agencies[0].type == "organization" and agencies[0].country == "USA"


def test_actor_at_and_add_mention(nlp: Language, gaz: Gazetteer) -> None:
    text = "NATO Secretary General Mark Rutte spoke in Brussels. The alliance chief said aid would continue."
    table = table_for(nlp, gaz, text)
    rutte = named(table, "Mark Rutte")
    span = phrase(table.doc, "Rutte")
    assert table.actor_at(span.start_char, span.end_char) is rutte
    later = phrase(table.doc, "The alliance chief")
    table.add_mention(rutte, later)
    assert (later.start_char, later.end_char) in rutte.mentions
    assert "The alliance chief" in rutte.aliases
    assert table.actor_at(later.start_char, later.end_char) is rutte


def test_owner_country_of_a_described_body(nlp: Language, gaz: Gazetteer) -> None:
    text = "The UAE foreign ministry said the two delegations met in Abu Dhabi."
    table = table_for(nlp, gaz, text)
    actor = table.resolve(phrase(table.doc, "The UAE foreign ministry"))
    assert actor is not None and actor.country == "ARE" and actor.type == "organization"


def test_national_forces_stand_for_their_state(nlp: Language, gaz: Gazetteer) -> None:
    text = "Russian forces shelled the village again, the regional governor said."
    table = table_for(nlp, gaz, text)
    actor = table.resolve(phrase(table.doc, "Russian forces"))
    assert actor is not None and actor.name == "Russia"


def test_a_place_is_not_a_namesake(nlp: Language, gaz: Gazetteer) -> None:
    table = table_for(nlp, gaz, "Austin, Texas, hosted a rally. Lloyd Austin was not there.")
    austin = named(table, "Lloyd Austin")
    assert table.doc.text.index("Lloyd") == austin.mentions[0][0]  # the city is no mention of him


def test_a_surname_belongs_first_to_the_articles_own_person(nlp: Language, gaz: Gazetteer) -> None:
    text = "Smith said the vote would be close. John Smith, a lawmaker, added that he would abstain."
    table = table_for(nlp, gaz, text)
    people = [a for a in table.actors if a.type == "person"]
    assert [a.name for a in people] == ["John Smith"]


def test_title_without_a_name_uses_the_office_holder_of_the_day(nlp: Language, gaz: Gazetteer) -> None:
    text = "Russia's top diplomat said the talks in Beijing had gone well."
    table = table_for(nlp, gaz, text, published="2024-04-09")
    actor = table.resolve(phrase(table.doc, "Russia's top diplomat"))
    assert actor is not None and actor.name == "Sergei Lavrov"
    undated = table_for(nlp, gaz, text)
    fallback = undated.resolve(phrase(undated.doc, "Russia's top diplomat"))
    assert fallback is not None and fallback.name == "Russia"  # an unnamed official speaks for his state


def test_a_report_by_a_named_source_is_that_source(nlp: Language, gaz: Gazetteer) -> None:
    text = "A new study by the Kiel Institute found that pledges had fallen. Ships were delayed."
    table = table_for(nlp, gaz, text)
    actor = table.resolve(phrase(table.doc, "A new study by the Kiel Institute"))
    assert actor is not None and actor.name == "Kiel Institute"
    assert table.resolve(phrase(table.doc, "Ships")) is None


def test_the_allies_speak_for_the_alliance(nlp: Language, gaz: Gazetteer) -> None:
    text = "NATO leaders met in Vilnius on Tuesday. In a statement, the allies said Ukraine would join."
    table = table_for(nlp, gaz, text)
    actor = table.resolve(phrase(table.doc, "the allies"))
    assert actor is not None and actor.name == "NATO" and actor.type == "alliance"


def test_an_unowned_government_body_belongs_to_the_country_of_the_story(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = "Two missiles struck Odesa overnight. The interior ministry said three people were hurt."
    table = table_for(nlp, gaz, text)
    actor = table.resolve(phrase(table.doc, "The interior ministry"))
    assert actor is not None and actor.country == "UKR" and "Interior Ministry" in actor.name


def test_a_weapon_name_is_no_person(nlp: Language, gaz: Gazetteer) -> None:
    text = "Berlin promised forty more Marder vehicles, and the chancellor posted about it on Twitter."
    table = table_for(nlp, gaz, text)
    assert not [a.name for a in table.actors if a.type == "person" and a.name in ("Marder", "Twitter")]


@pytest.mark.parametrize(
    "a, b",
    [("zelensky", "zelenskyy"), ("zelenskiy", "zelensky"), ("putin", "zelenskyy"), ("kim", "kimm"),
     ("volodymyr", "volodimir"), ("lavrov", "lavrova"), ("xi", "xiang"), ("erdogan", "erdoan")],
)  # fmt: skip
def test_the_length_shortcut_gives_rapidfuzz_verdict(a: str, b: str) -> None:
    from rapidfuzz import fuzz

    from peacewire.extract.actors import FIRSTNAME_MATCH, SURNAME_MATCH, _similar

    for cutoff in (SURNAME_MATCH, FIRSTNAME_MATCH):
        assert _similar(a, b, cutoff) == (fuzz.ratio(a, b) >= cutoff)


def test_actor_at_picks_the_largest_overlap(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky met Chancellor Olaf Scholz in Berlin. "
        "The Kremlin said Russia's defence ministry would respond, and Zelensky thanked Germany."
    )
    table = table_for(nlp, gaz, text)

    def reference(start: int, end: int) -> Actor | None:  # every mention looked at, one by one
        best, found = None, None
        for s, e, c in table._mentions:
            overlap = min(e, end) - max(s, start)
            score = (overlap, -(e - s), int(c.actor.type == "person"))
            if overlap > 0 and (best is None or score > best):
                best, found = score, c.actor
        return found

    for start in range(len(text)):
        for end in (start + 1, start + 7, start + 30):
            assert table.actor_at(start, end) is reference(start, end)
    first = text.index("Zelensky")
    assert table.actor_at(first, first + len("Zelensky")) is named(table, "Volodymyr Zelensky")


def test_a_time_zone_is_no_actor(nlp: Language, gaz: Gazetteer) -> None:
    text = "Trump will speak to Putin at 10 a.m. CT on Monday, the White House said."
    table = table_for(nlp, gaz, text)
    assert "CT" not in [a.name for a in table.actors]


def test_platforms_are_media_venues(gaz: Gazetteer) -> None:
    for name in ("Truth Social", "Telegram"):
        entry = gaz.lookup(name)
        assert entry is not None and entry.type == "media", name


def test_a_listed_acronym_stands_for_the_gazetteers_name(nlp: Language, gaz: Gazetteer) -> None:
    table = table_for(
        nlp, gaz, "The EU said the package would be adopted. An EU spokesperson declined to comment."
    )
    eu = [a for a in table.actors if "EU" in a.aliases or a.name == "EU"]
    assert [a.name for a in eu] == ["European Union"]


def test_a_local_body_named_by_its_kind_belongs_to_the_last_place(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Drones struck Novorossiysk overnight, the city's emergency headquarters said. "
        "In Orikhiv, glide bombs destroyed the last bakery, the local military administration said."
    )
    doc = nlp(text)
    table = build_actor_table(doc, gaz)
    names = []
    for phrase in ("the city's emergency headquarters", "the local military administration"):
        at = text.index(phrase)
        actor = table.resolve(doc.char_span(at, at + len(phrase)))
        names.append(actor.name if actor else None)
    assert names == ["Novorossiysk Emergency Headquarters", "Orikhiv Local Military Administration"]
