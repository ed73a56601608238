"""The actors of one article: who is named, how, and what each form refers to.

`build_actor_table` reads a parsed article once and clusters the forms it uses
for each actor (full name, surname, spelling variants, title + name, "the
Kremlin" for Russia, "Russia's defense ministry"...).  The resulting
`ActorTable` answers the question every later extractor asks: which actor does
this noun phrase ("the president", "US officials", "the ministry") denote?
Knowledge about the domain (known actors, places, titles) comes from the
gazetteer; everything else is read off the dependency parse and entity labels.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from peacewire.extract.gazetteer import GazEntry, Gazetteer, Place, Surface, TitleSpec, fold, key
from peacewire.records import Actor, ActorType

# Prepositions after which a capital is a place, not a government ("in Kyiv").
LOCATIVE_PREPS = frozenset(
    {
        "in", "at", "to", "into", "near", "outside", "around", "across", "from", "over", "toward",
        "towards", "through", "within", "inside", "throughout", "beyond", "past", "above", "below",
        "off", "via", "along", "onto", "upon", "on", "out", "under", "behind", "beside", "nearby",
    }
)  # fmt: skip
# Dependency labels of a word that acts or speaks (or owns: "Moscow's demands").
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss", "dobj", "dative", "appos", "conj", "ROOT",
                        "attr", "iobj", "npadvmod"})  # fmt: skip
PRONOUNS = frozenset(
    {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "who", "which",
     "that", "this", "these", "those", "his", "its", "their", "our", "one", "himself", "herself",
     "itself", "themselves"}
)  # fmt: skip
# Nouns that make "X's <noun>" about the city X, not its government: "Kyiv's mayor".
LOCAL_HEADS = frozenset(
    {"mayor", "residents", "resident", "streets", "street", "outskirts", "suburbs", "districts",
     "district", "centre", "center", "skies", "sky", "airport", "region", "oblast", "people",
     "population", "citizens", "council", "administration", "buildings", "infrastructure",
     "neighbourhoods", "neighborhoods", "metro", "subway", "station", "governor", "air"}
)  # fmt: skip
MEDIA_WORDS = frozenset(
    {"news", "times", "post", "journal", "tv", "television", "radio", "gazette", "telegraph",
     "guardian", "tribune", "herald", "ilbo", "pravda", "izvestia", "kommersant", "vedomosti",
     "agency", "newspaper", "broadcaster", "channel", "press", "daily", "weekly", "magazine",
     "media", "network", "insider", "observer", "independent", "express", "mail", "sun", "mirror"}
)  # fmt: skip
ENT_PERSON = "PERSON"


@dataclass
class _Title:
    """A title the article gives a person: "Kramatorsk Mayor", "Kremlin spokesperson"."""

    key: str
    of: str | None  # ISO-3 code, a body's name, or a place's name
    former: bool
    at: int


@dataclass
class _Cluster:
    actor: Actor
    gaz: GazEntry | None = None
    titles: list[_Title] = field(default_factory=list)
    forms: Counter[str] = field(default_factory=Counter)
    first: int = 0


@dataclass(frozen=True)
class _Owner:
    """Whose a title or a body is: a state (code), a known entry, a place, or an article actor."""

    code: str | None = None
    entry: GazEntry | None = None
    place: Place | None = None
    cluster: _Cluster | None = None
    text: str = ""

    @property
    def country(self) -> str | None:
        if self.code:
            return self.code
        if self.entry is not None:
            return self.entry.country
        if self.place is not None:
            return self.place.country
        if self.cluster is not None:
            return self.cluster.actor.country
        return None

    @property
    def of(self) -> str | None:
        """The `of` of a role held by this owner."""
        if self.code:
            return self.code
        if self.entry is not None:
            return self.entry.country if self.entry.type == "state" else self.entry.name
        if self.place is not None:
            return self.place.name
        if self.cluster is not None:
            return self.cluster.actor.name
        return None


class ActorTable:
    """The actors of one article with their mentions; resolves noun phrases to them."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, published: str | None = None) -> None:
        self.doc = doc
        self.gaz = gazetteer
        self.published = published
        self._clusters: list[_Cluster] = []
        self._by_gaz: dict[str, _Cluster] = {}
        self._mentions: list[tuple[int, int, _Cluster]] = []
        self._places: list[tuple[int, Place]] = []  # places named, by position
        self.actors: list[Actor] = []
        """The actors, in order of first mention (actors found later by `resolve` are appended)."""

    # -- public interface ---------------------------------------------------

    def _sort_actors(self) -> None:
        self.actors[:] = [c.actor for c in sorted(self._clusters, key=lambda c: c.first)]

    def actor_at(self, start_char: int, end_char: int) -> Actor | None:
        """The actor a mention overlapping [start_char, end_char) belongs to (largest overlap wins)."""
        best: tuple[int, int, int] | None = None
        found: _Cluster | None = None
        for s, e, c in self._mentions:
            overlap = min(e, end_char) - max(s, start_char)
            if overlap <= 0:
                continue
            rank = (overlap, -(e - s), c.actor.type == "person")
            score = (rank[0], rank[1], int(rank[2]))
            if best is None or score > best:
                best, found = score, c
        return found.actor if found else None

    def add_mention(self, actor: Actor, span: Span | tuple[int, int]) -> None:
        """Record that `span` refers to `actor` (its text becomes an alias unless a pronoun)."""
        cluster = self._cluster_of(actor)
        if cluster is None:
            cluster = self._new_cluster(actor, None, _start(span))
        start, end = (span.start_char, span.end_char) if isinstance(span, Span) else span
        text = span.text if isinstance(span, Span) else self.doc.text[start:end]
        self._add(cluster, start, end, text, alias=not _is_pronoun_text(text))

    def resolve(self, span: Span) -> Actor | None:
        """The actor a noun phrase denotes, or None (pronouns, vague or unknown sources)."""
        words = [t for t in span if not (t.is_punct or t.is_space)]
        if not words:
            return None
        root = span.root
        if len(words) == 1 and (root.pos_ == "PRON" or root.lower_ in PRONOUNS):
            return None
        if root.lower_ in PRONOUNS and root.pos_ == "PRON":
            return None
        # A mention already recorded at the phrase's head.
        hit = self._cluster_covering(root)
        if hit is not None:
            return hit.actor
        text = _strip_phrase(words, self.gaz)
        if text:
            cluster = self._by_form(text, span.start_char)
            if cluster is not None:
                return cluster.actor
        np = _NounPhrase.read(span, self.gaz)
        if np.vague:
            return None
        if np.title is not None or np.leader:
            cluster = self._by_title(np, span.start_char)
            if cluster is not None:
                return cluster.actor
        owner = self._owner_of(np.owner_tokens, span.start_char)
        if np.official or (np.title is not None and owner is not None):
            return self._official_of(np, owner, span)
        if np.state_noun:
            if owner is not None and owner.country:
                return self._state_cluster(owner.country, span.start_char).actor
            cluster = self._recent_with_noun(np.head_lemma, span.start_char)
            return cluster.actor if cluster else None
        if np.body_noun:
            if owner is not None:
                return self._body_cluster(span, np, owner).actor
            cluster = self._recent_with_noun(np.head_lemma, span.start_char)
            return cluster.actor if cluster else None
        # An unknown proper name: a person or an organisation from NER.
        for ent in span.ents:
            if ent.label_ == ENT_PERSON:
                return self._person_from_ent(ent).actor
            if ent.label_ == "ORG":
                return self._org_from_ent(ent).actor
        if text:
            entry = self.gaz.lookup(text) or self.gaz.lookup_person(text)
            if entry is not None and (entry.type != "person" or root.pos_ == "PROPN"):
                return self._gaz_cluster(entry, span.start_char).actor
        return None

    # -- clusters and mentions -------------------------------------------

    def _cluster_of(self, actor: Actor) -> _Cluster | None:
        for c in self._clusters:
            if c.actor is actor:
                return c
        return None

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
        c.first = min(c.first, at)
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
        start, end = token.idx, token.idx + len(token)
        best: tuple[int, _Cluster] | None = None
        for s, e, c in self._mentions:
            if s <= start and end <= e:
                size = e - s
                if best is None or size < best[0]:
                    best = (size, c)
        return best[1] if best else None

    def _by_form(self, text: str, at: int) -> _Cluster | None:
        """A cluster named by `text`: its name, an alias, a surname or a spelling variant."""
        k = key(text)
        if not k:
            return None
        for c in self._clusters:
            forms = {key(f) for f in (c.actor.name, *c.actor.aliases)}
            if c.gaz is not None:
                forms |= {key(f) for f in (*c.gaz.names, *c.gaz.metonyms)}
            if k in forms:
                return c
        if not text[:1].isupper():
            return None
        words = k.split()
        for c in sorted(self._clusters, key=lambda c: -c.first):
            if c.actor.type != "person":
                continue
            if _same_person_name(words, c, self.gaz):
                return c
        return None

    # -- titles, officials, bodies -------------------------------------------

    def _by_title(self, np: _NounPhrase, at: int) -> _Cluster | None:
        """The person an article title ("the mayor", "Ukraine's leader") refers to."""
        owner = self._owner_of(np.owner_tokens, at)
        want_of = owner.of if owner else None
        want_country = owner.country if owner else None

        def fits(title_key: str, of: str | None) -> bool:
            if np.leader:
                spec = self.gaz.roles.spec(title_key)
                ok = spec is not None and spec.leader
            else:
                ok = np.title is not None and title_key == np.title.key
            if not ok:
                return False
            if owner is None:
                return True
            if of is None:
                return False
            return of == want_of or of == want_country or self.gaz.place_country(of) == want_country

        candidates: list[tuple[int, _Cluster]] = []
        for c in self._clusters:
            if c.actor.type != "person":
                continue
            last = self._last_mention_before(c, at)
            if any(fits(t.key, t.of) and not t.former for t in c.titles):
                candidates.append((2, c))
            elif c.gaz is not None and any(fits(r.title, r.of) for r in c.gaz.roles_at(self.published)):
                candidates.append((1, c))
            else:
                continue
            del last
        if not candidates:
            if owner is not None and owner.code and self.published and np.title is not None:
                holders = self.gaz.holders(np.title.key, owner.code, self.published)
                if len(holders) == 1:
                    return self._gaz_cluster(holders[0], at)
            return None

        def recency(item: tuple[int, _Cluster]) -> tuple[int, int, int]:
            prio, c = item
            last = self._last_mention_before(c, at)
            return (int(last is not None), prio, last if last is not None else -c.first)

        return max(candidates, key=recency)[1]

    def _last_mention_before(self, c: _Cluster, at: int) -> int | None:
        starts = [s for s, _, cc in self._mentions if cc is c and s < at]
        return max(starts) if starts else None

    def _owner_of(self, tokens: Sequence[Token], at: int) -> _Owner | None:
        """Whose the phrase is, from its possessive, adjective, compound or of-phrase."""
        if not tokens:
            return None
        text = " ".join(t.text for t in tokens if t.dep_ != "case" and t.tag_ != "POS")
        text = text.replace(" - ", "-").strip()
        if not text:
            return None
        if fold(text) in {"country", "country 's", "nation"}:
            return None
        covering = self._cluster_covering(tokens[0])
        if covering is not None and covering.actor.type != "person":
            if covering.actor.type == "state" and covering.actor.country:
                return _Owner(code=covering.actor.country, text=text)
            return _Owner(entry=covering.gaz, cluster=covering, text=text)
        code = self.gaz.country_code(text)
        if code is not None:
            return _Owner(code=code, text=text)
        place = self.gaz.place(text)
        if place is not None:
            return _Owner(place=place, text=text)
        entry = self.gaz.lookup(text)
        if entry is not None:
            if entry.type == "state":
                return _Owner(code=entry.country, text=text)
            return _Owner(entry=entry, text=text)
        if covering is not None:
            return _Owner(cluster=covering, text=text)
        cluster = self._by_form(text, at)
        if cluster is not None:
            if cluster.actor.type == "state" and cluster.actor.country:
                return _Owner(code=cluster.actor.country, text=text)
            return _Owner(cluster=cluster, text=text)
        return None

    def _official_of(self, np: _NounPhrase, owner: _Owner | None, span: Span) -> Actor | None:
        """Unnamed officials speak for their government, body or local administration."""
        at = span.start_char
        if owner is None:
            if np.local:
                place = self._recent_place(at, np.local)
                if place is not None:
                    return self._administration(place, at).actor
            return None
        if owner.place is not None and owner.code is None:
            return self._administration(owner.place, at).actor
        if owner.cluster is not None:
            c = owner.cluster
            if c.actor.type == "person":
                # "Trump administration officials": the person's government.
                return self._state_cluster(c.actor.country, at).actor if c.actor.country else None
            return c.actor
        if owner.entry is not None and owner.entry.type != "state":
            return self._gaz_cluster(owner.entry, at).actor
        if owner.code:
            return self._state_cluster(owner.code, at).actor
        return None

    def _recent_place(self, at: int, scope: str) -> Place | None:
        """The last city (or region) named before `at`: "local authorities" belong to it."""
        best: Place | None = None
        for pos, p in self._places:
            if pos >= at:
                break
            if scope == "region" and p.kind != "region" and best is not None:
                continue
            best = p
        return best

    def _administration(self, place: Place, at: int) -> _Cluster:
        """A city's or region's administration, as the article names it if it does."""
        pk = key(place.name)
        for c in self._clusters:
            if c.actor.type in ("organization", "state") and c.actor.type != "state":
                words = key(c.actor.name).split()
                if pk in key(c.actor.name) and words and words[-1] in {
                    "administration", "council", "authorities", "government", "office", "hall",
                }:  # fmt: skip
                    return c
        name = f"{place.name} {'city' if place.kind == 'city' else 'regional'} administration"
        for c in self._clusters:
            if c.actor.name == name:
                return c
        return self._new_cluster(Actor(name=name, type="organization", country=place.country), None, at)

    def _recent_with_noun(self, noun: str, at: int) -> _Cluster | None:
        """The last actor before `at` whose name or alias has `noun` as a word ("the ministry")."""
        best: tuple[int, _Cluster] | None = None
        for s, _, c in self._mentions:
            if s >= at or c.actor.type == "person":
                continue
            forms = [c.actor.name, *c.actor.aliases]
            words = {w for f in forms for w in key(f).replace("-", " ").split()}
            typed = (noun in ("alliance", "bloc") and c.actor.type == "alliance") or (
                noun == "bloc" and c.actor.name == "European Union"
            )
            if noun in words or _lemma_plural(noun) & words or typed:
                if best is None or s > best[0]:
                    best = (s, c)
        return best[1] if best else None

    def _body_cluster(self, span: Span | Sequence[Token], np: _NounPhrase, owner: _Owner) -> _Cluster:
        """An unnamed body of a state or place: "Russia's defense ministry" -> Russian Defense Ministry."""
        at = span[0].idx
        body = [t for t in np.body_tokens]
        words = " ".join(t.text for t in body).replace(" - ", "-")
        titled = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words.split())
        prefix = owner.text
        if owner.code:
            state = self.gaz.state(owner.code)
            if state is not None:
                if owner.text and owner.text.isupper():
                    prefix = owner.text
                elif state.demonyms:
                    prefix = state.demonyms[0]
                else:
                    prefix = state.name
        elif owner.place is not None:
            prefix = owner.place.name
        elif owner.cluster is not None:
            prefix = owner.cluster.actor.name
        elif owner.entry is not None:
            prefix = owner.entry.name
        name = f"{prefix} {titled}".strip()
        country = owner.country
        for c in self._clusters:
            if key(c.actor.name) == key(name):
                return c
        return self._new_cluster(Actor(name=name, type="organization", country=country), None, at)

    # -- building ------------------------------------------------------------

    def _person_from_ent(self, ent: Span) -> _Cluster:
        name_tokens = _strip_honorifics(ent, self.gaz)
        if not name_tokens:
            name_tokens = list(ent)
        text = _join(name_tokens)
        entry = self.gaz.lookup_person(text)
        at = name_tokens[0].idx
        if entry is not None:
            c = self._gaz_cluster(entry, at)
        else:
            c = self._match_person(text, at) or self._new_cluster(Actor(name=text, type="person"), None, at)
        self._add(c, name_tokens[0].idx, name_tokens[-1].idx + len(name_tokens[-1]), ent.text.strip())
        c.forms[text] += 1
        return c

    def _match_person(self, text: str, at: int) -> _Cluster | None:
        words = key(text).split()
        for c in sorted(self._clusters, key=lambda c: -c.first):
            if c.actor.type == "person" and _same_person_name(words, c, self.gaz):
                return c
        return None

    def _org_from_ent(self, ent: Span) -> _Cluster:
        tokens = [t for t in ent if not (t.dep_ == "det" and t.i == ent.start) and t.tag_ != "POS"]
        text = _join(tokens) or ent.text
        for c in self._clusters:
            if key(c.actor.name) == key(text):
                self._add(c, ent.start_char, ent.end_char, ent.text)
                return c
        typ: ActorType = "organization"
        words = key(text).split()
        if words and (words[-1] in MEDIA_WORDS or words[0] in {"news"}):
            typ = "media"
        country = None
        for w in tokens:
            code = self.gaz.country_code(w.text) if w.text[:1].isupper() else None
            country = code or self.gaz.place_country(w.text) if w.text[:1].isupper() else None
            if country:
                break
        if country is None:
            owner = self._owner_of(_left_owner_tokens(ent), ent.start_char)
            if owner is not None:
                country = owner.country
        c = self._new_cluster(Actor(name=text, type=typ, country=country), None, ent.start_char)
        self._add(c, ent.start_char, ent.end_char, ent.text)
        return c


