"""Arms transfers: weapons supplied by one actor to another.

A transfer is read from a supply verb ("sent", "delivered", "will provide",
"has pledged", "began supplying X with"), a receiving verb ("Russia received
... from"), a supply participle on a weapon ("US-supplied ATACMS", "the
system promised by Germany") or a supply noun ("a weapons package for
Ukraine", "Germany's delivery of tanks", "announced a package including ..."),
with a weapon (a system, a class, or weapons in general: aid given only as
money is no transfer).  A supply that is refused, denied, asked for or only
hypothetical ("if partners provide", "could consider supplying") is none.

The supplier is the subject of the supply (a pronoun or "his country" stands
for the speaker's state); the recipient is whoever the supply goes to ("to
Kyiv", "for Ukraine's forces", "giving Ukraine ...", "supplying Pyongyang
with"), else the one who receives or uses the weapons ("would reach
Ukraine", "which Russia has fired"), else the recipient of the article's
previous transfer, else the side the supplier is known to arm
(`data/event_cues.yaml`).  The quantity is a count of the weapons themselves
("up to 4.8 million artillery shells", not the "10,000 containers" they came
in); a package that lists several systems each with its own count is one
transfer per system, and a system without a count beside a counted one gets
none ("Gepard guns and 18 Leopard tanks"); "16 of the systems" counts the
system named last; each object of "received ... from X" has its supplier.
The source is whoever the sentence attributes the figure to ("X said",
"according to X"), given only with a figure.  Reports of the same supply
(same parties, same kind of weapon) are one transfer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from peacewire.extract.bodytext import BodySentence
from peacewire.extract.cues import EventCues
from peacewire.extract.gazetteer import Gazetteer
from peacewire.extract.lexicon import reporting_lexicon
from peacewire.extract.numbers import Figure, find_figures
from peacewire.extract.parties import (
    PRONOUNS,
    ActorLookup,
    party_of,
    phrase_actor,
    speaker_party,
    state_of_actor,
)
from peacewire.extract.tokenview import TokenView
from peacewire.extract.weapons import WeaponMention, find_weapons, weapon_lexicon, weapon_tokens
from peacewire.records import Count, Event

CONDITIONAL_MARKS: frozenset[str] = frozenset({"if", "unless", "whether"})
HYPOTHETICAL_MODALS: frozenset[str] = frozenset({"could", "might", "may", "should"})
ESTIMATE_VERBS: frozenset[str] = frozenset({"estimate", "calculate", "assess", "count"})
QUANTITY_BRIDGE_POS: frozenset[str] = frozenset({"ADJ", "PROPN", "NOUN", "NUM", "PUNCT", "CCONJ"})
CLAUSE_DEPS: frozenset[str] = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj"})
PARTICIPLE_DEPS: frozenset[str] = frozenset({"amod", "acl", "compound"})
TO_PREPS: frozenset[str] = frozenset({"to", "for"})


@dataclass
class Supply:
    sent_no: int
    span: tuple[int, int]
    supplier: str | None
    recipient: str | None
    weapons: list[WeaponMention] = field(default_factory=list)
    quantity: Count | None = None
    source: str | None = None
    package: tuple[int, int] | None = None
    """Set on the items of one package counted apart: (sentence, trigger); they stay apart."""

    @property
    def groups(self) -> set[str]:
        return {w.group for w in self.weapons}

    @property
    def systems(self) -> set[str]:
        return {w.system for w in self.weapons if w.system}


# -- who supplies ---------------------------------------------------------


def _subject_of(verb: Token, depth: int = 4) -> Token | None:
    """The subject of the verb, or of the verb or adjective it depends on ("is expected to start delivering",
    "issued a declaration pledging ..." -> the one who issued it)."""
    cur = verb
    for _ in range(depth):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in ("xcomp", "conj", "relcl", "acomp"):  # "is ready to hand": the copula's subject
            cur = cur.head
        elif (
            cur.dep_ == "acl"
            and cur.head.dep_ in ("dobj", "obj", "attr")
            and cur.head.head.pos_
            in (
                "VERB",
                "AUX",
            )
        ):
            cur = cur.head.head  # "The G7 issued a declaration pledging ..."
        elif cur.dep_ == "acl":
            cur = cur.head
        else:
            return None
    return None


def _pobj(tok: Token, preps: frozenset[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


# -- to whom ----------------------------------------------------------------


def _to_party(tok: Token, table: ActorLookup, gaz: Gazetteer, depth: int = 2) -> str | None:
    """A "to X"/"for X" among the word's phrases, down through its objects ("tanks to Ukraine",
    "for Ukraine's forces"), not into other clauses."""
    found = _pobj(tok, TO_PREPS)
    if found is not None:
        party = speaker_party(found, table, gaz)
        if party is None and found.lemma_.lower() in gaz.roles.state_nouns | gaz.roles.military_nouns:
            # "for Ukraine's forces", "to the Ukrainian army": the owner names the party (not in
            # "for Patriot systems", where it names the make)
            for c in found.children:
                if c.dep_ in ("poss", "amod", "compound") and c.i < found.i:
                    party = party_of(c, table, gaz)
                    if party:
                        break
        if party is not None:
            return party
    if depth <= 0:
        return None
    for c in tok.children:
        if c.lower_ in ("according", "from", "by", "with", "than"):
            continue  # "according to X", "from its stocks": not where the supply goes
        if c.dep_ in ("dobj", "obj", "appos", "conj", "pobj", "prep", "attr"):
            found_party = _to_party(c, table, gaz, depth - 1)
            if found_party is not None:
                return found_party
    return None


def _user_of(weapon_head: Token, cues: EventCues, table: ActorLookup, gaz: Gazetteer) -> str | None:
    """Who receives or uses the weapon: "would reach Ukraine", "authorised Ukraine to use the
    ATACMS", "missiles, dozens of which Russia has fired"."""
    t = cues.transfer
    head = weapon_head.head
    if weapon_head.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in t.arrival_verbs:
        obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
        target = obj or _pobj(head, frozenset({"in", "to", "into"}))
        found = speaker_party(target, table, gaz)
        if found:
            return found
    if weapon_head.dep_ in ("dobj", "obj") and head.lemma_.lower() in t.use_verbs:
        subj = next((c for c in head.children if c.dep_ in ("nsubj",)), None)
        if subj is None and head.dep_ == "xcomp":
            # "authorised Ukraine to use": the object of the verb above uses it
            subj = next((c for c in head.head.children if c.dep_ in ("dobj", "obj")), None)
            subj = subj or next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        found = speaker_party(subj, table, gaz)
        if found:
            return found
    for c in weapon_head.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in t.use_verbs:
            subj = next(
                (s for s in c.children if s.dep_ == "nsubj" and s.lower_ not in ("which", "that")), None
            )
            found = speaker_party(subj, table, gaz)
            if found:
                return found
        if c.dep_ == "poss":  # "Ukraine's ATACMS"
            found = party_of(c, table, gaz)
            if found:
                return found
    return None


