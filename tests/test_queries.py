"""Named queries: each one loads, documents itself and runs; parameters are bound as terms."""

from __future__ import annotations

import re

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
    names = ("harbour-report.txt", "wires.jsonl", "ceasefire-talks.txt")
    ingest(read_articles([str(data / name) for name in names]), s)
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
    assert len(rows) == 4
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


# Plain formulations of queries whose named versions are rewritten for speed on large stores: the
# rewrite must give the same rows.
PLAIN = {
    "co-participants": """
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?a ?b ?shared ?types ?factuality WHERE {
          { SELECT ?x ?y (COUNT(DISTINCT ?event) AS ?shared)
                   (GROUP_CONCAT(DISTINCT STRAFTER(STR(?type), "#"); separator=", ") AS ?types)
                   (GROUP_CONCAT(DISTINCT ?f; separator="; ") AS ?factuality)
            WHERE {
              ?event sem:hasActor ?x , ?y ; a ?type ; kg:asserted ?asserted ; kg:polarity ?polarity ;
                     kg:future ?future ; kg:certainty ?certainty ; kg:special ?special ; kg:attributed ?attributed .
              FILTER(?x != ?y && ?type != kg:Event)
              FILTER(?asserted || (BOUND(?all) && LCASE(STR(?all)) IN ("true", "yes", "1")))
              OPTIONAL { ?event kg:factualityCue ?cue }
              OPTIONAL { ?event kg:attributedTo/rdfs:label ?holderLabel }
              OPTIONAL { ?event kg:holderText ?holderText }
              BIND(COALESCE(?holderLabel, ?holderText) AS ?source)
              BIND(IF(?asserted, "asserted", REPLACE(CONCAT(
                     IF(?polarity = "negative", ", negated", ""), IF(?future, ", future", ""),
                     IF(?certainty = "certain", "", CONCAT(", ", ?certainty)),
                     IF(?special = "none", "", CONCAT(", ", ?special)),
                     IF(BOUND(?source), CONCAT(", reported by ", ?source), IF(?attributed, ", alleged", "")),
                     IF(BOUND(?cue), CONCAT(" (", ?cue, ")"), "")), "^, ", "")) AS ?f)
            }
            GROUP BY ?x ?y }
          GRAPH <https://w3id.org/kg-news/id/graph/entities> { ?x rdfs:label ?a . ?y rdfs:label ?b }
          FILTER(?a < ?b || (?a = ?b && STR(?x) < STR(?y)))
        }""",
    "actor-graph-construct": """
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        CONSTRUCT { ?s rdfs:label ?sLabel ; a ?sClass . ?t rdfs:label ?tLabel ; a ?tClass . ?s ?relation ?t . }
        WHERE {
          { SELECT DISTINCT ?s ?t ?relation WHERE {
              { ?event sem:hasActor ?s , ?t ; kg:asserted ?asserted . FILTER(?s != ?t)
                FILTER(?asserted || (BOUND(?all) && LCASE(STR(?all)) IN ("true", "yes", "1")))
                BIND(kg:coParticipatesWith AS ?relation) }
              UNION {
                ?st kg:speaker ?s ; kg:kind ?kind .
                { ?st kg:about ?t } UNION { ?st kg:respondsTo/kg:speaker ?t }
                FILTER(?kind IN ("denial", "criticism", "accusation") && ?s != ?t)
                BIND(IF(?kind = "denial", kg:denies, IF(?kind = "criticism", kg:criticizes, kg:accuses)) AS ?relation)
              } } }
          GRAPH <https://w3id.org/kg-news/id/graph/entities> {
            ?s rdfs:label ?sLabel ; a ?sClass . ?t rdfs:label ?tLabel ; a ?tClass }
        }""",
}


def _rows(result) -> list[tuple]:
    """Rows to compare: cells of concatenated values sorted; for graphs, the triples with the
    symmetric co-participation edges taken in either direction."""
    if result.triples is not None:
        import rdflib

        graph = rdflib.Graph().parse(data=result.triples, format="nt")
        symmetric = rdflib.URIRef("https://w3id.org/kg-news/ontology#coParticipatesWith")
        return sorted({(p, *sorted((s, o))) if p == symmetric else (s, p, o) for s, p, o in graph})

    def cell(term):
        parts = re.split("; |, ", term.value)  # GROUP_CONCAT order is not defined
        return ", ".join(sorted(parts))

    return sorted(tuple(cell(row[v]) if v in row else None for v in result.variables) for row in result.rows)


@pytest.mark.parametrize("every", [False, True], ids=["asserted", "all"])
@pytest.mark.parametrize("name", sorted(PLAIN))
def test_fast_queries_answer_like_plain_ones(store, name, every):
    """Also with all=true: the events the articles do not assert join in the same way."""
    bindings = {"all": parse_value("true")} if every else None
    fast = store.query(load_query(name).text, bindings)
    assert _rows(fast), f"the fixture store should give {name} something to answer"
    assert _rows(fast) == _rows(store.query(PLAIN[name], bindings))


@pytest.mark.parametrize(
    "name, extra",
    [("co-participants", {"StatementEvent", "OtherEvent"}), ("events", set()), ("events-in-range", set())],
)
def test_queries_name_every_event_class(name, extra):
    """Queries list event classes by name (a VALUES table or an IN list is faster than testing each
    type's IRI text); they must follow the taxonomy."""
    import re

    from kg.model import EVENT_TYPES

    text = "\n".join(line for line in load_query(name).text.splitlines() if not line.lstrip().startswith("#"))
    if "VALUES" in text:
        values = text[text.index("VALUES") : text.index("}", text.index("VALUES"))]
    else:  # or a FILTER(?type IN (...)) after the type is looked up for the events found
        values = text[text.index("?type IN (") : text.index(")", text.index("?type IN ("))]
    assert set(re.findall(r"kg:(\w+)", values)) == set(EVENT_TYPES) | extra
