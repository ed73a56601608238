"""Which negotiation issue a sentence speaks of, read from cue words.

The cues live in `data/issues.yaml` (its header documents the syntax); this
module loads that file once into a frozen `PositionLexicon` and finds the
cues of a sentence as `CueMatch`es: the issue, whether the words name the
issue's outcome or its opposite ("cede land" / "regain land"), and the
tokens they cover.  Everything about stance is left to `stance.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, cast, get_args

import yaml
from spacy.tokens import Span, Token

from peacewire.extract.tokenview import TokenView, token_view
from peacewire.records import Issue

ISSUES: tuple[Issue, ...] = get_args(Issue)
"""The eight negotiation issues of ANNOTATION.md, in the order records.Issue names them."""
MAX_GAP = 3
"""How many other tokens may stand between two consecutive words of a cue."""
GAP_POS = frozenset({"DET", "PRON", "ADJ", "NUM", "ADV", "PART", "ADP", "PROPN", "PUNCT", "CCONJ", "AUX"})
GAP_DEPS = frozenset({"compound", "nmod", "npadvmod", "amod"})
"""What those tokens may be: modifiers and names, not another noun or verb ("troops from areas in")."""


class IssueLexiconError(ValueError):
    """issues.yaml is malformed (the message names the entry)."""


@dataclass(frozen=True)
class CuePattern:
    """One cue of issues.yaml: word alternatives in order, its issue and direction."""

    issue: Issue
    polarity: int
    """+1: the words name the issue's `support` outcome; -1: its opposite."""
    words: tuple[frozenset[str], ...]
    direct: bool = False
    bare: bool = False
    partner: bool = False
    aimless: bool = False
    nominal: bool = False
    supplied: bool = False
    topical: bool = False
    place: bool = False
    text: str = ""
    rank: int = 0
    """The cue's place in issues.yaml: of two cues matching the same words, the earlier wins."""


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a sentence."""

    pattern: CuePattern
    tokens: tuple[Token, ...]

    @property
    def issue(self) -> Issue:
        return self.pattern.issue

    @property
    def polarity(self) -> int:
        return self.pattern.polarity

    @cached_property
    def anchor(self) -> Token:
        """The matched token highest in the parse (the one the cue hangs from); found once."""
        ids = {t.i for t in self.tokens}
        for tok in self.tokens:
            head = tok.head.i
            if head not in ids or head == tok.i:
                return tok
        return self.tokens[0]

    @property
    def start(self) -> int:
        return self.tokens[0].i

    @property
    def end(self) -> int:
        return self.tokens[-1].i + 1


@dataclass(frozen=True)
class StanceWords:
    support_verbs: frozenset[str]
    support_phrasal: tuple[tuple[str, ...], ...]
    support_adjectives: frozenset[str]
    support_nouns: frozenset[str]
    oppose_verbs: frozenset[str]
    oppose_phrasal: tuple[tuple[str, ...], ...]
    oppose_adjectives: frozenset[str]
    oppose_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    committing_verbs: frozenset[str]
    support_placements: tuple[str, ...]
    oppose_placements: tuple[str, ...]
    sufficiency: frozenset[str]
    intent_nouns: frozenset[str]
    waning_verbs: frozenset[str]
    evaluative_phrasal: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, eq=False)
class PositionLexicon:
    """Everything issues.yaml says, ready for lookups."""

    cues: tuple[CuePattern, ...]
    cue_index: Mapping[str, tuple[CuePattern, ...]]
    """The cues by the alternatives of their first word."""
    actions: Mapping[str, frozenset[str]]
    aid_recipients: frozenset[str]
    means_nouns: frozenset[str]
    """Nouns of means whose infinitive is their purpose ("the means to win"), not a stance."""
    camps: tuple[frozenset[str], ...]
    """ISO-3 codes of the states of each side of the war (`camps` in issues.yaml)."""
    camp_bodies: frozenset[str]
    """Lower-cased names of the alliances and bodies of the first camp."""
    topics: frozenset[str]
    stance: StanceWords
    negation_words: frozenset[str]
    not_negation: tuple[str, ...]
    contrast: frozenset[str]
    hedge_words: frozenset[str]
    hedge_clause_words: frozenset[str]
    hedge_phrases: tuple[str, ...]
    temporary_words: tuple[str, ...]
    temporary_patterns: tuple[str, ...]
    partial_words: tuple[str, ...]
    past_adverbs: frozenset[str]
    past_phrases: tuple[str, ...]
    past_dropping: tuple[tuple[str, ...], ...]
    past_reversal: tuple[str, ...]
    past_retracting: frozenset[str]
    past_relenting: frozenset[str]
    past_earlier_times: re.Pattern[str]
    condition_markers: tuple[str, ...]
    condition_max_words: int
    vague_subjects: frozenset[str]
    vague_phrases: tuple[str, ...]
    plan_nouns: frozenset[str]
    drafting_verbs: frozenset[str]
    provision_verbs: frozenset[str]
    terms_nouns: frozenset[str]


def _strings(section: Mapping[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = section.get(name)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise IssueLexiconError(f"issues.yaml: {where}.{name} must be a list of strings")
    return tuple(v.lower() for v in value)


def _section(raw: Mapping[str, Any], name: str, where: str = "") -> Mapping[str, Any]:
    value = raw.get(name)
    if not isinstance(value, dict):
        raise IssueLexiconError(f"issues.yaml: `{where}{name}` must be a mapping")
    return cast(Mapping[str, Any], value)


def parse_cue(issue: Issue, polarity: int, entry: object, where: str) -> CuePattern:
    """One cue entry (a string or a {cue: ..., flags} mapping) as a pattern."""
    flags: Mapping[str, Any] = {}
    if isinstance(entry, dict):
        flags = entry
        entry = entry.get("cue")
    if not isinstance(entry, str) or not entry.strip():
        raise IssueLexiconError(f"issues.yaml: {where}: a cue must be a non-empty string")
    words: list[frozenset[str]] = []
    for word in entry.lower().split():
        alts = frozenset(a for a in word.split("|") if a)
        if not alts:
            raise IssueLexiconError(f"issues.yaml: {where}: empty word in cue {entry!r}")
        words.append(alts)
    unknown = set(flags) - {
        "cue",
        "direct",
        "bare",
        "partner",
        "aimless",
        "nominal",
        "supplied",
        "topical",
        "place",
    }
    if unknown:
        raise IssueLexiconError(f"issues.yaml: {where}: unknown flags {sorted(unknown)} in {entry!r}")
    return CuePattern(
        issue=issue,
        polarity=polarity,
        words=tuple(words),
        direct=bool(flags.get("direct", False)),
        bare=bool(flags.get("bare", False)),
        partner=bool(flags.get("partner", False)),
        aimless=bool(flags.get("aimless", False)),
        nominal=bool(flags.get("nominal", False)),
        supplied=bool(flags.get("supplied", False)),
        topical=bool(flags.get("topical", False)),
        place=bool(flags.get("place", False)),
        text=entry,
    )


def _phrases(values: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(v.split()) for v in values)


def build_lexicon(raw: Mapping[str, Any]) -> PositionLexicon:
    """Validate the parsed YAML and index it; raise IssueLexiconError naming a bad entry."""
    issues = _section(raw, "issues")
    cues: list[CuePattern] = []
    actions: dict[str, frozenset[str]] = {}
    for issue in ISSUES:
        sec = _section(issues, issue, "issues.")
        for key, polarity in (("for", 1), ("against", -1)):
            entries = sec.get(key)
            if not isinstance(entries, list):
                raise IssueLexiconError(f"issues.yaml: issues.{issue}.{key} must be a list")
            cues.extend(
                replace(parse_cue(issue, polarity, e, f"issues.{issue}.{key}"), rank=len(cues) + k)
                for k, e in enumerate(entries)
            )
        actions[issue] = frozenset(_strings(sec, "actions", f"issues.{issue}"))
    unknown = set(issues) - set(ISSUES)
    if unknown:
        raise IssueLexiconError(f"issues.yaml: unknown issues {sorted(unknown)}")
    st = _section(raw, "stance")
    stance = StanceWords(
        support_verbs=frozenset(_strings(st, "support_verbs", "stance")),
        support_phrasal=_phrases(_strings(st, "support_phrasal", "stance")),
        support_adjectives=frozenset(_strings(st, "support_adjectives", "stance")),
        support_nouns=frozenset(_strings(st, "support_nouns", "stance")),
        oppose_verbs=frozenset(_strings(st, "oppose_verbs", "stance")),
        oppose_phrasal=_phrases(_strings(st, "oppose_phrasal", "stance")),
        oppose_adjectives=frozenset(_strings(st, "oppose_adjectives", "stance")),
        oppose_nouns=frozenset(_strings(st, "oppose_nouns", "stance")),
        reporting_verbs=frozenset(_strings(st, "reporting_verbs", "stance")),
        committing_verbs=frozenset(_strings(st, "committing_verbs", "stance")),
        support_placements=_strings(st, "support_placements", "stance"),
        oppose_placements=_strings(st, "oppose_placements", "stance"),
        sufficiency=frozenset(_strings(st, "sufficiency", "stance")),
        intent_nouns=frozenset(_strings(st, "intent_nouns", "stance")),
        waning_verbs=frozenset(_strings(st, "waning_verbs", "stance")),
        evaluative_phrasal=_phrases(_strings(st, "evaluative_phrasal", "stance")),
    )
    neg = _section(raw, "negation")
    hedges = _section(raw, "hedges")
    temporary = _section(raw, "temporary")
    partial = _section(raw, "partial")
    past = _section(raw, "past")
    conditions = _section(raw, "conditions")
    vague = _section(raw, "vague")
    plans = _section(raw, "plans")
    max_words = conditions.get("max_words")
    if not isinstance(max_words, int) or max_words < 1:
        raise IssueLexiconError("issues.yaml: conditions.max_words must be a positive integer")
    index: dict[str, list[CuePattern]] = {}
    for pattern in cues:
        for alt in pattern.words[0]:
            index.setdefault(alt, []).append(pattern)
    return PositionLexicon(
        cues=tuple(cues),
        cue_index={k: tuple(v) for k, v in index.items()},
        actions=actions,
        aid_recipients=frozenset(c.upper() for c in _strings(raw, "aid_recipients", "")),
        means_nouns=frozenset(_strings(raw, "means_nouns", "")),
        camps=_camps(raw.get("camps", [])),
        camp_bodies=frozenset(n.lower() for n in _strings(raw, "camp_bodies", "")),
        topics=frozenset(_strings(raw, "topics", "")),
        stance=stance,
        negation_words=frozenset(_strings(neg, "words", "negation")),
        not_negation=_strings(neg, "not_negation", "negation"),
        contrast=frozenset(_strings(neg, "contrast", "negation")),
        hedge_words=frozenset(_strings(hedges, "words", "hedges")),
        hedge_clause_words=frozenset(_strings(hedges, "clause_words", "hedges")),
        hedge_phrases=_strings(hedges, "phrases", "hedges"),
        temporary_words=_strings(temporary, "words", "temporary"),
        temporary_patterns=_strings(temporary, "patterns", "temporary"),
        partial_words=_strings(partial, "words", "partial"),
        past_adverbs=frozenset(_strings(past, "adverbs", "past")),
        past_phrases=_strings(past, "phrases", "past"),
        past_dropping=_phrases(_strings(past, "dropping", "past")),
        past_reversal=_strings(past, "reversal", "past"),
        past_retracting=frozenset(_strings(past, "retracting", "past")),
        past_relenting=frozenset(_strings(past, "relenting", "past")),
        past_earlier_times=_earlier_times(_strings(past, "earlier_times", "past")),
        condition_markers=_strings(conditions, "markers", "conditions"),
        condition_max_words=max_words,
        vague_subjects=frozenset(_strings(vague, "subjects", "vague")),
        vague_phrases=_strings(vague, "phrases", "vague"),
        plan_nouns=frozenset(_strings(plans, "nouns", "plans")),
        drafting_verbs=frozenset(_strings(plans, "drafting_verbs", "plans")),
        provision_verbs=frozenset(_strings(plans, "provision_verbs", "plans")),
        terms_nouns=frozenset(_strings(plans, "terms", "plans")),
    )


def _camps(value: Any) -> tuple[frozenset[str], ...]:
    if not isinstance(value, list) or not all(
        isinstance(camp, list) and all(isinstance(c, str) for c in camp) for camp in value
    ):
        raise IssueLexiconError("issues.yaml: camps must be a list of lists of ISO-3 codes")
    return tuple(frozenset(c.upper() for c in camp) for camp in value)


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping (the later would win silently)."""


