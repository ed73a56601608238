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


# -- clause boundaries and what is not a report (one sentence per rule) -----------------

RULE_TEXTS = {
    "statement_that": "The foreign minister said in a written statement that the convoy had reached the border crossing.",
    "and_that": (
        "The navy said on Sunday that two patrol boats had been sunk near the island, and that the crews were rescued."
    ),
    "and_new_actor": (
        "The governor said the power station was badly damaged, "
        "and the Polish prime minister called the strike a crime."
    ),
    "but_clause": (
        "The agency indicated that the pipeline deal would have covered gas transit, "
        "but the negotiations were reportedly halted by the shelling."
    ),
    "participle_report": (
        "She said the documents would be reviewed quickly and reported to the cabinet, "
        "and that a vote was possible within days."
    ),
    "negated": "The spokesman did not say where the drones had been launched from.",
    "embedded_question": "The ministry has not yet explained why the bridge collapsed during the night.",
    "question_ok": "The senator asked why the aid package was still blocked in committee.",
    "semicolon": (
        "The talks ended without a deal; the two delegations will meet again in March, "
        "according to the host government."
    ),
    "semicolon_clause": (
        "The mayor said nine people had been wounded in the attack; "
        "by nightfall rescuers said the number had climbed to twelve."
    ),
    "trailing_relative": "The army said its units had recaptured the village, which sits on a hill above the main supply road.",
    "made_clear": "The chancellor made clear she would not send long-range missiles this year.",
    "parenthetical": "If the shelling resumes, the commander warned on Telegram, the ceasefire will collapse within hours.",
    "relative_parenthetical": (
        "The envoy said the best option was a permanent settlement rather than a truce, "
        "which, he argued, rarely survives the first winter."
    ),
    "parenthetical_and": (
        "Early on Monday, Russia launched 40 drones at the region, the air force said, and two farm workers were injured."
    ),
    "parenthetical_modal": (
        "Conscripts who surrendered would be pardoned, the minister said, and those who deserted would face trial."
    ),
    "thought_inner": "The diplomat said he wanted to believe that the embargo would hold through the summer.",
    "past_perfect_inner": (
        "The Turkish minister said Moscow had assured Ankara that its warships would not enter the strait."
    ),
    "finding_inner": (
        "The prosecutor said an inspection of the wreckage indicated that the aircraft had been hit by a missile."
    ),
    "source_account": (
        "According to officials familiar with the talks, the president asked that the army withdraw from the river port."
    ),
    "direct_in_clause": (
        'The premier told the broadcaster that the allies were dragging their feet, "so how can we plan anything?"'
    ),
    "title_partial": (
        'The institute published a report under the title "Rebuilding the Energy Grid After the War" on Monday.'
    ),
    "relative_governor": (
        'The minister called the attack a crime that revealed again "the cruelty of this invasion" to the world.'
    ),
    "stranded_subject": (
        "A drone hit a fuel depot near the port overnight, injuring three workers, "
        "regional governor Pavlo Lysak said on Friday."
    ),
    "appositive_subject": (
        "In total, 52 people were hurt, nine of them children, Ivan Petrenko, the head of the city council, "
        "said on Telegram."
    ),
    "dateline": (
        "KHERSON, March 3 (Agency) - Ukraine's new navy chief said on Monday his ships had pushed "
        "the enemy fleet away from the coast."
    ),
    "dateline_fronted": "SEOUL — Thousands of troops have moved to the border region, the ministry said on Monday.",
    "expects_infinitive": "The central bank expects prices to fall sharply next month.",
    "explained_why": "The ministry explained why the bridge collapsed during the night.",
    "fronted_comment": (
        "Hundreds of engineers have arrived in the region to rebuild the grid, the ministry said this week, "
        "a step that signals a long recovery."
    ),
    "fronted_advcl": (
        'As the leaders walked out of the hall, the host said in French: "See you in Paris." '
        "The guest replied that he would come."
    ),
    "relay_direct": '"We are ready to sign today," the minister said at a briefing in the capital, a news agency reported.',
    "suggesting": (
        "The mayor said he hoped the bridge would reopen by spring, suggesting that repairs could be finished early."
    ),
    "apposition_comment": (
        "According to people briefed on the meeting, the general asked that the troops leave the island, "
        "a request the government has refused."
    ),
    "quoted_reason": (
        'The senator wrote on X that the sanctions would stay "as long as it takes", because "the aggressor has not stopped".'
    ),
    "because": (
        "Asked whether a deal was still possible, the president said it was, "
        "because both sides needed an end to the fighting."
    ),
    "gap_relative": "He presented a list of demands that he said would secure a lasting peace.",
    "zero_relative": "The monitors published a list of 30 villages they said had been shelled overnight.",
    "misparsed_subject": (
        "Ivan Petrenko, an adviser to the prime minister, said any plan that offered only a truce, "
        "without a withdrawal of foreign troops to the old borders, would simply freeze the conflict."
    ),
    "noun_tagged_verb": (
        'Peskov told reporters that Moscow "firmly rejects" the charges, and he urged others to wait for the facts.'
    ),
    "new_sentence": (
        'The minister told the radio station that the plan was a trick, "so why should we trust it?" '
        "He said talks were pointless."
    ),
    "split_clause": (
        "The senator's statement saying that he does not want to cut the aid is not very convincing, "
        "since it leaves room for delays."
    ),
    "reads_quotation": (
        'She addressed the crowd, saying that "now is the moment to end this war," '
        "suggesting that this was a turning point."
    ),
    "modal_conj": (
        "The spokesman said the government could not confirm the reports, "
        'but called the sinking "a heavy loss for the fleet".'
    ),
    "thought_conj": (
        'He said the army had not yet seen the new jets in action but expected that to change "within weeks".'
    ),
    "leading_if": "The governor warned that if the dam were breached the whole district would flood.",
    "comma_and_name": (
        "The air force said about 60 missiles were launched at towns across the south, many aimed at substations, "
        "and Kovalenko, the mayor of Mykolaiv, said three schools in the city had been hit."
    ),
    "hypothetical": "Under the plan, Kyiv would cut its army and write into law that it will stay neutral.",
    "split_after_abbreviation": (
        "The ministry said the column had crossed the river at 4 a.m. Kyiv time "
        "and insisted that no vehicles had been lost."
    ),
    "pp_after_mark": '"Heavy fighting goes on" in the eastern suburbs, said the regional governor on Telegram.',
    "according_conjuncts": "According to The Guardian, Poland and Hungary were due to sign the accord in May.",
    "calls_habitually": (
        'Moscow sent troops in February in what it calls a "special military operation" and still holds the south.'
    ),
    "called_once": 'He then announced what he called a "march for justice" towards the capital.',
    "name_before_verb": (
        "The two countries agreed to name teams to negotiate an end to the war, but they are no closer to "
        "arranging a meeting between Trump and Putin, Rubio said the talks were only a first step."
    ),
    "billboard": 'Residents tore down billboards that promised "a bright Russian future" to the town.',
    "tense_host": (
        'The premier was speaking after US Senator Mark Hollis on Friday denounced him as "a puppet of the '
        'oligarchs" and warned that he must "resign soon" to avoid a crisis.'
    ),
}


