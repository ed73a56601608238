"""Which sentences of a cleaned article are body text that events may come from.

ANNOTATION.md: headlines, standfirsts, captions and "Read more" lines are not
article text, and an item whose words run into the cut of a truncated
article is not annotated.  Cleaning removes most of that; what survives is
recognisable by shape: a line that is one short sentence without closing
punctuation is a headline or a dateline, a line ending in a photo credit is a
caption, and the last sentence of a text that stops mid-sentence is cut.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span

CLOSERS = ".!?…\"”’'»]:;"
HEADLINE_MAX_TOKENS = 18


@dataclass(frozen=True)
class BodySentence:
    """A sentence to read events from; `end` cuts off words that run into a truncation."""

    sent: Span
    end: int
    """Doc token index after the last usable token."""

    @cached_property
    def span(self) -> Span:
        return self.sent.doc[self.sent.start : self.end]


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _closed(s: str) -> bool:
    s = s.rstrip()
    if s.endswith(")") and "(" in s:
        # "... kills 4 (UPDATED)": judge the words before a closing parenthesis
        s = s[: s.rfind("(")].rstrip()
    return bool(s) and s[-1] in CLOSERS


def _is_caption_line(line: str, markers: Iterable[str]) -> bool:
    low = line.lower()
    return any(m in low for m in markers)


def body_sentences(doc: Doc, caption_markers: Iterable[str], text: str | None = None) -> list[BodySentence]:
    """The body sentences of a parsed article, in order, the truncated tail trimmed.

    `text` is `doc.text` where the caller has it already (spaCy rebuilds it on every access).
    """
    text = doc.text if text is None else text
    markers = tuple(caption_markers)
    sents = [s for s in doc.sents if text[s.start_char : s.end_char].strip()]
    out: list[BodySentence] = []
    last_content = max((s.end_char for s in sents), default=0)
    for s in sents:
        line_start, line_end = _line_bounds(text, s.start_char)
        line = text[line_start:line_end]
        if (
            _is_caption_line(line, markers)
            or _is_caption_line(_next_line(text, line_end), markers)
            and (_is_credit_only(_next_line(text, line_end)))
        ):
            continue
        stripped = text[s.start_char : s.end_char].strip()
        alone = text[line_start : s.start_char].strip() == "" and text[s.end_char : line_end].strip() == ""
        if not _closed(stripped):
            if s.end_char >= last_content and text[s.end_char :].strip() == "":
                # the text stops here, mid-sentence: keep only the clauses before the cut
                cut = _last_clause_break(s)
                if cut is not None:
                    out.append(BodySentence(s, cut))
                continue
            if alone and sum(1 for t in s if not t.is_space and not t.is_punct) <= HEADLINE_MAX_TOKENS:
                continue  # a headline, a dateline, a standfirst
        out.append(BodySentence(s, s.end))
    return out


def _next_line(text: str, line_end: int) -> str:
    """The next non-empty line after the one ending at `line_end`."""
    start = line_end
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            return text[start:end]
        start = end + 1
    return ""


def _is_credit_only(line: str) -> bool:
    """A line that is nothing but a parenthesised credit: "(Photo by X/AFP via Getty Images)"."""
    s = line.strip()
    return s.startswith("(") and s.endswith(")")


def _last_clause_break(s: Span) -> int | None:
    """Doc index just after the last comma/semicolon of a cut sentence (None if none)."""
    for tok in reversed(list(s)):
        if tok.text in (",", ";", ":", "—", "–"):
            return tok.i
    return None
