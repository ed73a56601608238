"""Recognise boilerplate lines by the rules of data/boilerplate.yaml.

The rules are data, not code, so a new kind of page furniture is handled by
adding a pattern (with its reason) rather than by editing the cleaner.  Each
rule matches whole lines only: a rule can remove a line, never part of one,
which keeps the cleaned text a verbatim subset of the input's lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

DATA_FILE = "boilerplate.yaml"
_VOCAB_REF = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Rule:
    """One kind of boilerplate line."""

    name: str
    why: str
    max_words: int
    patterns: tuple[re.Pattern[str], ...]
    on_html: bool = True

    def matches(self, line: str) -> bool:
        if len(line.split()) > self.max_words:
            return False
        return any(p.fullmatch(line) for p in self.patterns)


class BoilerplateDataError(ValueError):
    """data/boilerplate.yaml is malformed (a packaging error, not bad input)."""


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


def _expand(pattern: str, vocab: dict[str, str], rule: str) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in vocab:
            raise BoilerplateDataError(f"rule {rule!r}: unknown vocab list {{{name}}}")
        return vocab[name]

    return _VOCAB_REF.sub(sub, pattern)


def parse_rules(data: dict[str, Any]) -> tuple[Rule, ...]:
    """Build the rules from the parsed YAML document (validated, patterns compiled)."""
    vocab_lists = data.get("vocab") or {}
    vocab = {name: _alternation([str(w) for w in words]) for name, words in vocab_lists.items()}
    rules: list[Rule] = []
    for entry in data.get("rules") or []:
        try:
            name = str(entry["name"])
            flags = 0 if entry.get("case_sensitive", False) else re.IGNORECASE
            patterns = tuple(re.compile(_expand(p, vocab, name), flags) for p in entry["patterns"])
            rules.append(
                Rule(
                    name=name,
                    why=str(entry.get("why", "")),
                    max_words=int(entry["max_words"]),
                    patterns=patterns,
                    on_html=bool(entry.get("html", True)),
                )
            )
        except (KeyError, TypeError, re.error) as e:
            raise BoilerplateDataError(f"{DATA_FILE}: bad rule {entry!r}: {e}") from e
    return tuple(rules)


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """The rules of the packaged data file, parsed once per process."""
    text = resources.files("peacewire.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_rules(yaml.safe_load(text))


def match_rule(line: str, *, from_html: bool = False) -> Rule | None:
    """The first rule that says `line` (already stripped) is boilerplate, else None."""
    if not line:
        return None
    for rule in load_rules():
        if from_html and not rule.on_html:
            continue
        if rule.matches(line):
            return rule
    return None
