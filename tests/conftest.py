"""Session-wide fixtures: the spaCy pipeline is loaded once for the whole run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from peacewire.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_DIR = SHARED / "dev"
SAMPLE_DIR = ROOT / "corpus" / "sample"
HELDOUT_DIR = SAMPLE_DIR.parent / "heldout"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    """The shared dev set; tests needing it skip where the clone stands alone."""
    if not DEV_DIR.is_dir():
        pytest.skip(f"{DEV_DIR} is absent (a clone without ../shared): dev-set tests need it")
    return DEV_DIR


# -- gold sets extracted once per session (shared by the accuracy and the events tests) --


@pytest.fixture(scope="session")
def extractor(nlp: Language) -> Any:
    from peacewire.extract import Extractor

    return Extractor(nlp)


@pytest.fixture(scope="session")
def dev_metrics(dev_dir: Path, extractor: Any) -> dict[str, Any]:
    """The dev set extracted as `peacewire eval` does it, and scored."""
    from peacewire.evaluation.run import evaluate_gold_dir

    return evaluate_gold_dir(dev_dir, extractor).evaluation.metrics


@pytest.fixture(scope="session")
def sample_metrics(extractor: Any) -> dict[str, Any]:
    """The bundled sample corpus extracted as `peacewire eval` does it, and scored."""
    from peacewire.evaluation.run import evaluate_gold_dir

    return evaluate_gold_dir(SAMPLE_DIR, extractor).evaluation.metrics


@pytest.fixture(scope="session")
def heldout_metrics(extractor: Any) -> dict[str, Any]:
    """The held-out set (corpus/heldout: written by helpers who did not write the rules) extracted and
    scored."""
    from peacewire.evaluation.run import evaluate_gold_dir

    return evaluate_gold_dir(HELDOUT_DIR, extractor).evaluation.metrics