def _strict_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise IssueLexiconError(f"issues.yaml: line {key_node.start_mark.line + 1}: `{key}` given twice")
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _strict_mapping)


def parse_lexicon(text: str) -> PositionLexicon:
    """Parse the text of an issues.yaml; raise IssueLexiconError naming what is wrong."""
    try:
        raw = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        raise IssueLexiconError(f"issues.yaml: not valid YAML: {e}") from e
    if not isinstance(raw, dict):
        raise IssueLexiconError("issues.yaml: the top level must be a mapping")
    return build_lexicon(raw)


def _earlier_times(phrases: Sequence[str]) -> re.Pattern[str]:
    """One pattern for the phrases, plus "in <year>", matched on lower-cased text."""
    words = "|".join(re.escape(p.lower()) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{words}|in (?:19|20)\d\d)\b")


@lru_cache(maxsize=1)
def position_lexicon() -> PositionLexicon:
    """The lexicon of data/issues.yaml, loaded once per process."""
    return parse_lexicon(
        resources.files("peacewire.data").joinpath("issues.yaml").read_text(encoding="utf-8")
    )


# -- matching ------------------------------------------------------------------


def _word_at(ids: Sequence[int], j: int, alts: frozenset[str], view: TokenView) -> int:
    """How many tokens from the j-th of `ids` one word of a cue covers (0: no match).

    A hyphenated alternative ("cease-fire") matches the three tokens spaCy
    splits it into as well as one token.
    """
    k = ids[j]
    if view.lower[k] in alts or view.lemma[k] in alts:
        return 1
    if j + 2 < len(ids) and view.words[ids[j + 1]] == "-":
        joined = f"{view.lower[k]}-{view.lower[ids[j + 2]]}"
        if joined in alts:
            return 3
    return 0


