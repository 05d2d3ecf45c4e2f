"""Mention repair: names NER cut short, ran together or made of a measure or a title are mended or
dropped. Sentences are written for these tests."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract import extract
from kg.extract.entities import NAME_WORDS
from kg.extract.spans import (
    _after_initials,
    _common_word,
    _cut_at_verb,
    _list_items,
    _possessor,
    _with_plural,
    tidy_name,
)
from kg.model import Article


def _entities(text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extract(Article(text=text)).entities}


def test_a_surname_is_not_cut_at_its_apostrophe():
    found = _entities(
        "Airline results\n\nThe airline's chief, Michael O' Leary, said fares would rise. O' Leary spoke in Dublin."
    )
    assert ("Michael O'Leary", "Person") in found
    assert not {name for name, _ in found} & {"Michael O", "Leary"}


def test_spacing_around_an_apostrophe_inside_a_name_is_tidied():
    assert tidy_name("Patrick O 'Connell") == "Patrick O'Connell"
    assert tidy_name("HP' s quarter") == "HP' s quarter"


def test_a_surname_is_not_cut_after_its_particle():
    found = _entities("Council meeting\n\nThe meeting was attended by Johan Van den Berghe, a city councillor.")
    assert ("Johan Van den Berghe", "Person") in found


def test_a_unit_after_a_number_is_no_name():
    found = _entities("Phone launch\n\nThe 64GB model costs $499, and the 128GB model costs $599.")
    assert not {name for name, _ in found} & {"GB"}


def test_a_name_counted_by_another_noun_stays():
    found = _entities("Markets\n\nShares of two BBC suppliers rose.")
    assert ("BBC", "Organization") in found


def test_a_title_after_an_organisation_is_not_part_of_it():
    found = _entities("Contract news\n\nThe deal was signed by Siemens Executive Vice President Laura Stein in Munich.")
    assert {("Siemens", "Organization"), ("Laura Stein", "Person")} <= found
    found = _entities("Space news\n\nIt is a great day for all of us. Mark Hollis, NASA Administrator\n\nFile photo.")
    assert ("NASA", "Organization") in found and "NASA Administrator" not in {n for n, _ in found}


def test_a_title_run_into_a_name_leaves_the_person():
    found = _entities("Budget vote\n\nThe letter was signed by City Clerk Maria Lopez and by several aldermen.")
    assert ("Maria Lopez", "Person") in found and "Clerk Maria Lopez" not in {n for n, _ in found}
    found = _entities("Budget vote\n\nThe report was welcomed by European Commissioner for Trade Anna Lindqvist.")
    assert ("Anna Lindqvist", "Person") in found
    assert not any(n.startswith("Commissioner") for n, _ in found)


def test_an_acronym_run_into_a_surname_is_split():
    found = _entities(
        "Interview\n\nPeter Marsh was named the new host. "
        "In a live interview with the BBC Marsh admitted he had been a fan of the show."
    )
    assert ("BBC", "Organization") in found and "BBC Marsh" not in {n for n, _ in found}


def test_a_run_of_capitals_ends_before_a_name_ner_saw():
    found = _entities(
        'Aviation\n\n"It represents a partnership between our Company and Aeroflot, and we are proud of it," he said.'
    )
    assert {n for n, _ in found} == {"Aeroflot"}


def test_a_name_goes_on_after_and_to_its_organisation_word():
    found = _entities("Aviation\n\nAirbus is owned by the European Aeronautic Defence and Space Company.")
    assert ("European Aeronautic Defence and Space Company", "Organization") in found


def test_a_verb_with_its_subject_in_the_span_ends_the_name(nlp):
    doc = nlp("Environment Canada warned of heavy snow on Monday.")
    assert _cut_at_verb(doc[0:3]).text == "Environment Canada"


def test_a_sentence_after_a_places_initials_is_split_off(nlp):
    doc = nlp("Mills closed across Kelowna, B. C. Kelowna was hit hardest.")
    span = doc.char_span(doc.text.index("B. C. Kelowna"), doc.text.index(" was"))
    assert [s.text for s in _after_initials(span, {"Kelowna"})] == ["B. C.", "Kelowna"]
    assert _after_initials(nlp("George W. Bush spoke.")[0:3], {"Obama"}) is None


def test_abbreviations_of_common_nouns_are_no_names():
    found = _entities("Chip news\n\nThe laptop ships with 16GB of RAM and a faster CPU, the OEM said.")
    assert not {name for name, _ in found} & {"RAM", "CPU", "OEM"}


def test_a_capitalised_word_opening_a_sentence_before_a_common_noun_is_no_person(nlp):
    doc = nlp("The attacks were the third breach this year.\nTwin explosions in May hit two ministries.")
    i = [t.text for t in doc].index("Twin")
    doc.ents = [Span(doc, i, i + 1, label="PERSON")]
    assert _common_word(doc[i : i + 1])
    doc = nlp("Vance administration overturns a rule on wetlands.")
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    assert not _common_word(doc[0:1])  # a surname, no word of English


def test_a_place_goes_on_to_its_kind_noun():
    found = _entities(
        'Quake\n\n"The roofs fell in," said Nur Aini, a resident of Kampung Duri village in Pidie district.'
    )
    assert ("Kampung Duri", "Place") in found


def test_a_name_goes_on_to_its_capitalised_plural(nlp):
    doc = nlp("Six leaders of the Church of Latter Day Saints now face trial in Ohio.")
    doc.ents = [Span(doc, 4, 8, label="ORG")]
    assert _with_plural(doc[4:8], NAME_WORDS.titles).text == "Church of Latter Day Saints"


def test_the_owner_before_a_possessive_is_the_organisation(nlp):
    assert _possessor(nlp("Samsung's Galaxy line is old.")[0:3], {"Samsung"}, NAME_WORDS.org_words).text == "Samsung"
    assert (
        _possessor(nlp("Israel's Foreign Ministry said so.")[0:4], {"Israel"}, NAME_WORDS.org_words).text
        == "Israel's Foreign Ministry"
    )


def test_items_of_a_list_run_together_are_split(nlp):
    doc = nlp("It works with Zoom, Rogers Wireless, Telus and Bell.")
    span = doc[3:7]
    assert [s.text for s in _list_items(span)] == ["Zoom", "Rogers Wireless"]
    doc = nlp("They backed the call for Boycott, Divestment, Sanctions in 2019.")
    assert _list_items(doc[5:8]) is None
