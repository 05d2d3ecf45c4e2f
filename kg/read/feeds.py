"""RSS and Atom feeds through feedparser: one article per entry with its link, date and feed title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

from kg.errors import InputError
from kg.model import Article
from kg.read.dates import normalise_date

_TAG = re.compile(r"<[^>]+>")


def _plain(html: str) -> str:
    text = re.sub(r"</p\s*>|<br\s*/?>", "\n", html, flags=re.I)
    return unescape(_TAG.sub("", text)).strip()


def parse_feed(raw: str, *, source: str) -> Iterator[Article | InputError]:
    import feedparser

    feed = feedparser.parse(raw)
    if not feed.entries:
        raise InputError(f"{source}: no entries found in the feed")
    publisher = feed.feed.get("title") or None
    for i, entry in enumerate(feed.entries):
        label = f"{source}#{i + 1}"
        content = ""
        if entry.get("content"):
            content = _plain(entry.content[0].get("value", ""))
        if not content:
            content = _plain(entry.get("summary", ""))
        title = _plain(entry.get("title", ""))
        if not content and not title:
            yield InputError(f"{label}: feed entry has neither title nor text")
            continue
        text = f"{title}\n\n{content}" if title and content else (title or content)
        published = normalise_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        url = entry.get("link") or None
        yield Article(
            text=text,
            title=title or content.split("\n", 1)[0],
            url=url,
            publisher=publisher,
            published=published,
            source=label,
        )
