"""The stock attribute ruler's rules, applied over token arrays.

en_core_web_sm maps each fine tag to its coarse POS and morphology (and
fixes a few lemmas) with an `AttributeRuler`: 179 rules run through spaCy's
`Matcher`, which tries every rule at every token.  That costs about as much
as the parser itself (≈20 ms per article here), for what is a table lookup
on a token's tag, lower form and dependency label.

`ArrayAttributeRuler` compiles the same rules into that lookup: each token's
(tag, lower, dep, is_space) row is resolved once per distinct row and
cached, and the few multi-token rules are checked on neighbours.  The result
is written back with `Doc.from_array`.  It applies rules exactly as the
stock component does (all rules match against the untouched document; for
each attribute the last rule in order wins), and it refuses, at compile
time, any rule it cannot express, in which case the pipeline keeps the
stock component.  `tests/nlp/test_attribute_rules.py` checks the two agree
on real text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab

from peacewire.nlp.component import PerDocComponent

# Token attributes a rule may test, and the ones it may set: the columns of
# the arrays read and written.
TESTED = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH, "NORM": NORM}
WRITTEN = {TAG: "TAG", POS: "POS", MORPH: "MORPH", LEMMA: "LEMMA", DEP: "DEP"}
READ_COLUMNS = tuple(TESTED.values())
ROW_CACHE_SIZE = 100_000
WRITE_COLUMNS = tuple(WRITTEN)


class UnsupportedRule(ValueError):
    """A rule uses a pattern feature the array form does not express."""


@dataclass(frozen=True)
class TokenTest:
    """One token of a pattern: per tested column, the values it accepts or refuses."""

    accept: tuple[tuple[int, frozenset[int]], ...]  # (column, values): value must be in
    refuse: tuple[tuple[int, frozenset[int]], ...]  # (column, values): value must not be in
    search: tuple[tuple[int, re.Pattern[str]], ...]  # (column, regex): the value's string must match

    def passes(self, row: tuple[int, ...], strings: StringStore) -> bool:
        return (
            all(row[c] in vals for c, vals in self.accept)
            and not any(row[c] in vals for c, vals in self.refuse)
            and all(rx.search(strings[row[c]]) for c, rx in self.search)
        )


@dataclass(frozen=True)
class Rule:
    """A rule of the stock ruler: its patterns, the token it sets, what it sets."""

    patterns: tuple[tuple[TokenTest, ...], ...]
    index: int
    attrs: tuple[tuple[int, int], ...]  # (written column position, value)


def _value_hashes(vocab: Vocab, key: str, value: Any) -> frozenset[int]:
    values = value if isinstance(value, list) else [value]
    out = set()
    for v in values:
        if key == "IS_SPACE":
            if not isinstance(v, bool):
                raise UnsupportedRule(f"IS_SPACE needs a bool, got {v!r}")
            out.add(int(v))
        elif isinstance(v, str):
            out.add(vocab.strings.add(v) if v else 0)
        else:
            raise UnsupportedRule(f"{key} value {v!r} is not a string")
    return frozenset(out)


def _token_test(vocab: Vocab, spec: dict[str, Any]) -> TokenTest:
    accept: list[tuple[int, frozenset[int]]] = []
    refuse: list[tuple[int, frozenset[int]]] = []
    search: list[tuple[int, re.Pattern[str]]] = []
    for key, value in spec.items():
        key = key.upper()
        if key not in TESTED:
            raise UnsupportedRule(f"pattern key {key!r}")
        column = READ_COLUMNS.index(TESTED[key])
        if isinstance(value, dict):
            for op, operand in value.items():
                if op == "IN":
                    accept.append((column, _value_hashes(vocab, key, list(operand))))
                elif op == "NOT_IN":
                    refuse.append((column, _value_hashes(vocab, key, list(operand))))
                elif op == "REGEX" and key != "IS_SPACE":
                    search.append((column, re.compile(operand)))
                else:
                    raise UnsupportedRule(f"pattern operator {op!r}")
        else:
            accept.append((column, _value_hashes(vocab, key, value)))
    return TokenTest(tuple(accept), tuple(refuse), tuple(search))


def compile_rules(ruler: AttributeRuler) -> list[Rule]:
    """The stock ruler's rules, in its order; UnsupportedRule if one cannot be expressed."""
    rules = []
    vocab = ruler.vocab
    for i, entry in enumerate(ruler.patterns):
        patterns: list[tuple[TokenTest, ...]] = []
        for specs in cast(list[list[dict[str, Any]]], entry["patterns"]):
            if not specs:
                raise UnsupportedRule("empty pattern")
            patterns.append(tuple(_token_test(vocab, spec) for spec in specs))
        index = ruler.indices[i]
        for tests in patterns:
            if not -len(tests) <= index < len(tests):
                raise UnsupportedRule(f"index {index} outside a pattern of {len(tests)} tokens")
        attrs = []
        for attr, value in ruler.attrs[i].items():  # the stock ruler's own normalised values
            if attr not in WRITTEN:
                raise UnsupportedRule(f"sets attribute {attr}")
            attrs.append((WRITE_COLUMNS.index(attr), int(value)))
        rules.append(Rule(tuple(patterns), index, tuple(attrs)))
    return rules


