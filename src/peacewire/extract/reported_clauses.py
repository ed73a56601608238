"""Reported clauses (indirect quotes): the clauses a reporting verb, "according to" or a noun of
saying introduces.

Finding which words introduce a reported clause is a job apart from the quotation-mark
rules (marked_quotes.py); where each clause begins and ends is drawn by clause_boundaries.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from peacewire.extract.clause_boundaries import ClauseBoundaries
from peacewire.extract.quote_candidate import QuoteCandidate, _trim
from peacewire.extract.reporting_syntax import (
    _finite,
    _has_subject,
    subject_of,
)

MIN_CLAUSE_TOKENS = 3


class ReportedClauseFinder(ClauseBoundaries):
    """Finds reported clauses (indirect quotes) and where each begins and ends."""

    def _in_direct(self, tok: Token) -> bool:
        """Whether a token stands inside a direct quotation (found by `marked`)."""
        return self.quoted[tok.i] and any(p.open < tok.idx < p.close for p in self.direct_pairs)

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
            first, end = self.tokens.sentence(tok.i)
            scope = head.subtree if head.pos_ in ("VERB", "AUX") else self.doc[first:end]
            lo, hi = self._within_semicolons(tok.i, first, end - 1)
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
            if any(
                run[0].i <= v.i <= run[-1].i
                and v.i < tok.i
                and subject_of(v, self.tokens) is not None
                and self._clause_tokens(v) is not None
                for v in self.reporting
            ):
                continue  # "X told lawmakers …, according to a member": X's own report, relayed
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
        first = self.tokens.sentence(verb.i)[0]
        if verb.dep_ != "conj" or verb.head.pos_ in ("VERB", "AUX") or first == 0:
            return None
        prev_start, prev_end = self.tokens.sentence(first - 1)
        prev = self.doc[prev_start:prev_end]
        root = prev.root
        words = self.tokens.words
        last = prev.end - 1
        while last > prev.start and self.tokens.space[last]:
            last -= 1
        if len(words[last]) < 2 or not words[last].endswith(".") or root.lemma_.lower() not in self.lex.verbs:
            return None  # the sentence before must end in an abbreviation ("a.m.", "Gen.")
        return subject_of(root, self.tokens)

    def _hypothetical(self, verb: Token) -> bool:
        """ "Ukraine would write into its constitution that …": a reporting verb under a
        modal (its own, or its first conjunct's) says what may be said, not what was."""
        dep, kids, lower = self.tokens.dep, self.tokens.children, self.tokens.lower  # no Tokens built
        host = verb.i
        first = self.tokens.head[host]
        if (
            not any(dep[c] == "aux" for c in kids[host])
            and dep[host] == "conj"
            and any(dep[c] == "cc" and first < c < host for c in kids[first])
        ):
            host = first  # "would write … and say that": not "X will send …, the minister said"
        return any(dep[c] == "aux" and lower[c] in self.lex.hypothetical_modals for c in kids[host])

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
                    and _finite(c, self.tokens)
                    and _has_subject(c, self.tokens)
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
            pos, dep, head = self.tokens.pos, self.tokens.dep, self.tokens.head
            if not any(pos[t] in ("VERB", "AUX") or (dep[t] == "ccomp" and head[t] == verb.i) for t in toks):
                continue  # (a verb the tagger took for a noun still heads the clause: "Moscow “rejects” …")
            first, last = toks[0], toks[-1]
            start, end = self._close_fragment(
                *_trim(self.text, self.starts[first], self.starts[last] + len(self.tokens.words[last]))
            )
            if end <= start:
                continue
            subj = subject_of(verb, self.tokens) or self._subject_across_split(verb)
            if not self.quoted[verb.i] and (
                self._in_direct(verb.head) or (subj is not None and self.quoted[subj.i])
            ):
                continue  # "“…,” suggesting that …": the reporter reads the quotation
            out.append(QuoteCandidate("indirect", start, end, self.text[start:end], verb, subj))
        return out + self._according_to() + self._claimed()


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
