"""Articles from http(s) URLs, read like local files of the type the server says.

An HTML page goes through the HTML reader (trafilatura; ``htmldate`` when the page metadata has no
date), an RSS/Atom feed through feedparser with each entry's page fetched as the article (the
entry's own text where the page cannot be had), JSON and JSON Lines through the record readers.

An article's identity is its canonical URL: the page's ``<link rel="canonical">`` when it names a
page on the same site, else the URL the page was fetched from after redirects, normalised by
``courlan`` (lower-case scheme and host, default port and fragment dropped, tracking parameters
such as ``utm_*`` removed, query parameters sorted). The same article reached twice, through two
feeds or a feed and a direct link, is therefore one article.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urljoin, urlsplit, urlunsplit

from kg.errors import InputError
from kg.fetch import Fetcher, FetchError, Response
from kg.model import Article, article_id
from kg.read import Metadata, ReadItem, apply_metadata, check_article, clean_article, expand_paths, read_source
from kg.read.clean import clean_markup, clean_text
from kg.read.dates import normalise_date

HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
XML_TYPES = {"application/xml", "text/xml"}
JSON_TYPES = {"application/json", "text/json"}
JSONL_TYPES = {"application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"}
TEXT_TYPES = {"text/plain", "text/markdown"}
_REFUSED_PREFIXES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_FEED_MARKERS = ("<rss", "<feed", "<rdf:rdf")

Known = Callable[[str], bool]
OnAlias = Callable[[str, str], None]


def is_url(raw: str) -> bool:
    return raw[:8].lower().startswith(("http://", "https://"))


def canonical_url(url: str) -> str:
    """``url`` normalised by courlan, without its fragment (never sent to a server)."""
    from courlan import normalize_url

    url = url.strip()
    try:
        normal = normalize_url(url)
    except (ValueError, TypeError):
        normal = url
    parts = urlsplit(normal)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))


def _site(host: str) -> str:
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def identity_url(fetched: str, declared: str | None = None) -> str:
    """The canonical URL of a page fetched from ``fetched`` whose metadata declares ``declared``
    (``<link rel="canonical">`` or ``og:url``). The declaration is trusted only for a page of the
    same site that is not the site's front page: a template that names the home page as canonical
    on every article must not make all articles one."""
    if declared:
        target = urljoin(fetched, declared.strip())
        parts = urlsplit(target)
        if (
            parts.scheme.lower() in ("http", "https")
            and _site(parts.hostname or "") == _site(urlsplit(fetched).hostname or "")
            and parts.path.strip("/")
        ):
            return canonical_url(target)
    return canonical_url(fetched)


# -- bytes to text ------------------------------------------------------------------------------


def _decode(body: bytes, charset: str | None, source: str) -> str:
    for name in (charset, "utf-8"):
        if not name:
            continue
        try:
            return body.decode(name)
        except LookupError:
            continue
        except UnicodeDecodeError:
            if name.lower().replace("_", "-") in ("utf-8", "utf8"):
                break
            continue
    raise InputError(f"{source}: the response is not valid {charset or 'UTF-8'} text")


def response_text(response: Response, source: str) -> str:
    """The body as text: the charset the server names, else the one the document declares, else
    UTF-8 (for HTML, Windows-1252 when the bytes are not UTF-8, as browsers do)."""
    ctype = response.content_type
    if ctype.startswith(_REFUSED_PREFIXES):
        raise InputError(f"{source}: the response is {ctype}, not an HTML page, a feed or JSON")
    body = response.body
    if not body.strip():
        raise InputError(f"{source}: the response is empty")
    if b"\x00" in body[:8192] and not body.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{source}: the response looks like binary data ({response.content_type or 'no type'})")
    charset = response.charset
    if charset is None:
        head = body[:4096]
        found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
        charset = found.group(1).decode("ascii") if found else None
    try:
        text = _decode(body, charset, source)
    except InputError:
        if response.content_type in HTML_TYPES and charset is None:
            text = body.decode("cp1252", "replace")
        else:
            raise
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError(f"{source}: the response holds only whitespace")
    return text


def _sniff(text: str) -> str:
    head = text.lstrip()[:1000].lower()
    if head.startswith(("{", "[")):
        first = text.strip().split("\n", 1)[0].strip()
        return "jsonl" if first.startswith("{") and first.endswith("}") and "\n" in text.strip() else "json"
    if head.startswith("<"):
        return "feed" if any(m in head for m in _FEED_MARKERS) else "html"
    return "text"


def response_kind(response: Response, text: str, source: str) -> str:
    """``html``, ``feed``, ``json``, ``jsonl`` or ``text``, from the Content-Type (the content
    decides where the type is generic or wrong: a feed served as text/html or text/plain)."""
    ctype = response.content_type
    sniffed = _sniff(text)
    if ctype in FEED_TYPES:
        return "feed"
    if ctype in XML_TYPES:
        if sniffed != "feed":
            raise InputError(f"{source}: the response is XML but not an RSS or Atom feed")
        return "feed"
    if ctype in HTML_TYPES:
        return "feed" if sniffed == "feed" else "html"
    if ctype in JSONL_TYPES:
        return "jsonl"
    if ctype in JSON_TYPES or ctype.endswith("+json"):
        return "jsonl" if sniffed == "jsonl" else "json"
    if ctype in TEXT_TYPES and sniffed == "text":
        return "text"
    return sniffed


# -- articles -----------------------------------------------------------------------------------


def _finish(article: Article, source: str) -> Article:
    """Cleaned, identified by its URL, and checked as local articles are."""
    article.source = article.source or source
    clean_article(article)
    article.id = article_id(article.text, url=article.url)
    return check_article(article)


def _page_date(text: str, url: str) -> str | None:
    """A date for a page whose metadata gives none: htmldate's search of the page and its URL."""
    try:
        from htmldate import find_date

        return normalise_date(find_date(text, url=url, extensive_search=True, original_date=True))
    except Exception:  # htmldate is a heuristic: no date rather than a failed article
        return None


