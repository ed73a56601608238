"""How many gold quote speakers of the dev set the actor table can name.

    .venv/bin/python bench/actors_dev.py [DEV_DIR] [-v]

For every dev article (read through the project's ingest, as extraction
reads it), the article's cleaned text is parsed once, an actor table is
built, and each gold quote speaker (not null) counts as covered when some
actor of the table matches it by the official scorer's `names_match`.  This
measures recall of the actor inventory only (not speaker attribution).  A
second figure also resolves the subject of every reporting verb (and the
object of "according to") through `ActorTable.resolve`, as speaker
attribution does, since some actors ("local authorities" -> the city's
administration) only come into being when a phrase is resolved.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from peacewire.extract.actors import build_actor_table
from peacewire.extract.gazetteer import load_gazetteer
from peacewire.ingest import read_inputs
from peacewire.nlp import load_pipeline
from peacewire.records import Article

REPORTING = frozenset(
    "say tell add report state claim announce write warn accuse insist deny confirm note estimate believe "
    "reveal stress explain argue suggest urge declare post".split()
)
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT.parent / "shared" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def _names_match():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("pw_official_score", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.names_match


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    dev = Path(args[0]) if args else DEFAULT_DEV
    names_match = _names_match()
    nlp = load_pipeline()
    gaz = load_gazetteer()
    golds = sorted(dev.glob("*.gold.json"))
    articles = {}
    for item in read_inputs([str(dev)]):
        if isinstance(item, Article):
            articles[item.id] = item
        else:
            print(f"skipped: {item.source}: {item.reason}", file=sys.stderr)
    golds = [g for g in golds if g.name.split(".")[0] in articles]
    chosen = [articles[g.name.split(".")[0]] for g in golds]
    texts = [a.text for a in chosen]
    metas = [{"published": a.published} for a in chosen]
    total = covered = covered_resolved = 0
    actor_total = actor_hit = 0
    for g, doc, meta in zip(golds, nlp.pipe(texts), metas, strict=True):
        gold = json.loads(g.read_text(encoding="utf-8"))
        table = build_actor_table(doc, gaz, published=meta.get("published") or gold.get("published"))
        names = [a.name for a in table.actors]
        resolved = []
        for tok in doc:
            subj = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in REPORTING
            according = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
            if subj or according:
                actor = table.resolve(doc[tok.left_edge.i : tok.i + 1])
                if actor is not None:
                    resolved.append(actor.name)
        speakers = sorted({q["speaker"] for q in gold["quotes"] if q["speaker"]})
        for sp in speakers:
            total += 1
            ok = any(names_match(n, sp, gold["actors"]) for n in names)
            ok2 = ok or any(names_match(n, sp, gold["actors"]) for n in resolved)
            covered += ok
            covered_resolved += ok2
            if verbose and not ok2:
                print(f"{gold['id']}: speaker not in table: {sp!r}")
        for a in gold["actors"]:
            actor_total += 1
            ok = any(names_match(n, a["name"], gold["actors"]) for n in names)
            actor_hit += ok
            if verbose and not ok:
                print(f"{gold['id']}: gold actor not in table: {a['name']!r} ({a['type']})")
        if verbose:
            print(f"{gold['id']}: table: {names}")
    print(f"speakers covered by the built table: {covered}/{total} = {covered / max(total, 1):.1%}")
    print(
        "speakers covered after resolving reporting-verb subjects: "
        f"{covered_resolved}/{total} = {covered_resolved / max(total, 1):.1%}"
    )
    print(f"gold actors covered: {actor_hit}/{actor_total} = {actor_hit / max(actor_total, 1):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
