"""Package data: the OWL ontology, SHACL shapes and the lexicon (installed as kg.ontology)."""