class RowRules(NamedTuple):
    """The one-token rules a token row passes, resolved once per distinct row."""

    assign: tuple[tuple[int, int], ...]  # (written column position, value), the last rule's
    rules: tuple[int, ...]
    multi_starts: tuple[int, ...]  # multi-token patterns whose first token the row passes


class ArrayAttributeRuler(PerDocComponent):
    """The stock attribute ruler's effect, computed on arrays (see module doc)."""

    def __init__(self, strings: StringStore, rules: Sequence[Rule] = ()) -> None:
        self.strings = strings
        self.load(rules)

    def load(self, rules: Sequence[Rule]) -> None:
        """Take these rules, in the stock ruler's order, and index their first tokens."""
        self.rules = tuple(rules)
        self._multi = [
            (r, p, rule.index) for r, rule in enumerate(self.rules) for p in rule.patterns if len(p) > 1
        ]
        # Each pattern's first-token test, indexed on its most selective accepted
        # column, so a token is tested only against the few rules that can pass.
        # Entries are (rule, multi pattern number or -1 for one-token, test).
        self._index: dict[tuple[int, int], list[tuple[int, int, TokenTest]]] = {}
        self._unindexed: list[tuple[int, int, TokenTest]] = []
        firsts = [(r, -1, p[0]) for r, rule in enumerate(self.rules) for p in rule.patterns if len(p) == 1]
        firsts += [(r, m, p[0]) for m, (r, p, _) in enumerate(self._multi)]
        for entry in firsts:
            test = entry[2]
            if not test.accept:
                self._unindexed.append(entry)
                continue
            column, values = min(test.accept, key=lambda cv: len(cv[1]))
            for value in values:
                self._index.setdefault((column, value), []).append(entry)
        self._rows: dict[tuple[int, ...], RowRules] = {}

    def _row_rules(self, row: tuple[int, ...]) -> RowRules:
        """The one-token rules and multi-token starts a token row passes (cached per row)."""
        known = self._rows.get(row)
        if known is not None:
            return known
        candidates = list(self._unindexed)
        for column, value in enumerate(row):
            candidates.extend(self._index.get((column, value), ()))
        rules: set[int] = set()
        starts: set[int] = set()
        for r, m, test in candidates:
            if test.passes(row, self.strings):
                if m < 0:
                    rules.add(r)
                else:
                    starts.add(m)
        known = RowRules(self._assignments(rules), tuple(sorted(rules)), tuple(sorted(starts)))
        if len(self._rows) >= ROW_CACHE_SIZE:  # a long stream keeps meeting new words
            self._rows.clear()
        self._rows[row] = known
        return known

    def _assignments(self, rules: Iterable[int]) -> tuple[tuple[int, int], ...]:
        """What these rules set, applied in order: the last one setting a column wins."""
        final: dict[int, int] = {}
        for r in sorted(rules):
            final.update(self.rules[r].attrs)
        return tuple(final.items())

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        rows = list(map(tuple, doc.to_array(list(READ_COLUMNS)).tolist()))
        found = [self._row_rules(row) for row in rows]
        # multi-token rules all match on the untouched rows, before anything is set
        extra: dict[int, set[int]] = {}
        for start, row_rules in enumerate(found):
            for m in row_rules.multi_starts:
                r, pattern, index = self._multi[m]
                width = len(pattern)
                if start + width <= n and all(
                    pattern[k].passes(rows[start + k], self.strings) for k in range(1, width)
                ):
                    extra.setdefault(start + index if index >= 0 else start + width + index, set()).add(r)
        out = doc.to_array(list(WRITE_COLUMNS)).tolist()
        for i, row_rules in enumerate(found):
            assign = row_rules.assign if i not in extra else self._assignments({*row_rules.rules, *extra[i]})
            values = out[i]
            for column, value in assign:
                values[column] = value
        doc.from_array(list(WRITE_COLUMNS), cast(Any, numpy.array(out, dtype=numpy.uint64)))
        return doc


def use_array_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap the pipeline's attribute ruler for its array form; False if it keeps the stock one."""
    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if not isinstance(stock, AttributeRuler):
        return False
    try:
        rules = compile_rules(stock)
    except UnsupportedRule:
        return False
    component = nlp.replace_pipe(name, "array_attribute_ruler")
    assert isinstance(component, ArrayAttributeRuler)
    component.load(rules)
    return True


@Language.factory("array_attribute_ruler")
def make_array_attribute_ruler(nlp: Language, name: str) -> ArrayAttributeRuler:
    """An empty ruler; `use_array_ruler` fills it with the stock ruler's rules."""
    return ArrayAttributeRuler(nlp.vocab.strings)
