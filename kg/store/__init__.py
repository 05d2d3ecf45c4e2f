"""Stores by name: the embedded Oxigraph store is the default."""

from __future__ import annotations

import os
from pathlib import Path

from kg.store.base import QueryResult, Store, Term

DEFAULT_PATH = "kg-data"


def default_store_path() -> Path:
    return Path(os.environ.get("KG_STORE") or DEFAULT_PATH)


def open_store(path: str | Path | None = None, *, must_exist: bool = False) -> Store:
    """Open the embedded store at ``path`` (default ``$KG_STORE`` or ``./kg-data``)."""
    from kg.store.embedded import EmbeddedStore

    return EmbeddedStore(path or default_store_path(), must_exist=must_exist)


__all__ = ["QueryResult", "Store", "Term", "open_store", "default_store_path"]
