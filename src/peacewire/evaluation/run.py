"""Extract every annotated article of a gold directory and score the result.

The articles go through the same path as `peacewire extract` (ingest's
`read_inputs`, then the extractor), so the figures measure what users get.
Each prediction takes the id of its gold file's stem, so a gold is always
paired with the extraction of the article beside it.  A gold whose article is
missing, unreadable or failed extraction is scored as having no prediction,
and the reason is kept for the report: nothing is dropped silently.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peacewire.batch import BatchExtractor
from peacewire.evaluation.files import ARTICLE_SUFFIXES, GoldCase, load_gold_cases
from peacewire.evaluation.metrics import Evaluation, score_pairs
from peacewire.ingest import read_inputs
from peacewire.records import Article, Failure


@dataclass
class EvalRun:
    """The outcome of evaluating a gold directory."""

    evaluation: Evaluation
    cases: list[GoldCase]
    predictions: list[dict[str, Any]]
    """The extraction records (as JSON), in gold-file order."""
    failures: list[Failure] = field(default_factory=list)
    """Why some golds have no prediction: missing article, ingest or extraction failure."""


def read_case_article(case: GoldCase) -> Article | Failure:
    """The article of one gold, read by ingest and given the gold's name as its id."""
    if case.article_path is None:
        wanted = " or ".join(f"{case.name}{s}" for s in ARTICLE_SUFFIXES)
        return Failure(
            source=str(case.gold_path), id=case.name, reason=f"no article file ({wanted}) beside the gold"
        )
    items = list(read_inputs([str(case.article_path)]))
    articles = [x for x in items if isinstance(x, Article)]
    failures = [x for x in items if isinstance(x, Failure)]
    if len(articles) == 1 and not failures:
        return dataclasses.replace(articles[0], id=case.name)
    if failures:
        first = failures[0]
        return Failure(source=first.source or str(case.article_path), id=case.name, reason=first.reason)
    return Failure(
        source=str(case.article_path),
        id=case.name,
        reason=f"expected one article, ingest read {len(articles)}",
    )


def evaluate_gold_dir(
    gold_dir: Path,
    extractor: BatchExtractor,
    on_extracted: Callable[[str], None] | None = None,
) -> EvalRun:
    """Extract the articles of `gold_dir` and score them against their golds.

    Raises `EvaluationInputError` when the directory holds no readable gold.
    """
    return evaluate_cases(load_gold_cases(gold_dir), extractor, on_extracted)


def evaluate_cases(
    cases: Sequence[GoldCase],
    extractor: BatchExtractor,
    on_extracted: Callable[[str], None] | None = None,
) -> EvalRun:
    """Extract the article of each gold case and score it against its gold.

    `on_extracted` is called with each article's id once it is extracted (or
    has failed), e.g. to advance a progress bar.
    """
    failures: list[Failure] = []
    articles: list[Article] = []
    for case in cases:
        item = read_case_article(case)
        if isinstance(item, Failure):
            failures.append(item)
            if on_extracted:
                on_extracted(case.name)
        else:
            articles.append(item)

    by_name: dict[str, dict[str, Any]] = {}
    for out in extractor.extract_many(articles):
        if isinstance(out, Failure):
            failures.append(out)
            name = out.id or ""
        else:
            name = out.article.id
            by_name[name] = out.to_json()
        if on_extracted:
            on_extracted(name)

    evaluation = score_pairs((case.gold, by_name.get(case.name)) for case in cases)
    predictions = [by_name[case.name] for case in cases if case.name in by_name]
    order = {case.name: n for n, case in enumerate(cases)}
    failures.sort(key=lambda f: order.get(f.id or "", len(order)))
    return EvalRun(evaluation=evaluation, cases=list(cases), predictions=predictions, failures=failures)
