"""Read -> extract -> map -> store, one whole article graph at a time.

Each article is written in a single transaction that replaces its named graph, so an
interrupted run leaves only whole articles behind and a re-run completes the rest. An article
whose extracted graph is unchanged (same content hash) is not written again.
"""

from __future__ import annotations

import pickle
import zlib
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import chain

from kg.errors import InputError
from kg.extract import extract_distributed, extract_many, extract_parallel
from kg.layers import layers_missing, sync_layers
from kg.layers.base import begin_writes, end_writes, layers_locked, writes_pending
from kg.layers.corrections import Merge, apply_merges, recorded_merges
from kg.layers.joins import sync_joins
from kg.layers.type_joins import sync_type_joins
from kg.model import Article, Extraction
from kg.rdf.iris import article_iri
from kg.rdf.mapping import extraction_to_ntriples
from kg.read import ReadItem
from kg.store import Store

_WAITING = 4  # prepared articles that may wait for the writer
# Extractions of this run kept (compressed, ~5 KB each) so that articles a join made at the end of the
# run must map again are not parsed again; older ones are extracted again from the stored text.
_KEPT = 20_000


def catch_up(store: Store) -> bool | None:
    """Bring the derived graphs (catalogue, stories, listings) up to date when a run stopped between
    writing articles and taking them in, or a layer has taken nothing in yet (a store written before
    it existed). True if it did, False if nothing was pending, None if work is
    pending but the store is open read-only (another process is writing it)."""
    if not writes_pending(store) and not layers_missing(store):
        return False
    if getattr(store, "read_only", False):
        return None
    with layers_locked(store):
        sync_layers(store)
        end_writes(store)
    return True


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[InputError] = field(default_factory=list)
    joined: int = 0  # names joined automatically to a person of other articles (kg.layers.joins)
    typed: int = 0  # names of two types joined into one (kg.layers.type_joins)

    @property
    def articles(self) -> int:
        return self.added + self.updated + self.unchanged


def _articles(items: Iterable[ReadItem], report: IngestReport, on_item: Callable[[], None]) -> Iterator[Article]:
    seen: set[str] = set()
    for item in items:
        if item.error is not None:
            report.errors.append(item.error)
            on_item()
        elif item.article is not None:
            if item.article.id in seen:
                report.unchanged += 1
                on_item()
                continue
            seen.add(item.article.id)
            yield item.article


@dataclass
class Prepared:
    """An article graph ready to write: where, what, the hash that says whether it changed, and the
    extraction before corrections (compressed pickle), to map again when corrections change."""

    graph: str
    ntriples: str
    hash: str
    extraction: bytes = b""


def prepare(merges: list[Merge], extraction: Extraction, *, all_events: bool = False) -> Prepared:
    """Apply recorded corrections and map to N-Triples (runs in the worker that extracted)."""
    kept = zlib.compress(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL), 1)
    apply_merges(extraction, merges)
    ntriples, content_hash = extraction_to_ntriples(extraction, all_events=all_events)
    return Prepared(str(article_iri(extraction.article.id)), ntriples, content_hash, kept)


def ingest(
    items: Iterable[ReadItem],
    store: Store,
    *,
    on_item: Callable[[], None] = lambda: None,
    workers: int = 1,
    scheduler: str | None = None,
    all_events: bool = False,
) -> IngestReport:
    """Add every readable article of ``items`` to ``store``; unreadable ones are reported, not fatal.
    With ``workers`` > 1 extraction and mapping run in that many processes, with ``scheduler`` on a
    Dask cluster; writing always stays in this process, one whole article at a time. ``all_events``
    keeps every eventuality, not only what users call events (see kg.rdf.mapping)."""
    report = IngestReport()
    articles = _articles(items, report, on_item)
    then = partial(prepare, recorded_merges(store), all_events=all_events)
    if scheduler:
        prepared = map(then, extract_distributed(articles, scheduler=scheduler))
    else:
        prepared = extract_parallel(articles, workers=workers, then=then)
    return _write(prepared, store, report, on_item, all_events=all_events)


def ingest_articles(articles: Iterable[Article], store: Store, *, all_events: bool = False) -> IngestReport:
    """Extract and store articles already read (e.g. rebuilt from the store to apply a correction)."""
    then = partial(prepare, recorded_merges(store), all_events=all_events)
    return _write(map(then, extract_many(articles)), store, IngestReport(), lambda: None, all_events=all_events)


