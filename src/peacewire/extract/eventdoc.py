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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import IDX, LEMMA, LIKE_NUM, LOWER, ORTH, POS
from spacy.tokens import Doc, Span

from peacewire.extract.gazetteer import key

PLACE_NGRAM = 4
"""Longest place name, in tokens, looked up in the place index."""


@lru_cache(maxsize=8192)
def place_key(text: str) -> str:
    """`gazetteer.key`, remembered: the same few names recur in every article."""
    return key(text)


def _first_piece(word: str) -> str:
    return word.split("-", 1)[0].split("'", 1)[0].split("’", 1)[0]


def first_words(keys: Iterable[str]) -> frozenset[str]:
    """The words listed place names start with (a token that is none of them starts none)."""
    return frozenset(_first_piece(k.split(" ", 1)[0]) for k in keys)


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
    like_num: list[bool]
    places: Mapping[int, list[tuple[int, frozenset[str], str]]]
    """Token index -> (end, kinds, key) of the known place names starting there (places.yaml),
    longest first."""
    _word_sets: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict, repr=False)

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), as `doc[start:end].text` gives it."""
        if start >= end:
            return ""
        return self.text[self.idx[start] : self.idx[end - 1] + len(self.words[end - 1])]

    def sent_text(self, sent: Span) -> str:
        return self.text[sent.start_char : sent.end_char]

    def word_set(self, sent: Span) -> frozenset[str]:
        """The sentence's words, lower-cased and as lemmas (read once per sentence)."""
        k = (sent.start, sent.end)
        found = self._word_sets.get(k)
        if found is None:
            found = self._word_sets[k] = frozenset(self.lower[k[0] : k[1]]).union(self.lemma[k[0] : k[1]])
        return found

    def has_any(self, sent: Span, words: frozenset[str]) -> bool:
        """Whether a token of the sentence is one of `words` (lower-cased, or as lemma)."""
        return not self.word_set(sent).isdisjoint(words)

    def indices(self, sent: Span, words: frozenset[str]) -> list[int]:
        """The tokens of the sentence that are one of `words` (lower-cased or lemma)."""
        lower, lemma = self.lower, self.lemma
        return [i for i in range(sent.start, sent.end) if lower[i] in words or lemma[i] in words]


def event_doc(
    doc: Doc,
    kinds: Mapping[str, frozenset[str]],
    text: str | None = None,
    firsts: frozenset[str] | None = None,
) -> EventDoc:
    """Read the token attributes once; `kinds` is the place index (key -> {"city", "region"}),
    `firsts` the words its names start with (`first_words`).

    `text` is the text the doc was parsed from, where the caller has it (spaCy rebuilds `doc.text`
    on each access); it is used only if its length is the doc's.
    """
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, LOWER, LEMMA, POS, IDX, LIKE_NUM])
    columns = [arr[:, k].tolist() for k in range(4)]
    names = {h: strings[h] for h in set().union(*columns)}
    words = [names[h] for h in columns[0]]
    lower = [names[h] for h in columns[1]]
    lemmas = {h: names[h].lower() for h in set(columns[2])}
    lemma = [lemmas[h] for h in columns[2]]
    pos = [names[h] for h in columns[3]]
    idx = arr[:, 4].tolist()
    like_num = [bool(x) for x in arr[:, 5].tolist()]
    end = idx[-1] + len(doc[-1].text_with_ws) if idx else 0
    if text is None or len(text) != end:
        text = doc.text
    places: dict[int, list[tuple[int, frozenset[str], str]]] = {}
    n = len(words)
    firsts = first_words(kinds) if firsts is None else firsts
    for i, w in enumerate(words):
        if not w[:1].isupper() or (lower[i].isascii() and _first_piece(lower[i]) not in firsts):
            continue
        for size in range(PLACE_NGRAM, 0, -1):
            j = i + size
            if j > n or not words[j - 1][:1].isupper():
                continue
            k = place_key(text[idx[i] : idx[j - 1] + len(words[j - 1])])
            listed = kinds.get(k)
            if listed:
                places.setdefault(i, []).append((j, listed, k))
    return EventDoc(doc, text, words, lower, lemma, pos, idx, like_num, places)
