"""The one spaCy pipeline every extractor reads from."""

from peacewire.nlp.pipeline import MODEL_NAME, load_pipeline

__all__ = ["MODEL_NAME", "load_pipeline"]
