"""Every SPARQL query and update of the derived layers, by name, each with what it answers or does.

Templates use ``$name`` placeholders (:class:`string.Template`) that :func:`render` fills: the
derived graphs (``$catalog``, ``$stories``, ``$listings``, ``$corrections``, ``$links``,
``$pending``) always, the rest from its arguments, as SPARQL text the caller writes (an IRI's text
goes between ``<`` and ``>`` in the template; ``$values`` is a list of terms for a VALUES block). Short names (``kg:``,
``schema:``, ``rdfs:`` ...) are predeclared by every store. Fragments that a query is assembled from
end in ``_PART``.

    >>> render(FORGET_ENTRY, graph="https://w3id.org/kg-news/id/graph/entities", node="urn:x")
    'DELETE WHERE { GRAPH <https://w3id.org/kg-news/id/graph/entities> { <urn:x> ?p ?o } }'
"""

from __future__ import annotations

from string import Template

from kg.rdf.graphs import (
    CATALOG_GRAPH,
    CORRECTIONS_GRAPH,
    LINKS_GRAPH,
    LISTINGS_GRAPH,
    LOCK_GRAPH,
    PENDING_GRAPH,
    STORIES_GRAPH,
)

GRAPHS = {
    "catalog": CATALOG_GRAPH,
    "stories": STORIES_GRAPH,
    "listings": LISTINGS_GRAPH,
    "corrections": CORRECTIONS_GRAPH,
    "links": LINKS_GRAPH,
    "pending": PENDING_GRAPH,
    "lock": LOCK_GRAPH,
}


def render(template: str, **params: object) -> str:
    """The template with its placeholders filled: the derived graphs, then ``params`` (as text)."""
    return Template(template).substitute(GRAPHS, **{k: str(v) for k, v in params.items()})


# ---------------------------------------------------------------------------------------- any layer

# Every node of a graph's entry: the whole description of ``$node`` in ``$graph``.
FORGET_ENTRY = "DELETE WHERE { GRAPH <$graph> { <$node> ?p ?o } }"
# Every triple of some nodes' entries in ``$graph``.
ENTRIES = "SELECT ?s ?p ?o WHERE { VALUES ?s { $values } GRAPH <$graph> { ?s ?p ?o } }"
# Take triples (``$triples``, N-Triples lines) out of ``$graph``.
DELETE_DATA = "DELETE DATA { GRAPH <$graph> {\n$triples\n} }"

# ---------------------------------------------------------------------------------------- protocol (base)

# Article graphs a layer has not taken in: their content hash is not the one the layer recorded.
NOT_TAKEN = (
    "SELECT ?g WHERE { GRAPH ?g { ?g kg:contentHash ?h } "
    "FILTER NOT EXISTS { GRAPH <$layer> { ?g kg:cataloguedHash ?h } } }"
)
# Article graphs a layer took in that are gone (or hold another content now).
TAKEN_GONE = (
    "SELECT ?g WHERE { GRAPH <$layer> { ?g kg:cataloguedHash ?h } "
    "FILTER NOT EXISTS { GRAPH ?g { ?g kg:contentHash ?h } } }"
)
# Whether article graphs were written that the layers may not have taken in (the pending mark).
WRITES_PENDING = "ASK { GRAPH <$pending> { ?s ?p ?o } }"
# Whether a derived graph has taken in any article graph.
LAYER_TAKEN_ANY = "ASK { GRAPH <$layer> { ?g kg:cataloguedHash ?h } }"
# Clear the pending mark.
CLEAR_PENDING = "DROP SILENT GRAPH <$pending>"
# Take the lock on the derived graphs: ``$held`` (the lock's IRI for one run) held by ``$token``
# since now (the server's clock, so that runs on several machines agree), unless some run holds
# it. Two runs may both get in at once (each sees the other's insert only afterwards), so a run goes
# on only when LOCK_HOLDERS then names it alone. A run lets go with FORGET_ENTRY (graph: the lock
# graph, node: ``$held``).
TAKE_LOCK = (
    "INSERT { GRAPH <$lock> { <$held> kg:lockHeldBy $token ; kg:lockedAt ?now } } "
    "WHERE { BIND(NOW() AS ?now) FILTER NOT EXISTS { GRAPH <$lock> { ?other kg:lockHeldBy ?anyone } } }"
)
# Who holds the lock, and whether for longer than ``$age`` (an xsd:dayTimeDuration: a lock left by a
# killed run).
LOCK_HOLDERS = (
    "SELECT ?held ?stale WHERE { GRAPH <$lock> { ?held kg:lockHeldBy ?token ; kg:lockedAt ?at } "
    "BIND(NOW() - ?at > $age AS ?stale) }"
)
# Forget that a layer took in an article graph (its recorded hash).
FORGET_TAKEN = "DELETE WHERE { GRAPH <$layer> { <$graph> kg:cataloguedHash ?x } }"
# Forget the entities a layer recorded for an article graph.
FORGET_TAKEN_ENTITIES = "DELETE WHERE { GRAPH <$layer> { <$graph> kg:cataloguedEntity ?y } }"
# Record the content hash of an article graph a layer has taken in.
RECORD_TAKEN = (
    "INSERT { GRAPH <$layer> { <$graph> kg:cataloguedHash ?h } } "
    "WHERE { GRAPH <$graph> { <$graph> kg:contentHash ?h } }"
)

# ---------------------------------------------------------------------------------------- catalogue

