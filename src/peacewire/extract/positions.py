"""Actors' positions on the negotiation issues of one article (ANNOTATION.md, "Positions").

For every issue cue of every sentence (`issues.find_cues`), `stance.read_stance`
reads the stance the clause takes on it; `attribution` decides whose stance it
is, `plans` gives a plan's provisions to its drafters, and `conditions` reads
conditions and qualifiers.  This module walks the article, keeps what the
discourse needs (plans named so far, the plan under description), and merges
the evidence into one `Position` per (holder, issue, stance) with conditions
and qualifiers merged; the span is the sentence of the strongest evidence.
Headlines are not article text (ingest leaves them out); a cue whose words
run into the cut of a truncated excerpt gives nothing, nor does a cue in a
question or one that only describes another cue ("the weapons it needs to
fight").  A stance told only in the past perfect while the holder's opposite
stance is current is the `past` one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from peacewire.extract.actors import ActorTable
from peacewire.extract.attribution import holders, own_side, speakers
from peacewire.extract.conditions import (
    clause_of,
    conditions,
    hedged,
    partial,
    past_perfect,
    past_strength,
    reversed_stance,
    temporary,
    vague,
)
from peacewire.extract.cue_anaphora import one_anaphors
from peacewire.extract.holders import HolderResolver, subject_tokens
from peacewire.extract.issues import (
    CueMatch,
    PositionLexicon,
    cue_words,
    find_cues,
    place_object,
    position_lexicon,
)
from peacewire.extract.plans import PlanMemory, is_plan_word, provision_plans
from peacewire.extract.stance import Reading, modifier_frames, negated, read_stance
from peacewire.records import Actor, Article, Issue, Position, Quote, Stance

SENTENCE_END = ".!?\"'”’)…"
CLOSING = " \n\"'”’»)"
STRENGTH = {"verb": 3, "adjective": 3, "noun": 2, "evaluation": 2, "action": 2, "imperative": 1, "": 0}
"""How strong a frame's evidence is: the merged position's span comes from the strongest."""


@dataclass
class Evidence:
    """One reading's contribution to a position."""

    holder: Actor
    issue: Issue
    stance: Stance
    span: tuple[int, int]
    strength: int
    conditions: list[str] = field(default_factory=list)
    qualifiers: set[str] = field(default_factory=set)
    past: int = 0
    """0 current, 1 placed before (weak), 2 said to be dropped (strong)."""
    drafted: bool = False
    """From a plan's provision: the plan's drafters are kept for the sentences that follow."""
    perfect: bool = False
    """Told in the past perfect ("Trump had insisted on a ceasefire"), or in a sentence dated before
    the article's present ("In September he said ..."): before something else."""
    word: str = ""
    """The lemma of the stance word that names the holder ("offer")."""
    sentence: int = -1


def extract_positions(doc: Doc, table: ActorTable, quotes: list[Quote], article: Article) -> list[Position]:
    """The positions the article reports, one per (holder, issue, stance), in text order."""
    lex = position_lexicon()
    tokens = table.tokens
    text = tokens.text
    resolver = HolderResolver(doc, table, quotes, lex)
    bounds = [q.span for q in quotes if q.kind == "direct"]
    memory = PlanMemory()
    evidence: list[Evidence] = []
    first_words = cue_words(lex)
    for number, sent in enumerate(doc.sents):
        if not text[sent.start_char : sent.end_char].strip():
            continue
        # Most sentences have no cue word and no plan noun: they are passed over on word lists.
        start, end = sent.start, sent.end
        lemmas = tokens.lemma[start:end]
        cued = (
            not first_words.isdisjoint(tokens.lower[start:end])
            or not first_words.isdisjoint(lemmas)
            or "-" in tokens.words[start:end]  # a cue's word can be hyphenated ("cease-fire")
        )
        matches = find_cues(sent, lex, tokens) if cued else []
        matches += one_anaphors(sent, matches, tokens, lex)
        if matches and _cut_off(sent, text):
            matches = [m for m in matches if not _runs_into_cut(m, sent)]
        memory.remember(sent, matches, lex, tokens)
        nouns = []
        if not lex.plan_nouns.isdisjoint(lemmas):
            nouns = [doc[i] for i in range(start, end) if is_plan_word(tokens.pos[i], tokens.lemma[i], lex)]
        if nouns:
            resolver.remember_plans(nouns)
            matches.extend(memory.anaphora(nouns, matches, lex))
        if not lex.past_retracting.isdisjoint(lemmas):
            _retract_previous(sent, number, evidence, resolver, lex)
        drafters = memory.provision_drafters(sent, number)
        cue_tokens = {t.i: m for m in matches for t in m.tokens}
        for match in matches:
            if _asked(match, sent, text, bounds):
                continue
            reading = read_stance(match, lex, bounds)
            if reading is None or _describes_cue(reading, cue_tokens):
                continue
            found = _evidence(reading, resolver, lex, drafters, sent)
            for ev in found:
                ev.sentence = number
            evidence.extend(found)
            plan_drafters = [e.holder for e in found if e.drafted]
            memory.describe(plan_drafters, number)
    return _merge(evidence)


