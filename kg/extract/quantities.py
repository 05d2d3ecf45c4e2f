"""Numbers attached to what they count: "Around 1,200 people" -> 1200, approximate, counting people."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.model import Quantity

WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
APPROX = frozenset("around about nearly approximately roughly almost some estimated circa approx. approx".split())
LOWER = ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "no less than")
# A number that is a date, a share or a rank counts nothing ("the 2012 elections", "40 percent").
NOT_COUNTS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL"})
NOT_COUNTED = frozenset({"percent", "%", "percentage", "year", "years"})
MODIFIER_WORDS = APPROX | frozenset("more than over at least upwards of in excess no fewer less".split())


def parse_number(text: str) -> float | None:
    """'1,200' -> 1200; 'three' -> 3; '1.2 million' -> 1200000; 'thousands' -> None."""
    words = text.lower().replace(",", "").split()
    value: float | None = None
    for word in words:
        if re.fullmatch(r"\d+(\.\d+)?", word):
            value = float(word) if value is None else value * float(word)
        elif word in WORD_NUMBERS:
            value = float(WORD_NUMBERS[word]) if value is None else value + WORD_NUMBERS[word]
        elif word in SCALES and value is not None:
            value *= SCALES[word]
    return value


def quantity_of(noun: Token) -> Quantity | None:
    """The number modifying ``noun`` ("251 people"), with approximation and bound markers."""
    nums = [c for c in noun.children if c.dep_ == "nummod" and c.ent_type_ not in NOT_COUNTS]
    if not nums or noun.lemma_.lower() in NOT_COUNTED:
        return None
    num = nums[0]
    doc = noun.doc
    parts = [num, *[c for c in num.children if c.dep_ in {"compound", "nummod"}]]
    number_text = " ".join(t.text for t in sorted(parts, key=lambda t: t.i) if t.like_num or t.lower_ in SCALES)
    value = parse_number(number_text)
    if value is None:
        return None
    # Modifiers sit just before the number ("more than 350", "Around 1,200", "at least 30").
    first = min(t.i for t in parts)
    while first > 0 and doc[first - 1].lower_ in MODIFIER_WORDS:
        first -= 1
    modifier = " ".join(t.lower_ for t in doc[first : min(t.i for t in parts)])
    approx = any(w in APPROX for w in modifier.split())
    lower_bound = any(modifier.endswith(m) for m in LOWER)
    span = (doc[first].idx, noun.idx + len(noun.text))
    value = int(value) if value == int(value) else value
    return Quantity(
        value=value,
        approx=approx,
        what=noun.lemma_.lower(),
        text=doc[first : noun.i + 1].text,
        lower_bound=lower_bound,
        span=span,
    )