# What the article graphs (not the catalogue) say of some entities: type, label, aliases, keys, each
# with the number of graphs that say it (counted by the store: an entity of every article would
# otherwise send one row per article).
ENTITY_FACTS = """SELECT ?e ?p ?o (COUNT(*) AS ?n) WHERE {
  VALUES ?e { $values }
  GRAPH ?g { ?e ?p ?o FILTER(?p IN (rdf:type, rdfs:label, kg:alias, kg:canonicalKey)) }
  FILTER(?g != <$catalog>)
} GROUP BY ?e ?p ?o"""
# How many articles and mentions name each of some entities.
ENTITY_COUNTS = """SELECT ?e (COUNT(DISTINCT ?g) AS ?articles) (COUNT(?m) AS ?mentions) WHERE {
  VALUES ?e { $values }
  GRAPH ?g { ?e kg:mention ?m }
} GROUP BY ?e"""
# The entities some article graphs name now or the catalogue recorded for them before.
ENTITIES_OF_ARTICLES = (
    "SELECT DISTINCT ?e WHERE { VALUES ?g { $values } "
    "{ GRAPH <$catalog> { ?g kg:cataloguedEntity ?e } } UNION { GRAPH ?g { ?g schema:mentions ?e } } }"
)
# Record in the catalogue the entities an article graph names.
RECORD_ENTITIES = (
    "INSERT { GRAPH <$catalog> { <$graph> kg:cataloguedEntity ?e } } "
    "WHERE { GRAPH <$graph> { <$graph> schema:mentions ?e } }"
)
# Forget one count the catalogue keeps of an article graph (``$count``: kg:countedQuads ...).
FORGET_COUNT = "DELETE WHERE { GRAPH <$catalog> { <$graph> $count ?n } }"
# Record an article graph's counts (``$counts``: predicate-object pairs, ``$where``: COUNTS_PART).
RECORD_COUNTS = "INSERT { GRAPH <$catalog> { <$graph> $counts } } WHERE { $where }"
# An article graph's counts as one row (``$where``: COUNTS_PART).
COUNTS = "SELECT * WHERE { $where }"
# One count of an article graph, as ?$name (``$pattern``: what is counted).
COUNT_PART = "{ SELECT (COUNT(*) AS ?$name) WHERE { GRAPH <$graph> { $pattern } } }"
# The counts of a stored article graph (one with a content hash).
STORED_PART = "GRAPH <$graph> { <$graph> kg:contentHash ?h } $counts"

# ---------------------------------------------------------------------------------------- corrections

# An entity by IRI, canonical key, name or alias (``?ref`` bound by the caller).
FIND_ENTITY = """
        SELECT DISTINCT ?e ?name WHERE {
          ?e kg:canonicalKey ?key ; rdfs:label ?name .
          OPTIONAL { ?e kg:alias ?alias }
          FILTER(STR(?e) = STR(?ref) || STR(?key) = STR(?ref) || LCASE(STR(?name)) = LCASE(STR(?ref))
                 || LCASE(STR(?alias)) = LCASE(STR(?ref)))
        }"""
# The entity merges recorded: which entity went into which, and the name it keeps.
RECORDED_MERGES = """
        SELECT ?merged ?into ?name WHERE {
          GRAPH <$corrections> { ?c a kg:Merge ; kg:mergedEntity ?merged ; kg:into ?into ; kg:intoName ?name }
        }"""
# The graphs that name a node, as subject or object.
GRAPHS_MENTIONING = "SELECT DISTINCT ?g WHERE { GRAPH ?g { { <$node> ?p ?o } UNION { ?s ?p <$node> } } }"
# Forget a merge of entities: its record and its owl:sameAs.
REMOVE_MERGE = """DELETE WHERE { GRAPH <$corrections> { <$node> ?p ?o } } ;
        DELETE DATA { GRAPH <$corrections> { <$merged> owl:sameAs <$into> } }"""
# A story's first member event.
STORY_FIRST_EVENT = "SELECT (MIN(STR(?e)) AS ?first) WHERE { GRAPH <$stories> { ?e kg:canonicalEvent <$story> } }"
# Whether a node is an event of an article.
IS_EVENT = "ASK { <$event> kg:trigger ?t }"
# The event corrections recorded: merges (two events each) and splits (one event each).
EVENT_CORRECTIONS = """SELECT ?c ?kind ?e WHERE { GRAPH <$corrections> {
          ?c a ?kind ; kg:correctedEvent ?e . VALUES ?kind { kg:EventMerge kg:EventSplit } } }"""
# Record that two events are one story, lifting the splits of either.
RECORD_EVENT_MERGE = """DELETE { GRAPH <$corrections> { ?c ?p ?o } } WHERE { GRAPH <$corrections> {
          ?c a kg:EventSplit ; kg:correctedEvent ?e ; ?p ?o . VALUES ?e { <$a> <$b> } } } ;
        INSERT DATA { GRAPH <$corrections> {
          <$node> a kg:EventMerge ; kg:correctedEvent <$a> , <$b> ;
            prov:generatedAtTime $time } }"""
# The events an event was merged with.
EVENT_MERGE_PARTNERS = (
    "SELECT ?x WHERE { GRAPH <$corrections> { ?c a kg:EventMerge ; kg:correctedEvent <$event> , ?x } }"
)
# Record that an event stands on its own, lifting its merges.
RECORD_EVENT_SPLIT = """DELETE { GRAPH <$corrections> { ?c ?p ?o } } WHERE { GRAPH <$corrections> {
          ?c a kg:EventMerge ; kg:correctedEvent <$event> ; ?p ?o } } ;
        INSERT DATA { GRAPH <$corrections> {
          <$node> a kg:EventSplit ; kg:correctedEvent <$event> ;
            prov:generatedAtTime $time } }"""

# ---------------------------------------------------------------------------------------- joins

