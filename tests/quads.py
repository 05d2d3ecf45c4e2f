"""Reading quad formats for tests: pyoxigraph parses them (rdflib's Dataset parsing is deprecated
from within), and the union of their triples comes back as rdflib terms, to compare with rdflib graphs."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph

FORMATS = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}


def read_quads(data: bytes | str, name: str) -> tuple[set, set[str]]:
    """The triples of every graph of a TriG, N-Quads or JSON-LD document (as rdflib terms), and the
    names of its named graphs."""
    quads = list(ox.parse(data.encode("utf-8") if isinstance(data, str) else data, format=FORMATS[name]))
    triples = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), format=ox.RdfFormat.N_TRIPLES)
    graphs = {q.graph_name.value for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    return set(Graph().parse(data=triples, format="nt")), graphs