# -- noun phrase analysis -------------------------------------------------------


@dataclass
class _NounPhrase:
    """What a noun phrase says about its referent (title, owner, kind of noun)."""

    head_lemma: str
    title: TitleSpec | None = None
    former: bool = False
    leader: bool = False
    official: bool = False
    local: str = ""
    vague: bool = False
    state_noun: bool = False
    body_noun: bool = False
    owner_tokens: list[Token] = field(default_factory=list)
    body_tokens: list[Token] = field(default_factory=list)

    @classmethod
    def read(cls, span: Span | Sequence[Token], gaz: Gazetteer) -> _NounPhrase:
        tokens = [t for t in span if not (t.is_punct or t.is_space)]
        root = _root(tokens)
        roles = gaz.roles
        head = root.lemma_.lower() if root.pos_ != "PROPN" else root.lower_
        np = cls(head_lemma=head)
        inner = [t for t in tokens if t.dep_ not in ("det", "case") and t.tag_ != "POS"]
        owner = _owner_tokens(tokens, root, gaz)
        np.owner_tokens = owner
        rest = [t for t in inner if t not in owner and t.lower_ not in PRONOUNS]
        # drop leading adjectives that are neither part of a title nor a body's name
        words = [fold(t.text) for t in rest]
        np.former = any(w in roles.former_markers for w in words)
        np.title = _find_title(words, roles)
        lower = root.lower_
        if lower in roles.leader_forms or head in roles.leader_forms:
            np.leader = True
            np.title = None
        if np.title is not None and np.title.key in ("director",) and head not in np.title.forms:
            np.title = None
        local = [w for w in words if w in roles.local_modifiers]
        if lower in roles.official_nouns or head in roles.official_nouns:
            if np.title is None or lower not in np.title.forms:
                np.official = True
            np.local = "region" if "regional" in local or "oblast" in local else ("city" if local else "")
        if lower in roles.vague_nouns or head in roles.vague_nouns:
            np.vague = not owner or head in {"source", "report", "analyst", "expert", "observer"}
        if (
            head in roles.state_nouns
            or lower in roles.state_nouns
            or " ".join(words[-2:]) in roles.state_nouns
        ):
            np.state_noun = not np.official or head in ("government", "authority", "leadership")
        if head in roles.body_nouns or lower in roles.body_nouns:
            np.body_noun = True
            np.body_tokens = rest
        if np.title is not None and (np.official or np.body_noun) and lower not in np.title.forms:
            np.title = None
        return np