def page_article(response: Response, text: str, source: str) -> Article:
    """The article of an HTML page: trafilatura's text and metadata, the canonical URL as identity."""
    from kg.read.html import parse_html

    article = parse_html(clean_markup(text), source=source)
    article.url = identity_url(response.url, article.url)
    if not article.published:
        article.published = _page_date(text, response.url)
    return article


def fetch_page(url: str, fetcher: Fetcher, source: str) -> Article:
    """Fetch ``url`` and read it as an article page (raises :class:`InputError`)."""
    response = fetcher.get(url)
    text = response_text(response, url)
    kind = response_kind(response, text, url)
    if kind != "html":
        raise InputError(f"{url}: not an HTML page (it is {response.content_type or kind})")
    return page_article(response, text, source)


def _error_item(error: InputError, source: str) -> ReadItem:
    message = str(error)
    label = source
    if message.startswith(source):
        suffix = message[len(source) :].split(": ", 1)[0]
        if suffix[:1] in ("[", "#", ":"):
            label = source + suffix
    return ReadItem(source=label, error=error)


def _entry_error(label: str, exc: InputError) -> InputError:
    message = f"{label}: {exc}"
    if isinstance(exc, FetchError):
        return FetchError(message, transient=exc.transient)
    return InputError(message)


def _feed_items(
    response: Response,
    text: str,
    source: str,
    fetcher: Fetcher,
    known: Known | None,
    on_alias: OnAlias | None,
    stop: Callable[[], bool] | None,
) -> Iterator[ReadItem]:
    import feedparser

    from kg.read.feeds import parse_feed

    text = clean_markup(text)
    parsed = feedparser.parse(text)
    if not parsed.entries:
        raise InputError(f"{source}: no entries found in the feed")
    # each entry's own text, for entries whose page cannot be had (labels source#1, source#2, ...)
    own: dict[str, Article | InputError] = {}
    with warnings.catch_warnings():  # feedparser's notice about updated_parsed, for entries without dates
        warnings.simplefilter("ignore", DeprecationWarning)
        for item in parse_feed(text, source=source):
            if isinstance(item, Article) and item.source:
                own[item.source] = item
            elif isinstance(item, InputError):
                own[str(item).split(": ", 1)[0]] = item
    publisher = clean_text(parsed.feed.get("title") or "").strip() or None
    for i, entry in enumerate(parsed.entries, 1):
        if stop is not None and stop():
            return
        label = f"{source}#{i}"
        link = (entry.get("link") or "").strip()
        link = urljoin(response.url, link) if link else ""
        if link and not is_url(link):
            link = ""
        entry_url = canonical_url(link) if link else None
        if entry_url and known is not None and known(entry_url):
            continue
        article: Article | None = None
        failure: InputError | None = None
        if link:
            try:
                article = fetch_page(link, fetcher, link)
            except InputError as exc:
                failure = exc
        fallback = own.get(label)
        has_text = bool(entry.get("content") or entry.get("summary"))
        if article is None and isinstance(fallback, Article) and (has_text or not link):
            article = fallback  # the page cannot be had: the entry's own text
            article.url = entry_url
        if article is None:
            if failure is not None:
                error = _entry_error(label, failure)
            elif isinstance(fallback, InputError):
                error = fallback
            else:
                error = InputError(f"{label}: the feed entry has no link and no text")
            yield ReadItem(source=label, error=error)
            continue
        article.source = label
        if publisher:
            article.publisher = publisher
        updated = entry["updated_parsed"] if "updated_parsed" in entry else None  # no feedparser fallback warning
        published = normalise_date(entry.get("published_parsed") or updated)
        if published:
            article.published = published
        if entry_url and article.url and article.url != entry_url and on_alias is not None:
            on_alias(entry_url, article.url)
        try:
            yield ReadItem(source=label, article=_finish(article, label))
        except InputError as exc:
            yield ReadItem(source=label, error=exc)


