"""The embedded store: one named graph per article, idempotent re-ingest, bad paths refused."""

from __future__ import annotations

import pytest

from kg.errors import StoreError
from kg.ingest import ingest
from kg.read import Metadata, read_articles
from kg.store import open_store


def _ingest(store, paths, meta=None):
    return ingest(read_articles([str(p) for p in paths], meta), store)


def test_reingest_changes_nothing(store_path, harbour, data_dir):
    store = open_store(store_path)
    first = _ingest(store, [harbour, data_dir / "wires.jsonl"])
    assert (first.added, first.unchanged) == (3, 0)
    before = sorted(store.dump("nq").splitlines())
    again = _ingest(store, [harbour, data_dir / "wires.jsonl"])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    assert sorted(store.dump("nq").splitlines()) == before
    assert len(list(store.graphs())) == 3
    store.close()


def test_changed_article_replaces_its_graph_whole(store_path, harbour):
    store = open_store(store_path)
    _ingest(store, [harbour])
    count = store.count()
    report = _ingest(store, [harbour], Metadata(publisher="Example Daily"))
    assert report.updated == 1
    assert store.count() == count + 1  # one publisher triple more, nothing duplicated
    [graph] = list(store.graphs())
    assert store.query(f"ASK {{ GRAPH <{graph}> {{ ?a kg:publisherName 'Example Daily' }} }}").boolean
    store.close()


def test_store_persists_on_disk(store_path, harbour):
    store = open_store(store_path)
    _ingest(store, [harbour])
    n = store.count()
    store.close()
    reopened = open_store(store_path, must_exist=True)
    assert reopened.count() == n
    reopened.close()


def test_store_path_that_is_a_file(tmp_path):
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        open_store(path)


def test_missing_store_for_reading(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "nothing", must_exist=True)


def test_bad_items_do_not_stop_good_ones(store_path, harbour, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    store = open_store(store_path)
    report = _ingest(store, [bad, harbour])
    assert report.added == 1 and len(report.errors) == 1
    store.close()


def test_a_store_closes_when_its_block_ends(store_path):
    triple = "<https://example.org/s> <https://example.org/p> <https://example.org/o> ."
    with open_store(store_path) as store:
        store.update(f"INSERT DATA {{ GRAPH <https://example.org/g> {{ {triple} }} }}")
    with pytest.raises(AttributeError):  # closed: its Oxigraph store is released
        store.count()
    with pytest.raises(RuntimeError), open_store(store_path) as again:  # the lock was released: it opens
        assert again.count() == 1 and not again.read_only
        raise RuntimeError("the block fails")
    with open_store(store_path) as last:
        assert not last.read_only
