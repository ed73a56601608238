"""Read articles from paths: files, folders, JSON Lines feeds and standard input.

What each path means:
  NAME.txt, NAME.html, NAME.htm   one article, id NAME; an optional NAME.meta.json
                                  beside it holds the other fields (FORMATS.md)
  NAME.jsonl                      one article per line (FORMATS.md input format);
                                  `source` is "path:LINE"
  a folder                        every .txt/.html/.htm/.jsonl file below it, in
                                  sorted path order (deterministic on every system)
  -                               standard input: JSON Lines when its first non-blank
                                  line is a JSON object, else one article (HTML when
                                  it starts like an HTML document, else plain text)

Nothing is dropped silently: every unreadable input, bad line, bad sidecar,
sidecar without its article, and repeated id is yielded as a `Failure`
naming the input and the reason, and the batch goes on.  Inside a folder,
sidecars (.meta.json), gold annotations (.gold.json), hidden files and files
of other types (a README, images) are not articles and are skipped; the
latter are logged at INFO level on the "peacewire.ingest" logger.  Named
explicitly, a file of an unsupported type is a Failure.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from io import BytesIO
from pathlib import Path
from typing import IO, Any

from peacewire.ingest.limits import MAX_INPUT_BYTES, describe_bytes
from peacewire.ingest.prepare import prepare_article
from peacewire.ingest.raw import InputError, RawArticle, metadata_from_mapping, raw_from_mapping
from peacewire.records import Article, Failure

LOG = logging.getLogger("peacewire.ingest")

STDIN = "-"
STDIN_SOURCE = "<stdin>"
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
FEED_SUFFIXES = (".jsonl",)
META_SUFFIX = ".meta.json"
GOLD_SUFFIX = ".gold.json"
_HTML_STARTS = ("<!doctype html", "<html", "<?xml")

Item = Article | Failure


def read_inputs(paths: Sequence[str]) -> Iterator[Item]:
    """Yield an Article or a Failure for every article found in `paths`, in order.

    Ids are unique across the whole call: a second article with an id already
    read is a Failure ("duplicate id"), since records are keyed by id.
    """
    first_source: dict[str, str] = {}
    for path in paths:
        for item in _read_path(path):
            if isinstance(item, Article):
                seen = first_source.get(item.id)
                if seen is not None:
                    yield Failure(item.source, f"duplicate id {item.id!r} (first read from {seen})", item.id)
                    continue
                first_source[item.id] = item.source
            yield item


def _read_path(path: str) -> Iterator[Item]:
    if path == STDIN:
        yield from read_stream(_stdin_bytes(), STDIN_SOURCE)
        return
    p = Path(path)
    try:
        if p.is_dir():
            yield from _read_folder(p)
        elif p.is_file():
            yield from _read_file(p, explicit=True)
        elif p.exists():
            yield Failure(path, "not a regular file or folder")
        else:
            yield Failure(path, "no such file or folder")
    except OSError as e:
        yield Failure(path, f"unreadable: {e.strerror or e}")


def _has_suffix(name: str, suffixes: Iterable[str]) -> bool:
    low = name.lower()
    return any(low.endswith(s) for s in suffixes)


def _article_stem(name: str) -> str:
    """NAME for NAME.txt / NAME.html / NAME.htm / NAME.meta.json."""
    low = name.lower()
    for suffix in (META_SUFFIX, *ARTICLE_SUFFIXES, *FEED_SUFFIXES):
        if low.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath) / f for f in filenames if not f.startswith("."))
    return sorted(found, key=lambda f: f.relative_to(root).parts)


def _read_folder(root: Path) -> Iterator[Item]:
    for f in _walk(root):
        name = f.name
        if _has_suffix(name, (GOLD_SUFFIX,)):
            continue
        if _has_suffix(name, (META_SUFFIX,)):
            stem = _article_stem(name)
            if not any((f.parent / f"{stem}{s}").is_file() for s in ARTICLE_SUFFIXES):
                yield Failure(str(f), f"metadata without an article (no {stem}.txt or {stem}.html beside it)")
            continue
        if _has_suffix(name, ARTICLE_SUFFIXES + FEED_SUFFIXES):
            yield from _read_file(f, explicit=False)
        else:
            LOG.info("skipped %s: not an article file (%s)", f, ", ".join(ARTICLE_SUFFIXES + FEED_SUFFIXES))


def _read_file(p: Path, explicit: bool) -> Iterator[Item]:
    name = p.name
    if _has_suffix(name, FEED_SUFFIXES):
        yield from _read_feed(p)
    elif _has_suffix(name, (META_SUFFIX, GOLD_SUFFIX)):
        yield Failure(str(p), "a sidecar file, not an article: give the article file (NAME.txt or NAME.html)")
    elif _has_suffix(name, ARTICLE_SUFFIXES):
        yield _read_article_file(p)
    elif explicit:
        kinds = ", ".join(ARTICLE_SUFFIXES + FEED_SUFFIXES)
        yield Failure(str(p), f"unsupported file type {p.suffix or '(none)'!r} (expected {kinds})")


def decode_text(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped); raise InputError naming the first bad byte."""
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes); expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})") from e


def _read_meta(p: Path) -> dict[str, str | None]:
    meta_path = p.parent / f"{_article_stem(p.name)}{META_SUFFIX}"
    if not meta_path.is_file():
        return {}
    try:
        record = json.loads(decode_text(meta_path.read_bytes()))
    except InputError as e:
        raise InputError(f"bad metadata file {meta_path.name}: {e}") from e
    except json.JSONDecodeError as e:
        raise InputError(f"bad metadata file {meta_path.name}: not JSON ({e.msg} at line {e.lineno})") from e
    if not isinstance(record, dict):
        raise InputError(f"bad metadata file {meta_path.name}: not a JSON object")
    try:
        return metadata_from_mapping(record)
    except InputError as e:
        raise InputError(f"bad metadata file {meta_path.name}: {e}") from e


