"""The entity catalogue: one deduplicated description of every entity, in ``kgd:graph/entities``.

Each article graph describes the entities it names (type, label, aliases), so that it stands alone
and can be replaced whole; a store of many articles therefore holds one copy of "Hamas" per
article that names it, and a query joining on labels over the union of graphs multiplies its rows
by that count. The catalogue keeps one copy per entity (the most frequent type and label, every
alias, lower-case name keys for case-insensitive lookup, and article/mention counts), derived
from the article graphs. After each ingest only the entities of the changed articles are
recomputed, so the cost follows the change, not the store.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from kg.layers.base import changed_since, record_taken, run_updates
from kg.layers.sparql import (
    COUNT_PART,
    COUNTS,
    ENTITIES_OF_ARTICLES,
    ENTITY_COUNTS,
    ENTITY_FACTS,
    FORGET_COUNT,
    FORGET_ENTRY,
    RECORD_COUNTS,
    RECORD_ENTITIES,
    STORED_PART,
    render,
)
from kg.rdf.graphs import CATALOG_GRAPH
from kg.rdf.namespaces import KG, KG_NS, RDF_TYPE, RDFS_LABEL
from kg.rdf.ntriples import insert_data, integer, iri, literal, triple
from kg.store import Store
from kg.store.binding import name_key

_CHUNK = 200


def _describe(store: Store, chunk: list[str]) -> list[str]:
    values = " ".join(f"<{e}>" for e in chunk)
    rows = store.query(render(ENTITY_FACTS, values=values)).rows
    counts = store.query(render(ENTITY_COUNTS, values=values)).rows
    found: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for r in rows:
        found[r["e"].value][r["p"].value][r["o"].value] += int(r["n"].value)
    lines = []
    for r in counts:
        e = r["e"].value
        facts = found.get(e)
        if not facts or not facts[RDFS_LABEL]:
            continue
        # most frequent wins; ties go to the alphabetically first, so the result is order-free
        label = min(facts[RDFS_LABEL].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        kind = min(facts[RDF_TYPE].items(), key=lambda kv: (-kv[1], kv[0]))[0] if facts[RDF_TYPE] else None
        names = (set(facts[RDFS_LABEL]) | set(facts[KG_NS + "alias"])) - {label}
        if kind:
            lines.append(triple(e, RDF_TYPE, iri(kind)))
        lines.append(triple(e, RDFS_LABEL, literal(label)))
        lines += [triple(e, KG.canonicalKey, literal(k)) for k in sorted(facts[KG_NS + "canonicalKey"])]
        lines += [triple(e, KG.alias, literal(n)) for n in sorted(names)]
        lines += [triple(e, KG.nameKey, literal(k)) for k in sorted({name_key(n) for n in names | {label}})]
        lines.append(triple(e, KG.articleCount, integer(r["articles"].value)))
        lines.append(triple(e, KG.mentionCount, integer(r["mentions"].value)))
    return lines


def update_catalog(store: Store, entities: Iterable[str]) -> int:
    """Recompute the catalogue entries of ``entities`` from the article graphs; returns how many.

    Entities no article names any more lose their entry. Each chunk is one update, so a reader
    sees an entity's old entry or its new one, never a mix.
    """
    todo = sorted(set(entities))
    for i in range(0, len(todo), _CHUNK):
        chunk = todo[i : i + _CHUNK]
        lines = _describe(store, chunk)
        ops = [render(FORGET_ENTRY, graph=CATALOG_GRAPH, node=e) for e in chunk]
        if lines:
            ops.append(insert_data(CATALOG_GRAPH, lines))
        run_updates(store, ops, size=len(ops))  # one request per chunk: old entry or new, never a mix
    return len(todo)


# What the catalogue counts in each article graph, so that kg stats adds up a few numbers per article
# instead of counting millions of quads: the graph's size, and its nodes of these classes (each lives
# in its article's graph only, so the sums are the store's distinct counts).
COUNTED = {
    "countedQuads": None,
    "countedEvents": f"{KG_NS}Event",
    "countedStatements": f"{KG_NS}Statement",
    "countedReports": f"{KG_NS}Report",
    "countedMentions": f"{KG_NS}Mention",
}


def _entities_and_counts(g: str) -> list[str]:
    """What the catalogue records with each article graph it takes in: the entities it counted there
    and what the article holds (:func:`count_operations`)."""
    return [render(RECORD_ENTITIES, graph=g), *count_operations(g)]


def count_operations(graph: str) -> list[str]:
    """Updates that replace the catalogue's counts of one article graph (none when it is gone)."""
    ops = [render(FORGET_COUNT, graph=graph, count=f"kg:{name}") for name in COUNTED]
    counts = " ; ".join(f"kg:{name} ?{name}" for name in COUNTED)
    ops.append(render(RECORD_COUNTS, graph=graph, counts=counts, where=_counts_of(graph)))
    return ops


def count_query(graph: str) -> str:
    """The counts :func:`count_operations` records, as a query of one row."""
    return render(COUNTS, where=_counts_of(graph, stored_only=False))


def _counts_of(g: str, *, stored_only: bool = True) -> str:
    counts = " ".join(
        render(COUNT_PART, name=name, graph=g, pattern="?s ?p ?o" if cls is None else f"?x a <{cls}>")
        for name, cls in COUNTED.items()
    )
    return render(STORED_PART, graph=g, counts=counts) if stored_only else counts


def sync_catalog(store: Store, written: list[str] | None = None) -> int:
    """Bring the catalogue up to date with the article graphs; returns how many articles it caught up on.
    ``written``, when given, are the only article graphs changed since the last sync (ingest knows
    them), which spares the check of every article's hash.

    The catalogue records, per article, the content hash and the entities it catalogued; the
    entities the changed articles name now or named before are recomputed, then the records are
    renewed. Running it twice changes nothing, so an interrupted run is completed by the next one.
    """
    cat = CATALOG_GRAPH
    changed = changed_since(store, cat) if written is None else sorted(written)
    if not changed:
        return 0
    entities: set[str] = set()
    for i in range(0, len(changed), _CHUNK):
        values = " ".join(f"<{g}>" for g in changed[i : i + _CHUNK])
        rows = store.query(render(ENTITIES_OF_ARTICLES, values=values)).rows
        entities.update(r["e"].value for r in rows)
    update_catalog(store, entities)
    record_taken(store, cat, changed, also=_entities_and_counts)
    return len(changed)
