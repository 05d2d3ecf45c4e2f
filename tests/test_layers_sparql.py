"""Every SPARQL template of the derived layers (kg.layers.sparql) is valid SPARQL: filled with
placeholder terms, each runs on an empty store."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from kg.layers import sparql
from kg.rdf.namespaces import PREFIXES

# What a placeholder stands for where it is not written between < and > (an IRI) or after ? (a variable).
FILLS = {
    "values": "<urn:kg:a> <urn:kg:b>",
    "a": "<urn:kg:a>",
    "b": "<urn:kg:b>",
    "keys": '"k"',
    "prefix": '"k"',
    "rule": '"same claim"',
    "kinds": '"claim" "denial"',
    "endpoint": '"http://example.org/sparql"',
    "pattern": '"^x$"',
    "time": '"2026-01-01T00:00:00+00:00"^^xsd:dateTime',
    "types": "kg:Attack, kg:Protest",
    "path": "kg:about/kg:author",
    "predicates": "kg:worksFor kg:leaderOf",
    "count": "kg:countedQuads",
    "counts": "kg:countedQuads ?n",
    "where": "?s ?p ?n",
    "selection": "?e ?a ?type",
    "filter": 'STRSTARTS(STR(?s), "urn:")',
    "triples": "<urn:kg:a> <urn:kg:p> <urn:kg:b> .",
    "token": '"t"',
    "age": '"PT60M"^^xsd:dayTimeDuration',
    # PAIR_EVENTS_PART of two pairs, joined as the listings layer joins them
    "pairs": " UNION ".join(
        sparql.render(sparql.PAIR_EVENTS_PART, x="urn:kg:a", y=y) for y in ("urn:kg:b", "urn:kg:c")
    ),
}
OVERRIDES = {"KB_ITEMS_NAMED": {"values": '("Oxfam" "Oxfam"@en)'}}
TEMPLATES = {
    name: text
    for name, text in vars(sparql).items()
    if name.isupper() and isinstance(text, str) and not name.endswith(("_PART", "_GRAPH"))
}


def _filled(name: str, template: str) -> str:
    params = {}
    for before, key in re.findall(r"([<?]?)\$(\w+)", template):
        if key in sparql.GRAPHS:
            continue
        params[key] = (
            "urn:kg:x" if before == "<" else "x" if before == "?" else OVERRIDES.get(name, {}).get(key, FILLS[key])
        )
    return sparql.render(template, **params)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_runs(name):
    text = _filled(name, TEMPLATES[name])
    store = ox.Store()
    if re.match(r"\s*(PREFIX[^\n]*\n\s*)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", text):
        store.query(text, prefixes=PREFIXES)
    else:
        store.update(text, prefixes=PREFIXES)


def test_a_broken_template_fails():
    with pytest.raises(SyntaxError):
        ox.Store().query(_filled("X", "SELECT ?e WHERE { GRAPH <$stories> { ?e kg:blockKey ?k } "), prefixes=PREFIXES)
