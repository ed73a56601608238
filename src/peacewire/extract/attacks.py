"""Attacks: strikes, shelling, bombing and assaults, one event per attack.

Each body sentence is read for attack words (nouns, verbs, ground-combat
words, a weapon or a blast as the subject of a verb of impact: "a missile
tore through ..."), places (cities, regions, named sites such as "the
Crimean bridge", and "the city"/"the bridge" named before), weapons and
casualty counts; a sentence gives one report per attack it speaks of (two
when it contrasts a drone attack with an earlier missile barrage).  Reports
are then joined into events the way a reader follows the story: a report
naming a place joins the attack already reported there; "the strike" with a
place gives an unplaced attack its place; a city reported right after an
attack on its region ("the Moscow region ... killed in Domodedovo", blasts
heard in Lviv next to strikes on "the Lviv region") is that attack's most
specific place; a report with no place continues the attack being told,
unless its weapons show it is another one, and, in a story of an attack on
the whole country, once several places have been told it belongs to the
barrage as a whole (an attack without a location).  An attack keeps the
latest (largest) casualty figures its reports give; a country-wide total
that is just the sum of the attacks listed with it is no attack of its own.

Within a sentence, the words whose clause speaks of the whole country
("across the country", "at five cities") report the barrage, the others the
place they name; coordinated places ("struck Odesa and Mykolaiv") are one
attack each, their joint toll going to none of them; a part of a toll with a
place of its own ("including three in the Zhytomyr region") is at least that
toll there; a named building ("Okhmatdyt, the children's hospital") stands
for its city.  Weapons an attack hit and the aircraft a missile came from are
not its weapons; bodies found, never tied to an attack, are no attack (the
dead of an occupation).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from peacewire.extract.bodytext import BodySentence
from peacewire.extract.casualties import CasualtyFigure, find_casualties
from peacewire.extract.cues import EventCues
from peacewire.extract.eventdoc import EventDoc
from peacewire.extract.gazetteer import Gazetteer, fold
from peacewire.extract.locations import (
    REGION_WORDS,
    PlaceMention,
    best_place,
    doc_view,
    facility_places,
    find_places,
    first_district,
    is_metonym,
    site_places,
)
from peacewire.extract.parties import ActorLookup, party_of, state_of_word
from peacewire.extract.timing import days_before
from peacewire.extract.tokenview import TokenView
from peacewire.extract.weapons import (
    WeaponMention,
    event_weapons,
    find_weapons,
    weapon_lexicon,
    weapon_tokens,
)
from peacewire.records import Count, Event

MODAL_AUX: frozenset[str] = frozenset(
    {"would", "could", "might", "may", "should", "can", "will", "'d", "must"}
)
BACKGROUND_DAYS = 3
"""A report dated more than this before publication is background to the story."""
OLD_DAYS = 365
"""ANNOTATION.md: background events older than a year need a figure."""
SOUND_NOUNS: frozenset[str] = frozenset({"blast", "explosion"})
"""Heard blasts are an attack only with a weapon, a casualty or another attack word."""
BLAME_VERBS: frozenset[str] = frozenset({"blame", "accuse", "hold", "condemn", "fault"})
CARRY_OUT_VERBS: frozenset[str] = frozenset(
    {"carry out", "launch", "conduct", "stage", "mount", "unleash", "make", "perform", "execute"}
)
"""Verbs whose subject carries out the attack that is their object."""
NEW_EVENT_PREPS: frozenset[str] = frozenset({"after", "since", "before", "than", "like"})


@dataclass
class Report:
    """What one sentence says about one attack."""

    sent_no: int
    span: tuple[int, int]
    triggers: list[Token] = field(default_factory=list)
    place: PlaceMention | None = None
    district: PlaceMention | None = None
    weapons: list[WeaponMention] = field(default_factory=list)
    perpetrator: str | None = None
    casualties: list[CasualtyFigure] = field(default_factory=list)
    anaphoric: bool = False
    multi: bool = False
    cumulative: bool = False
    earlier: bool = False
    """Introduced as an earlier, other attack ("a week after Russia's barrage")."""
    days_before: int | None = None
    damage_only: bool = False
    weak: bool = False
    """Only blasts heard somewhere: names a place, never an attack of its own."""
    definite: bool = False
    """Its attack word is definite or owned ("the strike", "Ukraine's incursion"): one already known."""
    national: bool = False
    """Reports an attack on the country as a whole ("across the country", "against Ukraine's
    energy facilities")."""
    text: str = ""
    """The sentence, lower-cased (which places it mentions, offices included)."""
    bodies: bool = False
    """Its figures only count bodies found ("the bodies of 410 civilians were recovered")."""
    covers: tuple[str, ...] = ()
    """A toll given for several places together ("struck Odesa and Mykolaiv, killing three"): those
    places, which the toll adds up."""

    @property
    def groups(self) -> set[str]:
        return {w.group for w in self.weapons}

    def score(self) -> int:
        return (
            2 * len(self.casualties)
            + int(self.place is not None)
            + int(bool(self.triggers))
            + int(bool(self.weapons))
        )


@dataclass
class Attack:
    reports: list[Report] = field(default_factory=list)
    location: str | None = None
    sublocation: str | None = None
    multi: bool = False
    cumulative: bool = False
    level: str | None = None
    """The location's level (city, region, site)."""
    covers: tuple[str, ...] = ()
    """The places whose attacks a total without a place adds up (`Report.covers`)."""

    @property
    def groups(self) -> set[str]:
        return {g for r in self.reports for g in r.groups}

    @property
    def last_sent(self) -> int:
        return self.reports[-1].sent_no

    @property
    def day(self) -> int | None:
        """Days before publication, where its reports date it."""
        days = [r.days_before for r in self.reports if r.days_before is not None]
        return min(days) if days else None

    @property
    def background(self) -> bool:
        days = [r.days_before for r in self.reports if r.days_before is not None]
        return bool(days) and min(days) > BACKGROUND_DAYS

    def figure(self, kind: str) -> Count | None:
        cands = [c for r in self.reports for c in r.casualties if c.kind == kind]
        if not cands:
            return None
        # the latest figure: a revised one ("rose to", "was revised as") over
        # the first reports, else the largest (tolls grow as bodies are found)
        revised = [c for c in cands if c.revised]
        best = max(revised or cands, key=lambda c: (c.count.value, -c.start))
        return best.count

    def has_figure(self) -> bool:
        return any(r.casualties for r in self.reports)

    def perpetrator(self) -> str | None:
        for r in self.reports:
            if r.perpetrator:
                return r.perpetrator
        return None

    def weapons(self) -> list[str]:
        return event_weapons(w for r in self.reports for w in r.weapons)

    def evidence(self) -> tuple[int, int]:
        best = max(self.reports, key=lambda r: (r.score(), -r.sent_no))
        return best.span


# -- reading one sentence -------------------------------------------------


def _governed_by(tok: Token, words: frozenset[str], depth: int = 3) -> bool:
    """Whether a head above `tok` (a few steps up) is one of `words` (lemmas)."""
    cur = tok
    for _ in range(depth):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in words or cur.lower_ in words:
            return True
    return False


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ in ("dobj", "nsubjpass", "pobj", "attr") and any(c.dep_ == "neg" for c in head.children)


def _modal(verb: Token) -> bool:
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODAL_AUX for c in verb.children):
        return True
    # "to strike": an infinitive of intent or ability
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ in (
        "xcomp",
        "acl",
        "advcl",
    )


