"""Network metrics per node: degree, weighted degree, PageRank, betweenness and community, plus
who-contradicts-whom pairs. Deterministic: communities and sampled betweenness use a fixed seed.

The numbers are computed with igraph (C), communities with Leiden (``leidenalg``, which refines
Louvain's communities so none is internally disconnected): 50,000 actors and 500,000 edges take
seconds instead of minutes. Users still get networkx graphs (``Projection.to_networkx``); a test
checks that PageRank and betweenness equal networkx's and that the communities' modularity is
at least Louvain's.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from kg.analyze.projections import CONTRADICTION_KINDS, Projection

SEED = 42
EXACT_BETWEENNESS_UP_TO = 300  # nodes; above it betweenness is estimated from sampled sources
BETWEENNESS_WORK = 5_000_000  # sources x edges the estimate may cost; sample size follows from it


@dataclass
class NodeScores:
    id: str
    label: str
    type: str
    degree: int
    weighted_degree: float
    pagerank: float
    betweenness: float
    community: int


@dataclass
class Contradiction:
    source: str
    kind: str
    target: str
    count: float
    articles: int


@dataclass
class Analysis:
    nodes: int
    edges: int
    communities: int
    scores: list[NodeScores]
    contradictions: list[Contradiction]


def undirected(projection: Projection):
    """All edges between two nodes, whatever their kind and direction, as one weighted link."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(projection.nodes)
    for edge in projection.edges.values():
        if edge.source == edge.target:
            continue
        w = g.get_edge_data(edge.source, edge.target, {}).get("weight", 0.0)
        g.add_edge(edge.source, edge.target, weight=w + edge.weight)
    return g


def pagerank(projection: Projection) -> dict[str, float]:
    """PageRank of every node (as networkx computes it on the directed, weighted projection)."""
    ids, _, d = _igraphs(projection)
    return dict(zip(ids, d.pagerank(weights="weight", damping=0.85), strict=True)) if ids else {}


def _igraphs(projection: Projection):
    """The projection as igraph graphs over the same node order: undirected with every pair's
    weights summed (degree, betweenness, communities), and directed with co-participation counted
    both ways (PageRank), as :func:`undirected` and :func:`pagerank` build them in networkx."""
    import igraph as ig

    ids = list(projection.nodes)
    index = {node: i for i, node in enumerate(ids)}
    pairs: dict[tuple[int, int], float] = {}
    arcs: dict[tuple[int, int], float] = {}
    for edge in projection.edges.values():
        s, t = index[edge.source], index[edge.target]
        arcs[(s, t)] = arcs.get((s, t), 0.0) + edge.weight
        if edge.kind == "co_participates":
            arcs[(t, s)] = arcs.get((t, s), 0.0) + edge.weight
        if s != t:
            key = (s, t) if s < t else (t, s)
            pairs[key] = pairs.get(key, 0.0) + edge.weight
    g = ig.Graph(n=len(ids), edges=list(pairs), directed=False, edge_attrs={"weight": list(pairs.values())})
    d = ig.Graph(n=len(ids), edges=list(arcs), directed=True, edge_attrs={"weight": list(arcs.values())})
    return ids, g, d


