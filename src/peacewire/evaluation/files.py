"""Reading gold annotations and prediction files from disk.

A gold directory holds NAME.gold.json files, with the article beside each
(NAME.txt, NAME.html or NAME.htm, and an optional NAME.meta.json).  A
prediction file holds one extraction record per line, found by its `id` or,
as the official scorer allows, by the file-name stem of its `path`/`source`;
its lines are read as ingest reads a JSON Lines feed (`ingest.sources`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peacewire.ingest.raw import InputError
from peacewire.ingest.sources import bounded_lines, json_records

GOLD_SUFFIX = ".gold.json"
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
"""Where the article of NAME.gold.json is looked for, in this order."""


class EvaluationInputError(ValueError):
    """A gold directory or prediction file that cannot be read; the message names it."""


@dataclass(frozen=True)
class GoldCase:
    """One annotated article: its gold, and the article file beside it (None when absent)."""

    name: str
    """The file-name stem shared by the gold and the article."""
    gold_path: Path
    gold: dict[str, Any]
    article_path: Path | None


def gold_name(path: Path) -> str:
    return path.name[: -len(GOLD_SUFFIX)]


def find_article(gold_dir: Path, name: str) -> Path | None:
    """The article file NAME.txt / NAME.html / NAME.htm next to a gold, if there is one."""
    for suffix in ARTICLE_SUFFIXES:
        candidate = gold_dir / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def load_gold_cases(gold_dir: Path) -> list[GoldCase]:
    """Every NAME.gold.json of `gold_dir`, in file-name order (the scorer's order).

    Raises EvaluationInputError when the directory is missing, holds no gold,
    or a gold file is not a JSON object with an `id`.
    """
    if not gold_dir.is_dir():
        raise EvaluationInputError(f"{gold_dir}: not a directory")
    cases = []
    for path in sorted(gold_dir.glob(f"*{GOLD_SUFFIX}")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise EvaluationInputError(f"{path}: cannot read gold: {e}") from e
        if not isinstance(gold, dict) or not isinstance(gold.get("id"), str):
            raise EvaluationInputError(f"{path}: a gold file must be a JSON object with a string `id`")
        name = gold_name(path)
        cases.append(GoldCase(name, path, gold, find_article(gold_dir, name)))
    if not cases:
        raise EvaluationInputError(f"{gold_dir}: no *{GOLD_SUFFIX} files")
    return cases


def prediction_keys(record: Mapping[str, Any]) -> list[str]:
    """The ids a prediction answers to: its `id`, and the stems of `path` and `source`."""
    keys = [record.get("id")]
    for k in ("path", "source"):
        value = record.get(k)
        if isinstance(value, str):
            keys.append(Path(value).name.split(".")[0])
    return [str(k) for k in keys if k]


def index_predictions(records: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """Predictions keyed by every id they answer to; a later record wins a shared key."""
    out: dict[str, Mapping[str, Any]] = {}
    for record in records:
        for key in prediction_keys(record):
            out[key] = record
    return out


def load_predictions(path: Path) -> dict[str, Mapping[str, Any]]:
    """Read a JSON Lines prediction file; raise EvaluationInputError naming the bad line."""
    records = []
    try:
        with open(path, "rb") as f:
            for n, record in json_records(bounded_lines(f)):
                if isinstance(record, InputError):
                    raise EvaluationInputError(f"{path}:{n}: {record}") from record
                records.append(record)
    except OSError as e:
        raise EvaluationInputError(f"{path}: cannot read predictions: {e}") from e
    return index_predictions(records)
