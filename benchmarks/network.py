"""Benchmark: projection -> PageRank + Louvain (+ betweenness, sampled) -> GEXF export at scale.

Usage: python benchmarks/network.py [ACTORS] [EDGES]   (default 50,000 actors, 500,000 edges)

The graph is generated (seeded) with the shapes kg produces: actors of five types, mostly
co-participation edges inside topical clusters plus a few statement edges (denials, criticism)
across them, with dates. Prints seconds per step and peak memory (RSS) of the process.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from kg.analyze.metrics import analyze
from kg.analyze.projections import Edge, Node, Projection
from kg.export.graphs import to_gexf

TYPES = ("Organization", "Person", "Place", "Group", "OtherEntity")


def generate(n_actors: int, n_edges: int, *, seed: int = 7) -> Projection:
    rng = random.Random(seed)
    cluster_size = 250
    nodes = {}
    for i in range(n_actors):
        iri = f"https://w3id.org/kg-news/id/entity/{TYPES[i % 5].lower()}/actor-{i}"
        nodes[iri] = Node(iri, f"Actor {i}", TYPES[i % 5], {f"a{i % 997}"}, "2024-01-01", "2024-12-31")
    ids = list(nodes)
    edges = {}
    while len(edges) < n_edges:
        s = rng.randrange(n_actors)
        if rng.random() < 0.95:
            base = s - s % cluster_size
            t = base + rng.randrange(min(cluster_size, n_actors - base))
            kind = "co_participates"
        else:
            t = rng.randrange(n_actors)
            kind = rng.choice(("denial", "criticism", "accusation"))
        if s == t:
            continue
        key = (ids[s], ids[t], kind)
        day = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        edge = edges.setdefault(key, Edge(*key, 0.0, set(), day, day))
        edge.weight += 1
        edge.articles.add(f"a{rng.randrange(5000)}")
    return Projection("actors", nodes, edges)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    n_actors = int(argv[0]) if argv else 50_000
    n_edges = int(argv[1]) if len(argv) > 1 else 500_000
    t0 = time.perf_counter()
    projection = generate(n_actors, n_edges)
    t1 = time.perf_counter()
    result = analyze(projection)
    t2 = time.perf_counter()
    data = to_gexf(projection)
    t3 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "bench.gexf").write_bytes(data)
    print(f"graph: {n_actors:,} actors, {len(projection.edges):,} edges, {result.communities:,} communities")
    print(f"build projection: {t1 - t0:8.1f} s")
    print(f"analyze (degree, PageRank, sampled betweenness, Louvain): {t2 - t1:8.1f} s")
    print(f"GEXF 1.3 export ({len(data) / 1e6:.0f} MB): {t3 - t2:8.1f} s")
    print(f"peak memory (RSS): {peak_mb():8.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