CLIMB_DEPS: frozenset[str] = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "obj",
        "attr",
        "pobj",
        "prep",
        "agent",
        "compound",
        "appos",
        "npadvmod",
        "oprd",
        "dative",
    }
)
SEPARATE_CLAUSES: frozenset[str] = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "acl"})


def reach(tok: Token) -> set[int]:
    """The tokens a word's report covers: its own phrase and, for an argument, its clause.

    "Ukraine's attack on the Kursk region" covers the region; "street
    fighting continues in Severodonetsk" covers the city through the verb.
    """
    out = {t.i for t in tok.subtree}
    cur = tok
    for _ in range(4):
        if cur.dep_ not in CLIMB_DEPS or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            break
    if cur.i != tok.i:
        out.add(cur.i)
        for c in cur.children:
            if c.dep_ in SEPARATE_CLAUSES and tok not in c.subtree:
                continue
            out.update(t.i for t in c.subtree)
    return out


def _phrasal(verb: Token) -> str:
    """The verb with its particle: "blow up", "bring down"."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {prt}" if prt else lemma


def _conditional(tok: Token) -> bool:
    """ "If attacks continue, ...": a hypothesis, not a report."""
    cur = tok
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _hits_target(verb: Token, cues: EventCues) -> bool:
    """ "blew up the dam", "the bridge was destroyed": damage done to infrastructure."""
    targets = cues.attack.targets
    return any(c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in targets for c in verb.children)


def _impact_subject(tok: Token, cues: EventCues, weapon_heads: frozenset[int]) -> bool:
    """A weapon or a blast as the subject of a verb of impact: "a missile tore through the
    building", "an explosion brought down part of the bridge"."""
    verb = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "agent" for v in (verb, *(c for c in verb.children if c.dep_ == "conj")) for c in v.children
    ):
        return True  # "the blast was carried out by ...": someone's attack
    if tok.dep_ != "nsubj" or verb.pos_ != "VERB":
        return False
    phrasal = _phrasal(verb)
    a = cues.attack
    if phrasal not in a.impact_verbs and verb.lemma_.lower() not in a.impact_verbs:
        return False
    return tok.i in weapon_heads or tok.lemma_.lower() in SOUND_NOUNS


