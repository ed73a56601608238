"""Weapons named in a sentence: named systems (KN-23, Leopard 2) and classes.

An event's `weapons` are the named systems where the article names one, else
the class ("missile", "drone").  The lexicon (`data/weapons.yaml`) gives each
system its class and each class a group, so that a "missile" and a "rocket"
reported for one strike are seen as the same kind of weapon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

from peacewire.extract.lexicon import load_data_yaml
from peacewire.extract.tokenview import TokenView

SEPARATOR = r"[\s\-\u2010\u2011\u2013]?"
CALIBRE_RE = re.compile(r"\b(\d{2,3})\s?-?\s?mm\b", re.I)
# Words kept out of a weapon phrase ("the", "14", "Russian").
PHRASE_SKIP_DEPS: frozenset[str] = frozenset({"det", "nummod", "poss", "predet", "case", "quantmod", "punct"})


# Nouns a weapon word may modify without naming a weapon used or supplied.
NOT_WEAPON_HEADS: frozenset[str] = frozenset(
    {
        "depot",
        "factory",
        "plant",
        "production",
        "program",
        "programme",
        "industry",
        "maker",
        "manufacturer",
        "warehouse",
        "store",
        "storage",
        "site",
        "base",
        "unit",
        "operator",
        "pilot",
        "debris",
        "wreckage",
        "fragment",
        "alert",
        "threat",
        "shortage",
        "stockpile",
        "supply",
        "exports",
        "deal",
        "sale",
    }
)


class WeaponLexiconError(ValueError):
    """weapons.yaml is malformed (the message names the entry)."""


@dataclass(frozen=True)
class WeaponClass:
    label: str
    nouns: frozenset[str]
    specific: frozenset[str]
    needs: frozenset[str]
    unless: frozenset[str]
    group: str
    generic: bool = False
    """Names weapons in general ("weapons", "military equipment"): a supply, never an attack's weapon."""


@dataclass(frozen=True)
class WeaponSystem:
    name: str
    aliases: tuple[str, ...]
    cls: str
    origin: str | None


@dataclass(frozen=True)
class WeaponLexicon:
    systems: tuple[WeaponSystem, ...]
    classes: tuple[WeaponClass, ...]
    calibre_nouns: frozenset[str]
    pattern: re.Pattern[str]
    by_form: Mapping[str, WeaponSystem]
    class_nouns: frozenset[str] = frozenset()
    """Every head noun of a class: a token that is none of them names no class."""
    amount_words: frozenset[str] = frozenset()
    """Words that count a weapon, not name it ("more tanks")."""

    def cls(self, label: str) -> WeaponClass | None:
        for c in self.classes:
            if c.label == label:
                return c
        return None

    def group(self, label: str) -> str:
        c = self.cls(label)
        return c.group if c else label


@dataclass(frozen=True)
class WeaponMention:
    """A weapon in the text: `label` is the system as written, or the class label."""

    start: int
    end: int
    """Doc token range [start, end)."""
    label: str
    cls: str
    group: str
    named: bool
    phrase: str
    """The noun phrase as written, without determiners or counts ("advanced rocket systems")."""
    head: int
    """Doc index of the head token."""
    system: str | None = None
    """The named system's lexicon name (one system however it is written)."""
    generic: bool = False
    """A word for weapons in general ("weapons", "military equipment")."""


def _alias_regex(alias: str) -> str:
    parts = [p for p in re.split(r"[\s\-]+", alias) if p]
    # letters and digits run together too: Kh101, KN23
    out = []
    for p in parts:
        pieces = re.findall(r"[A-Za-z]+|\d+|[^A-Za-z\d]+", p)
        out.append(SEPARATOR.join(re.escape(x) for x in pieces))
    return SEPARATOR.join(out)


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise WeaponLexiconError(f"weapons.yaml: {where} must be a list of strings")


