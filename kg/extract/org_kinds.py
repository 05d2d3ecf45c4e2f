"""Organisations an article describes as having members: "localist group Civic Passion", "the band
Duran Duran", "Zanu-PF, the ruling party". A name need not say it ("Demosisto" does not): the
description does, so the people named with it are its members rather than its staff.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

# Kinds of organisation whose people are members.
MEMBERSHIP_KINDS = frozenset("party movement faction band caucus militia".split())
MEMBERSHIP_NOUNS = MEMBERSHIP_KINDS | {"group"}  # a group when its words say so (below)
# A "group" has members when it is a political or armed one ("rebel group"), not a firm ("media group").
POLITICAL_GROUP_WORDS = frozenset(
    "rebel militant opposition political protest armed pressure youth student advocacy campaign dissident".split()
)

# "-ist" words that name a trade or a clientele, not a cause: "the specialist group Beazley".
TRADE_IST = frozenset("specialist tourist dentist pharmacist florist stockist".split())


def _membership_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in MEMBERSHIP_NOUNS:
        return False
    third = noun.i > 0 and noun.doc[noun.i - 1].lower_ == "third"
    if third or any(c.dep_ == "prep" and c.lower_ == "to" for c in noun.children):
        return False  # "a party to the lawsuit", "third party"
    if lemma != "group":
        return True
    # "localist group", "Islamist group", "activist group", "rebel group" (the word before, whatever the parse)
    modifiers = [c for c in noun.children if c.dep_ in {"amod", "compound"}]
    if noun.i > 0:
        modifiers.append(noun.doc[noun.i - 1])
    return any(
        (c.lower_.endswith("ist") and c.lower_ not in TRADE_IST) or c.lower_ in POLITICAL_GROUP_WORDS for c in modifiers
    )


def described_memberships(doc: Doc, entity_at: Callable[[Token], str | None]) -> set[str]:
    """The entities the text describes with a membership kind right before or beside their name."""
    out = set()
    for token in doc:
        found = entity_at(token)
        before = doc[token.i - 1] if token.i > 0 else None
        if found is not None and before is not None and before.is_lower and entity_at(before) is None:
            if _membership_noun(before):
                out.add(found)  # "the opposition movement Forward Valmora", however it is parsed
        for child in token.children:
            if child.dep_ not in {"compound", "amod", "appos"}:
                continue
            if found is not None and entity_at(child) is None and _membership_noun(child):
                out.add(found)  # "the band Duran Duran", "Zanu-PF, the ruling party"
            elif found is None and child.dep_ in {"appos", "compound"} and (named := entity_at(child)):
                if _membership_noun(token):
                    out.add(named)  # "the localist group, Civic Passion", "the X Liberation Army rebel group"
    return out


# Last words of names of things named after an organisation, not the organisation: an event, a prize,
# a building or a division ("Acme Developer Forum", "Acme Cup", "Acme Tower", "Acme Services"). The
# company's name alone is not a short form of them. Not "center": a clinic named after someone goes
# by that name alone ("she checked into Betty Ford").
NAMED_AFTER_TAILS = frozenset(
    "forum expo exposition conference summit convention awards award prize cup trophy championship "
    "championships open festival fair show tower towers stadium arena building services labs division".split()
)
