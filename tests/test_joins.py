"""Automatic joins (kg/layers/joins.py): a surname alone joins the one full name of the store ending in
it when the articles agree; recorded with its evidence, shown by kg entities, undone by kg split."""

from __future__ import annotations

import csv
import io

import pytest

from kg.cli import main
from kg.ingest import prepare
from kg.layers import sync_layers
from kg.layers.joins import find_joins, single_name, surname_of
from kg.model import Article, Entity, Extraction
from kg.store import open_store
from tests.conftest import write_texts


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Marten Holloway", "holloway"),
        ("Idris al-Haddad", "haddad"),
        ("Samuel Okoro Jr.", "okoro"),
        ("Anna-Lena Brück", "bruck"),
        ("Holloway", None),
    ],
)
def test_surname_of(name, surname):
    assert surname_of(name) == surname


@pytest.mark.parametrize(
    ("label", "surname"),
    [("Holloway", "holloway"), ("al-Haddad", "haddad"), ("UNHCR", None), ("Marten Holloway", None)],
)
def test_single_name(label, surname):
    assert single_name(label) == surname


# ----------------------------------------------------------- the rule, on article graphs built by hand


def _write(store, aid: str, names: dict[str, str], *, aliases: dict[str, list[str]] | None = None) -> None:
    """An article graph naming these entities ({name: type}), each once, written and taken in."""
    text = ". ".join(names) + "."
    entities, at = [], 0
    for name, type_ in names.items():
        key = f"{type_.lower()}/{name.lower().replace(' ', '-').replace('.', '')}"
        entities.append(Entity(key, name, type_, list((aliases or {}).get(name, [])), [(at, at + len(name))]))
        at += len(name) + 2
    item = prepare([], Extraction(Article(text=text, id=aid), entities=entities))
    store.replace_graph(item.graph, item.ntriples)
    sync_layers(store)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "store") as s:
        yield s


PORT = {"Port of Ellsby": "Place", "Brenmark Lines": "Organization"}


def _joined(store):
    joins, _ = find_joins(store)
    return [(j.surname.name, j.full.name) for j in joins]


def test_shared_specific_entities_join(store):
    _write(store, "a1", {"Marten Holloway": "Person", **PORT})
    _write(store, "a2", {"Holloway": "Person", **PORT})
    assert _joined(store) == [("Holloway", "Marten Holloway")]
    (join,) = find_joins(store)[0]
    assert join.evidence() == "surname of Marten Holloway; shared: Brenmark Lines, Port of Ellsby"


def test_two_candidates_no_join(store):
    _write(store, "a1", {"Marten Holloway": "Person", **PORT})
    _write(store, "a2", {"Holloway": "Person", **PORT})
    _write(store, "a3", {"Greta Holloway": "Person", "Fennick": "Place"})
    assert _joined(store) == []


def test_a_full_name_of_another_type_blocks(store):
    _write(store, "a1", {"Marten Holloway": "Person", **PORT})
    _write(store, "a2", {"Holloway": "Person", **PORT})
    _write(store, "a3", {"Greta Holloway": "Organization"})
    assert _joined(store) == []


def test_no_shared_context_no_join(store):
    _write(store, "a1", {"Marten Holloway": "Person", **PORT})
    _write(store, "a2", {"Holloway": "Person", "Lindqvist": "Place", "Osterby": "Place"})
    joins, turned_down = find_joins(store)
    assert joins == [] and [(j.surname.name, j.full.name) for j in turned_down] == [("Holloway", "Marten Holloway")]


def test_every_article_of_the_surname_must_agree(store):
    """A join renames the surname in every article: one article about something else stops it."""
    _write(store, "a1", {"Marten Holloway": "Person", **PORT})
    _write(store, "a2", {"Holloway": "Person", **PORT})
    _write(store, "a3", {"Holloway": "Person", "Lindqvist": "Place", "Osterby": "Place"})
    joins, (turned_down,) = find_joins(store)
    assert joins == [] and turned_down.untied == {"https://w3id.org/kg-news/id/article/a3"}


