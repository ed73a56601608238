"""Places below country level named in a sentence, as candidates for where an
attack happened.

The spec wants "the most specific named place below country level" (a city;
a district goes to `sublocation`).  Places come from the gazetteer's list of
cities and regions (`data/places.yaml`), from patterns that name a place
whatever it is ("the city of X", "X district", "X region"), from "the
Ukrainian capital", and from NER as a last resort.  A place that names an
office or a body rather than where something happened ("Kyiv Mayor",
"the Sumy City Council") is no location; one that only situates another
("west of X", "between X and Y") ranks below the others.  A city's name with
"the" is its river ("across the Dnipro"); a named building told before ("at
Okhmatdyt", "the hospital") is the city it stands in (`facility_places`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from spacy.tokens import Doc, Span, Token

from peacewire.extract.eventdoc import EventDoc, event_doc, first_words
from peacewire.extract.gazetteer import Gazetteer, fold, key
from peacewire.extract.lexicon import load_data_yaml
from peacewire.extract.tokenview import TokenView, token_view

Level = Literal["district", "city", "site", "region"]
LEVEL_RANK: Mapping[str, int] = {"district": 0, "city": 1, "site": 2, "region": 3}
"""A "site" is a named piece of infrastructure with no city named ("the Crimean bridge"): more
specific than a region, less than a city."""

REGION_WORDS: frozenset[str] = frozenset({"region", "regions", "oblast", "province", "krai", "republic"})
DISTRICT_WORDS: frozenset[str] = frozenset(
    {"district", "raion", "neighbourhood", "neighborhood", "microdistrict"}
)
SETTLEMENT_NOUNS: frozenset[str] = frozenset(
    {"city", "town", "village", "settlement", "hub", "port", "cities", "towns", "villages"}
)
# Verbs whose subject city is a place, not a government ("Kyiv remained untouched").
CITY_VERBS: frozenset[str] = frozenset(
    {
        "hit",
        "strike",
        "attack",
        "shell",
        "bomb",
        "remain",
        "suffer",
        "come",
        "be",
        "shake",
        "rock",
        "target",
        "burn",
        "lose",
        "endure",
        "wake",
    }
)
# Verbs whose object city is a government addressed, blamed or thanked.
ADDRESSEE_VERBS: frozenset[str] = frozenset(
    {
        "blame",
        "accuse",
        "urge",
        "warn",
        "ask",
        "tell",
        "thank",
        "criticise",
        "criticize",
        "condemn",
        "sanction",
        "pressure",
        "call",
        "invite",
        "hold",
        "join",
        "support",
        "help",
        "push",
        "press",
        "persuade",
    }
)
# Adjectives of attitude: "Kyiv is ready/grateful/willing" speaks of a government.
ATTITUDES: frozenset[str] = frozenset(
    {
        "grateful",
        "ready",
        "willing",
        "open",
        "prepared",
        "determined",
        "confident",
        "unwilling",
        "reluctant",
        "eager",
        "keen",
        "interested",
        "satisfied",
        "disappointed",
        "opposed",
        "committed",
        "convinced",
        "aware",
        "happy",
        "unhappy",
        "sure",
        "certain",
        "skeptical",
        "sceptical",
        "adamant",
        "firm",
        "clear",
        "right",
        "wrong",
    }
)
# Prepositions that place something in a town NER found but the gazetteer lacks.
LOCATIVE_PREPS: frozenset[str] = frozenset({"in", "on", "at", "near", "into", "outside", "over", "around"})
# Capitalised words after a place name that make it part of another feature's name.
FEATURE_WORDS: frozenset[str] = frozenset(
    {
        "Strait",
        "Sea",
        "River",
        "Bay",
        "Bridge",
        "Canal",
        "Lake",
        "Gulf",
        "Peninsula",
        "Spit",
        "Reservoir",
        "Dam",
        "Institute",
        "University",
        "Council",
        "Administration",
    }
)
# Nouns a city's possessive may own while staying a place ("Odesa's port").
PLACE_PARTS: frozenset[str] = frozenset(
    {
        "port",
        "outskirts",
        "center",
        "centre",
        "district",
        "suburb",
        "suburbs",
        "resident",
        "street",
        "infrastructure",
        "airport",
        "station",
        "sky",
        "skies",
        "region",
        "building",
        "neighbourhood",
        "neighborhood",
        "energy",
        "power",
        "grid",
        "harbour",
        "harbor",
        "bridge",
        "railway",
        "hospital",
        "school",
        "market",
        "square",
        "plant",
        "factory",
        "refinery",
        "depot",
        "base",
        "airfield",
        "area",
    }
)
# "west of X" situates another place; "the outskirts of X" are still X.
DIRECTIONS: frozenset[str] = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
    }
)
NAME_HEADS: frozenset[str] = frozenset({"NOUN", "PROPN"})
"""Parts of speech of a noun a place name may modify ("the Kyiv region", "the Odesa port")."""
DEMOTING_PREPS: frozenset[str] = frozenset({"between", "from", "toward", "towards"})
# Words that may stand between a place and the office it names: "Kyiv city
# military administration head", "Lugansk regional governor".
OFFICE_BRIDGE: frozenset[str] = frozenset(
    {
        "'s",
        "’s",
        "city",
        "regional",
        "region",
        "oblast",
        "military",
        "state",
        "local",
        "municipal",
        "provincial",
        "district",
    }
)
EXTRA_OFFICE_NOUNS: frozenset[str] = frozenset(
    {
        "mayor",
        "governor",
        "gov",
        "gov.",
        "head",
        "chief",
        "police",
        "prosecutor",
        "authorities",
        "authority",
        "officials",
        "official",
        "administration",
        "council",
        "rescuers",
        "emergency",
    }
)


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    """Doc token range [start, end)."""
    name: str
    level: Level
    known: bool
    """Listed in the gazetteer (or a pattern that says it is a place), not only NER's guess."""
    demoted: bool
    """Only situates another place ("west of X", "between X and Y")."""
    container: bool = False
    """Contains an unnamed settlement ("a strategic city in the Donbas region")."""
    origin: bool = False
    """Where something came from ("launched from the Astrakhan region"), never where it hit."""
    building: bool = False
    """Named as a building told before ("the hospital", "at Okhmatdyt"): its city."""

    def rank(self) -> tuple[int, int, int, int]:
        """Lower is better: situating places last, then most specific, then known."""
        return (int(self.container), int(self.demoted), LEVEL_RANK[self.level], int(not self.known))


