"""What a pipeline component of ours needs besides `__call__`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc


class PerDocComponent:
    """A component that handles one document at a time: `nlp.pipe` calls `pipe`, which calls it on each."""

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - overridden
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
