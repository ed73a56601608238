"""Extraction: one cleaned `Article` in, one `ExtractionRecord` out.

`Extractor` holds what is loaded once (the spaCy pipeline, the gazetteer and
lexicons) and runs every extractor over each parsed document.  Each article is
parsed exactly once, through `nlp.pipe`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from peacewire.records import Article, ExtractionRecord, Failure

if TYPE_CHECKING:
    from peacewire.extract.record import Resources

PIPE_BATCH = 16


class Extractor:
    """Runs the extractors over articles with one shared pipeline."""

    def __init__(self, nlp: Language, resources: Resources | None = None) -> None:
        # Imported here so that `import peacewire.extract.quotes` does not
        # load the gazetteer and every extractor with it.
        from peacewire.extract.gazetteer import load_gazetteer
        from peacewire.extract.record import Resources

        self.nlp = nlp
        self.resources = resources or Resources(gazetteer=load_gazetteer())

    def extract_doc(self, article: Article, doc: Doc) -> ExtractionRecord:
        """Build the record of one already-parsed article."""
        from peacewire.extract.record import build_record

        return build_record(article, doc, self.resources)

    def extract(self, article: Article) -> ExtractionRecord:
        return self.extract_doc(article, self.nlp(article.text))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ExtractionRecord | Failure]:
        """Yield a record (or a `Failure` naming the article) per article, in order."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=PIPE_BATCH):
            try:
                yield self.extract_doc(article, doc)
            except Exception as e:  # one bad article must not stop the batch
                yield Failure(source=article.source, id=article.id, reason=f"extraction failed: {e!r}")
