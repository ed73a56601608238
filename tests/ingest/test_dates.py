"""Dates: ISO normalisation of metadata, datelines in text."""

from __future__ import annotations

import pytest

from peacewire.ingest.dates import date_line, find_date, labelled_date_prefix, normalise_date


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-06-14", "2024-06-14"),
        ("2024-06-14T22:10:00+03:00", "2024-06-14"),
        ("2024-06-14T22:10:00Z", "2024-06-14"),
        ("2024/06/14", "2024-06-14"),
        ("14.06.2024", "2024-06-14"),
        ("14 June 2024", "2024-06-14"),
        ("June 14, 2024", "2024-06-14"),
        ("Jun. 14th, 2024", "2024-06-14"),
        ("Friday, June 14, 2024", "2024-06-14"),
        ("14 червня 2024", "2024-06-14"),
        ("14/06/2024", "2024-06-14"),
        ("06/14/2024", "2024-06-14"),
        ("05/06/2024", None),  # day and month could be either
        ("2024-02-30", None),
        ("1815-06-18", None),
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(value: str | None, iso: str | None) -> None:
    assert normalise_date(value) == iso


def test_date_line_tells_publication_from_update() -> None:
    assert date_line("Published: 14 June 2024, 10:05 CET") == ("2024-06-14", True)
    assert date_line("Last updated 15 June 2024") == ("2024-06-15", False)
    assert date_line("15 June 2024") == ("2024-06-15", False)
    assert date_line("The talks began on 15 June 2024.") is None


def test_a_live_pages_entry_stamp_is_a_dateline_without_a_date() -> None:
    assert date_line("14 Aug, 09:40") == (None, False)
    assert date_line("Aug. 15, 11:05 a.m. AKDT") == (None, False)
    assert date_line("Aug 15") is None  # no time: could be a heading
    assert date_line("On Aug. 15, 11 people were hurt") is None


def test_labelled_prefix() -> None:
    line = "date 2024-06-14 Negotiators met again."
    found = labelled_date_prefix(line)
    assert found is not None
    iso, publication, cut = found
    assert (iso, publication, line[cut:]) == ("2024-06-14", True, "Negotiators met again.")
    assert labelled_date_prefix("Negotiators met on 2024-06-14 again.") is None


def test_find_date_in_a_glued_byline() -> None:
    assert find_date("by Jane ExampleJune 14, 2024 9:30 am") == "2024-06-14"
    assert find_date("by Jane Example") is None
