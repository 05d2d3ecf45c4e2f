"""End to end on the shared example article: the CLI ingests it, SPARQL finds the actors."""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.store import open_store

EXPECTED = ["Amnesty International", "Hamas", "Israel", "Gaza", "Reuters", "Ilan Rosenberg", "Amnesty Israel"]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, request):
    from click.testing import CliRunner

    from tests.conftest import SHARED

    path = SHARED / "examples" / "amnesty-report.txt"
    assert path.is_file(), f"missing {path}"
    store_path = tmp_path_factory.mktemp("e2e") / "store"
    result = CliRunner().invoke(main, ["ingest", str(path), "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    return store_path, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", EXPECTED)
def test_actor_is_in_the_graph_with_mentions_pointing_at_it(ingested, name):
    store_path, _ = ingested
    store = open_store(store_path, must_exist=True)
    try:
        rows = store.query(
            """
            SELECT ?entity ?text ?begin ?end ?articleText WHERE {
              ?entity rdfs:label ?label ; kg:mention ?m .
              FILTER(LCASE(STR(?label)) = LCASE(STR(?name)))
              ?m nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?text ; kg:inArticle ?a .
              ?a kg:text ?articleText .
            }""",
            {"name": __import__("kg.queries", fromlist=["parse_value"]).parse_value(name)},
        ).rows
    finally:
        store.close()
    assert rows, f"{name} is not in the graph"
    for row in rows:
        text = row["articleText"].value
        begin, end = int(row["begin"].value), int(row["end"].value)
        assert text[begin:end] == row["text"].value
    # Names, and also pronouns and descriptions that refer to the entity ("it", "the group").
    assert any(name.lower().split()[0] in row["text"].value.lower() for row in rows)


def test_extract_json_on_the_example(runner, example_article):
    result = runner.invoke(main, ["extract", str(example_article)])
    doc = json.loads(result.stdout)
    types = {e["name"]: e["type"] for e in doc["entities"]}
    assert types["Amnesty International"] == "Organization"
    assert types["Amnesty Israel"] == "Organization"
    assert types["Ilan Rosenberg"] == "Person"
    assert types["Kibbutz Kfar Aza"] == "Place"
    assert "Amnesty" in next(e for e in doc["entities"] if e["name"] == "Amnesty International")["aliases"]
