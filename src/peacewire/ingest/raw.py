"""An article as the caller gives it, before any cleaning: the input fields of FORMATS.md."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

METADATA_FIELDS = ("title", "url", "published", "outlet", "language")


class InputError(ValueError):
    """A record that cannot be read; the message is the reason shown to the user."""


@dataclass(frozen=True)
class RawArticle:
    """The fields of one input record.  Only one of `text` and `html` is needed.

    `html` may be bytes (a page read from disk: trafilatura honours the
    page's declared encoding).
    """

    text: str | None = None
    html: str | bytes | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None


def _string(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"field {name!r} must be a string, not {type(value).__name__}")
    return value


def read_id(record: Mapping[str, Any]) -> str | None:
    """The caller's id: a non-empty string (a whole number is accepted and written as text)."""
    value = record.get("id")
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InputError(f"field 'id' must be a string, not {type(value).__name__}")
    if not value.strip():
        raise InputError("field 'id' is empty")
    return value.strip()


def metadata_from_mapping(record: Mapping[str, Any]) -> dict[str, str | None]:
    """The metadata fields of a record or a NAME.meta.json sidecar, type-checked."""
    out: dict[str, str | None] = {name: _string(record, name) for name in METADATA_FIELDS}
    out["id"] = read_id(record)
    return out


def raw_from_mapping(record: Mapping[str, Any]) -> RawArticle:
    """Validate one JSON Lines record (FORMATS.md); unknown fields are ignored."""
    text, html = _string(record, "text"), _string(record, "html")
    if text is None and html is None:
        raise InputError("no 'text' or 'html' field")
    meta = metadata_from_mapping(record)
    return RawArticle(text=text, html=html, **meta)
