"""A batch run: what ingest read, through extraction, with every failure kept.

Ingest yields articles and failures mixed; the extractor takes articles only.
`extract_batch` feeds it the articles and hands the ingest failures back in
the output stream, so the caller sees one ordered stream of records and
failures and nothing is dropped.  `BatchStats` counts what happened for the
summary a user reads at the end.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from peacewire.records import Article, ExtractionRecord, Failure


class BatchExtractor(Protocol):
    """What a batch needs of `peacewire.extract.Extractor`."""

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ExtractionRecord | Failure]: ...


@dataclass
class BatchStats:
    """What a batch has done so far."""

    articles: int = 0
    """Articles ingest produced (each is extracted into a record or fails)."""
    records: int = 0
    ingest_failures: int = 0
    """Inputs that could not be read as an article."""
    extract_failures: int = 0

    @property
    def failures(self) -> int:
        return self.ingest_failures + self.extract_failures

    @property
    def inputs(self) -> int:
        """Every input record seen: articles and unreadable inputs alike."""
        return self.articles + self.ingest_failures


def extract_batch(
    items: Iterable[Article | Failure], extractor: BatchExtractor, stats: BatchStats
) -> Iterator[ExtractionRecord | Failure]:
    """Yield a record or a failure for every item ingest produced, counting them in `stats`.

    Records come in input order; an ingest failure comes out no later than
    the record of the next article extracted after it.
    """
    pending: deque[Failure] = deque()

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Failure):
                stats.ingest_failures += 1
                pending.append(item)
            else:
                stats.articles += 1
                yield item

    for out in extractor.extract_many(articles()):
        while pending:
            yield pending.popleft()
        if isinstance(out, Failure):
            stats.extract_failures += 1
        else:
            stats.records += 1
        yield out
    while pending:
        yield pending.popleft()
