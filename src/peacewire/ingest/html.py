"""The main text and metadata of an HTML article page, by trafilatura.

Settings chosen by measurement on the article-extraction benchmark
(bench/aeb.py, 181 pages, 4-gram shingle F1): without comments and favouring
precision scored best (comments are never article text, and a missed
sentence costs extraction less than a page of menus and teasers).
Metadata (title, site name, canonical URL, date via htmldate with the
original publication date preferred) comes from the same parse.  The
page's own <title> element is read as well: sites put foreign-language
tags there ("Headline | Site | Новини") that the og:title lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

import trafilatura

# trafilatura's options for the main text; see the module docstring.
INCLUDE_COMMENTS = False
FAVOR_PRECISION = True


@dataclass(frozen=True)
class HtmlContent:
    """What an HTML page gives: its main text (paragraphs separated by a blank line) and metadata."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    page_title: str | None = None
    """The <title> element as written, site name and tags included."""


_TITLE_ELEMENT = re.compile(rb"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
TITLE_SCAN_BYTES = 200_000
"""The <title> element sits in the head: only the start of a page is searched for it."""


def page_title(html: str | bytes) -> str | None:
    """The text of the page's <title> element, entities decoded."""
    data = html.encode("utf-8", "replace") if isinstance(html, str) else html
    found = _TITLE_ELEMENT.search(data[:TITLE_SCAN_BYTES])
    if found is None:
        return None
    return _clean_field(unescape(found.group(1).decode("utf-8", "replace")))


class NoMainText(ValueError):
    """The page has no main text trafilatura can find (an index page, an empty shell)."""


def _paragraphs(text: str) -> str:
    """trafilatura puts one paragraph per line; the project separates paragraphs by a blank line."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def _clean_field(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def extract_html(html: str | bytes, url: str | None = None) -> HtmlContent:
    """Extract one page's main text and metadata; raise NoMainText when there is none."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=INCLUDE_COMMENTS,
        favor_precision=FAVOR_PRECISION,
    )
    if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():
        raise NoMainText("no main text found in the HTML page")
    return HtmlContent(
        text=_paragraphs(doc.text or ""),
        title=_clean_field(doc.title),
        outlet=_clean_field(doc.sitename),
        url=_clean_field(doc.url),
        published=_clean_field(doc.date),
        page_title=page_title(html),
    )
