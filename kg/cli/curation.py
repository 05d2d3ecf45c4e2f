"""Commands that correct the graph: merge, split, link."""

from __future__ import annotations

import click

from kg.cli.options import local_store_option, store_option


@click.command()
@click.argument("keep")
@click.argument("other")
@store_option
def merge(keep, other, store_path):
    """Record that OTHER is the same actor (or story) as KEEP, and update the graph.

    For actors, KEEP and OTHER are canonical keys (see 'kg entities'), IRIs, or unambiguous names;
    the articles that name OTHER are re-extracted. For stories, KEEP and OTHER are story IRIs
    (kgd:story/event/..., see 'kg stories') or article event IRIs: they become one story. Every
    correction is stored with its time in a graph of its own and applied on every later ingest,
    so it survives re-ingesting. 'kg split' undoes it.
    """
    from kg.curate import merge as run_merge
    from kg.curate import merge_events
    from kg.layers.corrections import is_event_ref
    from kg.store import open_store

    with open_store(store_path, must_exist=True) as store:
        if is_event_ref(keep) or is_event_ref(other):
            a, b = merge_events(store, keep, other)
            message = f"Merged the stories of {a} and {b}."
        else:
            keep_name, other_name, n = run_merge(store, keep, other)
            message = f"Merged {other_name!r} into {keep_name!r}; {n} article(s) re-extracted."
    click.echo(message)


@click.command()
@click.argument("keep")
@click.argument("other")
@store_option
def split(keep, other, store_path):
    """Undo 'kg merge KEEP OTHER': OTHER becomes its own entity again in every article.

    With a story IRI as KEEP and an article event IRI as OTHER, the event is taken out of the
    story and kept on its own (also after re-ingest).
    """
    from kg.curate import split as run_split
    from kg.curate import split_event
    from kg.layers.corrections import is_event_ref
    from kg.store import open_store

    with open_store(store_path, must_exist=True) as store:
        if is_event_ref(keep) or is_event_ref(other):
            message = f"Took {split_event(store, keep, other)} out of {keep}."
        else:
            key, n = run_split(store, keep, other)
            message = f"Split {key!r} from {keep!r}; {n} article(s) re-extracted."
    click.echo(message)


@click.command()
@click.option("--endpoint", required=True, metavar="URL", help="SPARQL endpoint with rdfs:label/skos:altLabel.")
@click.option("--lang", default="en", show_default=True, help="Language tag of the endpoint's labels.")
@click.option("--timeout", default=30, show_default=True, help="Seconds per request.")
@local_store_option
def link(endpoint, lang, timeout, store_path):
    """Link entities to a knowledge base (Wikidata-shaped) with owl:sameAs.

    An entity is linked when its name or an alias equals the label of exactly one item
    (rdfs:label preferred over skos:altLabel); ambiguous names are left unlinked and counted.
    Links live in their own graph; linking again replaces the links from the same endpoint.
    """
    from kg.layers.links import link_entities
    from kg.store import open_store

    with open_store(store_path, must_exist=True) as store:
        result = link_entities(store, endpoint, timeout=timeout, lang=lang)
    click.echo(f"Linked {result.linked} entities; {result.ambiguous} ambiguous, {result.unmatched} without a match.")


COMMANDS = (merge, split, link)
