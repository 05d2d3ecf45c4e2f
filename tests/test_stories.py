"""Stories across articles: three articles about one attack, with different figures and a denial,
ingested in every order, give one canonical event, linked reports, attributed figures and the denial
linked to the claim it answers."""

from __future__ import annotations

import itertools

import pytest

from kg.cli import main
from kg.queries import load_query, parse_value
from kg.store import open_store
from kg.stories import THRESHOLD, EventRecord, pair_score

STORY = sorted(["a1-market-attack.txt", "a2-toll-rises.txt", "a3-denial.txt"])


def _ingest_in_order(runner, data_dir, store_path, order):
    for name in order:
        result = runner.invoke(main, ["ingest", str(data_dir / "story" / name), "--store", str(store_path)])
        assert result.exit_code == 0, result.output


def _stories_graph(store_path) -> set[str]:
    store = open_store(store_path, must_exist=True)
    try:
        text = store.dump("nq").decode()
    finally:
        store.close()
    return {line for line in text.splitlines() if "/graph/stories>" in line}


def _summary(store_path):
    store = open_store(store_path, must_exist=True)
    try:
        stories = store.query(load_query("stories").text).rows
        top = stories[0]
        story = parse_value(top["story"].value)
        reports = store.query(load_query("story-reports").text, {"story": story}).rows
        figures = store.query(load_query("story-figures").text, {"story": story}).rows
        denials = store.query(load_query("claims-and-denials").text).rows
        actors = store.query(load_query("story-actors").text, {"story": story}).rows
    finally:
        store.close()
    return top, reports, figures, denials, actors


@pytest.mark.parametrize("order", list(itertools.permutations(STORY)), ids=lambda o: "-".join(n[:2] for n in o))
def test_one_canonical_event_in_any_order(runner, data_dir, tmp_path, order):
    path = tmp_path / "store"
    _ingest_in_order(runner, data_dir, path, order)
    top, reports, figures, denials, actors = _summary(path)
    assert top["label"].value.startswith("Attack") and int(top["articles"].value) == 3
    assert top["time"].value == "2024-05-01"
    assert (top["first"].value, top["last"].value) == ("2024-05-02", "2024-05-04")
    assert [r["published"].value for r in reports] == ["2024-05-02", "2024-05-03", "2024-05-04"]
    found = sorted((int(float(f["value"].value)), f["source"].value, f["lowerBound"].value) for f in figures)
    assert found == [(12, "local officials", "true"), (18, "Red Crescent", "false"), (18, "Red Crescent", "false")]
    assert any(
        d["denier"].value == "Red Dawn Front" and d.get("claimant") and d["claimant"].value == "Red Crescent"
        for d in denials
    )
    assert ("Red Dawn Front", "agent") in {(a["actor"].value, a["role"].value) for a in actors}


