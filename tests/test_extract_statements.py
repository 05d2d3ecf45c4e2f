"""Statements: sentences in, (speaker, cue, content, kind) out; plus what must not be a statement."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _extract(text: str, published: str | None = None):
    return extract(Article(text=text, published=published))


def _speaker_name(x, stmt):
    names = {e.id: e.name for e in x.entities}
    return names.get(stmt.speaker)


CASES = [
    # (text, speaker, cue, content starts with, kind, quote)
    (
        "Greenpeace said on Monday that the spill had reached the coast.",
        "Greenpeace",
        "said",
        "the spill had reached the coast",
        "claim",
        False,
    ),
    (
        "The ministry of health of Peru told reporters that vaccines would arrive in May.",
        None,
        "told",
        "vaccines would arrive in May",
        "claim",
        False,
    ),
    (
        "\u201cWe will not leave until the last family is safe,\u201d said Maria Keller, "
        "a spokeswoman for the Red Cross.",
        "Maria Keller",
        "said",
        "We will not leave until the last family is safe",
        "claim",
        True,
    ),
    (
        "Human Rights Watch denied that it had received money from the government.",
        "Human Rights Watch",
        "denied",
        "it had received money from the government",
        "denial",
        False,
    ),
    (
        "Oxfam urged the European Union to suspend the agreement.",
        "Oxfam",
        "urged",
        "the European Union to suspend the agreement",
        "call",
        False,
    ),
    (
        "The United Nations accused the army of blocking aid convoys.",
        "United Nations",
        "accused",
        "the army of blocking aid convoys",
        "accusation",
        False,
    ),
    (
        "Greenpeace criticized the company for its slow response to the spill.",
        "Greenpeace",
        "criticized",
        "the company for its slow response",
        "criticism",
        False,
    ),
    (
        "A 2023 report by the World Bank found that poverty had risen in rural areas.",
        "World Bank",
        "found",
        "poverty had risen in rural areas",
        "finding",
        False,
    ),
    (
        "Prices rose by nine percent last year, according to the Central Bank of Kenya.",
        "Central Bank of Kenya",
        "according to",
        "Prices rose by nine percent last year",
        "claim",
        False,
    ),
    (
        "The European Commission rejected the accusations of favouritism.",
        "European Commission",
        "rejected",
        "the accusations of favouritism",
        "denial",
        False,
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind", "quote"), CASES, ids=[c[2] for c in CASES])
def test_constructions(text, speaker, cue, content, kind, quote):
    x = _extract(text)
    matches = [s for s in x.statements if s.cue == cue]
    assert matches, f"no statement with cue {cue!r}: {[(s.cue, s.content) for s in x.statements]}"
    stmt = matches[0]
    assert stmt.content.startswith(content), stmt.content
    assert stmt.kind == kind
    assert stmt.quote is quote
    if speaker is not None:
        assert _speaker_name(x, stmt) == speaker
    assert x.article.text[stmt.content_span[0] : stmt.content_span[1]] == stmt.content
    assert x.article.text[stmt.cue_span[0] : stmt.cue_span[1]] == stmt.cue


def test_headline_says():
    x = _extract("Oxfam Says Famine Looms in Three Provinces\n\nThe charity warned of crop failures across the region.")
    [stmt] = [s for s in x.statements if s.cue == "Says"]
    assert _speaker_name(x, stmt) == "Oxfam"
    assert stmt.content == "Famine Looms in Three Provinces"


def test_pronoun_and_description_speakers_resolve():
    text = (
        "The International Rescue Committee published a report on Tuesday about the outbreak. "
        "The New York-based charity said that clinics had run out of vaccines. "
        "\u201cThe situation is getting worse every day and we need more staff,\u201d it said."
    )
    x = _extract(text)
    by_cue = {(s.cue, s.quote): s for s in x.statements}
    assert _speaker_name(x, by_cue[("said", False)]) == "International Rescue Committee"
    assert by_cue[("said", False)].speaker_text == "The New York-based charity"
    assert _speaker_name(x, by_cue[("said", True)]) == "International Rescue Committee"


def test_quote_running_over_two_sentences():
    text = (
        "\u201cThe dam was never inspected. Nobody checked the walls for ten years,\u201d said Anna Berg, "
        "an engineer at the Danube Institute."
    )
    [stmt] = _extract(text).statements
    assert stmt.quote
    assert stmt.content == "The dam was never inspected. Nobody checked the walls for ten years"


def test_participle_inherits_the_subject():
    x = _extract("Amnesty International condemned the verdict, saying that the trial had been unfair.")
    saying = next(s for s in x.statements if s.cue == "saying")
    assert _speaker_name(x, saying) == "Amnesty International"
    assert saying.content == "the trial had been unfair"


def test_passive_accusation_has_no_speaker():
    x = _extract("The agency has long been accused of hiding data from the public.")
    [stmt] = x.statements
    assert stmt.kind == "accusation" and stmt.speaker is None
    assert stmt.content == "The agency has long been accused of hiding data from the public"


@pytest.mark.parametrize(
    "text, cue, kind, content",
    [
        (
            "The senator is alleged to have taken bribes from a builder.",
            "alleged",
            "accusation",
            "The senator is alleged to have taken bribes from a builder",
        ),
        (
            "The trawler is said to have sunk near the reef.",
            "said",
            "claim",
            "The trawler is said to have sunk near the reef",
        ),
        (
            "The old mill was discovered to have stored toxic waste.",
            "discovered",
            "finding",
            "The old mill was discovered to have stored toxic waste",
        ),
        (
            "The two banks are announced to be merged into one.",
            "announced",
            "claim",
            "The two banks are announced to be merged into one",
        ),
        ("The dock workers were told to go home early.", "told", "call", "The dock workers were told to go home early"),
        ("Residents were warned that the dam could fail.", "warned", "claim", "the dam could fail"),
    ],
)
def test_agentless_passive_reports_without_speaker(text, cue, kind, content):
    x = _extract(text)
    [stmt] = x.statements
    assert (stmt.cue, stmt.kind, stmt.content) == (cue, kind, content)
    assert stmt.speaker is None and not stmt.speaker_text


def test_passive_agent_on_the_infinitive_is_the_speaker():
    x = _extract("The minister was urged to step down by the opposition leader.")
    [stmt] = x.statements
    assert stmt.kind == "call" and stmt.speaker_text == "the opposition leader"
    assert stmt.content == "The minister was urged to step down"


@pytest.mark.parametrize(
    "text",
    [
        "Ticket prices are expected to rise by five percent.",
        "The new tablet was announced to journalists in Oslo.",
        "After the merger was announced the shares fell sharply.",
    ],
)
def test_passives_that_report_nothing(text):
    assert not _extract(text).statements


def test_subject_of_a_passive_cue_is_not_reported():
    x = _extract("The storm, which hit the coast on Monday, is reported to have destroyed 200 homes.")
    [stmt] = x.statements
    events = {e.trigger: e for e in x.events}
    assert events["destroyed"].reported_by == stmt.id
    assert events["hit"].reported_by is None and events["reported"].reported_by is None


def test_reports_findings_and_responses():
    text = (
        "A new report by Transparency International found that officials had taken bribes. "
        "The ministry denied that it had taken any bribes mentioned in the report. "
        "Critics of the report argued that its methods were flawed."
    )
    x = _extract(text, published="2024-05-10")
    [report] = x.reports
    assert report.author == "organization/transparency-international"
    finding = next(s for s in x.statements if s.cue == "found")
    assert finding.kind == "finding" and finding.report == report.id
    assert report.findings == [finding.id]
    denial = next(s for s in x.statements if s.cue == "denied")
    assert denial.kind == "denial"
    assert denial.responds_to == finding.id
    argued = next(s for s in x.statements if s.cue == "argued")
    assert argued.kind == "criticism" and argued.about == report.id


def test_two_reports_by_one_author_stay_two():
    text = (
        "A new report by Oxfam found that hunger had doubled. "
        "A March 2021 report by Oxfam concluded that aid had been diverted."
    )
    x = _extract(text)
    assert len(x.reports) == 2
    assert {r.published for r in x.reports} == {None, "2021-03"}


def test_report_date_resolved_against_publication():
    x = _extract(
        "Oxfam said its report, published on Wednesday, found that hunger had doubled.", published="2025-06-06"
    )
    [report] = x.reports
    assert report.published == "2025-06-04"


@pytest.mark.parametrize(
    "text",
    [
        "The company announced the merger it said had been planned for years.",
        "The so-called \u201cpeace plan\u201d was never published.",
        "The rebels seized what they called \u201cliberated territory\u201d in the north.",
        "A hearing was scheduled for June to determine whether the sale could go ahead.",
        "The minister did not say whether the talks would resume.",
        "He declared bankruptcy in 2019.",
    ],
)
def test_not_statements(text):
    x = _extract(text)
    assert not [(s.cue, s.content) for s in x.statements if s.cue not in {"announced"}]


def test_reporting_noun_with_its_speaker():
    x = _extract("The announcement by Siemens that it would close two plants surprised investors.")
    [stmt] = [s for s in x.statements if s.cue == "announcement"]
    assert _speaker_name(x, stmt) == "Siemens"
    assert stmt.content == "it would close two plants"


def test_expletive_passive_reports_without_speaker():
    x = _extract("It is expected that the central bank will raise rates in June.")
    [stmt] = x.statements
    assert stmt.speaker is None and stmt.cue == "expected"
    assert stmt.content == "the central bank will raise rates in June"


def test_object_and_infinitive():
    x = _extract("Analysts at Barclays forecast the company's losses to exceed two billion dollars.")
    [stmt] = [s for s in x.statements if s.cue == "forecast"]
    assert stmt.content == "the company's losses to exceed two billion dollars"


def test_gerund_cues_that_govern_a_clause():
    x = _extract(
        "The mayor of Lyon defended the budget by saying that the city had no debt.\n"
        "Opposition councillors pointed to reports stating that the tram project had doubled in cost.\n"
        "The Interior Ministry issued a statement denying that police had used tear gas.\n"
        "After saying goodbye to his staff, the mayor left the building."
    )
    by_cue = {s.cue: s for s in x.statements}
    assert set(by_cue) == {"saying", "stating", "denying"}  # "after saying goodbye" reports nothing
    assert by_cue["saying"].speaker_text == "The mayor of Lyon"  # the subject of "defended"
    assert by_cue["saying"].content == "the city had no debt"
    assert by_cue["stating"].speaker_text == "reports"  # the documents speak, not the councillors
    assert by_cue["stating"].content == "the tram project had doubled in cost"
    assert _speaker_name(x, by_cue["denying"]) == "Interior Ministry" and by_cue["denying"].kind == "denial"


def test_the_cue_is_never_part_of_its_speaker():
    x = _extract("Economists at the Bundesbank, who warned that inflation would return, were proved right.")
    [stmt] = [s for s in x.statements if s.cue == "warned"]
    assert "warned" not in stmt.speaker_text and stmt.speaker_text.endswith("Bundesbank")


def test_a_quote_in_the_next_sentence_belongs_to_a_cue_without_content_only():
    text = (
        "Harbour ruling\n\n"
        "The port will close two terminals by March, a city official said on Friday. "
        '"We cannot keep both open with the money we have left this year," said Ines Marlow, the harbour director.\n'
        "Ines Marlow spoke to reporters on Friday. "
        '"Nobody will lose a job because of the closures, and every crew will move to the new pier," she said.'
    )
    x = _extract(text)
    by_cue_start = sorted(x.statements, key=lambda s: s.cue_span[0])
    official, director = by_cue_start[0], by_cue_start[1]
    assert official.speaker_text == "a city official"
    assert official.content == "The port will close two terminals by March" and not official.quote
    assert director.content.startswith("We cannot keep both open") and director.quote


def test_a_named_appositive_speaks_for_a_common_noun_subject():
    x = _extract("The country's largest airline, Nordair Airways, said on Tuesday that it would cancel 40 flights.")
    [stmt] = x.statements
    assert _speaker_name(x, stmt) == "Nordair Airways" and stmt.speaker_text == "Nordair Airways"


def test_headline_conjunct_cue_takes_the_first_verbs_subject():
    x = _extract("Apple releases iPhone SDK, announces upcoming update\n\nThe company spoke in Cupertino.")
    [stmt] = [s for s in x.statements if s.cue == "announces"]
    assert stmt.speaker_text == "Apple"


def test_a_quote_that_ends_its_own_sentence_does_not_replace_the_next_cues_clause():
    text = (
        'Mara Quist praised the route. "We doubled our passengers in two years and we expect more next year." '
        "Nordair has claimed that the new route to Tromso will make a profit by 2026."
    )
    x = _extract(text)
    [claim] = [s for s in x.statements if s.cue == "claimed"]
    assert claim.content == "the new route to Tromso will make a profit by 2026" and not claim.quote


def test_a_titled_subject_gives_way_to_its_named_appositive():
    x = _extract("The bank's CEO, Ken Lewis, said that credit costs remain high.")
    [stmt] = x.statements
    assert _speaker_name(x, stmt) == "Ken Lewis"


def test_one_direct_quote_is_one_speech_act():
    x = _extract(
        '"It took far too long for the money to reach the banks," said Uralsib analyst Chris Weafer '
        "commenting on the decision."
    )
    quoted = [s for s in x.statements if s.quote]
    assert len(quoted) == 1 and quoted[0].cue == "said"
    assert _speaker_name(x, quoted[0]) == "Chris Weafer"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("According to Fiat's announcement, the company will buy the remaining stake in June.", "Fiat"),
        (
            "Sales rose by a third, according to figures released on Monday by NPD Group, a market research firm.",
            "NPD Group",
        ),
    ],
)
def test_according_to_an_utterance_names_who_made_it(text, speaker):
    x = _extract(text)
    [stmt] = [s for s in x.statements if s.cue == "according to"]
    assert _speaker_name(x, stmt) == speaker and stmt.speaker_text == speaker


def test_a_content_clause_is_never_mistaken_for_a_misparsed_speaker():
    # the gerund clause holds what was said: its subject is not the speaker
    x = _extract("Kofi Annan praised the talks and warned that time was running out.")
    assert {s.speaker_text for s in x.statements} == {"Kofi Annan"}
    x = _extract('Mayor Ines Marlow closed the meeting, saying "Nothing we do tonight is changing the budget."')
    assert {s.speaker_text for s in x.statements} == {"Mayor Ines Marlow"}


def test_what_a_comma_sets_off_after_the_speakers_name_is_not_the_name():
    x = _extract(
        "Senator Patty Murray, who represents the state where the plant stands, said that the decision "
        "would cost thousands of jobs."
    )
    [stmt] = x.statements
    assert stmt.speaker_text == "Senator Patty Murray"


def test_the_cue_words_are_not_content():
    x = _extract("An aide to the investor called on the company to halve its dividend.")
    [stmt] = x.statements
    assert stmt.cue == "called on" and stmt.content == "the company to halve its dividend"


@pytest.mark.parametrize(
    "text, speaker_text, cue, kind, content",
    [
        (
            "Farmers rejected the governor's claim that the drought was over.",
            "the governor",
            "claim",
            "claim",
            "the drought was over",
        ),
        (
            "Shares rose after the announcement by the airline that it would hire pilots.",
            "the airline",
            "announcement",
            "claim",
            "it would hire pilots",
        ),
        (
            "The inspector's allegations that the mill dumped oil were never tested.",
            "The inspector",
            "allegations",
            "accusation",
            "the mill dumped oil",
        ),
        (
            "The harbour master made the announcement that the port would reopen.",
            "The harbour master",
            "announcement",
            "claim",
            "the port would reopen",
        ),
        (
            "The coast guard issued a warning that the ice was thin.",
            "The coast guard",
            "warning",
            "claim",
            "the ice was thin",
        ),
        ("The coach's call for patience was ignored.", "The coach", "call", "call", "patience"),
        (
            "The governor's pledge to rebuild the school won praise.",
            "The governor",
            "pledge",
            "claim",
            "to rebuild the school",
        ),
        (
            "The council's criticism of the bypass surprised nobody.",
            "The council",
            "criticism",
            "criticism",
            "the bypass",
        ),
    ],
)
def test_reporting_nouns(text, speaker_text, cue, kind, content):
    x = _extract(text)
    [stmt] = [s for s in x.statements if s.cue == cue]
    assert (stmt.speaker_text, stmt.kind, stmt.content) == (speaker_text, kind, content)


@pytest.mark.parametrize(
    "text",
    [
        "The claim that he made on Friday was false.",  # a relative clause, and nobody named
        "There was no announcement that the park would close.",
        "The station that the mayor opened is closed.",
        "The bakery's demand for flour doubled.",
        "The bank's statement of accounts was late.",
        # the parser cut the clause short: no content is better than half of one
        "Her insistence that the road was safe annoyed the villagers.",
        "The president's call to end the strike was heard.",
    ],
)
def test_nouns_that_report_nothing(text):
    assert not _extract(text).statements


def test_reporting_nouns_derive_from_the_verbs():
    from kg.extract.lexicon import derive_reporting_nouns, reporting_nouns

    nouns = reporting_nouns()
    assert {nouns[n] for n in ("announcement", "denial", "allegation", "accusation", "warning")} == {
        "announce",
        "deny",
        "allege",
        "accuse",
        "warn",
    }
    assert not {"station", "notion", "plan", "hope", "report"} & set(nouns)
    assert "statement" in derive_reporting_nouns(None)  # without spaCy's noun list the rules still apply


@pytest.mark.parametrize(
    "text, speaker_text, cue, kind, content",
    [
        # the parser reads the complementizer as a relative pronoun's object
        (
            "The charge by the prosecutor that the firm lied was dismissed.",
            "the prosecutor",
            "charge",
            "accusation",
            "the firm lied",
        ),
        (
            "Divers made the discovery that the wreck had moved.",
            "Divers",
            "discovery",
            "finding",
            "the wreck had moved",
        ),
    ],
)
def test_reporting_nouns_through_parser_slips(text, speaker_text, cue, kind, content):
    x = _extract(text)
    [stmt] = [s for s in x.statements if s.cue == cue]
    assert (stmt.speaker_text, stmt.kind, stmt.content) == (speaker_text, kind, content)


def test_passive_accusation_with_its_agent():
    x = _extract("Norway was accused by Sweden of breaking the fishing treaty.")
    [stmt] = x.statements
    names = {e.id: e.name for e in x.entities}
    assert stmt.kind == "accusation" and names.get(stmt.speaker) == "Sweden" and stmt.speaker_text == "Sweden"
    assert names.get(stmt.about) == "Norway"
    assert stmt.content.endswith("of breaking the fishing treaty")
