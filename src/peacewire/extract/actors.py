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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from peacewire.extract.actor_phrases import (
    AGENT_DEPS,
    PRONOUNS,
    PhraseInfo,
    find_title,
    is_media_name,
    join_tokens,
    metonym_acts,
    names_owner,
    phrase_root,
    plausible_org,
    read_phrase,
    strip_honorifics,
)
from peacewire.extract.gazetteer import GazEntry, Gazetteer, Place, Surface, first_piece, fold, key
from peacewire.records import Actor, ActorType

# A surname in the article is the same person's when this similar (rapidfuzz ratio).
SURNAME_MATCH = 85.0
FIRSTNAME_MATCH = 75.0
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
        self._places: list[tuple[int, Place]] = []  # places named in the text, by offset

    # -- the interface other extractors use -----------------------------------

    def actor_at(self, start_char: int, end_char: int) -> Actor | None:
        """The actor with a mention overlapping [start_char, end_char) (largest overlap wins)."""
        best: tuple[int, int, int] | None = None
        found: _Cluster | None = None
        for s, e, c in self._mentions:
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
        text = self.doc.text[start:end]
        self._add(cluster, start, end, text, alias=fold(text) not in PRONOUNS)

    def resolve(self, span: Span) -> Actor | None:
        """The actor a noun phrase denotes, or None (pronouns, vague or unknown sources)."""
        tokens = [t for t in span if not (t.is_punct or t.is_space)]
        if not tokens:
            return None
        root = phrase_root(tokens)
        if root.lower_ in PRONOUNS and (root.pos_ == "PRON" or len(tokens) == 1):
            return None
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
        info = read_phrase(tokens, self.gaz)
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
        for ent in span.ents:
            if not (ent.start <= root.i < ent.end):
                continue  # "Zelensky's office" is not Zelensky
            if ent.label_ == "PERSON":
                person = _Builder(self).person(ent, None)
                return person.actor if person is not None else None
            if ent.label_ == "ORG" and plausible_org(ent, self.gaz):
                return self._org_from_ent(ent).actor
        return None

    # -- resolving descriptions ---------------------------------------------

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
        owner = self._owner(info.owner_tokens, at, scope)
        if info.members:
            if owner is not None and owner.cluster is not None and owner.cluster.actor.type != "person":
                return owner.cluster
            return self._recent_group(at)
        if info.title is not None or info.leader:
            holder = self._title_holder(info, owner, at)
            if holder is not None:
                return holder
            if owner is not None and not info.former:
                # an unnamed official speaks for the body or government named with it
                return self._speaks_for(owner, info, at)
            return None
        if info.official:
            if owner is not None:
                return self._speaks_for(owner, info, at)
            if info.local:
                place = self._recent_place(at, info.local)
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
            if owner is not None:
                if owner.cluster is not None and owner.cluster.actor.type == "person":
                    if info.head in ("administration", "government") and owner.country:
                        return self._state_cluster(owner.country, at)  # "the Trump administration"
                    if info.head == "office":
                        return self._leaders_office(owner.cluster, at)  # "Zelensky's office"
                    return None
                if info.state_noun and info.head in ("government", "authority", "leadership") and owner.code:
                    return self._state_cluster(owner.code, at)
                return self._body_cluster(info, owner, at)
            return self._unowned_body(info, at)
        return None

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

        ranked: list[tuple[int, int, int, _Cluster]] = []
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
            # the person mentioned last before the phrase; a title the article gave breaks ties
            ranked.append((int(last is not None), last if last is not None else -c.first, prio, c))
        if ranked:
            return max(ranked, key=lambda r: r[:3])[3]
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

    def _recent_place(self, at: int, scope: str) -> Place | None:
        """The last city (or region) named before `at`: "local authorities" are its."""
        best: Place | None = None
        for pos, p in self._places:
            if pos >= at:
                break
            if scope == "region" and p.kind != "region":
                continue
            best = p
        if best is None and scope == "region":
            return self._recent_place(at, "city")
        return best

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
            typed = (noun == "alliance" and c.actor.type == "alliance") or (
                noun == "bloc"
                and c.actor.type in ("alliance", "organization")
                and len(c.actor.name) > 2
                and c.actor.country is None
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
        if not any(s == start and e == end and cc is c for s, e, cc in self._mentions):
            self._mentions.append((start, end, c))
        if (start, end) not in c.actor.mentions:
            c.actor.mentions.append((start, end))
            c.actor.mentions.sort()
        c.first = min(c.first, start)
        text = re.sub(r"\s*['\u2019]s$", "", " ".join(text.split()).strip(" ,;:"))
        if alias and text and text != c.actor.name and text not in c.actor.aliases:
            c.actor.aliases.append(text)

    def _cluster_covering(self, token: Token) -> _Cluster | None:
        """The actor of the smallest recorded mention that contains `token`."""
        start, end = token.idx, token.idx + len(token)
        best: tuple[int, _Cluster] | None = None
        for s, e, c in self._mentions:
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
            forms = {key(f) for f in (c.actor.name, *c.actor.aliases, *c.forms)}
            if c.gaz is not None:
                forms |= {key(f) for f in c.gaz.names}
            if k in forms:
                return c
        if not text[:1].isupper():
            return None
        if len(k.split()) == 1:
            # "the Post" for The Washington Post: the last word of a medium's name
            for c in self._clusters:
                words = key(c.actor.name).split()
                if c.actor.type == "media" and len(words) >= 2 and words[-1] == k:
                    return c
        return self._match_person(text)

    def _match_person(self, text: str) -> _Cluster | None:
        """A person of the article whose name `text` can be (surname, variant, first name)."""
        words = key(text).split()
        if not words:
            return None
        for c in sorted(self._clusters, key=lambda c: -c.first):
            if c.actor.type == "person" and _same_person(words, c):
                return c
        return None

    def _org_from_ent(self, ent: Span) -> _Cluster:
        tokens = [t for t in ent if not (t.dep_ == "det" and t.i == ent.start) and t.tag_ != "POS"]
        text = join_tokens(tokens) or ent.text
        cluster = self._by_form(text)
        if cluster is None or cluster.actor.type == "person":
            typ: ActorType = "media" if is_media_name(text) else "organization"
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
        self._add(cluster, ent.start_char, ent.end_char, ent.text)
        cluster.forms[text] += 1
        return cluster


def _same_person(words: Sequence[str], c: _Cluster) -> bool:
    """Whether a name (folded words) can be the person of cluster `c`."""
    names = [key(f).split() for f in (c.actor.name, *c.forms)]
    if c.gaz is not None:
        names += [key(n).split() for n in c.gaz.names]
        names += [key(s).split() for s in c.gaz.surnames]
    names = [n for n in names if n]
    surname = words[-1]
    for n in names:
        if fuzz.ratio(surname, n[-1]) >= SURNAME_MATCH and (len(surname) > 3 or surname == n[-1]):
            if len(words) == 1 or len(n) == 1 or fuzz.ratio(words[0], n[0]) >= FIRSTNAME_MATCH:
                return True
    if len(words) == 1:
        # "Vladimir" for Vladimir Putin: the first name of the article's or the gazetteer's full name
        firsts = [key(f).split() for f in c.forms] + ([key(c.gaz.name).split()] if c.gaz is not None else [])
        return any(len(n) >= 2 and n[0] == surname for n in firsts)
    return False


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


def _modifier_use(token: Token) -> bool:
    """A word used as a modifier or as a platform ("Marder vehicles", "posted on Twitter")."""
    if token.dep_ in ("compound", "amod", "nmod") and token.head.i != token.i:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in ("on", "via", "through")


def _clean_name(text: str) -> str:
    """A name without punctuation glued to its end ("Terekhov." but not "Jr.")."""
    words = text.split()
    if words and len(words[-1]) > 4:
        return text.rstrip(".,;:")
    return text


def _with_det(span: Span) -> Span:
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ == "the":
        return doc[span.start - 1 : span.end]
    return span


# -- building the table -----------------------------------------------------------


def build_actor_table(doc: Doc, gazetteer: Gazetteer, published: str | None = None) -> ActorTable:
    """Find, cluster and name the actors of a parsed article.

    `published` (ISO date), when known, picks who held an office for a title
    the article uses without a name ("the Russian president").
    """
    table = ActorTable(doc, gazetteer, published)
    _Builder(table).run()
    table.actors[:] = [c.actor for c in sorted(table._clusters, key=lambda c: c.first)]
    return table


class _Builder:
    """One pass over an article's entities, gazetteer matches and noun chunks."""

    def __init__(self, table: ActorTable) -> None:
        self.t = table
        self.doc = table.doc
        self.gaz = table.gaz
        self.taken: set[int] = set()  # tokens already attributed to an actor or a place

    def run(self) -> None:
        hits = self._scan_gazetteer()
        self._collect_places(hits)
        persons: list[tuple[Span, GazEntry | None]] = []
        for span, surface in hits:
            if surface.entry.type == "person":
                persons.append((span, surface.entry))
            else:
                self._known(span, surface)
        for ent in self.doc.ents:
            if ent.label_ == "PERSON" and not self._overlaps_taken(ent):
                persons.append((ent, None))
        # Full names first, so that surnames and first names attach to them.
        persons.sort(key=lambda p: (len(strip_honorifics(p[0], self.gaz)) < 2, p[0].start))
        for span, entry in persons:
            if not self._overlaps_taken(span) or entry is not None:
                self.person(span, entry)
        for ent in self.doc.ents:
            if ent.label_ in ("ORG", "NORP") and not self._overlaps_taken(ent):
                self._other_ent(ent)
        self._described_bodies()
        self._apposition_titles()
        for c in self.t._clusters:
            self.t._name_cluster(c)

    # -- gazetteer matches -------------------------------------------------

    def _scan_gazetteer(self) -> list[tuple[Span, Surface]]:
        """The longest known form starting at each token, checked against entity boundaries."""
        doc = self.doc
        out: list[tuple[Span, Surface]] = []
        n = len(doc)
        ent_of = {t.i: ent for ent in doc.ents for t in ent}
        full_names = self._full_name_entries()
        pieces = [first_piece(key(t.text)) for t in doc]
        i = 0
        while i < n:
            found: tuple[Span, Surface] | None = None
            lead = 1 if doc[i].lower_ == "the" and i + 1 < n else 0
            words = self.gaz.form_words_from.get(pieces[i + lead], 0)
            # tokens a form of `words` words can span: hyphens and possessives split words
            for j in range(min(n, i + lead + 2 * words + 2), i, -1) if words else ():
                span = doc[i:j]
                if (
                    not span.text[:1].isalnum()
                    or span[-1].is_punct
                    or span[-1].is_space
                    or span[-1].tag_ == "POS"
                ):
                    continue
                if span[0].lower_ in ("a", "an"):
                    continue
                surfaces = self.gaz.surfaces(span.text)
                s = next((x for x in surfaces if self._fits(span, x, ent_of, full_names)), None)
                if s is not None:
                    found = (span, s)
                    break
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found[0].end
        return out

    def _full_name_entries(self) -> set[str]:
        """Known persons named in full somewhere in the article."""
        out: set[str] = set()
        for ent in self.doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                entry = self.gaz.lookup_person(join_tokens(strip_honorifics(ent, self.gaz)))
                if entry is not None:
                    out.add(entry.name)
        return out

    def _fits(self, span: Span, s: Surface, ent_of: dict[int, Span], full_names: set[str]) -> bool:
        ent = ent_of.get(span.start)
        inside_longer = (
            ent is not None
            and (ent.start < span.start or ent.end > span.end)
            and all(ent_of.get(t.i) is ent for t in span)
            and ent.label_
            not in ("NORP", "DATE", "CARDINAL", "ORDINAL", "TIME", "QUANTITY", "MONEY", "PERCENT")
            and not self.gaz.surfaces(ent.text)
            # NER sometimes runs a name into the next one across a comma: no real longer name
            and not any(t.is_punct and t.text in ",;:()" for t in ent)
        )
        if inside_longer:
            # "Sea of Azov", "Washington Post" unknown to the gazetteer, an unknown person's name
            assert ent is not None
            extra = [t for t in ent if t.i < span.start or t.i >= span.end]
            if not all(
                t.lower_ in ("the", "'s", "’s") or fold(t.text) in self.gaz.roles.honorifics for t in extra
            ):
                return False
        if s.entry.type == "person" and len(span) == 1:
            # A bare surname is a known person's only when NER calls it a name
            # (or mislabels it as an organisation), or the full name is in the article.
            label = ent.label_ if ent is not None else ""
            if label in ("GPE", "LOC", "FAC"):
                return False  # "Austin, Texas"
            return label in ("PERSON", "ORG", "NORP") or s.entry.name in full_names
        return True

    def _collect_places(self, hits: list[tuple[Span, Surface]]) -> None:
        """Known places named in the text (NER labels them unreliably: "Kramatorsk" as a product)."""
        doc = self.doc
        hit_tokens = {t.i for s, surface in hits for t in s if surface.kind != "metonym"}
        in_person = {t.i for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2 for t in ent}
        i = 0
        while i < len(doc):
            found = None
            if doc[i].text[:1].isupper() and doc[i].i not in hit_tokens and doc[i].i not in in_person:
                for j in range(min(len(doc), i + 4), i, -1):
                    span = doc[i:j]
                    if span[-1].is_punct or span[-1].tag_ == "POS":
                        continue
                    place = self.gaz.place(span.text)
                    if place is not None:
                        found = (span, place)
                        break
            if found is None:
                i += 1
                continue
            self._place(*found)
            i = found[0].end

    def _place(self, span: Span, place: Place) -> None:
        if not any(pos == span.start_char for pos, _ in self.t._places):
            self.t._places.append((span.start_char, place))
            self.t._places.sort(key=lambda p: p[0])

    def _known(self, span: Span, s: Surface) -> None:
        """A state, body or medium the gazetteer knows."""
        self._take(span)
        if s.kind == "metonym" and not metonym_acts(span, self.gaz):
            return  # "in Kyiv": a place
        c = self.t._gaz_cluster(s.entry, span.start_char)
        shown = _with_det(span) if s.kind == "metonym" or s.entry.type != "state" else span
        self.t._add(c, shown.start_char, shown.end_char, shown.text)
        if s.kind == "name":
            c.forms[self._form_without_owner(span)] += 1

    def _form_without_owner(self, span: Span) -> str:
        """The name a possessive form gives: a state owner becomes its adjective.

        "Russia's defense ministry" -> "Russian Defense Ministry", as bodies
        are commonly named; a place owner is dropped ("Kyiv's City Council").
        """
        for k, t in enumerate(span[:-1]):
            if t.tag_ == "POS" and k > 0:
                owner = span[:k].text
                code = self.gaz.country_code(owner)
                if code is None and self.gaz.place(owner) is None:
                    continue
                rest = span[k + 1 :].text
                state = self.gaz.state(code)
                if state is None:
                    return rest
                prefix = state.demonyms[0] if state.demonyms else state.name
                return f"{prefix} {_titled(rest)}"
        return span.text

    # -- persons ------------------------------------------------------------

    def person(self, span: Span, entry: GazEntry | None) -> _Cluster | None:
        """A person's name (with honorifics stripped) joins its cluster; None if it is no person's."""
        name_tokens = strip_honorifics(span, self.gaz) or list(span)
        text = _clean_name(join_tokens(name_tokens))
        if entry is None:
            if not text[:1].isupper() or len(text.rstrip(".")) < 2 or self._not_a_person(text):
                return None  # NER calls some places persons ("Kyiv")
            entry = self.gaz.lookup_person(text)
        at = name_tokens[0].idx
        cluster = None
        if entry is None or len(text.split()) == 1:
            # A surname alone is first the article's own person's ("Smith" after "John Smith").
            cluster = self.t._match_person(text)
            if cluster is not None and entry is not None and cluster.gaz not in (None, entry):
                cluster = None
        if cluster is None and entry is not None:
            cluster = self.t._gaz_cluster(entry, at)
        if cluster is None and len(name_tokens) == 1 and _modifier_use(name_tokens[0]):
            return None  # "Marder vehicles", "on Twitter": a lone unknown name that is no one speaking
        if entry is None and cluster is not None and cluster.gaz is not None and len(text.split()) >= 2:
            cluster = None  # a different full name than the known person's
        if cluster is None:
            cluster = self.t._new_cluster(Actor(name=text, type="person"), None, at)
        cluster.forms[text] += 1
        name_span = self.doc[name_tokens[0].i : name_tokens[-1].i + 1]
        end = name_span.start_char + len(text) if name_span.text.startswith(text) else name_span.end_char
        self.t._add(cluster, name_span.start_char, end, text)
        if span.start < name_span.start:
            self.t._add(cluster, span.start_char, span.end_char, span.text)  # "Mr Putin", "President Trump"
        self._take(name_span)
        self._left_title(name_span, cluster)
        return cluster

    def _not_a_person(self, text: str) -> bool:
        return self.gaz.place(text) is not None or self.gaz.country_code(text) is not None

    def _left_title(self, name: Span, c: _Cluster) -> None:
        """Title words before a name in its phrase: "Kramatorsk Mayor Oleksander X"."""
        doc = self.doc
        ids = set(range(name.start, name.end))
        start = name.start
        i = name.start - 1
        while i >= name.sent.start:
            t = doc[i]
            attached = t.head.i in ids or t.tag_ == "POS" or (t.text == "-" and i - 1 >= 0)
            if (
                not attached
                or t.dep_ in ("det", "appos", "nsubj", "dobj", "prep", "cc")
                or (t.is_punct and t.text != "-")
            ):
                break
            ids.add(i)
            start = i
            i -= 1
        while start < name.start and doc[start].dep_ == "det":
            start += 1
        if start == name.start:
            return
        self._record_title(c, list(doc[start : name.start]), doc[start : name.end])

    def _record_title(self, c: _Cluster, title_tokens: Sequence[Token], phrase: Span | None) -> None:
        roles = self.gaz.roles
        owner_toks = [t for t in title_tokens if names_owner(t, self.gaz)]
        words = [
            fold(t.text) for t in title_tokens if t not in owner_toks and t.tag_ != "POS" and t.dep_ != "case"
        ]
        former = any(w.rstrip("-") in roles.former_markers for w in words)
        title = find_title([w for w in words if w.rstrip("-") not in roles.former_markers], roles)
        scope = title.scope if title is not None else "national"
        owner = self.t._owner(owner_toks, title_tokens[0].idx, scope) if owner_toks else None
        if title is not None:
            of = owner.of(scope) if owner is not None else None
            if of is None and scope == "national" and c.actor.country:
                of = c.actor.country
            c.titles.append(_Title(key=title.key, of=of, former=former))
        if c.gaz is None and c.actor.country is None and owner is not None:
            c.actor.country = owner.country
        honorific = all(fold(t.text) in roles.honorifics for t in title_tokens)
        if phrase is not None and (title is not None or owner is not None or honorific):
            self.t._add(c, phrase.start_char, phrase.end_char, phrase.text)

    def _apposition_titles(self) -> None:
        """ "Kyiv's mayor, Vitali Klitschko," and "Vitali Klitschko, the mayor of Kyiv," """
        for s, e, c in list(self.t._mentions):
            if c.actor.type != "person":
                continue
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            title_np: list[Token] = []
            if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and root.head.i < span.start:
                title_np = [t for t in root.head.subtree if t.i < span.start]
            else:
                for child in root.rights:
                    if child.dep_ == "appos" and child.pos_ == "NOUN":
                        title_np = list(child.subtree)
                        break
            title_np = [t for t in title_np if not (t.is_punct and t.text != "-")]
            if not title_np:
                continue
            other = self.t._cluster_covering(phrase_root(title_np))
            if other is not None and other is not c:
                continue
            info = read_phrase(title_np, self.gaz)
            if info.title is None and not info.leader:
                continue
            scope = info.title.scope if info.title is not None else "national"
            owner = self.t._owner(info.owner_tokens, title_np[0].idx, scope)
            if info.title is not None:
                of = owner.of(scope) if owner is not None else None
                if of is None and scope == "national" and c.actor.country:
                    of = c.actor.country
                c.titles.append(_Title(key=info.title.key, of=of, former=info.former))
            if c.gaz is None and c.actor.country is None and owner is not None:
                c.actor.country = owner.country
            start = next(t for t in title_np if t.dep_ != "det").idx
            end = title_np[-1].idx + len(title_np[-1])
            self.t._add(c, start, end, self.doc.text[start:end])

    # -- organisations, groups, bodies --------------------------------------------

    def _other_ent(self, ent: Span) -> None:
        if ent.label_ == "NORP":
            self._norp(ent)
            return
        if self.gaz.place(ent.text) is not None or not plausible_org(ent, self.gaz):
            return
        words = [t for t in ent if not t.is_punct]
        # NER sometimes calls a person an organisation: "Trump said", "Mayor Ihor X".
        name = join_tokens(strip_honorifics(ent, self.gaz))
        if name and len(words) <= 3 and all(t.pos_ == "PROPN" for t in words):
            known = self.gaz.lookup_person(name)
            prev = self.doc[ent.start - 1] if ent.start > 0 else None
            after_title = prev is not None and self.gaz.roles.title(prev.text) is not None and len(words) >= 2
            if known is not None or self.t._match_person(name) is not None or after_title:
                self.person(ent, known)
                return
        self.t._org_from_ent(ent)
        self._take(ent)

    def _norp(self, ent: Span) -> None:
        """ "Russian forces", "the Ukrainian military", "the Russians": the state acting."""
        state = self.gaz.state_by_demonym(ent.text)
        if state is None:
            return
        root = ent.root
        roles = self.gaz.roles
        if root.tag_ in ("NNS", "NNPS") and root.dep_ in AGENT_DEPS:
            self._state_alias(state, ent)
        elif root.dep_ in ("amod", "compound") and root.head.i == ent.end:
            head = root.head
            lemma = head.lemma_.lower()
            if (lemma in roles.state_nouns or head.lower_ in roles.state_nouns) and lemma != "side":
                if lemma not in roles.body_nouns or lemma in ("army", "military", "government", "forces"):
                    self._state_alias(state, self.doc[ent.start : head.i + 1])

    def _state_alias(self, state: GazEntry, span: Span) -> None:
        c = self.t._gaz_cluster(state, span.start_char)
        shown = _with_det(span)
        self.t._add(c, shown.start_char, shown.end_char, shown.text)
        self._take(span)

    def _described_bodies(self) -> None:
        """Bodies named by owner + common nouns: "Russia's defense ministry", "Ukraine's government"."""
        roles = self.gaz.roles
        for chunk in self.doc.noun_chunks:
            root = chunk.root
            lemma = root.lemma_.lower()
            if root.i in self.taken:
                continue
            if not (
                lemma in roles.body_nouns or lemma in roles.state_nouns or root.lower_ in roles.state_nouns
            ):
                continue
            if root.tag_ in ("NNS", "NNPS") and lemma not in roles.state_nouns:
                continue  # "Russian oil companies": several bodies, no one actor
            tokens = [t for t in chunk if t.dep_ != "det"]
            info = read_phrase(tokens, self.gaz)
            if not info.owner_tokens or (info.title is not None and not info.body_noun) or info.official:
                continue
            cluster = self.t._by_description(info, tokens, chunk.start_char)
            if cluster is None or cluster.actor.type == "person":
                continue
            shown = _with_det(self.doc[tokens[0].i : chunk.end])
            self.t._add(cluster, shown.start_char, shown.end_char, shown.text)
            self._take(chunk)

    # -- bookkeeping --------------------------------------------------------------

    def _overlaps_taken(self, span: Span) -> bool:
        return any(t.i in self.taken for t in span)

    def _take(self, span: Span) -> None:
        self.taken.update(t.i for t in span)


def _first_use(actor: Actor, form: str) -> int:
    return 0 if form == actor.name else 1
