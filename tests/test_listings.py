"""The listings layer: the order of the entity and co-participant listings, kept current incrementally.

After every change (articles ingested one run at a time, an article replaced or removed, a merge and a
split) the named listings answer exactly as their plain formulations, in the listing's order, and the
layer holds what a rebuild from scratch computes (same rows in the same order, same counts, same
records), whatever positions it gave them."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from kg.curate import merge, merge_events, split, split_event
from kg.ingest import ingest, ingest_articles
from kg.layers import listings, sync_layers
from kg.layers.listings import pair_iri, rebuild_listings
from kg.model import Article
from kg.queries import load_query, paged, prepare
from kg.rdf.graphs import LISTINGS_GRAPH
from kg.rdf.iris import article_iri
from kg.read import read_articles
from kg.store import open_store

DATA = Path(__file__).parent / "data"
PLAIN_DIR = Path(__file__).parent / "plain_queries"
STEPS = [
    "keltsa-attack.txt",
    "story/a1-market-attack.txt",
    "story/a2-toll-rises.txt",
    "ceasefire-talks.txt",
    "quay-dispute.txt",
    "bombing/b1-kirkuk-attack.txt",
]
LISTED = [
    ("entities", []),
    ("entities", ["type=https://w3id.org/kg-news/ontology#Organization"]),
    ("entity-list", []),
    ("co-participants", []),
    ("co-participants", ["all=true"]),
    ("quantity-totals", []),
    ("quantity-totals", ["all=true"]),
]
RANGES = (
    ["from=1900-01-01", "to=2100-12-31"],
    ["from=2025-04-01", "to=2025-04-09"],
    ["from=2025-01-01", "to=2025-05-31"],
)
SEPARATORS = {"as_written": " | ", "sources": " ", "asWritten": " | "}  # GROUP_CONCATs of quantity-totals


def _parts(var: str, value: str) -> str:
    return ", ".join(sorted(value.split(SEPARATORS[var]) if var in SEPARATORS else re.split("; |, ", value)))


def _rows(result) -> list[tuple]:
    """Rows in order, GROUP_CONCAT parts sorted (their order is not defined)."""
    return [tuple(_parts(v, r[v].value) if v in r else "" for v in result.variables) for r in result.rows]


def _order_key(name: str, row: dict) -> tuple:
    if name == "co-participants":
        return (-int(row["shared"].value), row["a"].value, row["b"].value)
    if name == "quantity-totals":
        return (-Decimal(row["total"].value), row["type"].value, row["counts"].value, row["factuality"].value)
    key = (-int(row["articles"].value), -int(row["mentions"].value), row["name"].value)
    return key + ((row["entity"].value,) if "entity" in row else ())


def check_listings(store) -> None:
    """The listings answer like their plain formulations, in order, page by page; the layer is what a
    rebuild computes."""
    for name, pairs in LISTED:
        text, bindings = prepare(load_query(name), None, pairs)
        plain_text, plain_bindings = prepare(None, (PLAIN_DIR / f"{name}.rq").read_text(), pairs)
        fast, plain = store.query(text, bindings), store.query(plain_text, plain_bindings)
        assert sorted(_rows(fast)) == sorted(_rows(plain)), name
        keys = [_order_key(name, r) for r in fast.rows]
        assert keys == sorted(keys), f"{name} {pairs}: rows out of order"
        whole = _rows(fast)
        pages = [_rows(store.query(paged(text, 3, offset), bindings)) for offset in range(0, len(whole) + 3, 3)]
        assert [row for page in pages for row in page] == whole, f"{name} {pairs}: pages differ from the listing"
    for dates in RANGES:
        for pairs in (dates, [*dates, "all=true"]):
            text, bindings = prepare(load_query("events-in-range"), None, pairs)
            plain_text, plain_bindings = prepare(None, (PLAIN_DIR / "events-in-range.rq").read_text(), pairs)
            fast, plain = store.query(text, bindings), store.query(plain_text, plain_bindings)
            assert _rows(fast) == _rows(plain), pairs  # same rows, ordered by time
    before = layer_state(store)
    rebuild_listings(store)
    assert layer_state(store) == before


def layer_state(store) -> dict:
    """What the listings graph says, without the position numbers: the orders, counts, names, records."""

    def order(predicate: str) -> list[str]:
        rows = store.query(
            f"SELECT ?r WHERE {{ GRAPH <{LISTINGS_GRAPH}> {{ ?r kg:{predicate} ?p }} }} ORDER BY ?p"
        ).rows
        return [r["r"].value for r in rows]

    rows = store.query(
        f"SELECT ?s ?p ?o WHERE {{ GRAPH <{LISTINGS_GRAPH}> {{ ?s ?p ?o }} FILTER(!STRENDS(STR(?p), 'Position')) }}"
    ).rows
    unordered = {"figuresAsWritten": "asWritten", "figureSources": "sources"}  # GROUP_CONCATs: parts in any order

    def value(r) -> str:
        name = r["p"].value.rsplit("#", 1)[-1]
        return _parts(unordered[name], r["o"].value) if name in unordered else r["o"].value

    return {
        "entities": order("listPosition"),
        "pairs": order("sharedListPosition"),
        "asserted pairs": order("assertedListPosition"),
        "figure totals": order("figurePosition"),
        "facts": sorted((r["s"].value, r["p"].value, value(r)) for r in rows),
    }


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "store")
    yield s
    s.close()


def _ingest(store, name: str) -> None:
    report = ingest(read_articles([str(DATA / name)]), store)
    assert not report.errors


def test_listings_follow_each_ingest(store):
    for name in STEPS:
        _ingest(store, name)
        check_listings(store)
    # the fixture articles give both listings rows, pairs not asserted among them
    state = layer_state(store)
    assert len(state["entities"]) > 10 and len(state["pairs"]) > len(state["asserted pairs"]) > 2
    assert len(state["figure totals"]) > 2
    _ingest(store, STEPS[0])  # unchanged: nothing to do
    assert layer_state(store) == state


def test_listings_follow_a_replaced_and_a_removed_article(store):
    for name in STEPS[:3]:
        _ingest(store, name)
    url = "https://example.org/news/keltsa"
    first = Article(
        title="Rebels strike Keltsa",
        text="Rebels strike Keltsa\n\nThe Northern Liberation Army attacked the town of Keltsa on Monday, "
        "killing 12 people. The Sable Brotherhood and the Orvan Guard clashed in the capital.",
        url=url,
        published="2025-04-09",
    )
    ingest_articles([first], store)
    check_listings(store)
    second = Article(
        title="Rebels strike Keltsa",
        text="Rebels strike Keltsa\n\nThe Sable Brotherhood attacked the town of Keltsa on Monday, killing 12 "
        "people. The Northern Liberation Army and the Orvan Guard signed a truce in the capital.",
        url=url,
        published="2025-04-09",
    )
    assert ingest_articles([second], store).updated == 1
    check_listings(store)
    graph = article_iri(second.id)
    assert store.query(f"ASK {{ GRAPH <{LISTINGS_GRAPH}> {{ <{graph}> kg:listedPair ?p }} }}").boolean
    store.update(f"DROP GRAPH <{graph}>")  # gone: its entities and pairs are recounted without it
    sync_layers(store)
    check_listings(store)
    assert not store.query(f"ASK {{ GRAPH <{LISTINGS_GRAPH}> {{ <{graph}> ?p ?o }} }}").boolean


def test_listings_follow_a_merge_and_a_split(store):
    for name in STEPS:
        _ingest(store, name)
    pairs = layer_state(store)["pairs"]
    keep, drop = "Northern Liberation Army", "Sable Brotherhood"
    merge(store, keep, drop)
    check_listings(store)
    entities = layer_state(store)["entities"]
    assert not [e for e in entities if e.endswith("/sable-brotherhood")]
    split(store, keep, "organization/sable-brotherhood")
    check_listings(store)
    assert layer_state(store)["pairs"] == pairs


def test_a_gap_that_runs_out_renumbers_the_listing(store, monkeypatch):
    monkeypatch.setattr(listings, "_GAP", 1)  # neighbours one apart: every insertion between two renumbers
    renumbered = []
    plain = listings._Order._renumber
    monkeypatch.setattr(listings._Order, "_renumber", staticmethod(lambda *a: renumbered.append(1) or plain(*a)))
    for name in STEPS:
        _ingest(store, name)
        check_listings(store)
    assert renumbered


def test_pair_rows_name_both_actors_once():
    a, b = "https://w3id.org/kg-news/id/entity/person/a", "https://w3id.org/kg-news/id/entity/person/b"
    assert pair_iri(a, b) == pair_iri(b, a) != pair_iri(a, a)


def test_a_renamed_actor_moves_its_pairs_of_unchanged_articles(store):
    """An entity's name is the one most articles give it: an article that names it otherwise (here,
    edited in place, as a new extraction would) renames it, and its pairs of other articles, whose
    graphs did not change, are placed and turned around by the new name."""
    for name in STEPS:
        _ingest(store, name)
    row = store.query(
        f"SELECT ?x ?y ?g WHERE {{ GRAPH <{LISTINGS_GRAPH}> {{ ?p kg:pairFirst ?x ; kg:pairSecond ?y ; "
        f"kg:assertedListPosition ?n . ?g kg:listedPair ?p }} }} ORDER BY ?n LIMIT 1"
    ).rows[0]
    second, graph = row["y"].value, row["g"].value
    for other in [g for g in store.named_graphs() if "/id/article/" in g and g != graph]:
        store.update(
            f"DELETE WHERE {{ GRAPH <{other}> {{ <{second}> rdfs:label ?l }} }} ; "
            f"INSERT DATA {{ GRAPH <{other}> {{ <{other}> schema:mentions <{second}> . "
            f'<{second}> rdfs:label "Aaa Renamed" ; a kg:Organization ; kg:mention <{other}#renamed> }} }} ; '
            f"DELETE {{ GRAPH <{other}> {{ <{other}> kg:contentHash ?h }} }} "
            f'INSERT {{ GRAPH <{other}> {{ <{other}> kg:contentHash "edited" }} }} '
            f"WHERE {{ GRAPH <{other}> {{ <{other}> kg:contentHash ?h }} }}"
        )
    sync_layers(store)
    turned = f"ASK {{ GRAPH <{LISTINGS_GRAPH}> {{ ?p kg:pairFirst <{second}> ; kg:pairSecond ?x }} }}"
    assert store.query(turned).boolean
    check_listings(store)


def test_figures_follow_stories_merged_and_split(store):
    """quantity-totals counts a story once: two stories merged by hand add their figures up as one
    (articles unchanged), and apart again after the split."""
    for name in [*STEPS, "bombing/b2-kirkuk-toll.txt"]:
        _ingest(store, name)
    rows = store.query(
        "SELECT ?e ?type ?story WHERE { ?e a ?type ; kg:quantity ?q ; kg:asserted true "
        "FILTER(?type != kg:Event && STRSTARTS(STR(?type), STR(kg:))) "
        "OPTIONAL { GRAPH <https://w3id.org/kg-news/id/graph/stories> { ?e kg:canonicalEvent ?c } } "
        "BIND(COALESCE(?c, ?e) AS ?story) } ORDER BY ?type ?e"
    ).rows
    first, second = next(
        (x["e"].value, y["e"].value)
        for x in rows
        for y in rows
        if x["type"] == y["type"] and x["story"] != y["story"] and x["e"].value < y["e"].value
        and x["e"].value.split("/event/")[0] != y["e"].value.split("/event/")[0]
    )
    before = layer_state(store)["figure totals"]
    a, b = merge_events(store, first, second)
    check_listings(store)
    totals = _totals(store)
    story = store.query(
        f"SELECT ?c WHERE {{ GRAPH <https://w3id.org/kg-news/id/graph/stories> {{ <{a}> kg:canonicalEvent ?c }} }}"
    ).rows[0]["c"].value
    split_event(store, story, b)
    check_listings(store)
    assert _totals(store) != totals and layer_state(store)["figure totals"] == before


def _totals(store) -> list[tuple]:
    text, bindings = prepare(load_query("quantity-totals"), None, [])
    return [(r["type"].value, r["counts"].value, r["total"].value, r["events"].value) for r in store.query(text).rows]


def test_an_ingest_counts_again_only_the_stories_of_its_events(store, monkeypatch):
    for name in STEPS:
        _ingest(store, name)
    counted = []
    plain = listings._story_figures
    monkeypatch.setattr(listings, "_story_figures", lambda s, stories: counted.extend(stories) or plain(s, stories))
    _ingest(store, "bombing/b2-kirkuk-toll.txt")
    graph = article_iri(next(iter(read_articles([str(DATA / "bombing/b2-kirkuk-toll.txt")]))).article.id)
    events = store.query(f"SELECT DISTINCT ?e WHERE {{ GRAPH <{graph}> {{ ?e kg:quantity ?q }} }}").rows
    assert events and 0 < len(set(counted)) <= len(events)  # each event's story (or the event itself), no more
    check_listings(store)


def test_kg_stories_rebuild_puts_raced_listings_right(tmp_path, runner):
    """Two ingests that raced leave the listings out of order and incomplete; 'kg stories --rebuild'
    recomputes them: the pages answer as the plain queries again, with what the layer held before."""
    from kg.cli import main

    path = tmp_path / "store"
    with open_store(path) as store:
        for name in STEPS:
            _ingest(store, name)
        state = layer_state(store)
        first, last = state["entities"][0], state["entities"][-1]
        pair = state["pairs"][0]
        # what a race leaves: two rows at each other's place, a pair and the month buckets gone
        store.update(
            f"""DELETE {{ GRAPH <{LISTINGS_GRAPH}> {{ ?r kg:listPosition ?p }} }}
                INSERT {{ GRAPH <{LISTINGS_GRAPH}> {{ ?r kg:listPosition ?q }} }}
                WHERE {{ VALUES (?r ?s) {{ (<{first}> <{last}>) (<{last}> <{first}>) }}
                         GRAPH <{LISTINGS_GRAPH}> {{ ?r kg:listPosition ?p . ?s kg:listPosition ?q }} }} ;
                DELETE WHERE {{ GRAPH <{LISTINGS_GRAPH}> {{ <{pair}> ?p ?o }} }} ;
                DELETE WHERE {{ GRAPH <{LISTINGS_GRAPH}> {{ ?b kg:bucketEvent ?e }} }}"""
        )
        raced = layer_state(store)
        assert raced["entities"][0] == last and pair not in raced["pairs"]
        with pytest.raises(AssertionError):
            check_listings(store)
    result = runner.invoke(main, ["stories", "--rebuild", "--store", str(path)])
    assert result.exit_code == 0, result.output
    with open_store(path) as store:
        check_listings(store)
        assert layer_state(store) == state


def test_a_store_written_before_the_listings_existed_lists_its_entities(runner, store_path, harbour):
    """A store whose listings graph is empty (written by an older kg) is caught up by the first
    command that reads it, with a line saying so, instead of listing nothing."""
    from kg.cli import main
    from kg.layers.sparql import DROP_LISTINGS, render

    assert runner.invoke(main, ["ingest", str(harbour), "-q", "--store", str(store_path)]).exit_code == 0
    before = runner.invoke(main, ["query", "entities", "--format", "csv", "--store", str(store_path)]).output
    with open_store(store_path) as s:
        s.update(render(DROP_LISTINGS))
    result = runner.invoke(main, ["query", "entities", "--format", "csv", "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert "caught up" in result.output
    rows = [line for line in result.output.splitlines() if "caught up" not in line]
    assert len(rows) > 3 and rows == before.splitlines()
