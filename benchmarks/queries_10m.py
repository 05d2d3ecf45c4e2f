"""Benchmark: every named query, its pages, and kg stats on a store of at least 10 million quads.

Usage: python benchmarks/queries_10m.py STORE_DIR [--quads N] [--runs R] [--shared PATH] [--build-only]
       [--only params|listings|pages|stats]

Building (once: skipped when STORE_DIR already holds a store). The real texts under
../shared/corpus/*/texts and ../shared/examples (about 100) are extracted once by kg's pipeline.
Synthetic articles are then made from those extractions, each varied as a new article would be: its
own URL (so its own article id and IRIs), a publication date spread over 2020-2025 with its events'
times and reports' dates moved along, a publisher out of 40, and every entity replaced by one of 200
variants of it ("Hamas" -> "Hamas 17", ids, names and aliases alike) drawn from a Zipf law, so that a
few variants are hubs named in many articles and most are rare, as real actors are. Each varied
extraction is mapped by kg.rdf.mapping.extraction_to_ntriples (the triples kg ingest writes) and
loaded with the store's bulk path (EmbeddedStore.bulk_load, N-Quads, 1,000 articles a batch) until
the article graphs hold N quads (default 10,000,000). Then the entity catalogue, the stories graph and
the listings are built from all articles as kg does after an ingest (sync_catalog, rebuild_stories,
rebuild_listings). A store built before the listings layer existed gets it at the first measurement.

Measuring (every run). For each named query: its time through kg (EmbeddedStore.query: parameters
bound, rows turned into kg's terms, as `kg query` does) next to the same question written plainly
(tests/test_queries.py PLAIN, or the query itself where it has no rewrite) run in raw pyoxigraph
(pyoxigraph.Store.query, every row's values read), median of R runs (default 5) each, in the same
process. Parameterised queries get the busiest value for each (the entity most mentioned, the speaker
with most statements, the most denials, the most events, the author with most reports, the story
with most articles: the worst case) and, in a second row, a typical entity (the median of those named
in 20 or more articles); the date range is one month. Listing queries are measured as a page
(`--limit 50`: the first page, the page at offset 1,000 and the last page) and whole. kg stats is timed
the same way against the SPARQL counts it used before (COUNT over the store, and len()).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

VARIANTS = 200  # variants of each extracted entity
ZIPF_S = 1.0
START, DAYS = date(2020, 1, 1), 6 * 365
PUBLISHERS = [f"Bench Outlet {i}" for i in range(40)]
BATCH = 1000  # articles per bulk load


# ------------------------------------------------------------------------------------------ building


def base_extractions(shared: Path) -> list:
    from kg.extract import extract_many
    from kg.read.text import parse_text

    texts = sorted(shared.glob("corpus/*/texts/*.txt")) + sorted(shared.glob("examples/*.txt"))
    if not texts:
        raise SystemExit(f"no texts under {shared}")
    articles = [parse_text(p.read_text(encoding="utf-8"), source=str(p)) for p in texts]
    return list(extract_many(articles))


def _shift(value: str | None, days: int) -> str | None:
    """A normalised time moved by ``days``: YYYY-MM-DD, YYYY-MM and YYYY; anything else as it is."""
    if not value:
        return value
    try:
        if len(value) == 10:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        if len(value) == 7:
            return (date.fromisoformat(value + "-01") + timedelta(days=days)).isoformat()[:7]
        if len(value) == 4 and value.isdigit():
            return str(int(value) + round(days / 365.25))
    except ValueError:
        pass
    return value


def vary(x, n: int, rng: random.Random, weights: list[float]):
    """Article ``n``: the extraction ``x`` as another article, with its own URL, date, publisher and
    entity variants (see the module's docstring)."""
    from kg.model import Article, Entity, Factuality, Participant

    base_day = date.fromisoformat(x.article.published) if x.article.published else date(2015, 1, 1)
    day = START + timedelta(days=rng.randrange(DAYS))
    shift = (day - base_day).days
    article = Article(
        text=x.article.text,
        title=x.article.title,
        url=f"https://bench.example/10m/{n}",
        publisher=rng.choice(PUBLISHERS),
        published=day.isoformat(),
    )
    variant = {}
    entities = []
    for e in x.entities:
        k = rng.choices(range(VARIANTS), weights)[0]
        variant[e.id] = f"{e.id}-{k}" if k else e.id
        tail = f" {k}" if k else ""
        entities.append(
            Entity(
                id=variant[e.id],
                name=e.name + tail,
                type=e.type,
                aliases=[a + tail for a in e.aliases],
                mentions=e.mentions,
                same_as=e.same_as if not k else [],
            )
        )

    def ent(local):
        return variant.get(local, local)

    def fact(f: Factuality) -> Factuality:
        return replace(f, holder=ent(f.holder)) if f.holder else f

    statements = [replace(s, speaker=ent(s.speaker), about=ent(s.about) if s.about else None) for s in x.statements]
    reports = [replace(r, author=ent(r.author), published=_shift(r.published, shift)) for r in x.reports]
    events = [
        replace(
            ev,
            time=_shift(ev.time, shift),
            place=ent(ev.place) if ev.place else None,
            participants=[Participant(ent(p.entity), p.role) for p in ev.participants],
            factuality=fact(ev.factuality),
        )
        for ev in x.events
    ]
    relations = [replace(r, subject=ent(r.subject), object=ent(r.object)) for r in x.relations]
    parts = {"entities": entities, "statements": statements, "reports": reports, "events": events}
    return replace(x, article=article, relations=relations, **parts)


def synthetic_nquads(bases: list, rng: random.Random) -> Iterator[tuple[str, int]]:
    """(N-Quads of one article, its quad count), endlessly."""
    from kg.rdf.iris import article_iri
    from kg.rdf.mapping import extraction_to_ntriples

    weights = [1.0 / (k + 1) ** ZIPF_S for k in range(VARIANTS)]
    n = 0
    while True:
        x = vary(bases[n % len(bases)], n, rng, weights)
        nt, _ = extraction_to_ntriples(x)
        graph = f" <{article_iri(x.article.id)}> .\n"
        lines = nt.splitlines()
        yield "".join(line[:-2] + graph for line in lines), len(lines)
        n += 1


def build(path: Path, quads: int, shared: Path) -> None:
    from kg.layers.catalog import sync_catalog
    from kg.layers.listings import rebuild_listings
    from kg.layers.stories import rebuild_stories, story_counts
    from kg.store import open_store

    t0 = time.perf_counter()
    bases = base_extractions(shared)
    print(f"extracted {len(bases)} base articles in {time.perf_counter() - t0:.0f} s", flush=True)
    store = open_store(path)
    rng = random.Random(10)
    written = articles = 0
    batch: list[str] = []
    t = time.perf_counter()
    for nq, count in synthetic_nquads(bases, rng):
        batch.append(nq)
        written += count
        articles += 1
        if len(batch) == BATCH or written >= quads:
            store.bulk_load("".join(batch).encode("utf-8"))
            batch = []
            print(f"  {articles:,} articles, {written:,} quads written", flush=True)
        if written >= quads:
            break
    print(f"bulk-loaded {articles:,} articles ({written:,} quads) in {time.perf_counter() - t:.0f} s", flush=True)
    t = time.perf_counter()
    print(f"catalogue: {sync_catalog(store):,} articles taken in, {time.perf_counter() - t:.0f} s", flush=True)
    t = time.perf_counter()
    rebuild_stories(store)
    print(f"stories: {story_counts(store)}, {time.perf_counter() - t:.0f} s", flush=True)
    t = time.perf_counter()
    print(f"listings: {rebuild_listings(store):,} articles taken in, {time.perf_counter() - t:.0f} s", flush=True)
    print(f"store: {store.count():,} quads; built in {time.perf_counter() - t0:.0f} s", flush=True)
    store.close()


# ----------------------------------------------------------------------------------------- measuring


PAGE = 50
OFFSETS = (0, 1000)  # and the last page
RANGE = ("2023-06-01", "2023-06-30")  # one month of the six years the articles span
SLOW_MS = 5000  # a query slower than this is run once


def _median(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
        if times[0] > SLOW_MS:
            break
    return statistics.median(times), out


def _pair(kg_fn, raw_fn, runs: int) -> tuple[float, float, object, object]:
    """Median ms of kg's and raw pyoxigraph's run of the same question, run alternately."""
    kg_times, raw_times, kg_out, raw_out = [], [], None, None
    for _ in range(runs):
        t = time.perf_counter()
        kg_out = kg_fn()
        kg_times.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        raw_out = raw_fn()
        raw_times.append((time.perf_counter() - t) * 1000)
        if kg_times[0] > SLOW_MS and raw_times[0] > SLOW_MS:
            break
    return statistics.median(kg_times), statistics.median(raw_times), kg_out, raw_out


def _raw_runner(raw, text: str, bindings: dict):
    """The query in raw pyoxigraph, every value of every row read. Parameters are written into the
    query as a VALUES block, as kg does (pyoxigraph's substitutions take projected variables only)."""
    import pyoxigraph as ox

    from kg.rdf.namespaces import PREFIXES
    from kg.store.binding import bind_values

    text = bind_values(text, bindings)

    def run() -> int:
        result = raw.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
        if isinstance(result, ox.QueryBoolean):
            return int(bool(result))
        n = 0
        for solution in result:
            for _ in solution:
                pass
            n += 1
        return n

    return run


def _count(result) -> int:
    """Rows of a SELECT; for a CONSTRUCT, how many triples (distinct, as N-Triples)."""
    return len(result.rows) if result.triples is None else result.triples.count("\n")


def _value(store, sparql: str, var: str = "x"):
    rows = store.query(sparql).rows
    return rows[0][var].value if rows else None


def choose_parameters(store) -> dict[str, list[tuple[str, list[str]]]]:
    """For each parameterised query, the busiest value (the worst case: the most rows to find) and,
    for those taking an actor, a typical one (the median entity of those named in 20+ articles)."""
    cat = "GRAPH <https://w3id.org/kg-news/id/graph/entities>"

    def label(entity: str) -> str:
        return _value(store, f"SELECT ?x WHERE {{ {cat} {{ <{entity}> rdfs:label ?x }} }}")

    def busiest(pattern: str) -> str:
        top = _value(store, f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ {pattern} }} GROUP BY ?x ORDER BY DESC(?n) LIMIT 1")
        return label(top)

    most_mentioned = label(
        _value(store, f"SELECT ?x WHERE {{ {cat} {{ ?x kg:mentionCount ?n }} }} ORDER BY DESC(?n) LIMIT 1")
    )
    common = store.query(
        f"SELECT ?x WHERE {{ {cat} {{ ?x kg:articleCount ?a ; kg:mentionCount ?n }} FILTER(?a >= 20) }} ORDER BY ?n"
    ).rows
    typical = label(common[len(common) // 2]["x"].value)
    speaker = busiest("?s kg:speaker ?x")
    denier = busiest('?s kg:speaker ?x ; kg:kind "denial"')
    talked_about = busiest("?s a kg:Statement . { ?s kg:about ?x } UNION { ?s schema:mentions ?x }")
    actor = busiest("?e a kg:Event ; sem:hasActor ?x")
    author = busiest("?r a kg:Report ; kg:author ?x")
    answered = busiest("?r kg:author ?x . { ?s kg:about ?r } UNION { ?f kg:fromReport ?r . ?s kg:respondsTo ?f }")
    story = _value(
        store,
        "SELECT ?x WHERE { GRAPH <https://w3id.org/kg-news/id/graph/stories> { ?x a kg:CanonicalEvent ; "
        "kg:articleCount ?n } } ORDER BY DESC(?n) LIMIT 1",
    )
    return {
        "claims-about-actor": [("busiest", [f"actor={talked_about}"]), ("typical", [f"actor={typical}"])],
        "denials-by-actor": [("busiest", [f"actor={denier}"]), ("typical", [f"actor={typical}"])],
        "entity-mentions": [("busiest", [f"name={most_mentioned}"]), ("typical", [f"name={typical}"])],
        "events-in-range": [("one month", [f"from={RANGE[0]}", f"to={RANGE[1]}"])],
        "reports-by-organization": [("busiest", [f"author={author}"])],
        "responses-to-report": [("busiest", [f"author={answered}"])],
        "statements-by-actor": [("busiest", [f"actor={speaker}"]), ("typical", [f"actor={typical}"])],
        "story-actors": [("biggest", [f"story=<{story}>"])],
        "story-figures": [("biggest", [f"story=<{story}>"])],
        "story-reports": [("biggest", [f"story=<{story}>"])],
        "timeline-of-actor": [("busiest", [f"actor={actor}"]), ("typical", [f"actor={typical}"])],
    }


def _machine() -> str:
    import os
    import platform

    import pyoxigraph

    from kg import __version__

    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{date.today().isoformat()}; {cpu}, {os.cpu_count()} cores, {mem:.0f} GB; Linux {platform.release()}; "
        f"Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, kg {__version__}; "
        f"load average at start {os.getloadavg()[0]:.1f}"
    )


def measure(path: Path, runs: int, only: str | None = None) -> int:
    from kg.queries import list_queries, paged, prepare
    from kg.stats import PLAIN_STATS, store_stats
    from kg.store import open_store
    from tests.test_queries import PLAIN

    plain_dir = HERE.parent / "tests" / "plain_queries"

    def plain_text(q) -> str:
        """The plain formulation: tests/test_queries.py PLAIN, else tests/plain_queries/NAME.rq (the
        query before its rewrite for large stores), else the query itself."""
        if q.name in PLAIN:
            return PLAIN[q.name]
        path = plain_dir / f"{q.name}.rq"
        return path.read_text(encoding="utf-8") if path.is_file() else q.text

    store = open_store(path, must_exist=True)
    from kg.layers.listings import sync_listings

    t = time.perf_counter()
    if sync_listings(store):  # a store built before the listings layer: it takes every article in once
        print(f"# listings layer built in {time.perf_counter() - t:.0f} s", flush=True)
    raw = store._store  # the same pyoxigraph Store, queried directly
    t = time.perf_counter()
    quads = len(raw)
    print(f"# {_machine()}")
    print(f"# store {path}: {quads:,} quads (len() {time.perf_counter() - t:.1f} s)", flush=True)
    params = choose_parameters(store)
    print(f"# parameters: {params}", flush=True)

    def wanted(section: str) -> bool:
        return only in (None, section)

    print("\n## Selecting by a parameter (target 50 ms)\n")
    print("| query | value | rows | kg ms | plain pyoxigraph ms | ratio |")
    print("|---|---|---:|---:|---:|---:|")
    for q in list_queries() if wanted("params") else []:
        for label, pairs in params.get(q.name, []):
            text, bindings = prepare(q, None, pairs)
            plain = plain_text(q)
            kg_ms, raw_ms, result, raw_rows = _pair(
                lambda text=text, bindings=bindings: store.query(text, bindings),
                _raw_runner(raw, plain, bindings),
                runs,
            )
            rows = _count(result)
            same = "" if rows == raw_rows or result.triples is not None else f" (plain: {raw_rows})"
            print(f"| `{q.name}` | {label} | {rows}{same} | {kg_ms:.0f} | {raw_ms:.0f} | {kg_ms / raw_ms:.2f} |")
            print(f"#   {q.name} {pairs}", file=sys.stderr, flush=True)

    print(f"\n## Listings, one page of {PAGE} rows (target 200 ms) and whole\n")
    print("| query | rows | offset | kg page ms | plain pyoxigraph page ms | ratio | kg whole ms | plain whole ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for q in list_queries() if wanted("listings") else []:
        if q.name in params:
            continue
        text, bindings = prepare(q, None, [])
        plain = plain_text(q)
        whole_kg, whole_raw, result, raw_rows = _pair(
            lambda text=text: store.query(text, {}), _raw_runner(raw, plain, {}), runs
        )
        rows = _count(result)
        if result.triples is not None:  # a CONSTRUCT answers with one graph: it is not paged
            print(f"| `{q.name}` | {rows} triples | whole | | | | {whole_kg:.0f} | {whole_raw:.0f} |")
            continue
        for offset in sorted({0, min(OFFSETS[1], max(0, rows - PAGE)), max(0, rows - PAGE)}):
            page = paged(text, PAGE, offset)
            kg_ms, raw_ms, _, _ = _pair(
                lambda page=page: store.query(page, {}), _raw_runner(raw, paged(plain, PAGE, offset), {}), runs
            )
            whole = f"{whole_kg:.0f} | {whole_raw:.0f}" if not offset else " | "
            print(f"| `{q.name}` | {rows} | {offset} | {kg_ms:.0f} | {raw_ms:.0f} | {kg_ms / raw_ms:.2f} | {whole} |")
        print(f"#   {q.name}", file=sys.stderr, flush=True)

    print(f"\n## A page of {PAGE} rows of the parameterised queries (busiest value)\n")
    print("| query | rows | kg page ms | plain pyoxigraph page ms | ratio |")
    print("|---|---:|---:|---:|---:|")
    for q in list_queries() if wanted("pages") else []:
        for label, pairs in params.get(q.name, [])[:1]:
            text, bindings = prepare(q, None, pairs)
            page = paged(text, PAGE, 0)
            kg_ms, raw_ms, result, _ = _pair(
                lambda page=page, bindings=bindings: store.query(page, bindings),
                _raw_runner(raw, paged(plain_text(q), PAGE, 0), bindings),
                runs,
            )
            print(f"| `{q.name}` ({label}) | {_count(result)} | {kg_ms:.0f} | {raw_ms:.0f} | {kg_ms / raw_ms:.2f} |")

    print("\n## kg stats (target 1 s)\n")

    def plain_stats() -> dict:
        from kg.rdf.namespaces import PREFIXES

        out = {"triples": len(raw)}
        for name, sparql in PLAIN_STATS.items():
            result = raw.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
            out[name] = [tuple(solution) for solution in result]
        return out

    if not wanted("stats"):
        store.close()
        return 0
    kg_ms, raw_ms, numbers, _ = _pair(lambda: store_stats(store), plain_stats, runs)
    print("| what | kg ms | plain pyoxigraph ms (COUNT queries and len()) | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| `kg stats` | {kg_ms:.0f} | {raw_ms:.0f} | {kg_ms / raw_ms:.2f} |")
    print(f"\n{numbers}")
    store.close()
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--quads", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument(
        "--only", choices=["params", "listings", "pages", "stats"], help="measure one section (default: all)"
    )
    args = parser.parse_args(argv)
    if not (args.store / "CURRENT").exists():
        build(args.store, args.quads, args.shared)
    if args.build_only:
        return 0
    return measure(args.store, args.runs, args.only)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