def _match_at(ids: Sequence[int], start: int, pattern: CuePattern, view: TokenView) -> list[int] | None:
    """Match `pattern` with its first word at the start-th of `ids`, words in order, small gaps
    allowed; the tokens matched."""
    n = _word_at(ids, start, pattern.words[0], view)
    if not n:
        return None
    got = list(ids[start : start + n])
    pos = start + n - 1
    for alts in pattern.words[1:]:
        found = 0
        gap = 0  # words skipped; quotation marks do not count
        j = pos + 1
        while j < len(ids) and gap <= MAX_GAP:
            found = _word_at(ids, j, alts, view)
            if found:
                got.extend(ids[j : j + found])
                pos = j + found - 1
                break
            k = ids[j]
            j += 1
            if view.quote[k]:
                continue
            gap += 1
            if view.punct[k] and view.words[k] not in ("-", "'", "\u2019"):
                break
            if view.pos[k] not in GAP_POS and view.dep[k] not in GAP_DEPS:
                break
        if not found:
            return None
    return got


@lru_cache(maxsize=4)
def cue_words(lex: PositionLexicon) -> frozenset[str]:
    """The words a cue can start with (as written or as lemma, lower-cased; hyphenated ones
    joined): a sentence with none of them, and no "-", has no cue."""
    return frozenset(lex.cue_index)