@dataclass(frozen=True)
class PlaceIndex:
    kinds: Mapping[str, frozenset[str]]
    """Place key -> {"city", "region"}."""
    countries: Mapping[str, str]
    """Place key -> country (as places.yaml names it)."""
    firsts: frozenset[str] = frozenset()
    """The words place names start with."""


@lru_cache(maxsize=1)
def place_index() -> PlaceIndex:
    """The cities and regions of data/places.yaml, by lookup key (read-only)."""
    raw = load_data_yaml("places.yaml")
    kinds: dict[str, set[str]] = {}
    countries: dict[str, str] = {}
    if isinstance(raw, dict):
        for country, spec in raw.items():
            if not isinstance(spec, dict):
                continue
            for kind, label in (("cities", "city"), ("regions", "region")):
                for name in spec.get(kind) or []:
                    k = key(str(name))
                    kinds.setdefault(k, set()).add(label)
                    countries.setdefault(k, str(country))
    return PlaceIndex(
        kinds={k: frozenset(v) for k, v in kinds.items()}, countries=countries, firsts=first_words(kinds)
    )


def doc_view(doc: Doc, tokens: TokenView | None = None) -> EventDoc:
    """The article's token lists (`tokens`, the actor table's; read anew when not given), with
    this project's place names looked up (`eventdoc`)."""
    index = place_index()
    return event_doc(token_view(doc) if tokens is None else tokens, index.kinds, index.firsts)


def _is_name_token(tok: Token) -> bool:
    return bool(tok.text[:1].isupper()) and tok.is_alpha or "-" in tok.text and tok.text[:1].isupper()


