"""A first guard for `kg cypher`: refuse Cypher that writes before it reaches the store.

The store is the second guard (FalkorDB's GRAPH.RO_QUERY, Neo4j's read access mode); this
check gives a clear message and also stops procedures that write, which some servers allow.
"""

from __future__ import annotations

import re

_STRINGS_AND_COMMENTS = re.compile(
    r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*|/\*.*?\*/", re.DOTALL
)
_QUOTED_NAMES = re.compile(r"`([^`]*)`")
_WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|GRANT|DENY|REVOKE|ALTER|RENAME"
    r"|START\s+DATABASE|STOP\s+DATABASE|TERMINATE|IN\s+TRANSACTIONS)\b",
    re.IGNORECASE,
)
_CALL = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)", re.IGNORECASE)
_DETACH_DELETE = re.compile(r"\bDETACH\s+DELETE\b", re.IGNORECASE)
_READ_PROCEDURES = re.compile(
    r"^(db\.(labels|relationshipTypes|propertyKeys|indexes|constraints|schema\.\w+|info|ping)"
    r"|dbms\.components|algo\.\w+)$",
    re.IGNORECASE,
)


class WriteRefused(ValueError):
    pass


def check_read_only(query: str) -> None:
    """Raise WriteRefused when the query has a write clause or calls a procedure not known to read."""
    code = _STRINGS_AND_COMMENTS.sub(" ", query)
    # a backtick-quoted name is a name: unquote procedure names, blank the others
    names = _QUOTED_NAMES.sub(lambda m: m.group(1) if re.fullmatch(r"[\w.]+", m.group(1)) else " ", code)
    code = _QUOTED_NAMES.sub(" ", code)
    match = _DETACH_DELETE.search(code) or _WRITE_CLAUSES.search(code)
    if match:
        clause = " ".join(match.group(0).split()).upper()
        raise WriteRefused(f"kg cypher is read-only: {clause} is not allowed "
                           "(change the graph with kg add / kg remove)")
    for procedure in _CALL.findall(names):
        if not _READ_PROCEDURES.match(procedure):
            raise WriteRefused(f"kg cypher is read-only: procedure {procedure} is not on the read-only list")
