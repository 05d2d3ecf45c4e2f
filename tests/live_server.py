"""A real HTTP server on 127.0.0.1 (an ephemeral port) for the fetch and watch tests, and the
articles it serves, written for these tests.

Routes are set per path: a body with its type and status, an ETag or Last-Modified that make
conditional requests answer 304, a delay before answering (a slow source), or a handler of
its own (a huge stream). Every request is logged with its headers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"


@dataclass
class Route:
    body: bytes | str = b""
    status: int = 200
    ctype: str = HTML
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int
    at: float


class LiveServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?", 1)[0])
                status = 404 if route is None else route.status
                headers = {k.lower(): v for k, v in self.headers.items()}
                if route is not None and route.status == 200:
                    if route.etag and headers.get("if-none-match") == route.etag:
                        status = 304
                    elif route.last_modified and headers.get("if-modified-since") == route.last_modified:
                        status = 304
                with server.lock:
                    server.hits.append(Hit(self.path, headers, status, time.monotonic()))
                if route is not None and route.delay:
                    time.sleep(route.delay)
                try:
                    if route is not None and route.handler is not None:
                        route.handler(self)
                        return
                    body = b"" if route is None else route.body
                    if isinstance(body, str):
                        body = body.encode("utf-8")
                    if status in (304, 404):
                        body = b"" if status == 304 else b"not found"
                    self.send_response(status)
                    if route is not None:
                        self.send_header("Content-Type", route.ctype)
                        for name, value in route.headers.items():
                            self.send_header(name, value)
                        if route.etag:
                            self.send_header("ETag", route.etag)
                        if route.last_modified:
                            self.send_header("Last-Modified", route.last_modified)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def set(self, path: str, body: bytes | str = b"", **options) -> str:
        self.routes[path] = Route(body, **options)
        return self.url(path)

    def requests(self, path: str) -> list[Hit]:
        with self.lock:
            return [h for h in self.hits if h.path == path]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# -- articles written for these tests ------------------------------------------------------------

ARTICLES = {
    "ferry": (
        "Island ferry operator cancels winter timetable",
        "2025-11-03",
        "The Tern Bay Ferry Company said on Monday that it would cancel its winter timetable after two of "
        "its three vessels failed safety inspections. The company's director, Ingrid Halvorsen, told "
        "reporters that repairs would take at least six weeks. The island council criticised the decision "
        "and urged the regional government to charter a replacement vessel before the holidays.",
    ),
    "orchard": (
        "Frost destroys half of the valley's apple harvest",
        "2025-10-21",
        "A late frost destroyed about half of the apple harvest in the Elm Valley, the regional growers' "
        "association said in a report published on Tuesday. The association found that smaller orchards "
        "lost more fruit than large ones. Its chairman, Peter Lindqvist, said that many growers would need "
        "emergency loans to pay their workers this winter.",
    ),
    "library": (
        "City library reopens after a two-year renovation",
        "2025-09-12",
        "The central library of Westmarsh reopened on Friday after a renovation that took two years and "
        "cost more than 14 million euros. Mayor Anna Berglund said the building would stay open until "
        "midnight on weekdays. The librarians' union said that the city had not hired enough staff for "
        "the longer hours and called for twenty new positions.",
    ),
    "bridge": (
        "Engineers close the old river bridge to lorries",
        "2025-08-30",
        "Engineers closed the old river bridge in Norby to lorries on Saturday after they found cracks in "
        "two of its supports. The transport agency said that cars and buses could still cross. Local "
        "hauliers accused the agency of ignoring warnings about the bridge for years, which the agency "
        "denied in a statement.",
    ),
    "choir": (
        "Children's choir wins the national singing contest",
        "2025-07-19",
        "The children's choir of Saltholm won the national singing contest in the capital on Saturday, "
        "beating twenty other choirs. Its conductor, Maria Sorensen, said the singers had rehearsed every "
        "morning for three months. The culture minister congratulated the choir and said it would "
        "represent the country at the European festival next spring.",
    ),
}


def page(key: str, *, canonical: str | None = None, dated: bool = True) -> str:
    """An article page: navigation, the article, a footer."""
    title, date, body = ARTICLES[key]
    meta = f'<meta property="article:published_time" content="{date}T08:00:00Z">' if dated else ""
    link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>{meta}{link}"
        "<meta property='og:site_name' content='The Test Gazette'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{escape(title)}</h1><p>{escape(body)}</p></article>"
        "<footer><a href='/about'>About us</a></footer></body></html>"
    )


NOT_AN_ARTICLE = (
    "<!DOCTYPE html><html><head><title>Menu</title></head><body>"
    "<nav><a href='/a'>Home</a> | <a href='/b'>News</a> | <a href='/c'>Contact</a></nav></body></html>"
)


def rss(title: str, entries: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed; entries are (link, title, RFC 822 date)."""
    items = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><pubDate>{d}</pubDate>"
        f"<description>{escape(ARTICLES_BY_TITLE.get(t, ''))}</description></item>"
        for link, t, d in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link><description>Test feed</description>"
        f"{items}</channel></rss>"
    )


ARTICLES_BY_TITLE = {title: body for title, _, body in ARTICLES.values()}


def http_date(when: float) -> str:
    return formatdate(when, usegmt=True)
