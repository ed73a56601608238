"""read_inputs: every input kind, every bad input, id rules, determinism."""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import pytest

from peacewire.ingest import read_inputs
from peacewire.ingest.ids import content_id
from peacewire.ingest.limits import MAX_INPUT_BYTES
from peacewire.ingest.raw import InputError
from peacewire.ingest.sources import json_records
from peacewire.records import Article, Failure
from tests.ingest.texts import BODY_EN, SITE, TITLE, article_page


def _read(*paths: Path | str) -> list[Article | Failure]:
    return list(read_inputs([str(p) for p in paths]))


def _one(*paths: Path | str) -> Article | Failure:
    items = _read(*paths)
    assert len(items) == 1, items
    return items[0]


def _article(*paths: Path | str) -> Article:
    item = _one(*paths)
    assert isinstance(item, Article), item
    return item


def _failure(*paths: Path | str) -> Failure:
    item = _one(*paths)
    assert isinstance(item, Failure), item
    return item


def _jsonl(path: Path, *records: object) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    return path


# --- input kinds -----------------------------------------------------------


def test_txt_with_meta_sidecar(tmp_path: Path) -> None:
    (tmp_path / "talks.txt").write_text("Envoys meet again\n\n" + BODY_EN, encoding="utf-8")
    meta = {
        "url": "https://x.example/a",
        "published": "2024-06-14T10:00:00Z",
        "outlet": "Courier",
        "language": "en",
    }
    (tmp_path / "talks.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    a = _article(tmp_path / "talks.txt")
    assert (a.id, a.source, a.title) == ("talks", str(tmp_path / "talks.txt"), "Envoys meet again")
    assert (a.url, a.published, a.outlet, a.language) == (
        "https://x.example/a",
        "2024-06-14",
        "Courier",
        "en",
    )
    assert a.text == BODY_EN


def test_meta_title_and_id_win(tmp_path: Path) -> None:
    (tmp_path / "talks.txt").write_text(BODY_EN, encoding="utf-8")
    (tmp_path / "talks.meta.json").write_text(
        json.dumps({"id": "custom-7", "title": "Given title"}), encoding="utf-8"
    )
    a = _article(tmp_path / "talks.txt")
    assert (a.id, a.title) == ("custom-7", "Given title")


def test_html_file(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(article_page(), encoding="utf-8")
    a = _article(tmp_path / "page.html")
    assert (a.id, a.title, a.outlet, a.published) == ("page", TITLE, SITE, "2024-06-14")
    assert a.text.startswith("Negotiators from both delegations")


def test_jsonl_feed(tmp_path: Path) -> None:
    feed = _jsonl(
        tmp_path / "feed.jsonl",
        {"id": "one", "text": BODY_EN, "published": "14 June 2024"},
        "",
        {"text": BODY_EN.replace("Tuesday", "Wednesday")},
        {"id": "three", "html": article_page()},
    )
    items = _read(feed)
    one, two, three = articles = [x for x in items if isinstance(x, Article)]
    assert len(articles) == len(items), items
    assert (one.id, one.source, one.published) == ("one", f"{feed}:1", "2024-06-14")
    assert two.source == f"{feed}:3"
    assert two.id == content_id(BODY_EN.replace("Tuesday", "Wednesday"))
    assert (three.id, three.title) == ("three", TITLE)


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "x.txt").write_text(BODY_EN, encoding="utf-8")
    (tmp_path / "a" / "y.txt").write_text(BODY_EN + "\n\nOne more line of reporting here.", encoding="utf-8")
    (tmp_path / "a" / "y.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "z.htm").write_text(article_page(), encoding="utf-8")
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY_EN, encoding="utf-8")
    _jsonl(tmp_path / "feed.jsonl", {"id": "f1", "text": "A short report that the talks were postponed."})
    ids = [x.id for x in _read(tmp_path)]
    assert ids == ["y", "x", "f1", "z"]


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(BODY_EN))
    a = _article("-")
    assert (a.id, a.source, a.text) == (content_id(BODY_EN), "<stdin>", BODY_EN)


def test_stdin_json_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = "\n" + json.dumps({"id": "s1", "text": BODY_EN}) + "\nnot json\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    items = _read("-")
    assert isinstance(items[0], Article) and items[0].id == "s1" and items[0].source == "<stdin>:2"
    assert isinstance(items[1], Failure) and items[1].source == "<stdin>:3" and "not JSON" in items[1].reason


def test_stdin_html_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(article_page()))
    assert _article("-").title == TITLE


def test_stdin_binary_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(BODY_EN.encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", Stdin())
    assert _article("-").text == BODY_EN


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert _failure("-").reason == "no input"


# --- bad input -------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "not a JSON object"),
        (json.dumps({"id": "n1", "title": "no body"}), "no 'text' or 'html' field"),
        (json.dumps({"id": "n2", "text": 42}), "field 'text' must be a string"),
        (json.dumps({"id": "n3", "text": "   "}), "empty text"),
        (json.dumps({"id": "n4", "text": "- Advertisement -\n\nShare this article"}), "no article text left"),
        (json.dumps({"id": "n5", "text": "bad\u0000bytes in here"}), "NUL"),
        (json.dumps({"id": ["x"], "text": BODY_EN}), "field 'id' must be a string"),
    ],
)
def test_bad_jsonl_records_become_failures(tmp_path: Path, line: str, reason: str) -> None:
    feed = _jsonl(tmp_path / "feed.jsonl", line, {"id": "good", "text": BODY_EN})
    bad, good = _read(feed)
    assert isinstance(bad, Failure) and reason in bad.reason, bad
    assert bad.source == f"{feed}:1"
    assert isinstance(good, Article) and good.id == "good"


