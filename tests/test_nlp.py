"""The English pipeline: kg's faster attribute ruler gives the tokens spaCy's own ruler gives."""

from __future__ import annotations

from kg.nlp import load_model, load_nlp
from tests.conftest import DATA

# Sentences that exercise the model's rules: pronoun cases by dependency, negation, auxiliaries,
# subordinators from the rule's word list, determiners as pronouns, contractions, spaces.
TRICKY = (
    "I told them that it wasn't over, but we ain't gonna wait.\n\n"
    "There are those who say he'd have done it himself; that is what she said to me.\n"
    "Y'all know nothin' about it unless you ask   them, c'mon, let's go.\n"
    "Which one does she want? This is the one I'd pick, although I'm not sure it is."
)


def signature(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_attribute_ruler_matches_spacys_own():
    texts = [TRICKY] + [p.read_text(encoding="utf-8") for p in sorted(DATA.rglob("*.txt"))]
    fast = load_nlp()
    assert type(fast.get_pipe("attribute_ruler").match).__name__ == "_IndexedRules"
    stock = load_model()  # spaCy's own ruler; the same line-break rule as kg's pipeline
    stock.add_pipe("kg_line_breaks", before="parser")
    for text in texts:
        expected = signature(stock(text))
        assert signature(fast(text)) == expected
        assert signature(fast(text)) == expected  # also once its combinations are remembered
