"""Benchmark: the cost of linking one new article's events into a store of many stories.

Usage: python benchmarks/stories.py [EVENTS] [--store PATH] [--new N]

Generates article graphs with the shapes kg writes for typed events (type, trigger, normalised
time, participants via sem:hasActor and kg:participation, place, mentions in the article, the
article's publication date) for about EVENTS canonical events (default 100,000), then builds the
stories layer from all of them at once (as ``kg stories --rebuild`` does). Participants and places
are drawn from Zipf-like pools, so a few actors ("hubs") take part in thousands of events, as in
real news; about one event in five is reported again by a later article (same event, other words,
a few days later), so stories link across articles. Every event carries ``kg:asserted`` as kg writes
it; one later report in three is not asserted (told on someone's word), so it attaches to its story
as a report (``kg:reportsOn``) instead of joining it.

Then N new articles (default 20) are written one at a time, each followed by the stories sync,
and the time per article is printed with how many stored events were examined as candidates:
linking must use the indexes (type, participant or place, date bucket), not scan every story.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
TYPES = ["Attack", "Killing", "Arrest", "Protest", "Agreement", "Ruling", "Election", "Release"]
TRIGGERS = {
    "Attack": ["attack", "strike", "raid"],
    "Killing": ["killed", "killing", "shot"],
    "Arrest": ["arrested", "detained"],
    "Protest": ["protest", "rally", "march"],
    "Agreement": ["agreement", "deal", "accord"],
    "Ruling": ["ruling", "ruled", "verdict"],
    "Election": ["election", "vote"],
    "Release": ["released", "freed"],
}


def _zipf_pool(rng: random.Random, prefix: str, size: int):
    names = [f"{prefix}-{i}" for i in range(size)]
    weights = [1.0 / (i + 1) for i in range(size)]
    return lambda k: rng.choices(names, weights, k=k)


def _article(n: int, events: list[dict], published: date) -> tuple[str, str]:
    """One article graph in N-Triples with the given events."""
    kgo, d = "https://w3id.org/kg-news/ontology#", "https://w3id.org/kg-news/id/"
    art = f"{d}article/bench-{n}"
    lines = [
        f"<{art}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{kgo}Article> .",
        f'<{art}> <{kgo}contentHash> "h{n}" .',
        f'<{art}> <https://schema.org/datePublished> "{published.isoformat()}"^^<{XSD_DATE}> .',
    ]
    for i, ev in enumerate(events):
        e = f"{art}/event/e{i}"
        m = f"{art}/mention/{i * 10}-{i * 10 + 6}"
        lines += [
            f"<{e}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{kgo}{ev['type']}> .",
            f'<{e}> <{kgo}trigger> "{ev["trigger"]}" .',
            f'<{e}> <{kgo}asserted> "{str(ev.get("asserted", True)).lower()}"^^<{XSD_BOOLEAN}> .',
            f"<{e}> <{kgo}mention> <{m}> .",
            f"<{m}> <{kgo}inArticle> <{art}> .",
            f'<{e}> <{kgo}time> "{ev["time"]}" .',
            f"<{e}> <http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace> <{d}entity/place/{ev['place']}> .",
        ]
        for j, who in enumerate(ev["who"]):
            p = f"{e}/participant/{j}"
            lines += [
                f"<{e}> <{kgo}participation> <{p}> .",
                f"<{p}> <{kgo}participant> <{d}entity/organization/{who}> .",
                f'<{p}> <{kgo}role> "{"agent" if j == 0 else "patient"}" .',
                f"<{e}> <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> <{d}entity/organization/{who}> .",
            ]
    return art, "\n".join(lines)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from ingest import rss_mb

    from kg.layers.base import changed_since
    from kg.layers.stories import rebuild_stories, story_counts, sync_stories
    from kg.rdf.graphs import STORIES_GRAPH
    from kg.store import open_store

    target = int(argv[0]) if argv and argv[0].isdigit() else 100_000
    n_new = int(argv[argv.index("--new") + 1]) if "--new" in argv else 20
    tmp = tempfile.TemporaryDirectory()
    path = Path(argv[argv.index("--store") + 1]) if "--store" in argv else Path(tmp.name) / "store"
    rng = random.Random(7)
    actors, places = _zipf_pool(rng, "actor", 20_000), _zipf_pool(rng, "place", 2_000)
    start = date(2023, 1, 1)

    def new_event() -> dict:
        type_ = rng.choice(TYPES)
        day = start + timedelta(days=rng.randrange(730))
        return {
            "type": type_,
            "trigger": rng.choice(TRIGGERS[type_]),
            "time": day.isoformat(),
            "who": sorted(set(actors(2))),
            "place": places(1)[0],
            "day": day,
        }

    store = open_store(path)
    written, reported, originals = 0, [], 0
    t0 = time.perf_counter()
    # Originals of one type and day merge when they share a place (the Zipf pool's top places are in
    # many events) or an actor with no conflicting place: about one in six, so write 1.2x the target.
    while originals < target * 1.2:
        events = [new_event() for _ in range(rng.randint(1, 3))]
        originals += len(events)
        if reported and rng.random() < 0.2:  # a later report of an earlier event, other words
            again = dict(rng.choice(reported))
            again["trigger"] = rng.choice(TRIGGERS[again["type"]])
            again["asserted"] = written % 3 != 0  # without drawing from rng: the events stay as before
            events.append(again)
        reported += [e for e in events if rng.random() < 0.05]
        day = max(e["day"] for e in events) + timedelta(days=rng.randrange(3))
        store.replace_graph(*_article(written, events, day))
        written += 1
        if written % 1000 == 0:
            print(f"\r{written:,} articles written ...", end="", file=sys.stderr)
    write = time.perf_counter() - t0
    t0 = time.perf_counter()
    rebuild_stories(store)  # the whole stories layer from all articles at once (kg stories --rebuild)
    build = time.perf_counter() - t0
    counts = story_counts(store)
    print(
        f"\nstore: {written:,} articles ({write:.0f} s to write), {store.count():,} quads, "
        f"{counts['canonical events']:,} canonical events ({counts['linked across articles']:,} linked across "
        f"articles, {counts['reports not asserted']:,} reports not asserted attached); full stories rebuild in "
        f"{build:.0f} s"
    )
    costs, candidates, scans = [], [], []
    for _ in range(n_new):
        events = [new_event() for _ in range(2)] + [dict(rng.choice(reported))]
        day = max(e["day"] for e in events)
        graph, nt = _article(written, events, day)
        written += 1
        store.replace_graph(graph, nt)
        t = time.perf_counter()
        stats = sync_stories(store, [graph])  # as kg ingest does: it knows which graphs it wrote
        costs.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        changed_since(store, STORIES_GRAPH)  # the full staleness check, only after an interrupted run
        scans.append((time.perf_counter() - t) * 1000)
        candidates.append(stats["candidates"])
    linked = (
        store.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{STORIES_GRAPH}> {{ ?c kg:articleCount ?k FILTER(?k > 1) }} }}"
        )
        .rows[0]["n"]
        .value
    )
    print(f"linking one new article (3 events, one a report of a stored event), {n_new} articles:")
    print(f"  median {statistics.median(costs):.0f} ms, max {max(costs):.0f} ms per article")
    print(
        f"  (after an interrupted run, the next one first checks every article for what the stories layer "
        f"has not taken in: one pass over the {written:,} article hashes, median {statistics.median(scans):.0f} ms)"
    )
    print(
        f"  candidates examined per article: median {statistics.median(candidates):.0f} "
        f"of {counts['canonical events']:,} stories"
    )
    print(f"  stories linked across articles after: {linked}")
    print(f"peak memory (RSS): {rss_mb():.0f} MB")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
