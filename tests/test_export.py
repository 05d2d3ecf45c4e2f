"""Every export format is read back with rdflib and holds the same triples."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph

from kg.export import RDF_FORMATS, format_for
from kg.ingest import ingest
from kg.read import read_articles
from kg.store import open_store

RDFLIB_NAMES = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from pathlib import Path

    data = Path(__file__).parent / "data"
    s = open_store(tmp_path_factory.mktemp("x") / "store")
    ingest(read_articles([str(data / "harbour-report.txt"), str(data / "wires.jsonl")]), s)
    yield s
    s.close()


def _triples(data: bytes, fmt) -> set:
    if fmt.quads:
        ds = Dataset()
        ds.parse(data=data, format=RDFLIB_NAMES[fmt.name])
        return {q[:3] for q in ds.quads((None, None, None, None))}, {str(q[3]) for q in ds.quads()}
    return set(Graph().parse(data=data, format=RDFLIB_NAMES[fmt.name])), None


@pytest.mark.parametrize("name", sorted(RDF_FORMATS))
def test_roundtrip(store, name):
    fmt = RDF_FORMATS[name]
    reference, _ = _triples(store.dump("nt"), RDF_FORMATS["nt"])
    triples, graphs = _triples(store.dump(name), fmt)
    assert triples == reference
    if fmt.quads:
        assert set(store.graphs()) <= graphs


def test_one_article(store):
    graph = next(iter(store.graphs()))
    triples, _ = _triples(store.dump("ttl", graph=graph), RDF_FORMATS["ttl"])
    assert triples and len(triples) < len(_triples(store.dump("nt"), RDF_FORMATS["nt"])[0])


def test_format_from_extension():
    assert format_for(None, "out/graph.trig").name == "trig"
    assert format_for(None, None).name == "ttl"
    assert format_for("nq", "graph.ttl").name == "nq"
