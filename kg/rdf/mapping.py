"""Extraction -> RDF: one article's triples, destined for the named graph of that article.

Statements, reports and reported events are nodes of their own; what a speaker says is kept
as the statement's content and never asserted as a plain triple about the world. Every event carries
its factuality (``kg:asserted`` and why not: certainty, polarity, future, special case, attribution
with its cue and holder), so that only what the article itself asserts is taken as a fact.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from datetime import datetime, timezone

from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef

from kg import __version__
from kg.model import EVENT_TYPES, Extraction, Factuality
from kg.rdf.iris import article_iri, entity_iri, local_iri, mention_iri, sentence_iri
from kg.rdf.namespaces import KG, NIF, PREFIXES, SCHEMA, SEM
from kg.rdf.ntriples import boolean, integer, iri, literal, python_literal, triple

ENTITY_CLASSES = {
    "Organization": KG.Organization,
    "Person": KG.Person,
    "Place": KG.Place,
    "Group": KG.Group,
    "Other": KG.OtherEntity,
}
EVENT_CLASSES = {name: getattr(KG, name) for name in EVENT_TYPES}
EVENT_CLASSES["Statement"] = KG.StatementEvent
RELATION_PREDICATES = {
    "part_of": KG.partOf,
    "based_in": KG.basedIn,
    "member_of": KG.memberOf,
    "works_for": KG.worksFor,
    "leader_of": KG.leaderOf,
    "located_in": KG.locatedIn,
}


ISO_TIME = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Predicates of the per-mention triples, looked up once: a mapped article has hundreds of mentions.
_MENTION, _TYPE, _BEGIN, _END, _ANCHOR, _IN_ARTICLE, _IN_SENTENCE = (
    KG.mention, RDF.type, NIF.beginIndex, NIF.endIndex, NIF.anchorOf, KG.inArticle, KG.inSentence
)
_MENTION_CLASS = KG.Mention


def _nt_row(triple_: tuple) -> str:
    """One N-Triples line; the object is an IRI or a literal already written (:mod:`kg.rdf.ntriples`)."""
    s, p, o = triple_
    return triple(s, p, o if type(o) is str else iri(o)) + "\n"


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def time_literal(value: str) -> str:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as the matching XSD type."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value), XSD.string)
    return python_literal(value, datatype)


class _Mapper:
    def __init__(self, extraction: Extraction, *, all_events: bool = True) -> None:
        self.x = extraction
        self.all_events = all_events
        self.aid = extraction.article.id
        self.article = article_iri(self.aid)
        self.triples: set[tuple] = set()
        self.sentence_starts = [s.start for s in extraction.sentences]
        self.sentence_iris = [sentence_iri(self.aid, i) for i in range(len(extraction.sentences))]

    def add(self, s, p, o) -> None:
        self.triples.add((s, p, o))

    def sentence_of(self, start: int) -> int | None:
        if not self.sentence_starts:
            return None
        return max(0, bisect.bisect_right(self.sentence_starts, start) - 1)

    def mention(self, owner: URIRef, span: tuple[int, int], prop: URIRef = _MENTION) -> URIRef:
        m = mention_iri(self.article, span)
        add = self.triples.add
        add((owner, prop, m))
        add((m, _TYPE, _MENTION_CLASS))
        add((m, _BEGIN, integer(span[0])))
        add((m, _END, integer(span[1])))
        add((m, _ANCHOR, literal(self.x.article.text[span[0] : span[1]])))
        add((m, _IN_ARTICLE, self.article))
        index = self.sentence_of(span[0])
        if index is not None:
            add((m, _IN_SENTENCE, self.sentence_iris[index]))
        return m

    def run(self) -> set[tuple]:
        self.map_article()
        ids = {e.id: entity_iri(e.id) for e in self.x.entities}
        self.map_entities()
        self.map_reports(ids)
        self.map_statements(ids)
        self.map_events(ids)
        self.map_relations(ids)
        return self.triples

    def map_article(self) -> None:
        a, art = self.x.article, self.article
        self.add(art, RDF.type, KG.Article)
        self.add(art, KG.articleId, literal(a.id))
        self.add(art, KG.text, literal(a.text))
        if a.title:
            self.add(art, SCHEMA.headline, literal(a.title))
        if a.url:
            self.add(art, SCHEMA.url, literal(a.url, XSD.anyURI))
        if a.publisher:
            self.add(art, KG.publisherName, literal(a.publisher))
        if a.published:
            self.add(art, SCHEMA.datePublished, time_literal(a.published))
        if a.source:
            self.add(art, KG.source, literal(a.source))
        self.add(art, KG.extractorVersion, literal(__version__))
        for i, sent in enumerate(self.x.sentences):
            s = self.sentence_iris[i]
            self.add(s, RDF.type, KG.Sentence)
            self.add(s, KG.sentenceIndex, integer(i))
            self.add(s, NIF.beginIndex, integer(sent.start))
            self.add(s, NIF.endIndex, integer(sent.end))
            self.add(s, KG.inArticle, art)

    def map_entities(self) -> None:
        for ent in self.x.entities:
            node = entity_iri(ent.id)
            self.add(node, RDF.type, ENTITY_CLASSES.get(ent.type, KG.OtherEntity))
            self.add(node, RDFS.label, literal(ent.name))
            self.add(node, KG.canonicalKey, literal(ent.id))
            for alias in ent.aliases:
                self.add(node, KG.alias, literal(alias))
            for same in ent.same_as:  # GeoNames, ISO 3166: a place the gazetteers know for sure
                self.add(node, OWL.sameAs, URIRef(same))
            self.add(self.article, SCHEMA.mentions, node)
            for span in ent.mentions:
                self.mention(node, tuple(span))

    def map_reports(self, ids: dict[str, URIRef]) -> None:
        for rep in self.x.reports:
            node = local_iri(self.aid, "report", rep.id)
            self.add(node, RDF.type, KG.Report)
            if rep.author in ids:
                self.add(node, KG.author, ids[rep.author])
            if rep.title:
                self.add(node, SCHEMA.name, literal(rep.title))
            if rep.published and ISO_TIME.match(rep.published):
                self.add(node, SCHEMA.datePublished, time_literal(rep.published))
            if rep.published_text:
                self.add(node, KG.publishedText, literal(rep.published_text))
            if rep.span:
                self.mention(node, rep.span)
            for finding in rep.findings:
                self.add(node, KG.finding, local_iri(self.aid, "statement", finding))

    def map_statements(self, ids: dict[str, URIRef]) -> None:
        for st in self.x.statements:
            node = local_iri(self.aid, "statement", st.id)
            self.add(node, RDF.type, KG.Statement)
            begin, end = st.content_span
            for ent in self.x.entities:  # who the statement names, so "what is said about X" is one lookup
                if ent.id != st.speaker and any(begin <= m[0] and m[1] <= end for m in ent.mentions):
                    self.add(node, SCHEMA.mentions, ids[ent.id])
            if st.speaker in ids:
                self.add(node, KG.speaker, ids[st.speaker])
            if st.speaker_text:
                self.add(node, KG.speakerText, literal(st.speaker_text))
            self.add(node, KG.cue, literal(st.cue))
            self.add(node, KG.content, literal(st.content))
            self.add(node, KG.kind, literal(st.kind))
            self.add(node, KG.isQuote, boolean(st.quote))
            self.mention(node, st.cue_span, KG.cueMention)
            self.mention(node, st.content_span, KG.contentMention)
            if st.speaker_span:
                self.mention(node, st.speaker_span, KG.speakerMention)
            if st.report:
                self.add(node, KG.fromReport, local_iri(self.aid, "report", st.report))
            if st.responds_to:
                self.add(node, KG.respondsTo, local_iri(self.aid, "statement", st.responds_to))
            if st.continues:
                self.add(node, KG.continues, local_iri(self.aid, "statement", st.continues))
            if st.about:
                self.add(node, KG.about, self.resolve(st.about, ids))

    def resolve(self, local: str, ids: dict[str, URIRef]) -> URIRef:
        """An id inside the extraction: an entity, a report, a statement or an event."""
        if local in ids:
            return ids[local]
        for kind, items in (("report", self.x.reports), ("statement", self.x.statements), ("event", self.x.events)):
            if any(item.id == local for item in items):
                return local_iri(self.aid, kind, local)
        raise ValueError(f"unknown id {local!r} in extraction of article {self.aid}")

    def kept_events(self) -> list:
        """The events the store keeps: all of them, or (by default for ingest) what users call
        events: typed ones, and untyped ones that link an actor or a place, carry a figure, or have
        sub-events. Eventualities such as "development" or "required" (a quarter of an article's
        triples) stay in ``kg extract``'s output, which evaluation reads."""
        if self.all_events:
            return list(self.x.events)
        parents = {ev.part_of for ev in self.x.events if ev.part_of}
        return [
            ev
            for ev in self.x.events
            if ev.type != "Other" or ev.participants or ev.quantities or ev.place or ev.id in parents
        ]

    def map_events(self, ids: dict[str, URIRef]) -> None:
        kept = self.kept_events()
        kept_ids = {ev.id for ev in kept}
        for ev in kept:
            node = local_iri(self.aid, "event", ev.id)
            self.add(node, RDF.type, KG.Event)
            self.add(node, RDF.type, EVENT_CLASSES.get(ev.type, KG.OtherEvent))
            self.add(node, KG.trigger, literal(ev.trigger))
            for span in ev.mentions or [ev.span]:
                self.mention(node, tuple(span))
            if ev.time:
                self.add(node, KG.time, time_literal(ev.time))
            if ev.time_text:
                self.add(node, KG.timeText, literal(ev.time_text))
            if ev.place in ids:
                self.add(node, SEM.hasPlace, ids[ev.place])
            for i, part in enumerate(ev.participants):
                if part.entity not in ids:
                    continue
                p = URIRef(f"{node}/participant/{i}")
                self.add(node, KG.participation, p)
                self.add(p, RDF.type, KG.Participation)
                self.add(p, KG.participant, ids[part.entity])
                self.add(p, KG.role, literal(part.role))
                self.add(node, SEM.hasActor, ids[part.entity])  # SEM: any actor taking part, whatever the role
            for i, q in enumerate(ev.quantities):
                qn = URIRef(f"{node}/quantity/{i}")
                self.add(node, KG.quantity, qn)
                self.add(qn, RDF.type, KG.Quantity)
                self.add(qn, SCHEMA.value, python_literal(q.value))
                self.add(qn, KG.approximate, boolean(q.approx))
                self.add(qn, KG.lowerBound, boolean(q.lower_bound))
                self.add(qn, KG.counts, literal(q.what))
                self.add(qn, RDFS.label, literal(q.text))
            if ev.reported_by:
                self.add(node, KG.reportedBy, local_iri(self.aid, "statement", ev.reported_by))
            if ev.part_of in kept_ids:
                self.add(node, KG.subEventOf, local_iri(self.aid, "event", ev.part_of))
            self.map_factuality(node, ev.factuality, ids)

    def map_factuality(self, node: URIRef, f: Factuality, ids: dict[str, URIRef]) -> None:
        """Whether the article itself asserts the event, and if not why not and on whose word: queries,
        projections and stories take only asserted events as facts unless asked for the others."""
        self.add(node, KG.asserted, boolean(f.asserted))
        self.add(node, KG.certainty, literal(f.certainty))
        self.add(node, KG.polarity, literal(f.polarity))
        self.add(node, KG.future, boolean(f.future))
        self.add(node, KG.special, literal(f.special))
        self.add(node, KG.attributed, boolean(f.attributed))
        if f.cue:
            self.add(node, KG.factualityCue, literal(f.cue))
        if f.holder in ids:
            self.add(node, KG.attributedTo, ids[f.holder])
        if f.holder_text:
            self.add(node, KG.holderText, literal(f.holder_text))

    def map_relations(self, ids: dict[str, URIRef]) -> None:
        """Each relation as a triple, and reified (rdf:Statement) with the mention that states it."""
        for i, rel in enumerate(self.x.relations, 1):
            pred = RELATION_PREDICATES.get(rel.predicate)
            if pred is None or rel.subject not in ids or rel.object not in ids:
                continue
            self.add(ids[rel.subject], pred, ids[rel.object])
            node = local_iri(self.aid, "relation", str(i))
            self.add(node, RDF.type, RDF.Statement)
            self.add(node, RDF.subject, ids[rel.subject])
            self.add(node, RDF.predicate, pred)
            self.add(node, RDF.object, ids[rel.object])
            if rel.span:
                self.mention(node, tuple(rel.span))