def _is_weapon(tok: Token, weapons: Sequence[WeaponMention]) -> bool:
    """The word is a weapon's, or a noun a named system qualifies ("three Patriot systems")."""
    if any(w.head == tok.i or w.start <= tok.i < w.end for w in weapons):
        return True
    return any(
        c.dep_ == "compound" and any(w.named and w.start <= c.i < w.end for w in weapons) for c in tok.lefts
    )


def _verb_parties(
    trigger: Token, weapons: Sequence[WeaponMention], table: ActorLookup, gaz: Gazetteer, cues: EventCues
) -> tuple[str | None, str | None]:
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)
    recipient: str | None = None
    if passive:
        supplier = speaker_party(_pobj(trigger, frozenset({"by"})), table, gaz)
        subj = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and _pobj(trigger, frozenset({"with"})) is not None:
            recipient = speaker_party(subj, table, gaz)  # "Ukraine was supplied with ..."
        elif subj is not None and _is_weapon(subj, weapons):
            recipient = _user_of(subj, cues, table, gaz)
    else:
        supplier = speaker_party(_subject_of(trigger), table, gaz)
    if recipient is None:
        recipient = _to_party(trigger, table, gaz, depth=0)
    if recipient is None:
        # "giving Ukraine what it needs", "supplying Pyongyang with tanks": a party as the object
        for c in trigger.children:
            if c.dep_ in ("dative", "dobj", "obj") and not _is_weapon(c, weapons):
                recipient = speaker_party(c, table, gaz)
                if recipient is not None:
                    break
    if recipient is None:
        recipient = _to_party(trigger, table, gaz)  # "the first four of its tanks to Ukraine"
    if recipient is None:
        for c in trigger.children:
            if c.dep_ in ("dobj", "obj") and _is_weapon(c, weapons):
                recipient = _user_of(c, cues, table, gaz)
    return supplier, recipient


