"""Network exports for Gephi and other tools: GEXF 1.3, GraphML and CSV node/edge tables.

GEXF carries labels, a ``type`` attribute, colours by type and sizes by PageRank, edge weights,
labels and kinds, and the ``factuality`` of event nodes and of the events behind an edge ("asserted",
"reported by ...": what rests on someone's word shows as such); in dynamic mode nodes and edges get
start/end dates so that Gephi's timeline plays the story. The colour and size elements are written
in the GEXF 1.3 namespace, as the published 1.3 schema defines them (Gephi reads them by local name).
GEXF is written as text in one pass; GEXF and GraphML drop the characters XML 1.0 forbids (control
characters, lone surrogates) from every label and value, so any text gives a well-formed file.
"""

from __future__ import annotations

import csv
import io
import re
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


# Edge colours (view and plot) by kind; kinds with the same label share a colour, so a legend of
# labels is a legend of colours.
EDGE_COLOURS = {
    "co_participates": (165, 165, 165),
    "denial": (200, 30, 30),
    "criticism": (235, 130, 20),
    "accusation": (150, 30, 110),
    "call": (40, 100, 210),
    "claim": (20, 150, 150),
    "finding": (20, 150, 150),
    "other": (20, 150, 150),
    "responds_to": (20, 150, 150),
    "says": (110, 110, 110),
    "about": (120, 120, 200),
    "from_report": (140, 86, 75),
    "leader_of": (30, 120, 60),
    "works_for": (90, 160, 60),
    "member_of": (90, 160, 60),
    "part_of": (120, 100, 190),
}
DEFAULT_EDGE_COLOUR = (120, 120, 120)


def colour(type_: str) -> tuple[int, int, int]:
    if type_ in COLOURS:
        return COLOURS[type_]
    return EVENT_COLOUR if type_ and type_[0].isupper() else DEFAULT_COLOUR


def edge_colour(kind: str) -> tuple[int, int, int]:
    return EDGE_COLOURS.get(kind, DEFAULT_EDGE_COLOUR)


Swatches = list[tuple[str, tuple[int, int, int]]]


def legend_entries(projection: Projection) -> tuple[Swatches, Swatches]:
    """(node type, colour) and (edge label, colour) pairs of what the projection holds, for legends;
    event types (one colour) are one entry, "event", and so are the links of kinds without a colour of
    their own, "other links" (the RDF properties of the full projection)."""
    types: dict[str, tuple[int, int, int]] = {}
    for node in projection.nodes.values():
        if node.type in COLOURS:
            name = node.type
        else:
            name = "event" if colour(node.type) == EVENT_COLOUR else node.type or "other"
        types.setdefault(name, colour(node.type))
    kinds: dict[str, tuple[int, int, int]] = {}
    for edge in projection.edges.values():
        kinds.setdefault(edge.label if edge.kind in EDGE_COLOURS else "other links", edge_colour(edge.kind))
    return sorted(types.items()), sorted(kinds.items())


def full_date(value: str) -> str:
    """GEXF dates are whole days: '2024-12' -> '2024-12-01', '2024' -> '2024-01-01'."""
    parts = (value.split("-") + ["01", "01"])[:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        return value


def sizes(projection: Projection, pr: dict[str, float] | None = None) -> dict[str, float]:
    """Node sizes from PageRank (pass ``pr`` when it is already computed: it is the costly part)."""
    pr = pagerank(projection) if pr is None else pr
    top = max(pr.values(), default=0.0) or 1.0
    return {n: MIN_SIZE + (MAX_SIZE - MIN_SIZE) * pr.get(n, 0.0) / top for n in projection.nodes}


# Characters XML 1.0 forbids (C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF): no
# parser reads a file that holds one, so the writers drop them whatever a label carries.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_SPECIAL = re.compile('[&<>"\n\r\t]')
_TEXT_SPECIAL = re.compile("[&<>]")


def xml_clean(value: str) -> str:
    """``value`` without the characters XML 1.0 forbids."""
    return _NOT_XML.sub("", value) if _NOT_XML.search(value) else value


def _attr(value: str) -> str:
    """An attribute value, cleaned and escaped as ElementTree escapes it."""
    value = xml_clean(value)
    if not _ATTR_SPECIAL.search(value):
        return value
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\r", "&#13;")
        .replace("\n", "&#10;")
        .replace("\t", "&#09;")
    )


def _text(value: str) -> str:
    value = xml_clean(value)
    if not _TEXT_SPECIAL.search(value):
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


PRETTY_UP_TO = 20_000  # nodes and edges; a bigger GEXF is written without indentation
NODE_COLUMNS = (("type", "string"), ("articles", "integer"), ("pagerank", "double"), ("factuality", "string"))
EDGE_COLUMNS = (("kind", "string"), ("articles", "integer"), ("factuality", "string"))


