"""The ``kg`` command line: each command parses options and calls one library function."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError

STORE_HELP = "Store folder (default: $KG_STORE, else ./kg-data)."


class _Group(click.Group):
    """Turns kg's own errors into one-line messages with their exit code, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted; articles written so far are complete and kept.", err=True)
            ctx.exit(130)


def _input_options(func):
    """The input options shared by ``kg extract`` and ``kg ingest``."""
    func = click.option("--publisher", help="Publisher name for the articles read.")(func)
    func = click.option("--url", help="Source URL (names a single article; its id derives from it).")(func)
    func = click.option("--published", metavar="DATE", help="Publication date, YYYY-MM-DD.")(func)
    return click.argument("paths", nargs=-1, required=True, metavar="PATH...")(func)


def _local_store_option(func):
    """--store PATH only, for commands whose own --endpoint means something else (kg link)."""

    @functools.wraps(func)
    def wrapper(*args, store_path=None, **kwargs):
        from kg.store import StoreSpec

        return func(*args, store_path=StoreSpec(path=store_path), **kwargs)

    return click.option("--store", "store_path", type=click.Path(), help=STORE_HELP)(wrapper)


def _store_option(func):
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


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Turn news articles into an RDF knowledge graph of actors, events, reports and
    attributed statements, then query, analyse and export it.

    \b
    Typical session:
      kg ingest articles/            # read, extract, store (./kg-data)
      kg stats                       # what the store holds
      kg query --list                # named questions you can ask
      kg query statements            # who said what
      kg export --out graph.trig     # one named graph per article
    """
    import signal

    # Ctrl-C stops cleanly even when the parent started us with SIGINT ignored (background jobs).
    signal.signal(signal.SIGINT, signal.default_int_handler)


def _metadata(paths, published, url, publisher):
    from kg.read import Metadata

    if url and (len(paths) > 1 or Path(paths[0]).is_dir()):
        raise click.UsageError("--url names one article; give a single file with it")
    return Metadata(published=published, url=url, publisher=publisher)


def _caught_up(store) -> None:
    """Commands that read the derived graphs (entities, stories) first finish what an interrupted
    ingest left, or say that they may lag while another process writes the store."""
    from kg.ingest import catch_up

    done = catch_up(store)
    if done:
        click.echo("The store was left mid-ingest; the catalogue and stories are caught up now.", err=True)
    elif done is None:
        click.echo(
            "Warning: articles were written that the catalogue and stories have not taken in yet (an ingest "
            "is running, or was interrupted): entity and story listings may lag; run kg ingest again to catch up.",
            err=True,
        )


def _report_errors(errors) -> None:
    for err in errors:
        click.echo(f"Error: {err}", err=True)


@main.command()
@_input_options
@_store_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@click.option(
    "--workers",
    type=int,
    default=1,
    show_default=True,
    help="Extraction processes (each loads the language model once).",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    help="Spread extraction over a Dask distributed cluster (pip install 'kg[distributed]').",
)
@click.option(
    "--delay", type=float, default=1.0, show_default=True, help="Seconds between two requests to one host (URLs)."
)
@click.option(
    "--all-events",
    is_flag=True,
    help="Store every eventuality the extraction finds; by default untyped ones that link no actor, place "
    "or figure ('development', 'required') are left out of the store (kg extract still lists them).",
)
def ingest(paths, published, url, publisher, store_path, quiet, workers, scheduler, delay, all_events):
    """Read articles, extract their graph and add it to the store.

    PATH is a .txt, .html, .json, .jsonl or RSS/Atom file, a folder (read recursively), - for
    stdin, or an http(s) URL of a page, a feed (each entry's page is fetched) or JSON records.
    Re-ingesting an article replaces its graph; unchanged articles are skipped.
    Inputs that cannot be read are reported and skipped; the exit code is then 1.
    URLs are fetched politely (robots.txt, --delay per host); --timeout, when given, also
    bounds each fetch (else 20 s).
    """
    from tqdm import tqdm

    from kg.fetch import Fetcher
    from kg.ingest import ingest as run_ingest
    from kg.read import expand_paths
    from kg.store import open_store
    from kg.web import read_inputs

    meta = _metadata(paths, published, url, publisher)
    given = click.get_current_context().get_parameter_source("timeout")
    timeout_given = given == click.core.ParameterSource.COMMANDLINE
    fetcher = Fetcher(delay=delay, timeout=store_path.timeout if timeout_given else None)
    files = list(expand_paths(paths))
    seen_sources: set[str] = set()
    with open_store(store_path) as store:
        bar = tqdm(total=len(files), unit="file", disable=True if quiet or len(files) < 2 else None, file=sys.stderr)

        def items():
            for item in read_inputs(files, meta, fetcher):
                root = item.source.split("#")[0].split("[")[0]
                if root not in seen_sources:
                    seen_sources.add(root)
                    bar.update(1)
                yield item

        try:
            report = run_ingest(items(), store, workers=workers, scheduler=scheduler, all_events=all_events)
        finally:
            bar.close()
    _report_errors(report.errors)
    if not quiet:
        where = store_path.describe()
        click.echo(
            f"Ingested {report.articles} article(s) into {where}: {report.added} new, "
            f"{report.updated} updated, {report.unchanged} unchanged; {len(report.errors)} failed.",
            err=True,
        )
    if report.errors:
        sys.exit(1)


@main.command()
@_input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "ttl", "jsonld"]),
    default="json",
    show_default=True,
    help="json: the JSON contract, one line per article; ttl/jsonld: the RDF graph.",
)
def extract(paths, published, url, publisher, fmt):
    """Extract entities, statements, reports and events without storing; print the result.

    The JSON form is a stable contract described in the README: one object per article,
    as JSON Lines when there are several.
    """
    from kg.extract import extract_many
    from kg.read import read_articles

    meta = _metadata(paths, published, url, publisher)
    errors = []

    def articles():
        for item in read_articles(paths, meta):
            if item.error is not None:
                errors.append(item.error)
            else:
                yield item.article

    graphs = []
    for extraction in extract_many(articles()):
        if fmt == "json":
            click.echo(json.dumps(extraction.to_json(), ensure_ascii=False))
        else:
            from kg.rdf.mapping import extraction_to_graph

            graphs.append(extraction_to_graph(extraction))
    if graphs:
        from kg.rdf.mapping import new_graph

        merged = new_graph()
        for g in graphs:
            merged += g
        click.echo(merged.serialize(format="turtle" if fmt == "ttl" else "json-ld"))
    _report_errors(errors)
    if errors:
        sys.exit(1)


@main.command()
@click.argument("query", required=False, metavar="[NAME|FILE.rq]")
@click.option("--sparql", help="SPARQL text to run instead of a named query.")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="Bind ?KEY to VALUE (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the named queries and what they answer.")
@click.option("--limit", type=click.IntRange(min=0), help="At most N rows: one page of the listing.")
@click.option("--offset", type=click.IntRange(min=0), help="Skip the first M rows (with --limit: the page from row M).")
@_store_option
def query(query, sparql, params, fmt, list_, limit, offset, store_path):
    """Run SPARQL over the store: a named query, a .rq file or --sparql TEXT.

    Values given with --param are bound as RDF terms, never pasted into the query:
    http(s) IRIs and <...> become IRIs, numbers and YYYY-MM-DD dates typed literals,
    anything else a string. Queries that list events (events, timeline-of-actor, events-in-range,
    quantity-totals, co-participants, story-*) show only events the article itself asserts,
    with a factuality column; --param all=true adds the alleged, reported, feared, planned,
    negated and possible ones, with who reports them.

    \b
    Examples:
      kg query --list
      kg query entity-mentions --param name="Amnesty International"
      kg query events --param all=true
      kg query statements --limit 50 --offset 100
      kg query --sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format csv
    """
    from kg.queries import list_queries, load_query, paged, prepare
    from kg.results import FORMATTERS
    from kg.store import open_store

    if list_:
        for q in list_queries():
            params_text = f"  [params: {', '.join(q.params)}]" if q.params else ""
            click.echo(f"{q.name:20} {q.description}{params_text}")
        return
    if bool(query) == bool(sparql):
        raise click.UsageError("give a query NAME or FILE.rq, or --sparql TEXT (exactly one)")
    named = load_query(query) if query else None
    text, bindings = prepare(named, sparql, list(params))
    text = paged(text, limit, offset)
    with open_store(store_path, must_exist=True) as store:
        _caught_up(store)
        result = store.query(text, bindings)
    click.echo(FORMATTERS[fmt](result).rstrip("\r\n"))


def _projection_options(func):
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


def _build_projection(
    store, projection, edges_query, nodes_query, since, until, types, min_weight, article, canonical, all_events
):
    from kg.analyze.projections import build_projection
    from kg.read.dates import parse_user_date

    return build_projection(
        store,
        projection,
        edges_query=edges_query,
        nodes_query=nodes_query,
        all_events=all_events,
        since=parse_user_date(since) if since else None,
        until=parse_user_date(until) if until else None,
        types=tuple(types),
        min_weight=min_weight,
        article=article,
        canonical=canonical,
    )


GRAPH_FORMATS = ("gexf", "graphml", "csv")


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "trig", "nq", "jsonld", *GRAPH_FORMATS]),
    help="RDF syntax, or a network format (default: from --out's extension, else ttl).",
)
@click.option("--out", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--static", is_flag=True, help="GEXF without start/end dates (no timeline in Gephi).")
@click.option("--isolated", is_flag=True, help="Networks: keep the nodes without an edge (left out by default).")
@_projection_options
@_store_option
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
    from kg.export import format_for
    from kg.rdf.iris import article_iri
    from kg.store import open_store

    if fmt is None and out and Path(out).suffix.lower().lstrip(".") in GRAPH_FORMATS:
        fmt = Path(out).suffix.lower().lstrip(".")
    with open_store(store_path, must_exist=True) as store:
        if fmt in GRAPH_FORMATS:
            from kg.analyze.projections import without_isolated

            proj = _build_projection(store, **projection_options)
            _write_network(proj if isolated else without_isolated(proj), fmt, out, dynamic=not static)
            return
        chosen = format_for(fmt, out)
        graph = None
        article = projection_options["article"]
        if article:
            graph = article if article.startswith("http") else str(article_iri(article))
        data = store.dump(chosen.name, graph=graph)
    if out:
        Path(out).write_bytes(data)
        click.echo(f"Wrote {chosen.label} to {out}.", err=True)
    else:
        sys.stdout.buffer.write(data)


def _write_network(proj, fmt: str, out: str | None, *, dynamic: bool) -> None:
    from kg.export.graphs import to_csv_tables, to_gexf, to_graphml

    if fmt == "csv":
        if not out:
            raise click.UsageError("CSV export writes two files; give --out, e.g. --out net.csv")
        nodes, edges = to_csv_tables(proj)
        stem = Path(out).with_suffix("")
        Path(f"{stem}-nodes.csv").write_text(nodes, encoding="utf-8")
        Path(f"{stem}-edges.csv").write_text(edges, encoding="utf-8")
        click.echo(
            f"Wrote {len(proj.nodes)} nodes to {stem}-nodes.csv and {len(proj.edges)} edges to {stem}-edges.csv.",
            err=True,
        )
        return
    data = to_gexf(proj, dynamic=dynamic) if fmt == "gexf" else to_graphml(proj)
    if out:
        Path(out).write_bytes(data)
        click.echo(f"Wrote {fmt.upper()} ({len(proj.nodes)} nodes, {len(proj.edges)} edges) to {out}.", err=True)
    else:
        sys.stdout.buffer.write(data)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--top", type=int, default=20, show_default=True, help="Rows of the actor table (table format).")
@click.option(
    "--write",
    "write_back",
    is_flag=True,
    help="Also store the scores as triples (graph kgd:graph/analysis) for SPARQL.",
)
@_projection_options
@_store_option
def analyze(
    fmt, top, write_back, store_path, **projection_options
):
    """Network analysis of a projection: size, and per actor degree, weighted degree, PageRank,
    betweenness (estimated from sampled sources above 300 nodes), Louvain community (seeded, deterministic), and who
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
    from kg.rdf.graphs import ANALYSIS_GRAPH
    from kg.store import open_store

    with open_store(store_path, must_exist=True) as store:
        proj = _build_projection(store, **projection_options)
        result = run_analysis(proj)
        if write_back:
            store.replace_graph(ANALYSIS_GRAPH, scores_as_ntriples(result))
    _print_analysis(result, fmt, top)


def _print_analysis(result, fmt: str, top: int) -> None:
    import csv as csv_module
    import io
    from dataclasses import asdict

    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "nodes": result.nodes,
                    "edges": result.edges,
                    "communities": result.communities,
                    "scores": [asdict(s) for s in result.scores],
                    "contradictions": [asdict(c) for c in result.contradictions],
                },
                ensure_ascii=False,
            )
        )
        return
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv_module.writer(buf, lineterminator="\n")
        writer.writerow(["id", "label", "type", "degree", "weighted_degree", "pagerank", "betweenness", "community"])
        for s in result.scores:
            writer.writerow(
                [
                    s.id,
                    s.label,
                    s.type,
                    s.degree,
                    f"{s.weighted_degree:g}",
                    f"{s.pagerank:.6f}",
                    f"{s.betweenness:.6f}",
                    s.community,
                ]
            )
        click.echo(buf.getvalue().rstrip("\n"))
        return
    click.echo(f"{result.nodes} nodes, {result.edges} edges, {result.communities} communities")
    click.echo(f"\n{'actor':32} {'type':13} {'degree':>6} {'w.degree':>8} {'pagerank':>8} {'between.':>8} {'comm.':>5}")
    for s in result.scores[:top]:
        click.echo(
            f"{s.label[:32]:32} {s.type[:13]:13} {s.degree:>6} {s.weighted_degree:>8g} {s.pagerank:>8.4f} "
            f"{s.betweenness:>8.4f} {s.community:>5}"
        )
    if result.contradictions:
        click.echo("\nwho contradicts whom")
        for c in result.contradictions:
            click.echo(f"  {c.source} {c.kind} {c.target} ({c.count:g}x, {c.articles} article(s))")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_store_option
