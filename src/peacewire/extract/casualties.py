"""Counts of the killed and the injured in a sentence.

A count belongs to a casualty word next to it: after it ("12 people were
killed", "five injured"), before it ("killing at least 50", "injured 23
others", "claimed 20 lives", "the bodies of four"), or through a running
figure ("the death toll rose to 35", "injuries standing at 87"), which is
marked `revised`.  A count that is part of a larger one ("including two
children"), a rate ("100 are dying daily"), a hedge about the unknown
("may be buried"), a total of the whole war, or "killed or wounded" taken
together is not a casualty figure of an attack.  Where words stand between
the count and its word, the parse ties them ("seven people, including a
child, were injured", "73 who were wounded"); one person or a couple named
as the victim counts ("a security guard was killed", "their daughter was
injured"); a toll set anew ("it raised the toll, listing ...") makes the
sentence's figures the revised ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from peacewire.extract.cues import CasualtyCues, EventCues, event_cues
from peacewire.extract.numbers import Figure, find_figures
from peacewire.extract.tokenview import TokenView
from peacewire.records import Count

Kind = Literal["killed", "injured"]
MODALS: frozenset[str] = frozenset({"may", "might", "could", "would", "should", "can", "will"})
RATE_OPENERS: frozenset[str] = frozenset({"a", "per", "every", "each"})
DETS: frozenset[str] = frozenset({"a", "an", "the", "their", "its", "his", "her", "those", "these"})
BACK_WINDOW = 10


@dataclass(frozen=True)
class CasualtyFigure:
    kind: Kind
    count: Count
    start: int
    """Doc index of the figure's first token."""
    cue: int
    """Doc index of the casualty word."""
    revised: bool = False
    part: bool = False
    """Part of the figure before it ("including three children in X"): at least so many, of the
    same kind; `cue` is then the part's number."""


def _kind_of(tok: Token, cues: CasualtyCues) -> Kind | None:
    lemma, low = tok.lemma_.lower(), tok.lower_
    if lemma in cues.killed or low in cues.killed:
        return "killed"
    if lemma in cues.injured or low in cues.injured or lemma in ("hospitalise", "hospitalize"):
        return "injured"
    return None


def _is_rate(sent: Span, at: int, cues: CasualtyCues) -> bool:
    """A rate word near doc index `at`: "daily", "a day", "every night"."""
    doc = sent.doc
    for k in range(max(sent.start, at - 4), min(sent.end, at + 5)):
        low = doc[k].lower_
        if low in ("daily", "nightly", "weekly", "monthly", "annually", "hourly"):
            return True
        if low in cues.rate and k > sent.start and doc[k - 1].lower_ in RATE_OPENERS:
            return True
    return False


def _generic(cue: Token, cues: CasualtyCues) -> bool:
    """ "The war has killed ...", "thousands are dying": no attack's figure."""
    for c in cue.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in cues.generic_subjects:
            return True
    if cue.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("are", "is", "am") for c in cue.children):
        return True
    return False


def _forward(sent: Span, f: Figure, cues: CasualtyCues) -> tuple[Kind, int] | None:
    """ "12 (people) (were) killed": the casualty word after the count."""
    doc = sent.doc
    k = f.end
    while k < sent.end:
        t = doc[k]
        kind = _kind_of(t, cues)
        low, lemma = t.lower_, t.lemma_.lower()
        if kind is not None and not (
            lemma in ("injured", "wounded") and k + 1 < sent.end and _kind_of(doc[k + 1], cues) is not None
        ):
            # "killed or wounded" / "killed and injured" together: no split
            if (
                k + 2 < sent.end
                and doc[k + 1].lower_ in ("or", "and", "/")
                and (_kind_of(doc[k + 2], cues) not in (None, kind))
            ):
                return None
            num = doc[f.end - 1]
            noun = num.head if num.dep_ in ("nummod", "quantmod") else num
            active = any(c.dep_ in ("dobj", "obj") for c in t.children)
            if noun.dep_ == "nsubj" and noun.head.i == k and active:
                return None  # "twelve soldiers killed a man": the count is of the killers
            return kind, k
        if low in MODALS:
            return None
        if (
            lemma in cues.person_nouns
            or low in cues.person_nouns
            or low in cues.fillers
            or lemma in cues.fillers
            or low in DETS
            or t.pos_ in ("ADJ", "ADV")
            or t.ent_type_ == "NORP"
            or t.like_num
        ):
            if lemma in ("life",):
                return None
            k += 1
            continue
        return None
    return None


