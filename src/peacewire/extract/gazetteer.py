"""The domain's known actors, places and titles, loaded from data files.

Named-entity recognition finds names but cannot say that "the Kremlin" speaks
for Russia, that "Zelenskiy" and "Volodymyr Zelenskyy" are one man, or that
Kramatorsk is in Ukraine.  The gazetteer holds that knowledge as data
(`data/actors.yaml`, `data/places.yaml`, `data/roles.yaml`); this module
loads it once and answers lookups.  Country codes come from pycountry, never
from a hand-written table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, Literal, cast

import pycountry
import yaml
from rapidfuzz import fuzz, process

from peacewire.records import ActorType

ACTOR_TYPES: frozenset[str] = frozenset(
    {"person", "state", "organization", "alliance", "armed_group", "media"}
)
FormKind = Literal["name", "metonym", "demonym"]
PlaceKind = Literal["city", "region"]

# A person's surname must be at least this similar (rapidfuzz ratio, 0..100)
# to count as a spelling variant: Zelenskiy ~ Zelenskyy ~ Zelensky.
SURNAME_SIMILARITY = 85.0
# Whole names (first + last) may differ a little more: Volodymir Zelinsky.
FULLNAME_SIMILARITY = 84.0


class GazetteerError(ValueError):
    """A data file of the gazetteer is malformed (names the file and the entry)."""


_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(?:the|a|an) ")
_POSSESSIVE = re.compile(r"'s?$")
_ACRONYM_DOTS = re.compile(r"\b((?:[a-z]\.){2,})")
_PIECE_END = re.compile(r"[-']")
_PLACE_KINDS = ("oblast", "region", "province", "krai", "republic", "city", "district", "raion")
_PLACE_KIND = re.compile(rf" ({'|'.join(_PLACE_KINDS)})$")
_PUNCT_MAP = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-"}
)


@lru_cache(maxsize=1 << 14)
def fold(text: str) -> str:
    """Compare-form of a name: no accents, straight apostrophes, lower case, single spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.translate(_PUNCT_MAP)
    else:
        text = text.replace("`", "'")
    return _SPACES.sub(" ", text).strip().lower()


@lru_cache(maxsize=1 << 14)
def key(text: str) -> str:
    """Lookup key: folded, without a leading article, possessive or acronym dots.

    Remembered: actor tables compare the same names and forms over and over.
    """
    text = _ARTICLE.sub("", fold(text))
    text = _POSSESSIVE.sub("", text)
    if "." in text:
        # U.S. -> us, U.K. -> uk; keep dots that are not acronym dots.
        text = _ACRONYM_DOTS.sub(lambda m: m.group(1).replace(".", ""), text)
    return text.strip(" .,;:")


def first_piece(word: str) -> str:
    """The part of a key word before a hyphen or apostrophe: what one token of it looks like."""
    cut = _PIECE_END.search(word)
    return word if cut is None else word[: cut.start()]


@lru_cache(maxsize=1 << 15)
def _piece(word: str) -> str:
    """`first_piece` of a token's key (remembered: the same words recur in every article)."""
    return first_piece(key(word))


@lru_cache(maxsize=1 << 15)
def letters(text: str) -> str | None:
    """The letters and digits of `fold(text)`, in order (None: not readable piece by piece).

    `fold` maps a text character by character (accents off, lower case)
    except for spaces, which have no letters, and a Greek capital sigma,
    lower-cased by context.  So the letters of a span are the letters of its
    tokens joined, and `key` only drops letters at the ends (a leading
    article, a possessive "s"): a scan can reject most token spans as
    gazetteer forms without building their text (see `LetterIndex`).
    """
    folded = fold(text)
    if "\u03c3" in folded or "\u03c2" in folded:
        return None
    return "".join(c for c in folded if c.isalnum())


