"""Configuration: environment variable > config file > default.

The config file is TOML, at $KG_CONFIG or <user config dir>/evidence-kg/config.toml:

    home = "/data/kg"              # KG_HOME
    store = "embedded"             # KG_STORE: embedded | neo4j
    max_bytes = 500000             # KG_MAX_BYTES: largest paper accepted
    curator = "jdoe"               # KG_CURATOR (else the login name)
    [neo4j]
    uri = "bolt://localhost:7687"  # NEO4J_URI
    user = "neo4j"                 # NEO4J_USER
    database = "neo4j"             # NEO4J_DATABASE
    # the password comes from NEO4J_PASSWORD or this file, never from a command-line flag
    password = "..."
"""

from __future__ import annotations

import getpass
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP = "evidence-kg"
DEFAULT_MAX_BYTES = 500_000


class ConfigError(ValueError):
    """The configuration cannot be used; the message says which setting to fix."""


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str
    password: str
    database: str | None


@dataclass(frozen=True)
class Settings:
    home: Path
    store: str
    max_bytes: int
    curator: str
    neo4j: Neo4jSettings | None


def _config_file() -> Path:
    explicit = os.environ.get("KG_CONFIG")
    return Path(explicit) if explicit else Path(user_config_dir(APP)) / "config.toml"


def _read_file(path: Path) -> dict:
    if not path.exists():
        if os.environ.get("KG_CONFIG"):
            raise ConfigError(f"KG_CONFIG points to {path}, which does not exist")
        return {}
    if path.is_dir():
        raise ConfigError(f"the config file {path} is a folder")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc


def load_settings() -> Settings:
    file = _read_file(_config_file())
    neo = file.get("neo4j", {}) if isinstance(file.get("neo4j"), dict) else {}

    def pick(env: str, value: object, default: object) -> object:
        return os.environ.get(env) or value or default

    home = Path(str(pick("KG_HOME", file.get("home"), user_data_dir(APP)))).expanduser()
    store = str(pick("KG_STORE", file.get("store"), "embedded")).lower()
    if store not in ("embedded", "neo4j"):
        raise ConfigError(f"KG_STORE must be 'embedded' or 'neo4j', not {store!r}")
    raw_max = pick("KG_MAX_BYTES", file.get("max_bytes"), DEFAULT_MAX_BYTES)
    try:
        max_bytes = int(str(raw_max))
    except ValueError as exc:
        raise ConfigError(f"KG_MAX_BYTES must be a whole number of bytes, not {raw_max!r}") from exc
    curator = str(pick("KG_CURATOR", file.get("curator"), None) or _login())
    neo4j = None
    if store == "neo4j":
        uri = pick("NEO4J_URI", neo.get("uri"), None)
        if not uri:
            raise ConfigError("KG_STORE=neo4j needs NEO4J_URI (e.g. bolt://localhost:7687)")
        neo4j = Neo4jSettings(
            uri=str(uri),
            user=str(pick("NEO4J_USER", neo.get("user"), "neo4j")),
            password=str(pick("NEO4J_PASSWORD", neo.get("password"), "")),
            database=str(pick("NEO4J_DATABASE", neo.get("database"), "")) or None,
        )
    return Settings(home=home, store=store, max_bytes=max_bytes, curator=curator, neo4j=neo4j)


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
