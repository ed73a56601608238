"""Venue patterns on attribution phrases written for these tests."""

from __future__ import annotations

import pytest

from peacewire.extract.venues import find_venue


@pytest.mark.parametrize(
    ("context", "venue"),
    [
        ("the minister said in an interview with the BBC on Sunday", "interview with the BBC"),
        ("she wrote on Telegram late on Monday", "on Telegram"),
        ("Trump said in a post on Truth Social", "post on Truth Social"),
        ("the ministry said in a statement", "statement"),
        ("he said in his nightly video address", "nightly video address"),
        (
            "Zelensky said in a video address to the Dutch parliament that",
            "video address to the Dutch parliament",
        ),
        ("the envoy told Reuters", "Reuters"),
        ("he said at a news conference in Warsaw", "news conference in Warsaw"),
        ("speaking on the sidelines of the Munich Security Conference", "Munich Security Conference"),
        ("the governor said on Friday", None),
    ],
)
def test_venue_of_an_attribution(context: str, venue: str | None) -> None:
    assert find_venue(context) == venue
