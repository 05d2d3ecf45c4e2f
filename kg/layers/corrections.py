"""User corrections, recorded in a graph of their own (``kgd:graph/corrections``) with their time, as
provenance, and never inside an article graph: entity merges, and event merges and splits.

Ingest applies the recorded merges to every extraction before mapping (:func:`apply_merges`), so
corrections survive re-ingest; the stories layer reads the event corrections every time it recomputes
(:func:`event_corrections`). The workflows that record a correction and bring the graphs in line
live above ingest, in :mod:`kg.curate`.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from kg.errors import KgError
from kg.layers.sparql import (
    EVENT_CORRECTIONS,
    EVENT_MERGE_PARTNERS,
    FIND_ENTITY,
    FORGET_ENTRY,
    GRAPHS_MENTIONING,
    IS_EVENT,
    RECORD_EVENT_MERGE,
    RECORD_EVENT_SPLIT,
    RECORDED_MERGES,
    REMOVE_MERGE,
    STORY_FIRST_EVENT,
    render,
)
from kg.model import ENTITY_TYPES, Extraction
from kg.rdf.graphs import CORRECTIONS_GRAPH
from kg.rdf.iris import expand_ref
from kg.rdf.namespaces import DATA_NS, KG, OWL_SAME_AS, PROV_GENERATED_AT, RDF_TYPE
from kg.rdf.ntriples import XSD_DATETIME, insert_data, iri, literal, triple
from kg.store import Store
from kg.store.base import Term

ENTITY_PREFIX = f"{DATA_NS}entity/"


@dataclass
class Merge:
    merged: str  # entity key that disappears
    into: str  # entity key that stays
    into_name: str


def entity_key_of(iri: str) -> str:
    return iri[len(ENTITY_PREFIX) :] if iri.startswith(ENTITY_PREFIX) else iri


def find_entity(store: Store, ref: str) -> tuple[str, str]:
    """An entity by IRI, canonical key or (unambiguous) name or alias -> (IRI, name)."""
    rows = store.query(render(FIND_ENTITY), {"ref": Term("literal", ref)}).rows
    found = {r["e"].value: r["name"].value for r in rows}
    if not found:
        raise KgError(f"no entity {ref!r} in the store; see 'kg entities'")
    if len(found) > 1:
        options = ", ".join(f"{entity_key_of(iri)} ({name})" for iri, name in sorted(found.items()))
        raise KgError(f"{ref!r} names several entities: {options}; give the canonical key")
    return next(iter(found.items()))


def recorded_merges(store: Store) -> list[Merge]:
    rows = store.query(render(RECORDED_MERGES)).rows
    return [Merge(entity_key_of(r["merged"].value), entity_key_of(r["into"].value), r["name"].value) for r in rows]


def apply_merges(extraction: Extraction, merges: list[Merge]) -> Extraction:
    """Rename merged entities to the entity they were merged into, keeping their names as aliases."""
    target = {m.merged: m for m in merges}
    if not any(e.id in target for e in extraction.entities):
        return extraction
    kept = {}
    for ent in extraction.entities:
        merge = target.get(ent.id)
        new_id = merge.into if merge else ent.id
        if merge:
            ent.aliases = [a for a in [ent.name, *ent.aliases] if a != merge.into_name]
            ent.name, ent.id, ent.type = merge.into_name, new_id, type_of_key(new_id, ent.type)
        if new_id in kept:
            other = kept[new_id]
            other.aliases += [a for a in [ent.name, *ent.aliases] if a not in other.aliases and a != other.name]
            other.mentions = sorted(set(other.mentions) | set(ent.mentions))
            other.type_evidence += ent.type_evidence  # why each name had its type stays
        else:
            kept[new_id] = ent
    extraction.entities = list(kept.values())
    rename = {m.merged: m.into for m in merges}
    for st in extraction.statements:
        st.speaker = rename.get(st.speaker, st.speaker)
        st.about = rename.get(st.about, st.about)
    for rep in extraction.reports:
        rep.author = rename.get(rep.author, rep.author)
    for ev in extraction.events:
        ev.place = rename.get(ev.place, ev.place)
        for p in ev.participants:
            p.entity = rename.get(p.entity, p.entity)
    for rel in extraction.relations:
        rel.subject = rename.get(rel.subject, rel.subject)
        rel.object = rename.get(rel.object, rel.object)
    extraction.relations = [r for r in extraction.relations if r.subject != r.object]
    return extraction


def type_of_key(key: str, default: str) -> str:
    """The entity type a canonical key names ("place/banda-aceh" -> "Place"): a join of two types
    gives the merged entity the type of the one it joins."""
    prefix = key.split("/", 1)[0]
    return next((t for t in ENTITY_TYPES if t.lower() == prefix), default)


def graphs_mentioning(store: Store, iri: str) -> list[str]:
    """The graphs (articles, derived graphs) that name ``iri``, the corrections graph aside."""
    rows = store.query(render(GRAPHS_MENTIONING, node=iri)).rows
    return [r["g"].value for r in rows if r["g"].value != CORRECTIONS_GRAPH]


def correction_iri(kind: str, a: str, b: str) -> str:
    digest = hashlib.sha1(f"{a} {b}".encode()).hexdigest()[:16]
    return f"{DATA_NS}correction/{kind}/{digest}"


def timestamp() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def record_merge(store: Store, keep_iri: str, drop_iri: str, keep_name: str, *, drop_name: str | None = None) -> None:
    """Record that entity ``drop_iri`` (named ``drop_name``) is ``keep_iri`` (named ``keep_name``),
    lifting a split of the two the user recorded before."""
    node = correction_iri("merge", drop_iri, keep_iri)
    now = timestamp()
    lines = [
        triple(node, RDF_TYPE, iri(KG.Merge)),
        triple(node, KG.mergedEntity, iri(drop_iri)),
        triple(node, KG.into, iri(keep_iri)),
        triple(node, KG.intoName, literal(keep_name)),
        triple(node, PROV_GENERATED_AT, literal(now, XSD_DATETIME)),
        triple(drop_iri, OWL_SAME_AS, iri(keep_iri)),
    ]
    if drop_name:
        lines.append(triple(node, KG.mergedName, literal(drop_name)))
    split = correction_iri("entity-split", drop_iri, keep_iri)
    store.update(
        render(FORGET_ENTRY, graph=CORRECTIONS_GRAPH, node=split) + " ;\n" + insert_data(CORRECTIONS_GRAPH, lines)
    )


def record_automatic_join(
    store: Store,
    merged: tuple[str, str],
    into: tuple[str, str],
    *,
    rule: str,
    evidence: str,
    shared: Sequence[str] = (),
) -> None:
    """Record a join kg made itself (``merged`` and ``into`` are (IRI, name)) as a merge that every
    ingest applies and ``kg split`` undoes, with its rule and the evidence 'kg entities' shows."""
    node = correction_iri("merge", merged[0], into[0])
    lines = [
        triple(node, RDF_TYPE, iri(KG.Merge)),
        triple(node, RDF_TYPE, iri(KG.Join)),
        triple(node, KG.mergedEntity, iri(merged[0])),
        triple(node, KG.mergedName, literal(merged[1])),
        triple(node, KG.into, iri(into[0])),
        triple(node, KG.intoName, literal(into[1])),
        triple(node, KG.linkRule, literal(rule)),
        triple(node, KG.evidence, literal(evidence)),
        triple(node, PROV_GENERATED_AT, literal(timestamp(), XSD_DATETIME)),
        triple(merged[0], OWL_SAME_AS, iri(into[0])),
    ]
    lines += [triple(node, KG.sharedEntity, iri(e)) for e in shared]
    store.update(insert_data(CORRECTIONS_GRAPH, lines))


def record_split(store: Store, keep_iri: str, drop_iri: str) -> None:
    """Record that entity ``drop_iri`` is not ``keep_iri``: no automatic join makes them one again
    (:mod:`kg.layers.joins`); a later 'kg merge' of the two lifts it."""
    node = correction_iri("entity-split", drop_iri, keep_iri)
    lines = [
        triple(node, RDF_TYPE, iri(KG.EntitySplit)),
        triple(node, KG.splitEntity, iri(drop_iri)),
        triple(node, KG.splitFrom, iri(keep_iri)),
        triple(node, PROV_GENERATED_AT, literal(timestamp(), XSD_DATETIME)),
    ]
    store.update(insert_data(CORRECTIONS_GRAPH, lines))


def remove_merge(store: Store, keep_iri: str, drop_iri: str) -> None:
    """Forget the merge of entity ``drop_iri`` into ``keep_iri``."""
    node = correction_iri("merge", drop_iri, keep_iri)
    store.update(render(REMOVE_MERGE, node=node, merged=drop_iri, into=keep_iri))


# ------------------------------------------------------------------------------ events and stories


def is_event_ref(ref: str) -> bool:
    """A story (canonical event) or an article's event, as an IRI or in the kgd: short form tables print."""
    return "/event/" in ref or ref.startswith("kgd:story/")


