"""HTTP for live sources, as a good citizen: one request at a time per host with a delay between
them, a User-Agent naming kg, robots.txt respected, timeouts, bounded retries with exponential
backoff, and responses over :data:`MAX_RESPONSE_BYTES` refused.

Only the standard library (``urllib.request``). Redirects are followed here, hop by hop, so that
every hop passes the robots.txt check and the per-host delay.
"""

from __future__ import annotations

import http.client
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from kg import __version__
from kg.errors import InputError

USER_AGENT = f"kg/{__version__} (news knowledge graph reader; Python urllib)"
MAX_RESPONSE_BYTES = 10 * 2**20  # a response larger than this (after decompression) is refused
DEFAULT_DELAY = 1.0  # seconds between two requests to one host
DEFAULT_TIMEOUT = 20.0  # seconds a request may take, from connecting to the last byte
TRIES = 3  # attempts per request on connection errors, timeouts, 5xx and 429
BACKOFF = 1.0  # seconds before the second attempt; doubled before each further one
MAX_REDIRECTS = 5
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay is honoured up to this many seconds
ROBOTS_TTL = 24 * 3600  # robots.txt is fetched again after this many seconds
_CHUNK = 64 * 1024
_REDIRECTS = {301, 302, 303, 307, 308}
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}


class FetchError(InputError):
    """A URL could not be fetched. ``transient`` errors (connection failures, timeouts, 5xx, 429)
    may go away on their own; the others (4xx, robots.txt, size) will not without a change."""

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class _Retry(Exception):
    """An attempt failed in a way worth retrying; carries the message for the final error."""


