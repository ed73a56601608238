"""How a predicted item is paired with a gold one.

These rules are the official scorer's (shared/eval/score.py), ported so the
project can score any records itself and get the same figures: text is
compared on accent- and case-folded word tokens, names on any form the gold
actor is known by (with a fuzzy and a surname rule), and pairs are taken
greedily, best first, each item used at most once.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

QUOTE_MATCH = 0.6
"""Token F1 from which a predicted quote counts as finding a gold quote."""

NAME_RATIO = 0.85
"""Similarity (difflib ratio) from which two whole names are the same name."""

SURNAME_RATIO = 0.8
"""Similarity from which two last words are the same surname."""

SURNAME_MIN_LEN = 3
"""A predicted last word must be longer than this to count as a surname."""

_QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_WORD = re.compile(r"\w+")


def fold(s: str | None) -> str:
    """Strip accents, straighten curly quotes and lower-case, so spelling variants compare equal."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.translate(_QUOTE_MARKS).lower()


def tokens(s: str | None) -> list[str]:
    """The folded word tokens of `s` (punctuation and spacing do not count)."""
    return _WORD.findall(fold(s))


def token_f1(a: str | None, b: str | None) -> float:
    """Bag-of-tokens F1 between two texts; 0.0 when either has no words."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    common = 0
    pool = list(tb)
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def name_forms(actor: Mapping[str, Any]) -> list[str]:
    """Every form an actor is known by: its name first, then its aliases."""
    return [actor["name"], *(actor.get("aliases") or [])]


def names_match(pred: str | None, gold: str | None, gold_actors: Sequence[Mapping[str, Any]]) -> bool:
    """True when the predicted name denotes the gold actor (by any of its forms).

    Two missing names match each other and nothing else.  The gold actor's
    forms come from the first gold actor whose name is `gold`; a name with no
    such actor is compared as it stands.
    """
    if pred is None or gold is None:
        return pred is None and gold is None
    forms = [gold]
    for actor in gold_actors:
        if actor["name"] == gold:
            forms = name_forms(actor)
            break
    p = " ".join(tokens(pred))
    for form in forms:
        g = " ".join(tokens(form))
        if not g or not p:
            continue
        if p == g or difflib.SequenceMatcher(None, p, g).ratio() >= NAME_RATIO:
            return True
        # surname match for persons: "Zelensky" ~ "Volodymyr Zelenskyy"
        pl, gl = p.split()[-1], g.split()[-1]
        if len(pl) > SURNAME_MIN_LEN and difflib.SequenceMatcher(None, pl, gl).ratio() >= SURNAME_RATIO:
            return True
    return False


def greedy(pairs: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairing of (score, pred index, gold index) candidates, best first.

    Ties go to the higher prediction index, then the higher gold index, as in
    the official scorer; which of two tied pairs wins decides, for instance,
    which speaker is checked, so the order is part of the contract.
    """
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out
