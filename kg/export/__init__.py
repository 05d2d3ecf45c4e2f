"""Export formats by name, as value objects that know their extension and media type.

``--out graph.ttl`` implies Turtle; adding a format is one entry here and, for formats that
are not RDF syntaxes (GEXF, GraphML), one module of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str
    label: str
    quads: bool = False


RDF_FORMATS = {
    f.name: f
    for f in (
        Format("ttl", ".ttl", "text/turtle", "Turtle (all graphs merged)"),
        Format("nt", ".nt", "application/n-triples", "N-Triples (all graphs merged)"),
        Format("trig", ".trig", "application/trig", "TriG, one named graph per article", quads=True),
        Format("nq", ".nq", "application/n-quads", "N-Quads, one named graph per article", quads=True),
        Format("jsonld", ".jsonld", "application/ld+json", "JSON-LD, one named graph per article", quads=True),
    )
}


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
