"""Coreference metrics on small cases worked out by hand, and the cross-document method."""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.coref_metrics import b_cubed, ceaf_e, conll, muc
from kg.crossdoc import EventMention, event_chains, lemma_baseline, story_groups


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


def test_event_chains_respect_conflicts_and_stories():
    ms = [
        EventMention("a:1", "a", "attack", "Attack", "2024-03-02", "place/x"),
        EventMention("b:1", "b", "assault", "Attack", "2024-03", "place/x"),
        EventMention("c:1", "c", "attack", "Attack", "2022-01-01", "place/x"),  # another attack, another year
        EventMention("d:1", "d", "say", "Statement"),
        EventMention("e:1", "e", "say", "Statement"),
    ]
    chains = {frozenset(c) for c in event_chains(ms, {"a": 0, "b": 0, "c": 0, "d": 0, "e": 1})}
    assert frozenset({"a:1", "b:1"}) in chains and frozenset({"c:1"}) in chains
    assert frozenset({"d:1"}) in chains  # other story
    assert {frozenset(c) for c in lemma_baseline(ms)} >= {frozenset({"a:1", "c:1"}), frozenset({"d:1", "e:1"})}


def test_story_groups():
    from collections import Counter

    bags = {
        "a": Counter("earthquake california magnitude kill".split()),
        "b": Counter("earthquake california damage kill".split()),
        "c": Counter("election vote parliament minister".split()),
    }
    groups = story_groups(bags)
    assert groups["a"] == groups["b"] != groups["c"]


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
    # entities: Chile in two documents is one chain, Peru another; kg's canonical keys find both
    assert out["entities"]["gold chains"] == 2
    assert out["entities"]["gold mentions"]["kg"]["conll_f1"] == 1.0


def test_an_article_naming_two_stories_does_not_join_them():
    from collections import Counter

    bags = {
        "q1": Counter("earthquake magnitude california coast damage tremor".split()),
        "q2": Counter("earthquake magnitude california tremor aftershock".split()),
        "q3": Counter("earthquake magnitude california damage aftershock".split()),
        "e1": Counter("earthquake magnitude indonesia island tsunami warning".split()),
        "e2": Counter("earthquake magnitude indonesia tsunami island evacuation".split()),
        "e3": Counter("earthquake magnitude indonesia island evacuation warning".split()),
        # similar to both stories (cosine above 0.3 to one article of each): pairwise linking would chain them
        "both": Counter("earthquake california indonesia tsunami damage".split()),
    }
    groups = story_groups(bags, threshold=0.3)
    assert groups["q1"] == groups["q2"] == groups["q3"] != groups["e1"] == groups["e2"] == groups["e3"]


def test_mentions_of_one_extracted_event_stay_one_chain():
    # "The blast ... the explosion": one event within article a, though the lemmas differ
    ms = [
        EventMention("a:1", "a", "blast", event="a:v1"),
        EventMention("a:2", "a", "explosion", event="a:v1"),
        EventMention("b:1", "b", "explosion", event="b:v1"),
        EventMention("b:2", "b", "vote", event="b:v2"),
    ]
    chains = {frozenset(c) for c in event_chains(ms, {"a": 0, "b": 0})}
    assert frozenset({"a:1", "a:2", "b:1"}) in chains and frozenset({"b:2"}) in chains


def test_trigger_keys_meet_across_word_forms_and_synonyms():
    from kg.crossdoc import trigger_key

    assert trigger_key("shooting") == trigger_key("shoot") == trigger_key("gunfire")
    assert trigger_key("bombing") == trigger_key("bomb") and trigger_key("stabbing") == trigger_key("stab")
    assert trigger_key("arrest") == trigger_key("nab") and trigger_key("death") == trigger_key("die")
    assert trigger_key("election") == trigger_key("elect")
    assert trigger_key("arrest") != trigger_key("election") != trigger_key("shoot")


def test_speech_acts_corefer_only_with_a_shared_speaker():
    # Two articles of one story: the police spoke in both, the mayor in one; the shootings are one event
    ms = [
        EventMention("a:1", "a", "say", "Statement", agents=frozenset({"police"})),
        EventMention("b:1", "b", "tell", "Statement", agents=frozenset({"police"})),
        EventMention("b:2", "b", "say", "Statement", agents=frozenset({"mayor"})),
        EventMention("c:1", "c", "say", "Statement"),
        EventMention("a:2", "a", "shooting", "Attack"),
        EventMention("b:3", "b", "shoot", "Other"),
    ]
    chains = {frozenset(c) for c in event_chains(ms, {"a": 0, "b": 0, "c": 0})}
    assert frozenset({"a:1", "b:1"}) in chains
    assert frozenset({"b:2"}) in chains and frozenset({"c:1"}) in chains
    assert frozenset({"a:2", "b:3"}) in chains


def test_speech_acts_are_keyed_by_their_speakers_head_even_unnamed():
    from kg.crossdoc import _speech_acts
    from kg.extract import extract_docs
    from kg.model import Article

    [(doc, x)] = list(extract_docs([Article(text="The local police said that the bridge was closed.", id="a")]))
    [stmt] = x.statements
    assert _speech_acts(doc, x) == {tuple(stmt.cue_span): ("police", frozenset({"bridge", "closed"}))}


def test_speech_acts_reporting_one_claim_corefer_whoever_is_named():
    from kg.stories import claim_words

    host = frozenset(claim_words("Hugh Jackman will host the Academy Awards ceremony in February"))
    host2 = frozenset(claim_words("Jackman will host the Academy Awards in February"))
    other = frozenset(claim_words("ticket prices for the ceremony will rise by a tenth"))
    ms = [
        EventMention("a:1", "a", "announce", "Statement", agents=frozenset({"academy"}), said=host),
        EventMention("b:1", "b", "announce", "Statement", agents=frozenset({"organizers"}), said=host2),
        EventMention("c:1", "c", "announce", "Statement", agents=frozenset({"producers"}), said=other),
    ]
    chains = {frozenset(c) for c in event_chains(ms, {"a": 0, "b": 0, "c": 0})}
    assert frozenset({"a:1", "b:1"}) in chains and frozenset({"c:1"}) in chains
