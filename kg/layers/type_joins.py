"""Automatic joins by type: one node for a name NER types differently between articles.

Entity keys carry the type (``place/banda-aceh``), so a name NER takes for an organisation in one
article and a place in another is two nodes. A vote over articles is no answer (two articles of
NER's guess outvote one that says "the city of Banda Aceh"); the strength of each article's word is.
Every article records why it gives each name its type (:mod:`kg.extract.type_evidence`:
``decisive``, ``contextual`` or ``ner``), under the key it gave, so that a join changes nothing of
what the articles said. After each ingest this layer looks at the names of the articles just
written (and at the names it joined before) and, for a name held under several types, joins the
others into one type when:

- exactly one type has decisive evidence in some article, and
- every article that gives the name another type does so on NER's label alone (a contextual cue,
  "X said", blocks: a wrong merge costs more than two nodes), and
- the user has not split the pair (``kg split``) and no other merge renames either key.

Otherwise the names stay apart. A join is recorded as a merge (``kg:Merge``, also ``kg:Join``, rule
"type") with its evidence in the corrections graph: every later ingest applies it and ``kg split``
undoes it; the articles of the weaker type are extracted again (:func:`kg.ingest.ingest` does so).
The decision is a function of all the store's articles, taken again for every name an ingest touches:
a join that no longer holds (a later article gives the weaker type decisive evidence too) is lifted,
and one whose names or evidence changed is recorded anew, so the order of ingest does not matter.

Measured on the 93 shared texts (with the product, index and span rules of 2026-12-06 evening): 16
names have two types in the articles' own extraction; 6 joins, each right on reading the texts (Banda
Aceh, Bireun, Eldorado and the Pacific Ring of Fire are places, Twitter an organisation, Raila Odinga a
person); 10 stay apart (iPod, iPad, Nasdaq, FTSE: a contextual cue on the other side; FireWire,
QWERTY, Xinhua, Bukit Sama, MagSafe 2, a MacBook model: NER against NER or contextual). Finding them
costs about 3 ms per article written.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.layers.base import chunks, iri_values
from kg.layers.corrections import (
    ENTITY_PREFIX,
    entity_key_of,
    record_automatic_join,
    recorded_merges,
    remove_merge,
    type_of_key,
)
from kg.layers.joins import user_splits
from kg.layers.sparql import EXTRACTED_KEYS, NAMES_OF_TWO_TYPES, RECORDED_JOINS, TYPE_EVIDENCE, render
from kg.model import ENTITY_TYPES
from kg.rdf.ntriples import literal
from kg.store import Store

RULE = "type"
PREFIXES = [t.lower() for t in ENTITY_TYPES]
Recorded = dict[tuple[str, str], tuple[str, str]]  # (merged key, into key) -> (name, evidence)


@dataclass(frozen=True)
class Said:
    """What one article says of one key: how strongly, and why."""

    graph: str
    key: str
    strength: str
    cue: str
    label: str


@dataclass(frozen=True)
class TypeJoin:
    merged: str  # key of the weaker type
    into: str  # key of the type with decisive evidence
    name: str  # the name the joined entity takes
    evidence: str
    graphs: frozenset[str]  # the articles that gave the weaker type


def _articles(n: int) -> str:
    return f"{n} article" + ("s" if n != 1 else "")


def decide(said: list[Said]) -> list[TypeJoin]:
    """The joins one name's evidence calls for (see the module's rule); none when it is not clear."""
    by_key: dict[str, list[Said]] = defaultdict(list)
    for s in said:
        by_key[s.key].append(s)
    decisive = sorted(k for k, ss in by_key.items() if any(s.strength == "decisive" for s in ss))
    if len(by_key) < 2 or len(decisive) != 1:
        return []
    into = decisive[0]
    others = sorted(k for k in by_key if k != into)
    if any(s.strength != "ner" for k in others for s in by_key[k]):
        return []
    winners = by_key[into]
    strong = sorted({s.graph for s in winners if s.strength == "decisive"})
    cues = sorted({s.cue for s in winners if s.strength == "decisive" and s.cue})
    labels = Counter(s.label for s in winners)
    name = min(labels, key=lambda label: (-labels[label], label))
    joins = []
    for key in others:
        graphs = frozenset(s.graph for s in by_key[key])
        evidence = (
            f"{type_of_key(into, into)}: decisive in {_articles(len(strong))} ({', '.join(cues)}); "
            f"{type_of_key(key, key)}: NER's label only, in {_articles(len(graphs))}"
        )
        joins.append(TypeJoin(key, into, name, evidence, graphs))
    return joins


# ------------------------------------------------------------------------------------------ finding


def _names(store: Store, written: list[str] | None) -> set[str]:
    """The names (keys without type) of the written article graphs, or every name of several types."""
    if written is None:
        return {r["name"].value for r in store.query(render(NAMES_OF_TWO_TYPES)).rows}
    names = set()
    for chunk in chunks(written):
        rows = store.query(render(EXTRACTED_KEYS, values=iri_values(chunk))).rows
        names |= {r["k"].value.split("/", 1)[-1] for r in rows}
    return names


def _evidence(store: Store, names: set[str]) -> dict[str, list[Said]]:
    """Every article's word on each name, under each type: {name: [Said, ...]}."""
    found: dict[str, list[Said]] = defaultdict(list)
    for chunk in chunks(sorted(names)):
        keys = " ".join(literal(f"{p}/{n}") for n in chunk for p in PREFIXES)
        for r in store.query(render(TYPE_EVIDENCE, keys=keys)).rows:
            key = r["k"].value
            cue = r["cue"].value if "cue" in r else ""
            found[key.split("/", 1)[1]].append(Said(r["g"].value, key, r["strength"].value, cue, r["label"].value))
    return found


