"""A batch: ingest failures are handed back in the stream and counted, records keep input order."""

from __future__ import annotations

from spacy.language import Language

from peacewire.batch import BatchStats, extract_batch
from peacewire.extract import Extractor
from peacewire.records import Article, ExtractionRecord, Failure


def test_batch_interleaves_failures_and_counts(nlp: Language) -> None:
    items: list[Article | Failure] = [
        Failure(source="feed.jsonl:1", reason="not JSON"),
        Article(id="one", text="The mayor said the bridge would reopen on Monday.", source="one.txt"),
        Failure(source="feed.jsonl:3", id="empty", reason="no text"),
        Article(id="two", text="Officials said talks would continue next week.", source="two.txt"),
    ]
    stats = BatchStats()
    out = list(extract_batch(items, Extractor(nlp), stats))

    records = [x for x in out if isinstance(x, ExtractionRecord)]
    failures = [x for x in out if isinstance(x, Failure)]
    assert [r.article.id for r in records] == ["one", "two"]
    assert [f.source for f in failures] == ["feed.jsonl:1", "feed.jsonl:3"]
    assert (stats.articles, stats.records, stats.ingest_failures, stats.extract_failures) == (2, 2, 2, 0)
    assert stats.inputs == 4 and stats.failures == 2


def test_batch_of_failures_only(nlp: Language) -> None:
    stats = BatchStats()
    out = list(extract_batch([Failure(source="x.txt", reason="empty file")], Extractor(nlp), stats))
    assert [f.source for f in out if isinstance(f, Failure)] == ["x.txt"]
    assert stats.inputs == 1 and stats.records == 0