class LetterIndex:
    """Which letter strings (see `letters`) a text can have when its key is one of `keys`.

    `endings` are letters `key` may keep after a known key that the lookup
    drops ("oblast" after a place).  `may_match` is a necessary condition for
    a text to be found, `may_extend` one for any longer text starting with it;
    both err on the side of yes, never of no.
    """

    def __init__(self, keys: Iterable[str], endings: Iterable[str] = ("",)) -> None:
        ends = tuple(endings)
        self.full: set[str] = set()
        """The letters of the known keys (with the letters `key` drops: endings, a possessive "s")."""
        for k in keys:
            base = "".join(c for c in k if c.isalnum())
            for end in ends:
                self.full.update((base + end, base + end + "s"))
        self.prefixes = {v[:n] for v in self.full for n in range(len(v) + 1)}
        """Every beginning of those, and of a leading article."""
        self.prefixes.update(("t", "th", "the", "a", "an"))

    def may_match(self, chars: str) -> bool:
        """Whether `chars` can be the letters of a known text, with a leading article or not."""
        full = self.full
        return (
            chars in full
            or (chars[:3] == "the" and chars[3:] in full)
            or (chars[:1] == "a" and (chars[1:] in full or (chars[:2] == "an" and chars[2:] in full)))
        )

    def may_extend(self, chars: str) -> bool:
        """Whether `chars` can begin the letters of a known text."""
        prefixes = self.prefixes
        return (
            chars in prefixes
            or (chars[:3] == "the" and chars[3:] in prefixes)
            or (chars[:1] == "a" and (chars[1:] in prefixes or (chars[:2] == "an" and chars[2:] in prefixes)))
        )


def title_form(text: str) -> str:
    """Compare-form of a title: folded, without articles ("head of the office" = "head of office")."""
    return " ".join(w for w in fold(text).split() if w not in ("the", "a", "an"))


def is_acronym(form: str) -> bool:
    """True for forms like "US", "NATO", "U.S." whose case must match exactly."""
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


@dataclass(frozen=True)
class Role:
    """An office held: `title` is a key of roles.yaml, `of` an ISO-3 code or a body's name."""

    title: str
    of: str | None = None
    start: str | None = None
    end: str | None = None

    def active(self, date: str | None) -> bool:
        """Whether the role was held on `date` (ISO date; None = any time)."""
        if date is None:
            return True
        day = date[:10]
        if self.start and day < _pad(self.start, "01-01"):
            return False
        if self.end and day > _pad(self.end, "12-31"):
            return False
        return True


def _pad(when: str, fill: str) -> str:
    """Complete a year or a year-month into an ISO date for comparison."""
    when = str(when)
    if len(when) == 4:
        return f"{when}-{fill}"
    if len(when) == 7:
        return f"{when}-{fill[-2:]}" if fill.endswith("31") else f"{when}-01"
    return when


@dataclass(frozen=True)
class GazEntry:
    """One known actor."""

    name: str
    type: ActorType
    country: str | None = None
    aliases: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    surname_forms: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @cached_property
    def surnames(self) -> tuple[str, ...]:
        """The forms a person is called by alone: given in the data (Kim, Xi) or
        the last words of the multi-word names (Zelenskyy, Zelensky...)."""
        if self.type != "person":
            return ()
        if self.surname_forms:
            return self.surname_forms
        out: list[str] = []
        for n in self.names:
            parts = n.split()
            if len(parts) >= 2 and parts[-1] not in out:
                out.append(parts[-1])
        return tuple(out)

    def roles_at(self, date: str | None) -> tuple[Role, ...]:
        return tuple(r for r in self.roles if r.active(date))


@dataclass(frozen=True)
class Surface:
    """A written form of an entry that can be found in text."""

    form: str
    entry: GazEntry
    kind: FormKind
    case_sensitive: bool

    @property
    def single_word(self) -> bool:
        return len(key(self.form).split()) == 1

    @property
    def needs_article(self) -> bool:
        """ "The Times", "The Hill": one common word that names the entry only after "the"."""
        words = self.form.split()
        return len(words) == 2 and words[0] in ("The", "the") and self.entry.type != "state"

    def matches(self, text: str) -> bool:
        """Whether `text` (already known to have the same key) is this form in an acceptable case."""
        text = text.strip()
        if self.case_sensitive:
            return text.replace("\u2019", "'") == self.form or text.replace(".", "") == self.form.replace(
                ".", ""
            )
        if self.needs_article and not fold(text).startswith("the "):
            return False
        if self.entry.type == "state" and self.kind == "name":
            # "russia" in lower case is still Russia (some outlets write it so).
            return True
        # Names of people, places and bodies are capitalised: "trump", "paris"
        # or "congress" in lower case are no mention.
        first = next((w for w in text.split() if w.lower() not in ("the", "a", "an")), "")
        return first[:1].isupper() or (not self.single_word and self.kind == "name")