def _participle_parties(
    trigger: Token, table: ActorLookup, gaz: Gazetteer, cues: EventCues
) -> tuple[str | None, str | None]:
    """ "US-supplied ATACMS", "the IRIS-T system promised by Germany would reach Ukraine"."""
    supplier = speaker_party(_pobj(trigger, frozenset({"by"})), table, gaz)
    if supplier is None:
        for c in trigger.children:
            if c.dep_ in ("npadvmod", "compound", "nmod", "amod", "poss") and c.i < trigger.i:
                supplier = party_of(c, table, gaz)
                if supplier:
                    break
    if supplier is None and trigger.i > 0:
        prev = trigger.doc[trigger.i - 1]
        if prev.text in ("-", "‐") and trigger.i > 1:
            supplier = party_of(trigger.doc[trigger.i - 2], table, gaz)
    if supplier is None:
        for c in trigger.head.children:  # "Germany's promised tanks"
            if c.dep_ == "poss":
                supplier = speaker_party(c, table, gaz)
                break
    recipient = _to_party(trigger, table, gaz) or _user_of(trigger.head, cues, table, gaz)
    return supplier, recipient


def _noun_parties(
    trigger: Token, table: ActorLookup, gaz: Gazetteer, cues: EventCues
) -> tuple[str | None, str | None]:
    """ "a weapons package for Ukraine", "Germany's delivery of tanks", "announced a package"."""
    recipient = _to_party(trigger, table, gaz, depth=1)
    supplier = None
    for c in trigger.children:
        if c.dep_ in ("poss", "amod", "compound") and c.i < trigger.i:
            supplier = speaker_party(c, table, gaz) if c.dep_ == "poss" else party_of(c, table, gaz)
            supplier = supplier or None
            if supplier:
                break
    if supplier is None:
        supplier = speaker_party(_pobj(trigger, frozenset({"by", "from"})), table, gaz)
    if (
        supplier is None
        and trigger.dep_ in ("dobj", "obj")
        and trigger.head.lemma_.lower() in cues.transfer.package_verbs | cues.transfer.verbs
    ):
        supplier = speaker_party(_subject_of(trigger.head), table, gaz)  # "Spain announced a package"
    return supplier, recipient


def _parties(
    trigger: Token, weapons: Sequence[WeaponMention], table: ActorLookup, gaz: Gazetteer, cues: EventCues
) -> tuple[str | None, str | None]:
    lemma = trigger.lemma_.lower()
    t = cues.transfer
    if trigger.pos_ == "VERB" and lemma in t.receive_verbs:
        recipient = speaker_party(_subject_of(trigger), table, gaz)
        supplier = speaker_party(_pobj(trigger, frozenset({"from"})), table, gaz)
        return supplier, recipient
    if _is_participle(trigger, weapons):
        return _participle_parties(trigger, table, gaz, cues)
    if trigger.pos_ == "VERB":
        return _verb_parties(trigger, weapons, table, gaz, cues)
    return _noun_parties(trigger, table, gaz, cues)


# -- whether it happened ------------------------------------------------------


def _conditional(verb: Token) -> bool:
    cur = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in cur.children):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _cancelled(tok: Token, cues: EventCues, participle: bool) -> bool:
    """Refused, denied, only asked for or hypothetical ("could consider supplying", "urged partners to
    send"); a supply participle on a weapon only by its own negation ("non-US-supplied")."""
    if any(c.dep_ == "neg" or c.lower_ == "no" for c in tok.children):
        return True
    if participle:
        return False
    t = cues.transfer
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in tok.children):
        return True
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        if cur.dep_ in ("ccomp", "parataxis", "relcl"):
            break  # "X said it would send": the reporting verb above does not cancel it
        if cur.dep_ == "conj" and cur.head.lemma_.lower() not in t.verbs:
            break  # "Kyiv needs tanks, and Berlin will send them": another clause
        cur = cur.head
        lemma = cur.lemma_.lower()
        if lemma in t.cancellers or lemma in t.irrealis or any(c.dep_ == "neg" for c in cur.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in cur.children):
            return True
    return False


def _is_participle(tok: Token, weapons: Sequence[WeaponMention]) -> bool:
    """A supply verb's participle on a weapon: "US-supplied ATACMS", "a system promised by Germany"."""
    return tok.tag_ == "VBN" and tok.dep_ in PARTICIPLE_DEPS and bool(_noun_weapons(tok.head, weapons))


