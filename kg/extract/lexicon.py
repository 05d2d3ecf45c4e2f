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

# Nouns whose complement ("allegations that he ordered") is someone's claim, not a fact; also what a
# denial can bear on as a plain object ("denied the allegations", "rejected the report").
ALLEGATION_NOUNS = frozenset(
    "allegation accusation claim charge suspicion rumor rumour report speculation assertion announcement "
    "statement declaration confirmation admission testimony "
    "contention belief suggestion indictment complaint lawsuit suit case investigation inquiry probe "
    "trial hearing".split()
)
# Nouns whose complement ("fears of an attack", "plans for a merger") is someone's fear or plan, not a
# fact (ALLEGATION_NOUNS: someone's claim).
INTENTION_NOUNS = frozenset(
    "plan proposal intention intent aim goal bid attempt effort offer threat promise pledge demand call "
    "request order hope expectation prospect possibility chance risk danger likelihood option idea "
    "scenario target wish desire prediction forecast warning fear worry concern need willingness "
    "readiness".split()
)
# What else a denial can bear on as a plain object: what the speaker is said to have done or had
# ("denied any wrongdoing", "denied involvement", "denied corruption"), an event of kg's types ("denied
# the attack": kg.extract.events.EVENT_LEMMAS); and, for verbs of rejection other than "deny", a
# proposal ("rejected the plan": INTENTION_NOUNS). Other objects make the verb a refusal, not a
# statement: "denied his asylum application", "denied them entry".
DENIABLE_NOUNS = frozenset(
    "wrongdoing involvement responsibility role guilt knowledge link links connection connections participation "
    "complicity existence truth accuracy validity veracity "
    "misconduct corruption fraud bribery abuse torture negligence crime mistreatment".split()
)