def _verb_before(sent: Span, f: Figure, lo: int, cues: CasualtyCues) -> tuple[Kind, int] | None:
    """ "killing (at least) 50", "injured 23 others": the count is the verb's object."""
    if f.start - 1 < lo:
        return None
    prev = sent.doc[f.start - 1]
    kind = _kind_of(prev, cues)
    if kind is not None and prev.pos_ in ("VERB", "AUX") and prev.tag_ in ("VBG", "VBD", "VBN", "VBZ", "VBP"):
        return kind, prev.i
    return None


def _backward(sent: Span, f: Figure, lo: int, cues: CasualtyCues) -> tuple[Kind, int, bool] | None:
    """ "killing (at least) 50", "claimed 20 lives", "the death toll rose to 35"."""
    doc = sent.doc
    i = f.start
    if i - 1 < lo:
        return None
    prev = doc[i - 1]
    # "the bodies of four", "took the lives of 35", "the loss of 12 lives"
    nxt = _next_content(sent, f.end, cues)
    if nxt is not None and nxt.lemma_.lower() == "life":
        for k in range(max(lo, i - 4), i):
            if doc[k].lemma_.lower() in cues.lives_verbs or doc[k].lemma_.lower() in cues.lives_nouns:
                return "killed", nxt.i, False
    if prev.lower_ == "of" and i - 2 >= lo:
        noun = doc[i - 2]
        if noun.lemma_.lower() in ("body", "life") and noun.lemma_.lower() in cues.lives_nouns:
            return "killed", noun.i, False
    # "the death toll from the attack on the city rose to 31": the verb's subject says what is counted
    ruled = _revised_subject(doc[f.num_start], cues)
    if ruled is not None:
        return ruled
    # a running figure: a toll or a casualty noun with a verb of change before the count
    window = range(i - 1, max(lo, i - BACK_WINDOW) - 1, -1)
    revision = False
    for k in window:
        t = doc[k]
        lemma = t.lemma_.lower()
        if t.text in (";",) or t.like_num:
            break
        if lemma in cues.revision:
            revision = True
            continue
        kind = _kind_of(t, cues)
        if kind is not None and (revision or _toll_before(doc, k, lo, cues) or prev.lower_ == "of"):
            return kind, k, revision
        if lemma in cues.toll_nouns and (revision or prev.lower_ == "of"):
            # "the toll rose to 35": a bare toll counts the dead; "the number
            # of injured rose to ..." names its kind after the noun
            after = _kind_after(doc, k, i, cues)
            if after is not None:
                return after, k, revision
            if lemma == "toll":
                return "killed", k, revision
    return None


def _revised_subject(num: Token, cues: CasualtyCues) -> tuple[Kind, int, bool] | None:
    """A count that a verb of change sets ("rose to 31", "reached 40", "stands at 12"), read through the
    verb's subject: a death toll counts the dead, "the number of injured" the injured."""
    head = num.head if num.dep_ in ("nummod", "quantmod") else num
    verb = head.head if head.dep_ == "pobj" and head.head.lower_ in ("to", "at", "as") else head
    if verb.dep_ == "prep":
        verb = verb.head
    elif head.dep_ in ("dobj", "obj", "attr"):
        verb = head.head
    if verb.lemma_.lower() not in cues.revision:
        return None
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        kind = _kind_of(subj, cues)
        for t in subj.subtree:
            kind = kind or _kind_of(t, cues)
            if kind is not None:
                break
        if kind is None and subj.lemma_.lower() == "toll":
            kind = "killed"
        if kind is not None:
            return kind, subj.i, True
    return None


