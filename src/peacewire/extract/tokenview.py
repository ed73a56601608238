"""One article's tokens as plain lists, read once, for scans over every token.

Finding gazetteer forms and places means trying many token spans from every
token, quotations are found from the reporting verbs among all tokens,
positions look at every sentence for issue cues and plan nouns, and events
read every body sentence for attack words, places, weapons and numbers.
Reading spaCy tokens is slow (each `doc[i]` builds a Token object;
`Span.text` and `Doc.text` are rebuilt on every access), so the attributes
the scans test are copied into lists once per article: `ActorTable.tokens`
holds them, and every extractor reads that one view.  The letters of each
word (`gazetteer.letters`) let a scan skip the spans whose letters no known
form has, before building their text; the word set of a sentence
(`word_set`) lets a scan skip the sentences without any of its cue words.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.attrs import (  # type: ignore[attr-defined]
    DEP,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_QUOTE,
    IS_SPACE,
    LEMMA,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from peacewire.extract.gazetteer import LetterIndex, letters

MAX_NAMES = 1 << 18
"""At most this many strings are remembered by hash (see `_names`)."""


@dataclass
class TokenView:
    """The token attributes of one parsed article, as lists indexed like the Doc."""

    text: str
    words: list[str]
    lower: list[str]
    lemma: list[str]
    """Lower-cased lemmas (`tok.lemma_.lower()`)."""
    pos: list[str]
    tag: list[str]
    dep: list[str]
    punct: list[bool]
    space: list[bool]
    quote: list[bool]
    idx: list[int]
    head: list[int]
    """The index of each token's head."""
    like_num: list[bool]
    sent_starts: list[int] = field(default_factory=list)
    """The tokens that start a sentence (but the first), ascending: where `Doc.sents` cuts."""
    _unknown: list[int] | None = field(default=None, repr=False)
    _word_sets: dict[tuple[int, int], frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _children: list[list[int]] | None = field(default=None, init=False, repr=False, compare=False)

    def sentence(self, i: int) -> tuple[int, int]:
        """The token bounds [start, end) of token i's sentence, as `doc[i].sent` gives them
        (`Token.sent` walks the tokens and builds a Span on every access)."""
        k = bisect_right(self.sent_starts, i)
        start = self.sent_starts[k - 1] if k > 0 else 0
        end = self.sent_starts[k] if k < len(self.sent_starts) else len(self.words)
        return start, end

    def sentence_chars(self, i: int) -> tuple[int, int]:
        """The character bounds of token i's sentence (`doc[i].sent.start_char`, `.end_char`)."""
        start, end = self.sentence(i)
        return self.idx[start], self.idx[end - 1] + len(self.words[end - 1])

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), as `doc[start:end].text` gives it ("" when empty)."""
        if start >= end:
            return ""
        return self.text[self.idx[start] : self.idx[end - 1] + len(self.words[end - 1])]

    def text_of(self, span: Span) -> str:
        """`span.text`, cut from the article's text (`Span.text` joins its tokens anew)."""
        return self.text[span.start_char : span.end_char]

    def joined_lower(self, start: int, end: int) -> str:
        """The lower-cased words of tokens [start, end) between single spaces, spaces around."""
        return " " + " ".join(self.lower[start:end]) + " "

    def word_set(self, span: Span) -> frozenset[str]:
        """The span's words, lower-cased and as lemmas (built once per span)."""
        k = (span.start, span.end)
        found = self._word_sets.get(k)
        if found is None:
            found = self._word_sets[k] = frozenset(self.lower[k[0] : k[1]]).union(self.lemma[k[0] : k[1]])
        return found

    def has_any(self, span: Span, words: frozenset[str]) -> bool:
        """Whether a token of the span is one of `words` (lower-cased, or as lemma)."""
        return not self.word_set(span).isdisjoint(words)

    def indices(self, span: Span, words: frozenset[str]) -> list[int]:
        """The tokens of the span that are one of `words` (lower-cased or lemma), ascending."""
        lower, lemma = self.lower, self.lemma
        return [i for i in range(span.start, span.end) if lower[i] in words or lemma[i] in words]

    @property
    def children(self) -> list[list[int]]:
        """The indices of each token's children, ascending (as `Token.children` gives them); read on
        first use, so that a test on a child's attributes needs no Token."""
        if self._children is None:
            kids: list[list[int]] = [[] for _ in self.head]
            for i, h in enumerate(self.head):
                if h != i:
                    kids[h].append(i)
            self._children = kids
        return self._children

    @property
    def unknown(self) -> list[int]:
        """The tokens whose letters are unknown (`gazetteer.letters`), ascending; read on first use."""
        if self._unknown is None:
            # ASCII words always have letters: only the others are read
            odd = {w for w in set(self.words) if not w.isascii() and letters(w) is None}
            self._unknown = [i for i, w in enumerate(self.words) if w in odd] if odd else []
        return self._unknown

    def candidate_ends(self, start: int, stop: int, index: LetterIndex) -> list[int]:
        """The ends j (start < j <= stop, ascending) of the spans [start, j) whose text can be
        one `index` knows: the others certainly are not."""
        words = self.words
        full, prefixes = index.full, index.prefixes
        out: list[int] = []
        chars = ""
        for j in range(start + 1, stop + 1):
            part = letters(words[j - 1])
            if part is None:  # letters unknown from here on: every longer span stays a candidate
                return out + list(range(j, stop + 1))
            chars += part
            # (a leading article, which the index allows for, starts with "t" or "a")
            article = chars[:1] in ("t", "a")
            if chars in full or (article and index.may_match(chars)):
                out.append(j)
            elif chars not in prefixes and not (article and index.may_extend(chars)):
                # no span of known letters extends this one; only those through a word
                # whose letters are unknown remain
                unknown = self.unknown
                k = bisect_left(unknown, j)
                if k == len(unknown) or unknown[k] >= stop:
                    return out
                return out + list(range(unknown[k] + 1, stop + 1))
        return out


