"""What every store offers, and the plain values its queries return.

Query results use :class:`Term`, not rdflib or pyoxigraph classes, so that formatting,
analysis and export work the same on the embedded store and on a remote endpoint.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import NamedTuple, Protocol


class Term(NamedTuple):
    """An RDF term as SPARQL 1.1 JSON results describe it.

    A named tuple: listing queries build tens of thousands of terms, and a tuple is built several
    times faster than a frozen dataclass."""

    type: str  # "uri", "literal" or "bnode"
    value: str
    datatype: str | None = None
    lang: str | None = None

    def __str__(self) -> str:
        return self.value

    def to_json(self) -> dict:
        out = {"type": self.type, "value": self.value}
        if self.datatype:
            out["datatype"] = self.datatype
        if self.lang:
            out["xml:lang"] = self.lang
        return out


@dataclass
class QueryResult:
    """SELECT rows, an ASK answer, or CONSTRUCT triples serialised as N-Triples."""

    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Term]] = field(default_factory=list)
    boolean: bool | None = None
    triples: str | None = None


class Store(Protocol):
    """A quad store holding one named graph per article (the article IRI names it). Used as a
    context manager, it is closed however the block ends: ``with open_store(path) as store: ...``."""

    def __enter__(self) -> Store: ...

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        ...

    def article_hash(self, graph: str) -> str | None:
        """The content hash stored for an article graph, or None if it is not stored."""

    def replace_graph(self, graph: str, ntriples: str) -> None:
        """Atomically replace the named graph ``graph`` with the given N-Triples."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update in one transaction."""

    def query(self, sparql: str, bindings: dict[str, Term] | None = None) -> QueryResult:
        """Run SPARQL over the union of all graphs; ``bindings`` are substituted as terms."""

    def graphs(self) -> Iterator[str]:
        """Names of the article graphs."""

    def named_graphs(self) -> list[str]:
        """Names of all named graphs, kg's own included."""

    def named_graph_terms(self) -> list[Term]:
        """Graph names as terms: an IRI, or (from some servers) a blank node."""

    def graph_size(self, graph: str) -> int:
        """Number of quads in one named graph."""

    def dump(self, fmt: str, *, graph: str | None = None) -> bytes:
        """The store (or one graph) in ``nt``, ``nq``, ``ttl``, ``trig`` or ``jsonld``."""

    def count(self) -> int:
        """Number of quads."""

    def close(self) -> None: ...


class ClosedOnExit:
    """What makes a store a context manager: ``__exit__`` closes it (flushing what was written)."""

    def __enter__(self):
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()  # type: ignore[attr-defined]
