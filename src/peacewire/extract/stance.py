"""Where a clause stands on an issue cue: support or oppose, and whose stance it is.

From an issue cue (`issues.CueMatch`) the reading climbs the dependency parse
towards the sentence root.  On the way it multiplies the cue's direction by
the polarity of every stance word it passes ("refuse" reverses, "want"
keeps, a `neg` child reverses), records those stance words as frames (their
subject or owner is a candidate holder), and stops at a pure reporting verb
("said"), whose subject is the speaker of the content.  Which actor finally
holds the position is decided in `attribution.py`; this module only reads
the parse.  The polarity rules follow ANNOTATION.md: a hedged stance is still
support, a refusal is oppose, a stance on a cue of the opposite outcome
("regain the land") reverses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from peacewire.extract.issues import CueMatch, PositionLexicon, has_partner

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
ADJUNCT_PREPS = frozenset(
    {"after", "before", "during", "since", "amid", "despite", "following", "until", "at", "given", "within"}
)
"""Prepositions whose object is a circumstance of the clause, not what a stance is about."""
ROLE_PREPS = frozenset({"as"})
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
"""Prepositions that give what a noun is about ("decisions on territory"), not what it wants."""
"""Prepositions that give the role of what is done ("as a compromise to end the war")."""
CONDITION_PREPS = frozenset({"under"})
ADJUNCT_MARKS = frozenset(
    {"after", "before", "when", "while", "because", "since", "although", "though", "as", "until",
     "whereas", "once", "if", "unless", "whether", "even", "despite"}
)  # fmt: skip
QUESTION_MARKS = frozenset({"whether"})
QUESTION_INFINITIVE_WORDS = frozenset({"when", "whether"})
"""Words that make an infinitive an embedded question ("to decide when to talk"): asked, not wanted."""
CONCESSION_NOUNS = frozenset({"compromise", "concession"})
"""Nouns whose "on" phrase names what is given up ("no compromise on our borders")."""
DEPENDENCY_HEADS = frozenset(
    {"depend", "dependent", "hinge", "contingent", "conditional", "rest", "rely", "hang"}
)
"""Words whose "on" phrase is what something depends on ("depends on Moscow's readiness to talk"):
a dependency is stated, not a stance on what it depends on."""
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "until", "till", "once", "provided", "providing", "lest"})
"""Conjunctions of a clause that is supposed, not asserted: its own stance words hold nothing."""
WISH_MARKS = frozenset({"unless", "until", "till", "provided", "providing"})
"""Conditions the holder of the main clause wants met ("sanctions stay until Russia agrees to a
ceasefire", "will sign only if guarantees are locked in"; with "only", "if" and "when" too)."""
CIRCUMSTANCE_PHRASES = (
    "part of", "result of", "absence of", "wake of", "aftermath of", "course of", "time of", "day of",
    "ahead of", "eve of",
)  # fmt: skip
"""Complex prepositions whose object is a circumstance: a cue inside states no stance."""
TOTALITY = frozenset({"completely", "entirely", "fully", "wholly", "totally"})
OBLIGATION_HEADS = frozenset({"have", "force", "compel", "oblige", "pressure", "press"})
ACCUSING_WORDS = frozenset({"accuse", "accusation", "blame", "charge", "allegation"})
"""Words whose "of" / "for" phrase is what someone is charged with: the charge is no one's stance."""
MAKING_VERBS = frozenset({"make", "render", "keep", "leave"})
"""Verbs whose object an adjective after it judges ("made the truce conditional")."""
VIEW_VERBS = frozenset(
    {"view", "see", "consider", "regard", "qualify", "treat", "deem", "perceive", "classify"}
)
TIME_PREFIXES = frozenset({"post", "pre"})
"""A cue prefixed so ("post-ceasefire") names a time, not a stance."""
VAGUE_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "rumoredly"})
"""Adverbs that make the source of a clause vague ("the talks were reportedly derailed")."""
PURPOSE_MARKS = frozenset({"for", "so", "order"})
PLACING_COPULAS = frozenset({"be", "remain", "stay"})
"""Copulas whose prepositional phrase places their subject ("stay in place", "are off the table")."""
COPULAS = frozenset({"be", "become", "seem", "remain", "stay", "appear", "represent", "constitute", "deserve",
                     "merit", "prove", "look", "sound", "have", "pose", "cause", "bring"})  # fmt: skip
"""Verbs whose complement judges their subject ("X is unacceptable", "X would have negative
consequences", "X poses a threat")."""
EPISTEMIC_MODALS = frozenset({"may", "might", "could", "should", "must", "ought", "can"})
FUTURE_MODALS = frozenset({"will", "would", "shall", "'ll", "wo"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})


def first_person(tok: Token) -> bool:
    """I / we / our ... (not "US", the country)."""
    return tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and tok.text != "US"


@dataclass
class Frame:
    """A stance word passed on the way up: its token and the polarity it applied."""

    token: Token
    polarity: int
    kind: str
    """"verb", "adjective", "noun", "evaluation", "action", "imperative", or "event" (a passive
    outcome: "the talks were postponed" sets the polarity but names no holder)."""
    cumulative: int = 1
    """The stance on the cue at this word (every polarity below it applied)."""
    judge: Token | None = None
    """For an evaluation, the word that judges ("a core demand of Trump"): its owner holds it."""


