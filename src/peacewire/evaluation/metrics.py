"""Accuracy of extraction records against gold annotations.

The figures are the official scorer's (shared/eval/score.py), computed over
plain dicts so any records can be scored: a gold dict (gold.schema.json) and a
prediction dict (an extraction record of FORMATS.md).  Counts are summed over
articles and turned into micro-averaged metrics at the end, exactly as the
scorer does, rounding included, so the two always print the same numbers.

Besides the counts, scoring an article lists what went wrong in it
(`Finding`s): the scorer's own log lines, plus spurious attacks and missed or
spurious arms transfers, which it counts but does not list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from peacewire.evaluation.matching import QUOTE_MATCH, greedy, names_match, token_f1

QUOTE_KINDS = ("direct", "indirect", "partial")
CASUALTY_FIELDS = ("killed", "injured")

Category = Literal["quote", "position", "attack", "arms_transfer"]
Problem = Literal["missed", "spurious", "speaker", "killed", "injured", "quantity"]


@dataclass(frozen=True)
class Finding:
    """One thing the prediction got wrong, named so a reader can find it in the article."""

    article: str
    category: Category
    problem: Problem
    message: str
    """The line to print; for what the official scorer lists, the scorer's own wording."""


@dataclass
class ArticleScore:
    """The counts and findings of one article, to be summed over a corpus."""

    counts: Counter[str] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Evaluation:
    """The metrics of a set of articles, what went wrong, and which had no prediction."""

    metrics: dict[str, Any]
    findings: list[Finding]
    missing: list[str]


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    """Precision, recall and F1 (rounded to 4 places) with the counts they come from.

    Nothing predicted and nothing to find is a perfect score, as in the scorer.
    """
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def ratio(a: int, b: int) -> float | None:
    """a / b rounded to 4 places, or None when there is nothing to measure."""
    return round(a / b, 4) if b else None


def _items(record: Mapping[str, Any], key: str) -> list[Any]:
    return list(record.get(key) or [])


def _is_past(x: Mapping[str, Any]) -> bool:
    return "past" in (x.get("qualifiers") or [])


def _position_label(x: Mapping[str, Any]) -> str:
    return f"{x.get('holder')}/{x.get('issue')}/{x.get('stance')}{'/past' if _is_past(x) else ''}"


def _report_unmatched(
    out: ArticleScore,
    gid: str,
    category: Category,
    gold: list[Mapping[str, Any]],
    pred: list[Mapping[str, Any]],
    matched: list[tuple[int, int]],
    missed: Callable[[Mapping[str, Any]], str],
    spurious: Callable[[Mapping[str, Any]], str],
) -> None:
    """One finding per gold item left unmatched, then per predicted one (scorer's order)."""
    hit_g = {j for _, j in matched}
    hit_p = {i for i, _ in matched}
    for j, g in enumerate(gold):
        if j not in hit_g:
            out.findings.append(Finding(gid, category, "missed", f"{gid}: {missed(g)}"))
    for i, p in enumerate(pred):
        if i not in hit_p:
            out.findings.append(Finding(gid, category, "spurious", f"{gid}: {spurious(p)}"))


