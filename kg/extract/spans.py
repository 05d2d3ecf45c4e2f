"""Mention repair: names NER cut short, ran together or made of words that name nothing.

NER reads token by token and slips where the tokens mislead it: an Irish name split at its
apostrophe ("Michael O' Leary"), a Dutch one cut at its particle ("Johan Van den"), a title read
into the organisation beside it ("NASA Administrator Charles Bolden"), a measure taken for a name
("16GB", "140 dB"), a sentence after an abbreviation read on ("in Bountiful, B. C. Bountiful has").
Each repair here reads a cue of the text itself (token shape, part of speech, dependency, the
names elsewhere in the article), not a list of names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Span

from kg.extract import roles
from kg.extract.coref import first_name_gender, is_first_name
from kg.extract.lexicon import COMMON_ABBREVIATIONS, KIND_NOUNS, OFFICE_TITLES, PARTICLES
from kg.extract.type_evidence import Why

Mention = tuple[Span, str, Why]
Retype = Callable[[Span, str], "tuple[str, Why] | None"]

APOSTROPHES = frozenset({"'", "\u2019"})
# Words of a title, besides those of the entities stage, that may stand before a person's name or
# after an organisation's.
ROLE_WORDS = roles.ROLE_NOUNS | roles.TITLE_MODIFIERS | OFFICE_TITLES


class NameWords(NamedTuple):
    """The word lists of the entities stage that the repairs read (handed over, as that stage
    calls this module)."""

    org_words: frozenset[str]  # words that end organisations' names ("company", "ministry")
    titles: frozenset[str]  # titles and roles, and the words of titles ("of", "prime", "chief")
    connectors: frozenset[str]  # lower-case words inside names ("of", "for", "and")


_INITIAL = re.compile(r"^[A-Z]\.$")


def tidy_name(text: str) -> str:
    """ "Michael O' Leary", "Charles O 'Reilly": the spacing some texts put around an apostrophe
    inside a name is no part of it."""
    return re.sub(r"\b([A-Z]) ?['\u2019] ?(?=[A-Z])", r"\1'", text)


def repair(doc: Doc, raw: list[Mention], retype: Retype, words: NameWords) -> list[Mention]:
    """The mentions of ``raw`` with their spans repaired; ``retype`` gives the type a repaired
    span's words say (None: no entity). A mention a lengthened one now covers ("Leary" in
    "Michael O' Leary") is dropped."""
    words = words._replace(titles=words.titles | ROLE_WORDS)
    surnames = {s[-1].text for s, t, _ in raw if t == "Person" and len(s) > 1}
    names = {s.text for s, *_ in raw}
    out: list[Mention] = []
    longer: list[Span] = []
    for span, type_, why in raw:
        for piece, kind, reason in _repair(span, type_, why, surnames, names, words):
            if (piece.start, piece.end) != (span.start, span.end) and reason is why:
                typed = retype(piece, kind)
                if typed is None:
                    continue
                kind, reason = typed
            if piece.start < span.start or piece.end > span.end:
                longer.append(piece)
            out.append((piece, kind, reason))
    return [m for m in out if not any(_inside(m[0], other) for other in longer)]


def _inside(span: Span, other: Span) -> bool:
    """Whether ``span`` lies within a longer ``other``."""
    return other.start <= span.start and span.end <= other.end and len(other) > len(span)


def _repair(span: Span, type_: str, why: Why, surnames: set[str], names: set[str], words: NameWords) -> list[Mention]:
    """One mention repaired: dropped (no pieces), mended, or split into the names run together."""
    if type_ != "Group" and (_measure(span) or _common_word(span)):
        return []
    cut = _cut_at_other_name(span, words.connectors)
    if cut is None:
        return []
    span = _whole_surname(_cut_at_verb(cut), type_ == "Person")
    if type_ == "Organization":
        trimmed = _without_title_after(span, words)
        if trimmed is None:
            return []
        span = _possessor(trimmed, names, words.org_words)
        span = _with_demonym(_with_second_part(_with_plural(span, words.titles), words.org_words))
        if (split := _acronym_and_surname(span, surnames)) is not None:
            return split
    if type_ != "Place" and (items := _list_items(span)) is not None:
        return [(item, type_, why) for item in items]
    if (person := _person_after_title(span, words)) is not None:
        return [(person, "Person", Why("decisive", "title or role beside the name"))]
    if type_ in {"Place", "Organization"}:
        span = _before_kind_noun(span)
    if type_ == "Place" and (parts := _after_initials(span, names)) is not None:
        return [(part, type_, why) for part in parts]
    return [(span, type_, why)]


def _measure(span: Span) -> bool:
    """ "16GB", "140 dB": a short word counted by a number is a unit of measure, not a name."""
    if len(span) != 1 or len(span.text.strip(".")) > 3:
        return False
    token = span[0]
    before = token.doc[token.i - 1] if token.i > 0 else None
    glued = before is not None and before.like_num and not before.whitespace_
    return glued or any(c.dep_ == "nummod" for c in token.children)


def _whole_surname(span: Span, person: bool) -> Span:
    """ "Michael O' Leary", "Johan Van den Driessche": NER stops a person's name at the apostrophe
    or after the particle of a surname; the name goes on to the capitalised word after it. Nor does
    any name start after the apostrophe ("O' Leary spoke")."""
    doc, start, end = span.doc, span.start, span.end
    if start > 1 and doc[start - 1].text in APOSTROPHES and _letter(doc[start - 2]) and span[0].is_title:
        start -= 2
    if not person:
        return doc[start:end]
    while end < len(doc) and doc[end].is_title and doc[end].is_alpha:
        last = doc[end - 1]
        apostrophe = last.text in APOSTROPHES and end - 2 >= start and _letter(doc[end - 2])
        if not (apostrophe or (last.lower_ in PARTICLES and last.is_lower)):
            break
        end += 1
    if end + 1 < len(doc) and _letter(doc[end - 1]) and doc[end].text in APOSTROPHES and doc[end + 1].is_title:
        end += 2  # the span ended at the letter: "Michael O"
    return doc[start:end]


def _letter(token) -> bool:
    return len(token.text) == 1 and token.is_upper


def _without_title_after(span: Span, words: NameWords) -> Span | None:
    """ "NASA Administrator Charles Bolden", "Boeing Executive Vice President X", "Charles Bolden,
    NASA Administrator": the title that follows an organisation's name, before a name or the rest of
    the title or after the person's name, is not part of it."""
    doc, end = span.doc, span.end
    followed = end < len(doc) and doc[end].is_title
    after_person = span.start > 1 and doc[span.start - 1].text == "," and doc[span.start - 2].ent_type_ == "PERSON"
    if not (followed or after_person) or any(t.lower_ == "of" for t in span):
        return span
    if all(t.lower_ in words.titles | words.connectors for t in span):
        return None  # "Commissioner for Trade Anna Lindqvist": a title, no organisation's name
    while end - span.start > 1 and doc[end - 1].lower_ in words.titles and doc[end - 1].is_title:
        end -= 1
    return doc[span.start : end]


