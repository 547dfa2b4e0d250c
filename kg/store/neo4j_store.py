"""Neo4j through the official driver (KG_STORE=neo4j, NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)."""

from __future__ import annotations

from typing import Any

from kg.config import Neo4jSettings
from kg.store.base import GraphStore, ReadOnlyViolation, Row, StoreError

SCHEMA = (
    "CREATE CONSTRAINT resource_uri IF NOT EXISTS FOR (n:Resource) REQUIRE n.uri IS UNIQUE",
    "CREATE INDEX evidence_paper IF NOT EXISTS FOR (n:Evidence) ON (n.paperId)",
    "CREATE INDEX publication_paper IF NOT EXISTS FOR (n:Publication) ON (n.paperId)",
)


def _plain(value: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **dict(value)}
    if isinstance(value, Relationship):
        return {"type": value.type, **dict(value)}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "edges": [_plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Neo4jStore(GraphStore):
    name = "neo4j"

    def __init__(self, settings: Neo4jSettings) -> None:
        import neo4j
        from neo4j.exceptions import AuthError, ServiceUnavailable

        self._database = settings.database
        try:
            self._driver = neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password))
            self._driver.verify_connectivity()
        except (ServiceUnavailable, OSError) as exc:
            raise StoreError(f"cannot reach Neo4j at {settings.uri}: start it (docker compose up -d) "
                             "or fix NEO4J_URI") from exc
        except AuthError as exc:
            raise StoreError("Neo4j refused the credentials: check NEO4J_USER and NEO4J_PASSWORD") from exc
        except ValueError as exc:
            raise StoreError(f"NEO4J_URI is not usable: {exc}") from exc

    def _session(self, read: bool) -> Any:
        import neo4j

        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        return self._driver.session(database=self._database, default_access_mode=mode)

    def ensure_schema(self) -> None:
        with self._session(read=False) as session:
            for statement in SCHEMA:
                session.run(statement).consume()

    def write(self, query: str, params: dict[str, Any]) -> None:
        from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

        def work(tx: Any) -> None:
            tx.run(query, params).consume()

        try:
            with self._session(read=False) as session:
                session.execute_write(work)
        except (ServiceUnavailable, SessionExpired) as exc:
            raise StoreError(f"lost Neo4j during a write; nothing was committed: {exc}") from exc
        except Neo4jError as exc:
            raise StoreError(f"Neo4j refused the write: {exc.message}") from exc

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable, SessionExpired

        def work(tx: Any) -> list[Row]:
            result = tx.run(query, params or {})
            return [{k: _plain(v) for k, v in record.items()} for record in result]

        try:
            with self._session(read=True) as session:
                return session.execute_read(work)  # type: ignore[no-any-return]
        except ClientError as exc:
            if "AccessMode" in (exc.code or "") or "Forbidden" in (exc.code or ""):
                raise ReadOnlyViolation("the query writes; only read-only Cypher is allowed here") from exc
            raise StoreError(f"the query failed: {exc.message}") from exc
        except (ServiceUnavailable, SessionExpired) as exc:
            raise StoreError(f"lost Neo4j: {exc}") from exc
        except Neo4jError as exc:
            raise StoreError(f"the query failed: {exc.message}") from exc

    def clear(self) -> None:
        self.write("MATCH (n) DETACH DELETE n", {})

    def close(self) -> None:
        self._driver.close()
