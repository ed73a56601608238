"""Quote detection on sentences written for these tests.

Every text is parsed once (module fixture, one `nlp.pipe` call).
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from peacewire.extract.quotemarks import pair_marks
from peacewire.extract.quotes import QuoteCandidate, find_quotes

TEXTS = {
    "post_attribution": "“We will not trade our land for a pause in the shelling,” the foreign minister said on Monday.",
    "interrupted": (
        "“Nobody in this city has slept for three nights,” the mayor told reporters. "
        "“We are burying neighbours every morning.”"
    ),
    "colon": 'Speaking in Brussels, the alliance chief was blunt: "Every air-defence battery counts now."',
    "partial": "The governor called the overnight barrage “a deliberate attack on sleeping families” in a post.",
    "short_fragment": "The minister dismissed the plan as “a fantasy” and left the podium.",
    "indirect_that": "The defence ministry said that its forces had pushed back an assault near the river.",
    "indirect_fronted": "Two warehouses and a school were damaged in the strike, the regional governor said.",
    "according": "According to the port authority, three grain ships left the harbour on Tuesday morning.",
    "thinking": "Western analysts estimate that the army loses several hundred soldiers a day.",
    "denial": "The Kremlin denied that its drones had crossed into Moldovan airspace.",
    "vague": "Reports suggest that the talks could resume in Geneva next month.",
    "inner_marks": "The envoy said the proposal was “dead on arrival” unless both sides stopped firing.",
    "whole_clause_marked": "The prime minister insisted that “no deal will be signed over the heads of Ukrainians.”",
    "relay": "The chief negotiator said the delegation would return to Istanbul next week, a state news agency reported.",
    "truncated": "The commander said the brigade had held the line. He added that reinforcements would arrive within",
    "relative_clause": "The delay suits the Kremlin leader, who has long argued for talks on his own terms.",
    "misparsed_noun": "Trump expressed concern over the pace of the talks, noting that both sides were still far apart.",
    "multi_paragraph": (
        "The president spoke for twenty minutes.\n"
        '"We asked for a ceasefire on the first day and we ask for it again.\n'
        '"Nobody can say Ukraine did not want peace."\n'
    ),
}


@pytest.fixture(scope="module")
def parsed(nlp: Language) -> dict[str, Doc]:
    docs = nlp.pipe(TEXTS.values())
    return dict(zip(TEXTS, docs, strict=True))


def quotes_of(parsed: dict[str, Doc], name: str) -> list[QuoteCandidate]:
    return find_quotes(parsed[name])


def test_direct_quote_with_attribution_after_it(parsed: dict[str, Doc]) -> None:
    [q] = quotes_of(parsed, "post_attribution")
    assert q.kind == "direct"
    assert q.text == "We will not trade our land for a pause in the shelling"
    assert q.subject is not None and q.subject.text == "minister"


def test_quote_interrupted_by_its_attribution_is_one_quote_per_pair(parsed: dict[str, Doc]) -> None:
    qs = quotes_of(parsed, "interrupted")
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert qs[0].text == "Nobody in this city has slept for three nights"
    assert qs[1].text == "We are burying neighbours every morning"
    # the second pair has no attribution of its own: the speaker comes from context
    assert qs[0].subject is not None and qs[0].subject.text == "mayor"


def test_colon_introduces_a_direct_quote(parsed: dict[str, Doc]) -> None:
    [q] = quotes_of(parsed, "colon")
    assert q.kind == "direct"
    assert q.text == "Every air-defence battery counts now"


def test_partial_quote_of_three_words_or_more(parsed: dict[str, Doc]) -> None:
    [q] = quotes_of(parsed, "partial")
    assert q.kind == "partial"
    assert q.text == "a deliberate attack on sleeping families"
    assert q.subject is not None and q.subject.text == "governor"


def test_fragment_under_three_words_is_not_a_quote(parsed: dict[str, Doc]) -> None:
    assert quotes_of(parsed, "short_fragment") == []


def test_indirect_quote_with_that(parsed: dict[str, Doc]) -> None:
    [q] = quotes_of(parsed, "indirect_that")
    assert q.kind == "indirect"
    assert q.text == "its forces had pushed back an assault near the river"
    assert q.subject is not None and q.subject.text == "ministry"


def test_indirect_quote_before_its_attribution(parsed: dict[str, Doc]) -> None:
    [q] = quotes_of(parsed, "indirect_fronted")
    assert q.kind == "indirect"
    assert q.text == "Two warehouses and a school were damaged in the strike"
    assert q.subject is not None and q.subject.text == "governor"


def test_according_to_gives_an_indirect_quote_of_its_object(parsed: dict[str, Doc]) -> None:
    [q] = quotes_of(parsed, "according")
    assert q.kind == "indirect"
    assert q.text == "three grain ships left the harbour on Tuesday morning"
    assert q.subject is not None and q.subject.text == "authority"


def test_estimating_and_denying_verbs_report_speech(parsed: dict[str, Doc]) -> None:
    [est] = quotes_of(parsed, "thinking")
    assert est.text == "the army loses several hundred soldiers a day"
    [den] = quotes_of(parsed, "denial")
    assert den.text == "its drones had crossed into Moldovan airspace"
    assert den.verb is not None and den.verb.lemma_ == "deny"


def test_marks_around_part_of_a_clause_stay_in_the_indirect_quote(parsed: dict[str, Doc]) -> None:
    [q] = quotes_of(parsed, "inner_marks")
    assert q.kind == "indirect"
    assert q.text == "the proposal was “dead on arrival” unless both sides stopped firing"


def test_marks_around_the_whole_clause_make_it_direct(parsed: dict[str, Doc]) -> None:
    [q] = quotes_of(parsed, "whole_clause_marked")
    assert q.kind == "direct"
    assert q.text == "no deal will be signed over the heads of Ukrainians"


def test_relayed_report_keeps_the_original_speaker(parsed: dict[str, Doc]) -> None:
    [q] = quotes_of(parsed, "relay")
    assert q.text == "the delegation would return to Istanbul next week"
    assert q.subject is not None and q.subject.text == "negotiator"


def test_quote_running_into_a_cut_is_dropped(parsed: dict[str, Doc]) -> None:
    qs = quotes_of(parsed, "truncated")
    assert [q.text for q in qs] == ["the brigade had held the line"]


def test_quotation_over_two_paragraphs_gives_one_quote_per_paragraph(parsed: dict[str, Doc]) -> None:
    qs = quotes_of(parsed, "multi_paragraph")
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert qs[0].text.startswith("We asked for a ceasefire")
    assert qs[1].text == "Nobody can say Ukraine did not want peace"


def test_spans_point_at_the_quoted_words(parsed: dict[str, Doc]) -> None:
    for name, doc in parsed.items():
        for q in find_quotes(doc):
            assert doc.text[q.start : q.end] == q.text, name


def test_mark_pairing_mixes_straight_and_curly_marks() -> None:
    text = 'He said "yes" and she said “no, never” twice.'
    pairs = pair_marks(text)
    assert [text[p.open + 1 : p.close] for p in pairs] == ["yes", "no, never"]


def test_a_relative_clause_is_not_an_attribution(parsed: dict[str, Doc]) -> None:
    assert quotes_of(parsed, "relative_clause") == []


def test_participle_keeps_the_sentence_subject(parsed: dict[str, Doc]) -> None:
    [q] = quotes_of(parsed, "misparsed_noun")
    assert q.text == "both sides were still far apart"
    assert q.subject is not None and q.subject.text == "Trump"
