"""Commands that read and extract articles: ingest, extract, watch, and eval (extraction scored)."""

from __future__ import annotations

import json
import sys

import click

from kg.cli.options import STORE_HELP, input_options, metadata, report_errors, store_option


@click.command()
@input_options
@store_option
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

    meta = metadata(paths, published, url, publisher)
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
    report_errors(report.errors)
    if not quiet:
        where = store_path.describe()
        click.echo(
            f"Ingested {report.articles} article(s) into {where}: {report.added} new, "
            f"{report.updated} updated, {report.unchanged} unchanged; {len(report.errors)} failed.",
            err=True,
        )
        if report.joined:
            click.echo(
                f"Joined {report.joined} surname(s) to a full name across articles ('kg entities' shows why).",
                err=True,
            )
        if report.typed:
            click.echo(
                f"Joined {report.typed} name(s) NER typed differently into the type an article gives "
                "decisive evidence for ('kg entities' shows why).",
                err=True,
            )
    if report.errors:
        sys.exit(1)


@click.command()
@input_options
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

    meta = metadata(paths, published, url, publisher)
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
    report_errors(errors)
    if errors:
        sys.exit(1)


@click.command(name="eval")
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


@click.command()
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


COMMANDS = (ingest, extract, eval_, watch)
