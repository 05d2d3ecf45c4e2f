"""What the store holds, from the counts the entity catalogue keeps, so that it is quick on any store.

Counting with COUNT over a large store reads every quad it counts: on 10 million quads the quad
count alone (a full scan) takes seconds, and the mentions are most of a store's nodes. The catalogue
graph already holds one typed entry per entity, and for each article graph it has taken in (every
ingest records them) the graph's size and its events, statements, reports and mentions. Nodes of
those classes live in their article's graph only, so the sums are the store's distinct counts.
kg stats adds these up and counts only kg's own graphs (catalogue, stories, corrections, links)
quad by quad. Articles the catalogue has no counts for (a store written before it kept them) are
counted in their own graph, and the counts are recorded when the store can be written.

:func:`plain_store_stats` counts the same numbers plainly, with COUNT over the whole store (for tests
and benchmarks; ``PLAIN_STATS`` are its queries).
"""

from __future__ import annotations

from kg.layers.base import run_updates
from kg.layers.catalog import COUNTED, count_operations, count_query
from kg.rdf.graphs import CATALOG_GRAPH
from kg.rdf.namespaces import KG_NS
from kg.store import Store

ENTITY_CLASSES = ("Organization", "Person", "Place", "Group", "OtherEntity")
LABELS = {
    "Organization": "organizations",
    "Person": "persons",
    "Place": "places",
    "Group": "groups",
    "OtherEntity": "other entities",
    "Event": "events",
    "Statement": "statements",
    "Report": "reports",
    "Mention": "mentions",
}
_PER_ARTICLE = {"countedEvents": "events", "countedStatements": "statements", "countedReports": "reports",
                "countedMentions": "mentions"}  # fmt: skip

_ARTICLES = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?g a <{KG_NS}Article> }} }}"
_UNCOUNTED = f"""
SELECT ?g WHERE {{
  GRAPH ?g {{ ?g a <{KG_NS}Article> }}
  FILTER NOT EXISTS {{ GRAPH <{CATALOG_GRAPH}> {{ ?g <{KG_NS}countedQuads> ?n }} }}
}}
"""
_ENTITIES = f"""
SELECT ?class (COUNT(?x) AS ?n) WHERE {{
  VALUES ?class {{ {" ".join(f"<{KG_NS}{c}>" for c in ENTITY_CLASSES)} }}
  GRAPH <{CATALOG_GRAPH}> {{ ?x a ?class }}
}}
GROUP BY ?class
"""


def store_stats(store: Store) -> dict[str, int]:
    """Articles, quads over all graphs, entities by type, events, statements, reports and mentions."""
    totals, recorded = _recorded(store)
    missing = []
    if recorded != _number(store, _ARTICLES):  # articles without counts: a store written before they were kept
        missing = [r["g"].value for r in store.query(_UNCOUNTED).rows]
        if missing and not getattr(store, "read_only", False):  # recorded once, then added up like the others
            run_updates(store, [op for g in missing for op in count_operations(g)])
            totals, recorded = _recorded(store)
            missing = [r["g"].value for r in store.query(_UNCOUNTED).rows]
    articles = recorded + len(missing)
    for g in missing:  # read-only (or without a content hash): counted in their own graph
        r = store.query(count_query(g)).rows[0]
        for name in COUNTED:
            totals[name] += int(r[name].value)
    quads = totals["countedQuads"]
    for g in store.named_graphs():
        if "/id/article/" not in g:
            quads += _number(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
    stats = {"articles": articles, "triples": quads}
    found = {r["class"].value.rsplit("#", 1)[-1]: int(r["n"].value) for r in store.query(_ENTITIES).rows}
    for local in ENTITY_CLASSES:
        stats[LABELS[local]] = found.get(local, 0)
    for name, label in _PER_ARTICLE.items():
        stats[label] = totals[name]
    stats["entities"] = sum(found.get(c, 0) for c in ENTITY_CLASSES)
    return stats


def _number(store: Store, sparql: str) -> int:
    return int(store.query(sparql).rows[0]["n"].value)


def _recorded(store: Store) -> tuple[dict[str, int], int]:
    """The catalogue's counts added up, and of how many articles. One query per count: each reads
    one index range (joining the five per article costs a lookup per article and count)."""
    totals, articles = {}, 0
    for name in COUNTED:
        row = store.query(
            f"SELECT (SUM(?n) AS ?total) (COUNT(?n) AS ?articles) "
            f"WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ ?g <{KG_NS}{name}> ?n }} }}"
        ).rows[0]
        totals[name] = int(row["total"].value) if "total" in row else 0
        articles = int(row["articles"].value)
    return totals, articles


PLAIN_STATS = {
    "articles": "SELECT (COUNT(DISTINCT ?a) AS ?articles) WHERE { ?a a kg:Article }",
    "by class": """
SELECT ?class (COUNT(DISTINCT ?x) AS ?n)
WHERE {
  VALUES ?class { kg:Organization kg:Person kg:Place kg:Group kg:OtherEntity
                  kg:Event kg:Statement kg:Report kg:Mention }
  ?x a ?class
}
GROUP BY ?class
""",
}


def plain_store_stats(store: Store) -> dict[str, int]:
    """The same numbers counted plainly: COUNT over the whole store, and every quad for the total."""
    rows = store.query(PLAIN_STATS["articles"]).rows
    stats = {"articles": int(rows[0]["articles"].value) if rows else 0, "triples": store.count()}
    found = {r["class"].value.rsplit("#", 1)[-1]: int(r["n"].value) for r in store.query(PLAIN_STATS["by class"]).rows}
    for local, label in LABELS.items():
        stats[label] = found.get(local, 0)
    stats["entities"] = sum(found.get(c, 0) for c in ENTITY_CLASSES)
    return stats
