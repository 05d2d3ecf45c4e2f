"""Statements and reports on the shared example article: each expected one, with the right speaker."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.read import read_articles


@pytest.fixture(scope="module")
def x(example_article_path):
    [item] = list(read_articles([str(example_article_path)]))
    return extract(item.article)


@pytest.fixture(scope="module")
def example_article_path():
    from tests.conftest import SHARED

    path = SHARED / "examples" / "amnesty-report.txt"
    assert path.is_file(), f"missing {path}"
    return path


def find(x, *, cue, content, speaker=None):
    for s in x.statements:
        if s.cue == cue and content in s.content and (speaker is None or s.speaker == speaker):
            return s
    raise AssertionError(
        f"no statement {cue!r} ~ {content!r}: " + "; ".join(f"{s.cue}: {s.content[:40]}" for s in x.statements)
    )


AMNESTY = "organization/amnesty-international"


def test_headline_claim(x):
    s = find(x, cue="Says", content="Crimes Against Humanity", speaker=AMNESTY)
    assert s.kind == "claim"


def test_report_findings(x):
    first = find(x, cue="found", content="committed crimes against humanity", speaker=AMNESTY)
    listed = find(x, cue="found", content="murder, extermination", speaker=AMNESTY)
    assert first.kind == listed.kind == "finding"
    assert first.report == listed.report is not None
    report = next(r for r in x.reports if r.id == first.report)
    assert report.author == AMNESTY and set(report.findings) >= {first.id, listed.id}


def test_quoted_statement(x):
    s = find(x, cue="said", content="These crimes were committed", speaker=AMNESTY)
    assert s.quote and "targeting civilians" in s.content


def test_hamas_denial_and_call(x):
    denial = find(x, cue="denied", content="carried out the crimes", speaker="organization/hamas")
    assert denial.kind == "denial"
    answered = next(s for s in x.statements if s.id == denial.responds_to)
    assert answered.kind == "finding" and answered.speaker == AMNESTY
    call = find(x, cue="urged", content="retract", speaker="organization/hamas")
    assert call.kind == "call"


def test_foreign_ministry_criticism(x):
    s = find(x, cue="said", content="did not cover the full extent", speaker="organization/israels-foreign-ministry")
    assert s.kind == "criticism" and s.about is not None


def test_second_report_and_israels_rejection(x):
    genocide = find(x, cue="determined", content="Israel had committed genocide", speaker=AMNESTY)
    assert genocide.kind == "finding"
    assert len(x.reports) == 2 and genocide.report != find(x, cue="found", content="crimes against humanity").report
    second = next(r for r in x.reports if r.id == genocide.report)
    assert second.published == "2024-12"
    rejection = find(x, cue="rejected", content="genocide accusations", speaker="place/israel")
    assert rejection.kind == "denial" and rejection.responds_to == genocide.id


def test_amnesty_israel_and_its_members(x):
    distanced = find(x, cue="distanced", content="December 2024 report", speaker="organization/amnesty-israel")
    assert distanced.kind == "criticism"
    stating = find(x, cue="stating", content="legal definition of genocide", speaker="organization/amnesty-israel")
    assert stating.kind in {"claim", "denial", "criticism"}
    members = find(x, cue="criticized", content="predetermined conclusion", speaker="organization/amnesty-israel")
    assert members.kind == "criticism" and members.speaker_text == "Members of the branch"


def test_critics_argument(x):
    s = find(x, cue="argued", content="misguided")
    assert s.speaker is None and s.speaker_text == "Other critics of the report"
    assert s.kind == "criticism"


def test_scare_quotes_are_not_statements(x):
    assert not [s for s in x.statements if s.cue in {"called", "described"}]
