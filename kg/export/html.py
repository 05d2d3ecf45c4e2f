"""A self-contained interactive HTML view of a projection.

Drawing is done by vis-network, read from the copy the ``pyvis`` package ships and inlined into
the page, so the file opens offline with no CDN. What an analyst sees: the most central connected
actors (:func:`kg.analyze.metrics.most_central`), each component laid out on its own
(:mod:`kg.export.layout`), coloured by type and sized by PageRank, labels on the largest nodes where
they do not overlap (every name shows on hover), a legend of node types and edge kinds, a search box,
a date slider that replays the story, and a side panel: click an actor to read what it said, what
others say about it and who denies what, each statement with its words and its article
(:mod:`kg.export.panel`).

Everything the page embeds is escaped: text in HTML with :func:`html.escape`, data as JSON with
``<``, ``>`` and ``&`` written as ``\\u003c``, ``\\u003e``, ``\\u0026`` (so no title can close the
script or open a comment in it), and the page script writes text into the page with ``textContent``
only. The page writes what it drew into ``#kg-status`` (``data-nodes``, ``data-drawn``,
``data-labelled``); opened with ``#test-click=NAME`` it clicks that node itself, with
``#test-search=TEXT`` it types into the search box, so a headless browser can check what a person
would see.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from kg.analyze.metrics import pagerank
from kg.analyze.projections import Projection
from kg.errors import KgError
from kg.export.graphs import colour, edge_colour, full_date, legend_entries, sizes
from kg.export.layout import component_layout, place_labels
from kg.export.panel import Panel

MAX_NODES = 3000
SPACING = 120.0  # canvas units between neighbouring nodes
FONT = 16  # label font size in canvas units
NODE_SCALE = 0.6  # dot radius in canvas units per unit of the GEXF size (4-40)
LABELLED = 40  # at most this many permanent labels
LABEL_CHARS = 32

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%%TITLE%%</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px system-ui, sans-serif; background: #fafafa; color: #222; }
  header { position: absolute; top: 0; left: 0; right: 0; height: 52px; padding: 8px 12px; background: #fff;
           border-bottom: 1px solid #ddd; display: flex; gap: 14px; align-items: center; white-space: nowrap;
           overflow: hidden; }
  #graph { position: absolute; top: 52px; bottom: 0; left: 0; right: 0; }
  #search { width: 220px; }
  #kg-status { color: #555; font-size: 12px; overflow: hidden; text-overflow: ellipsis; }
  #legend { position: absolute; right: 10px; bottom: 10px; background: rgba(255, 255, 255, 0.93); font-size: 12px;
            border: 1px solid #ddd; border-radius: 6px; padding: 6px 10px; max-width: 280px; }
  #legend summary { font-weight: bold; cursor: pointer; }
  #legend h4 { margin: 4px 0 2px; font-size: 12px; }
  #legend div { margin: 1px 0; }
  #legend .dot { display: inline-block; width: 11px; height: 11px; border-radius: 6px; margin-right: 6px;
                 vertical-align: middle; }
  #legend .line { display: inline-block; width: 20px; height: 3px; margin-right: 6px; vertical-align: middle; }
  #panel { position: absolute; top: 52px; right: 0; bottom: 0; width: min(430px, 92vw); overflow-y: auto;
           background: #fff; border-left: 1px solid #ddd; padding: 10px 14px 20px;
           box-shadow: -2px 0 8px rgba(0, 0, 0, 0.08); }
  #panel[hidden] { display: none; }
  #panel h2 { margin: 0 28px 2px 0; font-size: 18px; }
  #panel h3 { margin: 16px 0 6px; font-size: 14px; border-bottom: 1px solid #eee; }
  #panel .meta, #panel .none { color: #666; margin: 2px 0; }
  #panel ol { margin: 0; padding-left: 20px; }
  #panel li { margin-bottom: 10px; }
  #panel blockquote { margin: 3px 0; padding-left: 8px; border-left: 3px solid #ccc; }
  #panel .answers { color: #555; font-size: 12px; margin: 2px 0; }
  #panel .kind { font-size: 11px; padding: 0 4px; border-radius: 3px; background: #eee; }
  #panel cite { display: block; color: #666; font-size: 12px; font-style: normal; }
  #close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 22px; cursor: pointer; }
</style>
<script>%%VIS%%</script>
</head>
<body>
<header>
  <strong>%%TITLE%%</strong>
  <input id="search" type="search" list="actor-names" placeholder="Find an actor" aria-label="Find an actor"
         autocomplete="off">
  <datalist id="actor-names"></datalist>
  <label>until <input id="until" type="range" min="0" max="%%STEPS%%" value="%%STEPS%%">
    <span id="until-label"></span></label>
  <span id="kg-status" data-nodes="0" data-edges="0" data-drawn="0" data-labelled="0"
        title="%%SUMMARY%%">%%SUMMARY%%</span>
</header>
<div id="graph"></div>
<details id="legend" open><summary>Legend</summary>%%LEGEND%%</details>
<aside id="panel" hidden><button id="close" type="button" aria-label="Close">&times;</button>
  <div id="panel-body"></div></aside>
<script>
"use strict";
window.addEventListener("error", (e) => {
  document.body.dataset.errors = (document.body.dataset.errors || "") + e.message + "\\n";
});
const DATA = %%DATA%%;
const PANEL = DATA.panel;
const DAYS = DATA.days;
const byId = new Map(DATA.nodes.map((n) => [n.id, n]));
const permanent = new Map(DATA.nodes.map((n) => [n.id, n.label]));
const nodes = new vis.DataSet(DATA.nodes);
const edges = new vis.DataSet(DATA.edges);
let limit = DAYS.length ? DAYS[DAYS.length - 1] : null;
const shown = (item) => !limit || !item.start || item.start <= limit;
const nodeView = new vis.DataView(nodes, { filter: shown });
const edgeView = new vis.DataView(edges, { filter: shown });
const container = document.getElementById("graph");
const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, {
  physics: { enabled: false },
  interaction: { hover: true, tooltipDelay: 120 },
  edges: { arrows: { to: { enabled: true, scaleFactor: 0.4 } }, smooth: false, scaling: { min: 1, max: 6 } },
  nodes: { shape: "dot", borderWidth: 1, font: { size: %%FONT%%, strokeWidth: 4, strokeColor: "#ffffff" } }
});
const status = document.getElementById("kg-status");
const panel = document.getElementById("panel");
const body = document.getElementById("panel-body");
let selected = null;

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function showLabel(id, on) {
  if (!byId.has(id) || permanent.get(id)) return;
  nodes.update({ id: id, label: on ? byId.get(id).full : "" });
}
network.on("hoverNode", (p) => showLabel(p.node, true));
network.on("blurNode", (p) => { if (p.node !== selected) showLabel(p.node, false); });

function cite(article) {
  const c = el("cite");
  const title = article.title || article.id;
  if (/^https?:\\/\\//i.test(article.url)) {
    const a = el("a", title);
    a.href = article.url;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    c.append(a);
  } else {
    c.append(el("span", title));
  }
  const more = [article.publisher, article.date].filter(Boolean).join(", ");
  if (more) c.append(" (" + more + ")");
  return c;
}

function statementItem(s) {
  const li = el("li");
  const head = el("div");
  head.append(el("span", s.kind, "kind"), " ", el("strong", s.by || "someone"), " " + (s.cue || "said") + ":");
  li.append(head, el("blockquote", s.quote ? "\\u201c" + s.text + "\\u201d" : s.text));
  if (s.answers !== null && PANEL.statements[s.answers]) {
    const a = PANEL.statements[s.answers];
    li.append(el("div", "answering " + (a.by || "someone") + ": \\u201c" + a.text + "\\u201d", "answers"));
  }
  li.append(cite(PANEL.articles[s.article]));
  return li;
}

const SECTIONS = [["said", "What it said"], ["about", "What others say about it"], ["denials", "Who denies what"]];

function openPanel(id) {
  const node = byId.get(id);
  if (!node) return;
  if (selected && selected !== id) showLabel(selected, false);
  selected = id;
  showLabel(id, true);
  network.selectNodes([id]);
  body.replaceChildren();
  body.append(el("h2", node.full));
  body.append(el("p", [node.type || "node", node.articles + " article(s)", "PageRank " + node.pr].join(" \\u00b7 "),
                 "meta"));
  if (node.aliases) body.append(el("p", "also: " + node.aliases, "meta"));
  const info = PANEL.actors[id];
  for (const [key, heading] of SECTIONS) {
    const list = info ? info[key] : [];
    const total = info ? info.total[key] : 0;
    const section = el("section");
    section.dataset.section = key;
    section.dataset.count = total;
    section.append(el("h3", heading + " (" + total + ")"));
    if (!list.length) section.append(el("p", key === "denials" ? "No denial by it or answering it." : "Nothing found.",
                                        "none"));
    const ol = el("ol");
    for (const n of list) ol.append(statementItem(PANEL.statements[n]));
    section.append(ol);
    if (total > list.length) section.append(el("p", "and " + (total - list.length) + " more", "meta"));
    body.append(section);
  }
  panel.dataset.actor = id;
  panel.hidden = false;
  const at = network.canvasToDOM(network.getPosition(id));
  if (at.x > container.clientWidth - panel.offsetWidth - 120) {  // under the panel: into the free part
    overview = false;
    const offset = { x: -panel.offsetWidth / 2, y: 0 };
    network.moveTo({ position: network.getPosition(id), offset: offset, animation: false });
  }
}
network.on("click", (p) => { if (p.nodes.length) openPanel(p.nodes[0]); });
document.getElementById("close").addEventListener("click", () => {
  panel.hidden = true;
  if (selected) showLabel(selected, false);
  selected = null;
  network.unselectAll();
});

const search = document.getElementById("search");
const names = document.getElementById("actor-names");
for (const n of [...DATA.nodes].sort((a, b) => a.full.localeCompare(b.full))) {
  const option = el("option");
  option.value = n.full;
  names.append(option);
}
function find(text) {
  const q = text.trim().toLowerCase();
  if (!q) return null;
  return DATA.nodes.find((n) => n.full.toLowerCase() === q) || DATA.nodes.find((n) => n.full.toLowerCase().includes(q));
}
function go() {
  const node = find(search.value);
  search.setCustomValidity(node || !search.value.trim() ? "" : "No actor of that name is drawn");
  if (!node) { search.reportValidity(); return; }
  overview = false;
  network.focus(node.id, { scale: Math.max(network.getScale(), 1), animation: false });
  openPanel(node.id);
}
search.addEventListener("change", go);
search.addEventListener("keydown", (e) => { if (e.key === "Enter") go(); });

// What is drawn, for whoever checks the page: nodes and edges shown, labels, and how many nodes the
// overview (the view fitted to the whole network, before any pan or zoom) has within the canvas.
let overview = true;
function report() {
  status.dataset.nodes = nodeView.length;
  status.dataset.edges = edgeView.length;
  status.dataset.labelled = nodeView.get({ filter: (n) => !!n.label }).length;
  if (!overview) return;
  const rect = container.getBoundingClientRect();
  const ids = nodeView.getIds();
  const positions = network.getPositions(ids);
  let drawn = 0;
  for (const id of ids) {
    const p = network.canvasToDOM(positions[id]);
    if (p.x >= 0 && p.y >= 0 && p.x <= rect.width && p.y <= rect.height) drawn++;
  }
  status.dataset.drawn = drawn;
}
network.on("dragStart", () => { overview = false; });
network.on("zoom", () => { overview = false; });
const slider = document.getElementById("until");
const untilLabel = document.getElementById("until-label");
function applyLimit() {
  limit = DAYS.length ? DAYS[Math.min(slider.value, DAYS.length - 1)] : null;
  untilLabel.textContent = limit || "all";
  nodeView.refresh();
  edgeView.refresh();
}
slider.addEventListener("input", applyLimit);
if (DAYS.length < 2) slider.parentElement.hidden = true;
applyLimit();
network.fit({ animation: false });
network.on("afterDrawing", report);

// Opened as page.html#test-click=NAME (a label or an id): click that node where it is drawn, with the
// pointer events a mouse sends; as page.html#test-search=TEXT: type TEXT into the search box. So a
// headless browser can check that the panel opens.
function testClick() {
  const typed = location.hash.match(/^#test-search=(.+)$/);
  if (typed) {  // type into the search box, as a person would, and leave it
    search.value = decodeURIComponent(typed[1]);
    search.dispatchEvent(new Event("change"));
    return;
  }
  const match = location.hash.match(/^#test-click=(.+)$/);
  if (!match) return;
  const want = decodeURIComponent(match[1]);
  const node = byId.get(want) || DATA.nodes.find((n) => n.full === want);
  if (!node) { document.body.dataset.testClick = "no such node"; return; }
  const canvas = container.querySelector("canvas");
  const rect = canvas.getBoundingClientRect();
  const at = network.canvasToDOM(network.getPosition(node.id));
  document.body.dataset.testClickHit = network.getNodeAt(at) || "";
  const init = { bubbles: true, cancelable: true, composed: true, clientX: rect.left + at.x, clientY: rect.top + at.y,
                 pointerId: 1, pointerType: "mouse", isPrimary: true, button: 0, buttons: 1 };
  canvas.dispatchEvent(new PointerEvent("pointerdown", init));
  canvas.dispatchEvent(new PointerEvent("pointerup", Object.assign({}, init, { buttons: 0 })));
  document.body.dataset.testClick = "clicked";
}
network.once("afterDrawing", () => setTimeout(testClick, 0));
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


def script_json(value) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` (only ever inside
    strings) are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``, and so are the line separators
    U+2028 and U+2029; no value can end the script, open a comment or start a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _short(label: str) -> str:
    label = " ".join(label.split())
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "\u2026"


def _legend(projection: Projection) -> str:
    types, kinds = legend_entries(projection)
    parts = ["<h4>Nodes</h4>"]
    parts += [
        f'<div data-legend="node"><span class="dot" style="background: rgb{c}"></span>{html.escape(t)}</div>'
        for t, c in types
    ]
    if kinds:
        parts.append("<h4>Edges</h4>")
        parts += [
            f'<div data-legend="edge"><span class="line" style="background: rgb{c}"></span>{html.escape(k)}</div>'
            for k, c in kinds
        ]
    parts.append('<div class="meta">size: PageRank &middot; click a node for its statements</div>')
    return "".join(parts)


def to_html(
    projection: Projection,
    *,
    title: str = "kg network",
    panel: Panel | None = None,
    ranks: dict[str, float] | None = None,
    summary: str = "",
    layout_seed: int = 7,
) -> str:
    """The page for ``projection`` (draw what :func:`kg.analyze.metrics.most_central` chose).
    ``ranks`` are the PageRank scores to size and show (by default the projection's own), ``panel``
    the statements of the side panel, ``summary`` the line that says what is drawn and left out."""
    if len(projection.nodes) > MAX_NODES:
        raise KgError(
            f"{len(projection.nodes):,} nodes are too many to draw in a page (limit {MAX_NODES:,}); "
            "lower --top, filter with --type, --min-weight, --since or --article, or export GEXF for Gephi"
        )
    pr = ranks if ranks is not None else pagerank(projection)
    size_of = {n: s * NODE_SCALE for n, s in sizes(projection, pr).items()}
    positions = component_layout(projection, seed=layout_seed, spacing=SPACING, radii=size_of)
    order = sorted(projection.nodes, key=lambda n: (-pr.get(n, 0.0), projection.nodes[n].label, n))
    candidates = []
    for node_id in order:
        x, y = positions.get(node_id, (0.0, 0.0))
        half = (0.56 * FONT * len(_short(projection.nodes[node_id].label)) + 6) / 2
        r, height = size_of[node_id], 1.3 * FONT
        below = (x - half, y + r + 2, x + half, y + r + 2 + height)
        above = (x - half, y - r - 2 - height, x + half, y - r - 2)
        candidates.append((node_id, [below, above]))
    labelled = place_labels(candidates, limit=LABELLED)
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
                "label": _short(node.label) if node.id in labelled else "",
                "full": " ".join(node.label.split()) or node.id,
                "title": tip,
                "type": node.type,
                "articles": len(node.articles),
                "pr": f"{pr.get(node.id, 0):.4f}",
                "aliases": aliases,
                "x": round(float(x), 2),
                "y": round(float(y), 2),
                "size": round(size_of[node.id], 2),
                "color": f"rgb({r},{gr},{b})",
                "start": full_date(node.start) if node.start else None,
            }
        )
        if labelled.get(node.id) == 1:  # the label goes above the node
            nodes[-1]["font"] = {"vadjust": -round(2 * size_of[node.id] + 1.9 * FONT, 1)}
    edges = []
    parallel: dict[frozenset[str], int] = {}
    for i, e in enumerate(projection.edges.values()):
        r, g, b = edge_colour(e.kind)
        pair = frozenset((e.source, e.target))
        k = parallel[pair] = parallel.get(pair, -1) + 1  # the k-th edge between the two: curved apart
        name = {n: projection.nodes[n].label if n in projection.nodes else n for n in (e.source, e.target)}
        tip = f"{name[e.source]} {e.label} {name[e.target]}\n{e.weight:g}x, {len(e.articles)} article(s)"
        edges.append(
            {
                "id": i,
                "from": e.source,
                "to": e.target,
                "title": tip + (f"\nfactuality: {e.factuality}" if e.factualities else ""),
                "value": e.weight,
                "color": {
                    "color": f"rgba({r},{g},{b},{0.5 if e.kind == 'co_participates' else 0.85})",
                    "highlight": f"rgb({r},{g},{b})",
                    "hover": f"rgb({r},{g},{b})",
                },
                "smooth": {
                    "enabled": True,
                    "type": "curvedCW" if k % 2 else "curvedCCW",
                    "roundness": 0.2 * ((k + 1) // 2),
                }
                if k
                else False,
                "kind": e.kind,
                "start": full_date(e.start) if e.start else None,
            }
        )
    days = sorted({item["start"] for item in nodes + edges if item["start"]})
    data = {"nodes": nodes, "edges": edges, "days": days, "panel": (panel or Panel()).as_json()}
    values = {
        "TITLE": html.escape(title),
        "VIS": _vis_js(),
        "DATA": script_json(data),
        "STEPS": str(max(len(days) - 1, 0)),
        "SUMMARY": html.escape(summary or f"{len(nodes)} nodes, {len(edges)} edges"),
        "LEGEND": _legend(projection),
        "FONT": str(FONT),
    }
    return re.sub(r"%%([A-Z]+)%%", lambda m: values[m[1]], TEMPLATE)
