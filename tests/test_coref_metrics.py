"""Coreference metrics on small cases worked out by hand, and the cross-document evaluation of what
kg ingest builds."""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.evaluate.coref import b_cubed, ceaf_e, conll, muc
from kg.evaluate.crossdoc import lemma_baseline, link_precision, story_chains


def approx(x):
    return pytest.approx(x, abs=1e-4)


def test_split_chain():
    key, response = [{1, 2, 3}], [{1, 2}, {3}]
    m = muc(key, response)
    assert (m.recall, m.precision) == (approx(0.5), approx(1.0))
    b = b_cubed(key, response)
    assert (b.recall, b.precision) == (approx(5 / 9), approx(1.0))
    c = ceaf_e(key, response)
    assert (c.recall, c.precision) == (approx(0.8), approx(0.4))


def test_perfect_and_twinless_mentions():
    key = [{1, 2}, {3}]
    assert conll(key, key)["conll_f1"] == approx(1.0)
    # A predicted mention that is not in the key lowers precision only.
    b = b_cubed(key, [{1, 2, 9}, {3}])
    assert b.recall == approx(1.0) and b.precision < 1.0


def test_lemma_baseline_and_link_precision():
    chains = {frozenset(c) for c in lemma_baseline([("a:1", "attack"), ("b:1", "attack"), ("b:2", "vote")])}
    assert chains == {frozenset({"a:1", "b:1"}), frozenset({"b:2"})}
    key = [{"a:1", "b:1"}, {"c:1"}]
    # a:1-b:1 is right, a:1-c:1 and b:1-c:1 are wrong; x:9 is not a gold mention and is not counted
    assert link_precision(key, [{"a:1", "b:1", "c:1", "x:9"}]) == {"pairs": 3, "right": 1, "precision": 1 / 3}
    assert link_precision(key, [{"a:1"}, {"b:1"}])["precision"] is None


def test_crossdoc_chains_are_the_stories_kg_ingest_builds(runner, data_dir, tmp_path):
    """The evaluation builds its chains with the code kg ingest runs: the same articles ingested give
    the same canonical events (here two reports of one bombing, one story)."""
    from kg.extract import extract
    from kg.model import Article
    from kg.rdf.graphs import STORIES_GRAPH
    from kg.store import open_store

    result = runner.invoke(main, ["ingest", str(data_dir / "bombing"), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    store = open_store(tmp_path / "store", must_exist=True)
    try:
        rows = store.query(
            f"SELECT ?e ?c WHERE {{ GRAPH <{STORIES_GRAPH}> {{ "
            "VALUES ?in { kg:canonicalEvent kg:reportsOn } ?e ?in ?c } }"
        ).rows
        read = store.query(
            "SELECT ?id ?text ?published ?title WHERE { ?a kg:articleId ?id ; kg:text ?text ; "
            "schema:datePublished ?published ; schema:headline ?title }"
        ).rows
    finally:
        store.close()
    articles = [
        Article(text=r["text"].value, title=r["title"].value, published=r["published"].value, id=r["id"].value)
        for r in read
    ]
    ingested = {r["e"].value: r["c"].value for r in rows}
    assert story_chains([extract(a) for a in articles]) == ingested
    assert len(set(ingested.values())) < len(ingested)  # the two reports of the bombing share a story


def test_cli_crossdoc_on_written_gold(runner, tmp_path):
    texts = {
        "demo-1-1": "A strong earthquake struck Chile on Monday, killing three people.",
        "demo-1-2": "Three people died when the earthquake struck Chile, officials said.",
        "demo-1-3": "Voters in Peru elected a new president on Sunday.",
    }
    chains = {"demo-1-1": ["EQ", "KILL"], "demo-1-2": ["KILL", "EQ"], "demo-1-3": ["ELECT"]}
    triggers = {"demo-1-1": ["struck", "killing"], "demo-1-2": ["died", "struck"], "demo-1-3": ["elected"]}
    for doc_id, text in texts.items():
        events = []
        for trigger, chain in zip(triggers[doc_id], chains[doc_id], strict=True):
            start = text.index(trigger)
            events.append(
                {
                    "trigger": trigger,
                    "span": [start, start + len(trigger)],
                    "type": None,
                    "time": None,
                    "participants": [],
                    "chain": chain,
                }
            )
        entities = [
            {"name": name, "type": "Place", "mentions": [[text.find(name), text.find(name) + len(name)]], "chain": name}
            for name in ("Chile", "Peru")
            if name in text
        ]
        (tmp_path / f"{doc_id}.json").write_text(
            json.dumps(
                {
                    "id": doc_id,
                    "text": text,
                    "title": None,
                    "published": None,
                    "entities": entities,
                    "events": events,
                    "statements": [],
                }
            )
        )
    result = runner.invoke(main, ["eval", str(tmp_path), "--crossdoc", "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["gold chains"] == 3
    assert 0 < out["gold mentions"]["kg"]["conll_f1"] <= 1
    assert 0 < out["gold mentions"]["lemma baseline"]["conll_f1"] <= 1
    assert out["gold mentions"]["kg"]["links"]["pairs"] >= 0
    # entities: Chile in two documents is one chain, Peru another; kg's canonical keys find both
    assert out["entities"]["gold chains"] == 2
    assert out["entities"]["gold mentions"]["kg"]["conll_f1"] == 1.0
