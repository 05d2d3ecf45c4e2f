"""Every named graph kg keeps besides the article graphs (named by :func:`kg.rdf.iris.article_iri`).

The derived graphs (catalogue, stories) are computed from the article graphs; corrections and links
record what users asked for; the pending mark says derived graphs may lag behind the articles.
"""

from __future__ import annotations

from kg.rdf.namespaces import DATA_NS

CATALOG_GRAPH = f"{DATA_NS}graph/entities"
STORIES_GRAPH = f"{DATA_NS}graph/stories"
LISTINGS_GRAPH = f"{DATA_NS}graph/listings"
CORRECTIONS_GRAPH = f"{DATA_NS}graph/corrections"
LINKS_GRAPH = f"{DATA_NS}graph/links"
ANALYSIS_GRAPH = f"{DATA_NS}graph/analysis"
PENDING_GRAPH = f"{DATA_NS}graph/pending"
LOCK_GRAPH = f"{DATA_NS}graph/lock"  # who is bringing the derived graphs up to date (empty when no one)
