"""kg merge / kg split: corrections recorded as provenance, applied to articles, surviving re-ingest."""

from __future__ import annotations

import pytest

from kg.cli import main
from kg.store import open_store


def _run(runner, *args):
    result = runner.invoke(main, [str(a) for a in args])
    return result


def _keys(store_path):
    store = open_store(store_path, must_exist=True)
    try:
        rows = store.query("SELECT DISTINCT ?k WHERE { ?e kg:canonicalKey ?k }").rows
        merges = store.query("SELECT ?c WHERE { GRAPH ?g { ?c a kg:Merge ; prov:generatedAtTime ?t } }").rows
    finally:
        store.close()
    return {r["k"].value for r in rows}, len(merges)


@pytest.fixture
def filled(runner, store_path, harbour):
    assert _run(runner, "ingest", harbour, "--store", store_path).exit_code == 0
    return store_path


def test_merge_split_and_reingest(runner, filled, harbour):
    keys, _ = _keys(filled)
    assert {"person/helena-brandt", "organization/maritime-safety-council"} <= keys
    result = _run(runner, "merge", "organization/maritime-safety-council", "Helena Brandt", "--store", filled)
    assert result.exit_code == 0, result.output
    keys, merges = _keys(filled)
    assert "person/helena-brandt" not in keys and merges == 1
    listing = _run(runner, "entities", "--store", filled, "--format", "csv").stdout
    assert "Helena Brandt" in next(line for line in listing.splitlines() if line.startswith("organization/maritime"))

    # Re-ingesting the article keeps the correction.
    assert _run(runner, "ingest", harbour, "--store", filled).exit_code == 0
    keys, _ = _keys(filled)
    assert "person/helena-brandt" not in keys

    result = _run(runner, "split", "organization/maritime-safety-council", "person/helena-brandt", "--store", filled)
    assert result.exit_code == 0, result.output
    keys, merges = _keys(filled)
    assert "person/helena-brandt" in keys and merges == 0
    assert _run(runner, "validate", "--store", filled).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["merge", "Nobody Known", "Helena Brandt"], "no entity"),
        (["merge", "Helena Brandt", "person/helena-brandt"], "already the same"),
        (["split", "Helena Brandt", "Geneva"], "no merge"),
    ],
)
def test_errors(runner, filled, args, message):
    result = _run(runner, *args, "--store", filled)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_entities_by_type(runner, filled):
    out = _run(runner, "entities", "--type", "Person", "--store", filled, "--format", "csv").stdout
    lines = out.splitlines()[1:]
    assert lines and all(",Person," in line for line in lines)