# The persons the catalogue describes (``$where``: which: PERSONS_OF_ARTICLES_PART, or nothing for all).
PERSONS = (
    "SELECT DISTINCT ?e ?label ?alias WHERE { $where "
    "GRAPH <$catalog> { ?e a kg:Person ; rdfs:label ?label OPTIONAL { ?e kg:alias ?alias } } }"
)
# The entities some article graphs name.
PERSONS_OF_ARTICLES_PART = "VALUES ?g { $values } GRAPH ?g { ?g schema:mentions ?e }"
# The persons with one of some name keys (looked up first, in a subquery: joined with the rest,
# Oxigraph scans).
PERSONS_NAMED = """SELECT DISTINCT ?e ?label ?alias WHERE {
  { SELECT DISTINCT ?e WHERE { VALUES ?k { $keys } GRAPH <$catalog> { ?e kg:nameKey ?k } } }
  GRAPH <$catalog> { ?e a kg:Person ; rdfs:label ?label OPTIONAL { ?e kg:alias ?alias } }
}"""
# Entities of any type with a name of several words that matches ``$pattern`` (a regex literal).
NAMES_MATCHING = """SELECT ?e ?name ?type WHERE { GRAPH <$catalog> {
  ?e kg:nameKey ?name FILTER(CONTAINS(?name, " ") && REGEX(?name, $pattern))
  ?e a ?type ; rdfs:label ?label } }"""
# Which article graphs name which entities, for given ``?$given`` (g or e).
ARTICLES_NAMING = "SELECT ?g ?e WHERE { VALUES ?$given { $values } GRAPH ?g { ?g schema:mentions ?e } }"
# Label and article count of some entities, from the catalogue.
LABELS_AND_COUNTS = """SELECT ?e ?label ?n WHERE { VALUES ?e { $values }
  GRAPH <$catalog> { ?e rdfs:label ?label ; kg:articleCount ?n } }"""
# How many articles the catalogue has taken in.
ARTICLE_COUNT = "SELECT (COUNT(?g) AS ?n) WHERE { GRAPH <$catalog> { ?g kg:cataloguedHash ?h } }"
# The articles ``?a`` that tell of a story an article ``?b`` tells of too, with how many stories.
STORY_TIES = """SELECT ?a (COUNT(DISTINCT ?c) AS ?n) WHERE { VALUES ?a { $a } VALUES ?b { $b }
  GRAPH <$stories> { ?a kg:storyEvent ?x . ?x kg:canonicalEvent ?c .
    ?y kg:canonicalEvent ?c . ?b kg:storyEvent ?y } FILTER(?a != ?b) } GROUP BY ?a"""
# The articles ``?g`` where ``$who`` has a relation (``$predicates``) to what ``$full`` has it to in
# an article ``?h``, with the label of what it is.
RELATION_TIES = """SELECT DISTINCT ?g ?p ?label WHERE { VALUES ?p { $predicates } VALUES ?g { $a }
  VALUES ?h { $b } GRAPH ?g { <$who> ?p ?o } GRAPH ?h { <$full> ?p ?o } FILTER(?g != ?h)
  OPTIONAL { GRAPH <$catalog> { ?o rdfs:label ?label } } }"""
# The entity splits a user recorded: (entity taken out, entity it was taken out of).
USER_SPLITS = """SELECT ?a ?b WHERE { GRAPH <$corrections> {
  ?c a kg:EntitySplit ; kg:splitEntity ?a ; kg:splitFrom ?b } }"""
# One person's label and aliases, from the catalogue.
PERSON = """SELECT ?e ?label ?alias WHERE { VALUES ?e { <$node> } GRAPH <$catalog> {
  ?e rdfs:label ?label OPTIONAL { ?e kg:alias ?alias } } }"""
# The automatic joins of one rule (``$rule``, a literal) in force: (entity merged, entity it went
# into, its name as written, the name it takes, why).
RECORDED_JOINS = """SELECT ?a ?b ?name ?into ?evidence WHERE { GRAPH <$corrections> {
  ?c a kg:Join ; kg:linkRule $rule ; kg:mergedEntity ?a ; kg:into ?b ; kg:mergedName ?name ;
    kg:intoName ?into ; kg:evidence ?evidence } }"""
# The words of each mention of an entity in some article graphs.
MENTION_TEXTS = """SELECT ?g ?text WHERE { VALUES ?g { $values }
  GRAPH ?g { <$node> kg:mention ?m . ?m nif:anchorOf ?text } }"""
# Article graphs that still name an entity merged away.
NOT_APPLIED = """SELECT DISTINCT ?g WHERE { GRAPH <$corrections> { ?c a kg:Merge ; kg:mergedEntity ?e }
  GRAPH ?g { ?g schema:mentions ?e } }"""

# ---------------------------------------------------------------------------------------- type joins

# The entity keys (type/name) the extractor gave in some article graphs.
EXTRACTED_KEYS = "SELECT DISTINCT ?k WHERE { VALUES ?g { $values } GRAPH ?g { ?t kg:extractedKey ?k } }"
# The names (key without its type) some article of the store gives two types or more.
NAMES_OF_TWO_TYPES = """SELECT ?name WHERE { GRAPH ?g { ?t kg:extractedKey ?k } BIND(STRAFTER(?k, "/") AS ?name) }
  GROUP BY ?name HAVING (COUNT(DISTINCT ?k) > 1)"""
# What each article says of some extracted keys (``$keys``, literals): how strongly, why, and the
# label of the entity that now carries the key's evidence.
TYPE_EVIDENCE = """SELECT ?g ?k ?strength ?cue ?label WHERE { VALUES ?k { $keys } GRAPH ?g {
  ?t kg:extractedKey ?k ; kg:evidenceStrength ?strength . ?e kg:typeEvidence ?t ; rdfs:label ?label
  OPTIONAL { ?t kg:evidenceCue ?cue } } }"""

# ---------------------------------------------------------------------------------------- links

