"""Following sources: ``kg watch`` polls feed and page URLs and ingests what is new.

Each round reads the sources file again (one URL a line, ``#`` comments), asks every source with a
conditional request (``If-None-Match`` / ``If-Modified-Since`` from the last answer), and skips a
source whose answer is 304 or byte for byte the last one. A feed entry whose article is already
stored (a graph for the article id of the entry's canonical URL, or of the canonical URL its page
turned out to have) is skipped without fetching its page; the rest go through
:func:`kg.ingest.ingest` like ``kg ingest`` (recorded corrections applied, catalogue and stories
kept current).

What is remembered between rounds and runs lives in a small JSON file, by default
``<store>/watch-state.json``: per source its validators (ETag, Last-Modified), a hash of the last
body and, while it fails, since when; and the entry links whose pages have another canonical URL.
A source's validators are saved only once all its entries were handled, so a round that was
stopped, or could not fetch an entry's page, is taken up again by the next one.

SIGINT and SIGTERM stop the watch between articles: the article under way is extracted and
written, the round's bookkeeping saved, and the process exits 0. A second signal stops at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kg.errors import InputError, KgError
from kg.fetch import Fetcher, FetchError
from kg.model import article_id
from kg.rdf.iris import article_iri
from kg.read import ReadItem
from kg.store import StoreSpec, default_store_path, open_store
from kg.web import is_url, read_response

STATE_NAME = "watch-state.json"
ENDPOINT_STATE = "kg-watch-state.json"  # with --endpoint there is no store folder: the current one
DEFAULT_EVERY = "15m"
REPORT_FAILING_AFTER = timedelta(days=1)  # a source failing this long is named in every round's line
MAX_ALIASES = 20_000  # entry links remembered with another canonical URL (oldest dropped first)
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNITS = {"": 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


class SourcesError(KgError):
    """The sources file cannot be used."""


def parse_duration(text: str) -> float:
    """Seconds from ``900``, ``90s``, ``15m``, ``1h`` or ``1d``."""
    m = _DURATION.match(str(text))
    if not m or float(m[1]) <= 0:
        raise SourcesError(f"--every {text!r} is not a duration; use e.g. 90s, 15m or 1h")
    return float(m[1]) * _UNITS[(m[2] or "").lower()]


def read_sources(path: str | Path) -> list[str]:
    """The URLs of a sources file: one a line, blank lines and ``#`` comments (whole lines, or
    after a space) ignored, duplicates dropped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: cannot read the sources file ({getattr(exc, 'strerror', None) or exc})") from None
    urls: list[str] = []
    for number, line in enumerate(lines, 1):
        line = re.split(r"\s#", line, maxsplit=1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line) or len(line.split()) > 1:
            raise SourcesError(f"{path}:{number}: not an http(s) URL: {line[:80]!r}")
        if line not in urls:
            urls.append(line)
    return urls


def default_state_path(spec: StoreSpec) -> Path:
    endpoint = spec.endpoint or (None if spec.path else os.environ.get("KG_ENDPOINT"))
    if endpoint:
        return Path(ENDPOINT_STATE)
    return Path(spec.path or default_store_path()) / STATE_NAME


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class WatchState:
    """The JSON state file: ``{"sources": {url: {...}}, "aliases": {entry_url: canonical_url}}``."""

    def __init__(self, path: Path, warn: Callable[[str], None]) -> None:
        self.path = path
        self.sources: dict[str, dict] = {}
        self.aliases: dict[str, str] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            warn(f"{path}: cannot read the watch state ({exc}); starting afresh")
            return
        if isinstance(data, dict):
            sources, aliases = data.get("sources"), data.get("aliases")
            if isinstance(sources, dict):
                self.sources = {k: v for k, v in sources.items() if isinstance(v, dict)}
            if isinstance(aliases, dict):
                self.aliases = {k: v for k, v in aliases.items() if isinstance(v, str)}

    def source(self, url: str) -> dict:
        return self.sources.setdefault(url, {})

    def add_alias(self, url: str, canonical: str) -> None:
        self.aliases.pop(url, None)
        self.aliases[url] = canonical
        while len(self.aliases) > MAX_ALIASES:
            self.aliases.pop(next(iter(self.aliases)))

    def save(self, keep: list[str]) -> None:
        """Write atomically (a temporary file renamed over the old one); sources no longer listed
        in the sources file are forgotten."""
        self.sources = {url: self.sources[url] for url in keep if self.sources.get(url)}
        data = {"version": 1, "sources": self.sources, "aliases": self.aliases}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, self.path)


@dataclass
class Round:
    """What one round did, and its line for the log."""

    number: int
    started: datetime
    checked: int = 0
    new: int = 0
    updated: int = 0
    failures: int = 0
    failing: list[tuple[str, str]] = field(default_factory=list)  # (url, since) failing over a day
    stopped: bool = False

    def line(self) -> str:
        when = self.started.astimezone().isoformat(timespec="seconds")
        text = (
            f"{when} round {self.number}: {self.checked} source(s) checked, {self.new} new article(s), "
            f"{self.failures} failure(s)"
        )
        if self.updated:
            text += f", {self.updated} updated"
        if self.failing:
            text += "; failing for over a day: " + ", ".join(f"{url} (since {since})" for url, since in self.failing)
        if self.stopped:
            text += "; stopped"
        return text


