"""Metrics over small hand-written gold and prediction dicts (our own invented articles)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from peacewire.evaluation import (
    EvaluationInputError,
    index_predictions,
    load_gold_cases,
    load_predictions,
    score_article,
    score_pairs,
    score_predictions,
)

GOLD: dict[str, Any] = {
    "id": "t1",
    "actors": [
        {"name": "Anna Kovalenko", "aliases": ["the deputy minister"], "type": "person"},
        {"name": "Freedonia", "aliases": [], "type": "state"},
        {"name": "Sylvania", "aliases": [], "type": "state"},
    ],
    "quotes": [
        {
            "speaker": "Anna Kovalenko",
            "text": "we will never trade the harbour for a pause",
            "kind": "direct",
        },
        {"speaker": "Freedonia", "text": "talks could resume after the harvest festival", "kind": "indirect"},
    ],
    "positions": [
        {"holder": "Freedonia", "issue": "ceasefire", "stance": "oppose", "qualifiers": []},
        {"holder": "Sylvania", "issue": "sanctions", "stance": "support", "qualifiers": ["past"]},
    ],
    "events": [
        {"type": "attack", "location": "Port Avalon", "killed": {"value": 4, "qualifier": "at_least"}},
        {
            "type": "arms_transfer",
            "supplier": "Sylvania",
            "recipient": "Freedonia",
            "quantity": {"value": 12},
        },
        {"type": "territorial_control", "controller": "Freedonia"},
    ],
}


def pred_from_gold() -> dict[str, Any]:
    return copy.deepcopy(GOLD)


def test_perfect_prediction_scores_one_everywhere() -> None:
    ev = score_pairs([(GOLD, pred_from_gold())])
    m = ev.metrics
    for key in ("quotes", "quotes_end_to_end", "positions", "attacks", "arms_transfers"):
        assert m[key]["f1"] == 1.0, key
    assert m["overall"] == 1.0
    assert m["quotes_recall_by_kind"] == {"direct": 1.0, "indirect": 1.0, "partial": None}
    assert m["killed_exact"] == 1.0 and m["injured_exact"] is None
    assert m["transfer_quantity"] == 1.0
    assert ev.findings == [] and ev.missing == []


def test_nothing_to_find_and_nothing_found_is_perfect() -> None:
    ev = score_pairs([({"id": "empty"}, {})])
    assert ev.metrics["quotes"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 0, "pred": 0, "gold": 0}
    assert ev.metrics["speaker_accuracy"] is None


def test_wrong_speaker_counts_for_detection_not_end_to_end() -> None:
    pred = pred_from_gold()
    pred["quotes"][0]["speaker"] = "Sylvania"
    ev = score_pairs([(GOLD, pred)])
    assert ev.metrics["quotes"]["tp"] == 2
    assert ev.metrics["quotes_end_to_end"]["tp"] == 1
    assert ev.metrics["speaker_accuracy"] == 0.5
    [finding] = ev.findings
    assert (finding.category, finding.problem) == ("quote", "speaker")
    assert "'Sylvania' != 'Anna Kovalenko'" in finding.message


def test_speaker_given_by_alias_is_right() -> None:
    pred = pred_from_gold()
    pred["quotes"][0]["speaker"] = "the deputy minister"
    assert score_pairs([(GOLD, pred)]).metrics["speaker_accuracy"] == 1.0


def test_quote_below_threshold_is_a_miss_and_a_spurious() -> None:
    pred = pred_from_gold()
    pred["quotes"][1]["text"] = "the festival"
    ev = score_pairs([(GOLD, pred)])
    assert ev.metrics["quotes"]["tp"] == 1
    assert ev.metrics["quotes_recall_by_kind"]["indirect"] == 0.0
    assert ev.metrics["quotes_recall_by_kind"]["direct"] == 1.0
    problems = {(f.category, f.problem) for f in ev.findings}
    assert problems == {("quote", "missed"), ("quote", "spurious")}


def test_quote_at_exactly_the_threshold_matches() -> None:
    gold = {
        "id": "edge",
        "quotes": [{"speaker": None, "text": "the convoy left at dawn", "kind": "indirect"}],
    }
    pred = {"quotes": [{"speaker": None, "text": "the convoy left before noon"}]}  # token F1 = 0.6
    assert score_pairs([(gold, pred)]).metrics["quotes"]["tp"] == 1


def test_one_prediction_cannot_match_two_golds() -> None:
    gold = {"id": "dup", "quotes": [{"speaker": None, "text": "hold the line", "kind": "direct"}] * 2}
    pred = {"quotes": [{"speaker": None, "text": "hold the line"}]}
    m = score_pairs([(gold, pred)]).metrics
    assert (m["quotes"]["tp"], m["quotes"]["p"], m["quotes"]["r"]) == (1, 1.0, 0.5)


def test_position_past_qualifier_must_agree() -> None:
    pred = pred_from_gold()
    pred["positions"][1]["qualifiers"] = []
    ev = score_pairs([(GOLD, pred)])
    assert ev.metrics["positions"]["tp"] == 1
    messages = [f.message for f in ev.findings]
    assert messages == [
        "t1: missed position Sylvania/sanctions/support/past",
        "t1: spurious position Sylvania/sanctions/support",
    ]


def test_attack_casualty_value_and_qualifier() -> None:
    pred = pred_from_gold()
    pred["events"][0]["killed"] = {"value": 4, "qualifier": "exact"}
    m = score_pairs([(GOLD, pred)]).metrics
    assert m["attacks"]["tp"] == 1 and m["killed_exact"] == 0.0

    pred["events"][0]["killed"] = {"value": 5, "qualifier": "at_least"}
    ev = score_pairs([(GOLD, pred)])
    assert ev.metrics["killed_exact"] == 0.0
    assert [(f.category, f.problem) for f in ev.findings] == [("attack", "killed")]


def test_attacks_without_location_pair_only_with_each_other() -> None:
    gold = {"id": "nowhere", "events": [{"type": "attack", "location": None}]}
    assert score_pairs([(gold, {"events": [{"type": "attack"}]})]).metrics["attacks"]["tp"] == 1
    ev = score_pairs([(gold, {"events": [{"type": "attack", "location": "Port Avalon"}]})])
    assert ev.metrics["attacks"]["tp"] == 0
    assert {f.problem for f in ev.findings} == {"missed", "spurious"}


def test_transfer_direction_and_quantity() -> None:
    pred = pred_from_gold()
    pred["events"][1]["quantity"] = {"value": 10, "qualifier": "exact"}
    ev = score_pairs([(GOLD, pred)])
    assert ev.metrics["arms_transfers"]["tp"] == 1 and ev.metrics["transfer_quantity"] == 0.0
    assert [f.problem for f in ev.findings] == ["quantity"]

    pred["events"][1].update(supplier="Freedonia", recipient="Sylvania")
    assert score_pairs([(GOLD, pred)]).metrics["arms_transfers"]["tp"] == 0


def test_territorial_control_is_not_scored() -> None:
    pred = pred_from_gold()
    pred["events"] = pred["events"][:2]
    assert score_pairs([(GOLD, pred)]).findings == []


def test_overall_is_mean_of_three_f1() -> None:
    pred = pred_from_gold()
    pred["positions"] = []
    m = score_pairs([(GOLD, pred)]).metrics
    assert m["positions"]["f1"] == 0.0
    assert m["overall"] == round((1.0 + 0.0 + 1.0) / 3, 4)


def test_counts_are_micro_averaged_over_articles() -> None:
    other = {
        "id": "t2",
        "quotes": [{"speaker": None, "text": "a quiet night on the front", "kind": "direct"}],
    }
    ev = score_pairs([(GOLD, pred_from_gold()), (other, {"quotes": []})])
    assert ev.metrics["quotes"]["r"] == round(2 / 3, 4)
    assert ev.metrics["articles"] == 2


def test_missing_prediction_is_listed_and_scored_as_empty() -> None:
    ev = score_predictions([GOLD], {})
    assert ev.missing == ["t1"] and ev.metrics["missing_predictions"] == ["t1"]
    assert ev.metrics["quotes"]["r"] == 0.0


def test_score_article_accepts_null_lists() -> None:
    result = score_article(GOLD, {"quotes": None, "positions": None, "events": None})
    assert result.counts["q_gold"] == 2 and result.counts["q_pred"] == 0


def test_index_predictions_by_id_and_source_stem() -> None:
    index = index_predictions([{"id": "x1"}, {"source": "/data/in/x2.meta.txt"}, {"path": "x3.html"}])
    assert set(index) == {"x1", "x2", "x3"}


def test_load_predictions_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "a"}\n\nnot json\n', encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=r"p\.jsonl:3: not JSON"):
        load_predictions(path)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"id": "a"}\n[1, 2]\n', r"p\.jsonl:2: not a JSON object"),
        (b'{"id": "a"}\n{"id": "caf\xe9"}\n', r"p\.jsonl:2: not UTF-8 text \(byte 0xe9"),
    ],
)
def test_load_predictions_reads_lines_as_ingest_reads_a_feed(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "p.jsonl"
    path.write_bytes(data)
    with pytest.raises(EvaluationInputError, match=reason):
        load_predictions(path)
    path.write_bytes(b'\xef\xbb\xbf{"id": "a"}\n\n{"source": "in/b.txt"}\n')  # a byte-order mark is dropped
    assert set(load_predictions(path)) == {"a", "b"}


def test_load_gold_cases_finds_articles_beside_golds(tmp_path: Path) -> None:
    (tmp_path / "b.gold.json").write_text(json.dumps({"id": "b"}), encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({"id": "a"}), encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    cases = load_gold_cases(tmp_path)
    assert [c.name for c in cases] == ["a", "b"]
    assert cases[0].article_path == tmp_path / "a.html" and cases[1].article_path is None


def test_load_gold_cases_rejects_empty_dir_and_bad_gold(tmp_path: Path) -> None:
    with pytest.raises(EvaluationInputError, match="no \\*.gold.json"):
        load_gold_cases(tmp_path)
    (tmp_path / "bad.gold.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(EvaluationInputError, match="bad.gold.json"):
        load_gold_cases(tmp_path)