@dataclass(frozen=True)
class TitleSpec:
    key: str
    forms: tuple[str, ...]
    scope: str
    leader: bool


@dataclass(frozen=True)
class RoleLexicon:
    """The contents of roles.yaml."""

    titles: tuple[TitleSpec, ...]
    leader_forms: frozenset[str]
    official_nouns: frozenset[str]
    local_modifiers: frozenset[str]
    vague_nouns: frozenset[str]
    body_nouns: frozenset[str]
    state_nouns: frozenset[str]
    honorifics: frozenset[str]
    former_markers: frozenset[str]
    government_bodies: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()
    media_phrases: frozenset[str] = frozenset()
    military_nouns: frozenset[str] = frozenset()
    mouthpieces: frozenset[str] = frozenset()
    government_voices: frozenset[str] = frozenset()
    not_actors: frozenset[str] = frozenset()
    title_by_form: Mapping[str, TitleSpec] = field(default_factory=dict)
    max_title_words: int = 1

    def title(self, form: str) -> TitleSpec | None:
        return self.title_by_form.get(title_form(form))

    def is_media_name(self, name: str) -> bool:
        """Whether an organisation unknown to the gazetteer is a news medium, by its last words."""
        words = fold(name).split()
        if not words:
            return False
        return words[-1] in self.media_words or " ".join(words[-2:]) in self.media_phrases

    def spec(self, title_key: str) -> TitleSpec | None:
        for t in self.titles:
            if t.key == title_key:
                return t
        return None


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    kind: PlaceKind


