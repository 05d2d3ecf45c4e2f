"""Queries read and reach nothing else: updates and SERVICE are refused with a reason; an endpoint
that answers with something other than SPARQL results is a one-line error; a fractional timeout
stays a timeout."""

from __future__ import annotations

import http.server
import threading
import warnings

import pytest

from kg.cli import main
from kg.store.remote import RemoteStore


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from click.testing import CliRunner

    from tests.conftest import DATA

    path = tmp_path_factory.mktemp("guard") / "kg-data"
    assert CliRunner().invoke(main, ["ingest", str(DATA / "harbour-report.txt"), "--store", str(path)]).exit_code == 0
    return path


@pytest.mark.parametrize(
    ("sparql", "says"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "updates are refused"),
        ("PREFIX ex: <http://example.org/>\n# a comment\nDELETE WHERE { ?s ?p ?o }", "updates are refused"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ],
)
def test_updates_and_service_are_refused(runner, store, sparql, says):
    result = runner.invoke(main, ["query", "--store", str(store), "--sparql", sparql])
    assert result.exit_code == 1 and says in result.output
    assert "Traceback" not in result.output


def test_the_word_service_in_a_string_is_fine(runner, store):
    sparql = 'SELECT ?s WHERE { ?s ?p ?o FILTER(?o = "customer SERVICE desk") }'
    assert runner.invoke(main, ["query", "--store", str(store), "--sparql", sparql]).exit_code == 0


class _Odd(http.server.BaseHTTPRequestHandler):
    bodies = {"/html": (b"<html><body>Welcome</body></html>", "text/html"), "/list": (b"[1, 2, 3]", "application/json")}

    def do_POST(self):  # noqa: N802 - the http.server interface
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body, kind = self.bodies.get(self.path, (b"{}", "application/sparql-results+json"))
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST  # noqa: N815

    def log_message(self, *args):
        pass


@pytest.fixture
def odd_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Odd)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("path", ["/html", "/list", "/empty"])
def test_an_endpoint_that_answers_no_results_is_a_one_line_error(runner, odd_server, path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing printed beside the error, not even a library's warning
        result = runner.invoke(main, ["query", "articles", "--endpoint", odd_server + path, "--timeout", "5"])
    assert result.exit_code == 1, result.output
    assert "did not answer with SPARQL" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_fractional_timeout_is_never_no_timeout():
    store = RemoteStore("http://127.0.0.1:1/sparql", timeout=0.5)
    assert store._client("SELECT * WHERE { ?s ?p ?o }").timeout == 1
