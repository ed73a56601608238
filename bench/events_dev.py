"""Event extraction on a gold directory (the dev set by default), scored by the official scorer.

    .venv/bin/python bench/events_dev.py [GOLD_DIR] [--out PREDS.jsonl] [-v]

Every article beside a NAME.gold.json (NAME.txt or NAME.html, with its
NAME.meta.json) is read through the ingest stage, parsed once, given an actor
table and its events; the records (with empty quotes and positions) are
written as JSON Lines and shared/eval/score.py is run on them.  The attack and
arms-transfer lines of the score are printed; -v also prints the scorer's list
of misses and every predicted event.  The time spent in `extract_events` alone
(parsing and actor tables excluded) is printed too.

    .venv/bin/python bench/events_dev.py corpus/sample -v
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from peacewire.evaluation.files import load_gold_cases
from peacewire.evaluation.run import read_case_article
from peacewire.extract.actors import build_actor_table
from peacewire.extract.events import event_gates, extract_events
from peacewire.extract.gazetteer import load_gazetteer
from peacewire.extract.locations import place_index
from peacewire.extract.weapons import weapon_lexicon
from peacewire.nlp import load_pipeline
from peacewire.records import Article, ExtractionRecord

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT.parent / "shared" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
EVENT_LINES = ("attacks", "arms_transfers", "casualties exact", "transfer quantity", "articles")


def read_articles(gold_dir: Path) -> Iterator[Article]:
    """The articles of the golds, read by the ingest stage and named after their gold."""
    for case in load_gold_cases(gold_dir):
        item = read_case_article(case)
        if isinstance(item, Article):
            yield item
        else:
            print(f"ingest failure: {item.source}: {item.reason}", file=sys.stderr)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    out_path: Path | None = None
    if "--out" in args:
        k = args.index("--out")
        out_path = Path(args[k + 1])
        del args[k : k + 2]
    gold_dir = Path(args[0]) if args else DEFAULT_DEV
    nlp = load_pipeline()
    gaz = load_gazetteer()
    event_gates(), weapon_lexicon(), place_index()  # loaded once per process: not timed
    articles = list(read_articles(gold_dir))
    records = []
    spent = 0.0
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True):
        table = build_actor_table(doc, gaz, published=article.published)
        t0 = time.process_time()
        events = extract_events(doc, table, article)
        spent += time.process_time() - t0
        records.append(ExtractionRecord(article=article, actors=list(table.actors), events=events))
        if verbose:
            for e in events:
                ev = e.to_json()
                s, t = ev.pop("span")
                print(f"{article.id}: {json.dumps(ev)}\n    <- {article.text[s:t][:150]!r}")
    if out_path is None:
        tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
        out_path = Path(tmp.name)
        tmp.close()
    with open(out_path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(SCORER), str(gold_dir), str(out_path)] + (["--verbose"] if verbose else [])
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    for line in res.stdout.splitlines():
        if verbose and (": missed attack" in line or ": killed" in line or ": injured" in line):
            print(line)
        if line.startswith(EVENT_LINES):
            print(line)
    if articles:
        per_article = 1000 * spent / len(articles)
        print(f"extract_events: {per_article:.2f} ms/article (CPU; parsing and lexicons excluded)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
