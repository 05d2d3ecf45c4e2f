"""The command line: exit codes, one-line errors, and the store left as it was on bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def _run(runner, *args):
    return runner.invoke(main, [str(a) for a in args])


@pytest.fixture
def filled(runner, store_path, harbour):
    result = _run(runner, "ingest", harbour, "--store", store_path)
    assert result.exit_code == 0, result.output
    return store_path


def _quads(store_path) -> int:
    from kg.store import open_store

    store = open_store(store_path, must_exist=True)
    try:
        return store.count()
    finally:
        store.close()


def test_ingest_query_export_stats_validate(runner, filled, tmp_path):
    result = _run(runner, "stats", "--store", filled, "--format", "json")
    assert result.exit_code == 0
    stats = json.loads(result.stdout)
    assert stats["articles"] == 1 and stats["entities"] >= 3 and stats["triples"] > 50

    result = _run(runner, "query", "entities", "--store", filled, "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "entity,name,class,articles,mentions"
    assert "Helena Brandt" in result.stdout

    result = _run(
        runner, "query", "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", filled, "--format", "json"
    )
    assert int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"]) > 50

    out = tmp_path / "graph.trig"
    result = _run(runner, "export", "--out", out, "--store", filled)
    assert result.exit_code == 0 and out.stat().st_size > 0

    result = _run(runner, "validate", "--store", filled)
    assert result.exit_code == 0, result.output


def test_query_list_shows_descriptions(runner):
    result = _run(runner, "query", "--list")
    assert result.exit_code == 0
    assert re.search(r"^entity-mentions\s+Where is an actor mentioned", result.stdout, re.M)


def test_query_file(runner, filled, tmp_path):
    rq = tmp_path / "mine.rq"
    rq.write_text("# count articles\nSELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Article }\n")
    result = _run(runner, "query", rq, "--store", filled, "--format", "csv")
    assert result.stdout.splitlines() == ["n", "1"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "--sparql", "SELECT ?x WHERE { ?x"], "malformed SPARQL"),
        (["query", "nope"], "no query named"),
        (["query", "entity-mentions", "--param", "oops"], "name=value"),
        (["export", "--article", "0000"], "no article graph"),
    ],
)
def test_errors_are_one_line(runner, filled, args, message):
    before = _quads(filled)
    result = _run(runner, *args, "--store", filled)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert _quads(filled) == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.bin.txt", b"\x00\x01\x02\x03", "binary"),
        ("bad.json", b"{not json", "invalid JSON"),
    ],
)
def test_bad_input_leaves_store_as_it_was(runner, filled, tmp_path, name, content, message):
    before = _quads(filled)
    path = tmp_path / name
    path.write_bytes(content)
    result = _run(runner, "ingest", path, "--store", filled)
    assert result.exit_code == 1
    assert message in result.output and name in result.output
    assert "Traceback" not in result.output
    assert _quads(filled) == before


def test_unreadable_path(runner, store_path):
    result = _run(runner, "ingest", "/no/such/article.txt", "--store", store_path)
    assert result.exit_code == 1 and "no such file" in result.output


def test_store_path_that_is_a_file(runner, tmp_path, harbour):
    bad = tmp_path / "afile"
    bad.write_text("x")
    result = _run(runner, "ingest", harbour, "--store", bad)
    assert result.exit_code == 1 and "is a file" in result.output
    assert bad.read_text() == "x"


def test_query_without_store(runner, tmp_path):
    result = _run(runner, "stats", "--store", tmp_path / "none")
    assert result.exit_code == 1 and "no store" in result.output


def test_url_needs_a_single_file(runner, harbour, data_dir):
    result = _run(runner, "extract", harbour, data_dir / "wires.jsonl", "--url", "https://example.org/x")
    assert result.exit_code == 2


def test_store_from_environment(runner, tmp_path, harbour, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "envstore"))
    assert _run(runner, "ingest", harbour).exit_code == 0
    assert (tmp_path / "envstore").is_dir()


def test_extract_ttl_and_jsonld_parse(runner, harbour):
    from rdflib import Graph

    from tests.quads import read_quads

    ttl = _run(runner, "extract", harbour, "--format", "ttl")
    assert len(Graph().parse(data=ttl.stdout, format="turtle")) > 50
    jsonld = _run(runner, "extract", harbour, "--format", "jsonld")
    triples, _ = read_quads(jsonld.stdout, "jsonld")
    assert len(triples) > 100


def test_every_command_has_help_and_is_in_the_readme(runner):
    readme = README.read_text()
    for name, command in main.commands.items():
        result = _run(runner, name, "--help")
        assert result.exit_code == 0
        assert command.help and len(command.help) > 20
        assert f"kg {name}" in readme, f"README does not show 'kg {name}'"
