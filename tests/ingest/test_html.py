"""HTML pages: main text with paragraphs apart, metadata from the page."""

from __future__ import annotations

import pytest

from peacewire.ingest import RawArticle, prepare_article
from peacewire.ingest.html import NoMainText, extract_html
from peacewire.records import Article, Failure
from tests.ingest.texts import PARAGRAPHS, SITE, TITLE, article_page


def test_main_text_and_metadata() -> None:
    page = extract_html(article_page())
    assert page.title == TITLE
    assert page.outlet == SITE
    assert page.url == "https://northwind.example/world/envoys-progress"
    assert page.published == "2024-06-14"
    for p in PARAGRAPHS:
        assert p in page.text
    assert "Sport" not in page.text and "Privacy" not in page.text
    assert "\n\n".join(PARAGRAPHS[:2]) in page.text


def test_prepared_html_article_drops_the_repeated_headline() -> None:
    item = prepare_article(
        RawArticle(html=article_page().encode("utf-8")), source="page.html", default_id="page"
    )
    assert isinstance(item, Article)
    assert item.text == "\n\n".join(PARAGRAPHS)
    assert (item.id, item.title, item.outlet, item.published, item.language) == (
        "page",
        TITLE,
        SITE,
        "2024-06-14",
        "en",
    )


def test_metadata_of_the_record_wins_over_the_page() -> None:
    raw = RawArticle(html=article_page(), title="Our own title", published="2024-06-20", outlet="Our outlet")
    item = prepare_article(raw)
    assert isinstance(item, Article)
    assert (item.title, item.published, item.outlet) == ("Our own title", "2024-06-20", "Our outlet")


def test_page_without_main_text() -> None:
    with pytest.raises(NoMainText):
        extract_html("<html><body></body></html>")
    item = prepare_article(RawArticle(html="<html><body></body></html>"), source="empty.html")
    assert isinstance(item, Failure)
    assert item.source == "empty.html" and "no main text" in item.reason


def test_page_of_only_navigation_is_a_failure() -> None:
    item = prepare_article(RawArticle(html="<html><body><nav><a href='/'>Home</a></nav></body></html>"))
    assert isinstance(item, Failure)
    assert "no article text" in item.reason


def test_page_in_a_declared_legacy_encoding() -> None:
    page = (
        article_page().replace("utf-8", "windows-1251").replace("Negotiators from both", "Переговорники обох")
    )
    item = prepare_article(RawArticle(html=page.encode("cp1251")))
    assert isinstance(item, Article)
    assert item.text.startswith("Переговорники обох delegations")
