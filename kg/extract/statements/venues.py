"""Where something was said: 'in a statement', 'on Twitter', 'at a briefing'. A venue is neither what
was said nor who said it."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import VENUES


def is_statement_venue(token: Token) -> bool:
    """'in a statement', 'on Twitter': a preposition whose object is a venue of words."""
    if token.dep_ != "prep" or token.lower_ not in {"in", "on", "during", "at"}:
        return False
    return any(c.dep_ == "pobj" and c.lemma_.lower() in VENUES for c in token.children)


def is_venue_noun(token: Token) -> bool:
    """'said in a statement that ...': the verb reports; the noun only says where."""
    return token.dep_ == "pobj" and is_statement_venue(token.head)
