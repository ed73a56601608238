"""The language of an article: detected from its text, or as its metadata declares.

Detection uses lingua, built once per process, in low-accuracy mode over a
fixed set of languages.  Measured (ru_maxrss, 2 cores): high-accuracy mode
over 13 languages adds ~300 MB after a few texts, which the product's 600 MB
budget (spaCy included) cannot carry; low-accuracy mode adds ~40 MB for
English text and ~65 MB once texts in every script below have been seen
(models load lazily, per script of the text), ~25 ms per article.  Low
accuracy is only weak on texts of a few words, and articles are paragraphs:
on a paragraph it is as certain as the full mode.

Which wins when metadata and text disagree: the text, when detection is
confident.  Feeds often declare a site-wide language (an English edition of
a Ukrainian site labelled "uk"), and the text is the evidence the extractor
will read.  When detection is unsure, or the text is too short to judge,
the declared language stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pycountry
from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# Languages of the news about the war and its diplomacy.  Each Latin-script
# language adds memory for every Latin text (its model is a candidate), so
# that list is kept to the region's and the big wire languages; languages of
# other scripts cost only when a text in their script appears.
DETECTABLE = (
    # Latin script
    Language.ENGLISH, Language.POLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH,
    Language.ITALIAN, Language.PORTUGUESE, Language.ROMANIAN, Language.TURKISH, Language.DUTCH,
    Language.CZECH,
    # Cyrillic
    Language.UKRAINIAN, Language.RUSSIAN, Language.BELARUSIAN, Language.BULGARIAN, Language.SERBIAN,
    Language.KAZAKH,
    # other scripts
    Language.ARABIC, Language.PERSIAN, Language.URDU, Language.HEBREW, Language.CHINESE,
    Language.JAPANESE, Language.KOREAN, Language.HINDI, Language.GEORGIAN, Language.ARMENIAN,
    Language.GREEK,
)  # fmt: skip

SAMPLE_CHARS = 3000
"""Detection reads the article's opening; more text costs time and changes nothing."""
MIN_LETTERS = 20
"""Below this many letters a text is too short to judge."""
CONFIDENT = 0.9
"""Confidence at which detection overrides the declared language."""


@dataclass(frozen=True)
class Detection:
    code: str
    """ISO 639-1 code."""
    confidence: float


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    """The lingua detector, built once (models load lazily as texts need them)."""
    return LanguageDetectorBuilder.from_languages(*DETECTABLE).with_low_accuracy_mode().build()


def detect_language(text: str) -> Detection | None:
    """The most likely language of `text` with its confidence, or None if too short or unknown."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for c in sample if c.isalpha()) < MIN_LETTERS:
        return None
    values = detector().compute_language_confidence_values(sample)
    if not values or values[0].value <= 0:
        return None
    best = values[0]
    return Detection(best.language.iso_code_639_1.name.lower(), float(best.value))


def normalise_language_code(value: str | None) -> str | None:
    """An ISO 639-1 code for a declared language ("en", "en-US", "eng", "English"), else None."""
    if not value or not value.strip():
        return None
    v = value.strip().replace("_", "-").split("-")[0].strip()
    found = None
    if len(v) == 2:
        found = pycountry.languages.get(alpha_2=v.lower())
    elif len(v) == 3:
        found = pycountry.languages.get(alpha_3=v.lower())
    if found is None and len(v) > 3:
        try:
            found = pycountry.languages.lookup(v)
        except LookupError:
            found = None
    code = getattr(found, "alpha_2", None) if found is not None else None
    return code.lower() if isinstance(code, str) else None


def choose_language(declared: str | None, detection: Detection | None) -> str | None:
    """The article's language: confident detection, else the declared code, else a weak guess."""
    if detection is not None and detection.confidence >= CONFIDENT:
        return detection.code
    if declared:
        return declared
    return detection.code if detection is not None else None
