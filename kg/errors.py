"""The errors kg raises for things a user can fix; the CLI prints them as one line.

Exit codes: 1 for failed work (bad input, validation failures), 2 for usage errors.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class: the message says what went wrong and, where possible, how to fix it."""

    exit_code = 1


class InputError(KgError):
    """An input file or record cannot be read as an article."""


class StoreError(KgError):
    """The store cannot be opened or written."""


class QueryError(KgError):
    """A SPARQL query is unknown, malformed or got bad parameters."""


class ModelError(KgError):
    """The spaCy language model is not installed."""


class OutputError(KgError):
    """An output file cannot be written (no such folder, no permission, disk full)."""