def _names_office(doc_tokens: Span | list[Token], end: int, gaz: Gazetteer) -> bool:
    """Whether the words after a place (from doc index `end`) name an office or body of it."""
    doc = doc_tokens[0].doc if isinstance(doc_tokens, list) else doc_tokens.doc
    k = end
    steps = 0
    while k < len(doc) and steps < 4:
        t = doc[k]
        low = t.lower_
        if low in OFFICE_BRIDGE or (t.pos_ == "ADJ" and t.text.islower()):
            k += 1
            steps += 1
            continue
        if low in PLACE_PARTS:
            return False  # "the Dnipro city centre": a part of the place, not a body of it
        if gaz.roles.title(low) is not None or low in EXTRA_OFFICE_NOUNS:
            return True
        if low in gaz.roles.official_nouns or low in gaz.roles.body_nouns or low in gaz.roles.honorifics:
            return True
        if low in gaz.roles.state_nouns:
            return True  # "the Kyiv regime", "Moscow's government"
        # "the Poltava Military Institute": the place opens an organisation's name
        if t.ent_type_ in ("ORG", "FAC") and t.ent_iob_ == "I" and t.text[:1].isupper():
            ent_end = k
            while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
                ent_end += 1
            if doc[k:ent_end].text.lower().split()[-1:] != ["oblast"]:
                return True
        return False
    return False


def _demoted(sent: Span, start: int) -> bool:
    doc = sent.doc
    prev = [doc[k].lower_ for k in range(max(sent.start, start - 3), start)]
    if not prev:
        return False
    words = [w for w in prev if w not in ("the", "a", "city", "town", "of")]
    if prev[-1] in DEMOTING_PREPS or (len(prev) >= 2 and prev[-2] in DEMOTING_PREPS and prev[-1] == "the"):
        return True
    if "of" in prev and any(w in DIRECTIONS for w in prev):
        return True
    # "between Sloviansk and Severodonetsk": the second one too
    if prev[-1] == "and" and start >= 3:
        for k in range(max(sent.start, start - 6), start):
            if doc[k].lower_ in DEMOTING_PREPS:
                return True
    return bool(words) and words[-1] in ("from",)


def _under_from(tok: Token) -> bool:
    """ "fired from the Russian-occupied part of the neighbouring Kherson region": the place sits in a
    "from" phrase further up than the words before it show."""
    cur = tok
    for _ in range(8):
        if cur.dep_ == "pobj" and cur.head.lower_ == "from":
            return True
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("compound", "amod", "pobj", "appos", "poss", "nmod") or (
            cur.dep_ == "prep" and cur.lower_ == "of"
        ):
            cur = cur.head
            continue
        return False
    return False


def _origin(sent: Span, start: int) -> bool:
    doc = sent.doc
    k = start - 1
    while k >= sent.start and doc[k].lower_ in ("the", "occupied", "russian", "ukrainian", "annexed"):
        k -= 1
    return k >= sent.start and doc[k].lower_ == "from" or _under_from(doc[start])


def _container(tok: Token) -> bool:
    """The place sits in a PP of an unnamed settlement: "a key city in the Donbas region"."""
    head = tok.head
    if head.dep_ == "prep" and head.lower_ in ("in", "of") and head.lower_ == "in":
        noun = head.head
        if noun.lemma_.lower() in SETTLEMENT_NOUNS and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children
        ):
            return True
    return False


def _capital(
    sent: Span, i: int, gaz: Gazetteer, capitals: Mapping[str, str], default_capital: str | None
) -> tuple[str, int] | None:
    """ "the Ukrainian capital", "the capital" -> (city, start index)."""
    doc = sent.doc
    tok = doc[i]
    if tok.lemma_.lower() != "capital" or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        return None
    k = i - 1
    state_name: str | None = None
    while k >= sent.start and doc[k].lower_ not in ("the",) and i - k <= 3:
        entry = gaz.state_by_demonym(doc[k].text)
        if entry is not None:
            state_name = entry.name
        k -= 1
    if k < sent.start or doc[k].lower_ != "the":
        # "Ukraine's capital"
        if k >= sent.start and doc[k].lower_ in ("'s", "’s") and k - 1 >= sent.start:
            entry = gaz.state_by_demonym(doc[k - 1].text)
            if entry is not None:
                city = capitals.get(entry.name)
                return (city, k - 1) if city else None
        return None
    city = capitals.get(state_name) if state_name else default_capital
    return (city, k) if city else None


def _the_city(sent: Span, i: int) -> bool:
    """ "the city", "the town" standing for the city just named (not "the city of X", "the city council")."""
    doc = sent.doc
    tok = doc[i]
    if tok.lemma_.lower() not in ("city", "town") or tok.tag_ != "NN":
        return False
    if i - 1 < sent.start or doc[i - 1].lower_ != "the":
        return False
    return not (i + 1 < len(doc) and doc[i + 1].lower_ == "of")


