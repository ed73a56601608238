"""The array lemmatizer gives the stock rule lemmatizer's lemmas."""

from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from peacewire.nlp.lemmas import ArrayLemmatizer
from tests.nlp.conftest import copies


def test_same_lemmas_as_the_stock_lemmatizer(stock_nlp: Language, tagged_docs: list[Doc]) -> None:
    ruler = stock_nlp.get_pipe("attribute_ruler")
    stock = stock_nlp.get_pipe("lemmatizer")
    assert isinstance(stock, Lemmatizer)
    ruled = [ruler(d) for d in copies(tagged_docs)]
    expected = [stock(d) for d in copies(ruled)]
    ours = ArrayLemmatizer(stock)
    got = [ours(d) for d in copies(ruled)]
    again = [ours(d) for d in copies(ruled)]  # every form now comes from the memo
    for e, g, a in zip(expected, got, again, strict=True):
        assert (e.to_array([LEMMA]) == g.to_array([LEMMA])).all(), e.text[:60]
        assert (e.to_array([LEMMA]) == a.to_array([LEMMA])).all(), e.text[:60]


def test_lemmas_set_by_the_ruler_are_kept(nlp: Language) -> None:
    doc = nlp("I'd said they were negotiating, and talks resumed.")
    assert [t.lemma_ for t in doc if t.lower_ in {"'d", "were", "negotiating", "talks", "resumed"}] == [
        "would",  # from the attribute ruler, not the lemmatizer's rules
        "be",
        "negotiate",
        "talk",
        "resume",
    ]


def test_the_loaded_pipeline_uses_the_array_lemmatizer(nlp: Language) -> None:
    component = nlp.get_pipe("lemmatizer")
    assert isinstance(component, ArrayLemmatizer)
    assert isinstance(component.stock, Lemmatizer)
