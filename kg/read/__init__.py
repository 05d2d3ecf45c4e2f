"""Read articles from files, folders and stdin.

:func:`read_articles` yields one :class:`ReadItem` per article or per unreadable input, so a
batch goes on past a bad file and the caller decides how to report it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.model import Article, article_id
from kg.read.dates import parse_user_date

MAX_CHARS = 1_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

_ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on was with as by at from it his her their be has have had "
    "are were said says an this not but or which who will after its they he she we".split()
)


@dataclass
class ReadItem:
    """An article, or the error that stopped one input from becoming an article."""

    source: str
    article: Article | None = None
    error: InputError | None = None


@dataclass
class Metadata:
    """Metadata given on the command line (``--published``, ``--url``, ``--publisher``)."""

    published: str | None = None
    url: str | None = None
    publisher: str | None = None

    def __post_init__(self) -> None:
        self.published = parse_user_date(self.published)


def decode(data: bytes, source: str) -> str:
    """Bytes to text, refusing binary files and anything not UTF-8."""
    if not data:
        raise InputError(f"{source}: the input is empty")
    if not data.strip():
        raise InputError(f"{source}: the input holds only whitespace")
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not valid UTF-8 text (byte {exc.start}); convert it to UTF-8") from None
    if not text.strip():
        raise InputError(f"{source}: the input holds only whitespace")
    return text


def check_article(article: Article) -> Article:
    """Refuse articles the English pipeline cannot handle well: too long, or not English."""
    source = article.source or "input"
    if len(article.text) > MAX_CHARS:
        raise InputError(f"{source}: text is {len(article.text):,} characters, over the {MAX_CHARS:,} limit; split it")
    words = [w.strip(".,;:!?\"'()").lower() for w in article.text.split()]
    words = [w for w in words if w]
    if len(words) >= 20:
        share = sum(w in _ENGLISH_WORDS for w in words) / len(words)
        if share < 0.05:
            raise InputError(f"{source}: the text does not look like English; kg extracts English only")
    return article


def _sniff(text: str) -> str:
    head = text.lstrip()[:500].lower()
    if head.startswith("{") or head.startswith("["):
        first = text.strip().split("\n", 1)[0].strip()
        return "jsonl" if first.startswith("{") and first.endswith("}") and "\n" in text.strip() else "json"
    if head.startswith("<"):
        if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
            return "feed"
        return "html"
    return "text"


def _kind_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return "text"


def _parse(text: str, kind: str, source: str) -> Iterator[Article | InputError]:
    from kg.read import feeds, html, records
    from kg.read import text as plain

    parsers: dict[str, Callable[..., object]] = {
        "text": lambda: [plain.parse_text(text, source=source)],
        "html": lambda: [html.parse_html(text, source=source)],
        "json": lambda: records.parse_json(text, source=source),
        "jsonl": lambda: records.parse_jsonl(text, source=source),
        "feed": lambda: feeds.parse_feed(text, source=source),
    }
    yield from parsers[kind]()  # type: ignore[misc]


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Folders become the article files inside them (recursively, sorted, hidden files skipped)."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.is_file() and child.suffix.lower() in KNOWN_SUFFIXES:
                    yield str(child)
        else:
            yield raw


def read_source(raw: str) -> Iterator[ReadItem]:
    """Read one file path (or ``-`` for stdin) into articles."""
    source = "<stdin>" if raw == "-" else raw
    try:
        if raw == "-":
            data = sys.stdin.buffer.read()
            kind = None
        else:
            path = Path(raw)
            if not path.exists():
                raise InputError(f"{source}: no such file or directory")
            if not path.is_file():
                raise InputError(f"{source}: not a regular file")
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise InputError(f"{source}: cannot read ({exc.strerror})") from None
            kind = _kind_for(path)
        text = decode(data, source)
        kind = kind or _sniff(text)
        for item in _parse(text, kind, source):
            if isinstance(item, InputError):
                yield ReadItem(source=str(item).split(":", 1)[0], error=item)
                continue
            try:
                yield ReadItem(source=item.source or source, article=check_article(item))
            except InputError as exc:
                yield ReadItem(source=item.source or source, error=exc)
    except InputError as exc:
        yield ReadItem(source=source, error=exc)


def read_articles(paths: Iterable[str], meta: Metadata | None = None) -> Iterator[ReadItem]:
    """Every article from ``paths``; ``meta`` fills in what an article's source does not say."""
    meta = meta or Metadata()
    for raw in expand_paths(paths):
        for item in read_source(raw):
            if item.article is not None:
                apply_metadata(item.article, meta)
            yield item


def apply_metadata(article: Article, meta: Metadata) -> None:
    """What the user typed on the command line wins over what the source says."""
    if meta.url:
        article.url = meta.url
        article.id = article_id(article.text, url=article.url)
    if meta.published:
        article.published = meta.published
    if meta.publisher:
        article.publisher = meta.publisher
