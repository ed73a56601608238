"""Find the venue of a quotation: the medium or occasion it was said in.

Patterns live in `data/venues.yaml`; they run on the attribution sentence
with the quoted words blanked, so words inside a quotation never count as
its venue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from peacewire.extract.lexicon import load_data_yaml

_LEADING_DETERMINER = re.compile(r"^(?:a|an|his|her|its|their)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class VenuePattern:
    regex: re.Pattern[str]
    template: str


@lru_cache(maxsize=1)
def venue_trigger() -> re.Pattern[str]:
    """One cheap search that every venue pattern needs to succeed first."""
    raw = load_data_yaml("venues.yaml")
    words = [re.escape(w) for w in raw["triggers"]]
    channels = [re.escape(c) for c in raw["channels"]]
    return re.compile(r"\b(?:" + "|".join(words + channels) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def venue_patterns() -> tuple[VenuePattern, ...]:
    raw = load_data_yaml("venues.yaml")
    channels = "|".join(re.escape(c) for c in sorted(raw["channels"], key=len, reverse=True))
    out = []
    for item in raw["patterns"]:
        pattern = item["pattern"].replace("{channels}", channels)
        out.append(VenuePattern(re.compile(pattern, re.IGNORECASE), item["venue"]))
    return tuple(out)


def find_venue(context: str, patterns: tuple[VenuePattern, ...] | None = None) -> str | None:
    """The venue named in `context` (attribution text, quotations blanked)."""
    if patterns is None and venue_trigger().search(context) is None:
        return None
    for vp in patterns or venue_patterns():
        m = vp.regex.search(context)
        if m is None:
            continue
        groups = {k: (v or "").strip() for k, v in m.groupdict().items()}
        venue = vp.template.replace("{0}", m.group(0).strip())
        for k, v in groups.items():
            venue = venue.replace("{" + k + "}", v)
        venue = re.sub(r"\s+", " ", venue).strip(" ,.;")
        venue = _LEADING_DETERMINER.sub("", venue)
        if venue:
            return venue
    return None
