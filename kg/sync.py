"""Copy graphs between stores: push the local store to an endpoint, or pull an endpoint's graphs.

Graph by graph (one named graph per article, plus kg's own corrections, links and analysis
graphs), each replaced as a whole, so copying twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.store import Store


def copy_graphs(source: Store, target: Store, *, on_graph: Callable[[], None] = lambda: None) -> int:
    graphs = source.named_graphs()
    for graph in graphs:
        target.replace_graph(graph, source.dump("nt", graph=graph).decode("utf-8"))
        on_graph()
    return len(graphs)