def parse_weapons(raw: Any) -> WeaponLexicon:
    """Build the lexicon from the parsed YAML document."""
    if (
        not isinstance(raw, dict)
        or not isinstance(raw.get("classes"), dict)
        or not isinstance(raw.get("systems"), list)
    ):
        raise WeaponLexiconError("weapons.yaml: expected `classes` (mapping) and `systems` (list)")
    classes = []
    for label, spec in raw["classes"].items():
        if not isinstance(spec, dict):
            raise WeaponLexiconError(f"weapons.yaml: class {label!r} must be a mapping")
        classes.append(
            WeaponClass(
                label=str(label),
                nouns=frozenset(w.lower() for w in _strs(spec.get("nouns"), f"{label}.nouns")),
                specific=frozenset(w.lower() for w in _strs(spec.get("specific"), f"{label}.specific")),
                needs=frozenset(w.lower() for w in _strs(spec.get("needs"), f"{label}.needs")),
                unless=frozenset(w.lower() for w in _strs(spec.get("unless"), f"{label}.unless")),
                group=str(spec.get("group", label)),
                generic=bool(spec.get("generic", False)),
            )
        )
    labels = {c.label for c in classes}
    systems = []
    by_form: dict[str, WeaponSystem] = {}
    for i, item in enumerate(raw["systems"]):
        if not isinstance(item, dict) or "name" not in item or "class" not in item:
            raise WeaponLexiconError(f"weapons.yaml: system #{i} needs a name and a class")
        if item["class"] not in labels:
            raise WeaponLexiconError(
                f"weapons.yaml: system {item['name']!r}: unknown class {item['class']!r}"
            )
        s = WeaponSystem(
            name=str(item["name"]),
            aliases=_strs(item.get("aliases"), f"{item['name']}.aliases"),
            cls=str(item["class"]),
            origin=str(item["origin"]) if item.get("origin") else None,
        )
        systems.append(s)
        for form in (s.name, *s.aliases):
            by_form.setdefault(_form_key(form), s)
    written = sorted({f for s in systems for f in (s.name, *s.aliases)}, key=len, reverse=True)
    alternation = "|".join(_alias_regex(f) for f in written)
    # no look-behind at the front: it would stop `re` from skipping to the possible first letters,
    # which makes the search several times slower; `_named_matches` checks the letter before.
    pattern = re.compile(rf"(?:{alternation})(?:s|'s)?(?![\w])")
    return WeaponLexicon(
        systems=tuple(systems),
        classes=tuple(classes),
        calibre_nouns=frozenset(w.lower() for w in _strs(raw.get("calibre_nouns"), "calibre_nouns")),
        pattern=pattern,
        by_form=by_form,
        class_nouns=frozenset(n for c in classes for n in c.nouns),
        amount_words=frozenset(w.lower() for w in _strs(raw.get("amount_words"), "amount_words")),
    )


def _form_key(form: str) -> str:
    return re.sub(r"[\s\-\u2010\u2011\u2013]", "", form)


@lru_cache(maxsize=1)
def weapon_lexicon() -> WeaponLexicon:
    """The project's weapons lexicon, parsed once per process."""
    return parse_weapons(load_data_yaml("weapons.yaml"))


def _system_for(text: str, lex: WeaponLexicon) -> WeaponSystem | None:
    k = _form_key(text)
    for cand in (k, re.sub(r"'s$", "", k), re.sub(r"s$", "", k)):
        if cand in lex.by_form:
            return lex.by_form[cand]
    return None


def _left_words(tok: Token, window: int = 3) -> list[Token]:
    """Modifiers before a head noun: its left children and the words just before it."""
    out = [c for c in tok.lefts if c.dep_ not in PHRASE_SKIP_DEPS]
    doc = tok.doc
    for k in range(max(tok.i - window, 0), tok.i):
        if doc[k] not in out and doc[k].dep_ in ("compound", "amod", "nmod"):
            out.append(doc[k])
    return out


def _modifier_lemmas(tok: Token) -> set[str]:
    out: set[str] = set()
    for t in _left_words(tok):
        low = t.lower_
        out.add(low)
        out.add(t.lemma_.lower())
        out.update(p for p in re.split(r"-", low) if p)
        if "-" in low:
            out.add(low)
    # the words just before, whatever the parse made of them ("glide bombs"),
    # and "air defence" as "air-defence" too
    words = [t.lower_ for t in tok.doc[max(tok.i - 3, 0) : tok.i]]
    out.update(words[-2:])
    for a, b in zip(words, words[1:], strict=False):
        out.add(f"{a}-{b}")
    return out


def _phrase(tok: Token, lo: int, amounts: frozenset[str] = frozenset()) -> str:
    """The head noun with its adjectival and compound modifiers, as written."""
    doc = tok.doc
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in ("amod", "compound", "nmod") and c.i >= lo and c.ent_type_ not in ("NORP", "GPE"):
            # the modifier with its own modifiers: "air defence systems", not "defence systems"
            first = c.left_edge.i if c.dep_ == "compound" else c.i
            while first - 2 >= lo and doc[first - 1].text in ("-", "–") and not doc[first - 2].whitespace_:
                first -= 2  # "short-range": the hyphenated word is one modifier
            start = min(start, max(first, lo))
    while start < tok.i and (
        doc[start].dep_ in PHRASE_SKIP_DEPS
        or doc[start].like_num
        or doc[start].tag_ in ("VBN", "HYPH")
        or doc[start].lower_ in amounts
    ):
        start += 1  # "the 14", "US-supplied", "more": not part of what the weapon is
    return doc[start : tok.i + 1].text


