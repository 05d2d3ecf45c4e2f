"""The default store: Oxigraph embedded on disk through pyoxigraph. No server needed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.rdf.formats import RDF_FORMATS
from kg.rdf.namespaces import KG_NS, PREFIXES
from kg.store.base import ClosedOnExit, QueryResult, Term
from kg.store.binding import bind_values, check_read_query

_UNION_ALL = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


_NAMED, _LITERAL = ox.NamedNode, ox.Literal
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_new_term = tuple.__new__  # Term's own constructor runs Python code for its defaults: a hub's rows build ~12,000


def to_term(value: ox.NamedNode | ox.BlankNode | ox.Literal) -> Term:
    kind = type(value)
    if kind is _NAMED:
        return _new_term(Term, ("uri", value.value, None, None))
    if kind is _LITERAL:
        lang = value.language
        if lang:
            return _new_term(Term, ("literal", value.value, None, lang))
        datatype = value.datatype.value
        return _new_term(Term, ("literal", value.value, None if datatype == _XSD_STRING else datatype, None))
    return _new_term(Term, ("bnode", value.value, None, None))


class EmbeddedStore(ClosedOnExit):
    """An Oxigraph store in a folder. Each write replaces one article graph in one transaction.

    Only one process may write a store. When another kg process holds it (``kg ingest``, ``kg
    serve``), or the folder is read-only, the store opens read-only: queries, stats and exports work
    on what was written so far, and a write is a clear error instead of a wait or a traceback."""

    def __init__(self, path: str | Path, *, must_exist: bool = False) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"store path {self.path} is a file, not a folder; choose another --store")
        if must_exist and not self.path.exists():
            raise StoreError(f"no store at {self.path}; run 'kg ingest' first or pass --store")
        self.read_only = False
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(self.path))
        except OSError as exc:
            reason = str(exc).splitlines()[0]
            if "lock" in reason.lower():
                reason = "it is in use by another kg process"
            elif "read-only" not in reason.lower() and "permission" not in reason.lower():
                raise StoreError(f"cannot open the store at {self.path}: {reason}") from None
            try:
                self._store = ox.Store.read_only(str(self.path))
            except OSError:
                raise StoreError(f"cannot open the store at {self.path}: {reason}") from None
            self.read_only, self._why_read_only = True, reason

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(
                f"cannot write to the store at {self.path}: {self._why_read_only}; "
                "it is open read-only (queries and exports still work)"
            )

    def article_hash(self, graph: str) -> str | None:
        node = ox.NamedNode(graph)
        for quad in self._store.quads_for_pattern(node, ox.NamedNode(KG_NS + "contentHash"), None, node):
            return quad.object.value
        return None

    def replace_graph(self, graph: str, ntriples: str) -> None:
        self._writable()
        node = ox.NamedNode(graph)
        if self._store.contains_named_graph(node):
            self.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{ntriples}\n}} }}")
            return
        # A new graph is loaded as N-Triples, also in one transaction: parsing N-Triples is about twice
        # as fast as parsing the same triples inside a SPARQL update (measured: 27 vs 47 ms per article).
        try:
            self._store.load(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=node)
        except SyntaxError as exc:
            raise QueryError(f"malformed N-Triples for {graph}: {str(exc).splitlines()[0]}") from None
        except OSError as exc:
            raise StoreError(f"cannot write to the store: {exc}") from None

    def bulk_load(self, nquads: bytes) -> None:
        """Load many graphs at once (N-Quads) through Oxigraph's bulk loader: several times faster than
        one transaction per graph, but not transactional (a concurrent reader sees half-loaded data and
        a killed load leaves part of it), so it is for building a store nothing else uses yet (such as
        the benchmark stores). The derived graphs are not updated: run sync_catalog and sync_stories after."""
        self._writable()
        try:
            self._store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise QueryError(f"malformed N-Quads: {str(exc).splitlines()[0]}") from None
        except OSError as exc:
            raise StoreError(f"cannot write to the store: {exc}") from None

    def update(self, sparql: str) -> None:
        self._writable()
        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL update: {str(exc).splitlines()[0]}") from None
        except OSError as exc:
            raise StoreError(f"cannot write to the store: {exc}") from None

    def query(self, sparql: str, bindings: dict[str, Term] | None = None) -> QueryResult:
        check_read_query(sparql)
        try:
            result = self._store.query(
                bind_values(sparql, bindings or {}), use_default_graph_as_union=True, prefixes=PREFIXES
            )
            if isinstance(result, ox.QueryBoolean):
                return QueryResult(boolean=bool(result))
            if isinstance(result, ox.QueryTriples):
                return QueryResult(triples=result.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8"))
            variables = [v.value for v in result.variables]
            # a solution iterates its values in the order of the variables (faster than looking each
            # up); results are lazy, so evaluation errors surface here. The rows hold no reference
            # cycles, so the cyclic garbage collector is paused while they are built: otherwise it
            # walks every object of the process again and again as the rows pile up (a third of the
            # time for 57,000 rows)
            paused = gc.isenabled()
            gc.disable()
            try:
                rows = [
                    {name: to_term(v) for name, v in zip(variables, solution, strict=True) if v is not None}
                    for solution in result
                ]
            finally:
                if paused:
                    gc.enable()
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {str(exc).splitlines()[0]}") from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"query failed: {str(exc).splitlines()[0]}") from None
        return QueryResult(variables=variables, rows=rows)

    def graphs(self) -> Iterator[str]:
        """Article graphs (not the graphs kg keeps for corrections and links)."""
        for node in self._store.named_graphs():
            if "/id/article/" in node.value:
                yield node.value

    def named_graph_terms(self) -> list[Term]:
        return [Term("uri", g) for g in self.named_graphs()]

    def graph_size(self, graph: str) -> int:
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def named_graphs(self) -> list[str]:
        """Every named graph: articles, and kg's own (corrections, links, analysis)."""
        return sorted(node.value for node in self._store.named_graphs())

    def dump(self, fmt: str, *, graph: str | None = None) -> bytes:
        rdf_format, prefixes = RDF_FORMATS[fmt].oxigraph, RDF_FORMATS[fmt].prefixes
        if graph is not None:
            node = ox.NamedNode(graph)
            if not self._store.contains_named_graph(node):
                raise StoreError(f"no article graph {graph} in the store")
            if rdf_format.supports_datasets:
                triples = self._store.quads_for_pattern(None, None, None, node)
                return ox.serialize(triples, format=rdf_format, prefixes=prefixes)
            return self._store.dump(format=rdf_format, from_graph=node, prefixes=prefixes)
        if rdf_format.supports_datasets:
            return self._store.dump(format=rdf_format, prefixes=prefixes)
        triples = self._store.query(_UNION_ALL, use_default_graph_as_union=True)
        return ox.serialize(triples, format=rdf_format, prefixes=prefixes)

    def count(self) -> int:
        return len(self._store)

    def close(self) -> None:
        if not self.read_only:
            self._store.flush()
        del self._store
