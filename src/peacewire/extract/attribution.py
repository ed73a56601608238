"""Whose stance a reading is: ANNOTATION.md's holder rules over one `stance.Reading`.

- A stance word with an actor subject or owner gives that actor the position
  ("Moscow is ready to negotiate", "Kyiv, which wants to join the alliance",
  "Trump's push for a ceasefire"); a first-person one, the speaker.
- Inside reported speech a third party's own stance goes to the third party
  ("Trump said Putin does not want a ceasefire"), but the speaker keeps what
  he only judges possible or necessary for others ("Zelensky may have to
  accept ..."), guesses about them ("I think he'll be willing") give nothing,
  and what he says of his own government is his ("Lavrov said Moscow is
  ready": Lavrov, not Russia).
- Vague sources ("reports suggest", "it is believed") give nothing; media
  reporting ("According to The Washington Post, ...") is narrative.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from peacewire.extract.actor_phrases import find_title
from peacewire.extract.gazetteer import fold, load_gazetteer
from peacewire.extract.holders import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    HolderResolver,
    subject_tokens,
)
from peacewire.extract.quotes import subject_of
from peacewire.extract.stance import Frame, Reading, deontic, epistemic, existential, first_person, future
from peacewire.extract.tokenview import TokenView
from peacewire.records import Actor

ATTITUDE_KINDS = frozenset({"verb", "adjective", "noun"})
BELIEF_VERBS = frozenset({"think", "expect", "believe", "hope", "predict", "guess", "suspect", "assume"})
WILL = frozenset({"will", "'ll", "would", "wo"})

Holding = tuple[Actor, Frame | None]


def _national_official(person: Actor) -> bool:
    """A person named with a national office but no country ("Defence Minister Tore O. Sandvik said
    Norway will send ..."): reporters leave the country out when the clause names it, so the state
    the official speaks of is taken as his own (ANNOTATION.md: the official holds his government's
    stance).  The office is one of roles.yaml's national titles whose forms name a government voice
    (`government_voices`: ministers, spokespeople, presidents; not advisers or commanders)."""
    if person.type != "person" or person.country is not None:
        return False
    roles = load_gazetteer().roles
    for alias in person.aliases:
        spec = find_title([fold(w) for w in alias.replace(",", " ").split()], roles)
        if spec is not None and spec.scope == "national":
            if any(not roles.government_voices.isdisjoint(form.split()) for form in spec.forms):
                return True
    return False


def own_side(person: Actor, other: Actor) -> bool:
    """Whether `other` is the government or forces of `person` (the official holds it, not the state).

    `person` may also be a body of that government ("according to the Pentagon, Washington has ...").
    """
    return (
        person.type in ("person", "organization")
        and other.type in ("state", "armed_group", "organization")
        and other is not person
        and other.country is not None
        and other.country == person.country
    )


# -- who speaks ------------------------------------------------------------


def reporter_subject(verb: Token, view: TokenView) -> Token | None:
    """Who a reporting verb's subject is, mending two common misparses.

    "..., Rubio said" with the name parsed into the clause before: the proper
    noun right before the verb.  A participle ("saying", "adding") hanging
    from an embedded clause: the subject of the sentence's main verb.
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
    return subject_of(verb, view)


def according_to(reading: Reading, view: TokenView) -> Token | None:
    """The source of "According to X, ...", hanging from the clause that holds the cue.

    The path's children are tested on `view`'s lists: "according" is rare.
    """
    lower, dep, kids = view.lower, view.dep, view.children
    for tok in reversed(reading.path):
        for c in kids[tok.i]:
            if lower[c] == "according" and dep[c] == "prep":
                for grand in tok.doc[c].subtree:
                    if grand.dep_ == "pobj":
                        name = _appositive_name(grand)
                        return name if name is not None else grand
    return None


def _appositive_name(noun: Token) -> Token | None:
    """ "its defence minister, Jane Doe": the name set beside a role noun."""
    return next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def possessed_official(reading: Reading, resolver: HolderResolver) -> Actor | None:
    """ "..., according to its defence minister, Jane Doe": an official of the clause's own state
    ("its", "their") named as its source states his government's stance: he holds it, not the state."""
    subj = according_to(reading, resolver.table.tokens)
    if subj is None or subj.dep_ != "appos":
        return None
    role = subj.head
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in role.children):
        return None
    found = resolver.actors_of(subj) or []
    return next((a for a in found if a.type == "person"), None)


