"""Files on disk for the reader tests, and the one-line refusal a bad file must get."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.readers import ReadError, read_path

LIMIT = 2_000_000


def write_file(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def refusal(path: Path, max_bytes: int = LIMIT) -> str:
    """The message reading ``path`` is refused with: one line, naming the file."""
    with pytest.raises(ReadError) as caught:
        read_path(path, max_bytes)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(path.name), message
    return message
