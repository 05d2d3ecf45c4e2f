"""Named SPARQL queries: ``queries/*.rq``, each opening with comments that say what it answers.

Comment lines of the form ``# param: name -- what it is`` declare parameters; values given
with ``--param name=value`` are bound as RDF terms (never pasted into the query text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import QueryError
from kg.resources import queries_dir
from kg.store.base import Term

_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s*(?:--\s*(.*))?$")
_XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass
class NamedQuery:
    name: str
    description: str
    text: str
    params: dict[str, str] = field(default_factory=dict)
    path: Path | None = None


def parse_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    description, params = [], {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        match = _PARAM.match(stripped)
        if match:
            params[match[1]] = (match[2] or "").strip()
        else:
            description.append(stripped.lstrip("#").strip())
    return NamedQuery(path.stem, " ".join(d for d in description if d), text, params, path)


def list_queries() -> list[NamedQuery]:
    return [parse_query_file(p) for p in sorted(queries_dir().glob("*.rq"))]


def load_query(name_or_path: str) -> NamedQuery:
    """A named query from ``queries/``, or any ``.rq`` file by path."""
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.is_file():
        return parse_query_file(path)
    candidate = queries_dir() / f"{name_or_path}.rq"
    if candidate.is_file():
        return parse_query_file(candidate)
    names = ", ".join(q.name for q in list_queries())
    raise QueryError(f"no query named {name_or_path!r}; known queries: {names}")


def parse_value(value: str) -> Term:
    """``<iri>`` or ``http(s)://...`` -> IRI; integers, decimals and ISO dates typed; else a string."""
    if value.startswith("<") and value.endswith(">"):
        return Term("uri", value[1:-1])
    if re.match(r"^https?://\S+$", value):
        return Term("uri", value)
    if re.match(r"^-?\d+$", value):
        return Term("literal", value, datatype=_XSD + "integer")
    if re.match(r"^-?\d+\.\d+$", value):
        return Term("literal", value, datatype=_XSD + "decimal")
    if re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return Term("literal", value, datatype=_XSD + "date")
    return Term("literal", value)


def parse_params(pairs: list[str], query: NamedQuery | None = None) -> dict[str, Term]:
    bindings = {}
    for pair in pairs:
        if "=" not in pair:
            raise QueryError(f"--param {pair!r} must look like name=value")
        key, value = pair.split("=", 1)
        key = key.strip()
        if not re.match(r"^\w+$", key):
            raise QueryError(f"--param name {key!r} must be a plain variable name")
        if query is not None and query.params and key not in query.params:
            raise QueryError(f"query {query.name!r} takes no parameter {key!r}; it takes: {', '.join(query.params)}")
        bindings[key] = parse_value(value)
    return bindings
