"""Parameters of named queries: required ones are asked for, short class names work, unknown values
and parameters are errors, and an entity IRI selects exactly that entity."""

from __future__ import annotations

import pytest

from kg.cli import main


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from click.testing import CliRunner

    from tests.conftest import DATA

    harbour = DATA / "harbour-report.txt"
    path = tmp_path_factory.mktemp("params") / "kg-data"
    result = CliRunner().invoke(main, ["ingest", str(harbour), "--store", str(path), "--published", "2025-03-01"])
    assert result.exit_code == 0, result.output
    return path


def _query(store, *args):
    from click.testing import CliRunner

    return CliRunner().invoke(main, ["query", *args, "--store", str(store), "--format", "csv"])


def test_type_by_short_name_prefixed_name_or_iri(store):
    rows = {}
    for value in ("Person", "kg:Person", "https://w3id.org/kg-news/ontology#Person", "person"):
        result = _query(store, "entities", "--param", f"type={value}")
        assert result.exit_code == 0, result.output
        rows[value] = result.output.strip().splitlines()[1:]
    assert rows["Person"] and len({tuple(r) for r in rows.values()}) == 1


def test_an_unknown_type_lists_the_valid_ones(store):
    result = _query(store, "entities", "--param", "type=Spaceship")
    assert result.exit_code == 1
    assert "Organization, Person, Place, Group, OtherEntity" in result.output
    assert "Traceback" not in result.output


def test_a_required_parameter_is_asked_for(store):
    result = _query(store, "denials-by-actor")
    assert result.exit_code == 1 and "--param actor=" in result.output


def test_a_parameter_the_query_does_not_take_is_an_error(store):
    result = _query(store, "articles", "--param", "actor=Someone")
    assert result.exit_code == 1 and "takes no parameters" in result.output


def test_an_entity_iri_selects_that_entity(store):
    listing = _query(store, "entities").output.strip().splitlines()[1:]
    entity = listing[0].split(",")[0]
    by_iri = _query(store, "entity-mentions", "--param", f"name={entity}")
    assert by_iri.exit_code == 0, by_iri.output
    rows = by_iri.output.strip().splitlines()[1:]
    assert rows and all(r.split(",")[0] == entity for r in rows)
    everything = sum(int(line.rsplit(",", 1)[1]) for line in listing)
    assert len(rows) < everything
