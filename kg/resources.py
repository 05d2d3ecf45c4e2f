"""Where the ontology and the named queries live: beside the package in a source checkout."""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import KgError

_ROOT = Path(__file__).resolve().parent.parent


def _find(name: str) -> Path:
    env = os.environ.get(f"KG_{name.upper()}")
    candidates = [Path(env)] if env else []
    candidates.append(_ROOT / name)
    for path in candidates:
        if path.is_dir():
            return path
    raise KgError(f"cannot find the {name}/ folder; install kg from its source checkout (pip install -e .)")


def ontology_dir() -> Path:
    return _find("ontology")


def queries_dir() -> Path:
    return _find("queries")
