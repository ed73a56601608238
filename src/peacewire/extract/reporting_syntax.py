"""Parse facts about a reporting verb: whether it reports, whether it is finite, who its subject is.

Both the quotation-mark rules and the reported-clause rules (and attribution.py) ask
these questions of a verb, and the parser's slips around subjects (a dateline read as a
subject, a speaker hung on the clause before) are repaired here once for all of them.
"""

from __future__ import annotations

from spacy.tokens import Token

from peacewire.extract.lexicon import ReportingLexicon, reporting_lexicon
from peacewire.extract.tokenview import TokenView

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""Tags of a finite verb form: a clause with one is a reported statement, not an infinitive."""


def _is_reporting_verb(tok: Token, lex: ReportingLexicon) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    return tok.lemma_.lower() in lex.verbs


def subject_of(verb: Token, view: TokenView) -> Token | None:
    """The subject of a reporting verb, following participles to their head.

    "…, adding that …" and "After months of insisting that …, Washington"
    take the subject of the verb they hang from; "was quoted as saying" takes
    the passive subject; "was told by X" the agent; "a statement saying" the
    noun it qualifies.  `view`, the article's token lists, spares building the
    Tokens the tests look at.
    """
    cur = verb
    stranded = _stranded_subject(verb, view)
    if stranded is not None:
        return stranded
    misplaced = _name_before(verb)
    if misplaced is not None:
        return misplaced
    for _ in range(6):
        subj = _nearest_subject(cur, view)
        if subj is not None:
            return subj
        if cur.i == verb.i and cur.dep_ == "conj":
            host = _tense_host(cur)
            if host is not None:
                return _nearest_subject(host, view)
        for child in cur.children:
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if cur.i != verb.i:
            for child in cur.children:
                if child.dep_ == "nsubjpass":
                    return child
        if cur.dep_ == "conj" and cur.head.i != cur.i:
            # "said X would …, but added …": the parser often hangs the second
            # reporting verb on the reported clause; it shares the first's subject.
            if cur.i == verb.i and cur.head.dep_ == "ccomp" and cur.head.head.pos_ in ("VERB", "AUX"):
                cur = cur.head.head
            else:
                cur = cur.head
        elif cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
            # "a statement saying …" names the statement (its owner speaks);
            # a misparsed "X expressed concern, noting …" keeps X.
            noun = cur.head
            if noun.lemma_.lower() in reporting_lexicon().speech_nouns:
                return noun
            for holder in (noun, *(c for c in noun.children if c.dep_ == "amod" and c.tag_.startswith("VB"))):
                subj = next((c for c in holder.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    return subj
            return None
        elif cur.tag_ in ("VBG", "VBN", "VB") and cur.dep_ in (
            "advcl",
            "xcomp",
            "ccomp",
            "parataxis",
            "pcomp",
            "conj",
        ):
            nxt = cur.head
            while nxt.pos_ not in ("VERB", "AUX") and nxt.head.i != nxt.i:
                nxt = nxt.head
            if nxt.i == cur.i or nxt.pos_ not in ("VERB", "AUX"):
                return None
            climbs_out = nxt.dep_ == "ccomp" and nxt.head.pos_ in ("VERB", "AUX")
            if cur.i == verb.i and cur.dep_ == "advcl" and climbs_out:
                # "X insists Y will not cede land, saying …": the parser hung the
                # participle on the reported clause; it is X's.
                nxt = nxt.head
            cur = nxt
        else:
            return None
    return None


def _has_subject(verb: Token, view: TokenView) -> bool:
    dep = view.dep
    return any(dep[c] in ("nsubj", "nsubjpass", "expl", "csubj") for c in view.children[verb.i])


def _finite(verb: Token, view: TokenView) -> bool:
    """Whether a clause's verb is finite ("Russia would attack", "that Kyiv withdraw"),
    not an infinitive or a bare participle ("expected it to happen")."""
    i, tag = verb.i, view.tag
    if view.pos[i] not in ("VERB", "AUX"):
        return True  # a misparsed head: leave it to the other checks
    dep = view.dep
    auxes = [c for c in view.children[i] if dep[c] in ("aux", "auxpass")]
    if tag[i] in FINITE_TAGS or any(tag[a] in FINITE_TAGS for a in auxes):
        return True
    if any(tag[a] == "TO" for a in auxes):
        return False
    return tag[i] != "VBG"


def _nearest_subject(verb: Token, view: TokenView) -> Token | None:
    """The verb's nominal subject; of two (a dateline read as one: "KYIV - … the
    army chief said"), the one nearest before it.  Tested on the token lists:
    Tokens are built only for the answer."""
    i, dep, pos, kids = verb.i, view.dep, view.pos, view.children
    subjects = [c for c in kids[i] if dep[c] == "nsubj"]
    if not subjects:
        return None
    before = [c for c in subjects if c < i]
    s = before[-1] if before else subjects[0]
    doc = verb.doc
    for conj in kids[s]:
        # "…, many aimed at plants, and Klitschko, the mayor, said …": a name joined by
        # ", and" right before the verb is its subject, not a second party
        if dep[conj] == "conj" and s < conj < i and pos[conj] == "PROPN" and pos[s] != "PROPN":
            edge = doc[conj].left_edge.i
            if view.lower[edge - 1] == "and" and view.words[edge - 2] == ",":
                return doc[conj]
    return doc[s]


def _tense_host(verb: Token) -> Token | None:
    """The verb a subjectless conjunct belongs with when the parser hung it too high.

    In "X was speaking after Y denounced him and warned that …" the parser may
    coordinate "warned" with "speaking"; the verb of the same tense between
    them ("denounced") with a subject of its own is the true first conjunct.
    """
    head = verb.head
    if head.tag_ == verb.tag_ or verb.tag_ not in FINITE_TAGS:
        return None
    doc = verb.doc
    for k in range(verb.i - 1, head.i, -1):
        tok = doc[k]
        if tok.tag_ != verb.tag_ or tok.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "nsubj" for c in tok.children):
            continue
        cur = tok
        while cur.head.i != cur.i and cur.i != head.i:
            cur = cur.head
        if cur.i == head.i:
            return tok
    return None


def _name_before(verb: Token) -> Token | None:
    """ "…, but they are no closer to a meeting, Rubio said the talks were …": a person's
    name right before a subjectless reporting verb, after a comma, that the parser
    hung elsewhere."""
    if verb.i < 2 or any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children):
        return None
    doc = verb.doc
    name = doc[verb.i - 1]
    if name.pos_ != "PROPN" or name.ent_type_ != "PERSON" or name.head.i == verb.i:
        return None
    first = name.i
    while first > 0 and doc[first - 1].ent_type_ == "PERSON" and doc[first - 1].pos_ == "PROPN":
        first -= 1
    return name if first > 0 and doc[first - 1].text == "," else None


def _stranded_subject(verb: Token, view: TokenView) -> Token | None:
    """ "…, injuring five people, regional governor X said." where the parser hung
    the speaker's name on the clause before (as an apposition or a conjunct): the
    noun phrase between the last comma (before an appositive title, if one
    follows it) and a sentence-final reporting verb whose clause comes first.
    Tested on the token lists: Tokens are built only for the answer."""
    i, dep, pos, words, kids = verb.i, view.dep, view.pos, view.words, view.children[verb.i]
    if i == 0 or any(dep[c] in ("nsubjpass", "agent") for c in kids):
        return None
    comps = [c for c in kids if dep[c] == "ccomp"]
    if not comps or max(comps) > i:
        return None  # a clause of its own follows: "…, and X said Y"
    first = view.sentence(i)[0]
    end = i  # the phrase ends before this token
    if words[end - 1] == ",":  # "X, the head of Y, said"
        j = end - 2
        while j > first and words[j] != "," and end - j < 14:
            j -= 1
        if words[j] != ",":
            return None
        end = j
    k = end - 1
    if k <= first or pos[k] not in ("PROPN", "NOUN"):
        return None
    while k > first and words[k - 1] != "," and end - k < 8:
        if pos[k - 1] in ("VERB", "AUX") or view.punct[k - 1]:
            return None
        k -= 1
    if k <= first or words[k - 1] != ",":
        return None
    if pos[k] == "CCONJ":
        return None
    span = range(k, end)
    subj = _nearest_subject(verb, view)
    if subj is not None and subj.i in span:
        return None  # the parser found it
    head = view.head
    roots = [t for t in span if head[t] not in span]
    return verb.doc[roots[-1]] if roots else None
