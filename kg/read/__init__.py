"""Read articles from files, folders and stdin.

:func:`read_articles` yields one :class:`ReadItem` per article or per unreadable input, so a
batch goes on past a bad file and the caller decides how to report it.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError
from kg.model import Article, article_id
from kg.read.clean import clean_text, display_name
from kg.read.dates import parse_user_date
from kg.read.readers import BY_NAME, KNOWN_SUFFIXES, reader_for, sniff

MAX_CHARS = 1_000_000
# One input file (or stdin) is refused above this size before it is read. A file may hold many
# articles (JSON Lines, feeds), each up to MAX_CHARS characters (up to 4 bytes each in UTF-8).
MAX_BYTES = 64 * 1024 * 1024

# Language check (py3langid, offline). Capitalised words are left out, since names (often foreign
# in English news: "Recep Tayyip Erdogan", "Muqtada al-Sadr") say nothing about the language of the
# text; the check is only made when the words left fill at least MIN_LANGUAGE_BYTES bytes of UTF-8
# (about 40 letters, or 13 Chinese characters: a headline and a short sentence are not checked).
MIN_LANGUAGE_BYTES = 40
LANGUAGE_SAMPLE_CHARS = 50_000  # the language of a long text is judged from its beginning
MIN_ENGLISH_PROBABILITY = 0.2  # refused when English is less likely than this (and not the best guess)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


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


@lru_cache(maxsize=1)
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float] | None:
    """The most likely language of ``text`` and the probability that it is English, or None when
    the text has too few uncapitalised words to tell."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if sample.isupper():
        sample = sample.lower()
    words = " ".join(w for w in _WORD.findall(sample) if not w[0].isupper())
    if len(words.encode("utf-8", "surrogatepass")) - words.count(" ") < MIN_LANGUAGE_BYTES:
        return None
    ranking = _language_identifier().rank(words)
    return ranking[0][0], dict(ranking).get("en", 0.0)


def check_article(article: Article) -> Article:
    """Refuse articles the English pipeline cannot handle well: empty, too long, or not English."""
    source = article.source or "input"
    if not article.text.strip():
        raise InputError(f"{source}: the article has no text")
    if len(article.text) > MAX_CHARS:
        raise InputError(f"{source}: text is {len(article.text):,} characters, over the {MAX_CHARS:,} limit; split it")
    guess = detect_language(article.text)
    if guess is not None:
        language, english = guess
        if language != "en" and english < MIN_ENGLISH_PROBABILITY:
            raise InputError(
                f"{source}: the text is not English (it looks like language '{language}'); kg extracts English only"
            )
    return article


def clean_article(article: Article) -> Article:
    """Control characters out of every field (see :func:`kg.read.clean.clean_text`)."""
    text = clean_text(article.text)
    for name in ("title", "url", "publisher", "published", "source"):
        value = getattr(article, name)
        if isinstance(value, str):
            setattr(article, name, clean_text(value))
    if text != article.text:
        article.text = text
        article.id = article_id(text, url=article.url)
    return article


def parse(text: str, kind: str, source: str) -> Iterator[Article | InputError]:
    """Articles (or errors) from ``text`` in the format named ``kind`` (see :data:`kg.read.readers.READERS`)."""
    yield from BY_NAME[kind].parse(text, source)


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


def _size(n: int) -> str:
    return f"{n:,} bytes ({n / 2**20:.1f} MiB)" if n >= 2**20 else f"{n:,} bytes"


def _too_big(source: str, size: int | None = None) -> InputError:
    what = f"is {_size(size)}, over" if size is not None else "is over"  # stdin: its size is not known
    return InputError(f"{source}: the input {what} the {_size(MAX_BYTES)} limit for one input; split it")


def _read_file(raw: str, source: str) -> bytes:
    """The bytes of file ``raw``; a file over MAX_BYTES is refused from its size, before reading."""
    try:
        info = os.stat(raw)
    except FileNotFoundError:
        raise InputError(f"{source}: no such file or directory") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise InputError(f"{source}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{source}: not a regular file")
    if info.st_size > MAX_BYTES:
        raise _too_big(source, info.st_size)
    return _read_capped(raw, source)


def _read_capped(raw: str, source: str) -> bytes:
    """At most MAX_BYTES bytes of ``raw`` (``-``: stdin); more than that is refused."""
    try:
        if raw == "-":
            stream = sys.stdin.buffer
            data = stream.read(MAX_BYTES + 1)
        else:
            with open(raw, "rb") as stream:  # it may have grown since os.stat
                data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise _too_big(source)
    return data


def _error_item(error: InputError, source: str) -> ReadItem:
    """The parsers' errors start with their label: ``source``, ``source[i]``, ``source#i`` or
    ``source:line`` (the file itself for JSON Lines, as the CLI counts files by it)."""
    message = str(error)
    label = source
    if message.startswith(source):
        suffix = message[len(source) :].split(": ", 1)[0]
        if suffix[:1] in ("[", "#"):
            label = source + suffix
    return ReadItem(source=label, error=error)


def read_source(raw: str) -> Iterator[ReadItem]:
    """Read one file path (or ``-`` for stdin) into articles."""
    source = "<stdin>" if raw == "-" else display_name(raw)
    try:
        if raw == "-":
            data = _read_capped(raw, source)
            reader = None
        else:
            data = _read_file(raw, source)
            reader = reader_for(Path(raw))
        text = decode(data, source)
        reader = reader or sniff(text)
        if reader.clean is not None:
            text = reader.clean(text)
        for item in reader.parse(text, source):
            if isinstance(item, InputError):
                yield _error_item(item, source)
                continue
            label = item.source or source
            try:
                yield ReadItem(source=label, article=check_article(clean_article(item)))
            except InputError as exc:
                yield ReadItem(source=label, error=exc)
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
