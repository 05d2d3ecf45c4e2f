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


def _speakers(text: str) -> list[tuple[str | None, str, str]]:
    x = extract(Article(text=text))
    names = {e.id: e.name for e in x.entities}
    return [(names.get(s.speaker) or s.speaker_text, s.cue, s.content) for s in x.statements]


def test_the_subject_the_parser_hid_in_a_fronted_phrase_speaks():
    text = (
        "Plan\n\nIn a Detroit press conference at 14:00 UTC, May 2nd, Anna Schmidt, the Chief Executive Officer "
        "of Acme Motors, which filed for bankruptcy and Chapter 11 protection from its creditors earlier today, "
        'outlined a plan for what she called a "New Acme".'
    )
    assert _speakers(text)[0][:2] == ("Anna Schmidt", "outlined")


def test_according_to_ends_where_the_next_clause_begins():
    text = (
        "Memo\n\nAccording to a May 3rd story in Tech Weekly, an internal email at Acme showed the firm overtook "
        "Globex as the biggest seller of phones in May."
    )
    source, memo = _speakers(text)
    assert source == (
        "a May 3rd story in Tech Weekly",
        "according to",
        "an internal email at Acme showed the firm overtook Globex as the biggest seller of phones in May.",
    )
    assert memo[0] == "an internal email at Acme"


def test_a_description_of_the_source_is_not_what_it_says():
    text = "Plan\n\nAccording to Jane Doe, a spokeswoman for Acme, the company will close two plants."
    assert _speakers(text) == [("Jane Doe", "according to", "the company will close two plants.")]
    text = "Plan\n\nAccording to Jane Doe, the company, which is based in Ohio, will close two plants."
    assert _speakers(text)[0][2] == "the company, which is based in Ohio, will close two plants."


def test_went_on_to_say_reports_like_continued_to_say():
    got = _statements("Talks\n\nThe minister went on to say that the union had been unfair.")
    assert got == [("say", "the union had been unfair")]
    assert _statements("Visit\n\nHe went to say goodbye to his mother.") == []


def test_a_clause_the_parser_took_for_the_main_one_is_still_said():
    text = (
        "Talks\n\nThe minister said the talks had failed. However, she went on to say that should the union be "
        "willing to return, she would not object to new talks."
    )
    assert _statements(text)[1][1].endswith("be willing to return, she would not object to new talks")


def test_a_noun_before_a_relative_that_is_no_cue():
    text = (
        "Files\n\nA council spokesperson said they apply to letters of complaint, notes that don't have any "
        "conclusion, and board minutes that don't deal with national subjects."
    )
    assert [cue for cue, _ in _statements(text)] == ["said"]


def test_it_after_an_unnamed_part_of_an_organisation_is_not_the_organisation():
    text = (
        "Row\n\nThe Green Party said the remarks were unfair. The youth wing of the Labour Party backed the minister. "
        "It expressed its anger at the reports."
    )
    assert _speakers(text)[1][:2] == ("It", "expressed")


def test_a_verb_of_finding_in_a_purpose_clause_reports_nothing():
    text = "Chips\n\nThe new chips manage the other components so that it finds the memory when it is needed."
    assert _statements(text) == []


def test_the_man_a_text_brought_in_unnamed_is_not_the_last_person_named():
    text = (
        'Trial\n\nProsecutor John Ward said the tapes were clear. "Do it now," a man\'s voice says on one '
        'recording. At one point, the man says, "You must obey me." Later, "Stay here," the man says.'
    )
    assert _speakers(text)[2:] == [("the man", "says", "You must obey me."), ("the man", "says", "Stay here")]
    text = 'Trial\n\nProsecutor John Ward addressed the court. "Do it now," the man said.'
    assert _speakers(text)[0][0] == "John Ward"


def test_the_report_after_another_document_is_not_the_report_seen_before():
    text = (
        "Aid\n\nA BBC investigation found that aid was diverted. The report said rebels bought weapons. This was "
        'also noted in a declassified army assessment of the drought, in which the report states, "Some funds '
        'are being diverted to buy arms."'
    )
    assert [s[0] for s in _speakers(text)] == ["BBC", "BBC", "the report"]


def test_an_opening_participle_was_said_to_the_subject_not_by_it():
    text = (
        "Storm\n\nAsked whether the company would pay compensation, Maria Lopez, a spokeswoman for Greenfield "
        "Power Company, said it had not decided."
    )
    asked, said = _speakers(text)
    assert asked[:2] == (None, "Asked")
    assert said == ("Maria Lopez", "said", "it had not decided")
    assert _speakers("Storm\n\nWarned about the storm, residents left the town.")[0][0] is None


def test_described_as_with_the_as_on_the_object():
    text = 'Storm\n\nCouncillor Anna Berg described the response as "slow and chaotic".'
    assert _speakers(text) == [("Anna Berg", "described", 'the response as "slow and chaotic"')]


