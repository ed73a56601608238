#!/usr/bin/env python3
"""Throughput of extraction against spaCy's bare parse, on one process.

    .venv/bin/python bench/throughput.py [--n 500] [--batch-size 16] [--source DIR] [--rounds 1]

Loads the pipeline once, reads the bundled sample corpus (corpus/sample/;
falls back to the shared dev articles when the sample is absent) through
ingest, repeats the articles until there are at least --n of them, then times

  1. end-to-end extraction: `Extractor.extract_many` over the articles
     (parsing included; ingest is done before the clock starts), and
  2. spaCy alone: the stock pipeline's `nlp.pipe` over the same texts (in a
     child process, so its memory stays out of the peak RSS below),

and prints articles/s, words/s, their ratio (how much extraction costs on
top of parsing) and the peak resident memory of the process.  With
--rounds R the two runs alternate R times and each keeps its fastest
round: on a shared machine the load drifts, and the baseline measured once
moved by up to 15% between runs.  It is run on demand, not by the test
suite.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import resource
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from rich.console import Console
from rich.table import Table

from peacewire import extract as extract_module
from peacewire.extract import Extractor
from peacewire.ingest import read_inputs
from peacewire.nlp import MODEL_NAME, load_pipeline
from peacewire.records import Article, Failure

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "corpus" / "sample"
DEV_DIR = ROOT.parent / "shared" / "dev"
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def corpus_files(source: Path | None) -> tuple[str, list[str]]:
    """The article files to read and a label saying where they come from."""
    candidates = [source] if source is not None else [SAMPLE_DIR, DEV_DIR]
    for folder in candidates:
        if folder.is_dir():
            files = sorted(str(p) for p in folder.rglob("*") if p.suffix in ARTICLE_SUFFIXES)
            if files:
                return str(folder), files
    sys.exit(f"no articles in {' or '.join(map(str, candidates))}")


def read_articles(files: list[str]) -> list[Article]:
    articles = []
    for item in read_inputs(files):
        if isinstance(item, Failure):
            print(f"skipped unreadable input {item.source}: {item.reason}", file=sys.stderr)
        else:
            articles.append(item)
    if not articles:
        sys.exit("ingest read no article")
    return articles


def repeat(articles: list[Article], n: int) -> list[Article]:
    """At least `n` articles, cycling through `articles`, each copy with its own id."""
    out: list[Article] = []
    while len(out) < n:
        k = len(out) // len(articles)
        out.extend(dataclasses.replace(a, id=f"{a.id}#{k}") for a in articles)
    return out


def timed(run: Callable[[], Iterable[object]]) -> tuple[float, int, int]:
    """CPU seconds this process spent exhausting `run()`, items it yielded and failures.

    CPU time, not wall time: the machines are small and shared, and a neighbour
    on the other core must not decide the ratio.  Items are dropped as they
    come, so memory measures the run, not a pile of results.
    """
    start = time.process_time()
    n = failed = 0
    for item in run():
        n += 1
        failed += isinstance(item, Failure)
    return time.process_time() - start, n, failed


def bare_spacy_seconds(texts: list[str], batch_size: int) -> float:
    """CPU seconds of the stock spaCy pipeline over `texts`, in a process of its own.

    The baseline is spaCy as shipped (no peacewire component), and running it
    apart keeps its memory out of the product's peak RSS.
    """
    import spacy

    nlp = spacy.load(MODEL_NAME)
    for _ in nlp.pipe(texts[:4], batch_size=batch_size):
        pass
    seconds, _, _ = timed(lambda: nlp.pipe(texts, batch_size=batch_size))
    return seconds


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500, help="articles to process (at least; default 500)")
    ap.add_argument(
        "--batch-size",
        type=int,
        default=extract_module.PIPE_BATCH,
        help="nlp.pipe batch size, for both runs (default: the extractor's, %(default)s)",
    )
    ap.add_argument(
        "--rounds", type=int, default=1, help="alternate the two runs this many times, keep each one's best"
    )
    ap.add_argument(
        "--source", type=Path, help="folder of articles (default: corpus/sample, else shared/dev)"
    )
    args = ap.parse_args()
    console = Console(highlight=False)

    t0 = time.perf_counter()
    nlp = load_pipeline()
    load_s = time.perf_counter() - t0
    rss_loaded = peak_rss_mb()

    label, files = corpus_files(args.source)
    base = read_articles(files)
    articles = repeat(base, args.n)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    console.print(
        f"corpus: {label} — {len(base)} distinct articles, repeated to {len(articles)} ({words} words); "
        f"pipeline loaded in {load_s:.1f} s"
    )

    # the extractor reads the module's batch size when it pipes; set it for this run only
    extract_module.PIPE_BATCH = args.batch_size
    extractor = Extractor(nlp)
    # warm-up, so one-off initialisation is not charged to either run
    for _ in extractor.extract_many(articles[:4]):
        pass

    bare_s = full_s = float("inf")
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        for _ in range(max(1, args.rounds)):
            bare_s = min(bare_s, pool.submit(bare_spacy_seconds, texts, args.batch_size).result())
            secs, n_out, n_failed = timed(lambda: extractor.extract_many(articles))
            full_s = min(full_s, secs)
            if n_out != len(articles) or n_failed:
                console.print(f"warning: {n_out} results for {len(articles)} articles, {n_failed} failures")

    n = len(articles)
    title = f"throughput, one process, batch size {args.batch_size}, best of {max(1, args.rounds)}"
    table = Table(title=title, title_justify="left")
    table.add_column("run")
    for col in ("CPU seconds", "articles/s", "words/s"):
        table.add_column(col, justify="right")
    runs = (
        ("spaCy nlp.pipe, stock pipeline (bare parse)", bare_s),
        ("peacewire extract_many (end to end)", full_s),
    )
    for name, secs in runs:
        table.add_row(name, f"{secs:.1f}", f"{n / secs:.2f}", f"{words / secs:,.0f}")
    ratio = f"{bare_s / full_s:.2f}"
    table.add_row("ratio end to end / bare", "", ratio, ratio)
    console.print(table)
    console.print(f"peak RSS: {peak_rss_mb():.0f} MB (after loading the pipeline: {rss_loaded:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
