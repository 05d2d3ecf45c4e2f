"""Only what the article itself asserts is a fact: an article written for these tests tells one attack
in its own voice ("The Northern Liberation Army attacked the town of Keltsa on Monday, killing 12
people"), a kidnapping officials fear, and a bombing the police accuse a group of. Ingested into a real
store, queries and networks show the asserted attack by default and the others only when asked, each
with the words saying how the article tells it and on whose word."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.analyze.projections import build_projection
from kg.cli import main
from kg.store import open_store

ARTICLE = Path(__file__).parent / "data" / "keltsa-attack.txt"
# the attack's two participants ("the town of Keltsa" is a place)
RELIABLE = "organization/northern-liberation-army", "place/keltsa"
FEARED = "organization/orvan-guard", "organization/sable-brotherhood"  # only the feared kidnapping joins them


@pytest.fixture(scope="module")
def keltsa(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("asserted") / "store"
    result = CliRunner().invoke(main, ["ingest", str(ARTICLE), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _query(runner, store: Path, *args: str) -> list[dict[str, str]]:
    result = runner.invoke(main, ["query", *args, "--format", "json", "--store", str(store)])
    assert result.exit_code == 0, result.output
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(result.output)["results"]["bindings"]]


def _by_trigger(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {r["trigger"]: r for r in rows}


def test_events_lists_what_the_article_asserts(runner, keltsa):
    rows = _by_trigger(_query(runner, keltsa, "events"))
    assert rows["attacked"]["type"].endswith("#Attack") and rows["attacked"]["factuality"] == "asserted"
    assert "source" not in rows["attacked"]
    assert "bombing" not in rows and "kidnap" not in rows
    assert {r["factuality"] for r in rows.values()} == {"asserted"}
    assert _by_trigger(_query(runner, keltsa, "events", "--param", "all=false")).keys() == rows.keys()


def test_all_lists_the_others_with_who_reports_them(runner, keltsa):
    rows = _by_trigger(_query(runner, keltsa, "events", "--param", "all=true"))
    assert rows["attacked"]["factuality"] == "asserted"
    bombing = rows["bombing"]  # "The Drossel Police accused the Sable Brotherhood of a bombing ..."
    assert bombing["source"] == "Drossel Police"
    assert bombing["factuality"].startswith("reported by Drossel Police") and "accused" in bombing["factuality"]
    kidnap = rows["kidnap"]  # "Officials fear that the Sable Brotherhood will kidnap ..."
    assert kidnap["factuality"] != "asserted" and "Officials" in kidnap["factuality"]
    assert "future" in kidnap["factuality"]


def test_an_actor_timeline_and_the_totals_keep_to_asserted_events(runner, keltsa):
    timeline = _query(runner, keltsa, "timeline-of-actor", "--param", "actor=Sable Brotherhood")
    assert timeline == []  # the group only takes part in what others fear or allege
    every = _query(runner, keltsa, "timeline-of-actor", "--param", "actor=Sable Brotherhood", "--param", "all=yes")
    assert {r["trigger"] for r in every} >= {"kidnap"} and all(r["factuality"] != "asserted" for r in every)
    totals = _query(runner, keltsa, "quantity-totals")
    assert {(r["counts"], r["total"], r["factuality"]) for r in totals} == {("people", "12", "asserted")}
    pairs = {(r["a"], r["b"]): r["factuality"] for r in _query(runner, keltsa, "co-participants")}
    assert ("Orvan Guard", "Sable Brotherhood") not in pairs and set(pairs.values()) == {"asserted"}
    pairs = {(r["a"], r["b"]): r["factuality"] for r in _query(runner, keltsa, "co-participants", "--param", "all=1")}
    assert "Officials" in pairs[("Orvan Guard", "Sable Brotherhood")]


def _co_participation(projection) -> dict[tuple[str, str], str]:
    short = lambda iri: iri.split("/id/entity/", 1)[-1]  # noqa: E731
    return {
        tuple(sorted((short(e.source), short(e.target)))): e.factuality
        for e in projection.edges.values()
        if e.kind == "co_participates"
    }


def test_an_alleged_event_draws_no_edge_unless_asked(keltsa):
    store = open_store(keltsa, must_exist=True)
    try:
        asserted = _co_participation(build_projection(store, "actors"))
        everything = _co_participation(build_projection(store, "actors", all_events=True))
    finally:
        store.close()
    assert asserted[tuple(sorted(RELIABLE))] == "asserted"
    assert FEARED not in asserted
    assert everything[tuple(sorted(RELIABLE))] == "asserted"
    assert everything[FEARED] != "asserted" and "Officials" in everything[FEARED]


def test_all_events_switch_of_the_network_commands(runner, keltsa, tmp_path):
    def edges(*flags: str) -> list[dict[str, str]]:
        out = tmp_path / f"net{len(flags)}.csv"
        result = runner.invoke(main, ["export", "--format", "csv", "--out", str(out), *flags, "--store", str(keltsa)])
        assert result.exit_code == 0, result.output
        with open(tmp_path / f"net{len(flags)}-edges.csv", encoding="utf-8") as f:
            return [r for r in csv.DictReader(f) if r["kind"] == "co_participates"]

    def pair(row: dict[str, str]) -> tuple[str, str]:
        return tuple(sorted(x.split("/id/entity/", 1)[-1] for x in (row["Source"], row["Target"])))

    assert FEARED not in {pair(r) for r in edges()}
    feared = [r for r in edges("--all-events") if pair(r) == FEARED]
    assert feared and "Officials" in feared[0]["factuality"]
    gexf = runner.invoke(main, ["export", "--format", "gexf", "--all-events", "--store", str(keltsa)])
    assert gexf.exit_code == 0 and 'title="factuality"' in gexf.output and "Officials" in gexf.output
    for command in ("analyze", "view", "plot"):
        assert "--all-events" in runner.invoke(main, [command, "--help"]).output
    result = runner.invoke(main, ["analyze", "--all-events", "--format", "json", "--store", str(keltsa)])
    assert result.exit_code == 0 and json.loads(result.output)["edges"] > 0


def test_the_store_validates(runner, keltsa):
    result = runner.invoke(main, ["validate", "--store", str(keltsa)])
    assert result.exit_code == 0, result.output