def _map_again(store: Store, graphs: list[str], kept: OrderedDict[str, bytes], all_events: bool) -> IngestReport:
    """Write again the articles a join made or lifted renames entities of: those extracted by this run
    are mapped again from their extraction with the corrections now recorded (extraction does not
    depend on them), the others extracted again from their stored text."""
    then = partial(prepare, recorded_merges(store), all_events=all_events)
    again = (then(pickle.loads(zlib.decompress(kept[g]))) for g in graphs if g in kept)
    rest = stored_articles(store, [g for g in graphs if g not in kept])
    # one article at a time, as a run streams them: at most a few wait for the writer
    return _write(
        chain(again, map(then, extract_many(rest))), store, IngestReport(), lambda: None, all_events=all_events
    )


def stored_articles(store: Store, graphs: list[str]) -> list[Article]:
    """Rebuild articles from the text and metadata their graphs keep, to extract them again."""
    articles = []
    for graph in graphs:
        rows = store.query(
            f"""
            SELECT ?id ?text ?title ?url ?publisher ?published ?source WHERE {{
              GRAPH <{graph}> {{
                ?a a kg:Article ; kg:articleId ?id ; kg:text ?text .
                OPTIONAL {{ ?a schema:headline ?title }} OPTIONAL {{ ?a schema:url ?url }}
                OPTIONAL {{ ?a kg:publisherName ?publisher }} OPTIONAL {{ ?a schema:datePublished ?published }}
                OPTIONAL {{ ?a kg:source ?source }}
              }}
            }}"""
        ).rows
        for r in rows:
            get = lambda k, r=r: r[k].value if k in r else None  # noqa: E731
            articles.append(
                Article(
                    text=get("text"),
                    title=get("title") or "",
                    url=get("url"),
                    publisher=get("publisher"),
                    published=get("published"),
                    source=get("source"),
                    id=get("id"),
                )
            )
    return articles


def _write(
    prepared: Iterable[Prepared],
    store: Store,
    report: IngestReport,
    on_item: Callable[[], None],
    *,
    all_events: bool = False,
) -> IngestReport:
    written: list[str] = []
    kept: OrderedDict[str, bytes] = OrderedDict()
    behind: bool | None = None  # whether a killed run left derived graphs behind; asked before the first write

    def write(item: Prepared) -> None:
        nonlocal behind
        if item.extraction:
            kept[item.graph] = item.extraction
            kept.move_to_end(item.graph)
            if len(kept) > _KEPT:
                kept.popitem(last=False)
        old_hash = store.article_hash(item.graph)
        if old_hash == item.hash:
            report.unchanged += 1
        else:
            if behind is None:
                behind = begin_writes(store)
            store.replace_graph(item.graph, item.ntriples)
            written.append(item.graph)
            if old_hash is None:
                report.added += 1
            else:
                report.updated += 1
        on_item()

    # Articles are written on a thread of their own, one after the other in input order, while this
    # thread parses the next ones: the store releases the GIL while it writes, so writing overlaps
    # parsing instead of adding to it. At most a few prepared articles wait, which bounds memory.
    pending: deque[Future] = deque()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-writer") as writer:
        try:
            for item in prepared:
                pending.append(writer.submit(write, item))
                while len(pending) > _WAITING or (pending and pending[0].done()):
                    pending.popleft().result()  # a write that failed raises here
            while pending:
                pending.popleft().result()
        except BaseException:
            # interrupted or failed: the write under way finishes (each is one transaction), the rest
            # are dropped, so the store holds only whole articles
            writer.shutdown(wait=True, cancel_futures=True)
            raise
    # The derived layers follow every change. A run that wrote articles marked the store first and
    # clears the mark once they have taken them in; a mark left by a killed run, or found when this
    # run wrote nothing, makes them look at every article (each syncs only what changed), so the
    # next run finishes what a killed one left.
    if behind is None:  # nothing written: only a mark left by a killed run leaves work to do
        behind = writes_pending(store)
        if not behind:
            return report
    with layers_locked(store):
        sync_layers(store, None if behind else written)
        end_writes(store)
        joined, redo = sync_joins(store, None if behind else written)
        typed, retyped = sync_type_joins(store, None if behind else written)
    report.joined += joined
    report.typed += typed
    redo = sorted(set(redo) | set(retyped))
    if redo:  # joins made or lifted: the articles that name those entities are written again
        again = _map_again(store, redo, kept, all_events)
        report.joined += again.joined
        report.typed += again.typed
    return report
