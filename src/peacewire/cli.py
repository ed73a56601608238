"""The command line: `peacewire extract` and `peacewire eval`.

Deliberately thin: it parses arguments, loads the pipeline once, wires the
stages together and reports.  Reading is `peacewire.ingest`, extraction
`peacewire.extract`, the batch loop `peacewire.batch`, writing
`peacewire.store`, scoring `peacewire.evaluation`.

Records go to standard output (or -o); everything meant for a person
(progress, failures, the summary) goes to standard error, so the output can
be piped without being polluted.
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from spacy.language import Language

from peacewire import __version__
from peacewire.batch import BatchExtractor, BatchStats, extract_batch
from peacewire.evaluation.files import EvaluationInputError, load_gold_cases
from peacewire.evaluation.report import print_report
from peacewire.evaluation.run import evaluate_cases
from peacewire.extract import Extractor
from peacewire.ingest import read_inputs
from peacewire.nlp import load_pipeline
from peacewire.records import Failure
from peacewire.store import JsonlWriter

EXIT_OK = 0
EXIT_FAILURES = 1
"""The batch ran to the end, but some inputs produced no record."""
EXIT_USAGE = 2
"""Nothing was done: bad arguments, a missing path, no article to read."""
EXIT_FATAL = 3
"""The run could not start or was cut short (e.g. the spaCy model is missing)."""

EXIT_INTERRUPTED = 130
"""Stopped by Ctrl-C; what was written so far is complete lines."""
EXIT_BROKEN_PIPE = 141
"""The reader of standard output closed it (128 + SIGPIPE, as shell tools report)."""

EXIT_STATUS_HELP = (
    "Exit status: 0 every input gave a record; "
    "1 the batch completed but some inputs failed (each is named on stderr and written to --errors); "
    "2 usage error (bad option, no such path, no article found, output folder missing); "
    "3 the run could not start or complete (e.g. the spaCy model is not installed); "
    "130 interrupted (what was written is whole lines)."
)
EVAL_STATUS_HELP = (
    "Exit status: 0 every gold was scored against an extraction; "
    "1 scored, but some golds had no article or their extraction failed (they count as empty); "
    "2 usage error (no such folder, no *.gold.json, unreadable gold); "
    "3 the run could not start or complete."
)

app = typer.Typer(
    name="peacewire",
    help="Evidence from news about wars and peace negotiations: quotes, positions and events.",
    no_args_is_help=True,
    add_completion=False,
)


@dataclass
class AppState:
    """What one invocation shares between commands: the pipeline, loaded at most once.

    Tests (or a host program) pass an `AppState` with a pipeline already
    loaded as the Click context object, so nothing is loaded twice.
    """

    nlp: Language | None = None
    make_extractor: Callable[[Language], BatchExtractor] = Extractor
    """Builds the extractor from the pipeline; a test may wrap the real one."""

    def pipeline(self) -> Language:
        if self.nlp is None:
            self.nlp = load_pipeline()
        return self.nlp


def _version(value: bool) -> None:
    if value:
        typer.echo(f"peacewire {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Evidence from news about wars and peace negotiations: quotes, positions and events."""
    ctx.ensure_object(AppState)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def failure_message(failure: Failure) -> str:
    """One line naming the failed record (id and where it came from) and the reason."""
    name = failure.id or "(no id)"
    where = f" [{failure.source}]" if failure.source else ""
    reason = " ".join(failure.reason.split())
    return f"failed: {name}{where}: {reason}"


def _usage_error(err: Console, message: str) -> typer.Exit:
    err.print(f"peacewire: error: {message}", markup=False)
    return typer.Exit(EXIT_USAGE)


def _check_output_path(err: Console, path: Path | None, option: str) -> None:
    if path is not None and not path.parent.is_dir():
        raise _usage_error(err, f"{option} {path}: folder {path.parent} does not exist")


def _extractor(err: Console, state: AppState) -> BatchExtractor:
    """The extractor over the (once-loaded) pipeline; a missing model ends the run with EXIT_FATAL."""
    try:
        return state.make_extractor(state.pipeline())
    except (RuntimeError, OSError) as e:
        err.print(f"peacewire: fatal: {e}", markup=False)
        raise typer.Exit(EXIT_FATAL) from e


def _progress(err: Console, label: str) -> Progress:
    """A progress bar on stderr, shown only when stderr is a terminal (never in a log or pipe)."""
    return Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


