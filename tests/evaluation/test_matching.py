"""Edge cases of how predictions are paired with gold items (hand-written dicts, our own words)."""

from __future__ import annotations

import pytest

from peacewire.evaluation.matching import fold, greedy, names_match, token_f1, tokens

ACTORS = [
    {"name": "Anna Kovalenko", "aliases": ["the deputy minister"], "type": "person"},
    {"name": "Freedonia", "aliases": ["Freedonian forces"], "type": "state"},
]


def test_fold_strips_accents_and_curly_quotes() -> None:
    assert fold("Éléonore’s “plan”") == 'eleonore\'s "plan"'
    assert fold(None) == ""


def test_tokens_ignore_punctuation_and_case() -> None:
    assert tokens("We will NOT, ever, retreat!") == ["we", "will", "not", "ever", "retreat"]


def test_token_f1_identical_disjoint_and_empty() -> None:
    assert token_f1("the talks resume on Monday", "The talks resume on Monday.") == 1.0
    assert token_f1("bridges and roads", "grain exports") == 0.0
    assert token_f1("", "anything") == 0.0
    assert token_f1("...", "anything") == 0.0


def test_token_f1_counts_repeated_tokens_once_each() -> None:
    # "no" twice in the prediction, once in gold: only one can be matched
    f1 = token_f1("no no deal", "no deal")
    p, r = 2 / 3, 1.0
    assert f1 == pytest.approx(2 * p * r / (p + r))


def test_token_f1_threshold_boundary() -> None:
    # 3 of 5 predicted tokens found in a 5-token gold: exactly 0.6 counts as a match
    assert token_f1("one two three four five", "one two three six seven") == pytest.approx(0.6)


def test_names_match_none_only_matches_none() -> None:
    assert names_match(None, None, ACTORS)
    assert not names_match("Freedonia", None, ACTORS)
    assert not names_match(None, "Freedonia", ACTORS)


def test_names_match_by_alias_and_surname() -> None:
    assert names_match("the deputy minister", "Anna Kovalenko", ACTORS)
    assert names_match("Kovalenko", "Anna Kovalenko", ACTORS)
    assert names_match("Freedonian forces", "Freedonia", ACTORS)
    assert not names_match("Sylvania", "Freedonia", ACTORS)


def test_names_match_tolerates_a_spelling_variant_of_the_surname() -> None:
    assert names_match("Kovalenco", "Anna Kovalenko", ACTORS)
    assert not names_match("Kovacs", "Anna Kovalenko", ACTORS)


def test_names_match_short_surname_is_not_enough() -> None:
    # a last word of 3 letters or fewer is too weak to stand for a surname
    actors = [{"name": "Ivan Lee", "aliases": [], "type": "person"}]
    assert not names_match("Lee", "Ivan Lee", actors)


def test_names_match_gold_without_actor_entry_compares_as_is() -> None:
    assert names_match("Port Avalon", "Port  Avalon", [])
    assert not names_match("Port Avalon", "Hill Town", [])


def test_names_match_empty_prediction_never_matches() -> None:
    assert not names_match("", "Freedonia", ACTORS)
    assert not names_match("!!", "Freedonia", ACTORS)


def test_greedy_is_one_to_one_best_first() -> None:
    pairs = [(0.7, 0, 0), (0.9, 1, 0), (0.8, 0, 1)]
    assert sorted(greedy(pairs)) == [(0, 1), (1, 0)]


def test_greedy_ties_go_to_higher_indices() -> None:
    # the official scorer sorts (score, i, j) descending: ties favour the later prediction
    assert greedy([(1.0, 0, 0), (1.0, 1, 0)]) == [(1, 0)]
    assert greedy([(1.0, 0, 0), (1.0, 0, 1)]) == [(0, 1)]


def test_greedy_empty() -> None:
    assert greedy([]) == []
