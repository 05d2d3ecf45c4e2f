"""HTML pages: main text and metadata through trafilatura, which drops navigation and boilerplate."""

from __future__ import annotations

from kg.errors import InputError
from kg.model import Article
from kg.read.dates import normalise_date

MIN_WORDS = 8  # below this, what trafilatura found is navigation or a caption, not an article


_SEPARATORS = " .:;!-\u2013\u2014|\u00b7"


def _norm(line: str) -> str:
    return " ".join(line.split()).casefold().strip(_SEPARATORS)


def _repeats(line: str, title: str) -> bool:
    """``line`` is the headline again: the same but for case, spacing and end punctuation, or the
    title without its site name ("Headline | The Paper")."""
    line, title = _norm(line), _norm(title)
    if not line:
        return False
    if line == title:
        return True
    return title.startswith(line) and title[len(line) : len(line) + 2].strip() in ("|", "-", "\u2013", "\u2014")


def drop_repeated_headline(title: str, body: str) -> str:
    """``body`` without the leading lines that repeat ``title``: trafilatura gives the page title
    and also keeps the ``<h1>`` (sometimes a repeat of it in the first paragraph) in the text."""
    lines = body.split("\n")
    while lines and (not lines[0].strip() or _repeats(lines[0], title)):
        lines.pop(0)
    return "\n".join(lines).strip()


def parse_html(raw: str, *, source: str | None = None) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    if doc is None:
        raise InputError(f"{source or 'input'}: no article text found in the HTML page")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    title = (data.get("title") or "").strip()
    if title:
        body = drop_repeated_headline(title, body)
    if len(body.split()) < MIN_WORDS:
        raise InputError(f"{source or 'input'}: no article text found in the HTML page")
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
