"""Actors' positions on the negotiation issues of one article (ANNOTATION.md, "Positions").

For every issue cue of every sentence (`issues.find_cues`), `stance.read_stance`
reads the stance the clause takes on it and the words that carry it; this
module decides whose stance it is and assembles `Position`s:

- a stance word with an actor subject or owner gives that actor the position
  ("Moscow is ready to negotiate", "Kyiv, which wants to join the alliance",
  "Trump's push for a ceasefire"); a first-person one, the quotation's speaker;
- inside reported speech, a third party's own stance goes to the third party
  ("Trump said Putin does not want a ceasefire"), but the speaker keeps what
  he only judges possible or necessary for others ("Zelensky may have to
  accept ...") and what he says of his own government ("Lavrov said Moscow is
  ready": Lavrov, not Russia);
- the provisions of a plan go to its drafters ("the US proposal for a
  ceasefire"), a dropped stance ("dropped his push for a ceasefire") is kept
  as `past`;
- vague sources ("reports suggest") give nothing, nor do headlines or a
  sentence cut off by the end of an excerpt.

Positions are merged per (holder, issue, stance) with their conditions and
qualifiers; the span is the sentence of the strongest evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from peacewire.extract.actors import ActorTable
from peacewire.extract.conditions import conditions, hedged, partial, past_strength, temporary
from peacewire.extract.holders import HolderResolver, subject_tokens
from peacewire.extract.issues import CueMatch, PositionLexicon, find_cues, position_lexicon
from peacewire.extract.quotes import subject_of
from peacewire.extract.stance import (
    Frame,
    Reading,
    deontic,
    epistemic,
    first_person,
    future,
    modifier_frames,
    read_stance,
)
from peacewire.records import Actor, Article, Issue, Position, Quote, Stance

SENTENCE_END = ".!?\"'”’)…"
ATTITUDE_KINDS = frozenset({"verb", "adjective", "noun"})
PLAN_CONTENT_PREPS = frozenset({"for", "on", "of", "about", "to", "regarding"})
BELIEF_VERBS = frozenset({"think", "expect", "believe", "hope", "predict", "guess", "suspect", "assume"})
STRENGTH = {"verb": 3, "adjective": 3, "noun": 2, "evaluation": 2, "action": 2, "imperative": 1, "": 0}


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


def extract_positions(doc: Doc, table: ActorTable, quotes: list[Quote], article: Article) -> list[Position]:
    """The positions the article reports, one per (holder, issue, stance), in text order."""
    lex = position_lexicon()
    resolver = HolderResolver(doc, table, quotes, lex)
    bounds = [q.span for q in quotes if q.kind == "direct"]
    evidence: list[Evidence] = []
    plans: list[tuple[Token, list[CueMatch]]] = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        matches = find_cues(sent, lex)
        if _cut_off(sent):
            matches = [m for m in matches if not _runs_into_cut(m, sent)]
        matches.extend(_anaphoric_cues(sent, matches, plans, lex))
        for match in matches:
            reading = read_stance(match, lex, bounds)
            if reading is None:
                continue
            evidence.extend(_evidence(reading, resolver, lex))
    return _merge(evidence)


def _plan_of(match: CueMatch, lex: PositionLexicon) -> Token | None:
    """The plan noun a cue spells out: "ceasefire plan", "a proposal for a ceasefire", "the
    document on security guarantees" (not where it was put forward: "a plan made in talks")."""
    tok = match.anchor
    for _ in range(3):
        if tok.lemma_.lower() in lex.plan_nouns and tok.pos_ == "NOUN":
            return tok
        head = tok.head
        if tok.dep_ in ("pobj", "pcomp") and head.lower_ in PLAN_CONTENT_PREPS:
            tok = head.head
        elif tok.dep_ in ("compound", "acl", "conj", "amod", "nmod") and head.i != tok.i:
            tok = head
        else:
            return None
    return tok if tok.lemma_.lower() in lex.plan_nouns and tok.pos_ == "NOUN" else None