def find_cues(
    sent: Span, lex: PositionLexicon | None = None, view: TokenView | None = None
) -> list[CueMatch]:
    """Every issue cue of a sentence; of overlapping matches the longest wins, then the first.

    `view` is the article's tokens as lists (read here when not given).
    """
    lex = lex or position_lexicon()
    doc = sent.doc
    view = view or token_view(doc)
    ids = [i for i in range(sent.start, sent.end) if not view.space[i]]
    index, lower, lemma, words = lex.cue_index, view.lower, view.lemma, view.words
    found: list[CueMatch] = []
    for n, k in enumerate(ids):
        if not (lower[k] in index or lemma[k] in index or (n + 2 < len(ids) and words[ids[n + 1]] == "-")):
            continue  # no cue starts here (most words)
        for pattern in _candidates(ids, n, view, lex):
            got = _match_at(ids, n, pattern, view)
            if got is None:
                continue
            if len(pattern.words) > 1 and any(view.dep[c] == "case" for c in view.children[got[-1]]):
                continue  # "troops to Ukraine's borders": the last word only owns the phrase's head
            found.append(CueMatch(pattern, tuple(doc[k] for k in got)))
    found.sort(key=lambda m: (-(m.end - m.start), -len(m.tokens), m.start, m.pattern.rank))
    taken: set[int] = set()
    kept: list[CueMatch] = []
    for m in found:
        if not taken.isdisjoint(t.i for t in m.tokens):
            continue
        if m.pattern.bare and _has_object(m.anchor):
            continue
        if m.pattern.place and not _names_place(m.anchor):
            continue
        if m.pattern.partner and m.anchor.pos_ not in ("NOUN", "PROPN") and not has_partner(m.anchor):
            continue
        if m.pattern.nominal and m.anchor.pos_ not in ("NOUN", "PROPN"):
            continue
        if m.pattern.aimless and any(
            c.dep_ == "prep" and c.lower_ == "for" for t in m.tokens for c in t.children
        ):
            continue
        kept.append(m)
        taken |= set(range(m.start, m.end))
    kept.sort(key=lambda m: m.start)
    cue_ids = {t.i for m in kept for t in m.tokens}
    return [m for m in kept if not m.pattern.topical or _on_topic(m, cue_ids, lex)]


