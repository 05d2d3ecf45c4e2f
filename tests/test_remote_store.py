"""A real SPARQL server as the store: the same commands give the same results as the embedded store."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from kg.cli import main
from kg.store import StoreSpec, open_store

INGESTED_AT = "https://w3id.org/kg-news/ontology#ingestedAt"


@pytest.fixture
def inputs(data_dir):
    return [
        str(data_dir / name) for name in ("harbour-report.txt", "wires.jsonl", "feed.rss", "feed.atom", "bridge.html")
    ]


POSITION = re.compile(r'(#\w*[lL]istPosition)> "(-?\d+)"')


def _quads(store) -> set[str]:
    """The store's quads as N-Quads lines, without the ingest times (which differ between runs), and
    with the listings' positions as their ranks: the numbers depend on the order rows were placed in,
    the order they give may not."""
    try:
        text = store.dump("nq").decode("utf-8")
    finally:
        store.close()
    lines = {line for line in text.splitlines() if line.strip() and INGESTED_AT not in line}
    found = {line: POSITION.search(line) for line in lines}
    positions = {line: m for line, m in found.items() if m}
    ranked = set()
    for predicate in {m[1] for m in positions.values()}:
        mine = sorted((int(m[2]), line) for line, m in positions.items() if m[1] == predicate)
        ranked.update(POSITION.sub(rf'\g<1>> "{rank}"', line) for rank, (_, line) in enumerate(mine))
    return (lines - set(positions)) | ranked


def _remote(server) -> list[str]:
    return ["--endpoint", server.query, "--graph-store-endpoint", server.store]


def test_commands_agree_with_the_embedded_store(runner, empty_server, store_path, inputs):
    assert runner.invoke(main, ["ingest", *inputs, "--store", str(store_path)]).exit_code == 0
    result = runner.invoke(main, ["ingest", *inputs, *_remote(empty_server)])
    assert result.exit_code == 0, result.output
    for args in (
        ["query", "entities", "--format", "csv"],
        ["query", "statements", "--format", "csv"],
        ["query", "entity-mentions", "--param", "name=Helena Brandt", "--format", "csv"],
        ["stats", "--format", "json"],
        ["entities", "--format", "csv"],
        ["analyze", "--format", "json"],
    ):
        local = runner.invoke(main, [*args, "--store", str(store_path)])
        remote = runner.invoke(main, [*args, *_remote(empty_server)])
        assert local.exit_code == remote.exit_code == 0, (args, remote.output)
        assert sorted(local.stdout.splitlines()) == sorted(remote.stdout.splitlines()), args
    assert _quads(open_store(store_path)) == _quads(open_store(StoreSpec(endpoint=empty_server.query)))
    again = runner.invoke(main, ["ingest", *inputs, *_remote(empty_server)])
    assert "0 new, 0 updated, 7 unchanged" in again.output


def test_updates_without_graph_store_protocol(runner, empty_server, inputs):
    result = runner.invoke(main, ["ingest", inputs[0], "--endpoint", empty_server.query])
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["validate", "--endpoint", empty_server.query]).exit_code == 0


def test_push_and_pull_are_idempotent(runner, empty_server, store_path, tmp_path, inputs):
    assert runner.invoke(main, ["ingest", *inputs, "--store", str(store_path)]).exit_code == 0
    for _ in range(2):
        result = runner.invoke(main, ["push", *_remote(empty_server), "--store", str(store_path)])
        assert result.exit_code == 0, result.output
    assert _quads(open_store(store_path)) == _quads(open_store(StoreSpec(endpoint=empty_server.query)))
    copy = tmp_path / "copy"
    for _ in range(2):
        assert runner.invoke(main, ["pull", "--endpoint", empty_server.query, "--store", str(copy)]).exit_code == 0
    assert _quads(open_store(copy)) == _quads(open_store(store_path))


def test_three_concurrent_ingest_processes(empty_server, store_path, inputs, runner):
    """Three processes share the work (with overlap) against one server: the same graph as one process."""
    batches = [inputs[0:3], inputs[2:4], inputs[3:5]]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "kg", "ingest", *batch, "-q", *_remote(empty_server)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for batch in batches
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert runner.invoke(main, ["ingest", *inputs, "--store", str(store_path)]).exit_code == 0
    assert _quads(open_store(StoreSpec(endpoint=empty_server.query))) == _quads(open_store(store_path))


def test_workers_give_the_same_graph(runner, tmp_path, inputs):
    one, two = tmp_path / "one", tmp_path / "two"
    assert runner.invoke(main, ["ingest", *inputs, "--store", str(one)]).exit_code == 0
    result = runner.invoke(main, ["ingest", *inputs, "--workers", "2", "--store", str(two)])
    assert result.exit_code == 0, result.output
    assert _quads(open_store(one)) == _quads(open_store(two))


def _dead_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("kind", ["dead", "wrong-path"])
def test_bad_endpoints_are_one_line_errors(runner, empty_server, store_path, inputs, kind):
    assert runner.invoke(main, ["ingest", inputs[0], "--store", str(store_path)]).exit_code == 0
    before = _quads(open_store(store_path))
    url = f"http://127.0.0.1:{_dead_port()}/query" if kind == "dead" else f"{empty_server.url}/nothing/here"
    for args in (["stats"], ["query", "entities"], ["ingest", inputs[0]]):
        result = runner.invoke(main, [*args, "--endpoint", url, "--timeout", "3"])
        assert result.exit_code == 1, (args, result.output)
        assert url.split("/")[2] in result.output and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) <= 2
    push = runner.invoke(main, ["push", "--endpoint", url, "--store", str(store_path)])
    assert push.exit_code == 1
    assert _quads(open_store(store_path)) == before


def test_kg_serve_exposes_the_local_store(runner, store_path, inputs):
    import time
    import urllib.parse
    import urllib.request

    assert runner.invoke(main, ["ingest", inputs[0], "--store", str(store_path)]).exit_code == 0
    port = _dead_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--port", str(port), "--store", str(store_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        query = urllib.parse.urlencode(
            {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/kg-news/ontology#Article> }"}
        )
        deadline = time.time() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/query?{query}", timeout=2) as response:
                    body = response.read().decode()
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
        assert '"1"' in body or ">1<" in body or "\n1" in body
        stats = runner.invoke(main, ["stats", "--format", "json", "--endpoint", f"http://127.0.0.1:{port}/query"])
        assert stats.exit_code == 0 and '"articles": 1' in stats.stdout
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_dask_cluster_gives_the_same_graph(runner, tmp_path, inputs):
    from distributed import LocalCluster

    plain, spread = tmp_path / "plain", tmp_path / "spread"
    assert runner.invoke(main, ["ingest", *inputs, "--store", str(plain)]).exit_code == 0
    with LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, processes=True
    ) as cluster:
        result = runner.invoke(
            main, ["ingest", *inputs, "--scheduler", cluster.scheduler_address, "--store", str(spread)]
        )
    assert result.exit_code == 0, result.output
    assert _quads(open_store(plain)) == _quads(open_store(spread))


def test_dead_scheduler(runner, tmp_path, inputs):
    result = runner.invoke(
        main, ["ingest", inputs[0], "--scheduler", f"tcp://127.0.0.1:{_dead_port()}", "--store", str(tmp_path / "s")]
    )
    assert result.exit_code == 1 and "Dask scheduler" in result.output