def _noun_weapons(noun: Token, weapons: Sequence[WeaponMention]) -> list[WeaponMention]:
    """The weapons named in a noun's phrase up to the noun ("the first IRIS-T system", "HIMARS rockets")."""
    lo = noun.left_edge.i
    return [w for w in weapons if lo <= w.start and w.end <= noun.i + 1 or w.head == noun.i]


def _triggers(sent: Span, cues: EventCues, weapons: Sequence[WeaponMention]) -> list[Token]:
    t = cues.transfer
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and (lemma in t.verbs or lemma in t.receive_verbs):
            out.append(tok)
        elif tok.pos_ == "NOUN" and lemma in t.nouns:
            has_to = any(c.dep_ == "prep" and c.lower_ in TO_PREPS for c in tok.children)
            own = any(tok.left_edge.i <= w.head <= tok.right_edge.i and w.head != tok.i for w in weapons)
            if has_to or own:
                out.append(tok)
    return out


# -- how many, said by whom ------------------------------------------------------


def _count_of(
    sent: Span, weapon: WeaponMention, figures: Sequence[Figure], taken: set[int] | None = None
) -> Figure | None:
    """The count before a weapon's phrase ("25 Leopard 1A5 tanks", "the first four of its promised
    Leopard 2 tanks", "dozens of ballistic missiles"), not one that counts something else."""
    doc = sent.doc
    for f in reversed(figures):
        if f.end > weapon.start or (taken is not None and f.num_start in taken):
            continue
        k = f.end
        if k < sent.end and doc[k].lower_ == "of":
            k += 1
        between = doc[k : weapon.start]
        if len(between) > 4:
            return None
        ok = all(
            (t.pos_ in QUANTITY_BRIDGE_POS or t.tag_ in ("PRP$", "VBN") or t.lower_ in ("more", "additional"))
            and t.lemma_.lower() != "container"
            and not t.like_num
            for t in between
        )
        return f if ok else None
    return None


def _weapon_quantity(sent: Span, weapons: Sequence[WeaponMention], figures: Sequence[Figure]) -> Count | None:
    """A count of weapons: the number before the weapon's phrase ("148 KN-23 and KN-24 missiles",
    "dozens of ballistic missiles")."""
    for w in weapons:
        f = _count_of(sent, w, figures)
        if f is not None:
            return f.count()
    return None


def _source(
    sent: Span, anchor: Token, table: ActorLookup, gaz: Gazetteer, supplier: str | None = None
) -> str | None:
    """Who the sentence attributes the supply (or its figure) to: "X said", "according to X"
    ("according to its defence ministry": the supplier's)."""
    lex = reporting_lexicon()
    doc = sent.doc
    for tok in sent:
        if tok.lemma_.lower() == "accord" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            obj = _pobj(tok, frozenset({"to"}))
            if obj is not None:
                found = _source_name(obj, table, gaz, supplier)
                if found:
                    return found
    best: Token | None = None
    anywhere: Token | None = None
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or (lemma not in lex.verbs and lemma not in ESTIMATE_VERBS):
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subj or subj[0].lemma_.lower() in lex.vague_subjects:
            continue
        if any(c.dep_ in ("dobj", "obj") and c.i == anchor.i for c in tok.children):
            continue  # "Biden announced a package": the supply itself, not a source
        anywhere = tok  # ", X said." closing the sentence attributes all of it
        if anchor in tok.subtree or any(c.i == anchor.i for c in tok.subtree):
            if best is None or len(list(tok.subtree)) < len(list(best.subtree)):
                best = tok
    best = best or anywhere
    if best is None:
        return None
    who = next(c for c in best.children if c.dep_ == "nsubj")
    return _source_name(who, table, gaz, supplier)


def _source_name(tok: Token, table: ActorLookup, gaz: Gazetteer, supplier: str | None = None) -> str | None:
    """A named official by name; a body by its name as the article gives it; a body owned by a
    pronoun ("its defence ministry") is the supplier's, given by the supplier's name."""
    if tok.lower_ in PRONOUNS:
        return None
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
        return supplier
    span, actor = phrase_actor(tok, table)
    if actor is not None and actor.type != "media":
        return actor.name
    if actor is None and tok.pos_ in ("NOUN", "PROPN"):
        return span.text
    return state_of_actor(actor, gaz)


