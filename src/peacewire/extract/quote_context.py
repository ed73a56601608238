"""What every quote finder reads once from a parsed article: tokens, quotation marks, reporting words.

The finders for marked quotes and for reported clauses share this state; it is read once
per article here so that neither finder reads the document again.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from peacewire.extract.lexicon import ReportingLexicon, reporting_lexicon
from peacewire.extract.quotemarks import MarkPair, pair_marks
from peacewire.extract.reporting_syntax import _is_reporting_verb
from peacewire.extract.tokenview import TokenView, token_view


class QuoteContext:
    """What every quote finder reads from one parsed document: its tokens, marks and reporting words."""

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

    def _phrasal_particle(self, verb: Token) -> Token | None:
        """The word that makes a plain verb report ("clear" in "made (it) clear")."""
        words = self.lex.phrasal.get(verb.lemma_.lower())
        if not words:
            return None
        return next((c for c in verb.children if c.lower_ in words and c.i > verb.i), None)

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
