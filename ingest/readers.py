"""Readers: a file on disk -> Documents (text + metadata), chosen by content and extension.

Paper ids: the PMID, else the DOI, else the front matter's `id`, else a hash of the title
line (so that an edited version of the same paper replaces the earlier one).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import SOURCE_TYPES, Document
from kg.records import PaperIdError, check_paper_id

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class ReadError(ValueError):
    """The file cannot be read as a paper; the message says why, in one line."""


@dataclass
class ReadResult:
    documents: list[Document]
    warnings: list[str] = field(default_factory=list)


def _decode(data: bytes, name: str, warnings: list[str]) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        raise ReadError(f"{name}: binary content (NUL bytes), not a text paper")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        warnings.append(f"{name}: not UTF-8; decoded as Windows-1252/Latin-1")
    if len(_CONTROL.findall(text)) > max(8, len(text) // 200):
        raise ReadError(f"{name}: binary content (control characters), not a text paper")
    return text


def _slug_doi(doi: str) -> str:
    return "doi_" + re.sub(r"[^A-Za-z0-9._-]", "_", doi.strip())


def title_hash_id(text: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return "text-" + hashlib.sha256(" ".join(first.lower().split()).encode()).hexdigest()[:12]


def choose_paper_id(pmid: str | None, doi: str | None, given: str | None, text: str) -> str:
    if pmid:
        return check_paper_id(f"pmid_{pmid}" if not pmid.isdigit() else pmid)
    if doi:
        return check_paper_id(_slug_doi(doi))
    if given:
        return check_paper_id(given)
    return title_hash_id(text)


def _front_matter(text: str, name: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise ReadError(f"{name}: malformed YAML front matter: {str(exc).splitlines()[0]}") from exc
    if not isinstance(meta, dict):
        raise ReadError(f"{name}: the front matter must be a mapping of fields")
    return meta, text[match.end():]


def _optional_str(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    return None if value is None else str(value).strip() or None


def read_text(data: bytes, name: str) -> ReadResult:
    warnings: list[str] = []
    text = _decode(data, name, warnings)
    meta, body = _front_matter(text, name)
    if not body.strip():
        raise ReadError(f"{name}: no text to read")
    year = meta.get("year")
    try:
        year_value = int(year) if year is not None else None
    except (TypeError, ValueError) as exc:
        raise ReadError(f"{name}: front matter year must be a number, not {year!r}") from exc
    source_type = _optional_str(meta, "source_type")
    if source_type is not None and source_type not in SOURCE_TYPES:
        raise ReadError(f"{name}: source_type must be one of {', '.join(SOURCE_TYPES)}")
    pmid, doi = _optional_str(meta, "pmid"), _optional_str(meta, "doi")
    title = _optional_str(meta, "title") or next((ln.strip() for ln in body.splitlines() if ln.strip()), None)
    authors = meta.get("authors") or ()
    try:
        paper_id = choose_paper_id(pmid, doi, _optional_str(meta, "id"), body)
    except PaperIdError as exc:
        raise ReadError(f"{name}: {exc}") from exc
    doc = Document(
        id=paper_id, text=body, title=title, pmid=pmid, doi=doi, journal=_optional_str(meta, "journal"),
        year=year_value, authors=tuple(str(a) for a in authors) if isinstance(authors, list) else (str(authors),),
        source_type=source_type, source_path=name,
    )
    return ReadResult([doc], warnings)


def read_path(path: Path, max_bytes: int) -> ReadResult:
    """Read one file into its papers; raises ReadError with a one-line reason."""
    name = path.name
    if not path.exists():
        raise ReadError(f"{path}: no such file")
    if not path.is_file():
        raise ReadError(f"{path}: not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise ReadError(f"{name}: empty file")
    if size > max_bytes:
        raise ReadError(f"{name}: {size} bytes is over the limit of {max_bytes} (set KG_MAX_BYTES to change it)")
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if path.suffix.lower() in TEXT_SUFFIXES or not path.suffix:
        return read_text(data, name)
    raise ReadError(f"{name}: unknown format {path.suffix!r} (supported: .txt, .md)")
