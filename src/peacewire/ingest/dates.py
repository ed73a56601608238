"""Publication dates: normalise what metadata gives, find what a dateline gives.

Every date leaves ingest as an ISO date ``YYYY-MM-DD`` or None.  An invalid or
ambiguous date is None, not an error: a missing date costs nothing downstream,
a wrong one misplaces the article on a timeline.  Ambiguous means a numeric
``01/02/2024`` whose day and month could be swapped; dotted ``01.02.2024`` is
read day-first (the convention of the places that write it).
"""

from __future__ import annotations

import re
from datetime import date

MIN_YEAR = 1900
MAX_YEAR = 2100

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Ukrainian and Russian month names as dates write them (genitive)
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7,
    "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}  # fmt: skip
_MONTH = "(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_TIME = (
    r"(?:,?\s*(?:at\s+|[-–—|]\s*)?\d{1,2}[:.h]\d{2}(?::\d{2}(?:\.\d+)?)?\s*"
    r"(?:[ap]\.?m\.?)?\s*(?-i:\(?(?:[A-Z]{2,5}|[A-Z]{3,4}[+-]\d{1,2}|[+-]\d{1,2}:?\d{2})\)?)?)"
)
_ISO = (
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_YMD = r"(?P<sy>\d{4})/(?P<sm>\d{1,2})/(?P<sd>\d{1,2})"
_DMY_DOT = r"(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>\d{4})"
_NUM_SLASH = r"(?P<na>\d{1,2})/(?P<nb>\d{1,2})/(?P<ny>\d{4})"
_DAY_MONTH = (
    r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.replace("mon>", "mon1>") + r",?\s+(?P<y1>\d{4})"
)
_MONTH_DAY = _MONTH.replace("mon>", "mon2>") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})"
_DATE = f"(?:{_ISO}|{_YMD}|{_DMY_DOT}|{_NUM_SLASH}|{_DAY_MONTH}|{_MONTH_DAY})"

# Labels that say a date is the publication date; "updated" dates are only
# candidates like any other (an article is published before it is updated).
PUBLICATION_LABELS = ("published", "first published", "posted", "date", "dated", "created")
UPDATE_LABELS = ("updated", "last updated", "last modified", "modified")
DATE_LABELS = PUBLICATION_LABELS + UPDATE_LABELS
_LABEL = (
    r"(?P<label>" + "|".join(sorted(DATE_LABELS, key=len, reverse=True)) + r")(?:\s+(?:on|at))?\s*[:\-–—]?\s*"
)

# A live page's entry stamp: a day and month without a year, and a time ("12 Aug, 09:40",
# "Aug. 15, 11:05 a.m. AKDT").  It is a dateline with no usable date.
_MONTH_ONLY = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_STAMP = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_ONLY}|{_MONTH_ONLY}\s+\d{{1,2}}(?:st|nd|rd|th)?){_TIME}"

_DATE_SEARCH = re.compile(_DATE, re.IGNORECASE)
_DATE_LINE = re.compile(
    rf"\W*(?:{_LABEL})?(?:\d{{1,2}}:\d{{2}}\s+)?{_WEEKDAY}?(?:{_DATE}{_TIME}?|{_STAMP})\W*", re.IGNORECASE
)
_LABELLED_PREFIX = re.compile(rf"\s*{_LABEL}{_WEEKDAY}?{_DATE}{_TIME}?\s+(?=\S)", re.IGNORECASE)


def _valid(y: int, m: int, d: int) -> date | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    if g.get("iy"):
        return _valid(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g.get("sy"):
        return _valid(int(g["sy"]), int(g["sm"]), int(g["sd"]))
    if g.get("dy"):
        return _valid(int(g["dy"]), int(g["dm"]), int(g["dd"]))
    if g.get("ny"):
        a, b, y = int(g["na"]), int(g["nb"]), int(g["ny"])
        if a > 12 >= b:
            return _valid(y, b, a)
        if b > 12 >= a:
            return _valid(y, a, b)
        return _valid(y, a, b) if a == b else None  # ambiguous day/month
    if g.get("y1"):
        return _valid(int(g["y1"]), _MONTHS[g["mon1"].lower()], int(g["d1"]))
    if g.get("y2"):
        return _valid(int(g["y2"]), _MONTHS[g["mon2"].lower()], int(g["d2"]))
    return None


def normalise_date(value: str | None) -> str | None:
    """An ISO date for a metadata value (ISO 8601 date/date-time or a written date), else None."""
    if not value or not isinstance(value, str):
        return None
    m = _DATE_LINE.fullmatch(value.strip())
    if m is None:
        return None
    found = _from_match(m)
    return found.isoformat() if found else None


def _is_publication(m: re.Match[str]) -> bool:
    label = m.group("label")
    return bool(label) and " ".join(label.lower().split()) in PUBLICATION_LABELS


def date_line(line: str) -> tuple[str | None, bool] | None:
    """Read a line that is only a date (optionally labelled "Published:", with weekday and time).

    Returns (ISO date or None when the date is invalid, whether a label says
    it is the publication date), or None when the line is not a dateline.
    """
    m = _DATE_LINE.fullmatch(line.strip())
    if m is None:
        return None
    found = _from_match(m)
    return (found.isoformat() if found else None), _is_publication(m)


def labelled_date_prefix(line: str) -> tuple[str | None, bool, int] | None:
    """A labelled date opening a line of text ("date 2024-06-14 The talks ...").

    Returns (ISO date or None, whether it is the publication date, length of
    the prefix to drop), or None.
    """
    m = _LABELLED_PREFIX.match(line)
    if m is None:
        return None
    found = _from_match(m)
    return (found.isoformat() if found else None), _is_publication(m), m.end()


def find_date(text: str) -> str | None:
    """The first valid date written anywhere in `text` (a byline, a caption), else None."""
    for m in _DATE_SEARCH.finditer(text):
        found = _from_match(m)
        if found:
            return found.isoformat()
    return None