# Items of a Wikidata-shaped knowledge base whose label or alias is one of some names, plain or
# language-tagged (``$values``: pairs of literals). Sent to another endpoint: it declares its prefixes.
KB_ITEMS_NAMED = """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?name ?item ?via WHERE {
          VALUES (?name ?tagged) { $values }
          { ?item rdfs:label ?name BIND("label" AS ?via) }
          UNION { ?item rdfs:label ?tagged BIND("label" AS ?via) }
          UNION { ?item skos:altLabel ?name BIND("alias" AS ?via) }
          UNION { ?item skos:altLabel ?tagged BIND("alias" AS ?via) }
        }"""
# Every entity with its names (label and aliases).
ENTITY_NAMES = "SELECT ?e ?name WHERE { ?e kg:canonicalKey ?k . { ?e rdfs:label ?name } UNION { ?e kg:alias ?name } }"
# Replace the links made against one endpoint (``$endpoint``, a literal) with new ones (``$triples``).
REPLACE_LINKS = """DELETE { GRAPH <$links> { ?e owl:sameAs ?t . ?n ?p ?o } }
        WHERE { GRAPH <$links> {
          ?n kg:endpoint $endpoint ; kg:linkedEntity ?e ; kg:linkTarget ?t ; ?p ?o } } ;
        INSERT DATA { GRAPH <$links> { $triples } }"""

# ---------------------------------------------------------------------------------------- stories: reading

# A body (``$body``) read in one article graph, with the article (``?a``) named as a constant:
# Oxigraph plans GRAPH ?a with OPTIONALs badly.
IN_ARTICLE_PART = "BIND(<$graph> AS ?a) GRAPH <$graph> { $body }"
# A body read for given nodes (``?$var``) over all graphs.
FOR_NODES_PART = "VALUES ?$var { $values } $body"
# A typed event (``$types``: the event classes) with what scoring needs and whether its article
# (``$article``) asserts it.
EVENT_RECORD_PART = """?e kg:trigger ?trigger ; a ?type ; kg:asserted ?isFact ; kg:mention ?m .
  ?m kg:inArticle $article .
  FILTER(?type IN ($types))
  OPTIONAL { ?e kg:time ?time }
  OPTIONAL { $article schema:datePublished ?published }
  OPTIONAL { ?e sem:hasPlace ?place }
  OPTIONAL { ?e sem:hasActor ?who }"""
# Events as scoring reads them (``$selection``: EVENT_RECORD_PART in IN_ARTICLE_PART or FOR_NODES_PART).
EVENT_RECORDS = "SELECT ?e ?a ?type ?trigger ?isFact ?time ?published ?place ?who WHERE { $selection }"
# A statement with what claims and answers need; ``$article``: its article.
STATEMENT_RECORD_PART = """?s kg:kind ?kind ; kg:content ?content ; kg:cueMention ?m . ?m kg:inArticle $article .
  OPTIONAL { $article schema:datePublished ?published }
  OPTIONAL { ?s kg:speaker ?speaker }
  OPTIONAL { ?s schema:mentions ?named }
  OPTIONAL { ?s kg:about ?report . ?report kg:author ?reportAuthor }"""
# Statements as claims and answers read them (``$selection`` as for EVENT_RECORDS).
STATEMENT_RECORDS = "SELECT ?s ?a ?published ?speaker ?kind ?content ?named ?reportAuthor WHERE { $selection }"
# The events (``?e``) a statement ``?s`` tells of: those it reports or is about, and what they are part of.
TOLD_PART = "{ ?told kg:reportedBy ?s } UNION { ?s kg:about ?told } ?told kg:subEventOf? ?e ."
# The story (``?c``) an event ``?e`` is a member or a report of. A union, not a VALUES list of the two
# predicates: with the predicate a variable Oxigraph read every such triple of the graph and joined them
# (48 against 6 ms for 300 statements on a 2,000-article store).
IN_STORY_PART = "GRAPH <$stories> { { ?e kg:canonicalEvent ?c } UNION { ?e kg:reportsOn ?c } }"

# ---------------------------------------------------------------------------------------- stories: events

# Events indexed under some keys (literals): candidates of the same type, participant and week.
INDEXED_UNDER = "SELECT DISTINCT ?e WHERE { VALUES ?k { $values } GRAPH <$stories> { ?e kg:blockKey ?k } }"
# Events indexed under any key that starts with ``$prefix`` (a literal): a coarse time meets every week.
INDEXED_UNDER_PREFIX = (
    "SELECT DISTINCT ?e WHERE { GRAPH <$stories> { ?e kg:blockKey ?k } FILTER(STRSTARTS(?k, $prefix)) }"
)
# The events the stories graph holds for some articles.
EVENTS_OF_ARTICLES = "SELECT ?a ?e WHERE { VALUES ?a { $values } GRAPH <$stories> { ?a kg:storyEvent ?e } }"
# The stories of some events.
STORIES_OF_EVENTS = "SELECT ?c WHERE { VALUES ?e { $values } GRAPH <$stories> { ?e kg:canonicalEvent ?c } }"
# The story of each of some events.
STORY_OF_EVENTS = "SELECT ?e ?c WHERE { VALUES ?e { $values } GRAPH <$stories> { ?e kg:canonicalEvent ?c } }"
# The members of some stories.
MEMBERS_OF_STORIES = "SELECT ?e ?c WHERE { VALUES ?c { $values } GRAPH <$stories> { ?e kg:canonicalEvent ?c } }"
# The stored links of some events with their score and evidence, each pair once.
LINKS_OF_EVENTS = """SELECT ?l ?a ?b ?score ?evidence WHERE { VALUES ?a { $values } GRAPH <$stories> {
  ?l kg:linkedEvent ?a , ?b ; kg:linkScore ?score ; kg:evidence ?evidence . FILTER(STR(?a) < STR(?b)) } }"""
