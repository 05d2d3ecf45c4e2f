"""Commands that look after the store: validate, serve, push, pull."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.options import local_store_option, store_option


@click.command()
@store_option
def validate(store_path):
    """Check the store against the SHACL shapes in ontology/shapes.ttl (exit 1 on violations)."""
    from kg.layers.base import writes_pending
    from kg.store import open_store
    from kg.validate import validate_nquads

    with open_store(store_path, must_exist=True) as store:
        pending = writes_pending(store)
        data = store.dump("nq")
    if pending:
        click.echo(
            "Warning: articles were written that the catalogue and stories have not taken in (an ingest is "
            "running or was interrupted); run kg ingest again to catch up.",
            err=True,
        )
    report = validate_nquads(data)
    if report.conforms:
        click.echo("The store conforms to ontology/shapes.ttl.")
        return
    click.echo(report.text)
    click.echo(f"{report.violations} violation(s) of ontology/shapes.ttl.", err=True)
    sys.exit(1)


@click.command()
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True, help="Port to listen on.")
@click.option("--bind", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--read-only", is_flag=True, help="Refuse SPARQL updates.")
@local_store_option
def serve(port, bind, read_only, store_path):
    """Serve the local store as a SPARQL 1.1 endpoint (Oxigraph server) until Ctrl-C.

    Queries at http://HOST:PORT/query, updates at /update, the Graph Store Protocol at /store;
    queries see the union of all article graphs. Any SPARQL client can use it: YASGUI,
    SPARQLWrapper, Gephi's Semantic Web Import, or kg itself with --endpoint. While it runs the
    store is in use: stop it before 'kg ingest --store'.
    """
    from kg.store.server import become_server, server_command

    command = server_command(Path(store_path.describe()), port=port, bind=bind, read_only=read_only)
    click.echo(
        f"SPARQL endpoint: http://{bind}:{port}/query (updates /update, graph store /store). Ctrl-C stops it.", err=True
    )
    become_server(command)


@click.command()
@click.option("--endpoint", required=True, metavar="URL", help="The SPARQL query endpoint to copy to.")
@click.option("--update-endpoint", metavar="URL", help="SPARQL Update endpoint (default: beside --endpoint).")
@click.option("--graph-store-endpoint", metavar="URL", help="Graph Store Protocol endpoint (faster bulk loads).")
@local_store_option
def push(endpoint, update_endpoint, graph_store_endpoint, store_path):
    """Copy the local store to a SPARQL endpoint, graph by graph (idempotent)."""
    from kg.store import StoreSpec, open_store
    from kg.sync import copy_graphs

    with open_store(store_path, must_exist=True) as local, open_store(
        StoreSpec(endpoint=endpoint, update_endpoint=update_endpoint, graph_store_endpoint=graph_store_endpoint)
    ) as remote:
        n = copy_graphs(local, remote)
    click.echo(f"Pushed {n} graph(s) to {endpoint}.", err=True)


@click.command()
@click.option("--endpoint", required=True, metavar="URL", help="The SPARQL query endpoint to copy from.")
@click.option(
    "--graph-prefix",
    "prefixes",
    multiple=True,
    metavar="IRI",
    help="Also take graphs whose names start with IRI (repeatable); by default only kg's own graphs "
    "(https://w3id.org/kg-news/id/...) are taken.",
)
@local_store_option
def pull(endpoint, prefixes, store_path):
    """Copy the named graphs of a SPARQL endpoint into the local store (idempotent).

    Only graphs named under kg's own namespace are taken (or under a --graph-prefix); others,
    blank-node names, invalid IRIs and graphs over 2,000,000 quads are skipped with a line each.
    """
    from kg.store import StoreSpec, open_store
    from kg.sync import pull_graphs

    with open_store(StoreSpec(endpoint=endpoint)) as remote, open_store(store_path) as local:
        report = pull_graphs(remote, local, prefixes=prefixes)
    for why in report.skipped:
        click.echo(f"skipped {why}", err=True)
    click.echo(
        f"Pulled {report.copied} graph(s) from {endpoint} into {store_path.describe()}; "
        f"{len(report.skipped)} skipped.",
        err=True,
    )


COMMANDS = (validate, serve, push, pull)