def stats(fmt, store_path):
    """Count articles, triples, entities by type, events, statements and reports."""
    from kg.stats import store_stats
    from kg.store import open_store

    with open_store(store_path, must_exist=True) as store:
        _caught_up(store)
        numbers = store_stats(store)
    if fmt == "json":
        click.echo(json.dumps(numbers))
    else:
        for key, value in numbers.items():
            click.echo(f"{key:16} {value:>10,}")


@main.command()
@_store_option
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


@main.command(name="eval")
@click.argument("gold_dirs", nargs=-1, required=True, metavar="GOLD_DIR...")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option(
    "--errors",
    "n_errors",
    type=int,
    default=0,
    metavar="N",
    help="Also print, per layer, the N most frequent misses and false alarms with their sentences.",
)
@click.option(
    "--crossdoc",
    is_flag=True,
    help="Score cross-document event coreference against gold 'chain' ids (ECB+): MUC, B3, CEAF-e, CoNLL "
    "F1 on gold and predicted mentions, next to the same-lemma baseline.",
)
@click.option(
    "--relations",
    "relations_dir",
    type=click.Path(file_okay=False, exists=True),
    metavar="DIR",
    help="Relation gold (one JSON file per article id, as in benchmarks/relations-gold): adds the "
    "'relations' layer for the gold articles it covers.",
)
def eval_(gold_dirs, fmt, n_errors, crossdoc, relations_dir):
    """Score extraction against annotated gold articles (the shared corpus JSON format).

    Runs extraction on the text of every gold file under GOLD_DIR and reports precision, recall
    and F1 per layer (entity mentions, entities, event triggers, participants and time, statement
    cues, content and speaker), exact and overlap (token Jaccard >= 0.5), micro-averaged.
    Layers a gold file does not annotate are skipped for that file. Event factuality is scored
    where the gold has it (MEANTIME): precision of what kg asserts, recall of what the article does
    not assert, polarity and future accuracy; speaker accuracy by named, pronoun and description
    speakers; relations with --relations.

    \b
    Examples:
      kg eval ../shared/corpus/meantime/dev --errors 5
      kg eval ../shared/corpus/meantime/dev ../shared/corpus/gum-news/dev --relations benchmarks/relations-gold
    """
    from tqdm import tqdm

    from kg.evaluate import count_gold, evaluate, format_table, load_relation_gold, worst_errors

    if crossdoc:
        from kg.evaluate import evaluate_crossdoc, format_crossdoc

        result = evaluate_crossdoc(gold_dirs)
        click.echo(json.dumps(result) if fmt == "json" else format_crossdoc(result))
        return

    total = count_gold(gold_dirs)
    with tqdm(total=total, unit="doc", file=sys.stderr, disable=None) as bar:
        relations = load_relation_gold(relations_dir) if relations_dir else None
        scores = evaluate(gold_dirs, on_file=lambda: bar.update(1), relations=relations)
    if fmt == "json":
        out = scores.to_json()
        if n_errors:
            out["errors"] = [m.__dict__ for m in worst_errors(scores, n_errors)]
        click.echo(json.dumps(out, ensure_ascii=False))
        return
    click.echo(format_table(scores, title=", ".join(gold_dirs)))
    if n_errors:
        for m in worst_errors(scores, n_errors):
            click.echo(f"\n[{m.layer}] {m.kind} in {m.doc}: {m.text}\n    {m.sentence}")


