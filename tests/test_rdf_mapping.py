"""Extraction -> RDF: parsed back with rdflib, checked with SPARQL and against the SHACL shapes."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.extract import extract
from kg.model import Event, Extraction, Factuality, Participant, Quantity, Report, Statement
from kg.rdf.mapping import extraction_to_graph
from kg.rdf.namespaces import sparql_prologue
from kg.read import read_articles
from kg.validate import validate_nquads


@pytest.fixture(scope="module")
def harbour_extraction() -> Extraction:
    from pathlib import Path

    path = Path(__file__).parent / "data" / "harbour-report.txt"
    [item] = list(read_articles([str(path)]))
    return extract(item.article)


def _roundtrip(extraction: Extraction) -> Graph:
    data = extraction_to_graph(extraction).serialize(format="turtle")
    return Graph().parse(data=data, format="turtle")


def _ask(g: Graph, body: str) -> bool:
    return bool(g.query(sparql_prologue() + f"ASK {{ {body} }}").askAnswer)


def test_article_metadata(harbour_extraction):
    g = _roundtrip(harbour_extraction)
    assert _ask(
        g,
        '?a a kg:Article ; schema:headline ?h ; schema:datePublished "2025-03-14"^^xsd:date ; '
        'kg:ingestedAt ?t ; kg:contentHash ?c ; kg:text ?text . FILTER(STRSTARTS(?h, "Watchdog"))',
    )


def test_entity_mentions_have_offsets_that_point_at_names(harbour_extraction):
    g = _roundtrip(harbour_extraction)
    text = harbour_extraction.article.text
    rows = list(
        g.query(
            sparql_prologue()
            + """
        SELECT ?label ?b ?e ?anchor ?sentence WHERE {
          ?x kg:canonicalKey ?k ; rdfs:label ?label ; kg:mention ?m .
          ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ; kg:inSentence ?sentence ;
             kg:inArticle ?a .
        }"""
        )
    )
    assert rows
    for _label, b, e, anchor, _sentence in rows:
        assert text[int(b) : int(e)] == str(anchor)
    assert _ask(g, '?x a kg:Person ; rdfs:label "Helena Brandt" ; kg:alias "Brandt"')


def test_statements_reports_events_are_attributed_not_asserted(harbour_extraction):
    x = harbour_extraction
    council = next(e for e in x.entities if e.type == "Organization")
    x = Extraction(
        article=x.article,
        sentences=x.sentences,
        entities=x.entities,
        reports=[Report(id="r1", author=council.id, title=None, published="2025-03-12", findings=["s1"])],
        statements=[
            Statement(
                id="s1",
                speaker=council.id,
                speaker_text="Its report",
                cue="found",
                cue_span=(10, 15),
                content="inspectors had flagged faulty wiring",
                content_span=(20, 40),
                kind="finding",
                report="r1",
            ),
            Statement(
                id="s2",
                speaker=None,
                speaker_text="critics",
                cue="denied",
                cue_span=(50, 56),
                content="it had received any formal warning",
                content_span=(60, 80),
                kind="denial",
                responds_to="s1",
                about="r1",
            ),
        ],
        events=[
            Event(
                id="v1",
                type="Attack",
                trigger="fire",
                span=(100, 104),
                time="2025-03",
                time_text="March",
                participants=[Participant(council.id, "agent")],
                quantities=[Quantity(value=40, approx=True, what="workers", text="Around 40 workers")],
                reported_by="s1",
                factuality=Factuality(
                    asserted=False, attributed=True, cue="found", holder=council.id, holder_text="Its report"
                ),
            ),
            Event(id="v2", type="Release", trigger="freed", span=(110, 115)),
        ],
    )
    g = _roundtrip(x)
    assert _ask(
        g,
        '?r a kg:Report ; kg:author ?org ; kg:finding ?s . ?s kg:kind "finding" ; kg:fromReport ?r ; '
        "kg:speaker ?org ; kg:cueMention ?cm ; kg:contentMention ?m",
    )
    assert _ask(g, '?d kg:kind "denial" ; kg:speakerText "critics" ; kg:respondsTo ?s ; kg:about ?r . ?r a kg:Report')
    assert _ask(
        g,
        '?e a kg:Attack, kg:Event ; kg:reportedBy ?s ; kg:time "2025-03"^^xsd:gYearMonth ; '
        'kg:participation [ kg:role "agent" ; kg:participant ?org ] ; '
        "kg:quantity [ schema:value ?v ; kg:approximate true ]",
    )
    # the reported event is not asserted, and says on whose word it rests
    assert _ask(
        g,
        '?e a kg:Attack ; kg:asserted false ; kg:attributed true ; kg:certainty "certain" ; kg:polarity "positive" ; '
        'kg:future false ; kg:special "none" ; kg:factualityCue "found" ; kg:attributedTo ?org ; '
        'kg:holderText "Its report" . ?org a kg:Organization',
    )
    # an event told in the article's own voice is asserted, with no cue or holder
    assert _ask(g, '?e a kg:Release ; kg:asserted true ; kg:attributed false ; kg:future false')
    assert not _ask(g, "?e a kg:Release ; kg:factualityCue|kg:attributedTo|kg:holderText ?x")
    report = validate_nquads(extraction_to_graph(x).serialize(format="nt").encode())
    assert report.conforms, report.text


def test_every_event_has_its_factuality(harbour_extraction):
    """Each event carries exactly one kg:asserted and its reasons, as the extraction judged them."""
    g = _roundtrip(harbour_extraction)
    rows = g.query(
        sparql_prologue()
        + """SELECT ?e (COUNT(DISTINCT ?a) AS ?n) (SAMPLE(?a) AS ?asserted) WHERE {
            ?e a kg:Event OPTIONAL { ?e kg:asserted ?a } } GROUP BY ?e"""
    )
    judged = {f"{e.id}": e.factuality.asserted for e in harbour_extraction.events}
    found = {str(r.e).rsplit("/", 1)[-1]: (int(r.n), r.asserted.toPython()) for r in rows}
    assert found == {k: (1, v) for k, v in judged.items()}
    for ev in harbour_extraction.events:
        f = ev.factuality
        node = f"<{next(str(r.e) for r in rows if str(r.e).endswith('/' + ev.id))}>"
        assert _ask(g, f'{node} kg:certainty "{f.certainty}" ; kg:polarity "{f.polarity}" ; kg:special "{f.special}"')
        assert _ask(g, f"{node} kg:future {str(f.future).lower()} ; kg:attributed {str(f.attributed).lower()}")


def test_shapes_require_the_factuality_of_events(harbour_extraction):
    data = extraction_to_graph(harbour_extraction).serialize(format="nt")
    broken = "\n".join(line for line in data.splitlines() if "#asserted>" not in line)
    assert not validate_nquads(broken.encode()).conforms
    wrong = data.replace('"positive"', '"likely"')
    assert wrong != data and not validate_nquads(wrong.encode()).conforms


def test_graph_conforms_to_shapes(harbour_extraction):
    report = validate_nquads(extraction_to_graph(harbour_extraction).serialize(format="nt").encode())
    assert report.conforms, report.text


def test_shapes_catch_a_broken_graph(harbour_extraction):
    data = extraction_to_graph(harbour_extraction).serialize(format="nt")
    broken = "\n".join(line for line in data.splitlines() if "beginIndex" not in line)
    report = validate_nquads(broken.encode())
    assert not report.conforms and report.violations > 0


def test_same_extraction_gives_same_triples(harbour_extraction):
    from datetime import datetime, timezone

    stamp = datetime(2025, 1, 1, tzinfo=timezone.utc)
    a = extraction_to_graph(harbour_extraction, ingested_at=stamp)
    b = extraction_to_graph(harbour_extraction, ingested_at=stamp)
    assert set(a) == set(b)


def test_places_link_to_gazetteers_and_quotations_continue():
    """A country named two ways is one node linked to GeoNames and ISO 3166; a quotation without a
    cue of its own continues its speaker's statement. Text written for the test."""
    from rdflib import OWL, URIRef

    from kg.extract import extract
    from kg.model import Article
    from kg.rdf.mapping import extraction_to_graph
    from kg.rdf.namespaces import KG

    text = (
        "Trade talks\n\n"
        "The US and America's partners met in Geneva. "
        'Trade envoy Maria Lopez said, "We made progress." "The next round is in May."'
    )
    g = extraction_to_graph(extract(Article(text=text)))
    us = URIRef("https://w3id.org/kg-news/id/entity/place/united-states")
    assert (us, OWL.sameAs, URIRef("https://sws.geonames.org/6252001/")) in g
    assert (us, OWL.sameAs, URIRef("urn:iso:std:iso:3166:-1:US")) in g
    assert len(list(g.triples((None, KG.continues, None)))) == 1
