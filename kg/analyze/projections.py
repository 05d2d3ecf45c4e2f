"""Projections: from the store to a network, defined by SPARQL in ``queries/projections/``.

A projection is a pair of SELECT queries. The edges query returns ``?source ?target`` and
optionally ``?kind ?weight ?via ?article ?date``; rows with the same source, target and kind are
one edge, which remembers its articles and first/last date. Its weight is the sum of ``?weight``,
else the number of distinct ``?via`` (the event or statement behind it), else the number of rows. The nodes query
returns ``?node`` and optionally ``?label ?type ?article ?date``, plus ``?attr ?value`` pairs for
any other attribute. Users pass their own pair with ``--edges/--nodes``; the same queries run on the
embedded store and on any SPARQL endpoint.

Only what an article itself asserts is a fact: the named projections take only asserted events
(``kg:asserted true``) unless ``?all`` is bound to true, which ``all_events`` (``--all-events``) does
for any query that uses ``?all``. An edges query may return ``?factuality`` ("asserted", "reported by
...", as the events query words it); an edge keeps every value of its rows, so Gephi users see on what
word a co-participation rests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.resources import queries_dir
from kg.store import Store
from kg.store.base import Term

PROJECTIONS = ("actors", "bipartite", "statements", "full")
EDGE_LABELS = {
    "co_participates": "co-participates",
    "denial": "denies",
    "criticism": "criticises",
    "accusation": "accuses",
    "call": "calls on",
    "claim": "responds to",
    "finding": "responds to",
    "other": "responds to",
    "leader_of": "leads",
    "works_for": "works for",
    "member_of": "member of",
    "part_of": "part of",
}
CONTRADICTION_KINDS = frozenset({"denial", "criticism", "accusation"})


@dataclass
class Node:
    id: str
    label: str
    type: str = ""
    articles: set[str] = field(default_factory=set)
    start: str | None = None
    end: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Edge:
    source: str
    target: str
    kind: str
    weight: float = 0.0
    articles: set[str] = field(default_factory=set)
    start: str | None = None
    end: str | None = None
    via: set[str] = field(default_factory=set)
    factualities: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return EDGE_LABELS.get(self.kind, self.kind.replace("_", " "))

    @property
    def factuality(self) -> str:
        """How the articles tell the events behind the edge ("asserted", "reported by X (said)"), or ""
        for an edge that rests on no event (a denial, a statement)."""
        return "; ".join(sorted(self.factualities))


@dataclass
class Projection:
    name: str
    nodes: dict[str, Node]
    edges: dict[tuple[str, str, str], Edge]

    def to_networkx(self):
        """A MultiDiGraph keyed by edge kind, with node and edge attributes (dates as strings)."""
        import networkx as nx

        g = nx.MultiDiGraph(name=self.name)
        for node in self.nodes.values():
            attrs = {"label": node.label, "type": node.type, "articles": len(node.articles), **node.attrs}
            if node.start:
                attrs.update(start=node.start, end=node.end)
            g.add_node(node.id, **attrs)
        for (s, t, kind), edge in self.edges.items():
            attrs = {"weight": edge.weight, "kind": kind, "label": edge.label, "articles": len(edge.articles)}
            if edge.factualities:
                attrs["factuality"] = edge.factuality
            if edge.start:
                attrs.update(start=edge.start, end=edge.end)
            g.add_edge(s, t, key=kind, **attrs)
        return g


def _widen(current: tuple[str | None, str | None], date: str | None) -> tuple[str | None, str | None]:
    if not date:
        return current
    start, end = current
    return (min(start, date) if start else date, max(end, date) if end else date)


def projection_queries(name: str | None, edges: str | None = None, nodes: str | None = None) -> tuple[str, str]:
    """The (edges, nodes) query texts of a named projection, or of the user's own files."""
    if edges or nodes:
        if not (edges and nodes):
            raise KgError("give both --edges and --nodes for a projection of your own")
        return _read(Path(edges)), _read(Path(nodes))
    name = name or "actors"
    if name not in PROJECTIONS:
        raise KgError(f"unknown projection {name!r}; choose one of {', '.join(PROJECTIONS)}")
    folder = queries_dir() / "projections"
    return _read(folder / f"{name}-edges.rq"), _read(folder / f"{name}-nodes.rq")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KgError(f"cannot read query {path}: {exc.strerror}") from None


_ALL = re.compile(r"[?$]all\b")


def _bindings(text: str, all_events: bool) -> dict[str, Term] | None:
    """``?all`` bound to true when events the articles do not assert are asked for and the query uses
    it (a query of the user's own that does not is run as written)."""
    return {"all": Term("literal", "true")} if all_events and _ALL.search(text) else None


