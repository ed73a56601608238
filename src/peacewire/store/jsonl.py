"""Writing records as JSON Lines, byte for byte the same on every run.

Keys keep the order the record builds them in (`sort_keys=False`), non-ASCII
text is written as UTF-8 rather than escaped, and every line ends in a bare
"\\n" whatever the platform, so two runs over the same input give identical
files that diff cleanly.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any


def dumps_line(obj: Mapping[str, Any]) -> str:
    """One JSON Lines line (with its newline) for a JSON-able mapping."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=False) + "\n"


class JsonlWriter:
    """Appends JSON objects, one a line, to a file or (with no path) to standard output.

    Use as a context manager; the file is created on entry, so an unwritable
    path fails before any work is done.  `count` is the number of lines written.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.count = 0
        self._stream: IO[bytes] | None = None
        self._owned = False

    @property
    def where(self) -> str:
        """Where the lines go, for messages."""
        return str(self.path) if self.path is not None else "standard output"

    def __enter__(self) -> JsonlWriter:
        if self.path is None:
            sys.stdout.flush()
            self._stream = sys.stdout.buffer
        else:
            self._stream = open(self.path, "wb")  # closed in __exit__
            self._owned = True
        return self

    def write(self, obj: Mapping[str, Any]) -> None:
        if self._stream is None:
            raise RuntimeError("JsonlWriter.write outside its `with` block")
        self._stream.write(dumps_line(obj).encode("utf-8"))
        self.count += 1

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            if self._owned:
                self._stream.close()
            else:
                self._stream.flush()
        self._stream = None
