"""Every export format is read back with rdflib and holds the same triples; the network exports for
Gephi hold the projection, stay well-formed whatever the labels hold, and leave isolated nodes out."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.analyze.projections import Edge, Node, Projection
from kg.export import RDF_FORMATS, format_for
from kg.ingest import ingest
from kg.read import read_articles
from kg.store import open_store
from tests.quads import read_quads

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
        return read_quads(data, fmt.name)
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


# Networks for Gephi: the GEXF writer (text in one pass), characters XML forbids, isolated nodes.

GEXF = "{http://gexf.net/1.3}"


def _network(label_extra: str = "") -> Projection:
    nodes = {
        "https://example.org/a?x=1&y=2": Node(
            "https://example.org/a?x=1&y=2",
            f'Ann <"Quotes"> & Co{label_extra}',
            "Person",
            {"art1", "art2"},
            "2024-03",
            "2024-05-02",
            {"aliases": f"Ann{label_extra}", "factuality": f"reported by X{label_extra}"},
        ),
        "b": Node("b", "Bay\tCity\n", "Place", {"art1"}, "2024-03-01", "2024-03-01"),
        "c": Node("c", "", "Attack", {"art2"}),
        "alone": Node("alone", "Nobody", "Group"),
    }
    edges = {
        ("https://example.org/a?x=1&y=2", "b", "co_participates"): Edge(
            "https://example.org/a?x=1&y=2",
            "b",
            "co_participates",
            2.0,
            {"art1"},
            "2024-03-01",
            "2024-04-01",
            factualities={f"asserted{label_extra}", "reported by Y"},
        ),
        ("b", "c", "denial"): Edge("b", "c", "denial", 1.5, {"art2"}),
    }
    return Projection("actors", nodes, edges)


def test_gexf_writer_holds_the_projection(shared_schemas):
    import networkx as nx
    from lxml import etree

    from kg.analyze.metrics import pagerank
    from kg.export.graphs import colour, sizes, to_gexf

    p = _network()
    data = to_gexf(p)
    etree.XMLSchema(etree.parse(str(shared_schemas / "gexf-1.3" / "gexf.xsd"))).assertValid(etree.fromstring(data))
    root = etree.fromstring(data)
    pr, size_of = pagerank(p), sizes(p)
    nodes = {n.get("id"): n for n in root.iter(f"{GEXF}node")}
    assert set(nodes) == set(p.nodes)
    for node_id, node in p.nodes.items():
        el = nodes[node_id]
        assert el.get("label") == (" ".join(node.label.split()) or node_id)
        values = {v.get("for"): v.get("value") for v in el.iter(f"{GEXF}attvalue")}
        assert values["0"] == node.type and values["1"] == str(len(node.articles))
        assert float(values["2"]) == pytest.approx(pr[node_id], rel=1e-5)
        assert values.get("3") == node.attrs.get("factuality")
        c = el.find(f"{GEXF}color")
        assert (int(c.get("r")), int(c.get("g")), int(c.get("b"))) == colour(node.type)
        assert float(el.find(f"{GEXF}size").get("value")) == pytest.approx(size_of[node_id], abs=1e-3)
    a = nodes["https://example.org/a?x=1&y=2"]
    assert (a.get("start"), a.get("end")) == ("2024-03-01", "2024-05-02") and nodes["c"].get("start") is None
    edges = list(root.iter(f"{GEXF}edge"))
    assert [(e.get("source"), e.get("target"), e.get("kind")) for e in edges] == list(p.edges)
    assert [float(e.get("weight")) for e in edges] == [2.0, 1.5] and edges[1].get("label") == "denies"
    first = {v.get("for"): v.get("value") for v in edges[0].iter(f"{GEXF}attvalue")}
    assert first == {"0": "co_participates", "1": "1", "2": "asserted; reported by Y"}
    assert (edges[0].get("start"), edges[0].get("end")) == ("2024-03-01", "2024-04-01")
    g = nx.read_gexf(__import__("io").BytesIO(data), version="1.3")
    assert g.number_of_nodes() == 4 and g.number_of_edges() == 2
    static = etree.fromstring(to_gexf(p, dynamic=False))
    assert static.find(f"{GEXF}graph").get("mode") == "static" and not static.xpath("//*[@start]")


def test_gexf_writer_at_scale_is_well_formed():
    """A network past the size where a tree was pretty-printed: same counts when read back."""
    from lxml import etree

    from kg.export.graphs import to_gexf

    nodes = {f"n{i}": Node(f"n{i}", f"Actor {i}", "Person", {"a"}, "2024-01-01", "2024-01-02") for i in range(3000)}
    edges = {}
    for i in range(12000):
        key = (f"n{i % 3000}", f"n{(i * 7 + 1) % 3000}", "co_participates" if i % 5 else "denial")
        edges[key] = Edge(*key, 1.0, {"a"}, "2024-01-01", "2024-01-01")
    root = etree.fromstring(to_gexf(Projection("big", nodes, edges)))
    assert len(root.findall(f".//{GEXF}node")) == 3000 and len(root.findall(f".//{GEXF}edge")) == len(edges)


@pytest.mark.parametrize("writer", ["gexf", "graphml"])
def test_xml_writers_drop_characters_xml_forbids(writer, shared_schemas):
    import io

    import networkx as nx
    from lxml import etree

    from kg.export.graphs import to_gexf, to_graphml

    bad = "\x00\x01\x08\x0b\x0c\x1b\x1f\ud800\ufffe\uffff"
    p = _network(label_extra=bad)
    data = to_gexf(p) if writer == "gexf" else to_graphml(p)
    root = etree.fromstring(data)  # strict XML parser: fails on any forbidden character
    text = data.decode("utf-8")
    assert not any(ch in text for ch in bad)
    assert 'Ann &lt;"Quotes"&gt; &amp; Co' in text or "Ann &lt;&quot;Quotes&quot;&gt; &amp; Co" in text
    if writer == "gexf":
        etree.XMLSchema(etree.parse(str(shared_schemas / "gexf-1.3" / "gexf.xsd"))).assertValid(root)
    else:
        g = nx.read_graphml(io.BytesIO(data))
        a = g.nodes["https://example.org/a?x=1&y=2"]
        assert a["label"] == 'Ann <"Quotes"> & Co' and a["aliases"] == "Ann" and a["factuality"] == "reported by X"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    from pathlib import Path

    data = Path(__file__).parent / "data"
    path = tmp_path_factory.mktemp("net") / "store"
    s = open_store(path)
    ingest(read_articles([str(data / "harbour-report.txt"), str(data / "wires.jsonl")]), s)
    s.close()
    return path


def test_network_exports_leave_isolated_nodes_out_unless_asked(store_path, tmp_path):
    import csv

    import networkx as nx
    from click.testing import CliRunner

    from kg.cli import main

    def export(name: str, *options: str) -> None:
        result = CliRunner().invoke(
            main, ["export", "--out", str(tmp_path / name), *options, "--store", str(store_path)]
        )
        assert result.exit_code == 0, result.output

    counts = {}
    for isolated in ((), ("--isolated",)):
        tag = "all" if isolated else "linked"
        export(f"{tag}.gexf", *isolated)
        export(f"{tag}.graphml", *isolated)
        export(f"{tag}.csv", *isolated)
        gexf = nx.read_gexf(tmp_path / f"{tag}.gexf", version="1.3")
        graphml = nx.read_graphml(tmp_path / f"{tag}.graphml")
        with open(tmp_path / f"{tag}-nodes.csv", newline="") as f:
            table = {row["Id"] for row in csv.DictReader(f)}
        assert set(gexf) == set(graphml) == table
        counts[tag] = (gexf.number_of_nodes(), gexf.number_of_edges(), min(dict(gexf.degree()).values()))
    (linked, edges, min_degree), (everything, all_edges, lowest) = counts["linked"], counts["all"]
    assert min_degree >= 1 and lowest == 0 and everything > linked >= 2 and edges == all_edges >= 1


def test_every_output_format_is_one_registry_entry_and_a_choice_of_kg_export():
    from kg.cli.network import export
    from kg.export import FORMATS, NETWORK_FORMATS, network_format_for

    choices = next(p for p in export.params if p.name == "fmt").type.choices
    assert list(choices) == list(FORMATS) == ["ttl", "nt", "trig", "nq", "jsonld", "gexf", "graphml", "csv"]
    for fmt in NETWORK_FORMATS.values():
        assert network_format_for(None, f"out{fmt.extension.upper()}") is fmt
    assert network_format_for(None, "graph.ttl") is None
    assert network_format_for("graphml", "graph.gexf") is NETWORK_FORMATS["graphml"]
