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

This module assembles the finders' results (nested and overlapping candidates);
the rules live in marked_quotes.py (quotation marks), reported_clauses.py and
clause_boundaries.py (indirect quotes), reporting_syntax.py (a reporting verb's
subject and form), on the shared state of quote_context.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from peacewire.extract.lexicon import ReportingLexicon
from peacewire.extract.marked_quotes import MarkedQuoteFinder
from peacewire.extract.quote_candidate import QuoteCandidate, _trim
from peacewire.extract.quotemarks import MarkPair
from peacewire.extract.reported_clauses import ReportedClauseFinder
from peacewire.extract.reporting_syntax import subject_of
from peacewire.extract.tokenview import TokenView

__all__ = ["QuoteCandidate", "QuoteFinder", "find_quotes", "subject_of"]


MIN_PARTIAL_WORDS = 3


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _inside(pairs: Iterable[MarkPair], start: int, end: int) -> MarkPair | None:
    """The mark pair whose content holds [start, end), if any."""
    for p in pairs:
        if p.open < start and end <= p.close + 1:
            return p
    return None


class QuoteFinder(MarkedQuoteFinder, ReportedClauseFinder):
    """Finds quotation candidates in one parsed document."""

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
