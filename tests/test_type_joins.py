"""Joins by type (kg/layers/type_joins.py): a name two articles type differently is one node when one
type has decisive evidence and the others NER's label only; a tie stays two nodes; kg split undoes it."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.cli import main
from kg.layers.type_joins import Said, decide
from kg.store import open_store
from tests.conftest import write_texts

G = "https://w3id.org/kg-news/id/article/"


def _said(graph: str, key: str, strength: str, cue: str = "") -> Said:
    return Said(G + graph, key, strength, cue, "Brindlemoor")


def test_decisive_against_ner_joins():
    (join,) = decide(
        [
            _said("a1", "place/brindlemoor", "decisive", "kind noun 'town'"),
            _said("a2", "organization/brindlemoor", "ner"),
            _said("a3", "organization/brindlemoor", "ner"),
        ]
    )
    assert (join.merged, join.into, join.name) == ("organization/brindlemoor", "place/brindlemoor", "Brindlemoor")
    assert join.evidence == (
        "Place: decisive in 1 article (kind noun 'town'); Organization: NER's label only, in 2 articles"
    )
    assert join.graphs == {G + "a2", G + "a3"}


def test_every_weaker_type_joins():
    joins = decide(
        [
            _said("a1", "place/brindlemoor", "decisive"),
            _said("a2", "organization/brindlemoor", "ner"),
            _said("a3", "person/brindlemoor", "ner"),
        ]
    )
    assert [(j.merged, j.into) for j in joins] == [
        ("organization/brindlemoor", "place/brindlemoor"),
        ("person/brindlemoor", "place/brindlemoor"),
    ]


@pytest.mark.parametrize(
    "said",
    [
        # a tie: both types decisive somewhere
        [_said("a1", "place/brindlemoor", "decisive"), _said("a2", "organization/brindlemoor", "decisive")],
        # nothing decisive: NER against NER
        [_said("a1", "place/brindlemoor", "ner"), _said("a2", "organization/brindlemoor", "ner")],
        # a contextual cue ("Brindlemoor said") on the weaker side is more than NER's guess
        [_said("a1", "place/brindlemoor", "decisive"), _said("a2", "organization/brindlemoor", "contextual")],
        # one type only
        [_said("a1", "place/brindlemoor", "decisive"), _said("a2", "place/brindlemoor", "ner")],
    ],
)
def test_no_clear_winner_no_join(said):
    assert decide(said) == []


# ------------------------------------------------------------------- end to end, through the CLI

TOWN = """Floods close roads in the north

Heavy rain flooded the town of Brindlemoor on Tuesday, and the river burst its banks near the old mill. \
Firefighters said two bridges were closed.
"""
RESIDENTS = """Council meets on quarry

Councillors met on Thursday to discuss the quarry plan. Residents from Brindlemoor and Oskarby attended the \
meeting, which ran late into the night.
"""
COMPANY = """Mining firm hires forty workers

The mining company Brindlemoor hired forty workers this spring, its manager Ilse Tolvane said. Brindlemoor, a \
company founded in 1950, plans to open a second pit.
"""


BOUGHT = """Old pit changes hands

The old quarry near Oskarby reopened on Monday after Brindlemoor bought the site from the county.
"""


def _ingest(runner, store_path, *paths) -> str:
    result = runner.invoke(main, ["ingest", *map(str, paths), "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    return result.stderr


def _entities(runner, store_path) -> dict[str, dict]:
    result = runner.invoke(main, ["entities", "--format", "csv", "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    return {row["key"]: row for row in csv.DictReader(io.StringIO(result.stdout)) if "brindlemoor" in row["key"]}


def test_extraction_says_why(runner, tmp_path):
    """The kg extract JSON gives each entity's type with its evidence."""
    paths = write_texts(tmp_path, town=TOWN, residents=RESIDENTS)
    result = runner.invoke(main, ["extract", str(paths["town"]), str(paths["residents"])])
    assert result.exit_code == 0, result.output
    town, residents = (json.loads(line) for line in result.stdout.splitlines())
    evidence = {e["id"]: e["type_evidence"] for doc in (town, residents) for e in doc["entities"]}
    assert evidence["place/brindlemoor"] == [{"type": "Place", "strength": "decisive", "cue": "kind noun 'town'"}]
    assert evidence["organization/brindlemoor"] == [{"type": "Organization", "strength": "ner", "cue": "NER label"}]


