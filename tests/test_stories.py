"""Stories across articles: three articles about one attack, with different figures and a denial,
ingested in every order, give one canonical event made of what an article asserts, the other articles'
accounts of it attached as reports with their source, attributed figures and the denial linked to the
claim it answers."""

from __future__ import annotations

import itertools

import pytest

from kg.cli import main
from kg.layers.stories import _report_links
from kg.match import THRESHOLD, EventRecord, pair_score
from kg.queries import load_query, parse_value
from kg.store import open_store

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


ALL = {"all": parse_value("true")}


def _summary(store_path, everything: dict | None = None):
    """The top story with its reports, figures and actors (those the articles assert, or with
    ``everything`` also the others), and the denials across articles."""
    store = open_store(store_path, must_exist=True)
    try:
        stories = store.query(load_query("stories").text).rows
        top = stories[0]
        story = {"story": parse_value(top["story"].value), **(everything or {})}
        reports = store.query(load_query("story-reports").text, story).rows
        figures = store.query(load_query("story-figures").text, story).rows
        denials = store.query(load_query("claims-and-denials").text).rows
        actors = store.query(load_query("story-actors").text, story).rows
    finally:
        store.close()
    return top, reports, figures, denials, actors


@pytest.mark.parametrize("order", list(itertools.permutations(STORY)), ids=lambda o: "-".join(n[:2] for n in o))
def test_one_canonical_event_in_any_order(runner, data_dir, tmp_path, order):
    path = tmp_path / "store"
    _ingest_in_order(runner, data_dir, path, order)
    # only the second article asserts the attack ("Darfa Market Attack" in its headline); the first tells it
    # on the word of local officials and the third inside the Red Dawn Front's denial: reports, not members
    top, reports, figures, denials, actors = _summary(path)
    assert top["label"].value.startswith("Attack") and int(top["articles"].value) == 1
    assert int(top["reports"].value) == 2
    assert (top["first"].value, top["last"].value) == ("2024-05-03", "2024-05-03")
    assert [(r["published"].value, r["factuality"].value) for r in reports] == [("2024-05-03", "asserted")]
    assert figures == []  # every figure rests on someone's word
    assert ("Red Dawn Front", "agent") not in {(a["actor"].value, a["role"].value) for a in actors}
    assert any(
        d["denier"].value == "Red Dawn Front" and d.get("claimant") and d["claimant"].value == "Red Crescent"
        for d in denials
    )
    # with all=true: every article's account, each with how it tells the attack and on whose word
    top, reports, figures, _, actors = _summary(path, ALL)
    assert [r["published"].value for r in reports] == ["2024-05-02", "2024-05-03", "2024-05-04"]
    told = [r["factuality"].value for r in reports]
    assert told[0].startswith("reported by local officials") and told[1] == "asserted" and "Red Dawn Front" in told[2]
    found = sorted((int(float(f["value"].value)), f["source"].value, f["lowerBound"].value) for f in figures)
    assert found == [(12, "local officials", "true"), (18, "Red Crescent", "false"), (18, "Red Crescent", "false")]
    assert all(f["factuality"].value.startswith("reported by") for f in figures)
    assert ("Red Dawn Front", "agent") in {(a["actor"].value, a["role"].value) for a in actors}


def test_incremental_stories_equal_a_rebuild(runner, data_dir, tmp_path):
    """Reports placed one article at a time (a report before or after the event it reports on) end
    where a rebuild from all articles puts them."""
    path = tmp_path / "store"
    _ingest_in_order(runner, data_dir, path, ["a3-denial.txt", "a1-market-attack.txt", "a2-toll-rises.txt"])
    incremental = _stories_graph(path)
    assert any("#reportsOn>" in line for line in incremental)
    result = runner.invoke(main, ["stories", "--rebuild", "--store", str(path)])
    assert result.exit_code == 0 and "2 reports not asserted" in result.output
    assert _stories_graph(path) == incremental


def test_a_report_goes_to_the_asserted_event_it_scores_best_with():
    report = EventRecord("a3/event/e1", "a3", "Attack", "attack", None, "2026-03-06", None, {"army"}, asserted=False)
    near = EventRecord("a1/event/e1", "a1", "Attack", "attack", "2026-03-05", "2026-03-05", None, {"army"})
    far = EventRecord("a2/event/e1", "a2", "Attack", "strike", "2026-03-01", "2026-03-04", None, {"army", "navy"})
    links = _report_links([report], [far, near], alone=set())
    assert links[report.iri][0] == near.iri and links[report.iri][1] >= THRESHOLD
    assert _report_links([report], [far, near], alone={report.iri}) == {}


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
    """The top story, its member events and the events reporting on it, with their articles."""
    store = open_store(store_path, must_exist=True)
    try:
        rows = store.query(load_query("stories").text).rows
        found = {}
        for link in ("canonicalEvent", "reportsOn"):
            found[link] = store.query(
                f"SELECT ?e ?a WHERE {{ ?e kg:{link} ?s ; kg:mention/kg:inArticle ?a }}", {"s": rows[0]["story"]}
            ).rows
    finally:
        store.close()
    members, reports = (sorted({(r["e"].value, r["a"].value) for r in found[k]}) for k in found)
    return rows[0], members, reports


