"""The word lists of the extraction stages: reporting verbs and nouns, what a denial bears on, who
speaks, where words are said."""

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

# ---------------------------------------------------------------- statements (kg.extract.statements)

# Reporting verbs by lemma and the kind of statement they make.
CUE_KINDS: dict[str, str] = {
    **dict.fromkeys(
        "say state tell add claim assert announce report explain note write insist maintain suggest argue "
        "confirm acknowledge admit predict warn declare reply respond comment testify stress emphasize "
        "emphasise indicate signal disclose mention observe recall caution tweet post cite "
        "estimate forecast promise vow pledge agree expect doubt counter retort concede express".split(),
        "claim",
    ),
    # ways of saying (VerbNet say-37.7, manner_speaking-37.3): they report with a clause or a quote
    **dict.fromkeys("remark answer recount joke quip exclaim shout yell scream whisper muse".split(), "claim"),
    **dict.fromkeys("continue read describe".split(), "claim"),
    "accept": "claim",  # "accepted that mistakes were made", "accepted exploiting loopholes": an admission
    **dict.fromkeys("anticipate envision envisage".split(), "claim"),
    **dict.fromkeys("plan intend want wish fear hope believe think".split(), "other"),
    **dict.fromkeys("find determine conclude establish document show reveal outline".split(), "finding"),
    **dict.fromkeys("deny reject dispute refute dismiss rebut contest".split(), "denial"),
    **dict.fromkeys("accuse allege blame charge".split(), "accusation"),
    **dict.fromkeys(
        "criticize criticise condemn denounce decry slam blast lambaste fault distance question".split(),
        "criticism",
    ),
    **dict.fromkeys("urge demand recommend appeal request press call ask".split(), "call"),
}
# Verbs that need a clause ("X believes that ..."), not just an object, to report something.
NEEDS_CLAUSE = frozenset(
    "believe think expect fear hope doubt agree plan intend want wish anticipate envision envisage promise "
    "vow pledge show reveal establish document "
    "stress observe recall indicate signal post add note explain maintain respond reply comment declare "
    "remark answer recount joke quip exclaim shout yell scream whisper muse".split()
)
# Verbs that report speech only next to a direct quote: '"...," she continued', 'the banner read: "..."',
# 'he described the scene: "..."' (and "described X as Y").
QUOTE_ONLY = frozenset("continue read describe".split())
# Passives that report someone's words: "X is quoted as saying", "X was heard telling ...".
QUOTED_AS = frozenset("quote cite hear record report film see".split())
# Conjunctions that make a clause part of another ("revived after Boeing promised ...").
SUBORDINATORS = frozenset("after before because since when while until if once unless as".split())
# Modals that make a speech act future or hypothetical: "will announce", "would find", "may claim"
# (lower case: "Will Tracy remarked" is a name).
UNREAL_MODALS = frozenset("will would may might could should shall 'll 'd wo".split())
# Verbs of phase: what they govern happens ("continue to demand", "began to accuse").
ASPECTUAL = frozenset("continue begin start keep resume".split())
# Verbs of intention and expectation report a plan with an infinitive ("expects to cut jobs").
INTENTIONS = frozenset("expect plan intend want wish anticipate hope fear".split())
ISSUE_VERBS = frozenset("issue release publish post put send give make".split())
# documents issued by someone: "X issued a statement denying ..." is X's denial
ISSUED_NOUNS = frozenset("statement release communique letter note message post declaration".split())
# Modifiers a comma sets off after a speaker's name: not part of the name.
SET_OFF = frozenset({"relcl", "acl", "amod", "advmod", "prep"})
# What someone says, issues or publishes: "according to Fiat's announcement" is Fiat speaking, and
# "figures released by NPD" is NPD.
UTTERANCE_NOUNS = ISSUED_NOUNS | frozenset(
    "announcement remark comment testimony word tweet speech figure data result finding document".split()
)
# Nouns of those who speak or of what carries words, beyond persons, reports and utterances: a
# participle after them ("a group saying ...", "a sign reading ...") is theirs.
SPEAKING_NOUNS = frozenset(
    "group organization organisation ministry agency company government council committee party union "
    "police army court newspaper paper website site magazine channel article story post message sign banner "
    "sentence passage text line headline caption resolution motion bill law decision ruling order verdict "
    "judgment book video email memo "
    "official expert critic resident witness source observer activist campaigner protester opponent "
    "lawyer doctor scientist researcher student worker people person man woman family parent victim".split()
)
THING_PRONOUNS = frozenset("it this that these those everything anything all something so".split())
REPORT_NOUNS = frozenset("report study investigation inquiry review analysis survey audit probe assessment".split())
CRITICAL_WORDS = frozenset(
    "misguided flawed biased wrong false baseless unfounded misleading one-sided inaccurate failed fails "
    "ignores ignored distorted lies lie absurd outrageous unacceptable predetermined".split()
)
# Reporting nouns and the kind of statement they introduce.
NOUN_CUES = {
    **dict.fromkeys(
        "announcement statement declaration claim assertion confirmation prediction forecast pledge promise "
        "warning admission".split(),
        "claim",
    ),
    **dict.fromkeys("allegation accusation".split(), "accusation"),
    "denial": "denial",
    "criticism": "criticism",
    "finding": "finding",
}
VENUES = frozenset(
    "statement interview post tweet letter speech memo release email conference briefing message filing "
    "broadcast editorial column blog video podcast hearing testimony "
    "twitter facebook instagram youtube weibo website site page account forum radio television tv "
    "tape recording camera".split()
)
GENERIC_PRONOUNS = frozenset({"one", "you"})
# Prepositions that bring what is said: "warned of", "spoke about", "warned Turkey against".
CONTENT_PREPOSITIONS = frozenset("of for from about on over to that against".split())
# Verbs whose object is who is told: "told reporters" says nothing without a clause or a quote.
ADDRESSEE_VERBS = frozenset("tell inform brief assure remind notify".split())
AUDIENCE_NOUNS = frozenset("reporter journalist audience crowd press media supporter lawmaker delegate people".split())
