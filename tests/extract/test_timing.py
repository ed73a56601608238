"""When a sentence's event happened, from the dates it names.

Every text here is written for the test; none comes from the dev set.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from peacewire.extract.timing import days_before

LINES = [
    "The bridge was hit on Saturday.",
    "Monday's strikes killed 12 people.",
    "The depot burned on March 3, 2023.",
    "The talks went on for hours.",
]
PUBLISHED = "2024-06-10"  # a Monday


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    return nlp("\n".join(LINES))


def line(doc: Doc, n: int) -> Span:
    start = sum(len(x) + 1 for x in LINES[:n])
    span = doc.char_span(start, start + len(LINES[n]), alignment_mode="expand")
    assert span is not None
    return span


def test_weekdays_are_the_last_such_day(doc: Doc) -> None:
    assert days_before(line(doc, 0), PUBLISHED) == 2
    assert days_before(line(doc, 1), PUBLISHED) == 0  # the day of publication


def test_calendar_dates_and_no_date(doc: Doc) -> None:
    assert days_before(line(doc, 2), PUBLISHED) == 465
    assert days_before(line(doc, 3), PUBLISHED) is None
    assert days_before(line(doc, 0), None) is None
