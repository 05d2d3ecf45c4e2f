"""Plain data passed between pipeline stages.

Readers produce :class:`Article`; extractors produce :class:`Extraction`. No RDF terms
appear here: the mapping layer (``kg.rdf``) is the only place that knows about IRIs.
All character offsets index ``Article.text`` and are end-exclusive.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

Span = tuple[int, int]

ENTITY_TYPES = ("Organization", "Person", "Place", "Group", "Other")
EVENT_TYPES = (  # the typed events of the ontology's taxonomy; other eventualities are "Other"
    "Attack Killing HostageTaking Release MilitaryCampaign Publication Interview Investigation "
    "Arrest Ruling Election Agreement Protest"
).split()
STATEMENT_KINDS = ("claim", "finding", "denial", "accusation", "criticism", "call", "other")


@dataclass
class Article:
    """One news article as read from its source.

    ``text`` is the full text the offsets refer to: headline, a blank line, body.
    ``id`` is derived from the URL when known, else from title and text, so that
    re-reading the same article gives the same id on any machine.
    """

    text: str
    title: str = ""
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    source: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text, url=self.url)


def article_id(text: str, *, url: str | None = None) -> str:
    """A short, stable id: the hash of the URL, or of the whitespace-normalised text."""
    key = url.strip() if url else " ".join(text.split())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class TypeEvidence:
    """Why an entity has a type in one article: ``strength`` is "decisive" (the text or a gazetteer
    says it), "contextual" (a weaker cue of the context) or "ner" (only the name's form); ``cue`` the
    words or list that say it; ``key`` the entity key the extractor gave, which a merge may rename."""

    type: str
    strength: str
    cue: str
    key: str


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    same_as: list[str] = field(default_factory=list)  # Linked Data IRIs (GeoNames, ISO 3166) of a place
    # why it has its type: one item, or one per name a merge renamed into it (kg.extract.type_evidence)
    type_evidence: list[TypeEvidence] = field(default_factory=list)


@dataclass
class Statement:
    id: str
    speaker: str | None
    speaker_text: str | None
    cue: str
    cue_span: Span
    content: str
    content_span: Span
    kind: str = "claim"
    quote: bool = False
    report: str | None = None
    responds_to: str | None = None
    about: str | None = None
    speaker_span: Span | None = None
    continues: str | None = None  # the statement whose quotation this one carries on (same speaker)


@dataclass
class Report:
    id: str
    author: str | None
    title: str | None
    published: str | None
    findings: list[str] = field(default_factory=list)
    span: Span | None = None
    published_text: str | None = None


@dataclass
class Participant:
    entity: str
    role: str


@dataclass
class Quantity:
    value: float
    approx: bool
    what: str
    text: str
    lower_bound: bool = False
    span: Span | None = None


@dataclass
class Factuality:
    """How the article presents an event, in FactBank's and MEANTIME's terms. ``asserted`` holds for a
    certain, positive, non-future, non-generic, unconditional event told in the article's own voice
    (not attributed to an attitude or allegation holder, and not in a statement's content)."""

    asserted: bool = True
    certainty: str = "certain"  # certain | probable | possible | underspecified
    polarity: str = "positive"  # positive | negative
    future: bool = False
    special: str = "none"  # none | generic | conditional
    attributed: bool = False  # told as someone's allegation, belief, fear or report
    holder: str | None = None  # entity id of who alleges, believes or fears it, when named
    holder_text: str | None = None
    cue: str | None = None  # the word that makes it not asserted ("alleged", "will", "not", "if")

    def settle(self) -> None:
        """Work ``asserted`` out of the other fields, once they are all known."""
        self.asserted = (
            self.certainty == "certain"
            and self.polarity == "positive"
            and not self.future
            and self.special == "none"
            and not self.attributed
        )

    def to_json(self) -> dict:
        return {
            "asserted": self.asserted,
            "certainty": self.certainty,
            "polarity": self.polarity,
            "future": self.future,
            "special": self.special,
            "attributed": self.attributed,
            "cue": self.cue,
            "holder": self.holder,
            "holder_text": self.holder_text,
        }


@dataclass
class Event:
    id: str
    type: str
    trigger: str
    span: Span
    time: str | None = None
    time_text: str | None = None
    place: str | None = None
    participants: list[Participant] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    reported_by: str | None = None
    mentions: list[Span] = field(default_factory=list)
    part_of: str | None = None
    factuality: Factuality = field(default_factory=Factuality)


@dataclass
class Relation:
    subject: str
    predicate: str
    object: str
    span: Span | None = None


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Extraction:
    """Everything extracted from one article; ids refer to each other within it."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_json(self) -> dict:
        """The public JSON contract of ``kg extract`` (see README); field names are stable."""
        a = self.article
        return {
            "article": {
                "id": a.id,
                "title": a.title,
                "url": a.url,
                "publisher": a.publisher,
                "published": a.published,
                "text": a.text,
            },
            "entities": [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "aliases": list(e.aliases),
                    "mentions": [list(m) for m in e.mentions],
                    "same_as": list(e.same_as),
                    "type_evidence": [{"type": t.type, "strength": t.strength, "cue": t.cue} for t in e.type_evidence],
                }
                for e in self.entities
            ],
            "statements": [
                {
                    "id": s.id,
                    "speaker": s.speaker,
                    "speaker_text": s.speaker_text,
                    "cue": s.cue,
                    "cue_span": list(s.cue_span),
                    "content": s.content,
                    "content_span": list(s.content_span),
                    "kind": s.kind,
                    "quote": s.quote,
                    "report": s.report,
                    "responds_to": s.responds_to,
                    "about": s.about,
                    "continues": s.continues,
                }
                for s in self.statements
            ],
            "reports": [
                {
                    "id": r.id,
                    "author": r.author,
                    "title": r.title,
                    "published": r.published,
                    "findings": list(r.findings),
                }
                for r in self.reports
            ],
            "events": [
                {
                    "id": e.id,
                    "type": e.type,
                    "trigger": e.trigger,
                    "span": list(e.span),
                    "time": e.time,
                    "time_text": e.time_text,
                    "place": e.place,
                    "participants": [asdict(p) for p in e.participants],
                    "quantities": [
                        {"value": q.value, "approx": q.approx, "what": q.what, "text": q.text} for q in e.quantities
                    ],
                    "reported_by": e.reported_by,
                    "factuality": e.factuality.to_json(),
                }
                for e in self.events
            ],
            "relations": [
                {
                    "subject": r.subject,
                    "predicate": r.predicate,
                    "object": r.object,
                    "span": list(r.span) if r.span else None,  # the words that state it
                }
                for r in self.relations
            ],
        }
