"""Who a pronoun or a description refers to: "it", "its", "the London-based group", "the branch".

A small salience model, enough for attribution in news: the entity a description names by its
head word ("the ministry" -> "Israel's Foreign Ministry"), else the most recent speaker of a
fitting type, else the most recent fitting entity mention before the reference.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from spacy.tokens import Span

from kg.extract.lexicon import KIND_NOUNS
from kg.model import Entity

# Descriptions that name a kind of organisation precisely enough to need a name that says so
# ("the ministry" is Israel's Foreign Ministry, never Amnesty International).
SPECIFIC_ORG_NOUNS = frozenset(
    "ministry court army police government council committee party union university bank department "
    "commission parliament senate congress office branch chapter embassy navy".split()
)
ORG_NOUNS = frozenset(
    "group organization organisation ministry agency company firm government council committee branch "
    "chapter office department watchdog union party movement network body authority court army military "
    "police bank charity institute university newspaper broadcaster channel administration regime "
    "commission board team club federation association alliance coalition campaign center centre "
    "service airline carrier manufacturer maker producer retailer giant corporation business".split()
)
PERSON_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson minister president director chief official leader man woman "
    "lawyer prosecutor judge commander officer secretary ambassador mayor governor senator founder "
    "executive chairman chairwoman author researcher analyst head".split()
)
# Person nouns that say nothing of a role: "the man said" refers to the person in view.
GENERIC_PERSON_NOUNS = frozenset("man woman".split())
STATE_NOUNS = frozenset("government administration regime state".split())
PLACE_NOUNS = frozenset("country state nation city town region territory enclave village capital".split())
PRONOUN_TYPES = {
    "it": ("Organization", "Place", "Group"),
    "its": ("Organization", "Place", "Group"),
    "itself": ("Organization", "Place", "Group"),
    "he": ("Person",),
    "him": ("Person",),
    "his": ("Person",),
    "she": ("Person",),
    "her": ("Person",),
    "they": ("Organization", "Group", "Person"),
    "their": ("Organization", "Group", "Person"),
    "them": ("Organization", "Group", "Person"),
}


PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
PLURAL_PRONOUNS = frozenset({"they", "their", "them", "themselves"})
# Titles before a name that say whether a person is a man or a woman.
TITLE_GENDER = {
    **dict.fromkeys("mr mr. sir lord king prince father brother monsieur herr señor".split(), "male"),
    **dict.fromkeys("mrs mrs. ms ms. miss madam madame lady dame queen princess sister frau señora".split(), "female"),
}
# Words for people who report, beyond the titles of PERSON_NOUNS: an unnamed speaker "our reporter"
# is what a later "he says" may continue.
REPORTER_NOUNS = frozenset(
    "reporter correspondent journalist editor witness resident policeman soldier doctor source "
    "spokesperson activist expert professor economist observer diplomat".split()
)
SPEAKER_WINDOW = 1200  # characters: a pronoun looks back this far for the speaker it continues


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def first_name_gender(name: str, *, alone: bool = False) -> str | None:
    """'male' or 'female' for a person's name whose first name says so (gender-guesser's list of
    first names), else None: an unknown or unisex name decides nothing. A one-word name counts only
    with ``alone``, for a person the article names by one word only ('Gloria'): elsewhere it is
    most often a surname ('Barra')."""
    words = [w for w in name.replace(".", " ").split() if w.lower() not in TITLE_GENDER]
    if not words or (len(words) == 1 and not alone):
        return None
    guess = _gender_detector().get_gender(words[0])
    return guess if guess in {"male", "female"} else None


def is_first_name(word: str) -> bool:
    """Whether gender-guesser knows a word as someone's first name (of any or no clear gender)."""
    return _gender_detector().get_gender(word) != "unknown"


Excluded = str | frozenset[str] | None  # an entity, or entities, a reference cannot be


def _excluded(exclude: Excluded) -> frozenset[str]:
    if exclude is None:
        return frozenset()
    return frozenset({exclude}) if isinstance(exclude, str) else exclude


class EntityIndex:
    """Entity mentions by position, with the speakers seen so far, for reference resolution.

    ``text`` (the article) lets the index learn who is a man or a woman from titles ("Mr Zuma");
    ``quotes`` are the direct quotes: a name only inside a quote is not what a pronoun outside it
    refers to."""

    def __init__(self, entities: list[Entity], text: str | None = None) -> None:
        self.by_id = {e.id: e for e in entities}
        spans = sorted((m[0], m[1], e.id) for e in entities for m in e.mentions)
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        # (char offset, entity id), in text order; "?words" for a speaker the text names no entity for
        self.speakers: list[tuple[int, str]] = []
        self.quotes: list[tuple[int, int]] = []
        self.titles: dict[str, set[str]] = {}  # person id -> title words ("foreign", "minister")
        self.subjects: list[tuple[int, str]] = []  # (char offset, entity id) of subjects and agents
        self.sentence_starts: list[int] = []
        self.genders = {e.id: g for e in entities if e.type == "Person" and (g := _gender(e, text))}

    @staticmethod
    def _could_be(words: str, pronoun: str | None) -> bool:
        """Whether an unnamed speaker ("analyst Hazem al-Nuaeimi", "critics") fits the pronoun: a name
        or a person noun for he/she, a plural for they."""
        parts = words.split()
        last = parts[-1] if parts else ""
        if last.lower() in PRONOUN_TYPES:
            # an unresolved 'he said' before: a later 'he' continues the same unknown speaker
            return pronoun is not None and (
                last.lower() == pronoun
                or PRONOUN_GENDER.get(last.lower(), "?") == PRONOUN_GENDER.get(pronoun, "!")
                or {last.lower(), pronoun} <= PLURAL_PRONOUNS
            )
        if pronoun in PLURAL_PRONOUNS:
            # "critics", "Researchers" opening a sentence; not a name of several words ("Dow Jones")
            return last.endswith("s") and (not last[:1].isupper() or len(parts) == 1)
        if pronoun in PRONOUN_GENDER:
            # a name ("analyst Hazem al-Nuaeimi", or a surname alone: "Wilkins") or a person noun
            if last.lower() in PERSON_NOUNS | REPORTER_NOUNS:
                return True
            return last[:1].isupper() and parts[0].lower() not in {"the", "a", "an"}  # not "the Malaria Initiative"
        return False

    def learn_salience(self, doc) -> None:
        """Sentence starts, and the entities that are subjects or passive agents of their clause:
        the salient ones a pronoun in the next sentence most likely continues."""
        self.sentence_starts = [s.start_char for s in doc.sents]
        for token in doc:
            agent = token.dep_ == "pobj" and token.head.dep_ == "agent"
            if token.dep_ in {"nsubj", "nsubjpass"} or agent:
                eid = self.at(token.idx, token.idx + len(token.text))
                if eid is None:  # "an exiled commander ..., Aregawi Berhe, is backing the story"
                    named = [self.at(c.idx, c.idx + len(c.text)) for c in token.subtree if c.dep_ == "appos"]
                    people = [e for e in named if e and self.by_id[e].type == "Person"]
                    eid = people[0] if people else self._named_by_kind(token)
                if eid is None and token.tag_ not in {"PRP", "PRP$"}:
                    # "Thomas' sister pleaded with him ..., but he replied": whose sister, voice or
                    # lawyer the subject is keeps that one in view
                    owner = next((c for c in token.children if c.dep_ == "poss" and c.tag_ != "PRP$"), None)
                    eid = self.at(owner.idx, owner.idx + len(owner.text)) if owner is not None else None
                    eid = eid if eid is not None and self.by_id[eid].type == "Person" else None
                alone = token.pos_ in {"PROPN", "NOUN"} and not list(token.children)
                if eid is None and alone and token.text[:1].isupper():
                    eid = self.by_surname(token.text)  # "Jeffs represented himself ...", not attached
                if eid is not None and token.tag_ not in {"PRP", "PRP$"}:
                    self.subjects.append((token.idx, eid))

    def _named_by_kind(self, noun) -> str | None:
        """'The Liberation Army rebel group', 'the Reuters news agency': a common noun saying what
        kind of entity the name before it is, with that name as a compound, is that entity."""
        kind = next((t for t, nouns in KIND_NOUNS.items() if noun.lemma_.lower() in nouns), None)
        if kind is None or noun.pos_ != "NOUN":
            return None
        for c in noun.children:
            if c.dep_ == "compound" and c.i < noun.i:
                eid = self.at(c.idx, c.idx + len(c.text))
                if eid is not None and self.by_id[eid].type == kind:
                    return eid
        return None

    def learn_titles(self, doc) -> None:
        """The titles the article gives people: "Foreign Minister Thomas Berger", "Berger, the
        foreign minister", so that "the minister said" finds who holds that title."""
        for eid, entity in self.by_id.items():
            if entity.type != "Person":
                continue
            words: set[str] = set()
            for start, end in entity.mentions:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                head = span.root
                for child in head.children:
                    if child.dep_ in {"compound", "amod", "appos"} and child.i not in range(span.start, span.end):
                        words |= {t.lower_ for t in child.subtree if t.pos_ in {"NOUN", "ADJ", "PROPN"}}
                words |= {t.lower_ for t in span if t.pos_ == "NOUN" or t.lower_ in PERSON_NOUNS}
            if words:
                self.titles[eid] = words

    def titled(self, noun: str, modifiers: set[str], offset: int, exclude: Excluded) -> str | None:
        """The latest person before ``offset`` whose title has the noun (and its modifiers)."""
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0:
            s, e, eid = self.spans[i]
            words = self.titles.get(eid, set())
            if e <= offset and eid not in _excluded(exclude) and noun in words and modifiers <= words:
                return eid
            i -= 1
        return None

    def by_surname(self, word: str, exclude: Excluded = None) -> str | None:
        """The one person whose name ends in ``word`` ('Wilkins said' where the mention was not
        attached to Kristin Wilkins); None when none or several do."""
        found = {
            eid
            for eid, e in self.by_id.items()
            if e.type == "Person"
            and eid not in _excluded(exclude)
            and any(len(n.split()) > 1 and n.split()[-1] == word for n in [e.name, *e.aliases])
        }
        return found.pop() if len(found) == 1 else None

    def quote_at(self, offset: int) -> tuple[int, int] | None:
        return next(((s, e) for s, e in self.quotes if s <= offset < e), None)

    def fits(self, eid: str, types: tuple[str, ...], pronoun: str | None, exclude: Excluded) -> bool:
        """Whether an entity can be what a pronoun refers to: type, number and gender agree."""
        entity = self.by_id[eid]
        if entity.type not in types or eid in _excluded(exclude):
            return False
        if pronoun in PLURAL_PRONOUNS and entity.type == "Person":
            return False
        wanted = PRONOUN_GENDER.get(pronoun or "")
        return not (wanted and self.genders.get(eid, wanted) != wanted)

    def at(self, start: int, end: int) -> str | None:
        """The entity whose mention lies within, or covers, the characters ``start:end``."""
        best = None
        i = bisect.bisect_right(self.starts, end) - 1
        while i >= 0 and self.spans[i][1] > start - 200:
            s, e, eid = self.spans[i]
            if s < end and e > start:
                overlap = min(e, end) - max(s, start)
                if best is None or overlap > best[0]:
                    best = (overlap, eid)
            i -= 1
        return best[1] if best else None

    def in_span(self, start: int, end: int) -> list[str]:
        """Entities mentioned inside ``start:end``."""
        lo = bisect.bisect_left(self.starts, start)
        out = []
        for s, e, eid in self.spans[lo:]:
            if s >= end:
                break
            if e <= end and eid not in out:
                out.append(eid)
        return out

    def note_speaker(self, offset: int, entity_id: str) -> None:
        bisect.insort(self.speakers, (offset, entity_id))

    def recent(
        self,
        offset: int,
        types: tuple[str, ...],
        *,
        speakers_first: bool = True,
        exclude: Excluded = None,
        pronoun: str | None = None,
        near_mentions: bool = False,
    ) -> str | None:
        """The entity a pronoun at ``offset`` most likely refers to, in this order of salience: a
        speaker in this or the previous sentence (news writes "X said ... He added ..."), the subject
        or agent of this or the previous sentence ("... was criticised by X. 'We condemn it,' he
        said"), an earlier speaker nearby, else the latest agreeing mention outside any quote the
        pronoun is not in (with ``near_mentions``, one in this or the previous sentence only). Each
        must agree with the pronoun in type, number and gender."""
        if speakers_first:
            k = bisect.bisect_right(self.sentence_starts, offset) - 1
            near = self.sentence_starts[max(0, k - 1)] if self.sentence_starts else offset
            own_quote = self.quote_at(offset)
            for pool in (self.speakers, self.subjects):
                for pos, eid in reversed(pool):
                    if pos < near:
                        break
                    if pos >= offset or self.quote_at(pos) not in (None, own_quote):
                        continue
                    if eid.startswith("?"):
                        if self._could_be(eid[1:], pronoun):
                            return None  # the nearest speaker may be meant, and the text names no entity for it
                        continue
                    if self.fits(eid, types, pronoun, exclude):
                        return eid
            for pos, eid in reversed(self.speakers):
                if pos < offset - SPEAKER_WINDOW:
                    break
                if pos >= offset:
                    continue
                if pronoun and eid == "?" and pos >= near:
                    # 'In an interview Capaldi admitted ... He said ...' with the admission's speaker not
                    # found: the pronoun most likely continues it, so no older speaker is taken instead
                    return None
                if pronoun and eid.startswith("?") and self._could_be(eid[1:], pronoun):
                    return None  # 'researchers say ... They say ...': the latest fitting speaker is unnamed
                if not eid.startswith("?") and self.fits(eid, types, pronoun, exclude):
                    return eid
        own_quote = self.quote_at(offset)
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        floor = self.sentence_starts[max(0, k - 1)] if near_mentions and self.sentence_starts else -1
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0 and self.spans[i][0] >= floor:
            s, e, eid = self.spans[i]
            if e <= offset and self.fits(eid, types, pronoun, exclude):
                quote = self.quote_at(s)
                if quote is None or quote == own_quote:
                    # a he or she reaching back to a mere mention needs the person's gender known:
                    # 'a Texas Ranger' taken for a name says nothing of who 'she' is
                    if pronoun in PRONOUN_GENDER and self.genders.get(eid) is None:
                        return None
                    return eid
            i -= 1
        return None


def resolve(phrase: Span, index: EntityIndex, *, exclude: Excluded = None) -> str | None:
    """The entity a noun phrase names or refers to, or None when the text does not say.

    ``exclude`` keeps a phrase from resolving to the entity it describes ("Amnesty Israel, the
    organization's local chapter": the organization is not Amnesty Israel)."""
    head = phrase.root
    named = index.at(head.idx, head.idx + len(head.text))
    if named is not None:
        return named
    if len(phrase) == 1 and head.text[:1].isupper() and head.pos_ in {"PROPN", "NOUN"}:
        return index.by_surname(head.text, exclude)  # 'Wilkins said' (tagged a plural noun at times)
    lower = head.lower_
    if lower in PRONOUN_TYPES and head.tag_ in {"PRP", "PRP$"}:
        bound = _main_clause_subject(head, index, exclude)
        if bound is not None:
            return bound
        if lower in PLURAL_PRONOUNS and _plural_noun_before(head, index):
            return None  # "helicopters launched strikes, which they say ...": the nearer plural is meant
        nearest = index.recent(phrase.start_char, PRONOUN_TYPES[lower], exclude=exclude, pronoun=lower)
        described, meant = _described_subject(head, index)
        return nearest if not described or nearest == meant else None
    definite = any(t.lower_ in {"the", "this", "that"} or t.tag_ == "PRP$" for t in phrase if t.i < head.i)
    if head.pos_ == "NOUN" and definite:
        lemma = head.lemma_.lower()
        types = _types_for_noun(lemma)
        if types:
            named = _named_by_head(lemma, phrase.start_char, index)
            # "the ministry", "the U.S. military" (a name says whose), "the authorities" (many): only a
            # name that says so, never the last organisation mentioned
            owned = any(
                t.dep_ in {"compound", "poss", "nmod"} and index.at(t.idx, t.idx + len(t.text)) is not None
                for t in head.children
                if t.i < head.i
            )
            if named is not None or lemma in SPECIFIC_ORG_NOUNS - {"branch", "chapter", "office"} or owned:
                return named
            if head.tag_ == "NNS" and types != ("Person",):
                return None
            if types == ("Person",) and index.titles:
                modifiers = {t.lower_ for t in phrase if t.i < head.i and t.dep_ in {"amod", "compound"}}
                titled = index.titled(lemma, modifiers, phrase.start_char, exclude)
                if titled is not None or any(lemma in words for words in index.titles.values()):
                    return titled  # "the foreign minister": whoever the article gave that title
            if types == ("Person",) and lemma not in GENERIC_PERSON_NOUNS:
                return None  # "the public prosecutor said": nobody was given that title; not the last person named
            if lemma in GENERIC_PERSON_NOUNS and _introduced_unnamed(head, index):
                return None  # "a man's voice says ... the man says": the man the text brought in, unnamed
            # "the organisation said": a salient one, or one named in this or the previous sentence
            return index.recent(phrase.start_char, types, exclude=exclude, near_mentions=True)
    if lower in {"members", "member"}:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return resolve(obj.doc[obj.left_edge.i : obj.right_edge.i + 1], index, exclude=exclude)
    return None


def _described_subject(pronoun, index: EntityIndex) -> tuple[bool, str | None]:
    """'The union met in Rome. Its secretary ...': when the nearest subject before "it"/"its" (in its
    sentence or the one before) is an organisation described, not named, the pronoun refers to that
    description, not simply to the nearest name ("Rome"): (True, the entity the description refers
    to, or None). (False, None) when the nearest subject is something else. Callers keep the nearest
    name only when the description agrees with it."""
    if pronoun.lower_ not in {"it", "its", "itself"}:
        return False, None
    sentence = pronoun.sent
    start = sentence.start if sentence.start == 0 else pronoun.doc[sentence.start - 1].sent.start
    for t in reversed(pronoun.doc[start : pronoun.i]):
        if t.dep_ not in {"nsubj", "nsubjpass"} or index.quote_at(t.idx) is not None:
            continue
        if _unnamed_part(t, index):
            return True, None  # "The youth wing of the party backed him. It said ...": the wing, not the party
        if t.pos_ != "NOUN" or t.tag_ != "NN" or t.lemma_.lower() not in ORG_NOUNS:
            return False, None
        if index.at(t.idx, t.idx + len(t.text)) is not None or t.left_edge.lower_ not in {"the", "this"}:
            return False, None
        # a name inside says which ("the X rebel group"); a state's government stands for the state
        kinds = {"Organization", "Group", *(("Place",) if t.lemma_.lower() in STATE_NOUNS else ())}
        named = {e for e in index.in_span(t.left_edge.idx, t.idx) if index.by_id[e].type in kinds}
        if len(named) == 1:
            return True, named.pop()
        return True, None if named else resolve(t.doc[t.left_edge.i : t.right_edge.i + 1], index)
    return False, None


def _unnamed_part(noun, index: EntityIndex) -> bool:
    """'the youth sector of the party', 'the armed wing of the group': a definite description of a part
    of a named organisation that names no entity itself (a part is its own entity, never its whole)."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.left_edge.lower_ != "the":
        return False
    if index.at(noun.idx, noun.idx + len(noun.text)) is not None or noun.lemma_.lower() in PERSON_NOUNS:
        return False
    return any(
        prep.lower_ == "of"
        and any(
            obj.dep_ == "pobj"
            and (eid := index.at(obj.idx, obj.idx + len(obj.text))) is not None
            and index.by_id[eid].type in {"Organization", "Group"}
            for obj in prep.children
        )
        for prep in noun.children
        if prep.dep_ == "prep" and prep.i > noun.i
    )


def _introduced_unnamed(noun, index: EntityIndex) -> bool:
    """Whether the mentions of the same noun before this one go back to an indefinite one ("a man")
    that names nobody: "the man" is then that man, not the person last named."""
    lemma = noun.lemma_.lower()
    for t in reversed(noun.doc[: noun.i]):
        if t.pos_ != "NOUN" or t.lemma_.lower() != lemma:
            continue
        if index.at(t.idx, t.idx + len(t.text)) is not None or any(c.dep_ in {"appos", "acl"} for c in t.children):
            return False  # "a man named X", "the man, X,"
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in t.children):
            return True
    return False


def _plural_noun_before(pronoun, index: EntityIndex) -> bool:
    """A plural noun that names no entity, as subject earlier in the pronoun's sentence."""
    for t in pronoun.sent:
        if t.i >= pronoun.i:
            return False
        if t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ == "NNS" and index.at(t.idx, t.idx + len(t.text)) is None:
            return True
    return False


def _main_clause_subject(pronoun, index: EntityIndex, exclude: Excluded) -> str | None:
    """'Lewis misled the BBC when he stated that ...': a subject pronoun in a subordinate clause
    refers to the subject of the clause it depends on, when that subject agrees with it. An "as"
    clause ahead of its main clause points forward: "As it promised, Northwind released a fix"."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    clause = pronoun.head
    if clause.dep_ not in {"advcl", "ccomp", "xcomp", "conj"} or index.quote_at(pronoun.idx) is not None:
        return None
    governor = clause.head
    ahead = (
        clause.dep_ == "advcl"
        and clause.i < governor.i
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < pronoun.i for c in clause.children)
    )
    subject = next(
        (c for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"} and (c.i < pronoun.i or ahead)), None
    )
    if subject is None or subject.tag_ in {"PRP", "PRP$"}:
        return None
    eid = index.at(subject.idx, subject.idx + len(subject.text))
    types = PRONOUN_TYPES[pronoun.lower_]
    # the subject the pronoun points forward to is named in the clause the pronoun introduces: no exclusion
    return eid if eid is not None and index.fits(eid, types, pronoun.lower_, None if ahead else exclude) else None


def _gender(entity: Entity, text: str | None) -> str | None:
    """A person's gender as the article gives it: a title before a mention ("Mr Zuma", "Ms Barra"),
    else the first name."""
    if text:
        for start, _ in entity.mentions:
            before = text[max(0, start - 12) : start].split()
            if before and before[-1].lower() in TITLE_GENDER:
                return TITLE_GENDER[before[-1].lower()]
    for name in [entity.name, *entity.aliases]:
        if gender := first_name_gender(name, alone=name == entity.name and not entity.aliases):
            return gender
    return None


def _types_for_noun(lemma: str) -> tuple[str, ...]:
    if lemma in ORG_NOUNS:
        return ("Organization",)
    if lemma in PERSON_NOUNS:
        return ("Person",)
    if lemma in PLACE_NOUNS:
        return ("Place",)
    return ()


def _named_by_head(lemma: str, offset: int, index: EntityIndex) -> str | None:
    """ "the ministry" -> the latest entity before ``offset`` whose name ends in "Ministry"."""
    i = bisect.bisect_left(index.starts, offset) - 1
    while i >= 0:
        s, e, eid = index.spans[i]
        name = index.by_id[eid].name.lower().split()
        if e <= offset and name and name[-1].rstrip("s") == lemma.rstrip("s"):
            return eid
        i -= 1
    return None


def attach_references(doc, entities: list[Entity], speaker_spans: list[tuple[str, tuple[int, int]]]) -> None:
    """Add pronoun and description mentions ("it", "the company") to the entities they refer to.

    Statement speakers already resolved are attached first; other pronouns join the nearest fitting
    entity mentioned in the same or the previous two sentences, and only when one entity fits.
    """
    by_id = {e.id: e for e in entities}
    for entity_id, span in speaker_spans:
        phrase = doc.char_span(*span, alignment_mode="expand")
        if phrase is None or entity_id not in by_id or span in by_id[entity_id].mentions:
            continue
        head = phrase.root
        if head.tag_ in {"PRP", "PRP$"} or head.lemma_.lower() in ORG_NOUNS | PERSON_NOUNS | PLACE_NOUNS:
            by_id[entity_id].mentions.append(span)
    from kg.nlp import doc_text

    index = EntityIndex(entities, doc_text(doc))
    sentence_starts = [s.start_char for s in doc.sents]
    for token in doc:
        lower = token.lower_
        if token.tag_ not in {"PRP", "PRP$"} or lower not in PRONOUN_TYPES or _expletive(token):
            continue
        if index.at(token.idx, token.idx + len(token.text)) is not None:
            continue
        k = bisect.bisect_right(sentence_starts, token.idx) - 1
        window_start = sentence_starts[max(0, k - 2)] if sentence_starts else 0
        types = PRONOUN_TYPES[lower]
        if lower in {"they", "their", "them"}:
            types = ("Organization", "Group")
        candidates = _candidates(index, token, window_start, types, lower)
        described, meant = _described_subject(token, index)
        if described and candidates[:1] != [meant]:
            continue
        if not candidates and lower in {"it", "its", "itself"}:
            # "the Dow Jones Industrial Average ... with it climbing": a thing, when no actor is near
            candidates = _candidates(index, token, window_start, ("Other",), lower)
        if len(candidates) == 1 or (
            candidates and types == ("Person",) and _subject_of_sentence(doc, candidates[0], index)
        ):
            span = (token.idx, token.idx + len(token.text))
            target = by_id[candidates[0]]
            if span not in target.mentions:
                target.mentions.append(span)
    for entity in entities:
        entity.mentions.sort()


def _candidates(index: EntityIndex, token, window_start: int, types: tuple[str, ...], lower: str) -> list[str]:
    """The entities of the given types mentioned before ``token`` from ``window_start`` on, nearest first."""
    candidates = []
    i = bisect.bisect_left(index.starts, token.idx) - 1
    while i >= 0 and index.spans[i][0] >= window_start:
        eid = index.spans[i][2]
        if index.fits(eid, types, lower, None) and eid not in candidates:
            candidates.append(eid)  # type, number and gender agree ("she" is not Mr Mohamed)
        i -= 1
    return candidates


def _expletive(token) -> bool:
    """'It is expected that ...', 'it was raining': no referent."""
    if token.lower_ != "it" or token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    head = token.head
    return head.lemma_ == "be" or any(c.dep_ in {"ccomp", "auxpass"} for c in head.children) and head.dep_ == "ROOT"


def _subject_of_sentence(doc, entity_id: str, index: EntityIndex) -> bool:
    """Whether the most recent person is also the subject of some sentence (the salient one)."""
    entity = index.by_id[entity_id]
    for start, end in entity.mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}:
            return True
    return False
