"""The event cue lexicon (`data/event_cues.yaml`), loaded once.

The extractors of attacks, casualties, transfers and territorial control key
on these words; keeping them as data lets the vocabulary grow without code
changes and documents every choice (ACLED's reading of "dozens", for one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, cast

from peacewire.extract.lexicon import load_data_yaml
from peacewire.records import CountQualifier

QUALIFIERS: frozenset[str] = frozenset({"exact", "at_least", "more_than", "about", "up_to"})


class CueError(ValueError):
    """event_cues.yaml is malformed (the message names the entry)."""


@dataclass(frozen=True)
class AttackCues:
    nouns: frozenset[str]
    verbs: frozenset[str]
    context_verbs: frozenset[str]
    ground: frozenset[str]
    not_objects: frozenset[str]
    cancellers: frozenset[str]
    irrealis_modifiers: frozenset[str]
    distinct_modifiers: frozenset[str]
    damage: frozenset[str]
    multi_place: tuple[str, ...]
    cumulative: tuple[str, ...]
    definite: frozenset[str]
    not_modifiers: frozenset[str]
    venue_nouns: frozenset[str]
    venue_verbs: frozenset[str]
    impact_verbs: frozenset[str]
    targets: frozenset[str]
    sites: frozenset[str]

    @cached_property
    def trigger_words(self) -> frozenset[str]:
        """Every lemma an attack word can have (a phrasal verb by its verb)."""
        phrasal = {p.split()[0] for p in self.context_verbs | self.impact_verbs}
        return self.nouns | self.verbs | self.ground | frozenset(phrasal)


@dataclass(frozen=True)
class CasualtyCues:
    killed: frozenset[str]
    injured: frozenset[str]
    lives_verbs: frozenset[str]
    lives_nouns: frozenset[str]
    toll_nouns: frozenset[str]
    revision: frozenset[str]
    person_nouns: frozenset[str]
    fillers: frozenset[str]
    subset: frozenset[str]
    rate: frozenset[str]
    generic_subjects: frozenset[str]
    singular_people: frozenset[str]
    group_people: Mapping[str, float]
    """Nouns that count a fixed number of people ("a couple were killed" -> 2)."""
    toll_setters: frozenset[str]
    """Verbs whose object is a toll they set anew ("raised the toll, listing 50 dead"): the
    sentence's figures are the revised ones."""

    @cached_property
    def words(self) -> frozenset[str]:
        """The words without one of which a sentence gives no casualty figure: a casualty word, a
        bare "toll", or the "lives"/"bodies" that count the dead ("the number of ..." needs a
        casualty word after it)."""
        alone = (self.toll_nouns & {"toll"}) | (self.lives_nouns & {"life", "body"})
        return self.killed | self.injured | alone | {"hospitalise", "hospitalize"}


@dataclass(frozen=True)
class NumberCues:
    qualifiers: Mapping[str, CountQualifier]
    vague: Mapping[str, float]
    scales: Mapping[str, float]
    units: frozenset[str]
    fractions: Mapping[str, float]
    currencies: frozenset[str] = frozenset()

    @property
    def max_qualifier_words(self) -> int:
        return max(len(k.split()) for k in self.qualifiers)


@dataclass(frozen=True)
class TransferCues:
    verbs: frozenset[str]
    receive_verbs: frozenset[str]
    nouns: frozenset[str]
    cancellers: frozenset[str]
    irrealis: frozenset[str]
    package_verbs: frozenset[str]
    arrival_verbs: frozenset[str]
    use_verbs: frozenset[str]
    anaphors: frozenset[str]
    """Nouns that, definite and counted ("16 of the systems"), count a weapon named before."""
    side_of: Mapping[str, str]
    """Supplier -> the side it arms when the article names no recipient."""
    other_side: str | None
    """The recipient of any other supplier that is not a belligerent itself."""
    belligerents: frozenset[str]

    @property
    def default_recipients(self) -> _DefaultRecipients:
        return _DefaultRecipients(self)


@dataclass(frozen=True)
class _DefaultRecipients:
    cues: TransferCues

    def get(self, supplier: str) -> str | None:
        if supplier in self.cues.side_of:
            return self.cues.side_of[supplier]
        if not supplier or supplier in self.cues.belligerents:
            return None
        return self.cues.other_side


@dataclass(frozen=True)
class TerritoryCues:
    verbs: frozenset[str]
    nouns: frozenset[str]


@dataclass(frozen=True)
class EventCues:
    attack: AttackCues
    casualties: CasualtyCues
    numbers: NumberCues
    transfer: TransferCues
    territory: TerritoryCues
    capitals: Mapping[str, str]
    captions: tuple[str, ...]


def _words(section: Mapping[str, Any], name: str, where: str) -> frozenset[str]:
    return frozenset(_list(section, name, where))


