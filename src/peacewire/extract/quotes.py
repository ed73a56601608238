"""Find quotations in a parsed article: direct, partial and indirect.

Detection is separate from speaker resolution (`speakers.py`): this module
says *what* was quoted, where, and which phrase of the sentence attributes it
(the subject of the reporting verb, the object of "according to").  The rules
follow ANNOTATION.md:

* direct: a pair of quotation marks holding the reported words, attributed
  outside the marks ("…,” he said; She said: “…”).  One quote per pair.
* partial: a fragment of three or more words in marks inside the reporter's
  own sentence, not inside a reported clause.
* indirect: the clausal complement of a reporting verb ("X said that …",
  "…, X warned"), the clause "according to X" qualifies, or the "that"-clause
  of an owned noun of saying ("Russian accusations that …").  Marks around the
  whole clause make it direct; marks around part of it stay in the clause.

A clause ends where the reporter's own material begins: at a semicolon, before
a coordinated clause about someone else, a trailing comment ("…, a move seen
as …"), a present-tense aside ("…, which lies on …") or a new report
("…, suggesting that …").  Nothing is reported by a negated or modal verb
("did not say where …", "would write into law that …"), by an embedded
question ("explained why …"), an infinitive ("expects prices to fall") or a
phrase without a subject; words in marks after "the title", a slogan or a
habitual "what X calls" are names, not quotes.  The parser's slips that
matter here (a speaker hung on the clause before, a dateline read as a
subject, a sentence split after "a.m.") are repaired where they are seen.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from peacewire.extract.lexicon import ReportingLexicon, reporting_lexicon
from peacewire.extract.quotemarks import MarkPair, pair_marks
from peacewire.extract.tokenview import TokenView, token_view
from peacewire.records import QuoteKind

DATELINE = re.compile(r"[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+)*(?:,[^\n—–]{0,40}?)? *[—–-]+ +")
"""A dateline opening an article's first sentence ("KYIV, Feb 3 (Agency) - ", "SEOUL — ")."""

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""Tags of a finite verb form: a clause with one is a reported statement, not an infinitive."""

MIN_PARTIAL_WORDS = 3
MIN_CLAUSE_TOKENS = 3
TRAILING_SENTENCE_PUNCT = ".,;:"
"""Punctuation that belongs to the reporter's sentence, not to the quote."""

FRONTED_TAIL_TOKENS = 10
"""At most this many words follow a sentence-final attribution ("…, X told the BBC on Friday")."""

QUESTION_VERBS = frozenset({"ask", "question", "wonder"})
"""Verbs that report a question: only their own subject's question counts."""

POST_ATTRIBUTION_TOKENS = 12
"""How far after a closing mark its attribution ("…,” said the minister) may stand."""

LEAD_SEPARATORS = ":,—–-"

CONTRAST_CONJUNCTIONS = frozenset({"but", "yet", "although", "though", "while"})
"""Conjunctions after which a coordinated clause still belongs to the report ("said X, but Y")."""
"""Characters that introduce a direct quotation after its attribution."""


@dataclass
class QuoteCandidate:
    """A quotation before its speaker is resolved."""

    kind: QuoteKind
    start: int
    end: int
    text: str
    verb: Token | None = None
    """The reporting verb (or "according") that attributes the quote."""
    subject: Token | None = None
    """Head token of the phrase naming the source, when the sentence names one."""
    pair: MarkPair | None = None
    relay: Token | None = None
    """Head of the phrase that relays this quotation ("…, the minister said")."""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding space and sentence punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING_SENTENCE_PUNCT):
        end -= 1
    return start, end


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _is_reporting_verb(tok: Token, lex: ReportingLexicon) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    return tok.lemma_.lower() in lex.verbs


def subject_of(verb: Token) -> Token | None:
    """The subject of a reporting verb, following participles to their head.

    "…, adding that …" and "After months of insisting that …, Washington"
    take the subject of the verb they hang from; "was quoted as saying" takes
    the passive subject; "was told by X" the agent; "a statement saying" the
    noun it qualifies.
    """
    cur = verb
    stranded = _stranded_subject(verb)
    if stranded is not None:
        return stranded
    misplaced = _name_before(verb)
    if misplaced is not None:
        return misplaced
    for _ in range(6):
        subj = _nearest_subject(cur)
        if subj is not None:
            return subj
        if cur.i == verb.i and cur.dep_ == "conj":
            host = _tense_host(cur)
            if host is not None:
                return _nearest_subject(host)
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


def _one_clause(comps: list[Token]) -> list[Token]:
    """The complements that make one clause: the parser sometimes splits one ("that
    the missile responsible … was supplied"), but after a complete clause with its
    own subject and finite verb, a further complement without a subject is the
    host's predicate ("The statement saying that he wants X is not reassuring")."""
    out: list[Token] = []
    for comp in sorted(comps, key=lambda c: c.i):
        if out:
            prev = out[-1]
            complete = prev.pos_ in ("VERB", "AUX") and _finite(prev) and _has_subject(prev)
            if complete and not _has_subject(comp):
                break
        out.append(comp)
    return out


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def _clause_left(comp: Token, verb: Token) -> int:
    """Where a complement clause starts; "conditions that he said would lead to peace":
    the relative pronoun before the verb is the clause's gap, not part of it."""
    left = comp.left_edge.i
    if left < verb.i < comp.i:
        after = [t.i for t in comp.subtree if t.i > verb.i]
        return min(after) if after else left
    return left


