"""kg: news articles in, an RDF knowledge graph of actors, events, reports and statements out."""

__version__ = "0.1.0"
