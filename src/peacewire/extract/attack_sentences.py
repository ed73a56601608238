"""Reading one body sentence into reports: one per attack it speaks of.

This is the per-sentence step of attack extraction; it brings together the attack words,
places, weapons, perpetrator and casualty figures of a sentence.  Joining reports across
sentences is done elsewhere (attack_joining).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from peacewire.extract.attack_perpetrators import _agent
from peacewire.extract.attack_places import (
    Story,
    _heard_place,
    _own_place,
    _place_for,
    _same_place,
    read_places,
)
from peacewire.extract.attack_records import Report
from peacewire.extract.attack_scope import _many_places, _phrase_pos, _phrase_positions, _scoped
from peacewire.extract.attack_triggers import SOUND_NOUNS, find_triggers
from peacewire.extract.attack_weapons import (
    MUNITION_GROUPS,
    _hit,
    _own_weapons,
    _own_weapons_of_group,
    _phrase_head,
    _platform,
)
from peacewire.extract.bodytext import BodySentence
from peacewire.extract.casualties import find_casualties
from peacewire.extract.cues import EventCues
from peacewire.extract.eventdoc import EventDoc
from peacewire.extract.gazetteer import Gazetteer
from peacewire.extract.locations import (
    best_place,
    doc_view,
    first_district,
)
from peacewire.extract.parties import ActorLookup
from peacewire.extract.timing import days_before
from peacewire.extract.weapons import (
    find_weapons,
    weapon_tokens,
)

NEW_EVENT_PREPS: frozenset[str] = frozenset({"after", "since", "before", "than", "like"})


def _has_phrase(words: str, phrases: Sequence[str]) -> bool:
    """Whether one of the phrases is in `words` (the sentence's lower-cased tokens, space-separated)."""
    return any(f" {p} " in words for p in phrases)


def _superlative_since(sent: Span) -> bool:
    """ "one of the deadliest strikes since the war began": a comparison, not a running total."""
    words = [t for t in sent]
    for k, t in enumerate(words):
        if t.tag_ == "JJS" or t.lower_ in ("first", "largest", "biggest", "worst", "deadliest"):
            if any(w.lower_ in ("since",) for w in words[k + 1 : k + 14]):
                return True
    return False


def _anaphoric(trigger: Token, cues: EventCues) -> bool:
    """ "The strike hit ...", "the attack", "it was hit": the attack already told."""
    a = cues.attack
    if trigger.pos_ == "VERB":
        subj = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            return False
        trigger = subj[0]
        if trigger.lower_ in ("it", "they"):
            return trigger.dep_ == "nsubjpass"  # "it was hit"; "it struck X" names the attacker
    dets = [c for c in trigger.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in a.definite:
        return False
    return not any(c.dep_ in ("poss",) for c in trigger.children)


def _owned(trigger: Token, cues: EventCues) -> bool:
    """ "Ukraine's attack", "the attack": a known attack, not "a similar strike"."""
    return trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in cues.attack.definite) for c in trigger.children
    )


def _earlier(trigger: Token) -> bool:
    """ "a week after Russia's barrage", "since the last missile strike": another, earlier attack."""
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ in NEW_EVENT_PREPS:
        return True
    verb = trigger if trigger.pos_ == "VERB" else head if trigger.dep_ in ("nsubj", "nsubjpass") else None
    return verb is not None and any(c.dep_ == "mark" and c.lower_ in NEW_EVENT_PREPS for c in verb.children)


def _nearest(items_at: Sequence[int], anchors: Sequence[int]) -> list[int]:
    """For each position, the index of its anchor: the last one before it, else the first."""
    out = []
    for pos in items_at:
        before = [k for k, a in enumerate(anchors) if a <= pos]
        out.append(before[-1] if before else 0)
    return out