def _finite(verb: Token) -> bool:
    """Whether a clause's verb is finite ("Russia would attack", "that Kyiv withdraw"),
    not an infinitive or a bare participle ("expected it to happen")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return True  # a misparsed head: leave it to the other checks
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in FINITE_TAGS or any(a.tag_ in FINITE_TAGS for a in aux):
        return True
    if any(a.tag_ == "TO" for a in aux):
        return False
    return verb.tag_ != "VBG"


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's nominal subject; of two (a dateline read as one: "KYIV - … the
    army chief said"), the one nearest before it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    before = [c for c in subjects if c.i < verb.i]
    subj = before[-1] if before else subjects[0]
    doc = verb.doc
    for conj in subj.children:
        # "…, many aimed at plants, and Klitschko, the mayor, said …": a name joined by
        # ", and" right before the verb is its subject, not a second party
        if (
            conj.dep_ == "conj"
            and subj.i < conj.i < verb.i
            and conj.pos_ == "PROPN"
            and subj.pos_ != "PROPN"
            and doc[conj.left_edge.i - 1].lower_ == "and"
            and doc[conj.left_edge.i - 2].text == ","
        ):
            return conj
    return subj


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


def _stranded_subject(verb: Token) -> Token | None:
    """ "…, injuring five people, regional governor X said." where the parser hung
    the speaker's name on the clause before (as an apposition or a conjunct): the
    noun phrase between the last comma (before an appositive title, if one
    follows it) and a sentence-final reporting verb whose clause comes first."""
    if verb.i == 0 or any(c.dep_ in ("nsubjpass", "agent") for c in verb.children):
        return None
    comps = [c.i for c in verb.children if c.dep_ == "ccomp"]
    if not comps or max(comps) > verb.i:
        return None  # a clause of its own follows: "…, and X said Y"
    doc = verb.doc
    first = verb.sent.start
    end = verb.i  # the phrase ends before this token
    if doc[end - 1].text == ",":  # "X, the head of Y, said"
        j = end - 2
        while j > first and doc[j].text != "," and end - j < 14:
            j -= 1
        if doc[j].text != ",":
            return None
        end = j
    k = end - 1
    if k <= first or doc[k].pos_ not in ("PROPN", "NOUN"):
        return None
    while k > first and doc[k - 1].text != "," and end - k < 8:
        if doc[k - 1].pos_ in ("VERB", "AUX") or doc[k - 1].is_punct:
            return None
        k -= 1
    if k <= first or doc[k - 1].text != ",":
        return None
    if doc[k].pos_ == "CCONJ":
        return None
    span = range(k, end)
    subj = _nearest_subject(verb)
    if subj is not None and subj.i in span:
        return None  # the parser found it
    roots = [doc[i] for i in span if doc[i].head.i not in span]
    return roots[-1] if roots else None


def _inside(pairs: Iterable[MarkPair], start: int, end: int) -> MarkPair | None:
    """The mark pair whose content holds [start, end), if any."""
    for p in pairs:
        if p.open < start and end <= p.close + 1:
            return p
    return None


def _token_in_pairs(tok: Token, pairs: list[MarkPair]) -> bool:
    return any(p.open < tok.idx < p.close for p in pairs)


class QuoteFinder:
    """Finds quotation candidates in one parsed document."""

    def __init__(
        self,
        doc: Doc,
        lex: ReportingLexicon | None = None,
        pairs: list[MarkPair] | None = None,
        tokens: TokenView | None = None,
    ) -> None:
        self.doc = doc
        # The article's token lists (`ActorTable.tokens`, read once per article), and its text
        # from them: Doc.text is rebuilt on every access.
        self.tokens = token_view(doc) if tokens is None else tokens
        self.text = self.tokens.text
        self.lex = lex or reporting_lexicon()
        self.pairs = pair_marks(self.text) if pairs is None else pairs
        # The rules scan token attributes in the lists (no Token objects); the few
        # tokens they look at closely are picked out by their lemma/form.  (A verb's
        # lemma is lower-case as spaCy gives it: its rule lemmatizer keeps the case of
        # proper nouns only.)
        self.n = len(doc)
        self.starts: list[int] = self.tokens.idx
        self.quoted = self._quoted_flags()
        lemmas, lowers = self.tokens.lemma, self.tokens.lower
        verbs, phrasal, claims = self.lex.verbs, self.lex.phrasal, self.lex.claim_nouns
        heads = verbs | phrasal.keys() | claims
        self.reporting: list[Token] = []
        self.claims: list[Token] = []
        """Nouns of saying with a clause of their own ("Russian accusations that …")."""
        for i, lemma in enumerate(lemmas):
            if lemma not in heads or self.quoted[i]:
                continue
            tok = doc[i]
            if lemma in claims and tok.pos_ == "NOUN":
                self.claims.append(tok)
            elif lemma in verbs:
                if _is_reporting_verb(tok, self.lex):
                    self.reporting.append(tok)
            elif lemma in phrasal and self._phrasal_particle(tok) is not None:
                self.reporting.append(tok)
        self.reporting_starts = [t.idx for t in self.reporting]
        self.according = [doc[i] for i, low in enumerate(lowers) if low == "according" and not self.quoted[i]]
        self.direct_pairs: list[MarkPair] = []

    def _quoted_flags(self) -> list[bool]:
        """For each token, whether it stands inside a pair of quotation marks."""
        flags = [False] * self.n
        for p in self.pairs:
            i = bisect.bisect_right(self.starts, p.open)
            while i < self.n and self.starts[i] < p.close:
                flags[i] = True
                i += 1
        return flags

    # -- direct and partial ------------------------------------------------

    def _sentence_at(self, char: int) -> Span | None:
        tok = self._token_at(char)
        return tok.sent if tok is not None else None

    def _token_at(self, char: int) -> Token | None:
        """The token holding `char`, else the first one after it."""
        if not self.n:
            return None
        i = max(bisect.bisect_right(self.starts, char) - 1, 0)
        if char >= self.starts[i] + len(self.tokens.words[i]) and i + 1 < self.n:
            i += 1
        return self.doc[i]

    def _reporting_verbs_between(self, start: int, end: int) -> list[Token]:
        """Reporting verbs in [start, end) that stand outside every quotation."""
        lo = bisect.bisect_left(self.reporting_starts, start)
        hi = bisect.bisect_left(self.reporting_starts, end)
        return self.reporting[lo:hi]

    def _is_direct(self, pair: MarkPair) -> bool:
        """Decide whether a mark pair holds the whole reported content."""
        text = self.text
        sent = self._sentence_at(pair.open)
        line_start = text.rfind("\n", 0, pair.open) + 1
        sent_start = max(sent.start_char if sent is not None else line_start, line_start)
        pre = text[sent_start : pair.open].rstrip()
        content = text[pair.open + 1 : pair.close].strip()
        if not content:
            return False
        if not pre:
            return not self._continues_sentence(pair)
        if pre[-1] in LEAD_SEPARATORS:
            # "he said, “…”" / "She wrote: “…”" -- but not an appositive
            # fragment after a comma ("Russia, “the aggressor”, …").
            if (
                pre[-1] == ":"
                or content[0].isupper()
                or content[0] in "…."
                or content.endswith((".", "?", "!"))
            ):
                return True
            before = pre[:-1].rstrip().split()
            if before and self._ends_with_reporting_verb(sent_start, pair.open):
                return True
            return False
        if pre.lower().endswith(" that") and self._ends_sentence(pair):
            return True
        return False

    def _continues_sentence(self, pair: MarkPair) -> bool:
        """True when the reporter's sentence goes on after the marks with more
        than an attribution ("“Fighting continues” in the east, he said")."""
        content = self.text[pair.open + 1 : pair.close].rstrip()
        if content.endswith((",", ".", "!", "?", "…")):
            return False
        after = self.text[pair.close + 1 : pair.close + 3].lstrip()
        if not after or not after[0].isalpha():
            return False
        first = bisect.bisect_right(self.starts, pair.close)
        if first < self.n and self.tokens.pos[first] == "ADP":
            return True  # "“Street fighting continues” in the city, said X": the sentence goes on
        return not self._reporting_verbs_between(pair.close, self._words_after(pair.close, 4))

    def _ends_with_reporting_verb(self, start: int, end: int) -> bool:
        verbs = self._reporting_verbs_between(start, end)
        if not verbs:
            return False
        last = verbs[-1]
        between = self.text[last.idx + len(last.text) : end]
        return len(between.split()) <= 5

    def _ends_sentence(self, pair: MarkPair) -> bool:
        """True when nothing but punctuation or an attribution follows the pair."""
        line_end = self.text.find("\n", pair.close)
        line_end = len(self.text) if line_end < 0 else line_end
        sent = self._sentence_at(pair.close)
        end = min(sent.end_char, line_end) if sent is not None else line_end
        post = self.text[pair.close + 1 : end].strip()
        return (
            not post
            or all(not c.isalnum() for c in post)
            or bool(self._reporting_verbs_between(pair.close, end))
        )

    def _attribution(self, pair: MarkPair) -> tuple[Token | None, Token | None]:
        """The reporting verb and subject attributing a direct quote, if stated.

        Looked for after the closing mark in the same sentence ("…,” he said),
        then before the opening mark ("He said: “…”"), then in the sentence
        before when it ends with a colon.
        """
        text = self.text
        line_start = text.rfind("\n", 0, pair.open) + 1
        line_end = text.find("\n", pair.close)
        line_end = len(text) if line_end < 0 else line_end
        sent_close = self._sentence_at(max(pair.close - 1, pair.open))
        after_end = line_end
        if sent_close is not None:
            nxt = self._sentence_at(pair.close + 1)
            if nxt is not None:
                after_end = min(line_end, max(nxt.end_char, sent_close.end_char))
        # After the closing mark, up to the next opening mark.
        next_open = min((p.open for p in self.pairs if p.open > pair.close), default=after_end)
        window_end = min(after_end, next_open, self._words_after(pair.close, POST_ATTRIBUTION_TOKENS))
        closed = text[pair.open + 1 : pair.close].rstrip().endswith((".", "!", "?"))
        sent_open = self._sentence_at(pair.open)
        prev_close = max((p.close for p in self.pairs if p.close < pair.open), default=-1)
        begin = max(line_start, prev_close + 1, sent_open.start_char if sent_open is not None else 0)
        if text[begin : pair.open].rstrip().endswith(":"):
            # "Putin said in English: “…”": the colon's attribution, not the next sentence's
            for verb in reversed(self._reporting_verbs_between(begin, pair.open)):
                subj = subject_of(verb)
                if subj is not None and not _token_in_pairs(subj, self.pairs):
                    return verb, subj
        for verb in self._reporting_verbs_between(pair.close, window_end):
            subj = subject_of(verb)
            if subj is None or _token_in_pairs(subj, self.pairs):
                continue
            if closed and not self._attribution_starts_at(pair.close, verb, subj):
                continue  # a finished quotation followed by a new sentence
            return verb, subj
        # Before the opening mark, back to the previous closing mark.
        for verb in reversed(self._reporting_verbs_between(begin, pair.open)):
            subj = subject_of(verb)
            if subj is not None and not _token_in_pairs(subj, self.pairs):
                return verb, subj
        # A preceding sentence that ends with a colon introduces the quote.
        if sent_open is not None and sent_open.start > 0:
            prev = self.doc[sent_open.start - 1].sent
            if self.tokens.text_of(prev).rstrip().endswith(":"):
                for verb in reversed(self._reporting_verbs_between(prev.start_char, prev.end_char)):
                    subj = subject_of(verb)
                    if subj is not None:
                        return verb, subj
        return None, None

    def _attribution_starts_at(self, close: int, verb: Token, subj: Token) -> bool:
        """“…!” he said / “….” said Peskov: the attribution opens right after the mark."""
        punct, space = self.tokens.punct, self.tokens.space
        first = bisect.bisect_left(self.starts, close + 1)
        while first < self.n and (punct[first] or space[first]):
            first += 1
        if first >= self.n:
            return False
        if self.doc[first].is_title and self.doc[first].pos_ in ("PRON", "DET"):
            return False  # "“…?” He said …": a new sentence, not an attribution
        return verb.i == first or subj.left_edge.i == first

    def _words_after(self, char: int, n: int) -> int:
        """The offset `n` tokens after `char`, stopping at a full stop."""
        first = bisect.bisect_left(self.starts, char + 1)
        words = self.tokens.words
        for i in range(first, self.n):
            k = i - first
            if k >= n or (words[i] in (".", "!", "?") and k > 0):
                return self.starts[i]
        return len(self.text)

    def marked(self) -> tuple[list[QuoteCandidate], list[MarkPair]]:
        """Direct quotes, and the fragment pairs left for partial/indirect."""
        direct: list[QuoteCandidate] = []
        fragments: list[MarkPair] = []
        for pair in self.pairs:
            start, end = _trim(self.text, *pair.content)
            if end <= start:
                continue
            if self._is_direct(pair):
                verb, subj = self._attribution(pair)
                direct.append(QuoteCandidate("direct", start, end, self.text[start:end], verb, subj, pair))
            else:
                fragments.append(pair)
        self.direct_pairs = [d.pair for d in direct if d.pair is not None]
        return direct, fragments

    def _in_direct(self, tok: Token) -> bool:
        """Whether a token stands inside a direct quotation (found by `marked`)."""
        return self.quoted[tok.i] and any(p.open < tok.idx < p.close for p in self.direct_pairs)

    # -- indirect ----------------------------------------------------------

    def _clause_tokens(self, verb: Token) -> list[Token] | None:
        """The reported clause of a reporting verb, or None when it has none.

        Four shapes: the clausal complement ("said that X", "X, he said"),
        a clause fronted before a sentence-final attribution the parser did
        not link ("X, the minister told the BBC."), a "that"-clause the
        parser hung elsewhere ("emphasising at the same time that X") and a
        host sentence around a parenthetical attribution ("X, he wrote, Y").
        A negated verb reports nothing ("did not say where …"), nor does an
        embedded question ("explained why …") or an infinitive ("expected it
        to happen"); a clause never runs across a semicolon.
        """
        question = verb.lemma_.lower() in QUESTION_VERBS
        if question and not any(c.dep_ == "nsubj" for c in verb.children):
            return None  # "when asked if ...": a question put to the speaker
        if any(c.dep_ == "neg" for c in verb.children):
            return None
        comps = self._prefer_following(verb, self._complements(verb))
        same_side = _one_clause([c for c in comps if (c.i > verb.i) == (comps[0].i > verb.i)])
        if comps:
            # The parser sometimes splits one clause into two complements
            # ("that the missile responsible … was supplied"): take them together.
            verbs = [c for c in same_side if c.pos_ in ("VERB", "AUX")]
            comp = next((c for c in verbs if _finite(c)), verbs[0] if verbs else comps[0])
            if not question and (self._embedded_question(comp) or not _finite(comp)):
                return None
            left = min(_clause_left(c, verb) for c in same_side)
            right = max(c.right_edge.i for c in same_side)
            if left <= verb.i <= right:
                return None
            if comp.i > verb.i:
                left, right = self._misparsed_objects(verb, comp, left, right)
                gap = any(t.tag_ in ("WDT", "WP") and t.i < verb.i for t in comp.subtree)
                if (
                    comp.pos_ in ("VERB", "AUX")
                    and not any(map(_has_subject, same_side))
                    and not gap
                    and left >= comp.left_edge.i
                ):
                    # "the package agreed in Vilnius was strong", "prisoners it said had
                    # been killed": no clause of its own, or the reporter's noun phrase
                    return None
            if comp.i > verb.i:
                right = self._extend_with_coordinated_clauses(verb, comp, right)
                right = self._extend_with_quoted_reason(verb, right)
                left = self._skip_leading_adjuncts(verb, comp, left)
                right = self._drop_trailing_aside(comp, right)
                right = self._stop_at_participle_report(comp, right)
            else:
                left = self._fronted_start(verb, left)
                right = self._fronted_end(verb, right)
            right = self._drop_trailing_apposition(comp, right)
            right = self._stop_at_reporting_conj(comp, right)
            left, right = self._within_semicolons(comp.i, left, right)
            toks = list(self.doc[left : right + 1])
            dropped = self._reporter_conj(comp)
            if dropped:
                toks = [t for t in toks if t.i not in dropped]
        elif self._parenthetical(verb):
            # "The goal, he said, is peace": the host sentence is the report.
            toks = self._host_clause(verb)
        else:
            toks = self._fronted_clause(verb) or self._stray_that_clause(verb) or []
        while toks and (
            (toks[0].dep_ in ("mark", "advmod") and toks[0].lower_ == "that")
            or toks[0].is_punct
            or toks[0].is_space
        ):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in '"”’)]?!':
            toks = toks[:-1]
        return toks or None

    def _stop_at_participle_report(self, comp: Token, right: int) -> int:
        """ "said he hoped X, suggesting that Y": a reporting participle after a comma
        inside the clause starts a report of its own."""
        doc = self.doc
        for tok in doc[comp.i + 1 : right + 1]:
            if (
                tok.tag_ == "VBG"
                and tok.dep_ == "advcl"
                and doc[tok.left_edge.i - 1].text == ","
                and tok.left_edge.i == tok.i
                and _is_reporting_verb(tok, self.lex)
                and any(c.dep_ == "ccomp" or (c.dep_ == "punct" and c.text == ":") for c in tok.children)
            ):
                return tok.i - 2
        return right

    def _drop_trailing_apposition(self, comp: Token, right: int) -> int:
        """ "…, a demand Kyiv has rejected": an apposition ending the clause is the
        reporter's comment on it (ANNOTATION.md: "…, a move analysts see as…")."""
        doc = self.doc
        for tok in doc[comp.i + 1 : right + 1]:
            if (
                tok.dep_ in ("appos", "npadvmod", "dobj", "attr")
                and tok.right_edge.i == right
                and tok.left_edge.lower_ in ("a", "an")
                and tok.left_edge.i > 0
                and doc[tok.left_edge.i - 1].text == ","
                and any(c.dep_ in ("relcl", "acl") for c in tok.children)
            ):
                return tok.left_edge.i - 2
        return right

    def _misparsed_objects(self, verb: Token, comp: Token, left: int, right: int) -> tuple[int, int]:
        """Objects the parser gave the reporting verb that belong to its clause: the
        subject of a clause without one ("said any plan that …, would freeze the war")
        and an object after the clause ("agreed to set out, in writing, their vision")."""
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in comp.children)
        for obj in verb.children:
            if obj.dep_ != "dobj":
                continue
            if obj.i < comp.i and not has_subject and obj.i > verb.i:
                left = min(left, obj.left_edge.i)
            elif obj.i > right:
                right = max(right, obj.right_edge.i)
        return left, right

    def _extend_with_quoted_reason(self, verb: Token, right: int) -> int:
        """ "wrote that X, because “Y”", "said they were, because Y": a reason given
        right after the clause (or in the speaker's quoted words) is part of the report."""
        for adv in verb.children:
            if adv.dep_ != "advcl" or adv.i <= right:
                continue
            marks = {c.lower_ for c in adv.children if c.dep_ == "mark"}
            if not marks & {"because", "since", "as"}:
                continue
            between = [t for t in self.doc[right + 1 : adv.left_edge.i] if not t.is_punct]
            lo, hi = self.starts[adv.left_edge.i], self.starts[adv.right_edge.i]
            quoted = any(lo <= p.open and p.close <= hi + 1 for p in self.pairs)
            if quoted or ("because" in marks and not between):
                right = max(right, adv.right_edge.i)
        return right

    def _prefer_following(self, verb: Token, comps: list[Token]) -> list[Token]:
        """Complements on both sides of the verb: "A said X; by night B said Y" -- the
        one before is a report of its own (or beyond a semicolon), B's is the one after."""
        before = [c for c in comps if c.i < verb.i]
        after = [c for c in comps if c.i > verb.i]
        if not before or not after:
            return comps
        words = self.tokens.words
        own_report = any(_is_reporting_verb(c, self.lex) and _has_subject(c) for c in before)
        if own_report or ";" in words[max(c.i for c in before) : verb.i]:
            return after
        return comps

    def _complements(self, verb: Token) -> list[Token]:
        """The clausal complements of a reporting verb; of "make clear" ("Kyiv made
        clear it would not …"), the clause after the adjective, wherever the parser
        hung it."""
        particle = self._phrasal_particle(verb)
        if particle is None:
            return [c for c in verb.children if c.dep_ == "ccomp"]
        found = [
            c
            for c in (*verb.children, *particle.children)
            if c.dep_ in ("ccomp", "advcl") and c.i > particle.i and c.pos_ in ("VERB", "AUX")
        ]
        return sorted(found, key=lambda c: c.i)

    def _phrasal_particle(self, verb: Token) -> Token | None:
        """The word that makes a plain verb report ("clear" in "made (it) clear")."""
        words = self.lex.phrasal.get(verb.lemma_.lower())
        if not words:
            return None
        return next((c for c in verb.children if c.lower_ in words and c.i > verb.i), None)

    def _parenthetical(self, verb: Token) -> bool:
        """ "X, he said, is Y" / "In case of X, he wrote on Twitter, there would be Y":
        an attribution set off by commas inside the sentence it reports."""
        if not any(c.dep_ == "nsubj" for c in verb.children):
            return False
        if verb.dep_ == "parataxis":
            return True
        if verb.dep_ not in ("advcl", "ccomp") or verb.head.i < verb.i:
            return False
        if any(c.dep_ in ("ccomp", "dobj", "xcomp", "mark") for c in verb.children):
            return False
        left, right = self._attribution_span(verb)
        doc = self.doc
        return left > verb.sent.start and doc[left - 1].text == "," and doc[right + 1].text == ","

    def _host_clause(self, verb: Token) -> list[Token]:
        """The sentence around a parenthetical attribution, without it.

        "…, which, he argued, often fails" reports what follows the attribution;
        "X, the air force said, and Y" reports X only (Y is the reporter's).
        """
        doc = self.doc
        left, right = self._attribution_span(verb)
        inner = set(range(left, right + 1))
        host = verb.head
        toks = [t for t in host.subtree if t.i not in inner and t.sent == verb.sent]
        before = [t for t in toks if t.i < left and not (t.is_punct or t.is_space)]
        if host.dep_ == "relcl" and all(t.tag_ in ("WDT", "WP") for t in before):
            return [t for t in toks if t.i > right]
        nxt = right + 1
        while nxt < len(doc) and doc[nxt].is_punct:
            nxt += 1
        if nxt < len(doc) and doc[nxt].pos_ == "CCONJ" and host.i < left:
            later = [c for c in host.children if c.dep_ == "conj" and c.i > right]
            modal = any(a.dep_ == "aux" and a.tag_ == "MD" for c in later for a in c.children)
            if not modal:  # "…, and those who … would be offered contracts": still the speaker's
                return [t for t in toks if t.i < left]
        return toks

    @staticmethod
    def _attribution_span(verb: Token) -> tuple[int, int]:
        """First and last token of "he wrote on Twitter": from the subject to the verb's end."""
        subj = _nearest_subject(verb)
        left = min(subj.left_edge.i, verb.i) if subj is not None else verb.i
        right = verb.right_edge.i
        doc = verb.doc
        while right > verb.i and doc[right].is_punct:
            right -= 1
        return left, right

    @staticmethod
    def _embedded_question(comp: Token) -> bool:
        """ "confirm what had happened", "explain why …", "say whether …": a question
        the clause names, not a statement it reports."""
        first = comp.left_edge
        if first.dep_ == "mark" and first.lower_ in ("whether", "if"):
            return first.head.i == comp.i  # not "if X, Y": the condition of the clause's own verb
        if first.lower_ == "that" or first.tag_ not in ("WDT", "WP", "WRB", "WP$"):
            return False
        return first.head.i == comp.i or first.i == comp.i

    def _drop_trailing_aside(self, comp: Token, right: int) -> int:
        """A non-restrictive relative clause ending the report ("…, which lies on the
        edge of the region") in the present or perfect, where the reported clause
        is backshifted: the reporter's own background, not the speaker's words."""
        doc = self.doc
        for tok in doc[comp.i : right + 1]:
            if tok.dep_ != "relcl" or tok.right_edge.i != right:
                continue
            first = tok.left_edge
            if first.i == 0 or doc[first.i - 1].text != "," or first.tag_ not in ("WDT", "WP", "WP$"):
                continue
            if any(
                c.dep_ in ("parataxis", "advcl") and _is_reporting_verb(c, self.lex) for c in tok.children
            ):
                return first.i - 2  # "…, which, he argued, often fails": a report of its own
            perfect = tok.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in FINITE_TAGS for c in tok.children
            )
            if tok.tag_ in ("VBZ", "VBP") or perfect:
                return first.i - 2
        return right

    def _within_semicolons(self, anchor: int, left: int, right: int) -> tuple[int, int]:
        """Narrow [left, right] to the part between semicolons that holds `anchor`."""
        semis = self.tokens.words
        for k in range(anchor - 1, left - 1, -1):
            if semis[k] == ";":
                left = k + 1
                break
        for k in range(anchor + 1, right + 1):
            if semis[k] == ";":
                right = k - 1
                break
        return left, right

    def _stop_at_reporting_conj(self, comp: Token, right: int) -> int:
        """A reporting verb coordinated to the clause starts a new report -- when it
        reports something ("…, and added that …"), not as a plain participle
        ("would be examined and reported to the president")."""
        for conj in comp.children:
            if (
                conj.dep_ == "conj"
                and conj.i > comp.i
                and _is_reporting_verb(conj, self.lex)
                and (
                    any(c.dep_ == "nsubj" for c in conj.children)
                    or (conj.lemma_ not in self.lex.thought and any(c.dep_ == "ccomp" for c in conj.children))
                )
            ):
                subj = _nearest_subject(conj)
                stop = (subj.left_edge.i if subj is not None and subj.i < conj.i else conj.i) - 1
                while stop > comp.i and (self.doc[stop].dep_ == "cc" or self.doc[stop].is_punct):
                    stop -= 1
                return min(right, stop)
        return right

    def _fronted_start(self, verb: Token, left: int) -> int:
        """A clause before its attribution runs from the sentence start (after a
        dateline: "KYIV, March 3 (Agency) - …")."""
        sent = verb.sent
        first = sent.start
        line = self.text[sent.start_char : sent.end_char]
        m = DATELINE.match(line)
        if m is not None:
            first = bisect.bisect_left(self.starts, sent.start_char + m.end(), lo=first)
        while first < left and (self.doc[first].is_punct or self.doc[first].is_space):
            first += 1
        return first

    def _attribution_subject(self, verb: Token) -> Token | None:
        """The subject of a sentence-final attribution, where the parser may have lost it."""
        return _stranded_subject(verb) or _nearest_subject(verb)

    def _fronted_end(self, verb: Token, right: int) -> int:
        """A fronted clause ends where the attribution's subject begins."""
        subj = self._attribution_subject(verb)
        stop = subj.left_edge.i if subj is not None and subj.i < verb.i else verb.i
        return stop - 1

    def _fronted_clause(self, verb: Token) -> list[Token] | None:
        """ "CLAUSE, X said/told Y." where the parser did not link the clause."""
        if verb.dep_ in ("relcl", "acl", "advcl", "pcomp", "xcomp", "amod"):
            return None  # "…, who has long argued for talks": not an attribution
        tail = []
        for t in self.doc[verb.i + 1 : verb.sent.end]:
            if t.text == "," and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ in ("a", "an"):
                break  # "…, the ministry said, a move seen as …": the reporter's comment
            if t.text == ":":
                return None  # "As X, he said: “…”": the attribution introduces a quotation
            if not (t.is_punct or t.is_space):
                tail.append(t)
        if len(tail) > FRONTED_TAIL_TOKENS:
            return None
        subj = self._attribution_subject(verb)
        if subj is None or subj.i > verb.i:
            subj_left = verb.i  # inverted: "…, said Peskov."
        else:
            subj_left = subj.left_edge.i
        if subj_left <= verb.sent.start or self.doc[subj_left - 1].text != ",":
            return None
        if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
            return None
        start = self._fronted_start(verb, subj_left - 1)
        toks = list(self.doc[start : subj_left - 1])
        if not any(t.pos_ in ("VERB", "AUX") for t in toks):
            return None
        inside = {t.i for t in toks}
        for root in (t for t in toks if t.head.i not in inside):
            if root.dep_ == "advcl" and any(c.dep_ == "mark" for c in root.children):
                return None  # "As the two left the stage, X said …": a time or reason, not a report
        return toks

    def _stray_that_clause(self, verb: Token) -> list[Token] | None:
        """ "said in a statement that X", "said earlier in the day that X": a "that"-clause
        the parser hung on a noun of the verb's adjunct (as a relative clause or a
        noun's complement).  The clause has its own subject; "that" is not one of
        its arguments (then it is a true relative: "a statement that was read out").
        A "that"-clause coordinated to the verb ("…, and that Y") is reported too.
        """
        for tok in verb.subtree:
            if tok.i <= verb.i or tok.lower_ != "that" or tok.dep_ not in ("mark", "advmod"):
                continue
            head = tok.head
            if head.i < tok.i or head.pos_ not in ("VERB", "AUX") or head.dep_ == "conj":
                continue
            if self._verb_between(head, verb):
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != tok.i for c in head.children):
                continue
            right = self._extend_with_coordinated_clauses(verb, head, head.right_edge.i)
            return list(self.doc[tok.i + 1 : right + 1])
        return None

    @staticmethod
    def _verb_between(tok: Token, verb: Token) -> bool:
        """True when a verb other than `verb` governs `tok` below `verb`."""
        cur = tok.head
        while cur.i != verb.i and cur.head.i != cur.i:
            if cur.pos_ in ("VERB", "AUX"):
                return True
            cur = cur.head
        return cur.i != verb.i

    def _skip_leading_adjuncts(self, verb: Token, comp: Token, left: int) -> int:
        """Drop "on Thursday" between the verb and its clause's subject."""
        i = left
        while i < comp.i:
            tok = self.doc[i]
            if tok.ent_type_ in ("DATE", "TIME") or (
                tok.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)
            ):
                i = max(i + 1, tok.right_edge.i + 1 if tok.dep_ == "prep" else i + 1)
                continue
            break
        return i if i <= comp.i else left

    def _extend_with_coordinated_clauses(self, verb: Token, comp: Token, right: int) -> int:
        """ "said X, and that Y", "said X, but Y": a clause coordinated to the verb is
        reported too when "that" introduces it, or when "but" contrasts it and its
        subject is not an actor of the reporter's narrative ("…, and he laid out a
        plan", "…, and Ursula von der Leyen called it…" are the reporter's own).
        """
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.i <= right or _is_reporting_verb(conj, self.lex):
                continue
            kids = list(conj.children)
            if any(c.dep_ == "mark" and c.lower_ == "that" for c in kids):
                right = max(right, conj.right_edge.i)
                continue
            cc = [c for c in verb.children if c.dep_ == "cc" and right < c.i < conj.i]
            subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
            if (
                subj is not None
                and cc
                and cc[-1].lower_ in CONTRAST_CONJUNCTIONS
                and subj.pos_ not in ("PROPN", "PRON")
            ):
                right = max(right, conj.right_edge.i)
        return right

    @staticmethod
    def _reporter_conj(comp: Token) -> set[int]:
        """Token indices of a subjectless verb coordinated to the clause that takes
        the reporter's tense ("he backs X but proposed Y", "X could not confirm Y but
        called Z …": a past form cannot stand under the clause's modal): the
        reporter's, not his."""
        out: set[int] = set()
        modal = comp.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in comp.children)
        if comp.tag_ not in ("VBZ", "VBP") and not modal:
            return out
        for conj in comp.children:
            if (
                conj.dep_ == "conj"
                and conj.tag_ == "VBD"
                and not any(c.dep_.startswith("nsubj") for c in conj.children)
            ):
                out.update(range(conj.i, conj.right_edge.i + 1))
                # the conjunction and comma just before it
                for tok in comp.children:
                    if comp.i < tok.i < conj.i and tok.dep_ in ("cc", "punct"):
                        if not any(
                            tok.i < t.i < conj.i and t.dep_ not in ("cc", "punct") for t in comp.children
                        ):
                            out.add(tok.i)
        return out

    def _according_to(self) -> list[QuoteCandidate]:
        out = []
        for tok in self.according:
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None:
                continue
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            if source is None:
                continue
            head = tok.head
            while head.dep_ in ("prep", "advmod") and head.head.i != head.i:
                head = head.head
            skip = {t.i for t in tok.subtree} - self._clause_conjuncts(source)
            scope = head.subtree if head.pos_ in ("VERB", "AUX") else tok.sent
            lo, hi = self._within_semicolons(tok.i, tok.sent.start, tok.sent.end - 1)
            toks = [t for t in scope if t.i not in skip and lo <= t.i <= hi]
            while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ == "mark"):
                toks = toks[1:]
            while toks and (toks[-1].is_punct or toks[-1].is_space):
                toks = toks[:-1]
            if len(toks) < MIN_CLAUSE_TOKENS:
                continue
            # Keep the longest contiguous run (the clause on one side of "according to X").
            runs: list[list[Token]] = [[toks[0]]]
            for t in toks[1:]:
                if t.i == runs[-1][-1].i + 1:
                    runs[-1].append(t)
                else:
                    runs.append([t])
            for k in range(len(runs) - 1, 0, -1):
                gap = range(runs[k - 1][-1].i + 1, runs[k][0].i)
                if all(i in skip or self.doc[i].is_punct for i in gap):
                    # "the visit, according to X, will take place": one clause around the source
                    runs[k - 1 : k + 1] = [runs[k - 1] + runs[k]]
            run = max(runs, key=len)
            if head.pos_ in ("VERB", "AUX") and run[0].i <= head.i <= run[-1].i:
                last = self._drop_trailing_apposition(head, run[-1].i)
                run = [t for t in run if t.i <= last]
            start, end = self._close_fragment(*_trim(self.text, run[0].idx, run[-1].idx + len(run[-1].text)))
            if not any(t.pos_ in ("VERB", "AUX") for t in run):
                continue
            out.append(QuoteCandidate("indirect", start, end, self.text[start:end], tok, source))
        return out

    @staticmethod
    def _clause_conjuncts(source: Token) -> set[int]:
        """ "According to the Post, Ukraine and Russia were …": names the parser joined
        to the source after its closing comma are the clause's subject."""
        doc = source.doc
        end = source.i
        for child in source.rights:
            if child.dep_ in ("conj", "cc", "punct"):
                break
            end = child.right_edge.i
        if end + 1 >= len(doc) or doc[end + 1].text != ",":
            return set()
        out: set[int] = set()
        for conj in source.children:
            if conj.dep_ == "conj" and conj.i > end + 1:
                out.update(range(end + 2, conj.right_edge.i + 1))
        return out

    def _subject_across_split(self, verb: Token) -> Token | None:
        """ "… completed at 5 a.m. | Moscow time and insisted that …": the sentence splitter
        broke after an abbreviation; a subjectless reporting verb coordinated to no verb
        shares the subject of the reporting verb that rules the sentence before."""
        if verb.dep_ != "conj" or verb.head.pos_ in ("VERB", "AUX") or verb.sent.start == 0:
            return None
        prev = self.doc[verb.sent.start - 1].sent
        root = prev.root
        words = self.tokens.words
        last = prev.end - 1
        while last > prev.start and self.tokens.space[last]:
            last -= 1
        if len(words[last]) < 2 or not words[last].endswith(".") or root.lemma_.lower() not in self.lex.verbs:
            return None  # the sentence before must end in an abbreviation ("a.m.", "Gen.")
        return subject_of(root)

    def _hypothetical(self, verb: Token) -> bool:
        """ "Ukraine would write into its constitution that …": a reporting verb under a
        modal (its own, or its first conjunct's) says what may be said, not what was."""
        host = verb
        if not any(c.dep_ == "aux" for c in verb.children) and verb.dep_ == "conj":
            host = verb.head
        return any(c.dep_ == "aux" and c.lower_ in self.lex.hypothetical_modals for c in host.children)

    def _claimed(self) -> list[QuoteCandidate]:
        """ "Russian accusations that X", "the president's warning that X": a noun of saying
        with a "that"-clause and an owner reports the owner's words (without an owner,
        "claims that X" is a vague source)."""
        out = []
        for noun in self.claims:
            clause = next(
                (
                    c
                    for c in noun.children
                    if c.dep_ in ("acl", "ccomp", "relcl")
                    and c.i > noun.i
                    and c.pos_ in ("VERB", "AUX")
                    and _finite(c)
                    and _has_subject(c)
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                ),
                None,
            )
            owner = _claim_owner(noun)
            if clause is None or owner is None:
                continue
            that = next(m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that")
            left, right = self._within_semicolons(clause.i, that.i + 1, clause.right_edge.i)
            right = self._drop_trailing_apposition(clause, right)
            toks = [t for t in self.doc[left : right + 1]]
            while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in '"”’)]?!':
                toks = toks[:-1]
            if len(toks) < MIN_CLAUSE_TOKENS:
                continue
            start, end = self._close_fragment(
                *_trim(self.text, toks[0].idx, toks[-1].idx + len(toks[-1].text))
            )
            out.append(QuoteCandidate("indirect", start, end, self.text[start:end], noun, owner))
        return out

    def reported_clauses(self) -> list[QuoteCandidate]:
        """Indirect quotes: reporting verbs with a clausal complement."""
        out = []
        for verb in self.reporting:
            if self._hypothetical(verb):
                continue
            toks = self._clause_tokens(verb)
            if not toks or len(toks) < MIN_CLAUSE_TOKENS:
                continue
            if not any(t.pos_ in ("VERB", "AUX") or (t.dep_ == "ccomp" and t.head.i == verb.i) for t in toks):
                continue  # (a verb the tagger took for a noun still heads the clause: "Moscow “rejects” …")
            start, end = self._close_fragment(
                *_trim(self.text, toks[0].idx, toks[-1].idx + len(toks[-1].text))
            )
            if end <= start:
                continue
            subj = subject_of(verb) or self._subject_across_split(verb)
            if not self.quoted[verb.i] and (
                self._in_direct(verb.head) or (subj is not None and self.quoted[subj.i])
            ):
                continue  # "“…,” suggesting that …": the reporter reads the quotation
            out.append(QuoteCandidate("indirect", start, end, self.text[start:end], verb, subj))
        return out + self._according_to() + self._claimed()

    # -- all together ------------------------------------------------------

    def find(self) -> list[QuoteCandidate]:
        direct, fragments = self.marked()
        indirect: list[QuoteCandidate] = []
        for cand in self._resolve_nesting(self.reported_clauses()):
            if _inside(self.pairs, cand.start, cand.end) is not None or self._straddles(cand):
                continue  # the clause is (partly) quoted words: the direct quote covers it
            if any(_relays(cand, d) for d in direct):
                continue  # "“…,” X said, an agency reported": the direct quote is X's
            whole = self._whole_pair(cand, fragments)
            if whole is not None:
                # Marks around the whole reported clause make it a direct quote.
                fragments.remove(whole)
                start, end = _trim(self.text, *whole.content)
                direct.append(
                    QuoteCandidate("direct", start, end, self.text[start:end], cand.verb, cand.subject, whole)
                )
                continue
            if any(_covers_pair(cand, d) for d in direct):
                continue
            indirect.append(cand)
        # A quotation closing a reported clause of the same verb ("…told ABC that X
        # was applauding the plan, “so how could it be any good?”") is part of it.
        direct = [d for d in direct if not any(_ends_clause(c, d) for c in indirect)]
        partial = []
        for pair in fragments:
            start, end = _trim(self.text, *pair.content)
            if _word_count(self.text[start:end]) < MIN_PARTIAL_WORDS or self._is_name(pair):
                continue
            if any(c.start <= pair.open and pair.close <= c.end + 1 for c in indirect):
                continue  # part of a reported clause, which keeps its marks
            verb, subj = self._governor(pair)
            partial.append(QuoteCandidate("partial", start, end, self.text[start:end], verb, subj, pair))
        found = [c for c in direct + indirect + partial if not self._runs_into_cut(c)]
        found.sort(key=lambda c: (c.start, c.end))
        unique: list[QuoteCandidate] = []
        for c in found:
            if unique and (unique[-1].start, unique[-1].end) == (c.start, c.end):
                continue  # two verbs reporting the same clause: keep the first
            unique.append(c)
        return unique

    def _close_fragment(self, start: int, end: int) -> tuple[int, int]:
        """A clause ending (or starting) with a quoted fragment keeps the fragment's
        closing (or opening) mark."""
        for p in self.pairs:
            if (
                start <= p.open < end
                and p.close in (end, end + 1)
                and not self.text[end : p.close].strip(" .,?!")
            ):
                end = p.close + 1
            opens = p.open < start <= p.open + 2 and not self.text[p.open + 1 : start].strip()
            if opens and any(c.isalnum() for c in self.text[p.close : end]):
                start = p.open
        return start, end

    def _is_name(self, pair: MarkPair) -> bool:
        """Marked words that name something: under the title “…”, the slogan “…”, in what
        Moscow calls (habitually: the present tense) a “special operation” -- the
        reporter's distance, not words said on an occasion."""
        i = bisect.bisect_left(self.starts, pair.open) - 1
        words, lemmas = self.tokens.lower, self.tokens.lemma
        while i >= 0 and (self.tokens.punct[i] or self.tokens.space[i]):
            i -= 1
        if i < 0:
            return False
        if words[i] in self.lex.naming_words or lemmas[i] in self.lex.naming_words:
            return True
        if words[i] in ("a", "an", "the") and i > 0:
            i -= 1
        if lemmas[i] not in ("call", "term", "dub", "describe") or self.tokens.tag[i] not in ("VBZ", "VBP"):
            return False  # "what he called a “march for justice”" quotes one occasion's words
        return any(c.lower_ in ("what", "which") for c in self.doc[i].children)

    def _straddles(self, cand: QuoteCandidate) -> bool:
        """True when a clause begins or ends inside a quotation but not both."""
        for p in self.pairs:
            text = self.text
            start_in = p.open < cand.start < p.close and any(c.isalnum() for c in text[p.open : cand.start])
            end_in = p.open < cand.end < p.close and any(c.isalnum() for c in text[cand.end : p.close])
            if start_in != end_in:
                return True
        return False

    def _whole_pair(self, cand: QuoteCandidate, fragments: list[MarkPair]) -> MarkPair | None:
        """The fragment pair that encloses the whole clause, if one does."""
        for pair in fragments:
            inner_start, inner_end = _trim(self.text, *pair.content)
            if pair.open <= cand.start + 1 and cand.end <= pair.close + 1 and inner_end - inner_start > 0:
                return pair
            # "said that “…”": the clause is the marks and what they hold.
            outside = self.text[cand.start : pair.open] + self.text[pair.close + 1 : cand.end]
            if (
                cand.start <= pair.open
                and pair.close < cand.end + 1
                and not any(ch.isalnum() for ch in outside)
            ):
                return pair
        return None

    def _runs_into_cut(self, cand: QuoteCandidate) -> bool:
        """An excerpt cut mid-sentence: a quote running into the cut is dropped."""
        tail = self.text[cand.end :].strip()
        if tail and any(ch.isalnum() for ch in tail):
            return False
        ending = self.text.rstrip()
        return not ending.endswith((".", "!", "?", "”", '"', "’", "'", ")", "…"))

    def _resolve_nesting(self, cands: list[QuoteCandidate]) -> list[QuoteCandidate]:
        """One quote where reported speech nests inside reported speech.

        "RIA reported the ministry said X" relays the ministry's words: the
        inner quote stays, the outer goes.  "Officials hinted they expect X"
        reports what the outer speaker says of a belief: the outer stays.
        """
        lex_thought = self.lex.thought | self.lex.estimate
        drop: set[int] = set()
        for i, outer in enumerate(cands):
            for j, inner in enumerate(cands):
                if i == j or inner.verb is None or outer.verb is None:
                    continue
                if not (outer.start <= inner.verb.idx < outer.end):
                    continue
                if not (outer.start <= inner.start and inner.end <= outer.end + 1):
                    continue
                vague_outer = (
                    outer.subject is not None and outer.subject.lemma_.lower() in self.lex.vague_subjects
                )
                source_account = (
                    outer.verb.lower_ == "according"
                    and outer.subject is not None
                    and outer.subject.pos_ != "PROPN"
                )
                if not vague_outer and (
                    inner.verb.lower_ == "according"
                    or inner.verb.pos_ == "NOUN"
                    or inner.verb.lemma_ in lex_thought
                    or self._speaks_for_itself(inner.subject)
                    or _past_perfect(inner.verb)
                    or source_account
                ):
                    # a belief, an estimate, an earlier statement or a thing "showing"
                    # something, inside the outer speaker's words; a source's account
                    drop.add(j)
                elif (
                    inner.subject is not None
                    and inner.subject.pos_ == "PRON"
                    and inner.subject.lower_ in ("which", "that", "who")
                ):
                    drop.add(j)
                else:
                    drop.add(i)
                    inner.relay = outer.subject
        return [c for k, c in enumerate(cands) if k not in drop]

    def _speaks_for_itself(self, subj: Token | None) -> bool:
        """ "the remark confirmed that …": an utterance of no one named, inside the
        outer speaker's words, makes no report of its own."""
        if subj is None:
            return False
        lemma = subj.lemma_.lower()
        if lemma not in self.lex.speech_nouns | self.lex.vague_subjects | self.lex.finding_nouns:
            return False
        owners = ("from", "by") if lemma in self.lex.finding_nouns else ("from", "by", "of")
        return not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in owners) for c in subj.children)

    def _governor(self, pair: MarkPair) -> tuple[Token | None, Token | None]:
        """The verb a quoted fragment hangs from, and that verb's subject."""
        lo = bisect.bisect_right(self.starts, pair.open)
        inner = [self.doc[lo]] if lo < self.n and self.starts[lo] < pair.close else []
        if not inner:
            return None, None
        tok = inner[0]
        # Climb out of the fragment to the first verb outside it with a subject.
        for _ in range(12):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            if _token_in_pairs(tok, [pair]):
                continue
            if tok.pos_ in ("VERB", "AUX"):
                subj = subject_of(tok)
                if subj is not None and subj.lower_ in ("which", "that") and tok.dep_ == "relcl":
                    if tok.head.lemma_.lower() in self.lex.document_nouns:
                        return tok, tok.head  # "billboards that promised “…”": a document's words
                    continue  # "an act that showed “…”": the describing speaker's words
                if subj is not None and not _token_in_pairs(subj, [pair]):
                    return tok, subj
        return None, None


