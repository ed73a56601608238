"""The actors of one article: who is named, how, and what each form refers to.

`build_actor_table` reads a parsed article once and clusters the forms it uses
for each actor (full name, surname, spelling variants, title + name, "the
Kremlin" for Russia, "Russia's defense ministry"...).  The resulting
`ActorTable` answers the question every later extractor asks: which actor does
this noun phrase ("the president", "US officials", "the ministry") denote?
Knowledge of the domain (known actors, places, titles) comes from the
gazetteer; the rest is read off entity labels and the dependency parse.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from peacewire.extract.actor_phrases import (
    PRONOUNS,
    PhraseInfo,
    join_tokens,
    metonym_acts,
    phrase_root,
    plausible_org,
    read_phrase,
    strip_honorifics,
)
from peacewire.extract.gazetteer import GazEntry, Gazetteer, Place, fold, key
from peacewire.extract.tokenview import TokenView, token_view
from peacewire.records import Actor, ActorType

# A surname in the article is the same person's when this similar (rapidfuzz ratio).
SURNAME_MATCH = 85.0
FIRSTNAME_MATCH = 75.0
_POSSESSIVE_END = re.compile(r"\s*['\u2019]s$")
PLACE_NOUNS = {"city": "city", "capital": "city", "town": "city", "region": "region", "oblast": "region"}
"""Nouns that, as a possessive ("the city's …"), stand for the last place of their kind named."""
ADMIN_WORDS = frozenset(
    {"administration", "council", "authorities", "government", "office", "hall", "authority"}
)


@dataclass
class _Title:
    """A title the article gives a person: "Kramatorsk Mayor", "Kremlin spokesperson"."""

    key: str
    of: str | None  # ISO-3 code, a body's name or a place's name
    former: bool


@dataclass
class _Cluster:
    """One actor of the article and what the table knows about it."""

    actor: Actor
    gaz: GazEntry | None = None
    titles: list[_Title] = field(default_factory=list)
    forms: Counter[str] = field(default_factory=Counter)  # name forms used (without titles)
    first: int = 0
    # What the methods below remember, with the state (name, aliases, number of forms: forms
    # are only ever added) they were read in; not part of the cluster's value.
    _keys: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    _keys_of: tuple[str, tuple[str, ...], int] = field(default=("", (), -1), compare=False, repr=False)
    _names: tuple[tuple[str, ...], ...] = field(default=(), compare=False, repr=False)
    _names_of: tuple[str, int] = field(default=("", -1), compare=False, repr=False)
    _firsts: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    _firsts_of: int = field(default=-1, compare=False, repr=False)
    _same: dict[tuple[str, ...], bool] = field(default_factory=dict, compare=False, repr=False)
    _same_of: tuple[str, int] = field(default=("", -1), compare=False, repr=False)

    def form_keys(self) -> frozenset[str]:
        """The keys of every form the actor goes by: name, aliases, the article's forms and
        the gazetteer's names (remembered until one of them changes)."""
        a = self.actor
        state = (a.name, tuple(a.aliases), len(self.forms))
        if state != self._keys_of:
            keys = {key(f) for f in (a.name, *a.aliases, *self.forms)}
            if self.gaz is not None:
                keys.update(key(n) for n in self.gaz.names)
            self._keys = frozenset(keys)
            self._keys_of = state
        return self._keys

    def same_person(self, words: tuple[str, ...]) -> bool:
        """`_same_person(words, self)`, remembered until the name or the forms change."""
        state = (self.actor.name, len(self.forms))
        if state != self._same_of:
            self._same = {}
            self._same_of = state
        found = self._same.get(words)
        if found is None:
            found = self._same[words] = _same_person(words, self)
        return found

    def first_names(self) -> frozenset[str]:
        """The first words of the full names the article uses and of the gazetteer's name
        (remembered until the forms change)."""
        if self._firsts_of != len(self.forms):
            names = [key_words(f) for f in self.forms]
            if self.gaz is not None:
                names.append(key_words(self.gaz.name))
            self._firsts = frozenset(n[0] for n in names if len(n) >= 2)
            self._firsts_of = len(self.forms)
        return self._firsts

    def name_words(self) -> tuple[tuple[str, ...], ...]:
        """The key words of every name the person has: its name, the forms the article uses,
        the gazetteer's names and surnames (empty ones left out).

        Remembered until the name or the forms change (forms are only ever added).
        """
        state = (self.actor.name, len(self.forms))
        if state != self._names_of:
            names = [key_words(f) for f in (self.actor.name, *self.forms)]
            if self.gaz is not None:
                names += [key_words(n) for n in self.gaz.names]
                names += [key_words(s) for s in self.gaz.surnames]
            self._names = tuple(n for n in names if n)
            self._names_of = state
        return self._names


