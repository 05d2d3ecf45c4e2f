"""Every input format kg reads, in one registry: a new reader is one module plus one entry here.

Each :class:`Reader` names its file suffixes, how to recognise its text when there is no file name
(stdin), how the text is cleaned before parsing, and its parser, imported on first use so that
reading plain text never loads the HTML or feed libraries.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.model import Article
from kg.read.clean import clean_markup, clean_text


@dataclass(frozen=True)
class Reader:
    name: str
    suffixes: frozenset[str]
    sniff: Callable[[str], bool]  # whether a text without a file name is in this format
    parser: str  # "module:function", called as function(text, source=...)
    clean: Callable[[str], str] | None = None  # applied before parsing (JSON cleans its strings once parsed)

    def parse(self, text: str, source: str) -> Iterable[Article | InputError]:
        module, function = self.parser.split(":")
        result = getattr(importlib.import_module(module), function)(text, source=source)
        return [result] if isinstance(result, Article) else result


def _head(text: str) -> str:
    return text.lstrip()[:500].lower()


def _is_json(text: str) -> bool:
    return _head(text).startswith(("{", "["))


def _is_json_lines(text: str) -> bool:
    first = text.strip().split("\n", 1)[0].strip()
    return _is_json(text) and first.startswith("{") and first.endswith("}") and "\n" in text.strip()


def _is_markup(text: str) -> bool:
    return _head(text).startswith("<")


def _is_feed(text: str) -> bool:
    head = _head(text)
    return _is_markup(text) and ("<rss" in head or "<feed" in head or "<rdf:rdf" in head)


# In the order a text is recognised by: the first whose sniff says yes; plain text takes the rest.
READERS = (
    Reader("jsonl", frozenset({".jsonl", ".ndjson"}), _is_json_lines, "kg.read.records:parse_jsonl"),
    Reader("json", frozenset({".json"}), _is_json, "kg.read.records:parse_json"),
    Reader("feed", frozenset({".rss", ".atom", ".xml"}), _is_feed, "kg.read.feeds:parse_feed", clean_markup),
    Reader("html", frozenset({".html", ".htm", ".xhtml"}), _is_markup, "kg.read.html:parse_html", clean_markup),
    Reader("text", frozenset({".txt", ".text", ".md"}), lambda text: True, "kg.read.text:parse_text", clean_text),
)
BY_NAME = {reader.name: reader for reader in READERS}
KNOWN_SUFFIXES = frozenset().union(*(reader.suffixes for reader in READERS))


def reader_for(path: Path) -> Reader:
    """The reader a file's suffix names; plain text for any other suffix."""
    suffix = path.suffix.lower()
    return next((r for r in READERS if suffix in r.suffixes), BY_NAME["text"])


def sniff(text: str) -> Reader:
    """The reader of a text read without a file name (stdin)."""
    return next(r for r in READERS if r.sniff(text))