@main.command()
@click.option(
    "--type",
    "type_",
    type=click.Choice(["Organization", "Person", "Place", "Group", "Other"]),
    help="Only entities of this type.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_store_option
def entities(type_, fmt, store_path):
    """List entities with their aliases, types, and the number of articles and mentions.

    The key (type/normalised-name) is the entity's canonical id across articles; use it with
    'kg merge' and 'kg split'. sameAs shows a knowledge-base link ('kg link') or a merge.
    """
    from kg.queries import load_query
    from kg.results import FORMATTERS
    from kg.store import open_store
    from kg.store.base import QueryResult

    with open_store(store_path, must_exist=True) as store:
        _caught_up(store)
        result = store.query(load_query("entity-list").text)
    if type_:
        result = QueryResult(result.variables, [r for r in result.rows if r["type"].value == _class_name(type_)])
    click.echo(FORMATTERS[fmt](result).rstrip("\r\n"))


def _class_name(type_: str) -> str:
    return "OtherEntity" if type_ == "Other" else type_


@main.command()
@click.argument("keep")
@click.argument("other")
@_store_option
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


@main.command()
@click.argument("keep")
@click.argument("other")
@_store_option
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


@main.command()
@click.option("--endpoint", required=True, metavar="URL", help="SPARQL endpoint with rdfs:label/skos:altLabel.")
@click.option("--lang", default="en", show_default=True, help="Language tag of the endpoint's labels.")
@click.option("--timeout", default=30, show_default=True, help="Seconds per request.")
@_local_store_option
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


def _drawing_options(func):
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


@main.command()
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@click.option("--title", default="kg network", show_default=True)
@_drawing_options
@_projection_options
@_store_option
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
        shown = most_central(_build_projection(store, **projection_options), top, isolated=isolated)
        proj = shown.projection
        panel = actor_panel(store, list(proj.nodes), labels={n.id: n.label for n in proj.nodes.values()})
    page = to_html(proj, title=title, panel=panel, ranks=shown.pagerank, summary=shown.summary())
    Path(out).write_text(page, encoding="utf-8")
    click.echo(f"Wrote {out} ({len(proj.nodes)} nodes, {len(proj.edges)} edges; {shown.summary()}).", err=True)


@main.command()
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False), help="The PNG file to write.")
@click.option("--title", default="", help="Title above the picture.")
@_drawing_options
@_projection_options
@_store_option
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
        shown = most_central(_build_projection(store, **projection_options), top, isolated=isolated)
    plot_png(shown.projection, Path(out), title=title, ranks=shown.pagerank, summary=shown.summary())
    click.echo(f"Wrote {out} ({shown.summary()}).", err=True)