def test_one_shared_entity_is_not_enough(store):
    _write(store, "a1", {"Marten Holloway": "Person", "Port of Ellsby": "Place"})
    _write(store, "a2", {"Holloway": "Person", "Port of Ellsby": "Place"})
    assert _joined(store) == []


def test_common_entities_are_no_evidence(store):
    """Entities many articles of the store name (a country) do not tie two articles together."""
    common = {"Freedonia": "Place", "Freedonian Army": "Organization"}
    _write(store, "a1", {"Marten Holloway": "Person", **common})
    _write(store, "a2", {"Holloway": "Person", **common})
    assert _joined(store) == [("Holloway", "Marten Holloway")]
    for i in range(3, 80):
        _write(store, f"a{i}", {**common, f"Town {i}": "Place"})
    assert _joined(store) == []


@pytest.mark.parametrize(("alias", "joined"), [("Greta", False), ("G. Holloway", False), ("M. Holloway", True)])
def test_conflicting_first_name(store, alias, joined):
    _write(store, "a1", {"Marten Holloway": "Person", **PORT})
    _write(store, "a2", {"Holloway": "Person", **PORT}, aliases={"Holloway": [alias]})
    assert bool(_joined(store)) == joined


# ------------------------------------------------------------------- end to end, through the CLI

FULL = """Dock workers at the Port of Ellsby walked off the job on Monday.

Marten Holloway, the head of the Ellsby Dockers Union, said the strike would last at least a week. The shipping firm \
Brenmark Lines said it had sent three vessels to Tarrow Bay.
"""
SURNAME = """The strike at the Port of Ellsby entered its third day on Wednesday.

Mr. Holloway said the union would not go back to the table until the shipping firm Brenmark Lines raised wages. \
Mr. Holloway spoke to several hundred workers near Tarrow Bay.
"""
FAIR = """The annual cheese fair in Lindqvist drew large crowds on Sunday.

Mr. Holloway, who judged the contest, said the goat cheeses were the best in years. He gave the first prize to a farm \
near Osterby.
"""
OTHER = """Greta Holloway opened a bakery in Fennick on Saturday.

The shop sells rye bread and cakes, and Greta Holloway said she hoped to hire four bakers by the spring.
"""


