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
    """Validate the union of all graphs in an N-Quads document."""
    import pyshacl
    from rdflib import Dataset, Graph

    ds = Dataset()
    ds.parse(data=data, format="nquads")
    union = Graph()
    for quad in ds.quads((None, None, None, None)):
        union.add(quad[:3])
    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    conforms, results, text = pyshacl.validate(union, shacl_graph=shapes, inference="none")
    from rdflib.namespace import SH

    violations = len(set(results.subjects(predicate=SH.resultSeverity)))
    return ValidationReport(conforms=bool(conforms), violations=violations, text=text)