@dataclass
class Response:
    """A fetched URL: ``url`` is where the content came from after redirects; status 304 means
    the conditional request found nothing new (and ``body`` is empty)."""

    url: str
    status: int
    headers: Message = field(default_factory=Message)
    body: bytes = b""
    requested: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        value = self.headers.get("Content-Type") or ""
        return value.split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        if self.headers.get("Content-Type") is None:
            return None
        return self.headers.get_content_charset()

    @property
    def etag(self) -> str | None:
        return self.headers.get("ETag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("Last-Modified")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses; :class:`Fetcher` follows them itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None


def _opener(proxies: bool) -> urllib.request.OpenerDirector:
    handlers: list = [_NoRedirect()]
    if not proxies:
        handlers.append(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{(parts.netloc or '').lower()}"


def _seconds(value: float) -> str:
    return f"{value:g} s"


class Fetcher:
    """Fetches URLs politely. One instance remembers per host when it was last asked and what its
    robots.txt allows, so use one per run (``kg watch`` keeps one for all its rounds)."""

    def __init__(
        self,
        *,
        delay: float | None = None,
        timeout: float | None = None,
        tries: int | None = None,
        backoff: float | None = None,
        max_bytes: int | None = None,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        # None: the module's constant at the time of construction (tests lower them)
        self.delay = DEFAULT_DELAY if delay is None else max(0.0, delay)
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self.tries = TRIES if tries is None else max(1, tries)
        self.backoff = BACKOFF if backoff is None else backoff
        self.max_bytes = MAX_RESPONSE_BYTES if max_bytes is None else max_bytes
        self.user_agent = user_agent
        self._sleep = sleep
        self._openers = {True: _opener(True), False: _opener(False)}
        self._locks: dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[float, RobotFileParser]] = {}

    # -- public --------------------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` following redirects; with ``etag``/``last_modified`` a conditional request
        (a 304 answer is returned, not raised). Raises :class:`FetchError` with a one-line message."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self._check_scheme(current)
            self._check_robots(current)
            response = self._request(current, headers)
            if response.status in _REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"{current}: HTTP {response.status} redirect without a Location")
                current = urljoin(current, location.strip())
                continue
            response.requested = url
            return response
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets kg fetch ``url`` (fetches robots.txt once per host)."""
        return self._robots_for(url).can_fetch(self.user_agent, url)

    # -- robots.txt ----------------------------------------------------------------------------

    @staticmethod
    def _check_scheme(url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise FetchError(f"{url}: not an http(s) URL")

    def _check_robots(self, url: str) -> None:
        if not self.allowed(url):
            raise FetchError(f"{url}: robots.txt of {host_of(url)} does not allow kg to fetch it")

    def _robots_for(self, url: str) -> RobotFileParser:
        host = host_of(url)
        cached = self._robots.get(host)
        if cached is not None and time.monotonic() - cached[0] < ROBOTS_TTL:
            return cached[1]
        parser = RobotFileParser(host + "/robots.txt")
        robots_url = host + "/robots.txt"
        try:
            response = self._request(robots_url, {})
            for _ in range(MAX_REDIRECTS):  # RFC 9309: follow at least five redirects
                if response.status not in _REDIRECTS or not response.headers.get("Location"):
                    break
                robots_url = urljoin(robots_url, response.headers["Location"].strip())
                self._check_scheme(robots_url)
                response = self._request(robots_url, {})
        except FetchError as exc:
            if exc.transient:
                # RFC 9309: an unreachable robots.txt means nothing may be fetched for now
                reason = _reason(exc)
                if reason.startswith("HTTP "):
                    reason = f"robots.txt answered {reason}; nothing is fetched from {host} until it can be read"
                raise FetchError(f"{url}: {reason}", transient=True) from None
            parser.allow_all = True  # e.g. too big: treated like a missing file
        else:
            if 200 <= response.status < 300:
                parser.parse(response.body.decode("utf-8", "replace").splitlines())
            else:  # 4xx (and anything odd): no robots.txt, everything allowed
                parser.allow_all = True
        self._robots[host] = (time.monotonic(), parser)
        return parser

    def _delay_for(self, host: str) -> float:
        cached = self._robots.get(host)
        crawl_delay = None
        if cached is not None:
            try:
                crawl_delay = cached[1].crawl_delay(self.user_agent)
            except (TypeError, ValueError):
                crawl_delay = None
        return max(self.delay, min(float(crawl_delay or 0), MAX_CRAWL_DELAY))

    # -- one request ---------------------------------------------------------------------------

    def _host_lock(self, host: str) -> threading.Lock:
        with self._locks_lock:
            return self._locks.setdefault(host, threading.Lock())

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        """One request with retries; the host's turn is waited for before every attempt."""
        host = host_of(url)
        message = ""
        for attempt in range(self.tries):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            with self._host_lock(host):
                wait = self._last.get(host, -1e18) + self._delay_for(host) - time.monotonic()
                if wait > 0:
                    self._sleep(wait)
                try:
                    return self._attempt(url, headers)
                except _Retry as exc:
                    message = str(exc)
                finally:
                    self._last[host] = time.monotonic()
        tries = f" (tried {self.tries} times)" if self.tries > 1 else ""
        raise FetchError(f"{url}: {message}{tries}", transient=True)

    def _attempt(self, url: str, headers: dict[str, str]) -> Response:
        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": self.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                "application/xml;q=0.9,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5",
                "Accept-Encoding": "gzip",
                **headers,
            },
        )
        hostname = (urlsplit(url).hostname or "").lower()
        opener = self._openers[hostname not in _LOOPBACK]
        deadline = time.monotonic() + self.timeout
        try:
            raw = opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            with exc:
                return self._error_response(url, exc)
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, ssl.SSLCertVerificationError):
                raise FetchError(f"{url}: TLS certificate not valid ({reason.verify_message})") from None
            if isinstance(reason, TimeoutError):
                raise _Retry(f"no answer within {_seconds(self.timeout)}") from None
            raise _Retry(f"cannot connect ({_reason(reason)})") from None
        except TimeoutError:
            raise _Retry(f"no answer within {_seconds(self.timeout)}") from None
        except (http.client.HTTPException, ConnectionError, OSError) as exc:
            raise _Retry(f"connection failed ({_reason(exc)})") from None
        with raw:
            body = self._read_body(url, raw, deadline)
            return Response(url=url, status=raw.status, headers=raw.headers, body=body)

    def _error_response(self, url: str, exc: urllib.error.HTTPError) -> Response:
        code = exc.code
        if code == 304 or code in _REDIRECTS:
            return Response(url=url, status=code, headers=exc.headers)
        reason = f"HTTP {code} {exc.reason}".strip()
        if code >= 500 or code == 429:
            raise _Retry(reason)
        raise FetchError(f"{url}: {reason}")

    def _read_body(self, url: str, raw, deadline: float) -> bytes:
        limit = self.max_bytes
        length = raw.headers.get("Content-Length")
        if length and length.strip().isdigit() and int(length) > limit:
            raise FetchError(f"{url}: the response is {int(length):,} bytes, over the {_mib(limit)} limit")
        encoding = (raw.headers.get("Content-Encoding") or "").strip().lower()
        decoder = None
        if encoding in ("gzip", "x-gzip"):
            decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
        parts: list[bytes] = []
        size = 0
        try:
            while True:
                if time.monotonic() > deadline:
                    raise _Retry(f"the response took longer than {_seconds(self.timeout)}")
                chunk = raw.read(_CHUNK)
                if not chunk:
                    break
                if decoder is not None:
                    chunk = decoder.decompress(chunk, limit + 1 - size)
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"{url}: the response is over the {_mib(limit)} limit; not read further")
                parts.append(chunk)
            if decoder is not None:
                rest = decoder.flush()
                if size + len(rest) > limit:
                    raise FetchError(f"{url}: the response is over the {_mib(limit)} limit; not read further")
                parts.append(rest)
        except TimeoutError:
            raise _Retry(f"the response stalled for {_seconds(self.timeout)}") from None
        except zlib.error:
            raise FetchError(f"{url}: the {encoding} response is corrupt") from None
        except (http.client.HTTPException, ConnectionError, OSError) as exc:
            raise _Retry(f"the connection broke while reading ({_reason(exc)})") from None
        return b"".join(parts)


def _mib(n: int) -> str:
    return f"{n / 2**20:g} MiB" if n >= 2**20 else f"{n:,} bytes"


def _reason(exc: object) -> str:
    if isinstance(exc, FetchError):
        return str(exc).split(": ", 1)[-1]
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).strip()
    return text or type(exc).__name__
