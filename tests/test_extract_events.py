"""Events: triggers, types, participants, place, time and quantities on sentences written for the tests."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.quantities import parse_number
from kg.extract.timex import normalise_time
from kg.model import Article


def _events(text, published=None):
    x = extract(Article(text=text, published=published))
    return x, [e for e in x.events if e.type not in {"Other", "Statement"}]


def _names(x):
    return {e.id: e.name for e in x.entities}


@pytest.mark.parametrize(
    ("text", "type_", "trigger"),
    [
        ("Rebels attacked a convoy near the border on Sunday.", "Attack", "attacked"),
        ("Police arrested three protesters in the capital.", "Arrest", "arrested"),
        ("Gunmen kidnapped two aid workers in the north.", "HostageTaking", "kidnapped"),
        ("About 40 hostages were taken hostage by the militia.", "HostageTaking", "taken hostage"),
        ("The group released a report on water shortages.", "Publication", "released"),
        ("The militia released six prisoners on Friday.", "Release", "released"),
        ("The court ruled that the law was unconstitutional.", "Ruling", "ruled"),
        ("Voters elected a new mayor in Lyon.", "Election", "elected"),
        ("The two countries signed a trade agreement.", "Agreement", "signed"),
        ("Thousands of farmers protested outside parliament.", "Protest", "protested"),
        ("The army launched a military campaign in the valley.", "MilitaryCampaign", "campaign"),
    ],
)
def test_typed_triggers(text, type_, trigger):
    _, events = _events(text)
    assert (type_, trigger) in {(e.type, e.trigger) for e in events}, [(e.type, e.trigger) for e in events]


def test_participants_place_time_and_quantity():
    x, events = _events("Around 300 soldiers attacked the town of Kursk on Oct. 3, 2024, officials said.")
    [attack] = [e for e in events if e.type == "Attack"]
    assert attack.time == "2024-10-03" and attack.time_text == "Oct. 3, 2024"
    assert attack.quantities and attack.quantities[0].value == 300 and attack.quantities[0].approx


def test_agent_and_patient_from_the_parse():
    x, events = _events("Germany expelled two Russian diplomats, and Russia arrested a German journalist in Moscow.")
    [arrest] = [e for e in events if e.type == "Arrest"]
    names = _names(x)
    assert [(names[p.entity], p.role) for p in arrest.participants] == [("Russia", "agent")]
    assert names[arrest.place] == "Moscow"


def test_relative_time_against_publication_date():
    _, events = _events("Protesters marched through Nairobi on Tuesday.", published="2024-07-05")
    [march] = [e for e in events if e.type == "Protest"]
    assert march.time == "2024-07-02" and march.time_text == "Tuesday"


def test_mentions_of_one_event_are_merged_and_sub_events_linked():
    text = (
        "Militants attacked the village of Ostra on March 2, 2022. "
        "At least 30 people were killed in the attack. "
        "The attack was condemned by the United Nations."
    )
    _, events = _events(text)
    attacks = [e for e in events if e.type == "Attack"]
    assert len(attacks) == 1 and len(attacks[0].mentions) == 3
    assert attacks[0].time == "2022-03-02"
    [killing] = [e for e in events if e.type == "Killing"]
    assert killing.part_of == attacks[0].id
    assert killing.quantities[0].value == 30 and killing.quantities[0].lower_bound


def test_events_inside_a_statement_are_reported():
    x, events = _events("Human Rights Watch said that soldiers had killed twelve civilians in the village.")
    [killing] = [e for e in events if e.type == "Killing"]
    stmt = x.statements[0]
    assert killing.reported_by == stmt.id


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,200", 1200), ("three", 3), ("1.5 million", 1_500_000), ("twenty five", 25), ("thousands", None)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Oct. 7, 2023", None, "2023-10-07"),
        ("December 2024", None, "2024-12"),
        ("on Wednesday", "2025-12-05", "2025-12-03"),
        ("last month", "2025-01-10", "2024-12"),
        ("yesterday", "2024-03-01", "2024-02-29"),
        ("in 2022", None, "2022"),
        ("Wednesday", None, None),
    ],
)
def test_normalise_time(text, published, expected):
    assert normalise_time(text, published) == expected


def test_partial_date_takes_the_year_the_article_gives():
    assert normalise_time("Oct. 7", "2025-12-05", known=["2023-10-07"]) == "2023-10-07"


def test_undated_speech_and_present_tense_take_the_publication_date():
    text = (
        "Port of Rotterdam reopens after storm\n\n"
        "The port of Rotterdam reopened its container terminals on Friday after a two-day closure.\n"
        "Dozens of ships waited off the coast during the storm.\n"
        "The port employs about 1,500 dockers at its container terminals.\n"
        "A fire destroyed two cranes at the Maasvlakte terminal years ago.\n"
        "A port spokeswoman said the backlog would clear within a week.\n"
        "Freight rates usually rise when large ports close."
    )
    x = extract(Article(text=text, published="2026-02-14"))
    times = {e.trigger: e.time for e in x.events}
    assert times["said"] == "2026-02-14"  # a speech act in the body, no date of its own
    assert times["employs"] == "2026-02-14"  # present tense, said of this port
    rise = next(e for e in x.events if e.trigger == "rise")
    assert rise.time is None and rise.factuality.special == "generic"  # what freight rates usually do
    assert times["destroyed"] is None  # past tense further down: any time before
    assert times["clear"] is None  # reported and future


def test_subject_of_a_support_verb_is_the_noun_events_agent():
    x = extract(Article(text="Airbus made an offer for the Toulouse factory on Monday."))
    names = {e.id: e.name for e in x.entities}
    [offer] = [e for e in x.events if e.trigger == "offer"]
    assert [(names[p.entity], p.role) for p in offer.participants] == [("Airbus", "agent")]


def test_according_to_is_attribution_not_an_agreement():
    x = extract(Article(text="According to the ministry, the two sides signed a truce on Monday."))
    assert [(e.type, e.trigger) for e in x.events if e.type == "Agreement"] == [("Agreement", "signed")]
    assert not any(e.trigger.lower() == "according" for e in x.events)


def test_a_bomb_is_a_weapon_and_bombing_an_attack():
    weapon = extract(Article(text="Five bombs were dropped on the camp, of which four exploded."))
    assert not any(e.type == "Attack" for e in weapon.events)
    attack = extract(Article(text="Planes bombed the camp at dawn."))
    assert [(e.type, e.trigger) for e in attack.events if e.type == "Attack"] == [("Attack", "bombed")]


# A lexicon word read in its sentence: releases free people (not documents or memory); protest words
# name protests only among people (not in markets or product demos); a strike at someone is an attack.
@pytest.mark.parametrize(
    "text, trigger, type_",
    [
        ("In a press release on Wednesday, the county attorney said he would appeal.", "release", "Publication"),
        ("The new scheduler frees up memory on every server.", "frees", "Other"),
        ("The rebels agreed to free the hostages on Monday.", "free", "Release"),
        ("He was granted a compassionate release from prison.", "release", "Release"),
        ("Markets rally as central banks cut rates.", "rally", "Other"),
        ("Thousands joined a rally in the capital against the new law.", "rally", "Protest"),
        ("Apple demonstrated the new phone at the conference.", "demonstrated", "Other"),
        ("Protesters demonstrated outside the embassy.", "demonstrated", "Protest"),
        ("Officials called it a decisive strike at the militia's leadership.", "strike", "Attack"),
        ("Workers went on strike over pay.", "strike", "Protest"),
    ],
)
def test_event_type_of_a_word_in_its_sentence(text, trigger, type_):
    x = extract(Article(text=text))
    assert (type_, trigger) in [(e.type, e.trigger) for e in x.events]
