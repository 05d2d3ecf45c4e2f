"""Why an entity has its type in one article, and how strongly the article says so.

NER guesses a type from a name's form and flips it between articles ("Banda Aceh" an organisation in
one, a place in another), which makes two nodes of one name. The store can join them
(:mod:`kg.layers.type_joins`) only if it knows which article *said* what the name is. Each rule of
:mod:`kg.extract.entities` that decides a type names its cue here, with a strength:

- ``decisive``: the text or a gazetteer says it: a known country or city, a personal title or role
  ("Mr", "spokesman"), a word of the name that names its kind ("Ministry", "Airways", "Street"), a
  kind noun in apposition ("X, a company", "the town of X"), "wrote on X";
- ``contextual``: a weaker cue of the context: the name as subject of a verb of saying or of a verb
  with an object ("X signed the deal"), a place preposition ("in X"), a first name;
- ``ner``: nothing but the name's form (spaCy's label, a run of capitalised words).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from kg.extract.lexicon import REPORTING_VERBS
from kg.model import Entity, TypeEvidence

STRENGTHS = ("ner", "contextual", "decisive")  # weakest first
ACTORS = frozenset({"Person", "Organization", "Group"})
PLACE_PREPOSITIONS = frozenset("in at near outside inside across throughout".split())
LIGHT_VERBS = frozenset("be have get become remain seem".split())  # "the Dow Jones has a value" says nothing


@dataclass(frozen=True)
class Why:
    """One rule's reason for one mention's type."""

    strength: str
    cue: str

    def rank(self) -> int:
        return STRENGTHS.index(self.strength)


NER = Why("ner", "NER label")


def stronger(a: Why | None, b: Why | None) -> Why | None:
    """The stronger of two reasons (the first on a tie)."""
    if a is None or (b is not None and b.rank() > a.rank()):
        return b
    return a


def context_cue(span: Span, type_: str) -> Why | None:
    """A weak cue of the words around a mention: "X said" for an actor, "in X" for a place."""
    root = span.root
    head = root.head
    verb = head.lemma_.lower()
    if type_ in ACTORS and root.dep_ == "nsubj" and head.pos_ == "VERB":
        # "X said", "X signed the deal": who says or does something to something is an actor
        if verb in REPORTING_VERBS or (verb not in LIGHT_VERBS and any(c.dep_ == "dobj" for c in head.children)):
            return Why("contextual", f"subject of '{verb}'")
    if type_ == "Place" and root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS:
        return Why("contextual", f"'{head.lower_}' before the name")
    return None


def settle(entities: list[Entity], why: dict[tuple[int, int], tuple[str, Why]]) -> list[Entity]:
    """Give each entity the strongest reason one of its mentions has for the type it ended with,
    unless a rule over the whole entity gave one already (``ner`` when nothing says more)."""
    for entity in entities:
        found = next((e for e in entity.type_evidence if e.type == entity.type), None)
        best = Why(found.strength, found.cue) if found else None
        for span in entity.mentions:
            type_, reason = why.get(tuple(span), (None, None))
            if type_ == entity.type:
                best = stronger(best, reason)
        best = best or NER
        entity.type_evidence = [TypeEvidence(entity.type, best.strength, best.cue, entity.id)]
    return entities


def decide(entity: Entity, why: Why) -> None:
    """Record a rule over the whole entity (a title before its name, a gazetteer) for its type."""
    old = next((e for e in entity.type_evidence if e.type == entity.type), None)
    if old is not None and Why(old.strength, old.cue).rank() >= why.rank():
        return
    entity.type_evidence = [TypeEvidence(entity.type, why.strength, why.cue, entity.id)]


def complete(entities: list[Entity]) -> None:
    """Evidence for entities later stages made (a place a relation names): a gazetteer's, or NER's."""
    for entity in entities:
        if not entity.type_evidence:
            why = Why("decisive", "gazetteer") if entity.same_as else NER
            entity.type_evidence = [TypeEvidence(entity.type, why.strength, why.cue, entity.id)]
