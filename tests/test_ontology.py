"""The ontology parses, and the code's closed namespace names exactly the ontology's terms."""

from __future__ import annotations

from rdflib import OWL, RDF, Graph

from kg.rdf.namespaces import KG, KG_NS
from kg.resources import ontology_dir


def test_code_and_ontology_name_the_same_terms():
    g = Graph().parse(ontology_dir() / "kg.ttl")
    in_ontology = {str(s)[len(KG_NS) :] for s in g.subjects() if str(s).startswith(KG_NS)}
    in_code = {name for name in KG.__annotations__}
    assert in_code == in_ontology


def test_every_term_is_declared_and_labelled():
    g = Graph().parse(ontology_dir() / "kg.ttl")
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    for s in {s for s in g.subjects() if str(s).startswith(KG_NS)}:
        assert set(g.objects(s, RDF.type)) & kinds, f"{s} has no OWL type"


def test_shapes_parse():
    assert len(Graph().parse(ontology_dir() / "shapes.ttl")) > 50


def test_closed_namespace_fails_on_typos():
    import pytest

    with pytest.raises(AttributeError):
        KG.speakr  # noqa: B018
