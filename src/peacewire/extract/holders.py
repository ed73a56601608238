"""Who a stance belongs to: subjects, owners, speakers and drafters as actors.

`stance.py` says which word carries a stance; this module turns the phrase
that names its holder into actors of the article's `ActorTable`: a name or
title directly, a relative pronoun through its antecedent ("Putin, who has
argued for talks"), a personal pronoun through the discourse (the speaker of
the reported clause, else the last actor of the right kind), first person
through the quotation's speaker, and a plan or proposal through the actors
said to have drafted it ("the US proposal", "the plan put forward in
US-Ukraine talks").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from peacewire.extract.actors import ActorTable
from peacewire.extract.antecedents import role_subjects
from peacewire.extract.gender import Genders
from peacewire.extract.issues import PositionLexicon
from peacewire.extract.stance import RELATIVE_PRONOUNS, first_person
from peacewire.extract.tokenview import TokenView
from peacewire.records import Actor, Quote

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"it", "they", "them", "its", "their", "theirs", "itself", "themselves"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
COMPANION_PREPS = frozenset({"alongside", "including", "with"})
"""Prepositions that add co-holders to a subject ("European leaders, alongside Zelensky")."""
COMPANION_PHRASES = ("along with", "together with", "as well as")
DELEGATE_NOUNS = frozenset({"negotiator", "delegation", "delegate", "team", "negotiators", "delegates"})
"""Nouns of the people who negotiate for a state: "its negotiators" hold the state's stance."""
GROUP_NOUNS = frozenset({"participant", "member", "representative", "delegate", "delegation", "signatory"})
"""Nouns for people who act for a body named after them ("participants of the coalition")."""
PAIR_NOUNS = frozenset({"country", "side", "nation", "party", "government"})
PAIR_WINDOW = 600
"""How far back (characters) "the two countries" looks for the pair it names."""
PLAN_MEMORY_TOKENS = 400
"""How far back (tokens) "the plan" looks for the plan it names."""
ANTECEDENT_SENTENCES = 4
"""How many sentences back a pronoun's antecedent may stand."""
CONTROL_EDGES = frozenset(
    {"xcomp", "acomp", "advcl", "conj", "pcomp", "prep", "pobj", "ccomp", "oprd", "acl"}
)


@dataclass(frozen=True)
class QuoteContext:
    """A quotation as holder context: its characters and its speaker actor."""

    start: int
    end: int
    speaker: Actor | None
    kind: str


