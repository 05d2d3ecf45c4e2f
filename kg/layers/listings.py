"""Listings: the order of the entity and co-participant listings, kept so that a page reads its own rows.

The ``entities`` and ``entity-list`` queries order every entity by article count, mention count and
name; ``co-participants`` orders every pair of actors by the events they share and their names. On a
large store each page of them paid for that whole ordering (counting the pairs, joining counts and
names of 57,000 entities). This layer, in ``kgd:graph/listings``, keeps for every listed row one
integer, ``kg:listPosition`` (for pairs also ``kg:assertedListPosition``, the order of the pairs that
share an asserted event), whose order is the listing's: a page is one index range sorted by an
integer that Oxigraph compares in place, and the page's details are read for its rows only.

Positions are spaced (``_GAP`` apart), so a row whose counts or name change moves into the gap between
its new neighbours without renumbering the others: after each ingest only the entities of the
changed articles and the pairs of actors of their events are recomputed and placed again (found by
binary search over the positions, reading the keys of the rows it compares with only). A gap that
runs out renumbers the listing once. Pair rows also hold their counts (``kg:sharedEvents``,
``kg:assertedSharedEvents``), recounted from the article graphs for the pairs a changed article has or
had; entity rows hold the name they were placed by (``kg:listedLabel``), so that a name that changes
places that entity's pairs again too.

For ``events-in-range`` it files each typed event with a time under the month its time starts in
(``kg:bucketEvent`` of ``kgd:month/YYYY-MM``, whose ``kg:bucketKey`` is "YYYY-MM"), so that a range of
dates reads the events of its months only, not every time of the store. ``quantity-totals`` is kept
as totals (see the figures part below).

The layer follows :mod:`kg.layers.base`: it records the hash of each article graph it took in, with
the entities (``kg:listedEntity``) and pairs (``kg:listedPair``) that article had, so a replaced or
removed article's former rows are recomputed too. It reads the entity catalogue and the stories, so
it runs after them. Unlike the catalogue's, its updates depend on what it read before (the positions),
so two processes must not sync it at the same moment: ingests into one remote store take turns
(:func:`kg.layers.base.layers_locked`); ``rebuild_listings`` (run by ``kg stories --rebuild``)
recomputes it from scratch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from decimal import Decimal
from urllib.parse import quote

from kg.layers.base import changed_since, chunks, iri_values, record_taken, run_updates
from kg.layers.sparql import (
    ALL_CATALOG_LABELS,
    ALL_SHARED_EVENTS,
    ARTICLE_ACTOR_PAIRS,
    ARTICLE_FIGURE_EVENTS,
    ARTICLE_TIMED_EVENTS,
    ARTICLES_NAMING,
    CATALOG_LABELS,
    COUNTED_IN_STORY,
    DELETE_DATA,
    DROP_LISTINGS,
    FIGURE_EVENTS_ATTRIBUTED,
    FIGURE_SUMS,
    FIGURE_TOTALS,
    FILED_MONTHS,
    FORGET_ENTRY,
    FORGET_LISTED,
    LAYER_TAKEN_ANY,
    LISTED_ENTITIES,
    LISTED_ENTITY_COUNTS,
    LISTED_FIGURE_EVENTS,
    LISTED_LABELS,
    LISTED_RECORDS,
    LISTING_ORDER,
    MOVED_FIGURE_EVENTS,
    PAIR_ACTORS,
    PAIR_EVENTS_PART,
    PAIR_KEYS,
    PAIRS_OF_ENTITIES,
    PAIRS_SHARED_EVENTS,
    STORED_ARTICLES,
    STORY_FIGURE_EVENTS,
    STORY_FIGURE_ROWS,
    STORY_FIGURES,
    STORY_OF_EVENTS,
    render,
)
from kg.rdf.graphs import LISTINGS_GRAPH
from kg.rdf.namespaces import DATA_NS, KG, KG_NS, RDF_TYPE
from kg.rdf.ntriples import insert_data, integer, iri, literal, stored, triple
from kg.store import Store

PAIR_PREFIX = f"{DATA_NS}pair/"
MONTH_PREFIX = f"{DATA_NS}month/"
_GAP = 1 << 32  # between neighbouring positions when a listing is (re)numbered

Key = tuple


def pair_iri(x: str, y: str) -> str:
    """The row of the pair of actors ``x`` and ``y`` (either order)."""
    a, b = sorted((x, y))
    return PAIR_PREFIX + hashlib.sha1(f"{a} {b}".encode()).hexdigest()[:20]


def _unlist(lines: list[str]) -> str:
    """The update that takes these N-Triples lines out of the listings graph."""
    return render(DELETE_DATA, graph=LISTINGS_GRAPH, triples="\n".join(lines))


# ------------------------------------------------------------------------------------- what is listed


def _entity_keys(store: Store, entities: Iterable[str]) -> dict[str, tuple[Key | None, str | None]]:
    """For each entity, its listing key when the entities query lists it (a catalogue entry with a
    type, a name and counts: (-articles, -mentions, name, IRI), the query's ORDER BY), and its name
    in the catalogue (None for either when there is none). Required patterns only: with the entities
    given first, Oxigraph looks each up (an OPTIONAL there makes it read the whole catalogue)."""
    todo = sorted(set(entities))
    names = _labels(store, todo)
    out: dict[str, tuple[Key | None, str | None]] = {e: (None, names.get(e)) for e in todo}
    for chunk in chunks([e for e in todo if e in names]):
        rows = store.query(render(LISTED_ENTITY_COUNTS, values=iri_values(chunk))).rows
        for r in rows:
            e = r["e"].value
            out[e] = ((-int(r["a"].value), -int(r["m"].value), names[e], e), names[e])
    return out


def _labels(store: Store, entities: Iterable[str]) -> dict[str, str]:
    out = {}
    for chunk in chunks(sorted(set(entities))):
        rows = store.query(render(CATALOG_LABELS, values=iri_values(chunk))).rows
        out.update({r["e"].value: r["name"].value for r in rows})
    return out


def _pair_key(shared: int, x: str, y: str, labels: dict[str, str]) -> tuple[Key, str, str] | None:
    """The co-participants key of a pair sharing ``shared`` events, with the pair as listed (the
    actor whose name sorts first, then the other); None when it is not listed."""
    if shared <= 0 or x not in labels or y not in labels:
        return None
    a, b = labels[x], labels[y]
    if not (a < b or (a == b and x < y)):
        x, y, a, b = y, x, b, a
    return (-shared, a, b, x, y), x, y


def _count_pairs(store: Store, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, int]]:
    """Events each pair of actors shares: (all of them, those the article asserts), as the
    co-participants query counts them (distinct events with both as sem:hasActor and kg:asserted)."""
    out = {}
    for chunk in chunks(sorted(set(pairs)), 50):
        branches = " UNION ".join(render(PAIR_EVENTS_PART, x=x, y=y) for x, y in chunk)
        rows = store.query(render(PAIRS_SHARED_EVENTS, pairs=branches)).rows
        for r in rows:
            out[(r["x"].value, r["y"].value)] = (int(r["all"].value), int(r["facts"].value))
    return out


# ----------------------------------------------------------------------------------------- positions


class _Order:
    """One listing's rows in order (``predicate`` gives their positions), and where changed rows go."""

    def __init__(self, store: Store, predicate: str, keys: Callable[[list[str]], dict[str, Key]]):
        rows = store.query(render(LISTING_ORDER, predicate=predicate)).rows
        self.rows = [(r["r"].value, int(r["p"].value)) for r in rows]
        self.predicate = predicate
        self._keys = keys

    def place(self, changed: dict[str, Key | None]) -> tuple[dict[str, int], bool]:
        """New positions of the ``changed`` rows (their new keys; None: no longer listed). Returns
        the positions to write, and whether the listing was renumbered (then every row is in them)."""
        kept = [(r, p) for r, p in self.rows if r not in changed]
        new = sorted((k, r) for r, k in changed.items() if k is not None)
        if not new:
            return {}, False
        # binary search of all new rows at once, one read of the keys compared with per step
        cache: dict[str, Key] = {}
        lo, hi = [0] * len(new), [len(kept)] * len(new)
        while True:
            open_ = [i for i in range(len(new)) if lo[i] < hi[i]]
            if not open_:
                break
            mids = {i: (lo[i] + hi[i]) // 2 for i in open_}
            need = [kept[m][0] for m in mids.values() if kept[m][0] not in cache]
            if need:
                cache.update(self._keys(need))
            for i, m in mids.items():
                if cache[kept[m][0]] < new[i][0]:
                    lo[i] = m + 1
                else:
                    hi[i] = m
        groups: dict[int, list[str]] = {}
        for i, (_, r) in enumerate(new):
            groups.setdefault(lo[i], []).append(r)
        out: dict[str, int] = {}
        for at, rs in groups.items():
            left = kept[at - 1][1] if at > 0 else None
            right = kept[at][1] if at < len(kept) else None
            k = len(rs)
            if left is None and right is None:
                out.update({r: _GAP * (j + 1) for j, r in enumerate(rs)})
            elif left is None:
                out.update({r: right - _GAP * (k - j) for j, r in enumerate(rs)})
            elif right is None:
                out.update({r: left + _GAP * (j + 1) for j, r in enumerate(rs)})
            else:
                step = (right - left) // (k + 1)
                if step < 1:  # the gap ran out: number the whole listing again
                    return self._renumber(kept, groups), True
                out.update({r: left + step * (j + 1) for j, r in enumerate(rs)})
        return out, False

    @staticmethod
    def _renumber(kept: list[tuple[str, int]], groups: dict[int, list[str]]) -> dict[str, int]:
        order: list[str] = []
        for i in range(len(kept) + 1):
            order += groups.get(i, [])
            if i < len(kept):
                order.append(kept[i][0])
        return {r: _GAP * (i + 1) for i, r in enumerate(order)}


def _numbered(keys: dict[str, Key]) -> dict[str, int]:
    return {r: _GAP * (i + 1) for i, r in enumerate(sorted(keys, key=keys.__getitem__))}


# ------------------------------------------------------------------------------------------- syncing


_RECORDS = ("listedEntity", "listedPair", "listedFigure", "listedTimed")


def _old_records(store: Store, graphs: list[str]) -> tuple[dict[str, set[tuple[str, str]]], set[tuple[str, str]]]:
    """What the layer recorded for these article graphs when it last took them in (by predicate:
    (graph, value) pairs), and the month buckets their timed events are filed in."""
    old: dict[str, set[tuple[str, str]]] = {name: set() for name in _RECORDS}
    buckets: set[tuple[str, str]] = set()
    for chunk in chunks(graphs):
        values = iri_values(chunk)
        for r in store.query(render(LISTED_RECORDS, values=values)).rows:  # the predicates of _RECORDS
            old[r["p"].value[len(KG_NS) :]].add((r["g"].value, r["o"].value))
        for r in store.query(render(FILED_MONTHS, values=values)).rows:
            buckets.add((r["b"].value, r["e"].value))
    return old, buckets


def _new_records(store: Store, graphs: list[str]) -> tuple[dict[str, set[tuple[str, str]]], dict, dict[str, set[str]]]:
    """What the article graphs hold now, as the layer records it: their entities, pairs of actors
    (by pair IRI; the pairs themselves in the second value), events with figures, and typed events with
    a time (with the month bucket of each, third value)."""
    new: dict[str, set[tuple[str, str]]] = {name: set() for name in _RECORDS}
    pairs: dict[str, tuple[str, str]] = {}
    months: dict[str, set[str]] = {}
    for chunk in chunks(graphs):
        values = iri_values(chunk)
        for r in store.query(render(ARTICLES_NAMING, given="g", values=values)).rows:
            new["listedEntity"].add((r["g"].value, r["e"].value))
        for r in store.query(render(ARTICLE_ACTOR_PAIRS, values=values)).rows:
            pair = pair_iri(r["x"].value, r["y"].value)
            pairs[pair] = (r["x"].value, r["y"].value)
            new["listedPair"].add((r["g"].value, pair))
        for r in store.query(render(ARTICLE_FIGURE_EVENTS, values=values)).rows:
            new["listedFigure"].add((r["g"].value, r["e"].value))
        for r in store.query(render(ARTICLE_TIMED_EVENTS, values=values)).rows:
            new["listedTimed"].add((r["g"].value, r["e"].value))
            months.setdefault(r["e"].value, set()).add(r["key"].value)
    return new, pairs, months


def _record_updates(old: dict, old_buckets: set, new: dict, months: dict) -> list[str]:
    """The updates that replace the old records (and bucket entries) with the new ones."""
    lst, kg = LISTINGS_GRAPH, KG_NS
    gone = [triple(g, f"{kg}{name}", iri(o)) for name in _RECORDS for g, o in old[name] - new[name]]
    gone += [triple(b, KG.bucketEvent, iri(e)) for b, e in old_buckets]
    added = [triple(g, f"{kg}{name}", iri(o)) for name in _RECORDS for g, o in new[name] - old[name]]
    for e, keys in months.items():
        for key in keys:
            bucket = MONTH_PREFIX + quote(key, safe="")
            added += [triple(bucket, KG.bucketEvent, iri(e)), triple(bucket, KG.bucketKey, literal(key))]
    ops = []
    for chunk in chunks(gone, 5000):
        ops.append(_unlist(chunk))
    for chunk in chunks(added, 5000):
        ops.append(insert_data(lst, chunk))
    return ops


def _pair_rows(store: Store, pairs: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The actors of stored pair rows."""
    out = {}
    for chunk in chunks(sorted(set(pairs))):
        rows = store.query(render(PAIR_ACTORS, values=iri_values(chunk))).rows
        out.update({r["p"].value: tuple(sorted((r["x"].value, r["y"].value))) for r in rows})
    return out


def _stored_pair_keys(store: Store, predicate_count: str) -> Callable[[list[str]], dict[str, Key]]:
    """Keys of pair rows as stored (their count, actors and the catalogue's names)."""

    def keys(pairs: list[str]) -> dict[str, Key]:
        out = {}
        for chunk in chunks(pairs):
            rows = store.query(render(PAIR_KEYS, values=iri_values(chunk), predicate=predicate_count)).rows
            for r in rows:
                out[r["p"].value] = (-int(r["n"].value), r["a"].value, r["b"].value, r["x"].value, r["y"].value)
        return out

    return keys


def _entity_probe(store: Store) -> Callable[[list[str]], dict[str, Key]]:
    return lambda entities: {e: k for e, (k, _) in _entity_keys(store, entities).items() if k is not None}


def sync_listings(store: Store, written: list[str] | None = None) -> int:
    """Bring the listings up to date with the article graphs and the catalogue (run after it);
    returns how many articles it caught up on. ``written``: the only article graphs changed since the
    last sync, when the caller knows them. Running it twice changes nothing."""
    lst, kg = LISTINGS_GRAPH, KG_NS
    if not store.query(render(LAYER_TAKEN_ANY, layer=lst)).boolean:
        return rebuild_listings(store)
    changed = changed_since(store, lst) if written is None else sorted(written)
    if not changed:
        return 0
    # the entities and pairs the changed articles have now or had when the layer last took them in
    old_records, old_buckets = _old_records(store, changed)
    new_records, pair_actors, months = _new_records(store, changed)
    entities = {e for _, e in old_records["listedEntity"] | new_records["listedEntity"]}
    pairs = set(pair_actors.values())
    old_pairs = {p for _, p in old_records["listedPair"]}
    # entities: new keys, and those whose name changed (their pairs are placed again)
    new_entities = _entity_keys(store, entities)
    old_labels = {}
    for chunk in chunks(sorted(entities)):
        rows = store.query(render(LISTED_LABELS, values=iri_values(chunk))).rows
        old_labels.update({r["e"].value: r["name"].value for r in rows})
    renamed = [e for e in entities if old_labels.get(e) != new_entities[e][1]]
    for chunk in chunks(sorted(renamed)):
        rows = store.query(render(PAIRS_OF_ENTITIES, values=iri_values(chunk))).rows
        old_pairs.update(r["p"].value for r in rows)
    pairs.update(_pair_rows(store, old_pairs).values())
    counts = _count_pairs(store, pairs)
    actors = {a for p in pairs for a in p}
    labels = _labels(store, actors)

    entity_order = _Order(store, f"{kg}listPosition", _entity_probe(store))
    entity_pos, renumbered_e = entity_order.place({e: new_entities[e][0] for e in entities})
    rows = {pair_iri(x, y): _pair_row(x, y, counts.get((x, y), (0, 0)), labels) for x, y in pairs}
    all_order = _Order(store, f"{kg}sharedListPosition", _stored_pair_keys(store, f"{kg}sharedEvents"))
    all_pos, renumbered_a = all_order.place({p: v["all"] and v["all"][0] for p, v in rows.items()})
    facts_order = _Order(store, f"{kg}assertedListPosition", _stored_pair_keys(store, f"{kg}assertedSharedEvents"))
    facts_pos, renumbered_f = facts_order.place({p: v["facts"] and v["facts"][0] for p, v in rows.items()})

    ops = [render(FORGET_ENTRY, graph=lst, node=e) for e in sorted(entities)]
    ops += [render(FORGET_ENTRY, graph=lst, node=p) for p in sorted(rows)]
    lines = []
    for e in sorted(entities):
        if e in entity_pos:
            lines.append(triple(e, KG.listPosition, integer(entity_pos[e])))
        if new_entities[e][1] is not None:
            lines.append(triple(e, KG.listedLabel, literal(new_entities[e][1])))
    for p, v in sorted(rows.items()):
        lines += _pair_lines(p, v, all_pos.get(p), facts_pos.get(p))
    ops += _renumbering(entity_order, entity_pos, renumbered_e, set(entities))
    ops += _renumbering(all_order, all_pos, renumbered_a, set(rows))
    ops += _renumbering(facts_order, facts_pos, renumbered_f, set(rows))
    if lines:
        ops.append(insert_data(lst, lines))
    run_updates(store, ops, size=len(ops) or 1)  # one request: the listings move as a whole
    sync_figures(store, changed, renamed)
    run_updates(store, _record_updates(old_records, old_buckets, new_records, months), size=1000)
    record_taken(store, lst, changed)
    return len(changed)


def _pair_row(x: str, y: str, counts: tuple[int, int], labels: dict[str, str]) -> dict:
    return {
        "all": _pair_key(counts[0], x, y, labels),
        "facts": _pair_key(counts[1], x, y, labels),
        "counts": counts,
        "pair": (x, y),
    }


def _pair_lines(p: str, v: dict, all_pos: int | None, facts_pos: int | None) -> list[str]:
    n_all, n_facts = v["counts"]
    if n_all <= 0:
        return []
    listed = v["all"] or v["facts"]
    x, y = (listed[1], listed[2]) if listed else v["pair"]
    lines = [
        triple(p, RDF_TYPE, iri(KG.ActorPair)),
        triple(p, KG.pairFirst, iri(x)),
        triple(p, KG.pairSecond, iri(y)),
        triple(p, KG.sharedEvents, integer(n_all)),
        triple(p, KG.assertedSharedEvents, integer(n_facts)),
    ]
    if all_pos is not None:
        lines.append(triple(p, KG.sharedListPosition, integer(all_pos)))
    if facts_pos is not None:
        lines.append(triple(p, KG.assertedListPosition, integer(facts_pos)))
    return lines


def _renumbering(order: _Order, positions: dict[str, int], renumbered: bool, rewritten: set[str]) -> list[str]:
    """When a listing was renumbered, the new positions of the rows not rewritten anyway that moved:
    their old positions out and the new ones in as data (two updates, not two per row)."""
    moved = [(r, p) for r, p in order.rows if renumbered and r not in rewritten and positions.get(r, p) != p]
    if not moved:
        return []
    return [
        _unlist([triple(r, order.predicate, integer(p)) for r, p in moved]),
        insert_data(LISTINGS_GRAPH, [triple(r, order.predicate, integer(positions[r])) for r, _ in moved]),
    ]


def rebuild_listings(store: Store) -> int:
    """Compute the listings from all article graphs and the catalogue; returns how many articles."""
    lst = LISTINGS_GRAPH
    store.update(render(DROP_LISTINGS))
    rows = store.query(render(LISTED_ENTITIES)).rows
    keys = {r["e"].value: (-int(r["a"].value), -int(r["m"].value), r["name"].value, r["e"].value) for r in rows}
    lines = [triple(e, KG.listPosition, integer(pos)) for e, pos in _numbered(keys).items()]
    labels = {r["e"].value: r["name"].value for r in store.query(render(ALL_CATALOG_LABELS)).rows}
    lines += [triple(e, KG.listedLabel, literal(name)) for e, name in labels.items()]
    counted = store.query(render(ALL_SHARED_EVENTS)).rows
    rows_of = {
        pair_iri(r["x"].value, r["y"].value): _pair_row(
            r["x"].value, r["y"].value, (int(r["all"].value), int(r["facts"].value)), labels
        )
        for r in counted
    }
    all_pos = _numbered({p: v["all"][0] for p, v in rows_of.items() if v["all"]})
    facts_pos = _numbered({p: v["facts"][0] for p, v in rows_of.items() if v["facts"]})
    for p, v in rows_of.items():
        lines += _pair_lines(p, v, all_pos.get(p), facts_pos.get(p))
    for chunk in chunks(lines, 20000):
        store.update(insert_data(lst, chunk))
    graphs = [r["g"].value for r in store.query(render(STORED_ARTICLES)).rows]
    sync_figures(store, graphs)
    new_records, _, months = _new_records(store, graphs)
    empty = {name: set() for name in _RECORDS}
    run_updates(store, _record_updates(empty, set(), new_records, months), size=1000)
    record_taken(store, lst, graphs)
    return len(graphs)


# -------------------------------------------------------------------------------------------- figures
#
# quantity-totals adds up, for each event type, unit and factuality, the highest figure each event (or
# story) gives. The layer keeps that aggregate in two levels: one row per story, type, unit and
# factuality (kg:StoryFigure: its figure, whether approximate, its words, its articles), and one per
# type, unit and factuality (kg:FigureTotal: the sum, the count, the words and articles, its place in
# the listing). Each event with figures records the story it was counted in (kg:countedInStory), so that
# an event that changes story (a story formed, split or merged, also by a correction) is found by one
# comparison with the stories graph; only the stories concerned are counted again, and only the totals
# of their rows are added up again.

FIGURES_PREFIX = f"{DATA_NS}figures/"


def _story_figures(store: Store, stories: list[str]) -> list[dict]:
    """The rows of quantity-totals' inner query (one per story, type, unit and factuality) of these
    stories, over every event (asserted or not: the factuality tells them apart)."""
    out = []
    for chunk in chunks(stories):
        out += store.query(render(STORY_FIGURES, values=iri_values(chunk))).rows
    return out


def _figure_iri(*parts: str) -> str:
    return FIGURES_PREFIX + hashlib.sha1("\n".join(parts).encode()).hexdigest()[:20]


def _stories_of(store: Store, events: list[str]) -> dict[str, str]:
    """The story each event is counted in now: its canonical event, else itself."""
    out = {e: e for e in events}
    for chunk in chunks(events):
        rows = store.query(render(STORY_OF_EVENTS, values=iri_values(chunk))).rows
        out.update({r["e"].value: r["c"].value for r in rows})
    return out


def sync_story_figures(store: Store) -> int:
    """After the stories changed without an article changing (a correction, a rebuild of the stories):
    count again the stories of the events that changed story."""
    return sync_figures(store, [])


def sync_figures(store: Store, changed: list[str], renamed: Iterable[str] = ()) -> int:
    """Count again the stories whose figures may have changed: those of the ``changed`` article
    graphs' events (now and before), of events whose story changed, and of events attributed to a
    ``renamed`` entity (their factuality names it); then add up the totals of the rows concerned.
    Returns how many stories were counted."""
    stories: set[str] = set()
    events: set[str] = set()  # events with figures whose record is rewritten
    for chunk in chunks(changed):
        values = iri_values(chunk)
        rows = store.query(render(LISTED_FIGURE_EVENTS, values=values)).rows
        events.update(r["e"].value for r in rows)
        stories.update(r["s"].value for r in rows if "s" in r)
        rows = store.query(render(ARTICLE_FIGURE_EVENTS, values=values)).rows
        events.update(r["e"].value for r in rows)
    # events whose story is not the one they were counted in (one pass over the events with figures)
    moved = store.query(render(MOVED_FIGURE_EVENTS)).rows
    for r in moved:
        events.add(r["e"].value)
        stories.add(r["s"].value)
    renamed = sorted(set(renamed))
    for chunk in chunks(renamed):
        rows = store.query(render(FIGURE_EVENTS_ATTRIBUTED, values=iri_values(chunk))).rows
        events.update(r["e"].value for r in rows)
    now = _stories_of(store, sorted(events))
    stories.update(now.values())
    if not stories:
        return 0
    todo = sorted(stories)
    # the rows of these stories before, with their totals; then the rows now
    groups: set[str] = set()
    gone: list[str] = []  # the triples of those rows, deleted as data (one update, not one per row)
    for chunk in chunks(todo):
        rows = store.query(render(STORY_FIGURE_ROWS, values=iri_values(chunk))).rows
        gone += [triple(r["r"].value, r["p"].value, stored(r["o"])) for r in rows]
        groups.update(r["t"].value for r in rows)
    lines = []
    members: set[str] = set()
    for r in _story_figures(store, todo):
        key = (r["type"].value, r["counts"].value, r["factuality"].value)
        total = _figure_iri(*key)
        groups.add(total)
        row = _figure_iri(r["story"].value, *key)
        lines += [
            triple(row, RDF_TYPE, iri(KG.StoryFigure)),
            triple(row, KG.figureStory, iri(r["story"].value)),
            triple(row, KG.figureGroup, iri(total)),
            triple(row, KG.figureValue, stored(r["figure"])),
            triple(row, KG.figureApproximate, stored(r["approx"])),
            triple(row, KG.figureText, stored(r["written"])),
            triple(row, KG.figureArticles, stored(r["articles"])),
            triple(total, KG.figureType, stored(r["type"])),
            triple(total, KG.figureCounts, stored(r["counts"])),
            triple(total, KG.figureFactuality, stored(r["factuality"])),
        ]
    # the events with figures of these stories now, and where they are counted
    for chunk in chunks(todo):
        rows = store.query(render(STORY_FIGURE_EVENTS, values=iri_values(chunk))).rows
        for r in rows:
            members.add(r["event"].value)
            now[r["event"].value] = r["story"].value
    for chunk in chunks(sorted(events | members)):
        rows = store.query(render(COUNTED_IN_STORY, values=iri_values(chunk))).rows
        gone += [triple(r["e"].value, KG.countedInStory, iri(r["s"].value)) for r in rows]
    lines += [triple(e, KG.countedInStory, iri(now[e])) for e in sorted(members)]
    ops = [_unlist(chunk) for chunk in chunks(gone, 5000)]
    ops += [insert_data(LISTINGS_GRAPH, chunk) for chunk in chunks(lines, 5000)]
    if ops:
        run_updates(store, ops, size=len(ops))  # one request: old rows out, new rows in
    _add_up(store, sorted(groups))
    return len(todo)


def _add_up(store: Store, groups: list[str]) -> None:
    """Add up the totals of these rows of quantity-totals from their stories' rows (a row none is left
    in goes), then number the rows in the listing's order: DESC(?total) ?type ?counts ?factuality."""
    lst = LISTINGS_GRAPH
    summed = {}
    for chunk in chunks(groups):
        rows = store.query(render(FIGURE_SUMS, values=iri_values(chunk))).rows
        summed.update({r["t"].value: r for r in rows})
    ops = []
    lines = []
    for t in groups:
        if t not in summed:
            ops.append(render(FORGET_ENTRY, graph=lst, node=t))
            continue
        r = summed[t]
        ops += [
            render(FORGET_LISTED, node=t, predicate=f"{KG_NS}{p}")
            for p in ("figureTotal", "figureEvents", "figureApproximate", "figuresAsWritten", "figureSources")
        ]
        lines += [
            triple(t, RDF_TYPE, iri(KG.FigureTotal)),
            triple(t, KG.figureTotal, stored(r["total"])),
            triple(t, KG.figureEvents, stored(r["events"])),
            triple(t, KG.figureApproximate, stored(r["approx"])),
            triple(t, KG.figuresAsWritten, stored(r["written"])),
            triple(t, KG.figureSources, stored(r["sources"])),
        ]
    if lines:
        ops.append(insert_data(lst, lines))
    if ops:
        run_updates(store, ops, size=len(ops))
    # a few hundred rows at most: numbered again as a whole
    rows = store.query(render(FIGURE_TOTALS)).rows
    order = sorted(rows, key=lambda r: (-Decimal(r["total"].value), r["type"].value, r["counts"].value, r["f"].value))
    ops = []
    for i, r in enumerate(order, 1):
        if "p" in r and int(r["p"].value) == i:
            continue
        t = r["t"].value
        ops += [
            render(FORGET_LISTED, node=t, predicate=KG.figurePosition),
            insert_data(lst, [triple(t, KG.figurePosition, integer(i))]),
        ]
    if ops:
        run_updates(store, ops, size=len(ops))