def speakers(reading: Reading, resolver: HolderResolver) -> list[Actor | None] | None:
    """The speakers of the clause holding the cue ([None] for narrative; None for a vague source).

    The subject of the reporting verb reached wins when it names actors
    (every conjunct: "The US and Ukraine said ..."); a pronoun or an
    unresolved one falls back on the quotation's speaker.  A government named
    as saying what its official is quoted on gives the official ("Moscow
    warns ..., Zakharova said").  Media are no speakers here: their reports
    are the article's narrative.
    """
    quote = resolver.quote_at(reading.cue.anchor)
    quoted = quote.speaker if quote is not None else None
    found: list[Actor] = []
    source = reading.reporter
    view = resolver.table.tokens
    subj = reporter_subject(source, view) if source is not None else according_to(reading, view)
    if subj is not None:
        if subj.dep_ == "expl":
            return None
        named = resolver.actors_of(subj) if subj.lower_ in PLURAL_PRONOUNS else None
        if named is not None and len(named) > 1:
            pass  # "They said ...": the several actors named before
        elif quoted is not None and _names_quoted(subj, quoted):
            named = [quoted]  # "..., he said": the quotation's speaker, resolved already
        else:
            named = resolver.actors_of(subj, quoted)
        if named is None:
            return None
        found = list(named)
        if not found and subj.pos_ == "NOUN" and subj.lemma_.lower() in resolver.lex.vague_subjects:
            return None
    if not found:
        found = [quoted] if quoted is not None else []
    elif quoted is not None and any(own_side(quoted, a) for a in found):
        found = [quoted]
    if source is not None and found:
        outer = _outer_official(source, resolver)
        if outer is not None and all(own_side(outer, a) for a in found):
            found = [outer]  # "Peskov added that Russia had said it was ready": Peskov states it
    out: list[Actor | None] = [a for a in found if a.type != "media"]
    return out or [None]


def _names_quoted(subj: Token, quoted: Actor) -> bool:
    """A pronoun subject of the reporting verb that can stand for the quotation's speaker."""
    low = subj.lower_
    if low in PERSON_PRONOUNS:
        return quoted.type == "person"
    return low in GROUP_PRONOUNS and quoted.type != "person"


def _outer_official(reporter: Token, resolver: HolderResolver) -> Actor | None:
    """The speaker of a reporting verb above `reporter` ("Peskov said ..., adding that Russia had
    said ..."), when it is one actor."""
    tok = reporter
    for _ in range(4):
        if tok.head.i == tok.i or tok.dep_ not in ("ccomp", "advcl", "xcomp", "conj", "parataxis"):
            return None
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in resolver.lex.stance.reporting_verbs:
            subj = reporter_subject(tok, resolver.table.tokens)
            found = resolver.actors_of(subj) if subj is not None else None
            return found[0] if found and len(found) == 1 else None
    return None


def sources(reading: Reading, resolver: HolderResolver) -> list[Actor]:
    """Officials named as the source of the clause: "As clarified by Starmer and Macron, London and
    Paris plan ..." (their governments' stance is theirs)."""
    out: list[Actor] = []
    view = resolver.table.tokens
    lower, dep, kids = view.lower, view.dep, view.children
    for tok in reading.path:
        for c in kids[tok.i]:
            if dep[c] != "advcl" or not any(lower[m] == "as" for m in kids[c] if dep[m] == "mark"):
                continue
            for agent in kids[c]:
                if dep[agent] == "agent":
                    for pobj in kids[agent]:
                        if dep[pobj] == "pobj":
                            found = resolver.actors_of(tok.doc[pobj]) or []
                            out.extend(a for a in found if a.type == "person")
    return out


# -- who holds it ------------------------------------------------------------


def _actors(subs: Sequence[Token], resolver: HolderResolver, speaker: Actor | None) -> list[Actor] | None:
    out: list[Actor] = []
    for s in subs:
        found = resolver.actors_of(s, speaker)
        if found is None:
            return None
        out.extend(a for a in found if a not in out)
    return out


