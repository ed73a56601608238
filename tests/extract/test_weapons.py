"""Weapons in a sentence: named systems with their spelling variants, and classes.

Every text here is written for the test; none comes from the dev set.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from peacewire.extract.weapons import event_weapons, find_weapons, weapon_lexicon, weapon_tokens

LINES = [
    "Moscow fired Kh101 and Kalibr cruise missiles, two ballistic missiles and 40 Shahed drones.",
    "Berlin sends 14 Leopard 2A6 tanks, IRIS-T air defence systems and 155mm shells.",
    "The patriot said HIMARS and advanced rocket systems help, and more Patriots are coming.",
    "Pyongyang delivered artillery shells, KN-23s and glide bombs.",
    "Troops used Tochka-U tactical ballistic missiles and armoured vehicles.",
    "The allies sent weapons, modern military equipment and lethal aid, not non-lethal aid or nuclear arms.",
    "Model sKh-101 is a toy, but US-supplied Bushmaster vehicles and air defence systems are not.",
    "Sea drones, Ka-52 helicopters and a stray projectile were reported.",
]


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    return nlp("\n".join(LINES))


def labels(doc: Doc, n: int) -> list[tuple[str, str, bool]]:
    start = sum(len(x) + 1 for x in LINES[:n])
    span = doc.char_span(start, start + len(LINES[n]), alignment_mode="expand")
    assert span is not None
    return [(w.label, w.cls, w.named) for w in find_weapons(span)]


def test_named_systems_with_variant_spelling(doc: Doc) -> None:
    found = labels(doc, 0)
    assert ("Kh101", "missile", True) in found
    assert ("Kalibr", "missile", True) in found
    assert ("Shahed", "drone", True) in found
    assert ("cruise missile", "missile", False) in found
    assert ("ballistic missile", "missile", False) in found


def test_classes_need_their_modifier(doc: Doc) -> None:
    found = labels(doc, 1)
    assert ("Leopard 2A6", "tank", True) in found
    assert ("air defence system", "air defence system", False) in found
    assert ("artillery shell", "artillery shell", False) in found


def test_case_sensitive_names_and_plurals(doc: Doc) -> None:
    found = labels(doc, 2)
    assert ("HIMARS", "rocket system", True) in found
    assert ("rocket system", "rocket system", False) in found
    assert ("Patriot", "air defence system", True) in found  # "Patriots", not "the patriot"
    assert sum(1 for f in found if f[0] == "Patriot") == 1


def test_event_weapons_prefer_named_systems(doc: Doc) -> None:
    start = sum(len(x) + 1 for x in LINES[:4])
    span = doc.char_span(start, start + len(LINES[4]), alignment_mode="expand")
    assert span is not None
    ws = find_weapons(span)
    assert event_weapons(ws) == ["Tochka-U"]
    assert event_weapons([w for w in ws if not w.named]) == ["ballistic missile", "armoured vehicle"]


def test_digits_of_names_are_marked(doc: Doc) -> None:
    start = sum(len(x) + 1 for x in LINES[:3])
    span = doc.char_span(start, start + len(LINES[3]), alignment_mode="expand")
    assert span is not None
    ws = find_weapons(span)
    assert ("KN-23", "missile", True) in [(w.label, w.cls, w.named) for w in ws]
    assert ("glide bomb", "bomb", False) in [(w.label, w.cls, w.named) for w in ws]
    kn = next(w for w in ws if w.named)
    assert set(range(kn.start, kn.end)) <= weapon_tokens(ws)


def test_groups_join_loose_synonyms() -> None:
    lex = weapon_lexicon()
    assert lex.group("missile") == lex.group("rocket")
    assert lex.group("drone") != lex.group("missile")


def test_weapons_in_general_are_marked_generic(doc: Doc) -> None:
    start = sum(len(x) + 1 for x in LINES[:5])
    span = doc.char_span(start, start + len(LINES[5]), alignment_mode="expand")
    assert span is not None
    ws = find_weapons(span)
    assert [(w.label, w.generic) for w in ws] == [
        ("weapons", True),
        ("military equipment", True),
        ("lethal aid", True),
    ]  # "non-lethal aid" and "nuclear arms" are no supply of weapons


def test_names_inside_words_and_phrases_as_written(doc: Doc) -> None:
    start = sum(len(x) + 1 for x in LINES[:6])
    span = doc.char_span(start, start + len(LINES[6]), alignment_mode="expand")
    assert span is not None
    ws = find_weapons(span)
    assert [w.label for w in ws if w.named] == ["Bushmaster"]  # not the "Kh-101" inside "sKh-101"
    bushmaster = next(w for w in ws if w.named)
    assert bushmaster.system == "Bushmaster"
    phrases = [w.phrase for w in ws if not w.named]
    assert "air defence systems" in phrases  # the compound's own modifier belongs to the phrase
    assert not any("supplied" in p for p in phrases)  # "US-supplied" says who, not what


def test_helicopters_sea_drones_and_projectiles_are_their_own_classes(doc: Doc) -> None:
    found = labels(doc, 7)
    assert ("sea drone", "drone", False) in found  # the kind of drone, not any drone
    assert ("Ka-52", "helicopter", True) in found  # "helicopter", not "aircraft"
    assert ("projectile", "projectile", False) in found  # of no known kind: no "artillery shell"
