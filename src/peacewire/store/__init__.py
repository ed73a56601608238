"""store stage: keeping extraction records (JSON Lines files for now)."""

from peacewire.store.jsonl import JsonlWriter, dumps_line

__all__ = ["JsonlWriter", "dumps_line"]
