"""Gender from names, role words and surname endings, for he / she."""

from __future__ import annotations

from peacewire.extract.gender import agrees, person_gender
from peacewire.records import Actor


def person(name: str, text: str = "") -> tuple[Actor, str]:
    text = text or name
    start = text.index(name.split()[-1]) if name not in text else text.index(name)
    return Actor(name=name, type="person", mentions=[(0, len(text))] if start >= 0 else []), text


def test_given_names_tell_gender() -> None:
    assert person_gender(*person("Kaja Kallas")) == "f"
    assert person_gender(*person("Rustem Umerov")) == "m"  # a male given name beats the -ov ending


def test_role_words_in_a_mention_tell_gender_but_the_names_own_words_do_not() -> None:
    assert person_gender(*person("Choe Son Hui", "North Korean foreign minister Choe Son Hui")) is None
    assert person_gender(*person("Choe Son Hui", "spokeswoman Choe Son Hui")) == "f"
    assert person_gender(*person("Andriy Yermak", "Mr Yermak")) == "m"


def test_feminine_slavic_surnames() -> None:
    assert person_gender(*person("Irina Yarovaya")) == "f"  # a given name in the list
    assert person_gender(*person("Y. Petrova")) == "f"  # the surname ending alone
    assert person_gender(*person("Petrov")) is None  # one word: no ending rule


def test_unknown_gender_agrees_with_every_pronoun() -> None:
    assert agrees("he", None) and agrees("she", None)
    assert agrees("she", "f") and not agrees("he", "f")
    assert agrees("he", "m") and not agrees("her", "m")


def test_genders_of_an_article_are_told_once_per_person() -> None:
    from peacewire.extract.gender import Genders

    text = "Foreign ministry spokeswoman Maria Zakharova"
    zakharova = Actor(name="Maria Zakharova", type="person", mentions=[(0, len(text))])
    genders = Genders(text)
    assert genders.of(zakharova) == "f"
    assert genders.agree("she", zakharova) and not genders.agree("he", zakharova)