# The reports of some stories.
REPORTS_OF_STORIES = "SELECT ?r WHERE { VALUES ?c { $values } GRAPH <$stories> { ?r kg:reportsOn ?c } }"
# What the stories graph says of some events with some predicates (``$predicates``: kg:blockKey ...).
EVENT_ENTRIES = (
    "SELECT ?s ?p ?o WHERE { VALUES ?p { $predicates } VALUES ?s { $values } GRAPH <$stories> { ?s ?p ?o } }"
)
# Every triple of the links of some events.
EVENT_LINK_ENTRIES = (
    "SELECT DISTINCT ?l ?p ?o WHERE { VALUES ?e { $values } GRAPH <$stories> { ?l kg:linkedEvent ?e ; ?p ?o } }"
)

# ---------------------------------------------------------------------------------------- stories: claims

# The stories of some statements: those of the events they tell of.
STORIES_OF_STATEMENTS = "SELECT ?s ?c WHERE { VALUES ?s { $values } " + TOLD_PART + " " + IN_STORY_PART + " }"
# Statements with one of some actors on a path (``$path``: kg:speaker, schema:mentions, kg:about/kg:author).
STATEMENTS_WITH = "SELECT DISTINCT ?s WHERE { VALUES ?x { $values } ?s $path ?x ; kg:kind ?k }"
# The same, of some kinds only (``$kinds``: literals).
STATEMENTS_OF_KINDS_WITH = (
    "SELECT DISTINCT ?s WHERE { VALUES ?x { $values } VALUES ?k { $kinds } ?s $path ?x ; kg:kind ?k }"
)
# Statements telling of events of some stories.
STATEMENTS_OF_STORIES = (
    "SELECT DISTINCT ?s WHERE { VALUES ?c { $values } " + IN_STORY_PART + " " + TOLD_PART + " ?s kg:kind ?k }"
)
# Statements telling of some events.
STATEMENTS_TELLING_OF = "SELECT DISTINCT ?s WHERE { VALUES ?e { $values } " + TOLD_PART + " ?s kg:kind ?k }"
# The statement count and the answer window the stories graph holds.
STORY_SETTINGS = """SELECT ?n ?w WHERE { GRAPH <$stories> {
  OPTIONAL { <$stories> kg:statementCount ?n }
  OPTIONAL { <$stories> kg:windowDays ?w } } }"""
# Every word with the number of statements that use it.
WORD_COUNTS = "SELECT ?t ?n WHERE { GRAPH <$stories> { ?x kg:term ?t ; kg:statementCount ?n } }"
# The number of statements that use each of some words (their term nodes).
TERM_COUNTS = "SELECT ?x ?n WHERE { VALUES ?x { $values } GRAPH <$stories> { ?x kg:statementCount ?n } }"
# The words of their statements and the statement count the stories graph keeps for some articles.
ARTICLE_TERMS = (
    "SELECT ?a ?t ?n WHERE { VALUES ?a { $values } GRAPH <$stories> { "
    "?a kg:statementTerms ?t ; kg:statementCount ?n } }"
)
# Forget the words and statement count kept for an article.
FORGET_ARTICLE_TERMS = "DELETE WHERE { GRAPH <$stories> { <$article> kg:statementTerms ?t ; kg:statementCount ?n } }"
# Forget the store's statement count.
FORGET_STATEMENT_COUNT = "DELETE WHERE { GRAPH <$stories> { <$stories> kg:statementCount ?n } }"
# Forget the answer window.
FORGET_WINDOW = "DELETE WHERE { GRAPH <$stories> { <$stories> kg:windowDays ?n } }"
# Every article graph.
ARTICLE_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a kg:Article } }"
# Statements of stored links that pass a filter on ``?s`` (``$filter``: the articles they are of).
LINKED_STATEMENTS = "SELECT DISTINCT ?s WHERE { GRAPH <$stories> { ?l kg:linkedStatement ?s } FILTER($filter) }"
# Statements of stored links that share one of some words.
LINKED_STATEMENTS_SHARING = (
    "SELECT DISTINCT ?s WHERE { VALUES ?t { $values } GRAPH <$stories> { "
    "?l kg:sharedTerm ?t ; kg:linkedStatement ?s } }"
)
# Every member of the claims some statements belong to.
CLAIM_MEMBERS = (
    "SELECT DISTINCT ?x WHERE { VALUES ?s { $values } GRAPH <$stories> { ?c kg:claimStatement ?s , ?x } }"
)
# Every member of the claims two of whose members share one of some words.
CLAIM_MEMBERS_SHARING = (
    "SELECT DISTINCT ?x WHERE { VALUES ?t { $values } GRAPH <$stories> { ?c kg:claimTerm ?t ; kg:claimStatement ?x } }"
)
# The speakers of the claims some statements belong to.
CLAIM_SPEAKERS = (
    "SELECT DISTINCT ?sp WHERE { VALUES ?s { $values } GRAPH <$stories> { "
    "?c kg:claimStatement ?s ; kg:claimSpeaker ?sp } }"
)
# The claims of some speakers with their statements.
CLAIMS_OF_SPEAKERS = (
    "SELECT DISTINCT ?c ?x WHERE { VALUES ?sp { $values } GRAPH <$stories> { "
    "?c kg:claimSpeaker ?sp ; kg:claimStatement ?x } }"
)
# The links of some statements.
LINKS_OF_STATEMENTS = (
    "SELECT DISTINCT ?l WHERE { VALUES ?s { $values } GRAPH <$stories> { ?l kg:linkedStatement ?s } }"
)
# The stored links of some statements (``?a``) with their other end, rule and score, each pair once.
STATEMENT_PAIRS = """SELECT ?a ?b ?rule ?score WHERE { VALUES ?a { $values } GRAPH <$stories> {
  ?l kg:linkedStatement ?a , ?b ; kg:linkRule ?rule ; kg:linkScore ?score FILTER(STR(?a) < STR(?b)) } }"""
