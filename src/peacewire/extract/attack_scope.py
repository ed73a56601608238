"""Splitting one sentence's report into the attacks it covers.

A sentence may speak of the whole country and of named places, of coordinated places (one
attack each) or of a part of a toll with a place of its own; these rules divide its report
accordingly, after the sentence has been read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from peacewire.extract.attack_places import _place_for, _region_base
from peacewire.extract.attack_records import Report
from peacewire.extract.attack_triggers import SEPARATE_CLAUSES
from peacewire.extract.casualties import CasualtyFigure
from peacewire.extract.locations import (
    PlaceMention,
    best_place,
)
from peacewire.extract.tokenview import TokenView


def _phrase_pos(sent: Span, phrases: Sequence[str]) -> int:
    for tok in sent:
        for p in phrases:
            words = p.split()
            if [t.lower_ for t in sent.doc[tok.i : tok.i + len(words)]] == words:
                return tok.i
    return sent.start


# -- what a sentence's words speak of: one place, several, or the whole country ---------------


def _clause(tok: Token) -> set[int]:
    """The tokens of the clause a word stands in, without the clauses inside it: "at least ten
    died" apart from "and the nationwide toll passed 40"."""
    cur = tok
    out: set[int] = set()
    if tok.pos_ not in ("VERB", "AUX"):
        out.update(t.i for t in tok.subtree)  # "a barrage [that] killed 14 across the country"
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    stack = [cur]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in SEPARATE_CLAUSES)
    return out


def _phrase_positions(sent: Span, phrases: Sequence[str], tokens: TokenView) -> list[int]:
    """Where each of the phrases (lower-cased words) starts in the sentence."""
    lower = tokens.lower
    out = []
    for p in phrases:
        words = p.split()
        for i in range(sent.start, sent.end - len(words) + 1):
            if lower[i] == words[0] and list(lower[i : i + len(words)]) == words:
                out.append(i)
    return out


MANY_PLACE_NOUNS: frozenset[str] = frozenset({"city", "region", "oblast", "province"})


MANY_WORDS: frozenset[str] = frozenset(
    {"several", "many", "various", "multiple", "numerous", "dozens", "some"}
)


def _many_places(sent: Span, tokens: TokenView) -> list[int]:
    """Where the sentence counts the places it speaks of ("at five cities", "in several regions",
    "in dozens of towns"): what it says there is said of many places, none of them alone."""
    out = []
    lemma, tag = tokens.lemma, tokens.tag
    doc = sent.doc
    for i in range(sent.start, sent.end):
        if tag[i] != "NNS" or lemma[i] not in MANY_PLACE_NOUNS:
            continue
        tok = doc[i]
        for c in tok.children:
            if c.i > i:
                continue
            if c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1"):
                out.append(c.i)
                break
            if c.dep_ in ("amod", "det") and c.lower_ in MANY_WORDS:
                out.append(c.i)
                break
        else:
            head = tok.head  # "dozens of towns"
            if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in MANY_WORDS:
                out.append(head.head.i)
    return out


def _split_scope(
    r: Report, multi_at: Sequence[int], places: Sequence[PlaceMention], doc: Doc
) -> list[Report]:
    """A sentence that speaks of the whole country and of one place ("about 100 missiles were fired
    at cities across the country, and two buildings in the capital were hit"; "ten died in X, and
    the nationwide toll passed 40"): the words whose clause holds the country-wide phrase report
    the barrage as a whole, the others the attack on the place they name."""
    clauses = {t.i: _clause(t) for t in r.triggers}
    clauses.update({c.cue: _clause(doc[c.cue]) for c in r.casualties})

    def national(i: int) -> bool:
        return any(m in clauses[i] for m in multi_at)

    nat_t = [t for t in r.triggers if national(t.i)]
    loc_t = [t for t in r.triggers if not national(t.i)]
    nat_c = [c for c in r.casualties if national(c.cue)]
    loc_c = [c for c in r.casualties if not national(c.cue)]
    nat_words = set().union(*(clauses[t.i] for t in nat_t), *(clauses[c.cue] for c in nat_c))
    anchors = loc_t + [doc[c.cue] for c in loc_c]
    own_places = [p for p in places if p.start not in nat_words]
    place = _place_for(anchors, own_places) if anchors and nat_words else None
    if place is None:
        if r.casualties:
            r.place = None  # "12 killed in several regions, including X": a total of many places
        return [r]
    nat_weapons = [w for w in r.weapons if w.head in nat_words]
    whole = replace(
        r,
        triggers=nat_t or list(r.triggers),
        place=None,
        district=None,
        casualties=nat_c,
        weapons=nat_weapons or list(r.weapons),
    )
    local = replace(
        r,
        triggers=loc_t,
        place=place,
        casualties=loc_c,
        multi=False,
        weapons=[w for w in r.weapons if w.head not in nat_words],
    )
    return [whole, local]


