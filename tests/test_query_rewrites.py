"""Queries rewritten for large stores answer like their plain formulations, and listings page:
``kg query NAME --limit N --offset M`` pages concatenate to the whole listing, in the same order."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import QueryError
from kg.ingest import ingest
from kg.queries import list_queries, load_query, paged, prepare
from kg.read import read_articles
from kg.store import open_store

DATA = Path(__file__).parent / "data"
PLAIN_DIR = Path(__file__).parent / "plain_queries"
REWRITTEN = sorted(p.stem for p in PLAIN_DIR.glob("*.rq"))
ARTICLES = [
    "harbour-report.txt",
    "wires.jsonl",
    "ceasefire-talks.txt",
    "quay-dispute.txt",
    "keltsa-attack.txt",
    "story/a1-market-attack.txt",
    "story/a2-toll-rises.txt",
    "story/a3-denial.txt",
    "answers/a1-torture-claim.txt",
    "answers/a2-minister-denies.txt",
    "bombing/b1-kirkuk-attack.txt",
    "bombing/b2-kirkuk-toll.txt",
]
# The columns each query was ordered by before its rewrite (in its ORDER BY), where the rewrite keeps
# that order: the rewritten query must list the rows in the same sequence of those values.
ORDER_KEPT = {
    "articles": ["published", "headline"],
    "claims-about-actor": ["article", "statement"],
    "claims-and-denials": ["claimant", "denier"],
    "co-participants": ["shared", "a", "b"],
    "entities": ["articles", "mentions", "name"],
    "entity-list": ["articles", "mentions", "name"],
    "entity-mentions": ["article", "begin"],
    "events": ["time"],
    "events-in-range": ["time"],
    "quantity-totals": ["total"],
    "relations": ["subject", "relation"],
    "reports": ["published"],
    "stories": ["articles", "reports", "first"],
    "timeline-of-actor": ["time", "article"],
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("rewrites") / "store")
    ingest(read_articles([str(DATA / name) for name in ARTICLES]), s)
    yield s
    s.close()


def _label(store, sparql: str) -> str:
    rows = store.query(sparql).rows
    return rows[0]["x"].value


TYPED = "VALUES ?t { kg:Attack kg:Killing kg:Arrest kg:Protest kg:Agreement kg:Ruling kg:Election kg:Release }"


@pytest.fixture(scope="module")
def params(store) -> dict[str, list[str]]:
    """A value for each parameter that gives the queries rows to answer (the busiest one)."""
    cat = "GRAPH <https://w3id.org/kg-news/id/graph/entities>"

    def busiest(pattern: str) -> str:
        return _label(
            store,
            f"SELECT ?x WHERE {{ {{ SELECT ?e (COUNT(*) AS ?n) WHERE {{ {pattern} }} GROUP BY ?e }} "
            f"{cat} {{ ?e rdfs:label ?x }} }} ORDER BY DESC(?n) ?x LIMIT 1",
        )

    return {
        "claims-about-actor": [f"actor={busiest('?s a kg:Statement ; schema:mentions ?e')}"],
        "entity-mentions": [f"name={busiest('?e kg:mention ?m')}"],
        "events-in-range": ["from=1900-01-01", "to=2100-12-31"],
        "timeline-of-actor": [f"actor={busiest(TYPED + ' ?v a ?t ; kg:asserted true ; sem:hasActor ?e')}"],
    }


def _pairs(name: str, params: dict, every: bool) -> list[str]:
    return params.get(name, []) + (["all=true"] if every and "all" in load_query(name).params else [])


def _values(result, columns: list[str] | None = None) -> list[tuple]:
    columns = columns or result.variables
    return [tuple(row[c].value if c in row else None for c in columns) for row in result.rows]


# GROUP_CONCAT columns separated otherwise than by "; " or ", " (quantity-totals' words and articles)
SEPARATORS = {"as_written": " | ", "sources": " "}


def _cells(result) -> list[tuple]:
    """Rows to compare as a multiset: GROUP_CONCAT cells with their parts sorted (their order is not defined)."""

    def cell(var, term):
        parts = term.value.split(SEPARATORS[var]) if var in SEPARATORS else re.split("; |, ", term.value)
        return ", ".join(sorted(parts))

    return sorted(tuple(cell(v, row[v]) if v in row else "" for v in result.variables) for row in result.rows)


@pytest.mark.parametrize("every", [False, True], ids=["asserted", "all"])
@pytest.mark.parametrize("name", REWRITTEN)
def test_rewritten_query_answers_like_plain_one(store, params, name, every):
    pairs = _pairs(name, params, every)
    text, bindings = prepare(load_query(name), None, pairs)
    plain_text, plain_bindings = prepare(None, (PLAIN_DIR / f"{name}.rq").read_text(), pairs)
    fast, plain = store.query(text, bindings), store.query(plain_text, plain_bindings)
    assert fast.variables == plain.variables
    assert _cells(fast), f"the fixture store should give {name} something to answer"
    assert _cells(fast) == _cells(plain)
    if name in ORDER_KEPT:
        assert _values(fast, ORDER_KEPT[name]) == _values(plain, ORDER_KEPT[name])


def test_statements_are_listed_newest_article_first(store):
    result = store.query(load_query("statements").text)
    published = dict(
        (r["a"].value, r["p"].value)
        for r in store.query("SELECT ?a ?p WHERE { ?a a kg:Article ; schema:datePublished ?p }").rows
    )
    articles = [row["article"].value for row in result.rows]
    dates = [published.get(a, "") for a in articles]
    assert dates == sorted(dates, reverse=True)
    grouped = [a for i, a in enumerate(articles) if i == 0 or articles[i - 1] != a]
    assert len(grouped) == len(set(grouped)), "an article's statements are listed together"


# ------------------------------------------------------------------------------------------- paging

LISTINGS = [
    q.name
    for q in list_queries()
    if not [p for p in q.params if p not in {"all", "type"}] and q.name != "actor-graph-construct"  # a graph
]


def _unordered_parts(rows: list[tuple]) -> list[tuple]:
    """Rows in their order, each cell with its parts sorted: the parts of a GROUP_CONCAT (the types
    and factuality of co-participants' events) come in no defined order, and may come in another on a
    page than in the whole listing."""
    return [tuple(None if v is None else ", ".join(sorted(re.split("; |, ", v))) for v in row) for row in rows]


@pytest.mark.parametrize("every", [False, True], ids=["asserted", "all"])
@pytest.mark.parametrize("name", LISTINGS)
def test_pages_concatenate_to_the_whole_listing(store, name, every):
    pairs = _pairs(name, {}, every)
    text, bindings = prepare(load_query(name), None, pairs)
    whole = store.query(text, bindings)
    rows = _unordered_parts(_values(whole))
    assert rows, f"the fixture store should give {name} something to list"
    size = max(1, len(rows) // 4)
    pages, offset = [], 0
    while True:
        page = store.query(paged(text, size, offset), bindings)
        got = _unordered_parts(_values(page))
        if not got:
            break
        assert len(page.rows) <= size
        pages.append(got)
        offset += size
    assert [row for p in pages for row in p] == rows
    assert _unordered_parts(_values(store.query(paged(text, size, 0), bindings))) == pages[0]  # again: same rows


def test_a_page_of_a_parameterised_query(store, params):
    text, bindings = prepare(load_query("entity-mentions"), None, params["entity-mentions"])
    whole = _values(store.query(text, bindings))
    assert len(whole) > 2
    assert _values(store.query(paged(text, 2, 1), bindings)) == whole[1:3]


@pytest.mark.parametrize(
    "sparql, expected",
    [
        ("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\nLIMIT 5 OFFSET 10\n"),
        # a trailing VALUES block comes after the solution modifiers
        (
            "SELECT ?s WHERE { ?s ?p ?o } VALUES ?s { <http://a> }",
            "SELECT ?s WHERE { ?s ?p ?o }\nLIMIT 5 OFFSET 10\nVALUES ?s { <http://a> }",
        ),
        # keywords in strings and comments are not the query's
        (
            'SELECT ?s WHERE { ?s ?p "LIMIT 1" } # LIMIT 2',
            'SELECT ?s WHERE { ?s ?p "LIMIT 1" } # LIMIT 2\nLIMIT 5 OFFSET 10\n',
        ),
        # the query's own LIMIT and OFFSET: the page of its rows
        ("SELECT ?s WHERE { ?s ?p ?o } LIMIT 12 OFFSET 1", "SELECT ?s WHERE { ?s ?p ?o }\nLIMIT 2 OFFSET 11\n"),
    ],
)
def test_paged_appends_limit_and_offset(sparql, expected):
    assert paged(sparql, 5, 10) == expected


def test_paged_query_with_its_own_limit(store):
    text = "PREFIX kg: <https://w3id.org/kg-news/ontology#>\nSELECT ?a WHERE { ?a a kg:Article } ORDER BY ?a LIMIT 3"
    whole = _values(store.query(text))
    assert len(whole) == 3
    assert _values(store.query(paged(text, 2, 1))) == whole[1:3]
    assert _values(store.query(paged(text, 5, 2))) == whole[2:3]
    assert _values(store.query(paged(text, None, 1))) == whole[1:]


def test_paged_marker_and_refusals():
    assert paged("SELECT ?s WHERE {\n { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\n  # kg:page\n } }", 3, 0) == (
        "SELECT ?s WHERE {\n { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\nLIMIT 3\n } }"
    )
    assert paged("SELECT ?s WHERE { ?s ?p ?o }", None, None) == "SELECT ?s WHERE { ?s ?p ?o }"
    for query in ("ASK { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "DESCRIBE <http://a>"):
        with pytest.raises(QueryError, match="rows of a SELECT"):
            paged(query, 1, 0)


def test_kg_query_limit_and_offset(runner, store_path, harbour):
    assert runner.invoke(main, ["ingest", str(harbour), "--store", str(store_path)]).exit_code == 0

    def csv(*extra):
        result = runner.invoke(main, ["query", "entities", "--store", str(store_path), "--format", "csv", *extra])
        assert result.exit_code == 0, result.output
        return result.stdout.splitlines()

    whole = csv()
    assert len(whole) > 4
    assert csv("--limit", "2") == whole[:3]
    assert csv("--limit", "2", "--offset", "2") == [whole[0], *whole[3:5]]
    assert csv("--offset", "3") == [whole[0], *whole[4:]]
    bad = runner.invoke(main, ["query", "entities", "--store", str(store_path), "--limit", "-1"])
    assert bad.exit_code == 2
    sparql = "SELECT ?e WHERE { ?e a kg:Person } ORDER BY ?e"
    result = runner.invoke(
        main, ["query", "--sparql", sparql, "--store", str(store_path), "--format", "json", "--limit", "1"]
    )
    assert result.exit_code == 0 and len(json.loads(result.stdout)["results"]["bindings"]) == 1
