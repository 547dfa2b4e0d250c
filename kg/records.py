"""The saved records under the store home: the source of truth the database is built from.

    <home>/records/<paper id>/source.txt     the paper's text as read
    <home>/records/<paper id>/document.json  its metadata and the record's content hash
    <home>/records/<paper id>/record.ttl     its RDF (written last: the record's commit point)
    <home>/journal/<paper id>.json           a change under way (see kg.library)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.model import Document

PAPER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")


class PaperIdError(ValueError):
    """A paper id that cannot name a record."""


def check_paper_id(paper_id: str) -> str:
    if not PAPER_ID.match(paper_id) or ".." in paper_id:
        raise PaperIdError(
            f"invalid paper id {paper_id!r}: use 1-128 letters, digits and . _ : - (no path separators or '..')"
        )
    return paper_id


def graph_hash(graph: Graph) -> str:
    """A hash of the graph's triples, independent of serialisation order."""
    lines = sorted(graph.serialize(format="nt").splitlines())
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def atomic_write(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RecordStore:
    def __init__(self, home: Path) -> None:
        self.root = home / "records"
        self.journal_dir = home / "journal"

    def folder(self, paper_id: str) -> Path:
        return self.root / check_paper_id(paper_id)

    def paper_ids(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if (p / "record.ttl").is_file())

    def exists(self, paper_id: str) -> bool:
        return (self.folder(paper_id) / "record.ttl").is_file()

    def save(self, document: Document, graph: Graph, content_hash: str) -> None:
        folder = self.folder(document.id)
        meta = {k: v for k, v in asdict(document).items() if k != "text"}
        meta["content_hash"] = content_hash
        atomic_write(folder / "source.txt", document.text)
        atomic_write(folder / "document.json", json.dumps(meta, indent=1, sort_keys=True))
        atomic_write(folder / "record.ttl", graph.serialize(format="turtle"))

    def snapshot(self, paper_id: str) -> dict[str, str] | None:
        """The record's files as they are, to restore if a change cannot be completed."""
        folder = self.folder(paper_id)
        if not (folder / "record.ttl").is_file():
            return None
        return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()
                and not p.name.startswith(".")}

    def restore(self, paper_id: str, snapshot: dict[str, str] | None) -> None:
        if snapshot is None:
            self.delete(paper_id)
            return
        folder = self.folder(paper_id)
        for name, text in snapshot.items():
            atomic_write(folder / name, text)

    def graph(self, paper_id: str) -> Graph:
        graph = Graph()
        graph.parse(self.folder(paper_id) / "record.ttl", format="turtle")
        return graph

    def meta(self, paper_id: str) -> dict[str, Any]:
        try:
            return dict(json.loads((self.folder(paper_id) / "document.json").read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def document(self, paper_id: str) -> Document:
        meta = self.meta(paper_id)
        text = (self.folder(paper_id) / "source.txt").read_text(encoding="utf-8")
        fields = {k: v for k, v in meta.items() if k in Document.__dataclass_fields__}
        fields["authors"] = tuple(fields.get("authors") or ())
        return Document(**{**fields, "id": paper_id, "text": text})

    def delete(self, paper_id: str) -> None:
        shutil.rmtree(self.folder(paper_id), ignore_errors=True)

    # ---- the journal: a change under way, replayed after a crash --------------------------------

    def begin(self, paper_id: str, entry: dict[str, Any]) -> None:
        atomic_write(self.journal_dir / f"{check_paper_id(paper_id)}.json", json.dumps(entry))

    def commit(self, paper_id: str) -> None:
        (self.journal_dir / f"{paper_id}.json").unlink(missing_ok=True)

    def pending(self) -> dict[str, dict[str, Any]]:
        if not self.journal_dir.is_dir():
            return {}
        entries = {}
        for path in sorted(self.journal_dir.glob("*.json")):
            try:
                entries[path.stem] = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                entries[path.stem] = {"op": "put", "previous_uris": []}
        return entries