def test_an_as_clause_vouches_for_the_clause_it_hangs_on():
    text = "Storm\n\nThe storm damaged 40 power lines, as reported by the Daily Planet."
    assert _speakers(text) == [("Daily Planet", "reported", "The storm damaged 40 power lines")]
    text = "Storm\n\nAs Greenfield Power Company stated on its website, the storm damaged 40 power lines."
    assert _speakers(text)[0][:2] == ("Greenfield Power Company", "stated")
    assert _speakers("Storm\n\nShares of Greenfield Power Company fell 5%, as expected.") == []


def test_whose_responses_speak():
    text = (
        "Torture\n\nMinister Ivan Brook denied that the government was complicit in torture, although his "
        'responses in the interview described the reports as "very serious allegations".'
    )
    assert _speakers(text)[1][:2] == ("Ivan Brook", "described")


def test_a_statement_from_someone_is_theirs():
    assert _speakers("Plant\n\nA statement from Acme Corp said the plant would close.")[0][0] == "Acme Corp"
    text = "Plant\n\nA letter from residents to Acme Corp said the plant was dangerous."
    assert _speakers(text)[0][0] == "A letter from residents to Acme Corp"


def test_how_someone_is_reported_is_no_report():
    text = "Quake\n\nAt least 50 reported injured and buildings destroyed after an earthquake strikes Sumatra."
    assert _statements(text) == []
    text = "Quake\n\nTwo climbers were reported missing on Sunday, police said."
    assert _statements(text) == [("said", "Two climbers were reported missing on Sunday")]


def test_a_correspondent_told_is_no_content():
    text = (
        "Quake\n\nResidents said the plane had circled twice. Five bombs were dropped, of which four exploded, "
        "they told our correspondent."
    )
    assert _statements(text)[1] == ("told", "Five bombs were dropped, of which four exploded")


def test_a_question_the_article_asks_states_nothing():
    text = "Deal\n\nSo what does Acme hope to gain from this deal? The firm said it wanted new markets."
    assert _statements(text) == [("said", "it wanted new markets")]
    assert _statements('Deal\n\nShe asked: "Why did nobody warn us?"') == [("asked", "Why did nobody warn us?")]


def test_saying_something_reports_nothing():
    assert _statements('Tape\n\nWhen she says something, he responds, "Do not talk now."') == [
        ("responds", "Do not talk now.")
    ]


def test_a_quotation_a_later_cue_opens_with_a_colon_is_that_cues():
    text = (
        'Trial\n\nJane Doe, whose son died in the crash, thought of the pilot as "a reckless man" who "deserved '
        'prison", adding to the BBC: "I feel no pity for him. He chose to fly."'
    )
    assert _statements(text) == [("adding", "I feel no pity for him. He chose to fly.")]
    assert _statements("Plan\n\nHe said, citing police sources, that the plan had failed.")[0] == (
        "said",
        "the plan had failed",
    )


def test_a_participle_does_not_speak_for_a_thing():
    assert _statements("Plan\n\nHe said, citing police sources, that the plan had failed.") == [
        ("said", "the plan had failed")
    ]


def test_tweeted_saying_is_one_statement():
    text = 'Vote\n\nJane Doe of the Green Party tweeted saying, "We won tonight and we will win again next year."'
    assert _statements(text) == [("saying", "We won tonight and we will win again next year.")]


def test_when_asked_the_subject_was_asked():
    text = (
        "Deal\n\nWhen asked whether the deal was a step towards peace, Acme vice president John Carson replied, "
        '"It is a business relationship and I am proud of it."'
    )
    asked, replied = _speakers(text)
    assert asked[:2] == (None, "asked")
    assert replied[:2] == ("John Carson", "replied")


def test_what_was_told_after_a_relative_clause_on_whom_it_was_told():
    text = "Talks\n\nJohn Reed told the Daily Planet, which first reported the story, that he had resigned."
    assert ("John Reed", "told", "he had resigned") in _speakers(text)


def test_chanted_words_are_said():
    text = 'Talks\n\n"We will not give up," protesters chanted outside the building.'
    assert _speakers(text) == [("protesters", "chanted", "We will not give up")]


def test_found_with_a_bare_object_is_a_finding_of_a_report_or_a_verdict_only():
    assert _statements("Raid\n\nPolice found weapons and documents in a vault at the compound.") == []
    assert _statements("Raid\n\nThe inquiry found serious failings in the hospital's care.") == [
        ("found", "serious failings in the hospital's care")
    ]
    assert _statements("Raid\n\nA jury found him guilty of fraud.") == [("found", "him guilty of fraud")]
    assert _statements("Raid\n\nInvestigators found that the pilot had ignored warnings.") == [
        ("found", "the pilot had ignored warnings")
    ]
