"""Events on the shared example article: the attack, its toll, the hostages, the campaign, the report."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.read import Metadata, read_articles


@pytest.fixture(scope="module")
def x():
    from tests.conftest import SHARED

    path = SHARED / "examples" / "amnesty-report.txt"
    assert path.is_file(), f"missing {path}"
    [item] = list(read_articles([str(path)], Metadata(published="2025-12-05")))
    return extract(item.article)


def by_type(x, type_):
    return [e for e in x.events if e.type == type_]


def names(x):
    return {e.id: e.name for e in x.entities}


def test_the_attack_is_one_event(x):
    attacks = [e for e in by_type(x, "Attack") if e.time == "2023-10-07"]
    assert len(attacks) == 1
    attack = attacks[0]
    assert len(attack.mentions) >= 4  # "its attack on southern Israel", "the Hamas attack", "the Oct. 7 massacre", ...
    assert names(x)[attack.place] == "southern Israel"
    assert ("Hamas", "agent") in {(names(x)[p.entity], p.role) for p in attack.participants}
    assert attack.reported_by is None
    triggers = {x.article.text[s:e] for s, e in attack.mentions}
    assert {"attack", "massacre"} <= triggers


def test_killing_and_hostage_taking_with_figures(x):
    attack = next(e for e in by_type(x, "Attack") if e.time == "2023-10-07")
    killing = next(e for e in by_type(x, "Killing") if e.quantities)
    assert (killing.quantities[0].value, killing.quantities[0].approx) == (1200, True)
    assert killing.part_of == attack.id
    [taking] = by_type(x, "HostageTaking")
    assert taking.quantities[0].value == 251 and not taking.quantities[0].approx
    assert taking.part_of == attack.id


def test_releases_campaign_publication_interviews(x):
    assert by_type(x, "Release")
    campaign = next(e for e in by_type(x, "MilitaryCampaign") if "campaign" in e.trigger or e.participants)
    assert ("Israel", "agent") in {(names(x)[p.entity], p.role) for p in campaign.participants}
    assert names(x)[campaign.place] == "Gaza"
    [publication] = by_type(x, "Publication")
    assert publication.time == "2025-12-03" and publication.time_text == "Wednesday"
    [interview] = by_type(x, "Interview")
    assert interview.quantities[0].value == 70
    assert ("Amnesty International", "agent") in {(names(x)[p.entity], p.role) for p in interview.participants}


def test_genocide_is_only_reported(x):
    finding = next(s for s in x.statements if "genocide" in s.content and s.kind == "finding")
    reported = [e for e in x.events if e.reported_by == finding.id]
    assert reported and all(e.trigger != "attack" for e in reported)
