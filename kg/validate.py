"""SHACL validation of stored graphs against ``ontology/shapes.ttl`` with pyshacl."""

from __future__ import annotations

from dataclasses import dataclass

from kg.resources import ontology_dir


@dataclass
class ValidationReport:
    conforms: bool
    violations: int
    text: str


def validate_nquads(data: bytes) -> ValidationReport:
    """Validate the union of all graphs in an N-Quads document. The quads are read by pyoxigraph and
    handed to rdflib (which pyshacl needs) as the N-Triples of their union."""
    import pyoxigraph as ox
    import pyshacl
    from rdflib import Graph

    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.N_QUADS))
    union = Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    conforms, results, text = pyshacl.validate(union, shacl_graph=shapes, inference="none")
    from rdflib.namespace import SH

    violations = len(set(results.subjects(predicate=SH.resultSeverity)))
    return ValidationReport(conforms=bool(conforms), violations=violations, text=text)
