"""Namespaces, with the kg ontology as a closed namespace so a mistyped term fails at import."""

from __future__ import annotations

from rdflib import RDF, RDFS, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

KG_NS = "https://w3id.org/kg-news/ontology#"
DATA_NS = "https://w3id.org/kg-news/id/"

SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
TIME = Namespace("http://www.w3.org/2006/time#")

# terms of other vocabularies that kg writes outside the mapping, as plain IRIs
RDF_TYPE = str(RDF.type)
RDFS_LABEL = str(RDFS.label)
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
PROV_GENERATED_AT = f"{PROV}generatedAtTime"


class KG(DefinedNamespace):
    """Terms of ``ontology/kg.ttl``; a test checks that both name the same terms."""

    _NS = Namespace(KG_NS)
    _fail = True

    Agreement: URIRef
    Arrest: URIRef
    Article: URIRef
    Attack: URIRef
    Election: URIRef
    Entity: URIRef
    Event: URIRef
    Group: URIRef
    HostageTaking: URIRef
    Interview: URIRef
    Investigation: URIRef
    Killing: URIRef
    Mention: URIRef
    MilitaryCampaign: URIRef
    Organization: URIRef
    OtherEntity: URIRef
    OtherEvent: URIRef
    Participation: URIRef
    Person: URIRef
    Place: URIRef
    Protest: URIRef
    Publication: URIRef
    Quantity: URIRef
    Release: URIRef
    Report: URIRef
    Ruling: URIRef
    Sentence: URIRef
    Statement: URIRef
    StatementEvent: URIRef
    TypeEvidence: URIRef
    about: URIRef
    alias: URIRef
    approximate: URIRef
    articleId: URIRef
    author: URIRef
    basedIn: URIRef
    cameoCode: URIRef
    canonicalKey: URIRef
    evidenceCue: URIRef
    evidenceStrength: URIRef
    evidenceType: URIRef
    extractedKey: URIRef
    typeEvidence: URIRef
    content: URIRef
    contentHash: URIRef
    contentMention: URIRef
    counts: URIRef
    cue: URIRef
    cueMention: URIRef
    extractorVersion: URIRef
    finding: URIRef
    fromReport: URIRef
    inArticle: URIRef
    inSentence: URIRef
    ingestedAt: URIRef
    isQuote: URIRef
    kind: URIRef
    leaderOf: URIRef
    locatedIn: URIRef
    lowerBound: URIRef
    memberOf: URIRef
    mention: URIRef
    partOf: URIRef
    participant: URIRef
    participation: URIRef
    publishedText: URIRef
    publisherName: URIRef
    quantity: URIRef
    reportedBy: URIRef
    respondsTo: URIRef
    continues: URIRef
    role: URIRef
    sentenceIndex: URIRef
    source: URIRef
    speaker: URIRef
    speakerMention: URIRef
    speakerText: URIRef
    subEventOf: URIRef
    text: URIRef
    time: URIRef
    timeText: URIRef
    trigger: URIRef
    worksFor: URIRef
    Merge: URIRef
    mergedEntity: URIRef
    into: URIRef
    intoName: URIRef
    mergedName: URIRef
    Join: URIRef
    sharedEntity: URIRef
    EntitySplit: URIRef
    splitEntity: URIRef
    splitFrom: URIRef
    Link: URIRef
    linkedEntity: URIRef
    linkTarget: URIRef
    endpoint: URIRef
    matchedLabel: URIRef
    coParticipatesWith: URIRef
    denies: URIRef
    criticizes: URIRef
    accuses: URIRef
    pageRank: URIRef
    degree: URIRef
    weightedDegree: URIRef
    betweenness: URIRef
    community: URIRef
    nameKey: URIRef
    mentionCount: URIRef
    cataloguedHash: URIRef
    cataloguedEntity: URIRef
    writesPending: URIRef
    lockHeldBy: URIRef
    lockedAt: URIRef
    countedQuads: URIRef
    countedEvents: URIRef
    countedStatements: URIRef
    countedReports: URIRef
    countedMentions: URIRef
    CanonicalEvent: URIRef
    canonicalEvent: URIRef
    eventType: URIRef
    articleCount: URIRef
    firstReported: URIRef
    lastReported: URIRef
    EventLink: URIRef
    storyEvent: URIRef
    claimSpeaker: URIRef
    blockKey: URIRef
    EventMerge: URIRef
    EventSplit: URIRef
    correctedEvent: URIRef
    linkedEvent: URIRef
    linkScore: URIRef
    evidence: URIRef
    Claim: URIRef
    claimStatement: URIRef
    claimTerm: URIRef
    StatementLink: URIRef
    linkedStatement: URIRef
    linkRule: URIRef
    sharedTerm: URIRef
    term: URIRef
    statementCount: URIRef
    statementTerms: URIRef
    windowDays: URIRef
    asserted: URIRef
    certainty: URIRef
    polarity: URIRef
    future: URIRef
    special: URIRef
    attributed: URIRef
    factualityCue: URIRef
    attributedTo: URIRef
    holderText: URIRef
    reportsOn: URIRef
    ActorPair: URIRef
    pairFirst: URIRef
    pairSecond: URIRef
    sharedEvents: URIRef
    assertedSharedEvents: URIRef
    listPosition: URIRef
    sharedListPosition: URIRef
    assertedListPosition: URIRef
    listedLabel: URIRef
    listedEntity: URIRef
    listedPair: URIRef
    StoryFigure: URIRef
    FigureTotal: URIRef
    figureStory: URIRef
    figureGroup: URIRef
    figureValue: URIRef
    figureApproximate: URIRef
    figureText: URIRef
    figureArticles: URIRef
    figureType: URIRef
    figureCounts: URIRef
    figureFactuality: URIRef
    figureTotal: URIRef
    figureEvents: URIRef
    figuresAsWritten: URIRef
    figureSources: URIRef
    figurePosition: URIRef
    listedFigure: URIRef
    bucketEvent: URIRef
    bucketKey: URIRef
    listedTimed: URIRef
    countedInStory: URIRef


PREFIXES = {
    "kg": KG_NS,
    "kgd": DATA_NS,
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "sem": str(SEM),
    "nif": str(NIF),
    "time": str(TIME),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}


def sparql_prologue() -> str:
    """PREFIX lines for every namespace above, so queries can use the short names."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
