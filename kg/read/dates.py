"""Publication dates from the many forms sources give them, normalised to ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from kg.errors import InputError

_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def normalise_date(value: object) -> str | None:
    """Return ``YYYY-MM-DD`` for ISO dates/datetimes, RFC 2822 dates and ``struct_time``; else None."""
    if value is None or value == "":
        return None
    if isinstance(value, (date, datetime)):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "tm_year"):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    text = str(value).strip()
    m = _ISO_PREFIX.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        return None


def parse_user_date(value: str | None, option: str = "--published") -> str | None:
    """Like :func:`normalise_date` but raises a helpful error, naming the option, for a date the user typed."""
    if value is None:
        return None
    result = normalise_date(value)
    if result is None:
        raise InputError(f"{option} {value!r} is not a date; use YYYY-MM-DD")
    return result