@pytest.mark.parametrize("order", [("town", "residents"), ("residents", "town")])
def test_a_name_typed_two_ways_is_one_node(runner, tmp_path, store_path, order):
    paths = write_texts(tmp_path, town=TOWN, residents=RESIDENTS)
    said = [_ingest(runner, store_path, paths[name]) for name in order]
    assert "typed differently" not in said[0] and "Joined 1 name(s) NER typed differently" in said[1]
    found = _entities(runner, store_path)
    assert list(found) == ["place/brindlemoor"]
    assert found["place/brindlemoor"]["articles"] == "2"
    assert found["place/brindlemoor"]["merged"] == (
        "Brindlemoor (joined: Place: decisive in 1 article (kind noun 'town'); "
        "Organization: NER's label only, in 1 article)"
    )
    assert runner.invoke(main, ["validate", "--store", str(store_path)]).exit_code == 0
    with open_store(store_path, must_exist=True) as store:  # what each article said stays, under its own key
        rows = store.query(
            "SELECT ?e ?k ?s WHERE { GRAPH ?g { ?e kg:typeEvidence ?t . "
            "?t kg:extractedKey ?k ; kg:evidenceStrength ?s } }"
        ).rows
    said = {(r["e"].value.rsplit("/entity/", 1)[1], r["k"].value, r["s"].value) for r in rows}
    assert {s for s in said if "brindlemoor" in s[1]} == {
        ("place/brindlemoor", "place/brindlemoor", "decisive"),
        ("place/brindlemoor", "organization/brindlemoor", "ner"),
    }


@pytest.mark.parametrize("order", [("town", "company", "residents"), ("residents", "town", "company")])
def test_a_tie_stays_two_nodes(runner, tmp_path, store_path, order):
    """Once an article says the organisation is a company, both types have decisive evidence: the
    join made before is lifted, whatever came first."""
    paths = write_texts(tmp_path, town=TOWN, residents=RESIDENTS, company=COMPANY)
    for name in order:
        _ingest(runner, store_path, paths[name])
    found = _entities(runner, store_path)
    assert set(found) == {"place/brindlemoor", "organization/brindlemoor"}
    assert found["organization/brindlemoor"]["articles"] == "2" and not found["place/brindlemoor"]["merged"]


def test_split_undoes_and_sticks(runner, tmp_path, store_path):
    paths = write_texts(tmp_path, town=TOWN, residents=RESIDENTS, again=RESIDENTS.replace("Thursday", "Friday"))
    _ingest(runner, store_path, paths["town"], paths["residents"])
    assert list(_entities(runner, store_path)) == ["place/brindlemoor"]
    result = runner.invoke(main, ["split", "place/brindlemoor", "organization/brindlemoor", "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert set(_entities(runner, store_path)) == {"place/brindlemoor", "organization/brindlemoor"}
    _ingest(runner, store_path, paths["again"])  # another article of NER's guess: the user's split holds
    found = _entities(runner, store_path)
    assert found["organization/brindlemoor"]["articles"] == "2"
    with open_store(store_path, must_exist=True) as store:
        rows = store.query("SELECT ?c WHERE { ?c a kg:Join }").rows
    assert rows == []


def test_a_name_that_acts_is_no_guess(runner, tmp_path, store_path):
    """ "Brindlemoor bought the site": the subject of a verb with an object is an actor (a contextual
    cue), more than NER's label, so the town's article does not outweigh it."""
    paths = write_texts(tmp_path, town=TOWN, bought=BOUGHT)
    _ingest(runner, store_path, paths["town"], paths["bought"])
    assert set(_entities(runner, store_path)) == {"place/brindlemoor", "organization/brindlemoor"}
