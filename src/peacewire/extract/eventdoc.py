"""The article as the event extractors read it: its token lists and the known place names in it.

Event extraction reads every body sentence for several things (attack words,
places, weapons, numbers).  The token attributes come from the article's one
`TokenView` (`ActorTable.tokens`, read once per article for every
extractor); what events add is where the known place names (places.yaml)
stand, looked up once per article.  The extractors then touch spaCy tokens
only around a cue word, and skip the sentences that have none
(`TokenView.has_any`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from peacewire.extract.gazetteer import key
from peacewire.extract.tokenview import TokenView

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
    """One parsed article's token lists and the known place names in it."""

    tokens: TokenView
    places: Mapping[int, list[tuple[int, frozenset[str], str]]]
    """Token index -> (end, kinds, key) of the known place names starting there (places.yaml),
    longest first."""


def event_doc(
    tokens: TokenView, kinds: Mapping[str, frozenset[str]], firsts: frozenset[str] | None = None
) -> EventDoc:
    """The article's token lists with the known place names looked up once; `kinds` is the
    place index (key -> {"city", "region"}), `firsts` the words its names start with
    (`first_words`)."""
    text, words, lower, idx = tokens.text, tokens.words, tokens.lower, tokens.idx
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
    return EventDoc(tokens, places)
