"""Why an entity has its type (kg/extract/type_evidence.py): each rule that decides a type names its
cue and how strongly the article says it, on an article written for this test."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article

TEXT = """Harbour board names new chief

Mr Tolvane said on Monday that the Kestrel Shipping Company would move its offices to Oskarby, Texas. \
Ilse Tolvane, the board's spokeswoman, told reporters in Vienna that the Drummond Ring of Stone, a region \
known for its quarries, would be spared. Quarrymen wrote on Fennick that the plan was welcome. Later, \
Marrowfield Holdings bought the old pier.
"""


@pytest.fixture(scope="module")
def evidence() -> dict[str, tuple[str, str, str]]:
    entities = extract(Article(text=TEXT)).entities
    return {e.id: (w.type, w.strength, w.cue) for e in entities for w in e.type_evidence}


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("person/ilse-tolvane", ("Person", "decisive", "personal title (Mr, Ms, Dr)")),
        ("organization/kestrel-shipping-company", ("Organization", "decisive", "organisation word 'company'")),
        ("place/oskarby", ("Place", "decisive", "followed by 'Texas'")),
        ("place/vienna", ("Place", "decisive", "gazetteer")),
        ("place/drummond-ring-of-stone", ("Place", "decisive", "kind noun 'region'")),
        ("organization/fennick", ("Organization", "decisive", "'write on'")),
        ("organization/marrowfield-holdings", ("Organization", "contextual", "subject of 'buy'")),
    ],
)
def test_each_rule_says_why(evidence, key, said):
    assert evidence[key] == said


def test_one_reason_per_entity_under_its_own_key():
    entities = extract(Article(text=TEXT)).entities
    for e in entities:
        [why] = e.type_evidence
        assert (why.type, why.key) == (e.type, e.id) and why.strength in {"decisive", "contextual", "ner"}
