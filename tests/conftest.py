"""Session-wide fixtures: the spaCy pipeline is loaded once for the whole run."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from peacewire.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_DIR = SHARED / "dev"
SAMPLE_DIR = ROOT / "corpus" / "sample"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    """The shared dev set; tests needing it skip where the clone stands alone."""
    if not DEV_DIR.is_dir():
        pytest.skip(f"{DEV_DIR} is absent (a clone without ../shared): dev-set tests need it")
    return DEV_DIR
