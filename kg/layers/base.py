"""The protocol every derived graph follows to stay current with the article graphs.

A layer records, in its own graph, the content hash of each article graph it has taken in
(``kg:cataloguedHash``); :func:`changed_since` compares those with the article graphs to find what
is new, replaced or gone. Ingest sets a pending mark before writing the first article and clears it
once every layer has caught up, so a run killed in between is finished by the next one.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.rdf.graphs import PENDING_GRAPH
from kg.rdf.namespaces import KG, KG_NS
from kg.rdf.ntriples import boolean, insert_data, triple
from kg.store import Store


def run_updates(store: Store, operations: list[str], size: int = 500) -> None:
    """Run update operations in requests of ``size``. Each operation names its subject or object
    as a constant, which Oxigraph answers from its indexes (a VALUES block there makes it scan)."""
    for i in range(0, len(operations), size):
        store.update(" ;\n".join(operations[i : i + size]))


def changed_since(store: Store, layer: str) -> list[str]:
    """Article graphs a derived graph (``layer``) has not taken in yet: new or replaced ones, those
    written by a run killed before its derived step, and those it took in that are gone."""
    kg = KG_NS
    stale = store.query(
        f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g <{kg}contentHash> ?h }} "
        f"FILTER NOT EXISTS {{ GRAPH <{layer}> {{ ?g <{kg}cataloguedHash> ?h }} }} }}"
    ).rows
    gone = store.query(
        f"SELECT ?g WHERE {{ GRAPH <{layer}> {{ ?g <{kg}cataloguedHash> ?h }} "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?g <{kg}contentHash> ?h }} }} }}"
    ).rows
    return sorted({r["g"].value for r in stale} | {r["g"].value for r in gone})


def writes_pending(store: Store) -> bool:
    """Whether article graphs were written that the derived graphs may not have taken in."""
    return bool(store.query(f"ASK {{ GRAPH <{PENDING_GRAPH}> {{ ?s ?p ?o }} }}").boolean)


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
    store.update(f"DROP SILENT GRAPH <{PENDING_GRAPH}>")


def _forget(layer: str, graph: str) -> str:
    return f"DELETE WHERE {{ GRAPH <{layer}> {{ <{graph}> <{KG_NS}cataloguedHash> ?x }} }}"


def record_taken(
    store: Store, layer: str, graphs: list[str], *, also: Callable[[str], list[str]] | None = None
) -> None:
    """Record in ``layer`` the hash of each article graph it has now taken in, replacing what it
    recorded before; ``also(graph)`` gives a layer's own updates to run with each graph's record."""
    kg = KG_NS
    ops = []
    for g in graphs:
        ops += [
            _forget(layer, g),
            f"DELETE WHERE {{ GRAPH <{layer}> {{ <{g}> <{kg}cataloguedEntity> ?y }} }}",
            f"INSERT {{ GRAPH <{layer}> {{ <{g}> <{kg}cataloguedHash> ?h }} }} "
            f"WHERE {{ GRAPH <{g}> {{ <{g}> <{kg}contentHash> ?h }} }}",
        ]
        if also is not None:
            ops += also(g)
    run_updates(store, ops)


def forget_taken(store: Store, layer: str, graphs: list[str]) -> None:
    """Make ``layer`` take these article graphs in again at its next sync."""
    run_updates(store, [_forget(layer, g) for g in graphs])
