"""Entity extraction: sentences in, expected (name, type) out; merging within an article."""

from __future__ import annotations

import pytest

from kg.extract.entities import _bracketed_acronyms, _merge, _personal_name, entity_key, extract_entities, normalise
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


def _typed(nlp, text):
    return {e.name: e.type for e in _entities(nlp, text)}


def test_products_and_market_indices_are_things_not_organisations(nlp):
    found = _typed(nlp, "The Nikkei 225 slid on Friday while Garuda ordered ten Embraer E190 jets.")
    assert found.get("Embraer E190", "Other") == "Other"
    found = _typed(nlp, "The Nasdaq Composite fell 120 points as traders sold chip stocks.")
    assert found.get("Nasdaq Composite") == "Other"
    found = _typed(nlp, "Investors watched the Stoxx 600, the main European index, and Siemens.")
    assert found.get("Siemens") == "Organization"


def test_an_acronym_in_brackets_is_the_organisation_it_spells(nlp):
    text = (
        "Members of the Union of Baltic Fishermen (UBF) met in Riga. "
        "The UBF said quotas were too low. Leaders of the ANP (Associazione Nazionale Pescatori) agreed."
    )
    ents = {e.name: e for e in _entities(nlp, text)}
    union = ents["Union of Baltic Fishermen"]
    assert "UBF" in union.aliases and union.type == "Organization"
    assert "UBF" not in ents
    assert any("ANP" in e.aliases for e in ents.values() if e.name.startswith("Associazione"))


def test_an_acronym_in_brackets_needs_to_spell_the_name():
    text = "Reporting from Nairobi (AFP) and the Kenya Red Cross (KRC)"
    mentions = [
        ("Nairobi", "Place", (15, 22)),
        ("AFP", "Organization", (24, 27)),
        ("Kenya Red Cross", "Organization", (37, 52)),
        ("KRC", "Organization", (54, 57)),
    ]
    assert _bracketed_acronyms(text, mentions) == {"krc": "kenya red cross"}


def test_a_big_city_named_as_a_person_is_the_place(nlp):
    found = _typed(nlp, "The rebels deny that they are working for Khartoum to weaken their neighbour.")
    assert found.get("Khartoum") == "Place"


def test_a_short_form_ner_took_for_a_place_joins_its_company():
    ents = _merge(
        [
            ("Skyhop Airways", "Organization", (0, 14)),
            ("Skyhop", "Place", (30, 36)),
            ("Skyhop", "Place", (50, 56)),
            ("Baltistan Liberation Front", "Organization", (70, 96)),
            ("Baltistan", "Place", (110, 119)),
        ]
    )
    found = {e.name: (e.type, len(e.mentions)) for e in ents}
    assert found["Skyhop Airways"] == ("Organization", 3)
    assert found["Baltistan"] == ("Place", 1)  # a name of more than one word more is no short form of it


def test_a_name_with_and_without_a_possessive_is_one_organisation():
    ents = _merge(
        [
            ("Free Farmers' Party", "Organization", (0, 19)),
            ("Free Farmers Party", "Organization", (40, 58)),
            ("McDonald's", "Organization", (70, 80)),
            ("McDonald", "Person", (90, 98)),
        ]
    )
    names = sorted(e.name for e in ents)
    assert len(names) == 3 and "McDonald" in names


def test_an_index_takes_in_its_short_form_but_a_product_leaves_its_maker_alone():
    ents = _merge(
        [
            ("Nordic Small Cap Index", "Other", (0, 22)),
            ("Nordic Small Cap", "Organization", (40, 56)),
            ("Nordic Small Cap", "Organization", (60, 76)),
            ("Volvo FH16", "Other", (80, 90)),
            ("Volvo", "Organization", (100, 105)),
        ]
    )
    found = {e.name: (e.type, len(e.mentions)) for e in ents}
    assert found["Nordic Small Cap Index"] == ("Other", 3)
    assert found["Volvo"] == ("Organization", 1) and found["Volvo FH16"] == ("Other", 1)