def _anaphoric_cues(
    sent: Span, matches: list[CueMatch], plans: list[tuple[Token, list[CueMatch]]], lex: PositionLexicon
) -> list[CueMatch]:
    """ "Kyiv accepted the proposal": a definite plan noun takes the issues of the plan named before.

    `plans` (plan nouns with their cues, in text order) is updated with this
    sentence's ones; only the last two sentences' plans are candidates.
    """
    taken = {t.i for m in matches for t in m.tokens}
    found: list[CueMatch] = []
    for m in matches:
        plan = _plan_of(m, lex)
        if plan is not None:
            if plans and plans[-1][0].i == plan.i:
                plans[-1][1].append(m)
            else:
                plans.append((plan, [m]))
    horizon = sent.start - 80
    for tok in sent:
        if tok.i in taken or tok.lemma_.lower() not in lex.plan_nouns or tok.pos_ != "NOUN":
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            continue
        if any(p.i == tok.i for p, _ in plans):
            continue
        earlier = [(p, ms) for p, ms in plans if horizon <= p.i < tok.i]
        if not earlier:
            continue
        _, ms = earlier[-1]
        seen: set[str] = set()
        for m in ms:
            if m.issue not in seen:
                seen.add(m.issue)
                found.append(CueMatch(m.pattern, (tok,)))
    return found


def _runs_into_cut(match: CueMatch, sent: Span) -> bool:
    """Whether a cue's words run into the cut of a truncated sentence (its phrase holds the last word)."""
    last = sent[-1]
    while last.is_space or last.is_punct and last.i > sent.start:
        last = last.doc[last.i - 1]
    anchor = match.anchor
    return anchor.i == last.i or any(a.i == anchor.i for a in last.ancestors) or last.i < match.end


def _cut_off(sent: Span) -> bool:
    """The last sentence of an excerpt that stops mid-sentence (ANNOTATION.md: not annotated)."""
    doc = sent.doc
    if doc.text[sent.end_char :].strip():
        return False
    text = sent.text.rstrip()
    return bool(text) and text[-1] not in SENTENCE_END


# -- who speaks ------------------------------------------------------------


def _speaker(reading: Reading, resolver: HolderResolver) -> tuple[Actor | None, bool]:
    """The speaker of the clause holding the cue, and whether the source is vague (drop it).

    The subject of the reporting verb reached wins when it names an actor; a
    pronoun or an unresolved one falls back on the quotation's speaker.  A
    government named as saying something its official is quoted on gives the
    official ("Moscow warns ..., Zakharova said").  Media are no speakers
    here: their reports are the article's narrative.
    """
    anchor = reading.cue.anchor
    quote = resolver.quote_at(anchor)
    quoted = quote.speaker if quote is not None else None
    speaker: Actor | None = None
    if reading.reporter is not None:
        subj = reporter_subject(reading.reporter)
        if subj is not None:
            if subj.lower_ in ("it", "there") and subj.dep_ == "expl":
                return None, True
            found = resolver.actors_of(subj, quoted)
            if found is None:
                return None, True
            speaker = found[0] if found else None
            if speaker is None and subj.pos_ != "PRON" and not _proper(subj):
                if subj.lemma_.lower() in resolver.lex.vague_subjects:
                    return None, True
        if speaker is None:
            speaker = quoted
        elif quoted is not None and _own_side(quoted, speaker):
            speaker = quoted
    else:
        source = _according_to(reading)
        if source is not None:
            found = resolver.actors_of(source, quoted)
            if found is None:
                return None, True
            speaker = found[0] if found else quoted
        else:
            speaker = quoted
    if speaker is not None and speaker.type == "media":
        speaker = None
    return speaker, False


def reporter_subject(verb: Token) -> Token | None:
    """Who a reporting verb's subject is, mending two common misparses.

    "..., Rubio said" with the name parsed as part of the clause before: the
    proper noun right before the verb.  A participle ("saying", "adding")
    hanging from an embedded clause: the subject of the sentence's main verb.
    """
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        prev = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
        if prev is not None and prev.pos_ == "PROPN" and prev.dep_ not in ("nsubj", "nsubjpass"):
            return prev
        if verb.tag_ in ("VBG", "VBN") and verb.dep_ in ("advcl", "xcomp", "conj"):
            root = verb.sent.root
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and root.i != verb.i:
                return subj
    return subject_of(verb)


def _sources(reading: Reading, resolver: HolderResolver) -> list[Actor]:
    """Officials named as the source of the clause: "As clarified by Starmer and Macron, London and
    Paris plan ..." (their governments' stance is theirs, ANNOTATION.md)."""
    out: list[Actor] = []
    for tok in reading.path:
        for child in tok.children:
            if child.dep_ != "advcl" or not any(m.lower_ == "as" for m in child.children if m.dep_ == "mark"):
                continue
            for agent in child.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            out.extend(a for a in resolver.actors_of(pobj) or [] if a.type == "person")
    return out


