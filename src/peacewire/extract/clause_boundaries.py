"""Where a reported clause begins and ends: the reporter's own material cut off.

A clause ends at a semicolon, before a coordinated clause about someone else, a trailing
comment or aside, or a new report; a fronted clause ("..., X said") starts after a
dateline.  These boundary rules are most of the clause work, so they live apart from
finding which verbs, "according to" phrases and nouns of saying introduce a clause.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from peacewire.extract.quote_context import QuoteContext
from peacewire.extract.reporting_syntax import (
    FINITE_TAGS,
    _finite,
    _has_subject,
    _is_reporting_verb,
    _nearest_subject,
    _stranded_subject,
)
from peacewire.extract.tokenview import TokenView

DATELINE = re.compile(r"[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+)*(?:,[^\n—–]{0,40}?)? *[—–-]+ +")
"""A dateline opening an article's first sentence ("KYIV, Feb 3 (Agency) - ", "SEOUL — ")."""


FRONTED_TAIL_TOKENS = 10
"""At most this many words follow a sentence-final attribution ("…, X told the BBC on Friday")."""


QUESTION_VERBS = frozenset({"ask", "question", "wonder"})
"""Verbs that report a question: only their own subject's question counts."""


CONTRAST_CONJUNCTIONS = frozenset({"but", "yet", "although", "though", "while"})
"""Conjunctions after which a coordinated clause still belongs to the report ("said X, but Y")."""


def _one_clause(comps: list[Token], view: TokenView) -> list[Token]:
    """The complements that make one clause: the parser sometimes splits one ("that
    the missile responsible … was supplied"), but after a complete clause with its
    own subject and finite verb, a further complement without a subject is the
    host's predicate ("The statement saying that he wants X is not reassuring")."""
    out: list[Token] = []
    for comp in sorted(comps, key=lambda c: c.i):
        if out:
            prev = out[-1]
            complete = prev.pos_ in ("VERB", "AUX") and _finite(prev, view) and _has_subject(prev, view)
            if complete and not _has_subject(comp, view):
                break
        out.append(comp)
    return out


def _clause_left(comp: Token, verb: Token) -> int:
    """Where a complement clause starts; "conditions that he said would lead to peace":
    the relative pronoun before the verb is the clause's gap, not part of it."""
    left = comp.left_edge.i
    if left < verb.i < comp.i:
        after = [t.i for t in comp.subtree if t.i > verb.i]
        return min(after) if after else left
    return left


