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


def test_a_cue_may_not_end_on_a_possessor(docs: dict[str, Doc]) -> None:
    assert all(i != "security_guarantees" for i, _, _ in summary(docs["possessive"]))