def _claim_owner(noun: Token) -> Token | None:
    """Whose a noun of saying is: "Trump's suggestions", "Russian accusations", "claims by Kyiv"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if (
            child.dep_ in ("amod", "compound")
            and child.i < noun.i
            and child.ent_type_ in ("NORP", "GPE", "ORG")
        ):
            return child
        if child.dep_ == "compound" and child.i < noun.i and child.ent_type_ == "PERSON":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _past_perfect(verb: Token) -> bool:
    """ "had said", "had assured": an earlier statement the outer speaker recounts."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _relays(clause: QuoteCandidate, direct: QuoteCandidate) -> bool:
    """True when a reported clause holds a direct quotation together with its attribution."""
    if direct.verb is None or direct.pair is None:
        return False
    inside = clause.start <= direct.pair.open + 1 and direct.pair.close < clause.end
    return inside and clause.start <= direct.verb.idx < clause.end


def _ends_clause(clause: QuoteCandidate, direct: QuoteCandidate) -> bool:
    """True when a direct quotation stands inside a reported clause of its own verb."""
    if clause.verb is None or direct.verb is None or direct.pair is None or clause.verb.i != direct.verb.i:
        return False
    return clause.start < direct.pair.open and direct.pair.close <= clause.end + 1


def _covers_pair(cand: QuoteCandidate, direct: QuoteCandidate) -> bool:
    """True when an indirect clause is the very words of a direct quote."""
    return (
        cand.start <= direct.start
        and direct.end <= cand.end
        and ((cand.end - cand.start) - (direct.end - direct.start) <= 3)
    )


def find_quotes(
    doc: Doc,
    lex: ReportingLexicon | None = None,
    pairs: list[MarkPair] | None = None,
    tokens: TokenView | None = None,
) -> list[QuoteCandidate]:
    """All quotation candidates of a parsed article, in text order.

    `pairs` (the article's quotation marks) and `tokens` (its token lists,
    `ActorTable.tokens`) may be passed by callers that already have them, to
    avoid reading them again.
    """
    return QuoteFinder(doc, lex, pairs, tokens).find()