def test_order_does_not_change_the_stories_graph(runner, data_dir, tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    _ingest_in_order(runner, data_dir, first, STORY)
    _ingest_in_order(runner, data_dir, second, list(reversed(STORY)))
    assert _stories_graph(first) == _stories_graph(second)
    again = runner.invoke(main, ["ingest", str(data_dir / "story"), "--store", str(first)])
    assert "3 unchanged" in again.output
    assert _stories_graph(first) == _stories_graph(second)


def test_same_claim_in_two_articles_is_one_claim(runner, data_dir, tmp_path):
    path = tmp_path / "store"
    _ingest_in_order(runner, data_dir, path, STORY)
    result = runner.invoke(main, ["stories", "--store", str(path)])
    assert result.exit_code == 0 and "1 claims" in result.output
    store = open_store(path, must_exist=True)
    try:
        rows = store.query(
            "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?c a kg:Claim ; kg:claimStatement ?s } GROUP BY ?c"
        ).rows
        links = store.query(
            "SELECT ?score ?evidence WHERE { ?l a kg:EventLink ; kg:linkScore ?score ; kg:evidence ?evidence }"
        ).rows
    finally:
        store.close()
    assert [int(r["n"].value) for r in rows] == [2]
    assert links and all(float(r["score"].value) >= 0.6 and "same type Attack" in r["evidence"].value for r in links)


def _top(store_path):
    store = open_store(store_path, must_exist=True)
    try:
        rows = store.query(load_query("stories").text).rows
        members = store.query(
            "SELECT ?e ?a WHERE { ?e kg:canonicalEvent ?s ; kg:mention/kg:inArticle ?a }", {"s": rows[0]["story"]}
        ).rows
    finally:
        store.close()
    return rows[0], sorted({(r["e"].value, r["a"].value) for r in members})


def test_stories_can_be_corrected_and_corrections_survive_reingest(runner, data_dir, tmp_path):
    path = tmp_path / "store"
    _ingest_in_order(runner, data_dir, path, STORY)
    top, members = _top(path)
    assert int(top["articles"].value) == 3
    # take the last article's event out of the story, using the short form tables print
    story = "kgd:" + top["story"].value.split("/id/", 1)[1]
    event = members[-1][0]
    result = runner.invoke(main, ["split", story, event, "--store", str(path)])
    assert result.exit_code == 0, result.output
    top, rest = _top(path)
    assert int(top["articles"].value) == 2 and event not in {e for e, _ in rest}
    _ingest_in_order(runner, data_dir, path, STORY)  # re-ingest: the correction holds
    assert int(_top(path)[0]["articles"].value) == 2
    # and merging the event back makes one story of three articles again
    result = runner.invoke(main, ["merge", top["story"].value, event, "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert int(_top(path)[0]["articles"].value) == 3
    bad = runner.invoke(main, ["merge", "kgd:story/event/0000", event, "--store", str(path)])
    assert bad.exit_code == 1 and "no story" in bad.output and "Traceback" not in bad.output


def test_canonical_projection_counts_the_event_once(runner, data_dir, tmp_path):
    from kg.analyze.projections import build_projection

    path = tmp_path / "store"
    _ingest_in_order(runner, data_dir, path, STORY)
    store = open_store(path, must_exist=True)
    try:
        per_article = build_projection(store, "bipartite")
        canonical = build_projection(store, "bipartite", canonical=True)
        top = store.query(load_query("stories").text).rows[0]["story"].value
    finally:
        store.close()
    attacks = [n for n in per_article.nodes.values() if n.type == "Attack"]
    assert len({a for n in attacks for a in n.articles}) == 3 and len(attacks) >= 3
    node = canonical.nodes[top]
    assert node.type == "Attack" and len(node.articles) == 3 and node.label.startswith("Attack")
    # every actor edge to the story is one edge carrying all the articles that report it
    into_story = [e for e in canonical.edges.values() if e.target == top]
    assert into_story and all(e.weight == 1.0 for e in into_story)
    assert max(len(e.articles) for e in into_story) == 3
    result = runner.invoke(
        main, ["export", "--format", "gexf", "--projection", "bipartite", "--canonical", "--store", str(path)]
    )
    assert result.exit_code == 0 and top in result.output


def _event(article: str, place: str | None, who: str = "entity/organization/army") -> EventRecord:
    return EventRecord(
        f"{article}/event/e1", article, "Attack", "strike", "2026-03-04", "2026-03-05", place, {who}
    )


def test_one_actor_same_day_different_places_are_two_events():
    gaza, strip, kfar_aza = "entity/place/gaza", "entity/place/gaza-strip", "entity/place/kfar-aza"
    score, evidence = pair_score(_event("a1", gaza), _event("a2", strip))
    assert score >= THRESHOLD and "shared participants army" in evidence  # one name contains the other
    assert pair_score(_event("a1", gaza), _event("a2", kfar_aza)) == (0.0, [])
    assert pair_score(_event("a1", None), _event("a2", kfar_aza))[0] >= THRESHOLD  # a place on one side only
    assert pair_score(_event("a1", gaza), _event("a1", gaza)) == (0.0, [])  # one article: never the same