def _person_after_title(span: Span, words: NameWords) -> Span | None:
    """ "Commissioner for Competition Neelie Kroes", "City Clerk Susana Mendoza": a title run into
    the name of the person holding it; the person is the first and last name at the end."""
    if len(span) < 3:
        return None
    person, title = span[-2:], span[:-2]
    if not all(t.is_title and t.is_alpha for t in person) or person[-1].lower_ in words.org_words:
        return None
    if first_name_gender(person.text) is None:
        return None
    if not any(t.lower_ in words.titles - words.connectors and t.is_title for t in title):
        return None
    if not all(t.is_title or t.lower_ in words.connectors for t in title):
        return None
    return person


def _acronym_and_surname(span: Span, surnames: set[str]) -> list[Mention] | None:
    """ "with the BBC Capaldi admitted": an organisation's acronym run into the surname of a person
    the article names in full."""
    if len(span) != 2 or not (span[0].is_upper and span[0].is_alpha and len(span[0]) > 1):
        return None
    if span[1].text not in surnames:
        return None
    return [
        (span[:1], "Organization", Why("ner", "NER label")),
        (span[1:], "Person", Why("contextual", "surname of a person of the article")),
    ]


def _after_initials(span: Span, names: set[str]) -> list[Span] | None:
    """ "living in Bountiful, B. C. Bountiful has been": after a place's initials a new sentence
    starts that the parser ran on; the name after the initials is a name of its own elsewhere."""
    for k in range(1, len(span)):
        if _INITIAL.match(span[k - 1].text) and not _INITIAL.match(span[k].text) and span[k:].text in names:
            return [span[:k], span[k:]]
    return None


def _cut_at_verb(span: Span) -> Span:
    """ "Environment Canada Archived": a finite verb whose subject is in the span ends the name."""
    for token in span[1:]:
        if token.pos_ == "VERB" and token.tag_ in {"VBD", "VBZ", "VBP"}:
            if any(c.dep_ in {"nsubj", "nsubjpass"} and span.start <= c.i < token.i for c in token.children):
                return span.doc[span.start : token.i]
    return span


def _cut_at_other_name(span: Span, connectors: frozenset[str]) -> Span | None:
    """ "our Company and Aeroflot", "Aides of Muqtada": a run of capitalised words NER did not see
    ends before a connector followed by a name NER did see; a single word left names nothing."""
    if span[0].ent_iob_ not in {"O", ""}:
        return span
    for token in span[:-1]:
        if token.i > span.start and token.lower_ in connectors and span.doc[token.i + 1].ent_iob_ == "B":
            return span.doc[span.start : token.i] if token.i - span.start > 1 else None
    return span


