"""Cleaning: boilerplate lines go, article lines stay verbatim, the headline becomes the title."""

from __future__ import annotations

import pytest

from peacewire.ingest.clean import clean_text

LEAD = (
    "Negotiators from both delegations met for a third day on Tuesday, and the host government "
    "said the talks on a prisoner exchange had made steady progress."
)
QUOTE = '"We are closer than we were a week ago," the chief mediator told reporters outside the venue.'
LAST = "A spokesperson said overnight shelling had damaged a school, and that nobody had been hurt."


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    "junk",
    [
        "- Advertisement -",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "banner",
        "Share this article",
        "Share on Facebook · Share on X · Copy link",
        "Follow us on Telegram",
        "Subscribe to our morning newsletter for the day's headlines",
        "This site uses cookies to improve your experience. Accept | Reject",
        "Read more: Ten things to know about the grain talks",
        "Related stories",
        "Edited By Jane Example",
        "By Jane Example and John Sample",
        "(Reporting by Jane Example; Editing by John Sample)",
        "Northwind Courier – Monitoring.",
        "Source: wire services",
        "(jd)",
        "© 2024 Northwind Courier. All rights reserved.",
        "Tags: diplomacy, ceasefire",
        "A delegate walks past flags before the session. (Photo by Jane Example/AFP via Getty Images)",
        "Delegates arrive at the hotel on Monday. Reuters",
        "Photo: Jane Example/EPA",
        "Foreign Minister Jane Example.",
        "5 min read",
        "• English",
        "Published: 14 June 2024",
        "Tuesday, 11 June 2024 09:30",
        "We value your privacy. We and our partners store and access information on your device. Accept all | Manage options",
        "Share this live blog",
        "Share this update",
        "Newsletter: Sign up for the Evening Brief, delivered every weekday.",
        "Live coverage by the Courier news team. Edited by Jane Example.",
        "Reporting by Jane Example in Kyiv and John Sample in Warsaw; additional reporting by the Vienna bureau; editing by Ann Other",
        "The Evening Live page is produced by our foreign desk. Editing by Jane Example.",
        "This live page has now ended. Our coverage continues here.",
        "This blog is no longer being updated. Read more: What the envoys agreed",
        "Photo caption: Delegates leave the hotel after the session on Monday.",
        "Фото: рятувальники на місці удару. Джерело: ДСНС",
        "14 Aug, 09:40",
        "Aug. 15, 11:05 a.m. AKDT",
    ],
)
def test_boilerplate_line_is_removed(junk: str) -> None:
    cleaned = clean_text(_page(LEAD, junk, QUOTE, LAST))
    assert cleaned.text == _page(LEAD, QUOTE, LAST)
    assert [r.line for r in cleaned.removed] == [junk]


def test_article_lines_are_kept_verbatim() -> None:
    quirky = "It\u2019s \u201cnot a ceasefire\u201d \u2014 not yet,  the envoy said\u00a0on  Monday."
    cleaned = clean_text(_page(LEAD, quirky, LAST))
    assert cleaned.text == _page(LEAD, quirky, LAST)
    assert cleaned.removed == []


def test_whitespace_policy() -> None:
    raw = f"\n\n  {LEAD}  \r\n{QUOTE}\t\r\n\r\n\r\n\r\n{LAST}\n\n\n"
    assert clean_text(raw).text == f"{LEAD}\n{QUOTE}\n\n{LAST}"


def test_single_newline_paragraphs_are_not_reflowed() -> None:
    raw = f"{LEAD}\n{QUOTE}\n{LAST}"
    assert clean_text(raw).text == raw


def test_headline_becomes_title() -> None:
    cleaned = clean_text(_page("Talks on prisoner exchange enter third day", LEAD, QUOTE, LAST))
    assert cleaned.title == "Talks on prisoner exchange enter third day"
    assert cleaned.text == _page(LEAD, QUOTE, LAST)


def test_headline_without_blank_line_after_it() -> None:
    cleaned = clean_text("Talks on prisoner exchange enter third day\n" + "\n".join([LEAD, QUOTE]))
    assert cleaned.title == "Talks on prisoner exchange enter third day"
    assert cleaned.text == "\n".join([LEAD, QUOTE])


def test_first_paragraph_is_not_taken_for_a_headline() -> None:
    cleaned = clean_text(_page(LEAD, QUOTE, LAST))
    assert cleaned.title is None
    assert cleaned.text.startswith(LEAD)


def test_lead_without_full_stop_but_long_is_kept() -> None:
    lead = LEAD.rstrip(".")  # a lead that lost its full stop is still too long for a headline
    cleaned = clean_text(_page(lead, QUOTE, LAST))
    assert cleaned.title is None
    assert cleaned.text.startswith(lead)


def test_headline_with_foreign_tag_splits_into_tags() -> None:
    cleaned = clean_text(_page("Envoys agree to meet again next month محادثات السلام", LEAD, QUOTE))
    assert cleaned.title == "Envoys agree to meet again next month"
    assert cleaned.tags == ["محادثات السلام"]


