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
    # "its attack on southern Israel" lies inside Amnesty's finding: it gives the asserted event nothing
    assert attack.place is None or names(x)[attack.place] == "southern Israel"
    assert attack.factuality.asserted
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


def test_what_the_article_tells_in_its_own_voice_is_asserted(x):
    attack = next(e for e in by_type(x, "Attack") if e.time == "2023-10-07")
    killing = next(e for e in by_type(x, "Killing") if e.quantities)
    [taking] = by_type(x, "HostageTaking")
    # "All but one have since been released"
    released = next(e for e in by_type(x, "Release") if e.trigger == "released")
    for event in (attack, killing, taking, released):
        assert event.factuality.asserted, event.trigger
        assert event.reported_by is None
    # "... pressuring Hamas to release the hostages": wanted, not done
    wanted = next(e for e in by_type(x, "Release") if e.trigger == "release")
    assert not wanted.factuality.asserted and wanted.factuality.future


def _inside(span, statement) -> bool:
    s, e = statement.content_span
    # a passive cue's content starts with who it is about ("Amnesty has long been accused of ..."): the
    # words up to the cue, and the cue itself, are the article's own
    if s < statement.cue_span[0] and statement.cue_span[0] < e and span[0] < statement.cue_span[1]:
        return False
    return s <= span[0] < e


def test_findings_and_claims_stay_attributed(x):
    """Crimes against humanity, genocide, and whatever Amnesty, Israel or Hamas only says: never a fact."""
    text = x.article.text
    for event in x.events:
        inside = [s for s in x.statements if _inside(event.span, s)]
        if inside:
            assert not event.factuality.asserted, (event.trigger, inside[0].content)
            assert event.factuality.attributed
    # "Hamas committed crimes against humanity", "the crimes ... included murder, extermination",
    # "Israel had committed genocide": Amnesty's findings
    contested = [e for e in x.events if text[e.span[0] : e.span[1]] in {"committed", "murder", "extermination"}]
    assert len(contested) >= 4 and not any(e.factuality.asserted for e in contested)
    assert {names(x).get(e.factuality.holder) for e in contested} <= {"Amnesty International", None}
    speakers = {s.speaker for s in x.statements if s.speaker}
    holders = {e.factuality.holder for e in x.events if not e.factuality.asserted and e.factuality.holder}
    assert holders and holders <= speakers | {e.id for e in x.entities}
    # the crimes Hamas denies are Hamas's denial, not a fact, and negated
    denied = next(e for e in x.events if text[e.span[0] : e.span[1]] == "carried")
    assert denied.factuality.polarity == "negative" and names(x)[denied.factuality.holder] == "Hamas"
