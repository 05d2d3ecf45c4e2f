"""Live intake: HTTP as a good citizen (kg.fetch), URLs read as articles (kg.web), `kg ingest URL`.

Everything talks to a real HTTP server the tests start on 127.0.0.1 (tests/live_server.py).
"""

from __future__ import annotations

import gzip
import time

import pytest

from kg.cli import main
from kg.fetch import MAX_RESPONSE_BYTES, USER_AGENT, Fetcher, FetchError
from kg.model import article_id
from kg.web import canonical_url, identity_url, read_url
from tests.live_server import ARTICLES, NOT_AN_ARTICLE, RSS, page, rss

FERRY, ORCHARD, LIBRARY = (ARTICLES[k][0] for k in ("ferry", "orchard", "library"))


@pytest.fixture(autouse=True)
def _quick(monkeypatch):
    """No proxy between the tests and their own server; retries without long waits."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("kg.fetch.BACKOFF", 0.01)




def _fetcher(**options) -> Fetcher:
    return Fetcher(**{"delay": 0, "timeout": 5, **options})


# -- kg.fetch ------------------------------------------------------------------------------------


def test_get_names_kg_and_reads_the_body(server):
    url = server.set("/news/ferry", page("ferry"))
    response = _fetcher().get(url)
    assert response.status == 200 and response.content_type == "text/html" and response.charset == "utf-8"
    assert FERRY.encode() in response.body
    hit = server.requests("/news/ferry")[0]
    assert hit.headers["user-agent"] == USER_AGENT and USER_AGENT.startswith("kg/")


def test_one_host_is_asked_with_a_delay_between_requests(server):
    server.set("/a", page("ferry"))
    server.set("/b", page("orchard"))
    fetcher = _fetcher(delay=0.3)
    fetcher.get(server.url("/a"))
    fetcher.get(server.url("/b"))
    hits = server.hits  # robots.txt, /a, /b
    assert [h.path for h in hits] == ["/robots.txt", "/a", "/b"]
    gaps = [b.at - a.at for a, b in zip(hits, hits[1:], strict=False)]
    assert min(gaps) >= 0.28


def test_redirects_are_followed_and_the_final_url_is_the_identity(server):
    server.set("/old/ferry", status=301, headers={"Location": "/news/ferry"})
    server.set("/news/ferry", page("ferry"))
    response = _fetcher().get(server.url("/old/ferry"))
    assert response.url == server.url("/news/ferry") and response.requested == server.url("/old/ferry")
    [item] = read_url(server.url("/old/ferry"), _fetcher())
    assert item.error is None
    assert item.article.url == server.url("/news/ferry")
    assert item.article.id == article_id("", url=server.url("/news/ferry"))


def test_redirect_loops_end(server):
    server.set("/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="redirects"):
        _fetcher().get(server.url("/loop"))


def test_conditional_request_answered_304(server):
    url = server.set("/feed", rss("Gazette", []), ctype=RSS, etag='"v1"', last_modified="Mon, 03 Nov 2025 08:00:00 GMT")
    first = _fetcher().get(url)
    assert first.status == 200 and first.etag == '"v1"' and first.last_modified
    again = _fetcher().get(url, etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    assert server.requests("/feed")[-1].headers["if-none-match"] == '"v1"'


def test_a_slow_source_times_out_after_bounded_retries(server):
    url = server.set("/slow", page("ferry"), delay=3)
    started = time.monotonic()
    with pytest.raises(FetchError, match="no answer within 0.3 s") as info:
        _fetcher(timeout=0.3, tries=2).get(url)
    assert info.value.transient
    assert time.monotonic() - started < 2.5
    assert len(server.requests("/slow")) == 2


def test_a_500_is_retried_with_backoff_then_reported(server):
    url = server.set("/broken", "oops", status=500, ctype="text/plain")
    sleeps = []
    fetcher = Fetcher(delay=0, timeout=5, backoff=0.5, sleep=sleeps.append)
    with pytest.raises(FetchError, match=r"HTTP 500 .*tried 3 times") as info:
        fetcher.get(url)
    assert info.value.transient and len(server.requests("/broken")) == 3
    assert sleeps == [0.5, 1.0]  # exponential


def test_a_404_is_not_retried(server):
    with pytest.raises(FetchError, match="HTTP 404") as info:
        _fetcher().get(server.url("/missing"))
    assert not info.value.transient and len(server.requests("/missing")) == 1


def test_connection_refused_is_a_transient_error(server):
    port = server.port
    server.stop()
    with pytest.raises(FetchError, match="cannot connect") as info:
        _fetcher(tries=2).get(f"http://127.0.0.1:{port}/x")
    assert info.value.transient


def _stream(total: int, chunk: int = 1 << 20):
    def handler(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Connection", "close")
        request.end_headers()
        block = b"<p>" + b"x" * (chunk - 3)
        sent = 0
        while sent < total:
            request.wfile.write(block)
            sent += len(block)

    return handler


def test_a_huge_response_is_refused_while_streaming(server):
    url = server.set("/huge", handler=_stream(MAX_RESPONSE_BYTES * 3))
    with pytest.raises(FetchError, match="over the 10 MiB limit") as info:
        _fetcher().get(url)
    assert not info.value.transient


def test_a_huge_declared_length_is_refused_before_reading(server):
    def handler(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(50 * 2**20))
        request.end_headers()
        request.wfile.write(b"<p>start</p>")

    url = server.set("/declared", handler=handler)
    with pytest.raises(FetchError, match="52,428,800 bytes, over the 10 MiB limit"):
        _fetcher().get(url)


def test_a_gzip_bomb_is_refused_after_decompression(server):
    body = gzip.compress(b" " * (MAX_RESPONSE_BYTES + 10))
    url = server.set("/bomb", body, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="over the 10 MiB limit"):
        _fetcher().get(url)


def test_gzip_responses_are_decoded(server):
    url = server.set("/zipped", gzip.compress(page("ferry").encode()), headers={"Content-Encoding": "gzip"})
    assert FERRY.encode() in _fetcher().get(url).body
    assert "gzip" in server.requests("/zipped")[0].headers["accept-encoding"]


def test_robots_txt_is_respected_and_read_once_per_host(server):
    server.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
    server.set("/private/memo", page("ferry"))
    server.set("/news/ferry", page("ferry"))
    server.set("/news/orchard", page("orchard"))
    fetcher = _fetcher()
    with pytest.raises(FetchError, match="robots.txt .* does not allow kg") as info:
        fetcher.get(server.url("/private/memo"))
    assert not info.value.transient
    fetcher.get(server.url("/news/ferry"))
    fetcher.get(server.url("/news/orchard"))
    assert not server.requests("/private/memo")
    assert len(server.requests("/robots.txt")) == 1


def test_robots_txt_naming_kg(server):
    server.set("/robots.txt", "User-agent: kg\nDisallow: /\n\nUser-agent: *\nDisallow:\n", ctype="text/plain")
    server.set("/news/ferry", page("ferry"))
    with pytest.raises(FetchError, match="robots.txt"):
        _fetcher().get(server.url("/news/ferry"))


def test_a_redirect_into_a_disallowed_path_is_not_followed(server):
    server.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
    server.set("/go", status=302, headers={"Location": "/private/memo"})
    server.set("/private/memo", page("ferry"))
    with pytest.raises(FetchError, match="robots.txt"):
        _fetcher().get(server.url("/go"))
    assert not server.requests("/private/memo")


# -- kg.web: URLs to articles --------------------------------------------------------------------


def test_canonical_urls():
    assert canonical_url("HTTP://News.Example:80/a/b?utm_source=rss&id=3#top") == "http://news.example/a/b?id=3"
    assert canonical_url("https://news.example/a?b=2&a=1") == "https://news.example/a?a=1&b=2"
    fetched = "https://www.news.example/2025/ferry?utm_medium=feed"
    assert identity_url(fetched) == "https://www.news.example/2025/ferry"
    assert identity_url(fetched, "/story/ferry") == "https://www.news.example/story/ferry"
    assert identity_url(fetched, "https://news.example/story/ferry") == "https://news.example/story/ferry"
    # a canonical link to the front page or to another site is not trusted
    assert identity_url(fetched, "https://news.example/") == "https://www.news.example/2025/ferry"
    assert identity_url(fetched, "https://other.example/story") == "https://www.news.example/2025/ferry"


def test_a_page_is_read_through_the_html_reader(server):
    url = server.set("/news/ferry", page("ferry", canonical="/news/ferry?utm_source=x"))
    [item] = read_url(url, _fetcher())
    article = item.article
    assert item.error is None and article.title == FERRY
    assert article.text.startswith(FERRY + "\n\n") and "Ingrid Halvorsen" in article.text
    assert article.published == "2025-11-03" and article.publisher == "The Test Gazette"
    assert article.url == server.url("/news/ferry") and article.id == article_id("", url=article.url)


def test_a_page_without_metadata_date_is_dated_by_htmldate(server):
    url = server.set("/2025/10/21/orchard", page("orchard", dated=False))
    [item] = read_url(url, _fetcher())
    assert item.article.published == "2025-10-21"


def test_a_page_that_is_not_an_article_is_a_clean_error(server):
    url = server.set("/menu", NOT_AN_ARTICLE)
    [item] = read_url(url, _fetcher())
    assert item.article is None and str(item.error) == f"{url}: no article text found in the HTML page"


def test_other_content_types_are_refused(server):
    url = server.set("/logo", b"\x89PNG\r\n\x1a\n\x00\x00", ctype="image/png")
    [item] = read_url(url, _fetcher())
    assert "image/png, not an HTML page" in str(item.error)


def test_a_feed_is_read_entry_by_entry_from_the_pages(server):
    server.set("/news/ferry", page("ferry"))
    server.set("/news/library", page("library"))
    entries = [
        (server.url("/news/ferry?utm_source=rss"), FERRY, "Mon, 03 Nov 2025 09:30:00 GMT"),
        (server.url("/news/orchard"), ORCHARD, "Tue, 21 Oct 2025 07:00:00 GMT"),  # no page: the feed's text
        ("/news/library", LIBRARY, "Fri, 12 Sep 2025 10:00:00 GMT"),  # relative link
    ]
    url = server.set("/feed.xml", rss("Test Gazette: Regional", entries), ctype=RSS)
    items = list(read_url(url, _fetcher()))
    assert [i.source for i in items] == [f"{url}#1", f"{url}#2", f"{url}#3"]
    assert all(i.error is None for i in items)
    ferry, orchard, library = (i.article for i in items)
    assert ferry.url == server.url("/news/ferry") and "Ingrid Halvorsen" in ferry.text
    assert ferry.publisher == "Test Gazette: Regional" and ferry.published == "2025-11-03"
    assert orchard.url == server.url("/news/orchard") and orchard.text.startswith(ORCHARD + "\n\nA late frost")
    assert orchard.published == "2025-10-21"
    assert library.url == server.url("/news/library") and "Anna Berglund" in library.text
    assert len(server.requests("/news/ferry?utm_source=rss")) == 1


def test_feed_entries_already_known_are_not_fetched(server):
    server.set("/news/ferry", page("ferry"))
    server.set("/news/library", page("library"))
    entries = [(server.url("/news/ferry"), FERRY, ""), (server.url("/news/library"), LIBRARY, "")]
    url = server.set("/feed.xml", rss("Gazette", entries), ctype=RSS)
    from kg.web import read_response

    fetcher = _fetcher()
    response = fetcher.get(url)
    items = list(read_response(response, fetcher, known=lambda u: u.endswith("/news/ferry")))
    assert [i.article.url for i in items] == [server.url("/news/library")]
    assert not server.requests("/news/ferry")


def test_a_feed_without_entries_is_an_error(server):
    url = server.set("/empty.xml", rss("Gazette", []), ctype=RSS)
    [item] = read_url(url, _fetcher())
    assert "no entries found in the feed" in str(item.error)


def test_json_records_over_http(server):
    import json

    title, date, body = ARTICLES["bridge"]
    record = {"title": title, "text": body, "url": "https://news.example/bridge?fbclid=abc", "published": date}
    url = server.set("/api/articles", json.dumps([record]), ctype="application/json")
    [item] = read_url(url, _fetcher())
    assert item.article.url == "https://news.example/bridge" and item.article.published == date


# -- kg ingest URL -------------------------------------------------------------------------------


def _article_graphs(store_path) -> list[str]:
    from kg.store import open_store

    store = open_store(store_path, must_exist=True)
    try:
        return sorted(store.graphs())
    finally:
        store.close()


def test_kg_ingest_urls(runner, server, store_path):
    server.set("/news/ferry", page("ferry"))
    server.set("/news/orchard", page("orchard"))
    server.set("/menu", NOT_AN_ARTICLE)
    entries = [
        (server.url("/news/ferry?utm_source=rss"), FERRY, "Mon, 03 Nov 2025 09:30:00 GMT"),
        (server.url("/news/orchard"), ORCHARD, "Tue, 21 Oct 2025 07:00:00 GMT"),
    ]
    feed = server.set("/feed.xml", rss("Test Gazette", entries), ctype=RSS)
    args = ["ingest", server.url("/news/ferry"), feed, server.url("/menu"), "--store", str(store_path), "--delay", "0"]
    result = runner.invoke(main, args)
    assert result.exit_code == 1, result.output  # the menu page is not an article
    assert f"Error: {server.url('/menu')}: no article text found in the HTML page" in result.stderr
    # the ferry story reached twice (directly, and through the feed with a tracking parameter) is one article
    assert "Ingested 3 article(s)" in result.stderr and "2 new" in result.stderr
    assert len(_article_graphs(store_path)) == 2

    result = runner.invoke(main, ["query", "articles", "--store", str(store_path), "--format", "csv"])
    assert server.url("/news/ferry") in result.stdout and server.url("/news/orchard") in result.stdout
    sparql = "SELECT ?url ?p WHERE { ?a kg:publisherName ?p ; schema:url ?url } ORDER BY ?url"
    result = runner.invoke(main, ["query", "--sparql", sparql, "--store", str(store_path), "--format", "csv"])
    assert "Test Gazette" in result.stdout, result.output


def test_kg_ingest_url_that_cannot_be_fetched(runner, server, store_path, harbour):
    server.set("/broken", "oops", status=503, ctype="text/plain")
    args = ["ingest", str(harbour), server.url("/broken"), "--store", str(store_path), "--delay", "0"]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert f"Error: {server.url('/broken')}: HTTP 503 Service Unavailable (tried 3 times)" in result.stderr
    assert "1 new" in result.stderr


def test_an_unreadable_robots_txt_means_nothing_is_fetched(server):
    server.set("/robots.txt", "busy", status=503, ctype="text/plain")
    server.set("/news/ferry", page("ferry"))
    with pytest.raises(FetchError, match="robots.txt answered HTTP 503") as info:
        _fetcher().get(server.url("/news/ferry"))
    assert info.value.transient and not server.requests("/news/ferry")


def test_a_feed_entry_whose_page_is_no_article_and_has_no_text_of_its_own(server):
    menu = server.set("/menu", NOT_AN_ARTICLE)
    server.set("/news/ferry", page("ferry"))
    entries = [(menu, "Site menu", ""), (server.url("/news/ferry"), FERRY, "")]
    url = server.set("/feed.xml", rss("Gazette", entries), ctype=RSS)
    bad, good = read_url(url, _fetcher())
    assert bad.source == f"{url}#1" and str(bad.error) == f"{url}#1: {menu}: no article text found in the HTML page"
    assert good.error is None and good.article.source == f"{url}#2"
