"""Human-readable evaluation reports, as Rich tables and plain lines.

The metrics dict (see `metrics.metrics_from_counts`) is the single source: the
tables only lay it out, so what the table says and what `--json` prints can
never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from peacewire.evaluation.metrics import Finding

PRF_ROWS = (
    ("quotes", "quotes (detection)"),
    ("quotes_end_to_end", "quotes (end to end)"),
    ("positions", "positions"),
    ("attacks", "attacks"),
    ("arms_transfers", "arms transfers"),
)


def fmt_ratio(value: float | None) -> str:
    """A 0..1 figure with three decimals, or an em dash when there was nothing to measure."""
    return "—" if value is None else f"{value:.3f}"


def prf_table(metrics: Mapping[str, Any]) -> Table:
    """Precision / recall / F1 of each kind of item, with the counts behind them."""
    table = Table(title=f"peacewire evaluation — {metrics['articles']} articles", title_justify="left")
    table.add_column("items")
    for col in ("P", "R", "F1", "matched", "gold", "predicted"):
        table.add_column(col, justify="right")
    for key, label in PRF_ROWS:
        x = metrics[key]
        table.add_row(
            label,
            fmt_ratio(x["p"]),
            fmt_ratio(x["r"]),
            fmt_ratio(x["f1"]),
            str(x["tp"]),
            str(x["gold"]),
            str(x["pred"]),
        )
    return table


def detail_table(metrics: Mapping[str, Any]) -> Table:
    """The accuracies measured on matched items, and the overall score."""
    table = Table(show_header=True)
    table.add_column("measure")
    table.add_column("value", justify="right")
    for kind, value in metrics["quotes_recall_by_kind"].items():
        table.add_row(f"quote recall, {kind}", fmt_ratio(value))
    table.add_row("speaker accuracy (matched quotes)", fmt_ratio(metrics["speaker_accuracy"]))
    table.add_row("killed exact (matched attacks)", fmt_ratio(metrics["killed_exact"]))
    table.add_row("injured exact (matched attacks)", fmt_ratio(metrics["injured_exact"]))
    table.add_row("transfer quantity (matched transfers)", fmt_ratio(metrics["transfer_quantity"]))
    table.add_row(
        "[bold]overall[/bold] (mean F1: quotes e2e, positions, attacks)",
        f"[bold]{metrics['overall']:.4f}[/bold]",
    )
    return table


def finding_lines(findings: Iterable[Finding]) -> list[str]:
    """One line per miss, spurious item or wrong value, in article order."""
    return [f.message for f in findings]


def print_report(
    console: Console,
    metrics: Mapping[str, Any],
    findings: Sequence[Finding] = (),
    verbose: bool = False,
) -> None:
    """Print the metrics tables, the findings too when `verbose`, and which golds had no prediction."""
    if verbose and findings:
        console.rule("misses, spurious items and wrong values")
        for line in finding_lines(findings):
            console.print(line, markup=False, highlight=False, soft_wrap=True)
        console.print()
    console.print(prf_table(metrics))
    console.print(detail_table(metrics))
    missing = metrics["missing_predictions"]
    if missing:
        console.print(
            f"no prediction for {len(missing)} article(s), scored as empty: {' '.join(missing)}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
