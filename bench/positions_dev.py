"""Position extraction on the dev set, scored by the official scorer.

    .venv/bin/python bench/positions_dev.py [GOLD_DIR] [--out PREDS.jsonl] [--show]

GOLD_DIR defaults to shared/dev; corpus/sample works too.  Each article with
a gold file (NAME.txt / .html / .htm + NAME.meta.json) is read through
`peacewire.ingest.read_inputs`, parsed once, given its actor table and quotes
exactly as `peacewire.extract.record` builds them, and then its positions.
The records are written as JSON Lines and scored with
`shared/eval/score.py --verbose`; the position lines of its log and the
position figures are printed.  `--show` also prints every predicted position
with the text it was read from.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from peacewire.extract.actors import build_actor_table
from peacewire.extract.gazetteer import load_gazetteer
from peacewire.extract.positions import extract_positions
from peacewire.extract.record import extract_quotes, participants
from peacewire.ingest import read_inputs
from peacewire.nlp import load_pipeline
from peacewire.records import Article, ExtractionRecord

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT.parent / "shared" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def read_dev(dev: Path) -> list[Article]:
    """The articles that have a gold file (NAME.txt, NAME.html or NAME.htm beside NAME.gold.json)."""
    paths: list[str] = []
    for gold in sorted(dev.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        found = [
            dev / f"{stem}{ext}" for ext in (".txt", ".html", ".htm") if (dev / f"{stem}{ext}").is_file()
        ]
        paths.extend(str(p) for p in found[:1])
    articles: list[Article] = []
    for item in read_inputs(paths):
        if isinstance(item, Article):
            articles.append(item)
        else:
            print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
    return articles


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev", nargs="?", type=Path, default=DEFAULT_DEV)
    ap.add_argument(
        "--out", type=Path, default=None, help="where to write the records (default: a temp file)"
    )
    ap.add_argument("--show", action="store_true", help="print each predicted position with its evidence")
    args = ap.parse_args(argv)

    nlp = load_pipeline()
    gaz = load_gazetteer()
    articles = read_dev(args.dev)
    out = args.out or Path(tempfile.mkdtemp(prefix="pw-positions-")) / "preds.jsonl"
    lines: list[str] = []
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True):
        table = build_actor_table(doc, gaz, published=article.published)
        quotes = extract_quotes(doc, table, article)
        positions = extract_positions(doc, table, quotes, article)
        record = ExtractionRecord(article=article, quotes=quotes, positions=positions)
        record.actors = participants(table.actors, record)
        lines.append(json.dumps(record.to_json(), ensure_ascii=False))
        if args.show:
            for p in positions:
                quals = ",".join(p.qualifiers)
                conds = "; ".join(p.conditions)
                print(f"{article.id}: {p.holder}/{p.issue}/{p.stance} [{quals}] {{{conds}}}")
                print(f"    | {doc.text[p.span[0] : p.span[1]]}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(args.dev), str(out), "--verbose"],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in result.stdout.splitlines():
        if "position" in line:
            print(line)
    print(f"records: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
