"""Time expressions normalised to ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

Relative expressions ("Wednesday", "last month", "yesterday") are resolved against the
article's publication date; without one they stay unresolved (None) and the caller keeps the text.
News convention: a bare weekday means the most recent such day on or before publication.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for name in names
}
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b", re.I),
    re.compile(r"\b" + _MONTH + r"(?:\s+of)?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?:in|since|during|by|of|until)\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    re.compile(r"^(?P<year>(?:19|20)\d{2})$"),
]
_WEEKDAY = re.compile(r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = re.compile(r"\b(?P<rel>today|yesterday|tomorrow|(?:last|this|next)\s+(?:week|month|year))\b", re.I)


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def normalise_time(text: str, published: str | None = None, *, known: list[str] | None = None) -> str | None:
    """``"Oct. 7, 2023"`` -> ``"2023-10-07"``; ``"Wednesday"`` -> a date when ``published`` is known.

    ``known`` lists full dates the article gives elsewhere: "Oct. 7" takes the year of an
    "Oct. 7, 2023" there before falling back to the year of publication.
    """
    anchor = _parse_iso(published)
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        month = int(groups["mnum"]) if groups.get("mnum") else MONTHS.get((groups.get("month") or "").lower())
        day = int(groups["day"]) if groups.get("day") else None
        if year is None and month and day and known:
            year = next((int(k[:4]) for k in known if k[5:] == f"{month:02d}-{day:02d}"), None)
        if year is None and anchor is not None and month:
            year = anchor.year if (month, day or 1) <= (anchor.month, anchor.day) else anchor.year - 1
        if year is None:
            continue
        try:
            if month and day:
                return date(year, month, day).isoformat()
        except ValueError:
            return None
        if month:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}"
    if anchor is None:
        return None
    m = _WEEKDAY.search(text)
    if m:
        back = (anchor.weekday() - WEEKDAYS[m["weekday"].lower()]) % 7
        if re.search(r"\bnext\b", text, re.I):
            return (anchor + timedelta(days=(7 - back) % 7 or 7)).isoformat()
        return (anchor - timedelta(days=back)).isoformat()
    m = _RELATIVE.search(text)
    if m:
        rel = " ".join(m["rel"].lower().split())
        if rel == "today":
            return anchor.isoformat()
        if rel == "yesterday":
            return (anchor - timedelta(days=1)).isoformat()
        if rel == "tomorrow":
            return (anchor + timedelta(days=1)).isoformat()
        step, unit = rel.split()
        shift = {"last": -1, "this": 0, "next": 1}[step]
        if unit == "year":
            return f"{anchor.year + shift:04d}"
        if unit == "month":
            month_index = anchor.year * 12 + anchor.month - 1 + shift
            return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
        return (anchor + timedelta(weeks=shift)).isoformat() if shift else anchor.isoformat()
    return None
