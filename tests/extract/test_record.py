"""Assembling a record: the extractors share the article's one reading of its tokens.

The text is written for the test; none comes from the dev set.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from peacewire.extract.gazetteer import load_gazetteer
from peacewire.extract.record import Resources, build_record
from peacewire.records import Article

TEXT = (
    "Russian missiles struck a power plant in Kharkiv on Monday, killing three people.\n"
    "“We will rebuild everything,” Mayor Ihor Terekhov told reporters.\n"
    "The foreign minister said that Kyiv was ready for talks if the shelling stopped.\n"
)


class CountingDoc(Doc):
    """A Doc that counts what it is asked for: token attribute arrays, and its rebuilt text."""

    reads: Counter[str]

    def to_array(self, attrs: Any) -> Any:
        self.reads["to_array"] += 1
        return super().to_array(attrs)

    @property
    def text(self) -> str:  # type: ignore[override]
        self.reads["text"] += 1
        return super().text


def test_every_extractor_reads_the_one_token_view(nlp: Language) -> None:
    doc = nlp(TEXT)
    counting = CountingDoc(nlp.vocab).from_bytes(doc.to_bytes())
    counting.reads = Counter()
    article = Article(id="t", text=TEXT, published="2024-03-04")
    resources = Resources(gazetteer=load_gazetteer())
    record = build_record(article, counting, resources)
    # actors, quotes, positions and events all ran, and the same as over the plain Doc
    assert record.quotes and record.events and record.actors
    assert record == build_record(article, doc, resources)
    # the token attributes were read into lists once, and the text never rebuilt from the tokens
    assert counting.reads == Counter({"to_array": 1})
