"""Node positions for the view and the plot: each connected component laid out on its own, packed.

A force layout of a whole network with many components throws the small ones to a ring around the
big one; here each component gets its own layout (Kamada-Kawai for small ones, which spaces nodes
evenly, a spring layout for big ones) sized to its number of nodes, overlapping nodes are pushed
apart, and the components are packed in rows, biggest first. Deterministic (seeded).
"""

from __future__ import annotations

import math

from kg.analyze.projections import Projection

Positions = dict[str, tuple[float, float]]
KAMADA_KAWAI_UP_TO = 60  # nodes; above it a component gets a spring layout
SEPARATE_UP_TO = 1500  # nodes; above it overlaps are left as the layout made them


def component_layout(
    projection: Projection, *, seed: int = 7, spacing: float = 1.0, radii: dict[str, float] | None = None
) -> Positions:
    """Positions where neighbouring nodes sit about ``spacing`` apart (y growing downwards); ``radii``
    (in the same unit) are the nodes' drawn sizes, kept from overlapping."""
    import networkx as nx

    from kg.analyze.metrics import undirected

    g = undirected(projection)
    if g.number_of_nodes() == 0:
        return {}
    radii = radii or {}
    components = sorted(
        (sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), projection.nodes[c[0]].label, c[0])
    )
    boxes: list[tuple[float, float, Positions]] = []  # width, height, positions from the box's top left
    for nodes in components:
        if len(nodes) == 1:
            pos = {nodes[0]: (0.0, 0.0)}
        else:
            sub = g.subgraph(nodes)
            scale = spacing * 0.7 * math.sqrt(len(nodes) - 1)
            if len(nodes) <= KAMADA_KAWAI_UP_TO:
                raw = nx.kamada_kawai_layout(sub, weight=None, scale=scale)
            else:
                raw = nx.spring_layout(sub, seed=seed, scale=scale, iterations=100 if len(nodes) < 500 else 50)
            pos = _separate({n: (float(x), float(y)) for n, (x, y) in raw.items()}, radii, spacing)
        left = min(x - radii.get(n, 0.0) for n, (x, _) in pos.items())
        top = min(y - radii.get(n, 0.0) for n, (_, y) in pos.items())
        right = max(x + radii.get(n, 0.0) for n, (x, _) in pos.items())
        bottom = max(y + radii.get(n, 0.0) for n, (_, y) in pos.items())
        boxes.append((right - left, bottom - top, {n: (x - left, y - top) for n, (x, y) in pos.items()}))
    gap = 1.5 * spacing  # between components: wider than between neighbours, so groups read as groups
    total = sum((w + gap) * (h + gap) for w, h, _ in boxes)
    width = max(max(w for w, _, _ in boxes) + gap, math.sqrt(total) * 1.4)
    out: Positions = {}
    x = y = row_height = 0.0
    for w, h, pos in boxes:
        if x > 0 and x + w + gap > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (px, py) in pos.items():
            out[n] = (x + px, y + py)
        x += w + gap
        row_height = max(row_height, h + gap)
    return out


def _separate(pos: Positions, radii: dict[str, float], spacing: float, rounds: int = 60) -> Positions:
    """Push apart nodes closer than their radii and a margin allow (a few rounds of pairwise moves)."""
    import numpy as np

    ids = list(pos)
    if len(ids) > SEPARATE_UP_TO:
        return pos
    p = np.array([pos[n] for n in ids], dtype=float)
    r = np.array([radii.get(n, 0.0) for n in ids], dtype=float)
    need = r[:, None] + r[None, :] + 0.3 * spacing
    np.fill_diagonal(need, 0.0)
    jitter = np.random.default_rng(7).normal(scale=1e-3 * spacing, size=p.shape)
    for _ in range(rounds):
        delta = p[:, None, :] - p[None, :, :]
        dist = np.sqrt((delta**2).sum(-1))
        overlap = np.clip(need - dist, 0.0, None)
        if not overlap.any():
            break
        dist[dist == 0] = 1.0
        push = (delta / dist[..., None]) * (overlap / 2)[..., None]
        p = p + push.sum(axis=1) * 0.5 + jitter * (overlap.sum(axis=1) > 0)[:, None]
    return {n: (float(x), float(y)) for n, (x, y) in zip(ids, p, strict=True)}


Box = tuple[float, float, float, float]  # left, top, right, bottom


def place_labels(candidates: list[tuple[str, list[Box]]], *, limit: int) -> dict[str, int]:
    """Labels that can be drawn without overlapping, in the order given (most central first): each
    candidate is a node id and the boxes its label could take (below the node, above it ...); the
    answer maps the labelled nodes, at most ``limit``, to the place each got."""
    placed: list[Box] = []
    chosen: dict[str, int] = {}
    for node_id, options in candidates:
        if len(chosen) >= limit:
            break
        for k, (left, top, right, bottom) in enumerate(options):
            if not any(left < r and l < right and top < b and t < bottom for l, t, r, b in placed):  # noqa: E741
                placed.append((left, top, right, bottom))
                chosen[node_id] = k
                break
    return chosen