def find_triggers(
    sent: Span,
    cues: EventCues,
    has_context: bool,
    places: Sequence[PlaceMention],
    weapon_heads: frozenset[int] = frozenset(),
    view: EventDoc | None = None,
    munition_heads: frozenset[int] = frozenset(),
) -> list[Token]:
    """The words of the sentence that report an attack that happened (not air defences destroying
    the drones of one: `munition_heads` are the heads of the missiles, drones and shells named)."""
    a = cues.attack
    out: list[Token] = []
    doc = sent.doc
    tokens = list(sent) if view is None else [doc[i] for i in view.tokens.indices(sent, a.trigger_words)]
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("NOUN", "PROPN"):
            if lemma not in a.nouns and lemma not in a.ground:
                continue
            if lemma in a.ground and lemma not in a.nouns and not _attached(tok, places):
                continue
            mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "det")}
            if mods & (a.irrealis_modifiers | a.not_modifiers) or "no" in mods:
                continue
            if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() not in a.nouns:
                continue  # "attack drones", "air raid alert"
            if _governed_by(tok, a.cancellers) or _negated(tok) or _conditional(tok):
                continue
            if lemma in SOUND_NOUNS and not has_context and not _impact_subject(tok, cues, weapon_heads):
                continue
            out.append(tok)
        elif tok.pos_ == "VERB":
            phrasal = _phrasal(tok)
            if lemma in a.ground and lemma not in a.verbs and _attached(tok, places):
                pass
            elif lemma in a.verbs:
                pass
            elif (lemma in a.context_verbs or phrasal in a.context_verbs) and (
                has_context or _hits_target(tok, cues)
            ):
                pass
            elif (lemma in a.impact_verbs or phrasal in a.impact_verbs) and any(
                c.dep_ == "nsubj" and c.i in weapon_heads for c in tok.children
            ):
                pass  # "a Russian missile tore through the building"
            else:
                continue
            if any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in a.not_objects for c in tok.children):
                continue
            if (lemma in INTERCEPT_VERBS or phrasal in INTERCEPT_VERBS) and any(
                c.dep_ in ("dobj", "obj", "nsubjpass") and c.i in munition_heads for c in tok.children
            ):
                continue  # "air defences destroyed 30 of the drones": an interception
            if _negated(tok) or _modal(tok) or _governed_by(tok, a.cancellers, depth=2) or _conditional(tok):
                continue
            out.append(tok)
    return out


def _attached(tok: Token, places: Sequence[PlaceMention]) -> bool:
    """Whether a place (not merely situating another) is in the word's report."""
    covered = reach(tok)
    return any(p.start in covered for p in places if not p.demoted and not p.container)


def _own_place(trigger: Token, places: Sequence[PlaceMention]) -> str | None:
    """The place in an attack word's own phrase ("a strike on Kharkiv", "shelling in Kherson")."""
    inside = {t.i for t in trigger.subtree}
    found = best_place([p for p in places if p.start in inside and not p.demoted])
    return found.name if found is not None else None