def token_view(doc: Doc) -> TokenView:
    """Read the token attributes of `doc` once."""
    array = doc.to_array(
        [ORTH, LOWER, LEMMA, POS, TAG, DEP, IS_PUNCT, IS_SPACE, IDX, SPACY, HEAD, IS_QUOTE, LIKE_NUM]
        + [SENT_START]
    )
    names, lowered = _names(doc.vocab.strings)
    if len(names) > MAX_NAMES:
        names.clear()
        lowered.clear()
    hashes = array[:, :6].flatten()  # of the strings: their distinct values, by sorting
    hashes.sort()
    distinct = hashes[:1].tolist() + hashes[1:][hashes[1:] != hashes[:-1]].tolist()
    for h in distinct:
        if h not in names:
            names[h] = doc.vocab.strings[h]
            lowered[h] = names[h].lower()
    word_of, lower_of = names.__getitem__, lowered.__getitem__
    words = list(map(word_of, array[:, 0].tolist()))
    spaced = array[:, 9].tolist()
    return TokenView(
        # as `Doc.text` builds it: each token's text and its trailing space
        text="".join([w + " " if s else w for w, s in zip(words, spaced, strict=True)]),
        words=words,
        lower=list(map(word_of, array[:, 1].tolist())),
        lemma=list(map(lower_of, array[:, 2].tolist())),
        pos=list(map(word_of, array[:, 3].tolist())),
        tag=list(map(word_of, array[:, 4].tolist())),
        dep=list(map(word_of, array[:, 5].tolist())),
        punct=(array[:, 6] == 1).tolist(),
        space=(array[:, 7] == 1).tolist(),
        quote=(array[:, 11] == 1).tolist(),
        idx=array[:, 8].tolist(),
        # HEAD is the offset to the head, stored unsigned (64 bits): as signed, it wraps around
        head=(np.arange(len(array), dtype=np.int64) + array[:, 10].astype(np.int64)).tolist(),
        like_num=(array[:, 12] == 1).tolist(),
        # (SENT_START is 1, -1 or 0, stored unsigned: only 1 starts a sentence)
        sent_starts=(np.flatnonzero(array[1:, 13] == 1) + 1).tolist(),
    )


@lru_cache(maxsize=4)
def _names(strings: StringStore) -> tuple[dict[int, str], dict[int, str]]:
    """The strings of a StringStore by hash, as read so far, and their lower-cased forms
    (filled by `token_view`: the store's lookup is slow, and words recur from article to
    article; like the store itself, they only grow)."""
    return {}, {}


def noun_chunks_with(doc: Doc, view: TokenView, ids: Sequence[int]) -> Iterator[Span]:
    """`doc.noun_chunks`, less those of the sentences without any of the tokens `ids`.

    spaCy's chunker decides each chunk within its sentence when no token's
    head lies outside it (the parser's trees never cross sentences), so the
    sentences wanted are chunked alone; should a head cross, every chunk of
    the article is given.
    """
    if not ids:
        return
    sents = list(doc.sents)
    head = view.head
    if not all(min(head[s.start : s.end]) >= s.start and max(head[s.start : s.end]) < s.end for s in sents):
        yield from doc.noun_chunks
        return
    wanted = set(ids)
    for sent in sents:
        if not wanted.isdisjoint(range(sent.start, sent.end)):
            for start, end, label in doc.noun_chunks_iterator(sent):  # type: ignore[attr-defined]
                yield Span(doc, start, end, label=label)