@main.command()
@click.option("--port", type=int, default=7878, show_default=True)
@click.option("--bind", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--read-only", is_flag=True, help="Refuse SPARQL updates.")
@_local_store_option
def serve(port, bind, read_only, store_path):
    """Serve the local store as a SPARQL 1.1 endpoint (Oxigraph server) until Ctrl-C.

    Queries at http://HOST:PORT/query, updates at /update, the Graph Store Protocol at /store;
    queries see the union of all article graphs. Any SPARQL client can use it: YASGUI,
    SPARQLWrapper, Gephi's Semantic Web Import, or kg itself with --endpoint. While it runs the
    store is in use: stop it before 'kg ingest --store'.
    """
    import os
    import shutil

    from kg.errors import StoreError

    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        raise KgError("the 'oxigraph' server is not installed; pip install oxigraph")
    location = Path(store_path.describe())
    if not location.is_dir():
        raise StoreError(f"no store at {location}; run 'kg ingest' first or pass --store")
    command = [
        binary,
        "serve-read-only" if read_only else "serve",
        "--location",
        str(location),
        "--bind",
        f"{bind}:{port}",
        "--union-default-graph",
    ]
    click.echo(
        f"SPARQL endpoint: http://{bind}:{port}/query (updates /update, graph store /store). Ctrl-C stops it.", err=True
    )
    sys.stderr.flush()
    # The server takes this process's place, so that signals (Ctrl-C, kill) reach it directly.
    os.execv(binary, command)


@main.command()
@click.option("--endpoint", required=True, metavar="URL", help="The SPARQL query endpoint to copy to.")
@click.option("--update-endpoint", metavar="URL", help="SPARQL Update endpoint (default: beside --endpoint).")
@click.option("--graph-store-endpoint", metavar="URL", help="Graph Store Protocol endpoint (faster bulk loads).")
@_local_store_option
def push(endpoint, update_endpoint, graph_store_endpoint, store_path):
    """Copy the local store to a SPARQL endpoint, graph by graph (idempotent)."""
    from kg.store import StoreSpec, open_store
    from kg.sync import copy_graphs

    with open_store(store_path, must_exist=True) as local, open_store(
        StoreSpec(endpoint=endpoint, update_endpoint=update_endpoint, graph_store_endpoint=graph_store_endpoint)
    ) as remote:
        n = copy_graphs(local, remote)
    click.echo(f"Pushed {n} graph(s) to {endpoint}.", err=True)


@main.command()
@click.option("--endpoint", required=True, metavar="URL", help="The SPARQL query endpoint to copy from.")
@click.option(
    "--graph-prefix",
    "prefixes",
    multiple=True,
    metavar="IRI",
    help="Also take graphs whose names start with IRI (repeatable); by default only kg's own graphs "
    "(https://w3id.org/kg-news/id/...) are taken.",
)
@_local_store_option
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


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--rebuild", is_flag=True, help="Recompute every story from all articles (else only what changed).")
@click.option("--all", "show_all", is_flag=True, help="Also list the stories of a single article.")
@click.option(
    "--explain",
    metavar="STORY",
    help="Print each link of a story (kgd:story/event/... or an IRI; 'all' for every link of the store): "
    "the rule, score and evidence, with both sentences.",
)
@click.option(
    "--window",
    type=click.IntRange(min=0),
    metavar="DAYS",
    help="With --rebuild: the days an answer may come after what it answers (unless it names the "
    "claimant); kept for later ingests. Default: the one in force, else 90.",
)
@_store_option
def stories(fmt, rebuild, show_all, explain, window, store_path):
    """List stories: real-world events reported by several articles.

    Typed events of different articles become one canonical event when type, time, participants
    and place agree (a documented score; see kg/stories.py). Only events an article itself asserts
    make a story; an alleged, reported or feared event that scores as the same event is kept as a
    report of it with its source (the 'reports' column; story-reports --param all=true lists
    them), never as a member. The same claim by one speaker in
    several articles becomes one claim; denials and criticism answer claims across articles.
    'kg ingest' keeps this up to date incrementally (new articles are compared with indexed
    candidates, not with every story); the result lives in its own graph and does not depend on
    the order of ingestion. 'kg merge'/'kg split' with story or event IRIs correct it. See also the
    queries story-reports, story-figures, story-actors and claims-and-denials.

    Every link across articles keeps why it exists (rule, score, evidence): an answer needs the
    response to name the claimant (or its report) or both to tell of one story, specific words in
    common (rare among the store's statements) and, unless it names the claimant, to come within
    --window days after the claim. Only stories two or more articles report are listed unless --all;
    --explain STORY prints a story's links with both sentences.
    """
    from kg.layers.stories import explain_links, format_links, rebuild_stories, story_counts, sync_stories
    from kg.queries import load_query, parse_value
    from kg.results import FORMATTERS
    from kg.store import open_store

    if window is not None and not rebuild:
        raise click.UsageError("--window needs --rebuild (the links already made were made with the window in force)")
    with open_store(store_path, must_exist=True) as store:
        rebuild_stories(store, window=window) if rebuild else sync_stories(store)
        if explain:
            from kg.rdf.iris import expand_ref

            links = explain_links(store, None if explain == "all" else expand_ref(explain))
        else:
            counts = story_counts(store)
            result = store.query(load_query("stories").text, {"all": parse_value("true")} if show_all else None)
    if explain:
        if fmt == "json":
            click.echo(json.dumps(links, ensure_ascii=False))
        else:
            click.echo(format_links(links) if links else f"no links across articles for {explain}")
        return
    if fmt == "table":
        click.echo(", ".join(f"{v} {k}" for k, v in counts.items()))
    click.echo(FORMATTERS[fmt](result).rstrip("\r\n"))


@main.command()
@click.argument("sources", type=click.Path(dir_okay=False, exists=True))
@click.option("--every", default="15m", show_default=True, help="Time between rounds: seconds, or 90s, 15m, 1h, 1d.")
@click.option("--once", is_flag=True, help="Run one round and exit (for cron and systemd timers).")
@click.option("--delay", type=float, default=1.0, show_default=True, help="Seconds between two requests to one host.")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds a request to a source may take.")
@click.option(
    "--state",
    "state_path",
    type=click.Path(dir_okay=False),
    help="The watch's JSON state file (default: STORE/watch-state.json; with --endpoint ./kg-watch-state.json).",
)
@click.option("--store", "store_path", type=click.Path(), help=STORE_HELP)
@click.option(
    "--endpoint",
    metavar="URL",
    envvar="KG_ENDPOINT",
    help="Use a SPARQL 1.1 endpoint instead of the embedded store (or $KG_ENDPOINT).",
)
@click.option("--update-endpoint", metavar="URL", help="SPARQL Update endpoint (default: beside --endpoint).")
@click.option("--graph-store-endpoint", metavar="URL", help="Graph Store Protocol endpoint for writing article graphs.")
def watch(
    sources, every, once, delay, timeout, state_path, store_path, endpoint, update_endpoint, graph_store_endpoint
):
    """Follow the feeds and pages listed in SOURCES: ingest what is new, every --every until stopped.

    SOURCES is a file of http(s) URLs, one a line (# starts a comment); it is read again each
    round. Each round asks every source with a conditional request (ETag, Last-Modified),
    skips feed entries whose article is already stored without fetching them, and ingests the
    new ones as 'kg ingest' does. It prints one line per round: sources checked, new articles,
    failures, and the sources failing for over a day. A source that fails is a warning; the
    others go on. Requests are polite: one at a time per host, --delay apart, robots.txt obeyed.
    Ctrl-C or SIGTERM stops it between articles (exit 0). With --once the exit code is 1 when
    something failed.

    \b
    Examples:
      kg watch sources.txt                      # every 15 minutes until stopped
      kg watch sources.txt --once --store news  # one round, for cron or a systemd timer
    """
    from kg.fetch import Fetcher
    from kg.store import StoreSpec
    from kg.watch import SourcesError, Watcher, parse_duration

    if store_path and endpoint:
        raise click.UsageError("give --store or --endpoint, not both")
    try:
        seconds = parse_duration(every)
    except SourcesError as exc:
        raise click.BadParameter(str(exc).split(" is ", 1)[-1], param_hint="--every") from None
    spec = StoreSpec(store_path, endpoint, update_endpoint, graph_store_endpoint)
    watcher = Watcher(
        sources,
        spec,
        fetcher=Fetcher(delay=delay, timeout=timeout),
        state_path=state_path,
        echo=click.echo,
        warn=lambda message: click.echo(message, err=True),
    )
    code = watcher.run(seconds, once=once)
    if watcher.stopping.is_set():
        click.echo("Stopped; every article read was written.", err=True)
    sys.exit(code)
