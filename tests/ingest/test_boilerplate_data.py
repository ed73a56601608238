"""The boilerplate data file: it parses, every rule explains itself, prose never matches."""

from __future__ import annotations

import pytest

from peacewire.ingest.boilerplate import BoilerplateDataError, load_rules, match_rule, parse_rules

PROSE = [
    "Negotiators met for a third day on Tuesday, and the host government said the talks had made progress.",
    '"We are closer than we were a week ago," the chief mediator told reporters.',
    "By Monday evening the convoy had reached the river crossing, officials said.",
    "The minister said the photos published by the agency showed the damaged bridge.",
    "Read the full statement, the spokesperson urged journalists at the briefing.",
    "He said the report, first published by the agency, was accurate.",
    "Share prices fell after the announcement, traders said.",
    "The ministry said it would accept the proposal if the shelling stopped.",
]


def test_packaged_rules_load_and_explain_themselves() -> None:
    rules = load_rules()
    assert len(rules) >= 10
    for rule in rules:
        assert rule.why, rule.name
        assert rule.max_words > 0 and rule.patterns


@pytest.mark.parametrize("line", PROSE)
def test_prose_is_never_boilerplate(line: str) -> None:
    assert match_rule(line) is None


def test_vocab_lists_expand_and_unknown_ones_are_errors() -> None:
    rules = parse_rules(
        {
            "vocab": {"things": ["Alpha", "Beta"]},
            "rules": [{"name": "t", "why": "w", "max_words": 3, "patterns": ["{things}"]}],
        }
    )
    assert rules[0].matches("beta") and not rules[0].matches("gamma")
    with pytest.raises(BoilerplateDataError):
        parse_rules({"rules": [{"name": "t", "why": "w", "max_words": 3, "patterns": ["{missing}"]}]})


def test_max_words_keeps_rules_off_long_lines() -> None:
    rules = parse_rules({"rules": [{"name": "t", "why": "w", "max_words": 2, "patterns": [".*cookies.*"]}]})
    assert rules[0].matches("cookies accepted")
    assert not rules[0].matches("the crew baked cookies for the soldiers")


def test_a_cut_sentence_opening_with_by_is_not_a_byline() -> None:
    assert match_rule("By the evening rescuers had pulled a dozen people from the") is None
    assert match_rule("By Jane Example") is not None
