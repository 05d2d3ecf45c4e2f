"""Network exports for Gephi and other tools: GEXF 1.3, GraphML and CSV node/edge tables.

GEXF carries labels, a ``type`` attribute, colours by type and sizes by PageRank, edge weights,
labels and kinds, and the ``factuality`` of event nodes and of the events behind an edge ("asserted",
"reported by ...": what rests on someone's word shows as such); in dynamic mode nodes and edges get
start/end dates so that Gephi's timeline plays the story. The colour and size elements are written
in the GEXF 1.3 namespace, as the published 1.3 schema defines them (Gephi reads them by local name).
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date

from kg import __version__
from kg.analyze.metrics import pagerank
from kg.analyze.projections import Projection

GEXF_NS = "http://gexf.net/1.3"
COLOURS = {
    "Organization": (31, 119, 180),
    "Person": (255, 127, 14),
    "Place": (44, 160, 44),
    "Group": (148, 103, 189),
    "OtherEntity": (127, 127, 127),
    "Statement": (188, 189, 34),
    "Report": (140, 86, 75),
}
EVENT_COLOUR = (214, 39, 40)
DEFAULT_COLOUR = (160, 160, 160)
MIN_SIZE, MAX_SIZE = 4.0, 40.0


def colour(type_: str) -> tuple[int, int, int]:
    if type_ in COLOURS:
        return COLOURS[type_]
    return EVENT_COLOUR if type_ and type_[0].isupper() else DEFAULT_COLOUR


def full_date(value: str) -> str:
    """GEXF dates are whole days: '2024-12' -> '2024-12-01', '2024' -> '2024-01-01'."""
    parts = (value.split("-") + ["01", "01"])[:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        return value


def sizes(projection: Projection) -> dict[str, float]:
    pr = pagerank(projection)
    top = max(pr.values(), default=0.0) or 1.0
    return {n: MIN_SIZE + (MAX_SIZE - MIN_SIZE) * pr.get(n, 0.0) / top for n in projection.nodes}


def to_gexf(projection: Projection, *, dynamic: bool = True) -> bytes:
    ET.register_namespace("", GEXF_NS)
    q = lambda tag: f"{{{GEXF_NS}}}{tag}"  # noqa: E731
    root = ET.Element(q("gexf"), {"version": "1.3"})
    meta = ET.SubElement(root, q("meta"), {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, q("creator")).text = f"kg {__version__}"
    ET.SubElement(meta, q("description")).text = f"{projection.name} projection of a kg news knowledge graph"
    dated = dynamic and any(n.start for n in projection.nodes.values())
    graph_attrs = {"defaultedgetype": "directed", "mode": "dynamic" if dated else "static"}
    if dated:
        graph_attrs["timeformat"] = "date"
    graph = ET.SubElement(root, q("graph"), graph_attrs)
    node_attrs = ET.SubElement(graph, q("attributes"), {"class": "node", "mode": "static"})
    node_columns = (("type", "string"), ("articles", "integer"), ("pagerank", "double"), ("factuality", "string"))
    for i, (title, type_) in enumerate(node_columns):
        ET.SubElement(node_attrs, q("attribute"), {"id": str(i), "title": title, "type": type_})
    edge_attrs = ET.SubElement(graph, q("attributes"), {"class": "edge", "mode": "static"})
    for i, (title, type_) in enumerate((("kind", "string"), ("articles", "integer"), ("factuality", "string"))):
        ET.SubElement(edge_attrs, q("attribute"), {"id": str(i), "title": title, "type": type_})
    pr = pagerank(projection)
    size_of = sizes(projection)
    nodes = ET.SubElement(graph, q("nodes"), {"count": str(len(projection.nodes))})
    for node in projection.nodes.values():
        attrs = {"id": node.id, "label": " ".join(node.label.split()) or node.id}
        if dated and node.start:
            attrs.update(start=full_date(node.start), end=full_date(node.end or node.start))
        el = ET.SubElement(nodes, q("node"), attrs)
        values = ET.SubElement(el, q("attvalues"))
        for i, value in enumerate((node.type, len(node.articles), f"{pr.get(node.id, 0.0):.6g}")):
            ET.SubElement(values, q("attvalue"), {"for": str(i), "value": str(value)})
        if node.attrs.get("factuality"):
            ET.SubElement(values, q("attvalue"), {"for": "3", "value": node.attrs["factuality"]})
        r, g, b = colour(node.type)
        ET.SubElement(el, q("color"), {"r": str(r), "g": str(g), "b": str(b)})
        ET.SubElement(el, q("size"), {"value": f"{size_of[node.id]:.3f}"})
    edges = ET.SubElement(graph, q("edges"), {"count": str(len(projection.edges))})
    for i, edge in enumerate(projection.edges.values()):
        attrs = {
            "id": str(i),
            "source": edge.source,
            "target": edge.target,
            "weight": f"{edge.weight:g}",
            "label": edge.label,
            "kind": edge.kind,
        }
        if dated and edge.start:
            attrs.update(start=full_date(edge.start), end=full_date(edge.end or edge.start))
        el = ET.SubElement(edges, q("edge"), attrs)
        values = ET.SubElement(el, q("attvalues"))
        for k, value in enumerate((edge.kind, len(edge.articles))):
            ET.SubElement(values, q("attvalue"), {"for": str(k), "value": str(value)})
        if edge.factualities:
            ET.SubElement(values, q("attvalue"), {"for": "2", "value": edge.factuality})
    if len(projection.nodes) + len(projection.edges) < 20_000:  # pretty-printing a big file costs minutes
        ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def to_graphml(projection: Projection) -> bytes:
    """GraphML with typed attributes (networkx writes the keys with their types)."""
    import networkx as nx

    g = projection.to_networkx()
    pr = pagerank(projection)
    for node_id, data in g.nodes(data=True):
        data["pagerank"] = float(pr.get(node_id, 0.0))
        data["articles"] = int(data.get("articles", 0))
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buf.getvalue()


def to_csv_tables(projection: Projection) -> tuple[str, str]:
    """Node and edge tables in the column names Gephi's spreadsheet import expects."""
    pr = pagerank(projection)
    nodes = io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(["Id", "Label", "type", "articles", "pagerank", "factuality", "start", "end"])
    for n in projection.nodes.values():
        w.writerow(
            [
                n.id,
                n.label,
                n.type,
                len(n.articles),
                f"{pr.get(n.id, 0.0):.6g}",
                n.attrs.get("factuality", ""),
                n.start or "",
                n.end or "",
            ]
        )
    edges = io.StringIO()
    w = csv.writer(edges, lineterminator="\n")
    w.writerow(["Source", "Target", "Type", "Weight", "Label", "kind", "articles", "factuality", "start", "end"])
    for e in projection.edges.values():
        w.writerow(
            [
                e.source,
                e.target,
                "Directed",
                f"{e.weight:g}",
                e.label,
                e.kind,
                len(e.articles),
                e.factuality,
                e.start or "",
                e.end or "",
            ]
        )
    return nodes.getvalue(), edges.getvalue()