@dataclass(frozen=True)
class _Owner:
    """Whose a title, body or group of officials is."""

    text: str
    code: str | None = None  # a state, by ISO-3 code
    place: Place | None = None  # a city or region
    cluster: _Cluster | None = None  # an actor of the article (a body, a person)
    entry: GazEntry | None = None  # a known body not (yet) in the article's table

    @property
    def country(self) -> str | None:
        if self.code:
            return self.code
        if self.cluster is not None and self.cluster.actor.country:
            return self.cluster.actor.country
        if self.entry is not None and self.entry.country:
            return self.entry.country
        return self.place.country if self.place else None

    def of(self, scope: str) -> str | None:
        """The `of` of a role this owner gives (a place for city and region titles)."""
        if scope in ("city", "region") and self.place is not None:
            return self.place.name
        if self.cluster is not None and self.cluster.actor.type != "state":
            gaz = self.cluster.gaz
            return gaz.name if gaz is not None else self.cluster.actor.name
        if self.entry is not None and self.entry.type != "state":
            return self.entry.name
        return self.country


class ActorTable:
    """The actors of one article with their mentions; resolves noun phrases to them."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, published: str | None = None) -> None:
        self.doc = doc
        self.gaz = gazetteer
        self.published = published
        self.actors: list[Actor] = []
        """The actors, in order of first mention (actors `resolve` finds later are appended)."""
        self._clusters: list[_Cluster] = []
        self._by_gaz: dict[str, _Cluster] = {}
        self._mentions: list[tuple[int, int, _Cluster]] = []
        self._mention_keys: set[tuple[int, int, int]] = set()  # (start, end, id of the cluster)
        self._indexed = 0  # how many mentions the index by start covers
        self._by_start: list[int] = []  # positions in `_mentions`, by start
        self._starts: list[int] = []
        self._longest_mention = 0
        self._places: list[tuple[int, Place]] = []  # places named in the text, by offset
        self._tokens: TokenView | None = None
        self._ents: tuple[Span, ...] | None = None
        self._recent: tuple[Actor, ...] = ()  # see `resolve`

    @property
    def tokens(self) -> TokenView:
        """The article's token attributes as lists, read once (for scans over every token)."""
        if self._tokens is None:
            self._tokens = token_view(self.doc)
        return self._tokens

    @property
    def ents(self) -> tuple[Span, ...]:
        """The article's entities, read once (`Doc.ents` builds them anew on every access)."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return self._ents

    def _ents_within(self, span: Span) -> list[Span]:
        """`span.ents` (the entities inside the span) from the entities read once."""
        out = []
        for ent in self.ents:
            if ent.start >= span.start:
                if ent.end > span.end:
                    break
                out.append(ent)
        return out

    @property
    def text(self) -> str:
        """The article's text (`Doc.text` is rebuilt from the tokens on every access)."""
        return self.tokens.text

    def text_of(self, span: Span) -> str:
        """`span.text`, cut from the article's text (`Span.text` joins its tokens anew)."""
        return self.tokens.text[span.start_char : span.end_char]

    # -- the interface other extractors use -----------------------------------

    def actor_at(self, start_char: int, end_char: int) -> Actor | None:
        """The actor with a mention overlapping [start_char, end_char) (largest overlap wins)."""
        best: tuple[int, int, int] | None = None
        found: _Cluster | None = None
        for s, e, c in self._mentions_near(start_char, end_char):
            overlap = min(e, end_char) - max(s, start_char)
            if overlap <= 0:
                continue
            score = (overlap, -(e - s), int(c.actor.type == "person"))
            if best is None or score > best:
                best, found = score, c
        return found.actor if found else None

    def add_mention(self, actor: Actor, span: Span | tuple[int, int]) -> None:
        """Record that `span` refers to `actor`; its text becomes an alias unless a pronoun."""
        start, end = (span.start_char, span.end_char) if isinstance(span, Span) else span
        cluster = self._cluster_of(actor) or self._new_cluster(actor, None, start)
        text = self.text[start:end]
        self._add(cluster, start, end, text, alias=fold(text) not in PRONOUNS)

    def resolve(self, span: Span, recent: Sequence[Actor] = ()) -> Actor | None:
        """The actor a noun phrase denotes, or None (pronouns, vague or unknown sources).

        `recent`: persons the discourse is about (the last speakers, latest
        first); a title several of the article's persons fit ("the president")
        goes to the first of them it fits.
        """
        self._recent = tuple(recent)
        try:
            return self._resolve(span)
        finally:
            self._recent = ()

    def _resolve(self, span: Span) -> Actor | None:
        tokens = [t for t in span if not (t.is_punct or t.is_space)]
        if not tokens:
            return None
        root = phrase_root(tokens, self.tokens)
        if root.lower_ in PRONOUNS and (root.pos_ == "PRON" or len(tokens) == 1):
            return None
        if root.pos_ in ("VERB", "AUX"):
            # a clause was passed: its subject is the phrase
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return self._resolve(_subtree_span(subject)) if subject is not None else None
        source = self._source_of(root)
        if source is not None:
            return source
        at = span.start_char
        hit = self._cluster_covering(root)
        if hit is None:
            # "the consulting company Bain", "the state agency RIA Novosti": the name in apposition
            for child in root.children:
                if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN" and child.i > root.i:
                    hit = self._cluster_covering(child)
                    if hit is not None and hit.actor.type != "state":
                        break
                    hit = None
        if hit is not None:
            return hit.actor
        info = read_phrase(tokens, self.gaz, self.tokens)
        if info.vague:
            return None
        text = join_tokens(strip_honorifics(tokens, self.gaz))
        state = self.gaz.state_by_demonym(text) if len(tokens) <= 3 else None
        if state is not None and state.country and state.type == "state":
            return self._state_cluster(state.country, at).actor
        if text and root.pos_ in ("PROPN", "NOUN", "ADJ") and not (info.official or info.title):
            cluster = self._by_form(text)
            if cluster is None:
                cluster = self._from_gazetteer(text, root, at)
            if cluster is not None:
                return cluster.actor
        cluster = self._by_description(info, tokens, at)
        if cluster is not None:
            return cluster.actor
        if _person_cues(root) and not self._names_a_place(root):
            # "said Larysa, 54, who was queuing …": a first name NER took for a place
            from peacewire.extract.actor_mentions import MentionFinder

            person = MentionFinder(self).person(root.doc[root.i : root.i + 1], None)
            if person is not None:
                return person.actor
        for ent in self._ents_within(span):
            if not (ent.start <= root.i < ent.end):
                continue  # "Zelensky's office" is not Zelensky
            if ent.label_ == "PERSON":
                from peacewire.extract.actor_mentions import MentionFinder

                person = MentionFinder(self).person(ent, None)
                return person.actor if person is not None else None
            if ent.label_ == "ORG" and plausible_org(ent, self.gaz):
                return self._org_from_ent(ent).actor
        return None

    def _names_a_place(self, tok: Token) -> bool:
        return self.gaz.place(tok.text) is not None or self.gaz.country_code(tok.text) is not None

    # -- resolving descriptions ---------------------------------------------

    def _source_of(self, root: Token) -> Actor | None:
        """ "a report by X", "an analysis from X", "X's statement": the actor X."""
        lemma = root.lemma_.lower()
        if lemma not in self.gaz.roles.source_nouns and root.lower_ not in self.gaz.roles.source_nouns:
            return None
        for child in root.children:
            if child.dep_ == "poss" and child.lower_ not in PRONOUNS:
                return self.resolve(_subtree_span(child, drop_case=True))
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    actor = self.resolve(_subtree_span(obj))
                    if actor is not None:
                        return actor
        return None

    def _from_gazetteer(self, text: str, root: Token, at: int) -> _Cluster | None:
        entry = self.gaz.lookup(text)
        if entry is None and root.pos_ == "PROPN":
            entry = self.gaz.lookup_person(text)
        if entry is None:
            return None
        surfaces = self.gaz.surfaces(text)
        if (
            surfaces
            and surfaces[0].kind == "metonym"
            and not metonym_acts(root.doc[root.i : root.i + 1], self.gaz)
        ):
            return None
        return self._gaz_cluster(entry, at)

    def _by_description(self, info: PhraseInfo, tokens: Sequence[Token], at: int) -> _Cluster | None:
        """Titles, officials and bodies: "the president", "US officials", "the ministry"."""
        scope = info.title.scope if info.title is not None else "national"
        owner = self._owner(info.owner_tokens, at, scope) or self._place_owner(tokens, at)
        plural = bool(tokens) and phrase_root(tokens, self.tokens).tag_ in ("NNS", "NNPS")
        if info.members:
            if owner is not None and owner.cluster is not None and owner.cluster.actor.type != "person":
                return owner.cluster
            return self._recent_group(at)
        if info.title is not None or info.leader:
            # "a UN spokesperson", "European leaders": no one person the article names
            holder = None if (plural or info.indefinite) else self._title_holder(info, owner, at)
            if holder is not None:
                return holder
            if owner is not None and not info.former:
                # an unnamed official speaks for the body or government named with it
                return self._speaks_for(owner, info, at)
            return None
        if info.official:
            if info.former:
                return None  # "a retired officer" speaks for no one
            if owner is not None:
                return self._speaks_for(owner, info, at)
            if info.local:
                # "regional officials" of no region the article names speak for no one
                place = self._recent_place(at, info.local, to_city=info.local != "region")
                return self._administration(place, at) if place is not None else None
            return None
        if info.state_noun and not info.body_noun:
            if (
                owner is not None
                and owner.country
                and (owner.cluster is None or owner.cluster.actor.type == "state")
            ):
                return self._state_cluster(owner.country, at)
            return self._recent_with_noun(info.head, at, states_only=True)
        if info.body_noun or info.state_noun:
            if plural and info.head not in self.gaz.roles.state_nouns:
                return None  # "port operators in Izmail": several bodies, no one actor
            if owner is not None:
                if owner.cluster is not None and owner.cluster.actor.type == "person":
                    if info.head in ("administration", "government") and owner.country:
                        return self._state_cluster(owner.country, at)  # "the Trump administration"
                    if info.head == "office":
                        return self._leaders_office(owner.cluster, at)  # "Zelensky's office"
                    if fold(join_tokens(info.body_tokens)) in self.gaz.roles.mouthpieces:
                        return owner.cluster  # "the press service of President X" speaks as X
                    return None
                if info.state_noun and info.head in ("government", "authority", "leadership") and owner.code:
                    return self._state_cluster(owner.code, at)
                return self._body_cluster(info, owner, at)
            if _names_a_new_body(info, self.gaz):
                return self._named_body(tokens, at)
            return self._unowned_body(info, at)
        return None

    def _named_body(self, tokens: Sequence[Token], at: int) -> _Cluster:
        """ "The Trans-Baltic News Agency": a body named by a proper name the gazetteer does not know."""
        words = [t for t in tokens if not (t.dep_ == "det" and t.i == tokens[0].i) and t.tag_ != "POS"]
        name = join_tokens(words)
        cluster = self._by_form(name)
        if cluster is None:
            typ: ActorType = "media" if self.gaz.roles.is_media_name(name) else "organization"
            cluster = self._new_cluster(Actor(name=name, type=typ), None, at)
        return cluster

    def _leaders_office(self, person: _Cluster, at: int) -> _Cluster | None:
        """A head of state's office, when the gazetteer knows it ("Office of the President of Ukraine")."""
        country = person.actor.country
        state = self.gaz.state(country)
        if state is None:
            return None
        titles = {t.key for t in person.titles} | {
            r.title for r in (person.gaz.roles_at(self.published) if person.gaz is not None else ())
        }
        if "president" not in titles:
            return None
        entry = self.gaz.lookup(f"Office of the President of {state.name}")
        return self._gaz_cluster(entry, at) if entry is not None else None

    def _speaks_for(self, owner: _Owner, info: PhraseInfo, at: int) -> _Cluster | None:
        """The government, body or local administration unnamed officials speak for."""
        if owner.cluster is not None and owner.cluster.actor.type == "person":
            country = owner.cluster.actor.country
            return self._state_cluster(country, at) if country else None
        if owner.place is not None and (owner.code is None or info.local):
            if info.head in self.gaz.roles.military_nouns:
                return None  # "an officer in the Kharkiv region" is no official of its administration
            return self._administration(owner.place, at)
        if owner.cluster is not None:
            return owner.cluster
        if owner.entry is not None and owner.entry.type != "state":
            return self._gaz_cluster(owner.entry, at)
        if owner.code:
            return self._state_cluster(owner.code, at)
        return None

    def _title_holder(self, info: PhraseInfo, owner: _Owner | None, at: int) -> _Cluster | None:
        """The person a title refers to: given it in the article, else holding it then."""
        scope = info.title.scope if info.title is not None else "national"

        def title_fits(title_key: str) -> bool:
            if info.leader:
                spec = self.gaz.roles.spec(title_key)
                return spec is not None and spec.leader
            return info.title is not None and title_key == info.title.key

        def of_fits(of: str | None) -> bool:
            if owner is None:
                return True
            if of is None:
                return False
            if scope in ("city", "region") and owner.place is not None:
                return key(of) == key(owner.place.name) or key(owner.place.name) in key(of)
            want = owner.of(scope)
            if of == want:
                return True
            return owner.country is not None and (
                of == owner.country or self._country_of(of) == owner.country
            )

        ranked: list[tuple[int, int, int, int, _Cluster]] = []
        for c in self._clusters:
            if c.actor.type != "person":
                continue
            if any(title_fits(t.key) and of_fits(t.of) and t.former == info.former for t in c.titles):
                prio = 2
            elif (
                not info.former
                and c.gaz is not None
                and any(title_fits(r.title) and of_fits(r.of) for r in c.gaz.roles_at(self.published))
            ):
                prio = 1
            else:
                continue
            last = self._last_mention_before(c, at)
            # the person the discourse is about (a recent speaker), else the one mentioned
            # last before the phrase; a title the article gave breaks ties
            recent = len(self._recent) - self._recent.index(c.actor) if c.actor in self._recent else 0
            ranked.append((recent, int(last is not None), last if last is not None else -c.first, prio, c))
        if ranked:
            return max(ranked, key=lambda r: r[:4])[4]
        # Not named in the article: the person holding the office that day, when the date is known.
        of_key = owner.of(scope) if owner is not None else None
        if of_key and self.published and info.title is not None and not info.former:
            holders = self.gaz.holders(info.title.key, of_key, self.published)
            if len(holders) == 1:
                return self._gaz_cluster(holders[0], at)
        return None

    def _country_of(self, of: str) -> str | None:
        """Country of a role's `of`: a code, a known body, a place, or an actor of the article."""
        if self.gaz.state(of) is not None:
            return of
        entry = self.gaz.lookup(of)
        if entry is not None and entry.country:
            return entry.country
        code = self.gaz.place_country(of)
        if code:
            return code
        for c in self._clusters:
            if c.actor.name == of:
                return c.actor.country
        return None

    def _owner(self, tokens: Sequence[Token], at: int, scope: str = "national") -> _Owner | None:
        """Whose a phrase is, from the words that name it ("Russia's", "Ukrainian", "Kremlin")."""
        if not tokens:
            return None
        group = [tokens[0]]
        for t in tokens[1:]:
            if t.i != group[-1].i + 1 and not (t.i == group[-1].i + 2 and group[-1].nbor().tag_ == "POS"):
                break
            group.append(t)
        tokens = group
        text = join_tokens([t for t in group if t.dep_ != "case" and t.tag_ != "POS"])
        if not text or fold(text) in ("country", "nation"):
            return None
        place = self.gaz.place(text)
        covering = self._cluster_covering(tokens[-1])
        if covering is not None and covering.actor.type not in ("person",):
            if covering.actor.type == "state" and covering.actor.country:
                return _Owner(text=text, code=covering.actor.country, place=place)
            return _Owner(text=text, cluster=covering, place=place)
        if covering is not None:
            return _Owner(text=text, cluster=covering)
        code = self.gaz.country_code(text)
        if code is not None:
            return _Owner(text=text, code=code, place=place)
        if place is not None:
            return _Owner(text=text, place=place)
        entry = self.gaz.lookup(text)
        if entry is not None:
            if entry.type == "state":
                return _Owner(text=text, code=entry.country)
            return _Owner(text=text, entry=entry)
        cluster = self._by_form(text)
        if cluster is not None:
            if cluster.actor.type == "state":
                return _Owner(text=text, code=cluster.actor.country)
            return _Owner(text=text, cluster=cluster)
        return None

    def _recent_place(self, at: int, scope: str, to_city: bool = True) -> Place | None:
        """The last city (or region) named before `at`: "local authorities" are its.

        A region's phrase falls back to the last city unless `to_city` is false.
        """
        best: Place | None = None
        for pos, p in self._places:
            if pos >= at:
                break
            if scope == "region" and p.kind != "region":
                continue
            if scope == "city" and p.kind != "city" and not to_city:
                continue
            best = p
        if best is None and scope == "region" and to_city:
            return self._recent_place(at, "city")
        return best

    def _place_owner(self, tokens: Sequence[Token], at: int) -> _Owner | None:
        """ "the city's military administration", "the region's governor": the last city or
        region the article named."""
        for t in tokens:
            if t.dep_ == "poss" and t.lemma_.lower() in PLACE_NOUNS:
                kind = PLACE_NOUNS[t.lemma_.lower()]
                place = self._recent_place(at, kind, to_city=False)
                if place is not None:
                    return _Owner(text=place.name, place=place)
        return None

    def _administration(self, place: Place, at: int) -> _Cluster:
        """A city's or region's administration, named as the article names it if it does."""
        pk = key(place.name)
        for c in self._clusters:
            words = key(c.actor.name).split()
            if c.actor.type == "organization" and words and words[0] == pk and words[-1] in ADMIN_WORDS:
                return c
        kind = "city" if place.kind == "city" else "regional"
        name = f"{place.name} {kind} administration"
        for c in self._clusters:
            if c.actor.name == name:
                return c
        return self._new_cluster(Actor(name=name, type="organization", country=place.country), None, at)

    def _unowned_body(self, info: PhraseInfo, at: int) -> _Cluster | None:
        """ "the ministry", "the interior ministry", "the regional administration": whose body?"""
        words = [_spelling(fold(t.text)) for t in info.body_tokens]
        known = self._recent_with_words(words, at)
        if known is not None or len(words) < 2:
            return known or self._recent_with_noun(info.head, at, states_only=False)
        head = " ".join(words[-2:]) if " ".join(words[-2:]) in self.gaz.roles.government_bodies else words[-1]
        if head not in self.gaz.roles.government_bodies:
            return None  # "the consulting company": no one body the article is about
        local = [w for w in words if w in self.gaz.roles.local_modifiers]
        if local:
            place = self._recent_place(at, "region" if local[0] in ("regional", "oblast") else "city")
            if place is None:
                return None
            owner = _Owner(text=place.name, place=place)
        else:
            code = self._home_country(at)
            if code is None:
                return None
            state = self.gaz.state(code)
            owner = _Owner(text=state.name if state is not None else code, code=code)
        return self._body_cluster(info, owner, at)

    def _recent_group(self, at: int) -> _Cluster | None:
        """The last alliance or international organisation named before `at` ("the allies")."""
        best: tuple[int, _Cluster] | None = None
        for s, _, c in self._mentions:
            group = c.actor.type == "alliance" or (c.actor.type == "organization" and c.actor.country is None)
            if s < at and group and (best is None or s > best[0]):
                best = (s, c)
        return best[1] if best else None

    def _recent_with_words(self, words: Sequence[str], at: int) -> _Cluster | None:
        """The last non-person actor before `at` whose name has all `words` ("interior ministry")."""
        best: tuple[int, _Cluster] | None = None
        for s, _, c in self._mentions:
            if s >= at or c.actor.type in ("person", "state"):
                continue
            have = {_spelling(w) for f in (c.actor.name, *c.actor.aliases) for w in key(f).split()}
            if all(w in have for w in words) and (best is None or s > best[0]):
                best = (s, c)
        return best[1] if best else None

    def _home_country(self, at: int) -> str | None:
        """The country the article is set in at `at`: of the last place named, else its most named state."""
        for pos, p in reversed(self._places):
            if pos < at:
                return p.country
        counts = Counter(c.actor.country for s, _, c in self._mentions if c.actor.type == "state" and s < at)
        return counts.most_common(1)[0][0] if counts else None

    def _recent_with_noun(self, noun: str, at: int, states_only: bool) -> _Cluster | None:
        """The last non-person actor before `at` called by `noun` ("the ministry", "the alliance")."""
        best: tuple[int, _Cluster] | None = None
        plural = {noun + "s", noun[:-1] + "ies"} if noun.endswith("y") else {noun + "s"}
        for s, _, c in self._mentions:
            if s >= at or c.actor.type == "person" or (states_only and c.actor.type != "state"):
                continue
            words = {w for f in (c.actor.name, *c.actor.aliases) for w in key(f).replace("-", " ").split()}
            typed = (
                (noun == "alliance" and c.actor.type == "alliance")
                or (
                    noun == "bloc"
                    and c.actor.type in ("alliance", "organization")
                    and len(c.actor.name) > 2
                    and c.actor.country is None
                )
                or (noun in ("organisation", "organization") and c.actor.type == "organization")
            )
            if noun in words or plural & words or typed:
                if best is None or s > best[0]:
                    best = (s, c)
        return best[1] if best else None

    def _body_cluster(self, info: PhraseInfo, owner: _Owner, at: int) -> _Cluster | None:
        """An unnamed body of a state, place or organisation: "Russia's defense ministry"."""
        body = join_tokens(info.body_tokens)
        if not body:
            return None
        if owner.place is not None and owner.code is None:
            # "the city's military administration": the place's body the article named before
            pk = key(owner.place.name)
            words = {_spelling(fold(t.text)) for t in info.body_tokens}
            for c in self._clusters:
                have = [_spelling(w) for w in key(c.actor.name).split()]
                if c.actor.type == "organization" and have and have[0] == pk and words <= set(have):
                    return c
        titled = _titled(body)
        prefix = owner.text
        if owner.cluster is not None and owner.cluster.actor.type != "state":
            prefix = owner.cluster.actor.name
        elif owner.place is not None and owner.code is None:
            prefix = owner.place.name
        elif owner.code:
            state = self.gaz.state(owner.code)
            if owner.text.isupper():
                prefix = owner.text  # "UAE", "US": as the article writes it
            elif state is not None:
                prefix = state.demonyms[0] if state.demonyms else state.name
        name = f"{prefix} {titled}".strip()
        known = self.gaz.lookup(name)
        if known is not None and known.type != "state":
            cluster = self._gaz_cluster(known, at)
            cluster.forms[name] += 1  # the article's own words name it
            self._name_cluster(cluster)
            return cluster
        for c in self._clusters:
            if key(c.actor.name) == key(name):
                return c
        return self._new_cluster(Actor(name=name, type="organization", country=owner.country), None, at)

    def _name_cluster(self, c: _Cluster) -> None:
        """The fullest form the article gives, else the gazetteer's (states: the gazetteer's)."""
        a = c.actor
        if a.type == "state":
            return
        forms = list(c.forms)
        if a.type == "person":
            multi = [f for f in forms if len(f.split()) >= 2]
            best = max(multi, key=lambda f: (len(f.split()), c.forms[f], -_first_use(a, f)), default=None)
            new = best or (c.gaz.name if c.gaz is not None else a.name)
        else:
            # The article's fullest proper form ("State Emergency Service"), not a
            # description ("the defense ministry"), else the gazetteer's name.
            proper = [
                re.sub(r"^[Tt]he ", "", f)
                for f in forms
                if any(w[:1].isupper() for w in f.split() if w.lower() != "the")
            ]
            if c.gaz is not None:  # an acronym the gazetteer lists ("EU") stands for its entry's name
                proper = [f for f in proper if not (f.isupper() and f in c.gaz.aliases)]
            if c.gaz is not None and c.gaz.name.startswith("The "):
                proper = [f"The {f}" for f in proper]
            if proper:
                new = max(proper, key=lambda f: (len(f), c.forms.get(f, 0)))
            else:
                new = c.gaz.name if c.gaz is not None else a.name
        if new != a.name:
            old = a.name
            a.name = new
            if new in a.aliases:
                a.aliases.remove(new)
            if old in c.forms and old not in a.aliases:
                a.aliases.append(old)

    # -- clusters and mentions -------------------------------------------

    def _cluster_of(self, actor: Actor) -> _Cluster | None:
        return next((c for c in self._clusters if c.actor is actor), None)

    def _new_cluster(self, actor: Actor, gaz: GazEntry | None, at: int) -> _Cluster:
        c = _Cluster(actor=actor, gaz=gaz, first=at)
        self._clusters.append(c)
        self.actors.append(actor)
        if gaz is not None:
            self._by_gaz[gaz.name] = c
        return c

    def _gaz_cluster(self, entry: GazEntry, at: int) -> _Cluster:
        c = self._by_gaz.get(entry.name)
        if c is None:
            c = self._new_cluster(Actor(name=entry.name, type=entry.type, country=entry.country), entry, at)
        return c

    def _state_cluster(self, code: str, at: int) -> _Cluster:
        entry = self.gaz.state(code)
        if entry is not None:
            return self._gaz_cluster(entry, at)
        for c in self._clusters:
            if c.actor.type == "state" and c.actor.country == code:
                return c
        return self._new_cluster(Actor(name=code, type="state", country=code), None, at)

    def _add(self, c: _Cluster, start: int, end: int, text: str, alias: bool = True) -> None:
        if (start, end, id(c)) not in self._mention_keys:
            self._mention_keys.add((start, end, id(c)))
            self._mentions.append((start, end, c))
        if (start, end) not in c.actor.mentions:
            c.actor.mentions.append((start, end))
            c.actor.mentions.sort()
        c.first = min(c.first, start)
        text = _alias_form(text)
        if alias and text and text != c.actor.name and text not in c.actor.aliases:
            c.actor.aliases.append(text)

    def _mentions_near(self, start: int, end: int) -> list[tuple[int, int, _Cluster]]:
        """The mentions that may overlap [start, end), in the order they were recorded.

        Mentions are only ever added: an index by start is kept (the new ones
        are added to it), and none starts before `start` by more than the
        longest mention is long.
        """
        mentions = self._mentions
        for k in range(self._indexed, len(mentions)):  # index the new ones
            s, e, _ = mentions[k]
            at = bisect_right(self._starts, s)
            self._starts.insert(at, s)
            self._by_start.insert(at, k)
            self._longest_mention = max(self._longest_mention, e - s)
        self._indexed = len(mentions)
        lo = bisect_left(self._starts, start - self._longest_mention)
        hi = bisect_left(self._starts, end)
        return [mentions[k] for k in sorted(self._by_start[lo:hi])]

    def _cluster_covering(self, token: Token) -> _Cluster | None:
        """The actor of the smallest recorded mention that contains `token`."""
        start, end = token.idx, token.idx + len(token)
        best: tuple[int, _Cluster] | None = None
        for s, e, c in self._mentions_near(start, end):
            if s <= start and end <= e and (best is None or e - s < best[0]):
                best = (e - s, c)
        return best[1] if best else None

    def _last_mention_before(self, c: _Cluster, at: int) -> int | None:
        starts = [s for s, _, cc in self._mentions if cc is c and s < at]
        return max(starts) if starts else None

    def _by_form(self, text: str) -> _Cluster | None:
        """The actor called `text`: its name, an alias, a surname or a spelling variant."""
        k = key(text)
        if not k:
            return None
        for c in self._clusters:
            if k in c.form_keys():
                return c
        if not text[:1].isupper():
            return None
        if len(k.split()) == 1:
            # "the Post" for The Washington Post: the last word of a medium's name
            for c in self._clusters:
                if c.actor.type != "media":
                    continue
                words = key(c.actor.name).split()
                if len(words) >= 2 and words[-1] == k:
                    return c
        return self._match_person(text)

    def _match_person(self, text: str) -> _Cluster | None:
        """A person of the article whose name `text` can be (surname, variant, first name)."""
        words = key_words(text)
        if not words:
            return None
        persons = [c for c in self._clusters if c.actor.type == "person"]
        for c in sorted(persons, key=lambda c: -c.first):
            if c.same_person(words):
                return c
        return None

    def _org_from_ent(self, ent: Span) -> _Cluster:
        tokens = [t for t in ent if not (t.dep_ == "det" and t.i == ent.start) and t.tag_ != "POS"]
        text = join_tokens(tokens) or self.text_of(ent)
        cluster = self._by_form(text)
        if cluster is None:
            cluster = self._known_body_of_country(tokens, ent.start_char)
        if cluster is None or cluster.actor.type == "person":
            typ: ActorType = "media" if self.gaz.roles.is_media_name(text) else "organization"
            country = None
            for t in tokens:
                if t.text[:1].isupper():
                    country = self.gaz.country_code(t.text) or self.gaz.place_country(t.text)
                    if country:
                        break
            if country is None:
                owner = self._owner(_left_owner(ent), ent.start_char)
                country = owner.country if owner is not None else None
            cluster = self._new_cluster(Actor(name=text, type=typ, country=country), None, ent.start_char)
        self._add(cluster, ent.start_char, ent.end_char, self.text_of(ent))
        cluster.forms[text] += 1
        return cluster

    def _known_body_of_country(self, tokens: Sequence[Token], at: int) -> _Cluster | None:
        """ "US Central Intelligence Agency": a known body named after its country's name.

        The country word is the body's own country, so the phrase is the body,
        not a new organisation.
        """
        if len(tokens) < 3:
            return None
        code = self.gaz.country_code(tokens[0].text)
        if code is None:
            return None
        rest = join_tokens(tokens[1:])
        cluster = self._by_form(rest)
        if cluster is not None:
            return cluster if cluster.actor.type != "person" and cluster.actor.country == code else None
        entry = self.gaz.lookup(rest)
        if entry is None or entry.type in ("person", "state") or entry.country != code:
            return None
        return self._gaz_cluster(entry, at)


