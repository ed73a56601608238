"""The stock rule lemmatizer, called once per distinct word form.

spaCy's `Lemmatizer` walks every token in Python, building a `Token` object
and setting `lemma_` through the string store even when the answer is in
its cache (≈3–7 ms per article here).  Its rule mode is a pure function of
the token's text, coarse POS and morphology, so `ArrayLemmatizer` reads
those three columns with `Doc.to_array`, asks the stock lemmatizer only for
a (text, POS, morphology) it has not seen, and writes every lemma back with
one `Doc.from_array`.  Tokens that already carry a lemma (set by the
attribute ruler) keep it, as with the stock component (`overwrite=False`).
`tests/nlp/test_lemmas.py` checks the two agree on real text.
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from peacewire.nlp.component import PerDocComponent

COLUMNS = [ORTH, POS, MORPH, LEMMA]
CACHE_SIZE = 200_000


class ArrayLemmatizer(PerDocComponent):
    """The stock rule lemmatizer's lemmas, memoised per (text, POS, morphology)."""

    def __init__(self, stock: Lemmatizer | None = None) -> None:
        self.stock = stock
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.stock is None:
            raise RuntimeError("ArrayLemmatizer has no stock lemmatizer to ask (see use_array_lemmatizer)")
        if len(doc) == 0:
            return doc
        rows = doc.to_array(COLUMNS).tolist()
        lemmas = []
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma == 0:
                key = (orth, pos, morph)
                lemma = self._lemmas.get(key, 0)
                if lemma == 0:
                    lemma = self._ask(doc, i, key)
                changed = True
            lemmas.append(lemma)
        if changed:
            doc.from_array([LEMMA], cast(Any, numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1)))
        return doc

    def _ask(self, doc: Doc, i: int, key: tuple[int, int, int]) -> int:
        assert self.stock is not None
        lemma = doc.vocab.strings.add(self.stock.lemmatize(doc[i])[0])
        if len(self._lemmas) >= CACHE_SIZE:  # a long stream keeps meeting new words
            self._lemmas.clear()
        self._lemmas[key] = lemma
        return lemma


def use_array_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Wrap the pipeline's rule lemmatizer; False if it is absent or not in rule mode."""
    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if not isinstance(stock, Lemmatizer) or stock.mode != "rule" or stock.overwrite:
        return False
    component = nlp.replace_pipe(name, "array_lemmatizer")
    assert isinstance(component, ArrayLemmatizer)
    component.stock = stock
    return True


@Language.factory("array_lemmatizer")
def make_array_lemmatizer(nlp: Language, name: str) -> ArrayLemmatizer:
    """An empty wrapper; `use_array_lemmatizer` gives it the stock lemmatizer."""
    return ArrayLemmatizer()
