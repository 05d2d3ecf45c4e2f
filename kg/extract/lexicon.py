"""Word lists shared by several extraction stages."""

from __future__ import annotations

# Reporting verbs as they appear in title-case headlines ("Oxfam Says Famine Looms").
HEADLINE_CUES = frozenset(
    "says say said warns warn urges urge denies deny claims claim accuses accuse finds find calls "
    "rejects reject slams criticizes criticises condemns demands".split()
)
