"""The store interface shared by the embedded FalkorDB and Neo4j."""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any

from filelock import FileLock, Timeout

Row = dict[str, Any]


class StoreError(RuntimeError):
    """The store refused or failed an operation; the message says what to do."""


def hold(lock: FileLock, timeout: float, busy: str) -> AbstractContextManager[object]:
    """The lock held within `timeout` seconds, else a StoreError saying `busy`."""
    try:
        return lock.acquire(timeout=timeout)
    except Timeout as exc:
        raise StoreError(busy) from exc


class ReadOnlyViolation(StoreError):
    """A read-only query tried to write."""


class GraphStore(ABC):
    """A property-graph database that runs the project's Cypher."""

    name: str

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create the uniqueness constraint on Resource.uri and the lookup indexes, if missing."""

    @abstractmethod
    def write(self, query: str, params: dict[str, Any]) -> None:
        """Run one writing query as one transaction: all of it lands or none of it."""

    @abstractmethod
    def read(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run a query the store itself holds to read-only; rows as dicts keyed by column."""

    @abstractmethod
    def clear(self) -> None:
        """Delete every node and relationship."""

    @abstractmethod
    def close(self) -> None:
        """Release connections (and, for the embedded store, the server when nobody else uses it)."""

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
