"""``kg serve``: the Oxigraph server over a local store, as a SPARQL 1.1 endpoint."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import NoReturn

from kg.errors import KgError, StoreError


def server_command(location: Path, *, port: int, bind: str, read_only: bool) -> list[str]:
    """The command line that serves the store at ``location`` (queries see the union of its graphs)."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        raise KgError("the 'oxigraph' server is not installed; pip install oxigraph")
    if not location.is_dir():
        raise StoreError(f"no store at {location}; run 'kg ingest' first or pass --store")
    return [
        binary,
        "serve-read-only" if read_only else "serve",
        "--location",
        str(location),
        "--bind",
        f"{bind}:{port}",
        "--union-default-graph",
    ]


def become_server(command: list[str]) -> NoReturn:
    """Run the server in this process's place, so that signals (Ctrl-C, kill) reach it directly."""
    sys.stderr.flush()
    os.execv(command[0], command)
