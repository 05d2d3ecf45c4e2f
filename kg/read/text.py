"""Plain-text articles: first non-empty line is the headline.

A second line holding only an ISO date (``YYYY-MM-DD``) is the publication date, the layout
of the shared corpora (title, date, blank line, body). The article text keeps the headline,
a blank line and the body, so offsets point into what a reader sees.
"""

from __future__ import annotations

import re

from kg.model import Article

ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*$")


def parse_text(raw: str, *, source: str | None = None) -> Article:
    """Split ``raw`` into headline, optional date line and body."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines[0].strip() if lines else ""
    rest = lines[1:]
    published = None
    if rest and ISO_DATE.match(rest[0]):
        published = ISO_DATE.match(rest[0]).group(1)
        rest = rest[1:]
    elif rest and not rest[0].strip():
        pass
    body = "\n".join(rest).strip("\n")
    text = f"{title}\n\n{body}" if body else title
    return Article(text=text.rstrip(), title=title, published=published, source=source)