def test_json_lines_are_numbered_and_bad_ones_say_why_in_place() -> None:
    lines = [b'{"id": "a"}\n', b"  \n", b"[1, 2]\n", None, b'\xef\xbb\xbf{"id": "b"}\n', b"{oops\n"]
    records = list(json_records(lines))
    assert [n for n, _ in records] == [1, 3, 4, 5, 6]  # the blank line is skipped, not renumbered
    assert records[0][1] == {"id": "a"} and records[3][1] == {"id": "b"}  # a byte-order mark is dropped
    reasons = [str(r) for _, r in records if isinstance(r, InputError)]
    assert len(reasons) == 3
    assert reasons[0] == "not a JSON object (a JSON list)"
    assert reasons[1].startswith("too large: line over")
    assert reasons[2].startswith("not JSON (")


def test_failure_keeps_the_record_id(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path / "feed.jsonl", {"id": "n1", "title": "no body"})
    assert _failure(feed).id == "n1"


def test_jsonl_line_not_utf8(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(
        b'{"text": "caf\xe9 talks"}\n' + json.dumps({"id": "ok", "text": BODY_EN}).encode() + b"\n"
    )
    bad, good = _read(feed)
    assert isinstance(bad, Failure) and "not UTF-8" in bad.reason and "0xe9" in bad.reason
    assert isinstance(good, Article)


def test_txt_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(
        BODY_EN.encode("utf-8") + b"\n\nCaf\xe9 owners said the talks mattered."
    )
    f = _failure(tmp_path / "latin.txt")
    assert "not UTF-8" in f.reason and f.id == "latin"


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in _failure(tmp_path / "blob.txt").reason


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("\n  \n", encoding="utf-8")
    assert _failure(tmp_path / "empty.txt").reason == "empty text"


def test_oversize_file_is_refused_quickly(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # a sparse 50 MB file: cheap to make
    started = time.monotonic()
    f = _failure(big)
    assert "too large" in f.reason
    assert time.monotonic() - started < 1.0


def test_oversize_jsonl_line_is_refused_and_the_feed_goes_on(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    with feed.open("wb") as f:
        f.write(b'{"text": "' + b"a" * (MAX_INPUT_BYTES + 10) + b'"}\n')
        f.write(json.dumps({"id": "after", "text": BODY_EN}).encode() + b"\n")
    bad, good = _read(feed)
    assert isinstance(bad, Failure) and "too large" in bad.reason and bad.source == f"{feed}:1"
    assert isinstance(good, Article) and good.id == "after"


def test_oversize_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(b"word " * (MAX_INPUT_BYTES // 5 + 10))

    monkeypatch.setattr(sys, "stdin", Stdin())
    assert "too large" in _failure("-").reason


def test_text_too_long_for_extraction(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text((BODY_EN + "\n\n") * 400, encoding="utf-8")
    f = _failure(tmp_path / "long.txt")
    assert "too large" in f.reason and "characters" in f.reason


@pytest.mark.parametrize(
    ("meta", "reason"),
    [
        ("{broken", "not JSON"),
        ("[]", "not a JSON object"),
        ('{"published": 2024}', "field 'published' must be a string"),
    ],
)
def test_bad_meta_sidecar(tmp_path: Path, meta: str, reason: str) -> None:
    (tmp_path / "talks.txt").write_text(BODY_EN, encoding="utf-8")
    (tmp_path / "talks.meta.json").write_text(meta, encoding="utf-8")
    f = _failure(tmp_path / "talks.txt")
    assert "bad metadata file talks.meta.json" in f.reason and reason in f.reason


def test_meta_without_article_in_folder(tmp_path: Path) -> None:
    (tmp_path / "lonely.meta.json").write_text("{}", encoding="utf-8")
    f = _failure(tmp_path)
    assert f.source == str(tmp_path / "lonely.meta.json") and "without an article" in f.reason


def test_missing_path_and_unsupported_type(tmp_path: Path) -> None:
    assert "no such file" in _failure(tmp_path / "nope.txt").reason
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    assert "unsupported file type '.pdf'" in _failure(tmp_path / "doc.pdf").reason
    (tmp_path / "x.meta.json").write_text("{}", encoding="utf-8")
    assert "sidecar" in _failure(tmp_path / "x.meta.json").reason


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    (tmp_path / "same.txt").write_text(BODY_EN, encoding="utf-8")
    (tmp_path / "same.html").write_text(article_page(), encoding="utf-8")
    first, second = _read(tmp_path)
    assert isinstance(first, Article) and first.id == "same"
    assert isinstance(second, Failure) and "duplicate id 'same'" in second.reason


def test_batch_goes_on_after_failures(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    (tmp_path / "good.txt").write_text(BODY_EN, encoding="utf-8")
    kinds = [type(x).__name__ for x in _read(tmp_path / "missing.txt", tmp_path)]
    assert kinds == ["Failure", "Failure", "Article"]


# --- ids and determinism ---------------------------------------------------


def test_integer_id_is_accepted_as_text(tmp_path: Path) -> None:
    assert _article(_jsonl(tmp_path / "f.jsonl", {"id": 17, "text": BODY_EN})).id == "17"


def test_content_id_is_stable() -> None:
    assert content_id(BODY_EN) == content_id(BODY_EN.encode("utf-8"))
    assert len(content_id(BODY_EN)) == 12
    assert content_id(BODY_EN) != content_id(BODY_EN + " ")


def test_same_input_twice_gives_the_same_article(tmp_path: Path) -> None:
    (tmp_path / "talks.txt").write_text("Envoys meet again\n\n" + BODY_EN, encoding="utf-8")
    (tmp_path / "page.html").write_text(article_page(), encoding="utf-8")
    assert _read(tmp_path) == _read(tmp_path)
