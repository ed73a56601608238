"""Show what cleaning removes from article files: `python -m peacewire.ingest.audit PATH...`.

For reviewing the boilerplate rules on a new corpus: every removed line is
printed with the rule or structural reason that removed it, so a rule that
eats article text shows up at once.  Reads .txt/.html/.htm files (folders
recursively) the way `read_inputs` does, sidecars included.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from peacewire.ingest.prepare import CleanedRecord, clean_record
from peacewire.ingest.raw import InputError
from peacewire.ingest.sources import ARTICLE_SUFFIXES, raw_from_file


def article_files(paths: Sequence[str]) -> Iterator[Path]:
    """The article files named by `paths`, folders walked in sorted order."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            yield from sorted(
                f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(ARTICLE_SUFFIXES)
            )
        else:
            yield p


def audit(paths: Sequence[str]) -> Iterator[tuple[Path, CleanedRecord | str]]:
    """Each file with its cleaning result, or the reason it could not be read."""
    for f in article_files(paths):
        try:
            yield f, clean_record(raw_from_file(f))
        except (InputError, OSError) as e:
            yield f, str(e)


def main(argv: Sequence[str] | None = None) -> int:
    paths = list(sys.argv[1:] if argv is None else argv)
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    reasons: Counter[str] = Counter()
    for f, result in audit(paths):
        if isinstance(result, str):
            print(f"{f}: FAILED: {result}")
            continue
        c = result.cleaned
        print(f"{f}: title={c.title!r} tags={c.tags} dateline={c.published}")
        for r in c.removed:
            reasons[r.reason] += 1
            print(f"    - [{r.reason}] {r.line}")
    print("removed lines by reason: " + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
