"""Counts and shares as news writes them: "at least 12", "more than a dozen",
"4.8 million", "twenty-three", "dozens", "about 20 percent", "a fifth".

A figure in an event is a `Count`: a value and a qualifier saying how the
article hedges it (exact, at_least, more_than, about, up_to).  Words are read
with text2num; vague plurals are read the conservative way ACLED does
("dozens" -> 12), as `data/event_cues.yaml` documents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token
from text_to_num import text2num

from peacewire.extract.cues import NumberCues, event_cues
from peacewire.extract.tokenview import TokenView
from peacewire.records import Count, CountQualifier

MONTHS: frozenset[str] = frozenset(
    """january february march april may june july august september october november december
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct.
    nov nov. dec dec.""".split()
)
# Entity types whose numbers are never counts of people or weapons.
NOT_COUNT_ENTS: frozenset[str] = frozenset({"MONEY", "PERCENT", "QUANTITY", "TIME", "ORDINAL"})
CURRENCY_SIGNS: frozenset[str] = frozenset({"$", "€", "£", "usd", "eur", "us$", "gbp", "uah"})
ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
DIGITS_RE = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
SUFFIXED_RE = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mln|bn)$", re.I)
RANGE_RE = re.compile(r"^(\d[\d,]*)[-–](\d[\d,]*)$")
PERCENT_WORDS: frozenset[str] = frozenset({"%", "percent", "per", "pct"})
ORDINAL_WORDS: frozenset[str] = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth
    fiftieth hundredth thousandth millionth last""".split()
)
"""spaCy reads "first" as like a number; an ordinal is never a count ("the first four of")."""


@dataclass(frozen=True)
class Figure:
    """A number found in a sentence: token range (qualifier included) and its reading."""

    start: int
    """Doc index of the first token, qualifier words included."""
    end: int
    """Doc index after the last token of the number."""
    num_start: int
    """Doc index of the number itself (after the qualifier)."""
    value: float
    qualifier: CountQualifier
    vague: bool = False

    def count(self) -> Count:
        return Count(value=self.value, qualifier=self.qualifier)


def parse_words(words: Sequence[str], cues: NumberCues | None = None) -> float | None:
    """Value of a number written in digits and/or words; None when it is not one.

    >>> parse_words(["4.8", "million"])
    4800000.0
    >>> parse_words(["twenty", "-", "three"])
    23.0
    """
    cues = cues or event_cues().numbers
    ws = [w.lower() for w in words if w not in ("-", "–")]
    if not ws:
        return None
    joined = " ".join(ws)
    if joined in cues.vague:
        return cues.vague[joined]
    if ws[0] in ("a", "an") and len(ws) > 1:
        if ws[1] in cues.vague:
            return cues.vague[ws[1]]
        ws = ["one", *ws[1:]]
    scale = 1.0
    while ws and ws[-1] in cues.scales and len(ws) > 1:
        scale *= cues.scales[ws[-1]]
        ws = ws[:-1]
    head = ws[0]
    m = SUFFIXED_RE.match(head)
    if m and len(ws) == 1:
        return float(m.group(1)) * cues.scales[m.group(2).lower()] * scale
    if DIGITS_RE.match(head):
        if len(ws) > 1:
            return None
        return float(head.replace(",", "")) * scale
    try:
        return float(text2num(" ".join(ws), "en")) * scale
    except ValueError:
        return None


def _is_number_token(tok: Token, cues: NumberCues) -> bool:
    low = tok.lower_
    if ORDINAL_RE.match(low) or low in ORDINAL_WORDS:
        return False
    if SUFFIXED_RE.match(low) or RANGE_RE.match(low) or low in cues.vague:
        return True
    return bool(tok.like_num)


def _starts_number(toks: Sequence[Token], i: int, cues: NumberCues) -> bool:
    """Whether a number starts at toks[i]: "12", "five", "dozens", "a dozen", "tens of thousands"."""
    tok = toks[i]
    nxt = toks[i + 1].lower_ if i + 1 < len(toks) else ""
    if tok.lower_ in ("a", "an"):
        return nxt == "dozen" or nxt in ("hundred", "thousand", "million")
    if tok.lower_ == "tens":
        return nxt == "of" and i + 2 < len(toks) and toks[i + 2].lower_ in ("thousands", "millions")
    return _is_number_token(tok, cues) and tok.lower_ not in cues.scales


