"""Commands that ask the store: query, entities, stories, stats."""

from __future__ import annotations

import json

import click

from kg.cli.options import caught_up, store_option


@click.command()
@click.argument("query", required=False, metavar="[NAME|FILE.rq]")
@click.option("--sparql", help="SPARQL text to run instead of a named query.")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="Bind ?KEY to VALUE (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the named queries and what they answer.")
@click.option("--limit", type=click.IntRange(min=0), help="At most N rows: one page of the listing.")
@click.option("--offset", type=click.IntRange(min=0), help="Skip the first M rows (with --limit: the page from row M).")
@store_option
def query(query, sparql, params, fmt, list_, limit, offset, store_path):
    """Run SPARQL over the store: a named query, a .rq file or --sparql TEXT.

    Values given with --param are bound as RDF terms, never pasted into the query:
    http(s) IRIs and <...> become IRIs, numbers and YYYY-MM-DD dates typed literals,
    anything else a string. Queries that list events (events, timeline-of-actor, events-in-range,
    quantity-totals, co-participants, story-*) show only events the article itself asserts,
    with a factuality column; --param all=true adds the alleged, reported, feared, planned,
    negated and possible ones, with who reports them.

    entities, entity-list, co-participants, quantity-totals and events-in-range read the order and
    totals that every ingest keeps in the listings graph ('kg stories --rebuild' recomputes them).

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
        caught_up(store)
        result = store.query(text, bindings)
    click.echo(FORMATTERS[fmt](result).rstrip("\r\n"))


@click.command()
@click.option(
    "--type",
    "type_",
    type=click.Choice(["Organization", "Person", "Place", "Group", "Other"]),
    help="Only entities of this type.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--why", is_flag=True, help="Only entities with names merged into them, each name with why, in full.")
@store_option
def entities(type_, fmt, why, store_path):
    """List entities with their aliases, types, and the number of articles and mentions.

    The key (type/normalised-name) is the entity's canonical id across articles; use it with
    'kg merge' and 'kg split'. sameAs shows a knowledge-base link ('kg link') or a merge. merged
    lists the names merged into the entity and why: "merged by user" ('kg merge'), or "joined" by
    kg itself, with the evidence (a surname alone joined to the one full name of the store ending
    in it, when the articles agree, see kg/layers/joins.py; a name NER typed differently joined to
    the one type an article gives decisive evidence for, see kg/layers/type_joins.py). 'kg split
    KEY OTHER' undoes either.
    --why lists only those entities, one merged name a line with its reason in full.
    """
    from kg.queries import load_query
    from kg.results import FORMATTERS
    from kg.store import open_store
    from kg.store.base import QueryResult

    with open_store(store_path, must_exist=True) as store:
        caught_up(store)
        result = store.query(load_query("entity-list").text)
    if type_:
        result = QueryResult(result.variables, [r for r in result.rows if r["type"].value == _class_name(type_)])
    if why:
        result = QueryResult(result.variables, [r for r in result.rows if "merged" in r])
        if fmt == "table":
            for r in result.rows:
                for reason in r["merged"].value.split(" | "):
                    click.echo(f"{r['name'].value} ({r['key'].value}) <- {reason}")
            return
    click.echo(FORMATTERS[fmt](result).rstrip("\r\n"))


def _class_name(type_: str) -> str:
    return "OtherEntity" if type_ == "Other" else type_


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option(
    "--rebuild",
    is_flag=True,
    help="Recompute every story from all articles, then the listings that read them (else only what "
    "changed): the order of entities, entity-list and co-participants, the quantity-totals and the months "
    "of events-in-range. Ingests and this command take turns at these graphs; run it if pages ever skip "
    "or repeat rows.",
)
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
@store_option
def stories(fmt, rebuild, show_all, explain, window, store_path):
    """List stories: real-world events reported by several articles.

    Typed events of different articles become one canonical event when type, time, participants
    and place agree (a documented score; see kg/match.py). Only events an article itself asserts
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
    from kg.layers.base import layers_locked
    from kg.layers.listings import rebuild_listings, sync_story_figures
    from kg.layers.stories import explain_links, format_links, rebuild_stories, story_counts, sync_stories
    from kg.queries import load_query, parse_value
    from kg.results import FORMATTERS
    from kg.store import open_store

    if window is not None and not rebuild:
        raise click.UsageError("--window needs --rebuild (the links already made were made with the window in force)")
    with open_store(store_path, must_exist=True) as store:
        with layers_locked(store):  # an ingest writing the store meanwhile waits
            if rebuild:
                rebuild_stories(store, window=window)
                rebuild_listings(store)  # after the stories: quantity-totals adds figures up by story
            else:
                sync_stories(store)
                sync_story_figures(store)  # quantity-totals adds figures up by story
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


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@store_option
def stats(fmt, store_path):
    """Count articles, triples, entities by type, events, statements and reports."""
    from kg.stats import store_stats
    from kg.store import open_store

    with open_store(store_path, must_exist=True) as store:
        caught_up(store)
        numbers = store_stats(store)
    if fmt == "json":
        click.echo(json.dumps(numbers))
    else:
        for key, value in numbers.items():
            click.echo(f"{key:16} {value:>10,}")


COMMANDS = (query, entities, stories, stats)
