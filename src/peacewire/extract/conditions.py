"""What a stance is tied to and how it is qualified.

Conditions are short phrases from the text that a stance depends on ("only
under the protection of NATO forces", "if there are no diplomatic options"),
found from the markers of `data/issues.yaml`.  Qualifiers (ANNOTATION.md):
`hedged` (a tentative or reluctant stance), `temporary`, `partial`, and
`past` (a stance the article says was held before and dropped).  All are
read within the clause that carries the stance, so a hedge elsewhere in a
long sentence does not leak in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from peacewire.extract.issues import PositionLexicon
from peacewire.extract.stance import Reading
from peacewire.extract.tokenview import TokenView

PAST_TAGS = frozenset({"VBD", "VBN"})


def scope(reading: Reading, sent: Span | None = None) -> Span:
    """The clause the stance is read in: the highest token climbed below the reporting verb.

    `sent` is the cue's sentence, when the caller has it (`Token.sent` searches for it).
    """
    top = reading.path[-1]
    if reading.reporter is not None and len(reading.path) >= 2 and top.i == reading.reporter.i:
        top = reading.path[-2]
    if sent is None or not sent.start <= top.i < sent.end:
        sent = top.sent
    left = min(top.left_edge.i, reading.cue.start)
    right = max(top.right_edge.i + 1, reading.cue.end)
    return sent.doc[max(left, sent.start) : min(right, sent.end)]


@dataclass(frozen=True)
class Clause:
    """What the qualifiers of one reading look at, read once: its clause (`scope`) and sentence.

    `words` and `sentence` are lower-cased words between single spaces, with
    a space at each end, so that " word " finds whole words.
    """

    span: Span
    words: str
    raw: str
    """The clause's text, lower-cased."""
    sentence: str
    before_cue: str
    """The sentence's words before the cue."""
    tokens: TokenView = field(compare=False, repr=False)
    """The article's tokens, for tests on the path's children without building Tokens."""


def clause_of(reading: Reading, tokens: TokenView, sent: Span) -> Clause:
    """The clause and sentence of a reading whose cue stands in `sent`."""
    span = scope(reading, sent)
    return Clause(
        span=span,
        words=tokens.joined_lower(span.start, span.end),
        raw=tokens.text[span.start_char : span.end_char].lower(),
        sentence=tokens.joined_lower(sent.start, sent.end),
        before_cue=tokens.joined_lower(sent.start, min(sent.end, reading.cue.start)),
        tokens=tokens,
    )


def _has_word(text: str, word: str) -> bool:
    return f" {word} " in text


@lru_cache(maxsize=4)
def _temporary_patterns(lex: PositionLexicon) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in lex.temporary_patterns)


def vague(clause: Clause, lex: PositionLexicon) -> bool:
    """ "Reports suggest ...", "X is said to ...": a clause with no source at all."""
    return any(f" {p} " in clause.words for p in lex.vague_phrases)


def hedged(reading: Reading, lex: PositionLexicon, clause: Clause) -> bool:
    """A modal of possibility or a hedging word on the stance's own words, a "maybe" in its
    clause, or a hedging phrase in its sentence."""
    view = clause.tokens
    lower, dep, kids = view.lower, view.dep, view.children
    stop = reading.reporter.i if reading.reporter is not None else -1
    words = set()
    for tok in reading.path:
        i = tok.i
        if i == stop:
            break
        words.add(lower[i])
        words.add(view.lemma[i])
        for c in kids[i]:
            if dep[c] in ("aux", "advmod", "neg", "prt"):
                words.add(lower[c])
    if words & lex.hedge_words:
        return True
    if any(_has_word(clause.words, w) for w in lex.hedge_clause_words):
        return True
    return any(p in clause.sentence for p in lex.hedge_phrases)


def temporary(clause: Clause, lex: PositionLexicon) -> bool:
    if any(_has_word(clause.words, w) for w in lex.temporary_words):
        return True
    return any(pattern.search(clause.raw) for pattern in _temporary_patterns(lex))


def partial(reading: Reading, lex: PositionLexicon, clause: Clause) -> bool:
    if reading.partial:
        return True
    return any(_has_word(clause.words, w) for w in lex.partial_words)