class Gazetteer:
    """Lookups over the known actors, places and titles."""

    def __init__(self, entries: Iterable[GazEntry], places: Iterable[Place], roles: RoleLexicon) -> None:
        self.entries: tuple[GazEntry, ...] = tuple(entries)
        self.roles = roles
        self._places: dict[str, list[Place]] = {}
        for p in places:
            self._places.setdefault(key(p.name), []).append(p)
        self._surfaces: dict[str, list[Surface]] = {}
        self._states_by_code: dict[str, GazEntry] = {}
        self._demonyms: dict[str, GazEntry] = {}
        self._persons = [e for e in self.entries if e.type == "person"]
        for e in self.entries:
            if e.type == "state" and e.country:
                self._states_by_code.setdefault(e.country, e)
            for n in e.names:
                self._add_surface(n, e, "name")
            for m in e.metonyms:
                self._add_surface(m, e, "metonym")
            for d in e.demonyms:
                self._demonyms.setdefault(key(d), e)
        self.max_form_words = max((len(k.split()) for k in self._surfaces), default=1)
        # For scanning text: the longest form (in words) that starts with a given piece.
        self.form_words_from: dict[str, int] = {}
        for k in self._surfaces:
            words = k.split()
            piece = first_piece(words[0])
            self.form_words_from[piece] = max(self.form_words_from.get(piece, 0), len(words))
        self.form_letters = LetterIndex(self._surfaces)
        self.place_letters = LetterIndex(self._places, endings=("", *_PLACE_KINDS))
        # Fuzzy matching over persons: every multi-word name and every surname.
        self._person_full: list[tuple[str, GazEntry]] = [
            (key(n), e) for e in self._persons for n in e.names if len(n.split()) >= 2
        ]
        self._surname_index: dict[str, list[GazEntry]] = {}
        for e in self._persons:
            for s in e.surnames:
                bucket = self._surname_index.setdefault(key(s), [])
                if e not in bucket:
                    bucket.append(e)
        # what the fuzzy matchers search, listed once
        self._person_full_keys = [n for n, _ in self._person_full]
        self._surname_keys = list(self._surname_index)
        # fuzzy matching is slow and articles name the same people again and again
        self._person_by_key: Callable[[str], GazEntry | None] = lru_cache(maxsize=1 << 13)(self._find_person)
        # the same forms recur in every article
        self._surfaces_of: Callable[[str], tuple[Surface, ...]] = lru_cache(maxsize=1 << 14)(
            self._find_surfaces
        )

    def form_words(self, word: str) -> int:
        """How many words the longest known form that can start with `word` (a token) has; 0: none."""
        if word.isascii() and word.isalnum():  # its key and first piece: the word in lower case
            return self.form_words_from.get(word.lower(), 0)
        return self.form_words_from.get(_piece(word), 0)

    def _add_surface(self, form: str, entry: GazEntry, kind: FormKind) -> None:
        k = key(form)
        if not k:
            return
        sensitive = is_acronym(form) or len(k) <= 3
        bucket = self._surfaces.setdefault(k, [])
        if not any(s.entry == entry and s.form == form for s in bucket):
            bucket.append(Surface(form=form, entry=entry, kind=kind, case_sensitive=sensitive))

    # -- forms found in text ------------------------------------------------

    def surfaces(self, text: str) -> list[Surface]:
        """The entries a written form names (names before metonyms), case checked."""
        return list(self._surfaces_of(text))

    def _find_surfaces(self, text: str) -> tuple[Surface, ...]:
        found = [s for s in self._surfaces.get(key(text), []) if s.matches(text.strip())]
        return tuple(sorted(found, key=lambda s: (s.kind != "name", s.entry.type == "person")))

    def lookup(self, text: str) -> GazEntry | None:
        """The entry whose name, alias or metonym `text` is exactly (case-aware)."""
        found = self.surfaces(text)
        return found[0].entry if found else None

    def lookup_person(self, text: str) -> GazEntry | None:
        """A known person by full name, alias or surname, tolerating spelling variants.

        A surname alone resolves only when one known person bears it, so that
        "Kim" stays unresolved while "Zelenskiy" finds Volodymyr Zelenskyy.
        """
        k = key(text)
        if not k:
            return None
        return self._person_by_key(k)

    def _find_person(self, k: str) -> GazEntry | None:
        exact = [s.entry for s in self._surfaces.get(k, []) if s.entry.type == "person"]
        if exact:
            return exact[0]
        words = k.split()
        if len(words) >= 2:
            hit = process.extractOne(
                k, self._person_full_keys, scorer=fuzz.ratio, score_cutoff=FULLNAME_SIMILARITY
            )
            if hit is not None:
                return self._person_full[hit[2]][1]
            # First name + surname variant: "Volodimir Zelenskiy"
            entry = self._by_surname(words[-1])
            if entry is not None and any(key(n).split()[0] == words[0] for n in entry.names):
                return entry
            return None
        return self._by_surname(k)

    def _by_surname(self, surname: str) -> GazEntry | None:
        direct = self._surname_index.get(surname)
        if direct is not None:
            return direct[0] if len(direct) == 1 else None
        if len(surname) < 5:
            return None
        hits = process.extract(
            surname, self._surname_keys, scorer=fuzz.ratio, score_cutoff=SURNAME_SIMILARITY, limit=5
        )
        people = {id(e): e for h in hits for e in self._surname_index[h[0]]}
        return next(iter(people.values())) if len(people) == 1 else None

    def persons_with_surname(self, surname: str) -> list[GazEntry]:
        return list(self._surname_index.get(key(surname), []))

    # -- states, demonyms, places -------------------------------------------

    def state(self, code: str | None) -> GazEntry | None:
        """The state entry of an ISO-3 code."""
        return self._states_by_code.get(code) if code else None

    def state_by_demonym(self, word: str) -> GazEntry | None:
        """'Russian', 'U.S.', 'North Korean', 'Britain's' -> the state entry."""
        k = key(word)
        hit = self._demonyms.get(k)
        if hit is not None:
            return hit
        for s in self._surfaces.get(k, []):
            if s.entry.type == "state" and s.kind == "name" and s.matches(word.strip()):
                return s.entry
        return None

    def country_code(self, text: str | None) -> str | None:
        """ISO-3 code of a country named by name, alias, demonym, metonym or code."""
        if not text:
            return None
        state = self.state_by_demonym(text)
        if state is not None:
            return state.country
        for s in self._surfaces.get(key(text), []):
            if s.entry.type == "state":
                return s.entry.country
        return iso3(text)

    def place(self, text: str) -> Place | None:
        """A known city or region ("Kramatorsk", "Donetsk region", "Kharkiv Oblast")."""
        k = _PLACE_KIND.sub("", key(text))
        hits = self._places.get(k)
        if not hits:
            return None
        return hits[0]

    def place_country(self, text: str) -> str | None:
        p = self.place(text)
        return p.country if p else None

    # -- roles ---------------------------------------------------------------

    def holders(self, title: str, of: str | None = None, date: str | None = None) -> list[GazEntry]:
        """Known persons holding `title` (of a state code or body name) at `date`."""
        out = []
        for e in self._persons:
            for r in e.roles_at(date):
                if r.title == title and (of is None or r.of == of):
                    out.append(e)
                    break
        return out