@lru_cache(maxsize=4096)
def _names_country(gaz: Gazetteer, name: str) -> bool:
    """Whether a name is a country's or its people's ("North Korea", "Russian"); remembered, as the
    same names recur in every article and the country lookup is slow."""
    return gaz.state_by_demonym(name) is not None or gaz.country_code(name) is not None


def _site_name_end(sent: Span, i: int, site_nouns: frozenset[str], gaz: Gazetteer) -> int | None:
    """End of a named site starting at `i` ("the Crimean bridge", "the Antonivskyi Bridge"): names
    that are no known place, no state and no person, then a site noun."""
    doc = sent.doc
    j = i
    while j < sent.end and _is_name_token(doc[j]) and doc[j].lower_ not in site_nouns:
        if doc[j].ent_type_ == "PERSON" or doc[j].pos_ not in ("PROPN", "ADJ"):
            return None
        if doc[j].pos_ == "ADJ" and j == sent.start:
            return None  # "Several bridges ...": capitalised only as the sentence's first word
        j += 1
    if j == i or j >= sent.end or j - i > 3:
        return None
    noun = doc[j]
    if noun.lemma_.lower() not in site_nouns or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    name = doc[i:j].text
    if any(t.text in FEATURE_WORDS for t in doc[i:j]):
        return None  # "a Black Sea port": another feature's name
    if _names_country(gaz, name):
        return None  # "the Russian airfield": a country's, not a named place
    if gaz.lookup(name) is not None:
        return None  # "a NATO base": an actor's
    return j + 1


def site_places(
    sent: Span, places: Sequence[PlaceMention], site_nouns: frozenset[str], view: EventDoc | None = None
) -> dict[str, str]:
    """The sites the sentence places, by noun: "the Crimean bridge" -> bridge: "Crimean bridge";
    "the dam at Nova Kakhovka" -> dam: "Nova Kakhovka".  A later "the bridge" refers to them."""
    doc = sent.doc
    out: dict[str, str] = {}
    usable = [p for p in places if p.level != "district" and not p.origin]
    for p in usable:
        if p.level == "site":
            out[doc[p.end - 1].lemma_.lower()] = p.name
    if not usable:
        return out
    tokens = list(sent) if view is None else [doc[i] for i in view.tokens.indices(sent, site_nouns)]
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if lemma not in site_nouns or lemma in out or tok.pos_ != "NOUN":
            continue
        covered: set[int] = set()
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "nmod") and c.i < tok.i:
                covered.update(t.i for t in c.subtree)
            elif c.dep_ == "prep" and c.lower_ in ("at", "in", "near", "of", "outside"):
                covered.update(t.i for t in c.subtree)
        found = [p for p in usable if p.start in covered]
        if found:
            out[lemma] = min(found, key=lambda p: (p.rank(), p.start)).name
    return out


def find_places(
    sent: Span,
    gaz: Gazetteer,
    capitals: Mapping[str, str],
    default_capital: str | None = None,
    recent_city: str | None = None,
    site_nouns: frozenset[str] = frozenset(),
    recent_sites: Mapping[str, str] | None = None,
    view: EventDoc | None = None,
    known_only: bool = False,
    facilities: Mapping[str, str] | None = None,
) -> list[PlaceMention]:
    """Every place below country level named in the sentence, in text order.

    "the Ukrainian capital" is that state's capital ("the capital": `default_capital`);
    "the city" is `recent_city`, the city the article named last; "the bridge" is the site
    `recent_sites` gives for "bridge" (see `site_places`).  `view` is the article's token
    lists (read once per article); only the tokens that can start a place are looked at.
    `facilities` gives the city of the named buildings told before ("Okhmatdyt", "the
    hospital": see `facility_places`).
    With `known_only`, names that are neither listed places nor sites are not read (what a
    sentence without an event can tell the story: "the city" it names).
    """
    view = view or doc_view(sent.doc)
    tokens = view.tokens
    words, lemma, pos = tokens.words, tokens.lemma, tokens.pos
    sites = recent_sites or {}
    known_facilities = facilities or {}
    out: list[PlaceMention] = []
    nxt = sent.start
    for i in range(sent.start, sent.end):
        if i < nxt:
            continue
        low = lemma[i]
        at_facility = _facility_at(sent, i, tokens, known_facilities) if known_facilities else None
        if at_facility is not None:
            out.append(at_facility)
            nxt = at_facility.end
            continue
        if known_only:
            if not (
                i in view.places
                or low == "capital"
                or low in ("city", "town")
                or low in sites
                or (words[i][:1].isupper() and _site_ahead(tokens, i, sent, site_nouns))
            ):
                continue
        elif not (
            (
                words[i][:1].isupper()
                and (pos[i] == "PROPN" or i in view.places or _site_ahead(tokens, i, sent, site_nouns))
            )
            or low == "capital"
            or low in ("city", "town")
            or low in sites
        ):
            continue  # a capitalised word that is no proper noun names no place ("The", "He")
        found, nxt = _place_at(sent, i, gaz, capitals, default_capital, recent_city, site_nouns, sites, view)
        if found is not None:
            out.append(found)
    return out


