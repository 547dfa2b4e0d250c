"""Package data: the bundled sample papers (installed as kg.examples)."""
