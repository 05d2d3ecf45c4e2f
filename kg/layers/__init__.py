"""Derived layers: graphs computed from the article graphs and kept current after each ingest.

Each layer is one module writing one named graph; :mod:`kg.layers.base` is the protocol they share
(what changed since a layer last looked, what it has taken in, the pending mark). The corrections
and links graphs record what users asked for; the stories layer reads the corrections; the listings
layer (:mod:`kg.layers.listings`) keeps the order of the large listings from the catalogue and the
stories; the joins
layers (:mod:`kg.layers.joins` and :mod:`kg.layers.type_joins`, run by ingest after these, since a
join makes it extract articles again) record automatic merges there too: of persons named by surname,
and of a name NER typed differently between articles.
"""

from __future__ import annotations

from kg.layers.base import changed_since
from kg.layers.catalog import sync_catalog
from kg.layers.listings import sync_listings
from kg.layers.sparql import LAYER_TAKEN_ANY, render
from kg.layers.stories import sync_stories
from kg.rdf.graphs import CATALOG_GRAPH, LISTINGS_GRAPH, STORIES_GRAPH
from kg.store import Store

LAYER_GRAPHS = (CATALOG_GRAPH, STORIES_GRAPH, LISTINGS_GRAPH)


def sync_layers(store: Store, written: list[str] | None = None) -> None:
    """Bring every derived graph up to date, in order (the catalogue first, the listings, which read
    both others, last); ``written``: the only article graphs changed since the last sync, when the
    caller knows them.

    Otherwise each layer takes in what it has not taken in and what any other layer has not: another
    process may write an article while these run (a layer could then take in an article the layers
    before it never saw, and only this catches it up). A layer that has taken in nothing yet (a new
    layer on an older store) builds itself from scratch and does not make the others redo every
    article."""
    if written is None:
        own = {layer: set(changed_since(store, layer)) for layer in LAYER_GRAPHS}
        started = [layer for layer in LAYER_GRAPHS if store.query(render(LAYER_TAKEN_ANY, layer=layer)).boolean]
        shared = set().union(*(own[layer] for layer in started))
        found = {layer: sorted(own[layer] | shared) for layer in LAYER_GRAPHS}
    else:
        found = dict.fromkeys(LAYER_GRAPHS, written)
    sync_catalog(store, found[CATALOG_GRAPH])
    sync_stories(store, found[STORIES_GRAPH])
    sync_listings(store, found[LISTINGS_GRAPH])


def layers_missing(store: Store) -> bool:
    """Whether a derived graph has taken in nothing though the catalogue has articles: a store
    written before that layer existed, or one whose layer graph was dropped."""
    taken = [store.query(render(LAYER_TAKEN_ANY, layer=layer)).boolean for layer in LAYER_GRAPHS]
    return taken[0] and not all(taken)