TOPIC_PREPS = frozenset({"on", "over", "about", "regarding", "concerning"})


def _on_topic(match: CueMatch, cue_ids: set[int], lex: PositionLexicon) -> bool:
    """Whether what a `topical` cue is about is the war ("talks on a ceasefire", not "a deal on
    critical minerals"): its "on" / "over" / "about" phrase names another cue, a name or a topic."""
    tokens = {t.i for t in match.tokens}
    anchor = match.anchor
    if anchor.pos_ == "VERB":  # "negotiating the wording of a declaration": the object is the topic
        for obj in anchor.children:
            if obj.dep_ == "dobj" and obj.i not in cue_ids and not _war_topic(obj, lex):
                return False
    for tok in match.tokens:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in TOPIC_PREPS or prep.i in tokens:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                return pobj.i in cue_ids or _war_topic(pobj, lex)
    return True


def _war_topic(noun: Token, lex: PositionLexicon) -> bool:
    """A name, a pronoun, or a noun of `topics`: what talks about the war are about."""
    return noun.pos_ in ("PROPN", "PRON") or noun.lemma_.lower() in lex.topics


def _candidates(ids: Sequence[int], i: int, view: TokenView, lex: PositionLexicon) -> list[CuePattern]:
    """The patterns whose first word may start at the i-th of `ids` (indexed by first word)."""
    index = lex.cue_index
    k = ids[i]
    low = view.lower[k]
    keys = {low, view.lemma[k]}
    if i + 2 < len(ids) and view.words[ids[i + 1]] == "-":
        keys.add(f"{low}-{view.lower[ids[i + 2]]}")
    out: list[CuePattern] = []
    for key in keys:
        out.extend(index.get(key, ()))
    return out


def has_partner(tok: Token) -> bool:
    """ "meet Putin", "met with envoys", "wants to meet": someone to meet, or an intention to; for a
    noun, "a meeting with Putin", "talks between the presidents", "a meeting of the two leaders"."""
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between"):
                return True
            if c.dep_ == "prep" and c.lower_ == "of":
                if any(g.dep_ == "pobj" and (g.tag_ in ("NNS", "NNPS") or g.conjuncts) for g in c.children):
                    return True
        return False
    if any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return True
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return False  # "would be met with a response": an answer, no meeting
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


NOT_PLACE_ENTITIES = frozenset({"NORP", "DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY"})
"""Entity types no object of "return" / "take back" that names land has (the small model often tags
towns as persons or organisations: actors the table knows are left out in positions.py)."""
PLACE_NOUNS = frozenset({"territory", "territories", "land", "lands", "region", "regions", "city", "cities",
                         "town", "towns", "village", "villages", "settlement", "settlements"})  # fmt: skip


def _names_place(tok: Token) -> bool:
    """ "return Avdiivka", "getting Kherson back": the verb's object is a name or a noun of land."""
    return place_object(tok) is not None


def place_object(tok: Token) -> Token | None:
    """The object of a `place` verb cue that may name a place: a proper name or a noun of land."""
    for child in tok.children:
        if child.dep_ != "dobj":
            continue
        if child.pos_ == "PROPN" and child.ent_type_ not in NOT_PLACE_ENTITIES:
            return child
        if child.lemma_.lower() in PLACE_NOUNS:
            return child
    return None


def _has_object(tok: Token) -> bool:
    return any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "pobj", "attr") for c in tok.children)
