"""Killed and injured counts: which count belongs to which casualty word, and which are none.

Every text here is written for the test; none comes from the dev set.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from peacewire.extract.casualties import find_casualties

LINES = [
    # 0: count before the word, two kinds in one sentence
    "Three people were killed and nine others wounded when a drone hit a school.",
    # 1: verb before the count, qualifiers do not spread to the next count
    "A missile strike on the town killed at least five and injured more than a dozen.",
    # 2: running figures are revised
    "The death toll has risen to 41, officials said, while the number of injured climbed to 120.",
    # 3: part of a larger figure
    "Among the wounded are six children.",
    # 4: lives
    "The strike claimed at least 20 lives.",
    # 5: bodies
    "Rescuers recovered the bodies of seven people.",
    # 6: one person, and a synonym of injured
    "A woman was killed and two men were hospitalised.",
    # 7: killed or wounded together cannot be split
    "Dozens were killed or wounded.",
    # 8: a rate
    "Up to 200 soldiers are dying daily.",
    # 9: the war, not an attack
    "The war has killed more than 10,000 civilians.",
    # 10: a hedge about the unknown
    "Two others may be trapped under the rubble.",
    # 11: one person named by age
    "Shelling killed a 70-year-old man.",
    # 12: subset after including
    "Officials said 12 people died, including three children.",
    # 13: a toll of dead and injured
    "The toll stands at 14 dead and 30 injured.",
    # 14: numbers in words, "leaving"
    "The blast left twenty-three people dead and forty injured.",
    # 15: people not harmed
    "About 300 people were evacuated and 39 were rescued.",
    # 16: "injuries standing at" after a revised death toll
    "The toll was later revised to 19, with injuries standing at 52.",
    # 17: present progressive, a general statement
    "Thousands of people are dying.",
    # 18: the loss of lives, more than
    "The attack resulted in the loss of at least 12 lives and left more than 80 injured.",
    # 19: the count's own verb, across an aside
    "Nine residents, among them a pensioner, were wounded.",
    # 20: relative clauses: "who were hurt", and a reported one without a subject
    "The ministry named 14 guards it said had been killed and six who were hurt.",
    # 21: one person under a compound noun, a couple, a possessive
    "A night watchman died, an elderly couple were killed and their grandson was injured.",
    # 22: a toll set anew: its figures are the revised ones
    "The ministry later lowered the toll, counting 11 dead and 30 wounded.",
    # 23: the count of the killers, not of the killed
    "Three gunmen killed a farmer.",
    # 24: a part of a toll, marked as such with parts
    "At least 20 people were killed, including four in the town of Izium.",
    # 25: coordinated single victims
    "The strike killed a 70-year-old man and his grandson and wounded six other people.",
]


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    return nlp("\n".join(LINES))


def found(doc: Doc, n: int) -> list[tuple[str, float, str, bool]]:
    start = sum(len(x) + 1 for x in LINES[:n])
    span = doc.char_span(start, start + len(LINES[n]), alignment_mode="expand")
    assert span is not None
    return [(c.kind, c.count.value, c.count.qualifier, c.revised) for c in find_casualties(span)]


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, [("killed", 3, "exact", False), ("injured", 9, "exact", False)]),
        (1, [("killed", 5, "at_least", False), ("injured", 12, "more_than", False)]),
        (2, [("killed", 41, "exact", True), ("injured", 120, "exact", True)]),
        (4, [("killed", 20, "at_least", False)]),
        (5, [("killed", 7, "exact", False)]),
        (6, [("killed", 1, "exact", False), ("injured", 2, "exact", False)]),
        (11, [("killed", 1, "exact", False)]),
        (12, [("killed", 12, "exact", False)]),
        (13, [("killed", 14, "exact", False), ("injured", 30, "exact", False)]),
        (14, [("killed", 23, "exact", False), ("injured", 40, "exact", False)]),
        (16, [("killed", 19, "exact", True), ("injured", 52, "exact", True)]),
        (18, [("killed", 12, "at_least", False), ("injured", 80, "more_than", False)]),
        (19, [("injured", 9, "exact", False)]),
        (20, [("killed", 14, "exact", False), ("injured", 6, "exact", False)]),
        (21, [("killed", 1, "exact", False), ("killed", 2, "exact", False), ("injured", 1, "exact", False)]),
        (22, [("killed", 11, "exact", True), ("injured", 30, "exact", True)]),
        (23, [("killed", 1, "exact", False)]),
        (24, [("killed", 20, "at_least", False)]),
        (25, [("killed", 2, "exact", False), ("injured", 6, "exact", False)]),
    ],
)
def test_casualty_counts(doc: Doc, n: int, expected: list[tuple[str, float, str, bool]]) -> None:
    assert found(doc, n) == expected


@pytest.mark.parametrize("n", [3, 7, 8, 9, 10, 15, 17])
def test_counts_that_are_no_casualty_figure(doc: Doc, n: int) -> None:
    assert found(doc, n) == []


def test_a_part_of_a_toll_is_at_least_its_count(doc: Doc) -> None:
    start = sum(len(x) + 1 for x in LINES[:24])
    span = doc.char_span(start, start + len(LINES[24]), alignment_mode="expand")
    assert span is not None
    parts = [(c.kind, c.count.value, c.count.qualifier) for c in find_casualties(span, parts=True) if c.part]
    assert parts == [("killed", 4, "at_least")]
