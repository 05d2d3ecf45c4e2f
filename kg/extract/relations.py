"""Relations the text states between entities: part of, based in, member of, works for, leader of,
located in. Each comes with the span of text that states it.

Constructions: appositions ("Amnesty Israel, the organization's local chapter"; "Maria Keller, a
spokeswoman for the Red Cross"; "Springfield, the capital of Illinois"; "EADS, the parent company of
Airbus"), titles before a name owned by the organisation, place or nationality before them ("Oxfam
spokesman Tom Hall", "Chrysler Chief Executive Robert Nardelli", "Afghan Ambassador to the United
States Hamdullah Mohib"), possessors and "of" ("DAB's Ben Chan", "Cheng of Civic Passion", and pairs
by "respectively"), clauses ("X heads Y", "X was named chief executive of Y", "Y is based in Z"),
"X-based" descriptions ("the London-based group"), photo credits ("Photo: REUTERS/Ilan Rosenberg"),
a place's possessive in an organisation's name ("Israel's Foreign Ministry"), and place pairs
("Irving, Texas"; "Kfar Aza, in southern Israel"; "southern Israel" in Israel). What a title means
is in roles.py; which organisations have members rather than staff, in org_kinds.py and here.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract import gazetteer
from kg.extract.coref import ORG_NOUNS, EntityIndex, resolve
from kg.extract.entities import DIRECTIONS, PLACE_TAILS, entity_key
from kg.extract.lexicon import KIND_NOUNS, UNREAL_MODALS
from kg.extract.org_kinds import described_memberships
from kg.extract.respectively import respective_pairs
from kg.extract.roles import (
    ENDED,
    HEADING_DIRECTOR,
    PART_NOUNS,
    PLACE_LEADER_NOUNS,
    PLACE_WORK_NOUNS,
    ROLE_NOUNS,
    STAFF_LEADER_NOUNS,
    TITLE_MODIFIERS,
    WORK_NOUNS,
    segment_role,
    title_role,
)
from kg.model import Entity, Relation
from kg.names import normalise
from kg.nlp import doc_text

# Words of an organisation's name that say its members belong to it rather than work for it.
MEMBERSHIP_ORGS = frozenset(
    "party alliance front league movement coalition bloc union federation association democrats republicans "
    "socialists greens liberals conservatives communists nationalists".split()
)
LEADING_VERBS = frozenset("lead head chair run direct command govern".split())
# Verbs that give a post: "X was named chief executive of Y".
APPOINTING_VERBS = frozenset("name appoint elect reelect promote install choose select".split())
# Words of an organisation's name that say its people work for it: "Piccoli of Eurasia Group".
EMPLOYER_WORDS = frozenset(
    "group company corporation corp inc ltd llc bank agency institute university college school news times "
    "post press journal newspaper magazine network channel airline airlines firm foundation mail herald tribune "
    "gazette chronicle telegraph courier".split()
)
# A state body named after its place: "United States Navy", "Irving Police Department", "US Treasury".
STATE_BODY_WORDS = frozenset(
    "navy army police department ministry council parliament senate congress court treasury "
    "forces force guard agency office embassy administration service".split()
)
# Descriptions that name an organ of a state ("the Israeli army X"); an "agency" may be a news agency.
STATE_ORGANS = frozenset("army navy police ministry military embassy parliament court forces force guard".split())
# Nouns that describe an organisation before its name: "German magazine Der Spiegel".
DESCRIPTION_NOUNS = ORG_NOUNS | frozenset(
    "magazine publication paper daily weekly outlet automaker carmaker station rival school college "
    "operator lender insurer startup conglomerate broadcaster publisher".split()
)
# Kinds of organisation that stand somewhere: "Skidmore College in Saratoga Springs".
SITED_ORG_WORDS = frozenset(
    "university college school institute museum gallery hospital church cathedral mosque temple library "
    "academy seminary laboratory center centre headquarters".split()
)
# Kinds of place one lies in another as: "Springfield, the capital of Illinois", "Hove, a town in Sussex".
PLACE_KINDS = KIND_NOUNS["Place"] - {"country"}
_CREDIT = re.compile(
    r"\b(?:Photo|Image|Picture|Credit)s?\s*(?:by|:)\s*"
    r"([A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*)*)\s*/\s*"
    r"([A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+)+)"
)


def _word(token: Token) -> str:
    return token.lemma_.lower().strip(".") if token.pos_ in {"NOUN", "PROPN"} else token.lower_.strip(".")


# A person named with an organisation or state: (person, the name's token, owner, span, title role).
Affiliation = tuple[str, Token, str, tuple[int, int], tuple[str, str] | None]


class RelationExtractor:
    def __init__(self, doc: Doc, entities: list[Entity], speakers: list[tuple[int, str]]) -> None:
        self.doc = doc
        self.entities = entities
        self.index = EntityIndex(entities)
        for offset, entity_id in speakers:
            self.index.note_speaker(offset, entity_id)
        self.types = {e.id: e.type for e in entities}
        self.countries: dict[int, str] = {}  # GeoNames id of a country -> the article's entity for it
        for e in entities:
            if e.type == "Place":
                for name in (e.name, *e.aliases):
                    found = gazetteer.country(name)
                    if found is not None:
                        self.countries.setdefault(found.geonames_id, e.id)
        self.relations: list[Relation] = []
        self.unnamed: dict[str, Entity] = {}  # countries only a nationality adjective names
        self.adjective: dict[str, tuple[int, int]] = {}  # the last such adjective seen, per country
        self.qualified: list[tuple[str, tuple[int, int], tuple[int, int]]] = []  # "Evanston, Illinois"
        self.described_members = {
            e for e in described_memberships(doc, self.entity_at) if self.types.get(e) == "Organization"
        }

    def add(self, subject: str | None, predicate: str, obj: str | None, span: tuple[int, int]) -> None:
        if not subject or not obj or subject == obj:
            return
        if any(r.subject == subject and r.predicate == predicate and r.object == obj for r in self.relations):
            return
        for entity_id in (subject, obj):
            entity = self.unnamed.get(entity_id)
            if entity is not None:
                if entity not in self.entities:
                    self.entities.append(entity)
                entity.mentions = sorted({*entity.mentions, self.adjective[entity_id]})
        self.relations.append(Relation(subject, predicate, obj, span))

    def entity_at(self, token: Token) -> str | None:
        return self.index.at(token.idx, token.idx + len(token.text))

    def phrase(self, token: Token) -> Span:
        return self.doc[token.left_edge.i : token.right_edge.i + 1]

    def country_at(self, token: Token) -> str | None:
        """The article's entity for the place a token names or whose nationality it is ("Afghan")."""
        found = self.entity_at(token)
        if found is not None:
            return found if self.types.get(found) == "Place" else None
        if not token.text[:1].isupper():
            return None
        place = gazetteer.demonym(token.text)
        if place is None:
            return None
        found = self.countries.get(place.geonames_id)
        if found is None:
            # "the Turkish news agency Anatolian" in an article that never names Turkey: the country
            # the adjective names becomes an entity if a relation needs it (see add)
            found = entity_key(place.name, "Place")
            if found in self.index.by_id:
                return None
            self.unnamed.setdefault(found, Entity(found, place.name, "Place", same_as=place.iris))
            self.types[found] = "Place"
        self.adjective[found] = (token.idx, token.idx + len(token.text))
        return found

    def _is_person(self, token: Token) -> bool:
        return self.types.get(self.entity_at(token) or "") == "Person"

    def _role_of(self, owner: Token) -> Token | None:
        """The role noun a named owner is 'of' ('the governor of Unity State'), if it is one."""
        prep = owner.head
        if owner.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ != "NOUN":
            return None
        return prep.head if self._title_word(prep.head) else None

    def _is_org(self, token: Token) -> bool:
        return self.types.get(self.entity_at(token) or "") == "Organization"

    def _name(self, entity_id: str) -> str:
        return (self.index.by_id.get(entity_id) or self.unnamed[entity_id]).name

    def _first(self, token: Token) -> Token:
        """The first token of the entity mention a token is in."""
        found, k = self.entity_at(token), token.i
        while found is not None and k > 0 and self.entity_at(self.doc[k - 1]) == found:
            k -= 1
        return self.doc[k]

    def _last(self, token: Token) -> Token:
        """The last token of the entity mention a token is in."""
        found, k = self.entity_at(token), token.i
        while found is not None and k + 1 < len(self.doc) and self.entity_at(self.doc[k + 1]) == found:
            k += 1
        return self.doc[k]

    def _title_word(self, token: Token) -> bool:
        return self.entity_at(token) is None and (_word(token) in ROLE_NOUNS or token.lower_ in TITLE_MODIFIERS)

    # ------------------------------------------------------------------ constructions

    def appositions(self) -> None:
        for token in self.doc:
            if token.dep_ == "conj" and token.i > 0 and self.doc[token.i - 1].text == ",":
                if self.entity_at(token) is None and self.types.get(self.entity_at(token.head) or "") == "Person":
                    pass  # "Joe Leonard, Chairman and Chief Operating Officer of ...", parsed as a conjunct
                else:
                    continue
            elif token.dep_ != "appos":
                continue
            if self._parent_company(token):
                continue
            subject, role = self.entity_at(token.head), token
            if self._is_person(token) and not self._is_person(token.head) and self._role_of(token.head):
                # "The governor of Unity State, Taban Deng,": the name set beside the role's owner
                subject, role = self.entity_at(token), self._role_of(token.head)
            if subject is None:
                # "Malaysia's Prime Minister, Najib Razak": the role first, the name in apposition
                subject, role = self.entity_at(token), token.head
                if subject is None or self.types.get(subject) != "Person":
                    continue
            span = (self.phrase(token.head).start_char, self.phrase(token).end_char)
            if self.types.get(subject) == "Place" and role is token and role.lemma_.lower() in PLACE_KINDS:
                self._place_of(subject, role, span)
                continue
            found = self._role(role)
            # "Chairman and CEO of X": roles in a row share the owner; not "a physician and X sympathizer"
            roles = [role, *(c for c in role.conjuncts if segment_role([_word(c)]))]
            owner = next((o for r in roles if (o := self._owner(r, subject))), None)
            owner = owner or self._trailing_org(role)
            if owner is None or found is None:
                continue
            if any(_word(t) in ENDED for t in self.doc[self.phrase(role).start : role.i]):
                continue  # "its former chief executive" (a later "and ex-Northrop executive" is another role)
            self._role_relation(subject, found, owner, span)

    def _parent_company(self, token: Token) -> bool:
        """'Meta, the parent company of Instagram', 'Instagram's parent, Meta': the organisation the
        parent owns is part of it. Whether the apposition named a parent."""
        for name, noun in ((token.head, token), (token, token.head)):
            parent = self.entity_at(name)
            if not self._is_org(name) or self.entity_at(noun) or not self._parent_noun(noun):
                continue
            owned = next(filter(None, map(self._named, self._possessor_or_of(noun))), None)
            if owned is not None and owned != parent and self.types.get(owned) == "Organization":
                span = (self.phrase(token.head).start_char, self.phrase(token).end_char)
                self.add(owned, "part_of", parent, span)
            return True
        return False

    @staticmethod
    def _possessor_or_of(noun: Token) -> list[Token]:
        """A noun's possessor and the objects of its 'of' ('Y's parent', 'the parent of Y')."""
        out = [c for c in noun.children if c.dep_ == "poss"]
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            out += [o for o in prep.children if o.dep_ == "pobj"]
        return out

    @staticmethod
    def _parent_noun(noun: Token) -> bool:
        """'parent', 'parent company', 'parent group'."""
        if noun.lemma_.lower() == "parent":
            return True
        return noun.lemma_.lower() in DESCRIPTION_NOUNS and any(
            c.dep_ in {"compound", "amod"} and c.lower_ == "parent" for c in noun.children
        )

    def _trailing_org(self, role: Token) -> str | None:
        """'Rory Read, president and CEO, AMD.', 'X, director of communications, Hayat,': an organisation
        set after the title by a comma, ending the apposition (however the parser attached it)."""
        k = max(t.i for t in [role, *role.conjuncts]) + 1
        while k < min(len(self.doc), role.i + 8) and self.doc[k].text != "," and not self.entity_at(self.doc[k]):
            if self.doc[k].lemma_.lower() in KIND_NOUNS["Organization"]:
                return None  # "director of one of the groups, X": X is what the title heads, not its employer
            k += 1  # over the title's own words ("of communications")
        if k + 1 >= len(self.doc) or self.doc[k].text != "," or not self._is_org(self.doc[k + 1]):
            return None
        after = self._last(self.doc[k + 1]).i + 1
        if after < len(self.doc) and not self.doc[after].is_punct:
            return None  # "X, president and CEO, Acme said": not the end of an apposition
        return self.entity_at(self.doc[k + 1])

    def _place_of(self, subject: str, noun: Token, span: tuple[int, int]) -> None:
        """'Springfield, the capital of Illinois', 'Oslo, Norway's capital': a place described as a
        kind of place of another place lies in it."""
        for child in noun.children:
            obj = None
            if child.dep_ == "poss":
                obj = child
            elif child.dep_ == "prep" and child.lower_ == "of":
                obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            target = self._named(obj) if obj is not None else None
            if target is not None and self.types.get(target) == "Place":
                self.add(subject, "located_in", target, span)

    def _role(self, role: Token) -> tuple[str, str] | None:
        """The role a noun and its conjuncts name, with their title words ('chief operating officer')."""
        roles = []
        for noun in [role, *role.conjuncts]:
            words = [_word(c) for c in noun.lefts if c.dep_ in {"compound", "amod"} and self._title_word(c)]
            found = segment_role([*words, _word(noun)])
            if found == ("leader", "director") and any(
                c.dep_ in {"compound", "amod"} and c.lower_ not in HEADING_DIRECTOR and not self.entity_at(c)
                for c in noun.lefts
            ):
                found = ("work", "director")  # "its marketing director"
            if found is not None and found[0] == "leader" and self._heads_other(noun):
                found = ("work", found[1])  # "director of exhibits at the University": staff there
            if found is not None and found[0] == "leader" and any(c.lower_ in {"a", "an"} for c in noun.lefts):
                found = ("work", found[1])  # "a director of Oxfam": one of several, not the head
            if found is not None:
                roles.append(found)
        return next((r for r in roles if r[0] == "leader"), roles[0] if roles else None)

    def _heads_other(self, noun: Token) -> bool:
        """Whether a leader noun has an unnamed thing of its own ('director of the gallery')."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((o for o in child.children if o.dep_ == "pobj"), None)
                if obj is not None and self._named(obj) is None and obj.tag_ not in {"PRP", "PRP$"}:
                    return True
        return False

    def _owner(self, noun: Token, subject: str) -> str | None:
        """The organisation a role or part noun belongs to: 'its', 'the organization's', 'of/for/at Y',
        'the Lombardy region', 'USI associate professor'. A description other than a pronoun ('the
        team') names no owner: the nearest organisation is too often another one."""
        for child in noun.children:
            if child.dep_ == "poss":
                if child.tag_ == "PRP$" or child.lemma_.lower() in {"organization", "organisation"}:
                    return resolve(self.phrase(child), self.index, exclude=subject)
                return self._named(child)
            if child.dep_ in {"compound", "nmod", "npadvmod"} and child.i < noun.i and self.entity_at(child):
                return self.entity_at(child)
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "with", "from"}:
                for obj in child.children:
                    if obj.dep_ == "pobj" and (found := self._named(obj) or self._owner_beyond(obj)):
                        return found
        return None

    def _owner_beyond(self, obj: Token) -> str | None:
        """'curator of the exhibition at the University of X': the named place of an unnamed object."""
        if obj.pos_ != "NOUN":
            return None
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ in {"at", "of"}:
                found = next((self._named(o) for o in child.children if o.dep_ == "pobj"), None)
                if found is not None and self.types.get(found) == "Organization":
                    return found
        return None

    def _named(self, token: Token) -> str | None:
        """The entity a noun names, itself, through a name before it ('the Lombardy region') or, for a
        common noun, in apposition ('the charity Christian Aid')."""
        found = self.entity_at(token)
        if found is None:
            found = next(
                (e for c in token.children if c.dep_ in {"compound", "amod", "nmod"} and (e := self.entity_at(c))), None
            )
        if found is None and token.pos_ == "NOUN":
            found = next((e for c in token.children if c.dep_ == "appos" and (e := self.entity_at(c))), None)
        return found

    def _membership(self, owner: str) -> bool:
        """Whether an organisation's names or the article's descriptions of it ("the localist group")
        say it has members rather than staff (a party, a union)."""
        if owner in self.described_members:
            return True
        entity = self.index.by_id[owner]
        return any(set(normalise(n).split()) & MEMBERSHIP_ORGS for n in (entity.name, *entity.aliases))

    def _role_relation(self, subject: str, role: tuple[str, str], owner: str, span: tuple[int, int]) -> None:
        kind, noun = role
        subject_type, owner_type = self.types.get(subject), self.types.get(owner)
        if subject_type == "Organization" and noun in PART_NOUNS:
            self.add(subject, "part_of", owner, span)
        elif subject_type == "Person" and owner_type in {"Organization", "Place", "Group"}:
            if owner_type == "Place" and (noun not in PLACE_LEADER_NOUNS | PLACE_WORK_NOUNS or kind == "member"):
                return  # a "French director" or an "Afghan analyst" works for no state; no one is its member
            if owner_type == "Place" and noun == "representative" and gazetteer.country(self._name(owner)) is None:
                return  # "a Kansas representative" sits in a legislature for the state; a country's is its envoy
            if owner_type != "Place" and kind == "work" and noun not in WORK_NOUNS | STAFF_LEADER_NOUNS:
                if owner_type == "Organization" and self._membership(owner):
                    self.add(subject, "member_of", owner, span)  # "Labour's Shadow Home Secretary X"
                return  # a title of a government ("secretary") is no post in an organisation
            if kind == "leader":
                self.add(subject, "leader_of", owner, span)
            elif kind == "member" or (kind == "work" and owner_type == "Organization" and self._membership(owner)):
                self.add(subject, "member_of", owner, span)
            elif kind in {"work", "part"}:
                self.add(subject, "works_for", owner, span)

    def _title_before(self, start: int) -> tuple[list[Token], int]:
        """The title words before a name and the index of the token before them: 'Chrysler Chief
        Executive', 'Malaysia's Prime Minister,', 'Afghan Ambassador to the United States'."""
        doc, k = self.doc, start - 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        words: list[Token] = []
        while k >= 0:
            token = doc[k]
            if self._title_word(token):
                words.insert(0, token)
                k -= 1
            elif token.lower_ in {"and", "&", "-"} and words and k > 0 and self._title_word(doc[k - 1]):
                words.insert(0, token)
                k -= 1
            elif self.entity_at(token) is not None and self._destination(token) is not None:
                k = self._destination(token)  # "Ambassador to the United States": not whose ambassador
            else:
                break
        # "Etemad-e Melli newspaper editor X": what kind of organisation the owner is, before the title
        while words and k > 0 and doc[k].is_lower and _word(doc[k]) in DESCRIPTION_NOUNS and self.entity_at(doc[k - 1]):
            k -= 1
        return words, k

    def _destination(self, token: Token) -> int | None:
        """Where a title's 'to/in [the] Place' starts, given the place's last token, if it is one."""
        j = self._first(token).i - 1
        if j >= 0 and self.doc[j].lower_ == "the":
            j -= 1
        if j >= 1 and self.doc[j].lower_ in {"to", "in"} and self._title_word(self.doc[j - 1]):
            return j - 1
        return None

    def titles(self) -> None:
        """'Oxfam spokesman Tom Hall', 'Chrysler Chief Executive Robert Nardelli', 'Malaysia's Prime
        Minister, Najib Razak', 'Afghan Ambassador to the United States Hamdullah Mohib': a title
        before a name, owned by the organisation or place before it (or its nationality)."""
        for entity in self.entities:
            if entity.type != "Person":
                continue
            for start, end in entity.mentions:
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                words, k = self._title_before(span.start)
                role = title_role([_word(t) for t in words])
                if role is None or k < 0:
                    continue
                owner_tok = self.doc[k]
                if owner_tok.tag_ == "POS" and k > 0:
                    owner_tok = self.doc[k - 1]
                owner = self.entity_at(owner_tok) or self.country_at(owner_tok)
                if owner is None or owner == entity.id:
                    continue
                if owner_tok.lower_ in TITLE_MODIFIERS and owner_tok.is_title and words[0].is_title:
                    continue  # "Boeing Executive Vice President X": the name took in the title's first word
                first = self._first(owner_tok) if self.entity_at(owner_tok) else owner_tok
                before = self._words_before(first.i)
                if before & ENDED:
                    continue  # "former Apple chief executive Steve Jobs"
                if before & {"a", "an"} and role[0] == "leader":
                    role = ("work", role[1])  # "an exiled TPLF commander": one of several, not the head
                self._role_relation(entity.id, role, owner, (first.idx, end))

    def _words_before(self, i: int) -> set[str]:
        """The determiner and adjectives before token i ('a former', 'an exiled')."""
        out, k = set(), i - 1
        while k >= 0 and i - k <= 4 and self.doc[k].pos_ in {"ADJ", "DET", "ADV"}:
            out.add(_word(self.doc[k]))
            k -= 1
        return out

    def possessors_and_of(self) -> None:
        """'DAB's Ben Chan', 'Cheng Chung-tai of Civic Passion', 'Alvin Yeung from the Civic Party',
        'publishers Jann Wenner of Rolling Stone': a person with an organisation (or a state) as
        possessor or after 'of' ('from' for a party). With a role word the role decides; without one,
        a party-like organisation makes a member, an employer-like one staff. An organisation listed
        in parallel with a party ('X of the Labour Party and Y of ADPL') is taken for one too; a
        possessor is shared by the names it precedes ('DAB's Ben Chan and Leung Che-cheung')."""
        found: list[Affiliation] = []
        for entity in self.entities:
            if entity.type != "Person":
                continue
            for start, end in entity.mentions:
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is None or any(_word(t) in ENDED for t in self.doc[max(span.start - 3, 0) : span.start]):
                    continue
                for owner_tok, role in self._affiliations(span):
                    owner = self.entity_at(owner_tok)
                    first, last = self._first(owner_tok), self._last(owner_tok)
                    where = (min(first.idx, start), max(end, last.idx + len(last.text)))
                    found.append((entity.id, span.root, owner, where, role))
                    if owner_tok.i < span.start:
                        for other in span.root.conjuncts:
                            person = self.entity_at(other)
                            between = self.doc[span.end : self._first(other).i]
                            if (
                                other.i > span.root.i
                                and self.types.get(person or "") == "Person"
                                and not any(self.types.get(self.entity_at(t) or "") == "Person" for t in between)
                                and not self._affiliations(self._mention(other))
                            ):
                                found.append((person, other, owner, (where[0], other.idx + len(other.text)), role))
        found = self._respective(found)
        parties = {owner for _, _, owner, _, _ in found if self._membership(owner)}
        lists: dict[int, set[str]] = {}
        for _, head, owner, _, _ in found:
            if self.types.get(owner) == "Organization":
                lists.setdefault(self._list_head(head).i, set()).add(owner)
        for owners in lists.values():
            if len(owners) > 1 and owners & parties:
                parties |= {o for o in owners if not self._employer(o)}
        for person, _, owner, where, role in found:
            if role is not None:
                self._role_relation(person, role, owner, where)
            elif self.types.get(owner) == "Organization":
                if owner in parties:
                    self.add(person, "member_of", owner, where)
                elif self._employer(owner):
                    self.add(person, "works_for", owner, where)

    def _respective(self, found: list[Affiliation]) -> list[Affiliation]:
        """'Kwok and Wan of respectively the Civic Party and the Democratic Party': each person with the
        organisation in the same place of the other list, instead of whatever the parse paired them with."""
        pairs: list[Affiliation] = []
        paired, persons, owners = set(), set(), set()
        for person_span, owner_span in respective_pairs(self.doc, self.entity_at):
            person, owner = self.entity_at(person_span.root), self.entity_at(owner_span.root)
            paired.add((person, owner))
            persons.add(person)
            owners.add(owner)
            if self.types.get(person or "") == "Person" and self.types.get(owner or "") in {"Organization", "Place"}:
                pairs.append((person, person_span.root, owner, (person_span.start_char, owner_span.end_char), None))
        kept = [f for f in found if not (f[0] in persons and f[2] in owners and (f[0], f[2]) not in paired)]
        return kept + pairs

    def _employer(self, owner: str) -> bool:
        """Whether an organisation's name says its people work for it ('Eurasia Group', 'The Times')."""
        return bool(set(normalise(self.index.by_id[owner].name).split()) & EMPLOYER_WORDS)

    def _list_head(self, token: Token) -> Token:
        """The first name of the list a person's name is in (names joined as conjuncts or, as the
        parser often reads a list, appositions)."""
        while token.dep_ in {"conj", "appos"}:
            head = token.head
            if self.types.get(self.entity_at(head) or "") != "Person" and head.dep_ == "pobj":
                head = head.head.head  # "A of X and B of Y", B read as a conjunct of X
            if self.types.get(self.entity_at(head) or "") != "Person":
                break
            token = head
        return token

    def _mention(self, token: Token) -> Span:
        return self.doc[self._first(token).i : self._last(token).i + 1]

    def _affiliations(self, span: Span) -> list[tuple[Token, tuple[str, str] | None]]:
        """The organisations or states a person's name has as possessor or after 'of' / 'from',
        each with the role the title words give, if any."""
        out = []
        links = [
            (child, child if child.dep_ == "poss" else next((o for o in child.children if o.dep_ == "pobj"), None))
            for child in span.root.children
            if (child.dep_ == "poss" and child.i < span.start)
            or (child.dep_ == "prep" and child.lower_ in {"of", "from"} and child.i >= span.end)
        ]
        if not links and span.end + 1 < len(self.doc) and self.doc[span.end].lower_ in {"of", "from"}:
            # "... and Wong Pik-wan of the Democratic Party", the "of" attached elsewhere by the parser
            k = span.end + 1 + (self.doc[span.end + 1].lower_ == "the")
            if k < len(self.doc) and self.entity_at(self.doc[k]) and self._first(self.doc[k]).i == k:
                links.append((self.doc[span.end], self._last(self.doc[k])))
        if span.start >= 2 and self.doc[span.start - 1].tag_ == "POS":
            # "Lau Siu-lai and Youngspiration's Yau Wai-ching": the parser took another name for the possessor
            owner_tok = self.doc[span.start - 2]
            if self.entity_at(owner_tok) and all(self.entity_at(o) != self.entity_at(owner_tok) for _, o in links if o):
                links.append((owner_tok, owner_tok))
        for child, owner_tok in links:
            owner = self.entity_at(owner_tok) if owner_tok is not None else None
            if owner is None or self.types.get(owner) not in {"Organization", "Place"}:
                continue
            if child.lower_ == "from" and not self._membership(owner):
                continue  # "from" a party is membership; from anywhere else, only where one comes from
            if owner_tok.i < span.start:
                between = [t for t in self.doc[owner_tok.i : span.start] if self._title_word(t)]
            else:
                between = self._title_before(span.start)[0]  # "publishers Jann Wenner of ..."
            out.append((owner_tok, title_role([_word(t) for t in between])))
        return out

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
                    self._role_relation(subject, ("leader", "leader"), target, span)
                elif target and lemma == "join" and self.types.get(target) == "Organization":
                    # one joins a party as a member and a firm as staff; of anything else the text says neither
                    if self._membership(target):
                        self.add(subject, "member_of", target, span)
                    elif self._employer(target):
                        self.add(subject, "works_for", target, span)
            elif child.dep_ == "prep" and lemma in {"work", "serve"} and child.lower_ in {"for", "at", "with"}:
                obj = next((o for o in child.children if o.dep_ == "pobj"), None)
                target = self._named(obj) if obj is not None else None
                if target and self.types.get(target) == "Organization":
                    self.add(subject, "works_for", target, span)
            elif (
                (child.dep_ == "attr" and lemma == "be")
                or (child.dep_ == "oprd" and self._appointed(verb))
                or (
                    child.dep_ == "prep"
                    and child.lower_ == "as"
                    and (lemma == "serve" or self._appointed(verb) or child.i < token.i)
                )
            ):
                # "X is the president of Y", "X served as head of Y", "As head of Y, X smuggled ...",
                # "X was named chief executive of Y"
                role = (
                    child
                    if child.dep_ in {"attr", "oprd"}
                    else next((o for o in child.children if o.dep_ == "pobj"), None)
                )
                owner = self._owner(role, subject) if role is not None else None
                found = self._role(role) if role is not None else None
                if owner is not None and found is not None:
                    where = (child.idx, self.phrase(token).end_char) if child.i < token.i else span
                    self._role_relation(subject, found, owner, where)

    @staticmethod
    def _appointed(verb: Token) -> bool:
        """'was named', 'has been appointed': a post given, not one that may be ('would be named')."""
        children = list(verb.children)
        return (
            verb.lemma_.lower() in APPOINTING_VERBS
            and any(c.dep_ == "auxpass" for c in children)
            and not any(c.dep_ == "aux" and c.lower_ in UNREAL_MODALS for c in children)
        )

    def state_bodies(self) -> None:
        """'United States Navy', 'Irving Police Department', 'U.S. Department of Labor', 'Indonesian
        Navy': a state body is part of the place it is named after (by name or nationality), when
        that place is an entity of the article. A party ('Indian National Congress') is no organ."""
        places = {normalise(e.name): e.id for e in self.entities if e.type == "Place"}
        for e in self.entities:
            places.update({normalise(a): e.id for a in e.aliases if e.type == "Place"})
        for entity in self.entities:
            raw = entity.name.split()
            words = normalise(entity.name).split()
            head = words[: words.index("of")] if "of" in words[1:] else words
            if entity.type != "Organization" or len(head) < 2 or head[-1] not in STATE_BODY_WORDS:
                continue
            if set(words) & MEMBERSHIP_ORGS or (head[-1] == "congress" and len(head) > 2):
                continue
            if entity.id in self.described_members:
                continue  # "the X Liberation Army rebel group": a militia named after a state is none of its organs
            place = None
            for k in range(len(head) - 1, 0, -1):
                place = places.get(" ".join(words[:k])) or self._country_named(" ".join(raw[:k]))
                if place is not None:
                    break
            if place is None and (found := gazetteer.demonym(raw[0])) is not None:
                place = self.countries.get(found.geonames_id)
            if place is None:
                place = self._country_in_name(entity)
            if place is not None:
                self.add(entity.id, "part_of", place, entity.mentions[0])

    def _country_in_name(self, entity: Entity) -> str | None:
        """'the U.S. Air Force' in an article that names the United States nowhere else: the country
        its name begins with becomes an entity, with those words as its mention, if a relation needs it."""
        text = doc_text(self.doc)
        start, end = entity.mentions[0]
        words = text[start:end].split()
        for k in range(min(len(words) - 1, 3), 0, -1):
            prefix = " ".join(words[:k])
            found = gazetteer.country(prefix)
            if found is None:
                continue
            key = entity_key(found.name, "Place")
            if key in self.index.by_id:
                return None
            self.unnamed.setdefault(key, Entity(key, found.name, "Place", same_as=found.iris))
            self.types[key] = "Place"
            self.adjective[key] = (start, start + len(prefix))
            return key
        return None

    def _country_named(self, name: str) -> str | None:
        found = gazetteer.country(name)
        return self.countries.get(found.geonames_id) if found is not None else None

    def based_in(self) -> None:
        """'the London-based group', 'Iran-based newspaper Kalameh Sabz', 'Los Angeles based Acme'."""
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
            if noun is not None and noun.dep_ == "appos" and self._is_org(noun.head):
                noun = noun.head  # "Renault, a Paris-based carmaker"
            named = self._named_after(token.i + 1)  # "the Lisbon-based monitoring group Electoral Watch"
            if named is not None and (noun is None or not self.entity_at(noun)):
                noun = named  # the name after the description, not whatever the description resolves to
            subject = (self.entity_at(noun) or resolve(self.phrase(noun), self.index)) if noun is not None else None
            if subject and self.types.get(subject) in {"Organization", "Person"}:
                first, last = (self._first(noun), self._last(noun)) if self.entity_at(noun) else (noun, noun)
                start = min(self._first(place_tok).idx, first.idx)  # "Renault, a Paris-based carmaker"
                described = token.head if token.dep_ == "amod" else token
                end = max(last.idx + len(last.text), described.idx + len(described.text))
                self.add(subject, "based_in", place, (start, end))

    def _named_after(self, k: int) -> Token | None:
        """The last token of the name that follows a few lower-case words from token k on
        ('based human rights group Amnesty')."""
        doc, n = self.doc, 0
        while k < len(doc) and n <= 4 and doc[k].is_lower and doc[k].pos_ in {"NOUN", "ADJ"}:
            k, n = k + 1, n + 1
        if k >= len(doc) or self.entity_at(doc[k]) is None:
            return None
        found = self.entity_at(doc[k])
        while k + 1 < len(doc) and self.entity_at(doc[k + 1]) == found:
            k += 1
        return doc[k]

    def descriptions(self) -> None:
        """'German magazine Der Spiegel', 'the Turkish news agency Anatolian', 'Fiat, the Italian
        carmaker': an organisation described by its country or city is based there; a state body
        so described ('the Israeli army') is part of it."""
        for entity in self.entities:
            if entity.type != "Organization":
                continue
            for start, end in entity.mentions:
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is None or span.start == 0:
                    continue
                k, nouns = span.start - 1, []
                while k >= 0 and len(nouns) < 4 and self.doc[k].is_lower and self.doc[k].pos_ in {"NOUN", "ADJ"}:
                    nouns.insert(0, self.doc[k])
                    k -= 1
                if k < 0 or not nouns or _word(nouns[-1]) not in DESCRIPTION_NOUNS:
                    continue
                if self.doc[k].tag_ == "POS" and k > 0:
                    k -= 1
                place = self.country_at(self.doc[k])
                if place is None or gazetteer.place(self._name(place)) is None:
                    continue  # a known country or city, not whatever NER took for a place
                first = self._first(self.doc[k]) if self.entity_at(self.doc[k]) else self.doc[k]
                self._sited(entity.id, place, nouns[-1], (first.idx, end))
        for token in self.doc:
            if token.dep_ != "appos":
                continue
            subject = self.entity_at(token.head)
            if subject is None and self.entity_at(token) and token.head.pos_ == "NOUN" and token.head.is_lower:
                # "the Italian company, Fiat": the description first, the name in apposition
                subject, token = self.entity_at(token), token.head
            if token.pos_ != "NOUN" or _word(token) not in DESCRIPTION_NOUNS:
                continue
            if subject is None or self.types.get(subject) != "Organization":
                continue
            for child in token.lefts:
                place = self.country_at(child) if child.dep_ in {"amod", "compound", "poss"} else None
                if place is not None and gazetteer.place(self._name(place)) is not None:
                    span = (self.phrase(token.head).start_char, self.phrase(token).end_char)
                    self._sited(subject, place, token, span)

    def _sited(self, subject: str, place: str, noun: Token, span: tuple[int, int]) -> None:
        """A described organisation: part of a state when the description names a state body ('the
        Israeli army'), else based there ('an Iranian news agency')."""
        state_body = _word(noun) in STATE_ORGANS
        self.add(subject, "part_of" if state_body else "based_in", place, span)

    def in_places(self) -> None:
        """'Skidmore College in Saratoga Springs', 'a catholic school in Milan', 'the company's
        headquarters in California', 'a university located in Durham', 'Fisht Stadium in Sochi',
        'Colorado State University of the US': a sited organisation (a school, a museum, a
        headquarters) or a place 'in' a place, or a sited organisation 'of' a country; and a museum
        or school 'at' a university is part of it ('the Block Museum of Art at Northwestern University')."""
        for prep in self.doc:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "of", "at"} or self.entity_at(prep) is not None:
                continue
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            target = self._named(obj) if obj is not None else None
            if target is None or self.types.get(target) not in {"Place", "Organization"}:
                continue
            head = prep.head
            based = head.lemma_.lower() in {"locate", "base", "headquarter", "situate"}
            if based and head.dep_ in {"acl", "amod", "relcl"}:
                head = head.head  # "Oxfam, based in Oxford", "Oxfam, which is based in Oxford"
            elif based and not any(c.dep_ == "neg" for c in head.children):
                # "Oxfam is based in Oxford" (a named subject: a pronoun's antecedent may be wrong)
                head = next((c for c in head.children if c.dep_ == "nsubjpass" and c.pos_ == "PROPN"), head)
            subjects = [head]
            if self.entity_at(head):  # "Santo Spirito and Immacolata in Livorno": each of them
                subjects += [c for c in head.conjuncts if c.i < head.i and not self._prep_between(c, head)]
            for noun in subjects:
                subject = self._sited_subject(noun)
                if based and subject is None and self.types.get(self.entity_at(noun) or "") == "Organization":
                    subject = self.entity_at(noun)  # what is based somewhere need not be a school
                if subject is None or subject == target:
                    continue
                lefts = [self._first(c) for c in noun.lefts if c.dep_ in {"poss", "compound", "det", "amod"}]
                if noun.dep_ == "appos" and self.entity_at(noun.head) == subject:
                    lefts.append(self._first(noun.head))  # "Instituto Gonzaga, a catholic school in Milan"
                start = min(t.idx for t in [self._first(noun), *lefts])
                self._sited_at(subject, prep.lower_, target, (start, self._last(obj).idx + len(self._last(obj))))

    def _prep_between(self, first: Token, last: Token) -> bool:
        return any(t.pos_ == "ADP" and self.entity_at(t) is None for t in self.doc[first.i + 1 : last.i])

    def _sited_at(self, subject: str, prep: str, target: str, span: tuple[int, int]) -> None:
        subject_type, target_type = self.types.get(subject), self.types.get(target)
        target_name = self.index.by_id[target].name
        if prep == "in" and target_type == "Place":
            if subject_type == "Organization":
                self.add(subject, "based_in", target, span)
            elif subject_type == "Place" and gazetteer.country(self.index.by_id[subject].name) is None:
                self.add(subject, "located_in", target, span)
        elif prep == "of" and subject_type == "Organization" and gazetteer.country(target_name) is not None:
            self.add(subject, "based_in", target, span)  # "University of Sheffield of the UK"
        elif prep == "at" and subject_type == "Organization" and target_type == "Organization":
            if {"university", "college"} & set(normalise(target_name).split()):
                self.add(subject, "part_of", target, span)

    def _sited_subject(self, noun: Token) -> str | None:
        """What stands where a noun says: a named sited organisation or place, an organisation's
        headquarters, or the organisation an appositive description ('a catholic school') is of."""
        found = self.entity_at(noun)
        if found is not None:
            words = normalise(self.index.by_id[found].name).split()
            if self.types.get(found) == "Place" or set(words) & SITED_ORG_WORDS:
                return found
            return None
        lemma = noun.lemma_.lower()
        if lemma in {"headquarters", "headquarter", "hq"}:
            owner = next((self._named(c) for c in noun.children if c.dep_ in {"poss", "compound"}), None)
            return owner if self.types.get(owner or "") == "Organization" else None
        if noun.dep_ == "appos" and noun.pos_ == "NOUN" and lemma in SITED_ORG_WORDS:
            found = self.entity_at(noun.head)
            return found if self.types.get(found or "") == "Organization" else None
        if noun.dep_ == "appos" and noun.pos_ == "NOUN" and lemma in PLACE_KINDS:
            found = self.entity_at(noun.head)  # "Springfield, a city in Illinois"
            return found if self.types.get(found or "") == "Place" else None
        return None

    def credits(self) -> None:
        """'Photo: REUTERS/Ilan Rosenberg': the photographer works for the agency. A person the
        article also names elsewhere is its subject, not its photographer ('Image: Twitter / X')."""
        matches = list(_CREDIT.finditer(doc_text(self.doc)))
        for m in matches:
            org = self.index.at(m.start(1), m.end(1))
            person = self.index.at(m.start(2), m.end(2))
            if not org or not person or self.types.get(person) != "Person":
                continue
            mentions = self.index.by_id[person].mentions
            if any(not any(c.start() <= s < c.end() for c in matches) for s, _ in mentions):
                continue
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
            rest = " ".join(words[1:])
            if (
                entity.type == "Place"
                and len(words) > 1
                and (words[0] in DIRECTIONS or (words[0].lower() in DIRECTIONS and gazetteer.region(rest) is not None))
            ):
                # "southern Israel", "West Texas"; a capital "North" is mostly part of a name ("North Korea")
                parent = keys.get(normalise(rest))
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
            first_name, second_name = self.index.by_id[first].name, self.index.by_id[second].name
            if (
                gazetteer.city(first_name) is not None
                and gazetteer.city(second_name) is not None
                and gazetteer.region(second_name) is None
            ):
                continue  # "Los Angeles, Dubai": a list of cities ("Brooklyn, New York": a state)
            if gazetteer.country(first_name) is not None:
                continue  # "Sudan, Iran, Libya": a country lies in no other place of a list
            end = k
            while end + 1 < len(self.doc) and self.entity_at(self.doc[end + 1]) == second:
                end += 1
            after = self.doc[end + 1] if end + 1 < len(self.doc) else None
            if after is not None and after.lower_ in {",", "and", "or"} and end + 2 < len(self.doc):
                third = self.entity_at(self.doc[end + 2])
                if self.types.get(third or "") == "Place":
                    if not (
                        after.text == ","
                        and gazetteer.region(second_name) is not None
                        and gazetteer.country(self.index.by_id[third].name) is not None
                    ):
                        continue  # a list of places, not a place and where it lies
                    # "Evansville, Indiana, United States": a city, its region, its country
                    last = self._last(self.doc[end + 2])
                    self.add(first, "located_in", third, (self._first(token).idx, last.idx + len(last.text)))
            if (
                after is not None
                and (after.pos_ in {"NOUN", "PROPN"} or after.is_alpha and after.is_title)
                and after.lower_ not in PLACE_TAILS | KIND_NOUNS["Place"]
            ):
                continue  # "near Islamabad, U.S. President Obama said": the second name modifies a noun
            where = (self._first(token).idx, self.doc[end].idx + len(self.doc[end].text))
            self.add(first, "located_in", second, where)
            if k == nxt + 1:  # "Evanston, Illinois"; not "Kfar Aza, in southern Israel"
                self.qualified.append((first, (self._first(token).idx, token.idx + len(token.text)), where))

    def qualify_places(self) -> None:
        """'Evanston, Illinois' names Evanston: a town's mention takes in the region or country that
        follows it to tell it from namesakes, as a reader (and the annotated corpora) take it; the
        region keeps its own mention inside it."""
        for place_id, short, full in self.qualified:
            entity = self.index.by_id.get(place_id)
            if entity is not None and short in entity.mentions:
                entity.mentions = sorted({*entity.mentions, full} - {short})

    def run(self) -> list[Relation]:
        self.appositions()
        self.titles()
        self.possessors_and_of()
        self.clauses()
        self.state_bodies()
        self.based_in()
        self.descriptions()
        self.in_places()
        self.credits()
        self.names()
        self.place_pairs()
        self.qualify_places()
        return self.relations


def extract_relations(doc: Doc, entities: list[Entity], speakers: list[tuple[int, str]] = ()) -> list[Relation]:
    """Relations of one parsed article; ``speakers`` (offset, entity) make described owners resolvable.
    A country that only a nationality adjective names ("the Turkish news agency Anatolian") is
    appended to ``entities`` when a relation needs it, with the adjective as its mention."""
    return RelationExtractor(doc, entities, list(speakers)).run()
