"""Ingest: read inputs and turn each into a cleaned `Article` (or a `Failure` saying why not).

`read_inputs` reads paths (files, folders, JSON Lines feeds, "-" for
standard input); `prepare_article` does the same for a record held in
memory.  Modules, one job each:

  sources      paths, folders, feeds and stdin -> raw records
  raw          the raw record (FORMATS.md input fields) and its validation
  prepare      one raw record -> Article | Failure (the single path all inputs take)
  html         an HTML page's main text and metadata (trafilatura, htmldate)
  clean        raw text -> cleaned text, headline, dateline date
  boilerplate  the line rules of data/boilerplate.yaml
  titles       headline shape, title tags, site-name suffixes
  dates        ISO dates from metadata and datelines
  language     language detection (lingua) and declared codes
  ids          content-derived ids
  limits       input size limits
  audit        `python -m peacewire.ingest.audit PATH`: what cleaning removed, and why
"""

from peacewire.ingest.prepare import prepare_article
from peacewire.ingest.raw import InputError, RawArticle, raw_from_mapping
from peacewire.ingest.sources import read_inputs, read_stream

__all__ = ["InputError", "RawArticle", "prepare_article", "raw_from_mapping", "read_inputs", "read_stream"]