DEFINITE = frozenset({"the", "this", "that", "its", "his", "her", "their"})
STEM = 4
"""Letters a stance word and the noun taking it back share ("offered" ... "the offer", "proposed" ...
"the proposal")."""


def _retract_previous(
    sent: Span, number: int, evidence: list[Evidence], resolver: HolderResolver, lex: PositionLexicon
) -> None:
    """ "Kyiv offered a truce. The offer was later withdrawn.": a sentence that takes back the stance
    the sentence before stated (a retracting verb whose object, or passive subject, is a definite noun
    of the same stem as the stance word) makes that stance `past`."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.past_retracting or negated(verb, lex):
            continue
        for noun in verb.children:
            if noun.dep_ not in ("dobj", "nsubjpass") or noun.pos_ != "NOUN":
                continue
            if not any(c.lower_ in DEFINITE for c in noun.children if c.dep_ in ("det", "poss")):
                continue
            stem = noun.lemma_.lower()[:STEM]
            agents = [s for s in verb.children if s.dep_ == "nsubj"]
            named = {a.name for s in agents for a in resolver.actors_of(s) or []}
            for ev in evidence:
                if (
                    ev.sentence == number - 1
                    and ev.word[:STEM] == stem
                    and (not named or ev.holder.name in named)
                ):
                    ev.past = 2


def _asked(match: CueMatch, sent: Span, text: str, bounds: list[tuple[int, int]]) -> bool:
    """A cue in a question asks, it states no stance ("What talks can there be with them?")."""
    idx = match.anchor.idx
    start, end = next(((s, e) for s, e in bounds if s <= idx < e), (sent.start_char, sent.end_char))
    return text[start:end].rstrip(CLOSING).endswith("?")


def _describes_cue(reading: Reading, cue_tokens: dict[int, CueMatch]) -> bool:
    """A cue in a relative clause on another cue describes that one ("the weapons it needs to
    fight"), and one whose stance word is another cue of its issue lies inside that cue: its stance
    is not a separate position."""
    for frame in reading.frames:  # "freeze the front line in the regions": "freeze" is the cue's own
        other = cue_tokens.get(frame.token.i) if frame.kind != "action" else None
        if other is not None and other is not reading.cue and other.issue == reading.cue.issue:
            return True
    head = reading.described
    if head is None:
        return False
    other = cue_tokens.get(head.i)
    return other is not None and other is not reading.cue


def _runs_into_cut(match: CueMatch, sent: Span) -> bool:
    """Whether a cue's words run into the cut of a truncated sentence (its phrase holds the last word)."""
    last = sent[-1]
    while (last.is_space or last.is_punct) and last.i > sent.start:
        last = last.doc[last.i - 1]
    anchor = match.anchor
    return anchor.i == last.i or any(a.i == anchor.i for a in last.ancestors) or last.i < match.end


def _cut_off(sent: Span, text: str) -> bool:
    """The last sentence of an excerpt that stops mid-sentence (ANNOTATION.md: not annotated).

    `text` is the document's text.
    """
    if text[sent.end_char :].strip():
        return False
    own = text[sent.start_char : sent.end_char].rstrip()
    return bool(own) and own[-1] not in SENTENCE_END


# -- evidence ------------------------------------------------------------------

STRENGTH_DRAFTER = 2


def _evidence(
    reading: Reading, resolver: HolderResolver, lex: PositionLexicon, provision_of: list[Actor], sent: Span
) -> list[Evidence]:
    """The evidence of a reading whose cue stands in `sent`."""
    clause = clause_of(reading, resolver.table.tokens, sent)
    if (
        vague(clause, lex)
        or not _aid_to_recipient(reading, resolver, lex)
        or _person_returned(reading, resolver)
    ):
        return []
    span = (sent.start_char, sent.end_char)
    quals = set()
    if hedged(reading, lex, clause):
        quals.add("hedged")
    if temporary(clause, lex):
        quals.add("temporary")
    if partial(reading, lex, clause):
        quals.add("partial")
    stance: Stance = "support" if reading.polarity > 0 else "oppose"
    if provision_of:  # a sentence listing a plan's provisions: the drafters' positions
        return [
            Evidence(a, reading.cue.issue, stance, span, STRENGTH_DRAFTER, qualifiers=set(quals))
            for a in provision_of
        ]
    voices = speakers(reading, resolver)
    if voices is None:
        return []
    past = past_strength(reading, lex, clause)
    dated_earlier = (
        lex.past_earlier_times.search(resolver.table.tokens.text[span[0] : span[1]].lower()) is not None
    )
    conds = conditions(reading, lex, clause, resolver.table.tokens)
    reversal = reversed_stance(clause, lex)
    earlier: Stance = "oppose" if stance == "support" else "support"
    out: list[Evidence] = []
    for speaker in voices:
        for holder, frame in holders(reading, resolver, speaker):
            if _session(reading, holder) or _allies_meeting(reading, holder, resolver):
                continue
            strength = STRENGTH.get(frame.kind if frame else "", 0)
            before = frame is not None and past_perfect(frame.token) or dated_earlier
            word = frame.token.lemma_.lower() if frame is not None else ""
            out.append(
                Evidence(
                    holder,
                    reading.cue.issue,
                    stance,
                    span,
                    strength,
                    list(conds),
                    set(quals),
                    past,
                    perfect=before,
                    word=word,
                )
            )
            if reversal:
                out.append(Evidence(holder, reading.cue.issue, earlier, span, strength, past=2))
        out.extend(_owned_evidence(reading, resolver, speaker, span, quals, {e.holder.name for e in out}))
        out.extend(_modifier_evidence(reading, resolver, speaker, span, quals))
        out.extend(_dropped_evidence(reading, resolver, speaker, span))
    officials = [v for v in voices if v is not None]
    drafted = _drafter_evidence(reading, resolver, span, quals)
    out.extend(e for e in drafted if not any(own_side(v, e.holder) for v in officials))
    return out


def _session(reading: Reading, holder: Actor) -> bool:
    """ "The council met with Zelensky at the table": a body that meets holds a session, it takes no
    stance on negotiating (a verb cue that needs a partner, held by an alliance or organisation)."""
    anchor = reading.cue.anchor
    return (
        reading.cue.pattern.partner and anchor.pos_ == "VERB" and holder.type in ("alliance", "organization")
    )


def _camp(actor: Actor, lex: PositionLexicon) -> int | None:
    """The side of the war an actor is on (`camps` in issues.yaml), None for the others."""
    if actor.country:
        return next((k for k, camp in enumerate(lex.camps) if actor.country.upper() in camp), None)
    return 0 if actor.name.lower() in lex.camp_bodies else None


def _meeting_partners(anchor: Token) -> list[Token]:
    """Whom a meeting or talks cue is with: the verb's object, a "with" / "between" phrase."""
    out: list[Token] = []
    for child in anchor.children:
        if child.dep_ in ("dobj", "dative") and anchor.pos_ in ("VERB", "AUX"):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("with", "between"):
            out.extend(g for g in child.children if g.dep_ == "pobj")
    return [t for p in out for t in (p, *p.conjuncts)]


def _allies_meeting(reading: Reading, holder: Actor, resolver: HolderResolver) -> bool:
    """ "Starmer met Zelensky in London": meeting someone of one's own side of the war is no
    negotiation (ANNOTATION.md: one negotiates with the other side or a mediator)."""
    if not reading.cue.pattern.partner:
        return False
    side = _camp(holder, resolver.lex)
    if side is None:
        return False
    partners = [resolver.table.actor_at(t.idx, t.idx + len(t)) for t in _meeting_partners(reading.cue.anchor)]
    known = [a for a in partners if a is not None and a.name != holder.name]
    return bool(known) and all(_camp(a, resolver.lex) == side for a in known)


def _drafter_evidence(
    reading: Reading, resolver: HolderResolver, span: tuple[int, int], quals: set[str]
) -> list[Evidence]:
    """A plan's provisions are its drafters' positions ("the US proposal for a full ceasefire")."""
    out: list[Evidence] = []
    for noun, pol in provision_plans(reading, resolver.lex, resolver.table.tokens):
        for actor in resolver.drafters(noun):
            stance: Stance = "support" if pol > 0 else "oppose"
            out.append(
                Evidence(
                    actor,
                    reading.cue.issue,
                    stance,
                    span,
                    STRENGTH_DRAFTER,
                    qualifiers=quals - {"hedged"},
                    drafted=True,
                )
            )
    return out


def _owned_evidence(
    reading: Reading,
    resolver: HolderResolver,
    speaker: Actor | None,
    span: tuple[int, int],
    quals: set[str],
    taken: set[str],
) -> list[Evidence]:
    """ "Washington turned down Kyiv's requests for jets": a stance noun owned by an actor below the
    stance word that judges it is the owner's own stance too (Kyiv wants the jets), with the polarity
    the noun gives the cue.  Plans are left to their drafters (`plans`)."""
    frames = [f for f in reading.frames if f.kind != "event"]
    out: list[Evidence] = []
    for frame in frames[:-1]:
        tok = frame.token
        if frame.kind != "noun" or tok.lemma_.lower() in resolver.lex.plan_nouns:
            continue
        if not any(c.dep_ == "poss" for c in tok.children):
            continue
        stance: Stance = "support" if frame.cumulative > 0 else "oppose"
        for actor in resolver.owners(tok, speaker):
            holder = speaker if speaker is not None and own_side(speaker, actor) else actor
            if holder.name in taken or actor.type == "media":
                continue
            out.append(Evidence(holder, reading.cue.issue, stance, span, 2, qualifiers=set(quals)))
    return out


def _modifier_evidence(
    reading: Reading, resolver: HolderResolver, speaker: Actor | None, span: tuple[int, int], quals: set[str]
) -> list[Evidence]:
    """ "an assurance Merz hailed": the subject of a stance verb in a relative clause on the cue."""
    out: list[Evidence] = []
    actions = resolver.lex.actions.get(reading.cue.issue, frozenset())
    for frame in modifier_frames(reading.cue.anchor, resolver.lex, actions):
        for subj in subject_tokens(frame.token):
            for actor in resolver.actors_of(subj, speaker) or []:
                holder = speaker if speaker is not None and own_side(speaker, actor) else actor
                pol = frame.polarity * reading.cue.polarity
                stance: Stance = "support" if pol > 0 else "oppose"
                out.append(Evidence(holder, reading.cue.issue, stance, span, 2, qualifiers=set(quals)))
    return out


def _dropped_evidence(
    reading: Reading, resolver: HolderResolver, speaker: Actor | None, span: tuple[int, int]
) -> list[Evidence]:
    """ "dropped his push for a ceasefire": the dropped stance, as past."""
    frame = reading.dropped
    if frame is None:
        return []
    actors = resolver.owners(frame.token, speaker)
    if not actors:
        for subj in subject_tokens(frame.token.head, stop=reading.reporter):
            actors.extend(resolver.actors_of(subj, speaker) or [])
    out: list[Evidence] = []
    for actor in actors:
        holder = speaker if speaker is not None and own_side(speaker, actor) else actor
        stance: Stance = "support" if frame.cumulative > 0 else "oppose"
        out.append(Evidence(holder, reading.cue.issue, stance, span, 2, past=2))
    return out


def _person_returned(reading: Reading, resolver: HolderResolver) -> bool:
    """ "return Avdiivka" names land; "return Zelensky to the table" names an actor, not land."""
    if not reading.cue.pattern.place:
        return False
    obj = place_object(reading.cue.anchor)
    actor = resolver.table.actor_at(obj.idx, obj.idx + len(obj)) if obj is not None else None
    return actor is not None and actor.type != "state"


def _aid_to_recipient(reading: Reading, resolver: HolderResolver, lex: PositionLexicon) -> bool:
    """Military aid is a negotiation issue when it goes to a party of the war (`aid_recipients`).

    The recipient is the object of "to" / "for", a dative, or the object of
    "supply X with weapons".
    """
    if reading.cue.issue != "military_aid":
        return True
    for tok in reading.path[:4]:
        for child in tok.children:
            target = None
            if child.dep_ == "dative":
                target = child
            elif child.dep_ == "prep" and child.lower_ in ("to", "for"):
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
            elif child.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
                target = child
            if target is None:
                continue
            actor = resolver.table.actor_at(target.idx, target.idx + len(target))
            if actor is not None and actor.type == "state":
                return actor.country in lex.aid_recipients
    return True


# -- merging -------------------------------------------------------------------


def _reversed(
    key: tuple[str, str, str], items: list[Evidence], groups: dict[tuple[str, str, str], list[Evidence]]
) -> bool:
    """A stance told only in the past perfect or dated earlier while the article gives the holder's
    opposite stance as current ("Trump had insisted on a ceasefire" ... "rather than a ceasefire"):
    the earlier one is past."""
    if not all(ev.perfect for ev in items):
        return False
    holder, issue, stance = key
    opposite = groups.get((holder, issue, "oppose" if stance == "support" else "support"), [])
    return any(not ev.perfect and ev.past == 0 for ev in opposite)


def _merge(evidence: list[Evidence]) -> list[Position]:
    """One position per (holder, issue, stance): conditions and qualifiers merged.

    `past` needs the article to say the stance was dropped, or else that no
    evidence shows it current ("Previously, he had maintained ...").
    """
    groups: dict[tuple[str, str, str], list[Evidence]] = {}
    for ev in evidence:
        groups.setdefault((ev.holder.name, ev.issue, ev.stance), []).append(ev)
    reversed_keys = {key for key, items in groups.items() if _reversed(key, items, groups)}
    out: list[tuple[int, Position]] = []
    for key, items in groups.items():
        best = max(items, key=lambda e: (e.strength, -e.span[0]))
        quals: set[str] = set()
        conds: list[str] = []
        for ev in items:
            quals |= ev.qualifiers
            conds.extend(c for c in ev.conditions if c not in conds)
        strongest_past = max(ev.past for ev in items)
        current = any(ev.past == 0 for ev in items)
        if strongest_past == 2 or strongest_past == 1 and not current or key in reversed_keys:
            quals.add("past")
        first = min(ev.span[0] for ev in items)
        position = Position(
            holder=best.holder.name,
            issue=best.issue,
            stance=best.stance,
            span=best.span,
            conditions=conds,
            qualifiers=sorted(quals),
        )
        out.append((first, position))
    out.sort(key=lambda x: (x[0], x[1].holder, x[1].issue, x[1].stance))
    return [p for _, p in out]
