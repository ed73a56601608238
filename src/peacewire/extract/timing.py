"""How long before publication a sentence's event took place, from its dates.

Two rules need it: background events older than a year before publication
are annotated only with a figure (ANNOTATION.md), and an attack reported
with its own earlier date ("similar to one that hit Donetsk on March 14") is
background to the article's story, not where later details belong.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_DAY_RE = re.compile(
    rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d))?", re.I
)
DAY_MONTH_RE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE})\.?\b(?:,?\s+((?:19|20)\d\d))?", re.I
)
MONTH_YEAR_RE = re.compile(rf"\b(?:(early|mid|late)[-\s])?({MONTH_RE})\.?(?:\s+((?:19|20)\d\d))?\b", re.I)
YEAR_RE = re.compile(r"\b((?:19|20)\d\d)\b")
DATE_HINT_RE = re.compile(rf"\d|\b(?:{MONTH_RE})\b|day\b", re.I)
"""Something every date has: a digit, a month or a weekday (a quick test before the full reading)."""
WEEKDAYS: dict[str, int] = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}
WEEKDAY_RE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
""" "on Saturday", "Monday's strikes": the last such day up to publication (news dates the past
week by weekday)."""


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _dated(year: int | None, month: int, day: int, pub: date) -> date | None:
    y = year if year is not None else pub.year
    try:
        d = date(y, month, day)
    except ValueError:
        return None
    if year is None and d > pub:
        try:
            d = date(y - 1, month, day)
        except ValueError:
            return None
    return d


def dates_in(text: str, pub: date) -> list[date]:
    """Calendar dates a text names (a month alone counts as its middle, a year as its middle)."""
    out: list[date] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in MONTH_DAY_RE.finditer(text):
        d = _dated(int(m.group(3)) if m.group(3) else None, MONTHS[m.group(1).lower()], int(m.group(2)), pub)
        if d:
            out.append(d)
            taken.append(m.span())
    for m in DAY_MONTH_RE.finditer(text):
        if not free(*m.span()):
            continue
        d = _dated(int(m.group(3)) if m.group(3) else None, MONTHS[m.group(2).lower()], int(m.group(1)), pub)
        if d:
            out.append(d)
            taken.append(m.span())
    for m in MONTH_YEAR_RE.finditer(text):
        if not free(*m.span()) or (m.group(2).lower() == "may" and not m.group(3)):
            continue
        if not m.group(3) and not m.group(1) and not m.group(0)[:1].isupper():
            continue
        day = {"early": 5, "mid": 15, "late": 25}.get((m.group(1) or "mid").lower(), 15)
        d = _dated(int(m.group(3)) if m.group(3) else None, MONTHS[m.group(2).lower()], day, pub)
        if d:
            out.append(d)
            taken.append(m.span())
    for m in YEAR_RE.finditer(text):
        if not free(*m.span()):
            continue
        y = int(m.group(1))
        if y <= pub.year:
            out.append(date(y, 7, 1) if y < pub.year else pub)
    if not out:
        for m in WEEKDAY_RE.finditer(text):
            out.append(pub - timedelta(days=(pub.weekday() - WEEKDAYS[m.group(1)]) % 7))
    return out


def days_before(sent: Span, published: str | None, text: str | None = None) -> int | None:
    """Days between the sentence's most recent date and publication (None: no date or no publication date).

    `text` is the sentence's text where the caller has it (spaCy rebuilds `Span.text` each time).
    """
    pub = parse_published(published)
    if pub is None:
        return None
    text = sent.text if text is None else text
    if not DATE_HINT_RE.search(text):
        return None
    found = [d for d in dates_in(text, pub) if d <= pub]
    if not found:
        return None
    return (pub - max(found)).days
