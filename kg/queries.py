"""Named SPARQL queries: ``queries/*.rq``, each opening with comments that say what it answers.

Comment lines of the form ``# param: name -- what it is`` declare parameters; values given
with ``--param name=value`` are bound as RDF terms (never pasted into the query text). A
parameter whose description starts with "optional", or that the query tests with BOUND, may be
left out; any other is required.
A class parameter (``type``) takes a short name ("Person", "kg:Person") or the class IRI; a name
parameter looked up by its key (``?actor_key``) also takes an entity's IRI, which selects exactly
that entity.
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
        if query is not None and key not in query.params and (query.params or _is_named(query)):
            takes = f"it takes: {', '.join(query.params)}" if query.params else "it takes no parameters"
            raise QueryError(f"query {query.name!r} takes no parameter {key!r}; {takes}")
        if query is not None and "YYYY-MM-DD" in query.params.get(key, "") and not _is_day(value):
            raise QueryError(f"--param {key}={value!r} is not a date; use YYYY-MM-DD ({query.params[key]})")
        bindings[key] = parse_value(value)
    if query is not None:
        missing = [name for name in query.params if name not in bindings and not _optional(query, name)]
        if missing:
            wants = "; ".join(f"--param {name}=... ({query.params[name]})" for name in missing)
            raise QueryError(f"query {query.name!r} needs {wants}")
    return bindings


def _is_day(value: str) -> bool:
    """A calendar day written YYYY-MM-DD, as the parameters declared with that form take."""
    from datetime import date

    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and date.fromisoformat(value) is not None
    except ValueError:
        return False


def _is_named(query: NamedQuery) -> bool:
    """One of kg's named queries (not a user's own .rq file, which may take undeclared values)."""
    return query.path is not None and query.path.parent == queries_dir()


def _optional(query: NamedQuery, name: str) -> bool:
    """A parameter may be left out when its description says "optional" or the query tests
    whether it is bound."""
    return query.params[name].lower().startswith("optional") or bool(
        re.search(rf"BOUND\s*\(\s*\?{name}\s*\)", query.text, re.I)
    )


ENTITY_CLASS_NAMES = ("Organization", "Person", "Place", "Group", "OtherEntity")


def class_term(value: Term) -> Term:
    """'Person', 'kg:Person' or the class IRI -> the class IRI; anything else is an error that
    lists the classes a type can be."""
    from kg.rdf.namespaces import KG_NS

    text = value.value
    short = text.removeprefix("kg:").removeprefix(KG_NS)
    if short.lower() == "other":
        short = "OtherEntity"
    match = next((c for c in ENTITY_CLASS_NAMES if c.lower() == short.lower()), None)
    if match is None:
        names = ", ".join(ENTITY_CLASS_NAMES)
        raise QueryError(f"no entity class {text!r}; a type is one of {names} (or kg:Person, or the class IRI)")
    return Term("uri", KG_NS + match)


# A comment line "# kg:page" in a query marks where its pages are cut: the subquery that finds and
# orders the rows, before the details of each row are looked up, so a page costs the ordering of the
# rows' keys and the details of that page only (see queries/statements.rq).
_PAGE_MARKER = re.compile(r"^[ \t]*#[ \t]*kg:page[ \t]*$", re.M)


def paged(sparql: str, limit: int | None, offset: int | None) -> str:
    """The query restricted to one page of its rows (``kg query --limit N --offset M``).

    LIMIT and OFFSET are appended after the query's ORDER BY (before a trailing VALUES block); a
    query with a LIMIT or OFFSET of its own gets them combined (the page of its rows). A query with a
    ``# kg:page`` line gets them there instead: the named listings mark the subquery that finds and
    orders their rows, so that a page looks up the details of its own rows only. Pages concatenate to
    the whole listing when its ORDER BY orders every row (the named listings do, or order the rows
    they leave tied the same way on every run: tested); without one, Oxigraph may find the rows of a
    page in another order than those of the whole listing. Only the query's keywords are looked at
    (comments, strings and IRIs are masked), so no value changes where the page goes."""
    from kg.store.binding import mask

    if limit is None and offset is None:
        return sparql
    if (limit is not None and limit < 0) or (offset is not None and offset < 0):
        raise QueryError("--limit and --offset must be 0 or more")
    offset = offset or 0
    marker = _PAGE_MARKER.search(sparql)
    if marker is not None:
        modifiers = (f"LIMIT {limit}" if limit is not None else "") + (f" OFFSET {offset}" if offset else "")
        return f"{sparql[: marker.start()]}{modifiers}{sparql[marker.end() :]}"
    masked = mask(sparql)
    groups = _top_level_groups(masked)
    form = re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", masked, re.I)
    if form is None or form[1].upper() != "SELECT" or not groups:
        raise QueryError("--limit and --offset page the rows of a SELECT query (a CONSTRUCT answers with one graph)")
    end, cut = groups[-1][1], len(sparql)
    if len(groups) > 1:
        gap = re.fullmatch(r"(\s*)VALUES\s*(\([^()]*\)|[?$]\w+)\s*", masked[groups[-2][1] : groups[-1][0]], re.I)
        if gap:  # a trailing VALUES block: the modifiers go before it
            end = groups[-2][1]
            cut = end + len(gap[1])
    tail = masked[end:cut]
    own = {m[1].upper(): (m.start(), m.end(), int(m[2])) for m in re.finditer(r"\b(LIMIT|OFFSET)\s+(\d+)", tail, re.I)}
    if "LIMIT" in own:
        limit = max(0, own["LIMIT"][2] - offset) if limit is None else max(0, min(limit, own["LIMIT"][2] - offset))
    if "OFFSET" in own:
        offset += own["OFFSET"][2]
    kept = sparql[end:cut]
    for start, stop, _ in own.values():  # the query's own LIMIT and OFFSET give way to the combined ones
        kept = kept[:start] + " " * (stop - start) + kept[stop:]
    modifiers = (f"LIMIT {limit}" if limit is not None else "") + (f" OFFSET {offset}" if offset else "")
    return f"{sparql[:end]}{kept.rstrip()}\n{modifiers}\n{sparql[cut:]}"


def _top_level_groups(masked: str) -> list[tuple[int, int]]:
    """(start, end) of every outermost ``{ ... }`` of a masked query."""
    groups, depth, start = [], 0, 0
    for i, ch in enumerate(masked):
        if ch == "{":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
    return groups


def prepare(query: NamedQuery | None, sparql: str | None, pairs: list[str]) -> tuple[str, dict[str, Term]]:
    """The query text and its bindings for ``--param`` values: classes given by short name become
    IRIs, and an entity IRI given for a name parameter selects that entity (its lookup by name key
    becomes a VALUES of the one IRI; the IRI is checked as a term, so nothing else can get in)."""
    from kg.store.binding import term_to_sparql

    text = query.text if query is not None else sparql or ""
    bindings = parse_params(pairs, query)
    for name, term in list(bindings.items()):
        if name == "type":
            bindings[name] = class_term(term)
        elif term.type == "uri":
            lookup = re.compile(rf"(\?\w+)\s+kg:nameKey\s+\?{name}_key\b")
            if lookup.search(text):
                text = lookup.sub(lambda m, t=term: f"VALUES {m[1]} {{ {term_to_sparql(t)} }}", text)
                del bindings[name]
    return text, bindings
