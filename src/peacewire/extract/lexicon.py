"""Loaders for the reporting lexicon (`data/reporting.yaml`).

Loaded once per process (cached) and read-only afterwards: the extractors
take what they need from the returned frozen object.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


def load_data_yaml(name: str) -> Any:
    """Parse one YAML file shipped in `peacewire/data/`."""
    text = resources.files("peacewire.data").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass(frozen=True)
class ReportingLexicon:
    verbs: frozenset[str]
    clause_only: frozenset[str]
    vague_subjects: frozenset[str]
    anonymous_subjects: frozenset[str]
    speech_nouns: frozenset[str]
    phrasal: Mapping[str, frozenset[str]] = field(default_factory=dict)
    naming_words: frozenset[str] = frozenset()
    thought: frozenset[str] = frozenset()
    """Verbs of thinking and expecting: what they report is the holder's view, not a relay."""
    estimate: frozenset[str] = frozenset()
    finding_nouns: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    hypothetical_modals: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def reporting_lexicon() -> ReportingLexicon:
    raw = load_data_yaml("reporting.yaml")
    verbs = {v for group in raw["verbs"].values() for v in group}
    return ReportingLexicon(
        verbs=frozenset(verbs),
        clause_only=frozenset(raw["clause_only"]),
        vague_subjects=frozenset(raw["vague_subjects"]),
        anonymous_subjects=frozenset(raw["anonymous_subjects"]),
        speech_nouns=frozenset(raw["speech_nouns"]),
        phrasal={verb: frozenset(words) for verb, words in raw["phrasal"].items()},
        naming_words=frozenset(raw["naming_words"]),
        thought=frozenset(raw["verbs"]["thought"]),
        estimate=frozenset(raw["verbs"]["estimate"]),
        finding_nouns=frozenset(raw["finding_nouns"]),
        claim_nouns=frozenset(raw["claim_nouns"]),
        document_nouns=frozenset(raw["document_nouns"]),
        hypothetical_modals=frozenset(raw["hypothetical_modals"]),
    )
