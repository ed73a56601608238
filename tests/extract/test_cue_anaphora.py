"""A bare "one" taken by a stance word stands for the cue noun before it."""

from __future__ import annotations

from spacy.language import Language

from peacewire.extract.cue_anaphora import one_anaphors
from peacewire.extract.issues import find_cues, position_lexicon
from peacewire.extract.stance import read_stance
from peacewire.extract.tokenview import token_view


def anaphors(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    view = token_view(doc)
    lex = position_lexicon()
    out = []
    for sent in doc.sents:
        for m in one_anaphors(sent, find_cues(sent, lex, view), view, lex):
            reading = read_stance(m, lex)
            out.append((m.anchor.text, m.issue, None if reading is None else reading.stance))
    return out


def test_one_after_a_cue_noun_is_that_cue(nlp: Language) -> None:
    text = "Every war ends with some kind of settlement, and Moscow is ready to reach one."
    assert anaphors(nlp, text) == [("one", "negotiations", "support")]


def test_a_refused_one_opposes(nlp: Language) -> None:
    text = "Kyiv has been offered a truce before, and it will refuse one now."
    assert anaphors(nlp, text) == [("one", "ceasefire", "oppose")]


def test_one_that_no_stance_word_takes_is_no_cue(nlp: Language) -> None:
    assert anaphors(nlp, "The troops would deploy after a truce and would not be used to enforce one.") == []
    assert anaphors(nlp, "A truce was agreed, and one of the envoys refused it.") == []