def _place_for(anchors: Sequence[Token], places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The place of a report: the best one in its words' own phrases ("a strike on X"), else in
    their clauses ("fighting continues in X"), else in the sentence."""
    own: set[int] = set()
    clause: set[int] = set()
    for t in anchors:
        own |= {x.i for x in t.subtree}
        clause |= reach(t)
    for covered in (own, clause):
        found = best_place([p for p in places if p.start in covered])
        if found is not None:
            return found
    found = best_place([p for p in places if _sets_scene(p, anchors)])
    if found is None and anchors:
        # the one building or site the sentence names, wherever it stands ("fragments found at the
        # hospital showed that it had been struck by a missile")
        usable = [p for p in places if (p.building or p.level == "site") and not (p.demoted or p.origin)]
        if usable and len({p.name for p in usable}) == 1:
            return usable[0]
    return found


def _sets_scene(p: PlaceMention, anchors: Sequence[Token]) -> bool:
    """A place that sets the scene of the whole sentence ("In Kharkiv, ...", "West of X, in the city
    of Y, reporters saw ..."): it hangs from the main verb through prepositions only."""
    if not anchors:
        return False
    doc = anchors[0].doc
    cur = doc[p.start]
    root = anchors[0].sent.root
    for _ in range(8):
        if cur.i == root.i:
            return True
        if (
            cur.dep_ not in ("pobj", "prep", "appos", "compound", "npadvmod", "conj", "cc")
            or cur.head.i == cur.i
        ):
            return False
        cur = cur.head
    return False


def _own_weapons(trigger: Token, weapons: Sequence[WeaponMention]) -> list[WeaponMention]:
    """Weapons tied to one attack word: "missile strikes", "a barrage of drones", "a missile struck"."""
    near: set[int] = set()
    for c in trigger.children:
        if c.dep_ in ("compound", "amod", "nsubj", "nsubjpass", "dobj"):
            near.update(t.i for t in c.subtree)
        if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "with", "by", "using"):
            near.update(t.i for t in c.subtree)
        if c.dep_ in ("acl", "advcl") and c.lemma_.lower() == "use":
            near.update(t.i for t in c.subtree)
    near.add(trigger.i)
    return [w for w in weapons if w.head in near or any(i in near for i in range(w.start, w.end))]


def _agent(trigger: Token, table: ActorLookup, gaz: Gazetteer, cues: EventCues) -> str | None:
    """Who the sentence says carried the attack out."""
    cands: list[Token] = []
    for c in trigger.children:
        if c.dep_ in ("poss",):
            cands.insert(0, c)
        elif c.dep_ in ("amod", "compound", "nmod") and c.i < trigger.i:
            cands.append(c)
        elif c.dep_ == "nsubj" and trigger.pos_ == "VERB":
            cands.insert(0, c)
        elif c.dep_ in ("agent", "prep") and c.lower_ == "by":
            cands.extend(p for p in c.children if p.dep_ == "pobj")
    if trigger.pos_ in ("NOUN", "PROPN"):
        verb = trigger.head
        if trigger.dep_ in ("nsubj", "nsubjpass"):
            # "the blast ... had been organised by Ukraine's special services"
            for v in (verb, *(c for c in verb.children if c.dep_ == "conj")):
                for c in v.children:
                    if c.dep_ == "agent":
                        cands.extend(p for p in c.children if p.dep_ == "pobj")
        elif trigger.dep_ in ("dobj", "obj") and _phrasal(verb) in CARRY_OUT_VERBS:
            cands.extend(c for c in verb.children if c.dep_ == "nsubj")  # "Russia carried out a strike"
    if trigger.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        if trigger.dep_ in ("xcomp", "conj"):
            # "Russian helicopters were seen firing at ...", "Russia struck X and shelled Y"
            cands.extend(c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    if trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children
    ):
        verb = trigger.head  # "Moscow stepped up its offensive": the owner is the verb's subject
        if trigger.dep_ in ("dobj", "obj") and verb.pos_ == "VERB":
            cands.extend(c for c in verb.children if c.dep_ == "nsubj")
    # "Kyiv blamed Moscow for the strike", "accused Ukraine of shelling"
    if trigger.dep_ in ("pobj", "pcomp") and trigger.head.lower_ in ("for", "of"):
        verb = trigger.head.head
        if verb.lemma_.lower() in BLAME_VERBS:
            cands = [c for c in verb.children if c.dep_ in ("dobj", "obj")] + cands
    # "the attack on the bridge, which Moscow blames on Ukrainian sea drones"
    for rel in (t for t in trigger.subtree if t.dep_ == "relcl" and t.lemma_.lower() in BLAME_VERBS):
        cands.extend(p for c in rel.children if c.lower_ == "on" for p in c.children if p.dep_ == "pobj")
    not_actors = cues.attack.nouns | weapon_lexicon().class_nouns
    for c in cands:
        if c.lemma_.lower() in not_actors:
            continue  # "missiles struck": the weapon's owner may be named below, not the weapon
        found = party_of(c, table, gaz, belligerent=True)
        if found:
            return found
    # a weapon as subject/agent: "a Russian missile struck", "hit by Russian rockets"
    for c in cands:
        for gc in c.children:
            if gc.dep_ in ("amod", "compound", "poss") and gc.i < c.i:
                found = party_of(gc, table, gaz, belligerent=True)
                if found:
                    return found
    return None


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


def _venue_place(p: PlaceMention, sent: Span, cues: EventCues) -> bool:
    """A place where people met or spoke ("talks in Abu Dhabi"), not where an attack was."""
    tok = sent.doc[p.end - 1]
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ in ("NOUN", "PROPN") and cur.lemma_.lower() in cues.attack.venue_nouns:
            return True
        if cur.pos_ == "VERB":
            return cur.lemma_.lower() in cues.attack.venue_verbs
    return False


def _nearest(items_at: Sequence[int], anchors: Sequence[int]) -> list[int]:
    """For each position, the index of its anchor: the last one before it, else the first."""
    out = []
    for pos in items_at:
        before = [k for k, a in enumerate(anchors) if a <= pos]
        out.append(before[-1] if before else 0)
    return out


@dataclass
class Story:
    """What the reader knows when reaching a sentence: the city last named ("the city") and the
    sites named so far ("the bridge")."""

    default_capital: str | None = None
    recent_city: str | None = None
    recent_sites: dict[str, str] = field(default_factory=dict)
    facilities: dict[str, str] = field(default_factory=dict)
    """Named buildings told so far, and "the hospital" for them, by the city they stand in."""
    places: list[PlaceMention] = field(default_factory=list)
    """The places of the sentence just read (not offices, venues or governments)."""


def read_places(
    sent: Span, gaz: Gazetteer, cues: EventCues, story: Story, view: EventDoc, known_only: bool = False
) -> list[PlaceMention]:
    """The places where something can happen in the sentence (no offices, venues or governments);
    the story learns them, and the sites the sentence names."""
    all_places = find_places(
        sent,
        gaz,
        cues.capitals,
        story.default_capital,
        story.recent_city,
        cues.attack.sites,
        story.recent_sites,
        view,
        known_only,
        story.facilities,
    )
    places = [p for p in all_places if not _venue_place(p, sent, cues) and not is_metonym(p, sent)]
    story.places = places
    story.recent_sites.update(site_places(sent, all_places, cues.attack.sites, view))
    story.facilities.update(
        facility_places(sent, places, cues.attack.targets - cues.attack.sites, view.tokens)
    )
    return places


def _names_places(sent: Span, cues: EventCues, view: EventDoc) -> bool:
    """Whether the sentence can name a city or a site for what follows ("the city", "the bridge")."""
    return any(i in view.places for i in range(sent.start, sent.end)) or view.tokens.has_any(
        sent, cues.attack.sites | {"capital"}
    )


LAUNCH_VERBS: frozenset[str] = frozenset({"launch", "fire", "drop", "shoot"})
MUNITION_GROUPS: frozenset[str] = frozenset({"projectile", "drone", "bomb", "ammunition"})
"""Weapon groups that fly at their target: hit or destroyed, they are an attack's own weapons."""
INTERCEPT_VERBS: frozenset[str] = frozenset(
    {"destroy", "intercept", "neutralise", "neutralize", "down", "shoot down", "bring down", "repel"}
)
"""Verbs that, with a munition as object, report air defence at work, not an attack."""


def _phrase_head(doc: Doc, w: WeaponMention) -> int:
    """The noun a weapon's words belong to ("KN-23 missiles" -> missiles; "30 of the drones" -> 30)."""
    head = doc[w.head]
    while head.dep_ in ("compound", "nmod", "amod") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.like_num:
        head = head.head.head  # "destroyed 30 of the 35 drones"
    return head.i


def _hit(w: WeaponMention, doc: Doc, cues: EventCues) -> bool:
    """A weapon an attack hit ("the drones hit Tu-95 bombers", "tanks were destroyed"): a target,
    not the attack's weapon (what is fired or launched is, and a missile or drone "destroyed" is
    one shot down)."""
    if w.group in MUNITION_GROUPS:
        return False
    head = doc[w.head]
    while head.dep_ in ("compound", "nmod", "amod", "conj") and head.head.i != head.i:
        head = head.head
    verb = head.head
    if head.dep_ not in ("dobj", "obj", "nsubjpass") or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    if lemma in LAUNCH_VERBS or _phrasal(verb) in ("shoot down", "bring down"):
        return False
    a = cues.attack
    return lemma in a.verbs or lemma in a.context_verbs or lemma in a.impact_verbs


def _platform(w: WeaponMention, doc: Doc) -> bool:
    """The aircraft a weapon was launched from ("Kinzhal missiles launched from MiG-31K jets"): not
    the attack's weapon (a launcher is: "fired 16 missiles from S-300 systems")."""
    if w.group != "aircraft":
        return False
    head = doc[w.head]
    while head.dep_ in ("compound", "nmod", "amod") and head.head.i != head.i:
        head = head.head  # "MiG-31K jets": the jets'
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "from" and prep.head.lemma_.lower() in LAUNCH_VERBS


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
        r.earlier = any(_earlier(t) for t in r.triggers) and len(reports) > 1
        for t in r.triggers:
            r.perpetrator = _agent(t, table, gaz, cues)
            if r.perpetrator:
                break
    return reports


SCOPE_PREPS: frozenset[str] = frozenset({"on", "at", "against", "across", "throughout", "over", "into"})


def _country_target(triggers: Sequence[Token], gaz: Gazetteer) -> bool:
    """An attack aimed at a whole country: "strikes on Ukraine", "fired missiles at Ukrainian
    cities", "a strike against Ukraine's energy facilities"."""
    for t in triggers:
        # the attack word's phrase, and for "carried out a strike ..." the verb's
        phrase = t.head if t.dep_ in ("dobj", "obj") and t.head.pos_ == "VERB" else t
        preps = [c for c in phrase.subtree if c.dep_ == "prep" and c.lower_ in SCOPE_PREPS]
        targets = [p for c in preps for p in c.children if p.dep_ == "pobj"]
        targets += [c for c in t.children if c.dep_ in ("dobj", "obj")]
        for p in targets:
            owners = [c for c in p.children if c.dep_ in ("poss", "amod", "compound") and c.i < p.i]
            if any(state_of_word(x, gaz) is not None for x in (p, *owners)):
                return True
    return False


def _heard_place(sent: Span, places: Sequence[PlaceMention], tokens: TokenView) -> PlaceMention | None:
    """The place of blasts or explosions the sentence reports without an attack word."""
    if not places:
        return None
    for i in tokens.indices(sent, SOUND_NOUNS):
        tok = sent.doc[i]
        if tok.lemma_.lower() in SOUND_NOUNS and tok.pos_ == "NOUN" and not _negated(tok):
            return best_place([p for p in places if not p.demoted])
    return None


def _own_weapons_of_group(group: Sequence[Token], weapons: Sequence[WeaponMention]) -> list[WeaponMention]:
    out: list[WeaponMention] = []
    for t in group:
        out.extend(_own_weapons(t, weapons))
    return out


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


# -- joining reports into attacks ---------------------------------------------


def _same_place(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return fold(a) == fold(b)


def _compatible(attack: Attack, report: Report) -> bool:
    """Whether a report can be of the attack: not with weapons of another kind, nor carried out
    by another party ("Ukraine's drones struck air bases ... the night Russia launched 472 drones")."""
    ga, gr = attack.groups, report.groups
    if ga and gr and not (ga & gr):
        return False
    mine = attack.perpetrator()
    return mine is None or report.perpetrator is None or mine == report.perpetrator


def _continued(attacks: list[Attack], last: Attack | None, sent_no: int, national: bool) -> Attack | None:
    """The attack a report without a place continues: the one just told; else, in a story of an
    attack on the whole country (`national`) once attacks on two or more places have been told,
    the barrage as a whole (no single place: a new attack without a location unless one is already
    told); else the story's main attack."""
    live = [a for a in attacks if not a.cumulative]
    if not live:
        return None
    if last is not None and not last.cumulative and not last.background and sent_no - last.last_sent <= 1:
        return last
    current = [a for a in live if not a.background]
    if national and len({fold(a.location) for a in current if a.location is not None}) >= 2:
        unplaced = [a for a in current if a.location is None]
        return unplaced[-1] if unplaced else None
    main = current or live
    return max(main, key=lambda a: (len(a.reports), -attacks.index(a)))


def _same_time(attack: Attack, report: Report) -> bool:
    """Whether a report at the attack's place can be of the same attack: an undated or a definite
    report can; another only of an attack of about its day ("in March, a similar strike on the city
    killed 35" is not today's strike on the city, told without a date)."""
    if report.days_before is None or report.definite:
        return True  # "the strike", "Ukraine's incursion": the one known, whatever the date
    day = attack.day
    if day is None:  # an attack told without a date: today's
        return report.days_before <= BACKGROUND_DAYS
    return abs(day - report.days_before) <= BACKGROUND_DAYS


def _region_base(name: str) -> str:
    """ "Lviv region" -> "lviv": the name a region shares with its main city."""
    words = fold(name).split()
    while len(words) > 1 and words[-1] in REGION_WORDS:
        words.pop()
    return " ".join(words)


def _refines(last: Attack | None, r: Report) -> bool:
    """A city report right after an attack on a region, with no attack word of its own, in that
    region ("... attack on the Moscow region. The region's governor said two were killed in
    Domodedovo"): the same attack, at its most specific place."""
    if last is None or r.place is None or r.place.level != "city" or last.level != "region":
        return False
    if last.location is None or r.sent_no - last.last_sent > 2 or last.has_figure() or last.cumulative:
        return False
    if r.triggers and not r.anaphoric:
        return False
    base = _region_base(last.location)
    return base in r.text or base == fold(r.place.name)


def assemble(reports: Sequence[Report]) -> list[Attack]:
    """Join sentence reports into attacks."""
    attacks: list[Attack] = []
    last: Attack | None = None
    heard: list[Report] = []
    national = any(r.national for r in reports)
    for r in reports:
        if r.weak:
            heard.append(r)
            continue
        if r.damage_only:
            if last is not None and r.sent_no - last.last_sent <= 2 and last.sublocation is None:
                if r.place is None or _same_place(r.place.name, last.location):
                    last.sublocation = r.district.name if r.district else None
            continue
        if r.cumulative and (r.triggers or r.casualties):
            attacks.append(Attack([r], r.place.name if r.place else None, cumulative=True))
            continue
        target: Attack | None = None
        new_place: PlaceMention | None = None
        if r.place is not None:
            same = [
                a
                for a in attacks
                if not a.cumulative
                and _same_place(a.location, r.place.name)
                and _compatible(a, r)
                and _same_time(a, r)
            ]
            if same:
                current = [a for a in same if not a.background] if r.days_before is None else []
                target = (current or same)[-1]
            elif (
                r.anaphoric
                and last is not None
                and last.location is None
                and not last.multi
                and not last.cumulative
                and _compatible(last, r)
            ):
                target, new_place = last, r.place
            elif _refines(last, r) and last is not None and _compatible(last, r):
                target, new_place = last, r.place
        elif r.covers:
            pass  # a toll of several places together: an attack of its own (maybe a summary)
        else:
            if r.multi:  # "across the country": the barrage as a whole, never one of its places
                unplaced = [a for a in attacks if a.location is None and not (a.cumulative or a.background)]
                cont = unplaced[-1] if unplaced else None
            else:
                cont = _continued(attacks, last, r.sent_no, national)
            if cont is not None and not r.earlier and (r.anaphoric or not r.triggers or _compatible(cont, r)):
                target = cont
        if target is None:
            target = Attack(
                location=r.place.name if r.place else None,
                multi=r.multi,
                level=r.place.level if r.place else None,
                covers=r.covers,
            )
            attacks.append(target)
        elif new_place is not None:
            target.location, target.level = new_place.name, new_place.level
        target.reports.append(r)
        if (
            r.district is not None
            and target.sublocation is None
            and (r.place is None or _same_place(r.place.name, target.location))
        ):
            target.sublocation = r.district.name
        target.multi = target.multi or (r.multi and target.location is None)
        last = target
    _place_by_heard(attacks, heard)
    return attacks


def _place_by_heard(attacks: Sequence[Attack], heard: Sequence[Report]) -> None:
    """An attack on "the Lviv region" next to blasts heard in Lviv took place in the city."""
    for a in attacks:
        if a.level != "region" or a.location is None:
            continue
        base = _region_base(a.location)
        for h in heard:
            if h.place is None or h.place.level != "city" or fold(h.place.name) != base:
                continue
            if any(abs(h.sent_no - r.sent_no) <= 2 for r in a.reports):
                a.location, a.level = h.place.name, "city"
                break


def _is_summary(a: Attack, others: Sequence[Attack]) -> bool:
    """A total without a place that just adds up the placed attacks reported with it."""
    if a.location is not None or not a.has_figure():
        return False
    day = a.day
    placed = [
        o
        for o in others
        if o is not a
        and o.location is not None
        and not o.cumulative
        and (day is None or o.day is None or abs(o.day - day) <= 1)  # not an attack of another day
        and (not a.covers or any(_same_place(o.location, c) for c in a.covers))
    ]
    if not placed:
        return False
    for kind in ("killed", "injured"):
        total = a.figure(kind)
        if total is None:
            continue
        parts = [o.figure(kind) for o in placed]
        if sum(p.value for p in parts if p is not None) != total.value:
            return False
    return True


def _counted(w: WeaponMention, doc: Doc) -> bool:
    """A weapon given a number ("about 100 missiles were fired", "dozens of drones"): a figure,
    which makes an attack told without a place or a named system one (ANNOTATION.md)."""
    head = doc[w.head]
    if any(c.dep_ == "nummod" and c.like_num for c in head.children):
        return True
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "of" and (prep.head.like_num or prep.head.pos_ == "NUM")


def keep(a: Attack, attacks: Sequence[Attack]) -> bool:
    """ANNOTATION.md: an attack names a place, a figure or a weapon system; old ones need a figure."""
    named = any(w.named for r in a.reports for w in r.weapons)
    counted = any(_counted(w, r.triggers[0].doc) for r in a.reports if r.triggers for w in r.weapons)
    if a.location is None and not a.has_figure() and not (named or counted):
        return False
    days = [r.days_before for r in a.reports if r.days_before is not None]
    if days and min(days) > OLD_DAYS and not a.has_figure():
        return False
    if not any(r.triggers for r in a.reports):
        if a.location is None or all(r.bodies for r in a.reports):
            return False  # bodies found, never tied to an attack: deaths, not a strike told
    return not _is_summary(a, attacks)


def to_event(a: Attack) -> Event:
    return Event(
        type="attack",
        span=a.evidence(),
        location=a.location,
        sublocation=a.sublocation,
        killed=a.figure("killed"),
        injured=a.figure("injured"),
        weapons=a.weapons(),
        perpetrator=a.perpetrator(),
    )


def extract_attacks(
    bodies: Sequence[BodySentence],
    table: ActorLookup,
    gaz: Gazetteer,
    cues: EventCues,
    published: str | None,
    default_capital: str | None,
    view: EventDoc | None = None,
    read: Sequence[bool] | None = None,
) -> list[Event]:
    """The attacks an article reports, one event each, in order of first report.

    `read[n]` says whether body sentence n holds an attack or casualty word at all; the others
    are only read for the places they name (what "the city" means later).
    """
    view = view or (doc_view(bodies[0].sent.doc) if bodies else None)
    reports: list[Report] = []
    story = Story(default_capital=default_capital)
    # a sentence without an attack word matters only for a later "the city" or "the bridge"
    referring = cues.attack.sites | {"city", "town"}
    last_reference = max(
        (
            n
            for n, b in enumerate(bodies)
            if (read is None or read[n]) and view and view.tokens.has_any(b.span, referring)
        ),
        default=-1,
    )
    for n, body in enumerate(bodies):
        assert view is not None
        if read is None or read[n]:
            found = sentence_reports(n, body, table, gaz, cues, published, story, view)
        else:
            found = []
            story.places = []
            if n < last_reference and _names_places(body.span, cues, view):
                read_places(body.span, gaz, cues, story, view, known_only=True)
        if found:
            low = fold(view.tokens.text_of(body.span))
            for r in found:
                r.text = low
                r.national = r.place is None and (r.multi or _country_target(r.triggers, gaz))
        reports.extend(found)
        cities = [r.place.name for r in found if r.place is not None and r.place.level == "city"]
        if not found:
            cities = [
                p.name for p in story.places if p.level == "city" and p.known and not (p.demoted or p.origin)
            ]
        if cities:
            story.recent_city = cities[-1]  # "the city" in what follows
    attacks = assemble(reports)
    return [to_event(a) for a in attacks if keep(a, attacks)]
