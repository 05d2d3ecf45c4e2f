"""The fast analysis path (igraph, Leiden) agrees with plain networkx on a small graph."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from kg.analyze import metrics
from kg.analyze.projections import Edge, Node, Projection


def _projection(n: int = 120, m: int = 600, seed: int = 5) -> Projection:
    rng = random.Random(seed)
    nodes = {f"n{i}": Node(f"n{i}", f"Actor {i}", "Person", {"a1"}, None, None) for i in range(n)}
    edges = {}
    for _ in range(m):
        s, t = rng.sample(range(n), 2)
        kind = "co_participates" if rng.random() < 0.8 else "denial"
        key = (f"n{s}", f"n{t}", kind)
        edge = edges.setdefault(key, Edge(*key, 0.0, set(), None, None))
        edge.weight += rng.choice((1, 1, 2))
    return Projection("actors", nodes, edges)


def _plain_pagerank(p: Projection) -> dict[str, float]:
    d = nx.DiGraph()
    d.add_nodes_from(p.nodes)
    for e in p.edges.values():
        arcs = [(e.source, e.target)] + ([(e.target, e.source)] if e.kind == "co_participates" else [])
        for s, t in arcs:  # each direction sums its own weights
            d.add_edge(s, t, weight=d.get_edge_data(s, t, {}).get("weight", 0.0) + e.weight)
    return nx.pagerank(d, weight="weight", tol=1e-13, max_iter=10_000)


def test_pagerank_and_betweenness_equal_networkx():
    p = _projection()
    plain = _plain_pagerank(p)
    fast = metrics.pagerank(p)
    assert max(abs(plain[k] - fast[k]) for k in plain) < 1e-6
    scores = {s.id: s for s in metrics.analyze(p).scores}
    exact = nx.betweenness_centrality(metrics.undirected(p), weight=None)
    assert max(abs(exact[k] - scores[k].betweenness) for k in exact) < 1e-9
    g = metrics.undirected(p)
    assert all(scores[k].degree == g.degree(k) for k in g)
    assert all(scores[k].weighted_degree == pytest.approx(g.degree(k, weight="weight")) for k in g)


def test_communities_are_at_least_as_modular_as_louvain():
    p = _projection(300, 900, seed=9)
    g = metrics.undirected(p)
    louvain = nx.community.louvain_communities(g, weight="weight", seed=metrics.SEED)
    groups: dict[int, set[str]] = {}
    for s in metrics.analyze(p).scores:
        groups.setdefault(s.community, set()).add(s.id)
    leiden = nx.community.modularity(g, groups.values(), weight="weight")
    assert leiden >= nx.community.modularity(g, louvain, weight="weight") - 0.01
