"""Any SPARQL 1.1 endpoint as the store: queries and updates through SPARQLWrapper, whole article
graphs through the SPARQL 1.1 Graph Store HTTP Protocol when a graph-store endpoint is given.

The endpoint must answer queries over the union of its named graphs (Oxigraph server:
``--union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph true``; Virtuoso does by default).
Credentials come from ``KG_ENDPOINT_USER`` and ``KG_ENDPOINT_PASSWORD``. Failed requests are retried
with backoff; what still fails is a :class:`StoreError` naming the endpoint.
"""

from __future__ import annotations

import base64
import math
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterator

from kg.errors import QueryError, StoreError
from kg.rdf.namespaces import KG_NS, sparql_prologue
from kg.store.base import ClosedOnExit, QueryResult, Term
from kg.store.binding import bind_values, check_read_query, term_to_sparql

RETRIES = 3
BACKOFF = 0.5  # seconds, doubled after each failed try


def _nt(term: Term) -> str:
    if term.type == "bnode":
        return f"_:{term.value}"
    return term_to_sparql(term)


class RemoteStore(ClosedOnExit):
    """A store on a SPARQL 1.1 server; article graphs are named graphs as in the embedded store."""

    def __init__(
        self,
        endpoint: str,
        *,
        update_endpoint: str | None = None,
        graph_store_endpoint: str | None = None,
        timeout: float = 60.0,
    ) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise StoreError(f"--endpoint {endpoint!r} is not an http(s) URL")
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or _sibling(endpoint, "update")
        self.graph_store_endpoint = graph_store_endpoint
        self.timeout = timeout
        user, password = os.environ.get("KG_ENDPOINT_USER"), os.environ.get("KG_ENDPOINT_PASSWORD")
        self._auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode() if user and password else None

    # ------------------------------------------------------------------ HTTP

    def _request(
        self, url: str, *, data: bytes | None = None, method: str = "GET", headers: dict | None = None
    ) -> bytes:
        headers = dict(headers or {})
        if self._auth:
            headers["Authorization"] = self._auth
        delay = BACKOFF
        for attempt in range(RETRIES):
            request = urllib.request.Request(url, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as exc:
                body = exc.read().decode("utf-8", "replace").strip().splitlines()
                reason = body[0][:200] if body else exc.reason
                if exc.code == 400:
                    raise QueryError(f"{url} rejected the request: {reason}") from None
                if exc.code < 500 or attempt == RETRIES - 1:
                    raise StoreError(f"{url} answered {exc.code}: {reason}") from None
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
                if attempt == RETRIES - 1:
                    reason = getattr(exc, "reason", exc)
                    raise StoreError(f"cannot reach {url}: {reason}") from None
            time.sleep(delay)
            delay *= 2
        raise StoreError(f"cannot reach {url}")  # pragma: no cover - the loop returns or raises

    # ------------------------------------------------------------------ Store interface

    def query(self, sparql: str, bindings: dict[str, Term] | None = None) -> QueryResult:
        check_read_query(sparql)
        data = self._query_with_sparqlwrapper(bind_values(sparql, bindings or {}))
        try:
            if "triples" in data:
                return QueryResult(triples=data["triples"])
            if "boolean" in data:
                return QueryResult(boolean=bool(data["boolean"]))
            variables = list(data["head"].get("vars", []))
            rows = []
            for binding in data["results"]["bindings"]:
                row = {}
                for name, value in binding.items():
                    kind = {"typed-literal": "literal"}.get(value["type"], value["type"])
                    if kind not in {"uri", "literal", "bnode"}:
                        raise ValueError(f"a value of unknown type {kind!r}")
                    row[name] = Term(kind, str(value["value"]), value.get("datatype"), value.get("xml:lang"))
                rows.append(row)
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            detail = f"{exc.__class__.__name__}: {exc}"[:200]
            raise StoreError(f"{self.endpoint} did not answer with SPARQL JSON results ({detail})") from None
        return QueryResult(variables=variables, rows=rows)

    def _client(self, sparql: str):
        from SPARQLWrapper import POST, SPARQLWrapper

        client = SPARQLWrapper(self.endpoint, updateEndpoint=self.update_endpoint, agent="kg")
        client.setMethod(POST)
        client.setTimeout(max(1, math.ceil(self.timeout)))  # whole seconds; 0 would mean no timeout at all
        if self._auth:
            client.addCustomHttpHeader("Authorization", self._auth)
        client.setQuery(sparql_prologue() + sparql)
        return client

    def _send(self, client, url: str, what: str):
        """Run a SPARQLWrapper request with retries and backoff; errors name the endpoint."""
        from SPARQLWrapper.SPARQLExceptions import EndPointNotFound, QueryBadFormed, SPARQLWrapperException

        delay = BACKOFF
        for attempt in range(RETRIES):
            try:
                return client.query()
            except QueryBadFormed as exc:
                raise QueryError(f"{url} rejected the {what}: {str(exc).splitlines()[-1][:200]}") from None
            except EndPointNotFound:
                raise StoreError(f"{url} answered 404: no SPARQL endpoint there") from None
            except (SPARQLWrapperException, urllib.error.URLError, OSError, ValueError) as exc:
                if attempt == RETRIES - 1:
                    reason = getattr(exc, "reason", None) or str(exc).splitlines()[0][:200]
                    raise StoreError(f"cannot {what} {url}: {reason}") from None
            time.sleep(delay)
            delay *= 2
        raise StoreError(f"cannot {what} {url}")  # pragma: no cover - the loop returns or raises

    def _query_with_sparqlwrapper(self, sparql: str) -> dict:
        from SPARQLWrapper import JSON

        client = self._client(sparql)
        is_graph = client.queryType in {"CONSTRUCT", "DESCRIBE"}
        if is_graph:
            client.setReturnFormat("nt")
            client.addCustomHttpHeader("Accept", "application/n-triples")
        else:
            client.setReturnFormat(JSON)
        result = self._send(client, self.endpoint, "query")
        if is_graph:
            return {"triples": result.response.read().decode("utf-8")}
        try:
            with warnings.catch_warnings():
                # SPARQLWrapper warns, then hands back the raw body, when the answer is not SPARQL
                # results; the check below turns that into kg's one-line error instead.
                warnings.filterwarnings("ignore", "unknown response content type", RuntimeWarning)
                data = result.convert()
        except (ValueError, TypeError) as exc:
            raise StoreError(f"{self.endpoint} did not answer with SPARQL results: {exc}") from None
        if not isinstance(data, dict):
            kind = result.response.headers.get("Content-Type", "something else") if result.response else "nothing"
            raise StoreError(f"{self.endpoint} did not answer with SPARQL JSON results (got {kind})")
        return data

    def update(self, sparql: str) -> None:
        self._send(self._client(sparql), self.update_endpoint, "update")

    def article_hash(self, graph: str) -> str | None:
        rows = self.query(f"SELECT ?h WHERE {{ GRAPH <{graph}> {{ <{graph}> <{KG_NS}contentHash> ?h }} }}").rows
        return rows[0]["h"].value if rows else None

    def replace_graph(self, graph: str, ntriples: str) -> None:
        if self.graph_store_endpoint:
            url = f"{self.graph_store_endpoint}?{urllib.parse.urlencode({'graph': graph})}"
            self._request(
                url, data=ntriples.encode("utf-8"), method="PUT", headers={"Content-Type": "application/n-triples"}
            )
            return
        self.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{ntriples}\n}} }}")

    def named_graphs(self) -> list[str]:
        return sorted(t.value for t in self.named_graph_terms() if t.type == "uri")

    def named_graph_terms(self) -> list[Term]:
        """Graph names as the server gives them (an IRI, or a blank node on some servers)."""
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return sorted((r["g"] for r in rows if "g" in r), key=lambda t: (t.type, t.value))

    def graph_size(self, graph: str) -> int:
        rows = self.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {term_to_sparql(Term('uri', graph))} {{ ?s ?p ?o }} }}"
        ).rows
        try:
            return int(rows[0]["n"].value) if rows else 0
        except (KeyError, ValueError):
            raise StoreError(f"{self.endpoint} gave no count for graph {graph}") from None

    def graphs(self) -> Iterator[str]:
        for row in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows:
            if "/id/article/" in row["g"].value:
                yield row["g"].value

    def quads(self, graph: str | None = None) -> list[tuple[Term, Term, Term, Term]]:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }} BIND(<{graph}> AS ?g)" if graph else "GRAPH ?g { ?s ?p ?o }"
        rows = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ {where} }}").rows
        return [(r["s"], r["p"], r["o"], r["g"]) for r in rows]

    def dump(self, fmt: str, *, graph: str | None = None) -> bytes:
        """Read every quad with SELECT (portable across servers) and serialise it locally."""
        import pyoxigraph as ox

        from kg.rdf.formats import RDF_FORMATS

        quads = self.quads(graph)
        if graph and not quads:
            raise StoreError(f"no article graph {graph} at {self.endpoint}")
        text = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} {_nt(g)} ." for s, p, o, g in quads)
        try:
            parsed = list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
        except SyntaxError as exc:
            raise StoreError(f"{self.endpoint} gave terms that are not valid RDF: {str(exc).splitlines()[0]}") from None
        rdf_format, prefixes = RDF_FORMATS[fmt].oxigraph, RDF_FORMATS[fmt].prefixes
        if not rdf_format.supports_datasets:
            unique = {ox.Triple(q.subject, q.predicate, q.object) for q in parsed}
            return ox.serialize(sorted(unique, key=str), format=rdf_format, prefixes=prefixes)
        return ox.serialize(parsed, format=rdf_format, prefixes=prefixes)

    def count(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return int(rows[0]["n"].value) if rows else 0

    def close(self) -> None:
        """Nothing to release: every request is its own connection."""


def _sibling(endpoint: str, name: str) -> str:
    """Oxigraph and Fuseki put updates beside queries: .../query -> .../update, .../sparql -> .../update."""
    for suffix in ("/query", "/sparql"):
        if endpoint.endswith(suffix):
            return endpoint[: -len(suffix)] + "/" + name
    return endpoint
