"""kg pull takes kg's own graphs only (or the prefixes a user names), and survives a server that
gives blank-node graph names or bindings without a type."""

from __future__ import annotations

import http.server
import json
import threading
import urllib.parse
import urllib.request

import pytest

from kg.cli import main
from kg.store import StoreSpec, open_store


def _update(server, sparql: str) -> None:
    data = urllib.parse.urlencode({"update": sparql}).encode()
    urllib.request.urlopen(urllib.request.Request(f"{server.url}/update", data=data), timeout=10).read()


def test_only_kg_graphs_unless_a_prefix_is_named(runner, empty_server, tmp_path):
    _update(
        empty_server,
        "INSERT DATA { GRAPH <https://w3id.org/kg-news/id/article/abc> { <urn:a> <urn:b> \"one\" } "
        "GRAPH <http://example.org/other> { <urn:c> <urn:d> \"two\" } }",
    )
    local = tmp_path / "local"
    result = runner.invoke(main, ["pull", "--endpoint", empty_server.query, "--store", str(local)])
    assert result.exit_code == 0, result.output
    assert "Pulled 1 graph(s)" in result.output and "skipped http://example.org/other" in result.output
    store = open_store(StoreSpec(path=local))
    try:
        assert store.named_graphs() == ["https://w3id.org/kg-news/id/article/abc"]
    finally:
        store.close()
    again = runner.invoke(
        main, ["pull", "--endpoint", empty_server.query, "--store", str(local), "--graph-prefix", "http://example.org/"]
    )
    assert again.exit_code == 0 and "Pulled 2 graph(s)" in again.output


class _Liar(http.server.BaseHTTPRequestHandler):
    answer: dict = {}

    def do_POST(self):  # noqa: N802 - the http.server interface
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = json.dumps(self.answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST  # noqa: N815

    def log_message(self, *args):
        pass


@pytest.mark.parametrize(
    ("binding", "says"),
    [
        ({"g": {"type": "bnode", "value": "b0"}}, "not an IRI"),
        ({"g": {"value": "https://w3id.org/kg-news/id/article/x"}}, "did not answer with SPARQL JSON results"),
        ({"g": {"type": "uri", "value": "https://w3id.org/kg-news/id/article/x y"}}, "no valid IRI"),
    ],
)
def test_odd_graph_names_are_skipped_or_one_line_errors(runner, tmp_path, binding, says):
    _Liar.answer = {"head": {"vars": ["g"]}, "results": {"bindings": [binding]}}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Liar)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        result = runner.invoke(main, ["pull", "--endpoint", url, "--store", str(tmp_path / "local")])
    finally:
        server.shutdown()
    assert says in result.output and "Traceback" not in result.output
