"""An analysis as text: JSON, CSV of the scores, or the table ``kg analyze`` prints."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from kg.analyze.metrics import Analysis


def render_analysis(result: Analysis, fmt: str, top: int) -> str:
    """``fmt`` is json, csv or table (the ``top`` actors, then who contradicts whom)."""
    if fmt == "json":
        return json.dumps(
            {
                "nodes": result.nodes,
                "edges": result.edges,
                "communities": result.communities,
                "scores": [asdict(s) for s in result.scores],
                "contradictions": [asdict(c) for c in result.contradictions],
            },
            ensure_ascii=False,
        )
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["id", "label", "type", "degree", "weighted_degree", "pagerank", "betweenness", "community"])
        for s in result.scores:
            writer.writerow(
                [
                    s.id,
                    s.label,
                    s.type,
                    s.degree,
                    f"{s.weighted_degree:g}",
                    f"{s.pagerank:.6f}",
                    f"{s.betweenness:.6f}",
                    s.community,
                ]
            )
        return buf.getvalue().rstrip("\n")
    lines = [
        f"{result.nodes} nodes, {result.edges} edges, {result.communities} communities",
        f"\n{'actor':32} {'type':13} {'degree':>6} {'w.degree':>8} {'pagerank':>8} {'between.':>8} {'comm.':>5}",
    ]
    for s in result.scores[:top]:
        lines.append(
            f"{s.label[:32]:32} {s.type[:13]:13} {s.degree:>6} {s.weighted_degree:>8g} {s.pagerank:>8.4f} "
            f"{s.betweenness:>8.4f} {s.community:>5}"
        )
    if result.contradictions:
        lines.append("\nwho contradicts whom")
        for c in result.contradictions:
            lines.append(f"  {c.source} {c.kind} {c.target} ({c.count:g}x, {c.articles} article(s))")
    return "\n".join(lines)
