"""Turn one raw record (text or HTML plus metadata) into a cleaned `Article`, or a `Failure`.

This is the single path every input takes (files, feeds, standard input,
and callers holding articles in memory), so an article reads the same
whichever way it came in.

Precedence of each field:
  id         the caller's, else `default_id` (a file's stem), else a hash of the content
  title      the metadata's, else the page's (HTML), else the headline found in the text;
             the site's name after a separator and trailing tags in another script are
             split off (the tags go to `tags`)
  published  the metadata's, else a dateline in the text, else the page's date (htmldate);
             always an ISO date or None
  url, outlet  the metadata's, else the page's
  language   see peacewire.ingest.language (confident detection, else declared)
When both `text` and `html` are given, `text` is the article and the page
only fills metadata the record lacks.
"""

from __future__ import annotations

from dataclasses import dataclass

from peacewire.ingest.clean import CleanText, clean_text
from peacewire.ingest.dates import normalise_date
from peacewire.ingest.html import HtmlContent, NoMainText, extract_html
from peacewire.ingest.ids import content_id
from peacewire.ingest.language import choose_language, detect_language, normalise_language_code
from peacewire.ingest.limits import MAX_INPUT_BYTES, MAX_TEXT_CHARS, describe_bytes
from peacewire.ingest.raw import InputError, RawArticle
from peacewire.ingest.titles import split_title_tags, strip_site_suffix
from peacewire.records import Article, Failure

MEMORY_SOURCE = "<memory>"


def _check_size(content: str | bytes) -> None:
    if len(content) > MAX_INPUT_BYTES:
        raise InputError(
            f"too large: {describe_bytes(len(content))} of input (limit {describe_bytes(MAX_INPUT_BYTES)})"
        )


def _page(raw: RawArticle, required: bool) -> HtmlContent | None:
    if raw.html is None:
        return None
    try:
        return extract_html(raw.html, url=raw.url)
    except NoMainText as e:
        if required:
            raise InputError(str(e)) from e
        return None
    except (ValueError, TypeError) as e:  # lxml refuses some documents outright
        if required:
            raise InputError(f"HTML could not be parsed: {e}") from e
        return None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


@dataclass(frozen=True)
class CleanedRecord:
    """A record's cleaned text with the page it came from and the metadata cleaning used."""

    cleaned: CleanText
    page: HtmlContent | None
    outlet: str | None
    known_title: str | None


def clean_record(raw: RawArticle) -> CleanedRecord:
    """Validate a record, extract its page's main text if it is HTML, and clean the text.

    Raises InputError with the reason when the record has no usable text.
    """
    body = raw.text if raw.text is not None else raw.html
    if body is None:
        raise InputError("no 'text' or 'html' field")
    _check_size(body)
    if raw.text is not None:
        if "\x00" in raw.text:
            raise InputError("text contains NUL characters (binary data?)")
        if not raw.text.strip():
            raise InputError("empty text")
    page = _page(raw, required=raw.text is None)
    text = raw.text if raw.text is not None else (page.text if page else "")
    outlet = _first(raw.outlet, page.outlet if page else None)
    known_title = _first(raw.title, page.title if page else None)
    cleaned = clean_text(text, from_html=raw.text is None, known_title=known_title, outlet=outlet)
    if not cleaned.text.strip():
        raise InputError(f"no article text left after cleaning ({len(cleaned.removed)} boilerplate line(s))")
    if len(cleaned.text) > MAX_TEXT_CHARS:
        raise InputError(
            f"too large: {len(cleaned.text):,} characters of text after cleaning (limit {MAX_TEXT_CHARS:,})"
        )
    return CleanedRecord(cleaned, page, outlet, known_title)


def _build(raw: RawArticle, source: str, article_id: str) -> Article:
    record = clean_record(raw)
    cleaned, page, outlet, known_title = record.cleaned, record.page, record.outlet, record.known_title
    headline, tags = split_title_tags(known_title) if known_title else (cleaned.title, list(cleaned.tags))
    if not tags:
        # metadata gave the bare title; the headline line or the page's <title> kept the tags
        page_tags = split_title_tags(page.page_title)[1] if page and page.page_title else []
        tags = list(cleaned.tags) or page_tags
    title = strip_site_suffix(headline, outlet) if headline else None
    published = _first(
        normalise_date(raw.published),
        cleaned.published,
        normalise_date(page.published) if page else None,
    )
    return Article(
        id=article_id,
        text=cleaned.text,
        source=source,
        title=title or None,
        tags=tags,
        url=_first(raw.url, page.url if page else None),
        published=published,
        outlet=outlet,
        language=choose_language(normalise_language_code(raw.language), detect_language(cleaned.text)),
    )


def prepare_article(
    raw: RawArticle, *, source: str = MEMORY_SOURCE, default_id: str | None = None
) -> Article | Failure:
    """Clean one record into an Article; any problem becomes a Failure naming the record and why."""
    content = raw.text if raw.text is not None else raw.html
    article_id = raw.id or default_id or (content_id(content) if content else None)
    try:
        return _build(raw, source, article_id or "")
    except InputError as e:
        return Failure(source=source, reason=str(e), id=article_id)
    except Exception as e:  # noqa: BLE001 - one bad record must not stop a batch
        reason = f"unexpected error while preparing: {type(e).__name__}: {e}"
        return Failure(source=source, reason=reason, id=article_id)
