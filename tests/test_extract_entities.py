"""Entity extraction: sentences in, expected (name, type) out; merging within an article."""

from __future__ import annotations

import pytest

from kg.extract.entities import entity_key, extract_entities, normalise
from kg.model import Article


def _entities(nlp, text):
    return extract_entities(nlp(Article(text=text).text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chancellor Olaf Scholz met Emmanuel Macron in Paris on Monday.",
            {("Olaf Scholz", "Person"), ("Emmanuel Macron", "Person"), ("Paris", "Place")},
        ),
        (
            "The World Health Organization said the outbreak in Brazil was slowing.",
            {("World Health Organization", "Organization"), ("Brazil", "Place")},
        ),
        ("Thousands of Ukrainians fled to Poland after the attack.", {("Ukrainians", "Group"), ("Poland", "Place")}),
    ],
)
def test_names_and_types(nlp, text, expected):
    found = {(e.name, e.type) for e in _entities(nlp, text)}
    assert expected <= found


def test_short_form_joins_the_full_name(nlp):
    text = (
        "Microsoft Corporation reported higher profits on Tuesday. "
        "Analysts said Microsoft had benefited from cloud demand."
    )
    ents = {e.name: e for e in _entities(nlp, text)}
    assert "Microsoft Corporation" in ents
    assert ents["Microsoft Corporation"].aliases == ["Microsoft"]
    assert len(ents["Microsoft Corporation"].mentions) == 2


def test_surname_joins_the_person(nlp):
    text = "Prime Minister Keir Starmer visited Leeds on Friday. Starmer said the plan would create jobs."
    ents = {e.name: e for e in _entities(nlp, text)}
    assert ents["Keir Starmer"].type == "Person"
    assert len(ents["Keir Starmer"].mentions) == 2
    assert "Starmer" not in ents


def test_nationality_adjective_is_not_an_entity(nlp):
    names = {e.name for e in _entities(nlp, "Palestinian officials met Israeli negotiators in Cairo.")}
    assert "Palestinian" not in names and "Israeli" not in names
    assert "Cairo" in names


def test_mentions_point_at_the_names(nlp):
    text = "Greenpeace said on Monday that Shell had ignored the warnings. Greenpeace plans a protest in London."
    for ent in _entities(nlp, text):
        for start, end in ent.mentions:
            assert normalise(text[start:end]) in {normalise(n) for n in [ent.name, *ent.aliases]}


def test_canonical_key_is_type_and_normalised_name():
    assert entity_key("The Red Cross", "Organization") == "organization/red-cross"
    assert entity_key("RED CROSS", "Organization") == entity_key("Red Cross", "Organization")
    assert entity_key("Israel\u2019s Foreign Ministry", "Organization") == "organization/israels-foreign-ministry"
    assert entity_key("Amnesty Israel", "Organization") != entity_key("Amnesty International", "Organization")