class ClauseBoundaries(QuoteContext):
    """Draws where a reporting verb's clause begins and ends."""

    # -- indirect ----------------------------------------------------------

    def _clause_tokens(self, verb: Token) -> list[int] | None:
        """The reported clause of a reporting verb (its token indices), or None when it has none.

        Four shapes: the clausal complement ("said that X", "X, he said"),
        a clause fronted before a sentence-final attribution the parser did
        not link ("X, the minister told the BBC."), a "that"-clause the
        parser hung elsewhere ("emphasising at the same time that X") and a
        host sentence around a parenthetical attribution ("X, he wrote, Y").
        A negated verb reports nothing ("did not say where …"), nor does an
        embedded question ("explained why …") or an infinitive ("expected it
        to happen"); a clause never runs across a semicolon.
        """
        view = self.tokens
        dep = view.dep
        kids = view.children[verb.i]
        question = view.lemma[verb.i] in QUESTION_VERBS
        if question and not any(dep[c] == "nsubj" for c in kids):
            return None  # "when asked if ...": a question put to the speaker
        if any(dep[c] == "neg" for c in kids):
            return None
        comps = self._prefer_following(verb, self._complements(verb))
        same_side = _one_clause([c for c in comps if (c.i > verb.i) == (comps[0].i > verb.i)], view)
        if comps:
            # The parser sometimes splits one clause into two complements
            # ("that the missile responsible … was supplied"): take them together.
            verbs = [c for c in same_side if c.pos_ in ("VERB", "AUX")]
            comp = next((c for c in verbs if _finite(c, view)), verbs[0] if verbs else comps[0])
            if not question and (self._embedded_question(comp) or not _finite(comp, view)):
                return None
            left = min(_clause_left(c, verb) for c in same_side)
            right = max(c.right_edge.i for c in same_side)
            if left <= verb.i <= right:
                return None
            if comp.i > verb.i:
                left, right = self._misparsed_objects(verb, comp, left, right)
                gap = self._gap_before(comp, verb.i)
                if (
                    comp.pos_ in ("VERB", "AUX")
                    and not any(_has_subject(c, view) for c in same_side)
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
            toks = list(range(left, right + 1))
            dropped = self._reporter_conj(comp)
            if dropped:
                toks = [t for t in toks if t not in dropped]
        elif self._parenthetical(verb):
            # "The goal, he said, is peace": the host sentence is the report.
            toks = [t.i for t in self._host_clause(verb)]
        else:
            toks = self._fronted_clause(verb) or self._stray_that_clause(verb) or []
        words, lower, punct, space = view.words, view.lower, view.punct, view.space
        while toks and (
            (dep[toks[0]] in ("mark", "advmod") and lower[toks[0]] == "that")
            or punct[toks[0]]
            or space[toks[0]]
        ):
            toks = toks[1:]
        while toks and (punct[toks[-1]] or space[toks[-1]]) and words[toks[-1]] not in '"”’)]?!':
            toks = toks[:-1]
        return toks or None

    def _gap_before(self, comp: Token, stop: int) -> bool:
        """Whether a token of the clause's subtree before `stop` is a "which"/"who" (its tag
        read first: the subtree lies within the clause's edges; its tokens descend to it)."""
        tag, head = self.tokens.tag, self.tokens.head
        for k in range(comp.left_edge.i, min(stop, comp.right_edge.i + 1)):
            if tag[k] not in ("WDT", "WP"):
                continue
            cur = k
            while cur != comp.i and head[cur] != cur:
                cur = head[cur]
            if cur == comp.i:
                return True
        return False

    def _stop_at_participle_report(self, comp: Token, right: int) -> int:
        """ "said he hoped X, suggesting that Y": a reporting participle after a comma
        inside the clause starts a report of its own."""
        doc = self.doc
        tag, dep = self.tokens.tag, self.tokens.dep
        for i in range(self.n)[comp.i + 1 : right + 1]:
            if tag[i] != "VBG" or dep[i] != "advcl":
                continue  # read from the token lists: no Token built
            tok = doc[i]
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
        dep = self.tokens.dep
        for i in range(self.n)[comp.i + 1 : right + 1]:
            if dep[i] not in ("appos", "npadvmod", "dobj", "attr"):
                continue  # read from the token lists: no Token built
            tok = doc[i]
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
        has_subject = _has_subject(comp, self.tokens)
        dep = self.tokens.dep
        for k in self.tokens.children[verb.i]:
            if dep[k] != "dobj":
                continue  # read from the token lists: no Token built
            obj = self.doc[k]
            if obj.i < comp.i and not has_subject and obj.i > verb.i:
                left = min(left, obj.left_edge.i)
            elif obj.i > right:
                right = max(right, obj.right_edge.i)
        return left, right

    def _extend_with_quoted_reason(self, verb: Token, right: int) -> int:
        """ "wrote that X, because “Y”", "said they were, because Y": a reason given
        right after the clause (or in the speaker's quoted words) is part of the report."""
        dep = self.tokens.dep
        for k in self.tokens.children[verb.i]:
            if dep[k] != "advcl" or k <= right:
                continue  # read from the token lists: no Token built
            adv = self.doc[k]
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
        own_report = any(_is_reporting_verb(c, self.lex) and _has_subject(c, self.tokens) for c in before)
        if own_report or ";" in words[max(c.i for c in before) : verb.i]:
            return after
        return comps

    def _complements(self, verb: Token) -> list[Token]:
        """The clausal complements of a reporting verb; of "make clear" ("Kyiv made
        clear it would not …"), the clause after the adjective, wherever the parser
        hung it."""
        particle = self._phrasal_particle(verb)
        if particle is None:
            dep = self.tokens.dep  # the dependency read first: Tokens built for the complements only
            return [self.doc[c] for c in self.tokens.children[verb.i] if dep[c] == "ccomp"]
        found = [
            c
            for c in (*verb.children, *particle.children)
            if c.dep_ in ("ccomp", "advcl") and c.i > particle.i and c.pos_ in ("VERB", "AUX")
        ]
        return sorted(found, key=lambda c: c.i)

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
        first = self.tokens.sentence(verb.i)[0]
        return left > first and doc[left - 1].text == "," and doc[right + 1].text == ","

    def _host_clause(self, verb: Token) -> list[Token]:
        """The sentence around a parenthetical attribution, without it.

        "…, which, he argued, often fails" reports what follows the attribution;
        "X, the air force said, and Y" reports X only (Y is the reporter's).
        """
        doc = self.doc
        left, right = self._attribution_span(verb)
        inner = set(range(left, right + 1))
        host = verb.head
        first, end = self.tokens.sentence(verb.i)
        toks = [t for t in host.subtree if t.i not in inner and first <= t.i < end]
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

    def _attribution_span(self, verb: Token) -> tuple[int, int]:
        """First and last token of "he wrote on Twitter": from the subject to the verb's end."""
        subj = _nearest_subject(verb, self.tokens)
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
        dep = self.tokens.dep
        for i in range(self.n)[comp.i : right + 1]:
            if dep[i] != "relcl":
                continue  # read from the token lists: no Token built
            tok = doc[i]
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
                subj = _nearest_subject(conj, self.tokens)
                stop = (subj.left_edge.i if subj is not None and subj.i < conj.i else conj.i) - 1
                while stop > comp.i and (self.doc[stop].dep_ == "cc" or self.doc[stop].is_punct):
                    stop -= 1
                return min(right, stop)
        return right

    def _fronted_start(self, verb: Token, left: int) -> int:
        """A clause before its attribution runs from the sentence start (after a
        dateline: "KYIV, March 3 (Agency) - …")."""
        first = self.tokens.sentence(verb.i)[0]
        start_char, end_char = self.tokens.sentence_chars(verb.i)
        line = self.text[start_char:end_char]
        m = DATELINE.match(line)
        if m is not None:
            first = bisect.bisect_left(self.starts, start_char + m.end(), lo=first)
        while first < left and (self.doc[first].is_punct or self.doc[first].is_space):
            first += 1
        return first

    def _attribution_subject(self, verb: Token) -> Token | None:
        """The subject of a sentence-final attribution, where the parser may have lost it."""
        return _stranded_subject(verb, self.tokens) or _nearest_subject(verb, self.tokens)

    def _fronted_end(self, verb: Token, right: int) -> int:
        """A fronted clause ends where the attribution's subject begins."""
        subj = self._attribution_subject(verb)
        stop = subj.left_edge.i if subj is not None and subj.i < verb.i else verb.i
        return stop - 1

    def _fronted_clause(self, verb: Token) -> list[int] | None:
        """ "CLAUSE, X said/told Y." where the parser did not link the clause (its token indices)."""
        if verb.dep_ in ("relcl", "acl", "advcl", "pcomp", "xcomp", "amod"):
            return None  # "…, who has long argued for talks": not an attribution
        view = self.tokens
        words, punct, space = view.words, view.punct, view.space
        tail = 0
        for t in range(verb.i + 1, view.sentence(verb.i)[1]):
            if words[t] == "," and t + 1 < self.n and view.lower[t + 1] in ("a", "an", "according"):
                break  # "…, the ministry said, a move seen as …": the reporter's comment; "…, according
                # to a lawmaker": who relays it
            if words[t] == ":":
                return None  # "As X, he said: “…”": the attribution introduces a quotation
            if not (punct[t] or space[t]):
                tail += 1
        if tail > FRONTED_TAIL_TOKENS:
            return None
        subj = self._attribution_subject(verb)
        if subj is None or subj.i > verb.i:
            subj_left = verb.i  # inverted: "…, said Peskov."
        else:
            subj_left = subj.left_edge.i
        if subj_left <= view.sentence(verb.i)[0] or self.doc[subj_left - 1].text != ",":
            return None
        if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
            return None
        start = self._fronted_start(verb, subj_left - 1)
        toks = range(start, subj_left - 1)
        pos, dep, head = view.pos, view.dep, view.head
        if not any(pos[t] in ("VERB", "AUX") for t in toks):
            return None
        for root in (t for t in toks if head[t] not in toks):
            if dep[root] == "advcl" and any(dep[c] == "mark" for c in view.children[root]):
                return None  # "As the two left the stage, X said …": a time or reason, not a report
        return list(toks)

    def _stray_that_clause(self, verb: Token) -> list[int] | None:
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
            return list(range(tok.i + 1, right + 1))
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
        dep = self.tokens.dep
        for k in self.tokens.children[verb.i]:
            if dep[k] != "conj" or k <= right:
                continue  # read from the token lists: no Token built
            conj = self.doc[k]
            if _is_reporting_verb(conj, self.lex):
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