@dataclass
class Reading:
    """What the parse says about one cue."""

    cue: CueMatch
    polarity: int
    frames: list[Frame] = field(default_factory=list)
    path: list[Token] = field(default_factory=list)
    """The cue's anchor and every token climbed through, lowest first."""
    reporter: Token | None = None
    """The pure reporting verb whose content holds the cue ("said")."""
    marker: bool = False
    """A modal or imperative on the path: a speaker's own stance even without a stance word."""
    condition_lock: bool = False
    """The cue is a condition the holder ties a stance to ("only under the protection of ...")."""
    dropped: Frame | None = None
    """A stance noun that a dropping verb applies to ("dropped his push for ..."): its stance is past."""
    partial: bool = False
    """A negated totality ("does not want to completely hand over"): support for part of it."""
    provision_of: Token | None = None
    """A plan noun whose relative clause holds the cue ("a proposal that would give Kyiv ...")."""
    provision_polarity: int = 0
    """The plan's stance on the cue (the reading's polarity may go on to what others say of the plan)."""
    detached: bool = False
    """The climb stopped at a circumstantial clause ("as the delegations met"): no speaker holds it."""
    described: Token | None = None
    """The antecedent of the relative clause the climb stopped at ("the weapons it needs to fight")."""

    @property
    def stance(self) -> str:
        return "support" if self.polarity > 0 else "oppose"


def _phrasal(tok: Token, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `tok` heads one of the multi-word predicates ("call for", "rule out")."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    by_first = _by_first_word(phrases)
    found = by_first.get(lemma, []) + by_first.get(low, []) if lemma != low else by_first.get(low, [])
    if not found:
        return False
    kids = {c.lower_ for c in tok.children}
    near = {tok.doc[k].lower_ for k in range(tok.i + 1, min(len(tok.doc), tok.i + 3))}
    for obj in tok.children:  # "asked partners for ...": the preposition hangs from the object
        if obj.dep_ in ("dobj", "dative") and obj.pos_ in ("NOUN", "PROPN", "PRON") and obj.i > tok.i:
            # only "for": in "calling the attack on Kyiv ..." the "on" is the attack's
            after = [
                c.lower_ for c in obj.children if c.dep_ == "prep" and c.i == obj.i + 1 and c.lower_ == "for"
            ]
            kids.update(after)
            near.update(after)
    for n in sorted(found):
        words = phrases[n]
        if all(w in kids for w in words[1:]) and (len(words) > 2 or words[1] in near):
            return True
        # "open to talks": the preposition may follow the word without being its child
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if len(words) == 2 and nxt is not None and nxt.lower_ == words[1]:
            return True
    return False


@lru_cache(maxsize=16)
def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[int]]:
    """The positions in `phrases` of the multi-word ones, by their first word."""
    out: dict[str, list[int]] = {}
    for k, words in enumerate(phrases):
        if len(words) >= 2:
            out.setdefault(words[0], []).append(k)
    return out


def predicate_polarity(tok: Token, lex: PositionLexicon) -> tuple[int, str]:
    """+1 / -1 and the kind when `tok` is a stance word, (0, "") otherwise."""
    st = lex.stance
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if tok.pos_ == "VERB" and tok.dep_ == "amod":  # "a failed plan": a participle used as adjective
        if lemma in st.oppose_adjectives or low in st.oppose_adjectives:
            return -1, "adjective"
        if lemma in st.support_adjectives or low in st.support_adjectives:
            return 1, "adjective"
    if tok.pos_ in ("VERB", "AUX"):
        if _phrasal(tok, st.oppose_phrasal):
            return -1, "verb"
        if _phrasal(tok, st.support_phrasal):
            return 1, "verb"
        if lemma in st.oppose_verbs or low in st.oppose_verbs:
            return -1, "verb"
        if lemma in st.support_verbs or low in st.support_verbs:
            return 1, "verb"
        if tok.tag_ == "VBN" and (lemma in st.support_adjectives or low in st.support_adjectives):
            return 1, "adjective"  # "prepared" tagged as a verb
        return 0, ""
    if tok.pos_ == "ADJ" or tok.lower_ in st.sufficiency:
        if low in st.sufficiency:
            return 1, "adjective"  # "not enough": more is wanted
        if _phrasal(tok, st.oppose_phrasal):
            return -1, "adjective"
        if lemma in st.oppose_adjectives or low in st.oppose_adjectives:
            return -1, "adjective"
        if lemma in st.support_adjectives or low in st.support_adjectives:
            return 1, "adjective"
        return 0, ""
    if tok.pos_ in ("NOUN", "PROPN"):
        if lemma in st.oppose_nouns or low in st.oppose_nouns:
            return -1, "noun"
        if lemma in st.support_nouns or low in st.support_nouns:
            return 1, "noun"
    return 0, ""


def _not_negation(tok: Token, lex: PositionLexicon) -> bool:
    """ "nothing but", "not only": a negative word that does not negate."""
    doc = tok.doc
    text = " ".join(doc[k].lower_ for k in range(tok.i, min(len(doc), tok.i + 4)))
    return any(text.startswith(p) for p in lex.not_negation)


def negated(tok: Token, lex: PositionLexicon) -> bool:
    """Whether `tok` carries a negation: a `neg` child, "never", "no longer", a "no" determiner
    (not "nothing but", "not only": see `negation.not_negation`)."""
    for child in tok.children:
        if child.dep_ == "neg" or child.dep_ in ("advmod", "det") and child.lower_ in lex.negation_words:
            if not _not_negation(child, lex) and not _contrastive(child, tok):
                return True
    return False


def _contrastive(neg: Token, tok: Token) -> bool:
    """ "more systems, not more sympathy": a "not" after the word and a comma negates what follows."""
    return neg.i > tok.i and neg.i > 0 and neg.doc[neg.i - 1].text in (",", ";", "—", "–")


def _contrast_between(conj: Token, head: Token, lex: PositionLexicon) -> bool:
    """ "X but rather Y": a contrastive coordinator between a conjunct and its head."""
    lo, hi = sorted((conj.i, head.i))
    return any(conj.doc[k].lower_ in lex.contrast for k in range(lo + 1, hi))