def _according_to(reading: Reading) -> Token | None:
    """The source of "According to X, ...", hanging from the clause that holds the cue."""
    for tok in reversed(reading.path):
        for child in tok.children:
            if child.lower_ == "according" and child.dep_ == "prep":
                for grand in child.subtree:
                    if grand.dep_ == "pobj":
                        return grand
    return None


def _proper(tok: Token) -> bool:
    return tok.pos_ == "PROPN"


def _own_side(person: Actor, other: Actor) -> bool:
    """Whether `other` is the government or forces of `person` (ANNOTATION.md: the official holds it)."""
    return (
        person.type == "person"
        and other.type in ("state", "armed_group")
        and other.country is not None
        and other.country == person.country
    )


# -- who holds it ------------------------------------------------------------


def _frame_actors(frame: Frame, reading: Reading, resolver: HolderResolver, speaker: Actor | None) -> list[Actor] | None:
    """The actors named as holding a frame's stance; None for a vague source, [] for none named."""
    tok = frame.token
    if frame.kind == "noun":
        owners = resolver.owners(tok, speaker)
        if owners:
            return owners
        if tok.lemma_.lower() in resolver.lex.plan_nouns:
            drafters = resolver.drafters(tok)
            if drafters:
                return drafters
        if tok.dep_ in ("dobj", "attr", "conj"):
            head = tok.head
            subs = subject_tokens(head, stop=reading.reporter)
            return _actors(subs, resolver, speaker)
        return []
    if frame.kind == "evaluation":
        if frame.judge is not None and frame.judge.pos_ == "NOUN":
            return resolver.owners(frame.judge, speaker)
        return []
    subs = subject_tokens(tok, stop=reading.reporter)
    return _actors(subs, resolver, speaker)


def _actors(subs: Sequence[Token], resolver: HolderResolver, speaker: Actor | None) -> list[Actor] | None:
    out: list[Actor] = []
    for s in subs:
        found = resolver.actors_of(s, speaker)
        if found is None:
            return None
        out.extend(a for a in found if a not in out)
    return out


def _holders(reading: Reading, resolver: HolderResolver, speaker: Actor | None) -> list[tuple[Actor, Frame | None]]:
    """The holders of a reading's stance with the frame that names them."""
    frames = reading.frames
    in_speech = speaker is not None
    if not frames:
        if not in_speech or not (reading.marker or reading.condition_lock):
            return []
        colleague = _colleague(reading, resolver, speaker)
        if colleague is not None:
            return [(colleague, None)]
        if _speaker_clause(reading, resolver, speaker):
            return [(speaker, None)] if speaker is not None else []
        return []
    top = frames[-1]
    actors = _frame_actors(top, reading, resolver, speaker)
    if actors is None:
        return []
    if not actors:
        if top.kind == "noun" and len(frames) > 1:
            # an ownerless stance noun under another frame: "agreed on the need to ..."
            lower = _frame_actors(frames[-2], reading, resolver, speaker)
            if lower:
                actors = lower
        if not actors:
            return [(speaker, top)] if speaker is not None else []
    out: list[tuple[Actor, Frame | None]] = []
    sources = _sources(reading, resolver)
    for actor in actors:
        holder = _decide(actor, top, reading, speaker, sources)
        if holder is not None and all(h is not holder for h, _ in out):
            out.append((holder, top))
    return out


def _colleague(reading: Reading, resolver: HolderResolver, speaker: Actor | None) -> Actor | None:
    """ "(Peskov said) Putin will have to press on with the war": a person of the speaker's own
    country whose intention the speaker states holds it himself; "may have to" stays the speaker's."""
    if speaker is None:
        return None
    verb = next((t for t in reading.path if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or epistemic(verb) or not _will(verb):
        return None
    for subj in subject_tokens(verb, stop=reading.reporter):
        for actor in resolver.actors_of(subj, speaker) or []:
            if actor is not speaker and actor.type == "person" and actor.country == speaker.country:
                return actor
    return None


def _will(verb: Token) -> bool:
    """A future or intention on the verb or the clause it is coordinated with."""
    for tok in (verb, verb.head) if verb.dep_ in ("conj", "xcomp") else (verb,):
        if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "would", "wo") for c in tok.children):
            return True
    return False