@lru_cache(maxsize=1 << 12)
def iso3(name: str) -> str | None:
    """ISO 3166-1 alpha-3 code through pycountry (exact name/code lookup only)."""
    try:
        return cast(str, pycountry.countries.lookup(name.strip()).alpha_3)
    except LookupError:
        return None


# -- loading ------------------------------------------------------------------

DATA_PACKAGE = "peacewire"


def _read_yaml(filename: str) -> Any:
    try:
        text = resources.files(DATA_PACKAGE).joinpath("data", filename).read_text(encoding="utf-8")
    except FileNotFoundError as e:  # pragma: no cover - installation problem
        raise GazetteerError(f"data file {filename} is missing from {DATA_PACKAGE}/data") from e
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise GazetteerError(f"{filename}: not valid YAML: {e}") from e


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise GazetteerError(f"{where}: expected a string or a list of strings, got {value!r}")


def parse_roles(data: Any, filename: str = "roles.yaml") -> RoleLexicon:
    if not isinstance(data, dict) or not isinstance(data.get("titles"), dict):
        raise GazetteerError(f"{filename}: expected a mapping with a `titles` mapping")
    titles = []
    by_form: dict[str, TitleSpec] = {}
    for k, spec in data["titles"].items():
        if not isinstance(spec, dict):
            raise GazetteerError(f"{filename}: title {k!r} must be a mapping")
        t = TitleSpec(
            key=str(k),
            forms=tuple(title_form(f) for f in _strs(spec.get("forms"), f"{filename}: {k}.forms")),
            scope=str(spec.get("scope", "national")),
            leader=bool(spec.get("leader", False)),
        )
        titles.append(t)
        for f in t.forms:
            by_form.setdefault(f, t)

    def words(name: str) -> frozenset[str]:
        return frozenset(fold(w) for w in _strs(data.get(name), f"{filename}: {name}"))

    return RoleLexicon(
        titles=tuple(titles),
        leader_forms=words("leader_forms"),
        official_nouns=words("official_nouns"),
        local_modifiers=words("local_modifiers"),
        vague_nouns=words("vague_nouns"),
        body_nouns=words("body_nouns"),
        state_nouns=words("state_nouns"),
        honorifics=words("honorifics"),
        former_markers=words("former_markers"),
        government_bodies=words("government_bodies"),
        member_nouns=words("member_nouns"),
        source_nouns=words("source_nouns"),
        media_words=words("media_words"),
        media_phrases=words("media_phrases"),
        military_nouns=words("military_nouns"),
        mouthpieces=words("mouthpieces"),
        government_voices=words("government_voices"),
        not_actors=frozenset(_strs(data.get("not_actors"), f"{filename}: not_actors")),
        title_by_form=by_form,
        max_title_words=max((len(f.split()) for f in by_form), default=1),
    )