def noun_phrase(tok: Token) -> Span:
    """The phrase a noun heads, without trailing clauses, appositions or punctuation."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if (
            child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "advcl", "appos", "prep")
            or child.pos_ == "VERB"
        ):
            break
        right = child.right_edge.i
    for child in tok.lefts:
        if child.dep_ in ("punct",):
            left = child.i + 1
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1]


class HolderResolver:
    """Resolves holder phrases of one article to its actors."""

    def __init__(self, doc: Doc, table: ActorTable, quotes: Sequence[Quote], lex: PositionLexicon) -> None:
        self.doc = doc
        self.table = table
        self.lex = lex
        by_name = {a.name: a for a in table.actors}
        self.quotes = [
            QuoteContext(q.span[0], q.span[1], by_name.get(q.speaker) if q.speaker else None, q.kind)
            for q in quotes
            if q.kind in ("direct", "indirect")
        ]
        self._marks: list[tuple[int, int]] | None = None
        self._sentence_starts: list[int] | None = None
        self._roles: list[tuple[int, Actor]] | None = None
        self._genders = Genders(table.tokens.text)
        self.plans: list[tuple[Token, list[Actor]]] = []
        """Plans named so far with their drafters (for "the plan" later on)."""

    # -- quotations --------------------------------------------------------

    def quote_at(self, tok: Token) -> QuoteContext | None:
        """The smallest direct or indirect quotation containing the token."""
        best: QuoteContext | None = None
        for q in self.quotes:
            if q.start <= tok.idx < q.end and (best is None or q.end - q.start < best.end - best.start):
                best = q
        return best

    @property
    def sentence_starts(self) -> list[int]:
        """The first character of every sentence, ascending (read once)."""
        if self._sentence_starts is None:
            self._sentence_starts = [s.start_char for s in self.doc.sents]
        return self._sentence_starts

    @property
    def marks(self) -> list[tuple[int, int]]:
        """Character ranges between paired quotation marks (read when a pronoun first needs them)."""
        if self._marks is None:
            self._marks = _quoted_regions(self.table.text)
        return self._marks

    def in_marks(self, tok: Token) -> bool:
        return any(s <= tok.idx < e for s, e in self.marks)

    # -- phrases -----------------------------------------------------------

    def actors_of(self, tok: Token, speaker: Actor | None = None) -> list[Actor] | None:
        """The actors a holder token names (with coordinated and companion ones).

        Returns None when the token is not a holder at all (a vague source),
        [] when it names no actor, and [speaker] for first person.
        """
        low = tok.lower_
        if first_person(tok):
            return [speaker] if speaker is not None else []
        if low in RELATIVE_PRONOUNS and tok.head.dep_ in ("relcl", "acl"):
            return self.actors_of(tok.head.head, speaker)
        if low in RELATIVE_PRONOUNS:  # misparsed relative clause: the noun just before
            prev = next((t for t in reversed(tok.doc[max(0, tok.i - 3) : tok.i]) if not t.is_punct), None)
            if prev is None or prev.pos_ not in ("PROPN", "NOUN"):
                return []
            return self.actors_of(prev, speaker)
        if tok.lemma_.lower() in self.lex.vague_subjects and not self._owned(tok):
            return None
        if tok.lemma_.lower() in self.lex.plan_nouns:
            return self.drafters(tok)
        pair = self._pair(tok)
        if pair:
            return pair
        if tok.lemma_.lower() in GROUP_NOUNS:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                    members = [g for g in child.children if g.dep_ == "pobj"]
                    found = [a for m in members for a in self.actors_of(m, speaker) or []]
                    if found:
                        return found
        if low in PLURAL_PRONOUNS and (speaker is None or speaker.type == "person"):
            group = self._plural_antecedent(tok)
            if group:
                return group
        out: list[Actor] = []
        view = self.table.tokens
        for part in [tok, *_conjuncts(tok, view)]:
            companions = _companions(part, view)
            for who in (part, *companions, *(c for m in companions for c in _conjuncts(m, view))):
                actor = self._one(who, speaker)
                if actor is not None and actor not in out:
                    out.append(actor)
        if not out and tok.pos_ == "NOUN":
            for child in tok.children:  # "engagement by US officials": the agent of a nominalisation
                if child.dep_ == "prep" and child.lower_ == "by":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            out.extend(a for a in self.actors_of(pobj, speaker) or [] if a not in out)
        return out

    def _plural_antecedent(self, tok: Token) -> list[Actor]:
        """ "They said ...": the actors of the latest subject before it that names several ("European
        leaders, including Macron and Merz, said ..."); [] when none does."""
        sent_starts = self.sentence_starts[: bisect_right(self.sentence_starts, tok.idx)]
        horizon = sent_starts[-ANTECEDENT_SENTENCES] if len(sent_starts) >= ANTECEDENT_SENTENCES else 0
        start = self.doc.char_span(horizon, horizon + 1, alignment_mode="expand")
        first = start.start if start is not None else 0
        for k in range(tok.i - 1, first - 1, -1):
            cand = self.doc[k]
            if cand.dep_ not in ("nsubj", "nsubjpass") or cand.pos_ == "PRON":
                continue
            found = self.actors_of(cand)
            if found and len(found) >= 2:
                return found
        return []

    def _pair(self, tok: Token) -> list[Actor]:
        """ "the two countries", "both sides": the last two states named before."""
        if tok.lemma_.lower() not in PAIR_NOUNS:
            return []
        mods = {c.lower_ for c in tok.children}
        if not ({"two", "both"} & mods):
            return []
        seen: list[tuple[int, Actor]] = []
        for actor in self.table.actors:
            if actor.type != "state":
                continue
            before = [
                s
                for s, e in actor.mentions
                if s < tok.idx and tok.idx - s < PAIR_WINDOW and self._standalone(s, e)
            ]
            if before:
                seen.append((max(before), actor))
        seen.sort(key=lambda x: x[0])
        return [a for _, a in seen[-2:]] if len(seen) >= 2 else []

    def _standalone(self, start: int, end: int) -> bool:
        """A mention naming the actor itself, not modifying a noun ("the Ukraine war")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and span.root.dep_ not in ("compound", "amod", "nmod", "poss")

    def _owned(self, tok: Token) -> bool:
        """ "US officials", "Russian sources": a vague noun qualified by a named body."""
        return any(
            c.dep_ in ("compound", "amod", "poss", "nmod") and self.table.actor_at(c.idx, c.idx + len(c))
            for c in tok.children
        )

    def _one(self, tok: Token, speaker: Actor | None) -> Actor | None:
        low = tok.lower_
        if first_person(tok):
            return speaker
        if low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
            return self.pronoun(tok, speaker)
        if tok.pos_ == "PRON":
            return None
        actor = self.table.actor_at(tok.idx, tok.idx + len(tok))
        if actor is None:
            actor = self.table.resolve(noun_phrase(tok))
        if actor is None and tok.lemma_.lower() in DELEGATE_NOUNS:
            actor = self._delegates_state(tok, speaker)
        if actor is not None and actor.type == "person" and tok.tag_ == "NNS" and tok.text not in actor.name:
            return None  # "European leaders" is no one person (the tagger's plural "Guterres" is)
        return actor

    def _delegates_state(self, tok: Token, speaker: Actor | None) -> Actor | None:
        """ "its negotiators", "their delegation": the state (or body) the delegates act for."""
        for poss in tok.children:
            if poss.dep_ == "poss" and poss.lower_ in ("its", "their"):
                actor = self.pronoun(poss, speaker)
                if actor is not None and actor.type != "person" and self._recent_subject(actor, tok):
                    return actor
        return None

    def _recent_subject(self, actor: Actor, tok: Token) -> bool:
        """Whether `actor` is a subject in `tok`'s sentence or the one before: the safe antecedent of a
        possessive ("Kyiv set out its terms. Its negotiators ..."); further back it is a guess."""
        starts = self.sentence_starts[: bisect_right(self.sentence_starts, tok.idx)]
        since = starts[-2] if len(starts) >= 2 else 0
        for start, end in actor.mentions:
            if since <= start < tok.idx:
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span) and _is_subject(span.root):
                    return True
        return False

    def pronoun(self, tok: Token, speaker: Actor | None) -> Actor | None:
        """he / she / it / they: a bracketed name, the speaker of a reported clause, else the last
        actor of the right kind (subjects first) in the sentences before."""
        doc = tok.doc
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "[":
            close = next((t.i for t in doc[tok.i + 2 : tok.i + 8] if t.text == "]"), None)
            if close is not None:
                actor = self.table.actor_at(doc[tok.i + 2].idx, doc[close - 1].idx + len(doc[close - 1]))
                if actor is not None:
                    return actor
        want_person = tok.lower_ in PERSON_PRONOUNS
        if speaker is not None and (speaker.type == "person") == want_person:
            q = self.quote_at(tok)
            if q is not None and q.kind == "indirect":
                return speaker
        return self._antecedent(tok, want_person)

    def _antecedent(self, tok: Token, want_person: bool) -> Actor | None:
        sent_starts = self.sentence_starts[: bisect_right(self.sentence_starts, tok.idx)]
        horizon = sent_starts[-ANTECEDENT_SENTENCES] if len(sent_starts) >= ANTECEDENT_SENTENCES else 0
        best: tuple[int, int, Actor] | None = None
        for actor in self.table.actors:
            if actor.type == "media" or (actor.type == "person") != want_person:
                continue
            if want_person and not self._genders.agree(tok.lower_, actor):
                continue  # "he" is not the woman named last
            for start, end in actor.mentions:
                if not (horizon <= start < tok.idx):
                    continue
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is None or len(span) == 0 or self.in_marks(span[0]):
                    continue
                subject = int(_is_subject(span.root))
                key = (subject, start)
                if best is None or key > (best[0], best[1]):
                    best = (subject, start, actor)
        for start, actor in self._role_subjects():
            if horizon <= start < tok.idx and (actor.type == "person") == want_person:
                if best is None or (1, start) > (best[0], best[1]):
                    best = (1, start, actor)
        if best is None:
            return None
        # the latest subject wins; without one, the latest mention
        return best[2]

    def _role_subjects(self) -> list[tuple[int, Actor]]:
        """Definite role-noun subjects ("the Ukrainian president moved on to ...") outside quotation
        marks: antecedents the actor table keeps no mention of (read once)."""
        if self._roles is None:
            self._roles = [
                (at, actor)
                for at, actor in role_subjects(self.doc, self.table.resolve)
                if not any(s <= at < e for s, e in self.marks)
            ]
        return self._roles

    # -- owners and drafters -----------------------------------------------

    def owners(self, noun: Token, speaker: Actor | None) -> list[Actor]:
        """Whose stance noun it is: "Trump's push", "his willingness", "a demand of Trump"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return self.actors_of(child, speaker) or []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "by", "from"):
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        found = self.actors_of(grand, speaker)
                        if found:
                            return found + [
                                a for a in self._noun_companions(noun, child, speaker) if a not in found
                            ]
        return []

    def _noun_companions(self, noun: Token, of: Token, speaker: Actor | None) -> list[Actor]:
        """ "a demand of Trump and European leaders, including Zelensky": the parser hangs the
        "including" phrase on the stance noun; its members are owners too."""
        out: list[Actor] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.i > of.i and child.lower_ in ("including", "alongside"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out.extend(self.actors_of(pobj, speaker) or [])
        return out

    def remember_plans(self, nouns: Sequence[Token]) -> None:
        """Record the drafters of the plans a sentence names (`nouns`: its plan nouns), for later
        definite mentions."""
        for tok in nouns:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.plan_nouns:
                found = self._explicit_drafters(tok)
                if found:
                    self.plans.append((tok, found))

    def drafters(self, noun: Token) -> list[Actor]:
        """The actors a plan or proposal is attributed to: its owner, qualifier, or who put it forward;
        for "the plan" / "this document" without one, those of the plan named last before it."""
        found = self._explicit_drafters(noun)
        if found or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
            return found
        earlier = [(p, d) for p, d in self.plans if p.i < noun.i and noun.i - p.i <= PLAN_MEMORY_TOKENS]
        same = [d for p, d in earlier if p.lemma_ == noun.lemma_]
        if same:
            return same[-1]
        return earlier[-1][1] if earlier else []

    def _explicit_drafters(self, noun: Token) -> list[Actor]:
        out: list[Actor] = []

        def add(tokens: Sequence[Token]) -> None:
            for t in tokens:
                actor = self.table.actor_at(t.idx, t.idx + len(t))
                if actor is None and t.pos_ in ("PROPN", "ADJ"):  # "the Ukrainian proposal"
                    actor = self.table.resolve(t.doc[t.i : t.i + 1])
                if actor is not None and actor.type != "media" and actor not in out:
                    out.append(actor)

        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and not first_person(child):
                if child.dep_ == "poss" and child.pos_ == "PRON":
                    actor = self.pronoun(child, None)
                    if actor is not None:
                        out.append(actor)
                    continue
                add(list(child.subtree))
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                for pobj in child.children:  # the owner, not the content: "the idea of a ceasefire in X"
                    if pobj.dep_ == "pobj":
                        add(
                            [
                                pobj,
                                *pobj.conjuncts,
                                *(c for c in pobj.children if c.dep_ in ("compound", "amod")),
                            ]
                        )
            if child.dep_ == "relcl" and child.lemma_.lower() in self.lex.drafting_verbs:
                for subj in child.children:  # "the plan, which the Trump administration put to Kyiv"
                    if subj.dep_ == "nsubj" and subj.lower_ not in RELATIVE_PRONOUNS:
                        out.extend(a for a in self.actors_of(subj) or [] if a not in out)
            if (
                child.dep_ in ("acl", "xcomp", "relcl") and child.tag_ == "VBN"
            ):  # "the plan put forward in X talks"
                for g in child.children:
                    if g.dep_ in ("agent", "prep") and g.lower_ in ("by", "in", "at", "from"):
                        add([x for x in g.subtree if x.dep_ in ("pobj", "conj", "compound", "amod")])
        if not out and noun.dep_ in ("dobj", "nsubjpass"):
            verb = noun.head
            if verb.lemma_.lower() in self.lex.drafting_verbs:
                for subj in verb.children:
                    if subj.dep_ in ("nsubj", "agent"):
                        found = self.actors_of(subj if subj.dep_ == "nsubj" else _pobj(subj) or subj, None)
                        out.extend(a for a in found or [] if a not in out)
        return out


def _according_conjuncts(verb: Token) -> list[Token]:
    """ "According to X, A and B were ...", "As confirmed by X, A and B plan ...": the parser often
    makes A and B conjuncts of the source X; the ones after the comma are the subject."""
    for child in verb.children:
        source = (
            child.lower_ == "according"
            or child.dep_ == "advcl"
            and any(m.lower_ == "as" for m in child.children if m.dep_ == "mark")
        )
        if not source:
            continue
        for grand in child.subtree:
            if grand.dep_ == "pobj":
                comma = [t for t in grand.doc[grand.i : verb.i] if t.text == ","]
                return [c for c in grand.conjuncts if comma and c.i > comma[0].i]
    return []


def _pobj(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ == "pobj"), None)