def test_a_company_is_no_short_form_of_what_is_named_after_it_or_of_a_list():
    """An event, a building or a division named after a company is not the company."""
    ents = _merge(
        [
            ("Northwind Developer Forum & Expo", "Organization", (0, 32)),
            ("Birchwell Calxeda / Oakfield", "Organization", (40, 68)),
            ("Northwind Trading Company", "Organization", (70, 95)),
            ("Northwind", "Organization", (100, 109)),
            ("Birchwell", "Organization", (120, 129)),
            ("Tessaly Services", "Organization", (130, 146)),
            ("Tessaly", "Organization", (150, 157)),
        ]
    )
    found = {e.name: len(e.mentions) for e in ents}
    assert found["Northwind Trading Company"] == 2  # the company's own full name takes its short form
    assert found["Northwind Developer Forum & Expo"] == 1
    assert found["Birchwell"] == 1 and found["Birchwell Calxeda / Oakfield"] == 1
    assert found["Tessaly"] == 1  # a company is not its services division


def test_a_short_form_is_the_name_it_spells_before_one_it_opens():
    ents = _merge(
        [
            ("HP Smart Cooling", "Organization", (0, 16)),
            ("Harlow Peck", "Organization", (30, 41)),
            ("HP", "Organization", (50, 52)),
        ]
    )
    found = {e.name: len(e.mentions) for e in ents}
    assert found == {"HP Smart Cooling": 1, "Harlow Peck": 2}


def test_a_first_name_alone_is_the_one_person_with_that_first_name(nlp):
    ents = _entities(
        nlp,
        "Daniel Kowalczyk, 14, built the robot with his teacher Marta Lis. Daniel worked every weekend, she said.",
    )
    daniel = next(e for e in ents if e.name == "Daniel Kowalczyk")
    assert "Daniel" in daniel.aliases and len(daniel.mentions) == 2
    assert not any(e.name == "Daniel" for e in ents)


def test_a_hotel_or_a_stadium_is_a_place(nlp):
    found = _typed(nlp, "Guests fled the Golden Palm Hotel after the fire, and fans left Rosewood Stadium.")
    assert found.get("Golden Palm Hotel", "Place") == "Place"
    assert found.get("Rosewood Stadium", "Place") == "Place"


def test_it_refers_to_an_index_when_no_organisation_is_near():
    from kg.extract import extract

    text = "Markets\n\nThe Dow Jones Industrial Average fell 300 points on Monday. By the close it had recovered."
    x = extract(Article(text=text))
    index = next(e for e in x.entities if e.name == "Dow Jones Industrial Average")
    assert index.type == "Other" and [text[s:e] for s, e in index.mentions] == ["Dow Jones Industrial Average", "it"]


@pytest.mark.parametrize(
    "text",
    [
        "Quake rattles Indonesia's Aceh\n\nPeople fled buildings in the provincial capital Banda Aceh as it shook.",
        "Strong quake shakes Aceh\n\nPeople fled buildings in the provincial capital Banda Aceh as it shook.",
    ],
)
def test_a_province_is_no_surname_of_its_capital(nlp, text):
    # NER takes the city for a person; its last word is the province, a place of its own
    found = {e.name: e for e in _entities(nlp, text)}
    assert "Aceh" not in found["Banda Aceh"].aliases
    assert found["Aceh"].type == "Place"


def test_a_surname_ner_labels_otherwise_does_not_outvote_the_full_name(nlp):
    text = (
        "Budget row\n\nPaul Dewar, the opposition critic, asked for an inquiry on Monday. Dewar said the papers "
        "were left in a parking lot. Dewar wants answers. Dewar spoke twice."
    )
    found = {e.name: e for e in _entities(nlp, text)}
    assert found["Paul Dewar"].type == "Person" and "Dewar" in found["Paul Dewar"].aliases


def test_what_looks_like_a_personal_name():
    assert _personal_name("Paul Dewar") and _personal_name("Sutopo Purwo Nugroho")
    assert not _personal_name("Internet Explorer") and not _personal_name("Dewar")
