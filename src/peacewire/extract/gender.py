"""The grammatical gender a person's name and mentions tell, for he / she.

Pronoun resolution picks the nearest earlier subject of the right kind;
without gender, "he" can land on the one woman quoted just before.  The
lexicon (data/given_names.yaml) is deliberately small and explicit: a person
whose gender it cannot tell stays compatible with both pronouns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml

from peacewire.records import Actor

Gender = Literal["f", "m"]
FEMININE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MASCULINE_PRONOUNS = frozenset({"he", "him", "his", "himself"})


@dataclass(frozen=True)
class GenderLexicon:
    female: frozenset[str]
    male: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]
    female_surname_endings: tuple[str, ...]


@cache
def gender_lexicon() -> GenderLexicon:
    raw = yaml.safe_load(resources.files("peacewire.data").joinpath("given_names.yaml").read_text("utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw[key])

    return GenderLexicon(
        female=words("female"),
        male=words("male"),
        female_words=words("female_words"),
        male_words=words("male_words"),
        female_surname_endings=tuple(str(e).lower() for e in raw["female_surname_endings"]),
    )


def person_gender(actor: Actor, text: str, lex: GenderLexicon | None = None) -> Gender | None:
    """'f' or 'm' when the person's name or the words of a mention tell it, else None.

    The given name decides first; then role words and honorifics in the
    mentions ("spokeswoman Maria ...", "Mr Yermak"); then a feminine Slavic
    surname ending.  Conflicting evidence gives None.
    """
    if actor.type != "person":
        return None
    lex = lex or gender_lexicon()
    names = actor.name.lower().split()
    if len(names) >= 2:
        if names[0] in lex.female:
            return "f"
        if names[0] in lex.male:
            return "m"
    said: set[Gender] = set()
    for start, end in actor.mentions:
        for word in text[start:end].lower().replace(",", " ").split():
            if word in names:
                continue  # "Choe Son Hui": a name's words are no role words
            if word in lex.female_words:
                said.add("f")
            elif word in lex.male_words:
                said.add("m")
    if len(said) == 1:
        return said.pop()
    if said:
        return None
    if len(names) >= 2 and names[-1].endswith(lex.female_surname_endings):
        return "f"
    return None


def agrees(pronoun: str, gender: Gender | None) -> bool:
    """Whether a person of this gender can be what the pronoun stands for."""
    word = pronoun.lower()
    if gender == "f":
        return word not in MASCULINE_PRONOUNS
    if gender == "m":
        return word not in FEMININE_PRONOUNS
    return True


class Genders:
    """The gender of each person of one article, told once: every pronoun asks again."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._known: dict[str, Gender | None] = {}

    def of(self, actor: Actor) -> Gender | None:
        if actor.name not in self._known:
            self._known[actor.name] = person_gender(actor, self.text)
        return self._known[actor.name]

    def agree(self, pronoun: str, actor: Actor) -> bool:
        """Whether the pronoun can stand for the actor."""
        return agrees(pronoun, self.of(actor))
