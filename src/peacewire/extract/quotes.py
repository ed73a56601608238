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
  "…, X warned") or the clause "according to X" qualifies.  Marks around the
  whole clause make it direct; marks around part of it stay in the clause.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from peacewire.extract.lexicon import ReportingLexicon, reporting_lexicon
from peacewire.extract.quotemarks import MarkPair, pair_marks
from peacewire.extract.tokenview import TokenView, token_view
from peacewire.records import QuoteKind

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
    for _ in range(6):
        for child in cur.children:
            if child.dep_ == "nsubj":
                return child
        for child in cur.children:
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if cur is not verb:
            for child in cur.children:
                if child.dep_ == "nsubjpass":
                    return child
        if cur.dep_ == "conj" and cur.head is not cur:
            # "said X would …, but added …": the parser often hangs the second
            # reporting verb on the reported clause; it shares the first's subject.
            if cur is verb and cur.head.dep_ == "ccomp" and cur.head.head.pos_ in ("VERB", "AUX"):
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
            while nxt.pos_ not in ("VERB", "AUX") and nxt.head is not nxt:
                nxt = nxt.head
            if nxt is cur or nxt.pos_ not in ("VERB", "AUX"):
                return None
            cur = nxt
        else:
            return None
    return None


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
        verbs = self.lex.verbs
        self.reporting = [
            doc[i]
            for i, lemma in enumerate(lemmas)
            if lemma in verbs and not self.quoted[i] and _is_reporting_verb(doc[i], self.lex)
        ]
        self.reporting_starts = [t.idx for t in self.reporting]
        self.according = [doc[i] for i, low in enumerate(lowers) if low == "according" and not self.quoted[i]]

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
        for verb in self._reporting_verbs_between(pair.close, window_end):
            subj = subject_of(verb)
            if subj is None or _token_in_pairs(subj, self.pairs):
                continue
            if closed and not self._attribution_starts_at(pair.close, verb, subj):
                continue  # a finished quotation followed by a new sentence
            return verb, subj
        # Before the opening mark, back to the previous closing mark.
        sent_open = self._sentence_at(pair.open)
        prev_close = max((p.close for p in self.pairs if p.close < pair.open), default=-1)
        begin = max(line_start, prev_close + 1, sent_open.start_char if sent_open is not None else 0)
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
        return direct, fragments

    # -- indirect ----------------------------------------------------------

    def _clause_tokens(self, verb: Token) -> list[Token] | None:
        """The reported clause of a reporting verb, or None when it has none.

        Three shapes: the clausal complement ("said that X", "X, he said"),
        a clause fronted before a sentence-final attribution the parser did
        not link ("X, the minister told the BBC."), and a "that"-clause the
        parser hung elsewhere ("emphasising at the same time that X").
        """
        if verb.lemma_.lower() in QUESTION_VERBS and not any(c.dep_ == "nsubj" for c in verb.children):
            return None  # "when asked if ...": a question put to the speaker
        comps = [c for c in verb.children if c.dep_ == "ccomp"]
        same_side = [c for c in comps if (c.i > verb.i) == (comps[0].i > verb.i)]
        if comps:
            # The parser sometimes splits one clause into two complements
            # ("that the missile responsible … was supplied"): take them together.
            comp = next((c for c in same_side if c.pos_ in ("VERB", "AUX")), comps[0])
            left = min(c.left_edge.i for c in same_side)
            right = max(c.right_edge.i for c in same_side)
            if left <= verb.i <= right:
                return None
            if comp.i > verb.i:
                right = self._extend_with_coordinated_clauses(verb, comp, right)
                left = self._skip_leading_adjuncts(verb, comp, left)
            else:
                left = self._fronted_start(verb, left)
                right = self._fronted_end(verb, right)
            right = self._stop_at_reporting_conj(comp, right)
            toks = list(self.doc[left : right + 1])
            dropped = self._reporter_conj(comp)
            if dropped:
                toks = [t for t in toks if t.i not in dropped]
        elif verb.dep_ == "parataxis" and any(c.dep_ == "nsubj" for c in verb.children):
            # "The goal, he said, is peace": the host sentence is the report.
            inner = {t.i for t in verb.subtree}
            toks = [t for t in verb.head.subtree if t.i not in inner and t.sent == verb.sent]
        else:
            toks = self._fronted_clause(verb) or self._stray_that_clause(verb) or []
        while toks and (toks[0].dep_ == "mark" or toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in '"”’)]?!':
            toks = toks[:-1]
        return toks or None

    def _stop_at_reporting_conj(self, comp: Token, right: int) -> int:
        """A reporting verb coordinated to the clause starts a new report."""
        for conj in comp.children:
            if conj.dep_ == "conj" and conj.i > comp.i and _is_reporting_verb(conj, self.lex):
                stop = conj.i - 1
                while stop > comp.i and (self.doc[stop].dep_ == "cc" or self.doc[stop].is_punct):
                    stop -= 1
                return min(right, stop)
        return right

    def _fronted_start(self, verb: Token, left: int) -> int:
        """A clause before its attribution runs from the sentence start."""
        sent = verb.sent
        first = sent.start
        while first < left and (self.doc[first].is_punct or self.doc[first].is_space):
            first += 1
        return min(left, first)

    def _fronted_end(self, verb: Token, right: int) -> int:
        """A fronted clause ends where the attribution's subject begins."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        stop = subj.left_edge.i if subj is not None and subj.i < verb.i else verb.i
        return max(right, stop - 1)

    def _fronted_clause(self, verb: Token) -> list[Token] | None:
        """ "CLAUSE, X said/told Y." where the parser did not link the clause."""
        if verb.dep_ in ("relcl", "acl", "advcl", "pcomp", "xcomp", "amod"):
            return None  # "…, who has long argued for talks": not an attribution
        tail = [t for t in self.doc[verb.i + 1 : verb.sent.end] if not (t.is_punct or t.is_space)]
        if len(tail) > FRONTED_TAIL_TOKENS:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i > verb.i:
            subj_left = verb.i  # inverted: "…, said Peskov."
        else:
            subj_left = subj.left_edge.i
        if subj_left <= verb.sent.start or self.doc[subj_left - 1].text != ",":
            return None
        if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
            return None
        start = verb.sent.start
        toks = list(self.doc[start : subj_left - 1])
        if not any(t.pos_ in ("VERB", "AUX") for t in toks):
            return None
        return toks

    def _stray_that_clause(self, verb: Token) -> list[Token] | None:
        for tok in verb.subtree:
            if (
                tok.i > verb.i
                and tok.dep_ == "mark"
                and tok.lower_ == "that"
                and tok.head.pos_ in ("VERB", "AUX")
            ):
                head = tok.head
                if head.i < tok.i or self._verb_between(head, verb):
                    continue
                return [t for t in head.subtree if t.i > tok.i]
        return None

    @staticmethod
    def _verb_between(tok: Token, verb: Token) -> bool:
        """True when a verb other than `verb` governs `tok` below `verb`."""
        cur = tok.head
        while cur is not verb and cur.head is not cur:
            if cur.pos_ == "VERB":
                return True
            cur = cur.head
        return False

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
        """ "said X, but Y" -- a full clause coordinated to the verb is reported too."""
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.i <= right or _is_reporting_verb(conj, self.lex):
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
                right = max(right, conj.right_edge.i)
        return right

    @staticmethod
    def _reporter_conj(comp: Token) -> set[int]:
        """Token indices of a subjectless verb coordinated to the clause that takes
        the reporter's tense ("he backs X but proposed Y"): the reporter's, not his."""
        out: set[int] = set()
        if comp.tag_ not in ("VBZ", "VBP"):
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
            while head.dep_ in ("prep", "advmod") and head.head is not head:
                head = head.head
            skip = {t.i for t in tok.subtree}
            scope = head.subtree if head.pos_ in ("VERB", "AUX") else tok.sent
            toks = [t for t in scope if t.i not in skip]
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
            run = max(runs, key=len)
            start, end = _trim(self.text, run[0].idx, run[-1].idx + len(run[-1].text))
            if not any(t.pos_ in ("VERB", "AUX") for t in run):
                continue
            out.append(QuoteCandidate("indirect", start, end, self.text[start:end], tok, source))
        return out

    def reported_clauses(self) -> list[QuoteCandidate]:
        """Indirect quotes: reporting verbs with a clausal complement."""
        out = []
        for verb in self.reporting:
            toks = self._clause_tokens(verb)
            if not toks or len(toks) < MIN_CLAUSE_TOKENS:
                continue
            if not any(t.pos_ in ("VERB", "AUX") for t in toks):
                continue
            start, end = _trim(self.text, toks[0].idx, toks[-1].idx + len(toks[-1].text))
            if end <= start:
                continue
            out.append(QuoteCandidate("indirect", start, end, self.text[start:end], verb, subject_of(verb)))
        return out + self._according_to()

    # -- all together ------------------------------------------------------

    def find(self) -> list[QuoteCandidate]:
        direct, fragments = self.marked()
        indirect: list[QuoteCandidate] = []
        for cand in self._resolve_nesting(self.reported_clauses()):
            if _inside(self.pairs, cand.start, cand.end) is not None or self._straddles(cand):
                continue  # the clause is (partly) quoted words: the direct quote covers it
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
        partial = []
        for pair in fragments:
            start, end = _trim(self.text, *pair.content)
            if _word_count(self.text[start:end]) < MIN_PARTIAL_WORDS:
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
        lex_thought = {
            "believe",
            "think",
            "feel",
            "consider",
            "expect",
            "hope",
            "fear",
            "doubt",
            "suspect",
            "assume",
            "understand",
            "know",
            "reckon",
        }
        drop: set[int] = set()
        for i, outer in enumerate(cands):
            for j, inner in enumerate(cands):
                if i == j or inner.verb is None:
                    continue
                if not (outer.start <= inner.verb.idx < outer.end):
                    continue
                if not (outer.start <= inner.start and inner.end <= outer.end + 1):
                    continue
                if inner.verb.lower_ == "according" or inner.verb.lemma_ in lex_thought:
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

    def _governor(self, pair: MarkPair) -> tuple[Token | None, Token | None]:
        """The verb a quoted fragment hangs from, and that verb's subject."""
        lo = bisect.bisect_right(self.starts, pair.open)
        inner = [self.doc[lo]] if lo < self.n and self.starts[lo] < pair.close else []
        if not inner:
            return None, None
        tok = inner[0]
        # Climb out of the fragment to the first verb outside it with a subject.
        for _ in range(12):
            if tok.head is tok:
                break
            tok = tok.head
            if _token_in_pairs(tok, [pair]):
                continue
            if tok.pos_ in ("VERB", "AUX"):
                subj = subject_of(tok)
                if subj is not None and not _token_in_pairs(subj, [pair]):
                    return tok, subj
        return None, None


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