def to_gexf(projection: Projection, *, dynamic: bool = True) -> bytes:
    """GEXF 1.3, written as text in one pass (building an element tree of a network of 500,000 edges
    took most of the export's time); every value is escaped and cleaned of characters XML forbids."""
    dated = dynamic and any(n.start for n in projection.nodes.values())
    pr = pagerank(projection)
    size_of = sizes(projection, pr)
    days: dict[str, str] = {}
    # Nodes and edges are indented below 20,000 of them (as before); above, each element still opens
    # a line, without the indentation (a sixth of a 200 MB file).
    pretty = len(projection.nodes) + len(projection.edges) < PRETTY_UP_TO
    i3, i4, i5 = ("      ", "        ", "          ") if pretty else ("", "", "")

    def day(value: str) -> str:
        if value not in days:
            days[value] = full_date(value)
        return days[value]

    out = [
        "<?xml version='1.0' encoding='utf-8'?>\n",
        f'<gexf xmlns="{GEXF_NS}" version="1.3">\n',
        f'  <meta lastmodifieddate="{date.today().isoformat()}">\n',
        f"    <creator>kg {_text(__version__)}</creator>\n",
        f"    <description>{_text(projection.name)} projection of a kg news knowledge graph</description>\n",
        "  </meta>\n",
        '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n'
        if dated
        else '  <graph defaultedgetype="directed" mode="static">\n',
    ]
    for cls, columns in (("node", NODE_COLUMNS), ("edge", EDGE_COLUMNS)):
        out.append(f'    <attributes class="{cls}" mode="static">\n')
        out += [f'      <attribute id="{i}" title="{t}" type="{k}" />\n' for i, (t, k) in enumerate(columns)]
        out.append("    </attributes>\n")
    out.append(f'    <nodes count="{len(projection.nodes)}">\n')
    ids: dict[str, str] = {}
    rgb = {}
    for node in projection.nodes.values():
        ids[node.id] = nid = _attr(node.id)
        when = f' start="{day(node.start)}" end="{day(node.end or node.start)}"' if dated and node.start else ""
        fact = node.attrs.get("factuality")
        fact = f'{i5}<attvalue for="3" value="{_attr(fact)}" />\n' if fact else ""
        if node.type not in rgb:
            r, g, b = colour(node.type)
            rgb[node.type] = (f'r="{r}" g="{g}" b="{b}"', _attr(node.type))
        col, type_ = rgb[node.type]
        out.append(
            f'{i3}<node id="{nid}" label="{_attr(" ".join(node.label.split()) or node.id)}"{when}>\n'
            f"{i4}<attvalues>\n"
            f'{i5}<attvalue for="0" value="{type_}" />\n'
            f'{i5}<attvalue for="1" value="{len(node.articles)}" />\n'
            f'{i5}<attvalue for="2" value="{pr.get(node.id, 0.0):.6g}" />\n'
            f"{fact}"
            f"{i4}</attvalues>\n"
            f"{i4}<color {col} />\n"
            f'{i4}<size value="{size_of[node.id]:.3f}" />\n'
            f"{i3}</node>\n"
        )
    out.append("    </nodes>\n")
    out.append(f'    <edges count="{len(projection.edges)}">\n')
    kinds: dict[str, tuple[str, str]] = {}
    for i, edge in enumerate(projection.edges.values()):
        if edge.kind not in kinds:
            kinds[edge.kind] = (_attr(edge.label), _attr(edge.kind))
        label, kind = kinds[edge.kind]
        when = f' start="{day(edge.start)}" end="{day(edge.end or edge.start)}"' if dated and edge.start else ""
        fact = f'{i5}<attvalue for="2" value="{_attr(edge.factuality)}" />\n' if edge.factualities else ""
        source = ids.get(edge.source) or _attr(edge.source)
        target = ids.get(edge.target) or _attr(edge.target)
        out.append(
            f'{i3}<edge id="{i}" source="{source}" target="{target}" weight="{edge.weight:g}" label="{label}"'
            f' kind="{kind}"{when}>\n'
            f"{i4}<attvalues>\n"
            f'{i5}<attvalue for="0" value="{kind}" />\n'
            f'{i5}<attvalue for="1" value="{len(edge.articles)}" />\n'
            f"{fact}"
            f"{i4}</attvalues>\n"
            f"{i3}</edge>\n"
        )
    out.append("    </edges>\n  </graph>\n</gexf>")
    return "".join(out).encode("utf-8")


def to_graphml(projection: Projection) -> bytes:
    """GraphML with typed attributes (networkx writes the keys with their types)."""
    import networkx as nx

    g = projection.to_networkx()
    pr = pagerank(projection)
    for node_id, data in g.nodes(data=True):
        data["pagerank"] = float(pr.get(node_id, 0.0))
        data["articles"] = int(data.get("articles", 0))
    for data in [g.graph, *(d for _, d in g.nodes(data=True)), *(d for *_, d in g.edges(keys=True, data=True))]:
        for key, value in data.items():
            if isinstance(value, str):
                data[key] = xml_clean(value)
    if any(_NOT_XML.search(str(n)) for n in g):
        g = nx.relabel_nodes(g, {n: xml_clean(n) for n in g if isinstance(n, str)})
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buf.getvalue()


_LINE_BREAKS = re.compile("[\r\n\x85\u2028\u2029]+")


def _cell(value) -> str:
    """A CSV cell on one line: spreadsheet imports (Gephi's among them) read a table line by line."""
    return _LINE_BREAKS.sub(" ", xml_clean(str(value)))


def to_csv_tables(projection: Projection) -> tuple[str, str]:
    """Node and edge tables in the column names Gephi's spreadsheet import expects."""
    pr = pagerank(projection)
    nodes = io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(["Id", "Label", "type", "articles", "pagerank", "factuality", "start", "end"])
    for n in projection.nodes.values():
        w.writerow(
            map(
                _cell,
                [
                    n.id,
                    n.label,
                    n.type,
                    len(n.articles),
                    f"{pr.get(n.id, 0.0):.6g}",
                    n.attrs.get("factuality", ""),
                    n.start or "",
                    n.end or "",
                ],
            )
        )
    edges = io.StringIO()
    w = csv.writer(edges, lineterminator="\n")
    w.writerow(["Source", "Target", "Type", "Weight", "Label", "kind", "articles", "factuality", "start", "end"])
    for e in projection.edges.values():
        w.writerow(
            map(
                _cell,
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
                ],
            )
        )
    return nodes.getvalue(), edges.getvalue()