def score_article(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> ArticleScore:
    """Compare one article's prediction with its gold; an empty dict stands for no prediction."""
    out = ArticleScore()
    actors: Sequence[Mapping[str, Any]] = _items(gold, "actors")
    gid = str(gold["id"])
    _score_quotes(gid, _items(gold, "quotes"), _items(pred, "quotes"), actors, out)
    _score_positions(gid, _items(gold, "positions"), _items(pred, "positions"), actors, out)
    gold_events, pred_events = _items(gold, "events"), _items(pred, "events")
    _score_attacks(
        gid,
        [e for e in gold_events if e["type"] == "attack"],
        [e for e in pred_events if e.get("type") == "attack"],
        out,
    )
    _score_transfers(
        gid,
        [e for e in gold_events if e["type"] == "arms_transfer"],
        [e for e in pred_events if e.get("type") == "arms_transfer"],
        actors,
        out,
    )
    return out


def _score_quotes(
    gid: str,
    gq: list[Mapping[str, Any]],
    pq: list[Mapping[str, Any]],
    actors: Sequence[Mapping[str, Any]],
    out: ArticleScore,
) -> None:
    pairs = []
    for i, p in enumerate(pq):
        for j, g in enumerate(gq):
            s = token_f1(p.get("text", ""), g["text"])
            if s >= QUOTE_MATCH:
                pairs.append((s, i, j))
    matched = greedy(pairs)
    c = out.counts
    c["q_pred"] += len(pq)
    c["q_gold"] += len(gq)
    c["q_tp"] += len(matched)
    for kind in QUOTE_KINDS:
        c[f"q_gold_{kind}"] += sum(g["kind"] == kind for g in gq)
        c[f"q_tp_{kind}"] += sum(gq[j]["kind"] == kind for _, j in matched)
    for i, j in matched:
        if names_match(pq[i].get("speaker"), gq[j]["speaker"], actors):
            c["q_speaker_ok"] += 1
        else:
            msg = (
                f"{gid}: speaker {pq[i].get('speaker')!r} != {gq[j]['speaker']!r} for {gq[j]['text'][:60]!r}"
            )
            out.findings.append(Finding(gid, "quote", "speaker", msg))
    _report_unmatched(
        out,
        gid,
        "quote",
        gq,
        pq,
        matched,
        missed=lambda g: f"missed {g['kind']} quote {g['text'][:70]!r}",
        spurious=lambda p: f"spurious quote {str(p.get('text'))[:70]!r}",
    )


def _score_positions(
    gid: str,
    gp: list[Mapping[str, Any]],
    pp: list[Mapping[str, Any]],
    actors: Sequence[Mapping[str, Any]],
    out: ArticleScore,
) -> None:
    pairs = []
    for i, p in enumerate(pp):
        for j, g in enumerate(gp):
            if (
                p.get("issue") == g["issue"]
                and p.get("stance") == g["stance"]
                and _is_past(p) == _is_past(g)
                and names_match(p.get("holder"), g["holder"], actors)
            ):
                pairs.append((1.0, i, j))
    matched = greedy(pairs)
    c = out.counts
    c["p_pred"] += len(pp)
    c["p_gold"] += len(gp)
    c["p_tp"] += len(matched)
    _report_unmatched(
        out,
        gid,
        "position",
        gp,
        pp,
        matched,
        missed=lambda g: f"missed position {_position_label(g)}",
        spurious=lambda p: f"spurious position {_position_label(p)}",
    )


def _score_attacks(
    gid: str, ge: list[Mapping[str, Any]], pe: list[Mapping[str, Any]], out: ArticleScore
) -> None:
    pairs = []
    for i, p in enumerate(pe):
        for j, g in enumerate(ge):
            if g.get("location") and p.get("location") and names_match(p["location"], g["location"], []):
                pairs.append((1.0, i, j))
            elif not g.get("location") and not p.get("location"):
                # an attack placed nowhere can only pair with another placed nowhere, and ranks last
                pairs.append((0.5, i, j))
    matched = greedy(pairs)
    c = out.counts
    c["a_pred"] += len(pe)
    c["a_gold"] += len(ge)
    c["a_tp"] += len(matched)
    for i, j in matched:
        for name in CASUALTY_FIELDS:
            want, got = ge[j].get(name), pe[i].get(name)
            if want is None:
                continue
            c[f"a_{name}_gold"] += 1
            if got and got.get("value") == want["value"]:
                c[f"a_{name}_value"] += 1
                if got.get("qualifier") == want["qualifier"]:
                    c[f"a_{name}_exact"] += 1
            else:
                problem: Problem = "killed" if name == "killed" else "injured"
                msg = f"{gid}: {name} {got} != {want} at {ge[j].get('location')}"
                out.findings.append(Finding(gid, "attack", problem, msg))
    _report_unmatched(
        out,
        gid,
        "attack",
        ge,
        pe,
        matched,
        missed=lambda g: f"missed attack at {g.get('location')}",
        spurious=lambda p: f"spurious attack at {p.get('location')}",
    )


def _transfer_label(x: Mapping[str, Any]) -> str:
    return f"{x.get('supplier')} -> {x.get('recipient')}"


def _score_transfers(
    gid: str,
    gt: list[Mapping[str, Any]],
    pt: list[Mapping[str, Any]],
    actors: Sequence[Mapping[str, Any]],
    out: ArticleScore,
) -> None:
    pairs = []
    for i, p in enumerate(pt):
        for j, g in enumerate(gt):
            if names_match(p.get("supplier"), g.get("supplier"), actors) and names_match(
                p.get("recipient"), g.get("recipient"), actors
            ):
                pairs.append((1.0, i, j))
    matched = greedy(pairs)
    c = out.counts
    c["t_pred"] += len(pt)
    c["t_gold"] += len(gt)
    c["t_tp"] += len(matched)
    for i, j in matched:
        if gt[j].get("quantity"):
            c["t_qty_gold"] += 1
            got = (pt[i].get("quantity") or {}).get("value")
            if got == gt[j]["quantity"]["value"]:
                c["t_qty_ok"] += 1
            else:
                msg = f"{gid}: quantity {got} != {gt[j]['quantity']['value']} for {_transfer_label(gt[j])}"
                out.findings.append(Finding(gid, "arms_transfer", "quantity", msg))
    _report_unmatched(
        out,
        gid,
        "arms_transfer",
        gt,
        pt,
        matched,
        missed=lambda g: f"missed arms transfer {_transfer_label(g)}",
        spurious=lambda p: f"spurious arms transfer {_transfer_label(p)}",
    )


def metrics_from_counts(counts: Mapping[str, int], articles: int, missing: Sequence[str]) -> dict[str, Any]:
    """The metrics object of the official scorer's --json output, from summed counts."""
    t = Counter(counts)
    q = prf(t["q_tp"], t["q_pred"], t["q_gold"])
    q_e2e = prf(t["q_speaker_ok"], t["q_pred"], t["q_gold"])
    p = prf(t["p_tp"], t["p_pred"], t["p_gold"])
    at = prf(t["a_tp"], t["a_pred"], t["a_gold"])
    tr = prf(t["t_tp"], t["t_pred"], t["t_gold"])
    m: dict[str, Any] = {
        "articles": articles,
        "missing_predictions": list(missing),
        "quotes": q,
        "quotes_recall_by_kind": {k: ratio(t[f"q_tp_{k}"], t[f"q_gold_{k}"]) for k in QUOTE_KINDS},
        "speaker_accuracy": ratio(t["q_speaker_ok"], t["q_tp"]),
        "quotes_end_to_end": q_e2e,
        "positions": p,
        "attacks": at,
        "killed_exact": ratio(t["a_killed_exact"], t["a_killed_gold"]),
        "injured_exact": ratio(t["a_injured_exact"], t["a_injured_gold"]),
        "arms_transfers": tr,
        "transfer_quantity": ratio(t["t_qty_ok"], t["t_qty_gold"]),
    }
    m["overall"] = round((q_e2e["f1"] + p["f1"] + at["f1"]) / 3, 4)
    return m


def score_pairs(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any] | None]]) -> Evaluation:
    """Score (gold, prediction) pairs; a None prediction counts as an empty one and is listed as missing."""
    counts: Counter[str] = Counter()
    findings: list[Finding] = []
    missing: list[str] = []
    n = 0
    for gold, pred in pairs:
        n += 1
        if pred is None:
            missing.append(str(gold["id"]))
        result = score_article(gold, pred or {})
        counts.update(result.counts)
        findings.extend(result.findings)
    return Evaluation(metrics=metrics_from_counts(counts, n, missing), findings=findings, missing=missing)


def score_predictions(
    golds: Iterable[Mapping[str, Any]], predictions: Mapping[str, Mapping[str, Any]]
) -> Evaluation:
    """Score gold dicts against predictions keyed by article id (see `index_predictions`)."""
    return score_pairs((g, predictions.get(str(g["id"]))) for g in golds)
