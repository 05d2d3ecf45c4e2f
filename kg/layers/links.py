"""Link entities to an external knowledge base over SPARQL (any endpoint shaped like Wikidata:
``rdfs:label`` and ``skos:altLabel``), through SPARQLWrapper.

An entity is linked only when its name (or an alias) matches the label of exactly one item; a
match on ``rdfs:label`` is preferred over ``skos:altLabel``. Links go to ``kgd:graph/links`` as
``owl:sameAs`` plus a ``kg:Link`` record of endpoint, matched label and time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone

from kg.errors import KgError
from kg.layers.sparql import ENTITY_NAMES, KB_ITEMS_NAMED, REPLACE_LINKS, render
from kg.rdf.namespaces import DATA_NS, KG, OWL_SAME_AS, PROV_GENERATED_AT, RDF_TYPE
from kg.rdf.ntriples import XSD_DATETIME, iri, literal, triple
from kg.store import Store

BATCH = 40


@dataclass
class LinkResult:
    linked: int = 0
    ambiguous: int = 0
    unmatched: int = 0


def _lookup(endpoint: str, names: list[str], *, timeout: int, lang: str) -> dict[str, dict[str, str]]:
    """name -> {item IRI: 'label' | 'alias'} for the names that match some item."""
    from SPARQLWrapper import JSON, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    values = " ".join(f"({literal(n)} {literal(n, lang=lang)})" for n in names)
    query = render(KB_ITEMS_NAMED, values=values)
    client = SPARQLWrapper(endpoint, agent="kg (news knowledge graph)")
    client.setQuery(query)
    client.setReturnFormat(JSON)
    client.setTimeout(timeout)
    try:
        data = client.queryAndConvert()
    except (SPARQLWrapperException, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        raise KgError(f"cannot query the endpoint {endpoint}: {reason}") from None
    out: dict[str, dict[str, str]] = {}
    for row in data.get("results", {}).get("bindings", []):
        name, item, via = row["name"]["value"], row["item"]["value"], row["via"]["value"]
        seen = out.setdefault(name, {})
        if seen.get(item) != "label":
            seen[item] = via
    return out


def link_entities(store: Store, endpoint: str, *, timeout: int = 30, lang: str = "en") -> LinkResult:
    rows = store.query(render(ENTITY_NAMES)).rows
    names_of: dict[str, list[str]] = {}
    for r in rows:
        names_of.setdefault(r["e"].value, [])
        if r["name"].value not in names_of[r["e"].value]:
            names_of[r["e"].value].append(r["name"].value)
    all_names = sorted({n for names in names_of.values() for n in names})
    matches: dict[str, dict[str, str]] = {}
    for i in range(0, len(all_names), BATCH):
        matches.update(_lookup(endpoint, all_names[i : i + BATCH], timeout=timeout, lang=lang))
    result = LinkResult()
    triples = []
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    for entity, names in sorted(names_of.items()):
        by_label = {item for n in names for item, via in matches.get(n, {}).items() if via == "label"}
        by_alias = {item for n in names for item, via in matches.get(n, {}).items() if via == "alias"}
        candidates = by_label or by_alias
        if not candidates:
            result.unmatched += 1
            continue
        if len(candidates) > 1:
            result.ambiguous += 1
            continue
        item = next(iter(candidates))
        label = next(n for n in names if item in matches.get(n, {}))
        node = f"{DATA_NS}link/{hashlib.sha1(f'{entity} {item}'.encode()).hexdigest()[:16]}"
        triples += [
            triple(entity, OWL_SAME_AS, iri(item)),
            triple(node, RDF_TYPE, iri(KG.Link)),
            triple(node, KG.linkedEntity, iri(entity)),
            triple(node, KG.linkTarget, iri(item)),
            triple(node, KG.endpoint, literal(endpoint)),
            triple(node, KG.matchedLabel, literal(label)),
            triple(node, PROV_GENERATED_AT, literal(now, XSD_DATETIME)),
        ]
        result.linked += 1
    # Linking again against the same endpoint replaces its earlier links.
    store.update(render(REPLACE_LINKS, endpoint=literal(endpoint), triples=" ".join(triples)))
    return result
