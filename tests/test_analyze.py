"""Network projections, metrics and exports: a hand-built graph with known answers, and the store."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from kg.analyze.metrics import analyze
from kg.analyze.projections import Edge, Node, Projection, build_projection, filter_projection
from kg.cli import main
from kg.ingest import ingest
from kg.queries import load_query
from kg.read import Metadata, read_articles
from kg.store import open_store


def hand_built() -> Projection:
    """Two tight groups {a,b,c,d} and {w,x,y,z}, joined by the single edge d-w; x denies a twice."""
    nodes = {n: Node(n, n.upper(), "Organization" if n < "m" else "Person") for n in "abcdwxyz"}
    edges = {}
    for group in ("abcd", "wxyz"):
        for i, s in enumerate(group):
            for t in group[i + 1 :]:
                edges[(s, t, "co_participates")] = Edge(
                    s, t, "co_participates", 1.0, {"art1"}, "2024-01-05", "2024-01-05"
                )
    edges[("d", "w", "co_participates")] = Edge("d", "w", "co_participates", 1.0, {"art2"}, "2024-03-01", "2024-03-01")
    edges[("x", "a", "denial")] = Edge("x", "a", "denial", 2.0, {"art2"}, "2024-03-02", "2024-03-02")
    return Projection("test", nodes, edges)


def test_metrics_on_a_known_graph():
    result = analyze(hand_built())
    by = {s.id: s for s in result.scores}
    assert (result.nodes, result.edges) == (8, 14)
    assert by["d"].degree == 4 and by["b"].degree == 3 and by["a"].degree == 4
    assert by["x"].weighted_degree == 5.0  # three group links and the double denial of a
    assert max(result.scores, key=lambda s: s.betweenness).id in {"d", "w"}
    assert by["b"].betweenness == 0.0
    assert by["a"].pagerank > by["b"].pagerank  # a is denied (pointed at) on top of its group links
    communities = {frozenset(n for n in by if by[n].community == c) for c in {s.community for s in result.scores}}
    assert communities == {frozenset("abcd"), frozenset("wxyz")}
    assert [(c.source, c.kind, c.target, c.count) for c in result.contradictions] == [("X", "denies", "A", 2.0)]


def test_analysis_is_deterministic():
    first, second = analyze(hand_built()), analyze(hand_built())
    assert [(s.id, s.community, round(s.pagerank, 12)) for s in first.scores] == [
        (s.id, s.community, round(s.pagerank, 12)) for s in second.scores
    ]


def test_filters():
    p = hand_built()
    assert set(filter_projection(p, since="2024-03-01").edges) == {("d", "w", "co_participates"), ("x", "a", "denial")}
    assert len(filter_projection(p, until="2024-02-01").edges) == 12
    assert set(filter_projection(p, min_weight=2).nodes) == {"x", "a"}
    only_people = filter_projection(p, types=("Person",))
    assert set(only_people.nodes) == set("wxyz") and len(only_people.edges) == 6
    assert len(filter_projection(p, article="art2").edges) == 2


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    from pathlib import Path

    data = Path(__file__).parent / "data"
    path = tmp_path_factory.mktemp("an") / "store"
    store = open_store(path)
    ingest(read_articles([str(data / "harbour-report.txt")]), store)
    ingest(read_articles([str(data / "wires.jsonl")], Metadata()), store)
    store.close()
    return path


@pytest.mark.parametrize("name", ["actors", "bipartite", "statements", "full"])
def test_projections_from_the_store(store_path, name):
    """Every projection draws something (these articles' typed events with participants are all told on
    someone's word, so the bipartite network needs --all-events), and what it draws by default, from
    asserted events only, is part of what it draws with all events."""
    store = open_store(store_path, must_exist=True)
    try:
        p = build_projection(store, name, all_events=True)
        asserted = build_projection(store, name)
    finally:
        store.close()
    assert p.nodes and p.edges
    assert all(e.source in p.nodes and e.target in p.nodes for e in p.edges.values())
    assert set(asserted.edges) <= set(p.edges) and set(asserted.nodes) <= set(p.nodes)


def test_actor_projection_has_the_denial(store_path):
    store = open_store(store_path, must_exist=True)
    try:
        p = build_projection(store, "actors")
    finally:
        store.close()
    labels = {(p.nodes[e.source].label, e.kind, p.nodes[e.target].label) for e in p.edges.values()}
    assert ("Port Authority of Valmora", "denial", "Maritime Safety Council") in labels


def test_gexf_is_valid_and_reads_back(runner, store_path, tmp_path, shared_schemas):
    from lxml import etree

    out = tmp_path / "actors.gexf"
    result = runner.invoke(main, ["export", "--out", str(out), "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    schema = etree.XMLSchema(etree.parse(str(shared_schemas / "gexf-1.3" / "gexf.xsd")))
    schema.assertValid(etree.parse(str(out)))
    g = nx.read_gexf(out, version="1.3")
    assert g.number_of_nodes() >= 2 and g.number_of_edges() >= 1
    assert all(g.degree(n) > 0 for n in g), "nodes without an edge are left out unless --isolated"
    types = {d.get("type") for _, d in g.nodes(data=True)}
    assert "Organization" in types
    text = out.read_text()
    assert 'mode="dynamic"' in text and "<color" in text and "<size" in text and 'start="2025-03-14"' in text
    everything = tmp_path / "all.gexf"
    result = runner.invoke(main, ["export", "--out", str(everything), "--isolated", "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    schema.assertValid(etree.parse(str(everything)))
    g_all = nx.read_gexf(everything, version="1.3")
    assert g_all.number_of_nodes() > 3 and set(g) < set(g_all) and g_all.number_of_edges() == g.number_of_edges()


def test_gexf_static_and_bipartite(runner, store_path, tmp_path, shared_schemas):
    from lxml import etree

    out = tmp_path / "bi.gexf"
    result = runner.invoke(
        main, ["export", "--out", str(out), "--projection", "bipartite", "--static", "--store", str(store_path)]
    )
    assert result.exit_code == 0, result.output
    etree.XMLSchema(etree.parse(str(shared_schemas / "gexf-1.3" / "gexf.xsd"))).assertValid(etree.parse(str(out)))
    assert 'mode="static"' in out.read_text()


def test_graphml_and_csv_read_back(runner, store_path, tmp_path):
    graphml = tmp_path / "g.graphml"
    assert runner.invoke(main, ["export", "--out", str(graphml), "--store", str(store_path)]).exit_code == 0
    g = nx.read_graphml(graphml)
    assert g.number_of_nodes() >= 2 and all(g.degree(n) > 0 for n in g)
    assert all(isinstance(d["pagerank"], float) for _, d in g.nodes(data=True))
    result = runner.invoke(
        main, ["export", "--format", "csv", "--out", str(tmp_path / "net.csv"), "--store", str(store_path)]
    )
    assert result.exit_code == 0, result.output
    with open(tmp_path / "net-nodes.csv", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(tmp_path / "net-edges.csv", newline="") as f:
        edges = list(csv.DictReader(f))
    ids = {n["Id"] for n in nodes}
    assert edges and all(e["Source"] in ids and e["Target"] in ids for e in edges)


def test_analyze_command_and_write_back(runner, store_path):
    result = runner.invoke(main, ["analyze", "--format", "json", "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["nodes"] >= 3 and data["contradictions"]
    assert runner.invoke(main, ["analyze", "--write", "--store", str(store_path)]).exit_code == 0
    query = "SELECT ?e ?pr WHERE { ?e kg:pageRank ?pr } ORDER BY DESC(?pr)"
    result = runner.invoke(main, ["query", "--sparql", query, "--format", "csv", "--store", str(store_path)])
    assert len(result.stdout.splitlines()) > 3


def test_own_projection_queries(runner, store_path, tmp_path):
    edges = tmp_path / "edges.rq"
    edges.write_text(
        "# speaker to the entity they speak about\n"
        "SELECT ?source ?target ?kind WHERE { ?s kg:speaker ?source ; kg:contentMention ?m . "
        "?target kg:mention ?m2 . ?m kg:inArticle ?a . ?m2 kg:inArticle ?a ; nif:beginIndex ?b . "
        "?m nif:beginIndex ?cb ; nif:endIndex ?ce . FILTER(?b >= ?cb && ?b < ?ce && ?source != ?target) "
        "BIND('mentions' AS ?kind) }"
    )
    nodes = tmp_path / "nodes.rq"
    nodes.write_text("SELECT ?node ?label WHERE { ?node kg:canonicalKey ?k ; rdfs:label ?label }")
    result = runner.invoke(
        main, ["analyze", "--edges", str(edges), "--nodes", str(nodes), "--format", "json", "--store", str(store_path)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["edges"] >= 1
    half = runner.invoke(main, ["analyze", "--edges", str(edges), "--store", str(store_path)])
    assert half.exit_code == 1 and "--nodes" in half.output


def test_actor_projection_draws_the_ties_articles_state_between_actors(tmp_path):
    """'X, the head of Y' is a tie in the actors network (leads), with the article behind it; where an
    organisation is based is left out (geography, not a tie between actors)."""
    from kg.model import Article
    from kg.read import ReadItem

    text = (
        "Port strike ends\n\n"
        "Ilse Marwick, the head of the Dockworkers Guild, said on Friday that the strike was over. "
        "The Northern Shipping Council, based in Oslo, welcomed the decision."
    )
    with open_store(tmp_path / "store") as store:
        ingest([ReadItem(source="test", article=Article(text=text, title="Port strike ends", id="ties"))], store)
        p = build_projection(store, "actors")
    edges = {(p.nodes[e.source].label, e.kind, p.nodes[e.target].label): e for e in p.edges.values()}
    assert ("Ilse Marwick", "leader_of", "Dockworkers Guild") in edges
    tie = edges[("Ilse Marwick", "leader_of", "Dockworkers Guild")]
    assert tie.label == "leads" and len(tie.articles) == 1
    assert ("Northern Shipping Council", "based_in", "Oslo") not in edges
    with open_store(tmp_path / "store", must_exist=True) as store:
        rows = store.query(load_query("relations").text).rows
    assert ("Northern Shipping Council", "Oslo") in {(r["subject"].value, r["object"].value) for r in rows}
