"""HTML pages: main text and metadata through trafilatura, which drops navigation and boilerplate."""

from __future__ import annotations

from kg.errors import InputError
from kg.model import Article
from kg.read.dates import normalise_date

MIN_WORDS = 8  # below this, what trafilatura found is navigation or a caption, not an article


def parse_html(raw: str, *, source: str | None = None) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    if doc is None:
        raise InputError(f"{source or 'input'}: no article text found in the HTML page")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    if len(body.split()) < MIN_WORDS:
        raise InputError(f"{source or 'input'}: no article text found in the HTML page")
    title = (data.get("title") or "").strip()
    text = f"{title}\n\n{body}" if title else body
    if not title:
        title = body.split("\n", 1)[0]
    return Article(
        text=text,
        title=title,
        url=data.get("url") or None,
        publisher=data.get("sitename") or None,
        published=normalise_date(data.get("date")),
        source=source,
    )
