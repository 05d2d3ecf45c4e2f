"""User corrections: merge two entities or split a merge again; merge two stories or take an
event out of one.

A correction is recorded in a graph of its own (``kgd:graph/corrections``) with its time, as
provenance, and never inside an article graph. Ingest applies the recorded merges to every
extraction before mapping, so corrections survive re-ingest; ``merge`` and ``split`` re-ingest the
affected articles from the text the store keeps, so the article graphs agree at once. Event
corrections name member events (deterministic IRIs), so they too survive re-ingest; the stories
layer applies them every time it recomputes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone

from kg.catalog import run_updates
from kg.errors import KgError
from kg.model import Article, Extraction
from kg.rdf.namespaces import DATA_NS, KG_NS
from kg.store import Store
from kg.store.base import Term

CORRECTIONS_GRAPH = f"{DATA_NS}graph/corrections"
ENTITY_PREFIX = f"{DATA_NS}entity/"
OWL_SAME = "http://www.w3.org/2002/07/owl#sameAs"
PROV_TIME = "http://www.w3.org/ns/prov#generatedAtTime"
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


@dataclass
class Merge:
    merged: str  # entity key that disappears
    into: str  # entity key that stays
    into_name: str


def entity_key_of(iri: str) -> str:
    return iri[len(ENTITY_PREFIX) :] if iri.startswith(ENTITY_PREFIX) else iri


def find_entity(store: Store, ref: str) -> tuple[str, str]:
    """An entity by IRI, canonical key or (unambiguous) name or alias -> (IRI, name)."""
    rows = store.query(
        """
        SELECT DISTINCT ?e ?name WHERE {
          ?e kg:canonicalKey ?key ; rdfs:label ?name .
          OPTIONAL { ?e kg:alias ?alias }
          FILTER(STR(?e) = STR(?ref) || STR(?key) = STR(?ref) || LCASE(STR(?name)) = LCASE(STR(?ref))
                 || LCASE(STR(?alias)) = LCASE(STR(?ref)))
        }""",
        {"ref": Term("literal", ref)},
    ).rows
    found = {r["e"].value: r["name"].value for r in rows}
    if not found:
        raise KgError(f"no entity {ref!r} in the store; see 'kg entities'")
    if len(found) > 1:
        options = ", ".join(f"{entity_key_of(iri)} ({name})" for iri, name in sorted(found.items()))
        raise KgError(f"{ref!r} names several entities: {options}; give the canonical key")
    return next(iter(found.items()))


def recorded_merges(store: Store) -> list[Merge]:
    rows = store.query(
        f"""
        SELECT ?merged ?into ?name WHERE {{
          GRAPH <{CORRECTIONS_GRAPH}> {{ ?c a kg:Merge ; kg:mergedEntity ?merged ; kg:into ?into ; kg:intoName ?name }}
        }}"""
    ).rows
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
            ent.name, ent.id = merge.into_name, new_id
        if new_id in kept:
            other = kept[new_id]
            other.aliases += [a for a in [ent.name, *ent.aliases] if a not in other.aliases and a != other.name]
            other.mentions = sorted(set(other.mentions) | set(ent.mentions))
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


def _graphs_mentioning(store: Store, iri: str) -> list[str]:
    rows = store.query(
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }} }}"
    ).rows
    return [r["g"].value for r in rows if r["g"].value != CORRECTIONS_GRAPH]


def stored_articles(store: Store, graphs: list[str]) -> list[Article]:
    """Rebuild articles from the text and metadata their graphs keep, to extract them again."""
    articles = []
    for graph in graphs:
        rows = store.query(
            f"""
            SELECT ?id ?text ?title ?url ?publisher ?published ?source WHERE {{
              GRAPH <{graph}> {{
                ?a a kg:Article ; kg:articleId ?id ; kg:text ?text .
                OPTIONAL {{ ?a schema:headline ?title }} OPTIONAL {{ ?a schema:url ?url }}
                OPTIONAL {{ ?a kg:publisherName ?publisher }} OPTIONAL {{ ?a schema:datePublished ?published }}
                OPTIONAL {{ ?a kg:source ?source }}
              }}
            }}"""
        ).rows
        for r in rows:
            get = lambda k, r=r: r[k].value if k in r else None  # noqa: E731
            articles.append(
                Article(
                    text=get("text"),
                    title=get("title") or "",
                    url=get("url"),
                    publisher=get("publisher"),
                    published=get("published"),
                    source=get("source"),
                    id=get("id"),
                )
            )
    return articles


def _reingest(store: Store, graphs: list[str]) -> int:
    from kg.ingest import ingest_articles

    return ingest_articles(stored_articles(store, graphs), store).articles


def _correction_iri(kind: str, a: str, b: str) -> str:
    digest = hashlib.sha1(f"{a} {b}".encode()).hexdigest()[:16]
    return f"{DATA_NS}correction/{kind}/{digest}"


def merge(store: Store, keep_ref: str, drop_ref: str) -> tuple[str, str, int]:
    """Merge ``drop_ref`` into ``keep_ref``; returns both names and the number of articles updated."""
    keep_iri, keep_name = find_entity(store, keep_ref)
    drop_iri, drop_name = find_entity(store, drop_ref)
    if keep_iri == drop_iri:
        raise KgError(f"{keep_ref!r} and {drop_ref!r} are already the same entity")
    node = _correction_iri("merge", drop_iri, keep_iri)
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    name = keep_name.replace("\\", "\\\\").replace('"', '\\"')
    ntriples = "\n".join(
        [
            f"<{node}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KG_NS}Merge> .",
            f"<{node}> <{KG_NS}mergedEntity> <{drop_iri}> .",
            f"<{node}> <{KG_NS}into> <{keep_iri}> .",
            f'<{node}> <{KG_NS}intoName> "{name}" .',
            f'<{node}> <{PROV_TIME}> "{now}"^^<{XSD_DATETIME}> .',
            f"<{drop_iri}> <{OWL_SAME}> <{keep_iri}> .",
        ]
    )
    store.update(f"INSERT DATA {{ GRAPH <{CORRECTIONS_GRAPH}> {{ {ntriples} }} }}")
    graphs = _graphs_mentioning(store, drop_iri)
    return keep_name, drop_name, _reingest(store, graphs)


def split(store: Store, keep_ref: str, drop_ref: str) -> tuple[str, int]:
    """Undo a merge of ``drop_ref`` into ``keep_ref`` and re-extract the articles it touched."""
    keep_iri, keep_name = find_entity(store, keep_ref)
    key = drop_ref if "/" in drop_ref else None
    merges = [m for m in recorded_merges(store) if m.into == entity_key_of(keep_iri)]
    match = [m for m in merges if m.merged == key or (key is None and m.merged.split("/", 1)[-1] == _slug(drop_ref))]
    if not match:
        known = ", ".join(m.merged for m in merges) or "none"
        raise KgError(f"no merge of {drop_ref!r} into {keep_name!r} is recorded (merged into it: {known})")
    drop_iri = ENTITY_PREFIX + match[0].merged
    node = _correction_iri("merge", drop_iri, keep_iri)
    store.update(
        f"""DELETE WHERE {{ GRAPH <{CORRECTIONS_GRAPH}> {{ <{node}> ?p ?o }} }} ;
        DELETE DATA {{ GRAPH <{CORRECTIONS_GRAPH}> {{ <{drop_iri}> <{OWL_SAME}> <{keep_iri}> }} }}"""
    )
    return match[0].merged, _reingest(store, _graphs_mentioning(store, keep_iri))


def _slug(name: str) -> str:
    from kg.extract.entities import slug

    return slug(name)


# ------------------------------------------------------------------------------ events and stories


def is_event_ref(ref: str) -> bool:
    """A story (canonical event) or an article's event, as an IRI or in the kgd: short form tables print."""
    return "/event/" in ref or ref.startswith("kgd:story/")


