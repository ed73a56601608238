"""The cleaning audit lists removed lines with their reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacewire.ingest.audit import main
from tests.ingest.texts import BODY_EN


def test_audit_prints_removed_lines_and_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(
        "Envoys meet again\n\n" + BODY_EN + "\n\n- Advertisement -\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe")
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "[headline] Envoys meet again" in out
    assert "[advertisement] - Advertisement -" in out
    assert "b.txt: FAILED: not UTF-8" in out
    assert "advertisement 1, headline 1" in out