def _list(section: Mapping[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = section.get(name)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CueError(f"event_cues.yaml: {where}.{name} must be a list of strings")
    return tuple(v.lower() for v in value)


def _names(section: Mapping[str, Any], name: str) -> tuple[str, ...]:
    """A list of actor names, kept as written (not lower-cased)."""
    value = section.get(name)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CueError(f"event_cues.yaml: transfer.{name} must be a list of names")
    return tuple(value)


def _names_map(section: Mapping[str, Any], name: str) -> dict[str, str]:
    value = section.get(name)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise CueError(f"event_cues.yaml: transfer.{name} must map names to names")
    return {str(k): str(v) for k, v in value.items()}


def _optional_name(section: Mapping[str, Any], name: str) -> str | None:
    value = section.get(name)
    if value is not None and not isinstance(value, str):
        raise CueError(f"event_cues.yaml: transfer.{name} must be a name or null")
    return value


def _section(raw: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = raw.get(name)
    if not isinstance(value, dict):
        raise CueError(f"event_cues.yaml: `{name}` must be a mapping")
    return value


def _numbers_map(section: Mapping[str, Any], name: str) -> dict[str, float]:
    return _counts_map(section, name, "numbers")


def _counts_map(section: Mapping[str, Any], name: str, where: str) -> dict[str, float]:
    value = section.get(name)
    if not isinstance(value, dict):
        raise CueError(f"event_cues.yaml: {where}.{name} must be a mapping")
    out: dict[str, float] = {}
    for k, v in value.items():
        if not isinstance(v, int | float):
            raise CueError(f"event_cues.yaml: {where}.{name}.{k} must be a number, got {v!r}")
        out[str(k).lower()] = float(v)
    return out


def parse_cues(raw: Any) -> EventCues:
    """Build the cue lexicon from the parsed YAML document."""
    if not isinstance(raw, dict):
        raise CueError("event_cues.yaml: expected a mapping at the top")
    a = _section(raw, "attack")
    c = _section(raw, "casualties")
    n = _section(raw, "numbers")
    t = _section(raw, "transfer")
    g = _section(raw, "territory")
    quals = n.get("qualifiers")
    if not isinstance(quals, dict):
        raise CueError("event_cues.yaml: numbers.qualifiers must be a mapping")
    for k, v in quals.items():
        if v not in QUALIFIERS:
            raise CueError(f"event_cues.yaml: qualifier {k!r} -> {v!r} is not one of {sorted(QUALIFIERS)}")
    capitals = raw.get("capitals")
    if not isinstance(capitals, dict):
        raise CueError("event_cues.yaml: `capitals` must be a mapping")
    return EventCues(
        attack=AttackCues(
            nouns=_words(a, "nouns", "attack"),
            verbs=_words(a, "verbs", "attack"),
            context_verbs=_words(a, "context_verbs", "attack"),
            ground=_words(a, "ground", "attack"),
            not_objects=_words(a, "not_objects", "attack"),
            cancellers=_words(a, "cancellers", "attack"),
            irrealis_modifiers=_words(a, "irrealis_modifiers", "attack"),
            distinct_modifiers=_words(a, "distinct_modifiers", "attack"),
            damage=_words(a, "damage", "attack"),
            multi_place=_list(a, "multi_place", "attack"),
            cumulative=_list(a, "cumulative", "attack"),
            definite=_words(a, "definite", "attack"),
            not_modifiers=_words(a, "not_modifiers", "attack"),
            venue_nouns=_words(a, "venue_nouns", "attack"),
            venue_verbs=_words(a, "venue_verbs", "attack"),
            impact_verbs=_words(a, "impact_verbs", "attack"),
            targets=_words(a, "targets", "attack") | _words(a, "sites", "attack"),
            sites=_words(a, "sites", "attack"),
        ),
        casualties=CasualtyCues(
            killed=_words(c, "killed", "casualties"),
            injured=_words(c, "injured", "casualties"),
            lives_verbs=_words(c, "lives_verbs", "casualties"),
            lives_nouns=_words(c, "lives_nouns", "casualties"),
            toll_nouns=_words(c, "toll_nouns", "casualties"),
            revision=_words(c, "revision", "casualties"),
            person_nouns=_words(c, "person_nouns", "casualties"),
            fillers=_words(c, "fillers", "casualties"),
            subset=_words(c, "subset", "casualties"),
            rate=_words(c, "rate", "casualties"),
            generic_subjects=_words(c, "generic_subjects", "casualties"),
            singular_people=_words(c, "singular_people", "casualties"),
            group_people=_counts_map(c, "group_people", "casualties"),
            toll_setters=_words(c, "toll_setters", "casualties"),
        ),
        numbers=NumberCues(
            qualifiers={str(k).lower(): cast(CountQualifier, v) for k, v in quals.items()},
            vague=_numbers_map(n, "vague"),
            scales=_numbers_map(n, "scales"),
            units=_words(n, "units", "numbers"),
            fractions=_numbers_map(n, "fractions"),
            currencies=_words(n, "currencies", "numbers"),
        ),
        transfer=TransferCues(
            verbs=_words(t, "verbs", "transfer"),
            receive_verbs=_words(t, "receive_verbs", "transfer"),
            nouns=_words(t, "nouns", "transfer"),
            cancellers=_words(t, "cancellers", "transfer"),
            irrealis=_words(t, "irrealis", "transfer"),
            package_verbs=_words(t, "package_verbs", "transfer"),
            arrival_verbs=_words(t, "arrival_verbs", "transfer"),
            use_verbs=_words(t, "use_verbs", "transfer"),
            anaphors=_words(t, "anaphors", "transfer"),
            side_of=_names_map(t, "default_recipients"),
            other_side=_optional_name(t, "other_recipient"),
            belligerents=frozenset(_names(t, "belligerents")),
        ),
        territory=TerritoryCues(verbs=_words(g, "verbs", "territory"), nouns=_words(g, "nouns", "territory")),
        capitals={str(k): str(v) for k, v in capitals.items()},
        captions=_list(raw, "captions", "top"),
    )


@lru_cache(maxsize=1)
def event_cues() -> EventCues:
    """The project's event cues, parsed once per process."""
    return parse_cues(load_data_yaml("event_cues.yaml"))
