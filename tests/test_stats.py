"""kg stats adds up the counts the catalogue keeps: the same numbers as counting the whole store."""

from __future__ import annotations

import json

from kg.cli import main
from kg.ingest import ingest
from kg.rdf.graphs import CATALOG_GRAPH
from kg.read import read_articles
from kg.stats import plain_store_stats, store_stats
from kg.store import open_store

NAMES = ["harbour-report.txt", "wires.jsonl", "ceasefire-talks.txt", "story/a1-market-attack.txt"]


def _counted(store) -> int:
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ ?g kg:countedQuads ?q }} }}").rows
    return int(rows[0]["n"].value)


def test_stats_are_the_counts_of_the_whole_store(tmp_path, data_dir):
    store = open_store(tmp_path / "store")
    try:
        ingest(read_articles([str(data_dir / name) for name in NAMES]), store)
        stats = store_stats(store)
        assert stats == plain_store_stats(store)
        assert stats["articles"] == 5 and stats["mentions"] > stats["events"] > 0 and stats["triples"] == store.count()
        assert _counted(store) == 5
    finally:
        store.close()


def test_stats_follow_replaced_and_new_articles(tmp_path, data_dir):
    store = open_store(tmp_path / "store")
    try:
        ingest(read_articles([str(data_dir / "harbour-report.txt")]), store)
        text = (data_dir / "harbour-report.txt").read_text(encoding="utf-8")
        changed = tmp_path / "harbour-report.txt"
        changed.write_text(text + "\nThe council said it would publish a second report in June.\n", encoding="utf-8")
        ingest(read_articles([str(changed), str(data_dir / "ceasefire-talks.txt")]), store)
        assert store_stats(store) == plain_store_stats(store)
    finally:
        store.close()


def test_stats_of_a_store_written_before_counts_were_kept(tmp_path, data_dir):
    """Articles without counts are counted in their own graph, and the counts recorded when the store
    can be written; a store open read-only is counted without writing."""
    path = tmp_path / "store"
    store = open_store(path)
    ingest(read_articles([str(data_dir / name) for name in NAMES[:2]]), store)
    for name in ("countedQuads", "countedEvents", "countedStatements", "countedReports", "countedMentions"):
        store.update(f"DELETE WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ ?g kg:{name} ?n }} }}")
    expected = plain_store_stats(store)
    store.close()

    writer = open_store(path)
    reader = open_store(path)  # the store is in use: this one is read-only
    try:
        assert reader.read_only
        assert store_stats(reader) == expected
        assert _counted(writer) == 0
        assert store_stats(writer) == plain_store_stats(writer)
        assert _counted(writer) == expected["articles"]
    finally:
        reader.close()
        writer.close()


def test_kg_stats_command(runner, store_path, harbour):
    assert runner.invoke(main, ["ingest", str(harbour), "--store", str(store_path)]).exit_code == 0
    result = runner.invoke(main, ["stats", "--store", str(store_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    store = open_store(store_path, must_exist=True)
    try:
        assert json.loads(result.stdout) == plain_store_stats(store)
    finally:
        store.close()
