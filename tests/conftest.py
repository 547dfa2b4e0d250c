from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.config import load_settings
from kg.library import Library

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "examples" / "nras_melanoma_commentary.md"


@pytest.fixture
def kg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("KG_HOME", str(home))
    monkeypatch.delenv("KG_STORE", raising=False)
    monkeypatch.delenv("KG_CONFIG", raising=False)
    monkeypatch.setenv("KG_CONFIG", str(tmp_path / "no-config.toml"))
    (tmp_path / "no-config.toml").write_text("")
    return home


@pytest.fixture
def library(kg_home: Path) -> Iterator[Library]:
    with Library(load_settings()) as lib:
        yield lib


class Cli:
    """Runs `kg` in-process with Typer's CliRunner; stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        result = self.runner.invoke(app, list(args), catch_exceptions=False)
        done = subprocess.CompletedProcess(list(args), result.exit_code, result.stdout, result.stderr)
        if ok and result.exit_code != 0:
            raise AssertionError(f"kg {' '.join(args)} exited {result.exit_code}: {result.stderr}")
        return done

    def json(self, *args: str) -> list[dict]:
        return json.loads(self(*args, "--format", "json").stdout)


@pytest.fixture
def kg(kg_home: Path) -> Cli:
    return Cli()


def kg_subprocess(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`kg` as its own process (for crash and concurrency tests)."""
    return subprocess.run(["kg", *args], env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=timeout, check=False)