def _find_title(words: Sequence[str], roles_lex: object) -> TitleSpec | None:
    from peacewire.extract.gazetteer import RoleLexicon

    assert isinstance(roles_lex, RoleLexicon)
    best: TitleSpec | None = None
    best_len = 0
    n = len(words)
    for i in range(n):
        for j in range(min(n, i + roles_lex.max_title_words), i, -1):
            if j - i <= best_len:
                break
            t = roles_lex.title(" ".join(words[i:j]))
            if t is not None:
                best, best_len = t, j - i
                break
    return best


def _root(tokens: Sequence[Token]) -> Token:
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1]


def _owner_tokens(tokens: Sequence[Token], root: Token, gaz: Gazetteer) -> list[Token]:
    """Tokens of the phrase that name whose it is: "Russia's", "Ukrainian", "Kremlin", "of Ukraine"."""
    ids = {t.i for t in tokens}
    out: list[Token] = []
    for t in tokens:
        if t.i == root.i:
            continue
        if t.dep_ == "poss" and t.head.i in ids:
            out.extend(x for x in t.subtree if x.i in ids and x.tag_ != "POS" and x.dep_ != "case")
            continue
        if t.dep_ in ("amod", "compound", "nmod", "npadvmod") and t.i < root.i and _names_owner(t, gaz):
            out.append(t)
    for t in root.rights:
        if t.dep_ == "prep" and t.lower_ in ("of", "for") and t.i in ids:
            for obj in t.children:
                if obj.dep_ == "pobj":
                    owner = [x for x in obj.subtree if x.i in ids and _names_owner(x, gaz)]
                    out.extend(owner)
    return sorted(set(out), key=lambda t: t.i)