FACILITY_NAME_WORDS = 3
"""Longest building name, in tokens, looked up among the facilities told before."""


def _facility_at(sent: Span, i: int, tokens: TokenView, facilities: Mapping[str, str]) -> PlaceMention | None:
    """A building told before, by its name ("at Okhmatdyt") or as "the hospital": its city."""
    words = tokens.words
    if i > sent.start and tokens.lower[i - 1] == "the" and tokens.pos[i] == "NOUN":
        city = facilities.get(tokens.lemma[i])
        if city is not None and not (i + 1 < sent.end and tokens.lower[i + 1] == "of"):
            return PlaceMention(i - 1, i + 1, city, "city", True, _demoted(sent, i - 1), building=True)
        return None
    if not words[i][:1].isupper() or tokens.pos[i] != "PROPN":
        return None
    for size in range(min(FACILITY_NAME_WORDS, sent.end - i), 0, -1):
        city = facilities.get(fold(tokens.span_text(i, i + size)))
        if city is not None:
            return PlaceMention(i, i + size, city, "city", True, _demoted(sent, i), building=True)
    return None


def facility_places(
    sent: Span, places: Sequence[PlaceMention], nouns: frozenset[str], tokens: TokenView | None = None
) -> dict[str, str]:
    """Named buildings of the sentence and the city it places them in: "a missile slammed into
    Okhmatdyt, the children's hospital, ... on the capital" -> {"okhmatdyt": "Kyiv", "hospital":
    "Kyiv"}.  A later "at Okhmatdyt" or "the hospital" is then that city (the spec's location is
    the city; a building is no place of its own)."""
    cities = [p for p in places if p.level == "city" and not (p.demoted or p.origin or p.container)]
    if not cities:
        return {}
    city = cities[0].name
    out: dict[str, str] = {}
    doc = sent.doc
    candidates = range(sent.start, sent.end) if tokens is None else tokens.indices(sent, nouns)
    for k in candidates:
        if doc[k].dep_ != "appos" or doc[k].lemma_.lower() not in nouns:
            continue
        tok, noun = doc[k].head, doc[k]
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "NORP") or tok.dep_ == "compound":
            continue
        start = min((c.i for c in tok.children if c.dep_ == "compound" and c.i < tok.i), default=tok.i)
        name = sent.doc[start : tok.i + 1]
        if any(p.start <= tok.i < p.end for p in places):
            continue  # "Kharkiv, the country's second city": a place itself
        out[fold(name.text)] = city
        out[noun.lemma_.lower()] = city
    return out


PLURAL_DISTRICTS: Mapping[str, str] = {
    "districts": "district",
    "raions": "raion",
    "neighbourhoods": "neighbourhood",
    "neighborhoods": "neighborhood",
    "microdistricts": "microdistrict",
}


def _first_of_districts(sent: Span, i: int, j: int, tokens: TokenView) -> PlaceMention | None:
    """ "the Shevchenkivskyi and Saltivskyi districts": the first one named, as a district."""
    if j >= sent.end or tokens.lower[j] not in ("and", ","):
        return None
    k = j + 1
    while k < sent.end and _is_name_token(sent.doc[k]):
        k += 1
    plural = tokens.lower[k] if k < sent.end else ""
    if k == j + 1 or plural not in PLURAL_DISTRICTS:
        return None
    name = f"{_display(tokens.span_text(i, j))} {PLURAL_DISTRICTS[plural]}"
    return PlaceMention(i, j, name, "district", True, _demoted(sent, i))


