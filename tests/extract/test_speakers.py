"""Speaker resolution and venues, end to end over the real pipeline and gazetteer.

The articles are written for these tests; each is parsed once.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from peacewire.extract.actors import build_actor_table
from peacewire.extract.gazetteer import load_gazetteer
from peacewire.extract.record import extract_quotes
from peacewire.records import Article, Quote

ARTICLES = {
    "pronoun": (
        "Ukrainian President Volodymyr Zelensky met European leaders in Brussels on Thursday. "
        "He said that Ukraine would not accept any freeze of the front line.\n"
        "“Our people did not fight for three years to hand over their homes,” he told reporters."
    ),
    "subject_beats_possessive": (
        "Kremlin spokesman Dmitry Peskov dismissed Donald Trump's remarks about the economy. "
        "He suggested that the comments were meant for an American audience."
    ),
    "officials": (
        "US officials said the new air-defence package would reach Ukraine before winter. "
        "A source close to the talks said the next round could take place in Riyadh."
    ),
    "vague": "Reports suggest that both delegations have already agreed on a prisoner exchange.",
    "continuation": (
        "Foreign Minister Sergei Lavrov spoke to journalists in Moscow on Friday.\n"
        "“We are open to talks, but not to ultimatums.”\n"
        "“Any agreement must reflect the situation on the ground.”"
    ),
    "relay": (
        "Moscow will not accept foreign troops on Ukrainian soil, Russian Foreign Ministry "
        "spokeswoman Maria Zakharova said on Wednesday."
    ),
    "venue": (
        "Zelensky said in an interview with the BBC that the offensive had been planned for months. "
        "In his nightly video address, he added that air defence was the first priority."
    ),
    "own_outlet": "The Danube Daily Wire reported that three ships had left the port of Izmail.",
    "joint": "Poland and Lithuania said on Monday that they would close two more border crossings with Belarus.",
    "reported_names": (
        "Emmanuel Macron said he hoped Vladimir Putin would accept the truce. "
        "“Nobody gains from another winter of war,” he said."
    ),
    "second_report": (
        "Olaf Scholz said Germany would send two more air-defence systems, but added: "
        "“We will not deliver long-range missiles at this stage.”"
    ),
    "gender": (
        "President Volodymyr Zelensky said on Monday that talks with Moscow were pointless for now.\n"
        "Russian Foreign Ministry spokeswoman Maria Zakharova called his remarks theatre.\n"
        "The president also used the evening to lobby for more air defence. He told a German "
        "newspaper that Ukraine needed ten more Patriot batteries before winter."
    ),
    "she_after_a_man": (
        "Foreign Minister Sergei Lavrov met Kaja Kallas in Geneva on Tuesday. "
        "She said Europe would keep its sanctions in place."
    ),
    "will_then_said": (
        "Norway will send two more air defence systems, Defence Minister Tore O. Sandvik said in Oslo on Thursday."
    ),
    "relayed": (
        "Russia has received more than 200 ballistic missiles from Iran, Ukraine's military intelligence "
        "told lawmakers on Tuesday, according to a member of parliament who attended the briefing."
    ),
}
OUTLETS = {"own_outlet": "Danube Daily Wire"}


@pytest.fixture(scope="module")
def quotes(nlp: Language) -> dict[str, list[Quote]]:
    gazetteer = load_gazetteer()
    out = {}
    for name, doc in zip(ARTICLES, nlp.pipe(ARTICLES.values()), strict=True):
        article = Article(id=name, text=doc.text, outlet=OUTLETS.get(name))
        out[name] = extract_quotes(doc, build_actor_table(doc, gazetteer), article)
    return out


def speakers(qs: list[Quote]) -> list[str | None]:
    return [q.speaker for q in qs]


def test_pronouns_resolve_to_the_person_named_before(quotes: dict[str, list[Quote]]) -> None:
    qs = quotes["pronoun"]
    assert [q.kind for q in qs] == ["indirect", "direct"]
    assert all(s is not None and "Zelensk" in s for s in speakers(qs))


def test_he_skips_the_woman_quoted_last_for_the_president_named_by_his_title(
    quotes: dict[str, list[Quote]],
) -> None:
    assert speakers(quotes["gender"])[-1] == "Volodymyr Zelensky"


def test_she_skips_the_man_who_is_the_subject(quotes: dict[str, list[Quote]]) -> None:
    assert speakers(quotes["she_after_a_man"]) == ["Kaja Kallas"]


def test_a_final_attribution_the_parser_coordinated_to_a_future_clause_reports_it(
    quotes: dict[str, list[Quote]],
) -> None:
    # the parser makes "said" a conjunct of "will send": the "will" is not the report's
    assert [(q.kind, q.speaker) for q in quotes["will_then_said"]] == [("indirect", "Tore O. Sandvik")]


def test_a_report_relayed_by_a_vague_source_is_the_reporters(quotes: dict[str, list[Quote]]) -> None:
    [q] = quotes["relayed"]
    assert q.text.startswith("Russia has received") and q.speaker == "Ukrainian Military Intelligence"


def test_a_subject_outranks_a_possessive_as_antecedent(quotes: dict[str, list[Quote]]) -> None:
    [q] = quotes["subject_beats_possessive"]
    assert q.speaker == "Dmitry Peskov"


def test_unnamed_officials_speak_for_their_state_and_sources_for_nobody(
    quotes: dict[str, list[Quote]],
) -> None:
    qs = quotes["officials"]
    assert speakers(qs) == ["United States", None]


def test_vague_sources_give_no_quote(quotes: dict[str, list[Quote]]) -> None:
    assert quotes["vague"] == []


def test_unattributed_quotations_continue_the_person_introduced_before(
    quotes: dict[str, list[Quote]],
) -> None:
    qs = quotes["continuation"]
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert speakers(qs) == ["Sergei Lavrov", "Sergei Lavrov"]


def test_an_official_relaying_the_government_line_is_the_speaker(quotes: dict[str, list[Quote]]) -> None:
    [q] = quotes["relay"]
    assert q.speaker == "Maria Zakharova"
    assert q.text == "Moscow will not accept foreign troops on Ukrainian soil"


def test_venues_are_read_from_the_attribution(quotes: dict[str, list[Quote]]) -> None:
    first, second = quotes["venue"]
    assert first.venue == "interview with the BBC"
    assert second.venue is not None and "video address" in second.venue
    assert second.speaker is not None and "Zelensk" in second.speaker


def test_the_publishing_outlet_is_not_quoted(quotes: dict[str, list[Quote]]) -> None:
    assert quotes["own_outlet"] == []


def test_a_joint_statement_gives_one_quote_per_party(quotes: dict[str, list[Quote]]) -> None:
    qs = quotes["joint"]
    assert speakers(qs) == ["Poland", "Lithuania"]
    assert len({q.text for q in qs}) == 1


def test_names_inside_reported_speech_are_not_antecedents(quotes: dict[str, list[Quote]]) -> None:
    indirect, direct = quotes["reported_names"]
    assert indirect.speaker == direct.speaker == "Emmanuel Macron"


def test_a_second_reporting_verb_keeps_the_first_subject(quotes: dict[str, list[Quote]]) -> None:
    indirect, direct = quotes["second_report"]
    assert indirect.text == "Germany would send two more air-defence systems"
    assert direct.kind == "direct"
    assert indirect.speaker == direct.speaker == "Olaf Scholz"


# -- discourse and descriptions (one article per rule) ------------------------------------

RULE_ARTICLES = {
    "unnamed_then_he": (
        "Governor Ivan Sorokin said three ships had been damaged.\n"
        "A retired naval officer in the port, who asked not to be named, said the fleet would stay away. "
        "“They will keep their distance now,” he said."
    ),
    "it_said_excludes_quote": (
        "Ukraine's General Staff said its units had held the line near the river. "
        "Russian troops, it said, were trying to cut the road to the city."
    ),
    "they_plural_group": (
        "Economists warn that the recovery may take years. Russia has found ways around the measures. "
        "Much will depend, they say, on whether buyers in Asia keep paying."
    ),
    "included_and_they": (
        "European leaders, including Emmanuel Macron, Friedrich Merz and Keir Starmer, said in a joint statement "
        "that Ukraine must decide its own borders. They said they would keep up the pressure on Moscow."
    ),
    "two_delegations": (
        "Ukraine said on Tuesday it was ready to accept the proposal, and the United States said it would resume aid.\n"
        "In a joint statement, the two delegations said the truce could be extended by agreement."
    ),
    "both_deny": "Russia and Ukraine have accused each other of shelling the plant. Both deny they are doing so.",
    "indefinite_title": "A UN spokesperson said the organisation was ready to send inspectors to the site.",
    "retired": "A retired Ukrainian general said the counter-offensive would start before the rains.",
    "officer_in_region": "A senior officer in the Kharkiv region said his brigade had advanced three kilometres.",
    "plural_bodies": "Port operators in Izmail said they expected the barges to keep coming.",
    "press_service": (
        "The press service of Belarusian President Alexander Lukashenko said he had spoken to the mercenary chief."
    ),
    "age_person": "“We have nothing left here,” said Oksana, 67, who was waiting for a bus out of the town.",
    "title_recent_speaker": (
        "President Vladimir Putin met the governor in Moscow on Friday.\n"
        "Speaking in Munich, President Volodymyr Zelensky urged allies to send more shells. "
        "“Dictators like Putin do not rest,” he told the audience.\n"
        "The president has repeatedly said that Ukraine will not give up any land."
    ),
    "city_administration": (
        "Drones struck two districts of Kyiv overnight. At least four people were injured, "
        "the city's military administration said on Tuesday."
    ),
    "organisation": (
        "The International Committee of the Red Cross said it had asked for access to the camp. "
        "“Our priority is the wounded,” the organisation said."
    ),
    "regional_no_region": "In the city of Kryvyi Rih, regional officials said at least six people were killed.",
    "post_outlet": (
        "According to The Washington Post, Ukraine and Russia were due to send delegations to Qatar. "
        "The Post reported that the talks had been postponed."
    ),
    "document_it": (
        "The ministry published a ten-point paper on Friday. The paper urges all sides to resume talks. "
        'It also warns against "expanding military blocs" in Europe.'
    ),
    "document_subject": "The plan says Ukraine must cap its army at 600,000 troops.",
    "people_familiar": "People familiar with the talks said the envoy would travel to Moscow next week.",
    "vague_others": "Others say the sanctions will not change the Kremlin's course.",
    "agency": (
        "Ukraine's military intelligence agency said the missiles came from North Korea. "
        "The agency added that more shipments were expected."
    ),
    "state_government": "Poland's government said it would close the last border crossing with Belarus.",
    "claim_noun": "The strike followed Russian accusations that Ukrainian drones had hit a school in Belgorod.",
}


@pytest.fixture(scope="module")
def rule_quotes(nlp: Language) -> dict[str, list[Quote]]:
    gazetteer = load_gazetteer()
    out = {}
    for name, doc in zip(RULE_ARTICLES, nlp.pipe(RULE_ARTICLES.values()), strict=True):
        out[name] = extract_quotes(doc, build_actor_table(doc, gazetteer), Article(id=name, text=doc.text))
    return out


def said(rule_quotes: dict[str, list[Quote]], name: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in rule_quotes[name]]


def test_a_pronoun_after_an_unnamed_source_is_that_source(rule_quotes: dict[str, list[Quote]]) -> None:
    assert speakers(rule_quotes["unnamed_then_he"]) == ["Ivan Sorokin", None, None]


def test_names_in_the_quotation_itself_are_not_its_speaker(rule_quotes: dict[str, list[Quote]]) -> None:
    first, second = rule_quotes["it_said_excludes_quote"]
    assert second.speaker == first.speaker
    assert first.speaker is not None and "General Staff" in first.speaker


def test_they_prefers_a_plural_subject_of_its_paragraph(rule_quotes: dict[str, list[Quote]]) -> None:
    assert speakers(rule_quotes["they_plural_group"]) == [None, None]


def test_named_members_of_a_group_speak_and_they_refers_to_them(rule_quotes: dict[str, list[Quote]]) -> None:
    leaders = ["Emmanuel Macron", "Friedrich Merz", "Keir Starmer"]
    assert speakers(rule_quotes["included_and_they"]) == leaders + leaders


def test_two_delegations_are_the_last_two_parties_quoted(rule_quotes: dict[str, list[Quote]]) -> None:
    assert said(rule_quotes, "two_delegations") == [
        ("Ukraine", "it was ready to accept the proposal"),
        ("United States", "it would resume aid"),
        ("Ukraine", "the truce could be extended by agreement"),
        ("United States", "the truce could be extended by agreement"),
    ]


def test_both_refers_to_the_coordinated_subject_before(rule_quotes: dict[str, list[Quote]]) -> None:
    assert speakers(rule_quotes["both_deny"]) == ["Russia", "Ukraine"]


def test_an_indefinite_title_speaks_for_its_body_not_the_office_holder(
    rule_quotes: dict[str, list[Quote]],
) -> None:
    [q] = rule_quotes["indefinite_title"]
    assert q.speaker in ("UN", "United Nations")


def test_retired_officers_and_officers_in_a_region_speak_for_no_one(
    rule_quotes: dict[str, list[Quote]],
) -> None:
    assert speakers(rule_quotes["retired"]) == [None]
    assert speakers(rule_quotes["officer_in_region"]) == [None]


def test_several_bodies_are_no_actor(rule_quotes: dict[str, list[Quote]]) -> None:
    assert speakers(rule_quotes["plural_bodies"]) == [None]


def test_a_press_service_speaks_as_its_principal(rule_quotes: dict[str, list[Quote]]) -> None:
    assert speakers(rule_quotes["press_service"]) == ["Alexander Lukashenko"]


def test_a_first_name_with_an_age_is_a_person(rule_quotes: dict[str, list[Quote]]) -> None:
    assert speakers(rule_quotes["age_person"]) == ["Oksana"]


def test_a_bare_title_goes_to_the_person_just_quoted(rule_quotes: dict[str, list[Quote]]) -> None:
    assert speakers(rule_quotes["title_recent_speaker"]) == ["Volodymyr Zelensky", "Volodymyr Zelensky"]


def test_the_citys_administration_is_the_last_named_citys(rule_quotes: dict[str, list[Quote]]) -> None:
    [q] = rule_quotes["city_administration"]
    assert q.speaker is not None and q.speaker.startswith("Kyiv") and "Administration" in q.speaker


def test_the_organisation_is_the_last_organisation_named(rule_quotes: dict[str, list[Quote]]) -> None:
    assert speakers(rule_quotes["organisation"]) == ["International Committee of the Red Cross"] * 2


def test_regional_officials_of_no_named_region_speak_for_no_one(rule_quotes: dict[str, list[Quote]]) -> None:
    assert speakers(rule_quotes["regional_no_region"]) == [None]


def test_a_newspaper_called_the_post_is_no_social_media_post(rule_quotes: dict[str, list[Quote]]) -> None:
    assert said(rule_quotes, "post_outlet") == [
        ("The Washington Post", "Ukraine and Russia were due to send delegations to Qatar"),
        ("The Washington Post", "the talks had been postponed"),
    ]


def test_documents_are_no_speakers(rule_quotes: dict[str, list[Quote]]) -> None:
    assert rule_quotes["document_it"] == []
    assert rule_quotes["document_subject"] == []


def test_people_familiar_are_an_unnamed_source_but_others_are_vague(
    rule_quotes: dict[str, list[Quote]],
) -> None:
    assert speakers(rule_quotes["people_familiar"]) == [None]
    assert rule_quotes["vague_others"] == []


def test_the_agency_and_a_states_government(rule_quotes: dict[str, list[Quote]]) -> None:
    first, second = rule_quotes["agency"]
    assert first.speaker is not None and first.speaker == second.speaker
    assert speakers(rule_quotes["state_government"]) == ["Poland"]


def test_an_owners_accusation_is_its_report(rule_quotes: dict[str, list[Quote]]) -> None:
    assert said(rule_quotes, "claim_noun") == [("Russia", "Ukrainian drones had hit a school in Belgorod")]
