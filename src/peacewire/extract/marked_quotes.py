"""Quotes in quotation marks: whether a pair of marks is a direct quote, and who it is attributed to.

Direct and partial quotes are found from the marks; this is a job of its own, apart from
the reported clauses (indirect quotes) found from the verbs.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from peacewire.extract.quote_candidate import QuoteCandidate, _trim
from peacewire.extract.quote_context import QuoteContext
from peacewire.extract.quotemarks import MarkPair
from peacewire.extract.reporting_syntax import subject_of

POST_ATTRIBUTION_TOKENS = 12
"""How far after a closing mark its attribution ("…,” said the minister) may stand."""


LEAD_SEPARATORS = ":,—–-"
"""Characters that introduce a direct quotation after its attribution."""


def _token_in_pairs(tok: Token, pairs: list[MarkPair]) -> bool:
    return any(p.open < tok.idx < p.close for p in pairs)


class MarkedQuoteFinder(QuoteContext):
    """Finds the quotes in quotation marks (direct and partial) and their attributions."""

    # -- direct and partial ------------------------------------------------

    def _sentence_at(self, char: int) -> Span | None:
        """The sentence of `_token_at(char)` (its bounds read off the token view)."""
        i = self._index_at(char)
        if i is None:
            return None
        start, end = self.tokens.sentence(i)
        return self.doc[start:end]

    def _token_at(self, char: int) -> Token | None:
        """The token holding `char`, else the first one after it."""
        i = self._index_at(char)
        return self.doc[i] if i is not None else None

    def _index_at(self, char: int) -> int | None:
        """The index of `_token_at(char)`."""
        if not self.n:
            return None
        i = max(bisect.bisect_right(self.starts, char) - 1, 0)
        if char >= self.starts[i] + len(self.tokens.words[i]) and i + 1 < self.n:
            i += 1
        return i

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
                subj = subject_of(verb, self.tokens)
                if subj is not None and not _token_in_pairs(subj, self.pairs):
                    return verb, subj
        for verb in self._reporting_verbs_between(pair.close, window_end):
            subj = subject_of(verb, self.tokens)
            if subj is None or _token_in_pairs(subj, self.pairs):
                continue
            if closed and not self._attribution_starts_at(pair.close, verb, subj):
                continue  # a finished quotation followed by a new sentence
            return verb, subj
        # Before the opening mark, back to the previous closing mark.
        for verb in reversed(self._reporting_verbs_between(begin, pair.open)):
            subj = subject_of(verb, self.tokens)
            if subj is not None and not _token_in_pairs(subj, self.pairs):
                return verb, subj
        # A preceding sentence that ends with a colon introduces the quote.
        if sent_open is not None and sent_open.start > 0:
            prev = self.doc[sent_open.start - 1].sent
            if self.tokens.text_of(prev).rstrip().endswith(":"):
                for verb in reversed(self._reporting_verbs_between(prev.start_char, prev.end_char)):
                    subj = subject_of(verb, self.tokens)
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
                subj = subject_of(tok, self.tokens)
                if subj is not None and subj.lower_ in ("which", "that") and tok.dep_ == "relcl":
                    if tok.head.lemma_.lower() in self.lex.document_nouns:
                        return tok, tok.head  # "billboards that promised “…”": a document's words
                    continue  # "an act that showed “…”": the describing speaker's words
                if subj is not None and not _token_in_pairs(subj, [pair]):
                    return tok, subj
        return None, None
