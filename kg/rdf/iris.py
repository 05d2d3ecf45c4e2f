"""Deterministic IRIs, so re-ingesting is idempotent and graphs from many machines merge by union.

Entities are global (``id/entity/<type>/<normalised-name>``); everything read from one article
(its sentences, mentions, statements, reports, events) lives under ``id/article/<article-id>/``,
and the article IRI also names the article's graph.
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import URIRef

from kg.errors import InputError
from kg.rdf.namespaces import DATA_NS
from kg.rdf.ntriples import is_iri


def article_iri(article_id: str) -> URIRef:
    return URIRef(f"{DATA_NS}article/{quote(article_id, safe='')}")


def entity_iri(entity_key: str) -> URIRef:
    """``entity_key`` is ``type/slug`` as produced by :func:`kg.extract.entities.entity_key`."""
    return URIRef(f"{DATA_NS}entity/{quote(entity_key, safe='/')}")


def local_iri(article_id: str, kind: str, local: str) -> URIRef:
    return URIRef(f"{article_iri(article_id)}/{kind}/{quote(local, safe='-')}")


def mention_iri(article: URIRef, span: tuple[int, int]) -> URIRef:
    """A mention under the IRI of its article (taken as built: mapping makes hundreds per article)."""
    return URIRef(f"{article}/mention/{span[0]}-{span[1]}")


def sentence_iri(article_id: str, index: int) -> URIRef:
    return local_iri(article_id, "sentence", str(index))


def expand_ref(ref: str) -> str:
    """An IRI from ``<iri>``, a plain IRI, or the ``kgd:`` short form tables print; anything else (a
    name, a text with spaces or angle brackets) is refused, so that what is pasted into a query as
    ``<iri>`` is always one IRI."""
    iri = DATA_NS + ref[4:] if ref.startswith("kgd:") else ref.strip().removeprefix("<").removesuffix(">")
    if not is_iri(iri):
        raise InputError(f"{ref!r} is not an IRI: give it as kg prints it (kgd:... or https://...)")
    return iri
