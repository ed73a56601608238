"""Resolve who said each quotation.

`quotes.py` finds the phrase that names the source (the subject of the
reporting verb, the object of "according to"); this module turns it into an
actor's name through the article's `ActorTable`: names and aliases directly,
titles and roles ("the mayor") and unnamed officials ("US officials") through
`ActorTable.resolve`, pronouns through the discourse (the subject of the
last attribution, even an unnamed one: "a retired officer said …; he added",
else the last actor of the right kind mentioned before, never one named in
the quotation itself), and unattributed quotation paragraphs through the quote
before them.  Groups speak as their parties: "X and Y said", "leaders,
including A and B, said", "the two delegations said", "both", and "they" after
them.  Documents ("the plan says", "it" standing for a paper) and vague
sources give no quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from peacewire.extract.antecedents import role_subjects
from peacewire.extract.gender import Genders
from peacewire.extract.lexicon import ReportingLexicon, reporting_lexicon
from peacewire.extract.quotemarks import MarkPair, pair_marks
from peacewire.extract.quotes import QuoteCandidate
from peacewire.extract.tokenview import TokenView, token_view
from peacewire.records import Actor

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them", "we"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we"})
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
"""A paragraph break, however many blank lines it spans."""
PARTY_NOUNS = frozenset(
    {"delegation", "side", "country", "government", "party", "nation", "leader", "president"}
)
"""Nouns for the parties of a pair ("the two delegations", "both sides")."""
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PRONOUN_PARAGRAPHS = 6
"""How many line breaks back a pronoun's antecedent may stand."""
CONTINUATION_PARAGRAPHS = 2
"""How many paragraph breaks an unattributed quotation may follow its speaker's last quote."""


class ActorLookup(Protocol):
    """What speaker resolution needs from the article's actor table."""

    actors: list[Actor]

    def resolve(self, span: Span, recent: Sequence[Actor] = ()) -> Actor | None: ...

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


@dataclass
class _Said:
    """One attribution made so far: where its subject stands, who spoke, and what
    kind of subject named them (for the pronouns that follow)."""

    at: int
    """Start of the quotation."""
    subject_at: int
    """Start of the subject phrase (the quotation's start when there is none)."""
    speaker: Actor | None
    parties: list[Actor | None]
    person: bool | None
    """Whether the subject names a person (None: not known, as for "it" of nothing)."""
    plural: bool