def _expand(ref: str) -> str:
    """An IRI from ``<iri>``, a plain IRI, or the ``kgd:`` short form tables print."""
    return DATA_NS + ref[4:] if ref.startswith("kgd:") else ref.strip("<>")


def find_event(store: Store, ref: str) -> str:
    """The member event a reference stands for: the event itself, or a story's first member."""
    from kg.stories import STORIES_GRAPH

    iri = _expand(ref)
    if "/story/event/" in iri:
        rows = store.query(
            f"SELECT (MIN(STR(?e)) AS ?first) WHERE {{ GRAPH <{STORIES_GRAPH}> {{ ?e kg:canonicalEvent <{iri}> }} }}"
        ).rows
        if not rows or "first" not in rows[0]:
            raise KgError(f"no story {ref!r} in the store; see 'kg stories'")
        return rows[0]["first"].value
    if not store.query(f"ASK {{ <{iri}> kg:trigger ?t }}").boolean:
        raise KgError(f"no event {ref!r} in the store; see the story-reports query for event IRIs")
    return iri


def _restory(store: Store, events: list[str]) -> None:
    """Make the stories layer take the events' articles in again, then sync it."""
    from kg.stories import STORIES_GRAPH, sync_stories

    articles = sorted({e.split("/event/", 1)[0] for e in events})
    forget = "DELETE WHERE {{ GRAPH <{}> {{ <{}> <{}cataloguedHash> ?h }} }}"
    run_updates(store, [forget.format(STORIES_GRAPH, a, KG_NS) for a in articles])
    sync_stories(store)