def raw_from_file(p: Path) -> RawArticle:
    """One .txt/.html/.htm file and its sidecar as a raw record; raise InputError or OSError."""
    size = p.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputError(f"too large: {describe_bytes(size)} (limit {describe_bytes(MAX_INPUT_BYTES)})")
    meta = _read_meta(p)
    data = p.read_bytes()
    if _has_suffix(p.name, HTML_SUFFIXES):
        if b"\x00" in data:
            raise InputError("binary file (contains NUL bytes); expected an HTML page")
        return RawArticle(html=data, **meta)
    return RawArticle(text=decode_text(data), **meta)


def _read_article_file(p: Path) -> Item:
    source, stem = str(p), _article_stem(p.name)
    try:
        raw = raw_from_file(p)
    except InputError as e:
        return Failure(source, str(e), stem)
    except OSError as e:
        return Failure(source, f"unreadable: {e.strerror or e}", stem)
    return prepare_article(raw, source=source, default_id=stem)


def bounded_lines(stream: IO[bytes]) -> Iterator[bytes | None]:
    """The stream's lines, each read at most MAX_INPUT_BYTES at a time; None for a longer line."""
    while True:
        line = stream.readline(MAX_INPUT_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_INPUT_BYTES and not line.endswith(b"\n"):
            while True:  # skip the rest of the oversized line without holding it
                chunk = stream.readline(1 << 20)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield None
        else:
            yield line


def _record_id(record: dict[str, Any]) -> str | None:
    """The record's id as FORMATS.md allows it (a string or an integer), to name it in a Failure."""
    value = record.get("id")
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    return None


def json_object(line: bytes) -> dict[str, Any]:
    """One line of JSON Lines as the JSON object it holds; raise InputError saying why it holds none."""
    if b"\x00" in line:
        raise InputError("binary data (NUL bytes) in line")
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 text (byte 0x{line[e.start]:02x} at offset {e.start})") from e
    try:
        record = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"not JSON ({e.msg} at column {e.colno})") from e
    if not isinstance(record, dict):
        raise InputError(f"not a JSON object (a JSON {type(record).__name__})")
    return record


def json_records(lines: Iterable[bytes | None]) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """The JSON objects of JSON Lines (`bounded_lines`), each with its line number (from 1);
    blank lines are skipped, and a line that holds no JSON object, or is too long, gives the
    InputError saying why in its place (the caller decides whether the rest is read)."""
    for number, line in enumerate(lines, start=1):
        found: dict[str, Any] | InputError
        if line is None:
            found = InputError(f"too large: line over {describe_bytes(MAX_INPUT_BYTES)}")
        elif not line.strip():
            continue
        else:
            try:
                found = json_object(line)
            except InputError as e:
                found = e
        yield number, found


def _read_lines(lines: Iterable[bytes | None], where: str) -> Iterator[Item]:
    for number, record in json_records(lines):
        source = f"{where}:{number}"
        if isinstance(record, InputError):
            yield Failure(source, str(record))
            continue
        try:
            raw = raw_from_mapping(record)
        except InputError as e:
            yield Failure(source, str(e), _record_id(record))
            continue
        yield prepare_article(raw, source=source)


def _read_feed(p: Path) -> Iterator[Item]:
    try:
        with p.open("rb") as stream:
            yield from _read_lines(bounded_lines(stream), str(p))
    except OSError as e:
        yield Failure(str(p), f"unreadable: {e.strerror or e}")


def _stdin_bytes() -> IO[bytes]:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    return BytesIO(sys.stdin.read().encode("utf-8", "surrogateescape"))


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line.decode("utf-8-sig")), dict)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False


def read_stream(stream: IO[bytes], where: str = STDIN_SOURCE) -> Iterator[Item]:
    """Read a stream as JSON Lines (if its first non-blank line is a JSON object) or as one article."""
    head: list[bytes | None] = []
    lines = bounded_lines(stream)
    for line in lines:
        head.append(line)
        if line is None or line.strip():
            break
    first = head[-1] if head else None
    if first is not None and _is_json_object(first):
        yield from _read_lines(_chain(head, lines), where)
        return
    if not head:
        yield Failure(where, "no input")
        return
    yield _read_single(head, stream, where)


def _chain(head: list[bytes | None], rest: Iterator[bytes | None]) -> Iterator[bytes | None]:
    yield from head
    yield from rest


def _read_single(head: list[bytes | None], stream: IO[bytes], where: str) -> Item:
    """The whole stream as one article (plain text, or HTML when it looks like a page)."""
    too_large = Failure(where, f"too large: over {describe_bytes(MAX_INPUT_BYTES)} of input")
    if any(line is None for line in head):
        return too_large
    start = b"".join(line for line in head if line is not None)
    data = start + stream.read(MAX_INPUT_BYTES + 1 - len(start))
    if len(data) > MAX_INPUT_BYTES:
        return too_large
    try:
        text = decode_text(data)
    except InputError as e:
        return Failure(where, str(e))
    if not text.strip():
        return Failure(where, "empty input")
    if text.lstrip()[:20].lower().startswith(_HTML_STARTS):
        return prepare_article(RawArticle(html=text), source=where)
    return prepare_article(RawArticle(text=text), source=where)
