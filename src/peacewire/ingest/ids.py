"""Stable article ids when the caller gives none.

The id is derived from the content as given (before cleaning), so it does
not change when cleaning rules improve: the same input always gets the same
id, and two different inputs practically never share one.
"""

from __future__ import annotations

import hashlib

CONTENT_ID_HEX = 12


def content_id(content: str | bytes) -> str:
    """The first 12 hex digits of the SHA-1 of the raw content (UTF-8 for text)."""
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:CONTENT_ID_HEX]
