"""The protocol every derived graph follows to stay current with the article graphs.

A layer records, in its own graph, the content hash of each article graph it has taken in
(``kg:cataloguedHash``); :func:`changed_since` compares those with the article graphs to find what
is new, replaced or gone. Ingest sets a pending mark before writing the first article and clears it
once every layer has caught up, so a run killed in between is finished by the next one.
"""

from __future__ import annotations

import random
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

from kg.layers.sparql import (
    CLEAR_PENDING,
    DELETE_DATA,
    FORGET_ENTRY,
    FORGET_TAKEN,
    FORGET_TAKEN_ENTITIES,
    LOCK_HOLDERS,
    NOT_TAKEN,
    RECORD_TAKEN,
    TAKE_LOCK,
    TAKEN_GONE,
    WRITES_PENDING,
    render,
)
from kg.rdf.graphs import LOCK_GRAPH, PENDING_GRAPH
from kg.rdf.namespaces import KG
from kg.rdf.ntriples import XSD_DAYTIME_DURATION, boolean, insert_data, literal, triple
from kg.store import Store


def chunks(items: Sequence, size: int = 200) -> Iterator[list]:
    """``items`` in lists of at most ``size``: VALUES blocks and updates are sent in parts."""
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def iri_values(items: Iterable[str]) -> str:
    """IRIs as the terms of a VALUES block."""
    return " ".join(f"<{x}>" for x in items)


def run_updates(store: Store, operations: list[str], size: int = 500) -> None:
    """Run update operations in requests of ``size``. Each operation names its subject or object
    as a constant, which Oxigraph answers from its indexes (a VALUES block there makes it scan)."""
    for i in range(0, len(operations), size):
        store.update(" ;\n".join(operations[i : i + size]))


def replace_triples(store: Store, graph: str, old: set[str], new: set[str]) -> None:
    """Make ``graph`` hold the ``new`` N-Triples lines instead of the ``old`` ones (those a layer
    recomputed), in one request writing only the lines that differ: a recomputed story or claim mostly
    keeps its triples, and deleting and inserting them all again cost what the graph holds around it."""
    ops = [render(DELETE_DATA, graph=graph, triples="\n".join(sorted(old - new)))] if old - new else []
    if new - old:
        ops.append(insert_data(graph, sorted(new - old)))
    if ops:
        store.update(" ;\n".join(ops))


def changed_since(store: Store, layer: str) -> list[str]:
    """Article graphs a derived graph (``layer``) has not taken in yet: new or replaced ones, those
    written by a run killed before its derived step, and those it took in that are gone."""
    stale = store.query(render(NOT_TAKEN, layer=layer)).rows
    gone = store.query(render(TAKEN_GONE, layer=layer)).rows
    return sorted({r["g"].value for r in stale} | {r["g"].value for r in gone})


def writes_pending(store: Store) -> bool:
    """Whether article graphs were written that the derived graphs may not have taken in."""
    return bool(store.query(render(WRITES_PENDING)).boolean)


def begin_writes(store: Store) -> bool:
    """Mark the store as having article graphs the derived graphs may not have taken in yet, before
    the first one is written. Returns whether a previous run left that mark (it stopped before its
    derived step), in which case the derived graphs must look at every article, not only this run's."""
    left = writes_pending(store)
    if not left:
        store.update(insert_data(PENDING_GRAPH, [triple(PENDING_GRAPH, KG.writesPending, boolean(True))]))
    return left


def end_writes(store: Store) -> None:
    """The derived graphs have taken in every article written: clear the mark."""
    store.update(render(CLEAR_PENDING))


STALE_MINUTES = 60  # a lock held longer was left by a killed run (a layer's sync takes seconds to minutes)
STALE_AGE = literal(f"PT{STALE_MINUTES}M", XSD_DAYTIME_DURATION)


@contextmanager
def layers_locked(store: Store, *, wait: float = 0.2) -> Iterator[None]:
    """Hold the lock on the derived graphs while bringing them up to date, so that runs writing one
    store at once (several ``kg ingest`` against one SPARQL server) take turns instead of computing
    positions, counts and stories from each other's half-done updates. A run waits while another
    holds it; a lock older than :data:`STALE_MINUTES` (by the store's clock) was left by a killed
    run and is taken over."""
    held = f"{LOCK_GRAPH}/{secrets.token_hex(8)}"
    while True:
        store.update(render(TAKE_LOCK, held=held, token=literal(held.rsplit("/", 1)[1])))
        rows = store.query(render(LOCK_HOLDERS, age=STALE_AGE)).rows
        holders = {r["held"].value: r.get("stale") is not None and r["stale"].value == "true" for r in rows}
        if list(holders) == [held]:
            break
        for other, stale in holders.items():
            if other == held or stale:
                store.update(render(FORGET_ENTRY, graph=LOCK_GRAPH, node=other))
        time.sleep(wait * random.uniform(1, 2))
    try:
        yield
    finally:
        store.update(render(FORGET_ENTRY, graph=LOCK_GRAPH, node=held))


def _forget(layer: str, graph: str) -> str:
    return render(FORGET_TAKEN, layer=layer, graph=graph)


def record_taken(
    store: Store, layer: str, graphs: list[str], *, also: Callable[[str], list[str]] | None = None
) -> None:
    """Record in ``layer`` the hash of each article graph it has now taken in, replacing what it
    recorded before; ``also(graph)`` gives a layer's own updates to run with each graph's record."""
    ops = []
    for g in graphs:
        ops += [
            _forget(layer, g),
            render(FORGET_TAKEN_ENTITIES, layer=layer, graph=g),
            render(RECORD_TAKEN, layer=layer, graph=g),
        ]
        if also is not None:
            ops += also(g)
    run_updates(store, ops)


def forget_taken(store: Store, layer: str, graphs: list[str]) -> None:
    """Make ``layer`` take these article graphs in again at its next sync."""
    run_updates(store, [_forget(layer, g) for g in graphs])
