"""Event extraction on the dev set, scored by the official scorer.

    .venv/bin/python bench/events_dev.py [DEV_DIR] [--out PREDS.jsonl] [-v]

Every dev article (NAME.txt with its NAME.meta.json) is read through the
ingest stage, parsed once, given an actor table and its events; the records
(with empty quotes and positions) are written as JSON Lines and
shared/eval/score.py is run on them.  The attack and arms-transfer lines of
the score are printed; -v also prints the scorer's list of misses and every
predicted event.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from peacewire.extract.actors import build_actor_table
from peacewire.extract.events import extract_events
from peacewire.extract.gazetteer import load_gazetteer
from peacewire.nlp import load_pipeline
from peacewire.records import Article, ExtractionRecord

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT.parent / "shared" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
EVENT_LINES = ("attacks", "arms_transfers", "casualties exact", "transfer quantity", "articles")


def read_articles(dev: Path) -> Iterator[Article]:
    """The dev articles through the ingest stage (plain files as a fallback)."""
    paths = sorted(dev.glob("*.txt"))
    try:
        from peacewire.ingest.sources import read_inputs
    except ImportError:  # pragma: no cover - before the ingest stage exists
        for p in paths:
            meta_path = p.with_name(p.stem + ".meta.json")
            meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
            yield Article(
                id=p.stem, text=p.read_text(encoding="utf-8"), source=str(p), published=meta.get("published")
            )
        return
    for item in read_inputs([str(p) for p in paths]):
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
    dev = Path(args[0]) if args else DEFAULT_DEV
    nlp = load_pipeline()
    gaz = load_gazetteer()
    articles = list(read_articles(dev))
    records = []
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True):
        table = build_actor_table(doc, gaz, published=article.published)
        events = extract_events(doc, table, article)
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
    cmd = [sys.executable, str(SCORER), str(dev), str(out_path)] + (["--verbose"] if verbose else [])
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    for line in res.stdout.splitlines():
        if verbose and (": missed attack" in line or ": killed" in line or ": injured" in line):
            print(line)
        if line.startswith(EVENT_LINES):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
