"""Counts and shares as news writes them: digits, words, vague plurals, qualifiers.

Every text here is written for the test; none comes from the dev set.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from peacewire.extract.numbers import Figure, find_figures, find_shares, parse_words
from peacewire.extract.tokenview import token_view

# One sentence per line; the whole text is parsed once for the module.
COUNTS = """At least 12 people were hurt.
More than a dozen people were hurt.
Over 300 shells fell.
Some 40 drones flew in.
About 4,000 residents fled.
Nearly 90 people lost power.
Up to 4.8 million rounds may have been sent.
As many as 70 trucks waited.
Twenty-three civilians were evacuated.
One hundred and five wagons arrived.
Dozens of villages were shelled.
Scores of homes were damaged.
Hundreds of residents fled.
Tens of thousands of troops massed.
Between 100-200 people sheltered there.
More than 200+ fighters took part.
The convoy of 1.5bn was a typo.
The strike on March 14, 2022 at 5 pm cost $700 million and happened 80 km away in 2014.
It was the 100th day of the siege.
The first four of its promised tanks arrived.
No one was hurt when the death toll passed 40.
"""

SHARES = """Russia holds about 18 percent of the country.
Its forces control almost a fifth of Ukraine.
Troops hold one-fifth of his country.
The army controls 20% of the land.
Half of the city is occupied.
Roughly two-thirds of the region is held.
Nearly 11 per cent of the area is occupied.
"""


@pytest.fixture(scope="module")
def counts_doc(nlp: Language) -> Doc:
    return nlp(COUNTS)


@pytest.fixture(scope="module")
def shares_doc(nlp: Language) -> Doc:
    return nlp(SHARES)


def _line(doc: Doc, n: int) -> Span:
    lines = doc.text.split("\n")
    start = sum(len(x) + 1 for x in lines[:n])
    span = doc.char_span(start, start + len(lines[n]), alignment_mode="expand")
    assert span is not None
    return span


def _figs(doc: Doc, n: int) -> list[tuple[float, str]]:
    return [(f.value, f.qualifier) for f in find_figures(_line(doc, n))]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (0, [(12, "at_least")]),
        (1, [(12, "more_than")]),
        (2, [(300, "more_than")]),
        (3, [(40, "about")]),
        (4, [(4000, "about")]),
        (5, [(90, "up_to")]),
        (6, [(4_800_000, "up_to")]),
        (7, [(70, "up_to")]),
        (8, [(23, "exact")]),
        (9, [(105, "exact")]),
        (10, [(12, "at_least")]),
        (11, [(20, "at_least")]),
        (12, [(100, "at_least")]),
        (13, [(10_000, "at_least")]),
        (14, [(100, "at_least")]),
        (15, [(200, "more_than")]),
        (16, [(1_500_000_000, "exact")]),
        (19, [(4, "exact")]),  # "the first four of": the ordinal is no count, nor part of one
        (20, [(40, "more_than")]),  # "no one" is no count; "passed 40" is more than 40
    ],
)
def test_count_forms_and_qualifiers(counts_doc: Doc, line: int, expected: list[tuple[float, str]]) -> None:
    assert _figs(counts_doc, line) == expected


def test_dates_money_distances_years_and_ordinals_are_no_counts(counts_doc: Doc) -> None:
    assert _figs(counts_doc, 17) == []
    assert _figs(counts_doc, 18) == []


def test_figure_knows_its_tokens(counts_doc: Doc) -> None:
    [f] = find_figures(_line(counts_doc, 0))
    assert isinstance(f, Figure)
    assert counts_doc[f.start : f.end].text == "At least 12"
    assert counts_doc[f.num_start].text == "12"


def test_skip_keeps_digits_of_names_out(counts_doc: Doc) -> None:
    span = _line(counts_doc, 0)
    twelve = next(t.i for t in span if t.text == "12")
    assert find_figures(span, frozenset({twelve})) == []


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["4.8", "million"], 4_800_000),
        (["twenty", "-", "three"], 23),
        (["a", "hundred"], 100),
        (["dozens"], 12),
        (["2m"], 2_000_000),
        (["seven"], 7),
    ],
)
def test_parse_words(words: list[str], value: float) -> None:
    assert parse_words(words) == value


def test_parse_words_rejects_non_numbers() -> None:
    assert parse_words(["several"]) is None
    assert parse_words([]) is None


@pytest.mark.parametrize(
    ("line", "value", "qualifier"),
    [
        (0, 0.18, "about"),
        (1, 0.2, "up_to"),
        (2, 0.2, "exact"),
        (3, 0.2, "exact"),
        (4, 0.5, "exact"),
        (5, 0.6667, "about"),
        (6, 0.11, "up_to"),
    ],
)
def test_shares(shares_doc: Doc, line: int, value: float, qualifier: str) -> None:
    shares = find_shares(_line(shares_doc, line))
    assert [(s.value, s.qualifier) for s in shares] == [(value, qualifier)]


def test_the_article_view_passes_over_sentences_without_numbers(counts_doc: Doc) -> None:
    view = token_view(counts_doc)
    for n in (0, 10, 13, 19):  # the same figures read from the article's token lists
        assert find_figures(_line(counts_doc, n), view=view) == find_figures(_line(counts_doc, n))
    assert find_figures(_line(counts_doc, 18), view=view) == []
