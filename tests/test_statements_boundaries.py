"""Statements: where a content begins and ends when the parser splits or cuts it, and which cue a
quotation after a participle belongs to."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Article


def _statements(text: str) -> list[tuple[str, str]]:
    return [(s.cue, s.content) for s in extract(Article(text=text)).statements]


def test_a_that_clause_coordinated_with_the_object_is_reported_too():
    got = _statements(
        "Show\n\nShe announced a new tablet, and, to the surprise of many, that Acme would stop making laptops."
    )
    assert got == [("announced", "a new tablet, and, to the surprise of many, that Acme would stop making laptops")]


def test_a_quotation_the_content_opens_is_said_to_its_closing_mark():
    text = (
        'Launch\n\nAcme chief Maria Lopez unveiled the new phones at the Paris event, saying the firm has "been '
        'inspired by the work [it has] done on the tablet, and [it wants] to bring it to the laptop."'
    )
    (cue, content), *_ = _statements(text)
    assert cue == "saying"
    assert content.startswith("the firm has")
    assert content.endswith('to bring it to the laptop."')


def test_according_to_inside_a_relative_clause_vouches_for_that_clause():
    text = (
        "Claims\n\nAccording to the Labour Department, the number of people filing new claims fell by 9,000 to "
        "310,000, which, according to The Wall Street Journal, is the lowest level in a decade."
    )
    got = dict((content, cue) for cue, content in _statements(text))
    assert "310,000, which, according to The Wall Street Journal, is the lowest level in a decade" in got
    mayor = _statements("Mayor\n\nThe mayor, who according to local media was born in Lyon, resigned on Monday.")
    assert mayor == [("according to", "The mayor, who according to local media was born in Lyon")]


def test_a_quotation_after_a_participle_of_the_cue_goes_on_with_the_cue():
    text = (
        'Markets\n\n"It came far too late," said Acme analyst John Reed commenting on the decision. '
        '"They were worried about a run so they closed the exchange."'
    )
    got = _statements(text)
    assert ("said", "They were worried about a run so they closed the exchange.") in got
    assert all(cue != "commenting" for cue, _ in got)


def test_according_to_after_a_relative_clause_vouches_for_the_sentence():
    text = "Prices\n\nSongs now cost $1 each, which after the cut will fall to 90 cents, according to the Daily Planet."
    assert _statements(text) == [("according to", "Songs now cost $1 each, which after the cut will fall to 90 cents")]