def _with_second_part(span: Span, org_words: frozenset[str]) -> Span:
    """ "European Aeronautic Defence and Space Company": NER stopped at the "and" inside a name;
    the name goes on when what follows is a run of capitalised words no other name, ending in a
    word that names organisations."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].lower_ not in {"and", "&"}:
        return span
    k = end + 1
    while k < len(doc) and doc[k].is_title and doc[k].pos_ == "PROPN" and doc[k].ent_iob_ in {"O", ""}:
        k += 1
    if k > end + 1 and doc[k - 1].lower_ in org_words:
        return doc[span.start : k]
    return span


def _with_demonym(span: Span) -> Span:
    """ "Jewish Voice for Peace": a nationality adjective before a run of capitalised words NER did
    not see is the first word of the organisation's name."""
    doc = span.doc
    if span.start == 0 or span[0].ent_iob_ not in {"O", ""}:
        return span
    before = doc[span.start - 1]
    if (
        before.ent_type_ == "NORP"
        and before.pos_ == "ADJ"
        and before.is_title
        and span.start <= before.head.i < span.end
    ):
        return doc[before.i : span.end]
    return span


def _common_word(span: Span) -> bool:
    """ "the OEM", "8GB of RAM": an abbreviation of a common noun; "Twin bombings struck": a common
    English word that starts a sentence and modifies a common noun, named nowhere else in the
    article and no one's first name, is no person ("Obama administration overturns" keeps Obama)."""
    if len(span) != 1:
        return False
    token = span[0]
    if token.lower_ in COMMON_ABBREVIATIONS:
        return True
    return (
        token.is_sent_start
        and token.ent_type_ == "PERSON"
        and token.dep_ == "compound"
        and token.head.pos_ == "NOUN"
        and token.head.is_lower
        and span.doc.text.count(token.text) == 1
        and not is_first_name(token.text)
        and _english_word(token.lower_)
    )


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The nouns and adjectives of the lemmatizer's WordNet index: common words of English."""
    from kg.nlp import load_nlp

    index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(index["noun"]) | frozenset(index["adj"])


def _english_word(word: str) -> bool:
    return word in _english_words()


def _before_kind_noun(span: Span) -> Span:
    """ "in Bukit Sama village": NER stopped a place's name short of the capitalised words that
    still stand before the kind noun naming what the place is."""
    doc, end = span.doc, span.end
    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and doc[end].ent_iob_ in {"O", ""}:
        end += 1
    if end > span.end and end < len(doc) and doc[end].is_lower and doc[end].lemma_ in KIND_NOUNS["Place"]:
        return doc[span.start : end]
    return span


def _possessor(span: Span, names: set[str], org_words: frozenset[str]) -> Span:
    """ "Apple's MacBook line": the organisation is the owner before the possessive, when the article
    names it on its own; "People's Daily" stays whole, and so does a country's ministry ("Israel's
    Foreign Ministry")."""
    for token in span[1:-1]:
        owner = span.doc[span.start : token.i]
        if token.tag_ == "POS" and owner.text in names and span[-1].lower_ not in org_words:
            return owner
    return span


def _with_plural(span: Span, titles: frozenset[str]) -> Span:
    """ "Church of Jesus Christ of Latter Day Saints": NER stopped before the capitalised plural of a
    common noun that ends the name (outside title-case headlines; "Dries Mertens" is no plural)."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or _title_case_line(span):
        return span
    nxt = doc[end]
    if (
        nxt.is_title
        and nxt.tag_ in {"NNS", "NNPS"}
        and nxt.ent_iob_ in {"O", ""}
        and nxt.lower_ not in titles
        and _english_word(nxt.lower_.removesuffix("s"))
        and not doc[end + 1].is_title
    ):
        return doc[span.start : end + 1]
    return span


def _title_case_line(span: Span) -> bool:
    """Whether the span's sentence is a headline in title case, where capitals mark no name."""
    words = [t for t in span.sent if t.is_alpha and len(t) > 3]
    return len(words) > 2 and all(t.is_title or t.is_upper for t in words)


def _list_items(span: Span) -> list[Span] | None:
    """ "an SD reader, MagSafe 2, Thunderbolt, USB 3.0": NER ran items of a list into one name; a
    span with a comma inside that stands in a list is its items, when one of them has more than one word."""
    doc = span.doc
    commas = [t.i for t in span[1:-1] if t.text == ","]
    in_list = (span.start > 0 and doc[span.start - 1].text == ",") or (
        span.end < len(doc) and doc[span.end].text in {",", "and"}
    )
    if not commas or not in_list:
        return None
    bounds = [span.start - 1, *commas, span.end]
    items = [doc[a + 1 : b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a + 1]
    # "Boycott, Divestment, Sanctions" is one name: items of single words are the words of a name
    return items if any(len(item) > 1 for item in items) else None
