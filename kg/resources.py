"""Where the ontology and the named queries live: inside an installed package (``kg/_data/``, copied
there at build time by setup.py), else beside the package in a source checkout; ``$KG_ONTOLOGY`` and
``$KG_QUERIES`` point elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import KgError

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    env = os.environ.get(f"KG_{name.upper()}")
    candidates = [Path(env)] if env else []
    candidates += [_PACKAGE / "_data" / name, _PACKAGE.parent / name]
    for path in candidates:
        if path.is_dir():
            return path
    raise KgError(f"cannot find the {name}/ folder; reinstall kg (pip install .) or set $KG_{name.upper()}")


def ontology_dir() -> Path:
    return _find("ontology")


def queries_dir() -> Path:
    return _find("queries")