@pytest.fixture(scope="module")
def rules(nlp: Language) -> dict[str, list[QuoteCandidate]]:
    docs = nlp.pipe(RULE_TEXTS.values())
    return {name: find_quotes(doc) for name, doc in zip(RULE_TEXTS, docs, strict=True)}


def texts(rules: dict[str, list[QuoteCandidate]], name: str) -> list[str]:
    return [q.text for q in rules[name]]


def test_that_clause_hung_on_an_adjunct_noun_is_reported(rules: dict[str, list[QuoteCandidate]]) -> None:
    assert texts(rules, "statement_that") == ["the convoy had reached the border crossing"]


def test_coordinated_clauses_join_the_report_after_that_or_but(
    rules: dict[str, list[QuoteCandidate]],
) -> None:
    assert texts(rules, "and_that") == [
        "two patrol boats had been sunk near the island, and that the crews were rescued"
    ]
    assert texts(rules, "but_clause") == [
        "the pipeline deal would have covered gas transit, but the negotiations were reportedly halted by the shelling"
    ]
    # "…, and <someone> called it …" is the reporter's narrative
    assert texts(rules, "and_new_actor") == ["the power station was badly damaged"]


def test_a_participle_in_the_clause_does_not_start_a_new_report(
    rules: dict[str, list[QuoteCandidate]],
) -> None:
    assert texts(rules, "participle_report") == [
        "the documents would be reviewed quickly and reported to the cabinet, and that a vote was possible within days"
    ]


def test_negated_verbs_and_embedded_questions_report_nothing(rules: dict[str, list[QuoteCandidate]]) -> None:
    assert rules["negated"] == []
    assert rules["embedded_question"] == []
    assert rules["explained_why"] == []
    assert rules["expects_infinitive"] == []  # "expects prices to fall": no clause of its own
    # a question verb reports its own subject's question
    assert texts(rules, "question_ok") == ["why the aid package was still blocked in committee"]


def test_a_clause_stops_at_a_semicolon(rules: dict[str, list[QuoteCandidate]]) -> None:
    assert texts(rules, "semicolon") == ["the two delegations will meet again in March"]
    assert texts(rules, "semicolon_clause") == [
        "nine people had been wounded in the attack",
        "the number had climbed to twelve",
    ]