def _qualifier_before(
    tokens: Sequence[Token], i: int, lo: int, cues: NumberCues
) -> tuple[CountQualifier, int]:
    """The qualifier phrase ending just before doc index `i` (not before `lo`), and its start."""
    doc = tokens[0].doc if tokens else None
    if doc is None:
        return "exact", i
    for n in range(cues.max_qualifier_words, 0, -1):
        s = i - n
        if s < lo:
            continue
        phrase = " ".join(t.lower_ for t in doc[s:i])
        q = cues.qualifiers.get(phrase)
        if q is not None:
            return q, s
    return "exact", i


def _is_year(tok: Token) -> bool:
    if not re.fullmatch(r"(19|20)\d\d", tok.text):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.pos_ != "NOUN"


def _currency_near(first: Token, last: Token, cues: NumberCues) -> bool:
    """A currency sign or word within the number's money entity or just around it."""
    doc = first.doc
    lo, hi = max(0, first.i - 2), min(len(doc), last.i + 3)
    return any(doc[k].lower_ in CURRENCY_SIGNS or doc[k].lower_ in cues.currencies for k in range(lo, hi))


def _excluded(first: Token, last: Token, cues: NumberCues) -> bool:
    """Numbers that are dates, money, measures or ordinals ("No. 5"), never counts, nor "no one"."""
    doc = first.doc
    if first.ent_type_ in NOT_COUNT_ENTS or last.ent_type_ in NOT_COUNT_ENTS:
        # the small model calls "more than 12 million (shells)" money: money names a currency
        if not (first.ent_type_ == last.ent_type_ == "MONEY" and not _currency_near(first, last, cues)):
            return True
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if prev is not None and (
        prev.lower_ in MONTHS or prev.lower_ in CURRENCY_SIGNS or prev.lower_ in ("no.", "no")
    ):
        return True
    if nxt is not None:
        low = nxt.lower_
        if low in MONTHS or low in cues.units or nxt.lemma_.lower() in cues.units:
            return True
        if low == "-" and last.i + 2 < len(doc) and doc[last.i + 2].lemma_.lower() in cues.units:
            return True
    if first.i == last.i and _is_year(first):
        return True
    return False


def find_figures(
    sent: Span,
    skip: frozenset[int] = frozenset(),
    cues: NumberCues | None = None,
    view: TokenView | None = None,
) -> list[Figure]:
    """Every count in the sentence with its qualifier, in text order.

    `skip` holds doc indices that belong to something else (a weapon's name:
    the 2 of "Leopard 2").  `view` (the article's token lists) lets a sentence
    without a number-like word be passed over without reading its tokens.
    """
    cues = cues or event_cues().numbers
    if view is not None and not _may_count(sent, view, cues):
        return []
    out: list[Figure] = []
    toks = list(sent)
    i = 0
    while i < len(toks):
        if toks[i].i in skip or not _starts_number(toks, i, cues):
            i += 1
            continue
        j = i
        words: list[str] = []
        while j < len(toks) and toks[j].i not in skip:
            t = toks[j]
            low = t.lower_
            if (
                _is_number_token(t, cues)
                or (low in ("a", "an", "tens") and not words)
                or (low == "dozen" and words)
            ):
                words.append(t.text)
            elif low in ("-", "–") and words and j + 1 < len(toks) and _is_number_token(toks[j + 1], cues):
                words.append(low)
            elif (
                low == "and"
                and words
                and words[-1].lower() in ("hundred", "thousand")
                and (j + 1 < len(toks) and toks[j + 1].like_num)
            ):
                words.append(low)
            elif low == "of" and words and words[-1].lower() in ("tens", "hundreds"):
                words.append(low)
            else:
                break
            j += 1
        while words and words[-1].lower() == "of":  # "hundreds of" + a noun
            words.pop()
            j -= 1
        first, last = toks[i], toks[j - 1]
        if _excluded(first, last, cues) or not words:
            i = max(j, i + 1)
            continue
        text_words = [w for w in words if w.lower() != "of"]
        joined = " ".join(w.lower() for w in words)
        value: float | None
        qualifier: CountQualifier
        vague = False
        m = RANGE_RE.match("".join(words)) if len(words) in (1, 3) else None
        if m:
            value = float(m.group(1).replace(",", ""))
            qualifier = "at_least"
        elif joined in cues.vague or (len(words) == 1 and words[0].lower() in cues.vague):
            value = cues.vague[joined]
            vague = joined not in ("dozen",)
            qualifier = "at_least" if vague else "exact"
        else:
            value = parse_words(text_words, cues)
            qualifier = "exact"
        if value is None:
            i = max(j, i + 1)
            continue
        q, qstart = _qualifier_before(toks, first.i, sent.start, cues)
        if q != "exact":
            qualifier = q
        elif j < len(toks) and toks[j].text == "+":
            qualifier = "more_than"
        out.append(
            Figure(
                start=qstart, end=last.i + 1, num_start=first.i, value=value, qualifier=qualifier, vague=vague
            )
        )
        i = j
    return out