def _record_items(text: str, kind: str, source: str, known: Known | None) -> Iterator[ReadItem]:
    from kg.read import parse

    if kind == "text":
        text = clean_text(text)
    for item in parse(text, kind, source):
        if isinstance(item, InputError):
            yield _error_item(item, source)
            continue
        label = item.source or source
        if item.url and is_url(item.url):
            item.url = canonical_url(item.url)
            if known is not None and known(item.url):
                continue
        try:
            yield ReadItem(source=label, article=_finish(item, label))
        except InputError as exc:
            yield ReadItem(source=label, error=exc)


def read_response(
    response: Response,
    fetcher: Fetcher,
    *,
    known: Known | None = None,
    on_alias: OnAlias | None = None,
    stop: Callable[[], bool] | None = None,
) -> Iterator[ReadItem]:
    """The articles of a fetched source. Raises :class:`InputError` when the source as a whole
    cannot be read (not text, not an article page, a feed without entries); a feed entry or a
    record that cannot be read is an error item and the others go on.

    ``known(url)`` says whether the article of a feed entry or record (by its canonical URL) is
    stored already: it is then skipped without fetching its page. ``on_alias(url, canonical)`` is
    told when an entry's page turns out to have another canonical URL than the entry's link.
    ``stop()`` is asked before each feed entry; when it says yes, no further entries are read."""
    source = response.requested or response.url
    text = response_text(response, source)
    kind = response_kind(response, text, source)
    if kind == "html":
        article = page_article(response, text, source)
        yield ReadItem(source=source, article=_finish(article, source))
    elif kind == "feed":
        yield from _feed_items(response, text, source, fetcher, known, on_alias, stop)
    else:
        yield from _record_items(text, kind, source, known)


def read_url(url: str, fetcher: Fetcher, **options) -> Iterator[ReadItem]:
    """The articles of one http(s) URL; a URL that cannot be fetched or read is one error item."""
    try:
        response = fetcher.get(url)
        yield from read_response(response, fetcher, **options)
    except InputError as exc:
        yield ReadItem(source=url, error=exc)


def read_inputs(paths: Iterable[str], meta: Metadata | None, fetcher: Fetcher) -> Iterator[ReadItem]:
    """Like :func:`kg.read.read_articles`, with http(s) URLs among the paths fetched and read."""
    meta = meta or Metadata()
    for raw in paths:
        if is_url(raw):
            items: Iterable[ReadItem] = read_url(raw, fetcher)
        else:
            items = (item for path in expand_paths([raw]) for item in read_source(path))
        for item in items:
            if item.article is not None:
                apply_metadata(item.article, meta)
            yield item
