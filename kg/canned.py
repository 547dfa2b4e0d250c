"""The canned queries: one read-only, parameterised `.cypher` file per question.

Each file starts with a comment header:

    // name: outcomes
    // description: what the question answers
    // param: drug (string, default null): what the parameter means
    // param: entity (string, required): a required parameter
    // example: kg query outcomes --drug binimetinib
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.resources import queries_dir

_HEADER = re.compile(r"^//\s*(name|description|param|example):\s*(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*)\s*\((?P<type>string|int|float|bool)\s*,\s*"
    r"(?:(?P<required>required)|default\s+(?P<default>[^)]*))\)\s*:\s*(?P<help>.+)$"
)
_TYPES = {"string": str, "int": int, "float": float, "bool": bool}


class QueryError(ValueError):
    """An unknown query or a parameter that does not fit; the message says what is accepted."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    default: Any
    help: str

    def convert(self, raw: str) -> Any:
        if self.type == "bool":
            lowered = raw.lower()
            if lowered not in ("true", "false", "yes", "no", "1", "0"):
                raise QueryError(f"--{self.option} takes true or false, not {raw!r}")
            return lowered in ("true", "yes", "1")
        try:
            return _TYPES[self.type](raw)
        except ValueError as exc:
            raise QueryError(f"--{self.option} takes a {self.type}, not {raw!r}") from exc

    @property
    def option(self) -> str:
        return self.name.replace("_", "-")


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    examples: tuple[str, ...]
    text: str

    def bind(self, positional: list[str], options: dict[str, str]) -> dict[str, Any]:
        """Parameter values from a positional value (the first required parameter) and --options."""
        by_option = {p.option: p for p in self.params}
        values: dict[str, Any] = {}
        for key, raw in options.items():
            param = by_option.get(key)
            if param is None:
                accepted = ", ".join(f"--{p.option}" for p in self.params) or "none"
                raise QueryError(f"query {self.name!r} has no option --{key} (accepted: {accepted})")
            values[param.name] = param.convert(raw)
        if positional:
            required = [p for p in self.params if p.required] or list(self.params[:1])
            if len(positional) > 1 or not required:
                raise QueryError(f"query {self.name!r} takes at most one positional value")
            values[required[0].name] = required[0].convert(positional[0])
        for param in self.params:
            if param.name not in values:
                if param.required:
                    raise QueryError(f"query {self.name!r} needs {param.name.upper()} ({param.help})")
                values[param.name] = param.default
        return values


def _default(raw: str | None, kind: str) -> Any:
    if raw is None or raw.strip() == "null":
        return None
    return Param("default", kind, False, None, "").convert(raw.strip())


def parse_query(text: str, fallback_name: str) -> CannedQuery:
    fields: dict[str, list[str]] = {"name": [], "description": [], "param": [], "example": []}
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if match:
            fields[match.group(1)].append(match.group(2).strip())
        elif line.strip() and not line.strip().startswith("//"):
            break
    params = []
    for raw in fields["param"]:
        match = _PARAM.match(raw)
        if not match:
            raise QueryError(f"query {fallback_name}: malformed param header {raw!r}")
        params.append(Param(match["name"], match["type"], bool(match["required"]),
                            _default(match["default"], match["type"]), match["help"].strip()))
    name = fields["name"][0] if fields["name"] else fallback_name
    description = " ".join(fields["description"])
    if not description:
        raise QueryError(f"query {name}: the header needs a description")
    return CannedQuery(name, description, tuple(params), tuple(fields["example"]), text)


@lru_cache(maxsize=1)
def canned_queries() -> dict[str, CannedQuery]:
    queries = {}
    for entry in sorted(queries_dir().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            query = parse_query(entry.read_text(encoding="utf-8"), entry.name.removesuffix(".cypher"))
            queries[query.name] = query
    return queries


def tidy(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lists of names in a stable, case-insensitive order (Cypher's collect() keeps none)."""
    def order(value: Any) -> Any:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return sorted(value, key=lambda v: (v.casefold(), v))
        if isinstance(value, list):
            return [order(v) for v in value]
        if isinstance(value, dict):
            return {k: order(v) for k, v in value.items()}
        return value

    return [{k: order(v) for k, v in row.items()} for row in rows]


def get_query(name: str) -> CannedQuery:
    queries = canned_queries()
    if name not in queries:
        raise QueryError(f"unknown query {name!r}; known queries: {', '.join(sorted(queries))}")
    return queries[name]