def _names_a_new_body(info: PhraseInfo, gaz: Gazetteer) -> bool:
    """A body noun after capitalised words that name no owner ("the Trans-Baltic News Agency").

    Such a phrase is a name, not a reference back to the last agency of the
    article.  A government's own bodies ("the Interior Ministry") keep the
    reading as a body of the country the article is about.
    """
    if info.head in gaz.roles.government_bodies:
        return False
    return any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in info.owner_tokens)


def _person_cues(tok: Token) -> bool:
    """A lone proper noun that the sentence shows to be a person: an age in apposition
    ("Larysa, 54,") or a relative clause with "who"."""
    if tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON":
        return False
    for child in tok.children:
        if child.dep_ == "appos" and child.like_num:
            return True
        if child.dep_ == "relcl" and any(c.lower_ == "who" for c in child.children):
            return True
    return False


def _same_person(words: Sequence[str], c: _Cluster) -> bool:
    """Whether a name (folded words) can be the person of cluster `c`."""
    surname = words[-1]
    for n in c.name_words():
        if _similar(surname, n[-1], SURNAME_MATCH) and (len(surname) > 3 or surname == n[-1]):
            if len(words) == 1 or len(n) == 1 or _similar(words[0], n[0], FIRSTNAME_MATCH):
                return True
    if len(words) == 1:
        # "Vladimir" for Vladimir Putin: the first name of the article's or the gazetteer's full name
        return surname in c.first_names()
    return False