# -- one sentence ------------------------------------------------------------------


def _owned(
    trigger: Token, weapons: Sequence[WeaponMention], triggers: Sequence[Token] = ()
) -> list[WeaponMention]:
    """The weapons in the trigger's own phrase (a participle's: the weapon it modifies), not in
    another clause with a subject of its own ("X sent 31 tanks, and Y sent 14", "..., and the US
    will follow with 31 Abrams")."""
    if _is_participle(trigger, weapons):
        return _noun_weapons(trigger.head, weapons)
    inside = {t.i for t in trigger.subtree}
    for other in trigger.subtree:
        if (
            other.i != trigger.i
            and other.dep_ in CLAUSE_DEPS | {"conj"}
            and other.pos_ in ("VERB", "AUX")
            and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS for c in other.children
            )
        ):
            inside -= {t.i for t in other.subtree}  # not "a package that will include ..."
    return [w for w in weapons if w.head in inside or any(i in inside for i in range(w.start, w.end))]


def _items(
    sent: Span, weapons: Sequence[WeaponMention], figures: Sequence[Figure]
) -> list[tuple[list[WeaponMention], Count | None]]:
    """The supply's weapons as one item, or one item per weapon when several kinds each have their
    own count ("25 Leopard 1A5 tanks, 40 Marder vehicles and two Patriot launchers")."""
    doc = sent.doc

    def inside(c: WeaponMention, n: WeaponMention) -> bool:
        return not c.named and n.named and n.start < c.start and doc[c.head].left_edge.i <= n.start

    heads = [w for w in weapons if not any(inside(w, n) for n in weapons)]
    counted: list[tuple[WeaponMention, Figure]] = []
    taken: set[int] = set()
    for w in heads:
        f = _count_of(sent, w, figures, taken)
        if f is not None:
            counted.append((w, f))
            taken.add(f.num_start)
    kinds = {w.system or w.label for w, _ in counted}
    phrases: set[int] = set()  # "148 KN-23 and KN-24 missiles": one count of both systems
    for _, f in counted:
        num = doc[f.num_start]
        noun = num.head if num.dep_ in ("nummod", "quantmod") else num
        phrases.update(t.i for t in noun.subtree)
        phrases -= {t.i for c in noun.children if c.dep_ == "conj" for t in c.subtree}  # "and Stingers"
    uncounted = [w for w in heads if w not in (c for c, _ in counted) and w.named and w.head not in phrases]
    other_kinds = {w.system or w.label for w in uncounted} - kinds
    if counted and other_kinds and len(kinds) == len(counted):
        # "Gepard guns and 18 Leopard 2 tanks": the count is the tanks' only, not the other system's
        rest = [w for w in uncounted if (w.system or w.label) in other_kinds]
        items = [([w, *(c for c in weapons if inside(c, w))], f.count()) for w, f in counted]
        rest_item = [*rest, *(c for c in weapons if any(inside(c, r) for r in rest))]
        return [*items, (rest_item, None)]
    if len(counted) < 2 or len(kinds) < 2:
        return [(list(weapons), _weapon_quantity(sent, weapons, figures))]
    return [([w, *(c for c in weapons if inside(c, w))], f.count()) for w, f in counted]


def sentence_supplies(
    sent_no: int,
    body: BodySentence,
    table: ActorLookup,
    gaz: Gazetteer,
    cues: EventCues,
    view: TokenView | None = None,
    earlier: Callable[[], list[WeaponMention]] | None = None,
) -> list[Supply]:
    """The supplies one sentence reports; `earlier` gives the systems named in the sentences just
    before (what "16 of the systems" counts when the sentence names none)."""
    sent = body.span
    weapons = find_weapons(sent, view=view)
    if not weapons and not (earlier is not None and _may_refer(sent, cues, view)):
        return []
    figures = find_figures(sent, weapon_tokens(weapons), cues.numbers, view)
    triggers = _triggers(sent, cues, weapons)
    owned = {id(t): _owned(t, weapons, triggers) for t in triggers}
    claimed = {w.start for ws in owned.values() for w in ws}
    unclaimed = [w for w in weapons if w.start not in claimed]
    out: list[Supply] = []
    for trig in triggers:
        participle = _is_participle(trig, weapons)
        if _cancelled(trig, cues, participle) or _conditional(trig):
            continue
        supplier, recipient = _parties(trig, weapons, table, gaz, cues)
        deals = _receipts(trig, weapons, figures, table, gaz, cues)
        if not deals:
            if supplier is None or supplier == recipient:
                continue
            mine = owned[id(trig)] or unclaimed
            counted = _anaphoric_count(sent, trig, figures, weapons, cues, earlier)
            if counted is not None:
                items: list[tuple[list[WeaponMention], Count | None]] = [([counted[1]], counted[0].count())]
            elif mine:
                items = _items(sent, mine, figures)
            else:
                continue
            deals = [(supplier, recipient, items)]
        for giver, taker, items in deals:
            package = (sent_no, trig.i) if len(items) > 1 else None
            for item, qty in items:
                anchor = sent.doc[figures[0].num_start] if qty is not None and figures else trig
                supply = Supply(
                    sent_no,
                    (sent.start_char, sent.end_char),
                    giver,
                    taker,
                    list(item),
                    qty,
                    _source(sent, anchor, table, gaz, giver),
                    package,
                )
                same = [s for s in out if _same_supply(s, supply)]
                if same:
                    _merge(same[0], supply)
                else:
                    out.append(supply)
    return out


