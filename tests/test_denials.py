"""A denial is a statement when it bears on a claim, a report or a deed; refusing something asked for
("denied his application") is an act, not a statement, and must not answer anyone's claim."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _denials(sentence: str) -> list[str]:
    x = extract(Article(text=f"Border dispute\n\n{sentence}\n", title="Border dispute", id="denials"))
    return [s.content for s in x.statements if s.kind == "denial"]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("The ministry denied the allegations on Tuesday.", "the allegations"),
        ("The governor denied any wrongdoing.", "any wrongdoing"),
        ("The mayor denied corruption.", "corruption"),
        ("The rebels denied the attack on the convoy.", "the attack on the convoy"),
        ("The trade union rejected the proposal.", "the proposal"),
        ("Police dismissed the report as fiction.", "the report"),
        ("The company denied it.", "it"),
        ("The captain denied having seen the warning.", "having seen the warning"),
        ("The embassy denied that its staff had been expelled.", "its staff had been expelled"),
    ],
)
def test_a_denial_of_a_claim_or_deed_is_a_statement(sentence, content):
    assert _denials(sentence) == [content]


@pytest.mark.parametrize(
    "sentence",
    [
        "The immigration office denied her visa application last spring.",
        "The board rejected his plea for more time.",
        "The authorities denied them entry at the border.",
    ],
)
def test_refusing_what_was_asked_for_is_no_statement(sentence):
    assert _denials(sentence) == []


def _extraction(text: str):
    return extract(Article(text=f"Border dispute\n\n{text}\n", title="Border dispute", id="answers"))


def test_a_denial_reports_its_own_object_not_the_clause_before_it():
    x = _extraction("The militia is active in the hills - it denies claims that it is paid by the army.")
    (denial,) = [s for s in x.statements if s.kind == "denial"]
    assert denial.content == "claims that it is paid by the army"


def test_a_denial_answers_the_statement_it_shares_words_with():
    x = _extraction(
        "The governor said the rebels attacked a supply convoy near the river. "
        "The rebels denied attacking the convoy."
    )
    by_kind = {s.kind: s for s in x.statements}
    assert by_kind["denial"].responds_to == by_kind["claim"].id


def test_an_account_that_only_names_the_denier_is_not_what_is_denied():
    x = _extraction(
        "The mayor, who is abroad for a trade fair, said that Hollis sends his thanks to the organisers, "
        "according to the local radio station KRVN. "
        "The mayor denied rumours that Hollis has resigned."
    )
    (denial,) = [s for s in x.statements if s.kind == "denial"]
    assert denial.responds_to is None
