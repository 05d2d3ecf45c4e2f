"""Countries and cities from the gazetteers: one country is one node whatever the article calls it,
and places link to GeoNames and ISO 3166. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from kg.extract import extract, gazetteer
from kg.extract.gazetteer import city, country
from kg.model import Article


def test_country_names_codes_and_conventional_forms():
    for name in ("US", "U.S.", "USA", "America", "United States of America", "the United States"):
        assert country(name).name == "United States", name
    for name in ("UK", "Britain", "Great Britain", "United Kingdom"):
        assert country(name).name == "United Kingdom", name
    assert country("Russian Federation").name == "Russia"
    assert country("Boeing") is None and country("IN") is None  # "IN" is a word before it is India


def test_nationality_adjectives_name_their_country():
    from kg.extract.gazetteer import demonym

    expected = {
        "Afghan": "Afghanistan",
        "Indonesian": "Indonesia",
        "Swedish": "Sweden",
        "Italian": "Italy",
        "Nigerian": "Nigeria",
        "Iraqi": "Iraq",
        "Chinese": "China",
        "Turkish": "Turkey",
        "French": "France",
        "American": "United States",
        "British": "United Kingdom",
    }
    assert {word: demonym(word).name for word in expected} == expected
    assert demonym("European") is None and demonym("Christian") is None and demonym("Korean") is None


def test_regions_are_the_states_geonames_lists():
    from kg.extract.gazetteer import place, region

    assert region("Texas").kind == "region" and region("Toulouse") is None
    assert place("Texas").iris == ["https://sws.geonames.org/4736286/"]


def test_cities_only_when_clearly_one_place():
    assert city("Basra").kind == "city" and city("Toulouse") is not None
    assert city("Springfield") is None  # many towns of that name, none far larger than the others
    assert city("Kazemi") is None


def test_one_country_across_its_names_and_articles():
    first = extract(Article(text="Talks\n\nThe US and Britain signed a trade pact. America will cut tariffs."))
    second = extract(Article(text="Visit\n\nThe United States sent an envoy to the United Kingdom."))
    ids = [{e.id: e for e in x.entities if e.type == "Place"} for x in (first, second)]
    assert set(ids[0]) == set(ids[1]) == {"place/united-states", "place/united-kingdom"}
    us = ids[0]["place/united-states"]
    assert {"US", "America"} <= set(us.aliases)
    assert "https://sws.geonames.org/6252001/" in us.same_as and "urn:iso:std:iso:3166:-1:US" in us.same_as


def test_a_city_links_to_geonames_and_keeps_the_articles_name():
    x = extract(Article(text="Blast\n\nA car bomb exploded in Basra on Sunday, police in Baghdad said."))
    basra = next(e for e in x.entities if e.name == "Basra")
    assert basra.type == "Place" and basra.same_as == ["https://sws.geonames.org/99532/"]


@pytest.mark.parametrize("name", ["AMD", "Google", "White House", "Hamas", "ABC", "PKK", "Mac", "Ben", "Can"])
def test_codes_translations_and_stunt_names_are_no_places(name):
    assert gazetteer.place(name) is None


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Herat", "Herāt"),
        ("Calcutta", "Kolkata"),
        ("Peking", "Beijing"),
        ("New York", "New York City"),
        ("USA", "United States"),
    ],
)
def test_a_place_is_known_by_its_plain_and_former_names(name, canonical):
    assert gazetteer.place(name).name == canonical


def test_a_title_before_an_organisation_is_not_its_description():
    text = (
        "Chipmaker buys server firm\n\n"
        "Dalvik Systems agreed to buy Norrow for $300 million. "
        "\u201cThis makes us stronger,\u201d said Ana Ruiz, president and CEO, Dalvik Systems."
    )
    types = {e.name: e.type for e in extract(Article(text=text)).entities}
    assert types.get("Dalvik Systems") == "Organization"


@pytest.mark.parametrize(
    "sentence",
    [
        "Minister Ada Kovac wrote on Twitter that the talks had failed.",
        "The mayor congratulated the team on Twitter on Sunday.",
    ],
)
def test_where_someone_writes_is_a_medium_not_a_person(sentence):
    types = {e.name: e.type for e in extract(Article(text=f"Talks\n\n{sentence}\n")).entities}
    assert types.get("Twitter") == "Organization"
