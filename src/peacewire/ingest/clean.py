"""Turn an article's raw text into its cleaned text, headline and dateline.

Cleaning removes whole lines and nothing else: every kept line is the
input's line with only its leading and trailing whitespace removed, so the
spans of later stages point at the publisher's own words.  Whitespace policy:
line breaks (CRLF, CR, U+2028/U+2029) become "\\n"; each line is stripped
(of whitespace and zero-width characters at its ends);
runs of blank lines become one blank line; the text starts and ends with a
non-blank line.  Quotes, dashes and spaces inside lines are left as written.

What is removed, and why (ANNOTATION.md, "Article metadata"):
  * a line that is only the outlet's name (when metadata gives it);
  * lines matched by a rule of data/boilerplate.yaml (ads, share prompts,
    cookie notices, bylines, sign-offs, captions, ...) and lines that are only
    a date (a dateline: its date is kept as a `published` candidate);
  * a caption's echo: the line just above a caption that the caption repeats
    with its credit added, and a line repeating the line above it;
  * the page header of a copied text: short labels above the headline, the
    headline itself (it becomes `title`), a standfirst (the one line between
    the headline and the byline/dateline), and short labels such as an
    author's name between the headline and the first paragraph;
  * short labels after the last sentence ("Video:", a lone name), and
    closing lines about the outlet itself: its tagline ("<Outlet> - news from
    ..."), its production credit ("<Outlet> is produced by ..."), the
    author's note ("Jane Doe covers defence for <Outlet>.").
A labelled date opening the first line ("date 2024-06-14 The talks ...") is
cut from that line.

Text a main-text extractor took from an HTML page (`from_html=True`) gets a
narrower treatment: only rules the HTML benchmark does not penalise
(bench/aeb.py), and a first line is a headline only when it repeats the
page's known title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peacewire.ingest.boilerplate import match_rule
from peacewire.ingest.dates import date_line, find_date, labelled_date_prefix
from peacewire.ingest.titles import (
    HEADLINE_MAX_WORDS,
    ends_sentence,
    looks_like_headline,
    same_title,
    split_title_tags,
)

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029]")
# Zero-width characters that pages leave around lines (not whitespace to str.strip).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"

LABEL_MAX_WORDS = 3
"""Lines this short that are not sentences are labels when they sit in a header or trailer."""
LEADING_LABELS_MAX = 3
"""At most this many labels are taken above a headline (section, kicker, edition)."""
STANDFIRST_MAX_WORDS = 60
CAPTION_ECHO_MIN_CHARS = 10

# Furniture that only a page header has: when it follows the line after the
# headline, that line was the standfirst, not the article's first paragraph.
HEADER_FURNITURE = frozenset(
    {"dateline", "byline", "reading_time", "dateline_place", "language_switcher", "breadcrumb"}
)
# Rules whose lines may carry the article's date ("By Jane Doe, 14 June 2024").
DATED_RULES = frozenset({"byline", "breadcrumb"})
CAPTION_RULES = frozenset({"caption_credit", "caption_agency", "name_caption"})


@dataclass(frozen=True)
class RemovedLine:
    """A line cleaning dropped, with the rule or structural reason that dropped it."""

    line: str
    reason: str


@dataclass(frozen=True)
class CleanText:
    """The cleaned text and what cleaning learned on the way (headline, tags, dateline)."""

    text: str
    title: str | None = None
    tags: list[str] = field(default_factory=list)
    published: str | None = None
    """The date of a dateline in the text: one labelled as the publication date, else the earliest."""
    removed: list[RemovedLine] = field(default_factory=list)


def is_prose(line: str) -> bool:
    """A line that reads as a paragraph: a finished sentence, or too long for a headline."""
    words = len(line.split())
    return words > HEADLINE_MAX_WORDS or (words >= 4 and ends_sentence(line) and not line.endswith(":"))


def _is_label(line: str) -> bool:
    return len(line.split()) <= LABEL_MAX_WORDS and (not ends_sentence(line) or line.endswith(":"))


class _Page:
    """The lines of one text and, for each, why it is dropped (None = kept)."""

    def __init__(self, raw: str) -> None:
        self.lines = [ln.strip().strip(_INVISIBLE).strip() for ln in _NEWLINES.sub("\n", raw).split("\n")]
        self.reasons: list[str | None] = [None] * len(self.lines)
        self.publication_dates: list[str] = []
        self.other_dates: list[str] = []

    def content(self) -> list[int]:
        return [i for i, ln in enumerate(self.lines) if ln and self.reasons[i] is None]

    def drop(self, i: int, reason: str) -> None:
        self.reasons[i] = reason

    def prev_nonblank(self, i: int) -> int | None:
        for j in range(i - 1, -1, -1):
            if self.lines[j]:
                return j
        return None


def _squash(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def _mark_furniture(page: _Page, from_html: bool, outlet: str | None) -> None:
    outlet_key = _squash(outlet or "")
    for i, line in enumerate(page.lines):
        if not line:
            continue
        if outlet_key and _squash(line) == outlet_key:
            page.drop(i, "outlet name")
            continue
        if outlet and _is_outlet_banner(line, outlet):
            page.drop(i, "outlet banner")
            if iso := find_date(line):
                page.publication_dates.append(iso)  # the outlet's own dateline
            continue
        dated = date_line(line)
        if dated is not None:
            page.drop(i, "dateline")
            iso, publication = dated
            if iso:
                (page.publication_dates if publication else page.other_dates).append(iso)
            continue
        rule = match_rule(line, from_html=from_html)
        if rule is not None:
            page.drop(i, rule.name)
            if rule.name in DATED_RULES and (iso := find_date(line)):
                page.other_dates.append(iso)


def _cut_date_prefix(page: _Page) -> None:
    content = page.content()
    if not content:
        return
    i = content[0]
    found = labelled_date_prefix(page.lines[i])
    if found is None:
        return
    iso, publication, cut = found
    page.lines[i] = page.lines[i][cut:].strip()
    if iso:
        (page.publication_dates if publication else page.other_dates).append(iso)


def _mark_echoes(page: _Page) -> None:
    """Drop a line the caption below repeats, and a line repeating the line above it."""
    for i, line in enumerate(page.lines):
        if not line:
            continue
        j = page.prev_nonblank(i)
        if j is None:
            continue
        above = page.lines[j]
        if page.reasons[i] in CAPTION_RULES and page.reasons[j] is None:
            if len(above) >= CAPTION_ECHO_MIN_CHARS and line.startswith(above) and line != above:
                page.drop(j, "caption")
        elif page.reasons[i] is None and line == above:
            page.drop(i, "repeated line")


OUTLET_BANNER_MAX_WORDS = 14
_BANNER_SEPARATORS = ("-", "–", "—", "|", "·", "•", ":")


def _is_outlet_banner(line: str, outlet: str) -> bool:
    """A short line opening with the outlet's name and a separator ("<Outlet> — Analysis — 23 May 2025").

    That is the site's banner, dateline or tagline, never a sentence of the
    article: a sentence goes on from the name with a verb, not a dash.
    """
    if len(line.split()) > OUTLET_BANNER_MAX_WORDS or _QUOTE_MARKS.search(line):
        return False
    folded, name = line.casefold(), outlet.casefold()
    for form in (name, name.removeprefix("the ")):
        if folded.startswith(form):
            return folded[len(form) :].lstrip().startswith(_BANNER_SEPARATORS)
    return False


def _mark_header(page: _Page, known_title: str | None) -> str | None:
    """Mark the header of a copied page; return the headline found there."""
    content = page.content()
    if not any(is_prose(page.lines[i]) for i in content):
        return None  # no paragraph at all: nothing to tell a header from
    k = 0
    while (
        k + 1 < len(content)
        and k < LEADING_LABELS_MAX
        and _is_label(page.lines[content[k]])
        and looks_like_headline(page.lines[content[k + 1]])
    ):
        page.drop(content[k], "label")
        k += 1
    if k >= len(content):
        return None
    t = content[k]
    headline = page.lines[t]
    known = bool(known_title) and same_title(headline, known_title or "")
    later_prose = any(is_prose(page.lines[i]) for i in content[k + 1 :])
    if not known and not (looks_like_headline(headline) and later_prose):
        return None
    page.drop(t, "headline")
    rest = content[k + 1 :]
    if rest and not _is_label(page.lines[rest[0]]) and _is_standfirst(page, rest[0]):
        page.drop(rest[0], "standfirst")
        rest = rest[1:]
    for i in rest:
        if is_prose(page.lines[i]) or not _is_label(page.lines[i]):
            break
        page.drop(i, "label")
    return headline


def _is_standfirst(page: _Page, i: int) -> bool:
    """The line after the headline is a standfirst when header furniture follows it."""
    if len(page.lines[i].split()) > STANDFIRST_MAX_WORDS:
        return False
    for j in range(i + 1, len(page.lines)):
        if not page.lines[j]:
            continue
        reason = page.reasons[j]
        if reason is None:
            return False
        if reason in HEADER_FURNITURE:
            return True
    return False


def _mark_known_title(page: _Page, known_title: str | None) -> str | None:
    content = page.content()
    if content and known_title and same_title(page.lines[content[0]], known_title):
        page.drop(content[0], "headline")
        return page.lines[content[0]]
    return None


def _is_trailing_label(line: str) -> bool:
    """A label after the last paragraph: "Video:", or a few capitalised words (a name).

    A truncated last line ("... the dro") is not a label: its last word is
    not capitalised, and nothing but labels is dropped here.
    """
    if not _is_label(line):
        return False
    return line.endswith(":") or all(w[:1].isupper() or not w[:1].isalpha() for w in line.split())


SIGN_OFF_MAX_WORDS = 20
"""A closing line about the outlet is at most this long (a paragraph of prose is longer)."""
SIGN_OFF_LINES = 3
"""At most this many closing lines about the outlet are taken from the end."""
_QUOTE_MARKS = re.compile('["“”«»„]')
_FOR_OUTLET = re.compile(r"\b(?:for|at|with)\s+(?:the\s+)?$", re.IGNORECASE)


def _is_outlet_sign_off(line: str, outlet: str) -> bool:
    """A closing line about the outlet itself: it opens with the outlet's name, or ends "for <outlet>".

    Such a line is the site's tagline, production credit or author's note,
    not reporting: the article's own sentences that name the outlet ("...,
    a spokesman told the Review") carry a quotation or a reporting verb and
    do not end in "for <outlet>".
    """
    if not outlet or len(line.split()) > SIGN_OFF_MAX_WORDS or _QUOTE_MARKS.search(line):
        return False
    folded, name = line.casefold().rstrip(" .!"), outlet.casefold()
    bare = name.removeprefix("the ")
    if folded.startswith((name, bare)):
        rest = folded.removeprefix(name) if folded.startswith(name) else folded.removeprefix(bare)
        return rest[:1] in ("", " ", "-", "–", "—", ":", ",", "|") and not rest.lstrip(" ,").startswith(
            ("said", "says", "reported", "reports", "has", "had", "was", "asked", "contacted")
        )
    for form in (name, bare):
        if folded.endswith(form) and _FOR_OUTLET.search(folded[: -len(form)]):
            return True
    return False


def _mark_trailer(page: _Page, outlet: str | None) -> None:
    for i in reversed(page.content()):
        if not _is_trailing_label(page.lines[i]):
            break
        page.drop(i, "trailing label")
    for i in list(reversed(page.content()))[:SIGN_OFF_LINES]:
        if not _is_outlet_sign_off(page.lines[i], outlet or ""):
            break
        page.drop(i, "outlet sign-off")


def _assemble(page: _Page) -> str:
    out: list[str] = []
    for line, reason in zip(page.lines, page.reasons, strict=True):
        if reason is not None:
            continue
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def clean_text(
    raw: str, *, from_html: bool = False, known_title: str | None = None, outlet: str | None = None
) -> CleanText:
    """Clean one article's text (see the module docstring for what goes and why).

    `known_title` and `outlet` come from metadata when the caller has them:
    a first line repeating the title is the headline, a line that is only
    the outlet's name is the site's banner.
    """
    page = _Page(raw)
    _mark_furniture(page, from_html, outlet)
    _cut_date_prefix(page)
    _mark_echoes(page)
    headline = _mark_known_title(page, known_title) if from_html else _mark_header(page, known_title)
    if not from_html:
        _mark_trailer(page, outlet)
    title, tags = split_title_tags(headline) if headline else (None, [])
    published = page.publication_dates[0] if page.publication_dates else min(page.other_dates, default=None)
    removed = [
        RemovedLine(line, reason)
        for line, reason in zip(page.lines, page.reasons, strict=True)
        if reason is not None
    ]
    return CleanText(_assemble(page), title or None, tags, published, removed)