def _conjuncts(tok: Token, view: TokenView) -> list[Token]:
    """The conjuncts after `tok`, found as `Token.conjuncts` finds them, on `view`'s lists (most
    tokens have none, and no Token is built for them)."""
    dep, head, kids = view.dep, view.head, view.children
    i = tok.i
    start = i
    while head[start] != start and dep[start] == "conj":
        start = head[start]
    queue = [start]
    for word in queue:
        queue.extend(c for c in kids[word] if c > word and dep[c] == "conj")
    doc = tok.doc
    return [doc[w] for w in queue if w > i]


def _companions(tok: Token, view: TokenView) -> list[Token]:
    """Co-holders: "European leaders, alongside Zelensky", "X, including Y", "X along with Y".

    The children are tested on `view`'s lists; Tokens are built only for the companions found.
    """
    out: list[Token] = []
    lower, dep, kids = view.lower, view.dep, view.children
    i = tok.i
    heads = [i]
    if view.pos[view.head[i]] in ("VERB", "AUX"):
        heads.append(view.head[i])  # the parser often hangs "alongside X" on the verb
    for head in heads:
        for c in kids[head]:
            if dep[c] != "prep":
                continue
            low = lower[c]
            phrase = f"{lower[c - 1]} {low}" if c > 0 else low
            if low in COMPANION_PREPS or phrase in COMPANION_PHRASES:
                if head != i and low == "with" and phrase not in COMPANION_PHRASES:
                    continue
                if head != i and c > head:
                    continue
                doc = tok.doc
                out.extend(doc[g] for g in kids[c] if dep[g] == "pobj")
    return out


