"""The array attribute ruler sets what the stock one sets, token for token."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from peacewire.nlp.attribute_rules import (
    ArrayAttributeRuler,
    UnsupportedRule,
    compile_rules,
    use_array_ruler,
)
from tests.nlp.conftest import copies

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def test_same_annotations_as_the_stock_ruler(stock_nlp: Language, tagged_docs: list[Doc]) -> None:
    stock = stock_nlp.get_pipe("attribute_ruler")
    assert isinstance(stock, AttributeRuler)
    ours = ArrayAttributeRuler(stock_nlp.vocab.strings, compile_rules(stock))
    expected = [stock(d) for d in copies(tagged_docs)]
    got = [ours(d) for d in copies(tagged_docs)]
    for e, g in zip(expected, got, strict=True):
        assert (e.to_array(COLUMNS) == g.to_array(COLUMNS)).all(), e.text[:60]
    # and the rules did set something: coarse tags were empty before
    assert not tagged_docs[0].has_annotation("POS")
    assert all(g.has_annotation("POS") for g in got)


def test_two_token_and_regex_rules_take_effect(stock_nlp: Language, tagged_docs: list[Doc]) -> None:
    stock = stock_nlp.get_pipe("attribute_ruler")
    assert isinstance(stock, AttributeRuler)
    ours = ArrayAttributeRuler(stock_nlp.vocab.strings, compile_rules(stock))
    there_is, informal = (ours(d) for d in copies(tagged_docs[-4:-2]))
    be = next(t for t in there_is if t.lower_ == "is")
    assert be.nbor(-1).dep_ == "expl" and be.pos_ == "VERB"  # the DEP expl + "is" rule
    nothin = next(t for t in informal if t.lower_ == "nothin'")
    assert nothin.lemma_ == "nothing"  # the REGEX rule on the lower form


def test_rule_it_cannot_express_keeps_the_stock_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "cease"}, {"LOWER": "fire", "OP": "?"}]], {"LEMMA": "ceasefire"})
    with pytest.raises(UnsupportedRule):
        compile_rules(ruler)
    assert use_array_ruler(nlp) is False
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_the_loaded_pipeline_uses_the_array_ruler(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    doc = nlp("Moscow said it was ready to talk.")
    assert [t.pos_ for t in doc][:3] == ["PROPN", "VERB", "PRON"]
    assert str(doc[2].morph) == "Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs"  # "it" as subject
