"""Extraction: one article in, one :class:`~kg.model.Extraction` out.

Each stage is a module of its own (entities, statements, events, ...) working on the same
spaCy ``Doc``; this module only runs them in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import TypeVar

from kg.extract.coref import attach_references
from kg.extract.entities import extract_entities
from kg.extract.events import extract_events
from kg.extract.relations import extract_relations
from kg.extract.statements import extract_statements
from kg.extract.type_evidence import complete
from kg.model import Article, Extraction, Sentence
from kg.nlp import load_nlp


def extract_doc(article: Article, doc) -> Extraction:
    """Run every extraction stage on an already parsed article."""
    entities = extract_entities(doc)
    statements, reports = extract_statements(doc, entities, article.published)
    attach_references(doc, entities, [(s.speaker, s.speaker_span) for s in statements if s.speaker and s.speaker_span])
    extraction = Extraction(
        article=article,
        sentences=[Sentence(s.start_char, s.end_char) for s in doc.sents],
        entities=entities,
        statements=statements,
        reports=reports,
        events=extract_events(doc, entities, statements, article.published),
        relations=extract_relations(doc, entities, [(s.cue_span[0], s.speaker) for s in statements if s.speaker]),
    )
    complete(extraction.entities)  # the places a relation named
    return extraction


def extract(article: Article) -> Extraction:
    return extract_doc(article, load_nlp()(article.text))


def extract_docs(articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[tuple[object, Extraction]]:
    """Like :func:`extract_many`, also yielding the spaCy ``Doc`` (for evaluation that needs lemmas)."""
    nlp = load_nlp()
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield doc, extract_doc(article, doc)


def extract_many(articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Extraction]:
    """Like :func:`extract` over many articles, parsing them in batches (faster than one by one)."""
    for _, extraction in extract_docs(articles, batch_size=batch_size):
        yield extraction


T = TypeVar("T")


def _same(extraction: Extraction) -> Extraction:
    return extraction


def _extract_in_worker(article: Article) -> Extraction:
    return extract(article)


def _extract_chunk(then: Callable[[Extraction], T], chunk: list[Article]) -> list[T]:
    return [then(x) for x in extract_many(chunk, batch_size=len(chunk))]


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_parallel(
    articles: Iterable[Article], *, workers: int, then: Callable[[Extraction], T] = _same, chunk: int = 8
) -> Iterator[T]:
    """Like :func:`extract_many` with ``workers`` processes; each loads the language model once and
    parses ``chunk`` articles per batch. ``then`` (a picklable function) runs in the worker on each
    extraction, so that later per-article work is spread over the processes too. Results come back
    in input order."""
    import multiprocessing

    if workers <= 1:
        yield from map(then, extract_many(articles))
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(workers, initializer=load_nlp) as pool:
        for results in pool.imap(partial(_extract_chunk, then), _chunks(articles, chunk)):
            yield from results


def extract_distributed(articles: Iterable[Article], *, scheduler: str) -> Iterator[Extraction]:
    """Extraction spread over an existing Dask distributed cluster (``pip install 'kg[distributed]'``).

    Each worker process loads the language model once (it is cached per process); results come
    back as whole extractions, in the order they finish, for this process to write.
    """
    from kg.errors import KgError

    try:
        from distributed import Client, as_completed
    except ImportError:
        raise KgError("--scheduler needs Dask distributed: pip install 'kg[distributed]'") from None
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        futures = client.map(_extract_in_worker, list(articles), pure=False)
        for future in as_completed(futures):
            yield future.result()
    finally:
        client.close()
