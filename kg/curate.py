"""Curation: a user's correction recorded, then the graphs brought in line with it at once.

Merging or splitting entities re-ingests the affected articles from the text the store keeps, so
their graphs agree with the correction; merging or splitting stories makes the stories layer take
the events' articles in again. This sits above ingest, which applies recorded corrections itself.
"""

from __future__ import annotations

from kg.errors import KgError
from kg.ingest import ingest_articles, stored_articles
from kg.layers.base import forget_taken, layers_locked
from kg.layers.corrections import (
    ENTITY_PREFIX,
    entity_key_of,
    find_entity,
    find_event,
    graphs_mentioning,
    record_event_merge,
    record_event_split,
    record_merge,
    record_split,
    recorded_merges,
    remove_merge,
)
from kg.layers.listings import sync_story_figures
from kg.layers.stories import sync_stories
from kg.rdf.graphs import STORIES_GRAPH
from kg.rdf.iris import expand_ref
from kg.store import Store


def _reingest(store: Store, graphs: list[str]) -> int:
    return ingest_articles(stored_articles(store, graphs), store).articles


def merge(store: Store, keep_ref: str, drop_ref: str) -> tuple[str, str, int]:
    """Merge ``drop_ref`` into ``keep_ref``; returns both names and the number of articles updated."""
    keep_iri, keep_name = find_entity(store, keep_ref)
    drop_iri, drop_name = find_entity(store, drop_ref)
    if keep_iri == drop_iri:
        raise KgError(f"{keep_ref!r} and {drop_ref!r} are already the same entity")
    record_merge(store, keep_iri, drop_iri, keep_name, drop_name=drop_name)
    graphs = graphs_mentioning(store, drop_iri)
    return keep_name, drop_name, _reingest(store, graphs)


def split(store: Store, keep_ref: str, drop_ref: str) -> tuple[str, int]:
    """Undo a merge of ``drop_ref`` into ``keep_ref`` (the user's or an automatic join) and re-extract
    the articles it touched; the two are kept apart from then on."""
    keep_iri, keep_name = find_entity(store, keep_ref)
    key = drop_ref if "/" in drop_ref else None
    merges = [m for m in recorded_merges(store) if m.into == entity_key_of(keep_iri)]
    match = [m for m in merges if m.merged == key or (key is None and m.merged.split("/", 1)[-1] == _slug(drop_ref))]
    if not match:
        known = ", ".join(m.merged for m in merges) or "none"
        raise KgError(f"no merge of {drop_ref!r} into {keep_name!r} is recorded (merged into it: {known})")
    remove_merge(store, keep_iri, ENTITY_PREFIX + match[0].merged)
    record_split(store, keep_iri, ENTITY_PREFIX + match[0].merged)
    return match[0].merged, _reingest(store, graphs_mentioning(store, keep_iri))


def _slug(name: str) -> str:
    from kg.extract.entities import slug  # spaCy loads only when a split names an entity

    return slug(name)


def _restory(store: Store, events: list[str]) -> None:
    """Make the stories layer take the events' articles in again, then sync it (and the figures the
    listings add up by story)."""
    with layers_locked(store):
        forget_taken(store, STORIES_GRAPH, sorted({e.split("/event/", 1)[0] for e in events}))
        sync_stories(store)
        sync_story_figures(store)


def merge_events(store: Store, keep_ref: str, other_ref: str) -> tuple[str, str]:
    """Record that two stories (or events) are one real-world event; returns the two member events."""
    a, b = sorted((find_event(store, keep_ref), find_event(store, other_ref)))
    if a == b:
        raise KgError(f"{keep_ref!r} and {other_ref!r} are the same event")
    record_event_merge(store, a, b)
    _restory(store, [a, b])
    return a, b


def split_event(store: Store, story_ref: str, event_ref: str) -> str:
    """Take an article's event (a member, or a report of it) out of a story: it stays on its own, also
    after re-ingest."""
    event = find_event(store, event_ref)
    story = expand_ref(story_ref)
    if "/story/event/" in story and not store.query(
        f"ASK {{ GRAPH <{STORIES_GRAPH}> {{ <{event}> kg:canonicalEvent|kg:reportsOn <{story}> }} }}"
    ).boolean:
        raise KgError(f"event {event_ref!r} is not part of story {story_ref!r}")
    partners = record_event_split(store, event)
    _restory(store, [event, *partners])
    return event
