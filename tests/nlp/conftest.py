"""The stock pipeline, to check the array components against what they replace."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from peacewire.nlp import MODEL_NAME

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

# Sentences written for these tests, one per kind of rule the stock ruler has:
# tag-map rules, tag+word rules, word-only rules, an existential "there is"
# (a two-token rule on the dependency label), and the informal forms its
# regular-expression rules cover.
RULE_SENTENCES = (
    "There is no agreement yet, and there were doubts that anyone would sign it.",
    "He ain't going to Geneva, she said; y'all know nothin' about the talks.",
    "I'd told them that something had to give, but everybody wanted more.",
    "The envoys' 28-point plan -- drafted in Miami -- was sent to Kyiv on 21 November.",
)


@pytest.fixture(scope="session")
def stock_nlp() -> Language:
    """en_core_web_sm exactly as shipped."""
    return spacy.load(MODEL_NAME)


@pytest.fixture(scope="session")
def tagged_docs(stock_nlp: Language) -> list[Doc]:
    """Real text tagged and parsed by the stock pipeline, before its attribute ruler runs.

    Four sample articles, four held-out ones and the rule sentences: enough
    distinct words to meet most rules, parsed once for the module's tests.
    """
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "sample").glob("s0[1-4].txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "heldout").glob("h0[1-4].txt"))]
    texts += RULE_SENTENCES
    with stock_nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        return list(stock_nlp.pipe(texts))


def copies(docs: list[Doc]) -> list[Doc]:
    return [Doc(d.vocab).from_bytes(d.to_bytes()) for d in docs]
