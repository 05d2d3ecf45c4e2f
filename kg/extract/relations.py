"""Relations the text states between entities: part of, based in, member of, works for, leader of,
located in. Each comes with the span of text that states it.

Constructions: appositions ("Amnesty Israel, the organization's local chapter"; "Maria Keller, a
spokeswoman for the Red Cross"), role nouns before a name ("Oxfam spokesman Tom Hall"), "X-based"
descriptions ("the London-based group"), photo credits ("Photo: REUTERS/Ilan Rosenberg"), a place's
possessive in an organisation's name ("Israel's Foreign Ministry"), and place pairs ("Irving,
Texas"; "Kfar Aza, in southern Israel"; "southern Israel" in Israel).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.coref import EntityIndex, resolve
from kg.extract.entities import DIRECTIONS, normalise
from kg.model import Entity, Relation
from kg.nlp import doc_text

PART_NOUNS = frozenset(
    "chapter branch affiliate subsidiary unit wing arm division section bureau office department "
    "ministry agency franchise member".split()
)
LEADER_NOUNS = frozenset(
    "leader head chief president chairman chairwoman director ceo founder commander secretary-general "
    "general-secretary boss chair premier".split()
)
MEMBER_NOUNS = frozenset({"member", "members", "lawmaker", "legislator", "mp", "senator", "delegate"})
WORK_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson official employee reporter correspondent photographer editor "
    "analyst researcher lawyer adviser advisor economist engineer executive manager officer staffer "
    "minister diplomat ambassador envoy representative coach player worker doctor professor".split()
)
_CREDIT = re.compile(
    r"\b(?:Photo|Image|Picture|Credit)s?\s*(?:by|:)\s*"
    r"([A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*)*)\s*/\s*"
    r"([A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+)+)"
)


class RelationExtractor:
    def __init__(self, doc: Doc, entities: list[Entity], speakers: list[tuple[int, str]]) -> None:
        self.doc = doc
        self.entities = entities
        self.index = EntityIndex(entities)
        for offset, entity_id in speakers:
            self.index.note_speaker(offset, entity_id)
        self.types = {e.id: e.type for e in entities}
        self.relations: list[Relation] = []

    def add(self, subject: str | None, predicate: str, obj: str | None, span: tuple[int, int]) -> None:
        if not subject or not obj or subject == obj:
            return
        if any(r.subject == subject and r.predicate == predicate and r.object == obj for r in self.relations):
            return
        self.relations.append(Relation(subject, predicate, obj, span))

    def entity_at(self, token: Token) -> str | None:
        return self.index.at(token.idx, token.idx + len(token.text))

    def phrase(self, token: Token) -> Span:
        return self.doc[token.left_edge.i : token.right_edge.i + 1]

    # ------------------------------------------------------------------ constructions

    def appositions(self) -> None:
        for token in self.doc:
            if token.dep_ != "appos":
                continue
            subject = self.entity_at(token.head)
            if subject is None:
                continue
            noun = token.lemma_.lower()
            owner = self._owner(token, subject)
            span = (self.phrase(token.head).start_char, self.phrase(token).end_char)
            if owner is None:
                continue
            self._role_relation(subject, noun, owner, span)

    def _owner(self, noun: Token, subject: str) -> str | None:
        """The organisation a role or part noun belongs to: 'its', 'the organization's', 'of/for/at Y'."""
        for child in noun.children:
            if child.dep_ == "poss":
                return resolve(self.phrase(child), self.index, exclude=subject)
            if child.dep_ == "compound" and self.entity_at(child):
                return self.entity_at(child)
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "with"}:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.entity_at(obj) or resolve(self.phrase(obj), self.index, exclude=subject)
        return None

    def _role_relation(self, subject: str, noun: str, owner: str, span: tuple[int, int]) -> None:
        subject_type, owner_type = self.types.get(subject), self.types.get(owner)
        if subject_type == "Organization" and noun in PART_NOUNS:
            self.add(subject, "part_of", owner, span)
        elif subject_type == "Person" and owner_type in {"Organization", "Place", "Group"}:
            if noun in LEADER_NOUNS:
                self.add(subject, "leader_of", owner, span)
            elif noun in MEMBER_NOUNS:
                self.add(subject, "member_of", owner, span)
            elif noun in WORK_NOUNS or noun in PART_NOUNS:
                self.add(subject, "works_for", owner, span)

    def role_before_name(self) -> None:
        """'Oxfam spokesman Tom Hall', 'Hamas leader Yahya Sinwar'."""
        for entity in self.entities:
            if entity.type != "Person":
                continue
            for start, end in entity.mentions:
                first = self.doc.char_span(start, end, alignment_mode="expand")
                if first is None or first.start < 2:
                    continue
                role, org = self.doc[first.start - 1], self.doc[first.start - 2]
                owner = self.entity_at(org)
                if owner and role.pos_ == "NOUN":
                    self._role_relation(entity.id, role.lemma_.lower(), owner, (org.idx, end))

    def based_in(self) -> None:
        for token in self.doc:
            if token.lower_ != "based" or token.i == 0:
                continue
            place_tok = self.doc[token.i - 1] if self.doc[token.i - 1].text != "-" else self.doc[token.i - 2]
            place = self.entity_at(place_tok)
            if place is None or self.types.get(place) != "Place":
                continue
            noun = token.head if token.dep_ == "amod" else None
            while noun is not None and noun.dep_ == "compound":
                noun = noun.head
            if noun is None:
                continue
            subject = self.entity_at(noun) or resolve(self.phrase(noun), self.index)
            if subject and self.types.get(subject) in {"Organization", "Person"}:
                self.add(subject, "based_in", place, (place_tok.idx, noun.idx + len(noun.text)))

    def credits(self) -> None:
        for m in _CREDIT.finditer(doc_text(self.doc)):
            org = self.index.at(m.start(1), m.end(1))
            person = self.index.at(m.start(2), m.end(2))
            if org and person and self.types.get(person) == "Person":
                self.add(person, "works_for", org, (m.start(), m.end()))

    def names(self) -> None:
        """'Israel's Foreign Ministry' is part of Israel; 'southern Israel' is located in Israel."""
        keys = {normalise(e.name): e for e in self.entities}
        for entity in self.entities:
            words = entity.name.replace("\u2019", "'").split()
            if entity.type == "Organization" and words and words[0].endswith("'s"):
                parent = keys.get(normalise(words[0][:-2]))
                if parent is not None and parent.type == "Place":
                    self.add(entity.id, "part_of", parent.id, entity.mentions[0])
            if entity.type == "Place" and len(words) > 1 and words[0].lower() in DIRECTIONS:
                parent = keys.get(normalise(" ".join(words[1:])))
                if parent is not None and parent.type == "Place":
                    self.add(entity.id, "located_in", parent.id, entity.mentions[0])

    def place_pairs(self) -> None:
        """'Irving, Texas' and 'Kibbutz Kfar Aza, in southern Israel': the first lies in the second."""
        for token in self.doc:
            first = self.entity_at(token)
            if first is None or self.types.get(first) != "Place":
                continue
            nxt = token.i + 1
            if nxt >= len(self.doc) or self.doc[nxt].text != "," or self.entity_at(self.doc[nxt - 1]) != first:
                continue
            k = nxt + 1
            if k < len(self.doc) and self.doc[k].lower_ == "in":
                k += 1
            while (
                k < len(self.doc) and self.doc[k].lower_ in DIRECTIONS | {"the"} and self.entity_at(self.doc[k]) is None
            ):
                k += 1
            if k >= len(self.doc):
                continue
            second = self.entity_at(self.doc[k])
            if second and second != first and self.types.get(second) == "Place":
                self.add(first, "located_in", second, (token.idx, self.doc[k].idx + len(self.doc[k].text)))

    def run(self) -> list[Relation]:
        self.appositions()
        self.role_before_name()
        self.based_in()
        self.credits()
        self.names()
        self.place_pairs()
        return self.relations


def extract_relations(doc: Doc, entities: list[Entity], speakers: list[tuple[int, str]] = ()) -> list[Relation]:
    """Relations of one parsed article; ``speakers`` (offset, entity) make described owners resolvable."""
    return RelationExtractor(doc, entities, list(speakers)).run()
