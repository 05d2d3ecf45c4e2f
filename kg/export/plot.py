"""A static picture of a projection for reports (matplotlib, no display needed).

What it draws is what :func:`kg.analyze.metrics.most_central` chose (the most central connected
actors); components are laid out on their own and packed (:mod:`kg.export.layout`), edges are coloured
by kind, the largest nodes are labelled where their labels do not overlap, and a legend names the node
types and edge kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.analyze.metrics import pagerank
from kg.analyze.projections import Projection
from kg.errors import KgError
from kg.export.graphs import colour, edge_colour, legend_entries, sizes
from kg.export.layout import component_layout

LABELLED = 50  # at most this many labels, the most central first, none overlapping another
LABEL_CHARS = 30


@dataclass
class Picture:
    """What the picture shows: the nodes that got a label, and the legend's entries."""

    labelled: list[str]
    legend: list[str]


def _rgb(c: tuple[int, int, int]) -> tuple[float, float, float]:
    return (c[0] / 255, c[1] / 255, c[2] / 255)


def plot_png(
    projection: Projection,
    out: Path,
    *,
    title: str = "",
    seed: int = 7,
    ranks: dict[str, float] | None = None,
    summary: str = "",
) -> Picture:
    """Write the PNG and say what it shows. ``ranks`` are the PageRank scores that size and order the
    nodes (by default the projection's own)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.collections import LineCollection
        from matplotlib.lines import Line2D
    except ImportError:
        raise KgError("kg plot needs matplotlib: pip install 'kg[plot]'") from None

    if not projection.nodes:
        raise KgError("the projection is empty: nothing to plot (check the filters, or --isolated)")
    pr = ranks if ranks is not None else pagerank(projection)
    size_of = sizes(projection, pr)
    pos = component_layout(projection, seed=seed, radii={n: 0.004 * (s * 10) ** 0.5 for n, s in size_of.items()})
    pos = {n: (x, -y) for n, (x, y) in pos.items()}  # the layout's y grows downwards
    fig, ax = plt.subplots(figsize=(14, 10), dpi=100)
    segments, colours, widths = [], [], []
    for e in sorted(projection.edges.values(), key=lambda e: e.kind != "co_participates"):
        if e.source == e.target or e.source not in pos or e.target not in pos:
            continue
        segments.append((pos[e.source], pos[e.target]))
        colours.append((*_rgb(edge_colour(e.kind)), 0.35 if e.kind == "co_participates" else 0.8))
        widths.append(min(4.0, 0.6 + e.weight / 2))
    ax.add_collection(LineCollection(segments, colors=colours, linewidths=widths, zorder=1))
    order = sorted(projection.nodes, key=lambda n: (-pr.get(n, 0.0), projection.nodes[n].label, n))
    ax.scatter(
        [pos[n][0] for n in reversed(order)],
        [pos[n][1] for n in reversed(order)],
        s=[size_of[n] * 10 for n in reversed(order)],
        c=[_rgb(colour(projection.nodes[n].type)) for n in reversed(order)],
        edgecolors="white",
        linewidths=0.6,
        zorder=2,
    )
    ax.autoscale()
    ax.margins(0.04)
    ax.set_aspect("equal", adjustable="datalim")
    ax.axis("off")
    ax.set_title(title or f"{projection.name}: {summary or f'{len(projection.nodes)} nodes'}", fontsize=11)
    types, kinds = legend_entries(projection)
    handles = [
        Line2D(
            [], [], marker="o", linestyle="", markersize=8, markerfacecolor=_rgb(c), markeredgecolor="white", label=t
        )
        for t, c in types
    ]
    handles += [Line2D([], [], color=_rgb(c), linewidth=2.5, label=k) for k, c in kinds]
    legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, frameon=False)
    fig.tight_layout()
    labelled = _labels(fig, ax, projection, order, pos, size_of, legend)
    fig.savefig(out, format="png")
    plt.close(fig)
    return Picture(labelled, [h.get_label() for h in handles])


def _labels(fig, ax, projection: Projection, order: list[str], pos, size_of, legend) -> list[str]:
    """Label the most central nodes, below the marker or else above it, skipping a label that would
    overlap one already drawn (or the legend), as measured on the figure's renderer."""
    renderer = fig.canvas.get_renderer()
    taken = [legend.get_window_extent(renderer)]
    labelled = []
    for n in order:
        if len(labelled) >= LABELLED:
            break
        label = " ".join(projection.nodes[n].label.split())
        if len(label) > LABEL_CHARS:
            label = label[: LABEL_CHARS - 1] + "\u2026"
        offset = 2 + (size_of[n] * 10) ** 0.5 / 2  # points from the marker's centre to its edge, and a margin
        for dy, va in ((-offset, "top"), (offset, "bottom")):
            text = ax.annotate(
                label,
                pos[n],
                xytext=(0, dy),
                textcoords="offset points",
                ha="center",
                va=va,
                fontsize=8,
                zorder=3,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.75},
            )
            box = text.get_window_extent(renderer)
            inside = fig.bbox.contains(box.x0, box.y0) and fig.bbox.contains(box.x1, box.y1)
            if inside and not any(box.overlaps(other) for other in taken):
                taken.append(box)
                labelled.append(n)
                break
            text.remove()
    return labelled