def build_projection(
    store: Store,
    name: str | None = "actors",
    *,
    edges_query: str | None = None,
    nodes_query: str | None = None,
    all_events: bool = False,
    **filters,
) -> Projection:
    """The named (or the user's own) projection, filtered with :func:`filter_projection`'s options;
    events the articles do not assert only with ``all_events``."""
    edge_text, node_text = projection_queries(name, edges_query, nodes_query)
    canonical = filters.pop("canonical", False)
    edges: dict[tuple[str, str, str], Edge] = {}
    for row in store.query(edge_text, _bindings(edge_text, all_events)).rows:
        if "source" not in row or "target" not in row:
            continue
        kind = row["kind"].value if "kind" in row else "link"
        key = (row["source"].value, row["target"].value, kind)
        edge = edges.setdefault(key, Edge(*key))
        if "weight" in row:
            edge.weight += float(row["weight"].value)
        elif "via" in row:
            edge.via.add(row["via"].value)
            edge.weight = float(len(edge.via))
        else:
            edge.weight += 1.0
        if "article" in row:
            edge.articles.add(row["article"].value)
        if "factuality" in row:
            edge.factualities.add(row["factuality"].value)
        edge.start, edge.end = _widen((edge.start, edge.end), _date(row))
    nodes: dict[str, Node] = {}
    for row in store.query(node_text, _bindings(node_text, all_events)).rows:
        if "node" not in row:
            continue
        iri = row["node"].value
        node = nodes.setdefault(iri, Node(iri, row["label"].value if "label" in row else _short(iri)))
        if "type" in row:
            node.type = row["type"].value
        if "article" in row:
            node.articles.add(row["article"].value)
        if "attr" in row and "value" in row:
            key, value = row["attr"].value, row["value"].value
            values = node.attrs[key].split("; ") if key in node.attrs else []
            if value not in values:
                node.attrs[key] = "; ".join([*values, value])
        node.start, node.end = _widen((node.start, node.end), _date(row))
    for s, t, _ in edges:
        for iri in (s, t):
            nodes.setdefault(iri, Node(iri, _short(iri)))
    projection = Projection(name or "custom", nodes, edges)
    if canonical:
        projection = to_canonical(projection, store)
    return filter_projection(projection, **filters)


def to_canonical(p: Projection, store: Store) -> Projection:
    """Replace each article's event by its story (canonical event): nodes merge, and edges merge
    with their evidence, so that an event reported by many articles counts once (``via`` is mapped
    too) while every article stays on the edge. An event an article does not assert goes to the story
    it reports on (``kg:reportsOn``), when the projection has it at all (``all_events``)."""
    from kg.rdf.graphs import STORIES_GRAPH

    rows = store.query(
        f"SELECT ?e ?c ?label WHERE {{ GRAPH <{STORIES_GRAPH}> {{ ?e kg:canonicalEvent|kg:reportsOn ?c . "
        "?c rdfs:label ?label } }"
    ).rows
    story = {r["e"].value: r["c"].value for r in rows}
    labels = {r["c"].value: r["label"].value for r in rows}

    def to(iri: str) -> str:
        return story.get(iri, iri)

    nodes: dict[str, Node] = {}
    for node in p.nodes.values():
        iri = to(node.id)
        merged = nodes.setdefault(iri, Node(iri, labels.get(iri, node.label), node.type))
        merged.articles |= node.articles
        merged.start, merged.end = _widen(_widen((merged.start, merged.end), node.start), node.end)
        for key, value in node.attrs.items():
            values = merged.attrs[key].split("; ") if key in merged.attrs else []
            merged.attrs[key] = "; ".join(dict.fromkeys([*values, *value.split("; ")]))
    edges: dict[tuple[str, str, str], Edge] = {}
    for edge in p.edges.values():
        key = (to(edge.source), to(edge.target), edge.kind)
        if key[0] == key[1]:
            continue
        merged = edges.setdefault(key, Edge(*key))
        if edge.via:
            merged.via |= {to(v) for v in edge.via}
            merged.weight = float(len(merged.via))
        else:
            merged.weight += edge.weight
        merged.articles |= edge.articles
        merged.factualities |= edge.factualities
        merged.start, merged.end = _widen(_widen((merged.start, merged.end), edge.start), edge.end)
    return Projection(p.name, nodes, edges)


def _date(row) -> str | None:
    return row["date"].value[:10] if "date" in row and row["date"].value else None


def _short(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def filter_projection(
    p: Projection,
    *,
    since: str | None = None,
    until: str | None = None,
    types: tuple[str, ...] = (),
    min_weight: float = 0.0,
    article: str | None = None,
) -> Projection:
    """Keep edges in the date range, of enough weight, from the article; nodes of the types asked."""
    nodes = {k: n for k, n in p.nodes.items() if not types or n.type in types}

    def keep(edge: Edge) -> bool:
        if edge.source not in nodes or edge.target not in nodes or edge.weight < min_weight:
            return False
        if article and not any(a == article or a.endswith("/" + article) for a in edge.articles):
            return False
        if since and (edge.end or "") < since:
            return False
        return not (until and edge.start and edge.start > until)

    edges = {k: e for k, e in p.edges.items() if keep(e)}
    if since or until or article or min_weight:
        touched = {e.source for e in edges.values()} | {e.target for e in edges.values()}
        nodes = {k: n for k, n in nodes.items() if k in touched}
    return Projection(p.name, nodes, edges)


def connected_ids(p: Projection) -> set[str]:
    """Nodes with at least one edge to another node."""
    return {n for e in p.edges.values() if e.source != e.target for n in (e.source, e.target)}


def subprojection(p: Projection, keep: set[str] | list[str]) -> Projection:
    """The nodes in ``keep`` (in the projection's order) and the edges between them."""
    keep = set(keep)
    nodes = {k: n for k, n in p.nodes.items() if k in keep}
    edges = {k: e for k, e in p.edges.items() if e.source in nodes and e.target in nodes}
    return Projection(p.name, nodes, edges)


def without_isolated(p: Projection) -> Projection:
    """The projection without the nodes that have no edge (what Gephi users want by default)."""
    return subprojection(p, connected_ids(p))
