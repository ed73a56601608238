"""Guard on the shared dev set: cleaning never eats annotated article text.

Every gold quote's words must still be in the cleaned text, in order (quote
marks and spacing aside: gold texts drop the marks that open and close a
quote).  The dev texts are read here, never copied into the project.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from peacewire.ingest import read_inputs
from peacewire.records import Article


def _words(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).lower()
    return " " + " ".join(re.findall(r"\w+", s)) + " "


def test_every_gold_quote_survives_cleaning(dev_dir: Path) -> None:
    items = list(read_inputs([str(dev_dir)]))
    articles = {x.id: x for x in items if isinstance(x, Article)}
    failures = [x for x in items if not isinstance(x, Article)]
    assert not failures, failures
    golds = sorted(dev_dir.glob("*.gold.json"))
    assert golds
    lost = []
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = articles[gold["id"]]
        text = _words(article.text)
        lost += [(gold["id"], q["text"]) for q in gold["quotes"] if _words(q["text"]) not in text]
    assert not lost, lost


def test_dev_titles_match_gold_where_gold_has_one(dev_dir: Path) -> None:
    articles = {x.id: x for x in read_inputs([str(dev_dir)]) if isinstance(x, Article)}
    for gold_path in sorted(dev_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("title"):
            a = articles[gold["id"]]
            assert (a.title, a.tags) == (gold["title"], gold.get("tags", [])), gold["id"]