def _entities(runner, store_path) -> dict[str, dict]:
    result = runner.invoke(main, ["entities", "--type", "Person", "--format", "csv", "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    return {row["key"]: row for row in csv.DictReader(io.StringIO(result.stdout))}


def _ingest(runner, store_path, *paths) -> str:
    result = runner.invoke(main, ["ingest", *map(str, paths), "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    return result.stderr


@pytest.mark.parametrize("order", [("surname", "full"), ("full", "surname")])
def test_join_whatever_the_order(runner, tmp_path, store_path, order):
    paths = write_texts(tmp_path, full=FULL, surname=SURNAME)
    said = [_ingest(runner, store_path, paths[name]) for name in order]
    assert "Joined" not in said[0] and "Joined 1 surname(s) to a full name across articles" in said[1]
    people = _entities(runner, store_path)
    assert "person/holloway" not in people
    joined = people["person/marten-holloway"]
    assert joined["articles"] == "2" and "Holloway" in joined["aliases"].split("; ")
    assert joined["merged"].startswith("Holloway (joined: surname of Marten Holloway; shared: ")
    assert "Brenmark Lines" in joined["merged"] and "Port of Ellsby" in joined["merged"]
    assert runner.invoke(main, ["validate", "--store", str(store_path)]).exit_code == 0
    why = runner.invoke(main, ["entities", "--why", "--store", str(store_path)]).stdout
    assert why.startswith("Marten Holloway (person/marten-holloway) <- Holloway (joined: surname of Marten Holloway; ")
    assert len(why.splitlines()) == 1


def test_split_sticks(runner, tmp_path, store_path):
    paths = write_texts(tmp_path, full=FULL, surname=SURNAME, again=SURNAME.replace("third", "fourth"), other=OTHER)
    _ingest(runner, store_path, paths["full"], paths["surname"])
    assert "person/holloway" not in _entities(runner, store_path)

    result = runner.invoke(main, ["split", "person/marten-holloway", "person/holloway", "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert "person/holloway" in _entities(runner, store_path)
    _ingest(runner, store_path, paths["again"])  # a new article naming Holloway: the user's split holds
    people = _entities(runner, store_path)
    assert people["person/holloway"]["articles"] == "2" and not people["person/marten-holloway"]["merged"]

    # the user merges them after all: a second Holloway lifts joins, never the user's merges
    result = runner.invoke(main, ["merge", "person/marten-holloway", "person/holloway", "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    _ingest(runner, store_path, paths["other"])
    people = _entities(runner, store_path)
    assert "person/holloway" not in people
    assert people["person/marten-holloway"]["merged"] == "Holloway (merged by user)"


def test_a_second_full_name_lifts_a_join(runner, tmp_path, store_path):
    paths = write_texts(tmp_path, full=FULL, surname=SURNAME, other=OTHER)
    _ingest(runner, store_path, paths["full"], paths["surname"])
    assert "person/holloway" not in _entities(runner, store_path)
    _ingest(runner, store_path, paths["other"])
    people = _entities(runner, store_path)
    assert {"person/holloway", "person/greta-holloway"} <= set(people)
    assert not people["person/marten-holloway"]["merged"]


@pytest.mark.parametrize(
    "order", [("full", "surname", "fair"), ("fair", "surname", "full"), ("surname", "fair", "full")]
)
def test_a_surname_article_about_something_else_stops_the_join(runner, tmp_path, store_path, order):
    """Whatever the order, the Holloway of the cheese fair is not joined, so neither is the other."""
    paths = write_texts(tmp_path, full=FULL, surname=SURNAME, fair=FAIR)
    for name in order:
        _ingest(runner, store_path, paths[name])
    people = _entities(runner, store_path)
    assert people["person/holloway"]["articles"] == "2" and not people["person/marten-holloway"]["merged"]


def test_a_join_recorded_by_a_stopped_run_is_applied_by_the_next(runner, tmp_path, store_path, monkeypatch):
    import kg.ingest
    from kg.layers.joins import record_join

    weather = "Heavy rain closed two roads near Fennick on Thursday, the Fennick fire brigade said.\n"
    paths = write_texts(tmp_path, full=FULL, surname=SURNAME, weather=weather)
    with monkeypatch.context() as m:
        m.setattr(kg.ingest, "sync_joins", lambda store, written: (0, []))
        _ingest(runner, store_path, paths["full"], paths["surname"])
    with open_store(store_path, must_exist=True) as store:
        (join,), _ = find_joins(store)
        record_join(store, join)  # the run stops here, before the surname's article is extracted again
    assert "person/holloway" in _entities(runner, store_path)
    _ingest(runner, store_path, paths["weather"])
    assert "person/holloway" not in _entities(runner, store_path)


def _quads(store_path) -> list[str]:
    stamps = ("#ingestedAt>", "/prov#generatedAtTime>", "#lockedAt>")
    with open_store(store_path, must_exist=True) as store:
        lines = store.dump("nq").decode().splitlines()
    return sorted(line for line in lines if not any(s in line for s in stamps))


def test_a_join_made_in_the_run_maps_its_articles_again_without_parsing_them(runner, tmp_path, store_path, monkeypatch):
    """The surname's article, extracted by the same run, is mapped again from its extraction when the
    join is made: the store is the one extracting it again from its stored text gives."""
    import kg.ingest

    paths = write_texts(tmp_path, surname=SURNAME, full=FULL)
    extracted = []
    real = kg.ingest.extract_many
    monkeypatch.setattr(kg.ingest, "extract_many", lambda arts: real(extracted.extend(arts) or arts))
    assert "Joined 1 surname" in _ingest(runner, store_path, paths["surname"], paths["full"])
    assert extracted == []  # nothing parsed again
    kept = _quads(store_path)
    assert "person/holloway" not in _entities(runner, store_path)

    monkeypatch.setattr(kg.ingest, "_KEPT", 0)  # nothing kept: extracted again from the stored text
    again = tmp_path / "again"
    assert "Joined 1 surname" in _ingest(runner, again, paths["surname"], paths["full"])
    assert len(extracted) == 1
    assert _quads(again) == kept