def parse_places(data: Any, resolve: Mapping[str, str], filename: str = "places.yaml") -> list[Place]:
    """places.yaml: {country: {cities: [...], regions: [...]}} -> places with ISO-3 codes."""
    if not isinstance(data, dict):
        raise GazetteerError(f"{filename}: expected a mapping of country -> {{cities, regions}}")
    out: list[Place] = []
    for country, kinds in data.items():
        code = resolve.get(key(str(country))) or iso3(str(country))
        if code is None:
            raise GazetteerError(f"{filename}: country {country!r} is not known to pycountry or actors.yaml")
        if not isinstance(kinds, dict):
            raise GazetteerError(f"{filename}: {country}: expected a mapping with cities/regions")
        for kind in ("cities", "regions"):
            for name in _strs(kinds.get(kind), f"{filename}: {country}.{kind}"):
                out.append(Place(name=name, country=code, kind="city" if kind == "cities" else "region"))
    return out


def parse_actors(data: Any, filename: str = "actors.yaml") -> list[GazEntry]:
    """actors.yaml -> entries; country names resolve to ISO-3 through the states and pycountry."""
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise GazetteerError(f"{filename}: expected a mapping with an `actors` list")
    raw: list[dict[str, Any]] = data["actors"]
    # States first: their names, aliases and demonyms are how every other
    # entry names its country.
    names_to_code: dict[str, str] = {}
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or "name" not in item:
            raise GazetteerError(f"{filename}: entry #{i} must be a mapping with a name")
        if item.get("type") != "state":
            continue
        where = f"{filename}: state {item['name']!r}"
        code = iso3(str(item.get("iso") or item["name"]))
        if code is None:
            raise GazetteerError(f"{where}: pycountry does not know it (give `iso:` a name it knows)")
        for form in (item["name"], *_strs(item.get("aliases"), where), *_strs(item.get("demonyms"), where)):
            names_to_code.setdefault(key(form), code)
        names_to_code.setdefault(key(code), code)

    def country_of(value: Any, where: str) -> str | None:
        if value is None:
            return None
        code = names_to_code.get(key(str(value))) or iso3(str(value))
        if code is None:
            raise GazetteerError(f"{where}: unknown country {value!r}")
        return code

    entries: list[GazEntry] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        name = str(item["name"])
        where = f"{filename}: entry #{i} {name!r}"
        typ = item.get("type")
        if typ not in ACTOR_TYPES:
            raise GazetteerError(f"{where}: type {typ!r} is not one of {sorted(ACTOR_TYPES)}")
        if name in seen:
            raise GazetteerError(f"{where}: duplicate name")
        seen.add(name)
        country: str | None = (
            names_to_code[key(name)] if typ == "state" else country_of(item.get("country"), where)
        )
        roles = []
        for r in item.get("roles") or []:
            if not isinstance(r, dict) or "title" not in r:
                raise GazetteerError(f"{where}: each role needs a title")
            of = r.get("of")
            of_key = names_to_code.get(key(str(of))) if of is not None else None
            roles.append(
                Role(
                    title=str(r["title"]),
                    of=of_key or (str(of) if of is not None else None),
                    start=str(r["from"]) if r.get("from") is not None else None,
                    end=str(r["to"]) if r.get("to") is not None else None,
                )
            )
        entries.append(
            GazEntry(
                name=name,
                type=cast(ActorType, typ),
                country=country,
                aliases=_strs(item.get("aliases"), where),
                metonyms=_strs(item.get("metonyms"), where),
                demonyms=_strs(item.get("demonyms"), where),
                roles=tuple(roles),
                surname_forms=_strs(item.get("surname"), where),
            )
        )
    return entries


def build_gazetteer(actors_data: Any, places_data: Any, roles_data: Any) -> Gazetteer:
    """A gazetteer from already-parsed YAML documents (tests build small ones)."""
    roles = parse_roles(roles_data)
    entries = parse_actors(actors_data)
    codes: dict[str, str] = {}
    for e in entries:
        if e.type == "state" and e.country:
            for form in (*e.names, *e.demonyms):
                codes.setdefault(key(form), e.country)
    known_titles = {t.key for t in roles.titles}
    for e in entries:
        for r in e.roles:
            if r.title not in known_titles:
                raise GazetteerError(f"actors.yaml: {e.name}: role title {r.title!r} is not in roles.yaml")
    places = parse_places(places_data, codes)
    return Gazetteer(entries, places, roles)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The project's gazetteer, loaded once per process."""
    return build_gazetteer(_read_yaml("actors.yaml"), _read_yaml("places.yaml"), _read_yaml("roles.yaml"))