def frame_actors(
    frame: Frame, reading: Reading, resolver: HolderResolver, speaker: Actor | None
) -> list[Actor] | None:
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
        if existential(tok):
            return []  # "there is no readiness to ...": no one named
        if tok.dep_ in ("dobj", "attr", "conj"):  # "reiterated the need to ...", "expressed his willingness"
            return _actors(subject_tokens(tok.head, stop=reading.reporter), resolver, speaker)
        return []
    if frame.kind == "evaluation":
        if frame.judge is not None and frame.judge.pos_ == "NOUN":
            return resolver.owners(frame.judge, speaker)
        return []
    return _actors(subject_tokens(tok, stop=reading.reporter), resolver, speaker)


def holders(reading: Reading, resolver: HolderResolver, speaker: Actor | None) -> list[Holding]:
    """The holders of a reading's stance with the frame that names them."""
    frames = [f for f in reading.frames if f.kind != "event"]
    if not frames:
        if speaker is None or not (reading.marker or reading.condition_lock):
            return []
        colleague = _colleague(reading, resolver, speaker)
        if colleague is not None:
            return [(colleague, None)]
        return [(speaker, None)] if _speaker_clause(reading, resolver, speaker) else []
    top = frames[-1]
    actors = frame_actors(top, reading, resolver, speaker)
    if actors is None:
        return []
    if not actors and top.kind == "noun" and len(frames) > 1:
        actors = frame_actors(frames[-2], reading, resolver, speaker) or []
    if not actors:
        if speaker is None or reading.detached or _unowned_purpose(top.token):
            return []
        if top.kind == "noun" and existential(top.token):
            return []  # "there is no readiness to invite Ukraine": no one's stance, a state of affairs
        return [(speaker, top)]
    out: list[Holding] = []
    named_sources = sources(reading, resolver)
    official = possessed_official(reading, resolver)
    for actor in actors:
        if official is not None and actor.type == "state":
            holder: Actor | None = official
        else:
            holder = decide(actor, top, reading, speaker, named_sources)
        if holder is not None and all(h is not holder for h, _ in out):
            out.append((holder, top))
    return out


def _unowned_purpose(tok: Token) -> bool:
    """ "a fake designed to derail the talks": the purpose of a passive participle with no agent is
    its unnamed designer's, not the speaker's."""
    for _ in range(3):
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "relcl"):
            return not any(c.dep_ == "agent" for c in tok.children)
    return False


def decide(
    actor: Actor, frame: Frame, reading: Reading, speaker: Actor | None, named_sources: Sequence[Actor] = ()
) -> Actor | None:
    """Speaker or subject: ANNOTATION.md's rules for reported stances."""
    if actor.type == "media":
        return None
    for source in named_sources:
        if own_side(source, actor):
            return source
    obliged = frame.kind in ("verb", "adjective", "action") and (
        epistemic(frame.token) or deontic(frame.token)
    )
    if speaker is None or actor is speaker:
        if frame.kind == "imperative" or speaker is None and obliged:
            return None
        return actor
    if own_side(speaker, actor) or obliged or _national_official(speaker) and actor.type == "state":
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


def _colleague(reading: Reading, resolver: HolderResolver, speaker: Actor) -> Actor | None:
    """ "(Peskov said) Putin will have to press on with the war": a person of the speaker's own
    country whose intention the speaker states holds it himself; "may have to" stays the speaker's."""
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
        if any(c.dep_ == "aux" and c.lower_ in WILL for c in tok.children):
            return True
    return False


def _speaker_clause(reading: Reading, resolver: HolderResolver, speaker: Actor) -> bool:
    """Whether a clause without stance words says what the speaker (or his side) would do.

    "Ukrainian forces would fight to the end" is the speaker's stance; "it will
    never stop" or "Moscow will continue the war" is said of someone else; a
    judgement ("they could have made a deal") is the speaker's.
    """
    verb = next((t for t in reading.path if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or epistemic(verb):
        return True
    for subj in subject_tokens(verb, stop=reading.reporter):
        if first_person(subj):
            continue
        if subj.pos_ == "PRON":
            found = resolver.pronoun(subj, speaker)
            if found is None or found is not speaker and not own_side(speaker, found):
                return False
            continue
        named = resolver.actors_of(subj, speaker)
        if named is None:
            return False
        if any(a is not speaker and not own_side(speaker, a) for a in named):
            return False
    return True
