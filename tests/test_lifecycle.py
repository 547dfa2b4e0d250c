"""The embedded server's lifecycle, concurrency and crashes, with `kg` as real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

KG = [sys.executable, "-m", "kg"]


def run(home: Path, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KG_HOME": str(home), "KG_CONFIG": os.devnull}
    env.pop("KG_STORE", None)
    return subprocess.run([*KG, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False)


def servers_of(home: Path) -> list[str]:
    """redis-server processes serving this store home (matched by their socket path)."""
    out = subprocess.run(["ps", "-ww", "-eo", "pid,stat,args"], capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines()
            if "redis-server" in line and str(home) in line and " Z" not in line]


def papers_folder(root: Path, count: int) -> Path:
    """`count` copies of the sample commentary, each a different paper."""
    text = SAMPLE.read_text(encoding="utf-8")
    folder = root / "batch"
    folder.mkdir()
    for i in range(count):
        (folder / f"paper{i:02d}.md").write_text(text.replace("id: nras-melanoma-commentary", f"id: batch-{i:02d}"),
                                                 encoding="utf-8")
    return folder


def stats(home: Path) -> list[dict]:
    result = run(home, "stats", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_no_server_is_left_after_a_command(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "add", str(SAMPLE)).returncode == 0
    assert servers_of(home) == []
    assert run(home, "papers").returncode == 0
    assert servers_of(home) == []


def test_a_stopped_server_leaves_its_writes_in_one_snapshot(tmp_path: Path) -> None:
    """A restart loads a snapshot; it does not replay every write of the last session."""
    home = tmp_path / "home"
    assert run(home, "add", str(SAMPLE)).returncode == 0
    logs = home / "db" / "appendonlydir"
    tails = [path for path in logs.iterdir() if path.name.endswith(".incr.aof")]
    assert tails and all(path.stat().st_size == 0 for path in tails)
    assert any(path.name.endswith(".base.rdb") and path.stat().st_size > 1000 for path in logs.iterdir())
    assert {row["name"]: row["count"] for row in stats(home)}["Publication"] == 1


def test_server_start_keeps_it_running_until_stop(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "server", "start").returncode == 0
    try:
        assert servers_of(home)
        assert run(home, "add", str(SAMPLE)).returncode == 0
        assert servers_of(home), "a command must not stop a server the user started"
    finally:
        assert run(home, "server", "stop").returncode == 0
    assert servers_of(home) == []
    assert stats(home)  # persisted across the restart


def test_two_adds_at_once_both_land(tmp_path: Path) -> None:
    home = tmp_path / "home"
    folder = papers_folder(tmp_path, 2)
    env = {**os.environ, "KG_HOME": str(home), "KG_CONFIG": os.devnull}
    procs = [subprocess.Popen([*KG, "add", str(path)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for path in sorted(folder.iterdir())]
    for proc in procs:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    papers = json.loads(run(home, "papers", "--format", "json").stdout)
    assert {p["paper"] for p in papers} == {"batch-00", "batch-01"}
    assert servers_of(home) == []


def test_kill_9_during_a_batch_leaves_no_half_paper(tmp_path: Path) -> None:
    home = tmp_path / "home"
    folder = papers_folder(tmp_path, 8)
    env = {**os.environ, "KG_HOME": str(home), "KG_CONFIG": os.devnull}
    proc = subprocess.Popen([*KG, "add", str(folder)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    records = home / "records"
    while time.monotonic() < deadline and proc.poll() is None:
        if records.is_dir() and len(list(records.iterdir())) >= 2:
            break
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail("the batch finished before it could be killed")
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    validate = run(home, "validate")
    assert validate.returncode == 0, validate.stderr
    loaded = {p["paper"] for p in json.loads(run(home, "papers", "--format", "json").stdout)}
    assert loaded == {p.name for p in records.iterdir() if (p / "record.ttl").exists()}
    for paper in json.loads(run(home, "papers", "--format", "json").stdout):
        assert paper["statements"] > 10  # each paper fully in

    assert run(home, "add", str(folder)).returncode == 0
    before = stats(home)
    assert run(home, "rebuild").returncode == 0
    assert stats(home) == before
    assert len(json.loads(run(home, "papers", "--format", "json").stdout)) == 8
    assert servers_of(home) == []


def test_a_write_the_store_cannot_take_leaves_nothing_partial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.config import load_settings
    from kg.library import Library
    from kg.store import StoreError
    from tests.factories import mek_trial_paper

    home = tmp_path / "home"
    monkeypatch.setenv("KG_HOME", str(home))
    monkeypatch.setenv("KG_CONFIG", os.devnull)
    first, second = mek_trial_paper("paper-a"), mek_trial_paper("paper-b")
    with Library(load_settings()) as lib:
        lib.put(first.document, first)
        pid = lib.store.server.server_pid()  # type: ignore[attr-defined]
        os.kill(pid, signal.SIGKILL)  # the connection breaks under the next write
        with pytest.raises(StoreError):
            lib.put(second.document, second)
        assert not lib.records.exists("paper-b")
        assert lib.records.pending() == {}
    assert stats(home)  # the next command restarts the server on the same data
    papers = json.loads(run(home, "papers", "--format", "json").stdout)
    assert [p["paper"] for p in papers] == ["paper-a"]
    assert run(home, "validate").returncode == 0
    assert servers_of(home) == []


@pytest.mark.parametrize("call", ["clear", "read"])
def test_a_lost_server_is_a_store_error_on_every_call(tmp_path: Path, call: str) -> None:
    from kg.store import StoreError
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "home")
    try:
        pid = store.server.server_pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(StoreError, match="lost the embedded store"):
            getattr(store, call)(*(["MATCH (n) RETURN count(n)"] if call == "read" else []))
    finally:
        store.close()
    assert servers_of(tmp_path / "home") == []


def test_a_server_lost_while_preparing_its_indexes_is_started_again_for_a_lone_command(tmp_path: Path) -> None:
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "home")
    try:
        lost = store.server.server_pid()
        assert lost is not None
        os.kill(lost, signal.SIGKILL)
        store.ensure_schema()
        assert store.server.server_pid() not in (None, lost)
        store.write("MERGE (r:Resource {uri: $uri})", {"uri": "urn:x"})
        assert store.read("MATCH (r:Resource) RETURN r.uri AS uri") == [{"uri": "urn:x"}]
    finally:
        store.close()
    assert servers_of(tmp_path / "home") == []


def test_a_server_lost_while_another_command_uses_it_is_a_store_error(tmp_path: Path) -> None:
    from kg.store import StoreError
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "home")
    other = EmbeddedStore(tmp_path / "home")
    try:
        pid = store.server.server_pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(StoreError, match="lost the embedded store while preparing its indexes"):
            store.ensure_schema()
    finally:
        other.close()
        store.close()
    assert servers_of(tmp_path / "home") == []


def test_a_server_stuck_after_decoding_its_graph_is_given_up_on(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The watchdog that restarts a server whose graph module hangs after loading (seen rarely)."""
    from kg.store import embedded

    server = embedded.EmbeddedServer(tmp_path / "home")
    server.run_dir.mkdir(parents=True)
    server.logfile.write_text("1:M * <module> Done decoding graph evidence_kg\n")
    monkeypatch.setattr(embedded, "STALL_S", 0.2)
    silent = subprocess.Popen(["sleep", "30"])  # alive, never answering on the socket
    try:
        started = time.monotonic()
        assert server._await(silent) is False
        assert time.monotonic() - started < 10
    finally:
        silent.kill()
        silent.wait()
