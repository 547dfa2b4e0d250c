"""The library behind the CLI: read papers, record them, load them, answer from the store.

Writing a paper follows a journal so that a crash at any moment leaves each paper either
fully in or absent: the journal entry is written first (with the URIs the old version put in
the store), then the record (record.ttl last), then the store in one transaction, then the
journal entry is removed. A command that finds journal entries replays them first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from filelock import FileLock
from rdflib import Graph

from kg.config import Settings
from kg.curation import Decision, decisions_json, new_decision, read_decisions, statement_uri, with_decisions
from kg.load import load_paper, unload_paper
from kg.model import Document, PaperFacts
from kg.pgmap import MappingError, to_property_graph
from kg.rdf import EKG, paper_graph
from kg.records import PaperIdError, RecordStore, atomic_write, check_paper_id, graph_hash
from kg.shapes import shacl_problems
from kg.store import GraphStore, StoreError, open_store
from kg.store.base import hold

if TYPE_CHECKING:
    from ingest.lexicon import Lexicon
    from ingest.readers import ReadResult

log = logging.getLogger(__name__)
WRITE_LOCK_TIMEOUT_S = 300.0


class PaperRefused(ValueError):
    """A paper that cannot go in; the message gives the reasons."""


class UnknownPaper(LookupError):
    pass


class UnknownStatement(LookupError):
    pass


def user_lexicon_dir(home: Path) -> Path:
    return home / "lexicon"


@dataclass
class AddOutcome:
    source: str
    paper: str | None
    status: str  # added | unchanged | replaced | refused
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_papers(path: Path, max_bytes: int) -> ReadResult:
    from ingest.readers import read_path

    return read_path(path, max_bytes)


def current_lexicon(home: Path) -> Lexicon:
    """The shipped lexicon with the user's additions (`kg lexicon add`) laid over it."""
    from ingest.lexicon import read_lexicon, shipped_lexicon

    user = user_lexicon_dir(home)
    shipped = shipped_lexicon()
    return shipped.merged(read_lexicon(user)) if user.is_dir() else shipped


def extract(document: Document, lexicon: Lexicon | None = None) -> PaperFacts:
    from ingest.extract import read_paper

    return read_paper(document, lexicon)