def _betweenness(g) -> list[float]:
    """Normalised betweenness as networkx gives it; above EXACT_BETWEENNESS_UP_TO nodes estimated
    from a seeded sample of sources (each source's pairs counted once, so scaled by n / k)."""
    n = g.vcount()
    if n <= 2:
        return [0.0] * n
    if n <= EXACT_BETWEENNESS_UP_TO:
        return [b * 2 / ((n - 1) * (n - 2)) for b in g.betweenness(directed=False)]
    k = min(n, max(16, BETWEENNESS_WORK // max(1, g.ecount())))
    sources = random.Random(SEED).sample(range(n), k)
    return [b * n / (k * (n - 1) * (n - 2)) for b in g.betweenness(directed=False, sources=sources)]


def _communities(g) -> list[int]:
    """Leiden communities (modularity, weighted, seeded), numbered by size; an isolated node is
    a community of its own."""
    import leidenalg

    if g.ecount() == 0:
        return list(range(g.vcount()))
    partition = leidenalg.find_partition(g, leidenalg.ModularityVertexPartition, weights="weight", seed=SEED)
    groups = sorted((sorted(members) for members in partition), key=lambda m: (-len(m), m[0]))
    out = [0] * g.vcount()
    for i, members in enumerate(groups):
        for v in members:
            out[v] = i
    return out


def analyze(projection: Projection) -> Analysis:
    ids, g, d = _igraphs(projection)
    pr = d.pagerank(weights="weight", damping=0.85) if ids else []
    bc = _betweenness(g)
    community = _communities(g)
    degree = g.degree()
    strength = g.strength(weights="weight")
    scores = []
    for i, node_id in enumerate(ids):
        node = projection.nodes[node_id]
        scores.append(
            NodeScores(
                id=node_id,
                label=node.label,
                type=node.type,
                degree=degree[i],
                weighted_degree=float(strength[i]),
                pagerank=pr[i],
                betweenness=bc[i],
                community=community[i],
            )
        )
    scores.sort(key=lambda s: (-s.pagerank, s.label))
    contradictions = [
        Contradiction(
            projection.nodes[e.source].label, e.label, projection.nodes[e.target].label, e.weight, len(e.articles)
        )
        for e in projection.edges.values()
        if e.kind in CONTRADICTION_KINDS
    ]
    contradictions.sort(key=lambda c: (-c.count, c.source, c.target))
    return Analysis(len(ids), len(projection.edges), len(set(community)), scores, contradictions)


def scores_as_ntriples(analysis: Analysis) -> str:
    """The scores as triples for the analysis graph, so SPARQL can sort and filter by them."""
    from kg.rdf.namespaces import KG
    from kg.rdf.ntriples import XSD_DOUBLE, integer, literal, triple

    lines = []
    for s in analysis.scores:
        if not s.id.startswith("http"):
            continue
        lines += [
            triple(s.id, KG.pageRank, literal(f"{s.pagerank:.8g}", XSD_DOUBLE)),
            triple(s.id, KG.degree, integer(s.degree)),
            triple(s.id, KG.weightedDegree, literal(f"{s.weighted_degree:.8g}", XSD_DOUBLE)),
            triple(s.id, KG.betweenness, literal(f"{s.betweenness:.8g}", XSD_DOUBLE)),
            triple(s.id, KG.community, integer(s.community)),
        ]
    return "\n".join(lines)


DEFAULT_TOP = 150  # nodes the view and the plot draw unless told otherwise


@dataclass
class Shown:
    """What a picture of a projection draws: the most central connected nodes, and what it leaves out."""

    projection: Projection
    pagerank: dict[str, float]  # PageRank over all connected nodes (0 for unconnected ones)
    total: int
    unconnected: int  # nodes without an edge, left out unless asked for
    beyond_top: int  # connected nodes ranked below the top N, left out

    def summary(self) -> str:
        """One line, e.g. '150 of 532 nodes, the most central by PageRank; left out: 300 less central
        (--top N), 82 without an edge (--isolated)'."""
        text = f"{len(self.projection.nodes)} of {self.total} nodes"
        left_out = []
        if self.beyond_top:
            text += ", the most central by PageRank"
            left_out.append(f"{self.beyond_top} less central (--top N)")
        if self.unconnected:
            left_out.append(f"{self.unconnected} without an edge (--isolated)")
        return text + (f"; left out: {', '.join(left_out)}" if left_out else "")


def most_central(projection: Projection, top: int = DEFAULT_TOP, *, isolated: bool = False) -> Shown:
    """The connected nodes ranked by PageRank, at most ``top`` of them (0: all), plus the unconnected
    ones with ``isolated``. No chosen node is drawn alone: taken in rank order, a node joins when it
    links to one already chosen, else together with its most central neighbour."""
    from kg.analyze.projections import connected_ids, subprojection

    linked = connected_ids(projection) & set(projection.nodes)
    core = subprojection(projection, linked)
    pr = pagerank(core)
    ranked = sorted(linked, key=lambda n: (-pr[n], projection.nodes[n].label, n))
    if top <= 0 or len(ranked) <= top:
        chosen = set(ranked)
    else:
        neighbours: dict[str, set[str]] = {n: set() for n in ranked}
        for e in core.edges.values():
            if e.source != e.target:
                neighbours[e.source].add(e.target)
                neighbours[e.target].add(e.source)
        rank = {n: i for i, n in enumerate(ranked)}
        chosen = set()
        for n in ranked:
            if len(chosen) >= top:
                break
            if n in chosen:
                continue
            if neighbours[n] & chosen:
                chosen.add(n)
            elif len(chosen) + 2 <= top:
                chosen |= {n, min(neighbours[n], key=rank.__getitem__)}
        chosen = chosen or set(ranked[:1])
    unconnected = len(projection.nodes) - len(linked)
    keep = chosen | (set(projection.nodes) - linked if isolated else set())
    return Shown(
        subprojection(projection, keep),
        {n: pr.get(n, 0.0) for n in keep},
        len(projection.nodes),
        0 if isolated else unconnected,
        len(linked) - len(chosen),
    )
