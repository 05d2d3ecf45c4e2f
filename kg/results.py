"""Query results as a terminal table, CSV, or SPARQL 1.1 JSON results that other tools read."""

from __future__ import annotations

import csv
import io
import json

from kg.rdf.namespaces import PREFIXES
from kg.store.base import QueryResult, Term


def short(term: Term | None) -> str:
    """IRIs shortened with the known prefixes, for reading on a terminal."""
    if term is None:
        return ""
    if term.type == "uri":
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns) :]}"
    return term.value


def as_table(result: QueryResult, *, width: int = 60) -> str:
    if result.boolean is not None:
        return "yes" if result.boolean else "no"
    if result.triples is not None:
        return result.triples
    cols = result.variables
    rows = [[short(r.get(c)).replace("\n", " ") for c in cols] for r in result.rows]
    rows = [[v if len(v) <= width else v[: width - 1] + "\u2026" for v in row] for row in rows]
    widths = [max([len(c)] + [len(row[i]) for row in rows]) for i, c in enumerate(cols)]
    line = "  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _triples_as_rows(result: QueryResult) -> QueryResult:
    """A CONSTRUCT's triples as rows of ?subject ?predicate ?object, so that CSV and JSON results carry
    them as they carry a SELECT's rows (a table shows them as N-Triples)."""
    if result.triples is None:
        return result
    import pyoxigraph as ox

    from kg.store.embedded import to_term

    rows = [
        {"subject": to_term(t.subject), "predicate": to_term(t.predicate), "object": to_term(t.object)}
        for t in ox.parse(result.triples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    ]
    return QueryResult(variables=["subject", "predicate", "object"], rows=rows)


def as_csv(result: QueryResult) -> str:
    result = _triples_as_rows(result)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([row[c].value if c in row else "" for c in result.variables])
    return buf.getvalue()


def as_json(result: QueryResult) -> str:
    result = _triples_as_rows(result)
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean})
    return json.dumps(
        {
            "head": {"vars": result.variables},
            "results": {"bindings": [{k: v.to_json() for k, v in row.items()} for row in result.rows]},
        },
        ensure_ascii=False,
    )


FORMATTERS = {"table": as_table, "csv": as_csv, "json": as_json}