def sentence_reports(
    sent_no: int,
    body: BodySentence,
    table: ActorLookup,
    gaz: Gazetteer,
    cues: EventCues,
    published: str | None,
    story: Story,
    view: EventDoc | None = None,
) -> list[Report]:
    """The attack reports of one sentence (none, one, or one per attack it distinguishes)."""
    sent = body.span
    doc = sent.doc
    view = view or doc_view(doc)
    tokens = view.tokens
    span = (sent.start_char, sent.end_char)
    named = find_weapons(sent, view=tokens)
    weapons = [w for w in named if not (w.generic or _platform(w, doc) or _hit(w, doc, cues))]
    places = read_places(sent, gaz, cues, story, view)
    counted = tokens.has_any(sent, cues.casualties.words)
    found = find_casualties(sent, weapon_tokens(named), cues, tokens, parts=True) if counted else []
    parts = [c for c in found if c.part]
    casualties = [c for c in found if not c.part]
    has_attack_noun = tokens.has_any(sent, cues.attack.nouns - SOUND_NOUNS)
    has_context = bool(weapons) or bool(casualties) or has_attack_noun
    heads = frozenset(w.head for w in weapons)
    munitions = frozenset(_phrase_head(doc, w) for w in weapons if w.group in MUNITION_GROUPS)
    triggers = find_triggers(sent, cues, has_context, places, heads, view, munitions)
    days = days_before(sent, published, tokens.text_of(sent))
    words = tokens.joined_lower(sent.start, sent.end)
    multi_at = (
        _phrase_positions(sent, cues.attack.multi_place, tokens)
        if _has_phrase(words, cues.attack.multi_place)
        else []
    )
    multi_at += _many_places(sent, tokens)
    multi = bool(multi_at)
    cumulative = _has_phrase(words, cues.attack.cumulative) and not _superlative_since(sent)
    if not triggers:
        heard = _heard_place(sent, places, tokens)
        if heard is not None and not casualties:
            # "Blasts were heard in Lviv": no attack by itself, but it may name the city of one
            return [Report(sent_no, span, place=heard, weak=True, days_before=days)]
        if casualties:
            counted_report = Report(
                sent_no,
                span,
                place=_place_for([doc[c.cue] for c in casualties], places),
                district=first_district(places),
                weapons=weapons,
                casualties=casualties,
                multi=multi,
                cumulative=cumulative,
                days_before=days,
                bodies=all(doc[c.cue].lemma_.lower() == "body" for c in casualties),
            )
            return _scoped([counted_report], parts, places, sent, multi_at)
        district = first_district(places)
        if district is not None and any(t.lemma_.lower() in cues.attack.damage for t in sent):
            return [
                Report(
                    sent_no,
                    span,
                    place=best_place(places),
                    district=district,
                    damage_only=True,
                    days_before=days,
                )
            ]
        return []
    # group the attack words: a new group where a word's own weapons differ in kind, or its own
    # place ("a strike on Kharkiv ..., while shelling in Kherson killed one")
    groups: list[list[Token]] = [[triggers[0]]]
    group_weapons: list[set[str]] = [{w.group for w in _own_weapons(triggers[0], weapons)}]
    group_place: list[str | None] = [_own_place(triggers[0], places)]
    for t in triggers[1:]:
        own = {w.group for w in _own_weapons(t, weapons)}
        here = _own_place(t, places)
        if (own and group_weapons[-1] and not (own & group_weapons[-1])) or (
            here is not None and group_place[-1] is not None and not _same_place(here, group_place[-1])
        ):
            groups.append([t])
            group_weapons.append(own)
            group_place.append(here)
        else:
            groups[-1].append(t)
            group_weapons[-1] |= own
            group_place[-1] = group_place[-1] or here
    anchors = [g[0].i for g in groups]
    reports = [Report(sent_no, span, triggers=g, days_before=days, cumulative=cumulative) for g in groups]
    if len(groups) == 1:
        r = reports[0]
        r.place, r.district = _place_for(r.triggers, places), first_district(places)
        r.weapons, r.casualties, r.multi = list(weapons), list(casualties), multi
    else:
        for p, k in zip(places, _nearest([p.start for p in places], anchors), strict=True):
            cur = reports[k].place
            if cur is None or (p.level != "district" and p.rank() < cur.rank()):
                if p.level == "district":
                    reports[k].district = reports[k].district or p
                elif not p.container:
                    reports[k].place = p
        for w in weapons:
            owner = next((k for k, g in enumerate(groups) if w in _own_weapons_of_group(g, weapons)), None)
            reports[owner if owner is not None else _nearest([w.start], anchors)[0]].weapons.append(w)
        for c, k in zip(casualties, _nearest([c.cue for c in casualties], anchors), strict=True):
            reports[k].casualties.append(c)
        if multi:
            k = _nearest([_phrase_pos(sent, cues.attack.multi_place)], anchors)[0]
            reports[k].multi = True
    reports = _scoped(reports, parts, places, sent, multi_at)
    for r in reports:
        if not r.triggers:
            continue
        r.anaphoric = _anaphoric(r.triggers[0], cues)
        r.definite = r.anaphoric or _owned(r.triggers[0], cues)
        r.distinct = any(
            c.dep_ in ("amod", "det") and c.lower_ in cues.attack.distinct_modifiers
            for c in r.triggers[0].children
        )
        r.earlier = any(_earlier(t) for t in r.triggers) and len(reports) > 1
        for t in r.triggers:
            r.perpetrator = _agent(t, table, gaz, cues)
            if r.perpetrator:
                break
    return reports
