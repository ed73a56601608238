"""Stance reading: polarity, negation, refusal and the words that carry a stance."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from peacewire.extract.issues import find_cues, position_lexicon
from peacewire.extract.stance import Reading, negated, read_stance

SENTENCES = {
    "want": "Kyiv wants a ceasefire.",
    "refuse": "Moscow refused to accept a ceasefire.",
    "negation": "Moscow does not want a ceasefire.",
    "nothing_but": "Such strikes deserve nothing but condemnation.",
    "but_rather": "Putin does not want a ceasefire but rather an end to the war.",
    "instead_of": "Kyiv wants security guarantees instead of NATO membership.",
    "question": "It is unclear whether Moscow will accept a ceasefire.",
    "circumstance": "Moscow will not accept troops in Ukraine as part of any peace deal.",
    "purpose": "Zelensky is willing to give up land to achieve peace.",
    "evaluation": "Any peacekeeping force in Ukraine would be completely unacceptable.",
    "viewed_as": "The deployment of troops in Ukraine will be viewed as an intervention.",
    "reporter": "Lavrov said Moscow is ready to negotiate.",
    "imperative": "Stop the strikes now!",
    "passive": "The ceasefire talks were postponed.",
    "time_prefix": "Britain plans to keep troops in Ukraine post-ceasefire.",
    "existential": "There have been no negotiations since March.",
    "vague_adverb": "The ceasefire was reportedly rejected by Moscow.",
    "quotation": '"We are ready to negotiate," Lavrov said.',
    "threat_to": "The White House issued a threat to impose new tariffs on Russian oil buyers.",
    "threat_of": "Officials called the drills a threat to Europe and its sanctions policy.",
    "not_ease": "The chancellor said the sanctions regime would not ease while the shelling went on.",
    "will_end": "The minister said the sanctions on Moscow will end next year.",
    "without_needed": "Zelensky said Ukraine will not accept a ceasefire without security guarantees.",
    "without_wanted": "Moscow wants a ceasefire without any security guarantees for Kyiv.",
    "under_fact": "The governor said the region's farms had learned to live under sanctions.",
    "under_condition": "He said any handover would only take place under the protection of NATO troops.",
    "illegal": "Moscow has always considered such unilateral restrictions illegal, its envoy said.",
    "made_conditional": "The Russian side made any ceasefire conditional on a Ukrainian withdrawal.",
    "host_rounds": "Turkey stands ready to host further rounds in Istanbul.",
    "not_after_comma": '"We need more tanks, not more sympathy, and we need them this winter, not next year."',
    "calling_attack_on": "Starmer condemned the strike, calling the attack on Kyiv a grim reminder of the war.",
    "accused": "Peskov accused Brussels of trying to sabotage the peace process.",
    "within_weeks": "The coalition could deploy its troops within weeks of a ceasefire, the envoy said.",
    "met_with": "Any transfer of the missiles would be met with a firm response, Lavrov said.",
    "makes_sense": "Talks with the Russian side make sense only once Moscow accepts a truce, the minister said.",
    "irreversible": "The alliance said Ukraine's path to NATO membership was irreversible.",
    "in_place": "Our sanctions stay in place until Moscow ends its aggression, the commissioner said.",
    "quoted_gap": 'Trump said Ukraine could win back "all of its land" with European help.',
    "eased_fact": "Analysts noted that the sanctions pressure eased last winter.",
    "dropped": "Trump dropped his push for a ceasefire.",
    "totality": "Trump does not want Ukraine to completely hand over its territory.",
}


@pytest.fixture(scope="module")
def docs(nlp: Language) -> dict[str, Doc]:
    return dict(zip(SENTENCES, nlp.pipe(SENTENCES.values()), strict=True))


def readings(doc: Doc, issue: str, bounds: list[tuple[int, int]] | None = None) -> list[Reading | None]:
    lex = position_lexicon()
    return [
        read_stance(m, lex, bounds or []) for s in doc.sents for m in find_cues(s, lex) if m.issue == issue
    ]


def only(doc: Doc, issue: str, bounds: list[tuple[int, int]] | None = None) -> Reading:
    found = [r for r in readings(doc, issue, bounds) if r is not None]
    assert len(found) == 1, found
    return found[0]


def test_a_support_word_keeps_the_cues_direction(docs: dict[str, Doc]) -> None:
    r = only(docs["want"], "ceasefire")
    assert r.stance == "support"
    assert [f.token.lemma_ for f in r.frames] == ["want"]


def test_a_refusal_reverses_it(docs: dict[str, Doc]) -> None:
    assert only(docs["refuse"], "ceasefire").stance == "oppose"


def test_a_negation_reverses_it(docs: dict[str, Doc]) -> None:
    assert only(docs["negation"], "ceasefire").stance == "oppose"


def test_nothing_but_is_no_negation(docs: dict[str, Doc]) -> None:
    r = only(docs["nothing_but"], "hostilities")
    assert r.stance == "oppose"
    assert r.frames[-1].kind == "evaluation"


def test_a_but_rather_conjunct_escapes_the_negation(docs: dict[str, Doc]) -> None:
    assert only(docs["but_rather"], "ceasefire").stance == "oppose"
    assert only(docs["but_rather"], "negotiations").stance == "support"


def test_instead_of_reverses(docs: dict[str, Doc]) -> None:
    assert only(docs["instead_of"], "security_guarantees").stance == "support"
    assert only(docs["instead_of"], "nato_membership").stance == "oppose"


def test_an_embedded_question_states_no_stance(docs: dict[str, Doc]) -> None:
    assert readings(docs["question"], "ceasefire") == [None]


def test_a_circumstance_states_no_stance_on_its_cue(docs: dict[str, Doc]) -> None:
    assert readings(docs["circumstance"], "negotiations") == [None]
    assert only(docs["circumstance"], "security_guarantees").stance == "oppose"


def test_a_purpose_is_wanted_whatever_is_given_up_for_it(docs: dict[str, Doc]) -> None:
    assert only(docs["purpose"], "territory").stance == "support"
    assert only(docs["purpose"], "negotiations").stance == "support"


def test_a_judgement_of_the_cue_is_a_stance(docs: dict[str, Doc]) -> None:
    r = only(docs["evaluation"], "security_guarantees")
    assert r.stance == "oppose"
    assert r.frames[-1].kind == "evaluation"
    assert only(docs["viewed_as"], "security_guarantees").stance == "oppose"


def test_the_climb_stops_at_a_reporting_verb(docs: dict[str, Doc]) -> None:
    r = only(docs["reporter"], "negotiations")
    assert r.reporter is not None and r.reporter.lemma_ == "say"
    assert r.frames[-1].token.lemma_ == "ready"


def test_and_at_the_edge_of_a_direct_quotation(docs: dict[str, Doc]) -> None:
    doc = docs["quotation"]
    close = doc.text.index('"', 1)
    r = only(doc, "negotiations", bounds=[(1, close)])
    assert r.reporter is not None and r.reporter.lemma_ == "say"


def test_an_imperative_is_a_frame(docs: dict[str, Doc]) -> None:
    r = only(docs["imperative"], "hostilities")
    assert r.stance == "oppose"
    assert r.frames[-1].kind == "imperative"


def test_a_passive_outcome_is_an_event_not_a_holders_stance(docs: dict[str, Doc]) -> None:
    r = only(docs["passive"], "ceasefire")
    assert [f.kind for f in r.frames] == ["event"]


def test_a_time_prefix_is_no_stance(docs: dict[str, Doc]) -> None:
    assert readings(docs["time_prefix"], "ceasefire") == [None]


def test_existence_stated_is_a_fact(docs: dict[str, Doc]) -> None:
    assert readings(docs["existential"], "negotiations") == [None]


def test_reportedly_makes_the_source_vague(docs: dict[str, Doc]) -> None:
    assert readings(docs["vague_adverb"], "ceasefire") == [None]


def test_dropping_a_stance_noun_marks_it(docs: dict[str, Doc]) -> None:
    r = only(docs["dropped"], "ceasefire")
    assert r.stance == "oppose"
    assert r.dropped is not None and r.dropped.token.lower_ == "push"
    assert r.dropped.cumulative == 1


def test_not_completely_is_partial_support(docs: dict[str, Doc]) -> None:
    r = only(docs["totality"], "territory")
    assert r.stance == "support"
    assert r.partial


def test_a_threat_to_act_supports_the_act(docs: dict[str, Doc]) -> None:
    assert only(docs["threat_to"], "sanctions").stance == "support"


def test_a_waning_outcome_said_of_the_future_reverses_the_cue(docs: dict[str, Doc]) -> None:
    assert only(docs["not_ease"], "sanctions").stance == "support"  # will not ease: kept
    assert only(docs["will_end"], "sanctions").stance == "oppose"  # will end: lifted


def test_a_waning_outcome_told_of_the_past_is_no_reversal(docs: dict[str, Doc]) -> None:
    assert all(r is None or r.stance == "support" for r in readings(docs["eased_fact"], "sanctions"))


def test_without_reverses_what_it_governs(docs: dict[str, Doc]) -> None:
    assert only(docs["without_needed"], "security_guarantees").stance == "support"  # not ... without
    assert only(docs["without_wanted"], "security_guarantees").stance == "oppose"


def test_a_cue_in_a_factual_under_phrase_states_no_stance(docs: dict[str, Doc]) -> None:
    assert readings(docs["under_fact"], "sanctions") == [None]


def test_an_under_phrase_of_a_conditional_verb_still_does(docs: dict[str, Doc]) -> None:
    assert only(docs["under_condition"], "security_guarantees").stance == "support"


def test_judging_restrictions_illegal_opposes_sanctions(docs: dict[str, Doc]) -> None:
    assert only(docs["illegal"], "sanctions").stance == "oppose"


def test_an_adjective_after_the_object_of_make_judges_it(docs: dict[str, Doc]) -> None:
    reading = only(docs["made_conditional"], "ceasefire")
    assert reading.stance == "support" and reading.frames[0].token.lemma_ == "make"


def test_hosting_rounds_is_negotiations(docs: dict[str, Doc]) -> None:
    assert only(docs["host_rounds"], "negotiations").stance == "support"


def test_a_not_after_a_comma_negates_what_follows_not_the_cue(docs: dict[str, Doc]) -> None:
    doc = docs["not_after_comma"]
    tanks = next(t for t in doc if t.lower_ == "tanks")
    assert any(c.dep_ == "neg" for c in tanks.children)  # the parse hangs "not" on the cue
    assert not negated(tanks, position_lexicon())
    assert only(doc, "military_aid").stance == "support"


def test_a_preposition_of_the_object_makes_no_phrasal_verb_but_for(docs: dict[str, Doc]) -> None:
    # "calling the attack on Kyiv" is no "call on"
    assert all(
        f.token.lower_ != "calling"
        for r in readings(docs["calling_attack_on"], "hostilities")
        if r
        for f in r.frames
    )


def test_what_someone_is_accused_of_is_no_stance(docs: dict[str, Doc]) -> None:
    assert readings(docs["accused"], "negotiations") == [None]


def test_within_a_time_after_a_cue_is_a_circumstance(docs: dict[str, Doc]) -> None:
    assert readings(docs["within_weeks"], "ceasefire") == [None]


def test_being_met_with_a_response_is_no_meeting(docs: dict[str, Doc]) -> None:
    assert readings(docs["met_with"], "negotiations") == []


def test_make_sense_judges_its_subject_for_the_speaker(docs: dict[str, Doc]) -> None:
    reading = only(docs["makes_sense"], "negotiations")
    assert reading.stance == "support" and reading.frames[0].kind == "evaluation"


def test_an_irreversible_path_to_membership_supports_it(docs: dict[str, Doc]) -> None:
    assert only(docs["irreversible"], "nato_membership").stance == "support"


def test_staying_in_place_supports_its_subject(docs: dict[str, Doc]) -> None:
    assert only(docs["in_place"], "sanctions").stance == "support"


def test_quotation_marks_inside_a_cue_do_not_count_as_words(docs: dict[str, Doc]) -> None:
    reading = only(docs["quoted_gap"], "territory")  # "win back ... land" across the opening mark
    assert [t.lower_ for t in reading.cue.tokens] == ["win", "back", "land"] and reading.stance == "oppose"
