"""JSON and JSON Lines records: ``text`` required; ``title``, ``url``, ``publisher``, ``published`` optional."""

from __future__ import annotations

import json
from collections.abc import Iterator

from kg.errors import InputError
from kg.model import Article
from kg.read.dates import normalise_date
from kg.read.text import parse_text


def record_to_article(record: object, *, source: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{source}: a record must be a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{source}: the record has no non-empty 'text' field")
    title = record.get("title")
    if isinstance(title, str) and title.strip():
        body = text.strip("\n")
        article = Article(text=f"{title.strip()}\n\n{body}", title=title.strip(), source=source)
    else:
        article = parse_text(text, source=source)
    for name in ("url", "publisher"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{source}: field '{name}' must be a string")
        setattr(article, name, value or None)
    if record.get("published") is not None:
        article.published = normalise_date(record.get("published"))
        if article.published is None:
            raise InputError(f"{source}: field 'published' is not a date: {record.get('published')!r}")
    article.id = Article(text=article.text, url=article.url).id
    return article


def parse_json(raw: str, *, source: str) -> Iterator[Article | InputError]:
    """A JSON file holds one record or a list of records."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        label = source if len(records) == 1 else f"{source}[{i}]"
        try:
            yield record_to_article(record, source=label)
        except InputError as exc:
            yield exc


def parse_jsonl(raw: str, *, source: str) -> Iterator[Article | InputError]:
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        label = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{label}: invalid JSON ({exc.msg})")
            continue
        try:
            yield record_to_article(record, source=label)
        except InputError as exc:
            yield exc
