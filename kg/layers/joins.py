"""Automatic joins: one node per person across articles, when a surname alone names a full name's owner.

Entity keys come from names, so "Kazemi" in one article and "Mehdi Kazemi" in another are two nodes
(within one article coreference joins them). After each ingest this layer looks at the persons of the
articles just written and joins a person named by one token (a surname) to the one person of the
store whose full name ends in it, when all of these hold:

- exactly one entity of the store, of any type, has a name of two or more words ending in the
  surname ("al-Sadr" ends in "Sadr"), and it is a person: two Smiths, or a Smith the extractor typed
  as an organisation, block the join;
- the surname is no acronym (all capitals) and its own names give no other first name;
- every article that names the surname is tied to an article of the full name (:func:`evidence`):
  it names the full name too, or it tells of a story (canonical event) an article of the full name
  tells of, states the same relation (works for, leader of, member of the same organisation), or
  names :data:`MIN_SHARED` specific entities an article of the full name names: specific means named
  in at most :func:`rare_limit` articles of the store, so "United States" is no evidence in a store
  of many articles. Every article, because the join renames the surname in all of them;
- the user has not split the pair (``kg split``): the user keeps the last word.

A join is recorded as a merge (``kg:Merge``, also typed ``kg:Join``) with the rule and its evidence
in the corrections graph, so every later ingest applies it like a user's merge and ``kg split``
undoes it; the articles that name the surname are then extracted again (:func:`kg.ingest.ingest`
does so), whichever came first. A join is lifted when the surname later matches a second full name,
or when an article written later names the surname (the join renamed it) and nothing ties that
article to the full name's: the result does not depend on the order of ingest. Articles that still
name an entity merged away (a run stopped after recording a merge) are extracted again by the next.

Measured on the 93 shared texts (examples and corpus/*/texts): 3 joins, all right (2 since the
entity changes of 2026-12-06: Kibaki, Walther); on those plus the
882 dev articles of the shared corpora: 7 joins, each of one actor (one of them "Heels" to "Tar
Heels", a team the extractor typed as a person). Finding them costs about 0.02 s per ingest; the
joined articles are extracted again.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from kg.layers.base import chunks, iri_values
from kg.layers.corrections import graphs_mentioning, record_automatic_join, remove_merge
from kg.layers.sparql import (
    ARTICLE_COUNT,
    ARTICLES_NAMING,
    LABELS_AND_COUNTS,
    MENTION_TEXTS,
    NAMES_MATCHING,
    NOT_APPLIED,
    PERSON,
    PERSONS,
    PERSONS_NAMED,
    PERSONS_OF_ARTICLES_PART,
    RECORDED_JOINS,
    RELATION_TIES,
    STORY_TIES,
    USER_SPLITS,
    render,
)
from kg.names import fold
from kg.rdf.namespaces import KG
from kg.rdf.ntriples import literal
from kg.store import Store

RULE = "surname"
MIN_SHARED = 2  # specific entities two articles must share when nothing else ties them
RARE_SHARE = 0.05  # a specific entity is named in at most this share of the store's articles ...
RARE_FLOOR = 3  # ... or in at most this many, in a small store
PARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ul", "bin", "ibn", "abu"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
RELATIONS = (KG.worksFor, KG.leaderOf, KG.memberOf)
SHOWN = 5  # shared entities named in the evidence line, the rarest first
_WORD = re.compile(r"^[^\W\d_][\w'-]*$")


def surname_of(name: str) -> str | None:
    """The last name of a full name ("Mehdi Kazemi" -> "kazemi", "Muqtada al-Sadr" -> "sadr",
    "Martin Luther King Jr." -> "king"); None for a name of one word."""
    words = fold(name).split()
    while len(words) > 2 and words[-1] in SUFFIXES:
        words.pop()
    if len(words) < 2:
        return None
    return _bare(words[-1])


def _bare(word: str) -> str:
    head, _, rest = word.partition("-")
    return rest if rest and head in PARTICLES else word


def single_name(label: str) -> str | None:
    """The surname a one-word person name stands for, or None (several words, an acronym, a number)."""
    if label.isupper() or not _WORD.match(label.strip()):
        return None
    return _bare(fold(label))


def first_name(name: str) -> str:
    return fold(name).split()[0]


def rare_limit(articles: int) -> int:
    """How many articles of the store may name an entity for it to count as specific evidence."""
    return max(RARE_FLOOR, math.floor(articles * RARE_SHARE))


@dataclass
class Person:
    iri: str
    name: str
    names: set[str] = field(default_factory=set)


@dataclass
class Join:
    """A surname joined to a full name, with why."""

    surname: Person
    full: Person
    same_article: bool = False
    stories: int = 0
    relations: list[str] = field(default_factory=list)
    shared: list[tuple[str, str]] = field(default_factory=list)  # (IRI, name) of specific entities
    tied: set[str] = field(default_factory=set)  # the surname's articles tied to the full name's
    untied: set[str] = field(default_factory=set)  # those nothing ties to it

    @property
    def agreed(self) -> bool:
        """Every article that names the surname is tied to an article of the full name: the join
        renames the surname in all of them."""
        return bool(self.tied) and not self.untied

    def evidence(self) -> str:
        """One line for people: "surname of Mehdi Kazemi; shared: Tehran police, Amnesty International"."""
        parts = [f"surname of {self.full.name}"]
        if self.same_article:
            parts.append("same article")
        if self.stories:
            parts.append("same story")
        if self.relations:
            parts.append("same relation: " + ", ".join(self.relations))
        if self.shared:
            names = [name for _, name in self.shared[:SHOWN]]
            more = len(self.shared) - len(names)
            parts.append("shared: " + ", ".join(names) + (f" and {more} more" if more else ""))
        return "; ".join(parts)


# ------------------------------------------------------------------------------------------ finding


def _add_person(found: dict[str, Person], r: dict) -> None:
    p = found.setdefault(r["e"].value, Person(r["e"].value, r["label"].value, {r["label"].value}))
    if "alias" in r:
        p.names.add(r["alias"].value)


def _persons_of(store: Store, graphs: list[str] | None) -> dict[str, Person]:
    """The persons the catalogue describes, of the given article graphs (every one when None)."""
    found: dict[str, Person] = {}
    for chunk in [None] if graphs is None else chunks(graphs):
        where = "" if chunk is None else render(PERSONS_OF_ARTICLES_PART, values=iri_values(chunk))
        for r in store.query(render(PERSONS, where=where)).rows:
            _add_person(found, r)
    return found


def _singles_named(store: Store, surnames: set[str]) -> dict[str, Person]:
    """The one-word persons named by these surnames (a full name just written may join them)."""
    found: dict[str, Person] = {}
    for chunk in chunks(sorted(surnames)):
        keys = " ".join(literal(k) for s in chunk for k in (s, f"al-{s}", f"el-{s}"))
        rows = store.query(render(PERSONS_NAMED, keys=keys)).rows
        for r in rows:
            if single_name(r["label"].value) in surnames:
                _add_person(found, r)
    return found


def _ending_in(store: Store, surnames: set[str]) -> dict[str, dict[str, tuple[str, str]]]:
    """For each surname, the entities of any type with a name of several words ending in it:
    {surname: {IRI: (name, type)}}."""
    found: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for chunk in chunks(sorted(surnames)):
        pattern = "(^|[ -])(" + "|".join(chunk) + r")( (jr|sr|ii|iii|iv)\.?)?$"
        rows = store.query(render(NAMES_MATCHING, pattern=literal(pattern))).rows
        for r in rows:
            words = fold(r["name"].value).split()
            while len(words) > 2 and words[-1] in SUFFIXES:
                words.pop()
            last = words[-1] if len(words) > 1 else ""
            for s in chunk:
                if last == s or last.endswith(f"-{s}"):
                    found[s][r["e"].value] = (r["name"].value, r["type"].value)
    return found


def _articles_of(store: Store, entities: set[str]) -> dict[str, set[str]]:
    """Entity -> the article graphs that name it."""
    return _named(store, entities, given="e")


def _named_in(store: Store, graphs: set[str]) -> dict[str, set[str]]:
    """Article graph -> the entities it names."""
    return _named(store, graphs, given="g")


def _named(store: Store, values: set[str], *, given: str) -> dict[str, set[str]]:
    other = "g" if given == "e" else "e"
    found: dict[str, set[str]] = defaultdict(set)
    for chunk in chunks(sorted(values)):
        rows = store.query(render(ARTICLES_NAMING, given=given, values=iri_values(chunk))).rows
        for r in rows:
            found[r[given].value].add(r[other].value)
    return found


def _described(store: Store, entities: set[str]) -> dict[str, tuple[str, int]]:
    """Label and article count of each entity, from the catalogue."""
    found = {}
    for chunk in chunks(sorted(entities)):
        rows = store.query(render(LABELS_AND_COUNTS, values=iri_values(chunk))).rows
        found.update({r["e"].value: (r["label"].value, int(r["n"].value)) for r in rows})
    return found


def _article_count(store: Store) -> int:
    rows = store.query(render(ARTICLE_COUNT)).rows
    return int(rows[0]["n"].value) if rows else 0


def _story_ties(store: Store, a: set[str], b: set[str]) -> dict[str, int]:
    """The articles of ``a`` that tell of a story an article of ``b`` tells of too, with how many."""
    rows = store.query(render(STORY_TIES, a=iri_values(a), b=iri_values(b))).rows
    return {r["a"].value: int(r["n"].value) for r in rows}


def _relation_ties(store: Store, who: str, a: set[str], full: str, b: set[str]) -> dict[str, set[str]]:
    """The articles of ``a`` where ``who`` has a relation (works for, leads, member of) to what
    ``full`` has it to in an article of ``b``: {article: {"worksFor Eurasia Group", ...}}."""
    preds = " ".join(f"<{p}>" for p in RELATIONS)
    query = render(RELATION_TIES, predicates=preds, a=iri_values(a), b=iri_values(b), who=who, full=full)
    rows = store.query(query).rows
    found: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        found[r["g"].value].add(f"{r['p'].value.rsplit('#', 1)[-1]} {r['label'].value if 'label' in r else ''}".strip())
    return found


def user_splits(store: Store) -> set[tuple[str, str]]:
    """Pairs (entity taken out, entity it was taken out of) a user split: never joined again."""
    rows = store.query(render(USER_SPLITS)).rows
    return {(r["a"].value, r["b"].value) for r in rows}


def _conflicting(surname: Person, s: str, full: Person) -> bool:
    """Whether the surname's own names give another first name than the full name's: a full name
    with another first name or initial ("G. Holloway" against "Marten Holloway"), or a one-word
    name that is no word of the full name ("Greta")."""
    first = first_name(full.name)
    words = {_bare(w) for w in fold(full.name).split()}
    for name in surname.names:
        if surname_of(name) == s:
            other = first_name(name).rstrip(".")
            if other != first and not (len(other) == 1 and first.startswith(other)):
                return True
        elif len(fold(name).split()) == 1 and _bare(fold(name)) not in words:
            return True
    return False


def evidence(store: Store, join: Join, a: set[str], b: set[str], *, articles: int, who: str | None = None) -> Join:
    """Tie each article of the surname (``a``) to the articles of the full name (``b``) and fill
    ``join`` with why (see the module's rule). ``who`` names the surname in ``a`` (its own IRI, or
    the full name's once joined)."""
    who = who or join.surname.iri
    full = join.full.iri
    join.tied = a & b
    join.same_article = bool(join.tied)
    stories = _story_ties(store, a - join.tied, b) if a - join.tied and b else {}
    join.stories = sum(stories.values())
    join.tied |= set(stories)
    relations = _relation_ties(store, who, a - join.tied, full, b) if a - join.tied and b else {}
    join.relations = sorted(set().union(*relations.values())) if relations else []
    join.tied |= set(relations)
    rest = a - join.tied
    if rest and b:
        named = _named_in(store, rest | b)
        commons = {x: named[x] & set().union(*(named[y] for y in b if y != x)) - {who, full} for x in rest}
        limit = rare_limit(articles)
        described = _described(store, set().union(*commons.values()))
        rare = {e for e, (_, n) in described.items() if n <= limit}
        shared: set[str] = set()
        for x, common in commons.items():
            if len(common & rare) >= MIN_SHARED:
                join.tied.add(x)
                shared |= common & rare
        order = sorted((described[e][1], described[e][0], e) for e in shared)
        join.shared = [(e, label) for _, label, e in order]
    join.untied = a - join.tied
    return join


def find_joins(store: Store, written: list[str] | None = None) -> tuple[list[Join], list[Join]]:
    """The joins the persons of the ``written`` article graphs (every one when None) call for, and
    the candidate pairs turned down for want of evidence: (joins, turned down)."""
    persons = _persons_of(store, written)
    singles = {p.iri: p for p in persons.values() if single_name(p.name)}
    full_surnames = {s for p in persons.values() if (s := surname_of(p.name)) and not single_name(p.name)}
    singles.update(_singles_named(store, full_surnames))
    if not singles:
        return [], []
    by_surname = {iri: single_name(p.name) for iri, p in singles.items()}
    ending = _ending_in(store, set(by_surname.values()))
    split = user_splits(store)
    articles = _article_count(store)
    joins, turned_down = [], []
    for one, s in sorted(by_surname.items()):
        owners = {e: v for e, v in ending.get(s, {}).items() if e != one}
        if len(owners) != 1:
            continue
        ((full_iri, (_, type_)),) = owners.items()
        if type_ != str(KG.Person) or (one, full_iri) in split:
            continue
        full = _persons_of_iri(store, full_iri)
        if full is None or _conflicting(singles[one], s, full):
            continue
        where = _articles_of(store, {one, full_iri})
        join = evidence(store, Join(singles[one], full), where[one], where[full_iri], articles=articles)
        (joins if join.agreed else turned_down).append(join)
    return joins, turned_down


def _persons_of_iri(store: Store, iri: str) -> Person | None:
    found: dict[str, Person] = {}
    rows = store.query(render(PERSON, node=iri)).rows
    for r in rows:
        _add_person(found, r)
    return found.get(iri)


# ---------------------------------------------------------------------------------------- recording


def record_join(store: Store, join: Join) -> None:
    """Record a join as a merge (applied by every ingest, undone by ``kg split``) with its evidence."""
    merged, into = (join.surname.iri, join.surname.name), (join.full.iri, join.full.name)
    shared = [e for e, _ in join.shared[:SHOWN]]
    record_automatic_join(store, merged, into, rule=RULE, evidence=join.evidence(), shared=shared)


def recorded_joins(store: Store) -> list[tuple[str, str, str]]:
    """The automatic joins in force: (surname entity, full-name entity, surname as written)."""
    rows = store.query(render(RECORDED_JOINS, rule=literal(RULE))).rows
    return [(r["a"].value, r["b"].value, r["name"].value) for r in rows]


def _surname_only(store: Store, entity: str, graphs: set[str]) -> set[str]:
    """The graphs where every mention of ``entity`` is one word: its surname (or a pronoun), never
    its full name, so that a join renamed a surname there."""
    rows = store.query(render(MENTION_TEXTS, values=iri_values(graphs), node=entity)).rows
    full = {r["g"].value for r in rows if len(r["text"].value.split()) > 1}
    return {r["g"].value for r in rows} - full


def _outdated(store: Store, written: list[str] | None) -> list[tuple[str, str]]:
    """Joins that no longer hold: their surname now ends a second full name of the store, or an
    article written since names the surname (the join renamed it there) and nothing ties that
    article to the full name's."""
    joins = recorded_joins(store)
    if not joins:
        return []
    persons = _persons_of(store, written)
    surnames = {single_name(name) for _, _, name in joins} - {None}
    if written is not None:
        surnames &= {surname_of(p.name) for p in persons.values()}
    ending = _ending_in(store, surnames) if surnames else {}
    lifted = [(a, b) for a, b, name in joins if set(ending.get(single_name(name), {})) - {a, b}]
    articles = None
    for a, b, name in joins:
        if (a, b) in lifted or b not in persons:
            continue
        where = _articles_of(store, {b})[b]
        named_by_surname = _surname_only(store, b, where)
        new = named_by_surname & set(written) if written is not None else named_by_surname
        if not new:
            continue
        articles = _article_count(store) if articles is None else articles
        join = Join(Person(a, name, {name}), persons[b])
        if not evidence(store, join, new, where - named_by_surname, articles=articles, who=b).agreed:
            lifted.append((a, b))
    return lifted


def _not_applied(store: Store) -> set[str]:
    """Article graphs that still name an entity merged away (a run stopped between recording a merge
    and extracting its articles again)."""
    rows = store.query(render(NOT_APPLIED)).rows
    return {r["g"].value for r in rows}


def sync_joins(store: Store, written: list[str] | None = None) -> tuple[int, list[str]]:
    """Join the persons the ``written`` article graphs (every one when None) call for and lift the
    joins a new full name makes ambiguous; returns how many joins it made and the article graphs to
    extract again."""
    redo = _not_applied(store)
    for merged, into in _outdated(store, written):
        remove_merge(store, into, merged)
        redo.update(graphs_mentioning(store, into))
    joins, _ = find_joins(store, written)
    for join in joins:
        record_join(store, join)
        redo.update(graphs_mentioning(store, join.surname.iri))
    return len(joins), sorted(g for g in redo if "/article/" in g)
