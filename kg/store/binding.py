"""Safe parameter binding for SPARQL text: values become escaped terms in a VALUES block."""

from __future__ import annotations

import re

from kg.errors import QueryError
from kg.rdf.ntriples import literal, writable_iri
from kg.store.base import Term


def term_to_sparql(term: Term) -> str:
    """A term in SPARQL syntax, escaped so that no value can change the query around it."""
    if term.type == "uri":
        if not writable_iri(term.value):
            raise QueryError(f"not a valid IRI: {term.value!r}")
        return f"<{term.value}>"
    if term.type != "literal":
        raise QueryError("blank nodes cannot be bound as parameters")
    if term.datatype and not term.lang:
        term_to_sparql(Term("uri", term.datatype))  # refuses a datatype that is not an IRI
    return literal(term.value, term.datatype, lang=term.lang)


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


_UPDATE = re.compile(r"^\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)
_PROLOGUE = re.compile(r"^\s*(PREFIX\s+[\w-]*:|BASE)\s*(<[^>]*>)?", re.I)  # IRIs may come blanked by mask


def check_read_query(sparql: str) -> None:
    """Refuse what a query over kg's store must not do: update it (change the graph with kg ingest,
    merge or split, which keep the derived graphs right) or reach other endpoints (SERVICE)."""
    masked = mask(sparql)
    rest = masked
    while (m := _PROLOGUE.match(rest)) is not None:
        rest = rest[m.end() :]
    if _UPDATE.match(rest):
        raise QueryError(
            "updates are refused: kg query only reads; change the graph with kg ingest, kg merge or kg split "
            "(they keep the catalogue and stories right)"
        )
    if re.search(r"\bSERVICE\b", masked, re.I):
        raise QueryError("federated queries (SERVICE) are refused: a query reads this store and reaches no other")


def name_key(text: str) -> str:
    """The lookup form of a name: lower case, whitespace collapsed (the form of ``kg:nameKey``)."""
    return " ".join(text.lower().split())


def with_keys(sparql: str, bindings: dict[str, Term]) -> dict[str, Term]:
    """Add ``x_key`` for every literal binding ``x`` whose key variable ``?x_key`` the query uses.

    Case-insensitive name lookups then match ``kg:nameKey`` with an index lookup instead of
    filtering every label of the store through LCASE.
    """
    out = dict(bindings)
    masked = mask(sparql)
    for name, term in bindings.items():
        key = f"{name}_key"
        if term.type == "literal" and key not in out and re.search(rf"[?$]{key}\b", masked):
            out[key] = Term("literal", name_key(term.value))
    return out


def bind_values(sparql: str, bindings: dict[str, Term]) -> str:
    """Bind variables with a ``VALUES`` block opening every WHERE clause of the query.

    Placed first in each group, also in subqueries, the binding is visible to every FILTER and
    BIND there; the values, rendered by :func:`term_to_sparql`, stay terms whatever characters
    they hold. A literal ``x`` also binds ``?x_key`` where the query uses it (:func:`with_keys`).
    """
    if not bindings:
        return sparql
    bindings = with_keys(sparql, bindings)
    matches = list(_WHERE.finditer(mask(sparql)))
    if not matches:
        raise QueryError("parameters need a query with a WHERE { ... } clause")
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(term_to_sparql(v) for v in bindings.values())
    block = f"\n  VALUES ({names}) {{ ({values}) }}\n"
    out, last = [], 0
    for m in matches:
        out += [sparql[last : m.end()], block]
        last = m.end()
    return "".join(out) + sparql[last:]


def mask(sparql: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length), so keywords are found safely."""
    pattern = re.compile(
        r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\''
        r'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|<[^<>\s]*>'
    )
    return pattern.sub(lambda m: " " * len(m.group(0)), sparql)
