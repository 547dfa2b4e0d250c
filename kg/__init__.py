"""evidence-kg: a literature and evidence knowledge graph for cancer research."""

__version__ = "0.1.0"
