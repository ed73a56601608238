"""Language: detection on real paragraphs, declared codes, which wins."""

from __future__ import annotations

import pytest

from peacewire.ingest.language import Detection, choose_language, detect_language, normalise_language_code

ENGLISH = (
    "The two delegations agreed on Tuesday to meet again next month, and the mediators said "
    "a limited exchange of prisoners could take place before the end of the year."
)
UKRAINIAN = (
    "Делегації двох країн у вівторок домовилися знову зустрітися наступного місяця, а посередники "
    "заявили, що обмін полоненими може відбутися ще до кінця року."
)
RUSSIAN = (
    "Делегации двух стран во вторник договорились снова встретиться в следующем месяце, а посредники "
    "заявили, что обмен пленными может состояться ещё до конца года."
)


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (UKRAINIAN, "uk"), (RUSSIAN, "ru")])
def test_detects_paragraph_language_confidently(text: str, code: str) -> None:
    found = detect_language(text)
    assert found is not None
    assert found.code == code
    assert found.confidence >= 0.9


def test_too_short_to_judge() -> None:
    assert detect_language("Kyiv, 2024") is None


@pytest.mark.parametrize(
    ("declared", "code"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("en-GB", "en"),
        ("uk_UA", "uk"),
        ("eng", "en"),
        ("Ukrainian", "uk"),
        ("xx", None),
    ],
)
def test_normalise_language_code(declared: str, code: str | None) -> None:
    assert normalise_language_code(declared) == code


def test_confident_detection_overrides_declared_language() -> None:
    assert choose_language("uk", Detection("en", 0.99)) == "en"
    assert choose_language("uk", Detection("en", 0.5)) == "uk"
    assert choose_language(None, Detection("en", 0.5)) == "en"
    assert choose_language("de", None) == "de"
    assert choose_language(None, None) is None
