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

from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from peacewire.extract.lexicon import ReportingLexicon, reporting_lexicon
from peacewire.extract.quotemarks import MarkPair, pair_marks
from peacewire.extract.quotes import QuoteCandidate
from peacewire.records import Actor

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them", "we"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PRONOUN_PARAGRAPHS = 6
"""How many line breaks back a pronoun's antecedent may stand."""
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
    also: list[Actor] = field(default_factory=list)
    """Further parties of a joint statement ("Kyiv and Washington said …")."""


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

    def __init__(
        self,
        doc: Doc,
        table: ActorLookup,
        lex: ReportingLexicon | None = None,
        text: str | None = None,
        pairs: list[MarkPair] | None = None,
    ) -> None:
        self.doc = doc
        self.table = table
        self.lex = lex or reporting_lexicon()
        self.history: list[tuple[int, Actor | None]] = []
        self.spans: list[tuple[int, int]] = []
        """Spans of the quotations attributed so far: names inside them are not antecedents."""
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on every access
        self.pairs = pair_marks(self.text) if pairs is None else pairs

    # -- discourse helpers ---------------------------------------------------

    def _paragraph_breaks(self, start: int, end: int) -> int:
        return self.text.count("\n", start, end)

    def _last_quoted(self, before: int, want_person: bool | None) -> Actor | None:
        for pos, actor in reversed(self.history):
            if pos >= before or actor is None:
                continue
            if want_person is None or (actor.type == "person") == want_person:
                if self._paragraph_breaks(pos, before) <= CONTINUATION_PARAGRAPHS + 2:
                    return actor
        return None

    def _in_quotation(self, pos: int) -> bool:
        """Inside quotation marks or inside reported speech already attributed."""
        return any(p.open < pos < p.close for p in self.pairs) or any(
            start <= pos < end for start, end in self.spans
        )

    def _is_subject(self, start: int, end: int) -> bool:
        """Whether a mention stands as the subject of its clause."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span.root
        while root.dep_ in ("compound", "appos", "flat", "nmod") and root.head.i != root.i:
            root = root.head
        if root.dep_ in ("nsubj", "nsubjpass"):
            return True
        return root.dep_ == "pobj" and root.head.dep_ == "agent"

    def _antecedents(self, before: int, want_person: bool) -> list[tuple[int, bool, Actor]]:
        """Earlier mentions of the right kind outside quotations, with subjecthood."""
        out: list[tuple[int, bool, Actor]] = []
        for actor in self.table.actors:
            if actor.type == "media" or (actor.type == "person") != want_person:
                continue
            for start, end in actor.mentions:
                if start < before and not self._in_quotation(start):
                    out.append((start, self._is_subject(start, end), actor))
        for pos, quoted in self.history:
            if quoted is not None and pos < before and (quoted.type == "person") == want_person:
                out.append((pos, True, quoted))
        out.sort(key=lambda x: x[0])
        return out

    def _pronoun(self, tok: Token) -> Actor | None:
        """Resolve he/she/it/they: the nearest earlier subject of the right kind.

        Subjects outrank other mentions (in "Peskov rejected Trump's words.
        He added …", "he" is Peskov), names inside quotations are skipped,
        and the search stops a few paragraphs back.
        """
        word = tok.lower_
        if word in PERSON_PRONOUNS:
            want_person = True
        elif word in GROUP_PRONOUNS:
            want_person = False
        else:
            return None
        cands = [
            c
            for c in self._antecedents(tok.idx, want_person)
            if self._paragraph_breaks(c[0], tok.idx) <= PRONOUN_PARAGRAPHS
        ]
        if not cands:
            return None
        sent_start = tok.sent.start_char
        same_sentence = [c for c in cands if c[0] >= sent_start]
        for pool in (same_sentence, cands):
            subjects = [c for c in pool if c[1]]
            if subjects:
                return subjects[-1][2]
        return cands[-1][2]

    # -- the phrase naming the source -------------------------------------

    def _owner(self, noun: Token) -> Token | None:
        """ "the ministry's statement", "a statement from the Kremlin"."""
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
            return Attribution(True, actor, self._joint_parties(subj, actor))
        if lemma in self.lex.vague_subjects or subj.lower_ in self.lex.vague_subjects:
            return Attribution(False)
        return Attribution(True, None)

    def _joint_parties(self, subj: Token, first: Actor) -> list[Actor]:
        """The other parties of a coordinated subject ("The US and Ukraine said")."""
        out: list[Actor] = []
        for conj in subj.conjuncts:
            if conj.i < subj.i or conj.pos_ == "PRON":
                continue
            actor = self.table.resolve(noun_phrase(conj))
            if actor is not None and actor is not first and actor not in out:
                out.append(actor)
        return out

    # -- public ------------------------------------------------------------

    def attribute(self, cand: QuoteCandidate) -> Attribution:
        if cand.subject is not None:
            result = self._source(cand.subject, cand.start)
            if cand.relay is not None and result.keep:
                relay = self._source(cand.relay, cand.start)
                # An official relaying his government's line speaks himself
                # ("Moscow will not accept X, the minister said").
                if (
                    relay.speaker is not None
                    and relay.speaker.type == "person"
                    and (result.speaker is None or result.speaker.type != "person")
                ):
                    result = relay
        elif cand.kind == "direct":
            result = Attribution(True, self._continuation(cand))
        else:
            result = Attribution(True, None)
        if result.keep:
            self.history.append((cand.start, result.speaker))
            self.spans.append((cand.start, cand.end))
        return result

    def _continuation(self, cand: QuoteCandidate) -> Actor | None:
        """An unattributed quotation continues the speaker quoted just before,
        else it belongs to the person the paragraphs before it are about."""
        for pos, actor in reversed(self.history):
            if pos < cand.start:
                if self._paragraph_breaks(pos, cand.start) <= CONTINUATION_PARAGRAPHS * 2:
                    return actor
                break
        subjects = [
            c
            for c in self._antecedents(cand.start, want_person=True)
            if c[1] and self._paragraph_breaks(c[0], cand.start) <= CONTINUATION_PARAGRAPHS * 2
        ]
        return subjects[-1][2] if subjects else None
