"""Property tests of the exports: any names, types and kinds give well-formed GEXF (valid against
the GEXF 1.3 schema), GraphML, CSV and an HTML page whose embedded data cannot break out of its
script; and any article text and title, taken through reading, extraction and mapping, give
N-Triples that parse."""

from __future__ import annotations

import csv
import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kg.analyze.projections import Edge, Node, Projection
from kg.export.graphs import to_csv_tables, to_gexf, to_graphml
from kg.export.html import to_html

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Any text, including control characters, markup and lone surrogates' neighbours.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(
    ["</script><!--<script>", "a & b < c", "\x0c\x1b\x00", "\u2028\u2029", "]]>", '"quoted"']
)


@st.composite
def projections(draw) -> Projection:
    n = draw(st.integers(min_value=1, max_value=8))
    nodes = {}
    for i in range(n):
        iri = f"https://w3id.org/kg-news/id/entity/x/n{i}"
        nodes[iri] = Node(
            iri,
            draw(TEXT) or f"n{i}",
            draw(st.sampled_from(["Person", "Organization", "Place", "Group", draw(TEXT)])),
            {"a1"},
            "2024-01-01",
            "2024-02-01",
        )
    ids = list(nodes)
    edges = {}
    for _ in range(draw(st.integers(min_value=0, max_value=10))):
        s, t = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        kind = draw(st.sampled_from(["co_participates", "denial", "criticism", "accusation", "answers"]))
        edges[(s, t, kind)] = Edge(s, t, kind, 1.0, {"a1"}, "2024-01-02", "2024-01-03", factualities={draw(TEXT)})
    return Projection("actors", nodes, edges)


@given(projections())
@SETTINGS
def test_every_network_export_is_valid(projection):
    from tests.conftest import SHARED

    schema = etree.XMLSchema(etree.parse(str(SHARED / "schemas" / "gexf-1.3" / "gexf.xsd")))
    gexf = etree.fromstring(to_gexf(projection))
    assert schema.validate(gexf), schema.error_log
    graphml = etree.fromstring(to_graphml(projection))
    assert len(graphml.findall(".//{*}node")) == len(projection.nodes)
    nodes_csv, edges_csv = to_csv_tables(projection)
    assert len(list(csv.reader(io.StringIO(nodes_csv)))) == len(projection.nodes) + 1
    assert len(list(csv.reader(io.StringIO(edges_csv)))) == len(projection.edges) + 1
    page = to_html(projection, title="view")
    for script in re.findall(r"<script[^>]*>(.*?)</script>", page, re.S):
        assert "<!--" not in script and "</script" not in script.lower()


@given(title=TEXT, body=TEXT)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_article_maps_to_ntriples_that_parse(title, body):
    import json
    import tempfile
    from pathlib import Path

    import pyoxigraph as ox

    from kg.extract import extract
    from kg.rdf.mapping import extraction_to_ntriples
    from kg.read import read_source

    text = f"Harbour strike in {body} ends after two weeks. Dockers said the talks had been useful."
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "record.json"
        path.write_text(json.dumps({"title": title or "x", "text": text}), encoding="utf-8")
        items = list(read_source(str(path)))
    for item in items:
        if item.article is None:
            continue
        ntriples, _ = extraction_to_ntriples(extract(item.article))
        assert list(ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
