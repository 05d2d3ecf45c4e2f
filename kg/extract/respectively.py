"""Names paired by "respectively": "Kwok and Wan of respectively the Civic Party and the Democratic
Party", "Lee and Park, of Acme and Bolt respectively". The n-th name of the first list goes with the
n-th of the second; the parser cannot say so, and reading "Wan of ... the Democratic Party" alone
would pair the first person with the last organisation.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

PREPOSITIONS = frozenset("of from at for with".split())
SEPARATORS = frozenset({",", "and"})

EntityAt = Callable[[object], str | None]


def _names(doc: Doc, k: int, step: int, entity_at: EntityAt) -> tuple[list[Span], int]:
    """The names of a list read from token k in direction step (1 or -1), joined by commas and 'and',
    a name possibly after 'the'; and the index of the first token beyond the list."""
    names: list[Span] = []
    beyond = k
    while 0 <= k < len(doc):
        if step == 1 and doc[k].lower_ == "the":
            k += 1
        if not 0 <= k < len(doc) or (found := entity_at(doc[k])) is None:
            break
        j = k
        while 0 <= j + step < len(doc) and entity_at(doc[j + step]) == found:
            j += step
        names.append(doc[min(k, j) : max(k, j) + 1])
        k = beyond = j + step
        if step == -1 and k >= 0 and doc[k].lower_ == "the":
            beyond = k = k - 1
        skipped = 0
        while 0 <= k < len(doc) and doc[k].lower_ in SEPARATORS and skipped < 2:
            k, skipped = k + step, skipped + 1
        if not skipped:
            break
    return (names[::-1] if step == -1 else names), beyond


def _before(doc: Doc, k: int) -> int:
    """Token k, or the one before it when k is a comma."""
    return k - 1 if k >= 0 and doc[k].text == "," else k


def respective_pairs(doc: Doc, entity_at: EntityAt) -> list[tuple[Span, Span]]:
    """(first-list name, second-list name) pairs of each 'respectively' with two lists of equal length."""
    out = []
    for token in doc:
        if token.lower_ != "respectively" or token.i < 2:
            continue
        if doc[token.i - 1].lower_ in PREPOSITIONS:  # "A and B of respectively X and Y"
            seconds, _ = _names(doc, token.i + 1, 1, entity_at)
            prep = token.i - 1
        else:  # "A and B, of X and Y respectively"
            seconds, prep = _names(doc, _before(doc, token.i - 1), -1, entity_at)
            if prep < 1 or doc[prep].lower_ not in PREPOSITIONS:
                continue
        firsts, _ = _names(doc, _before(doc, prep - 1), -1, entity_at)
        if len(firsts) == len(seconds) >= 2:
            out += list(zip(firsts, seconds, strict=True))
    return out
