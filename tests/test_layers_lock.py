"""Runs that write one store at once take turns at the derived graphs: the lock is held by one run
at a time, is let go when the run ends (also by an error), and a lock left by a killed run is taken
over once it is stale (by the store's clock)."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone

import pytest

from kg.layers.base import STALE_AGE, STALE_MINUTES, layers_locked
from kg.layers.sparql import FORGET_ENTRY, LOCK_HOLDERS, render
from kg.rdf.graphs import LOCK_GRAPH
from kg.rdf.namespaces import KG
from kg.rdf.ntriples import XSD_DATETIME, insert_data, literal, triple
from kg.store import open_store


def _holders(store) -> list[str]:
    return [r["held"].value for r in store.query(render(LOCK_HOLDERS, age=STALE_AGE)).rows]


def test_one_run_at_a_time_and_the_lock_is_let_go(store_path):
    store = open_store(store_path)
    inside, order = threading.Event(), []

    def first():
        with layers_locked(store):
            inside.set()
            order.append("first in")
            time.sleep(0.5)
            order.append("first out")

    thread = threading.Thread(target=first)
    thread.start()
    inside.wait(5)
    with layers_locked(store, wait=0.05):
        order.append("second in")
        assert len(_holders(store)) == 1
    thread.join()
    assert order == ["first in", "first out", "second in"]
    assert _holders(store) == []
    store.close()


def test_an_error_inside_lets_the_lock_go(store_path):
    store = open_store(store_path)
    with pytest.raises(RuntimeError), layers_locked(store):
        raise RuntimeError("stopped")
    assert _holders(store) == []
    store.close()


def test_a_lock_left_by_a_killed_run_is_taken_over_once_stale(store_path):
    store = open_store(store_path)
    left = f"{LOCK_GRAPH}/killed"

    def lock_taken(minutes_ago: int) -> None:
        then = datetime.now(timezone.utc) - timedelta(minutes=minutes_ago)
        lines = [
            triple(left, KG.lockHeldBy, literal("killed")),
            triple(left, KG.lockedAt, literal(then.isoformat(), XSD_DATETIME)),
        ]
        store.update(insert_data(LOCK_GRAPH, lines))

    lock_taken(STALE_MINUTES + 1)
    assert _holders(store) == [left]
    with layers_locked(store, wait=0.01):
        assert left not in _holders(store) and len(_holders(store)) == 1
    assert _holders(store) == []

    lock_taken(1)  # a lock taken a minute ago is held: a run waits until it is let go
    entered = threading.Event()

    def run():
        with layers_locked(store, wait=0.01):
            entered.set()

    thread = threading.Thread(target=run)
    thread.start()
    assert not entered.wait(0.5)
    store.update(render(FORGET_ENTRY, graph=LOCK_GRAPH, node=left))
    thread.join(5)
    assert entered.is_set() and _holders(store) == []
    store.close()
