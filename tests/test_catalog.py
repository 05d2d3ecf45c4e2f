"""The entity catalogue: one description per entity across articles, kept current by every ingest,
caught up after an interrupted run, and used for case-insensitive name lookups."""

from __future__ import annotations

from kg.extract import extract_many
from kg.ingest import ingest
from kg.layers.base import begin_writes, changed_since, writes_pending
from kg.layers.catalog import sync_catalog
from kg.model import Article
from kg.queries import load_query, parse_value
from kg.rdf.graphs import CATALOG_GRAPH, STORIES_GRAPH
from kg.rdf.iris import article_iri
from kg.rdf.mapping import extraction_to_ntriples
from kg.read import ReadItem
from kg.store import open_store
from kg.store.binding import bind_values, name_key

FIRST = Article(
    title="Harbour pilots strike in Rotterdam",
    text="Harbour pilots strike in Rotterdam\n\nThe Dutch Pilots Association said on Monday that its members "
    "would stop work. Anna Verhoeven, who chairs the Dutch Pilots Association, said the strike would last "
    "two days. Verhoeven added that ferries would keep running.",
    url="https://example.org/pilots-1",
    published="2025-03-03",
)
SECOND = Article(
    title="Strike ends early",
    text="Strike ends early\n\nThe Dutch Pilots Association ended its strike on Tuesday. Verhoeven said the "
    "port authority had made an offer.",
    url="https://example.org/pilots-2",
    published="2025-03-04",
)


def _entry(store, name: str) -> dict:
    rows = store.query(
        f"SELECT ?e ?p ?o WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ ?e kg:nameKey ?k ; ?p ?o }} }}",
        {"k": parse_value(name_key(name))},
    ).rows
    out: dict = {}
    for r in rows:
        out.setdefault(r["p"].value.rsplit("#", 1)[-1], set()).add(r["o"].value)
    return out


def test_one_entry_per_entity_with_counts_over_articles(tmp_path):
    store = open_store(tmp_path / "s")
    ingest([ReadItem("a", FIRST), ReadItem("b", SECOND)], store)
    entry = _entry(store, "dutch pilots association")
    assert entry["label"] == {"Dutch Pilots Association"}
    assert entry["articleCount"] == {"2"}
    assert int(next(iter(entry["mentionCount"]))) >= 3
    # the union graph repeats the label once per article; the catalogue holds it once
    labels = store.query(
        f"SELECT ?l WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ ?e kg:nameKey 'dutch pilots association' ; rdfs:label ?l }} }}"
    ).rows
    assert len(labels) == 1
    # a surname alias finds the person in any case, in both articles
    rows = store.query(load_query("entity-mentions").text, {"name": parse_value("VERHOEVEN")}).rows
    assert {r["text"].value for r in rows} >= {"Anna Verhoeven", "Verhoeven"}
    assert len({r["article"].value for r in rows}) == 2
    store.close()


def test_replacing_an_article_recounts_its_former_entities(tmp_path):
    store = open_store(tmp_path / "s")
    ingest([ReadItem("a", FIRST), ReadItem("b", SECOND)], store)
    changed = Article(
        title=SECOND.title,
        text="Strike ends early\n\nThe pilots went back to work on Tuesday, the port said.",
        url=SECOND.url,
        published=SECOND.published,
    )
    report = ingest([ReadItem("b", changed)], store)
    assert report.updated == 1
    assert _entry(store, "dutch pilots association")["articleCount"] == {"1"}
    assert _entry(store, "anna verhoeven")["articleCount"] == {"1"}
    store.close()


def test_a_run_killed_before_its_catalogue_step_is_caught_up(tmp_path):
    store = open_store(tmp_path / "s")
    ingest([ReadItem("a", FIRST)], store)
    before = _entry(store, "dutch pilots association")["articleCount"]
    # write an article graph the way an ingest does (marking the store first), and stop before the
    # catalogue step
    (extraction,) = extract_many([SECOND])
    ntriples, _ = extraction_to_ntriples(extraction)
    assert not writes_pending(store) and begin_writes(store) is False
    store.replace_graph(str(article_iri(extraction.article.id)), ntriples)
    assert _entry(store, "dutch pilots association")["articleCount"] == before == {"1"}
    assert sync_catalog(store) == 1
    assert _entry(store, "dutch pilots association")["articleCount"] == {"2"}
    assert sync_catalog(store) == 0  # nothing left to do: idempotent
    # the stories layer was left behind too: a re-run of the same input (all unchanged) catches it
    # up, and one more run changes nothing
    assert changed_since(store, STORIES_GRAPH) == [str(article_iri(extraction.article.id))]
    report = ingest([ReadItem("a", FIRST), ReadItem("b", SECOND)], store)
    assert report.unchanged == 2 and changed_since(store, STORIES_GRAPH) == []
    assert not writes_pending(store)  # the mark is cleared once the derived graphs caught up
    quads = store.count()
    ingest([ReadItem("a", FIRST), ReadItem("b", SECOND)], store)
    assert store.count() == quads
    store.close()


def test_key_variables_are_bound_lower_case_and_escaped():
    text = "SELECT ?e WHERE { ?e <http://x/k> ?name_key }"
    bound = bind_values(text, {"name": parse_value('Al-"Aqsa"  Brigades')})
    assert '"al-\\"aqsa\\" brigades"' in bound
    # no key variable in the query: nothing extra is bound
    assert "_key" not in bind_values("SELECT ?e WHERE { ?e ?p ?name }", {"name": parse_value("X")})
