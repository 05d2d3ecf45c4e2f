"""A self-contained interactive HTML view of a projection.

Drawing is done by vis-network, read from the copy the ``pyvis`` package ships and inlined into
the page, so the file opens offline with no CDN. Nodes are coloured by type and sized by PageRank;
hovering shows the type, aliases, article count and factuality; a date slider hides what happened
after the chosen day, so the story can be replayed.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from kg.analyze.metrics import pagerank
from kg.analyze.projections import Projection
from kg.errors import KgError
from kg.export.graphs import colour, full_date, sizes

MAX_NODES = 3000

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
  body {{ margin: 0; font: 14px system-ui, sans-serif; background: #fafafa; }}
  header {{ padding: 8px 12px; background: #fff; border-bottom: 1px solid #ddd; display: flex; gap: 16px;
           align-items: center; flex-wrap: wrap; }}
  #graph {{ position: absolute; top: 52px; bottom: 0; left: 0; right: 0; }}
  .legend span {{ display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin: 0 4px 0 10px; }}
</style>
<script>{vis}</script>
</head>
<body>
<header>
  <strong>{title}</strong>
  <label>until <input id="until" type="range" min="0" max="{steps}" value="{steps}">
    <span id="until-label"></span></label>
  <span id="kg-status" data-nodes="0" data-edges="0"></span>
  <span class="legend">{legend}</span>
</header>
<div id="graph"></div>
<script>
const DATA = {data};
const DAYS = DATA.days;
const nodes = new vis.DataSet(DATA.nodes);
const edges = new vis.DataSet(DATA.edges);
let limit = DAYS.length ? DAYS[DAYS.length - 1] : null;
const shown = (item) => !limit || !item.start || item.start <= limit;
const nodeView = new vis.DataView(nodes, {{ filter: shown }});
const edgeView = new vis.DataView(edges, {{ filter: shown }});
const network = new vis.Network(document.getElementById("graph"), {{ nodes: nodeView, edges: edgeView }}, {{
  physics: {{ enabled: false }},
  interaction: {{ hover: true, tooltipDelay: 100 }},
  edges: {{ arrows: {{ to: {{ enabled: true, scaleFactor: 0.5 }} }}, smooth: false, font: {{ size: 9 }} }},
  nodes: {{ shape: "dot", font: {{ size: 16 }} }}
}});
const status = document.getElementById("kg-status");
function report() {{
  status.dataset.nodes = nodeView.length;
  status.dataset.edges = edgeView.length;
  status.textContent = nodeView.length + " nodes, " + edgeView.length + " edges";
}}
const slider = document.getElementById("until");
const label = document.getElementById("until-label");
function applyLimit() {{
  limit = DAYS.length ? DAYS[Math.min(slider.value, DAYS.length - 1)] : null;
  label.textContent = limit || "all";
  nodeView.refresh();
  edgeView.refresh();
  report();
}}
slider.addEventListener("input", applyLimit);
applyLimit();
network.once("afterDrawing", report);
</script>
</body>
</html>
"""


def _vis_js() -> str:
    try:
        import pyvis
    except ImportError:
        raise KgError("kg view needs pyvis for its vis-network copy: pip install pyvis") from None
    candidates = sorted((Path(pyvis.__file__).parent / "lib").glob("vis-*/vis-network.min.js"))
    if not candidates:
        raise KgError("pyvis is installed but ships no vis-network.min.js")
    return candidates[-1].read_text(encoding="utf-8")


def to_html(projection: Projection, *, title: str = "kg network", layout_seed: int = 7) -> str:
    import networkx as nx

    from kg.analyze.metrics import undirected

    if len(projection.nodes) > MAX_NODES:
        raise KgError(
            f"{len(projection.nodes):,} nodes are too many to draw in a page (limit {MAX_NODES:,}); "
            "filter with --type, --min-weight, --since or --article, or export GEXF for Gephi"
        )
    g = undirected(projection)
    positions = nx.spring_layout(g, seed=layout_seed, scale=500) if g.number_of_nodes() else {}
    pr = pagerank(projection)
    size_of = sizes(projection)
    nodes = []
    for node in projection.nodes.values():
        x, y = positions.get(node.id, (0.0, 0.0))
        aliases = node.attrs.get("aliases", "")
        tip = f"{node.label}\n{node.type}\narticles: {len(node.articles)}\nPageRank: {pr.get(node.id, 0):.4f}"
        if aliases:
            tip += f"\naliases: {aliases}"
        if node.attrs.get("factuality"):
            tip += f"\nfactuality: {node.attrs['factuality']}"
        r, gr, b = colour(node.type)
        nodes.append(
            {
                "id": node.id,
                "label": node.label[:40],
                "title": tip,
                "x": round(float(x), 2),
                "y": round(float(y), 2),
                "size": round(size_of[node.id], 2),
                "color": f"rgb({r},{gr},{b})",
                "start": full_date(node.start) if node.start else None,
            }
        )
    edges = [
        {
            "id": i,
            "from": e.source,
            "to": e.target,
            "label": e.label if e.kind != "co_participates" else "",
            "title": f"{e.label} ({e.weight:g}x, {len(e.articles)} article(s))"
            + (f"\nfactuality: {e.factuality}" if e.factualities else ""),
            "value": e.weight,
            "start": full_date(e.start) if e.start else None,
        }
        for i, e in enumerate(projection.edges.values())
    ]
    days = sorted({item["start"] for item in nodes + edges if item["start"]})
    types = sorted({n.type for n in projection.nodes.values()})
    legend = "".join(f'<span style="background: rgb{colour(t)}"></span>{html.escape(t or "other")}' for t in types)
    data = json.dumps({"nodes": nodes, "edges": edges, "days": days}, ensure_ascii=False).replace("</", "<\\/")
    return TEMPLATE.format(
        title=html.escape(title), vis=_vis_js(), data=data, steps=max(len(days) - 1, 0), legend=legend
    )