def _speaker_clause(reading: Reading, resolver: HolderResolver, speaker: Actor | None) -> bool:
    """Whether a clause without stance words says what the speaker (or his side) would do.

    "Ukrainian forces would fight to the end" is the speaker's stance; "it will
    never stop" or "Moscow will continue the war" is said of someone else.
    """
    verb = next((t for t in reading.path if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or epistemic(verb):
        return True
    for subj in subject_tokens(verb, stop=reading.reporter):
        if first_person(subj):
            continue
        if subj.pos_ == "PRON":
            found = resolver.pronoun(subj, speaker)
            if found is None or found is not speaker and not (speaker and _own_side(speaker, found)):
                return False
            continue
        found_all = resolver.actors_of(subj, speaker)
        if found_all is None:
            return False
        for actor in found_all:
            if actor is not speaker and not (speaker is not None and _own_side(speaker, actor)):
                return False
    return True


def _decide(
    actor: Actor, frame: Frame, reading: Reading, speaker: Actor | None, sources: Sequence[Actor] = ()
) -> Actor | None:
    """Speaker or subject: ANNOTATION.md's rules for reported stances."""
    if actor.type == "media":
        return None
    for source in sources:
        if _own_side(source, actor):
            return source
    obliged = frame.kind in ("verb", "adjective", "action") and (epistemic(frame.token) or deontic(frame.token))
    if speaker is None or actor is speaker:
        if frame.kind == "imperative" or speaker is None and obliged:
            return None
        return actor
    if _own_side(speaker, actor):
        return speaker
    if obliged:
        return speaker
    reporter = reading.reporter
    if reporter is not None and reporter.lemma_.lower() in BELIEF_VERBS:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in frame.token.children)
        if future(frame.token) or infinitive and frame.token.head.i == reporter.i:
            return None  # "I think he'll be willing to negotiate": a guess about him, not his stance
    if frame.kind in ATTITUDE_KINDS:
        return actor
    if frame.kind == "action" and actor.type == "person" and reading.marker:
        return actor
    return None


# -- evidence ------------------------------------------------------------------


def _evidence(reading: Reading, resolver: HolderResolver, lex: PositionLexicon) -> list[Evidence]:
    speaker, vague = _speaker(reading, resolver)
    if vague:
        return []
    if not _aid_to_recipient(reading, resolver, lex):
        return []
    out: list[Evidence] = []
    sent = reading.cue.anchor.sent
    span = (sent.start_char, sent.end_char)
    quals = set()
    if hedged(reading, lex):
        quals.add("hedged")
    if temporary(reading, lex):
        quals.add("temporary")
    if partial(reading, lex):
        quals.add("partial")
    past = past_strength(reading, lex)
    conds = conditions(reading, lex)
    for holder, frame in _holders(reading, resolver, speaker):
        out.append(
            Evidence(
                holder=holder,
                issue=reading.cue.issue,
                stance="support" if reading.polarity > 0 else "oppose",
                span=span,
                strength=STRENGTH.get(frame.kind if frame else "", 0),
                conditions=list(conds),
                qualifiers=set(quals),
                past=past,
            )
        )
    out.extend(_drafter_evidence(reading, resolver, span, quals))
    out.extend(_modifier_evidence(reading, resolver, speaker, span, quals))
    out.extend(_dropped_evidence(reading, resolver, speaker, span))
    return out


def _drafter_evidence(
    reading: Reading, resolver: HolderResolver, span: tuple[int, int], quals: set[str]
) -> list[Evidence]:
    """A plan's provisions are its drafters' positions ("the US proposal for a full ceasefire")."""
    out: list[Evidence] = []
    nouns: list[tuple[Token, int]] = []
    anchor = reading.cue.anchor
    plan_nouns = resolver.lex.plan_nouns
    if anchor.lemma_.lower() in plan_nouns:
        nouns.append((anchor, reading.cue.polarity))
    for tok in reading.cue.tokens:
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in plan_nouns:
            nouns.append((tok.head, reading.cue.polarity))
    if anchor.dep_ == "compound" and anchor.head.lemma_.lower() in plan_nouns:
        nouns.append((anchor.head, reading.cue.polarity))
    plan = _plan_of(reading.cue, resolver.lex)
    if plan is not None:
        nouns.append((plan, reading.cue.polarity))
    for frame in reading.frames:
        if frame.kind == "noun" and frame.token.lemma_.lower() in plan_nouns:
            nouns.append((frame.token, frame.cumulative))
        if frame.kind == "verb" and frame.token.lemma_.lower() in resolver.lex.provision_verbs:
            for subj in subject_tokens(frame.token, stop=reading.reporter):
                if subj.lemma_.lower() in plan_nouns:
                    nouns.append((subj, frame.cumulative))
                elif subj.lower_ in ("which", "that") and subj.head.dep_ == "relcl":
                    ante = subj.head.head
                    if ante.lemma_.lower() in plan_nouns:
                        nouns.append((ante, frame.cumulative))
    seen: set[int] = set()
    for noun, pol in nouns:
        if noun.i in seen:
            continue
        seen.add(noun.i)
        for actor in resolver.drafters(noun):
            out.append(
                Evidence(
                    holder=actor,
                    issue=reading.cue.issue,
                    stance="support" if pol > 0 else "oppose",
                    span=span,
                    strength=2,
                    qualifiers=set(quals) - {"hedged"},
                )
            )
    return out


def _modifier_evidence(
    reading: Reading, resolver: HolderResolver, speaker: Actor | None, span: tuple[int, int], quals: set[str]
) -> list[Evidence]:
    """ "an assurance Merz hailed": the subject of a stance verb in a relative clause on the cue."""
    out: list[Evidence] = []
    actions = resolver.lex.actions.get(reading.cue.issue, frozenset())
    for frame in modifier_frames(reading.cue.anchor, resolver.lex, actions):
        for actor in _actors(subject_tokens(frame.token), resolver, speaker) or []:
            holder = speaker if speaker is not None and _own_side(speaker, actor) else actor
            pol = frame.polarity * reading.cue.polarity
            out.append(
                Evidence(holder, reading.cue.issue, "support" if pol > 0 else "oppose", span, 2, qualifiers=set(quals))
            )
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
        head = frame.token.head
        actors = _actors(subject_tokens(head, stop=reading.reporter), resolver, speaker) or []
    out: list[Evidence] = []
    for actor in actors:
        holder = speaker if speaker is not None and _own_side(speaker, actor) else actor
        out.append(
            Evidence(
                holder=holder,
                issue=reading.cue.issue,
                stance="support" if frame.cumulative > 0 else "oppose",
                span=span,
                strength=2,
                past=2,
            )
        )
    return out


def _aid_to_recipient(reading: Reading, resolver: HolderResolver, lex: PositionLexicon) -> bool:
    """Military aid is a negotiation issue when it goes to the side of `aid_recipients`."""
    if reading.cue.issue != "military_aid":
        return True
    for tok in reading.path[:4]:
        for child in tok.children:
            target: Token | None = None
            if child.dep_ == "dative" or child.dep_ == "prep" and child.lower_ in ("to", "for"):
                target = next((g for g in child.children if g.dep_ == "pobj"), child if child.dep_ == "dative" else None)
            if target is None:
                continue
            actor = resolver.table.actor_at(target.idx, target.idx + len(target))
            if actor is not None and actor.type == "state":
                return actor.country in lex.aid_recipients
    return True


# -- merging -------------------------------------------------------------------


def _merge(evidence: list[Evidence]) -> list[Position]:
    """One position per (holder, issue, stance): conditions and qualifiers merged."""
    groups: dict[tuple[str, str, str], list[Evidence]] = {}
    for ev in evidence:
        groups.setdefault((ev.holder.name, ev.issue, ev.stance), []).append(ev)
    out: list[tuple[int, Position]] = []
    for items in groups.values():
        best = max(items, key=lambda e: (e.strength, -e.span[0]))
        quals: set[str] = set()
        conds: list[str] = []
        for ev in items:
            quals |= ev.qualifiers
            conds.extend(c for c in ev.conditions if c not in conds)
        strongest_past = max(ev.past for ev in items)
        current = any(ev.past == 0 for ev in items)
        if strongest_past == 2 or strongest_past == 1 and not current:
            quals.add("past")
        first = min(ev.span[0] for ev in items)
        out.append(
            (
                first,
                Position(
                    holder=best.holder.name,
                    issue=best.issue,
                    stance=best.stance,
                    span=best.span,
                    conditions=conds,
                    qualifiers=sorted(quals),
                ),
            )
        )
    out.sort(key=lambda x: (x[0], x[1].holder, x[1].issue, x[1].stance))
    return [p for _, p in out]
