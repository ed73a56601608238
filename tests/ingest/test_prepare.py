"""prepare_article: in-memory records, field precedence, language choice."""

from __future__ import annotations

from peacewire.ingest import RawArticle, prepare_article, raw_from_mapping
from peacewire.records import Article, Failure
from tests.ingest.texts import BODY_EN, TITLE, article_page

UKRAINIAN = (
    "Делегації двох країн у вівторок домовилися знову зустрітися наступного місяця, а посередники "
    "заявили, що обмін полоненими може відбутися ще до кінця року."
)


def _article(raw: RawArticle, **kw: str) -> Article:
    item = prepare_article(raw, **kw)
    assert isinstance(item, Article), item
    return item


def test_in_memory_text_gets_a_content_id_and_memory_source() -> None:
    a = _article(RawArticle(text=BODY_EN))
    assert a.source == "<memory>" and len(a.id) == 12 and a.text == BODY_EN


def test_published_prefers_metadata_then_text() -> None:
    text = "Published: 12 June 2024\n\n" + BODY_EN
    assert _article(RawArticle(text=text, published="2024-06-14")).published == "2024-06-14"
    assert _article(RawArticle(text=text)).published == "2024-06-12"
    assert _article(RawArticle(text=text, published="not a date")).published == "2024-06-12"
    assert _article(RawArticle(text=BODY_EN, published="soon")).published is None


def test_metadata_title_is_split_and_stripped() -> None:
    a = _article(RawArticle(text=BODY_EN, title="Envoys meet again | Новини", outlet="Courier"))
    assert (a.title, a.tags) == ("Envoys meet again", ["Новини"])
    a = _article(RawArticle(text=BODY_EN, title="Envoys meet again - Courier", outlet="Courier"))
    assert a.title == "Envoys meet again"


def test_tags_of_the_headline_line_survive_a_bare_metadata_title() -> None:
    headline = "Envoys agree to meet again next month after a third day of talks on prisoners"
    a = _article(RawArticle(text=f"{headline} | Новини\n\n{BODY_EN}", title=headline))
    assert (a.title, a.tags, a.text) == (headline, ["Новини"], BODY_EN)


def test_tags_of_the_page_title_element_survive_a_bare_og_title() -> None:
    page = article_page().replace("</title>", " | Новини</title>", 1)
    a = _article(RawArticle(html=page))
    assert a.tags == ["Новини"]


def test_title_repeated_as_first_line_is_removed_from_text() -> None:
    a = _article(RawArticle(text="Envoys meet again.\n\n" + BODY_EN, title="Envoys meet again"))
    assert a.text == BODY_EN


def test_detected_language_overrides_a_wrong_declaration() -> None:
    assert _article(RawArticle(text=BODY_EN, language="uk")).language == "en"
    assert _article(RawArticle(text=UKRAINIAN, language="en")).language == "uk"
    assert _article(RawArticle(text=UKRAINIAN)).language == "uk"


def test_text_too_short_to_judge_keeps_the_declared_language() -> None:
    assert _article(RawArticle(text="Kyiv, 14.06: talks.", language="de")).language == "de"
    assert _article(RawArticle(text="Kyiv, 14.06: talks.", language="German")).language == "de"


def test_raw_from_mapping_and_failure_id() -> None:
    raw = raw_from_mapping({"id": "k1", "text": "   ", "extra": [1]})
    item = prepare_article(raw, source="feed.jsonl:4")
    assert isinstance(item, Failure)
    assert (item.source, item.id, item.reason) == ("feed.jsonl:4", "k1", "empty text")


def test_text_and_html_together_text_is_the_article_page_fills_metadata() -> None:
    a = _article(RawArticle(text=BODY_EN, html=article_page(), outlet="Given outlet"))
    assert a.text == BODY_EN
    assert (a.outlet, a.published, a.title) == ("Given outlet", "2024-06-14", TITLE)
