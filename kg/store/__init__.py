"""Stores by name: the embedded Oxigraph store is the default."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kg.store.base import QueryResult, Store, Term

DEFAULT_PATH = "kg-data"


def default_store_path() -> Path:
    return Path(os.environ.get("KG_STORE") or DEFAULT_PATH)


@dataclass(frozen=True)
class StoreSpec:
    """Where the graph lives: an embedded store folder, or a SPARQL endpoint (with its update and
    graph-store endpoints)."""

    path: str | None = None
    endpoint: str | None = None
    update_endpoint: str | None = None
    graph_store_endpoint: str | None = None
    timeout: float = 60.0

    def describe(self) -> str:
        return self.endpoint or str(self.path or default_store_path())


def open_store(where: str | Path | StoreSpec | None = None, *, must_exist: bool = False) -> Store:
    """The embedded store at a path (default ``$KG_STORE`` or ``./kg-data``), or a remote endpoint
    (``StoreSpec(endpoint=...)``, or ``$KG_ENDPOINT`` when no path is given)."""
    spec = where if isinstance(where, StoreSpec) else StoreSpec(path=str(where) if where else None)
    endpoint = spec.endpoint or (None if spec.path else os.environ.get("KG_ENDPOINT"))
    if endpoint:
        from kg.store.remote import RemoteStore

        return RemoteStore(
            endpoint,
            update_endpoint=spec.update_endpoint,
            graph_store_endpoint=spec.graph_store_endpoint,
            timeout=spec.timeout,
        )
    from kg.store.embedded import EmbeddedStore

    return EmbeddedStore(spec.path or default_store_path(), must_exist=must_exist)


__all__ = ["QueryResult", "Store", "StoreSpec", "Term", "open_store", "default_store_path"]
