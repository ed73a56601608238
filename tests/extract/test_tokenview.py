"""An article's tokens as lists: the same values spaCy gives, and scans that miss nothing.

Every text here is written for the test; none comes from the dev set.
"""

from __future__ import annotations

import dataclasses

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from peacewire.extract.gazetteer import Gazetteer, LetterIndex, letters, load_gazetteer
from peacewire.extract.tokenview import noun_chunks_with, token_view

TEXT = (
    "The Kremlin’s spokesman said on Tuesday that Russia's defence ministry and the U.S. "
    "State Department had spoken.\n\n"
    "Kharkiv Oblast’s governor, Oleh Synyehubov, said a cease-fire “would not hold”  in "
    "the Donetsk region; President Recep Tayyip Erdoğan’s envoy met NATO officials in Kyiv.\n"
    "Mayor Vitali Klitschko's office and the Élysée were not consulted."
)


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    return nlp(TEXT)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_the_lists_hold_what_spacy_gives(doc: Doc) -> None:
    view = token_view(doc)
    assert view.text == doc.text
    assert view.words == [t.text for t in doc]
    assert view.lower == [t.lower_ for t in doc]
    assert view.lemma == [t.lemma_.lower() for t in doc]
    assert view.pos == [t.pos_ for t in doc]
    assert view.tag == [t.tag_ for t in doc]
    assert view.dep == [t.dep_ for t in doc]
    assert view.head == [t.head.i for t in doc]
    assert view.idx == [t.idx for t in doc]
    assert view.punct == [t.is_punct for t in doc]
    assert view.space == [t.is_space for t in doc]
    assert view.quote == [t.is_quote for t in doc]
    assert view.like_num == [t.like_num for t in doc]
    assert all(view.span_text(i, j) == doc[i:j].text for i in range(len(doc)) for j in range(i, len(doc)))
    assert all(view.text_of(s) == s.text for s in doc.sents)


def test_the_sentence_of_each_token_is_spacys(doc: Doc) -> None:
    view = token_view(doc)
    assert len(list(doc.sents)) >= 3
    for tok in doc:
        sent = tok.sent
        assert view.sentence(tok.i) == (sent.start, sent.end)
        assert view.sentence_chars(tok.i) == (sent.start_char, sent.end_char)


def test_the_words_of_a_span_lower_cased_and_as_lemmas(doc: Doc) -> None:
    view = token_view(doc)
    sent = list(doc.sents)[1]
    words = view.word_set(sent)
    assert words == {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    assert view.word_set(sent) is words  # built once per span
    assert view.has_any(sent, frozenset({"say", "nothing"}))  # "said", by its lemma
    assert not view.has_any(sent, frozenset({"consult"}))  # a word of another sentence
    wanted = frozenset({"governor", "say", "kyiv"})
    assert view.indices(sent, wanted) == [
        t.i for t in sent if t.lower_ in wanted or t.lemma_.lower() in wanted
    ]
    assert [doc[i].lower_ for i in view.indices(sent, wanted)] == ["governor", "said", "kyiv"]


def test_an_empty_article_has_empty_lists(nlp: Language) -> None:
    view = token_view(nlp(""))
    assert view.text == "" and view.words == []


def test_the_letters_of_a_span_are_those_of_its_words(doc: Doc) -> None:
    for i in range(len(doc)):
        for j in range(i + 1, min(len(doc), i + 6) + 1):
            parts = [letters(t.text) for t in doc[i:j]]
            assert letters(doc[i:j].text) == "".join(p or "" for p in parts)


def test_a_capital_sigma_leaves_the_letters_unknown() -> None:
    # lower-casing a capital sigma depends on what follows it
    assert letters("ΟΔΟΣ") is None
    assert letters("Kyiv") == "kyiv"


@pytest.mark.parametrize("which", ["forms", "places"])
def test_the_scan_keeps_every_span_the_gazetteer_knows(doc: Doc, gaz: Gazetteer, which: str) -> None:
    view = token_view(doc)
    index: LetterIndex = gaz.form_letters if which == "forms" else gaz.place_letters
    known = gaz.surfaces if which == "forms" else gaz.place
    found = 0
    for i in range(len(doc)):
        stop = min(len(doc), i + 10)
        kept = set(view.candidate_ends(i, stop, index))
        for j in range(i + 1, stop + 1):
            if known(doc[i:j].text):
                found += 1
                assert j in kept, doc[i:j].text
    assert found >= 5  # the text names states, bodies and places


def test_chunks_of_the_sentences_asked_for(doc: Doc) -> None:
    view = token_view(doc)
    sents = list(doc.sents)
    second = sents[1]
    wanted = [second.start + 2]
    chunks = [(c.start, c.end) for c in noun_chunks_with(doc, view, wanted)]
    assert chunks == [(c.start, c.end) for c in doc.noun_chunks if second.start <= c.start < second.end]
    assert list(noun_chunks_with(doc, view, [])) == []
    every = [(c.start, c.end) for c in noun_chunks_with(doc, view, range(len(doc)))]
    assert every == [(c.start, c.end) for c in doc.noun_chunks]


def test_every_chunk_when_a_head_crosses_sentences(doc: Doc) -> None:
    # The parser never makes one, but should a head lie in another sentence the chunks of the
    # sentences could depend on each other: then all of them are given.
    view = token_view(doc)
    second = list(doc.sents)[1]
    head = list(view.head)
    head[second.start] = 0
    crossed = dataclasses.replace(view, head=head)
    chunks = [(c.start, c.end) for c in noun_chunks_with(doc, crossed, [second.start + 2])]
    assert chunks == [(c.start, c.end) for c in doc.noun_chunks]