@lru_cache(maxsize=1 << 12)
def _alias_form(text: str) -> str:
    """A mention's text as an alias: single spaces, no edge punctuation or possessive."""
    return _POSSESSIVE_END.sub("", " ".join(text.split()).strip(" ,;:"))


def _similar(a: str, b: str, cutoff: float) -> bool:
    """Whether `fuzz.ratio(a, b) >= cutoff` (a whole number).

    The ratio is 100 * (1 - d / (len(a) + len(b))) with an edit distance d
    of at least the difference in length: words too different in length
    are told apart without computing it.
    """
    if 100 * abs(len(a) - len(b)) > (100 - cutoff) * (len(a) + len(b)):
        return False
    return _similarity(a, b) >= cutoff


@lru_cache(maxsize=1 << 14)
def _similarity(a: str, b: str) -> float:
    """`fuzz.ratio`, remembered: an article's names are compared with each other again and again."""
    return fuzz.ratio(a, b)


@lru_cache(maxsize=1 << 14)
def key_words(text: str) -> tuple[str, ...]:
    """The words of a name's key (remembered: the same names are compared again and again)."""
    return tuple(key(text).split())


def _left_owner(ent: Span) -> list[Token]:
    """A possessive or adjective just left of an entity: "Ukraine's State Emergency Service"."""
    doc = ent.doc
    i = ent.start - 1
    if i >= 1 and doc[i].tag_ == "POS":
        start = i - 1
        while start - 1 >= 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == i - 1:
            start -= 1
        return list(doc[start:i])
    if i >= 0 and doc[i].ent_type_ == "NORP":
        return [doc[i]]
    return []


