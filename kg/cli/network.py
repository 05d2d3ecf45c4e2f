"""Commands that draw networks from the store: export (RDF or networks), analyze, view, plot."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.options import build_projection, drawing_options, projection_options, store_option
from kg.errors import OutputError
from kg.export import FORMATS, NetworkFormat


def _write(path: str | Path, data: bytes | str) -> None:
    """Write an output file, or fail with one line that says which file and why."""
    try:
        if isinstance(data, str):
            Path(path).write_text(data, encoding="utf-8")
        else:
            Path(path).write_bytes(data)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    help="RDF syntax, or a network format (default: from --out's extension, else ttl).",
)
@click.option("--out", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--static", is_flag=True, help="GEXF without start/end dates (no timeline in Gephi).")
@click.option("--isolated", is_flag=True, help="Networks: keep the nodes without an edge (left out by default).")
@projection_options
@store_option
def export(
    fmt, out, static, isolated, store_path, **projection_options
):
    """Write the graph as RDF (ttl, nt, trig, nq, jsonld), or a network for Gephi (gexf, graphml, csv).

    TriG, N-Quads and JSON-LD keep one named graph per article; Turtle and N-Triples merge them;
    --article limits RDF output to one article. Network formats draw a projection (--projection,
    or your own --edges/--nodes queries) with the filters below. GEXF 1.3 is dynamic by default:
    nodes and edges carry start/end dates for Gephi's timeline. CSV writes OUT-nodes.csv and
    OUT-edges.csv (Gephi's spreadsheet import); nodes without an edge are left out unless --isolated.
    Networks draw only the events the articles assert;
    --all-events adds the alleged, reported, feared or planned ones, and every event node and
    co-participation edge carries a 'factuality' attribute saying which.

    \b
    Examples:
      kg export --out graph.trig
      kg export --out actors.gexf --since 2023-10-01
      kg export --out actors-all.gexf --all-events
      kg export --format csv --projection bipartite --out net.csv
    """
    from kg.export import format_for, network_format_for
    from kg.rdf.iris import article_iri
    from kg.store import open_store

    network = network_format_for(fmt, out)
    with open_store(store_path, must_exist=True) as store:
        if network is not None:
            from kg.analyze.projections import without_isolated

            proj = build_projection(store, **projection_options)
            _write_network(proj if isolated else without_isolated(proj), network, out, dynamic=not static)
            return
        chosen = format_for(fmt, out)
        graph = None
        article = projection_options["article"]
        if article:
            graph = article if article.startswith("http") else str(article_iri(article))
        data = store.dump(chosen.name, graph=graph)
    if out:
        _write(out, data)
        click.echo(f"Wrote {chosen.label} to {out}.", err=True)
    else:
        sys.stdout.buffer.write(data)


def _write_network(proj, fmt: NetworkFormat, out: str | None, *, dynamic: bool) -> None:
    if fmt.tables:
        if not out:
            name, example = fmt.name.upper(), f"net{fmt.extension}"
            raise click.UsageError(f"{name} export writes two files; give --out, e.g. --out {example}")
        nodes, edges = fmt.render(proj, dynamic=dynamic)
        stem = Path(out).with_suffix("")
        _write(f"{stem}-nodes{fmt.extension}", nodes)
        _write(f"{stem}-edges{fmt.extension}", edges)
        click.echo(
            f"Wrote {len(proj.nodes)} nodes to {stem}-nodes{fmt.extension} and {len(proj.edges)} edges to "
            f"{stem}-edges{fmt.extension}.",
            err=True,
        )
        return
    data = fmt.render(proj, dynamic=dynamic)
    if out:
        _write(out, data)
        click.echo(f"Wrote {fmt.name.upper()} ({len(proj.nodes)} nodes, {len(proj.edges)} edges) to {out}.", err=True)
    else:
        sys.stdout.buffer.write(data)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option(
    "--top", type=click.IntRange(min=0), default=20, show_default=True, help="Rows of the actor table (table format)."
)
@click.option(
    "--write",
    "write_back",
    is_flag=True,
    help="Also store the scores as triples (graph kgd:graph/analysis) for SPARQL.",
)
@projection_options
@store_option
def analyze(
    fmt, top, write_back, store_path, **projection_options
):
    """Network analysis of a projection: size, and per actor degree, weighted degree, PageRank,
    betweenness (estimated from sampled sources above 300 nodes), Leiden community (seeded, deterministic), and who
    contradicts whom (denial, criticism and accusation edges). Only events the articles assert link
    actors, unless --all-events (then also alleged, reported, feared, planned ones).

    \b
    Examples:
      kg analyze
      kg analyze --all-events
      kg analyze --projection bipartite --format csv > scores.csv
      kg analyze --write && kg query --sparql 'SELECT ?e ?pr WHERE { ?e kg:pageRank ?pr } ORDER BY DESC(?pr)'
    """
    from kg.analyze.metrics import analyze as run_analysis
    from kg.analyze.metrics import scores_as_ntriples
    from kg.analyze.report import render_analysis
    from kg.rdf.graphs import ANALYSIS_GRAPH
    from kg.store import open_store

    with open_store(store_path, must_exist=True) as store:
        proj = build_projection(store, **projection_options)
        result = run_analysis(proj)
        if write_back:
            store.replace_graph(ANALYSIS_GRAPH, scores_as_ntriples(result))
    click.echo(render_analysis(result, fmt, top))


@click.command()
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@click.option("--title", default="kg network", show_default=True)
@drawing_options
@projection_options
@store_option
def view(out, title, top, isolated, store_path, **projection_options):
    """Write a self-contained interactive HTML page of a projection (opens offline, no CDN).

    Draws the most central connected actors by PageRank (--top, default 150; --isolated adds those
    without an edge), coloured by type, sized by PageRank, labelled where labels fit (every name on
    hover), with a legend, a search box and a date slider that replays the story. Click an actor for
    a side panel: what it said, what others say about it and who denies what, each statement with its
    words and article. Filters as for 'kg export'; only events the articles assert unless
    --all-events, and the hover details of event nodes and edges name their factuality.
    """
    from kg.analyze.metrics import most_central
    from kg.export.html import to_html
    from kg.export.panel import actor_panel
    from kg.store import open_store

    with open_store(store_path, must_exist=True) as store:
        shown = most_central(build_projection(store, **projection_options), top, isolated=isolated)
        proj = shown.projection
        panel = actor_panel(store, list(proj.nodes), labels={n.id: n.label for n in proj.nodes.values()})
    page = to_html(proj, title=title, panel=panel, ranks=shown.pagerank, summary=shown.summary())
    _write(out, page)
    click.echo(f"Wrote {out} ({len(proj.nodes)} nodes, {len(proj.edges)} edges; {shown.summary()}).", err=True)


@click.command()
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False), help="The PNG file to write.")
@click.option("--title", default="", help="Title above the picture.")
@drawing_options
@projection_options
@store_option
def plot(out, title, top, isolated, store_path, **projection_options):
    """Write a static PNG picture of a projection (matplotlib), for reports.

    Draws the most central connected actors by PageRank (--top, default 150; --isolated adds those
    without an edge), labels the largest where labels fit, with a legend of node types and edge kinds.
    Only events the articles assert are drawn, unless --all-events.
    """
    from kg.analyze.metrics import most_central
    from kg.export.plot import plot_png
    from kg.store import open_store

    with open_store(store_path, must_exist=True) as store:
        shown = most_central(build_projection(store, **projection_options), top, isolated=isolated)
    try:
        plot_png(shown.projection, Path(out), title=title, ranks=shown.pagerank, summary=shown.summary())
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from None
    click.echo(f"Wrote {out} ({shown.summary()}).", err=True)


COMMANDS = (export, analyze, view, plot)
