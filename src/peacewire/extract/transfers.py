"""Arms transfers: weapons supplied by one actor to another.

A transfer is read from a supply verb ("sent", "delivered", "will provide",
"began supplying X with"), a receiving verb ("Russia received ... from") or a
supply noun ("a weapons package for Ukraine"), in a sentence that names a
weapon (a system or a class: aid given only as money is no transfer).  The
supplier and the recipient must both be named; a supply that is refused,
denied or only hypothetical ("if partners provide") is none.  The quantity is
a count of the weapons themselves ("up to 4.8 million artillery shells",
not the "10,000 containers" they came in); its source is whoever the
sentence attributes the figure to.  Reports of the same supply (same parties,
same kind of weapon) are one transfer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from peacewire.extract.bodytext import BodySentence
from peacewire.extract.cues import EventCues
from peacewire.extract.gazetteer import Gazetteer
from peacewire.extract.lexicon import reporting_lexicon
from peacewire.extract.numbers import Figure, find_figures
from peacewire.extract.parties import ActorLookup, party_of, state_of_actor
from peacewire.extract.weapons import WeaponMention, find_weapons, weapon_tokens
from peacewire.records import Count, Event

PRONOUNS: frozenset[str] = frozenset({"it", "they", "he", "she", "we", "i"})
CONDITIONAL_MARKS: frozenset[str] = frozenset({"if", "unless", "whether"})
ESTIMATE_VERBS: frozenset[str] = frozenset({"estimate", "calculate", "assess", "count"})
QUANTITY_BRIDGE_POS: frozenset[str] = frozenset({"ADJ", "PROPN", "NOUN", "NUM", "PUNCT", "CCONJ"})


@dataclass
class Supply:
    sent_no: int
    span: tuple[int, int]
    supplier: str | None
    recipient: str | None
    weapons: list[WeaponMention] = field(default_factory=list)
    quantity: Count | None = None
    source: str | None = None

    @property
    def groups(self) -> set[str]:
        return {w.group for w in self.weapons}


def _ancestors_with_subject(verb: Token, depth: int = 4) -> Token | None:
    """The subject of the verb, or of the verb it depends on ("is expected to start delivering")."""
    cur = verb
    for _ in range(depth):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        if cur.dep_ not in ("xcomp", "conj", "acl", "relcl") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _pobj(tok: Token, preps: frozenset[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _reporter_subject(verb: Token) -> Token | None:
    """ "Germany said it would provide": the subject of the reporting verb above."""
    cur = verb
    lex = reporting_lexicon()
    for _ in range(3):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.lemma_.lower() in lex.verbs:
            subj = [c for c in cur.children if c.dep_ == "nsubj"]
            return subj[0] if subj else None
    return None


def _party(tok: Token | None, table: ActorLookup, gaz: Gazetteer) -> str | None:
    if tok is None:
        return None
    if tok.lower_ in PRONOUNS:
        rep = _reporter_subject(tok.head)
        return party_of(rep, table, gaz) if rep is not None else None
    return party_of(tok, table, gaz)


def _conditional(verb: Token) -> bool:
    cur = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in cur.children):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _cancelled(tok: Token, cues: EventCues) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.lemma_.lower() in cues.transfer.cancellers or any(c.dep_ == "neg" for c in cur.children):
            return True
    return any(c.lower_ in ("no",) for c in tok.children)


def _parties(
    trigger: Token, table: ActorLookup, gaz: Gazetteer, cues: EventCues
) -> tuple[str | None, str | None]:
    lemma = trigger.lemma_.lower()
    t = cues.transfer
    if trigger.pos_ == "VERB" and lemma in t.receive_verbs:
        recipient = _party(_ancestors_with_subject(trigger), table, gaz)
        supplier = _party(_pobj(trigger, frozenset({"from"})), table, gaz)
        return supplier, recipient
    if trigger.pos_ == "VERB":
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)
        if passive:
            supplier = _party(_pobj(trigger, frozenset({"by"})), table, gaz)
            subj = [c for c in trigger.children if c.dep_ == "nsubjpass"]
            recipient = None
            if subj and _is_party(subj[0], table, gaz) and _pobj(trigger, frozenset({"with"})) is not None:
                recipient = _party(subj[0], table, gaz)
        else:
            supplier = _party(_ancestors_with_subject(trigger), table, gaz)
            recipient = None
        if recipient is None:
            to = _pobj(trigger, frozenset({"to", "for"}))
            if to is None:
                for c in trigger.children:
                    if c.dep_ in ("dobj", "obj"):
                        to = _pobj(c, frozenset({"to", "for"}))
                        if to is None and _pobj(trigger, frozenset({"with"})) is not None:
                            to = c  # "supplying Pyongyang with tanks"
                        break
            for c in trigger.children:
                if to is None and c.dep_ == "dative":
                    to = c
            recipient = _party(to, table, gaz)
        return supplier, recipient
    # a supply noun: "a $700 million weapons package for Ukraine"
    recipient = _party(_pobj(trigger, frozenset({"for", "to"})), table, gaz)
    supplier = None
    for c in trigger.children:
        if c.dep_ in ("poss", "amod", "compound") and c.i < trigger.i:
            supplier = party_of(c, table, gaz) or supplier
    if supplier is None and trigger.dep_ in ("dobj", "obj", "nsubjpass"):
        supplier = _party(_ancestors_with_subject(trigger.head), table, gaz)
    return supplier, recipient


def _is_party(tok: Token, table: ActorLookup, gaz: Gazetteer) -> bool:
    return party_of(tok, table, gaz) is not None


def _weapon_quantity(sent: Span, weapons: Sequence[WeaponMention], figures: Sequence[Figure]) -> Count | None:
    """A count of weapons: the number before the weapon's phrase ("148 KN-23 and KN-24 missiles",
    "dozens of ballistic missiles")."""
    doc = sent.doc
    for f in figures:
        k = f.end
        if k < sent.end and doc[k].lower_ == "of":
            k += 1
        for w in weapons:
            if w.start < k:
                continue
            between = doc[k : w.start]
            if all(t.pos_ in QUANTITY_BRIDGE_POS and t.lemma_.lower() != "container" for t in between) and (
                len(between) <= 4
            ):
                return f.count()
            break
    return None


def _source(sent: Span, anchor: Token, table: ActorLookup, gaz: Gazetteer) -> str | None:
    """Who the sentence attributes the supply (or its figure) to: "X said", "according to X"."""
    lex = reporting_lexicon()
    doc = sent.doc
    for tok in sent:
        if tok.lemma_.lower() == "accord" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            obj = _pobj(tok, frozenset({"to"}))
            if obj is not None:
                found = _source_name(obj, table, gaz)
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
    return _source_name(who, table, gaz)


def _source_name(tok: Token, table: ActorLookup, gaz: Gazetteer) -> str | None:
    """A named official by name; a body by its name as the article gives it."""
    if tok.lower_ in PRONOUNS:
        return None
    doc = tok.doc
    start = tok.left_edge.i
    while start < tok.i and doc[start].dep_ in ("det", "punct"):
        start += 1
    span = doc[start : tok.i + 1]
    actor = table.actor_at(span.start_char, span.end_char) or table.resolve(span)
    if actor is not None and actor.type != "media":
        return actor.name
    if actor is None and tok.pos_ in ("NOUN", "PROPN"):
        return span.text
    return state_of_actor(actor, gaz)


def _triggers(sent: Span, cues: EventCues) -> list[Token]:
    t = cues.transfer
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and (lemma in t.verbs or lemma in t.receive_verbs):
            out.append(tok)
        elif (
            tok.pos_ == "NOUN"
            and lemma in t.nouns
            and any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in tok.children)
        ):
            out.append(tok)
    return out


def sentence_supplies(
    sent_no: int, body: BodySentence, table: ActorLookup, gaz: Gazetteer, cues: EventCues
) -> list[Supply]:
    sent = body.span
    weapons = find_weapons(sent)
    if not weapons:
        return []
    figures = find_figures(sent, weapon_tokens(weapons), cues.numbers)
    out: list[Supply] = []
    for trig in _triggers(sent, cues):
        if _cancelled(trig, cues) or _conditional(trig):
            continue
        supplier, recipient = _parties(trig, table, gaz, cues)
        if supplier is None or supplier == recipient:
            continue
        own = [w for w in weapons if any(t.i in range(w.start, w.end) or t.i == w.head for t in trig.subtree)]
        mine = own or weapons
        qty = _weapon_quantity(sent, mine, figures)
        anchor = sent.doc[figures[0].num_start] if qty is not None and figures else trig
        supply = Supply(
            sent_no,
            (sent.start_char, sent.end_char),
            supplier,
            recipient,
            list(mine),
            qty,
            _source(sent, anchor, table, gaz),
        )
        same = [
            s
            for s in out
            if s.supplier == supplier
            and (s.recipient == recipient or s.recipient is None or recipient is None)
        ]
        if same:
            _merge(same[0], supply)
        else:
            out.append(supply)
    return out


def _merge(into: Supply, other: Supply) -> None:
    into.recipient = into.recipient or other.recipient
    for w in other.weapons:
        if w not in into.weapons:
            into.weapons.append(w)
    if into.quantity is None and other.quantity is not None:
        into.quantity = other.quantity
        into.span = other.span
    into.source = into.source or other.source


def assemble(supplies: Sequence[Supply]) -> list[Supply]:
    """Join reports of one supply: same supplier, same (or unknown) recipient, same kind of weapon."""
    out: list[Supply] = []
    for s in supplies:
        match = next(
            (
                o
                for o in out
                if o.supplier == s.supplier
                and (o.recipient == s.recipient or o.recipient is None or s.recipient is None)
                and (o.groups & s.groups)
            ),
            None,
        )
        if match is not None:
            _merge(match, s)
        else:
            out.append(s)
    return [s for s in out if s.recipient is not None]


def _weapon_names(weapons: Sequence[WeaponMention]) -> list[str]:
    named = [w.label for w in weapons if w.named]
    items = named or [w.phrase for w in weapons]
    seen: list[str] = []
    for it in items:
        if it.lower() not in (x.lower() for x in seen):
            seen.append(it)
    return seen


def extract_transfers(
    bodies: Sequence[BodySentence], table: ActorLookup, gaz: Gazetteer, cues: EventCues
) -> list[Event]:
    supplies: list[Supply] = []
    for n, body in enumerate(bodies):
        supplies.extend(sentence_supplies(n, body, table, gaz, cues))
    return [
        Event(
            type="arms_transfer",
            span=s.span,
            supplier=s.supplier,
            recipient=s.recipient,
            weapons=_weapon_names(s.weapons),
            quantity=s.quantity,
            source=s.source,
        )
        for s in assemble(supplies)
    ]
