"""Property-based tests: any text reads into an article, maps to a graph that passes SHACL, and
round-trips through every export format with the same triples."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.export import RDF_FORMATS
from kg.extract import extract
from kg.model import Article
from kg.rdf.iris import article_iri
from kg.rdf.mapping import extraction_to_ntriples
from kg.read.text import parse_text
from kg.store import open_store
from kg.validate import validate_nquads
from tests.quads import read_quads

RDFLIB = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
WORDS = st.sampled_from(
    "the council said on Monday that Amnesty International Oxfam denied accused urged report found "
    'Paris Israel Gaza \u201cquote\u201d "a" 1,200 people were killed around more than 2023 Oct. 7 , . ; '
    "caf\u00e9 \u00fcber \u6771\u4eac \u0645\u0631\u062d\u0628\u0627 \u2014 it its he she they".split()
)
NEWS_LIKE = st.lists(WORDS, min_size=1, max_size=60).map(" ".join)
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)


@given(st.one_of(ANY_TEXT, NEWS_LIKE))
@settings(max_examples=60, deadline=None)
def test_any_text_reads_into_an_article(raw):
    article = parse_text(raw)
    if raw.strip():
        assert article.title and article.title in article.text
    assert article.id == parse_text(raw).id


@given(st.tuples(NEWS_LIKE, st.one_of(ANY_TEXT, NEWS_LIKE)))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_maps_to_a_valid_graph_that_round_trips(parts):
    title, body = parts
    text = f"{title}\n\n{body}"
    extraction = extract(Article(text=text, title=title))
    ntriples, _ = extraction_to_ntriples(extraction)
    assert validate_nquads(ntriples.encode("utf-8")).conforms
    reference = set(Graph().parse(data=ntriples, format="nt"))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "s")
        try:
            store.replace_graph(str(article_iri(extraction.article.id)), ntriples)
            for name, fmt in RDF_FORMATS.items():
                data = store.dump(name)
                if fmt.quads:
                    triples, _ = read_quads(data, name)
                else:
                    triples = set(Graph().parse(data=data, format=RDFLIB[name]))
                assert triples == reference, name
        finally:
            store.close()