def _is_subject(tok: Token) -> bool:
    while tok.dep_ in ("compound", "appos", "flat", "nmod", "amod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges between paired quotation marks (names there are not antecedents)."""
    from peacewire.extract.quotemarks import pair_marks

    return [(p.open, p.close) for p in pair_marks(text)]


def subject_tokens(pred: Token, stop: Token | None = None) -> list[Token]:
    """The subject of a predicate, or of the clause it depends on (control: "ready to talk").

    Climbs xcomp / advcl / conj / prepositional links until a clause with a
    subject; never above `stop` (the reporting verb).
    """
    cur = pred
    for _ in range(8):
        if stop is not None and cur.i == stop.i:
            # "Putin is expected to seek ...": the passive reporter's subject is the frame's
            return [c for c in cur.children if c.dep_ == "nsubjpass"] if pred.dep_ == "xcomp" else []
        subs = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs:
            return subs
        misparsed = _according_conjuncts(cur)
        if misparsed:
            return misparsed
        for c in cur.children:
            if c.dep_ == "agent":
                pobj = _pobj(c)
                if pobj is not None:
                    return [pobj]
        if cur.dep_ == "relcl":
            return [cur.head]
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.i > 0 and cur.doc[cur.i - 1].dep_ == "conj":
            # "with Kyiv setting out terms and Moscow promising to ...": the name before the participle
            before = cur.doc[cur.i - 1]
            if before.pos_ == "PROPN":
                return [before]
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
            return [cur.head]
        if cur.dep_ in ("amod", "oprd") and cur.head.lemma_.lower() == "door":
            cur = cur.head.head  # "left the door open to talks": the one who leaves it open
            continue
        if cur.dep_ == "amod" and cur.head.pos_ in ("NOUN", "PROPN"):
            return [cur.head]
        if cur.dep_ in CONTROL_EDGES and cur.head.i != cur.i:
            cur = cur.head
            continue
        return []
    return []