def existential(tok: Token) -> bool:
    """ "there have been no negotiations", "there is nothing to talk about": stated as (not)
    existing, the cue is a fact, not a stance (unless a stance word governs the clause)."""
    for _ in range(4):
        head = tok.head
        if tok.dep_ in ("attr", "nsubj", "dobj") and head.lemma_ == "be":
            # "there would be an immediate response" announces and "there can be no compromise"
            # rules out: only the plain tense states a fact
            return any(c.dep_ == "expl" for c in head.children) and not _modals(head)
        if tok.dep_ == "relcl" and refused_existence(head) and _named_partner(tok):
            return False  # "there is nothing to discuss with them": a refusal, not a fact
        if tok.dep_ not in ("acl", "relcl", "xcomp", "prep", "pobj", "pcomp") or head.i == tok.i:
            return False
        tok = head
    return False


NOTHING_PRONOUNS = frozenset({"nothing", "none"})


def refused_existence(head: Token) -> bool:
    """ "there is nothing to talk about", "there was nothing to discuss with Moscow": the negative
    pronoun an infinitive relative clause hangs from, as what "there is" names: the clause is ruled out."""
    be = head.head
    return (
        head.lower_ in NOTHING_PRONOUNS
        and head.dep_ == "attr"
        and be.lemma_ == "be"
        and any(c.dep_ == "expl" for c in be.children)
    )