class SpeakerResolver:
    """Walks an article's candidates in order, keeping the discourse state."""

    def __init__(
        self,
        doc: Doc,
        table: ActorLookup,
        lex: ReportingLexicon | None = None,
        text: str | None = None,
        pairs: list[MarkPair] | None = None,
        tokens: TokenView | None = None,
    ) -> None:
        self.doc = doc
        self.tokens = token_view(doc) if tokens is None else tokens  # `ActorTable.tokens`
        self.table = table
        self.lex = lex or reporting_lexicon()
        self.history: list[_Said] = []
        self.spans: list[tuple[int, int]] = []
        """Spans of the quotations attributed so far: names inside them are not antecedents."""
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on every access
        self.pairs = pair_marks(self.text) if pairs is None else pairs
        self._current: tuple[int, int] = (-1, -1)
        """The quotation being attributed: names inside it are not its speaker."""
        self._subjects: dict[tuple[int, int], bool] = {}  # `_is_subject` of each mention, once
        self._in_pairs: dict[int, bool] = {}  # whether a position is inside marks, read once
        self._roles: list[tuple[int, Actor]] | None = None  # `_role_subjects`, read once
        self._genders = Genders(self.text)

    # -- discourse helpers ---------------------------------------------------

    def _paragraph_breaks(self, start: int, end: int) -> int:
        return self.text.count("\n", start, end)

    def _last_quoted(self, before: int, want_person: bool | None) -> Actor | None:
        for said in reversed(self.history):
            actor = said.speaker
            if said.at >= before or actor is None:
                continue
            if want_person is None or (actor.type == "person") == want_person:
                if self._paragraph_breaks(said.at, before) <= CONTINUATION_PARAGRAPHS + 2:
                    return actor
        return None

    def _recent_persons(self, before: int) -> list[Actor]:
        """The persons quoted last before `before` (latest first, two paragraphs back at most)."""
        out: list[Actor] = []
        for said in reversed(self.history):
            actor = said.speaker
            if said.at >= before:
                continue
            if len(_PARAGRAPH_BREAK.findall(self.text, said.at, before)) > 2:
                break
            if actor is not None and actor.type == "person" and actor not in out:
                out.append(actor)
        return out[:2]

    def _in_quotation(self, pos: int) -> bool:
        """Inside quotation marks, inside reported speech already attributed, or inside
        the quotation being attributed."""
        if self._current[0] <= pos < self._current[1]:
            return True
        inside = self._in_pairs.get(pos)
        if inside is None:
            # (every attribution asks again of the mentions before it)
            inside = self._in_pairs[pos] = any(p.open < pos < p.close for p in self.pairs)
        return inside or any(start <= pos < end for start, end in self.spans)

    def _is_subject(self, start: int, end: int) -> bool:
        """Whether a mention stands as the subject of its clause (read once per mention:
        every attribution asks again of the mentions before it)."""
        found = self._subjects.get((start, end))
        if found is None:
            found = self._subjects[(start, end)] = self._read_subject(start, end)
        return found

    def _read_subject(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span.root
        while root.dep_ in ("compound", "appos", "flat", "nmod") and root.head.i != root.i:
            root = root.head
        if root.dep_ in ("nsubj", "nsubjpass"):
            return True
        return root.dep_ == "pobj" and root.head.dep_ == "agent"

    def _antecedents(
        self, before: int, want_person: bool
    ) -> list[tuple[int, bool, list[Actor | None], bool]]:
        """Earlier mentions of the right kind outside quotations, with subjecthood, and
        the subjects of earlier attributions (also unnamed ones: "a retired officer said
        …; he added …"): (position, is a subject, the actors, plural)."""
        out: list[tuple[int, bool, list[Actor | None], bool]] = []
        for actor in self.table.actors:
            if actor.type == "media" or (actor.type == "person") != want_person:
                continue
            for start, end in actor.mentions:
                if start < before and not self._in_quotation(start):
                    out.append((start, self._is_subject(start, end), [actor], False))
        for said in self.history:
            if said.subject_at >= before or self._in_quotation(said.subject_at):
                continue
            if said.speaker is not None:
                if (said.speaker.type == "person") == want_person or said.plural:
                    out.append((said.subject_at, True, list(said.parties), said.plural))
            elif said.person is not None and (said.person == want_person or said.plural):
                out.append((said.subject_at, True, [None], said.plural))
        for at, actor in self._role_subjects():
            if at < before and (actor.type == "person") == want_person and not self._in_quotation(at):
                out.append((at, True, [actor], False))
        out.sort(key=lambda x: x[0])
        return out

    def _role_subjects(self) -> list[tuple[int, Actor]]:
        """Subjects naming an actor by a definite role noun only (`antecedents.role_subjects`), read
        once; whether one stands inside a quotation is asked at each use, as quotations are attributed."""
        if self._roles is None:
            self._roles = role_subjects(self.doc, self.table.resolve)
        return self._roles

    def _agrees(self, pronoun: str, actors: list[Actor | None]) -> bool:
        return len(actors) != 1 or actors[0] is None or self._genders.agree(pronoun, actors[0])

    def _pronoun(self, tok: Token) -> list[Actor | None]:
        """Resolve he/she/it/they: the nearest earlier subject of the right kind.

        Subjects outrank other mentions (in "Peskov rejected Trump's words.
        He added …", "he" is Peskov), names inside quotations (and inside the
        quotation being attributed) are skipped, the subject of an earlier
        attribution counts even when it named no one ("a retired officer"),
        "they" prefers a plural subject of its paragraph, and the search stops
        a few paragraphs back.  The result lists the parties a plural subject
        named ([None]: the antecedent is no actor).
        """
        word = tok.lower_
        plural = word in PLURAL_PRONOUNS
        if word in PERSON_PRONOUNS:
            want_person = True
        elif word in GROUP_PRONOUNS:
            want_person = False
        else:
            return [None]
        cands = [
            c
            for c in self._antecedents(tok.idx, want_person)
            if self._paragraph_breaks(c[0], tok.idx) <= PRONOUN_PARAGRAPHS
            and (not want_person or self._agrees(word, c[2]))  # "he" is not the woman just quoted
        ]
        if plural:
            para = [c for c in cands if c[1] and c[3] and self._paragraph_breaks(c[0], tok.idx) == 0]
            if para:
                return para[-1][2]
        else:
            cands = [c for c in cands if not c[3]]
        if not cands:
            return [None]
        sent_start = self.tokens.sentence_chars(tok.i)[0]
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
        if subj.lower_ in RELATIVE_PRONOUNS:
            if subj.head.dep_ == "relcl":
                subj = subj.head.head
            elif subj.i > 0 and self.doc[subj.i - 1].pos_ in ("PROPN", "NOUN"):
                subj = self.doc[subj.i - 1]  # "quoted Putin who questioned …", misparsed
        lemma = subj.lemma_.lower()
        if subj.lower_ == "both" and subj.dep_ in ("nsubj", "nsubjpass"):
            pair = self._last_pair(subj)
            return Attribution(True, pair[0], pair[1:]) if pair else Attribution(True, None)
        if subj.pos_ == "PRON":
            if subj.lower_ in ("i", "you"):
                return Attribution(True, None)
            if subj.lower_ in ("it", "there") and subj.dep_ == "expl":
                return Attribution(False)
            if subj.lower_ == "it" and self._document_antecedent(subj):
                return Attribution(False)  # "The paper urges … It also warns …": a document's text
            found = self._pronoun(subj)
            return Attribution(True, found[0], [a for a in found[1:] if a is not None])
        if subj.pos_ != "PROPN" and (lemma in self.lex.speech_nouns or subj.lower_ in self.lex.speech_nouns):
            owner = self._owner(subj)
            if owner is not None:
                return self._source(owner, at)
            if lemma in self.lex.vague_subjects:
                return Attribution(False)
            return Attribution(True, self._last_quoted(at, want_person=None))
        if subj.pos_ == "NOUN" and lemma in self.lex.document_nouns:
            return Attribution(False)  # quoted text of documents is no quote (ANNOTATION.md)
        included = self._included_parties(subj)
        if included:
            return Attribution(True, included[0], included[1:])
        paired = self._pair_of_parties(subj, at)
        if paired:
            return Attribution(True, paired[0], paired[1:])
        phrase = noun_phrase(subj)
        actor = self.table.resolve(phrase, self._recent_persons(at))
        if actor is not None:
            self.table.add_mention(actor, phrase)
            return Attribution(True, actor, self._joint_parties(subj, actor))
        if lemma in self.lex.vague_subjects or subj.lower_ in self.lex.vague_subjects:
            return Attribution(False)
        return Attribution(True, None)

    def _earlier_subjects(self, tok: Token, sentences: int = 1) -> list[Token]:
        """Subjects of the clauses from `sentences` sentences before `tok`'s up to it,
        outside quotations."""
        start = self.tokens.sentence(tok.i)[0]
        for _ in range(sentences):
            if start > 0:
                start = self.tokens.sentence(start - 1)[0]
        dep, head, idx = self.tokens.dep, self.tokens.head, self.tokens.idx
        return [
            self.doc[i]
            for i in range(start, tok.i)
            if dep[i] in ("nsubj", "nsubjpass")
            and dep[head[i]] not in ("relcl", "acl", "advcl")  # main clauses: what a pronoun picks up
            and not self._in_quotation(idx[i])
        ]

    def _document_antecedent(self, pronoun: Token) -> bool:
        """Whether "it" stands for a document ("The paper urges … It also warns …"): the
        nearest earlier subject that is a document or an actor is a document."""
        for subj in reversed(self._earlier_subjects(pronoun, sentences=2)):
            if subj.pos_ not in ("NOUN", "PROPN"):
                continue
            if subj.lemma_.lower() in self.lex.document_nouns:
                return True
            if self.table.actor_at(subj.idx, subj.idx + len(subj)) is not None:
                return False
        return False

    def _last_pair(self, subj: Token) -> list[Actor]:
        """ "Russia and Ukraine accuse each other … Both deny it": the last coordinated subject."""
        for cand in reversed(self._earlier_subjects(subj)):
            members = [cand, *cand.conjuncts]
            if len(members) < 2:
                continue
            out: list[Actor] = []
            for m in sorted(members, key=lambda t: t.i):
                actor = self.table.resolve(noun_phrase(m))
                if actor is not None and actor not in out:
                    out.append(actor)
            if len(out) >= 2:
                return out
        return []

    def _joint_parties(self, subj: Token, first: Actor) -> list[Actor]:
        """The other parties of a coordinated subject ("The US and Ukraine said")."""
        out: list[Actor] = []
        for conj in subj.conjuncts:
            if conj.i < subj.i or conj.pos_ == "PRON" or self._current[0] <= conj.idx < self._current[1]:
                continue  # (a conjunct inside the quotation is no party: the parser's slip)
            actor = self.table.resolve(noun_phrase(conj))
            if actor is not None and actor is not first and actor not in out:
                out.append(actor)
        return out

    def _included_parties(self, subj: Token) -> list[Actor]:
        """ "European leaders, including A, B and C, said": the named members speak."""
        if subj.tag_ not in ("NNS", "NNPS"):
            return []
        for prep in subj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("including", "like"):
                objs = [c for c in prep.subtree if c.dep_ == "pobj"]
                if not objs:
                    continue
                members = [objs[0], *objs[0].conjuncts]
                out: list[Actor] = []
                for m in sorted(members, key=lambda t: t.i):
                    actor = self.table.resolve(noun_phrase(m))
                    if actor is not None and actor not in out:
                        out.append(actor)
                return out
        return []

    def _pair_of_parties(self, subj: Token, at: int) -> list[Actor]:
        """ "the two delegations said", "both sides said": the last two parties quoted."""
        counted = any(
            (c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
            for c in subj.children
        )
        if not counted or subj.tag_ not in ("NNS", "NNPS") or subj.lemma_.lower() not in PARTY_NOUNS:
            return []
        persons = subj.lemma_.lower() in ("leader", "president")
        out: list[Actor] = []
        for said in reversed(self.history):
            actor = said.speaker
            if said.at >= at or self._paragraph_breaks(said.at, at) > CONTINUATION_PARAGRAPHS:
                break
            if actor is not None and (actor.type == "person") == persons and actor not in out:
                out.append(actor)
            if len(out) == 2:
                return list(reversed(out))
        return []

    # -- public ------------------------------------------------------------

    def attribute(self, cand: QuoteCandidate) -> Attribution:
        self._current = (cand.start, cand.end)
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
        self._current = (-1, -1)
        if result.keep:
            self.history.append(self._said(cand, result))
            self.spans.append((cand.start, cand.end))
        return result

    def _said(self, cand: QuoteCandidate, result: Attribution) -> _Said:
        """What the attribution leaves for the pronouns after it."""
        parties: list[Actor | None] = [result.speaker, *result.also]
        subj = cand.subject
        person: bool | None = None if result.speaker is None else result.speaker.type == "person"
        if subj is None:
            return _Said(cand.start, cand.start, result.speaker, parties, person, len(parties) > 1)
        plural = len(parties) > 1 or subj.tag_ in ("NNS", "NNPS") or subj.lower_ in PLURAL_PRONOUNS
        if result.speaker is not None:
            pass
        elif subj.lower_ in PERSON_PRONOUNS:
            person = True
        elif subj.pos_ == "NOUN" and subj.lemma_.lower() in self.lex.anonymous_subjects:
            person = True  # "a retired officer", "economists": someone the article does not name
        at = subj.left_edge.idx if subj.left_edge.i <= subj.i else subj.idx
        return _Said(cand.start, at, result.speaker, parties, person, plural)

    def _continuation(self, cand: QuoteCandidate) -> Actor | None:
        """An unattributed quotation continues the speaker quoted just before,
        else it belongs to the person the paragraphs before it are about."""
        for said in reversed(self.history):
            if said.at < cand.start:
                if self._paragraph_breaks(said.at, cand.start) <= CONTINUATION_PARAGRAPHS * 2:
                    return said.speaker
                break
        subjects = [
            c
            for c in self._antecedents(cand.start, want_person=True)
            if c[1] and self._paragraph_breaks(c[0], cand.start) <= CONTINUATION_PARAGRAPHS * 2
        ]
        return subjects[-1][2][0] if subjects else None
