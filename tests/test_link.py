"""kg link against a real SPARQL server (oxigraph serve on 127.0.0.1) loaded with a small fixture."""

from __future__ import annotations

from kg.cli import main
from kg.store import open_store


def test_link_against_a_local_endpoint(runner, store_path, harbour, sparql_server):
    assert runner.invoke(main, ["ingest", str(harbour), "--store", str(store_path)]).exit_code == 0
    result = runner.invoke(main, ["link", "--endpoint", sparql_server, "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert "ambiguous" in result.output
    store = open_store(store_path, must_exist=True)
    try:
        rows = store.query(
            "SELECT ?key ?item ?label WHERE { ?e kg:canonicalKey ?key ; owl:sameAs ?item . "
            "?l kg:linkedEntity ?e ; kg:linkTarget ?item ; kg:matchedLabel ?label }"
        ).rows
    finally:
        store.close()
    links = {r["key"].value: (r["item"].value, r["label"].value) for r in rows}
    assert links["organization/maritime-safety-council"][0] == "http://kb.example.org/entity/Q1"
    assert links["person/helena-brandt"][0] == "http://kb.example.org/entity/Q2"
    assert links["organization/port-authority-of-valmora"] == (
        "http://kb.example.org/entity/Q3",
        "Port Authority of Valmora",
    )
    assert "place/geneva" not in links  # two items are labelled "Geneva"

    again = runner.invoke(main, ["link", "--endpoint", sparql_server, "--store", str(store_path)])
    assert again.exit_code == 0
    store = open_store(store_path, must_exist=True)
    try:
        n = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?l a kg:Link } }").rows[0]["n"].value
    finally:
        store.close()
    assert int(n) == len(links)


def test_dead_endpoint_is_a_clean_error(runner, store_path, harbour):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    runner.invoke(main, ["ingest", str(harbour), "--store", str(store_path)])
    result = runner.invoke(
        main, ["link", "--endpoint", f"http://127.0.0.1:{port}/query", "--timeout", "3", "--store", str(store_path)]
    )
    assert result.exit_code == 1
    assert "cannot query the endpoint" in result.output and "Traceback" not in result.output
