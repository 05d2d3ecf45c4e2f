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

from kg.extract import gazetteer
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
    "general-secretary boss chair premier king queen emperor governor mayor chancellor".split()
)
# Words of an organisation's name that say its members belong to it rather than work for it.
MEMBERSHIP_ORGS = frozenset("party alliance front league movement coalition bloc union federation association".split())
LEADER_MODIFIERS = frozenset({"prime", "chief", "head", "supreme"})
LEADING_VERBS = frozenset("lead head chair run direct command govern".split())
# Words of an organisation's name that say its people work for it: "Piccoli of Eurasia Group".
EMPLOYER_WORDS = frozenset(
    "group company corporation corp inc ltd llc bank agency institute university college school news times "
    "post press journal newspaper magazine network channel airline airlines firm foundation".split()
)
# A state body named after its place: "United States Navy", "Irving Police Department".
STATE_BODY_WORDS = frozenset(
    "navy army police department ministry council government parliament senate congress court "
    "forces force guard agency office embassy".split()
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
            subject, role = self.entity_at(token.head), token
            if subject is None:
                # "Malaysia's Prime Minister, Najib Razak": the role first, the name in apposition
                subject, role = self.entity_at(token), token.head
                if subject is None or self.types.get(subject) != "Person":
                    continue
            noun = self._role_word(role)
            owner = self._owner(role, subject)
            span = (self.phrase(token.head).start_char, self.phrase(token).end_char)
            if owner is None:
                continue
            self._role_relation(subject, noun, owner, span)

    @staticmethod
    def _role_word(role: Token) -> str:
        """The role a noun names: 'prime minister' and 'chief executive' lead, 'minister' serves."""
        lemma = role.lemma_.lower()
        if any(c.dep_ in {"compound", "amod"} and c.lower_ in LEADER_MODIFIERS for c in role.children):
            return "leader"
        return lemma

    def _owner(self, noun: Token, subject: str) -> str | None:
        """The organisation a role or part noun belongs to: 'its', 'the organization's', 'of/for/at Y',
        'the Lombardy region'. A description other than a pronoun ('the team') names no owner: the
        nearest organisation is too often another one."""
        for child in noun.children:
            if child.dep_ == "poss":
                if child.tag_ == "PRP$" or child.lemma_.lower() in {"organization", "organisation", "group", "company"}:
                    return resolve(self.phrase(child), self.index, exclude=subject)
                return self._named(child)
            if child.dep_ == "compound" and self.entity_at(child):
                return self.entity_at(child)
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "with"}:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self._named(obj)
        return None

    def _named(self, token: Token) -> str | None:
        """The entity a noun names, itself or through a name before it ('the Lombardy region')."""
        found = self.entity_at(token)
        if found is None:
            found = next((e for c in token.children if c.dep_ == "compound" and (e := self.entity_at(c))), None)
        return found

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
                if owner and role.pos_ in {"NOUN", "PROPN"}:
                    self._role_relation(entity.id, self._role_word(role), owner, (org.idx, end))

    def possessors_and_of(self) -> None:
        """'DAB's Ben Chan', 'Cheng Chung-tai of Civic Passion', 'Malaysia's Prime Minister Najib
        Razak': a person with an organisation (or a state) as possessor or after 'of'. With a role
        word the role decides; without one, a party-like name makes a member, anything else staff."""
        for entity in self.entities:
            if entity.type != "Person":
                continue
            for start, end in entity.mentions:
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                head = span.root
                for child in head.children:
                    owner_tok = None
                    if child.dep_ == "poss" and child.i < span.start:
                        owner_tok = child
                    elif child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end:
                        owner_tok = next((o for o in child.children if o.dep_ == "pobj"), None)
                    owner = self.entity_at(owner_tok) if owner_tok is not None else None
                    if owner is None or self.types.get(owner) not in {"Organization", "Place"}:
                        continue
                    role = next(
                        (
                            t
                            for t in self.doc[min(owner_tok.i, span.start) : span.start]
                            if t.pos_ in {"NOUN", "PROPN"}
                            and t.lemma_.lower() in LEADER_NOUNS | WORK_NOUNS | MEMBER_NOUNS
                        ),
                        None,
                    )
                    where = (min(owner_tok.idx, start), max(end, owner_tok.idx + len(owner_tok.text)))
                    if role is not None:
                        self._role_relation(entity.id, self._role_word(role), owner, where)
                    elif self.types.get(owner) == "Organization":
                        words = set(normalise(self.index.by_id[owner].name).split())
                        if words & MEMBERSHIP_ORGS:
                            self.add(entity.id, "member_of", owner, where)
                        elif words & EMPLOYER_WORDS:
                            self.add(entity.id, "works_for", owner, where)

    def clauses(self) -> None:
        """'X heads Y', 'X works for Y', 'X joined Y', 'X is the president of Y', 'X, who leads Y':
        a person as subject of a verb of leading, working or joining, or of 'be' with a role."""
        for token in self.doc:
            if token.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            verb = token.head
            subject = self.entity_at(token)
            if subject is None and token.lower_ in {"who", "that"} and verb.dep_ == "relcl":
                subject = self.entity_at(verb.head)  # "X, who heads Y"
            if subject is None or self.types.get(subject) != "Person":
                continue
            verbs = [verb] + [
                c
                for c in verb.children
                if c.dep_ == "conj"
                and c.pos_ in {"VERB", "AUX"}
                and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
            ]
            for verb in verbs:
                self._clause(subject, token, verb)

    def _clause(self, subject: str, token: Token, verb: Token) -> None:
        """One verb of which the person is the subject (its own, or shared by a conjunct)."""
        lemma = verb.lemma_.lower()
        span = (self.phrase(token).start_char, self.phrase(verb).end_char)
        for child in verb.children:
            target = None
            if child.dep_ == "dobj":
                target = self._named(child)
                if target and lemma in LEADING_VERBS:
                    self._role_relation(subject, "leader", target, span)
                elif target and lemma == "join" and self.types.get(target) == "Organization":
                    self.add(subject, "member_of", target, span)
            elif child.dep_ == "prep" and lemma in {"work", "serve"} and child.lower_ in {"for", "at", "with"}:
                obj = next((o for o in child.children if o.dep_ == "pobj"), None)
                target = self._named(obj) if obj is not None else None
                if target and self.types.get(target) == "Organization":
                    self.add(subject, "works_for", target, span)
            elif (child.dep_ == "attr" and lemma == "be") or (
                child.dep_ == "prep" and lemma == "serve" and child.lower_ == "as"
            ):
                role = child if child.dep_ == "attr" else next((o for o in child.children if o.dep_ == "pobj"), None)
                owner = self._owner(role, subject) if role is not None else None
                if owner is not None:
                    self._role_relation(subject, self._role_word(role), owner, span)

    def state_bodies(self) -> None:
        """'United States Navy', 'Irving Police Department': a state body is part of the place it is
        named after, when that place is an entity of the article."""
        places = {normalise(e.name): e.id for e in self.entities if e.type == "Place"}
        for e in self.entities:
            places.update({normalise(a): e.id for a in e.aliases if e.type == "Place"})
        for entity in self.entities:
            words = normalise(entity.name).split()
            if entity.type != "Organization" or len(words) < 2 or words[-1] not in STATE_BODY_WORDS:
                continue
            for k in range(len(words) - 1, 0, -1):
                place = places.get(" ".join(words[:k]))
                if place is not None:
                    self.add(entity.id, "part_of", place, entity.mentions[0])
                    break

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
            if not second or second == first or self.types.get(second) != "Place":
                continue
            if gazetteer.country(self.index.by_id[first].name) is not None:
                continue  # "Sudan, Iran, Libya": a country lies in no other place of a list
            end = k
            while end + 1 < len(self.doc) and self.entity_at(self.doc[end + 1]) == second:
                end += 1
            after = self.doc[end + 1] if end + 1 < len(self.doc) else None
            if after is not None and after.lower_ in {",", "and", "or"} and end + 2 < len(self.doc):
                if self.types.get(self.entity_at(self.doc[end + 2]) or "") == "Place":
                    continue  # a list of places, not a place and where it lies
            self.add(first, "located_in", second, (token.idx, self.doc[end].idx + len(self.doc[end].text)))

    def run(self) -> list[Relation]:
        self.appositions()
        self.role_before_name()
        self.possessors_and_of()
        self.clauses()
        self.state_bodies()
        self.based_in()
        self.credits()
        self.names()
        self.place_pairs()
        return self.relations


def extract_relations(doc: Doc, entities: list[Entity], speakers: list[tuple[int, str]] = ()) -> list[Relation]:
    """Relations of one parsed article; ``speakers`` (offset, entity) make described owners resolvable."""
    return RelationExtractor(doc, entities, list(speakers)).run()