def _stamp(extraction: Extraction, lines: list[str], ingested_at: datetime | None) -> tuple[str, str]:
    """The content hash and the N-Triples lines of the hash and the ingest time. The hash covers every
    line but the ingest time and the source file, so the same article read again, from anywhere,
    counts as unchanged."""
    art = article_iri(extraction.article.id)
    source = f"<{KG.source}>"
    digest = hashlib.sha256("".join(sorted(x for x in lines if source not in x)).encode("utf-8")).hexdigest()[:32]
    stamp = ingested_at or datetime.now(timezone.utc).replace(microsecond=0)
    return digest, _nt_row((art, KG.contentHash, literal(digest))) + _nt_row(
        (art, KG.ingestedAt, python_literal(stamp, XSD.dateTime))
    )


def extraction_to_ntriples(
    extraction: Extraction, *, ingested_at: datetime | None = None, all_events: bool = False
) -> tuple[str, str]:
    """(N-Triples, content hash) of one article: what ingest writes, without building an rdflib Graph.
    Untyped eventualities that link nothing are left out unless ``all_events``."""
    lines = [_nt_row(t) for t in _Mapper(extraction, all_events=all_events).run()]
    digest, stamp = _stamp(extraction, lines, ingested_at)
    return "".join(lines) + stamp, digest


def extraction_to_graph(extraction: Extraction, *, ingested_at: datetime | None = None) -> Graph:
    """The article's triples as an rdflib Graph with kg's prefixes bound (for Turtle and JSON-LD)."""
    g = new_graph()
    g.parse(data=extraction_to_ntriples(extraction, ingested_at=ingested_at, all_events=True)[0], format="nt")
    return g
