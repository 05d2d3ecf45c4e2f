"""What the store holds, counted with SPARQL so it works on any store."""

from __future__ import annotations

from kg.store import Store

_COUNTS = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
SELECT
  (COUNT(DISTINCT ?a) AS ?articles)
WHERE { ?a a kg:Article }
"""

_BY_CLASS = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
SELECT ?class (COUNT(DISTINCT ?x) AS ?n)
WHERE {
  VALUES ?class { kg:Organization kg:Person kg:Place kg:Group kg:OtherEntity
                  kg:Event kg:Statement kg:Report kg:Mention }
  ?x a ?class
}
GROUP BY ?class
"""

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


def store_stats(store: Store) -> dict[str, int]:
    rows = store.query(_COUNTS).rows
    stats = {"articles": int(rows[0]["articles"].value) if rows else 0, "triples": store.count()}
    found = {r["class"].value.rsplit("#", 1)[-1]: int(r["n"].value) for r in store.query(_BY_CLASS).rows}
    entity_total = 0
    for local, label in LABELS.items():
        stats[label] = found.get(local, 0)
        if local in {"Organization", "Person", "Place", "Group", "OtherEntity"}:
            entity_total += stats[label]
    stats["entities"] = entity_total
    return stats