class Watcher:
    """Polls the sources of ``sources_file`` into the store ``store``; see the module docstring."""

    def __init__(
        self,
        sources_file: str | Path,
        store: StoreSpec,
        *,
        fetcher: Fetcher | None = None,
        state_path: str | Path | None = None,
        echo: Callable[[str], None] = print,
        warn: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
    ) -> None:
        self.sources_file = Path(sources_file)
        self.store = store
        self.fetcher = fetcher or Fetcher()
        self.echo = echo
        self.warn = warn
        self.state = WatchState(Path(state_path) if state_path else default_state_path(store), warn)
        self.stopping = threading.Event()
        self.rounds = 0

    def stop(self) -> None:
        """Ask the watch to stop after the article under way (safe from a signal handler)."""
        self.stopping.set()

    # -- one round -----------------------------------------------------------------------------

    def run_round(self) -> Round:
        from kg.ingest import ingest

        self.rounds += 1
        result = Round(self.rounds, _now())
        sources = read_sources(self.sources_file)
        done: dict[str, dict] = {}  # validators of the sources whose every entry was handled
        this_round: set[str] = set()
        with open_store(self.store) as store:

            def known(url: str) -> bool:
                ids = {article_id("", url=url)}
                if url in self.state.aliases:
                    ids.add(article_id("", url=self.state.aliases[url]))
                return any(i in this_round or store.article_hash(str(article_iri(i))) is not None for i in ids)

            report = ingest(self._items(sources, known, result, done, this_round), store)
        result.new, result.updated = report.added, report.updated
        for error in report.errors:  # not expected: _items passes on articles only
            self.warn(f"Warning: {error}")
            result.failures += 1
        for url, validators in done.items():
            entry = self.state.source(url)
            entry.update({k: v for k, v in validators.items() if v})
            for key in ("etag", "last_modified"):
                if not validators.get(key):
                    entry.pop(key, None)
        now = _now()
        for url in sources:
            since = self.state.sources.get(url, {}).get("failing_since")
            try:
                first = datetime.fromisoformat(since) if isinstance(since, str) else None
            except ValueError:
                first = None
            if first is not None and first.tzinfo is not None and now - first >= REPORT_FAILING_AFTER:
                result.failing.append((url, since))
        self.state.save(sources)
        result.stopped = self.stopping.is_set()
        return result

    def _items(
        self,
        sources: list[str],
        known: Callable[[str], bool],
        result: Round,
        done: dict[str, dict],
        this_round: set[str],
    ) -> Iterator[ReadItem]:
        for url in sources:
            if self.stopping.is_set():
                return
            result.checked += 1
            entry = self.state.source(url)
            complete = True
            try:
                response = self.fetcher.get(url, etag=entry.get("etag"), last_modified=entry.get("last_modified"))
                if response.not_modified:
                    self._ok(url)
                    continue
                digest = hashlib.sha256(response.body).hexdigest()
                validators = {"etag": response.etag, "last_modified": response.last_modified, "sha256": digest}
                if digest != entry.get("sha256"):
                    items = read_response(
                        response, self.fetcher, known=known, on_alias=self.state.add_alias, stop=self.stopping.is_set
                    )
                    for item in items:
                        if item.error is not None:
                            self.warn(f"Warning: {item.error}")
                            result.failures += 1
                            if isinstance(item.error, FetchError) and item.error.transient:
                                complete = False  # the next round tries that entry's page again
                            continue
                        assert item.article is not None
                        this_round.add(item.article.id)
                        yield item
            except InputError as exc:
                self._fail(url, exc, result)
                continue
            if complete and not self.stopping.is_set():
                done[url] = validators
            self._ok(url)

    def _ok(self, url: str) -> None:
        entry = self.state.source(url)
        entry.pop("failing_since", None)
        entry.pop("last_error", None)

    def _fail(self, url: str, error: InputError, result: Round) -> None:
        message = str(error)
        self.warn(f"Warning: {message if message.startswith(url) else f'{url}: {message}'}")
        result.failures += 1
        entry = self.state.source(url)
        entry.setdefault("failing_since", _now().isoformat())
        entry["last_error"] = message

    # -- the loop ------------------------------------------------------------------------------

    def run(self, every: float, *, once: bool = False) -> int:
        """Rounds every ``every`` seconds (counted from the start of each) until stopped, or one
        with ``once``. Returns the exit code: 0, or with ``once`` 1 when something failed (0 after
        a stop)."""
        read_sources(self.sources_file)  # a sources file that cannot be used stops the watch at once
        restore = self._install_handlers()
        failed = False
        try:
            while True:
                started = time.monotonic()
                try:
                    result = self.run_round()
                except KgError as exc:  # e.g. the store is in use, or the sources file went away
                    if once:
                        raise
                    self.warn(f"Warning: round {self.rounds} failed: {exc}")
                else:
                    self.echo(result.line())
                    failed = result.failures > 0
                if once or self.stopping.is_set():
                    break
                while not self.stopping.is_set():
                    left = every - (time.monotonic() - started)
                    if left <= 0:
                        break
                    self.stopping.wait(min(left, 1.0))
                if self.stopping.is_set():
                    break
        finally:
            restore()
        return 1 if once and failed and not self.stopping.is_set() else 0

    def _install_handlers(self) -> Callable[[], None]:
        """SIGINT and SIGTERM ask for a stop; a second one stops at once (KeyboardInterrupt)."""
        if threading.current_thread() is not threading.main_thread():
            return lambda: None

        def handler(signum, frame):
            if self.stopping.is_set():
                raise KeyboardInterrupt
            self.stop()

        previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}

        def restore() -> None:
            for sig, old in previous.items():
                signal.signal(sig, old)

        return restore
