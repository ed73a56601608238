"""Where a clause stands on an issue cue: support or oppose, and whose stance it is.

From an issue cue (`issues.CueMatch`) the reading climbs the dependency parse
towards the sentence root.  On the way it multiplies the cue's direction by
the polarity of every stance word it passes ("refuse" reverses, "want"
keeps, a `neg` child reverses), records those stance words as frames (their
subject or owner is a candidate holder), and stops at a pure reporting verb
("said"), whose subject is the speaker of the content.  Which actor finally
holds the position is decided in `positions.py`; this module only reads the
parse.  The polarity rules follow ANNOTATION.md: a hedged stance is still
support, a refusal is oppose, a stance on a cue of the opposite outcome
("regain the land") reverses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from peacewire.extract.issues import CueMatch, PositionLexicon

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
CLAUSE_EDGES = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "conj", "pcomp", "acl", "relcl"})
ADJUNCT_PREPS = frozenset({"after", "before", "during", "since", "amid", "despite", "following", "until", "at"})
"""Prepositions whose object is a circumstance of the clause, not what a stance is about."""
ROLE_PREPS = frozenset({"as"})
"""Prepositions that give the role of what is done ("as a compromise to end the war")."""
CONDITION_PREPS = frozenset({"under"})
ADJUNCT_MARKS = frozenset(
    {"after", "before", "when", "while", "because", "since", "although", "though", "as", "until",
     "whereas", "once", "if", "unless", "whether", "even", "despite"}
)  # fmt: skip
QUESTION_MARKS = frozenset({"whether"})
CIRCUMSTANCE_PHRASES = ("part of", "result of", "absence of", "wake of", "aftermath of", "course of")
"""Complex prepositions whose object is a circumstance: a cue inside states no stance."""
TOTALITY = frozenset({"completely", "entirely", "fully", "wholly", "totally"})
OBLIGATION_HEADS = frozenset({"have", "force", "compel", "oblige", "pressure", "press"})
VIEW_VERBS = frozenset({"view", "see", "consider", "regard", "qualify", "treat", "deem", "perceive", "classify"})
TIME_PREFIXES = frozenset({"post", "pre"})
"""A cue prefixed so ("post-ceasefire") names a time, not a stance."""
VAGUE_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "rumoredly"})
"""Adverbs that make the source of a clause vague ("the talks were reportedly derailed")."""
PURPOSE_MARKS = frozenset({"for", "so", "order"})
COPULAS = frozenset({"be", "become", "seem", "remain", "appear", "represent", "constitute", "deserve",
                     "merit", "prove", "look", "sound"})  # fmt: skip
EPISTEMIC_MODALS = frozenset({"may", "might", "could", "should", "must", "ought", "can"})
FUTURE_MODALS = frozenset({"will", "would", "shall", "'ll", "wo"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
def first_person(tok: Token) -> bool:
    """I / we / our ... (not "US", the country)."""
    return tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and tok.text != "US"


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})


@dataclass
class Frame:
    """A stance word passed on the way up: its token and the polarity it applied."""

    token: Token
    polarity: int
    kind: str
    """"verb", "adjective", "noun", "evaluation", "action" or "imperative"."""
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
    detached: bool = False
    """The climb stopped at a circumstantial clause ("as the delegations met"): no speaker holds it."""

    @property
    def stance(self) -> str:
        return "support" if self.polarity > 0 else "oppose"

    @property
    def top(self) -> Frame | None:
        return self.frames[-1] if self.frames else None


def _phrasal(tok: Token, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `tok` heads one of the multi-word predicates ("call for", "rule out")."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    kids = {c.lower_ for c in tok.children}
    for words in phrases:
        if len(words) < 2 or words[0] not in (lemma, low):
            continue
        near = {t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 3]}
        if all(w in kids for w in words[1:]) and (len(words) > 2 or words[1] in near):
            return True
        # "call on X to ...", "open to": the second word may follow directly
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if len(words) == 2 and nxt is not None and nxt.lower_ == words[1]:
            return True
    return False


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
        if lemma in st.oppose_verbs:
            return -1, "verb"
        if lemma in st.support_verbs:
            return 1, "verb"
        if tok.tag_ == "VBN" and (lemma in st.support_adjectives or low in st.support_adjectives):
            return 1, "adjective"  # "prepared" tagged as a verb
        return 0, ""
    if tok.pos_ == "ADJ":
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
    text = " ".join(t.lower_ for t in doc[tok.i : min(len(doc), tok.i + 4)])
    return any(text.startswith(p) for p in lex.not_negation)


def negated(tok: Token, lex: PositionLexicon) -> bool:
    """Whether `tok` carries a negation: a `neg` child, "never", "no longer", "no" determiner."""
    for child in tok.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "neg") and low in lex.negation_words):
            if _not_negation(child, lex):
                continue
            if low == "no" and child.i + 1 < len(tok.doc) and tok.doc[child.i + 1].lower_ == "longer":
                return True
            return True
    return False


def _contrast_between(conj: Token, head: Token, lex: PositionLexicon) -> bool:
    """ "X but rather Y": a contrastive coordinator between a conjunct and its head."""
    lo, hi = sorted((conj.i, head.i))
    return any(t.lower_ in lex.contrast for t in conj.doc[lo + 1 : hi])


def existential(tok: Token) -> bool:
    """ "there have been no negotiations": a cue stated as (not) existing is a fact, not a stance."""
    head = tok.head
    if tok.dep_ in ("attr", "nsubj", "dobj") and head.lemma_ == "be":
        return any(c.dep_ == "expl" for c in head.children)
    return False


def _prep_phrase(prep: Token) -> str:
    """The preposition with the words before it that make a complex one ("instead of")."""
    doc = prep.doc
    left = " ".join(t.lower_ for t in doc[max(0, prep.i - 2) : prep.i])
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
        if child.dep_ not in ("acomp", "attr", "oprd", "dobj"):
            continue
        for target in _judgement_words(child):
            pol, _ = predicate_polarity(target, lex)
            if pol:
                return pol, target
    return 0, None


def _judgement_words(tok: Token) -> list[Token]:
    """The word that carries a complement's judgement: its adjectives first ("a failed plan")."""
    out = [c for c in tok.children if c.dep_ == "amod"]
    out.append(tok)
    for c in tok.children:  # "nothing but condemnation"
        if c.dep_ == "prep" and c.lower_ == "but":
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


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