def test_page_header_labels_standfirst_and_dateline_go() -> None:
    raw = _page(
        "World",
        "Envoys agree to meet again next month",
        "The sides traded drafts late into the night: \u201cWe are not there yet.\u201d",
        "By Jane Example",
        "GENEVA",
        LEAD,
        QUOTE,
    )
    cleaned = clean_text(raw)
    assert cleaned.title == "Envoys agree to meet again next month"
    assert cleaned.text == _page(LEAD, QUOTE)
    reasons = {r.reason for r in cleaned.removed}
    assert {"label", "headline", "standfirst", "byline", "dateline_place"} <= reasons


def test_first_paragraph_before_a_caption_is_not_a_standfirst() -> None:
    raw = _page(
        "Envoys agree to meet again next month",
        LEAD,
        "A delegate leaves the hotel. (Photo: Jane Example/AFP)",
        QUOTE,
    )
    cleaned = clean_text(raw)
    assert cleaned.text == _page(LEAD, QUOTE)


def test_caption_echo_and_repeated_lines_go() -> None:
    raw = _page(
        LEAD,
        "Delegates at the opening session",
        "Delegates at the opening sessionPhoto: Jane Example/EPA",
        QUOTE,
        QUOTE,
        LAST,
    )
    assert clean_text(raw).text == _page(LEAD, QUOTE, LAST)


def test_trailing_labels_go_but_a_truncated_last_line_stays() -> None:
    assert clean_text(_page(LEAD, QUOTE, "Watch the video:")).text == _page(LEAD, QUOTE)
    assert clean_text(_page(LEAD, QUOTE, "Jane Example")).text == _page(LEAD, QUOTE)
    cut = "The mediator added that the next round would"
    assert clean_text(_page(LEAD, QUOTE, cut)).text == _page(LEAD, QUOTE, cut)


def test_dateline_prefix_is_cut_and_read() -> None:
    cleaned = clean_text(_page(" date 2024-06-14 " + LEAD, QUOTE))
    assert cleaned.published == "2024-06-14"
    assert cleaned.text == _page(LEAD, QUOTE)


def test_publication_date_beats_update_date() -> None:
    raw = _page("Updated: 20 June 2024", "Published: 14 June 2024", LEAD, QUOTE)
    assert clean_text(raw).published == "2024-06-14"


def test_earliest_unlabelled_date_is_taken() -> None:
    raw = _page(
        "Friday, 21 June 2024", "Envoys agree to meet again", "by Jane Example June 14, 2024 9:30 am", LEAD
    )
    cleaned = clean_text(raw)
    assert cleaned.published == "2024-06-14"
    assert cleaned.text == LEAD


def test_outlet_name_line_goes_when_outlet_known() -> None:
    raw = _page("Northwind Courier", LEAD, QUOTE)
    assert clean_text(raw, outlet="Northwind Courier").text == _page(LEAD, QUOTE)


def test_closing_lines_about_the_outlet_go() -> None:
    outlet = "The Northwind Courier"
    for closing in (
        "Northwind Courier - independent news from the Baltic and beyond",
        "Jane Example covers defence and diplomacy for The Northwind Courier.",
        "The Northwind Courier is produced by our Riga newsroom.",
    ):
        cleaned = clean_text(_page(LEAD, QUOTE, LAST, closing), outlet=outlet)
        assert cleaned.text == _page(LEAD, QUOTE, LAST), closing


def test_article_sentences_naming_the_outlet_stay() -> None:
    outlet = "The Northwind Courier"
    for line in (
        "The Northwind Courier has asked the ministry for comment.",
        "A spokesman for the ministry declined to comment when contacted by the Northwind Courier.",
        '"We will not give up an inch," the commander told The Northwind Courier.',
    ):
        assert clean_text(_page(LEAD, QUOTE, line), outlet=outlet).text == _page(LEAD, QUOTE, line), line


def test_the_outlets_own_dateline_banner_goes_and_gives_the_date() -> None:
    raw = _page("Northwind Courier — Analysis — 23 October 2025", LEAD, QUOTE)
    cleaned = clean_text(raw, outlet="Northwind Courier")
    assert cleaned.text == _page(LEAD, QUOTE)
    assert cleaned.published == "2025-10-23"


def test_html_mode_keeps_all_caps_subheads_and_only_drops_the_known_title() -> None:
    raw = _page("Envoys agree to meet again", LEAD, "WHAT COMES NEXT", QUOTE, "Read more: Other talks")
    cleaned = clean_text(raw, from_html=True, known_title="Envoys agree to meet again")
    assert cleaned.text == _page(LEAD, "WHAT COMES NEXT", QUOTE)
    assert cleaned.title == "Envoys agree to meet again"


def test_text_of_only_boilerplate_is_empty() -> None:
    assert clean_text("- Advertisement -\n\nShare this article\n").text == ""
