"""The record of one found quotation, shared by the finders, the speaker resolver and callers.

It lives apart so that the marked-quote and reported-clause finders and the QuoteFinder
that assembles their results can all use it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from peacewire.extract.quotemarks import MarkPair
from peacewire.records import QuoteKind

TRAILING_SENTENCE_PUNCT = ".,;:"
"""Punctuation that belongs to the reporter's sentence, not to the quote."""


@dataclass
class QuoteCandidate:
    """A quotation before its speaker is resolved."""

    kind: QuoteKind
    start: int
    end: int
    text: str
    verb: Token | None = None
    """The reporting verb (or "according") that attributes the quote."""
    subject: Token | None = None
    """Head token of the phrase naming the source, when the sentence names one."""
    pair: MarkPair | None = None
    relay: Token | None = None
    """Head of the phrase that relays this quotation ("…, the minister said")."""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding space and sentence punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING_SENTENCE_PUNCT):
        end -= 1
    return start, end
