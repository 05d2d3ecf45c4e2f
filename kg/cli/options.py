"""Options and helpers the command groups share: input, store and projection options."""

from __future__ import annotations

import functools
from pathlib import Path

import click

STORE_HELP = "Store folder (default: $KG_STORE, else ./kg-data)."


def input_options(func):
    """The input options shared by ``kg extract`` and ``kg ingest``."""
    func = click.option("--publisher", help="Publisher name for the articles read.")(func)
    func = click.option("--url", help="Source URL (names a single article; its id derives from it).")(func)
    func = click.option("--published", metavar="DATE", help="Publication date, YYYY-MM-DD.")(func)
    return click.argument("paths", nargs=-1, required=True, metavar="PATH...")(func)


def local_store_option(func):
    """--store PATH only, for commands whose own --endpoint means something else (kg link)."""

    @functools.wraps(func)
    def wrapper(*args, store_path=None, **kwargs):
        from kg.store import StoreSpec

        return func(*args, store_path=StoreSpec(path=store_path), **kwargs)

    return click.option("--store", "store_path", type=click.Path(), help=STORE_HELP)(wrapper)


def store_option(func):
    """--store PATH, or --endpoint URL (with --update-endpoint, --graph-store-endpoint): the command
    receives them as one StoreSpec in ``store_path``."""

    @functools.wraps(func)
    def wrapper(
        *args, store_path=None, endpoint=None, update_endpoint=None, graph_store_endpoint=None, timeout=60.0, **kwargs
    ):
        from kg.store import StoreSpec

        if store_path and endpoint:
            raise click.UsageError("give --store or --endpoint, not both")
        spec = StoreSpec(store_path, endpoint, update_endpoint, graph_store_endpoint, timeout)
        return func(*args, store_path=spec, **kwargs)

    options = [
        click.option("--store", "store_path", type=click.Path(), help=STORE_HELP),
        click.option(
            "--endpoint",
            metavar="URL",
            envvar="KG_ENDPOINT",
            help="Use a SPARQL 1.1 endpoint instead of the embedded store (or $KG_ENDPOINT).",
        ),
        click.option("--update-endpoint", metavar="URL", help="SPARQL Update endpoint (default: beside --endpoint)."),
        click.option(
            "--graph-store-endpoint",
            metavar="URL",
            help="Graph Store Protocol endpoint for writing whole article graphs (e.g. .../store).",
        ),
        click.option(
            "--timeout", type=float, default=60.0, show_default=True, help="Seconds per request to an endpoint."
        ),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


def projection_options(func):
    """Options that choose and filter a network projection (kg analyze, kg export --format gexf ...)."""
    options = [
        click.option(
            "--projection",
            type=click.Choice(["actors", "bipartite", "statements", "full"]),
            default="actors",
            show_default=True,
            help="Which network to draw from the graph.",
        ),
        click.option(
            "--edges",
            "edges_query",
            type=click.Path(dir_okay=False),
            help="Your own edges query (.rq) instead of a named projection; needs --nodes.",
        ),
        click.option("--nodes", "nodes_query", type=click.Path(dir_okay=False), help="Your own nodes query (.rq)."),
        click.option("--since", metavar="DATE", help="Only edges dated on or after DATE (YYYY-MM-DD)."),
        click.option("--until", metavar="DATE", help="Only edges dated on or before DATE."),
        click.option("--type", "types", multiple=True, help="Only nodes of this type (repeatable), e.g. Person."),
        click.option("--min-weight", type=float, default=0.0, help="Only edges at least this heavy."),
        click.option("--article", help="Only edges from this article (id or IRI)."),
        click.option(
            "--canonical",
            is_flag=True,
            help="Draw stories (canonical events, see 'kg stories') instead of each article's events: "
            "an attack fifty articles report is one node, and actors who share it count it once.",
        ),
        click.option(
            "--all-events",
            is_flag=True,
            help="Also draw events the articles do not assert (alleged, reported, feared, planned, negated, "
            "possible); by default only asserted events make edges and event nodes. Edges and event nodes "
            "carry a 'factuality' attribute either way (asserted, reported by ..., future, ...).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def drawing_options(func):
    """--top and --isolated: what kg view and kg plot draw of a projection."""
    func = click.option(
        "--isolated",
        is_flag=True,
        help="Also draw the nodes without an edge (left out by default).",
    )(func)
    return click.option(
        "--top",
        type=click.IntRange(min=0),
        default=150,
        show_default=True,
        help="Draw the N most central connected nodes by PageRank (0: all of them).",
    )(func)


def metadata(paths, published, url, publisher):
    from kg.read import Metadata

    if url and (len(paths) > 1 or Path(paths[0]).is_dir()):
        raise click.UsageError("--url names one article; give a single file with it")
    return Metadata(published=published, url=url, publisher=publisher)


def caught_up(store) -> None:
    """Commands that read the derived graphs (entities, stories) first finish what an interrupted
    ingest left, or say that they may lag while another process writes the store."""
    from kg.ingest import catch_up

    done = catch_up(store)
    if done:
        click.echo(
            "The derived graphs were behind the articles (an interrupted ingest, or a store written by an "
            "older kg); the catalogue, stories and listings are caught up now.",
            err=True,
        )
    elif done is None:
        click.echo(
            "Warning: articles were written that the catalogue and stories have not taken in yet (an ingest "
            "is running, or was interrupted): entity and story listings may lag; run kg ingest again to catch up.",
            err=True,
        )


def report_errors(errors) -> None:
    for err in errors:
        click.echo(f"Error: {err}", err=True)


def build_projection(
    store, projection, edges_query, nodes_query, since, until, types, min_weight, article, canonical, all_events
):
    from kg.analyze.projections import build_projection
    from kg.errors import InputError
    from kg.rdf.iris import article_iri
    from kg.read.dates import parse_user_date

    if article and store.article_hash(article if article.startswith("http") else str(article_iri(article))) is None:
        raise InputError(f"no article {article!r} in the store; 'kg query articles' lists them")
    return build_projection(
        store,
        projection,
        edges_query=edges_query,
        nodes_query=nodes_query,
        all_events=all_events,
        since=parse_user_date(since, "--since") if since else None,
        until=parse_user_date(until, "--until") if until else None,
        types=tuple(types),
        min_weight=min_weight,
        article=article,
        canonical=canonical,
    )
