"""Headlines: recognise a headline line, and split a title from its tags.

A site's title often carries more than the headline: a category tag in
another script (an English headline followed by an Arabic tag) or the site's
name after a separator ("Headline | Site").  ANNOTATION.md wants the title
without those and the foreign-language tags kept apart in `tags`.
"""

from __future__ import annotations

import re
import unicodedata

# A headline is a short line that is not a sentence: no full stop at its end,
# no sentence boundary inside.  The bounds are generous for headlines (most
# are 6-15 words) and short for a lead paragraph (most run 25-45 words).
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 22
HEADLINE_MAX_CHARS = 250

_CLOSERS = "\"'”’»)]}"
_SENTENCE_END = ".!?;:,…"
# A sentence boundary inside a line: a lower-case word, a full stop, a capital.
_INNER_BOUNDARY = re.compile(
    r"[a-z\u00df-\u00ff\u0430-\u044f]{2,}[.!?][\"'”’»)]?\s+[\"'“‘«(]?[A-Z\u0410-\u042f]"
)
_TAG_SEPARATORS = re.compile(r"\s*[|•·/#,]\s*")
_TITLE_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")
# A "Headline | Site" suffix after a pipe is the site's name or section when short.
SITE_SUFFIX_MAX_WORDS = 5


def ends_sentence(line: str) -> bool:
    """True when the line ends like a sentence (punctuation, possibly inside quotes)."""
    core = line.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(core) and core[-1] in _SENTENCE_END


def looks_like_headline(line: str) -> bool:
    """A line with the shape of a headline: short, not ending as a sentence, one clause."""
    words = line.split()
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if not any(c.isalpha() for c in line):
        return False
    if ends_sentence(line):  # a question too: a lead may open with one
        return False
    return _INNER_BOUNDARY.search(line) is None


def script_of(token: str) -> str | None:
    """The writing system of a token's letters ("LATIN", "ARABIC", "CYRILLIC", ...); None without letters."""
    for ch in token:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return name.split(" ", 1)[0] if name else None
    return None


def split_title_tags(title: str) -> tuple[str, list[str]]:
    """Split trailing tags written in another, non-Latin script off a title.

    "Talks resume in Geneva جهود السلام" -> ("Talks resume in Geneva", ["جهود السلام"]).
    Latin words after a title in another script are not split: Latin names
    and acronyms are common inside titles in every language.
    """
    tokens = title.split()
    scripts = [script_of(t) for t in tokens]
    main = next((s for s in scripts if s), None)
    if main is None:
        return title.strip(), []
    cut = len(tokens)
    foreign = 0
    for i in range(len(tokens) - 1, -1, -1):
        s = scripts[i]
        if s is None:
            cut = i
            continue
        if s == main or s == "LATIN":
            break
        foreign += 1
        cut = i
    head = tokens[:cut]
    if not foreign or sum(1 for s in scripts[:cut] if s == main) < 2:
        return title.strip(), []
    tag_text = " ".join(tokens[cut:])
    tags = [t for t in (x.strip() for x in _TAG_SEPARATORS.split(tag_text)) if t and script_of(t)]
    head_text = " ".join(head).rstrip(" |-–—:·•")
    return head_text, tags


def _squash(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def strip_site_suffix(title: str, outlet: str | None) -> str:
    """Drop a trailing "| Site" (or "- Site" naming the outlet) from a title."""
    for sep in _TITLE_SUFFIX_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if not found or not head.strip():
            continue
        names_outlet = (
            bool(outlet)
            and _squash(tail) != ""
            and (_squash(tail) in _squash(outlet or "") or _squash(outlet or "") in _squash(tail))
        )
        if names_outlet or (sep == " | " and len(tail.split()) <= SITE_SUFFIX_MAX_WORDS):
            return strip_site_suffix(head.strip(), outlet)
    return title.strip()


def same_title(line: str, title: str) -> bool:
    """True when a text line is the given title (ignoring case, spacing and punctuation)."""
    a, b = _squash(line), _squash(title)
    return bool(a) and bool(b) and (a == b or (len(b) >= 20 and a.startswith(b) and len(a) <= len(b) + 40))
