"""Benchmark: ingest throughput end to end into the embedded store, next to spaCy's own parse rate.

Usage: python benchmarks/ingest.py [N] [--workers W] [--shared PATH]

Builds N articles (default 2,000) from the real texts under ../shared/corpus/*/texts and
../shared/examples, repeated with distinct ids, then measures in one run:
  1. spaCy alone: nlp.pipe over the same texts with the same model as spaCy ships it (the floor
     extraction cannot beat), and kg's pipeline of that model (line breaks, a faster attribute ruler);
  2. kg ingest: read -> extract -> map -> store, with 1 process and with W processes;
  3. spaCy alone with W processes (nlp.pipe(n_process=W)), beside kg ingest with W.
Prints articles/s, words/s, the ratios to spaCy alone, peak memory (RSS), and CPU time per article
(this process, all its threads) of kg's spaCy pipeline and of kg ingest in one process: their
difference is kg's own CPU per article (extraction, mapping, writing), which, unlike elapsed time,
another process on the machine barely changes.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def articles(n: int, shared: Path):
    from kg.model import Article
    from kg.read.text import parse_text

    texts = sorted(shared.glob("corpus/*/texts/*.txt")) + sorted(shared.glob("examples/*.txt"))
    if not texts:
        raise SystemExit(f"no texts under {shared}")
    base = [parse_text(p.read_text(encoding="utf-8"), source=str(p)) for p in texts]
    out = []
    for i in range(n):
        a = base[i % len(base)]
        out.append(Article(text=a.text, title=a.title, published=a.published, url=f"https://bench.example/{i}"))
    return out


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    from kg.ingest import ingest
    from kg.nlp import load_model, load_nlp
    from kg.read import ReadItem
    from kg.store import open_store

    n = int(argv[0]) if argv and argv[0].isdigit() else 2000
    workers = int(argv[argv.index("--workers") + 1]) if "--workers" in argv else 2
    shared = Path(argv[argv.index("--shared") + 1]) if "--shared" in argv else HERE.parent.parent / "shared"
    docs = articles(n, shared)
    words = sum(len(a.text.split()) for a in docs)
    nlp = load_model()
    nlp("warm up")
    print(f"{n:,} articles, {words:,} words; model {nlp.meta['name']} {nlp.meta['version']}")

    t = time.perf_counter()
    for _ in nlp.pipe((a.text for a in docs), batch_size=16):
        pass
    spacy_s = time.perf_counter() - t
    spacy_rate = n / spacy_s
    print(f"spaCy alone:           {spacy_rate:7.1f} articles/s {words / spacy_s:9.0f} words/s")
    t, cpu = time.perf_counter(), time.process_time()
    for _ in load_nlp().pipe((a.text for a in docs), batch_size=16):
        pass
    ours, model_cpu = time.perf_counter() - t, (time.process_time() - cpu) / n
    print(
        f"kg's spaCy pipeline:   {n / ours:7.1f} articles/s {words / ours:9.0f} words/s"
        f"  = {spacy_s / ours:5.0%} of spaCy alone; CPU {model_cpu * 1000:.0f} ms per article"
    )

    for w in (1, workers):
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "store")
            t, cpu = time.perf_counter(), time.process_time()
            report = ingest((ReadItem(source="bench", article=a) for a in docs), store, workers=w)
            seconds, ingest_cpu = time.perf_counter() - t, (time.process_time() - cpu) / n
            quads = store.count()
            store.close()
        assert report.added == n, report
        label = f"kg ingest, {w} process{'es' if w > 1 else '  '}:"
        print(
            f"{label} {n / seconds:7.1f} articles/s {words / seconds:9.0f} words/s"
            f"  = {n / seconds / spacy_rate:5.0%} of spaCy alone  ({quads:,} quads)"
        )
        if w == 1:
            print(
                f"  CPU {ingest_cpu * 1000:.0f} ms per article; kg's own (ingest less the model): "
                f"{(ingest_cpu - model_cpu) * 1000:.0f} ms"
            )
    if workers > 1:
        t = time.perf_counter()
        for _ in nlp.pipe((a.text for a in docs), batch_size=16, n_process=workers):
            pass
        seconds = time.perf_counter() - t
        print(f"spaCy alone, {workers} processes: {n / seconds:7.1f} articles/s {words / seconds:9.0f} words/s")
    components(docs)
    print(f"peak memory (RSS, this process): {rss_mb():.0f} MB")
    return 0


def components(docs) -> None:
    """kg's own CPU per article, stage by stage, on articles parsed beforehand: extraction (after the
    model), mapping to N-Triples, the transactional write of each article graph, and the derived
    layers (catalogue, stories, listings) taking them all in; the listings layer is timed once more
    on its own."""
    from kg.extract import extract_doc
    from kg.layers import sync_layers
    from kg.layers.listings import rebuild_listings
    from kg.nlp import load_nlp
    from kg.rdf.iris import article_iri
    from kg.rdf.mapping import extraction_to_ntriples
    from kg.store import open_store

    n = len(docs)
    parsed = list(load_nlp().pipe(((a.text, a) for a in docs), as_tuples=True, batch_size=16))
    cpu = {}
    c = time.process_time()
    extractions = [extract_doc(a, d) for d, a in parsed]
    cpu["extraction"] = time.process_time() - c
    c = time.process_time()
    mapped = [(str(article_iri(x.article.id)), extraction_to_ntriples(x)[0]) for x in extractions]
    cpu["mapping"] = time.process_time() - c
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "store") as store:
        c = time.process_time()
        for graph, ntriples in mapped:
            store.replace_graph(graph, ntriples)
        cpu["writing"] = time.process_time() - c
        c = time.process_time()
        sync_layers(store, [graph for graph, _ in mapped])
        cpu["derived layers"] = time.process_time() - c
        c = time.process_time()
        rebuild_listings(store)  # the listings layer alone, once more, as it takes every article in
        listings = time.process_time() - c
    parts = ", ".join(f"{name} {seconds / n * 1000:.1f}" for name, seconds in cpu.items())
    print(
        f"kg's own CPU per article by stage (ms): {parts} (of which listings {listings / n * 1000:.1f}); "
        f"total {sum(cpu.values()) / n * 1000:.1f}"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