def _names_owner(t: Token, gaz: Gazetteer) -> bool:
    """Whether a modifier names an owner (a state, place, body), not a kind ("defence ministry")."""
    if not t.text[:1].isupper():
        return False
    if t.ent_type_ in ("NORP", "GPE", "LOC") or t.pos_ == "PROPN":
        return True
    return gaz.state_by_demonym(t.text) is not None or gaz.place(t.text) is not None


def _left_owner_tokens(ent: Span) -> list[Token]:
    """A possessive or adjective just left of an entity: "Ukraine's State Emergency Service"."""
    doc = ent.doc
    i = ent.start - 1
    if i >= 1 and doc[i].tag_ == "POS":
        j = i - 1
        start = j
        while start - 1 >= 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == j:
            start -= 1
        return list(doc[start : j + 1])
    if i >= 0 and doc[i].ent_type_ == "NORP":
        return [doc[i]]
    return []


def _strip_honorifics(tokens: Iterable[Token], gaz: Gazetteer) -> list[Token]:
    toks = [t for t in tokens if t.tag_ != "POS" and not t.is_punct or t.text in ("-",)]
    while toks and (fold(toks[0].text) in gaz.roles.honorifics or toks[0].dep_ == "det"):
        toks = toks[1:]
    while toks and toks[-1].tag_ == "POS":
        toks = toks[:-1]
    return toks


