"""Shared fixtures: articles written for these tests, a fresh store per test, a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def harbour() -> Path:
    """An article written for the tests: a watchdog report, a quote, a denial, a call, figures."""
    return DATA / "harbour-report.txt"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def example_article() -> Path:
    path = SHARED / "examples" / "amnesty-report.txt"
    if not path.is_file():
        pytest.fail(f"the shared example article is missing: {path}")
    return path


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_nlp

    return load_nlp()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """A real ``oxigraph serve`` on a free 127.0.0.1 port; stopped by :meth:`stop`."""

    def __init__(self, location: Path, load: Path | None = None) -> None:
        import shutil
        import subprocess
        import sys
        import time
        import urllib.request

        binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        if load is not None:
            subprocess.run(
                [binary, "load", "--location", str(location), "--file", str(load)], check=True, capture_output=True
            )
        port = _free_port()
        self.proc = subprocess.Popen(
            [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=1)
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        pytest.fail("oxigraph serve did not start")

    @property
    def query(self) -> str:
        return f"{self.url}/query"

    @property
    def store(self) -> str:
        return f"{self.url}/store"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture
def sparql_server(tmp_path):
    """A SPARQL server loaded with tests/data/kb/mini-kb.ttl (a tiny Wikidata-shaped knowledge base)."""
    server = OxigraphServer(tmp_path / "kb-store", DATA / "kb" / "mini-kb.ttl")
    yield server.query
    server.stop()


@pytest.fixture
def empty_server(tmp_path):
    """An empty SPARQL server to use as kg's store."""
    server = OxigraphServer(tmp_path / "server-store")
    yield server
    server.stop()


@pytest.fixture
def shared_schemas() -> Path:
    path = SHARED / "schemas"
    if not (path / "gexf-1.3" / "gexf.xsd").is_file():
        pytest.fail(f"the shared GEXF schemas are missing: {path}")
    return path


@pytest.fixture
def server():
    """A real HTTP server on 127.0.0.1 serving the test pages and feeds (tests/live_server.py)."""
    from tests.live_server import LiveServer

    live = LiveServer()
    yield live
    live.stop()


def write_texts(tmp_path, **texts):
    """Each text as <name>.txt under tmp_path (articles for ingest tests); the paths by name."""
    paths = {}
    for name, text in texts.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths
