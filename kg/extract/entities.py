"""Named entities: spaCy NER, cleaned, retyped where the name says better, and merged per article.

Merging is by normalised name and by alias: a short form ("Amnesty") joins the first longer
name of the same type that starts with it, a surname joins the full name, an acronym joins
the name whose initials it spells. Different names that merely share a word stay apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.extract import gazetteer
from kg.extract.coref import first_name_gender, is_first_name
from kg.extract.lexicon import HEADLINE_CUES, KIND_NOUNS
from kg.extract.org_kinds import NAMED_AFTER_TAILS
from kg.extract.spans import NameWords, repair, tidy_name
from kg.extract.type_evidence import NER, Why, context_cue, decide, settle
from kg.model import Entity
from kg.names import QUOTES, normalise
from kg.nlp import doc_text

LABEL_TYPES = {
    "ORG": "Organization",
    "PERSON": "Person",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
    "PRODUCT": "Other",
}

# Words that, heading or ending a name, say what kind of thing it is better than NER does.
PLACE_HEADS = frozenset("kibbutz mount lake fort cape village moshav camp".split())
PLACE_TAILS = frozenset(
    "county province district region island islands river valley street avenue square airport strip "
    "desert peninsula gulf sea ocean mountains hills coast city village neighbourhood neighborhood "
    "stadium arena hotel tower towers bridge station".split()
)
ORG_WORDS = frozenset(
    "ministry department agency council committee commission party army forces force police court "
    "university college school company corporation corp inc ltd llc group association union bank "
    "international organization organisation foundation institute office bureau network news times "
    "post press tribune journal reuters herald guardian service services authority federation league "
    "airlines airways motors gazette".split()
)
# Titles and roles that make the name beside them a person ("Chancellor Olaf Scholz",
# "Helena Brandt, the council's director").
PERSON_TITLES = frozenset(
    "mr mrs ms miss dr prof sir dame lord lady president chancellor minister secretary mayor governor "
    "senator rep representative judge justice general gen col colonel lt captain capt sgt officer maj major "
    "cpl pvt adm admiral lieutenant sergeant corporal "
    "king queen prince princess pope rabbi imam sheikh cardinal bishop ambassador premier ceo chairman "
    "chairwoman spokesman spokeswoman spokesperson director chief coach commissioner prosecutor".split()
)
ROLE_NOUNS = PERSON_TITLES | frozenset(
    "head leader founder official lawyer attorney commander adviser advisor envoy negotiator economist "
    "analyst researcher reporter correspondent editor professor doctor manager executive deputy member "
    "activist author witness survivor resident actor actress singer player photographer journalist "
    "husband wife son daughter father mother brother sister".split()
)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(name)).strip("-") or "unnamed"


def entity_key(name: str, type_: str) -> str:
    """The canonical, cross-article key of an entity: its type and normalised name."""
    return f"{type_.lower()}/{slug(name)}"


@dataclass
class _Cluster:
    name: str
    type: str
    names: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    type_votes: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, type_: str, span: tuple[int, int]) -> None:
        if name not in self.names:
            self.names.append(name)
        if span not in self.mentions:
            self.mentions.append(span)
        self.type_votes[type_] = self.type_votes.get(type_, 0) + 1


CREDIT_WORDS = frozenset({"Image", "Photo", "Credit", "File", "Video", "Picture"})
# Codes that NER takes for organisations: currencies and time zones.
NOT_ENTITIES = frozenset("utc gmt est edt pst pdt cet cest bst usd eur gbp jpy cny news".split())
TITLE_WORDS = frozenset(
    "of and the state executive operating officer chief prime minister vice general deputy foreign "
    "interior defence defense finance attorney assistant senior acting former".split()
)
# Heads of organisation names that alone name no particular organisation.
GENERIC_ORG_HEADS = frozenset(
    "ministry department agency council committee commission party army forces force police court university "
    "college school company corporation group groups association union bank organization organisation "
    "foundation institute office bureau network service services authority federation league republic media "
    "government".split()
)
DIRECTIONS = frozenset(
    "southern northern eastern western central north south east west northeastern northwestern "
    "southeastern southwestern northeast northwest southeast southwest".split()
)


def _clean_span(span: Span) -> Span | None:
    """Strip determiners, possessive endings and punctuation from a NER span; keep a region's
    direction word ("southern Israel" is a place of its own)."""
    start, end = span.start, span.end
    doc = span.doc
    if span.label_ in {"GPE", "LOC"} and start > 0 and doc[start - 1].lower_ in DIRECTIONS:
        start -= 1
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    # "Spokeswoman Sandy Angers", "Chancellor Olaf Scholz": the title is not part of the name.
    rest = doc[start + 1 : end]
    if (
        len(rest) >= 2
        and doc[start].is_title
        and doc[start].lower_.strip(".") in PERSON_TITLES
        and all(t.pos_ == "PROPN" for t in rest)
        and rest[-1].lower_ not in ORG_WORDS
    ):
        start += 1
    # "British Home Secretary X", "Shadow Home Secretary X": NER took the start of a title for a name.
    if span.label_ == "ORG" and end < len(doc) and doc[end].lower_ in PERSON_TITLES | ROLE_NOUNS:
        while end > start and doc[end - 1].lower_ in TITLE_WORDS | _OFFICE_WORDS:
            end -= 1
        if end == start or gazetteer.demonym(doc[start:end].text) is not None:
            return None
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_space
        or doc[end - 1].text in CREDIT_WORDS
        or doc[end - 1].lower_ in _CONNECTORS
        or (end - start > 2 and doc[end - 1].lower_ in DIRECTIONS and doc[end - 2].lower_ in _CONNECTORS)
    ):
        # "European Coordination of Committees and", "Member of Parliament for North": NER cut the
        # name short; what is left ends where the name surely does
        end -= 1
    start = _after_title_of(doc, _after_stance(doc, start, end), end)
    # "Pro-Beijing DAB's Starry Lee": the person is the name after a possessive inside the span.
    possessive = [t.i for t in doc[start : end - 1] if t.tag_ == "POS"] if span.label_ == "PERSON" else []
    if possessive:
        start = possessive[-1] + 1
    # "Wong Kwok-hing": NER stops a name at the hyphen of a given name; the name goes on.
    while (
        span.label_ == "PERSON"
        and end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and doc[end + 1].is_lower
    ):
        end += 2
    # "State Department Spokesperson": a role after an organisation's name is not part of it.
    while span.label_ == "ORG" and end - start > 1 and doc[end - 1].lower_ in _ROLES_AFTER_NAMES:
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _after_stance(doc: Doc, start: int, end: int) -> int:
    """Where the name starts in "pro-Beijing New People Party" or "anti-war Labour": a stance
    before a name is no part of it."""
    if end - start > 3 and doc[start].lower_ in {"pro", "anti"} and doc[start + 1].text == "-":
        return start + 3
    return start


def _after_title_of(doc: Doc, start: int, end: int) -> int:
    """Where the name starts in "the Prime Minister of Ireland" or "Chief Executive of Acme": a title
    of a named place or organisation, whose name is what follows "of"."""
    k = start
    while k < end and doc[k].lower_.strip(".") in TITLE_WORDS | PERSON_TITLES and doc[k].lower_ != "of":
        k += 1
    if start < k < end - 1 and doc[k].lower_ == "of" and any(t.lower_ in PERSON_TITLES for t in doc[start:k]):
        k += 1
        while k < end and doc[k].lower_ == "the":
            k += 1
        return k
    return start


def _not_a_name(span: Span) -> bool:
    """Job titles ("Prime Minister", "Chief Executive Officer"), codes ("UTC"), words without a
    capital ("boycotts"), a lone direction ("North") or a lone kind of organisation ("University",
    "Council": which one, the name does not say) are not entities; nor is a capitalised common word
    at the start of a sentence ("Twin bombings", "Groups that ...")."""
    words = [t.lower_.strip(".") for t in span]
    if not any(c.isupper() for c in span.text):
        return True
    if len(words) == 1:
        token = span[0]
        if words[0] in NOT_ENTITIES or (words[0] in DIRECTIONS | GENERIC_ORG_HEADS and not token.text.isupper()):
            return True
        if token.is_sent_start and token.tag_ not in {"NNP", "NNPS"}:
            return True
    return all(w in TITLE_WORDS or w in PERSON_TITLES or w in ROLE_NOUNS for w in words)


def _retype(text: str, label_type: str, span: Span) -> tuple[str, Why] | None:
    """The type a name's own words give ("Ministry", "Street", "A380"), else NER's, with why."""
    if label_type == "Group":
        # Nationality words count only when used as nouns ("Palestinians"), not adjectives.
        return ("Group", NER) if span.root.pos_ in {"PROPN", "NOUN"} and span.root.tag_ in {"NNPS", "NNS"} else None
    words = [w.lower().strip(".,") for w in text.split()]
    head = words[: words.index("of")] if "of" in words[1:] else words
    if label_type in {"Organization", "Person"} and len(words) > 1 and _product_or_index(text.split()[-1]):
        # "Airbus A380", "Boeing 777", "FTSE 100", "Dow Jones Industrial Average"
        return "Other", Why("decisive", f"model or index word '{text.split()[-1]}'")
    if head[-1] in ORG_WORDS and label_type in {"Person", "Place", "Other", "Organization"}:
        return "Organization", Why("decisive", f"organisation word '{head[-1]}'")
    if label_type in {"Person", "Organization", "Place"}:
        if words[0] in PLACE_HEADS:
            return "Place", Why("decisive", f"place word '{words[0]}'")
        if len(words) > 1 and head[-1] in PLACE_TAILS:
            return "Place", Why("decisive", f"place word '{head[-1]}'")
    return label_type, NER


_MODEL = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9-]+$|^\d{3,}$")
INDEX_WORDS = frozenset({"average", "index"})


def _product_or_index(last: str) -> bool:
    """Whether the last word of a name says it names a product or a market index, not an
    organisation: a model designation ("A380", "3GS", a number of three digits or more: "Boeing 777",
    "FTSE 100") or the word "Average" or "Index"."""
    return bool(_MODEL.match(last)) or last.lower() in INDEX_WORDS


# Nouns that, in apposition, say a name is a thing rather than an actor: "the FTSE 100, the main UK
# index", "the A380, the largest airliner".
THING_NOUNS = frozenset(
    "index indices average benchmark product phone smartphone handset laptop computer tablet airliner "
    "aircraft jet plane car vehicle software browser console device".split()
)
# Kind nouns of places whose "of" names one: "the town of Bireun"; not "the Mac port of X", "the capital
# of X" (X is the country, not the capital) nor "in the neighbourhood of 5,000".
PLACES_OF = KIND_NOUNS["Place"] - {"port", "capital", "neighbourhood", "neighborhood"}
# Verbs of a market index's movement: "the Dow fell 678 points".
# Verbs of bringing out a product: "Apple unveils iPod nano", "released the SDK".
LAUNCH_VERBS = frozenset("unveil launch release introduce".split())
MOVE_VERBS = frozenset(
    "rise fall drop gain lose close climb slip tumble jump plunge surge add shed end finish edge sink "
    "soar slide decline increase decrease".split()
)

# Verbs of saying and publishing whose "on X" names the medium ("wrote on Twitter", "posted on
# Facebook", "said on CNN", "congratulated him on Twitter").
MEDIUM_VERBS = frozenset(
    "say write post tweet announce publish share comment congratulate reply respond speak tell declare "
    "report broadcast".split()
)
STATE_BODIES = frozenset(
    "ministry government army police embassy parliament military navy department court cabinet "
    "office council senate congress presidency".split()
)
_CREDIT = re.compile(r"\b(?:Photo|Image|Picture|Credit)s?\s*(?:by|:)\s*([A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*)*)\s*/\s*")


def _with_country(span: Span, type_: str) -> Span:
    """'Germany's Foreign Ministry' is one organisation: a state body keeps its country's possessive,
    so that the foreign ministries of two countries stay two entities."""
    doc = span.doc
    if type_ != "Organization" or span.start < 2 or span[-1].lower_ not in STATE_BODIES:
        return span
    poss, country = doc[span.start - 1], doc[span.start - 2]
    if poss.tag_ == "POS" and country.ent_type_ in {"GPE", "NORP"}:
        start = country.i
        while start > 0 and doc[start - 1].ent_type_ == country.ent_type_ and doc[start - 1].ent_iob_ != "O":
            start -= 1
        return doc[start : span.end]
    return span


# Kinds of organisation that a university has: "the Block Museum of Art at Northwestern University".
UNIT_WORDS = frozenset("museum gallery center centre library school institute laboratory hospital faculty".split())


def _split_run_together(span: Span, type_: str, why: Why) -> list[tuple[Span, str, Why]]:
    """'According to Amnesty International Iason Athanasiadis-Fowden, ...': NER ran an organisation
    and the person after it into one name (or a museum and the university it is at). Split where the
    organisation's name ends in a word that names organisations and what follows is a person's name
    (a first name gender-guesser knows)."""
    if len(span) < 3:
        return [(span, type_, why)]
    for k in range(1, len(span) - 1):
        # "Block Museum of Art at Northwestern University": a museum or school at a university
        words = [t.lower_ for t in span[:k]]
        own = words[: words.index("of")] if "of" in words[1:] else words
        if (
            span[k].lower_ == "at"
            and own[-1] in UNIT_WORDS
            and {t.lower_ for t in span[k + 1 :]} & {"university", "college"}
        ):
            unit = Why("decisive", f"organisation word '{own[-1]}'")
            return [(span[:k], "Organization", unit), (span[k + 1 :], "Organization", Why("decisive", "university"))]
    for k in range(1, len(span) - 1):
        head, rest = span[:k], span[k:]
        if (
            head[-1].lower_ in ORG_WORDS
            and 2 <= len(rest.text.split()) <= 3
            and all(w[:1].isupper() for w in rest.text.split())
            and first_name_gender(rest.text) is not None
        ):
            org = Why("decisive", f"organisation word '{head[-1].lower_}'")
            return [(head, "Organization", org), (rest, "Person", Why("contextual", "first name"))]
    return [(span, type_, why)]


def _credit_names(doc: Doc, found: list[tuple[Span, str, Why]]) -> list[tuple[Span, str, Why]]:
    """'Photo: REUTERS/Ilan Rosenberg': the agency is an organisation even when NER misses it."""
    out = []
    for m in _CREDIT.finditer(doc_text(doc)):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if span is None or any(s.start <= span.start < s.end for s, *_ in found):
            continue
        out.append((span, "Organization", Why("contextual", "photo credit")))
    return out


_CONNECTORS = frozenset({"of", "for", "and", "de", "the", "on", "at"})
# Words of an office's title before its role noun: "Home Secretary", "Shadow Chancellor".
_OFFICE_WORDS = frozenset("home shadow justice health education trade environment transport energy".split())
_ROLES_AFTER_NAMES = frozenset(
    "spokesman spokeswoman spokesperson president chairman chairwoman ceo director secretary minister "
    "ambassador envoy official analyst correspondent reporter editor".split()
)
# What mention repair (spans.py) reads of this stage's words.
NAME_WORDS = NameWords(ORG_WORDS, PERSON_TITLES | ROLE_NOUNS | TITLE_WORDS, _CONNECTORS)
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december mr mrs ms dr".split()
)


def _proper_noun_runs(doc: Doc, found: list[tuple[Span, str, Why]], headline_end: int) -> list[tuple[Span, str, Why]]:
    """Names NER missed: runs of proper nouns acting as subject or object ("Human Rights Watch denied")."""
    taken = {i for span, *_ in found for i in range(span.start, span.end)}
    taken |= {i for ent in doc.ents for i in range(ent.start, ent.end)}
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i not in taken and tok.idx >= headline_end and _affiliation_acronym(tok):
            out.append((doc[i : i + 1], "Organization", Why("contextual", "acronym a person is of")))
        if tok.idx < headline_end or i in taken or tok.pos_ != "PROPN" or not tok.is_title:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j not in taken:
            nxt = doc[j]
            if nxt.pos_ == "PROPN" and nxt.is_title:
                j += 1
            elif nxt.lower_ in _CONNECTORS and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].is_title:
                j += 2
            else:
                break
        span = doc[_after_title_of(doc, _after_stance(doc, i, j), j) : j]
        if span.start > i and any(k in taken for k in range(span.start, j)):
            i = j
            continue  # "Prime Minister of Ireland": the name after the title is NER's already
        i = j
        if (
            _not_a_name(span)
            or any(t.lower_ in _NOT_NAMES for t in span)
            or span.root.dep_
            not in {
                "nsubj",
                "nsubjpass",
                "dobj",
                "pobj",
                "appos",
            }
        ):
            continue
        words = [t.lower_ for t in span]
        if len(span) > 1 and _product_or_index(span[-1].text):
            # "the Dow Jones Industrial Average", NER saw "Dow Jones" at most
            out.append((span, "Other", Why("decisive", f"model or index word '{span[-1].text}'")))
        elif words[-1] in ORG_WORDS:
            out.append((span, "Organization", Why("decisive", f"organisation word '{words[-1]}'")))
        elif len(span) > 1 and words[-1] in PLACE_TAILS:
            out.append((span, "Place", Why("decisive", f"place word '{words[-1]}'")))  # "the Hilal Hotel"
        elif len(span) >= 3:
            out.append((span, "Organization", Why("ner", "run of capitalised words")))
        elif _looks_like_person(span):
            out.append((span, "Person", Why("decisive", "title or role beside the name")))
        elif len(span) == 2 and span.root.dep_ == "nsubj":
            out.append((span, "Person", Why("ner", "two capitalised words as a subject")))
    return out


def _affiliation_acronym(tok) -> bool:
    """An acronym a person is said to be of or from ("Leung Kwok-hung of LSD", "LSD's Leung"):
    an organisation, even when NER did not take it for one."""
    if not (tok.is_upper and tok.text.isalpha() and 2 <= len(tok.text) <= 6 and tok.pos_ == "PROPN"):
        return False
    if tok.lower_ in PERSON_TITLES | ROLE_NOUNS | NOT_ENTITIES or gazetteer.country(tok.text) is not None:
        return False
    if tok.dep_ == "poss":
        person = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in {"of", "from"}:
        person = tok.head.head
    else:
        return False
    return person.ent_type_ == "PERSON"


def _looks_like_person(span: Span) -> bool:
    """A title before the name, or an appositive role noun beside it, says the name is a person. A
    word that names organisations counts against it, unless it is the surname after a clear first
    name ("Jim Press, the vice chairman")."""
    if any(t.pos_ != "PROPN" for t in span):
        return False
    if any(t.lower_ in ORG_WORDS for t in span) and not (len(span) == 2 and first_name_gender(span.text)):
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_.strip(".") in PERSON_TITLES and before.is_title:
        return True
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and _role_noun(child):
            return True
    return root.dep_ == "appos" and _role_noun(root.head)


# Verbs whose agent is a person: "founded by", "written by", "saved by" (a goalkeeper).
PERSON_AGENT_VERBS = frozenset("found write paint compose direct photograph sing save score coach marry".split())


def _given_and_family_name(span: Span) -> bool:
    """ "founded by Dean Kamen", "saved by Thibaut Courtois": two capitalised proper nouns of which the
    first is a clearly male or female first name, as the agent of a verb only people do, name a person
    whatever NER guessed, unless a word of it names a kind of organisation or place ("Unity State",
    "France Telecom"). Not as the subject of "said": many firms bear their founder's name ("Philip
    Morris said")."""
    words = [t.lower_ for t in span]
    root, head = span.root, span.root.head
    return (
        root.dep_ == "pobj"
        and head.lower_ == "by"
        and head.head.tag_ == "VBN"
        and head.head.lemma_.lower() in PERSON_AGENT_VERBS
        and len(span) == 2
        and all(t.tag_ == "NNP" and t.is_title and t.is_alpha for t in span)
        and not set(words) & (ORG_WORDS | PLACE_TAILS | PLACE_HEADS | GENERIC_ORG_HEADS | {"state"})
        and not any(gazetteer.place(t.text) for t in span)
        and first_name_gender(span.text) is not None
    )


def _role_noun(token) -> bool:
    """A title, or a role written as a common noun: "the MP3 Player, the iPod" names no person."""
    lemma = token.lemma_.lower()
    return lemma in PERSON_TITLES or (lemma in ROLE_NOUNS and token.is_lower)


def _display(text: str) -> str:
    text = tidy_name(text.translate(QUOTES).strip())
    text = re.sub(r"\s+", " ", text)
    if text.isupper() and len(text) > 4 and " " not in text:
        return text.title()
    return text


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _trim_headline(span: Span, body_names: set[str]) -> Span:
    """Title-case headlines fool NER ("Hamas Attacks"): cut a span back to a name the body uses,
    or before a reporting verb ("Oxfam Says Famine Looms" -> "Oxfam")."""
    for k, token in enumerate(span):
        if k and token.lower_ in HEADLINE_CUES:
            return span[:k]
    for cut in range(len(span) - 1, 0, -1):
        head = span[:cut]
        if normalise(head.text) in body_names and normalise(span.text) not in body_names:
            return head
    return span


def _first_names_joined(doc: Doc) -> list[Span]:
    """NER's names, with a first name it cut off the name after it joined again: in "Valeska Paris
    said" it saw two places, "Valeska" and "Paris"; a one-word name that is a clear first name and
    no place, right before another one-word name, is the start of a person's name."""
    ents, out = list(doc.ents), []
    k = 0
    while k < len(ents):
        first, nxt = ents[k], ents[k + 1] if k + 1 < len(ents) else None
        if (
            nxt is not None
            and len(first) == 1
            and nxt.start == first.end
            and len(nxt) == 1
            and first[0].whitespace_ == " "
            and gazetteer.place(first.text) is None  # not "Jordan Israel"
            and all(t.pos_ == "PROPN" and t.is_title for t in (first[0], nxt[0]))
            and first_name_gender(f"{first.text} {nxt.text}") is not None
        ):
            out.append(Span(doc, first.start, nxt.end, label="PERSON"))
            k += 2
            continue
        out.append(first)
        k += 1
    return out


def extract_entities(doc: Doc) -> list[Entity]:
    """Entities of ``doc`` with every mention's character span, merged within the article."""
    headline_end = max(doc_text(doc).find("\n"), 0)  # a text of one line has no separate headline
    raw: list[tuple[Span, str, Why]] = []
    for ent in _first_names_joined(doc):
        label_type = LABEL_TYPES.get(ent.label_)
        if label_type is None:
            continue
        span = _clean_span(ent)
        if span is None or not any(c.isalpha() for c in span.text) or _not_a_name(span):
            continue
        typed = _retype(span.text, label_type, span)
        if typed is None:
            continue
        raw.append((span, *typed))
    raw = [piece for span, type_, why in raw for piece in _split_run_together(span, type_, why)]
    raw = [(_with_country(span, type_), type_, why) for span, type_, why in raw]
    raw += _credit_names(doc, raw)
    raw += _proper_noun_runs(doc, raw, headline_end)
    raw = [m for m in repair(doc, raw, lambda s, t: _retype(s.text, t, s), NAME_WORDS) if not _not_a_name(m[0])]
    body_names = {normalise(s.text) for s, *_ in raw if s.start_char > headline_end}
    org_words = {normalise(s.text) for s, t, _ in raw if t == "Organization" and len(s) == 1}
    org_words |= {normalise(s[0].text) for s, t, _ in raw if t == "Organization" and len(s) > 1}
    mentions: list[tuple[str, str, tuple[int, int]]] = []
    surface: dict[tuple[int, int], str] = {}
    described: dict[tuple[int, int], tuple[str, Why]] = {}
    why: dict[tuple[int, int], tuple[str, Why]] = {}  # each mention's type and the reason for it
    for span, type_, reason in raw:
        if type_ == "Person" and len(span) > 1 and normalise(span[0].text) in org_words:
            # "Amnesty Israel": a branch named after its parent, not a person
            type_, reason = "Organization", Why("contextual", f"named after '{span[0].text}' of the article")
        elif type_ in {"Organization", "Place", "Other", "Person"} and _looks_like_person(span):
            type_, reason = "Person", Why("decisive", "title or role beside the name")
        elif type_ == "Organization" and reason.strength == "ner" and _given_and_family_name(span):
            type_, reason = "Person", Why("contextual", "first name")
        if span.end_char <= headline_end:
            span = _trim_headline(span, body_names)
        name = _display(span.text)
        country = gazetteer.country(name) if type_ in {"Place", "Organization", "Other"} else None
        if country is not None:
            surface[(span.start_char, span.end_char)] = name
            name, type_ = country.name, "Place"  # "US", "America", "the United States": one country
            reason = Why("decisive", "known country")
        at = (span.start_char, span.end_char)
        mentions.append((name, type_, at))
        if country is None and (kind := _described_type(span, type_)) is not None:
            described[at] = kind
            if kind[0] == type_:
                reason = kind[1] if reason.rank() < kind[1].rank() else reason
        if type_ == "Place" and reason.strength != "decisive":
            reason = _in_known_region(span) or reason
        if reason.strength == "ner":
            reason = context_cue(span, type_) or reason
        why[at] = (type_, reason)
    forced = _bracketed_acronyms(doc_text(doc), mentions)
    entities = _retype_described(_propagate(doc_text(doc), _merge(mentions, forced)), described)
    entities = _middle_names(_people_by_title(doc_text(doc), entities))
    entities = _dedupe_ids(_places_by_name(doc, _first_names(entities)))
    for entity in entities:
        for span in entity.mentions:
            form = surface.get(span)
            if form and form != entity.name and form not in entity.aliases:
                entity.aliases.append(form)  # the article's own word for the country stays a name of it
        if entity.type == "Place":
            found = next(filter(None, map(gazetteer.place, [entity.name, *entity.aliases])), None)
            entity.same_as = found.iris if found else []
            if found:
                decide(entity, Why("decisive", "gazetteer"))
    return settle(entities, why)


BIG_CITY = 1_000_000


def _first_names(entities: list[Entity]) -> list[Entity]:
    """'Ahmed' after 'Ahmed Mohamed': a person named by a first name alone is the one person of the
    article with a longer name that starts with it, when there is one such person only, the word is
    a known first name and no one's surname."""
    people = [e for e in entities if e.type == "Person" and len(e.name.split()) >= 2]
    out = []
    for entity in entities:
        name = entity.name
        if entity.type == "Person" and " " not in name and is_first_name(name):
            full = [p for p in people if p.name.split()[0] == name]
            if len(full) == 1 and not any(name in p.name.split()[1:] for p in people):
                target = full[0]
                target.mentions = sorted(set(target.mentions) | set(entity.mentions))
                target.aliases += [a for a in [name, *entity.aliases] if a not in target.aliases]
                continue
        out.append(entity)
    return out


def _places_by_name(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """A 'person' whose name is a known country or city ("working for Khartoum") is that place, when
    the name is no one's first name and no title stands before it ("Mr Houston")."""
    text = doc_text(doc)
    for entity in entities:
        if entity.type != "Person" or any(len(a.split()) > len(entity.name.split()) for a in entity.aliases):
            continue
        if entity.name.isupper() or (
            gazetteer.country(entity.name) is None and gazetteer.city_population(entity.name) < BIG_CITY
        ):
            continue  # "16 GB" is no Great Britain; a small town's or a region's name is too often a surname too
        if gazetteer.place(entity.name) is None or is_first_name(entity.name.split()[0]):
            continue
        before = [text[max(0, s - 12) : s].split()[-1:] for s, _ in entity.mentions]
        if any(w and w[0].lower().strip(".") in PERSON_TITLES | ROLE_NOUNS for w in before):
            continue
        entity.type, entity.id = "Place", entity_key(entity.name, "Place")
        decide(entity, Why("decisive", "known country or big city"))
    return entities


def _kind_of_noun(token, *, things: bool = False) -> str | None:
    """The entity type a common noun describes ("magazine", "spokesman", "town"), if it says one;
    with ``things``, also "Other" for a product or an index ("the airliner", "the index")."""
    if token.pos_ != "NOUN" or not token.is_lower:
        return None
    lemma = token.lemma_.lower()
    if things and lemma in THING_NOUNS:
        return "Other"
    for type_, nouns in KIND_NOUNS.items():
        if lemma in nouns:
            return type_
    return None


def _described_type(span: Span, type_: str) -> tuple[str, Why] | None:
    """The type a mention's own description gives, with why: a noun in apposition ("Instituto
    Gonzaga, a catholic school"), a noun just before the name ("magazine Der Spiegel", "spokesman Tom
    Hall"), "the town of X", "a man named Kazemi", "a member of Scientology", "X, based in Y". NER
    guesses from the name; these say."""
    doc, root = span.doc, span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
    if root.dep_ == "appos" and root.head.i < span.start and _kind_of_noun(root.head) != "Person":
        # "the chipmaker, AMD"; but in "X, president and CEO, AMD" the name after a title is the employer
        nouns.append(root.head)
    if span.start > 0:
        nouns.append(doc[span.start - 1])
    if (
        root.dep_ in {"oprd", "attr", "dobj"}
        and root.head.lemma_.lower() in {"name", "call"}
        and root.head.dep_ == "acl"
    ):
        nouns.append(root.head.head)  # "a man named Kazemi", "a group called Safecast"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACES_OF:
        nouns.append(root.head.head)  # "the town of Bireun", "the province of Aceh"
    examples = []
    if root.dep_ == "pobj" and (
        root.head.lower_ == "including" or (root.head.lower_ == "as" and doc[root.head.i - 1].lower_ == "such")
    ):
        # "stock indices such as the Nasdaq", "charities, including Oxfam": a plural kind the name is one of
        examples += [n for n in (root.head.head,) if n.tag_ == "NNS"]
    appositions = [  # with a comma between: "the FTSE 100, the main UK index" (not "new Boeing 787 aircraft")
        n
        for n in nouns
        if (n.dep_ == "appos" or (root.dep_ == "appos" and n == root.head))
        and any(t.text == "," for t in doc[min(n.i, span.start) : max(n.i, span.end)])
    ]
    kinds: dict[str, Why] = {}
    for n in nouns + examples:
        if (k := _kind_of_noun(n, things=n in appositions + examples)) is not None:
            kinds[k] = Why("decisive", f"kind noun '{n.lemma_.lower()}'")
    verb = root.head
    if root.dep_ == "compound" and verb.is_lower and verb.lemma_.lower() in INDEX_WORDS:
        kinds["Other"] = Why("decisive", f"kind noun '{verb.lemma_.lower()}'")  # "the Hang Seng index"
    if type_ != "Place" and root.dep_ == "nsubj" and (cue := _index_move(verb)):
        kinds["Other"] = cue  # "the Dow fell 678 points", "the Dow was up 3%": a market index
    if type_ == "Organization" and root.dep_ == "dobj" and verb.lemma_.lower() in LAUNCH_VERBS:
        # "Apple unveils iPod nano": what a company launches is its product, not an organisation
        kinds["Other"] = Why("contextual", f"object of '{verb.lemma_.lower()}'")
    if type_ != "Place" and (where := _after_place(span)) is not None:
        kinds["Place"] = where
    if type_ != "Person" and any(
        c.lemma_.lower() in {"base", "headquarter"} and c.dep_ in {"acl", "relcl"} for c in root.children
    ):
        # "Oxfam, based in Oxford": what has a base is an organisation
        kinds["Organization"] = Why("decisive", "'based in'")
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() == "member":
        kinds.setdefault("Organization", Why("contextual", "'member of'"))
    if (
        root.dep_ == "pobj"
        and root.head.lower_ == "on"
        and root.head.head.pos_ == "VERB"
        and root.head.head.lemma_.lower() in MEDIUM_VERBS
    ):
        # "wrote on Twitter", "said on CNN": where one says something is a medium
        kinds["Organization"] = Why("decisive", f"'{root.head.head.lemma_.lower()} on'")
    return next(iter(kinds.items())) if len(kinds) == 1 else None


def _index_move(verb) -> Why | None:
    """Whether a verb says its subject moves as a market index does: by points ("fell 678 points"),
    to a level ("falls below 9,000"), or up or down by a share ("was up 3.1%")."""
    lemma = verb.lemma_.lower()
    if lemma == "be":
        below = [t for c in verb.children if c.lower_ in {"up", "down"} for t in c.subtree]
        if any(t.text == "%" or t.lower_ == "percent" for t in below):
            return Why("decisive", "up or down by a share")
        return None
    if lemma not in MOVE_VERBS:
        return None
    # the verb's own objects and the objects of its prepositions, not a clause further down
    near = [t for c in verb.children for t in (c, *c.children) if c.dep_ in {"dobj", "npadvmod", "prep"}]
    for token in near:
        if token.lemma_.lower() == "point":
            return Why("decisive", "moves by points")
        if token.like_num and token.dep_ == "pobj" and token.head.lower_ in {"below", "above"}:
            return Why("decisive", f"moves {token.head.lower_} a level")
    return None


def _after_place(span: Span) -> Why | None:
    """ "Livorno, Tuscany", "lifting off from Toulouse": a one-word name set after a known place and a
    comma, or after "from" when it clearly names a city (no one's first name), is a place."""
    root, doc = span.root, span.doc
    head = root.head
    if (
        root.dep_ == "appos"
        and len(span) == 1  # not "a commander who lives in Oslo, Aregawi Berhe, is backing the story"
        and head.i < span.start
        and doc[span.start - 1].text == ","
    ):
        before = next((e for e in doc.ents if e.start <= head.i < e.end), doc[head.i : head.i + 1])
        found = gazetteer.place(before.text)
        if found is not None and gazetteer.place(span.text) is None and not is_first_name(span[0].text):
            return Why("decisive", f"after '{found.name},'")
    if (
        root.dep_ == "pobj"
        and head.lower_ == "from"
        and gazetteer.city(span.text) is not None
        and not is_first_name(span[0].text)
        and (span.start == 0 or doc[span.start - 1].lower_.strip(".") not in PERSON_TITLES)
    ):
        return Why("contextual", "a city after 'from'")
    return None


def _in_known_region(span: Span) -> Why | None:
    """ "Eldorado, Texas", "Fennick, Sweden": a name followed by a known country or state is a place."""
    doc = span.doc
    if "," in span.text:
        after = [span.text.rsplit(",", 1)[1].strip()]
    elif span.end + 1 < len(doc) and doc[span.end].text == ",":
        after = [doc[span.end + 1 : span.end + 1 + k].text for k in (1, 2, 3)]
    else:
        return None
    found = next(filter(None, (gazetteer.country(w) or gazetteer.region(w) for w in after)), None)
    return Why("decisive", f"followed by '{found.name}'") if found else None


def _retype_described(entities: list[Entity], described: dict[tuple[int, int], tuple[str, Why]]) -> list[Entity]:
    """An entity whose mentions are described as one type takes it, whatever NER said ("German
    magazine Der Spiegel" is no person); a known country or city stays a place."""
    for entity in entities:
        reasons = [described[tuple(m)] for m in entity.mentions if tuple(m) in described]
        kinds = {kind for kind, _ in reasons}
        if len(kinds) != 1 or entity.type in kinds or entity.type not in {"Person", "Organization", "Place"}:
            continue
        kind = kinds.pop()
        if kind != "Place" and gazetteer.place(entity.name) is not None:
            continue
        entity.type, entity.id = kind, entity_key(entity.name, kind)
        decide(entity, max((why for _, why in reasons), key=Why.rank))
    return entities


# The article of an Arabic surname, which a short mention drops ("al-Sadr" -> "Sadr").
_ARTICLE_PARTICLES = frozenset("al el ad as ash an ar at az".split())
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? ([A-Z][\w'-]+)")


def _people_by_title(text: str, entities: list[Entity]) -> list[Entity]:
    """A name the article gives a person's title ("Mr Kazemi") is a surname: the entities named by
    it or ending in it are people ("Mehdi Kazemi" is no organisation, "Kazemi" no place), and the
    surname alone joins the one full name that ends in it."""
    surnames = {m.group(1) for m in _HONORIFIC.finditer(text)}
    if not surnames:
        return entities
    for entity in entities:
        last = entity.name.split()[-1]
        if (
            entity.type in {"Organization", "Place", "Other"}
            and last in surnames
            and gazetteer.place(entity.name) is None
        ):
            if not set(normalise(entity.name).split()) & ORG_WORDS:
                entity.type, entity.id = "Person", entity_key(entity.name, "Person")
        if entity.type == "Person" and last in surnames:
            decide(entity, Why("decisive", "personal title (Mr, Ms, Dr)"))
    out = []
    for entity in entities:
        full = [
            e
            for e in entities
            if e is not entity and e.type == "Person" and len(e.name.split()) > 1 and e.name.split()[-1] == entity.name
        ]
        if entity.type == "Person" and entity.name in surnames and len(full) == 1:
            target = full[0]
            target.mentions = sorted(set(target.mentions) | set(entity.mentions))
            if entity.name not in target.aliases:
                target.aliases.append(entity.name)
            continue
        out.append(entity)
    return out


def _middle_names(entities: list[Entity]) -> list[Entity]:
    """ "Abdelbaset Ali al-Megrahi" is the person "Abdelbaset al-Megrahi" with a middle name, whatever
    NER labelled it: same first and last name, one name more, no word of an organisation's name."""
    people = [e for e in entities if e.type == "Person" and len(e.name.split()) >= 2]
    out = []
    for entity in entities:
        words = entity.name.split()
        match = [
            p
            for p in people
            if p is not entity
            and len(words) == len(p.name.split()) + 1
            and (words[0], words[-1]) == (p.name.split()[0], p.name.split()[-1])
            and not {w.lower() for w in words} & ORG_WORDS
        ]
        if len(match) != 1:
            out.append(entity)
            continue
        person = match[0]
        person.mentions = sorted(set(person.mentions) | set(entity.mentions))
        names = [person.name, *person.aliases, *entity.aliases]
        person.aliases = [n for i, n in enumerate(names) if n != entity.name and n not in names[:i]]
        person.name, person.id = entity.name, entity_key(entity.name, "Person")  # the fuller name
    return out


def _propagate(text: str, entities: list[Entity]) -> list[Entity]:
    """Mentions NER missed: later occurrences of an entity's name, an alias or a person's surname
    ("Verhoeven added ...") outside every found mention. A form two entities share is left alone."""
    forms: dict[str, set[int]] = defaultdict(set)
    for n, ent in enumerate(entities):
        names = {ent.name, *ent.aliases}
        if ent.type == "Person" and len(ent.name.split()) > 1 and gazetteer.place(ent.name) is None:
            names.add(ent.name.split()[-1])  # not "Aceh" of "Banda Aceh", a city NER took for a person
        for name in names:
            if len(name) >= 3 and name[0].isupper() and name.lower() not in _NOT_NAMES:
                forms[name].add(n)
    taken = [m for ent in entities for m in ent.mentions]
    for name in sorted(forms, key=len, reverse=True):
        if len(forms[name]) != 1:
            continue
        ent = entities[next(iter(forms[name]))]
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            span = (match.start(), match.end())
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            ent.mentions = sorted({*ent.mentions, span})
            taken.append(span)
            if name != ent.name and name not in ent.aliases:
                ent.aliases.append(name)  # the surname a later mention uses is a name of the person
    return entities


def _letters(name: str) -> str:
    """The initials of a name's capitalised words, hyphenated parts counted apart
    ("Council on American-Islamic Relations" -> "CAIR")."""
    return "".join(w[0] for w in re.split(r"[\s\-\u2013]+", name) if w[:1].isupper()).upper()


def _spells(acronym: str, name: str) -> bool:
    """Whether an acronym abbreviates a name: its initials in order, the first of them in order
    ("DAB" for "Democratic Alliance for the Betterment and Progress of Hong Kong"), or all of them in
    another order, as a name translated from another language ("CEI" for "Italian Episcopal Conference")."""
    initials, acronym = _letters(name), acronym.upper()
    if len(initials) < 2 or len(acronym) < 2:
        return False
    if sorted(initials) == sorted(acronym):
        return True
    rest = iter(initials[1:])
    return acronym[0] == initials[0] and all(c in rest for c in acronym[1:])


def _bracketed_acronyms(text: str, mentions: list[tuple[str, str, tuple[int, int]]]) -> dict[str, str]:
    """'the Joint Council for the Welfare of Immigrants (JCWI)', 'CEI (Italian Episcopal Conference)':
    an acronym in brackets right after a name, or a name in brackets right after an acronym, is the
    same organisation when it spells the name. Returns the acronym's key -> the name's key."""
    by_start = {span[0]: (name, type_, span) for name, type_, span in mentions}
    out = {}
    for name, type_, span in mentions:
        gap = text[span[1] : span[1] + 3]
        if not gap.startswith(" (") and not gap.startswith("("):
            continue
        other = by_start.get(span[1] + gap.index("(") + 1)
        if other is None or not text[other[2][1] : other[2][1] + 1] == ")":
            continue
        for short, full in ((name, other[0]), (other[0], name)):
            if short.isupper() and " " not in short and " " in full and _spells(short, full):
                if type_ in {"Organization", "Other"} or other[1] in {"Organization", "Other"}:
                    out[normalise(short)] = normalise(full)
    return out


def _without_possessives(name: str) -> str:
    """A name's key with possessive endings inside it dropped ("New People's Party" -> "new people party")."""
    return normalise(re.sub(r"['\u2019]s\b", "", name))


def _merge(mentions: list[tuple[str, str, tuple[int, int]]], forced: dict[str, str] | None = None) -> list[Entity]:
    """Mentions into entities; ``forced`` maps an acronym's key to the key of the name it abbreviates."""
    forced = forced or {}
    clusters: list[_Cluster] = []
    by_loose: dict[str, _Cluster] = {}  # keys without possessive endings
    by_key: dict[str, _Cluster] = {}
    # Longer names first, so that short forms can find the full name they abbreviate.
    order = sorted(range(len(mentions)), key=lambda i: (-len(mentions[i][0].split()), mentions[i][2]))
    first_seen = {}
    for i in order:
        name, type_, span = mentions[i]
        key = normalise(name)
        if not key:
            continue
        cluster = by_key.get(key) or by_key.get(forced.get(key, ""))
        loose = _without_possessives(name)
        if cluster is None and (found := by_loose.get(loose)) is not None and found.type == type_:
            cluster = found  # "New People Party" is the "New People's Party" of the same article
        if cluster is None and (cluster := _find_alias(key, type_, clusters)) is not None:
            if type_ == "Place" and cluster.type == "Organization" and gazetteer.place(name) is None:
                type_ = "Organization"  # "AirTran" after "AirTran Airways": no place NER took it for
            elif cluster.type == "Other" and type_ == "Organization":
                type_ = "Other"  # "Dow Jones" after "Dow Jones Industrial Average"
            elif cluster.type == "Person" and " " not in key and _personal_name(cluster.name):
                type_ = "Person"  # a surname NER labels otherwise does not outvote the person's full name
        if cluster is None:
            cluster = _Cluster(name=name, type=type_)
            clusters.append(cluster)
        cluster.add(name, type_, span)
        if key in forced and cluster is by_key.get(forced[key]) and type_ == "Organization":
            cluster.type_votes[type_] += len(cluster.mentions)  # a name with an acronym is an organisation's
        by_key.setdefault(key, cluster)
        if " " in loose:
            by_loose.setdefault(loose, cluster)
        first_seen[id(cluster)] = min(first_seen.get(id(cluster), span[0]), span[0])
    entities = []
    for cluster in sorted(clusters, key=lambda c: first_seen[id(c)]):
        type_ = max(cluster.type_votes, key=lambda t: (cluster.type_votes[t], t == cluster.type))
        name = max(cluster.names, key=lambda n: (len(n.split()), not n.isupper(), -cluster.names.index(n)))
        aliases = sorted({n for n in cluster.names if n != name}, key=cluster.names.index)
        entities.append(
            Entity(
                id=entity_key(name, type_),
                name=name,
                type=type_,
                aliases=aliases,
                mentions=sorted(cluster.mentions),
            )
        )
    return _dedupe_ids(entities)


def _personal_name(name: str) -> bool:
    """Whether a name NER gave a person looks like one: a known first name ("Paul Dewar") or three
    capitalised words and more ("Sutopo Purwo Nugroho"), unlike "Internet Explorer"."""
    words = name.split()
    return len(words) > 1 and (is_first_name(words[0]) or (len(words) > 2 and all(w[:1].isupper() for w in words)))


def _find_alias(key: str, type_: str, clusters: list[_Cluster]) -> _Cluster | None:
    """The cluster a name is a short form of. A name it spells comes before one it opens: "HP" is
    "Hewlett-Packard" rather than "HP Smart Cooling" (a product line named after it)."""
    spelt = [c for c in clusters if " " not in key and len(key) >= 2 and any(_spells_initials(key, n) for n in c.names)]
    return _alias_in(key, type_, spelt) or _alias_in(key, type_, clusters)


def _spells_initials(key: str, name: str) -> bool:
    return key.upper() == _initials(name).upper()


def _alias_in(key: str, type_: str, clusters: list[_Cluster]) -> _Cluster | None:
    words = key.split()
    for cluster in clusters:
        if cluster.type != type_ and not {type_, cluster.type} <= {"Organization", "Place"}:
            if cluster.type == "Other" and type_ == "Organization":
                names = [normalise(n).split() for n in cluster.names]
                if any(n[-1] in INDEX_WORDS and n[: len(words)] == words and len(n) > len(words) for n in names):
                    return cluster  # "Dow Jones" is the "Dow Jones Industrial Average" of the article
                continue
            if cluster.type != "Person" or len(words) != 1:
                continue
        for name in cluster.names:
            other = normalise(name).split()
            if len(other) <= len(words):
                continue
            if cluster.type == "Person" and len(words) == 1 and words == other[-1:]:
                if gazetteer.place(name) is not None:
                    continue  # "Aceh" is no surname of "Banda Aceh", a city NER took for a person
                return cluster  # a surname, whatever NER labelled it
            if cluster.type == "Person" and len(words) == 1 and other[-1].split("-", 1)[-1] == words[0]:
                if other[-1].split("-", 1)[0] in _ARTICLE_PARTICLES:
                    return cluster  # "Sadr" is "Muqtada al-Sadr", "Assad" is "Bashar al-Assad"
            if type_ == "Person" and cluster.type == "Person" and words == other[-len(words) :]:
                return cluster
            if type_ in {"Organization", "Place"} and cluster.type == "Organization" and other[: len(words)] == words:
                if not _short_form_of(name):
                    continue
                if type_ == "Organization" or (
                    gazetteer.place(key) is None and len(other) == len(words) + 1 and other[-1] in ORG_WORDS
                ):
                    return cluster  # "AirTran" is "AirTran Airways" whatever NER said, unless a known place
            if (
                type_ == cluster.type == "Organization"
                and other[-len(words) :] == words
                and gazetteer.country(" ".join(other[: -len(words)])) is not None
            ):
                return cluster  # "State Department" is the "US State Department" of the same article
            if len(words) == 1 and _spells_initials(key, name) and len(key) >= 2:
                return cluster
    return None


def _short_form_of(name: str) -> bool:
    """Whether an organisation name's leading words can stand for it: not when it names something
    after the organisation ("Acme Developer Forum" is an event, not Acme) or lists several ("Acme /
    Birch": neither is the pair)."""
    return "/" not in name and normalise(name).split()[-1] not in NAMED_AFTER_TAILS


def _dedupe_ids(entities: list[Entity]) -> list[Entity]:
    """Two clusters whose names normalise alike but stayed apart (types differ) keep distinct ids."""
    seen: dict[str, Entity] = {}
    out = []
    for ent in entities:
        if ent.id in seen:
            kept = seen[ent.id]
            kept.mentions = sorted(set(kept.mentions) | set(ent.mentions))
            kept.aliases += [a for a in [ent.name, *ent.aliases] if a not in kept.aliases and a != kept.name]
            continue
        seen[ent.id] = ent
        out.append(ent)
    return out
