"""One article's tokens as plain lists, read once, for the event extractors' scans.

Event extraction reads every body sentence for several things (attack words,
places, weapons, numbers).  Reading spaCy tokens is slow: each `doc[i]`
builds a Token object and `Doc.text` is rebuilt on every access.  So the
attributes the scans test are copied into lists once per article, the text
is kept once, and the known place names are looked up once; the extractors
then touch spaCy tokens only around a cue word, and skip the sentences that
have none (`has_any`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX, LEMMA, LOWER, ORTH, POS  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span

from peacewire.extract.gazetteer import key

PLACE_NGRAM = 4
"""Longest place name, in tokens, looked up in the place index."""


@lru_cache(maxsize=8192)
def place_key(text: str) -> str:
    """`gazetteer.key`, remembered: the same few names recur in every article."""
    return key(text)


@dataclass(frozen=True)
class EventDoc:
    """The token attributes of one parsed article, as lists indexed like the Doc."""

    doc: Doc
    text: str
    words: list[str]
    lower: list[str]
    lemma: list[str]
    """Lower-cased lemmas."""
    pos: list[str]
    idx: list[int]
    """Character offset of each token."""
    places: Mapping[int, list[tuple[int, frozenset[str]]]]
    """Token index -> (end, kinds) of the known place names starting there (places.yaml), longest
    first."""

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), as `doc[start:end].text` gives it."""
        if start >= end:
            return ""
        return self.text[self.idx[start] : self.idx[end - 1] + len(self.words[end - 1])]

    def sent_text(self, sent: Span) -> str:
        return self.text[sent.start_char : sent.end_char]

    def has_any(self, sent: Span, words: frozenset[str]) -> bool:
        """Whether a token of the sentence is one of `words` (as written, lower-cased, or as lemma)."""
        lower, lemma = self.lower, self.lemma
        return any(lower[i] in words or lemma[i] in words for i in range(sent.start, sent.end))

    def indices(self, sent: Span, words: frozenset[str]) -> list[int]:
        """The tokens of the sentence that are one of `words` (lower-cased or lemma)."""
        lower, lemma = self.lower, self.lemma
        return [i for i in range(sent.start, sent.end) if lower[i] in words or lemma[i] in words]


def event_doc(doc: Doc, kinds: Mapping[str, frozenset[str]]) -> EventDoc:
    """Read the token attributes once; `kinds` is the place index (key -> {"city", "region"})."""
    strings = doc.vocab.strings
    seen: dict[int, str] = {}

    def name(h: int) -> str:
        s = seen.get(h)
        if s is None:
            s = seen[h] = strings[h]
        return s

    arr = doc.to_array([ORTH, LOWER, LEMMA, POS, IDX]).tolist()
    words = [name(r[0]) for r in arr]
    lower = [name(r[1]) for r in arr]
    lemma = [name(r[2]).lower() for r in arr]
    pos = [name(r[3]) for r in arr]
    idx = [r[4] for r in arr]
    text = doc.text
    places: dict[int, list[tuple[int, frozenset[str]]]] = {}
    n = len(words)
    for i, w in enumerate(words):
        if not w[:1].isupper():
            continue
        for size in range(PLACE_NGRAM, 0, -1):
            j = i + size
            if j > n or not words[j - 1][:1].isupper():
                continue
            listed = kinds.get(place_key(text[idx[i] : idx[j - 1] + len(words[j - 1])]))
            if listed:
                places.setdefault(i, []).append((j, listed))
    return EventDoc(doc, text, words, lower, lemma, pos, idx, places)
