"""Size limits on inputs, so one huge record cannot stall or sink a batch.

`MAX_INPUT_BYTES` bounds what is read for one article (a .txt/.html file, a
JSON Lines record, standard input) and is checked before parsing: a 50 MB
input is refused at once, from the file size or after reading one bounded
line.  Real article pages are well under 1 MB of text and a few MB of HTML.

`MAX_TEXT_CHARS` bounds the cleaned text handed to extraction.  spaCy's
memory grows with the text (measured with the project's pipeline:
~225 MB for 20,000 characters, ~490 MB for 100,000, ~790 MB for 200,000) and
the product must stay within 600 MB, so a text past 100,000 characters
(about 16,000 words, several times a long feature) is refused rather than
allowed to exhaust memory.
"""

from __future__ import annotations

MAX_INPUT_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 100_000


def describe_bytes(n: int) -> str:
    """A size for messages: "52.4 MB"."""
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"