def _toll_before(doc: Doc, k: int, lo: int, cues: CasualtyCues) -> bool:
    return any(doc[j].lemma_.lower() in cues.toll_nouns for j in range(max(lo, k - 3), k))


def _kind_after(doc: Doc, k: int, end: int, cues: CasualtyCues) -> Kind | None:
    for j in range(k + 1, end):
        kind = _kind_of(doc[j], cues)
        if kind is not None:
            return kind
    return None


def _next_content(sent: Span, k: int, cues: CasualtyCues) -> Token | None:
    doc = sent.doc
    while k < sent.end:
        t = doc[k]
        if t.lemma_.lower() in cues.person_nouns or t.lower_ in DETS or t.pos_ == "ADJ":
            k += 1
            continue
        return t
    return None


def _is_subset(sent: Span, f: Figure, cues: CasualtyCues) -> bool:
    doc = sent.doc
    before = [doc[k].lower_ for k in range(max(sent.start, f.start - 5), f.start)]
    if before and before[-1] in cues.subset:
        return True
    if "among" in before:
        return True
    # "14 of them", "two of whom"
    if (
        f.end + 1 < sent.end
        and doc[f.end].lower_ == "of"
        and doc[f.end + 1].lower_ in ("them", "whom", "those")
    ):
        return True
    return False


def find_casualties(
    sent: Span,
    skip: frozenset[int] = frozenset(),
    cues: EventCues | None = None,
    view: TokenView | None = None,
    parts: bool = False,
) -> list[CasualtyFigure]:
    """The killed and injured counts of one sentence (span), in text order; with `parts`, the
    counts that are part of one before them too (marked `part`)."""
    cues = cues or event_cues()
    cc = cues.casualties
    out: list[CasualtyFigure] = []
    figures = find_figures(sent, skip, cues.numbers, view)
    lo = sent.start
    reset = _sets_toll(sent, cc, view)
    for f in figures:
        if _is_subset(sent, f, cc):
            lo = f.end
            whole = next((c for c in reversed(out) if not c.part), None)
            if parts and whole is not None:
                count = Count(f.value, "at_least")
                out.append(CasualtyFigure(whole.kind, count, f.num_start, f.end - 1, part=True))
            continue
        found = _verb_before(sent, f, lo, cc) or _forward(sent, f, cc) or _by_parse(sent, f, cc)
        revised = False
        if found is not None:
            kind, cue = found
            revised = reset
        else:
            back = _backward(sent, f, lo, cc)
            if back is None:
                lo = f.end
                continue
            kind, cue, revised = back
        lo = f.end
        cue_tok = sent.doc[cue]
        if _generic(cue_tok, cc) or _is_rate(sent, cue, cc) or _is_rate(sent, f.start, cc):
            continue
        if any(sent.doc[k].lower_ in MODALS for k in range(min(cue, f.start), max(cue, f.start))):
            continue
        out.append(CasualtyFigure(kind=kind, count=f.count(), start=f.num_start, cue=cue, revised=revised))
    out.extend(_singulars(sent, cc, {c.start for c in out}, reset, view))
    out.sort(key=lambda c: c.start)
    return out


def _sets_toll(sent: Span, cc: CasualtyCues, view: TokenView | None = None) -> bool:
    """ "On Saturday it raised the toll, listing 50 dead": a verb that sets a toll anew, whose
    figures then are the revised ones."""
    doc = sent.doc
    words = view.indices(sent, cc.toll_setters) if view is not None else range(sent.start, sent.end)
    for i in words:
        tok = doc[i]
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in cc.toll_setters:
            continue
        if any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in cc.toll_nouns for c in tok.children):
            return True
    return False


RELATIVES: frozenset[str] = frozenset({"who", "whom", "that", "which"})
POSSESSIVES: frozenset[str] = frozenset({"their", "his", "her", "its", "our", "my", "your"})


