"""Pair quotation marks in plain text.

Quotation marks are the surest sign of quoted speech, but news text mixes
straight and curly marks, nests single marks inside double ones, and follows
the convention that a quotation running over several paragraphs re-opens at
each paragraph without closing the previous one.  This module only pairs
marks; deciding what a pair is (a quote, a fragment, a title) is left to
`quotes.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = {"“": "”", "„": "“", "«": "»", '"': '"'}
"""Double opening marks and the mark that closes each."""

CLOSING_CURLY = {"”", "»"}

_PARAGRAPH = re.compile(r"[^\n]+")
_MARK = re.compile('[“”„«»"]')


@dataclass(frozen=True)
class MarkPair:
    """A quotation: marks at `open` and `close`; content is text[open+1:close]."""

    open: int
    close: int

    @property
    def content(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _straight_is_opening(text: str, i: int) -> bool:
    """Guess whether a straight double mark at `i` opens (by its neighbours)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-:":
        return True
    if after.isspace() or after in ".,;:!?)]}":
        return False
    return not before.isalnum()


def pair_marks(text: str) -> list[MarkPair]:
    """Return the double-quote pairs of `text`, paragraph by paragraph, in order.

    A pair never spans a line break; an opening mark left unclosed at the end
    of its paragraph closes there (the multi-paragraph convention), so the
    text up to the paragraph's end is still read as quoted.
    """
    pairs: list[MarkPair] = []
    for para in _PARAGRAPH.finditer(text):
        start, end = para.span()
        open_at: int | None = None
        closer = ""
        for m in _MARK.finditer(text, start, end):
            i, ch = m.start(), m.group()
            if open_at is None:
                if ch in "“„«":
                    open_at, closer = i, OPENING[ch]
                elif ch == '"' and _straight_is_opening(text, i):
                    open_at, closer = i, '"'
            elif ch == closer or (closer != '"' and ch in CLOSING_CURLY):
                if i > open_at + 1:
                    pairs.append(MarkPair(open_at, i))
                open_at = None
        if open_at is not None:
            last = end
            while last > open_at + 1 and text[last - 1].isspace():
                last -= 1
            if last > open_at + 1:
                pairs.append(MarkPair(open_at, last))
    return pairs