def find_event(store: Store, ref: str) -> str:
    """The member event a reference stands for: the event itself, or a story's first member."""
    iri = expand_ref(ref)
    if "/story/event/" in iri:
        rows = store.query(render(STORY_FIRST_EVENT, story=iri)).rows
        if not rows or "first" not in rows[0]:
            raise KgError(f"no story {ref!r} in the store; see 'kg stories'")
        return rows[0]["first"].value
    if not store.query(render(IS_EVENT, event=iri)).boolean:
        raise KgError(f"no event {ref!r} in the store; see the story-reports query for event IRIs")
    return iri


def event_corrections(store: Store) -> tuple[list[tuple[str, str]], set[str]]:
    """Recorded event corrections: pairs that must be one story, and events kept on their own."""
    rows = store.query(render(EVENT_CORRECTIONS)).rows
    merges: dict[str, list[str]] = defaultdict(list)
    alone = set()
    for r in rows:
        if r["kind"].value.endswith("EventMerge"):
            merges[r["c"].value].append(r["e"].value)
        else:
            alone.add(r["e"].value)
    pairs = [tuple(sorted(v)[:2]) for v in merges.values() if len(v) == 2]
    return [p for p in pairs if not set(p) & alone], alone


def record_event_merge(store: Store, a: str, b: str) -> None:
    """Record that events ``a`` and ``b`` (``a`` < ``b``) are one, lifting a split of either."""
    node = correction_iri("event-merge", a, b)
    now = timestamp()
    store.update(render(RECORD_EVENT_MERGE, a=a, b=b, node=node, time=literal(now, XSD_DATETIME)))


def record_event_split(store: Store, event: str) -> list[str]:
    """Record that ``event`` stands on its own, lifting its merges; returns the events it was merged with."""
    node = correction_iri("event-split", event, event)
    now = timestamp()
    partners = [r["x"].value for r in store.query(render(EVENT_MERGE_PARTNERS, event=event)).rows]
    store.update(render(RECORD_EVENT_SPLIT, event=event, node=node, time=literal(now, XSD_DATETIME)))
    return partners
