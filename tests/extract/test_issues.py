"""Issue cues: the lexicon file and how cues are matched in a parsed sentence."""

from __future__ import annotations

from importlib import resources

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from peacewire.extract.issues import (
    ISSUES,
    CueMatch,
    IssueLexiconError,
    find_cues,
    parse_lexicon,
    position_lexicon,
)

SENTENCES = {
    "gap": "Kyiv will not give up any of its territory.",
    "hyphen": "Both sides agreed to a cease-fire on Sunday.",
    "longest": "The cessation of hostilities was a core demand.",
    "direct": "Moscow wants peace. The price of peace is high.",
    "bare": "Vladimir, stop! They could stop the supplies.",
    "partner": "Leaders meeting in Vilnius agreed. Zelensky will meet Putin.",
    "aimless": "Ukraine will fight for its borders. Ukraine will keep fighting.",
    "against": "Kyiv insists on its 1991 borders.",
    "possessive": "The withdrawal of troops to Ukraine's borders was discussed.",
    # the domain's wording beyond stance words
    "threat": "Our response will be harsh.",
    "scale_back": "Moscow promised to scale back its military activity near the capital.",
    "bloc": "Kyiv would join no military bloc.",
    "expansion": "Beijing criticised the expansion of military blocs.",
    "end_sanctions": "The paper demands an end to unilateral sanctions.",
    "every_inch": "We will free every inch of our land.",
    "take_back": "Ukraine will take back its territory.",
    "weapons": "Kyiv needs more tanks. Missiles hit the port.",
    "topical": "They agreed a deal on critical minerals. They discussed a deal on a ceasefire.",
}


@pytest.fixture(scope="module")
def docs(nlp: Language) -> dict[str, Doc]:
    return dict(zip(SENTENCES, nlp.pipe(SENTENCES.values()), strict=True))


def cues(doc: Doc) -> list[CueMatch]:
    return [m for sent in doc.sents for m in find_cues(sent)]


def summary(doc: Doc) -> list[tuple[str, int, str]]:
    return [(m.issue, m.polarity, " ".join(t.text for t in m.tokens)) for m in cues(doc)]


def test_the_shipped_lexicon_loads_and_covers_every_issue() -> None:
    lex = position_lexicon()
    assert {c.issue for c in lex.cues} == set(ISSUES)
    assert {"only if", "as long as", "provided that", "in exchange for"} <= set(lex.condition_markers)
    assert {"maybe", "could", "might"} <= lex.hedge_words
    assert "not outright rejecting" in lex.hedge_phrases


def test_a_key_given_twice_is_an_error() -> None:
    text = resources.files("peacewire.data").joinpath("issues.yaml").read_text(encoding="utf-8")
    with pytest.raises(IssueLexiconError, match="given twice"):
        parse_lexicon(text + "\nplans: {}\n")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("[]", "top level"),
        ("issues: {territory: {for: [''], against: [], actions: []}}", "non-empty"),
        ("issues: {territory: {for: [{cue: cede, loud: true}], against: [], actions: []}}", "unknown flags"),
    ],
)
def test_malformed_lexicons_are_named(raw: str, message: str) -> None:
    with pytest.raises(IssueLexiconError, match=message):
        parse_lexicon(raw)


def test_words_of_a_cue_may_be_separated_by_modifiers(docs: dict[str, Doc]) -> None:
    assert ("territory", 1, "give up territory") in summary(docs["gap"])


def test_a_hyphenated_word_matches_its_pieces(docs: dict[str, Doc]) -> None:
    assert [(i, p) for i, p, _ in summary(docs["hyphen"])] == [("ceasefire", 1)]


def test_the_longest_cue_wins(docs: dict[str, Doc]) -> None:
    assert summary(docs["longest"]) == [("ceasefire", 1, "cessation of hostilities")]


def test_direct_cues_are_found_for_the_stance_reader_to_check(docs: dict[str, Doc]) -> None:
    found = cues(docs["direct"])
    assert [m.pattern.direct for m in found] == [True, True]


def test_bare_cues_need_a_verb_without_object(docs: dict[str, Doc]) -> None:
    assert [t for _, _, t in summary(docs["bare"])] == ["stop"]


def test_meeting_needs_someone_to_meet(docs: dict[str, Doc]) -> None:
    assert [t for _, _, t in summary(docs["partner"])] == ["meet"]


def test_fighting_for_something_is_not_a_stance_on_the_war(docs: dict[str, Doc]) -> None:
    found = summary(docs["aimless"])
    assert ("hostilities", 1, "keep fighting") in found
    assert all(t != "fight" for _, _, t in found)
    assert ("territory", -1, "borders") not in found  # "its borders" alone names no outcome


def test_cues_of_the_opposite_outcome_have_negative_polarity(docs: dict[str, Doc]) -> None:
    assert ("territory", -1, "1991 borders") in summary(docs["against"])


def test_threats_of_retaliation_are_hostilities(docs: dict[str, Doc]) -> None:
    assert ("hostilities", 1, "response harsh") in summary(docs["threat"])


def test_scaling_back_military_activity_is_against_hostilities(docs: dict[str, Doc]) -> None:
    assert ("hostilities", -1, "scale back military activity") in summary(docs["scale_back"])


def test_joining_or_expanding_military_blocs_is_nato_membership(docs: dict[str, Doc]) -> None:
    assert ("nato_membership", 1, "join bloc") in summary(docs["bloc"])
    assert ("nato_membership", 1, "expansion of blocs") in summary(docs["expansion"])


def test_ending_sanctions_is_their_opposite_outcome(docs: dict[str, Doc]) -> None:
    assert ("sanctions", -1, "end sanctions") in summary(docs["end_sanctions"])


def test_regaining_land_is_against_the_territorial_outcome(docs: dict[str, Doc]) -> None:
    assert ("territory", -1, "inch of land") in summary(docs["every_inch"])
    assert ("territory", -1, "take back territory") in summary(docs["take_back"])


def test_weapon_nouns_are_supply_cues_for_the_stance_reader_to_check(docs: dict[str, Doc]) -> None:
    found = cues(docs["weapons"])
    assert [(m.issue, m.pattern.supplied) for m in found] == [("military_aid", True)] * 2


def test_a_topical_cue_needs_the_war_as_its_topic(docs: dict[str, Doc]) -> None:
    found = summary(docs["topical"])
    assert [t for i, _, t in found if i == "negotiations"] == ["discussed", "deal"]


def test_of_two_cues_on_the_same_words_the_first_listed_wins(nlp: Language) -> None:
    raw = """
issues:
  territory: {for: [], against: [], actions: []}
  ceasefire: {for: [truce], against: [], actions: []}
  negotiations: {for: [truce], against: [], actions: []}
  security_guarantees: {for: [], against: [], actions: []}
  nato_membership: {for: [], against: [], actions: []}
  sanctions: {for: [], against: [], actions: []}
  military_aid: {for: [], against: [], actions: []}
  hostilities: {for: [], against: [], actions: []}
"""
    shipped = resources.files("peacewire.data").joinpath("issues.yaml").read_text(encoding="utf-8")
    rest = shipped[shipped.index("\naid_recipients:") :]
    lex = parse_lexicon(raw + rest)
    doc = nlp("Both sides want a truce.")
    assert [m.issue for s in doc.sents for m in find_cues(s, lex)] == ["ceasefire"]


def test_a_cue_may_not_end_on_a_possessor(docs: dict[str, Doc]) -> None:
    assert all(i != "security_guarantees" for i, _, _ in summary(docs["possessive"]))