Deal = tuple[str, str | None, list[tuple[list[WeaponMention], Count | None]]]


def _receipts(
    trig: Token,
    weapons: Sequence[WeaponMention],
    figures: Sequence[Figure],
    table: ActorLookup,
    gaz: Gazetteer,
    cues: EventCues,
) -> list[Deal]:
    """ "Ukraine received 12 Caesar howitzers from France and six Patriot launchers from Germany":
    each object of a receiving verb with its own "from X" is a supply by X."""
    if trig.pos_ != "VERB" or trig.lemma_.lower() not in cues.transfer.receive_verbs:
        return []
    if _pobj(trig, frozenset({"from"})) is not None:
        return []
    recipient = speaker_party(_subject_of(trig), table, gaz)
    objects = [c for c in trig.children if c.dep_ in ("dobj", "obj")]
    k = 0
    while k < len(objects):
        objects.extend(c for c in objects[k].children if c.dep_ == "conj")
        k += 1
    out: list[Deal] = []
    for obj in objects:
        supplier = speaker_party(_pobj(obj, frozenset({"from"})), table, gaz)
        if supplier is None or supplier == recipient:
            continue
        own = {t.i for t in obj.subtree} - {t.i for c in obj.children if c.dep_ == "conj" for t in c.subtree}
        mine = [w for w in weapons if w.head in own]
        if mine:
            counted = [f for f in figures if f.num_start in own]
            out.append((supplier, recipient, [(mine, _weapon_quantity(trig.sent, mine, counted))]))
    return out


RELATIVE_PRONOUNS: frozenset[str] = frozenset({"that", "which", "who", "whom"})
ANAPHOR_DETS: frozenset[str] = frozenset({"the", "these", "those", "its", "their", "such"})


def _may_refer(sent: Span, cues: EventCues, view: TokenView | None) -> bool:
    """Whether the sentence may count weapons named before ("16 of the systems")."""
    if view is None:
        return True
    return view.has_any(sent, frozenset({"of"})) and view.has_any(sent, cues.transfer.anaphors)


def _anaphoric_count(
    sent: Span,
    trig: Token,
    figures: Sequence[Figure],
    weapons: Sequence[WeaponMention],
    cues: EventCues,
    earlier: Callable[[], list[WeaponMention]] | None,
) -> tuple[Figure, WeaponMention] | None:
    """ "HIMARS launchers; Washington has committed 16 of the systems": a count of a definite
    weapon noun in the supply's phrase counts the system named last (in the sentence, else in the
    sentences just before), one of the noun's class where one is."""
    doc = sent.doc
    inside = {t.i for t in trig.subtree}
    for f in figures:
        if f.num_start not in inside or f.end >= sent.end or doc[f.end].lower_ != "of":
            continue
        noun = next((c for c in doc[f.end].children if c.dep_ == "pobj"), None)
        if noun is None or noun.lemma_.lower() not in cues.transfer.anaphors:
            continue
        if not any(c.dep_ in ("det", "poss") and c.lower_ in ANAPHOR_DETS for c in noun.children):
            continue
        if any(w.named and noun.left_edge.i <= w.start and w.end <= noun.i + 1 for w in weapons):
            continue  # "six of its promised Krab howitzers": named here, counted as usual
        named = [w for w in weapons if w.named and w.end <= f.start]
        if not named and earlier is not None:
            named = earlier()
        if not named:
            return None
        lex = weapon_lexicon()
        same_class = [
            w for w in named if (c := lex.cls(w.cls)) is not None and noun.lemma_.lower() in c.nouns
        ]
        return f, (same_class or named)[-1]
    return None


