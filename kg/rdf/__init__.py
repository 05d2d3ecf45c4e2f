"""The mapping layer: the only place where the extracted model meets RDF terms."""
