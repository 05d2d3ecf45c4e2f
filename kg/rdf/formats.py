"""The RDF syntaxes kg reads and writes, in one registry: the store serialises with them and
``kg export`` offers them, so a syntax is added in one place.

    >>> RDF_FORMATS["trig"].quads, RDF_FORMATS["trig"].extension
    (True, '.trig')
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str
    label: str
    quads: bool = False  # keeps one named graph per article
    prefixed: bool = False  # written with kg's prefixes (the syntaxes that abbreviate IRIs)

    @property
    def oxigraph(self) -> ox.RdfFormat:
        return ox.RdfFormat.from_media_type(self.media_type)

    @property
    def prefixes(self) -> dict[str, str] | None:
        return PREFIXES if self.prefixed else None


RDF_FORMATS = {
    f.name: f
    for f in (
        Format("ttl", ".ttl", "text/turtle", "Turtle (all graphs merged)", prefixed=True),
        Format("nt", ".nt", "application/n-triples", "N-Triples (all graphs merged)"),
        Format("trig", ".trig", "application/trig", "TriG, one named graph per article", quads=True, prefixed=True),
        Format("nq", ".nq", "application/n-quads", "N-Quads, one named graph per article", quads=True),
        Format("jsonld", ".jsonld", "application/ld+json", "JSON-LD, one named graph per article", quads=True),
    )
}