def test_trailing_relative_clause_in_the_present_is_the_reporters(
    rules: dict[str, list[QuoteCandidate]],
) -> None:
    assert texts(rules, "trailing_relative") == ["its units had recaptured the village"]


def test_made_clear_reports_its_clause(rules: dict[str, list[QuoteCandidate]]) -> None:
    [q] = rules["made_clear"]
    assert q.text == "she would not send long-range missiles this year"
    assert q.subject is not None and q.subject.text == "chancellor"


def test_parenthetical_attributions(rules: dict[str, list[QuoteCandidate]]) -> None:
    assert texts(rules, "parenthetical") == [
        "If the shelling resumes, the commander warned on Telegram, the ceasefire will collapse within hours"
    ]
    assert texts(rules, "relative_parenthetical") == [
        "the best option was a permanent settlement rather than a truce",
        "rarely survives the first winter",
    ]
    # a clause joined by "and" after the attribution is the reporter's, unless it keeps the speaker's modal
    assert texts(rules, "parenthetical_and") == ["Early on Monday, Russia launched 40 drones at the region"]
    assert texts(rules, "parenthetical_modal") == [
        "Conscripts who surrendered would be pardoned, the minister said, and those who deserted would face trial"
    ]


def test_nested_reports_keep_the_outer_speakers_words(rules: dict[str, list[QuoteCandidate]]) -> None:
    for name, subject in [
        ("thought_inner", "diplomat"),
        ("past_perfect_inner", "minister"),
        ("finding_inner", "prosecutor"),
        ("source_account", "officials"),
    ]:
        [q] = rules[name]
        assert q.subject is not None and q.subject.text == subject, name
    assert texts(rules, "past_perfect_inner") == [
        "Moscow had assured Ankara that its warships would not enter the strait"
    ]


def test_quotation_ending_a_reported_clause_is_part_of_it(rules: dict[str, list[QuoteCandidate]]) -> None:
    [q] = rules["direct_in_clause"]
    assert q.kind == "indirect"
    assert q.text.startswith("the allies were dragging their feet")
    [q, nxt] = rules["new_sentence"]
    assert q.kind == "indirect" and "so why should we trust it" in q.text
    assert nxt.text == "talks were pointless"


def test_a_title_in_marks_is_not_a_quote(rules: dict[str, list[QuoteCandidate]]) -> None:
    assert rules["title_partial"] == []


def test_fragment_in_a_relative_clause_belongs_to_the_describing_speaker(
    rules: dict[str, list[QuoteCandidate]],
) -> None:
    [q] = rules["relative_governor"]
    assert q.kind == "partial"
    assert q.subject is not None and q.subject.text == "minister"


def test_speaker_hung_on_the_clause_before_the_verb(rules: dict[str, list[QuoteCandidate]]) -> None:
    [q] = rules["stranded_subject"]
    assert q.text == "A drone hit a fuel depot near the port overnight, injuring three workers"
    assert q.subject is not None and q.subject.text == "Lysak"
    [q] = rules["appositive_subject"]
    assert q.text == "In total, 52 people were hurt, nine of them children"
    assert q.subject is not None and q.subject.text == "Petrenko"


def test_a_dateline_is_neither_subject_nor_clause(rules: dict[str, list[QuoteCandidate]]) -> None:
    [q] = rules["dateline"]
    assert q.subject is not None and q.subject.text == "chief"
    [q] = rules["fronted_comment"]
    assert q.text == "Hundreds of engineers have arrived in the region to rebuild the grid"
    assert texts(rules, "dateline_fronted") == ["Thousands of troops have moved to the border region"]


def test_a_time_clause_is_no_report_and_a_colon_quote_keeps_its_attribution(
    rules: dict[str, list[QuoteCandidate]],
) -> None:
    quote, reply = rules["fronted_advcl"]
    assert quote.kind == "direct" and quote.subject is not None and quote.subject.text == "host"
    assert reply.text == "he would come"


def test_a_report_relaying_a_direct_quote_is_not_a_second_quote(
    rules: dict[str, list[QuoteCandidate]],
) -> None:
    [q] = rules["relay_direct"]
    assert q.kind == "direct" and q.subject is not None and q.subject.text == "minister"


def test_comments_after_the_clause_are_left_out(rules: dict[str, list[QuoteCandidate]]) -> None:
    assert texts(rules, "suggesting") == [
        "he hoped the bridge would reopen by spring",
        "repairs could be finished early",
    ]
    assert texts(rules, "apposition_comment") == ["the general asked that the troops leave the island"]
    # the reporter reading a quotation ("…,” suggesting that …") is no report
    assert [q.kind for q in rules["reads_quotation"]] == ["direct"]


def test_reasons_given_by_the_speaker_join_the_clause(rules: dict[str, list[QuoteCandidate]]) -> None:
    assert texts(rules, "quoted_reason") == [
        'the sanctions would stay "as long as it takes", because "the aggressor has not stopped"'
    ]
    assert texts(rules, "because") == ["it was, because both sides needed an end to the fighting"]