# What some statements answer and what answers them (``?a`` answers ``?b``).
ANSWERS_OF = """SELECT DISTINCT ?a ?b WHERE { VALUES ?s { $values } GRAPH <$stories> {
  { ?s kg:respondsTo ?b BIND(?s AS ?a) } UNION { ?a kg:respondsTo ?s BIND(?s AS ?b) } } }"""

# ---------------------------------------------------------------------------------------- stories: reporting

# What the stories graph holds: stories, those of several articles, reports, claims, answers.
STORY_COUNTS = """SELECT (COUNT(DISTINCT ?c) AS ?canonical) (COUNT(DISTINCT ?multi) AS ?linked)
       (COUNT(DISTINCT ?report) AS ?reports)
       (COUNT(DISTINCT ?claim) AS ?claims) (COUNT(DISTINCT ?r) AS ?responses) WHERE {
  GRAPH <$stories> {
    { ?c a kg:CanonicalEvent OPTIONAL { ?c kg:articleCount ?n FILTER(?n > 1) BIND(?c AS ?multi) } }
    UNION { ?report kg:reportsOn ?story }
    UNION { ?claim a kg:Claim } UNION { ?r kg:respondsTo ?x }
  } }"""
# Drop the stories graph.
DROP_STORIES = "DROP SILENT GRAPH <$stories>"
# For events and statements: the article, its date and headline, its text, and where the node's
# mentions (a statement's cue) and their sentences are.
SENTENCES = """SELECT ?x ?a ?published ?headline ?text ?begin ?end ?mb ?content WHERE {
  VALUES ?x { $values } VALUES ?via { kg:mention kg:cueMention }
  ?x ?via ?m . ?m kg:inArticle ?a ; nif:beginIndex ?mb .
  OPTIONAL { ?m kg:inSentence ?sentence . ?sentence nif:beginIndex ?begin ; nif:endIndex ?end }
  ?a kg:text ?text . OPTIONAL { ?x kg:content ?content }
  OPTIONAL { ?a schema:datePublished ?published } OPTIONAL { ?a schema:headline ?headline } }"""
# The events of one story (``?e``), members and reports.
STORY_EVENTS_PART = (
    "VALUES ?c { <$story> } GRAPH <$stories> { { ?e kg:canonicalEvent ?c } UNION { ?e kg:reportsOn ?c } }"
)
# The event links of one story's events.
STORY_EVENT_LINKS = (
    "SELECT DISTINCT ?l ?a ?b ?score ?evidence WHERE { "
    + STORY_EVENTS_PART
    + """
  GRAPH <$stories> { ?l kg:linkedEvent ?e , ?a , ?b ; kg:linkScore ?score ; kg:evidence ?evidence }
  FILTER(STR(?a) < STR(?b)) }"""
)
# The claim and answer links of the statements telling of one story's events.
STORY_STATEMENT_LINKS = (
    "SELECT DISTINCT ?l ?a ?b ?rule ?score ?evidence WHERE { "
    + STORY_EVENTS_PART
    + """ { ?told kg:reportedBy ?told_s } UNION { ?told_s kg:about ?told } ?told kg:subEventOf? ?e .
  GRAPH <$stories> { ?l kg:linkedStatement ?told_s , ?a , ?b ; kg:linkRule ?rule ; kg:linkScore ?score ;
    kg:evidence ?evidence } FILTER(?a != ?b) }"""
)
# Every event link with its score and evidence.
EVENT_LINKS = """SELECT ?l ?a ?b ?score ?evidence WHERE { GRAPH <$stories> {
  ?l a kg:EventLink ; kg:linkedEvent ?a , ?b ; kg:linkScore ?score ; kg:evidence ?evidence
  FILTER(STR(?a) < STR(?b)) } }"""
# Every claim and answer link with its rule, score and evidence.
STATEMENT_LINKS = """SELECT ?l ?a ?b ?rule ?score ?evidence WHERE { GRAPH <$stories> { ?l a kg:StatementLink ;
  kg:linkedStatement ?a , ?b ; kg:linkRule ?rule ; kg:linkScore ?score ; kg:evidence ?evidence
  FILTER(?a != ?b) } }"""
# Whether statement ``$a`` answers ``$b``.
ANSWERS = "ASK { GRAPH <$stories> { <$a> kg:respondsTo <$b> } }"

# ---------------------------------------------------------------------------------------- listings: what is listed

# Drop the listings graph.
DROP_LISTINGS = "DROP SILENT GRAPH <$listings>"
# Every article graph stored (one with a content hash).
STORED_ARTICLES = "SELECT ?g WHERE { GRAPH ?g { ?g kg:contentHash ?h } }"
# Which of some article graphs are in the store.
PRESENT_ARTICLES = "SELECT ?g WHERE { VALUES ?g { $values } GRAPH ?g { ?g kg:contentHash ?h } }"
# Article counts and mention counts of some entities the entities query lists (a catalogue entry with
# a type and counts). Required patterns only: with the entities given first, Oxigraph looks each up
# (an OPTIONAL there makes it read the whole catalogue).
LISTED_ENTITY_COUNTS = """SELECT ?e ?a ?m WHERE { VALUES ?e { $values } GRAPH <$catalog> {
  ?e kg:articleCount ?a ; kg:mentionCount ?m ; a ?class } }"""
# Every entity the entities query lists, with its name, article count and mention count.
LISTED_ENTITIES = """SELECT ?e ?name ?a ?m WHERE { GRAPH <$catalog> {
  ?e rdfs:label ?name ; kg:articleCount ?a ; kg:mentionCount ?m ; a ?class } }"""