def _strip_phrase(words: Sequence[Token], gaz: Gazetteer) -> str:
    toks = [t for t in words if t.dep_ != "det" and t.tag_ != "POS"]
    while toks and fold(toks[0].text) in gaz.roles.honorifics and len(toks) > 1:
        toks = toks[1:]
    return _join(toks)


def _join(tokens: Sequence[Token]) -> str:
    """The tokens' text, spaced as in the article (a space where tokens were dropped)."""
    out = ""
    for n, t in enumerate(tokens):
        out += t.text
        if n + 1 < len(tokens):
            nxt = tokens[n + 1]
            out += t.whitespace_ if nxt.i == t.i + 1 else " "
    return " ".join(out.split())


def _start(span: Span | tuple[int, int]) -> int:
    return span.start_char if isinstance(span, Span) else span[0]


def _is_pronoun_text(text: str) -> bool:
    return fold(text) in PRONOUNS


def _lemma_plural(noun: str) -> set[str]:
    return {noun + "s", noun[:-1] + "ies"} if noun.endswith("y") else {noun + "s"}


def _same_person_name(words: Sequence[str], c: _Cluster, gaz: Gazetteer) -> bool:
    """Whether name `words` (folded) can be the person of cluster `c`."""
    from rapidfuzz import fuzz

    if not words:
        return False
    names = [key(f).split() for f in (c.actor.name, *c.forms.keys())]
    if c.gaz is not None:
        names += [key(n).split() for n in c.gaz.names]
    names = [n for n in names if n]
    surname = words[-1]
    for n in names:
        if fuzz.ratio(surname, n[-1]) >= 85 and (len(surname) > 3 or surname == n[-1]):
            if len(words) == 1 or len(n) == 1 or fuzz.ratio(words[0], n[0]) >= 75:
                return True
    if len(words) == 1:
        # "Vladimir" for Vladimir Putin: a first name, when the article has one such person
        return any(len(n) >= 2 and n[0] == surname for n in names)
    return False


# -- the builder -----------------------------------------------------------------


def build_actor_table(doc: Doc, gazetteer: Gazetteer, published: str | None = None) -> ActorTable:
    """Find, cluster and name the actors of a parsed article.

    `published` (ISO date) selects who held an office when a title stands
    alone ("the Russian president" in a 2023 article).
    """
    table = ActorTable(doc, gazetteer, published)
    _Builder(table).run()
    table._sort_actors()
    return table