def merge_events(store: Store, keep_ref: str, other_ref: str) -> tuple[str, str]:
    """Record that two stories (or events) are one real-world event; returns the two member events."""
    a, b = sorted((find_event(store, keep_ref), find_event(store, other_ref)))
    if a == b:
        raise KgError(f"{keep_ref!r} and {other_ref!r} are the same event")
    node = _correction_iri("event-merge", a, b)
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    store.update(
        f"""DELETE {{ GRAPH <{CORRECTIONS_GRAPH}> {{ ?c ?p ?o }} }} WHERE {{ GRAPH <{CORRECTIONS_GRAPH}> {{
          ?c a kg:EventSplit ; kg:correctedEvent ?e ; ?p ?o . VALUES ?e {{ <{a}> <{b}> }} }} }} ;
        INSERT DATA {{ GRAPH <{CORRECTIONS_GRAPH}> {{
          <{node}> a kg:EventMerge ; kg:correctedEvent <{a}> , <{b}> ; <{PROV_TIME}> "{now}"^^<{XSD_DATETIME}> }} }}"""
    )
    _restory(store, [a, b])
    return a, b


def split_event(store: Store, story_ref: str, event_ref: str) -> str:
    """Take an article's event (a member, or a report of it) out of a story: it stays on its own, also
    after re-ingest."""
    from kg.stories import STORIES_GRAPH

    event = find_event(store, event_ref)
    story = _expand(story_ref)
    if "/story/event/" in story and not store.query(
        f"ASK {{ GRAPH <{STORIES_GRAPH}> {{ <{event}> kg:canonicalEvent|kg:reportsOn <{story}> }} }}"
    ).boolean:
        raise KgError(f"event {event_ref!r} is not part of story {story_ref!r}")
    node = _correction_iri("event-split", event, event)
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    partners = [
        r["x"].value
        for r in store.query(
            f"SELECT ?x WHERE {{ GRAPH <{CORRECTIONS_GRAPH}> {{ "
            f"?c a kg:EventMerge ; kg:correctedEvent <{event}> , ?x }} }}"
        ).rows
    ]
    store.update(
        f"""DELETE {{ GRAPH <{CORRECTIONS_GRAPH}> {{ ?c ?p ?o }} }} WHERE {{ GRAPH <{CORRECTIONS_GRAPH}> {{
          ?c a kg:EventMerge ; kg:correctedEvent <{event}> ; ?p ?o }} }} ;
        INSERT DATA {{ GRAPH <{CORRECTIONS_GRAPH}> {{
          <{node}> a kg:EventSplit ; kg:correctedEvent <{event}> ; <{PROV_TIME}> "{now}"^^<{XSD_DATETIME}> }} }}"""
    )
    _restory(store, [event, *partners])
    return event
