"""Export formats by name, as value objects that know their extension and media type.

``--out graph.ttl`` implies Turtle and ``--out actors.gexf`` GEXF. RDF syntaxes are those of
:mod:`kg.rdf.formats` (the store writes them); a network format is one entry here and a writer.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.rdf.formats import RDF_FORMATS, Format

if TYPE_CHECKING:
    from kg.analyze.projections import Projection


@dataclass(frozen=True)
class NetworkFormat:
    """A network drawn from a projection, for Gephi and the like."""

    name: str
    extension: str
    media_type: str
    writer: str  # "module:function", imported on first use
    dynamic: bool = False  # the writer can date nodes and edges (a timeline)
    tables: bool = False  # written as two tables, OUT-nodes and OUT-edges, instead of one file

    def render(self, projection: Projection, *, dynamic: bool = True) -> bytes | tuple[str, str]:
        module, function = self.writer.split(":")
        write = getattr(importlib.import_module(module), function)
        return write(projection, dynamic=dynamic) if self.dynamic else write(projection)


NETWORK_FORMATS = {
    f.name: f
    for f in (
        NetworkFormat("gexf", ".gexf", "application/gexf+xml", "kg.export.graphs:to_gexf", dynamic=True),
        NetworkFormat("graphml", ".graphml", "application/graphml+xml", "kg.export.graphs:to_graphml"),
        NetworkFormat("csv", ".csv", "text/csv", "kg.export.graphs:to_csv_tables", tables=True),
    )
}
FORMATS: dict[str, Format | NetworkFormat] = {**RDF_FORMATS, **NETWORK_FORMATS}  # every output, by name


def network_format_for(name: str | None, out: str | None) -> NetworkFormat | None:
    """The network format named, or (with no name) the one the output file's extension names; None
    when the output is RDF."""
    if name is None and out:
        name = Path(out).suffix.lower().lstrip(".")
    return NETWORK_FORMATS.get(name) if name else None


def format_for(name: str | None, out: str | None) -> Format:
    """The format named, else the one the output file's extension implies, else Turtle."""
    if name:
        return RDF_FORMATS[name]
    if out:
        suffix = Path(out).suffix.lower()
        for fmt in RDF_FORMATS.values():
            if fmt.extension == suffix:
                return fmt
        raise KgError(f"cannot tell the format from {out!r}; pass --format ({', '.join(RDF_FORMATS)})")
    return RDF_FORMATS["ttl"]
