"""JSON Lines writing: UTF-8, key order kept, one bare newline per record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peacewire.store import JsonlWriter, dumps_line


def test_dumps_line_keeps_key_order_and_unicode() -> None:
    line = dumps_line({"z": 1, "a": "Kyïv — “talks”"})
    assert line == '{"z": 1, "a": "Kyïv — “talks”"}\n'


def test_writer_writes_identical_bytes_each_time(tmp_path: Path) -> None:
    rows = [{"id": "b", "text": "line one\nline two"}, {"id": "a", "n": 2.5}]
    paths = [tmp_path / "one.jsonl", tmp_path / "two.jsonl"]
    for path in paths:
        with JsonlWriter(path) as writer:
            for row in rows:
                writer.write(row)
        assert writer.count == 2
    data = paths[0].read_bytes()
    assert data == paths[1].read_bytes()
    assert data.count(b"\n") == 2 and b"\r" not in data
    assert [json.loads(x) for x in data.decode("utf-8").splitlines()] == rows


def test_writer_to_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    with JsonlWriter(None) as writer:
        writer.write({"id": "x"})
    assert writer.where == "standard output"
    assert capsysbinary.readouterr().out == b'{"id": "x"}\n'


def test_write_outside_with_block_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        JsonlWriter(tmp_path / "x.jsonl").write({"id": "x"})
