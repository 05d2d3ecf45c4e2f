"""The one writer of RDF terms and lines in N-Triples form, for the mapping and the derived layers.

N-Triples terms are also SPARQL terms, so the same strings go into ``INSERT DATA`` and ``VALUES``.
Literals are escaped as rdflib writes them (backslash, newline, quote, carriage return; anything
else as it is), so article graphs and their content hashes stay byte for byte what they were.
IRIs are written as given: kg builds them from percent-encoded parts (:mod:`kg.rdf.iris`).

    >>> triple("https://e/x", "http://www.w3.org/2000/01/rdf-schema#label", literal('say "hi"'))
    '<https://e/x> <http://www.w3.org/2000/01/rdf-schema#label> "say \\\\"hi\\\\"" .'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import XSD, Literal

XSD_INTEGER = str(XSD.integer)
XSD_DECIMAL = str(XSD.decimal)
XSD_DOUBLE = str(XSD.double)
XSD_BOOLEAN = str(XSD.boolean)
XSD_DATETIME = str(XSD.dateTime)
XSD_DAYTIME_DURATION = str(XSD.dayTimeDuration)
XSD_STRING = str(XSD.string)


# Characters an IRI may not hold: with them, a value pasted between < and > could end the term.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def writable_iri(value: str) -> bool:
    """Whether ``value`` can be written as ``<value>`` without ending the term early."""
    return _NOT_IN_IRI.search(value) is None


def is_iri(value: str) -> bool:
    """Whether ``value`` is one absolute IRI that can be written as ``<value>``."""
    return bool(_SCHEME.match(value)) and writable_iri(value)


def iri(value: str) -> str:
    return f"<{value}>"


def literal(value: str, datatype: str | None = None, *, lang: str | None = None) -> str:
    """A plain, typed or language-tagged literal."""
    body = '"' + value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'
    if lang:
        return f"{body}@{lang}"
    if datatype:
        return f"{body}^^<{datatype}>"
    return body


def stored(term) -> str:
    """A term a query answered with (a :class:`kg.store.Term`: type, value, datatype, lang), written
    back as N-Triples; a plain string stays plain, as the store holds it."""
    if term.type == "uri":
        return iri(term.value)
    return literal(term.value, None if term.datatype == XSD_STRING else term.datatype, lang=term.lang)


def integer(value: int | str) -> str:
    return f'"{value}"^^<{XSD_INTEGER}>'


def boolean(value: bool) -> str:
    return f'"{"true" if value else "false"}"^^<{XSD_BOOLEAN}>'


def python_literal(value: object, datatype: str | None = None) -> str:
    """A literal of any Python value (numbers, dates), in the lexical form and datatype rdflib gives it."""
    term = Literal(value, datatype=datatype)
    return literal(str(term), term.datatype, lang=term.language)


def triple(s: str, p: str, o: str) -> str:
    """One line: subject and predicate are IRIs, the object a term already written (:func:`iri`,
    :func:`literal` and the others)."""
    return f"<{s}> <{p}> {o} ."


def insert_data(graph: str, lines: Iterable[str]) -> str:
    """The update that adds these lines to ``graph``."""
    return f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(lines) + "\n} }"