def past_strength(reading: Reading, lex: PositionLexicon, clause: Clause) -> int:
    """2: the article says the stance was dropped; 1: it places it before (weak); 0: current."""
    if any(f" {p} " in clause.sentence for p in lex.past_phrases):
        return 2
    if _relented(reading, lex):
        return 2
    view = clause.tokens
    lower, dep, kids = view.lower, view.dep, view.children
    for tok in reading.path:
        for c in kids[tok.i]:
            if lower[c] not in lex.past_adverbs or dep[c] not in ("advmod", "amod", "npadvmod"):
                continue
            # "Previously, he had maintained" / "his previous suggestions", not "has repeatedly said"
            if (tok.tag_ in PAST_TAGS or tok.pos_ == "NOUN" or past_perfect(tok)) and not _present_perfect(
                tok
            ):
                return 1
    return 0


def _relented(reading: Reading, lex: PositionLexicon) -> bool:
    """ "Washington resisted sending jets for a year before Biden relented": a "before" / "until"
    clause of giving in, on a stance word of the path, ends that stance."""
    for frame in reading.frames:
        for child in frame.token.children:
            if child.dep_ != "advcl" or child.lemma_.lower() not in lex.past_relenting:
                continue
            if any(m.dep_ == "mark" and m.lower_ in ("before", "until") for m in child.children):
                return True
    return False


def reversed_stance(clause: Clause, lex: PositionLexicon) -> bool:
    """ "After months of insisting that ..., Washington will now send tanks": the stance is new and its
    opposite was held before (a `reversal` phrase opens the holder's sentence before the cue)."""
    return any(f" {p} " in clause.before_cue for p in lex.past_reversal)


def past_perfect(tok: Token) -> bool:
    """ "had insisted", "had been ready": the clause tells of a time before another."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)


def _present_perfect(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children)


def conditions(reading: Reading, lex: PositionLexicon, clause: Clause, tokens: TokenView) -> list[str]:
    """Condition phrases inside the stance's clause that do not contain the cue itself."""
    span = clause.span
    doc = span.doc
    lowers = tokens.lower[span.start : span.end]
    starts: dict[str, list[int]] = {}  # where each word stands: markers are looked up by first word
    for i, low in enumerate(lowers):
        starts.setdefault(low, []).append(i)
    out: list[str] = []
    used: set[int] = set()
    for words in _markers(lex):
        for i in starts.get(words[0], ()):
            if lowers[i : i + len(words)] != words:
                continue
            first = doc[span.start + i]
            if first.i in used:
                continue
            phrase = _phrase_after(first, doc[span.start + i + len(words) - 1], span, lex)
            if phrase is None:
                continue
            cue_ids = {t.i for t in reading.cue.tokens}
            if cue_ids & {t.i for t in phrase}:
                continue
            used.update(t.i for t in phrase)
            text = phrase.text.strip(" ,;:.\"'“”")
            if text and text not in out:
                out.append(text)
    return out


@lru_cache(maxsize=4)
def _markers(lex: PositionLexicon) -> list[list[str]]:
    """The condition markers as word lists, longest first (a longer marker claims its words first)."""
    return [m.split() for m in sorted(lex.condition_markers, key=lambda m: -len(m.split()))]


def _phrase_after(first: Token, last: Token, span: Span, lex: PositionLexicon) -> Span | None:
    """The marker with the constituent it introduces, cut at the clause and `max_words`."""
    doc = first.doc
    if last.dep_ == "mark":
        end = last.head.right_edge.i + 1
    elif last.dep_ in ("prep", "agent") or last.pos_ == "ADP":
        end = last.right_edge.i + 1
    else:
        end = max(last.right_edge.i, last.i) + 1
    end = min(end, span.end, first.i + lex.condition_max_words)
    start = first.i
    if first.lower_ in ("only",) and first.i + 1 < end:
        start = first.i + 1
    for j in range(start + 1, end):
        if doc[j].text in (";", "—", "–") or doc[j].text == "," and doc[j].i > start + 3:
            end = j
            break
    if end - start < 2:
        return None
    return doc[start:end]