class _Builder:
    def __init__(self, table: ActorTable) -> None:
        self.t = table
        self.doc = table.doc
        self.gaz = table.gaz
        self.taken: set[int] = set()  # token indices already attributed

    def run(self) -> None:
        gaz_hits = self._scan_gazetteer()
        persons: list[tuple[Span, GazEntry | None]] = []
        for span, surface in gaz_hits:
            if surface.entry.type == "person":
                persons.append((span, surface.entry))
        for ent in self.doc.ents:
            if ent.label_ == ENT_PERSON and not self._overlaps_taken(ent):
                persons.append((ent, None))
        # Places first: metonym decisions and local officials need them.
        self._collect_places(gaz_hits)
        for span, surface in gaz_hits:
            if surface.entry.type != "person":
                self._gaz_mention(span, surface)
        # Full names before single names so that surnames attach to them.
        persons.sort(key=lambda p: (len(_strip_honorifics(p[0], self.gaz)) < 2, p[0].start))
        for span, entry in persons:
            self._person(span, entry)
        for ent in self.doc.ents:
            if ent.label_ in ("ORG", "NORP", "GPE", "FAC", "LOC") and not self._overlaps_taken(ent):
                self._other_ent(ent)
        self._owned_bodies()
        self._apposition_titles()

    # gazetteer scan: longest known form at each token
    def _scan_gazetteer(self) -> list[tuple[Span, Surface]]:
        doc = self.doc
        out: list[tuple[Span, Surface]] = []
        i = 0
        n = len(doc)
        maxw = self.gaz.max_form_words + 1
        person_ents = {t.i: ent for ent in doc.ents if ent.label_ == ENT_PERSON for t in ent}
        while i < n:
            found: tuple[Span, Surface] | None = None
            for j in range(min(n, i + maxw), i, -1):
                span = doc[i:j]
                if not span.text[:1].isalnum():
                    continue
                surfaces = self.gaz.surfaces(span.text)
                if not surfaces:
                    continue
                s = surfaces[0]
                pe = person_ents.get(i)
                if pe is not None and s.entry.type != "person" and len(pe) > j - i and pe.start <= i:
                    # part of a longer personal name the gazetteer does not know
                    continue
                if j < n and doc[j].tag_ == "POS" and s.kind == "metonym" and doc[j - 1].i == j - 1:
                    pass
                if (
                    j < n
                    and doc[j].pos_ == "PROPN"
                    and doc[j].text[:1].isupper()
                    and s.entry.type == "state"
                    and doc[j].ent_iob_ == "I"
                    and doc[j - 1].ent_iob_ != "O"
                    and self.gaz.surfaces(doc[i : j + 1].text) == []
                ):
                    # "Washington Post", "Moscow Times": a longer name the gazetteer lacks
                    ent = doc[j].ent_type_
                    if ent in ("ORG", "PERSON", "WORK_OF_ART"):
                        continue
                found = (span, s)
                break
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found[0].end
        return out

    def _overlaps_taken(self, span: Span) -> bool:
        return any(t.i in self.taken for t in span)

    def _take(self, span: Span) -> None:
        self.taken.update(t.i for t in span)

    def _collect_places(self, gaz_hits: list[tuple[Span, Surface]]) -> None:
        hit_tokens = {t.i for s, _ in gaz_hits for t in s}
        for ent in self.doc.ents:
            if ent.label_ not in ("GPE", "LOC", "ORG", "PERSON", "FAC", "NORP"):
                continue
            place = self.gaz.place(ent.text)
            if place is None:
                continue
            if ent.label_ in ("ORG", "PERSON") and any(t.i in hit_tokens for t in ent):
                continue
            self.t._places.append((ent.start_char, place))
        self.t._places.sort(key=lambda p: p[0])

    def _gaz_mention(self, span: Span, s: Surface) -> None:
        entry = s.entry
        if s.kind == "metonym" and not _acts(span, self.gaz):
            place = self.gaz.place(span.text)
            self._take(span)
            if place is not None and not any(pos == span.start_char for pos, _ in self.t._places):
                self.t._places.append((span.start_char, place))
                self.t._places.sort(key=lambda p: p[0])
            return
        if entry.type == "state" and s.kind == "name" and _in_owner_position(span):
            # "Russia's defense ministry": the owner; still a mention of the state
            pass
        c = self.t._gaz_cluster(entry, span.start_char)
        text = span.text
        start = span.start_char
        if span.start > 0 and self.doc[span.start - 1].lower_ == "the" and s.kind == "metonym":
            start = self.doc[span.start - 1].idx
            text = self.doc[span.start - 1 : span.end].text
        self.t._add(c, start, span.end_char, text)
        self._take(span)

    def _person(self, span: Span, entry: GazEntry | None) -> None:
        name_tokens = _strip_honorifics(span, self.gaz)
        if not name_tokens:
            return
        text = _join(name_tokens)
        if entry is None:
            if not text[:1].isupper() or len(text) < 2:
                return
            # NER calls some places and states persons ("Kyiv"): trust the gazetteer.
            if self.gaz.place(text) is not None or self.gaz.country_code(text) is not None:
                place = self.gaz.place(text)
                if place is not None:
                    self.t._places.append((span.start_char, place))
                    self.t._places.sort(key=lambda p: p[0])
                return
            entry = self.gaz.lookup_person(text)
        at = name_tokens[0].idx
        cluster: _Cluster | None = None
        if entry is not None:
            cluster = self.t._gaz_cluster(entry, at)
        else:
            cluster = self.t._match_person(text, at)
            if cluster is None:
                cluster = self.t._new_cluster(Actor(name=text, type="person"), None, at)
        cluster.forms[text] += 1
        first_tok = self.doc[name_tokens[0].i]
        last_tok = self.doc[name_tokens[-1].i]
        name_span = self.doc[first_tok.i : last_tok.i + 1]
        self.t._add(cluster, name_span.start_char, name_span.end_char, name_span.text)
        if span.start < name_span.start:
            # "Mr Putin", "President Trump": keep the form with its honorific as an alias
            self.t._add(cluster, span.start_char, span.end_char, span.text)
        self._take(name_span)
        self._left_title(name_span, cluster)
        self._name_person(cluster)

    def _name_person(self, c: _Cluster) -> None:
        """The fullest form the article gives, else the gazetteer's name."""
        multi = [(len(f.split()), n, f) for f, n in c.forms.items() if len(f.split()) >= 2]
        if multi:
            best = max(multi, key=lambda x: (x[0], x[1]))[2]
            if c.gaz is not None and any(key(best) == key(n) for n in c.gaz.names):
                best = best  # the article's own spelling of a known name
            new = best
        elif c.gaz is not None:
            new = c.gaz.name
        else:
            new = max(c.forms.items(), key=lambda x: (len(x[0]), x[1]))[0] if c.forms else c.actor.name
        if new != c.actor.name:
            old = c.actor.name
            c.actor.name = new
            if old in c.actor.aliases:
                c.actor.aliases.remove(old)
            if new in c.actor.aliases:
                c.actor.aliases.remove(new)
            if old != new and (c.gaz is None or old != c.gaz.name) and old in c.forms:
                c.actor.aliases.append(old)
        if c.actor.country is None:
            for tt in c.titles:
                code = self._country_of_of(tt.of)
                if code:
                    c.actor.country = code
                    break

    def _country_of_of(self, of: str | None) -> str | None:
        if of is None:
            return None
        if len(of) == 3 and of.isupper() and self.gaz.state(of) is not None:
            return of
        entry = self.gaz.lookup(of)
        if entry is not None and entry.country:
            return entry.country
        return self.gaz.place_country(of)

    def _left_title(self, name: Span, c: _Cluster) -> None:
        """Title words before a name in the same phrase: "Kramatorsk Mayor Oleksander X"."""
        doc = self.doc
        i = name.start - 1
        ids = set(range(name.start, name.end))
        start = name.start
        while i >= name.sent.start:
            t = doc[i]
            if t.is_punct and t.text not in ("-",):
                break
            if t.head.i in ids or t.head.i in range(i + 1, name.end) or t.tag_ == "POS":
                if (
                    t.dep_ in ("compound", "amod", "nmod", "poss", "case", "npadvmod", "nummod", "punct")
                    or t.tag_ == "POS"
                    or (t.pos_ in ("PROPN", "NOUN", "ADJ") and t.dep_ != "appos")
                ):
                    ids.add(i)
                    start = i
                    i -= 1
                    continue
                if t.dep_ == "det":
                    break
            break
        if start == name.start:
            return
        phrase = doc[start : name.end]
        title_tokens = list(doc[start : name.start])
        self._record_title(c, title_tokens, phrase)

    def _record_title(self, c: _Cluster, title_tokens: Sequence[Token], phrase: Span | None) -> None:
        if not title_tokens:
            return
        owner_toks = [
            t
            for t in title_tokens
            if _names_owner(t, self.gaz)
            and self.gaz.roles.title(t.text) is None
            and fold(t.text) not in self.gaz.roles.honorifics
        ]
        # owner tokens are those not part of a title form
        words = [
            fold(t.text) for t in title_tokens if t not in owner_toks and t.tag_ != "POS" and t.dep_ != "case"
        ]
        title = _find_title(words, self.gaz.roles)
        former = any(w in self.gaz.roles.former_markers for w in words)
        at = title_tokens[0].idx
        owner = self.t._owner_of(owner_toks, at) if owner_toks else None
        if title is not None:
            of = owner.of if owner else None
            if of is None and title.scope == "national" and c.actor.country:
                of = c.actor.country
            c.titles.append(_Title(key=title.key, of=of, former=former, at=at))
        if c.actor.country is None and owner is not None and c.gaz is None:
            c.actor.country = owner.country
        if phrase is not None and (title is not None or owner is not None):
            self.t._add(c, phrase.start_char, phrase.end_char, phrase.text)

    def _apposition_titles(self) -> None:
        """ "Kyiv's mayor, Vitali Klitschko," / "Vitali Klitschko, the mayor of Kyiv," """
        for s, e, c in list(self.t._mentions):
            if c.actor.type != "person":
                continue
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            title_np: list[Token] = []
            if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and root.head.i < span.start:
                head = root.head
                title_np = [
                    t for t in head.subtree if t.i < span.start and not (t.is_punct and t.i == span.start - 1)
                ]
            else:
                for child in root.rights:
                    if child.dep_ == "appos" and child.pos_ == "NOUN":
                        title_np = [t for t in child.subtree if not t.is_punct]
                        break
            if not title_np:
                continue
            title_np = [t for t in title_np if not (t.is_punct and t.text != "-")]
            if not title_np or self.t._cluster_covering(title_np[-1]) not in (None, c):
                continue
            np = _NounPhrase.read(title_np, self.gaz)
            if np.title is None and not np.leader:
                continue
            owner = self.t._owner_of(np.owner_tokens, title_np[0].idx)
            of = owner.of if owner else None
            at = title_np[0].idx
            if np.title is not None:
                if of is None and np.title.scope == "national" and c.actor.country:
                    of = c.actor.country
                c.titles.append(_Title(key=np.title.key, of=of, former=np.former, at=at))
            if c.actor.country is None and owner is not None:
                c.actor.country = owner.country
            start, end = title_np[0].idx, title_np[-1].idx + len(title_np[-1])
            self.t._add(c, start, end, self.doc.text[start:end])

    def _other_ent(self, ent: Span) -> None:
        text = ent.text
        if ent.label_ == "NORP":
            self._norp(ent)
            return
        place = self.gaz.place(text)
        if place is not None:
            return
        if ent.label_ != "ORG":
            return
        words = [t for t in ent if not t.is_punct]
        if not _plausible_org(ent, self.gaz):
            return
        # NER sometimes calls a person's surname an organisation ("Trump said").
        name = _join(_strip_honorifics(ent, self.gaz))
        if name and all(t.pos_ == "PROPN" for t in words) and len(words) <= 3:
            known = self.gaz.lookup_person(name)
            if known is not None or self.t._match_person(name, ent.start_char) is not None:
                self._person(ent, known)
                return
        # An unknown person that NER calls an organisation after a title: "Mayor Ihor X".
        prev = self.doc[ent.start - 1] if ent.start > 0 else None
        if (
            prev is not None
            and self.gaz.roles.title(prev.text) is not None
            and 2 <= len(words) <= 3
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words)
            and not any(fold(t.text) in self.gaz.roles.body_nouns for t in words)
        ):
            self._person(ent, None)
            return
        c = self.t._org_from_ent(ent)
        self._take(ent)
        del c

    def _norp(self, ent: Span) -> None:
        state = self.gaz.state_by_demonym(ent.text)
        if state is None or state.country is None:
            return
        root = ent.root
        head = root.head
        roles = self.gaz.roles
        if root.pos_ in ("NOUN", "PROPN") and root.dep_ in AGENT_DEPS and root.tag_ in ("NNS", "NNPS"):
            # "the Russians said"
            self._state_alias(state, ent, _with_det(ent))
            return
        if root.dep_ in ("amod", "compound") and head.i == ent.end:
            words = fold(head.text)
            lemma = head.lemma_.lower()
            if (words in roles.state_nouns or lemma in roles.state_nouns) and lemma not in ("side",):
                span = self.doc[ent.start : head.i + 1]
                self._state_alias(state, span, _with_det(span))

    def _state_alias(self, state: GazEntry, span: Span, text_span: Span) -> None:
        c = self.t._gaz_cluster(state, span.start_char)
        self.t._add(c, text_span.start_char, text_span.end_char, text_span.text)
        self._take(span)

    def _owned_bodies(self) -> None:
        """Bodies named by owner + common nouns: "Russia's defense ministry", "Ukraine's government"."""
        roles = self.gaz.roles
        for chunk in self.doc.noun_chunks:
            root = chunk.root
            lemma = root.lemma_.lower()
            if root.i in self.taken and self.t._cluster_covering(root) is not None:
                continue
            is_body = lemma in roles.body_nouns or root.lower_ in roles.body_nouns
            is_state = lemma in roles.state_nouns or root.lower_ in roles.state_nouns
            if not (is_body or is_state):
                continue
            np = _NounPhrase.read(chunk, self.gaz)
            if not np.owner_tokens or np.title is not None and not np.body_noun:
                continue
            owner = self.t._owner_of(np.owner_tokens, chunk.start_char)
            if owner is None:
                continue
            if is_state and not is_body or lemma in ("government", "administration") and owner.code:
                code = (
                    owner.country if owner.cluster is None or owner.cluster.actor.type == "person" else None
                )
                if (
                    owner.cluster is not None
                    and owner.cluster.actor.type == "person"
                    and lemma != "administration"
                ):
                    continue
                if code is None:
                    continue
                c = self.t._state_cluster(code, chunk.start_char)
            else:
                if (
                    owner.code is None
                    and owner.place is None
                    and owner.cluster is None
                    and owner.entry is None
                ):
                    continue
                if owner.cluster is not None and owner.cluster.actor.type == "person":
                    continue
                c = self.t._body_cluster(chunk, np, owner)
            self.t._add(c, chunk.start_char, chunk.end_char, _with_det(chunk).text)
            self._take(chunk)


