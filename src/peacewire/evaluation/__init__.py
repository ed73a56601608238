"""Evaluation: how close extraction records come to gold annotations.

The metrics are the official scorer's (shared/eval/score.py), over plain
dicts, so any records can be scored::

    from peacewire.evaluation import score_predictions, load_gold_cases, load_predictions
    cases = load_gold_cases(Path("gold"))
    result = score_predictions([c.gold for c in cases], load_predictions(Path("out.jsonl")))
    result.metrics["overall"]

`peacewire.evaluation.run.evaluate_gold_dir` extracts a gold directory's
articles first (the `peacewire eval` command); it is kept out of this module
so that scoring alone loads neither ingest nor spaCy.
"""

from peacewire.evaluation.files import (
    EvaluationInputError,
    GoldCase,
    index_predictions,
    load_gold_cases,
    load_predictions,
)
from peacewire.evaluation.matching import QUOTE_MATCH, greedy, names_match, token_f1
from peacewire.evaluation.metrics import (
    ArticleScore,
    Evaluation,
    Finding,
    metrics_from_counts,
    score_article,
    score_pairs,
    score_predictions,
)

__all__ = [
    "QUOTE_MATCH",
    "ArticleScore",
    "Evaluation",
    "EvaluationInputError",
    "Finding",
    "GoldCase",
    "greedy",
    "index_predictions",
    "load_gold_cases",
    "load_predictions",
    "metrics_from_counts",
    "names_match",
    "score_article",
    "score_pairs",
    "score_predictions",
    "token_f1",
]
