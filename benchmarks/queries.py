"""Benchmark: latency of every named query on a store of at least 1M triples, and export times.

Usage: python benchmarks/queries.py [ARTICLES] [--store PATH] [--shared PATH]

Builds the store by ingesting real texts from ../shared (repeated with distinct ids; default 800
articles, about 1.1M quads) unless --store points at an existing one, then runs every query in
queries/ five times and prints the median, and times Turtle and GEXF export. Parameters of
parameterised queries get a realistic value (the most mentioned entity, a date range).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main(argv: list[str]) -> int:
    from ingest import articles, rss_mb

    from kg.analyze.projections import build_projection
    from kg.export.graphs import to_gexf
    from kg.ingest import ingest
    from kg.queries import list_queries, parse_value
    from kg.read import ReadItem
    from kg.store import open_store

    n = int(argv[0]) if argv and argv[0].isdigit() else 800
    shared = Path(argv[argv.index("--shared") + 1]) if "--shared" in argv else HERE.parent.parent / "shared"
    tmp = tempfile.TemporaryDirectory()
    path = Path(argv[argv.index("--store") + 1]) if "--store" in argv else Path(tmp.name) / "store"
    store = open_store(path)
    if store.count() == 0:
        t = time.perf_counter()
        ingest((ReadItem(source="bench", article=a) for a in articles(n, shared)), store, workers=2)
        print(f"ingested {n} articles in {time.perf_counter() - t:.0f} s")
    quads = store.count()
    print(f"store: {quads:,} quads")
    top = store.query(
        "SELECT ?name (COUNT(?m) AS ?n) WHERE { ?e kg:canonicalKey ?k ; rdfs:label ?name ; kg:mention ?m } "
        "GROUP BY ?name ORDER BY DESC(?n) LIMIT 1"
    ).rows[0]["name"].value
    values = {"name": top, "actor": top, "author": top, "from": "2000-01-01", "to": "2030-12-31"}
    if "--stories" in argv:
        from kg.layers.stories import rebuild_stories  # full recompute, timed

        t = time.perf_counter()
        print("stories:", rebuild_stories(store), f"in {time.perf_counter() - t:.1f} s")
    biggest = "SELECT ?s WHERE { ?s a kg:CanonicalEvent ; kg:articleCount ?n } ORDER BY DESC(?n) LIMIT 1"
    story = store.query(biggest).rows
    if story:
        values["story"] = story[0]["s"].value
    print(f"{'query':28} {'median ms':>10} {'rows':>8}")
    for q in list_queries():
        bindings = {k: parse_value(values[k]) for k in q.params if k in values}
        times = []
        for _ in range(5):
            t = time.perf_counter()
            result = store.query(q.text, bindings)
            times.append((time.perf_counter() - t) * 1000)
            if times[0] > 2000:  # slow queries: one run tells enough
                break
        rows = len(result.rows) if result.triples is None else result.triples.count("\n")
        print(f"{q.name:28} {statistics.median(times):10.0f} {rows:8}")
    t = time.perf_counter()
    ttl = store.dump("ttl")
    print(f"Turtle export: {time.perf_counter() - t:.1f} s ({len(ttl) / 1e6:.0f} MB)")
    t = time.perf_counter()
    gexf = to_gexf(build_projection(store, "actors"))
    print(f"GEXF export (actors projection): {time.perf_counter() - t:.1f} s ({len(gexf) / 1e6:.1f} MB)")
    print(f"peak memory (RSS): {rss_mb():.0f} MB")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
