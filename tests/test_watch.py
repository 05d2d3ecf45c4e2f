"""`kg watch`: polling feeds and pages on a real HTTP server on 127.0.0.1 (tests/live_server.py),
with the CLI in process (CliRunner) and as a subprocess stopped by SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kg.cli import main
from kg.store import StoreSpec
from kg.watch import SourcesError, Watcher, parse_duration, read_sources
from tests.live_server import ARTICLES, NOT_AN_ARTICLE, RSS, page, rss

FERRY, ORCHARD, LIBRARY, BRIDGE = (ARTICLES[k][0] for k in ("ferry", "orchard", "library", "bridge"))
REPO = Path(__file__).resolve().parent.parent
_PROXIES = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")


@pytest.fixture(autouse=True)
def _quick(monkeypatch):
    for name in _PROXIES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("kg.fetch.BACKOFF", 0.01)




def _sources(tmp_path: Path, *urls: str) -> Path:
    path = tmp_path / "sources.txt"
    path.write_text("# followed by the tests\n\n" + "\n".join(urls) + "\n", encoding="utf-8")
    return path


def _watch(runner, sources, store_path, *args):
    command = ["watch", str(sources), "--once", "--store", str(store_path), "--delay", "0", *map(str, args)]
    return runner.invoke(main, command)


def _graphs(store_path) -> int:
    from kg.store import open_store

    store = open_store(store_path, must_exist=True)
    try:
        return len(list(store.graphs()))
    finally:
        store.close()


def _state(store_path) -> dict:
    return json.loads((Path(store_path) / "watch-state.json").read_text())


def test_sources_file_and_durations(tmp_path):
    path = tmp_path / "sources.txt"
    path.write_text(
        "# news\nhttps://a.example/feed.xml   # the main feed\n\n  http://b.example/page#top\nhttps://a.example/feed.xml\n"
    )
    assert read_sources(path) == ["https://a.example/feed.xml", "http://b.example/page#top"]
    path.write_text("https://a.example/feed\nftp://b.example/x\n")
    with pytest.raises(SourcesError, match=r"sources.txt:2: not an http\(s\) URL"):
        read_sources(path)
    assert [parse_duration(t) for t in ("900", "90s", "15m", "1h", "0.5m")] == [900, 90, 900, 3600, 30]
    with pytest.raises(SourcesError):
        parse_duration("soon")


def test_rounds_ask_conditionally_and_skip_what_is_stored(runner, server, store_path, tmp_path):
    server.set("/news/ferry", page("ferry"))
    server.set("/news/orchard", page("orchard"))
    entries = [(server.url("/news/ferry"), FERRY, ""), (server.url("/news/orchard"), ORCHARD, "")]
    feed = server.set("/feed.xml", rss("Gazette", entries), ctype=RSS, etag='"v1"')
    library = server.set("/news/library", page("library"), last_modified="Fri, 12 Sep 2025 10:00:00 GMT")
    sources = _sources(tmp_path, feed, library)

    result = _watch(runner, sources, store_path)
    assert result.exit_code == 0, result.output
    assert "round 1: 2 source(s) checked, 3 new article(s), 0 failure(s)" in result.stdout
    assert _graphs(store_path) == 3
    state = _state(store_path)
    assert state["sources"][feed]["etag"] == '"v1"'
    assert state["sources"][library]["last_modified"] == "Fri, 12 Sep 2025 10:00:00 GMT"

    result = _watch(runner, sources, store_path)  # a second run: the state is remembered
    assert result.exit_code == 0, result.output
    assert "2 source(s) checked, 0 new article(s), 0 failure(s)" in result.stdout
    feed_hits, library_hits = server.requests("/feed.xml"), server.requests("/news/library")
    assert feed_hits[-1].headers["if-none-match"] == '"v1"' and feed_hits[-1].status == 304
    assert library_hits[-1].headers["if-modified-since"] == "Fri, 12 Sep 2025 10:00:00 GMT"
    assert library_hits[-1].status == 304
    assert len(server.requests("/news/ferry")) == 1 and len(server.requests("/news/orchard")) == 1


def test_a_feed_that_changes_between_rounds(runner, server, store_path, tmp_path):
    server.set("/news/ferry", page("ferry"))
    server.set("/news/orchard", page("orchard"))
    server.set("/r/bridge", status=302, headers={"Location": "/news/bridge"})  # an entry link that redirects
    server.set("/news/bridge", page("bridge"))
    first = [(server.url("/news/ferry"), FERRY, ""), (server.url("/r/bridge"), BRIDGE, "")]
    feed = server.set("/feed.xml", rss("Gazette", first), ctype=RSS)  # no validators: its body is compared
    sources = _sources(tmp_path, feed)
    result = _watch(runner, sources, store_path)
    assert "1 source(s) checked, 2 new article(s)" in result.stdout, result.output
    assert _state(store_path)["aliases"] == {server.url("/r/bridge"): server.url("/news/bridge")}

    result = _watch(runner, sources, store_path)  # the same feed again: nothing read
    assert "0 new article(s)" in result.stdout
    assert len(server.requests("/feed.xml")) == 2 and len(server.requests("/news/ferry")) == 1

    second = [(server.url("/news/orchard?utm_source=rss"), ORCHARD, ""), *first]
    server.set("/feed.xml", rss("Gazette", second), ctype=RSS)
    result = _watch(runner, sources, store_path)
    assert "1 source(s) checked, 1 new article(s), 0 failure(s)" in result.stdout, result.output
    assert _graphs(store_path) == 3
    # entries already stored are not fetched again, also when their link redirects
    assert len(server.requests("/news/ferry")) == 1 and len(server.requests("/r/bridge")) == 1


def test_the_same_article_in_two_feeds_is_one(runner, server, store_path, tmp_path):
    server.set("/news/ferry", page("ferry"))
    one = server.set("/one.xml", rss("One", [(server.url("/news/ferry"), FERRY, "")]), ctype=RSS)
    two = server.set("/two.xml", rss("Two", [(server.url("/news/ferry?utm_campaign=x#more"), FERRY, "")]), ctype=RSS)
    result = _watch(runner, _sources(tmp_path, one, two), store_path)
    assert "2 source(s) checked, 1 new article(s), 0 failure(s)" in result.stdout, result.output
    assert _graphs(store_path) == 1 and len(server.hits) == 4  # robots.txt, two feeds, one page


def test_failing_sources_are_warnings_and_the_others_go_on(runner, server, store_path, tmp_path):
    server.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
    broken = server.set("/broken", "oops", status=500, ctype="text/plain")
    slow = server.set("/slow.xml", rss("Slow", []), ctype=RSS, delay=2)
    private = server.set("/private/feed.xml", rss("Private", []), ctype=RSS)
    menu = server.set("/menu", NOT_AN_ARTICLE)
    huge = server.set("/huge", "<p>" + "x" * (11 * 2**20) + "</p>")
    server.set("/news/ferry", page("ferry"))
    good = server.set("/feed.xml", rss("Gazette", [(server.url("/news/ferry"), FERRY, "")]), ctype=RSS)
    sources = _sources(tmp_path, broken, slow, private, menu, huge, good)

    result = _watch(runner, sources, store_path, "--timeout", "0.3")
    assert result.exit_code == 1  # --once: something failed
    assert "6 source(s) checked, 1 new article(s), 5 failure(s)" in result.stdout, result.output
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 5 and all(w.startswith("Warning: http://127.0.0.1") for w in warnings)
    assert f"Warning: {broken}: HTTP 500 Internal Server Error (tried 3 times)" in warnings
    assert f"Warning: {slow}: no answer within 0.3 s (tried 3 times)" in warnings
    assert any(w.startswith(f"Warning: {private}: robots.txt") for w in warnings)
    assert f"Warning: {menu}: no article text found in the HTML page" in warnings
    assert f"Warning: {huge}: the response is 11,534,343 bytes, over the 10 MiB limit" in warnings
    assert "failing for over a day" not in result.stdout
    state = _state(store_path)["sources"]
    assert {url for url, s in state.items() if "failing_since" in s} == {broken, slow, private, menu, huge}

    # a day later: the sources still failing are named in the round's line; one that works again is not
    two_days_ago = (datetime.now(timezone.utc) - timedelta(days=2)).replace(microsecond=0).isoformat()
    saved = _state(store_path)
    for url in (broken, menu):
        saved["sources"][url]["failing_since"] = two_days_ago
    (Path(store_path) / "watch-state.json").write_text(json.dumps(saved))
    server.set("/menu", page("library"))
    result = _watch(runner, _sources(tmp_path, broken, menu, good), store_path)
    assert "3 source(s) checked, 1 new article(s), 1 failure(s)" in result.stdout, result.output
    assert f"failing for over a day: {broken} (since {two_days_ago})" in result.stdout
    assert menu not in result.stdout
    state = _state(store_path)["sources"]
    assert "failing_since" not in state[menu] and state[broken]["failing_since"] == two_days_ago
    assert slow not in state  # no longer listed: forgotten


def test_the_loop_runs_rounds_until_stopped(server, store_path, tmp_path):
    server.set("/news/ferry", page("ferry"))
    feed = server.set("/feed.xml", rss("Gazette", [(server.url("/news/ferry"), FERRY, "")]), ctype=RSS, etag='"a"')
    lines: list[str] = []
    watcher = Watcher(_sources(tmp_path, feed), StoreSpec(path=str(store_path)), echo=lines.append)
    watcher.fetcher.delay = 0

    def stop_after_three_rounds(line: str) -> None:
        lines.append(line)
        if len(lines) == 3:
            threading.Timer(0.05, watcher.stop).start()

    watcher.echo = stop_after_three_rounds
    assert watcher.run(0.1) == 0
    assert len(lines) in (3, 4) and "1 new article(s)" in lines[0] and "0 new article(s)" in lines[1]
    assert [h.status for h in server.requests("/feed.xml")][:3] == [200, 304, 304]


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _PROXIES}
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _start(sources: Path, store_path: Path, *args: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "kg", "watch", str(sources), "--store", str(store_path), "--delay", "0", *args]
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_environment(), cwd=REPO
    )
    watchdog = threading.Timer(120, proc.kill)  # a watch that hangs fails the test instead of blocking it
    watchdog.daemon = True
    watchdog.start()
    return proc


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_between_rounds_exits_cleanly(server, store_path, tmp_path, signum):
    server.set("/news/ferry", page("ferry"))
    feed = server.set("/feed.xml", rss("Gazette", [(server.url("/news/ferry"), FERRY, "")]), ctype=RSS)
    proc = _start(_sources(tmp_path, feed), store_path, "--every", "1h")
    try:
        line = proc.stdout.readline()  # the first round's line: the watch now sleeps
        assert "round 1: 1 source(s) checked, 1 new article(s), 0 failure(s)" in line
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Stopped" in err and "Traceback" not in err
    assert _graphs(store_path) == 1 and _state(store_path)["sources"][feed]["sha256"]


def test_sigterm_during_a_round_stops_between_articles(runner, server, store_path, tmp_path):
    asked = threading.Event()

    def slow_ferry(request):
        asked.set()
        threading.Event().wait(1.0)  # the signal arrives while this page is on its way
        body = page("ferry").encode()
        request.send_response(200)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    server.set("/news/ferry", handler=slow_ferry)
    server.set("/news/orchard", page("orchard"))
    server.set("/news/library", page("library"))
    entries = [(server.url(f"/news/{k}"), ARTICLES[k][0], "") for k in ("ferry", "orchard", "library")]
    feed = server.set("/feed.xml", rss("Gazette", entries), ctype=RSS, etag='"v1"')
    sources = _sources(tmp_path, feed)
    proc = _start(sources, store_path, "--every", "1h")
    try:
        assert asked.wait(60), "the watch never asked for the first page"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "1 source(s) checked, 1 new article(s), 0 failure(s); stopped" in out
    assert _graphs(store_path) == 1  # the article under way was finished and written, no other begun
    assert not server.requests("/news/orchard") and not server.requests("/news/library")
    assert "etag" not in _state(store_path)["sources"].get(feed, {})  # the feed is taken up again next time

    result = _watch(runner, sources, store_path)
    assert "1 source(s) checked, 2 new article(s), 0 failure(s)" in result.stdout, result.output
    assert len(server.requests("/news/ferry")) == 1 and _graphs(store_path) == 3