def _attack_stories(store_path) -> list[dict]:
    store = open_store(store_path, must_exist=True)
    try:
        rows = store.query(load_query("stories").text, ALL).rows  # single-article stories too
        return [r for r in rows if r["label"].value.startswith("Attack")]
    finally:
        store.close()


def test_stories_can_be_corrected_and_corrections_survive_reingest(runner, data_dir, tmp_path):
    path = tmp_path / "store"
    _ingest_in_order(runner, data_dir, path, STORY)
    top, members, reports = _top(path)
    assert int(top["articles"].value) == 1 and len(reports) == 2
    # take a report out of the story, using the short form tables print
    story = "kgd:" + top["story"].value.split("/id/", 1)[1]
    report = reports[-1][0]
    result = runner.invoke(main, ["split", story, report, "--store", str(path)])
    assert result.exit_code == 0, result.output
    top, _, rest = _top(path)
    assert int(top["reports"].value) == 1 and report not in {e for e, _ in rest}
    _ingest_in_order(runner, data_dir, path, STORY)  # re-ingest: the correction holds
    assert int(_top(path)[0]["reports"].value) == 1
    # merging it back makes it a report of the story again
    result = runner.invoke(main, ["merge", top["story"].value, report, "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert int(_top(path)[0]["reports"].value) == 2
    # the first article's own headline attack ("Gunmen Attack Market") is a story of its own until merged
    [other] = [s for s in _attack_stories(path) if s["story"] != top["story"]]
    result = runner.invoke(main, ["merge", top["story"].value, other["story"].value, "--store", str(path)])
    assert result.exit_code == 0, result.output
    merged, members, _ = _top(path)
    assert int(merged["articles"].value) == 2 and len(_attack_stories(path)) == 1
    result = runner.invoke(main, ["split", merged["story"].value, members[0][0], "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert len(_attack_stories(path)) == 2
    bad = runner.invoke(main, ["merge", "kgd:story/event/0000", report, "--store", str(path)])
    assert bad.exit_code == 1 and "no story" in bad.output and "Traceback" not in bad.output


def test_canonical_projection_counts_the_event_once(runner, data_dir, tmp_path):
    from kg.analyze.projections import build_projection

    path = tmp_path / "store"
    _ingest_in_order(runner, data_dir, path, STORY)
    store = open_store(path, must_exist=True)
    try:
        per_article = build_projection(store, "bipartite", all_events=True)
        canonical = build_projection(store, "bipartite", canonical=True, all_events=True)
        asserted = build_projection(store, "bipartite", canonical=True)
        top = store.query(load_query("stories").text).rows[0]["story"].value
    finally:
        store.close()
    attacks = [n for n in per_article.nodes.values() if n.type == "Attack"]
    assert len({a for n in attacks for a in n.articles}) == 3 and len(attacks) >= 3
    # with --all-events the reports of the story join its node
    node = canonical.nodes[top]
    assert node.type == "Attack" and len(node.articles) == 3 and node.label.startswith("Attack")
    assert "asserted" in node.attrs["factuality"] and "reported by" in node.attrs["factuality"]
    # every actor edge to the story is one edge carrying all the articles that report it
    into_story = [e for e in canonical.edges.values() if e.target == top]
    assert into_story and all(e.weight == 1.0 for e in into_story)
    assert max(len(e.articles) for e in into_story) == 3
    # by default only the article that asserts the attack draws it: its place, not the alleged attackers
    assert len(asserted.nodes[top].articles) == 1
    assert {e.kind for e in asserted.edges.values() if e.target == top} == {"place"}
    args = ["export", "--format", "gexf", "--projection", "bipartite", "--canonical", "--all-events"]
    result = runner.invoke(main, [*args, "--store", str(path)])
    assert result.exit_code == 0 and top in result.output and "reported by" in result.output


def _event(article: str, place: str | None, who: str = "entity/organization/army") -> EventRecord:
    return EventRecord(f"{article}/event/e1", article, "Attack", "strike", "2026-03-04", "2026-03-05", place, {who})


def test_one_actor_same_day_different_places_are_two_events():
    gaza, strip, kfar_aza = "entity/place/gaza", "entity/place/gaza-strip", "entity/place/kfar-aza"
    score, evidence = pair_score(_event("a1", gaza), _event("a2", strip))
    assert score >= THRESHOLD and "shared participants army" in evidence  # one name contains the other
    assert pair_score(_event("a1", gaza), _event("a2", kfar_aza)) == (0.0, [])
    assert pair_score(_event("a1", None), _event("a2", kfar_aza))[0] >= THRESHOLD  # a place on one side only
    assert pair_score(_event("a1", gaza), _event("a1", gaza)) == (0.0, [])  # one article: never the same


# ------------------------------------------------------------------ links across articles need evidence

ANSWERS = sorted(["a1-torture-claim.txt", "a2-minister-denies.txt", "a3-minister-denies-again.txt"])


def _links(store_path) -> list[dict]:
    from kg.layers.stories import explain_links

    store = open_store(store_path, must_exist=True)
    try:
        return explain_links(store)
    finally:
        store.close()


def _ingest_answers(runner, data_dir, path, order):
    for name in order:
        result = runner.invoke(main, ["ingest", str(data_dir / "answers" / name), "--store", str(path)])
        assert result.exit_code == 0, result.output


def test_a_denial_naming_the_accuser_answers_the_accusation_across_outlets(runner, data_dir, tmp_path):
    path = tmp_path / "store"
    _ingest_answers(runner, data_dir, path, ANSWERS)
    [link] = [x for x in _links(path) if x["kind"] == "answer"]
    assert link["rule"] == "answer: names the claimant human-rights-watch"
    assert "4 days later" in link["evidence"] and link["score"] > 0
    response, claim = link["sides"]
    assert response["published"] == "2022-03-14" and "denied that guards at Karsk prison" in response["sentence"]
    assert claim["published"] == "2022-03-10" and claim["sentence"].startswith("Human Rights Watch said")
    store = open_store(path, must_exist=True)
    try:
        terms = {r["t"].value for r in store.query("SELECT ?t WHERE { ?l a kg:StatementLink ; kg:sharedTerm ?t }").rows}
        rows = store.query(load_query("claims-and-denials").text).rows
    finally:
        store.close()
    assert {"tortured", "detainees", "karsk"} <= terms
    across = [r for r in rows if r["claimArticle"] != r["denialArticle"]]
    assert [(r["claimant"].value, r["denier"].value) for r in across] == [("Human Rights Watch", "Pavel Orlov")]
    assert across[0]["why"].value.startswith("answer: names the claimant")
    explained = runner.invoke(main, ["stories", "--explain", "all", "--store", str(path)])
    assert explained.exit_code == 0 and "Human Rights Watch said on Thursday" in explained.output
    assert "Pavel Orlov on Monday denied" in explained.output and "shared words" in explained.output


def test_two_denials_by_one_minister_about_different_matters_a_year_apart_answer_nothing(runner, data_dir, tmp_path):
    """The minister's 2023 denial names Human Rights Watch too, but shares no specific words with its 2022
    accusation: it answers nothing, and neither denial answers the other."""
    path = tmp_path / "store"
    _ingest_answers(runner, data_dir, path, ANSWERS)
    answering = {x["a"].split("/statement/")[0] for x in _links(path) if x["kind"] == "answer"}
    store = open_store(path, must_exist=True)
    try:
        later = store.query("SELECT ?a WHERE { ?a schema:datePublished ?d FILTER(STR(?d) = '2023-03-20') }").rows
    finally:
        store.close()
    assert len(answering) == 1 and later[0]["a"].value not in answering


@pytest.mark.parametrize("order", [ANSWERS, list(reversed(ANSWERS)), [ANSWERS[1], ANSWERS[2], ANSWERS[0]]])
def test_answers_one_article_at_a_time_equal_a_rebuild(runner, data_dir, tmp_path, order):
    path = tmp_path / "store"
    _ingest_answers(runner, data_dir, path, order)
    incremental = _stories_graph(path)
    assert any("#respondsTo>" in line for line in incremental) and any("#sharedTerm>" in line for line in incremental)
    result = runner.invoke(main, ["stories", "--rebuild", "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert _stories_graph(path) == incremental


def test_two_reports_of_one_bombing_a_day_apart_are_one_story(runner, data_dir, tmp_path):
    path = tmp_path / "store"
    result = runner.invoke(main, ["ingest", str(data_dir / "bombing"), "--store", str(path)])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(main, ["stories", "--format", "csv", "--store", str(path)])
    rows = listed.output.strip().splitlines()[1:]
    assert len(rows) == 1 and ",Attack: " in rows[0] and ",2,0,2021-06-02,2021-06-03" in rows[0]
    everything = runner.invoke(main, ["stories", "--all", "--format", "csv", "--store", str(path)])
    assert len(everything.output.strip().splitlines()) - 1 > 1  # single-article stories too
    story = rows[0].split(",", 1)[0]
    explained = runner.invoke(main, ["stories", "--explain", story, "--store", str(path)])
    assert explained.exit_code == 0, explained.output
    assert "event link (same event)" in explained.output and "same type Attack" in explained.output
    assert "same place kirkuk" in explained.output
    assert "2021-06-02 Bomb Attack on Kirkuk Market" in explained.output
    assert "2021-06-03 Fourteen Dead in Kirkuk Market Bombing" in explained.output


def _statement(iri, article, kind, speaker, words, published, named=(), stories=()):
    return {
        "iri": iri,
        "article": article,
        "kind": kind,
        "speaker": speaker,
        "words": set(words.split()),
        "published": published,
        "named": set(named),
        "about_author": None,
        "stories": set(stories),
    }


def test_an_answer_needs_one_matter_specific_words_and_the_right_time():
    from kg.match import Rarity, answer_link, claim_link

    # 1,000 statements: "government" and "united"/"states" are common, the others rare
    rarity = Rarity(1000, {"government": 120, "united": 90, "states": 90, "tortured": 3, "karsk": 2, "guards": 4})
    claim = _statement("c", "A", "accusation", "hrw", "guards karsk tortured government", "2022-03-10")
    denial = _statement("d", "B", "denial", "orlov", "guards karsk tortured government", "2022-03-14", named={"hrw"})
    score, shared, rule, why = answer_link(denial, claim, rarity, 90)
    assert rule.startswith("answer: names the claimant") and shared[:2] == ["karsk", "tortured"]
    assert "government" not in shared and score > 0
    # common words are no evidence
    vague = _statement("v", "B", "denial", "orlov", "united states government", "2022-03-14", named={"hrw"})
    assert (
        answer_link(vague, _statement("c2", "A", "claim", "hrw", "united states government", "2022-03-10"), rarity, 90)
        is None
    )
    # nothing ties them to one matter: no name, no shared story
    assert answer_link({**denial, "named": set()}, claim, rarity, 90) is None
    # one story ties them, within the window, never before the claim
    same_story = {**denial, "named": set(), "stories": {"s1"}}
    assert answer_link(same_story, {**claim, "stories": {"s1"}}, rarity, 90)[2].startswith("answer: same story")
    assert answer_link({**same_story, "published": "2023-03-14"}, {**claim, "stories": {"s1"}}, rarity, 90) is None
    assert answer_link({**same_story, "published": "2022-03-01"}, {**claim, "stories": {"s1"}}, rarity, 90) is None
    # naming the claimant lifts the window, not the order
    assert answer_link({**denial, "published": "2023-05-01"}, claim, rarity, 90) is not None
    assert answer_link({**denial, "published": "2022-03-01"}, claim, rarity, 90) is None
    # the same claim: one speaker, overlapping words with specific ones, within the window
    again = _statement("c3", "C", "claim", "hrw", "guards karsk tortured government", "2022-04-01")
    assert claim_link(claim, again, rarity, 90) is not None
    assert claim_link(claim, {**again, "published": "2023-04-01"}, rarity, 90) is None


def test_undated_events_of_one_actor_with_different_triggers_are_not_one_event():
    """With no date and no time to compare, one man's conviction and his sentencing share type and
    participant but are two rulings; the same trigger may still join two undated reports."""
    from kg.match import EventRecord, pair_score

    convicted = EventRecord("e1", "a1", "Ruling", "convicted", None, None, None, {"person/orin-vale"})
    sentenced = EventRecord("e2", "a2", "Ruling", "sentenced", None, None, None, {"person/orin-vale"})
    also_convicted = EventRecord("e3", "a3", "Ruling", "convicted", None, None, None, {"person/orin-vale"})
    assert pair_score(convicted, sentenced) == (0.0, [])
    assert pair_score(convicted, also_convicted)[0] >= 0.6


@pytest.mark.parametrize("ref", ["Warren Jeffs", "kgd:story/event/x> } UNION { ?s ?p ?o", "<https://example.org/a b>"])
def test_a_reference_that_is_not_an_iri_is_refused_before_any_query(runner, harbour, store_path, ref):
    assert runner.invoke(main, ["ingest", str(harbour), "--store", str(store_path)]).exit_code == 0
    result = runner.invoke(main, ["stories", "--explain", ref, "--store", str(store_path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"Error: {ref!r} is not an IRI: give it as kg prints it (kgd:... or https://...)"
    )
