"""Package data: canned read-only Cypher queries, one file per question (installed as kg.queries)."""