def read_stance(
    match: CueMatch, lex: PositionLexicon, bounds: Sequence[tuple[int, int]] = ()
) -> Reading | None:
    """Climb from the cue to its stance words and reporter; None when the cue states no stance.

    `bounds` are the character spans of direct quotations: the climb stops
    where it would leave the quotation holding the cue (the words around a
    quotation are the reporter's, not the speaker's).
    """
    anchor = match.anchor
    bound = next(((s, e) for s, e in bounds if s <= anchor.idx < e), None)
    stated_fact = existential(anchor)
    first = match.tokens[0]
    if first.i >= 2 and first.nbor(-1).text == "-" and first.nbor(-2).lower_ in TIME_PREFIXES:
        return None
    reading = Reading(cue=match, polarity=match.polarity, path=[anchor])
    if any(first_person(t) for t in match.tokens):
        reading.marker = True  # "Crimea is ours": the words are the speaker's claim
    if match.pattern.direct and not _direct_argument(anchor, lex):
        return None
    pol = match.polarity
    if negated(anchor, lex):
        pol = -pol
    if _action(anchor, match, lex):
        reading.frames.append(Frame(anchor, 1, "action", pol))
    if anchor.pos_ in ("VERB", "AUX") and _modals(anchor):
        reading.marker = True
    escape_negation = _totality(anchor)
    reading.partial = escape_negation
    locked = False
    subject_only = False
    tok = anchor
    for _ in range(40):
        head = tok.head
        if head.i == tok.i:
            break
        edge = tok.dep_
        if bound is not None and not bound[0] <= head.idx < bound[1]:
            if _is_reporter(head, edge, lex):
                reading.reporter = head
            break
        if edge == "relcl":
            if head.lemma_.lower() in lex.plan_nouns and head.pos_ == "NOUN":
                reading.provision_of = head
            break  # the relative clause's antecedent belongs to another clause
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        if marks & QUESTION_MARKS:
            return None  # "whether Moscow will accept a deal": asked, not asserted
        if edge == "advcl":
            if marks & ADJUNCT_MARKS:
                reading.detached = True
                break
            if (not marks or marks & PURPOSE_MARKS) and _infinitive(tok):
                locked = True  # a purpose: "give up land to achieve peace" wants peace
        if edge in ("pobj", "pcomp") and head.dep_ == "prep" or edge in ("pobj", "pcomp") and head.pos_ == "ADP":
            phrase = _prep_phrase(head)
            if phrase.endswith(CIRCUMSTANCE_PHRASES):
                return None  # "as part of any peace deal": a circumstance of the stance
            if phrase.endswith(("instead of", "rather than", "place of")):
                pol = -pol
                locked = True
            elif phrase.endswith(("favour of", "favor of")):
                locked = True
            elif phrase.endswith(("exchange for", "return for", "condition of")) or head.lower_ in CONDITION_PREPS:
                locked = True
                reading.condition_lock = True
            elif head.lower_ in ROLE_PREPS:
                locked = True
            elif head.lower_ == "for" and any(c.dep_ == "acl" and _infinitive(c) for c in tok.children):
                locked = True  # "for any agreement to succeed": a purpose
            elif head.lower_ == "against" and not locked:
                pol = -pol
            elif head.lower_ in ("in", "at") and head.head.tag_ == "VBN" and not reading.frames:
                return None  # "a plan put forward in US-Ukraine talks": where, not what
            elif head.lower_ in ADJUNCT_PREPS and not reading.frames:
                if not _frame_preposition(head, lex):
                    return None
            elif head.lower_ in ADJUNCT_PREPS and reading.frames:
                subject_only = True
        reading.path.append(head)
        if edge == "conj":
            if _contrast_between(tok, head, lex):
                escape_negation = True
            tok = head
            continue
        if not subject_only:
            p, kind = predicate_polarity(head, lex)
            if p and edge == "nsubjpass":
                kind = "event"  # "the talks were derailed": an outcome, not its subject's stance
            if not p and head.lemma_ == "be" and edge in ("advcl", "xcomp") and _infinitive(tok):
                p, kind = _adjective_complement(head, lex)
            judge: Token | None = None
            if not p and edge in ("nsubj", "nsubjpass", "csubj"):
                p, judge = evaluation(head, lex)
                kind = "evaluation" if p else ""
            if not p and edge == "nsubjpass" and head.lemma_.lower() in VIEW_VERBS:
                p, judge = _viewed_as(head, lex)
                kind = "evaluation" if p else ""
            if not p:
                p, judge = _subject_evaluation(head, tok, lex)
                kind = "evaluation" if p else ""
            reporting = _is_reporter(head, edge, lex)
            if reporting:
                reading.reporter = head
                reading.polarity = pol
                return reading
            if p:
                dropping = _dropping(head, lex)
                last = reading.frames[-1] if reading.frames else None
                if dropping and not locked and last is not None and last.kind == "noun" and last.token.head.i == head.i:
                    reading.dropped = last
                if not locked:
                    pol *= p
                reading.frames.append(Frame(head, p, kind, judge=judge))
            elif _action(head, match, lex):
                reading.frames.append(Frame(head, 1, "action"))
            if head.pos_ in ("VERB", "AUX", "ADJ") and negated(head, lex) and not locked:
                if escape_negation:
                    escape_negation = False
                else:
                    pol = -pol
            if reading.frames and reading.frames[-1].token.i == head.i:
                reading.frames[-1].cumulative = pol
            if head.pos_ in ("VERB", "AUX") and _modals(head):
                reading.marker = True
            if any(c.lower_ in VAGUE_ADVERBS for c in head.children):
                return None
        elif _is_reporter(head, edge, lex):
            reading.reporter = head
            break
        tok = head
    if not reading.frames:
        for cand in (anchor, tok):
            if is_imperative(cand):
                reading.frames.append(Frame(cand, 1, "imperative", pol))
                break
    reading.polarity = pol
    if stated_fact and not reading.frames:
        return None
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


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _frame_preposition(prep: Token, lex: PositionLexicon) -> bool:
    """ "open to talks", "ready for talks", "interest in talks": a stance word governs the preposition."""
    p, _ = predicate_polarity(prep.head, lex)
    return bool(p) and prep.head.pos_ in ("ADJ", "NOUN", "VERB")


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
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in child.children):
            continue
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


def _direct_argument(tok: Token, lex: PositionLexicon) -> bool:
    """Whether a weak cue ("peace", "territory") is an argument of a stance word."""
    if modifier_frames(tok, lex):
        return True
    head = tok.head
    if tok.dep_ in ("dobj", "attr", "nsubjpass") or tok.dep_ == "conj" and tok.head.dep_ == "dobj":
        target = head if tok.dep_ != "conj" else head.head
        p, _ = predicate_polarity(target, lex)
        return bool(p) or target.lemma_.lower() in ("have", "get", "keep", "take", "seize")
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        p, _ = predicate_polarity(head.head, lex)
        return bool(p)
    return False


def has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def epistemic(tok: Token) -> bool:
    """ "may have to accept", "should agree": the speaker's judgement, not the subject's stance."""
    modals = _modals(tok)
    if modals & FUTURE_MODALS:
        return False
    return bool(modals & EPISTEMIC_MODALS)