def _site_ahead(tokens: TokenView, i: int, sent: Span, site_nouns: frozenset[str]) -> bool:
    """A site noun within the next few words ("the Crimean bridge")."""
    return any(tokens.lemma[k] in site_nouns for k in range(i + 1, min(i + 5, sent.end)))


def _place_at(
    sent: Span,
    i: int,
    gaz: Gazetteer,
    capitals: Mapping[str, str],
    default_capital: str | None,
    recent_city: str | None,
    site_nouns: frozenset[str],
    recent_sites: Mapping[str, str],
    view: EventDoc,
) -> tuple[PlaceMention | None, int]:
    """The place starting at token `i` (if any) and the index to read on from."""
    doc = sent.doc
    tok = doc[i]
    tokens = view.tokens
    if (
        recent_sites
        and i > sent.start
        and tokens.lower[i - 1] == "the"
        and tok.pos_ == "NOUN"
        and tokens.lemma[i] in recent_sites
        and not (i + 1 < sent.end and tokens.lower[i + 1] == "of")
    ):
        place = PlaceMention(i - 1, i + 1, recent_sites[tokens.lemma[i]], "site", True, _demoted(sent, i - 1))
        return place, i + 1
    cap = _capital(sent, i, gaz, capitals, default_capital)
    if cap is not None:
        city, start = cap
        if not _names_office(sent, i + 1, gaz):
            return PlaceMention(start, i + 1, city, "city", True, _demoted(sent, start)), i + 1
        return None, i + 1
    if recent_city and _the_city(sent, i):
        if not _names_office(sent, i + 1, gaz):
            return PlaceMention(i - 1, i + 1, recent_city, "city", True, _demoted(sent, i - 1)), i + 1
        return None, i + 1
    if not _is_name_token(tok) or tok.pos_ == "DET":
        return None, i + 1  # "The Kakhovka dam": the place starts after the article
    found = next(((j, set(k)) for j, k, _ in view.places.get(i, ()) if j <= sent.end), None)
    if _dateline(sent, i):
        return None, i + 1
    j = found[0] if found else i + 1
    kinds: set[str] = found[1] if found else set()
    known = found is not None
    prev = tokens.lower[i - 1] if i > sent.start else ""
    prev2 = tokens.lower[i - 2] if i - 1 > sent.start else ""
    site_end = None
    if not known and _site_ahead(tokens, i, sent, site_nouns):
        site_end = _site_name_end(sent, i, site_nouns, gaz)
    if site_end is not None:
        noun = doc[site_end - 1]
        name = f"{tokens.span_text(i, site_end - 1)} {noun.text if noun.text[:1].isupper() else noun.lower_}"
        place = PlaceMention(
            start=i,
            end=site_end,
            name=name,
            level="site",
            known=True,
            demoted=_demoted(sent, i),
            origin=_origin(sent, i),
        )
        return place, site_end
    if not known:
        if tok.pos_ != "PROPN":
            return None, i + 1
        # patterns that make any capitalised name a place
        while (
            j < sent.end and _is_name_token(doc[j]) and tokens.lower[j] not in REGION_WORDS | DISTRICT_WORDS
        ):
            j += 1
        nxt = tokens.lower[j] if j < sent.end else ""
        first_of_two = _first_of_districts(sent, i, j, tokens)
        if first_of_two is not None:
            return first_of_two, j
        if prev == "of" and prev2 in SETTLEMENT_NOUNS:
            kinds = {"city"}
        elif nxt in DISTRICT_WORDS or nxt in REGION_WORDS:
            kinds = {"region"}
        elif _names_country(gaz, tokens.span_text(i, j)):
            return None, j  # a country's name ("North Korea"), not a place below it
        elif _unknown_town(tok, gaz):
            j = _ent_end(tok)
            kinds = {"city"}
        else:
            return None, i + 1
    nxt = tokens.lower[j] if j < sent.end else ""
    if j < sent.end and tokens.words[j] in FEATURE_WORDS:
        return None, j + 1  # "the Kerch Strait", "the Dnipro River": another feature's name
    if known and "city" in kinds and prev == "the" and not (j < sent.end and tokens.pos[j] in NAME_HEADS):
        return None, j  # "across the Dnipro": a city takes no article, the river of its name does
    name_end = j
    level: Level
    if nxt in DISTRICT_WORDS:
        level, name_end = "district", j + 1
    elif nxt in REGION_WORDS and nxt != "regions":
        level, name_end = "region", j + 1
    elif prev == "of" and prev2 in SETTLEMENT_NOUNS:
        level = "city"
    elif "city" in kinds:
        level = "city"
    else:
        level = "region"
    if _names_office(sent, name_end, gaz) or (
        name_end < len(doc)
        and tokens.lower[name_end] in ("'s", "’s")
        and _names_office(sent, name_end + 1, gaz)
    ):
        return None, name_end
    # a bare name followed by a common noun it modifies ("Dnipro rescuers"
    # stays a place; "Donbas war" is not where a strike hit, but harmless)
    place = PlaceMention(
        start=i,
        end=name_end,
        name=_display(tokens.span_text(i, name_end)),
        level=level,
        known=known or level != "city" or (prev == "of" and prev2 in SETTLEMENT_NOUNS),
        demoted=_demoted(sent, i),
        container=_container(tok) or _container(doc[name_end - 1]),
        origin=_origin(sent, i),
    )
    return place, name_end