def _same_supply(a: Supply, b: Supply) -> bool:
    """Same supplier, same (or an unknown) recipient, and not two systems counted apart."""
    if a.supplier != b.supplier or (a.package is not None and a.package == b.package):
        return False
    if a.recipient is not None and b.recipient is not None and a.recipient != b.recipient:
        return False
    return not (a.systems and b.systems and not (a.systems & b.systems))


def _merge(into: Supply, other: Supply) -> None:
    into.recipient = into.recipient or other.recipient
    for w in other.weapons:
        if w not in into.weapons:
            into.weapons.append(w)
    if into.quantity is None and other.quantity is not None:
        into.quantity = other.quantity
        into.span = other.span
        into.source = other.source or into.source  # who gives the figure
    into.source = into.source or other.source


def assemble(supplies: Sequence[Supply]) -> list[Supply]:
    """Join reports of one supply: same supplier, same (or unknown) recipient, same kind of weapon."""
    out: list[Supply] = []
    for s in supplies:
        match = next(
            (
                o
                for o in out
                if _same_supply(o, s) and (o.groups & s.groups or "general" in o.groups | s.groups)
            ),
            None,
        )
        if match is not None:
            _merge(match, s)
        else:
            out.append(s)
    return out


def fill_recipients(supplies: Sequence[Supply], cues: EventCues) -> list[Supply]:
    """A supply whose recipient the sentence leaves implicit goes to the side its supplier is known
    to arm (`default_recipients`), else to the recipient of the article's previous transfer unless
    that is a belligerent other than the supplier's default side; one still without a recipient is
    dropped."""
    out: list[Supply] = []
    last: str | None = None
    t = cues.transfer
    for s in sorted(supplies, key=lambda s: s.sent_no):
        if s.recipient is None:
            default = t.default_recipients.get(s.supplier or "")
            if s.supplier in t.side_of:
                s.recipient = default  # Iran, North Korea: the side they are reported to arm
            elif last is not None and last != s.supplier and (default is None or last not in t.belligerents):
                s.recipient = last
            else:
                s.recipient = default  # a Western supply after one to Russia still goes to Ukraine
        if s.recipient is None or s.recipient == s.supplier:
            continue
        last = s.recipient
        out.append(s)
    return out


def _weapon_names(weapons: Sequence[WeaponMention]) -> list[str]:
    """Named systems, else the classes as written; "weapons" in general only if nothing else."""
    named = [w.label for w in weapons if w.named]
    items = named or [w.phrase for w in weapons if not w.generic] or [w.phrase for w in weapons]
    seen: list[str] = []
    for it in items:
        if it.lower() not in (x.lower() for x in seen):
            seen.append(it)
    return seen


EARLIER_SENTENCES = 3
"""How far back "16 of the systems" looks for the system it counts."""


def _named_before(
    bodies: Sequence[BodySentence], view: TokenView | None
) -> Callable[[], list[WeaponMention]]:
    """The named systems of these sentences, found only when asked for."""

    def named() -> list[WeaponMention]:
        return [w for b in bodies for w in find_weapons(b.span, view=view) if w.named]

    return named


def extract_transfers(
    bodies: Sequence[BodySentence],
    table: ActorLookup,
    gaz: Gazetteer,
    cues: EventCues,
    view: TokenView | None = None,
    read: Sequence[bool] | None = None,
) -> list[Event]:
    """The arms transfers of an article; `read[n]` says whether body sentence n has a supply word."""
    supplies: list[Supply] = []
    for n, body in enumerate(bodies):
        if read is None or read[n]:
            before = bodies[max(0, n - EARLIER_SENTENCES) : n]
            supplies.extend(sentence_supplies(n, body, table, gaz, cues, view, _named_before(before, view)))
    found = fill_recipients(assemble(supplies), cues)
    return [
        Event(
            type="arms_transfer",
            span=s.span,
            supplier=s.supplier,
            recipient=s.recipient,
            weapons=_weapon_names(s.weapons),
            quantity=s.quantity,
            source=s.source if s.quantity is not None else None,  # "source of the figure where given"
        )
        for s in sorted(found, key=lambda s: s.sent_no)
    ]
