"""The JSON contract of ``kg extract``: field names and offsets are public and must stay stable."""

from __future__ import annotations

import json

from kg.cli import main

ARTICLE_FIELDS = {"id", "title", "url", "publisher", "published", "text"}
ENTITY_FIELDS = {"id", "name", "type", "aliases", "mentions", "same_as", "type_evidence"}
STATEMENT_FIELDS = {
    "id",
    "speaker",
    "speaker_text",
    "cue",
    "cue_span",
    "content",
    "content_span",
    "kind",
    "quote",
    "report",
    "responds_to",
    "about",
    "continues",
}
REPORT_FIELDS = {"id", "author", "title", "published", "findings"}
EVENT_FIELDS = {
    "id",
    "type",
    "trigger",
    "span",
    "time",
    "time_text",
    "place",
    "participants",
    "quantities",
    "reported_by",
    "factuality",
}
FACTUALITY_FIELDS = {
    "asserted",
    "certainty",
    "polarity",
    "future",
    "special",
    "attributed",
    "cue",
    "holder",
    "holder_text",
}


def _extract(runner, *args):
    result = runner.invoke(main, ["extract", *map(str, args)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_top_level_and_nested_fields(runner, harbour):
    [doc] = _extract(runner, harbour)
    assert set(doc) == {"article", "entities", "statements", "reports", "events", "relations"}
    assert set(doc["article"]) == ARTICLE_FIELDS
    assert doc["entities"], "the article names organisations and places"
    for ent in doc["entities"]:
        assert set(ent) == ENTITY_FIELDS
        assert ent["type"] in {"Organization", "Person", "Place", "Group", "Other"}
        [why] = ent["type_evidence"]  # why the article gives the entity its type
        assert set(why) == {"type", "strength", "cue"} and why["type"] == ent["type"]
        assert why["strength"] in {"decisive", "contextual", "ner"}
    for st in doc["statements"]:
        assert set(st) == STATEMENT_FIELDS
    for rep in doc["reports"]:
        assert set(rep) == REPORT_FIELDS
    for ev in doc["events"]:
        assert set(ev) == EVENT_FIELDS
        f = ev["factuality"]
        assert set(f) == FACTUALITY_FIELDS
        assert f["certainty"] in {"certain", "probable", "possible", "underspecified"}
        assert f["polarity"] in {"positive", "negative"}
        assert f["special"] in {"none", "generic", "conditional"}
        plain = f["certainty"] == "certain" and f["polarity"] == "positive" and f["special"] == "none"
        assert f["asserted"] == (plain and not f["future"] and not f["attributed"])
        assert ev["reported_by"] is None or f["attributed"]
    for rel in doc["relations"]:
        assert set(rel) == {"subject", "predicate", "object", "span"}
        start, end = rel["span"]
        assert 0 <= start < end <= len(doc["article"]["text"]), "a relation carries the words that state it"


def test_offsets_index_the_text_and_ids_refer_within(runner, harbour):
    [doc] = _extract(runner, harbour)
    text = doc["article"]["text"]
    ids = {e["id"] for e in doc["entities"]}
    assert len(ids) == len(doc["entities"]), "entity ids are unique"
    for ent in doc["entities"]:
        for start, end in ent["mentions"]:
            mention = text[start:end]
            assert 0 <= start < end <= len(text)
            assert any(
                mention.lower() in n.lower() or n.lower() in mention.lower() for n in [ent["name"], *ent["aliases"]]
            )
    for st in doc["statements"]:
        assert st["speaker"] is None or st["speaker"] in ids


def test_json_lines_for_several_articles(runner, harbour, data_dir):
    docs = _extract(runner, harbour, data_dir / "wires.jsonl")
    assert len(docs) == 3
    assert len({d["article"]["id"] for d in docs}) == 3


def test_metadata_options_reach_the_contract(runner, harbour):
    [doc] = _extract(
        runner, harbour, "--published", "2025-03-15", "--url", "https://example.org/a", "--publisher", "Daily"
    )
    assert doc["article"]["published"] == "2025-03-15"
    assert doc["article"]["url"] == "https://example.org/a"
    assert doc["article"]["publisher"] == "Daily"
