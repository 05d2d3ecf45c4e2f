"""The word lists of the extraction stages: reporting verbs and nouns, what a denial bears on, who
speaks, where words are said."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# ---------------------------------------------------------------- reporting verbs


@dataclass(frozen=True)
class Cue:
    """What a reporting verb does. ``kind``: the kind of statement it makes (claim, finding, denial,
    accusation, criticism, call, other); ``clause``: it reports only with a clause ("X believes that
    ..."), not with a bare object; ``intention``: it reports a plan with an infinitive ("expects to cut
    jobs"); ``quote_only``: it reports speech only next to a direct quote; ``headline``: its forms in
    title-case headlines ("Oxfam Says Famine Looms"); ``report_object``: with a bare object it reports
    only for a report or an inquiry, or as a verdict ("the study found high levels", "found him
    guilty"; not "police found weapons")."""

    kind: str
    clause: bool = False
    intention: bool = False
    quote_only: bool = False
    headline: tuple[str, ...] = ()
    report_object: bool = False


# Every reporting verb by lemma, declared once: adding a verb is one line here.
REPORTING_VERBS: dict[str, Cue] = {
    # kind "claim": verbs of saying, asserting, predicting, promising
    "say": Cue("claim", headline=("says", "say", "said")),
    "state": Cue("claim"),
    "tell": Cue("claim"),
    "add": Cue("claim", clause=True),
    "claim": Cue("claim", headline=("claims", "claim")),
    "assert": Cue("claim"),
    "announce": Cue("claim"),
    "report": Cue("claim"),
    "explain": Cue("claim", clause=True),
    "note": Cue("claim", clause=True),
    "write": Cue("claim"),
    "insist": Cue("claim"),
    "maintain": Cue("claim", clause=True),
    "suggest": Cue("claim"),
    "argue": Cue("claim"),
    "confirm": Cue("claim"),
    "acknowledge": Cue("claim"),
    "admit": Cue("claim"),
    "predict": Cue("claim"),
    "warn": Cue("claim", headline=("warns", "warn")),
    "declare": Cue("claim", clause=True),
    "reply": Cue("claim", clause=True),
    "respond": Cue("claim", clause=True),
    "comment": Cue("claim", clause=True),
    "testify": Cue("claim"),
    "stress": Cue("claim", clause=True),
    "emphasize": Cue("claim"),
    "emphasise": Cue("claim"),
    "indicate": Cue("claim", clause=True),
    "signal": Cue("claim", clause=True),
    "disclose": Cue("claim"),
    "mention": Cue("claim"),
    "observe": Cue("claim", clause=True),
    "recall": Cue("claim", clause=True),
    "caution": Cue("claim"),
    "tweet": Cue("claim"),
    "post": Cue("claim", clause=True),
    "cite": Cue("claim"),
    "estimate": Cue("claim"),
    "forecast": Cue("claim"),
    "promise": Cue("claim", clause=True),
    "vow": Cue("claim", clause=True),
    "pledge": Cue("claim", clause=True),
    "agree": Cue("claim", clause=True),
    "expect": Cue("claim", clause=True, intention=True),
    "doubt": Cue("claim", clause=True),
    "counter": Cue("claim"),
    "retort": Cue("claim"),
    "concede": Cue("claim"),
    "express": Cue("claim"),
    # ways of saying (VerbNet say-37.7, manner_speaking-37.3): they report with a clause or a quote
    "remark": Cue("claim", clause=True),
    "answer": Cue("claim", clause=True),
    "recount": Cue("claim", clause=True),
    "joke": Cue("claim", clause=True),
    "quip": Cue("claim", clause=True),
    "exclaim": Cue("claim", clause=True),
    "shout": Cue("claim", clause=True),
    "yell": Cue("claim", clause=True),
    "scream": Cue("claim", clause=True),
    "whisper": Cue("claim", clause=True),
    "muse": Cue("claim", clause=True),
    "chant": Cue("claim", clause=True),
    # speech only next to a direct quote: '"...," she continued', 'the banner read: "..."', 'he described the
    # scene: "..."' (and "described X as Y")
    "continue": Cue("claim", quote_only=True),
    "read": Cue("claim", quote_only=True),
    "describe": Cue("claim", quote_only=True),
    # admitting, envisaging
    "accept": Cue("claim"),  # "accepted that mistakes were made", "accepted exploiting loopholes": an admission
    "anticipate": Cue("claim", clause=True, intention=True),
    "envision": Cue("claim", clause=True),
    "envisage": Cue("claim", clause=True),
    # kind "other": intending, fearing, hoping, believing
    "plan": Cue("other", clause=True, intention=True),
    "intend": Cue("other", clause=True, intention=True),
    "want": Cue("other", clause=True, intention=True),
    "wish": Cue("other", clause=True, intention=True),
    "fear": Cue("other", clause=True, intention=True),
    "hope": Cue("other", clause=True, intention=True),
    "believe": Cue("other", clause=True),
    "think": Cue("other", clause=True),
    # kind "finding": what a report or an inquiry establishes
    "find": Cue("finding", headline=("finds", "find"), report_object=True),
    "determine": Cue("finding"),
    "conclude": Cue("finding"),
    "establish": Cue("finding", clause=True),
    "document": Cue("finding", clause=True),
    "show": Cue("finding", clause=True),
    "reveal": Cue("finding", clause=True),
    "discover": Cue("finding", clause=True),
    "outline": Cue("finding"),
    # kind "denial"
    "deny": Cue("denial", headline=("denies", "deny")),
    "reject": Cue("denial", headline=("rejects", "reject")),
    "dispute": Cue("denial"),
    "refute": Cue("denial"),
    "dismiss": Cue("denial"),
    "rebut": Cue("denial"),
    "contest": Cue("denial"),
    # kind "accusation"
    "accuse": Cue("accusation", headline=("accuses", "accuse")),
    "allege": Cue("accusation"),
    "blame": Cue("accusation"),
    "charge": Cue("accusation"),
    # kind "criticism"
    "criticize": Cue("criticism", headline=("criticizes",)),
    "criticise": Cue("criticism", headline=("criticises",)),
    "condemn": Cue("criticism", headline=("condemns",)),
    "denounce": Cue("criticism"),
    "decry": Cue("criticism"),
    "slam": Cue("criticism", headline=("slams",)),
    "blast": Cue("criticism"),
    "lambaste": Cue("criticism"),
    "fault": Cue("criticism"),
    "distance": Cue("criticism"),
    "question": Cue("criticism"),
    # kind "call": asking someone to do something
    "urge": Cue("call", headline=("urges", "urge")),
    "demand": Cue("call", headline=("demands",)),
    "recommend": Cue("call"),
    "appeal": Cue("call"),
    "request": Cue("call"),
    "press": Cue("call"),
    "call": Cue("call", headline=("calls",)),
    "ask": Cue("call"),
}
# Derived views of the table.
CUE_KINDS: dict[str, str] = {lemma: cue.kind for lemma, cue in REPORTING_VERBS.items()}
NEEDS_CLAUSE = frozenset(lemma for lemma, cue in REPORTING_VERBS.items() if cue.clause)
INTENTIONS = frozenset(lemma for lemma, cue in REPORTING_VERBS.items() if cue.intention)
QUOTE_ONLY = frozenset(lemma for lemma, cue in REPORTING_VERBS.items() if cue.quote_only)
REPORT_OBJECT = frozenset(lemma for lemma, cue in REPORTING_VERBS.items() if cue.report_object)
# A headline form of a reporting verb -> its lemma ("Denies" -> "deny").
HEADLINE_CUES: dict[str, str] = {form: lemma for lemma, cue in REPORTING_VERBS.items() for form in cue.headline}

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

# Passives that report someone's words: "X is quoted as saying", "X was heard telling ...".
QUOTED_AS = frozenset("quote cite hear record report film see".split())
# Conjunctions that make a clause part of another ("revived after Boeing promised ...").
SUBORDINATORS = frozenset("after before because since when while until if once unless as".split())
# Modals that make a speech act future or hypothetical: "will announce", "would find", "may claim"
# (lower case: "Will Tracy remarked" is a name).
UNREAL_MODALS = frozenset("will would may might could should shall 'll 'd wo".split())
# Verbs of phase: what they govern happens ("continue to demand", "began to accuse", "went on to say"); a
# phrasal one with its particle.
ASPECTUAL = frozenset("continue begin start keep resume proceed".split()) | frozenset({"go on"})
ISSUE_VERBS = frozenset("issue release publish post put send give make".split())
# Verbs whose subject speaks the reporting noun they take: "X made the announcement that ...", "X issued
# a warning that ...", "X repeated her denial that ...".
LIGHT_VERBS = ISSUE_VERBS | frozenset("repeat reiterate renew voice deliver".split())
# Reporting nouns of verbs that promise or call for something take an infinitive as content ("X's pledge
# to cut taxes", "X's request to remove the video"); "call" also "for" ("X's call for calm"; "requests for
# payment" are applications).
COMMITTING_VERBS = frozenset("promise pledge vow".split())
CALL_FOR_NOUNS = frozenset({"call"})
# Words of time that can stand where a speaker would: "last week's announcement", "today's warning".
TIME_NOUNS = frozenset("today yesterday tomorrow week month year day weekend morning evening night".split())
# documents issued by someone: "X issued a statement denying ..." is X's denial
ISSUED_NOUNS = frozenset("statement release communique letter note message post declaration".split())
# Modifiers a comma sets off after a speaker's name: not part of the name.
SET_OFF = frozenset({"relcl", "acl", "amod", "advmod", "prep"})
# What someone says, issues or publishes: "according to Fiat's announcement" is Fiat speaking, and
# "figures released by NPD" is NPD.
UTTERANCE_NOUNS = ISSUED_NOUNS | frozenset(
    "announcement remark comment testimony word tweet speech figure data result finding document "
    "response answer".split()
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
# Objects that say nothing of what was said: "she says something", "he said so".
VAGUE_OBJECTS = frozenset("something anything nothing everything so".split())
REPORT_NOUNS = frozenset("report study investigation inquiry review analysis survey audit probe assessment".split())
CRITICAL_WORDS = frozenset(
    "misguided flawed biased wrong false baseless unfounded misleading one-sided inaccurate failed fails "
    "ignores ignored distorted lies lie absurd outrageous unacceptable predetermined".split()
)
# Reporting nouns are derived from REPORTING_VERBS (kg.extract.statements.nouns): a verb's regular
# nominalisations (suffix rules below; "announce" -> "announcement", "deny" -> "denial", "allege" ->
# "allegation"), kept where spaCy's English lemmatizer knows the word as a noun; the irregular ones
# declared here; and verbs that are themselves ALLEGATION_NOUNS or INTENTION_NOUNS ("claim", "pledge",
# "call"). A noun reports with the kind of its verb. Verbs of intention give none ("plan" and "hope" are
# plans and hopes, not statements), nor do report documents (REPORT_NOUNS: reports speak themselves).
NOMINAL_SUFFIXES = (
    ("", "ment"), ("e", "ement"), ("y", "ial"), ("", "al"), ("e", "ation"), ("", "ation"), ("e", "ion"),
    ("", "ion"), ("de", "sion"), ("t", "ssion"), ("ize", "ism"), ("ise", "ism"), ("e", "ure"), ("", "ence"),
)  # fmt: skip
IRREGULAR_NOMINALS = {
    "warn": "warning", "find": "finding", "testify": "testimony", "argue": "argument", "urge": "urging",
    "explain": "explanation", "reveal": "revelation", "concede": "concession", "emphasize": "emphasis",
    "emphasise": "emphasis", "exclaim": "exclamation", "discover": "discovery",
}  # fmt: skip
# Words the suffix rules make that name something else than the verb's speech act: "station", "notion",
# "agreement" (a deal), "establishment", "dismissal" (from a job), "indication" (a sign).
OTHER_SENSE_NOUNS = frozenset(
    "acceptation agreement allegement citation contestation continuation disputation dismissal dismission "
    "documentation establishment estimation expression indication notation notion station stature".split()
)


def derive_reporting_nouns(known_nouns: frozenset[str] | None) -> dict[str, str]:
    """Reporting noun -> the verb it names the act of: the verbs' regular nominalisations that
    ``known_nouns`` holds (all of them when it is None), the irregular ones, and the verbs that are
    nouns of claims or calls themselves; not for verbs of intention, nor report documents."""
    nouns: dict[str, str] = {}
    for verb, cue in REPORTING_VERBS.items():
        if verb in INTENTIONS or cue.kind == "other":
            continue
        for strip, suffix in NOMINAL_SUFFIXES:
            if strip and not verb.endswith(strip):
                continue
            noun = verb[: len(verb) - len(strip)] + suffix
            if noun != verb and (known_nouns is None or noun in known_nouns):
                nouns.setdefault(noun, verb)
        if verb in IRREGULAR_NOMINALS:
            nouns[IRREGULAR_NOMINALS[verb]] = verb
        if verb in ALLEGATION_NOUNS | INTENTION_NOUNS:
            nouns[verb] = verb
    return {n: v for n, v in nouns.items() if n not in OTHER_SENSE_NOUNS | REPORT_NOUNS}


@lru_cache(maxsize=1)
def reporting_nouns() -> dict[str, str]:
    """The reporting nouns, checked against the nouns spaCy's English lemmatizer knows."""
    from kg.nlp import load_nlp

    try:
        table = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        known = frozenset(table["noun"])
    except (KeyError, ValueError):
        known = None
    return derive_reporting_nouns(known)


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
AUDIENCE_NOUNS = frozenset(
    "reporter journalist correspondent interviewer audience crowd press media supporter lawmaker delegate "
    "people".split()
)

# Mention repair (spans.py). Lower-case particles inside surnames: "Johan Van den Driessche",
# "Ursula von der Leyen".
PARTICLES = frozenset("van von den der de da di du le la del della ter ten bin ibn al el".split())
# Abbreviations of common nouns that NER takes for organisations: "the OEM", "8GB of RAM".
COMMON_ABBREVIATIONS = frozenset(
    "oem odm ram dram cpu gpu usb lte nfc hdd ssd lcd led gps pc pcs os hpc api url sms dvd gdp".split()
)
# Titles of office the role lists lack: "NASA Administrator", "City Clerk", "Executive Vice President".
OFFICE_TITLES = frozenset("administrator clerk vice".split())
