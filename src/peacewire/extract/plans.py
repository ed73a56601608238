"""Plans and proposals: their provisions are positions of the actors who drafted them.

ANNOTATION.md: "the US plan that has Ukraine renounce NATO gives United
States / nato_membership / oppose".  A plan is a noun of `plans.nouns` in
`data/issues.yaml`; its drafters are read by `HolderResolver.drafters`.  This
module finds which plan a cue spells out ("a ceasefire plan", "a proposal for
a ceasefire", "a counter-proposal that would give Kyiv guarantees"), carries
a plan's issues to a later definite mention ("Kyiv accepted the proposal"),
and keeps the plan under description for the sentences that go on listing its
provisions in the conditional ("Ukraine would cap its army ...").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from peacewire.extract.issues import CueMatch, PositionLexicon
from peacewire.extract.stance import Reading
from peacewire.extract.tokenview import TokenView
from peacewire.records import Actor

PLAN_CONTENT_PREPS = frozenset({"for", "on", "of", "about", "to", "regarding", "including"})
"""Prepositions that give a plan's content ("a proposal for a ceasefire")."""
ANAPHORA_TOKENS = 400
"""How far back (tokens) "the proposal" looks for the plan it names."""
PROVISION_SENTENCES = 3
"""How many sentences after a plan is described may go on listing its provisions."""
CONDITIONAL = frozenset({"would", "will", "'d", "'ll"})
FRAMING_PREPS = frozenset({"under"})
"""Prepositions whose plan frames the clause as one of its provisions ("Under the plan, Kyiv would ...")."""


def is_plan(tok: Token, lex: PositionLexicon) -> bool:
    return is_plan_word(tok.pos_, tok.lemma_.lower(), lex)


def is_plan_word(pos: str, lemma: str, lex: PositionLexicon) -> bool:
    """A plan noun, by its part of speech and lower-cased lemma."""
    return pos == "NOUN" and lemma in lex.plan_nouns


def plan_of(match: CueMatch, lex: PositionLexicon, view: TokenView) -> Token | None:
    """The plan noun a cue spells out: "ceasefire plan", "a proposal for a ceasefire", "the
    document on security guarantees" (not where it was put forward: "a plan made in talks").

    The climb reads `view`'s lists; only the plan noun found is built as a Token.
    """
    pos, lemma, dep, lower, heads = view.pos, view.lemma, view.dep, view.lower, view.head
    anchor = match.anchor
    i = anchor.i
    for _ in range(3):
        if is_plan_word(pos[i], lemma[i], lex):
            return anchor.doc[i]
        head = heads[i]
        if dep[i] in ("pobj", "pcomp") and lower[head] in PLAN_CONTENT_PREPS:
            i = heads[head]
        elif dep[i] in ("compound", "acl", "conj", "amod", "nmod") and head != i:
            i = head
        else:
            return None
    return anchor.doc[i] if is_plan_word(pos[i], lemma[i], lex) else None


def provision_plans(reading: Reading, lex: PositionLexicon, view: TokenView) -> list[tuple[Token, int]]:
    """Plan nouns whose provision the cue is, each with the stance the plan takes on it.

    The path's children are tested on `view`'s lists: few are framing prepositions.
    """
    out: list[tuple[Token, int]] = []
    cue = reading.cue
    plan = plan_of(cue, lex, view)
    if plan is not None:
        out.append((plan, cue.polarity))
    lower, dep, kids = view.lower, view.dep, view.children
    for tok in reading.path:  # "Under the Ukrainian proposal, the country would join no bloc"
        for prep in kids[tok.i]:
            if dep[prep] == "prep" and lower[prep] in FRAMING_PREPS:
                out.extend(
                    (tok.doc[p], reading.polarity)
                    for p in kids[prep]
                    if dep[p] == "pobj" and is_plan_word(view.pos[p], view.lemma[p], lex)
                )
    if reading.provision_of is not None:
        out.append((reading.provision_of, reading.provision_polarity or reading.polarity))
    verb = cue.anchor.i
    if view.pos[verb] == "VERB":  # "the framework would freeze the front line": the plan acts the cue
        while dep[verb] == "conj" and view.head[verb] != verb:
            verb = view.head[verb]
        out.extend(
            (cue.anchor.doc[s], reading.polarity)
            for s in kids[verb]
            if dep[s] == "nsubj" and is_plan_word(view.pos[s], view.lemma[s], lex)
        )
    for frame in reading.frames:
        if frame.kind == "noun" and is_plan(frame.token, lex):
            out.append((frame.token, frame.cumulative))
        if frame.kind == "verb" and frame.token.lemma_.lower() in lex.provision_verbs:
            for subj in frame.token.children:
                if subj.dep_ != "nsubj":
                    continue
                if subj.lower_ in ("which", "that") and subj.head.dep_ == "relcl":
                    subj = subj.head.head
                if is_plan(subj, lex):
                    out.append((subj, frame.cumulative))
    seen: set[int] = set()
    unique = []
    for noun, pol in out:
        if noun.i not in seen:
            seen.add(noun.i)
            unique.append((noun, pol))
    return unique


@dataclass
class PlanMemory:
    """The plans named so far in an article, for anaphora and provision lists."""

    named: list[tuple[Token, list[CueMatch]]] = field(default_factory=list)
    current: list[Actor] = field(default_factory=list)
    """The drafters of the plan last described."""
    current_sentence: int = -10

    def remember(self, sent: Span, matches: list[CueMatch], lex: PositionLexicon, view: TokenView) -> None:
        for m in matches:
            plan = plan_of(m, lex, view)
            if plan is None:
                continue
            if self.named and self.named[-1][0].i == plan.i:
                self.named[-1][1].append(m)
            else:
                self.named.append((plan, [m]))

    def describe(self, drafters: list[Actor], sentence: int) -> None:
        """A plan with known drafters was described in sentence number `sentence`."""
        if drafters:
            self.current = drafters
            self.current_sentence = sentence

    def anaphora(
        self, nouns: Sequence[Token], matches: list[CueMatch], lex: PositionLexicon
    ) -> list[CueMatch]:
        """ "Kyiv accepted the proposal": a definite plan noun takes the issues of the plan before it
        (`nouns`: the plan nouns of the sentence)."""
        taken = {t.i for m in matches for t in m.tokens}
        found: list[CueMatch] = []
        for tok in nouns:
            if tok.i in taken or not is_plan(tok, lex):
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
                continue
            if any(p.i == tok.i for p, _ in self.named):
                continue
            earlier = [ms for p, ms in self.named if tok.i - ANAPHORA_TOKENS <= p.i < tok.i]
            if not earlier:
                continue
            issues: set[str] = set()
            for m in earlier[-1]:
                if m.issue not in issues:
                    issues.add(m.issue)
                    found.append(CueMatch(m.pattern, (tok,)))
        return found

    def provision_drafters(self, sent: Span, sentence: int) -> list[Actor]:
        """The drafters a conditional sentence right after a plan's description speaks for.

        "The plan would require Ukraine to withdraw ... . Ukraine would cap its
        army and never join NATO." The second sentence still lists the plan.
        """
        if not self.current or not 0 < sentence - self.current_sentence <= PROVISION_SENTENCES:
            return []
        root = sent.root
        verbs = [root, *(c for c in root.children if c.dep_ == "conj")]
        if any(any(a.dep_ == "aux" and a.lower_ in CONDITIONAL for a in v.children) for v in verbs):
            self.current_sentence = sentence
            return self.current
        return []