def build_record(facts: PaperFacts) -> tuple[Graph, str]:
    """The paper's RDF, validated by SHACL; raises PaperRefused with the reasons."""
    graph = paper_graph(facts)
    problems = shacl_problems(graph)
    if problems:
        raise PaperRefused("; ".join(problems[:5]) + (f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""))
    return graph, graph_hash(graph)


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Files named, files inside folders named (sorted, hidden ones skipped) and, for a quoted
    pattern such as 'papers/*.xml' that names no file itself, the files it matches."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif not path.exists() and any(c in str(path) for c in "*?["):
            anchor = Path(path.anchor) if path.is_absolute() else Path()
            yield from sorted(p for p in anchor.glob(str(path.relative_to(anchor))) if p.is_file())
        else:
            yield path


def _attempt(path: Path, document: Document, warnings: list[str], put: Callable[[], str]) -> AddOutcome:
    try:
        return AddOutcome(str(path), document.id, put(), None, warnings)
    except (PaperRefused, MappingError, PaperIdError, StoreError) as exc:
        return AddOutcome(str(path), document.id, "refused", str(exc), warnings)


def _statements(graph: Graph) -> set[str]:
    from rdflib import RDF

    return {str(s) for s in graph.subjects(RDF.type, EKG.Statement)}


def _uris(graph: Graph) -> set[str]:
    return to_property_graph(graph).node_uris()


class Library:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.records = RecordStore(settings.home)
        self._store: GraphStore | None = None
        self._write_lock = FileLock(str(settings.home / "write.lock"))
        self._lexicon: Lexicon | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = current_lexicon(self.settings.home)
        return self._lexicon

    # ---- lifecycle ---------------------------------------------------------------------------

    @property
    def store(self) -> GraphStore:
        if self._store is None:
            self.settings.home.mkdir(parents=True, exist_ok=True)
            store = open_store(self.settings)
            try:
                store.ensure_schema()
            except BaseException:
                store.close()
                raise
            self._store = store
            if self.records.pending():
                with self._writing():
                    self._recover()
        return self._store

    def close(self) -> None:
        if self._store is not None:
            store, self._store = self._store, None
            store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _writing(self) -> AbstractContextManager[object]:
        return hold(self._write_lock, WRITE_LOCK_TIMEOUT_S,
                    "another command is writing to the store; try again when it ends")

    def _recover(self) -> None:
        for paper_id, entry in self.records.pending().items():
            previous = set(entry.get("previous_uris", []))
            if entry.get("op") != "remove" and self.records.exists(paper_id):
                load_paper(self.store, paper_id, self._loadable(paper_id), previous)
                log.warning("recovered paper %s after an interrupted command", paper_id)
            else:
                unload_paper(self.store, paper_id, previous)
                self.records.delete(paper_id)
                log.warning("finished removing paper %s after an interrupted command", paper_id)
            self.records.commit(paper_id)

    # ---- writing -----------------------------------------------------------------------------

    def put(self, document: Document, facts: PaperFacts | None = None) -> str:
        """Extract, record and load one paper; returns added | unchanged | replaced."""
        graph, content_hash = build_record(facts or extract(document, self.lexicon))
        return self._put_graph(document, graph, content_hash)

    def put_graph(self, document: Document, graph: Graph) -> str:
        """Record and load a curated record (Turtle in the project ontology) as it is."""
        problems = shacl_problems(graph)
        if problems:
            raise PaperRefused("; ".join(problems[:5]))
        if not document.text and self.records.exists(document.id):
            # a re-imported record keeps the source text it was read from
            document = replace(document, text=self.records.document(document.id).text)
        return self._put_graph(document, graph, graph_hash(graph))

    def _put_graph(self, document: Document, graph: Graph, content_hash: str) -> str:
        store = self.store
        with self._writing():
            existed = self.records.exists(document.id)
            if existed and self.records.meta(document.id).get("content_hash") == content_hash:
                return "unchanged"
            previous = _uris(self.records.graph(document.id)) if existed else set()
            self.records.begin(document.id, {"op": "put", "new_hash": content_hash,
                                             "previous_uris": sorted(previous)})
            snapshot = self.records.snapshot(document.id)
            self.records.save(document, graph, content_hash)
            try:
                load_paper(store, document.id, self._loadable(document.id), previous)
            except StoreError:
                # the store refused the whole transaction: put the record back as it was
                self.records.restore(document.id, snapshot)
                self.records.commit(document.id)
                raise
            self.records.commit(document.id)
        return "replaced" if existed else "added"

    def _loadable(self, paper_id: str) -> Graph:
        """A saved record as it goes into the database: with the curator decisions on its evidence."""
        return with_decisions(self.records.graph(paper_id), read_decisions(self.records.folder(paper_id)))

    # ---- curating ----------------------------------------------------------------------------

    def decide(self, statement: str, status: str, curator: str, reason: str | None,
               paper: str | None = None) -> list[str]:
        """Accept or reject a statement in every paper that supports it (or in one); returns the papers."""
        uri = statement_uri(statement)
        rows = self.read("MATCH (s:Resource {uri: $uri}) MATCH (e:Evidence)-[:SUPPORTS]->(s) "
                         "RETURN DISTINCT e.paperId AS paper", {"uri": uri})
        papers = sorted(r["paper"] for r in rows if paper is None or r["paper"] == paper)
        if not papers:
            where = f" in paper {paper!r}" if paper else ""
            raise UnknownStatement(f"no statement {statement!r}{where} (see `kg review`)")
        decision = new_decision(status, curator, reason)
        for paper_id in papers:
            self._record_decision(paper_id, uri, decision)
        return papers

    def _record_decision(self, paper_id: str, uri: str, decision: Decision) -> None:
        folder = self.records.folder(paper_id)
        with self._writing():
            previous = _uris(self.records.graph(paper_id))
            self.records.begin(paper_id, {"op": "put", "previous_uris": sorted(previous)})
            decisions = read_decisions(folder)
            decisions[uri] = decision
            atomic_write(folder / "decisions.json", decisions_json(decisions))
            load_paper(self.store, paper_id, self._loadable(paper_id), previous)
            self.records.commit(paper_id)

    def reextract(self, paper_ids: list[str]) -> list[dict[str, Any]]:
        """Run extraction again on saved source texts with the current lexicon and pipeline."""
        for paper_id in paper_ids:
            if not self.records.exists(check_paper_id(paper_id)):
                raise UnknownPaper(f"no paper {paper_id!r} in the store (see `kg papers`)")
        rows = []
        for paper_id in paper_ids or self.records.paper_ids():
            document = self.records.document(paper_id)
            if not document.text.strip():
                rows.append({"paper": paper_id, "status": "skipped", "added": 0, "removed": 0,
                             "reason": "a curated record without source text"})
                continue
            before = _statements(self.records.graph(paper_id))
            graph, content_hash = build_record(extract(document, self.lexicon))
            status = self._put_graph(document, graph, content_hash)
            after = _statements(graph)
            rows.append({"paper": paper_id, "status": status, "added": len(after - before),
                         "removed": len(before - after), "reason": None})
        return rows

    def add_file(self, path: Path) -> list[AddOutcome]:
        from ingest.readers import ReadError

        try:
            result = read_papers(path, self.settings.max_bytes)
        except ReadError as exc:
            return [AddOutcome(str(path), None, "refused", str(exc))]
        outcomes = [_attempt(path, doc, result.warnings, partial(self.put, doc)) for doc in result.documents]
        outcomes += [_attempt(path, doc, result.warnings, partial(self.put_graph, doc, graph))
                     for doc, graph in result.graphs]
        if not outcomes:
            outcomes.append(AddOutcome(str(path), None, "refused", f"{path.name}: no paper in the file",
                                       result.warnings))
        return outcomes

    def remove(self, paper_id: str) -> None:
        check_paper_id(paper_id)
        store = self.store
        with self._writing():
            if not self.records.exists(paper_id):
                raise UnknownPaper(f"no paper {paper_id!r} in the store (see `kg papers`)")
            previous = _uris(self.records.graph(paper_id))
            self.records.begin(paper_id, {"op": "remove", "previous_uris": sorted(previous)})
            unload_paper(store, paper_id, previous)
            self.records.delete(paper_id)
            self.records.commit(paper_id)

    def rebuild(self) -> int:
        """Empty the database and load every saved record again."""
        store = self.store
        with self._writing():
            store.clear()
            store.ensure_schema()
            ids = self.records.paper_ids()
            for paper_id in ids:
                load_paper(store, paper_id, self._loadable(paper_id), set())
        return len(ids)

    # ---- reading -----------------------------------------------------------------------------

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self.store.read(query, params)

    def validate(self) -> list[str]:
        """Problems with the saved records (SHACL) or between records and the database."""
        problems = []
        for paper_id in self.records.paper_ids():
            problems += [f"{paper_id}: {p}" for p in shacl_problems(self.records.graph(paper_id))]
        loaded = {row["paper"] for row in self.read("MATCH (p:Publication) RETURN p.paperId AS paper")}
        recorded = set(self.records.paper_ids())
        problems += [f"{p}: recorded but not in the database (run `kg rebuild`)" for p in sorted(recorded - loaded)]
        problems += [f"{p}: in the database but has no record (run `kg rebuild`)" for p in sorted(loaded - recorded)]
        return problems
