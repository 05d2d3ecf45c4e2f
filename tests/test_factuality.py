"""Factuality of events: is an event asserted by the article itself, or only said, alleged, feared,
planned, negated, asked about, conditional or generic? Sentences and facts are written for these tests.

Each case names the trigger (the event's trigger text) and the factuality fields expected of it; fields
not named are not checked. Articles are headline + blank line + body where the headline matters.
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article, Event, Extraction

HEADLINE = "Regional news roundup\n\n"

# An event told in the article's own voice: certain, positive, not future, not special, not attributed.
ASSERTED = {
    "asserted": True,
    "certainty": "certain",
    "polarity": "positive",
    "future": False,
    "special": "none",
    "attributed": False,
}


def _extract(text: str) -> Extraction:
    return extract(Article(text=text))


def _event(x: Extraction, trigger: str) -> Event:
    found = [e for e in x.events if e.trigger == trigger]
    assert len(found) == 1, (trigger, [(e.type, e.trigger) for e in x.events])
    return found[0]


def _check(text: str, trigger: str, expected: dict) -> None:
    ev = _event(_extract(text), trigger)
    got = {k: getattr(ev.factuality, k) for k in expected}
    assert got == expected, ev.factuality


def _not_asserted(**fields) -> dict:
    return {"asserted": False, **fields}


# ---------------------------------------------------------------------- the article's own voice

ASSERTION_CASES = [
    pytest.param(
        "Rebels attacked the town of Marsa on Monday.",
        "attacked",
        {**ASSERTED, "cue": None, "holder": None, "holder_text": None},
        id="plain-past",
    ),
    # A headline tells a past event in the present tense: not a generic.
    pytest.param(
        "Rebels kidnap aid workers\n\nThe group posted a video of the captives on Monday.",
        "kidnap",
        ASSERTED,
        id="headline-present",
    ),
    # The governing event of an allegation is itself a fact.
    pytest.param("Police arrested a 30-year-old man on suspicion of murder.", "arrested", ASSERTED, id="arrested-on"),
    pytest.param(
        "Prosecutors are investigating claims of torture at the prison.", "investigating", ASSERTED, id="investigating"
    ),
    pytest.param("Two men suspected of bombing the station were detained.", "detained", ASSERTED, id="detained"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), ASSERTION_CASES)
def test_asserted_in_the_articles_voice(text, trigger, expected):
    _check(text, trigger, expected)


# ---------------------------------------------------------------------- statements


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Interior Minister Omar Haddad said troops killed five villagers in Qasra.", "Omar Haddad", id="said-before"
        ),
        pytest.param("Troops killed five villagers in Qasra, the Rights Forum said.", "Rights Forum", id="said-after"),
    ],
)
def test_statement_content_is_reported_by_the_speaker(text, speaker):
    x = _extract(text)
    names = {e.id: e.name for e in x.entities}
    killed = _event(x, "killed")
    f = killed.factuality
    assert not f.asserted and f.attributed and f.cue == "said", f
    assert killed.reported_by is not None
    [statement] = [s for s in x.statements if s.id == killed.reported_by]
    assert f.holder is not None and f.holder == statement.speaker
    assert names[f.holder] == speaker
    # the saying itself is a fact of the article
    assert _event(x, "said").factuality.asserted


def test_allegation_noun_names_its_owner_as_holder():
    x = _extract(
        "Amnesty International's allegations that General Ivo Renko ordered troops to shoot protesters "
        "prompted an inquiry."
    )
    names = {e.id: e.name for e in x.entities}
    f = _event(x, "ordered").factuality
    assert not f.asserted and f.attributed and f.cue == "allegations", f
    assert names.get(f.holder) == "Amnesty International"


# ---------------------------------------------------------------------- allegation, suspicion, rumour, claim, fear

ATTRIBUTION_CASES = [
    pytest.param(
        "One attack on a polling station was reported in the north.",
        "attack",
        _not_asserted(attributed=True, cue="reported"),
        id="was-reported",
    ),
    pytest.param(
        "Opposition leaders made allegations that General Ivo Renko ordered troops to shoot protesters.",
        "ordered",
        _not_asserted(attributed=True, polarity="positive", cue="allegations"),
        id="allegations-that",
    ),
    pytest.param(
        "Lawyers made allegations that the prisoners were tortured.",
        "tortured",
        _not_asserted(attributed=True),
        id="allegations-that-passive",
    ),
    pytest.param(
        "The governor of Tarsk was accused of kidnapping a journalist.",
        "kidnapping",
        _not_asserted(attributed=True, cue="accused"),
        id="accused-of",
    ),
    pytest.param(
        "Police arrested a 30-year-old man on suspicion of murder.",
        "murder",
        _not_asserted(attributed=True, cue="suspicion"),
        id="on-suspicion-of",
    ),
    pytest.param(
        "Two men suspected of bombing the station were detained.",
        "bombing",
        _not_asserted(attributed=True, cue="suspected"),
        id="suspected-of",
    ),
    pytest.param(
        "Rumours that the general had been arrested spread quickly in the capital.",
        "arrested",
        _not_asserted(attributed=True),
        id="rumours-that",
    ),
    pytest.param(
        "Prosecutors are investigating claims of torture at the prison.",
        "torture",
        _not_asserted(attributed=True, cue="claims"),
        id="claims-of",
    ),
    pytest.param(
        "The Red Hand group claimed it kidnapped the engineer.",
        "kidnapped",
        _not_asserted(attributed=True, cue="claimed"),
        id="claimed-that",
    ),
    pytest.param(
        "The former mayor of Drenova faces charges of murder.",
        "murder",
        _not_asserted(attributed=True, cue="charges"),
        id="charges-of",
    ),
    pytest.param(
        "Prosecutors charged the driver with murder.",
        "murder",
        _not_asserted(attributed=True, cue="charged"),
        id="charged-with",
    ),
    # Any noun of a reporting verb: "argument" (argue), "insistence" (insist), "explanation" (explain).
    pytest.param(
        "The argument that the levy had failed was popular in the valley.",
        "failed",
        _not_asserted(attributed=True, cue="argument"),
        id="argument-that",
    ),
    pytest.param(
        "Lawyers mocked the explanation that the files were burnt by accident.",
        "burnt",
        _not_asserted(attributed=True, cue="explanation"),
        id="explanation-that",
    ),
    # A fear is an attitude to something that may yet happen.
    pytest.param(
        "Residents voiced fears of an attack on the port.",
        "attack",
        _not_asserted(certainty="possible", future=True, cue="fears"),
        id="fears-of",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), ATTRIBUTION_CASES)
def test_alleged_claimed_or_feared_events_are_not_asserted(text, trigger, expected):
    _check(text, trigger, expected)


# ---------------------------------------------------------------------- modality and the future

POSSIBLE_CASES = [
    pytest.param("The rebels may attack the base before dawn.", "attack", "may", id="may"),
    pytest.param("The army might bomb the bridge.", "bomb", "might", id="might"),
    pytest.param("Militants could kidnap foreign workers.", "kidnap", "could", id="could"),
]


@pytest.mark.parametrize(("text", "trigger", "cue"), POSSIBLE_CASES)
def test_epistemic_modals_make_an_event_possible(text, trigger, cue):
    _check(text, trigger, _not_asserted(certainty="possible", polarity="positive", cue=cue))


FUTURE_CASES = [
    pytest.param("Officials said the bridge would reopen on Friday.", "reopen", {"cue": "would"}, id="would"),
    pytest.param("The rebels will release the hostages on Friday.", "release", {"cue": "will"}, id="will"),
    pytest.param("The company is going to close the plant.", "close", {}, id="going-to"),
    pytest.param("The rebels plan to attack the base.", "attack", {}, id="plans-to"),
    pytest.param(
        "The president is expected to sign the treaty on Friday.",
        "sign",
        {"certainty": "probable"},
        id="expected-to",
    ),
    pytest.param("The court is due to rule on the appeal on Friday.", "rule", {}, id="due-to"),
    pytest.param("The court is set to rule on the case next week.", "rule", {}, id="set-to"),
    pytest.param("The government intends to hold an election in March.", "election", {}, id="intends"),
    pytest.param("The rebels aim to capture the airport.", "capture", {}, id="aims"),
    pytest.param("The union threatens to strike next week.", "strike", {}, id="threatens-to"),
    pytest.param("The kidnappers threatened to kill the hostages.", "kill", {}, id="threatened-to"),
    pytest.param("A vote is scheduled for Friday.", "vote", {"cue": "scheduled"}, id="scheduled-for"),
    pytest.param("The trial is scheduled to begin on Monday.", "trial", {}, id="scheduled-to-begin"),
    pytest.param(
        "Rebels to free hostages\n\nThe group said the captives were in good health.",
        "free",
        {},
        id="headline-to",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "extra"), FUTURE_CASES)
def test_planned_expected_and_future_events_are_not_asserted(text, trigger, extra):
    _check(text, trigger, _not_asserted(future=True, polarity="positive", **extra))


# ---------------------------------------------------------------------- negation

NEGATION_CASES = [
    pytest.param("The army did not attack the village.", "attack", {"cue": "not"}, id="not"),
    pytest.param("Police never arrested the suspect.", "arrested", {"cue": "never"}, id="never"),
    pytest.param("There was no attack on the convoy.", "attack", {"cue": "no"}, id="no-event-noun"),
    pytest.param("No one was killed in the blast.", "killed", {}, id="no-one-subject"),
    pytest.param("The army failed to capture the town.", "capture", {"cue": "failed"}, id="failed-to"),
    pytest.param("The rebels refused to release the hostages.", "release", {"cue": "refused"}, id="refused-to"),
    pytest.param(
        "The army denied that it bombed the hospital.",
        "bombed",
        {"cue": "denied", "attributed": True},
        id="denied-that",
    ),
    pytest.param("The gunmen fled without killing anyone.", "killing", {"cue": "without"}, id="without"),
]


@pytest.mark.parametrize(("text", "trigger", "extra"), NEGATION_CASES)
def test_negated_events_are_negative(text, trigger, extra):
    _check(text, trigger, _not_asserted(polarity="negative", future=False, **extra))


# ---------------------------------------------------------------------- questions, conditions, generics

QUESTION_CASES = [
    pytest.param("Did the army bomb the bridge?", "bomb", id="did-question"),
    pytest.param("Was the hospital bombed?", "bombed", id="passive-question"),
    pytest.param("Investigators are examining whether the army bombed the bridge.", "bombed", id="whether"),
]


@pytest.mark.parametrize(("text", "trigger"), QUESTION_CASES)
def test_questioned_events_are_underspecified(text, trigger):
    _check(text, trigger, _not_asserted(certainty="underspecified", polarity="positive"))


CONDITIONAL_CASES = [
    pytest.param("If the talks collapse, the union will strike.", "strike", "if", id="if-main-clause"),
    pytest.param("If the talks collapse, the union will strike.", "collapse", "if", id="if-condition"),
    pytest.param("Unless the ransom is paid, the kidnappers will kill the hostage.", "kill", "unless", id="unless"),
]


@pytest.mark.parametrize(("text", "trigger", "cue"), CONDITIONAL_CASES)
def test_conditional_events(text, trigger, cue):
    _check(text, trigger, _not_asserted(special="conditional", cue=cue))


GENERIC_CASES = [
    pytest.param(HEADLINE + "Car bombs kill civilians in many wars.", "kill", id="car-bombs-kill"),
    pytest.param(HEADLINE + "Militias often kidnap foreigners for ransom.", "kidnap", id="militias-kidnap"),
    pytest.param(HEADLINE + "Armed groups kidnap migrants for ransom.", "kidnap", id="armed-groups-kidnap"),
]


@pytest.mark.parametrize(("text", "trigger"), GENERIC_CASES)
def test_generic_statements_in_the_body(text, trigger):
    _check(text, trigger, _not_asserted(special="generic", polarity="positive", future=False))


# ---------------------------------------------------------------------- implicatives

IMPLICATIVE_CASES = [
    pytest.param("The pilot managed to land the plane in Oslo.", "land", id="managed-to"),
    pytest.param("The index fell 3% to close at 7,100.", "close", id="fell-to-close"),
    pytest.param("The index fell 3% to close at 7,100.", "fell", id="fell"),
    pytest.param(
        "The leaked memo prompted the ombudsman to launch an investigation.", "investigation", id="prompted-to"
    ),
    pytest.param("Heavy shelling forced the villagers to flee across the river.", "flee", id="forced-to"),
]


@pytest.mark.parametrize(("text", "trigger"), IMPLICATIVE_CASES)
def test_implicative_complements_are_asserted(text, trigger):
    _check(text, trigger, ASSERTED)


# ---------------------------------------------------------------------- one event, several mentions

ASSERTED_AND_ALLEGED = [
    pytest.param(
        "Gunmen attacked a police station in Kandar on Monday. "
        "The government alleged that the Northern Front carried out the attack.",
        id="asserted-first",
    ),
    pytest.param(
        "The government alleged on Tuesday that the Northern Front carried out an attack on a police station "
        "in Kandar. Gunmen attacked the station in Kandar on Monday night, killing four officers.",
        id="alleged-first",
    ),
]


@pytest.mark.parametrize("text", ASSERTED_AND_ALLEGED)
def test_an_asserted_event_does_not_take_an_alleged_agent(text):
    x = _extract(text)
    names = {e.id: e.name for e in x.entities}
    attacks = [e for e in x.events if e.type == "Attack"]
    assert len(attacks) == 1, [(e.trigger, e.mentions) for e in attacks]
    [attack] = attacks
    assert len(attack.mentions) == 2  # the asserted verb and the alleged noun are one event
    assert attack.trigger == "attacked"
    assert attack.factuality.asserted, attack.factuality
    assert attack.reported_by is None
    assert "Northern Front" not in {names[p.entity] for p in attack.participants}


def test_an_event_only_alleged_is_not_asserted():
    x = _extract("The government alleged that the Northern Front attacked a police station in Kandar on Monday.")
    names = {e.id: e.name for e in x.entities}
    attack = _event(x, "attacked")
    f = attack.factuality
    assert not f.asserted and f.attributed and f.cue == "alleged", f
    assert attack.reported_by is not None
    # with no asserted mention, the event keeps what its alleged mention says
    assert ("Northern Front", "agent") in {(names[p.entity], p.role) for p in attack.participants}
