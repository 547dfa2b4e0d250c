"""Graph stores: one interface, an embedded FalkorDB and a Neo4j server, the same Cypher."""

from __future__ import annotations

from kg.config import Settings
from kg.store.base import GraphStore, StoreError


def open_store(settings: Settings) -> GraphStore:
    """Open the configured store; close it with `close()` (or use it as a context manager)."""
    if settings.store == "neo4j":
        from kg.store.neo4j_store import Neo4jStore

        assert settings.neo4j is not None
        return Neo4jStore(settings.neo4j)
    from kg.store.embedded import EmbeddedStore

    return EmbeddedStore(settings.home)


__all__ = ["GraphStore", "StoreError", "open_store"]