@app.command(epilog=EXIT_STATUS_HELP)
def extract(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            show_default=False,
            help="Articles: .txt/.html/.htm files (NAME.meta.json beside one adds its metadata), "
            "folders (read recursively), .jsonl feeds, or - for JSON Lines on stdin.",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="Write the records here (default: stdout)."),
    ] = None,
    errors: Annotated[
        Path | None,
        typer.Option("--errors", dir_okay=False, help="Write one JSON line per failed input here."),
    ] = None,
) -> None:
    """Extract actors, quotes, positions and events: one JSON line per article.

    Failures are named on stderr, one line each, and the batch goes on.
    """
    err = _stderr()
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        raise _usage_error(err, f"no such file or folder: {', '.join(missing)}")
    _check_output_path(err, output, "--output")
    _check_output_path(err, errors, "--errors")
    if output is not None and errors is not None and output.resolve() == errors.resolve():
        raise _usage_error(err, "--output and --errors must be different files")
    extractor = _extractor(err, ctx.ensure_object(AppState))

    stats = BatchStats()
    started = time.monotonic()
    out = JsonlWriter(output)
    try:
        with ExitStack() as stack:
            stack.enter_context(out)
            errs = stack.enter_context(JsonlWriter(errors)) if errors is not None else None
            progress = stack.enter_context(_progress(err, "extracting"))
            task = progress.add_task("extract", total=None)
            for item in extract_batch(read_inputs(paths), extractor, stats):
                if isinstance(item, Failure):
                    progress.console.print(failure_message(item), markup=False)
                    if errs is not None:
                        errs.write(item.to_json())
                else:
                    out.write(item.to_json())
                progress.advance(task)
    except BrokenPipeError as e:
        # the reader of stdout went away (e.g. `| head`): stop quietly, as shell tools do
        _silence_stdout()
        raise typer.Exit(EXIT_BROKEN_PIPE) from e
    except OSError as e:
        err.print(f"peacewire: fatal: {e}", markup=False)
        raise typer.Exit(EXIT_FATAL) from e
    except KeyboardInterrupt as e:
        summary = _extract_summary(stats, out.where, errors, time.monotonic() - started)
        err.print(f"peacewire: interrupted; {summary.removeprefix('peacewire: ')}", markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from e

    if stats.inputs == 0:
        raise _usage_error(err, f"no articles found in {' '.join(paths)}")
    err.print(_extract_summary(stats, out.where, errors, time.monotonic() - started), markup=False)
    raise typer.Exit(EXIT_FAILURES if stats.failures else EXIT_OK)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush does not complain about the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _extract_summary(stats: BatchStats, written_to: str, errors: Path | None, seconds: float) -> str:
    rate = f", {stats.articles / seconds:.1f} articles/s" if seconds > 0 and stats.articles else ""
    parts = [
        f"{stats.inputs} input(s) read ({stats.articles} article(s))",
        f"{stats.records} record(s) written to {written_to}",
    ]
    if stats.failures:
        detail = f"{stats.ingest_failures} unreadable, {stats.extract_failures} failed extraction"
        where = f"written to {errors}" if errors is not None else "listed above; --errors FILE keeps them"
        parts.append(f"{stats.failures} failure(s) ({detail}), {where}")
    else:
        parts.append("no failures")
    return f"peacewire: {'; '.join(parts)} [{seconds:.1f} s{rate}]"


@app.command("eval", epilog=EVAL_STATUS_HELP)
def evaluate(
    ctx: typer.Context,
    gold_dir: Annotated[
        Path,
        typer.Argument(
            exists=True,
            file_okay=False,
            metavar="GOLD_DIR",
            show_default=False,
            help="Folder of NAME.gold.json files, each beside its article "
            "NAME.txt/.html/.htm (+ NAME.meta.json).",
        ),
    ],
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every miss, spurious item and wrong value.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print only the metrics, as one JSON object.")
    ] = False,
    predictions_out: Annotated[
        Path | None,
        typer.Option("--predictions-out", dir_okay=False, help="Also write the extraction records here."),
    ] = None,
) -> None:
    """Extract the articles of a gold folder and score them (the official scorer's metrics).

    The extraction goes through the same path as `peacewire extract`.
    """
    err = _stderr()
    _check_output_path(err, predictions_out, "--predictions-out")
    try:
        cases = load_gold_cases(gold_dir)
    except EvaluationInputError as e:
        raise _usage_error(err, str(e)) from e
    extractor = _extractor(err, ctx.ensure_object(AppState))

    with _progress(err, "evaluating") as progress:
        task = progress.add_task("eval", total=len(cases))
        result = evaluate_cases(cases, extractor, on_extracted=lambda _name: progress.advance(task))
    for failure in result.failures:
        err.print(failure_message(failure), markup=False)
    if predictions_out is not None:
        try:
            with JsonlWriter(predictions_out) as writer:
                for record in result.predictions:
                    writer.write(record)
        except OSError as e:
            err.print(f"peacewire: fatal: {e}", markup=False)
            raise typer.Exit(EXIT_FATAL) from e

    metrics = result.evaluation.metrics
    if as_json:
        sys.stdout.write(json.dumps(metrics) + "\n")
    else:
        print_report(Console(highlight=False), metrics, result.evaluation.findings, verbose=verbose)
    raise typer.Exit(EXIT_FAILURES if result.failures or metrics["missing_predictions"] else EXIT_OK)
