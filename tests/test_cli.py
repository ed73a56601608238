"""The command line, end to end, on small articles we wrote ourselves.

The pipeline is the session's (`nlp` fixture), handed to the CLI through its
context object, so no command here loads spaCy again.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from peacewire import __version__, cli
from peacewire.cli import AppState, app
from peacewire.evaluation import score_pairs
from peacewire.extract import Extractor
from peacewire.records import Article, ExtractionRecord

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT.parent / "shared" / "spec" / "gold.schema.json"
SCORE_PY = ROOT.parent / "shared" / "eval" / "score.py"

# Articles in our own words (invented events, names of real states only).
HARBOUR = (
    "Ukraine's foreign minister said on Monday that Kyiv would not accept a ceasefire that left "
    'Russian troops on its land. "We will not swap territory for a pause in the fighting," the '
    "minister told reporters after meeting European envoys. Russia's defence ministry said its "
    "forces had struck a fuel depot near Kharkiv overnight, and regional officials said two people "
    "were injured.\n"
)
GRAIN = (
    "Turkey offered on Thursday to host a new round of talks on grain shipments across the Black "
    "Sea. The Turkish president said both sides had signalled they were ready to meet, although "
    'neither government confirmed it. "Ships must be able to sail without fear," he said at a '
    "news conference in Ankara.\n"
)
AID = (
    "Germany will send more air-defence systems to Ukraine before winter, the German defence "
    "minister announced on Friday. He said the systems would protect power stations that have "
    "been hit repeatedly. Moscow criticised the decision and said it would only prolong the war.\n"
)
SANCTIONS = (
    "European Union governments agreed on Wednesday to extend economic sanctions on Russia for "
    "another six months. Hungary had threatened to block the extension but dropped its objection "
    "after two days of negotiations, diplomats said.\n"
)


def write_corpus(folder: Path) -> None:
    """Three articles: a .txt with a sidecar, a .txt without, and a .jsonl feed of one."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "harbour.meta.json").write_text(
        json.dumps({"published": "2024-05-06", "outlet": "Our Test Wire", "url": "https://example.org/h"}),
        encoding="utf-8",
    )
    (folder / "grain.txt").write_text(GRAIN, encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({"id": "aid", "text": AID}) + "\n", encoding="utf-8")


class FailingExtractor(Extractor):
    """The real extractor, except that it fails on articles mentioning Hungary."""

    def extract_doc(self, article: Article, doc: Doc) -> ExtractionRecord:
        if "Hungary" in article.text:
            raise ValueError("test failure on purpose")
        return super().extract_doc(article, doc)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def state(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> AppState:
    """A CLI state holding the session pipeline; loading another one would fail the test."""

    def no_second_load(*_args: Any, **_kwargs: Any) -> Language:
        raise AssertionError("the CLI loaded the pipeline again instead of using the given one")

    monkeypatch.setattr(cli, "load_pipeline", no_second_load)
    return AppState(nlp=nlp)


def invoke(runner: CliRunner, state: AppState, *args: str) -> Result:
    return runner.invoke(app, list(args), obj=state)


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def extracted_twice(
    corpus: Path, nlp: Language, runner: CliRunner, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Result, Result, Path]:
    """`extract` run twice on the same corpus: once to stdout, once to a file."""
    out = tmp_path_factory.mktemp("out") / "records.jsonl"
    state = AppState(nlp=nlp)
    to_stdout = runner.invoke(app, ["extract", str(corpus)], obj=state)
    to_file = runner.invoke(app, ["extract", str(corpus), "-o", str(out)], obj=state)
    return to_stdout, to_file, out


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"peacewire {__version__}"


def test_extract_writes_one_record_per_article(extracted_twice: tuple[Result, Result, Path]) -> None:
    result, _, _ = extracted_twice
    assert result.exit_code == 0, result.stderr
    records = lines(result.stdout)
    assert sorted(r["id"] for r in records) == ["aid", "grain", "harbour"]
    by_id = {r["id"]: r for r in records}
    assert by_id["harbour"]["published"] == "2024-05-06"
    assert by_id["harbour"]["outlet"] == "Our Test Wire"
    for record in records:
        assert record["text"].strip(), record["id"]
        for key in ("actors", "quotes", "positions", "events"):
            assert isinstance(record[key], list)
        for item in record["quotes"] + record["positions"] + record["events"]:
            start, end = item["span"]
            assert 0 <= start < end <= len(record["text"])


def test_extract_records_follow_the_gold_schema(extracted_twice: tuple[Result, Result, Path]) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA} is absent: schema check needs shared/spec")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for record in lines(extracted_twice[0].stdout):
        jsonschema.validate(record, schema)


