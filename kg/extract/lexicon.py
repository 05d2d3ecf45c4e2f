"""Word lists shared by several extraction stages."""

from __future__ import annotations

# Reporting verbs as they appear in title-case headlines ("Oxfam Says Famine Looms").
HEADLINE_CUES = frozenset(
    "says say said warns warn urges urge denies deny claims claim accuses accuse finds find calls "
    "rejects reject slams criticizes criticises condemns demands".split()
)

# Common nouns that say what kind of entity the name beside them is: "magazine Der Spiegel",
# "Instituto Gonzaga, a catholic school", "a man named Kazemi", "the town of Bogliasco".
KIND_NOUNS = {
    "Organization": frozenset(
        "organization organisation group company firm agency ministry party union bank charity institute "
        "university college school newspaper magazine broadcaster channel network team club band airline "
        "carrier manufacturer maker carmaker automaker retailer website publication daily weekly church "
        "museum gallery foundation association federation league alliance coalition movement council "
        "committee commission militia corporation conglomerate startup watchdog nonprofit ngo".split()
    ),
    "Person": frozenset(
        "man woman boy girl spokesman spokeswoman spokesperson minister president director chief official "
        "leader lawyer prosecutor judge commander officer ambassador mayor governor senator executive "
        "chairman chairwoman author researcher analyst journalist reporter correspondent photographer "
        "editor columnist professor student teacher doctor nurse actor actress singer artist player coach "
        "captain goalkeeper striker activist campaigner politician lawmaker candidate councillor curator "
        "economist teenager resident victim survivor witness soldier pilot founder ceo".split()
    ),
    "Place": frozenset(
        "city town village region province district country island capital neighbourhood neighborhood "
        "suburb port county municipality".split()
    ),
}