def _titled(words: str) -> str:
    """ "defense ministry" -> "Defense Ministry" (acronyms kept)."""
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words.split())


def _spelling(word: str) -> str:
    """One spelling for British and American variants that name bodies ("defense" = "defence")."""
    return {"defense": "defence", "organization": "organisation", "center": "centre"}.get(word, word)


def _subtree_span(token: Token, drop_case: bool = False) -> Span:
    """The phrase a token heads, without relative clauses and trailing punctuation."""
    doc = token.doc
    end = token.i
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "advcl", "cc", "conj"):
            break
        end = child.right_edge.i
    while end > token.i and (doc[end].is_punct or (drop_case and doc[end].tag_ == "POS")):
        end -= 1
    if drop_case and token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "POS":
        end = token.i
    return doc[token.left_edge.i : end + 1]


# -- building the table -----------------------------------------------------------


def build_actor_table(doc: Doc, gazetteer: Gazetteer, published: str | None = None) -> ActorTable:
    """Find, cluster and name the actors of a parsed article.

    `published` (ISO date), when known, picks who held an office for a title
    the article uses without a name ("the Russian president").
    """
    from peacewire.extract.actor_mentions import MentionFinder  # it builds on this module's types

    table = ActorTable(doc, gazetteer, published)
    MentionFinder(table).run()
    table.actors[:] = [c.actor for c in sorted(table._clusters, key=lambda c: c.first)]
    return table


def _first_use(actor: Actor, form: str) -> int:
    return 0 if form == actor.name else 1