# The names of some entities in the catalogue.
CATALOG_LABELS = "SELECT ?e ?name WHERE { VALUES ?e { $values } GRAPH <$catalog> { ?e rdfs:label ?name } }"
# The name of every entity in the catalogue.
ALL_CATALOG_LABELS = "SELECT ?e ?name WHERE { GRAPH <$catalog> { ?e rdfs:label ?name } }"
# The events one pair of actors shares, the pair bound as ?x ?y (joined by UNION in PAIRS_SHARED_EVENTS).
PAIR_EVENTS_PART = "{ ?ev sem:hasActor <$x> . ?ev sem:hasActor <$y> BIND(<$x> AS ?x) BIND(<$y> AS ?y) }"
# How many events each of some pairs of actors shares (``$pairs``: PAIR_EVENTS_PART joined by UNION):
# all of them, and those the article asserts, as the co-participants query counts them.
PAIRS_SHARED_EVENTS = """SELECT ?x ?y (COUNT(DISTINCT ?ev) AS ?all) (COUNT(DISTINCT ?fact) AS ?facts) WHERE {
  $pairs ?ev kg:asserted ?asserted BIND(IF(?asserted, ?ev, ?none) AS ?fact) } GROUP BY ?x ?y"""
# How many events every pair of actors (?x before ?y by IRI) shares: all of them, and those asserted.
ALL_SHARED_EVENTS = """SELECT ?x ?y (COUNT(DISTINCT ?ev) AS ?all) (COUNT(DISTINCT ?fact) AS ?facts) WHERE {
  { SELECT ?ev ?x WHERE { ?ev sem:hasActor ?x } } { SELECT ?ev ?y WHERE { ?ev sem:hasActor ?y } }
  FILTER(STR(?x) < STR(?y)) ?ev kg:asserted ?asserted BIND(IF(?asserted, ?ev, ?none) AS ?fact) }
GROUP BY ?x ?y"""
# The pairs of actors of events in some article graphs (?x before ?y by IRI).
ARTICLE_ACTOR_PAIRS = """SELECT DISTINCT ?g ?x ?y WHERE { VALUES ?g { $values }
  GRAPH ?g { ?ev sem:hasActor ?x . ?ev sem:hasActor ?y } FILTER(STR(?x) < STR(?y)) }"""
# The events with figures in some article graphs.
ARTICLE_FIGURE_EVENTS = "SELECT DISTINCT ?g ?e WHERE { VALUES ?g { $values } GRAPH ?g { ?e kg:quantity ?q } }"
# The typed events with a time in some article graphs (the types events-in-range lists, as the events
# query: speech acts are statements), with the month (``?key``, "YYYY-MM") their time starts in.
ARTICLE_TIMED_EVENTS = """SELECT DISTINCT ?g ?e ?key WHERE { VALUES ?g { $values }
  VALUES ?type { kg:Attack kg:Killing kg:HostageTaking kg:Release kg:MilitaryCampaign kg:Publication
    kg:Interview kg:Investigation kg:Arrest kg:Ruling kg:Election kg:Agreement kg:Protest }
  GRAPH ?g { ?e kg:time ?time ; a ?type } BIND(SUBSTR(CONCAT(STR(?time), "-01-01"), 1, 7) AS ?key) }"""
# What the listings layer recorded for some article graphs when it last took them in: their entities,
# pairs, events with figures and timed events.
LISTED_RECORDS = """SELECT ?g ?p ?o WHERE { VALUES ?g { $values } GRAPH <$listings> { ?g ?p ?o }
  FILTER(?p IN (kg:listedEntity, kg:listedPair, kg:listedFigure, kg:listedTimed)) }"""
# The month buckets the timed events recorded for some article graphs are filed in.
FILED_MONTHS = """SELECT ?b ?e WHERE { VALUES ?g { $values } GRAPH <$listings> {
  ?g kg:listedTimed ?e . ?b kg:bucketEvent ?e } }"""

# ---------------------------------------------------------------------------------------- listings: positions

# The rows of one listing in order: their positions (``$predicate``: kg:listPosition ...).
LISTING_ORDER = "SELECT ?r ?p WHERE { GRAPH <$listings> { ?r <$predicate> ?p } } ORDER BY ?p"
# Forget one value of a listings row (its position, one of its totals ...).
FORGET_LISTED = "DELETE WHERE { GRAPH <$listings> { <$node> <$predicate> ?o } }"
# The actors of some stored pair rows.
PAIR_ACTORS = """SELECT ?p ?x ?y WHERE { VALUES ?p { $values } GRAPH <$listings> {
  ?p kg:pairFirst ?x ; kg:pairSecond ?y } }"""
# The keys of some pair rows as stored: their count (``$predicate``: kg:sharedEvents or
# kg:assertedSharedEvents), their actors and the catalogue's names of them.
PAIR_KEYS = """SELECT ?p ?n ?x ?y ?a ?b WHERE { VALUES ?p { $values } GRAPH <$listings> {
  ?p <$predicate> ?n ; kg:pairFirst ?x ; kg:pairSecond ?y }
  GRAPH <$catalog> { ?x rdfs:label ?a . ?y rdfs:label ?b } }"""
# The names some entities were placed by.
LISTED_LABELS = "SELECT ?e ?name WHERE { VALUES ?e { $values } GRAPH <$listings> { ?e kg:listedLabel ?name } }"
# The pair rows of some entities.
PAIRS_OF_ENTITIES = """SELECT DISTINCT ?p WHERE { VALUES ?e { $values } GRAPH <$listings> {
  { ?p kg:pairFirst ?e } UNION { ?p kg:pairSecond ?e } } }"""

# ---------------------------------------------------------------------------------------- listings: figures

