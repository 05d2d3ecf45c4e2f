"""Copy graphs between stores: push the local store to an endpoint, or pull an endpoint's graphs.

Graph by graph (one named graph per article, plus kg's own corrections, links and analysis
graphs), each replaced as a whole, so copying twice changes nothing. A pull takes only graphs
named with IRIs under kg's own namespace (or prefixes the user names): a server's other graphs,
blank-node graph names and invalid IRIs are skipped and counted, and a graph over the size limit
is refused before it is read, so nothing half-read or foreign lands in the local store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.errors import QueryError, StoreError
from kg.rdf.namespaces import DATA_NS
from kg.store import Store
from kg.store.base import Term
from kg.store.binding import term_to_sparql

MAX_GRAPH_QUADS = 2_000_000  # an article graph holds a few thousand; more is not one of kg's


@dataclass
class CopyReport:
    copied: int = 0
    skipped: list[str] = field(default_factory=list)  # why each graph was left out, one line each


def copy_graphs(source: Store, target: Store, *, on_graph: Callable[[], None] = lambda: None) -> int:
    """Push: every named graph of the local store (all of them are kg's own)."""
    graphs = source.named_graphs()
    for graph in graphs:
        target.replace_graph(graph, source.dump("nt", graph=graph).decode("utf-8"))
        on_graph()
    return len(graphs)


def pull_graphs(
    source: Store,
    target: Store,
    *,
    prefixes: Iterable[str] = (),
    max_quads: int = MAX_GRAPH_QUADS,
    on_graph: Callable[[], None] = lambda: None,
) -> CopyReport:
    """Pull the graphs of ``source`` named under kg's namespace or one of ``prefixes``."""
    allowed = (DATA_NS, *prefixes)
    report = CopyReport()
    for name in source.named_graph_terms():
        why = _refusal(name, allowed)
        if why is None:
            size = source.graph_size(name.value)
            if size > max_quads:
                why = f"{name.value}: {size:,} quads, over the {max_quads:,} limit for one graph"
        if why is not None:
            report.skipped.append(why)
            continue
        try:
            data = source.dump("nt", graph=name.value).decode("utf-8")
        except (SyntaxError, ValueError) as exc:
            report.skipped.append(f"{name.value}: not valid RDF ({str(exc).splitlines()[0][:120]})")
            continue
        target.replace_graph(name.value, data)
        report.copied += 1
        on_graph()
    return report


def _refusal(name: Term, allowed: tuple[str, ...]) -> str | None:
    if name.type != "uri":
        return f"a graph named by a {name.type} ({name.value[:60]!r}), not an IRI"
    try:
        term_to_sparql(name)
    except QueryError:
        return f"a graph name that is no valid IRI ({name.value[:60]!r})"
    if not name.value.startswith(allowed):
        return f"{name.value}: not under {' or '.join(allowed)} (name its prefix with --graph-prefix to take it)"
    return None


__all__ = ["CopyReport", "MAX_GRAPH_QUADS", "StoreError", "copy_graphs", "pull_graphs"]
