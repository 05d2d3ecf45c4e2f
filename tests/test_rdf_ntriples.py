"""The one N-Triples writer: literals written as rdflib writes them (article graphs and their content
hashes depend on it), and read back by the store as the very string written, in N-Triples and in SPARQL."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef, namespace

from kg.rdf.ntriples import insert_data, integer, iri, literal, python_literal, triple
from kg.store.base import Term
from kg.store.binding import term_to_sparql

TRICKY = [
    "plain",
    'she said "no"',
    "back\\slash \\n not a newline",
    "two\nlines\r\nand a carriage return",
    "tab\there, bell\x07, nul\x00, delete\x7f",
    "line\u2028separator, paragraph\u2029separator",
    "Zürich, Kraków, 北京, emoji \U0001f600",
    "",
]
S, P, G = "https://example.org/s", "https://example.org/p", "https://example.org/g"


@pytest.mark.parametrize("text", TRICKY)
def test_literal_is_what_rdflib_writes(text):
    g = Graph()
    g.add((URIRef(S), URIRef(P), Literal(text)))
    assert g.serialize(format="nt").strip() == triple(S, P, literal(text))


@pytest.mark.parametrize("text", TRICKY)
def test_the_store_reads_back_the_string_written(text):
    line = triple(S, P, literal(text))
    store = ox.Store()
    store.load((line + "\n").encode("utf-8"), ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(G))
    store.update(insert_data(G + "2", [line]))
    assert {q.object.value for q in store} == {text}


@pytest.mark.parametrize("text", TRICKY)
def test_sparql_parameters_are_written_by_the_same_writer(text):
    assert term_to_sparql(Term("literal", text)) == literal(text)
    assert term_to_sparql(Term("literal", text, lang="en")) == literal(text, lang="en")


def test_typed_literals():
    assert integer(3) == python_literal(3) == f'"3"^^<{namespace.XSD.integer}>'
    assert python_literal("2024-05", namespace.XSD.gYearMonth) == f'"2024-05"^^<{namespace.XSD.gYearMonth}>'
    assert literal("1.5", str(namespace.XSD.decimal)) == f'"1.5"^^<{namespace.XSD.decimal}>'
    assert triple(S, P, iri(G)) == f"<{S}> <{P}> <{G}> ."
