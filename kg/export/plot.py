"""A static picture of a projection for reports (matplotlib, no display needed)."""

from __future__ import annotations

from pathlib import Path

from kg.analyze.projections import Projection
from kg.errors import KgError
from kg.export.graphs import colour, sizes

LABELLED = 25  # the most central nodes get a label


def plot_png(projection: Projection, out: Path, *, title: str = "", seed: int = 7) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise KgError("kg plot needs matplotlib: pip install 'kg[plot]'") from None
    import networkx as nx

    from kg.analyze.metrics import undirected

    g = undirected(projection)
    if g.number_of_nodes() == 0:
        raise KgError("the projection is empty: nothing to plot (check the filters)")
    pos = nx.spring_layout(g, seed=seed)
    size_of = sizes(projection)
    fig, ax = plt.subplots(figsize=(12, 9), dpi=100)
    nx.draw_networkx_edges(
        g, pos, ax=ax, alpha=0.3, width=[min(4.0, 0.5 + d["weight"] / 2) for *_, d in g.edges(data=True)]
    )
    nodes = list(g.nodes)
    nx.draw_networkx_nodes(
        g,
        pos,
        nodelist=nodes,
        ax=ax,
        node_size=[size_of[n] * 12 for n in nodes],
        node_color=[tuple(c / 255 for c in colour(projection.nodes[n].type)) for n in nodes],
    )
    top = sorted(nodes, key=lambda n: -size_of[n])[:LABELLED]
    nx.draw_networkx_labels(g, pos, labels={n: projection.nodes[n].label[:30] for n in top}, ax=ax, font_size=8)
    ax.set_title(title or f"{projection.name}: {g.number_of_nodes()} nodes, {len(projection.edges)} edges")
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(out, format="png")
    plt.close(fig)
