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