def _victim_of(verb: Token, noun: Token, cc: CasualtyCues) -> Kind | None:
    """The kind of casualty `verb` makes of its argument `noun`: "people were injured", "people
    died", "killing a man"; not "soldiers killed two civilians" (the noun is the killer)."""
    kind = _kind_of(verb, cc)
    if kind is None or verb.pos_ not in ("VERB", "ADJ", "AUX"):
        return None
    for other in (c for c in verb.children if c.dep_ == "conj" and _kind_of(c, cc) not in (None, kind)):
        if not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") or c.like_num for c in other.children):
            return None  # "dozens were killed or wounded": one count of both
    if noun.dep_ in ("nsubjpass", "dobj", "obj"):
        return kind
    if noun.dep_ == "nsubj" and not any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return kind  # "five people died"
    return None


def _by_parse(sent: Span, f: Figure, cc: CasualtyCues) -> tuple[Kind, int] | None:
    """The verb the counted noun depends on, whatever stands between: "seven people, including a
    child, were injured", "73 who were wounded", "50 prisoners it said had been killed"."""
    doc = sent.doc
    num = doc[f.end - 1]
    noun = num.head if num.dep_ in ("nummod", "quantmod", "compound") else num
    if not sent.start <= noun.i < sent.end:
        return None
    kind = _victim_of(noun.head, noun, cc)
    if kind is not None:
        return kind, noun.head.i
    for rel in (c for c in noun.children if c.dep_ == "relcl"):
        args = [c for c in rel.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj")]
        pron = next((a for a in args if a.lower_ in RELATIVES), None)
        if pron is not None:
            kind = _victim_of(rel, pron, cc)  # "73 who were wounded", "the 12 whom it killed"
            if kind is not None:
                return kind, rel.i
            continue
        # "50 prisoners it said had been killed": a reported clause without a subject of its own
        for comp in (c for c in rel.children if c.dep_ == "ccomp"):
            if comp.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in comp.children):
                kind = _kind_of(comp, cc)
                if kind is not None:
                    return kind, comp.i
    return None


def _singulars(
    sent: Span, cc: CasualtyCues, taken: set[int], revised: bool = False, view: TokenView | None = None
) -> list[CasualtyFigure]:
    """ "a woman was killed", "killing a 60-year-old man", "a security guard died", "their
    daughter was injured": one person; "a couple were killed": two.

    With the article's token `view`, only the singular nouns of people become Tokens."""
    doc = sent.doc
    out: list[CasualtyFigure] = []
    if view is None:
        people: list[Token] | Span = sent
    else:
        lemmas, tags = view.lemma, view.tag
        people = [
            doc[i]
            for i in range(sent.start, sent.end)
            if tags[i] == "NN" and (lemmas[i] in cc.group_people or lemmas[i] in cc.singular_people)
        ]
    for tok in people:
        lemma = tok.lemma_.lower()
        if lemma in cc.group_people and tok.tag_ == "NN":
            value = cc.group_people[lemma]
        elif lemma in cc.singular_people and tok.tag_ == "NN":
            value = 1.0
        else:
            continue
        det = next((c for c in tok.children if c.dep_ in ("det", "poss") and c.i < tok.i), None)
        if det is None or (det.lower_ not in ("a", "an") and det.lower_ not in POSSESSIVES):
            continue
        if det.i in taken or tok.i in taken:
            continue
        verb = tok.head
        kind = _victim_of(verb, tok, cc)
        if kind is None and det.i - 1 >= sent.start:
            prev = doc[det.i - 1]  # "killing a man" parsed apart
            if prev.tag_ in ("VBG", "VBD") and _kind_of(prev, cc) is not None:
                kind, verb = _kind_of(prev, cc), prev
        if kind is None or _generic(verb, cc):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        # "killed a woman and her son": each person coordinated with the first is one more
        value += sum(
            1.0
            for c in tok.conjuncts
            if c.i > tok.i and c.tag_ == "NN" and c.lemma_.lower() in cc.singular_people
        )
        out.append(
            CasualtyFigure(kind=kind, count=Count(value, "exact"), start=det.i, cue=verb.i, revised=revised)
        )
    return out