def _plausible_org(ent: Span, gaz: Gazetteer) -> bool:
    """Whether an ORG entity looks like an organisation's name, not NER noise."""
    words = [t for t in ent if not t.is_punct]
    if not words or not any(t.text[:1].isupper() for t in words):
        return False
    if any(t.text == "," for t in ent) or all(t.like_num for t in words):
        return False
    if len(words) == 1:
        w = words[0]
        low = fold(w.text)
        if w.is_stop or low in gaz.roles.honorifics or low in gaz.roles.body_nouns:
            return False
        if low in gaz.roles.state_nouns or low in gaz.roles.vague_nouns or gaz.roles.title(low) is not None:
            return False
        if w.text.isupper() and len(w.text) > 6:
            return False  # a shouted word, not an acronym
    return True


def _with_det(span: Span) -> Span:
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].dep_ == "det" and doc[span.start - 1].lower_ == "the":
        return doc[span.start - 1 : span.end]
    return span


def _in_owner_position(span: Span) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"


def _acts(span: Span, gaz: Gazetteer) -> bool:
    """Whether a metonym (a capital, "the Kremlin") stands for a government here.

    Not after a locative preposition ("in Kyiv"), not as a modifier of a local
    noun ("Kyiv's mayor", "Kyiv region"), not inside a longer place name.
    """
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
        return False
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.lower_ in LOCATIVE_PREPS:
        return False
    if root.dep_ in ("compound", "nmod", "amod"):
        head_word = head.lemma_.lower()
        return (
            head_word in gaz.roles.official_nouns
            or head_word in gaz.roles.state_nouns
            or head_word in gaz.roles.title_by_form
            or head_word in ("spokesman", "spokesperson", "spokeswoman")
        )
    if root.dep_ == "poss":
        return head.lower_ not in LOCAL_HEADS and head.lemma_.lower() not in LOCAL_HEADS
    if root.dep_ in AGENT_DEPS or root.dep_ in ("pobj",):
        return True
    return False
