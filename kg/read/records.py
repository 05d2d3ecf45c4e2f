"""JSON and JSON Lines records: ``text`` required; ``title``, ``url``, ``publisher``, ``published`` optional."""

from __future__ import annotations

import json
from collections.abc import Iterator

from kg.errors import InputError
from kg.model import Article
from kg.read.clean import clean_text
from kg.read.dates import normalise_date
from kg.read.text import parse_text


def _loads(raw: str, label: str, *, lines: bool = True) -> object:
    """``json.loads`` with every failure a one-line error: bad syntax, nesting too deep for the
    parser (``[[[[...``), numbers too long to convert. Control characters inside strings are
    accepted (``strict=False``); the record's fields are cleaned afterwards."""
    try:
        return json.loads(raw, strict=False)
    except json.JSONDecodeError as exc:
        where = f" at line {exc.lineno}" if lines else ""
        raise InputError(f"{label}: invalid JSON ({exc.msg}{where})") from None
    except RecursionError:
        raise InputError(f"{label}: invalid JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        reason = str(exc).split(";")[0].strip() or type(exc).__name__
        raise InputError(f"{label}: invalid JSON ({reason})") from None


def record_to_article(record: object, *, source: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{source}: a record must be a JSON object with a 'text' field")
    text = record.get("text")
    if isinstance(text, str):
        text = clean_text(text)
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{source}: the record has no non-empty 'text' field")
    title = record.get("title")
    if isinstance(title, str):
        title = clean_text(title)
    if isinstance(title, str) and title.strip():
        body = text.strip("\n")
        article = Article(text=f"{title.strip()}\n\n{body}", title=title.strip(), source=source)
    else:
        article = parse_text(text, source=source)
    for name in ("url", "publisher"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{source}: field '{name}' must be a string")
        setattr(article, name, clean_text(value) if value else None)
    published = record.get("published")
    if published is not None:
        if not isinstance(published, (str, int, float)) or isinstance(published, bool):
            raise InputError(f"{source}: field 'published' must be a date string")
        article.published = normalise_date(published)
        if article.published is None:
            shown = published[:40] + "..." if isinstance(published, str) and len(published) > 40 else published
            raise InputError(f"{source}: field 'published' is not a date: {shown!r}")
    article.id = Article(text=article.text, url=article.url).id
    return article


def parse_json(raw: str, *, source: str) -> Iterator[Article | InputError]:
    """A JSON file holds one record or a list of records."""
    data = _loads(raw, source)
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        label = source if len(records) == 1 else f"{source}[{i}]"
        try:
            yield record_to_article(record, source=label)
        except InputError as exc:
            yield exc


def parse_jsonl(raw: str, *, source: str) -> Iterator[Article | InputError]:
    # split on newlines only: str.splitlines() would also cut at U+2028, NEL or form feed, which
    # json.dumps(..., ensure_ascii=False) leaves as they are inside strings
    for lineno, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        label = f"{source}:{lineno}"
        try:
            record = _loads(line, label, lines=False)
        except InputError as exc:
            yield exc
            continue
        try:
            yield record_to_article(record, source=label)
        except InputError as exc:
            yield exc