# The events a story ``?story`` (bound before) is made of, as ``?event``: its members, or the event
# itself when it is in none.
STORY_MEMBERS_PART = """OPTIONAL { GRAPH <$stories> { ?member kg:canonicalEvent ?story } }
  BIND(COALESCE(?member, ?story) AS ?event)
  FILTER(BOUND(?member) || NOT EXISTS { GRAPH <$stories> { ?event kg:canonicalEvent ?other } })"""
# The factuality of an ``?event`` (whose kg:asserted is ``?asserted``) as quantity-totals words it.
FACTUALITY_PART = """
  OPTIONAL { ?event kg:polarity ?polarity } OPTIONAL { ?event kg:future ?future }
  OPTIONAL { ?event kg:certainty ?certainty }
  OPTIONAL { ?event kg:special ?special } OPTIONAL { ?event kg:attributed ?attributed }
  OPTIONAL { ?event kg:factualityCue ?cue }
  OPTIONAL { ?event kg:attributedTo ?holder OPTIONAL { GRAPH <$catalog> { ?holder rdfs:label ?holderLabel } } }
  OPTIONAL { ?event kg:holderText ?holderText }
  BIND(COALESCE(?holderLabel, ?holderText) AS ?source)
  BIND(IF(?asserted, "asserted", REPLACE(CONCAT(
         IF(?polarity = "negative", ", negated", ""), IF(?future, ", future", ""),
         IF(?certainty = "certain", "", CONCAT(", ", ?certainty)),
         IF(?special = "none", "", CONCAT(", ", ?special)),
         IF(BOUND(?source), CONCAT(", reported by ", ?source), IF(?attributed, ", alleged", "")),
         IF(BOUND(?cue), CONCAT(" (", ?cue, ")"), "")), "^, ", "")) AS ?factuality)
"""
# The rows of quantity-totals' inner query of some stories (one per story, type, unit and factuality),
# over every event (asserted or not: the factuality tells them apart).
STORY_FIGURES = (
    """SELECT ?story ?type ?counts ?factuality (MAX(?value) AS ?figure) (MAX(?approxValue) AS ?approx)
       (SAMPLE(?text) AS ?written) (GROUP_CONCAT(DISTINCT STR(?article); separator=" ") AS ?articles)
WHERE {
  VALUES ?story { $values }
  """
    + STORY_MEMBERS_PART
    + """
  GRAPH ?article { ?event a ?type ; kg:quantity ?q ; kg:asserted ?asserted . }
  FILTER(?type NOT IN (kg:Event) && STRSTARTS(STR(?type), STR(kg:)))
  ?q schema:value ?value ; kg:counts ?counts ; kg:approximate ?approxValue ; rdfs:label ?text .
  FILTER(LCASE(?counts) NOT IN ("percent", "per cent", "%", "percentage", "year", "years"))
  """
    + FACTUALITY_PART
    + """}
GROUP BY ?story ?type ?counts ?factuality"""
)
# The events with figures (``?event``) of some stories (``?story``).
STORY_FIGURE_EVENTS = (
    "SELECT DISTINCT ?event ?story WHERE { VALUES ?story { $values } " + STORY_MEMBERS_PART + " ?event kg:quantity ?q }"
)
# The events with figures the listings recorded for some article graphs, with the story each was counted in.
LISTED_FIGURE_EVENTS = """SELECT DISTINCT ?e ?s WHERE { VALUES ?g { $values } GRAPH <$listings> {
  ?g kg:listedFigure ?e OPTIONAL { ?e kg:countedInStory ?s } } }"""
# Events counted in another story than the one they are in now (their canonical event, else themselves).
MOVED_FIGURE_EVENTS = """SELECT ?e ?s ?now WHERE { GRAPH <$listings> { ?e kg:countedInStory ?s }
  OPTIONAL { GRAPH <$stories> { ?e kg:canonicalEvent ?c } } BIND(COALESCE(?c, ?e) AS ?now) FILTER(?now != ?s) }"""
# Counted events attributed to some entities (their factuality names them).
FIGURE_EVENTS_ATTRIBUTED = """SELECT DISTINCT ?e WHERE { VALUES ?h { $values } ?e kg:attributedTo ?h
  GRAPH <$listings> { ?e kg:countedInStory ?s } }"""
# The story each of some events is counted in.
COUNTED_IN_STORY = "SELECT ?e ?s WHERE { VALUES ?e { $values } GRAPH <$listings> { ?e kg:countedInStory ?s } }"
# Every triple of the story rows (kg:StoryFigure) of some stories, with the total (``?t``) each is in.
STORY_FIGURE_ROWS = """SELECT ?r ?t ?p ?o WHERE { VALUES ?s { $values } GRAPH <$listings> {
  ?r kg:figureStory ?s ; kg:figureGroup ?t ; ?p ?o } }"""
# Some totals of quantity-totals added up from their story rows: sum, count, approximate, words, articles.
FIGURE_SUMS = """SELECT ?t (SUM(?v) AS ?total) (COUNT(?r) AS ?events) (MAX(?a) AS ?approx)
       (GROUP_CONCAT(?w; separator=" | ") AS ?written) (GROUP_CONCAT(?s; separator=" ") AS ?sources)
WHERE { VALUES ?t { $values } GRAPH <$listings> { ?r kg:figureGroup ?t ; kg:figureValue ?v ;
  kg:figureApproximate ?a ; kg:figureText ?w ; kg:figureArticles ?s } }
GROUP BY ?t"""
# Every total of quantity-totals with what orders it, and its position when it has one.
FIGURE_TOTALS = """SELECT ?t ?total ?type ?counts ?f ?p WHERE { GRAPH <$listings> { ?t kg:figureTotal ?total ;
  kg:figureType ?type ; kg:figureCounts ?counts ; kg:figureFactuality ?f OPTIONAL { ?t kg:figurePosition ?p } } }"""