def test_relative_clause_gaps(rules: dict[str, list[QuoteCandidate]]) -> None:
    assert texts(rules, "gap_relative") == ["would secure a lasting peace"]
    assert rules["zero_relative"] == []  # no clause of its own: the reporter's noun phrase


def test_parser_slips_inside_the_clause(rules: dict[str, list[QuoteCandidate]]) -> None:
    assert texts(rules, "misparsed_subject") == [
        "any plan that offered only a truce, without a withdrawal of foreign troops to the old borders, "
        "would simply freeze the conflict"
    ]
    assert texts(rules, "noun_tagged_verb") == ['Moscow "firmly rejects" the charges']
    assert texts(rules, "split_clause") == ["he does not want to cut the aid"]
    assert texts(rules, "leading_if") == ["if the dam were breached the whole district would flood"]


def test_coordinated_verbs_the_clause_cannot_own(rules: dict[str, list[QuoteCandidate]]) -> None:
    # "could not confirm … but called": a past form cannot stand under the modal
    quote, fragment = rules["modal_conj"]
    assert quote.text == "the government could not confirm the reports"
    assert fragment.kind == "partial"
    # a thinking verb sharing the clause's subject stays in the clause
    assert texts(rules, "thought_conj") == [
        'the army had not yet seen the new jets in action but expected that to change "within weeks"'
    ]


def test_subjectless_conjunct_takes_the_subject_of_its_tense_twin(
    rules: dict[str, list[QuoteCandidate]],
) -> None:
    warned = [q for q in rules["tense_host"] if q.kind == "indirect"]
    assert [q.subject.text if q.subject is not None else None for q in warned] == ["Hollis"]


def test_a_name_after_comma_and_is_the_subject_of_the_verb_after_it(
    rules: dict[str, list[QuoteCandidate]],
) -> None:
    quotes = {q.text: q.subject.text if q.subject is not None else None for q in rules["comma_and_name"]}
    assert quotes["three schools in the city had been hit"] == "Kovalenko"


def test_a_reporting_verb_under_a_modal_reports_nothing_yet(rules: dict[str, list[QuoteCandidate]]) -> None:
    assert rules["hypothetical"] == []


def test_a_sentence_split_after_an_abbreviation_keeps_the_subject(
    rules: dict[str, list[QuoteCandidate]],
) -> None:
    insisted = [
        q for q in rules["split_after_abbreviation"] if q.verb is not None and q.verb.lemma_ == "insist"
    ]
    assert [q.text for q in insisted] == ["no vehicles had been lost"]
    assert insisted[0].subject is not None and insisted[0].subject.text == "ministry"


def test_marks_followed_by_a_phrase_of_the_sentence_stay_in_the_clause(
    rules: dict[str, list[QuoteCandidate]],
) -> None:
    [q] = rules["pp_after_mark"]
    assert q.kind == "indirect" and q.text == '"Heavy fighting goes on" in the eastern suburbs'


def test_names_after_the_source_of_according_to_are_the_clauses(
    rules: dict[str, list[QuoteCandidate]],
) -> None:
    [q] = rules["according_conjuncts"]
    assert q.text == "Poland and Hungary were due to sign the accord in May"
    assert q.subject is not None and q.subject.text == "Guardian"


def test_a_habitual_name_in_marks_is_no_quote_but_words_called_once_are(
    rules: dict[str, list[QuoteCandidate]],
) -> None:
    assert rules["calls_habitually"] == []
    assert texts(rules, "called_once") == ["march for justice"]


def test_a_name_before_a_subjectless_verb_is_its_subject(rules: dict[str, list[QuoteCandidate]]) -> None:
    [q] = rules["name_before_verb"]
    assert q.text == "the talks were only a first step"
    assert q.subject is not None and q.subject.text == "Rubio"


def test_words_of_a_billboard_belong_to_the_billboard(rules: dict[str, list[QuoteCandidate]]) -> None:
    [q] = rules["billboard"]
    assert q.kind == "partial" and q.subject is not None and q.subject.lemma_ == "billboard"


def test_a_clause_holding_a_quotation_and_its_attribution_relays_it(nlp: Language) -> None:
    from peacewire.extract.quotes import _relays

    doc = nlp('"We are ready," the minister said in Ankara, a state news agency reported.')
    [direct] = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert direct.pair is not None and direct.verb is not None
    relaying = QuoteCandidate("indirect", 0, len(doc.text) - 1, doc.text[:-1], doc[-2], doc[-4])
    assert _relays(relaying, direct)
    after = direct.verb.idx + len(direct.verb.text)
    assert not _relays(QuoteCandidate("indirect", after, len(doc.text) - 1, doc.text[after:-1]), direct)