def _ent_end(tok: Token) -> int:
    doc = tok.doc
    k = tok.i + 1
    while k < len(doc) and doc[k].ent_iob_ == "I":
        k += 1
    return k


def _unknown_town(tok: Token, gaz: Gazetteer) -> bool:
    """A name NER calls a place, the gazetteer does not know, and the sentence places something in:
    "shelling hit Hatne" yes; "US President Joe Biden" or "Okhmatdyt, the children's hospital" no."""
    if tok.ent_type_ != "GPE" or tok.ent_iob_ != "B":
        return False
    ent = tok.doc[tok.i : _ent_end(tok)]
    if gaz.lookup(ent.text) is not None or gaz.state_by_demonym(ent.text) is not None:
        return False
    if gaz.country_code(ent.text) is not None:
        return False
    root = ent.root
    if not (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS):
        return False
    return not any(
        c.dep_ == "appos" and c.lemma_.lower() not in SETTLEMENT_NOUNS and c.lemma_.lower() != "capital"
        for c in root.children
    )


def _dateline(sent: Span, i: int) -> bool:
    """ "KYIV – Russia launched ...": the place the report was filed from."""
    doc = sent.doc
    tok = doc[i]
    if i != sent.start or not tok.text.isupper() or len(tok.text) < 3:
        return False
    nxt = doc[i + 1].text if i + 1 < len(doc) else ""
    return nxt in ("–", "—", "-", ",", ":", "(")


def _display(name: str) -> str:
    """ "KYIV" -> "Kyiv": names in capitals (datelines, headings) as usually written."""
    if name.isupper() and len(name) > 3:
        return " ".join(w.capitalize() for w in name.split())
    return name


def is_metonym(p: PlaceMention, sent: Span) -> bool:
    """ "Kyiv" as a government that speaks or acts, not the city ("Kyiv was grateful", "Kyiv's approach")."""
    tok = sent.doc[p.start]
    if p.end - p.start != 1 or p.level != "city":
        return False
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        # "Kyiv was grateful": an attitude is a government's; "Kyiv was quiet" is the city
        return any(c.dep_ == "acomp" and c.lemma_.lower() in ATTITUDES for c in tok.head.children)
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
        verb = tok.head
        # a city hit or attacked is a place; a city that says or decides is a government
        return verb.lemma_.lower() not in CITY_VERBS and not any(c.dep_ == "auxpass" for c in verb.children)
    if tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in ADDRESSEE_VERBS:
        return True  # "Kyiv blamed Moscow for ...", "urged Washington to ..."
    if tok.dep_ == "poss":
        return tok.head.lemma_.lower() not in PLACE_PARTS
    if tok.dep_ == "pobj" and tok.head.lower_ == "by":
        return True  # "a provocation by Kyiv": an agent
    return False


def best_place(places: list[PlaceMention]) -> PlaceMention | None:
    """The most specific, not merely situating, place; the first of equals."""
    cities = [p for p in places if p.level != "district" and not p.container and not p.origin]
    if not cities:
        return None
    return min(cities, key=lambda p: (p.rank(), p.start))


def first_district(places: list[PlaceMention]) -> PlaceMention | None:
    for p in places:
        if p.level == "district" and not p.container:
            return p
    return None
