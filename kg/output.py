"""Rows to the terminal or to scripts: table | json | csv | md (one shared option)."""

from __future__ import annotations

import csv
import io
import json
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return ", ".join(_cell(v) if not isinstance(v, dict) else _map_text(v) for v in value)
    if isinstance(value, dict):
        return _map_text(value)
    return str(value)


def _map_text(value: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_cell(v)}" for k, v in value.items() if v not in (None, [], "")) + "}"


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    return columns


def render(rows: list[dict[str, Any]], fmt: OutputFormat, console: Console, title: str | None = None) -> None:
    if fmt is OutputFormat.json:
        console.file.write(json.dumps(rows, ensure_ascii=False, default=str, indent=1) + "\n")
        return
    columns = _columns(rows)
    if fmt is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                json.dumps(row.get(c), ensure_ascii=False) if isinstance(row.get(c), list | dict) else _cell(row.get(c))
                for c in columns
            )
        console.file.write(buffer.getvalue())
        return
    if fmt is OutputFormat.md:
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(_cell(row.get(c)).replace("|", "\\|") for c in columns) + " |" for row in rows]
        console.file.write("\n".join(lines) + "\n")
        return
    if not rows:
        console.print(f"[dim]{title + ': ' if title else ''}no rows[/dim]")
        return
    table = Table(title=title, show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    console.print(table)