def _named_partner(verb: Token) -> bool:
    """A "with" phrase of a talks verb, if any, names a party or refers to one ("with Kyiv", "with
    them"), not people described ("with people who do such things": a judgement, not a refusal)."""
    partners = [
        g
        for c in verb.subtree
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return all(g.pos_ in ("PROPN", "PRON") for g in partners)


def _prep_phrase(prep: Token) -> str:
    """The preposition with the words before it that make a complex one ("instead of")."""
    doc = prep.doc
    left = " ".join(doc[k].lower_ for k in range(max(0, prep.i - 2), prep.i))
    return f"{left} {prep.lower_}".strip()


def _modals(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD"}


def is_imperative(tok: Token) -> bool:
    """A bare verb heading its sentence without subject: "Stop!", "Have the meeting"."""
    exclaimed = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "!"
    shouted = tok.text.isupper() and len(tok.text) > 1 and tok.lemma_.lower() == tok.lower_
    if tok.dep_ != "ROOT" and not (tok.dep_ == "appos" and tok.head.dep_ == "ROOT" and exclaimed):
        return False
    if tok.tag_ not in ("VB", "VBP") and not shouted:
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return False
    return not any(c.dep_ in ("aux",) and c.lower_ in ("to",) for c in tok.children)


def evaluation(head: Token, lex: PositionLexicon) -> tuple[int, Token | None]:
    """The judgement a copula or "deserve" passes on its subject ("X is unacceptable")."""
    if head.lemma_.lower() not in COPULAS:
        return 0, None
    for child in head.children:
        if child.dep_ == "prep" and head.lemma_ in PLACING_COPULAS:  # "talks are off the table"
            placed = _placement(child, lex)
            if placed:
                return placed, None
        if child.dep_ not in ("acomp", "attr", "oprd", "dobj"):
            continue
        for target in _judgement_words(child):
            pol, _ = predicate_polarity(target, lex)
            if pol:
                return pol, target
    return 0, None


def _placement(prep: Token, lex: PositionLexicon) -> int:
    """+1 / -1 when a copula's prepositional phrase places its subject ("off the table"), else 0."""
    words = " ".join(t.lower_ for t in prep.subtree if not t.is_punct)
    if words in lex.stance.oppose_placements:
        return -1
    return 1 if words in lex.stance.support_placements else 0


def _judgement_words(tok: Token) -> list[Token]:
    """The word that carries a complement's judgement: its adjectives first ("a failed plan")."""
    out = [c for c in tok.children if c.dep_ == "amod"]
    out.append(tok)
    for c in tok.children:  # "nothing but condemnation"
        if c.dep_ == "prep" and c.lower_ == "but":
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _among(be: Token, tok: Token, lex: PositionLexicon) -> tuple[int, Token | None]:
    """ "(Chief) among Moscow's demands is a withdrawal": the stance noun the item is counted among."""
    preps = [c for c in be.children if c.dep_ == "prep" and c.lower_ == "among"]
    preps.extend(
        g for c in be.children if c.dep_ == "nsubj" and c.i != tok.i for g in c.children
        if g.dep_ == "prep" and g.lower_ == "among"
    )  # fmt: skip
    for prep in preps:
        for noun in prep.children:
            if noun.dep_ == "pobj":
                pol, kind = predicate_polarity(noun, lex)
                if pol and kind == "noun":
                    return pol, noun
    return 0, None


def _subject_evaluation(head: Token, child: Token, lex: PositionLexicon) -> tuple[int, Token | None]:
    """ "One of the scenarios is to give up land": the copula's subject judges its complement."""
    if head.lemma_.lower() != "be" or child.dep_ not in ("attr", "xcomp", "acomp", "ccomp"):
        return 0, None
    for subj in head.children:
        if subj.dep_ != "nsubj":
            continue
        words = [subj]
        words.extend(g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)
        for w in words:
            pol, _ = predicate_polarity(w, lex)
            if pol:
                return pol, w
    return 0, None


class _Drop(Exception):
    """The cue states no stance (a question, a circumstance, a vague source)."""


class _Stop(Exception):
    """The climb ends here: the clause above belongs to someone else."""


class _Climb:
    """The state of one climb from a cue to the sentence root.

    `pol` is the stance on the cue so far; `locked` freezes it once the cue
    sits in a purpose, role or condition phrase (what is above is said of
    something else); `subject_only` keeps climbing only to find who holds it;
    `escape_negation` lets a "but rather" conjunct escape one negation.
    """

    def __init__(self, match: CueMatch, lex: PositionLexicon, bound: tuple[int, int] | None) -> None:
        self.match = match
        self.lex = lex
        self.bound = bound
        anchor = match.anchor
        self.reading = Reading(cue=match, polarity=match.polarity, path=[anchor])
        denied = negated(anchor, lex) or any(  # "join no military bloc": the object's "no"
            t.i != anchor.i and t.pos_ == "NOUN" and t.head.i == anchor.i and negated(t, lex)
            for t in match.tokens
        )
        self.pol = -match.polarity if denied else match.polarity
        self.escape_negation = _totality(anchor)
        self.reading.partial = self.escape_negation
        self.locked = False
        self.refused = False
        self.subject_only = False
        if any(first_person(t) for t in match.tokens):
            self.reading.marker = True  # "Crimea is ours": the words are the speaker's claim
        if anchor.pos_ == "VERB" and any(c.dep_ == "nsubj" and first_person(c) for c in anchor.children):
            self.reading.marker = True  # "we are getting Kherson back": the speaker's side acting
        if _action(anchor, match, lex):
            self.reading.frames.append(Frame(anchor, 1, "action", self.pol))
        if anchor.pos_ in ("VERB", "AUX") and _modals(anchor):
            self.reading.marker = True

    def run(self) -> Token:
        """Climb to the root or a boundary; return the last token reached."""
        tok = self.match.anchor
        while tok.head.i != tok.i:
            head = tok.head
            try:
                self._boundary(tok, head)
                self._preposition(tok, head)
            except _Stop:
                break
            self.reading.path.append(head)
            if tok.dep_ == "conj" or _listed_infinitive(tok, head):
                if _contrast_between(tok, head, self.lex):
                    self.escape_negation = True
                if tok.dep_ == "conj" and _rather_than(tok, head) and not self.locked:
                    self.pol = (
                        -self.pol
                    )  # "a peace agreement rather than a ceasefire": the ceasefire is not wanted
            elif self.subject_only:
                if _is_reporter(head, tok.dep_, self.lex):
                    self.reading.reporter = head
                    break
            elif self._predicate(tok, head):
                break
            tok = head
        return tok

    def _boundary(self, tok: Token, head: Token) -> None:
        """Quotation edges, relative clauses, questions and adverbial clauses."""
        edge = tok.dep_
        if self.bound is not None and not self.bound[0] <= head.idx < self.bound[1]:
            if _is_reporter(head, edge, self.lex):
                self.reading.reporter = head
            raise _Stop
        if edge in ("relcl", "acl", "advcl") and self._ruled_out(tok, head):
            return
        if edge == "relcl":
            lemma = head.lemma_.lower()
            if lemma in self.lex.plan_nouns and head.pos_ == "NOUN":
                self.reading.provision_of = head
                self.reading.provision_polarity = self.pol
            if head.pos_ == "NOUN" and (lemma in self.lex.terms_nouns or lemma in self.lex.plan_nouns):
                if not self.reading.frames and not self.locked:
                    return  # "any settlement that leaves troops on its land": a stance on its terms
            self.reading.described = head
            raise _Stop  # the relative clause's antecedent belongs to another clause
        if (
            edge in ("acl", "ccomp")
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in self.lex.vague_subjects
        ):
            raise _Drop  # "there has been speculation that Paris would favour a truce": no source
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        if marks & QUESTION_MARKS:
            raise _Drop  # "whether Moscow will accept a deal": asked, not asserted
        if _infinitive(tok) and any(
            c.dep_ in ("advmod", "mark") and c.lower_ in QUESTION_INFINITIVE_WORDS and c.i < tok.i
            for c in tok.children
        ):
            raise _Drop  # "up to them to decide when to talk": a question left open
        if edge in ("xcomp", "advcl", "relcl", "acl") and _infinitive(tok) and self._means_before(tok):
            raise _Stop  # "asking for the means to win this fight": the purpose of the means
        if edge == "advcl":
            if marks & HYPOTHETICAL_MARKS or marks & ADJUNCT_MARKS and _only(tok):
                self._condition(tok, marks)
            elif marks & ADJUNCT_MARKS:
                self.reading.detached = True
                raise _Stop
            if (not marks or marks & PURPOSE_MARKS) and _infinitive(tok):
                self.locked = True  # a purpose: "give up land to achieve peace" wants peace

    def _ruled_out(self, tok: Token, head: Token) -> bool:
        """ "there is nothing (left) to discuss with Kyiv": talks ruled out, the polarity reverses once.

        `tok` is the infinitive (or "left") clause on "nothing", `head` what it hangs from.
        """
        if self.locked or self.refused:
            return False
        verb, target = tok, head
        if tok.dep_ == "advcl" and head.dep_ == "acl":  # "nothing left to discuss"
            target = head.head
        if not (_infinitive(verb) and refused_existence(target) and _named_partner(verb)):
            return False
        self.pol = -self.pol
        self.reading.marker = True
        self.refused = True
        return True

    def _means_before(self, verb: Token) -> bool:
        """A noun of means right before the infinitive ("the tools to win"), wherever the parser hung it."""
        first = min((c.i for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), default=verb.i)
        if first == 0:
            return False
        prev = verb.doc[first - 1]
        return prev.pos_ == "NOUN" and (
            prev.lemma_.lower() in self.lex.means_nouns or prev.lower_ in self.lex.means_nouns
        )

    def _condition(self, tok: Token, marks: set[str]) -> None:
        """A cue in a condition clause: what the main clause's holder wants, or nothing.

        "Trump threatened sanctions unless Moscow agrees to a ceasefire": Trump
        wants the ceasefire and Moscow, only supposed to agree, holds nothing.
        A plain "if" or "once" clause is a supposition of no one.
        """
        if not (marks & WISH_MARKS or _only(tok)):
            raise _Drop
        self.reading.frames.clear()
        self.reading.marker = False
        self.locked = True
        self.reading.condition_lock = True

    def _preposition(self, tok: Token, head: Token) -> None:
        """What the preposition the cue hangs from does to the stance."""
        if tok.dep_ not in ("pobj", "pcomp") or not (head.dep_ == "prep" or head.pos_ == "ADP"):
            return
        phrase = _prep_phrase(head)
        word = head.lower_
        frames = self.reading.frames
        first = head
        while first.dep_ == "conj" and first.head.pos_ == "ADP":  # "on its land or on its borders"
            first = first.head
        if word in ("on", "over") and first.head.lemma_.lower() in CONCESSION_NOUNS and not self.locked:
            self.pol = -self.pol  # "a compromise on its borders" gives them up
        if word in ("on", "upon") and head.head.lemma_.lower() in DEPENDENCY_HEADS:
            raise _Drop  # "aid could depend on Kyiv's willingness to talk": a dependency, no stance
        if word in ("of", "for") and _lemma(head.head) in ACCUSING_WORDS:
            raise _Drop  # "accused Brussels of trying to sabotage the talks": a charge, not a stance
        if phrase.endswith(CIRCUMSTANCE_PHRASES):
            raise _Drop  # "as part of any peace deal": a circumstance of the stance
        if phrase.endswith(("instead of", "rather than", "place of")):
            self.pol, self.locked = -self.pol, True
        elif phrase.endswith(("favour of", "favor of")) or word in ROLE_PREPS:
            self.locked = True
        elif phrase.endswith(("exchange for", "return for", "condition of")) or word in CONDITION_PREPS:
            self.locked = True
            self.reading.condition_lock = True
        elif word == "for" and any(c.dep_ == "acl" and _infinitive(c) for c in tok.children):
            self.locked = True  # "for any agreement to succeed": a purpose
        elif word in ("against", "without") and not self.locked:
            self.pol = -self.pol  # "could not do its job without a backstop" wants the backstop
        elif word in ("in", "at") and head.head.tag_ == "VBN" and not frames:
            raise _Drop  # "a plan put forward in US-Ukraine talks": where, not what
        elif (
            word in ADJUNCT_PREPS and not frames and not (word == "at" and _frame_preposition(head, self.lex))
        ):
            raise _Drop  # "after a ceasefire", "lifted after hours of talks": a time, not what it is about
        elif word in ADJUNCT_PREPS and frames:
            self.subject_only = True

    def _predicate(self, tok: Token, head: Token) -> bool:
        """Apply `head` as a stance word; True when it is the reporting verb (the climb ends)."""
        edge = tok.dep_
        reading = self.reading
        acting = edge == "dobj" and tok.i == self.match.anchor.i and _action(head, self.match, self.lex)
        if not acting and _is_reporter(head, edge, self.lex):  # "announced new sanctions" acts, not reports
            reading.reporter = head
            return True
        if head.dep_ == "prep" and head.lower_ in LIST_PREPS:
            return False  # "a package including tanks": a list, not a stance word
        p, kind, judge = self._polarity(tok, head)
        if p and edge != "dobj" and _dropping(head, self.lex) and not self.locked:
            self._dropped_object(head)  # "dropped his objection to Sweden joining": parsed beside the noun
        if p:
            last = reading.frames[-1] if reading.frames else None
            if (
                _dropping(head, self.lex)
                and not self.locked
                and last is not None
                and last.kind == "noun"
                and last.token.head.i == head.i
                and any(c.dep_ == "poss" for c in last.token.children)  # "his push", not "the shortage"
            ):
                reading.dropped = last  # "dropped his push for ...": the push is a past stance
            if not self.locked:
                self.pol *= p
            reading.frames.append(Frame(head, p, kind, judge=judge))
        elif (
            _action(head, self.match, self.lex)
            or edge == "prep"
            and tok.lower_ == "of"
            and _delivery_to(head)
        ):
            reading.frames.append(Frame(head, 1, "action"))  # "sends jets", "the transfer of jets to Kyiv"
        negatable = head.pos_ in ("VERB", "AUX", "ADJ") or p and head.pos_ == "NOUN"  # "no interest in"
        if judge is not None and judge.lower_ in self.lex.stance.sufficiency:
            negatable = False  # "sanctions are not enough": more sanctions are wanted
        if negatable and negated(head, self.lex) and not self.locked:
            if self.escape_negation:
                self.escape_negation = False
            else:
                self.pol = -self.pol
        if reading.frames and reading.frames[-1].token.i == head.i:
            reading.frames[-1].cumulative = self.pol
        if head.pos_ in ("VERB", "AUX") and _modals(head):
            reading.marker = True
        if any(c.lower_ in VAGUE_ADVERBS for c in head.children):
            raise _Drop
        return False

    def _dropped_object(self, verb: Token) -> None:
        """Apply the stance noun a dropping verb takes as object when the parser hung the noun's
        complement on the verb instead ("dropped his objection to Sweden joining")."""
        for obj in verb.children:
            if obj.dep_ != "dobj" or obj.pos_ != "NOUN":
                continue
            p, kind = predicate_polarity(obj, self.lex)
            if p and kind == "noun" and not any(c.dep_ == "prep" for c in obj.children):
                self.pol *= p
                self.reading.frames.append(Frame(obj, p, kind, self.pol))
                return

    def _polarity(self, tok: Token, head: Token) -> tuple[int, str, Token | None]:
        """The polarity `head` applies to the clause we climbed out of, its kind, and its judging word."""
        edge = tok.dep_
        lex = self.lex
        p, kind = predicate_polarity(head, lex)
        if p < 0 and kind == "verb" and _agent_of_ending(tok, head):
            return 0, "", None
        if (
            p < 0
            and kind == "noun"
            and edge == "acl"
            and _infinitive(tok)
            and _lemma(head) in lex.stance.intent_nouns
        ):
            return 1, "noun", None  # "his threat to impose tariffs": what he will do
        if not p and edge == "nsubj" and _phrasal(head, lex.stance.evaluative_phrasal):
            return 1, "evaluation", head  # "further talks made sense": the speaker's judgement
        if not p and edge == "dobj" and _lemma(head) in MAKING_VERBS:
            p = _object_complement(tok, lex)
            if p:
                return p, "verb", None  # "made any ceasefire conditional on ...": the maker's stance
        if not p and edge in ("nsubj", "nsubjpass") and _waning(head, lex):
            return -1, "verb", None  # "the pressure would not ease": the outcome wanes
        if p:
            if edge == "nsubjpass":
                kind = "event"  # "the talks were derailed": an outcome, not its subject's stance
            return p, kind, None
        if head.lemma_ == "be" and edge in ("advcl", "xcomp") and _infinitive(tok):
            p, kind = _adjective_complement(head, lex)
            if p:
                return p, kind, None
        judge: Token | None = None
        if edge in ("attr", "nsubj") and head.lemma_ == "be":
            p, judge = _among(head, tok, lex)
            if p:
                return p, "evaluation", judge
        if edge in ("nsubj", "nsubjpass", "csubj"):
            p, judge = evaluation(head, lex)
        if not p and edge == "nsubjpass" and head.lemma_.lower() in VIEW_VERBS:
            p, judge = _viewed_as(head, lex)
        if not p:
            p, judge = _subject_evaluation(head, tok, lex)
        return (p, "evaluation", judge) if p else (0, "", None)


def read_stance(
    match: CueMatch, lex: PositionLexicon, bounds: Sequence[tuple[int, int]] = ()
) -> Reading | None:
    """Climb from the cue to its stance words and reporter; None when the cue states no stance.

    `bounds` are the character spans of direct quotations: the climb stops
    where it would leave the quotation holding the cue (the words around a
    quotation are the reporter's, not the speaker's).
    """
    anchor = match.anchor
    first = match.tokens[0]
    if first.i >= 2 and first.nbor(-1).text == "-" and first.nbor(-2).lower_ in TIME_PREFIXES:
        return None
    if match.pattern.direct and not _direct_argument(anchor, lex):
        return None
    if match.issue == "territory" and match.pattern.direct and russian_land(anchor):
        return None
    if match.issue == "hostilities" and _nuclear(anchor):
        return None  # "a nuclear war should never be fought": another war than this one
    if (
        match.issue == "negotiations"
        and anchor.pos_ == "VERB"
        and any(c.dep_ == "nsubjpass" for c in anchor.children)
    ):
        return None  # "the status of the regions will not be discussed": a stance on the topic, not on talks
    if (
        match.pattern.partner
        and anchor.pos_ == "NOUN"
        and not (has_partner(anchor) or _direct_argument(anchor, lex))
    ):
        return None  # "an emergency meeting", "the NATO summit": no one to negotiate with
    actions = lex.actions.get(match.issue, frozenset())
    if match.pattern.supplied and not supplied_argument(anchor, lex, actions):
        return None
    if _vague_existential(anchor, lex):
        return None
    bound = next(((s, e) for s, e in bounds if s <= anchor.idx < e), None)
    climb = _Climb(match, lex, bound)
    try:
        last = climb.run()
    except _Drop:
        return None
    reading = climb.reading
    if reading.condition_lock and not reading.frames and _circumstance(anchor):
        return None  # "learned to live under sanctions": a circumstance, and no stance word above it
    if not reading.frames:
        for cand in (anchor, last):
            if is_imperative(cand):
                reading.frames.append(Frame(cand, 1, "imperative", climb.pol))
                break
    reading.polarity = climb.pol
    if match.issue == "negotiations" and climb.pol < 0 and _spelled_out(anchor, lex):
        return None  # "will not accept any settlement that leaves ...": the terms are refused, not talks
    if existential(anchor) and all(f.token.i == anchor.i for f in reading.frames):
        return None  # "there have been no negotiations": a fact, not a stance
    return reading


def _viewed_as(verb: Token, lex: PositionLexicon) -> tuple[int, Token | None]:
    """ "X will be viewed as an intervention": the judgement the "as" phrase passes on X."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    for target in _judgement_words(pobj):
                        p, _ = predicate_polarity(target, lex)
                        if p:
                            return p, target
    return 0, None


def _totality(anchor: Token) -> bool:
    """ "completely hand over", "all of the territory": negating it leaves a part (not a refusal)."""
    if any(c.lower_ in TOTALITY for c in anchor.children if c.dep_ == "advmod"):
        return True
    head = anchor.head
    return anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "all"


def deontic(tok: Token) -> bool:
    """ "have to give up", "forced to accept": an obligation on the subject, not his stance."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in OBLIGATION_HEADS


def future(tok: Token) -> bool:
    """A "will" / "would" on the word or on the copula it complements ("he'll be willing")."""
    heads = [tok]
    if tok.dep_ in ("acomp", "xcomp", "attr") and tok.head.i != tok.i:
        heads.append(tok.head)
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for h in heads for c in h.children)


def _adjective_complement(be: Token, lex: PositionLexicon) -> tuple[int, str]:
    """ "he was ready and willing to put troops in": the adjective of a copula governs its infinitive."""
    for child in be.children:
        if child.dep_ == "acomp":
            for adj in (child, *child.conjuncts):
                p, _ = predicate_polarity(adj, lex)
                if p:
                    return p, "adjective"
    return 0, ""


def _action(tok: Token, match: CueMatch, lex: PositionLexicon) -> bool:
    """A verb by which its subject takes the position by acting ("Germany will send tanks").

    A negated action is a fact ("Washington had not discussed it"), not a stance.
    """
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in lex.actions.get(match.issue, frozenset()):
        return False
    return not negated(tok, lex)


def _vague_existential(anchor: Token, lex: PositionLexicon) -> bool:
    """ "There has been speculation (in some capitals) that ...": the whole sentence has no source, however
    the parser attaches the "that" clause."""
    root = anchor.sent.root
    if root.lemma_ != "be" or not any(c.dep_ == "expl" for c in root.children):
        return False
    return any(
        c.dep_ == "attr" and c.i < anchor.i and c.lemma_.lower() in lex.vague_subjects for c in root.children
    )


def _delivery_to(noun: Token) -> bool:
    """A supply noun with a recipient ("the transfer of jets to Ukraine", "deliveries of shells to
    Kyiv"): the supplying is named as an act, like the verb "transfer"."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in SUPPLY_NOUNS
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in noun.children)
    )


def _agent_of_ending(tok: Token, verb: Token) -> bool:
    """An oppose verb reverses what it acts on, not what acts or how it ends: "only a ceasefire can
    end the war" and "every war ends with an agreement" want the ceasefire and the agreement.

    `tok` is the child of `verb` the climb came from: its subject while the verb has an object of
    its own, or a "with" phrase.
    """
    if tok.dep_ in ("nsubj", "csubj"):
        return any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)
    return tok.dep_ == "prep" and tok.lower_ == "with"


def _rather_than(conj: Token, head: Token) -> bool:
    """ "X rather than Y", "X instead of Y" parsed as a coordination of Y with X."""
    words = [conj.doc[k].lower_ for k in range(head.i + 1, conj.i)]
    pairs = set(zip(words, words[1:], strict=False))
    return ("rather", "than") in pairs or ("instead", "of") in pairs


def _only(clause: Token) -> bool:
    """ "only if", "only when": a condition the main clause's holder insists on."""
    return any(c.dep_ == "advmod" and c.lower_ == "only" for c in clause.children)


def _spelled_out(noun: Token, lex: PositionLexicon) -> bool:
    """An agreement noun whose relative or participle clause gives its terms."""
    if noun.lemma_.lower() not in lex.terms_nouns and noun.lemma_.lower() not in lex.plan_nouns:
        return False
    return any(c.dep_ in ("relcl", "acl") for c in noun.children)


def _listed_infinitive(tok: Token, head: Token) -> bool:
    """ "called on Kyiv to stop firing, to end hostilities and to return": the parser hangs the later
    infinitives of a list on the first; they are its conjuncts, not its complements."""
    if tok.dep_ != "xcomp" or tok.i < head.i or not (_infinitive(tok) and _infinitive(head)):
        return False
    return any(tok.doc[k].text == "," for k in range(head.i + 1, tok.i))


def _object_complement(obj: Token, lex: PositionLexicon) -> int:
    """The polarity of an adjective after the object of "make" ("made the truce conditional",
    "rendered the talks pointless"), which the parser hangs on the object as a modifier."""
    for child in obj.rights:
        if child.dep_ in ("amod", "acomp", "oprd") and child.pos_ == "ADJ":
            p, kind = predicate_polarity(child, lex)
            if p and kind == "adjective":
                return p
    return 0


def _circumstance(anchor: Token) -> bool:
    """A cue in an "under" phrase of a verb told as a fact ("learned to live under sanctions"), not as a
    condition ("would only take place under the protection of NATO forces")."""
    prep = anchor.head
    if prep.lower_ not in CONDITION_PREPS or prep.i == anchor.i:
        return False
    verb = prep.head
    return not (_modals(verb) or any(c.lower_ == "only" for c in (*verb.children, *prep.children)))


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _waning(verb: Token, lex: PositionLexicon) -> bool:
    """An intransitive verb of waning, said of the future or as an obligation ("will ease",
    "must not be weakened"): its subject's outcome is wanted less (see `waning_verbs`)."""
    if verb.pos_ != "VERB" or _lemma(verb) not in lex.stance.waning_verbs:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False  # "ease sanctions" takes an object: the cue is the subject's
    return bool(_modals(verb))


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _frame_preposition(prep: Token, lex: PositionLexicon) -> bool:
    """ "open to talks", "ready for talks", "interest in talks": a stance word governs the preposition;
    or it places the object of a stance verb ("wants both sides at the table")."""
    owner = prep.head
    p, _ = predicate_polarity(owner, lex)
    if not p and owner.dep_ == "dobj" and owner.head.pos_ == "VERB":
        p = max(predicate_polarity(owner.head, lex)[0], 0)
    return bool(p) and owner.pos_ in ("ADJ", "NOUN", "VERB")


def _dropping(tok: Token, lex: PositionLexicon) -> bool:
    lemma = tok.lemma_.lower()
    for words in lex.past_dropping:
        if words[0] != lemma:
            continue
        if len(words) == 1 or all(w in {c.lower_ for c in tok.children} for w in words[1:]):
            return True
    return False


def _is_reporter(head: Token, edge: str, lex: PositionLexicon) -> bool:
    """A verb that only reports (speech or belief) the clause we climbed out of."""
    lemma = head.lemma_.lower()
    st = lex.stance
    if lemma not in st.reporting_verbs and head.lower_ not in st.reporting_verbs:
        return False
    if lemma in st.committing_verbs:
        return False
    return edge in ("ccomp", "parataxis", "xcomp", "advcl", "dobj", "conj", "acomp", "oprd", "pcomp", "prep")


def modifier_frames(tok: Token, lex: PositionLexicon, actions: frozenset[str] = frozenset()) -> list[Frame]:
    """Stance verbs in a relative clause on the cue: "an assurance Merz hailed", "a plan Kyiv rejected".

    The cue is the verb's understood object, so the verb's subject holds a
    stance on it.
    """
    out: list[Frame] = []
    for child in tok.children:
        if child.dep_ != "relcl" or child.pos_ not in ("VERB", "AUX"):
            continue
        if any(
            c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ not in RELATIVE_PRONOUNS for c in child.children
        ):
            continue  # the verb has an object of its own ("which Russia did not accept" has none)
        subj = [c for c in child.children if c.dep_ == "nsubj"]
        if not subj or subj[0].lower_ in ("which", "that", "who"):
            continue
        p, kind = predicate_polarity(child, lex)
        if not p and child.lemma_.lower() in actions:
            p, kind = 1, "action"
        if p:
            if negated(child, lex):
                p = -p
            out.append(Frame(child, p, kind, p))
    return out


SUPPLY_NOUNS = frozenset(
    {"delivery", "deliveries", "shipment", "shipments", "transfer", "transfers", "supply", "supplies",
     "provision", "package", "packages", "batch", "consignment", "number", "dozen", "dozens", "hundreds",
     "thousands", "more", "additional"}
)  # fmt: skip
"""Nouns whose "of" phrase is what is supplied or counted ("a batch of tanks", "dozens of drones")."""
LIST_PREPS = frozenset({"including", "like", "as", "plus"})
CONTENT_VERBS = frozenset({"include", "contain", "involve", "comprise", "have", "see"})
"""Stance words that only list contents ("the salvo included cruise missiles"): no supply."""
"""Prepositions that list the items of a package ("a package including tanks", "such as jets")."""


def supplied_argument(tok: Token, lex: PositionLexicon, actions: frozenset[str]) -> bool:
    """Whether a weapon noun is what a supply verb or a stance word is about.

    "send tanks", "asked for more air-defence systems", "committed 16 of the
    systems", "a package including 25 tanks", "tanks promised by Germany"; not
    "missiles struck the port" or "the use of nuclear weapons".
    """

    def governs(word: Token) -> bool:
        lemma = word.lemma_.lower()
        if lemma in actions:
            return True
        pol, _ = predicate_polarity(word, lex)
        return bool(pol) and lemma not in CONTENT_VERBS

    for _ in range(6):
        if any(c.dep_ in ("acl", "amod") and c.tag_ == "VBN" and governs(c) for c in tok.children):
            return True  # "the tanks promised by Germany", "its promised tanks"
        head = tok.head
        if head.i == tok.i:
            return False
        dep = tok.dep_
        if dep in ("conj", "appos", "compound", "nmod", "amod"):
            tok = head
        elif dep == "pobj" and (head.pos_ == "ADP" or head.dep_ == "prep"):
            word, owner = head.lower_, head.head
            if word == "of" and _delivery_to(owner):
                return True  # "the transfer of jets to Ukraine"
            if word == "of" and (owner.pos_ == "NUM" or owner.lemma_.lower() in SUPPLY_NOUNS):
                tok = owner
            elif word == "of":  # "a deficit of weapons", "the need of shells"
                return owner.pos_ == "NOUN" and governs(owner)
            elif word in LIST_PREPS:
                if owner.pos_ == "NOUN" and owner.lemma_.lower() in lex.plan_nouns:
                    return True  # "a declaration pledging commitments, including military equipment"
                if owner.pos_ == "VERB":
                    return governs(owner)  # "keep giving Ukraine what it needs, including air defence"
                tok = owner
            elif word in ("for", "with", "on"):  # "asked for tanks", "asked partners for tanks"
                if owner.dep_ == "pobj" and owner.head.dep_ == "prep":  # "appealed to allies for tanks"
                    return governs(owner.head.head)
                return governs(owner) or owner.dep_ in ("dobj", "dative") and governs(owner.head)
            else:
                return False
        elif dep in ("dobj", "nsubjpass", "attr", "oprd"):
            return governs(head)
        else:  # "air defence is the priority": judged by its copula
            return dep == "nsubj" and bool(evaluation(head, lex)[0])
    return False


def _direct_argument(tok: Token, lex: PositionLexicon) -> bool:
    """Whether a weak cue ("peace", "territory") is an argument of a stance word."""
    if modifier_frames(tok, lex):
        return True
    head = tok.head
    if tok.dep_ in ("dobj", "attr", "nsubjpass") or tok.dep_ == "conj" and tok.head.dep_ == "dobj":
        target = head if tok.dep_ != "conj" else head.head
        p, _ = predicate_polarity(target, lex)
        return bool(p) or target.lemma_.lower() in (
            "have",
            "get",
            "keep",
            "take",
            "seize",
            "continue",
            "resume",
        )
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ in TOPIC_PREPS and head.head.pos_ == "NOUN":
            return False  # "decisions on its territory": what it is about, not what is wanted
        if head.head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in head.head.children):
            return False  # "cut off water supplies to Crimea": where the object goes, not what is opposed
        if head.head.lemma_.lower() == "way" and head.head.dep_ == "pobj" and head.head.head.lower_ == "on":
            return False  # "on his way to a summit"
        p, _ = predicate_polarity(head.head, lex)
        return bool(p)
    return False


def _nuclear(tok: Token) -> bool:
    """A cue said of a nuclear war or strike, itself or through its subject or object."""
    nouns = [tok, *(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))]
    return any(c.dep_ == "amod" and c.lower_ == "nuclear" for n in nouns for c in n.children)


def russian_land(tok: Token) -> bool:
    """ "Russian territory", "Russia's land": Russia's own soil, not the occupied land of the issue."""
    return any(
        c.dep_ in ("amod", "poss", "compound") and c.lower_ in ("russian", "russia", "russia's")
        for c in tok.children
    )


def epistemic(tok: Token) -> bool:
    """ "may have to accept", "should agree": the speaker's judgement, not the subject's stance."""
    modals = _modals(tok)
    if modals & FUTURE_MODALS:
        return False
    return bool(modals & EPISTEMIC_MODALS)
