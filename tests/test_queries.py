"""Named queries: each one loads, documents itself and runs; parameters are bound as terms."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.ingest import ingest
from kg.queries import list_queries, load_query, parse_params, parse_value
from kg.read import read_articles
from kg.store import open_store
from kg.store.binding import bind_values, term_to_sparql

QUERIES = list_queries()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from pathlib import Path

    data = Path(__file__).parent / "data"
    s = open_store(tmp_path_factory.mktemp("q") / "store")
    ingest(read_articles([str(data / "harbour-report.txt"), str(data / "wires.jsonl")]), s)
    yield s
    s.close()


def test_there_are_named_queries():
    assert {"articles", "entities", "entity-mentions", "statements", "events", "reports"} <= {q.name for q in QUERIES}


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_every_named_query_runs(store, query):
    assert query.description, f"{query.name}.rq must open with a comment saying what it answers"
    params = {name: parse_value("Port Authority") for name in query.params if name != "type"}
    result = store.query(query.text, params)
    assert result.variables or result.triples is not None


def test_articles_and_entities_answer(store):
    rows = store.query(load_query("articles").text).rows
    assert len(rows) == 3
    rows = store.query(load_query("entity-mentions").text, {"name": parse_value("brandt")}).rows
    assert {r["text"].value for r in rows} == {"Helena Brandt", "Brandt"}


@pytest.mark.parametrize(
    "value",
    ['x" } } SELECT * WHERE { ?s ?p ?o', "<http://evil> } ; DROP ALL ; {", 'a\\" . ?s ?p ?o #', "'; DROP ALL"],
)
def test_injection_is_bound_as_a_term(store, value):
    query = load_query("entity-mentions")
    result = store.query(query.text, parse_params([f"name={value}"], query))
    assert result.rows == []
    assert store.count() > 0


def test_iri_values_are_checked():
    with pytest.raises(QueryError):
        term_to_sparql(parse_value("<http://a b>"))


def test_values_block_skips_strings_and_comments():
    text = '# WHERE { in a comment\nSELECT ?x WHERE { ?x ?p "WHERE {" }'
    bound = bind_values(text, {"x": parse_value("http://example.org/a")})
    assert bound.index("VALUES") > bound.index("SELECT ?x WHERE {")


def test_unknown_query_and_param():
    with pytest.raises(QueryError, match="no query named"):
        load_query("does-not-exist")
    with pytest.raises(QueryError, match="takes no parameter"):
        parse_params(["bogus=1"], load_query("entity-mentions"))
    with pytest.raises(QueryError, match="name=value"):
        parse_params(["novalue"])


def test_malformed_sparql(store):
    with pytest.raises(QueryError, match="malformed"):
        store.query("SELECT ?x WHERE { ?x ")