def _may_count(sent: Span, view: TokenView, cues: NumberCues) -> bool:
    """Whether a word of the sentence can start a count ("12", "five", "dozens", "a dozen")."""
    lower, num = view.lower, view.like_num
    for i in range(sent.start, sent.end):
        if num[i] or lower[i] in cues.vague:
            return True
        if (
            lower[i] in ("a", "an")
            and i + 1 < sent.end
            and lower[i + 1] in ("dozen", "hundred", "thousand", "million")
        ):
            return True
    return False


def find_shares(sent: Span, cues: NumberCues | None = None) -> list[Figure]:
    """Shares of a whole as fractions 0..1: "20%", "20 percent", "about one-fifth", "half of"."""
    cues = cues or event_cues().numbers
    out: list[Figure] = []
    toks = list(sent)
    doc = sent.doc
    i = 0
    while i < len(toks):
        tok = toks[i]
        low = tok.lower_
        # percentages
        if (
            tok.like_num
            and not ORDINAL_RE.match(low)
            and i + 1 < len(toks)
            and toks[i + 1].lower_ in PERCENT_WORDS
        ):
            words = [tok.text]
            k = i - 1
            while k >= 0 and toks[k].like_num and toks[k].lower_ not in PERCENT_WORDS:
                words.insert(0, toks[k].text)
                k -= 1
            value = parse_words(words, cues)
            if value is not None and 0 <= value <= 100:
                first = toks[k + 1]
                q, qs = _qualifier_before(toks, first.i, sent.start, cues)
                end = toks[i + 1].i + 1
                if toks[i + 1].lower_ == "per" and i + 2 < len(toks) and toks[i + 2].lower_ == "cent":
                    end += 1
                out.append(
                    Figure(start=qs, end=end, num_start=first.i, value=round(value / 100, 4), qualifier=q)
                )
                i += 2
                continue
        # fractions in words: "a fifth", "one-fifth", "two thirds", "half"
        for n in (3, 2, 1):
            if i + n > len(toks):
                continue
            phrase = " ".join(t.lower_ for t in toks[i : i + n])
            phrase_nohyph = phrase.replace(" - ", "-")
            if phrase_nohyph in cues.fractions:
                nxt = doc[toks[i + n - 1].i + 1] if toks[i + n - 1].i + 1 < len(doc) else None
                if nxt is None or nxt.lower_ != "of":
                    continue
                q, qs = _qualifier_before(toks, tok.i, sent.start, cues)
                out.append(
                    Figure(
                        start=qs,
                        end=toks[i + n - 1].i + 1,
                        num_start=tok.i,
                        value=cues.fractions[phrase_nohyph],
                        qualifier=q,
                    )
                )
                i += n - 1
                break
        i += 1
    return out
