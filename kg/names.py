"""Comparison forms of names, in one place: every rule that compares names folds case and accents
the same way (:func:`unaccented`) and differs only in what it does with punctuation.

    >>> normalise("The Rōyal Society's")
    'royal societys'
    >>> fold("Muqtada al\u2013Sadr, Jr.")
    'muqtada al sadr jr'
    >>> ascii_fold("Herāt")
    'herat'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Curly quotes as straight ones.
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_LEADING = re.compile(r"^(the|a|an)\s+", re.I)


def unaccented(text: str) -> str:
    """Lower case without accents (compatibility decomposition, combining marks dropped)."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """The comparison key of an entity's name: case, accents, quotes, articles and punctuation folded
    away (hyphens and ampersands kept). Remembered: merging compares each name with every other, a
    few hundred keys per article."""
    text = _LEADING.sub("", unaccented(name.translate(QUOTES)).strip())
    text = re.sub(r"[^\w\s&-]", "", text)
    return " ".join(text.split())


def fold(name: str) -> str:
    """A person's name as surnames are compared: lower case, accents gone, punctuation a space but
    hyphens and apostrophes kept ("al-Sadr", "O'Brien")."""
    text = unaccented(name.replace("\u2019", "'"))
    return " ".join(re.sub(r"[^\w\s'-]", " ", text).split())


def ascii_fold(name: str) -> str:
    """A place name as GeoNames' ASCII names are compared: lower case, nothing but ASCII left."""
    return unaccented(name).encode("ascii", "ignore").decode()
