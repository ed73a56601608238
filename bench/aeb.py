#!/usr/bin/env python3
"""Article-body benchmark: peacewire's HTML path against trafilatura alone.

    .venv/bin/python bench/aeb.py [--bench-dir ../shared/bench] [--out bench/out/aeb]

Runs every page of the ScrapingHub article-extraction benchmark (AEB,
181 pages) through

  trafilatura            trafilatura.extract(page) with its defaults
  trafilatura -comments  the same with include_comments=False
  peacewire main text    peacewire.ingest.html.extract_html only (no cleaning)
  peacewire              peacewire.ingest.prepare_article: what the product
                         does to an HTML page (main text, cleaning, headline)

writes each system's predictions ({page id: {"articleBody": text}}) to
--out, scores them with the benchmark's scorer (aeb_score.py, run as a
subprocess so the figures are exactly its own) and prints one table.  A
page the product refuses (a Failure) is scored as an empty prediction.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from peacewire.ingest import RawArticle, prepare_article
from peacewire.ingest.html import NoMainText, extract_html
from peacewire.records import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"

Extractor = Callable[[bytes], str]


def _trafilatura_default(page: bytes) -> str:
    return trafilatura.extract(page) or ""


def _trafilatura_no_comments(page: bytes) -> str:
    return trafilatura.extract(page, include_comments=False) or ""


def _main_text_only(page: bytes) -> str:
    try:
        return extract_html(page).text
    except NoMainText:
        return ""


def _product(page: bytes) -> str:
    item = prepare_article(RawArticle(html=page), source="aeb")
    return item.text if isinstance(item, Article) else ""


SYSTEMS: dict[str, Extractor] = {
    "trafilatura": _trafilatura_default,
    "trafilatura -comments": _trafilatura_no_comments,
    "peacewire main text": _main_text_only,
    "peacewire": _product,
}


def load_pages(html_dir: Path) -> dict[str, bytes]:
    return {
        p.name.removesuffix(".html.gz"): gzip.decompress(p.read_bytes())
        for p in sorted(html_dir.glob("*.html.gz"))
    }


def score(scorer: Path, predictions: Path, bootstrap: int) -> dict[str, float]:
    cmd = [sys.executable, str(scorer), str(predictions), "--json", "--bootstrap", str(bootstrap)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--bench-dir", type=Path, default=DEFAULT_BENCH, help="holds aeb_score.py and aeb/html/"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "out" / "aeb", help="predictions go here"
    )
    parser.add_argument("--bootstrap", type=int, default=200, help="bootstrap resamples for the ± figures")
    parser.add_argument("--only", choices=sorted(SYSTEMS), action="append", help="run only these systems")
    args = parser.parse_args(argv)

    scorer, html_dir = args.bench_dir / "aeb_score.py", args.bench_dir / "aeb" / "html"
    if not scorer.is_file() or not html_dir.is_dir():
        print(
            f"aeb: benchmark not found under {args.bench_dir} (need aeb_score.py and aeb/html/)",
            file=sys.stderr,
        )
        return 2
    pages = load_pages(html_dir)
    args.out.mkdir(parents=True, exist_ok=True)

    rows = []
    for name in args.only or list(SYSTEMS):
        extract = SYSTEMS[name]
        started = time.monotonic()
        predictions = {pid: {"articleBody": extract(page)} for pid, page in pages.items()}
        seconds = time.monotonic() - started
        path = args.out / (name.replace(" ", "_").replace("-", "no_") + ".json")
        path.write_text(json.dumps(predictions, ensure_ascii=False, indent=0), encoding="utf-8")
        rows.append((name, score(scorer, path, args.bootstrap), seconds))

    print(f"AEB article bodies: {len(pages)} pages, 4-token-shingle scores of aeb_score.py\n")
    print(f"{'system':<24} {'precision':>9} {'recall':>9} {'F1':>14} {'exact':>7} {'empty':>6} {'s/page':>7}")
    for name, r, seconds in rows:
        f1 = f"{r['f1']:.4f}" + (f" ±{r['f1_std']:.3f}" if "f1_std" in r else "")
        print(
            f"{name:<24} {r['precision']:>9.4f} {r['recall']:>9.4f} {f1:>14} {r['accuracy']:>7.3f} "
            f"{r['empty_predictions']:>6} {seconds / len(pages):>7.3f}"
        )
    print(f"\npredictions: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