def _conj_group(tok: Token) -> set[int]:
    """A word and the words coordinated with it ("Odesa and Mykolaiv")."""
    top = tok
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    out: set[int] = set()
    stack = [top]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _split_coordinated(r: Report, places: Sequence[PlaceMention], doc: Doc) -> list[Report]:
    """ "Missiles struck Odesa and Mykolaiv, killing three": one attack on each place, and their
    toll, given for both together, an attack of its own without a place that covers them (dropped
    as a summary when the places' own tolls add up to it).  A toll whose clause names one of the
    places ("..., killing a woman in Odesa") is that place's; a city and its own region ("Odesa
    and the Odesa region") are one place."""
    p = r.place
    if p is None or p.demoted or p.level == "district":
        return [r]
    group = _conj_group(doc[p.start : p.end].root)
    others = [
        q
        for q in places
        if q is not p
        and q.level not in ("district",)
        and not (q.demoted or q.container or q.origin)
        and doc[q.start : q.end].root.i in group
        and q.name != p.name
        and _region_base(q.name) != _region_base(p.name)
    ]
    if not others:
        return [r]
    targets = (p, *others)
    out = [replace(r, place=q, casualties=[], district=None) for q in targets]
    combined: list[CasualtyFigure] = []
    for c in r.casualties:
        clause = _clause(doc[c.cue]) | {t.i for t in doc[c.start].subtree}
        own = {k for k, q in enumerate(targets) for q2 in places if q2.name == q.name and q2.start in clause}
        if len(own) == 1:
            out[own.pop()].casualties.append(c)
        else:
            combined.append(c)
    if combined:
        names = tuple(q.name for q in targets)
        out.insert(0, replace(r, place=None, district=None, multi=True, covers=names, casualties=combined))
    return out


def _part_reports(
    parts: Sequence[CasualtyFigure], places: Sequence[PlaceMention], base: Report | None, doc: Doc
) -> list[Report]:
    """ "At least 12 were killed in several regions, including three children in the Zhytomyr
    region": a part of a toll that names its own place is at least that toll there."""
    out: list[Report] = []
    if base is None:
        return out
    for c in parts:
        num = doc[c.start]
        noun = num.head if num.dep_ in ("nummod", "quantmod") else num
        covered = {t.i for t in noun.subtree}
        place = best_place([p for p in places if p.start in covered and not p.demoted])
        if place is None:
            continue
        out.append(replace(base, place=place, district=None, casualties=[c], multi=False, covers=()))
    return out


def _scoped(
    reports: list[Report],
    parts: Sequence[CasualtyFigure],
    places: Sequence[PlaceMention],
    sent: Span,
    multi_at: Sequence[int],
) -> list[Report]:
    """The sentence's reports, each split by what its words speak of (`_split_scope`,
    `_split_coordinated`), and the parts of its tolls that name their own place; `multi_at` is
    where the sentence speaks of many places ("across the country", "at five cities")."""
    doc = sent.doc
    scoped: list[Report] = []
    for r in reports:
        scoped.extend(_split_scope(r, multi_at, places, doc) if r.multi else [r])
    out = [x for r in scoped for x in _split_coordinated(r, places, doc)]
    base = next((r for r in out if r.casualties), out[0] if out else None)
    return out + _part_reports(parts, places, base, doc)
