"""Resolve who said each quotation.

`quotes.py` finds the phrase that names the source (the subject of the
reporting verb, the object of "according to"); this module turns it into an
actor's name through the article's `ActorTable`: names and aliases directly,
titles and roles ("the mayor") and unnamed officials ("US officials") through
`ActorTable.resolve`, pronouns through the discourse (the speaker being
quoted, else the last actor of the right kind mentioned before), and
unattributed quotation paragraphs through the quote before them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from peacewire.extract.lexicon import ReportingLexicon, reporting_lexicon
from peacewire.extract.quotes import QuoteCandidate
from peacewire.records import Actor

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them", "we"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
CONTINUATION_PARAGRAPHS = 2
"""How many paragraph breaks an unattributed quotation may follow its speaker's last quote."""


class ActorLookup(Protocol):
    """What speaker resolution needs from the article's actor table."""

    actors: list[Actor]

    def resolve(self, span: Span) -> Actor | None: ...

    def actor_at(self, start: int, end: int) -> Actor | None: ...

    def add_mention(self, actor: Actor, span: Span) -> None: ...


@dataclass
class Attribution:
    """The outcome for one candidate: keep it or not, and who said it."""

    keep: bool
    speaker: Actor | None = None


def noun_phrase(tok: Token) -> Span:
    """The phrase a subject token heads, without trailing punctuation or clauses."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "advcl") or child.pos_ == "VERB":
            break
        right = child.right_edge.i
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1]


class SpeakerResolver:
    """Walks an article's candidates in order, keeping the discourse state."""

    def __init__(self, doc: Doc, table: ActorLookup, lex: ReportingLexicon | None = None) -> None:
        self.doc = doc
        self.table = table
        self.lex = lex or reporting_lexicon()
        self.history: list[tuple[int, Actor | None]] = []

    # -- discourse helpers ---------------------------------------------------

    def _paragraph_breaks(self, start: int, end: int) -> int:
        return self.doc.text.count("\n", start, end)

    def _last_quoted(self, before: int, want_person: bool | None) -> Actor | None:
        for pos, actor in reversed(self.history):
            if pos >= before or actor is None:
                continue
            if want_person is None or (actor.type == "person") == want_person:
                if self._paragraph_breaks(pos, before) <= CONTINUATION_PARAGRAPHS + 2:
                    return actor
        return None

    def _last_mentioned(self, before: int, want_person: bool) -> Actor | None:
        best: tuple[int, Actor] | None = None
        for actor in self.table.actors:
            if (actor.type == "person") != want_person or actor.type == "media":
                continue
            for start, _end in actor.mentions:
                if start < before and (best is None or start > best[0]):
                    best = (start, actor)
        return best[1] if best else None

    def _pronoun(self, tok: Token) -> Actor | None:
        word = tok.lower_
        at = tok.idx
        if word in PERSON_PRONOUNS:
            sent_start = tok.sent.start_char
            mentioned = self._last_mentioned(at, want_person=True)
            quoted = self._last_quoted(at, want_person=True)
            # A person named earlier in the same sentence wins ("Putin said he ...").
            if mentioned is not None and any(sent_start <= s < at for s, _ in mentioned.mentions):
                return mentioned
            return quoted or mentioned
        if word in GROUP_PRONOUNS:
            quoted = self._last_quoted(at, want_person=False)
            mentioned = self._last_mentioned(at, want_person=False)
            if mentioned is not None and quoted is not None:
                last_mention = max(s for s, _ in mentioned.mentions if s < at)
                last_quote = max(p for p, a in self.history if a is quoted)
                return mentioned if last_mention > last_quote else quoted
            return quoted or mentioned
        return None

    # -- the phrase naming the source -------------------------------------

    def _owner(self, noun: Token) -> Token | None:
        """"the ministry's statement", "a statement from the Kremlin"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return child
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        return None

    def _source(self, subj: Token, at: int) -> Attribution:
        if subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl":
            subj = subj.head.head
        lemma = subj.lemma_.lower()
        if subj.pos_ == "PRON":
            if subj.lower_ in ("i", "you"):
                return Attribution(True, None)
            if subj.lower_ in ("it", "there") and subj.dep_ == "expl":
                return Attribution(False)
            return Attribution(True, self._pronoun(subj))
        if lemma in self.lex.speech_nouns or subj.lower_ in self.lex.speech_nouns:
            owner = self._owner(subj)
            if owner is not None:
                return self._source(owner, at)
            if lemma in self.lex.vague_subjects:
                return Attribution(False)
            return Attribution(True, self._last_quoted(at, want_person=None))
        phrase = noun_phrase(subj)
        actor = self.table.resolve(phrase)
        if actor is not None:
            self.table.add_mention(actor, phrase)
            return Attribution(True, actor)
        if lemma in self.lex.vague_subjects or subj.lower_ in self.lex.vague_subjects:
            return Attribution(False)
        return Attribution(True, None)

    # -- public ------------------------------------------------------------

    def attribute(self, cand: QuoteCandidate) -> Attribution:
        if cand.subject is not None:
            result = self._source(cand.subject, cand.start)
        elif cand.kind == "direct":
            result = Attribution(True, self._continuation(cand))
        else:
            result = Attribution(True, None)
        if result.keep:
            self.history.append((cand.start, result.speaker))
        return result

    def _continuation(self, cand: QuoteCandidate) -> Actor | None:
        """An unattributed quotation continues the speaker quoted just before."""
        for pos, actor in reversed(self.history):
            if pos < cand.start:
                if self._paragraph_breaks(pos, cand.start) <= CONTINUATION_PARAGRAPHS * 2:
                    return actor
                break
        return None