def _recorded(store: Store) -> Recorded:
    """The type joins in force: {(merged key, into key): (name, evidence)}."""
    rows = store.query(render(RECORDED_JOINS, rule=literal(RULE))).rows
    return {
        (entity_key_of(r["a"].value), entity_key_of(r["b"].value)): (r["into"].value, r["evidence"].value) for r in rows
    }


def find_type_joins(store: Store, written: list[str] | None = None) -> tuple[list[TypeJoin], Recorded]:
    """The type joins the names of the ``written`` article graphs (every one when None) and the
    names joined before call for, and the joins in force: (joins, {(merged, into): (name, evidence)})."""
    recorded = _recorded(store)
    names = _names(store, written) | {merged.split("/", 1)[1] for merged, _ in recorded}
    said = _evidence(store, names) if names else {}
    others = {m.merged: m.into for m in recorded_merges(store) if (m.merged, m.into) not in recorded}
    renamed = set(others) | set(others.values())  # keys a user's merge or a surname join renames
    split = {(entity_key_of(a), entity_key_of(b)) for a, b in user_splits(store)}
    joins = [
        join
        for name in sorted(said)
        for join in decide(said[name])
        if not {join.merged, join.into} & renamed and (join.merged, join.into) not in split
    ]
    return joins, recorded


def sync_type_joins(store: Store, written: list[str] | None = None) -> tuple[int, list[str]]:
    """Make the type joins the ``written`` article graphs (every one when None) call for and lift
    those that no longer hold; returns how many joins it made and the article graphs to extract
    again (those of the weaker type, whose entity changes name)."""
    joins, recorded = find_type_joins(store, written)
    wanted = {(j.merged, j.into): j for j in joins}
    redo: set[str] = set()
    for pair, (name, evidence) in recorded.items():
        join = wanted.get(pair)
        if join is None or (join.name, join.evidence) != (name, evidence):
            remove_merge(store, ENTITY_PREFIX + pair[1], ENTITY_PREFIX + pair[0])
        if join is None:
            redo |= _graphs_of(store, pair[0])
        elif join.name != name:
            redo |= join.graphs
    made = 0
    for pair, join in sorted(wanted.items()):
        if recorded.get(pair) == (join.name, join.evidence):
            continue
        merged, into = ENTITY_PREFIX + join.merged, ENTITY_PREFIX + join.into
        record_automatic_join(store, (merged, join.name), (into, join.name), rule=RULE, evidence=join.evidence)
        if pair not in recorded:
            redo |= join.graphs
            made += 1
    return made, sorted(redo)


def _graphs_of(store: Store, key: str) -> set[str]:
    """The article graphs that gave ``key``."""
    name = key.split("/", 1)[1]
    return {s.graph for s in _evidence(store, {name}).get(name, []) if s.key == key}