def test_extract_summary_goes_to_stderr(extracted_twice: tuple[Result, Result, Path]) -> None:
    to_stdout, to_file, out = extracted_twice
    assert "3 record(s) written to standard output" in to_stdout.stderr
    assert f"3 record(s) written to {out}" in to_file.stderr
    assert "no failures" in to_file.stderr
    assert to_file.stdout == ""


def test_extract_output_is_deterministic(extracted_twice: tuple[Result, Result, Path]) -> None:
    to_stdout, to_file, out = extracted_twice
    assert to_file.exit_code == 0
    assert out.read_bytes() == to_stdout.stdout_bytes
    assert out.read_bytes().endswith(b"\n") and b"\r" not in out.read_bytes()


def test_extract_keeps_non_ascii_text_as_utf8(runner: CliRunner, state: AppState, tmp_path: Path) -> None:
    (tmp_path / "kyiv.txt").write_text(
        "Officials in Kyïv said on Sunday that the talks in Genève had ended without an agreement, "
        "and that a new meeting would be arranged “as soon as possible”.\n",
        encoding="utf-8",
    )
    result = invoke(runner, state, "extract", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "Genève".encode() in result.stdout_bytes
    assert b"\\u" not in result.stdout_bytes


def test_extract_reports_failures_and_goes_on(nlp: Language, runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "grain.txt").write_text(GRAIN, encoding="utf-8")
    (folder / "mixed.jsonl").write_text(
        "{this is not json\n"
        + json.dumps({"id": "no-body", "title": "A record with neither text nor html"})
        + "\n"
        + json.dumps({"id": "sanctions", "text": SANCTIONS})
        + "\n"
        + json.dumps({"id": "aid", "text": AID})
        + "\n",
        encoding="utf-8",
    )
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    state = AppState(nlp=nlp, make_extractor=FailingExtractor)
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--errors", str(errors)], obj=state)

    assert result.exit_code == cli.EXIT_FAILURES, result.stderr
    assert sorted(r["id"] for r in lines(out.read_text(encoding="utf-8"))) == ["aid", "grain"]
    failed = lines(errors.read_text(encoding="utf-8"))
    assert len(failed) == 3
    assert all(f["reason"] and f["source"] for f in failed)
    assert {"no-body", "sanctions"} <= {f["id"] for f in failed}
    assert any("mixed.jsonl" in f["source"] and f["id"] not in ("no-body", "sanctions") for f in failed)
    assert "test failure on purpose" in next(f["reason"] for f in failed if f["id"] == "sanctions")
    # each failure is one line on stderr naming the record and the reason
    failure_lines = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert len(failure_lines) == 3
    assert any(
        line.startswith("failed: sanctions") and "test failure on purpose" in line for line in failure_lines
    )
    assert "3 failure(s) (2 unreadable, 1 failed extraction), written to" in result.stderr
    assert "2 record(s) written" in result.stderr


def test_extract_missing_path_is_a_usage_error(runner: CliRunner, state: AppState, tmp_path: Path) -> None:
    result = invoke(runner, state, "extract", str(tmp_path / "nowhere.txt"))
    assert result.exit_code == cli.EXIT_USAGE
    assert "nowhere.txt" in result.stderr


def test_extract_missing_output_folder_is_a_usage_error(
    runner: CliRunner, state: AppState, corpus: Path, tmp_path: Path
) -> None:
    result = invoke(runner, state, "extract", str(corpus), "-o", str(tmp_path / "no" / "such" / "out.jsonl"))
    assert result.exit_code == cli.EXIT_USAGE
    assert "does not exist" in result.stderr


def test_extract_nothing_to_read_is_a_usage_error(runner: CliRunner, state: AppState, tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an article format\n", encoding="utf-8")
    result = invoke(runner, state, "extract", str(tmp_path))
    assert result.exit_code == cli.EXIT_USAGE
    assert "no articles found" in result.stderr


def test_extract_reads_stdin_feed(runner: CliRunner, state: AppState) -> None:
    feed = json.dumps({"id": "from-stdin", "text": GRAIN}) + "\n"
    result = runner.invoke(app, ["extract", "-"], input=feed, obj=state)
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in lines(result.stdout)] == ["from-stdin"]


def test_help_documents_exit_status(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "Exit status" in result.stdout and "usage error" in result.stdout


# --- eval -------------------------------------------------------------------------------------


def gold_for_grain() -> dict[str, Any]:
    """A gold annotation of GRAIN, written by hand."""
    return {
        "id": "grain",
        "published": None,
        "actors": [
            {"name": "Turkey", "aliases": ["Turkish"], "type": "state", "country": "TUR"},
            {"name": "Recep Tayyip Erdogan", "aliases": ["the Turkish president"], "type": "person"},
        ],
        "quotes": [
            {
                "speaker": "Recep Tayyip Erdogan",
                "text": "both sides had signalled they were ready to meet",
                "kind": "indirect",
            },
            {
                "speaker": "Recep Tayyip Erdogan",
                "text": "Ships must be able to sail without fear,",
                "kind": "direct",
            },
        ],
        "positions": [{"holder": "Turkey", "issue": "negotiations", "stance": "support", "qualifiers": []}],
        "events": [],
    }


@pytest.fixture(scope="module")
def gold_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gold")
    (folder / "grain.txt").write_text(GRAIN, encoding="utf-8")
    (folder / "grain.gold.json").write_text(json.dumps(gold_for_grain()), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def evaluated(
    gold_dir: Path, nlp: Language, runner: CliRunner, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Result, Path]:
    predictions = tmp_path_factory.mktemp("eval") / "pred.jsonl"
    result = runner.invoke(
        app, ["eval", str(gold_dir), "--json", "--predictions-out", str(predictions)], obj=AppState(nlp=nlp)
    )
    return result, predictions


def test_eval_json_scores_the_extraction(evaluated: tuple[Result, Path], gold_dir: Path) -> None:
    result, predictions = evaluated
    assert result.exit_code == 0, result.stderr
    metrics = json.loads(result.stdout)
    [record] = lines(predictions.read_text(encoding="utf-8"))
    assert record["id"] == "grain"
    expected = score_pairs([(gold_for_grain(), record)]).metrics
    assert metrics == expected
    assert metrics["articles"] == 1 and metrics["missing_predictions"] == []
    assert metrics["quotes"]["gold"] == 2 and metrics["quotes"]["pred"] == len(record["quotes"])


def test_eval_json_equals_official_scorer(evaluated: tuple[Result, Path], gold_dir: Path) -> None:
    if not SCORE_PY.is_file():
        pytest.skip(f"{SCORE_PY} is absent: comparison needs the official scorer")
    result, predictions = evaluated
    official = subprocess.run(
        [sys.executable, str(SCORE_PY), str(gold_dir), str(predictions), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == json.loads(official.stdout)


def test_eval_table_and_verbose(runner: CliRunner, state: AppState, tmp_path: Path) -> None:
    gold = gold_for_grain()
    gold["quotes"].append(
        {"speaker": "Turkey", "text": "an invented quote nobody printed", "kind": "partial"}
    )
    (tmp_path / "grain.txt").write_text(GRAIN, encoding="utf-8")
    (tmp_path / "grain.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = invoke(runner, state, "eval", str(tmp_path), "--verbose")
    assert result.exit_code == 0, result.stderr
    for label in ("quotes (detection)", "quotes (end to end)", "positions", "attacks", "arms transfers"):
        assert label in result.stdout
    for label in ("speaker accuracy", "killed exact", "transfer quantity", "overall", "quote recall, direct"):
        assert label in result.stdout
    assert "grain: missed partial quote 'an invented quote nobody printed'" in result.stdout


def test_eval_reports_missing_article(runner: CliRunner, state: AppState, tmp_path: Path) -> None:
    (tmp_path / "lost.gold.json").write_text(json.dumps(dict(gold_for_grain(), id="lost")), encoding="utf-8")
    result = invoke(runner, state, "eval", str(tmp_path), "--json")
    assert result.exit_code == cli.EXIT_FAILURES
    assert json.loads(result.stdout)["missing_predictions"] == ["lost"]
    assert "failed: lost" in result.stderr and "no article file" in result.stderr


def test_eval_without_gold_is_a_usage_error(runner: CliRunner, state: AppState, tmp_path: Path) -> None:
    result = invoke(runner, state, "eval", str(tmp_path))
    assert result.exit_code == cli.EXIT_USAGE
    assert "no *.gold.json" in result.stderr


def test_missing_model_is_fatal(runner: CliRunner, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing_model() -> Language:
        raise RuntimeError("spaCy model 'xx' is not installed")

    monkeypatch.setattr(cli, "load_pipeline", missing_model)
    result = runner.invoke(app, ["extract", str(corpus)], obj=AppState())
    assert result.exit_code == cli.EXIT_FATAL
    assert "is not installed" in result.stderr
