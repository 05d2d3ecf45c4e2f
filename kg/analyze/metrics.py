"""Network metrics per node: degree, weighted degree, PageRank, betweenness and community, plus
who-contradicts-whom pairs. Deterministic: Louvain and sampled betweenness use a fixed seed."""

from __future__ import annotations

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
    import networkx as nx

    d = nx.DiGraph()
    d.add_nodes_from(projection.nodes)
    for edge in projection.edges.values():
        w = d.get_edge_data(edge.source, edge.target, {}).get("weight", 0.0)
        d.add_edge(edge.source, edge.target, weight=w + edge.weight)
        if edge.kind == "co_participates":  # symmetric relation: count it both ways
            d.add_edge(edge.target, edge.source, weight=w + edge.weight)
    if d.number_of_nodes() == 0:
        return {}
    return nx.pagerank(d, weight="weight")


def analyze(projection: Projection) -> Analysis:
    import networkx as nx

    g = undirected(projection)
    pr = pagerank(projection)
    if g.number_of_nodes() > EXACT_BETWEENNESS_UP_TO:
        k = min(g.number_of_nodes(), max(16, BETWEENNESS_WORK // max(1, g.number_of_edges())))
        bc = nx.betweenness_centrality(g, k=k, seed=SEED, weight=None)
    else:
        bc = nx.betweenness_centrality(g, weight=None)
    communities = nx.community.louvain_communities(g, weight="weight", seed=SEED) if g.number_of_edges() else []
    community_of: dict[str, int] = {}
    for i, members in enumerate(sorted(communities, key=lambda c: (-len(c), min(c)))):
        for node in members:
            community_of[node] = i
    next_id = len(communities)
    scores = []
    for node_id, node in projection.nodes.items():
        if node_id not in community_of:
            community_of[node_id] = next_id
            next_id += 1
        scores.append(
            NodeScores(
                id=node_id,
                label=node.label,
                type=node.type,
                degree=g.degree(node_id),
                weighted_degree=float(g.degree(node_id, weight="weight")),
                pagerank=pr.get(node_id, 0.0),
                betweenness=bc.get(node_id, 0.0),
                community=community_of[node_id],
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
    return Analysis(g.number_of_nodes(), len(projection.edges), len(set(community_of.values())), scores, contradictions)


def scores_as_ntriples(analysis: Analysis) -> str:
    """The scores as triples for the analysis graph, so SPARQL can sort and filter by them."""
    from kg.rdf.namespaces import KG_NS

    xsd = "http://www.w3.org/2001/XMLSchema#"
    lines = []
    for s in analysis.scores:
        if not s.id.startswith("http"):
            continue
        lines += [
            f'<{s.id}> <{KG_NS}pageRank> "{s.pagerank:.8g}"^^<{xsd}double> .',
            f'<{s.id}> <{KG_NS}degree> "{s.degree}"^^<{xsd}integer> .',
            f'<{s.id}> <{KG_NS}weightedDegree> "{s.weighted_degree:.8g}"^^<{xsd}double> .',
            f'<{s.id}> <{KG_NS}betweenness> "{s.betweenness:.8g}"^^<{xsd}double> .',
            f'<{s.id}> <{KG_NS}community> "{s.community}"^^<{xsd}integer> .',
        ]
    return "\n".join(lines)