def _class_of(tok: Token, lex: WeaponLexicon) -> tuple[WeaponClass, str] | None:
    lemma = tok.lemma_.lower()
    low = tok.lower_
    mods: set[str] | None = None
    for c in lex.classes:
        if lemma not in c.nouns and low not in c.nouns:
            continue
        if mods is None:
            mods = _modifier_lemmas(tok)
        if c.needs and not (mods & c.needs):
            continue
        if mods & c.unless:
            return None
        spec = sorted(mods & c.specific)
        label = f"{spec[0]} {c.label}" if spec else c.label
        return c, label
    return None


WORD_BEFORE = re.compile(r"[\w\-]")


def _named_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of the systems' names that do not start inside a word ("Kh-101", not "sKh-101")."""
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return
        if m.start() > 0 and WORD_BEFORE.match(text, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m
        pos = max(m.end(), m.start() + 1)


def find_weapons(
    sent: Span, lex: WeaponLexicon | None = None, view: TokenView | None = None
) -> list[WeaponMention]:
    """Named systems and weapon classes in a sentence, in text order.

    `view` (the article's token lists) spares reading every token: only the class nouns are.
    """
    lex = lex or weapon_lexicon()
    doc = sent.doc
    out: list[WeaponMention] = []
    covered: set[int] = set()
    text = view.text_of(sent) if view is not None else sent.text
    for m in _named_matches(lex.pattern, text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is None:
            continue
        system = _system_for(m.group(0), lex)
        if system is None:
            continue
        covered.update(range(span.start, span.end))
        c = lex.cls(system.cls)
        label = re.sub(r"'s$", "", m.group(0))
        if label.endswith("s") and _form_key(label[:-1]) in lex.by_form:
            label = label[:-1]
        out.append(
            WeaponMention(
                start=span.start,
                end=span.end,
                label=label,
                cls=system.cls,
                group=c.group if c else system.cls,
                named=True,
                phrase=label,
                head=span.root.i,
                system=system.name,
            )
        )
    for m in CALIBRE_RE.finditer(text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is None or span.end >= len(doc):
            continue
        nxt = doc[span.end]
        if nxt.lemma_.lower() in lex.calibre_nouns or nxt.lower_ in lex.calibre_nouns:
            covered.update(range(span.start, span.end + 1))
            out.append(
                WeaponMention(
                    start=span.start,
                    end=span.end + 1,
                    label="artillery shell",
                    cls="artillery shell",
                    group=lex.group("artillery shell"),
                    named=False,
                    phrase=doc[span.start : span.end + 1].text,
                    head=nxt.i,
                )
            )
    if view is not None:
        nouns = lex.class_nouns
        tokens = [doc[i] for i in view.indices(sent, nouns) if view.pos[i] in ("NOUN", "PROPN")]
    else:
        tokens = list(sent)
    for tok in tokens:
        if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        found = _class_of(tok, lex)
        if found is None:
            continue
        cls, label = found
        # "artillery shells": the modifier "artillery" is part of the shell's phrase;
        # "ammunition depots", "drone factory": a weapon word naming something else
        if (
            tok.dep_ == "compound"
            and tok.head.pos_ == "NOUN"
            and (_class_of(tok.head, lex) is not None or tok.head.lemma_.lower() in NOT_WEAPON_HEADS)
        ):
            continue
        out.append(
            WeaponMention(
                start=tok.i,
                end=tok.i + 1,
                label=label,
                cls=cls.label,
                group=cls.group,
                named=False,
                phrase=_phrase(tok, sent.start, lex.amount_words),
                head=tok.i,
                generic=cls.generic,
            )
        )
    out.sort(key=lambda w: w.start)
    return out


def weapon_tokens(mentions: Iterable[WeaponMention]) -> frozenset[int]:
    """Doc indices inside named systems (their digits are no counts)."""
    return frozenset(i for w in mentions if w.named for i in range(w.start, w.end))


def event_weapons(mentions: Iterable[WeaponMention]) -> list[str]:
    """Named systems if any, else the most specific class labels; de-duplicated, in order."""
    ms = list(mentions)
    named = _dedupe(w.label for w in ms if w.named)
    if named:
        return named
    labels = _dedupe(w.label for w in ms)
    # "missile" adds nothing next to "ballistic missile"
    return [lab for lab in labels if not any(o != lab and o.endswith(" " + lab) for o in labels)]


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for it in items:
        k = _form_key(it).lower()
        if k not in seen:
            seen[k] = it
    return list(seen.values())
