"""Titles: headline shape, foreign-script tags, site-name suffixes."""

from __future__ import annotations

import pytest

from peacewire.ingest.titles import looks_like_headline, same_title, split_title_tags, strip_site_suffix


@pytest.mark.parametrize(
    ("title", "head", "tags"),
    [
        (
            "Envoys agree to meet again next month محادثات السلام",
            "Envoys agree to meet again next month",
            ["محادثات السلام"],
        ),
        ("Envoys agree to meet again | Новини", "Envoys agree to meet again", ["Новини"]),
        ("Envoys agree to meet again | Новини | Світ", "Envoys agree to meet again", ["Новини", "Світ"]),
        ("Envoys agree to meet again", "Envoys agree to meet again", []),
        # Latin words after a Cyrillic title are names or acronyms, not tags
        ("Делегації знову зустрінуться в NATO", "Делегації знову зустрінуться в NATO", []),
        # a title wholly in one script has no tags
        ("Переговори тривають третій день", "Переговори тривають третій день", []),
    ],
)
def test_split_title_tags(title: str, head: str, tags: list[str]) -> None:
    assert split_title_tags(title) == (head, tags)


def test_strip_site_suffix() -> None:
    assert (
        strip_site_suffix("Envoys agree to meet again | Northwind Courier", None)
        == "Envoys agree to meet again"
    )
    assert strip_site_suffix("Envoys agree to meet again - Northwind Courier", "Northwind Courier") == (
        "Envoys agree to meet again"
    )
    # a dash that is part of the headline stays when it names no outlet
    assert (
        strip_site_suffix("Talks resume - and stall again", "Northwind Courier")
        == "Talks resume - and stall again"
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Envoys agree to meet again next month", True),
        ("Will the envoys meet again?", False),
        ("The envoys agreed to meet again next month.", False),
        ("Short", False),
        ("Envoys meet. Talks stall", False),
        ("U.S. envoys agree to meet again", True),
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


def test_same_title_ignores_case_and_punctuation() -> None:
    assert same_title("Envoys agree to meet again!", "envoys agree to meet again")
    assert not same_title("Envoys agree", "Envoys agree to meet again next month")
