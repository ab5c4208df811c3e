"""Test-only stand-in for an OPA server: the parts of OPA's REST API checker uses, on regorus.

Implements ``GET/PUT/DELETE /v1/policies[/<id>]``, ``PUT/GET /v1/data/<path>`` and
``POST /v1/data/<path>`` with ``{"input": ...}``, answering with OPA's documented shapes,
including error bodies (``code``, ``message``, ``errors[{code, message, location}]``).
It serves the failure-mode tests (faults, tokens, uploads); verdict parity is checked
against a real OPA: ``real_opa()`` starts the binary .ci/run builds (``CHECKER_OPA_BIN``, or
``opa`` on PATH) on a free port. Not shipped. By hand: ``python tests/opa_server.py 8181``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

import regorus

#: Where regorus says a parse error is ("--> file:line:col"); read here, not by checker's
#: own error parser, so that the answers this server gives do not come from the code tested.
_REGORUS_AT = re.compile(r"-->\s*(?P<file>.+?):(?P<row>\d+):(?P<col>\d+)")


class OpaLikeServer(ThreadingHTTPServer):
    """Holds policies and data; evaluates with one regorus engine, rebuilt after changes."""

    daemon_threads = True

    def __init__(self, token: str | None = None, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.policies: dict[str, str] = {}
        self.data: dict[str, Any] = {}
        self.token = token
        self.fault: str | None = None  # "not_json" | "not_object" | "wrong_result" for /v1/data
        self.log: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self._engine: Any = None
        self._stale = True
        self._evaluator = ThreadPoolExecutor(max_workers=1, thread_name_prefix="opa-eval")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def close(self) -> None:
        """Drop the engine on its own thread, then stop that thread."""
        self._evaluator.submit(setattr, self, "_engine", None).result()
        self._evaluator.shutdown()

    def put_policy(self, policy_id: str, text: str) -> tuple[int, dict[str, Any]]:
        try:
            regorus.Engine().add_policy(policy_id, text)
        except BaseException as exc:  # regorus raises pyo3 exceptions
            at = _REGORUS_AT.search(str(exc))
            location = {"file": policy_id, "row": int(at["row"]), "col": int(at["col"])} \
                if at else {"file": policy_id}
            return 400, {"code": "invalid_parameter",
                         "message": "error(s) occurred while compiling module(s)",
                         "errors": [{"code": "rego_parse_error", "message": "syntax error",
                                     "location": location}]}
        with self._lock:
            self.policies[policy_id] = text
            self._stale = True  # rebuilt by the evaluator thread, which owns the engine
        return 200, {}

    def put_data(self, path: list[str], value: Any) -> None:
        with self._lock:
            if not path:
                self.data = value
            else:
                node = self.data
                for key in path[:-1]:
                    node = node.setdefault(key, {})
                node[path[-1]] = value
            self._stale = True

    def query(self, path: list[str], input_: Any) -> tuple[int, dict[str, Any]]:
        # regorus engines are bound to the thread that made them: one thread evaluates.
        return self._evaluator.submit(self._query, path, input_).result()

    def _query(self, path: list[str], input_: Any) -> tuple[int, dict[str, Any]]:
        ref = ".".join(["data", *path])
        with self._lock:
            try:
                if self._stale:
                    self._stale = False
                    engine = regorus.Engine()
                    for policy_id, text in sorted(self.policies.items()):
                        engine.add_policy(policy_id, text)
                    engine.add_data_json(json.dumps(self.data))
                    self._engine = engine
                self._engine.set_input_json(json.dumps(input_))
                answer = json.loads(self._engine.eval_query_as_json(ref))
            except BaseException as exc:
                self._stale = True
                first = str(exc).strip().splitlines()[:1] or ["evaluation failed"]
                return 500, {"code": "internal_error", "message": first[0]}
        rows = answer.get("result") or []
        return 200, ({"result": rows[0]["expressions"][0]["value"]} if rows else {})


class _Handler(BaseHTTPRequestHandler):
    server: OpaLikeServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else each answer waits on a delayed ACK (~40 ms)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def _route(self) -> tuple[str, str]:
        path = urlsplit(self.path).path
        self.server.log.append((self.command, path))
        for prefix in ("/v1/policies", "/v1/data"):
            if path == prefix or path.startswith(prefix + "/"):
                return prefix.removeprefix("/v1/"), unquote(path[len(prefix):].strip("/"))
        return "", path

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _send(self, status: int, body: Any, raw: bytes | None = None) -> None:
        data = raw if raw is not None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _authorised(self) -> bool:
        if self.server.token and self.headers.get("Authorization") != (
                f"Bearer {self.server.token}"):
            self._body()
            self._send(401, {"code": "unauthorized",
                             "message": "missing or invalid bearer token"})
            return False
        return True

    def do_GET(self) -> None:
        if not self._authorised():
            return
        kind, rest = self._route()
        if kind == "policies" and not rest:
            self._send(200, {"result": [{"id": i, "raw": t, "ast": {}}
                                        for i, t in sorted(self.server.policies.items())]})
        elif kind == "policies" and rest in self.server.policies:
            self._send(200, {"result": {"id": rest, "raw": self.server.policies[rest]}})
        elif kind == "data":
            self._post_query(rest, {})
        else:
            self._send(404, {"code": "resource_not_found", "message": f"{rest} not found"})

    def do_PUT(self) -> None:
        if not self._authorised():
            return
        kind, rest = self._route()
        body = self._body()
        if kind == "policies" and rest:
            self._send(*self.server.put_policy(rest, body.decode("utf-8")))
        elif kind == "data":
            try:
                value = json.loads(body or b"{}")
            except ValueError:
                self._send(400, {"code": "invalid_parameter", "message": "body is not JSON"})
                return
            self.server.put_data([p for p in rest.split("/") if p], value)
            self._send(204, None, raw=b"")
        else:
            self._send(404, {"code": "resource_not_found", "message": self.path})

    def do_DELETE(self) -> None:
        if not self._authorised():
            return
        kind, rest = self._route()
        if kind == "policies" and self.server.policies.pop(rest, None) is not None:
            self._send(200, {})
        else:
            self._send(404, {"code": "resource_not_found", "message": self.path})

    def do_POST(self) -> None:
        if not self._authorised():
            return
        kind, rest = self._route()
        try:
            request = json.loads(self._body() or b"{}")
        except ValueError:
            self._send(400, {"code": "invalid_parameter", "message": "body is not JSON"})
            return
        if kind != "data" or not isinstance(request, dict):
            self._send(404, {"code": "resource_not_found", "message": self.path})
            return
        self._post_query(rest, request.get("input"))

    def _post_query(self, rest: str, input_: Any) -> None:
        if self.server.fault == "not_json":
            self._send(200, None, raw=b"<html>proxy error</html>")
            return
        if self.server.fault == "not_object":
            self._send(200, [1, 2, 3])
            return
        if self.server.fault == "wrong_result":
            self._send(200, {"result": ["not", "an", "object"]})
            return
        self._send(*self.server.query([p for p in rest.split("/") if p], input_))


@contextmanager
def serving(token: str | None = None) -> Iterator[OpaLikeServer]:
    """An OPA-like server on 127.0.0.1:<free port>, in a thread, for the ``with`` block."""
    server = OpaLikeServer(token)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        server.close()
        thread.join(5)


def opa_binary() -> str | None:
    """The real OPA to test against: $CHECKER_OPA_BIN (when set, it must work: the tests
    fail rather than skip), else ``opa`` on PATH, else None."""
    return os.environ.get("CHECKER_OPA_BIN") or shutil.which("opa")


#: Why the real-OPA tests skip when opa_binary() is None.
NO_OPA = ("no OPA binary: .ci/run builds one with `go install` where Go is installed; "
          "or set CHECKER_OPA_BIN, or put opa on PATH")


@contextmanager
def real_opa(binary: str, *args: str) -> Iterator[str]:
    """A fresh ``opa run --server [args]`` on 127.0.0.1:<free port>, stopped after the block;
    yields its URL. Fresh, so that no other test's modules share its packages."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen([binary, "run", "--server", "--addr", f"127.0.0.1:{port}",
                                "--log-level", "error", *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    error = process.stderr.read().decode() if process.stderr else ""
                    raise RuntimeError(f"{binary} run --server did not start: {error}") from None
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


if __name__ == "__main__":  # for trying checker by hand: python tests/opa_server.py 8181
    import sys

    server = OpaLikeServer(port=int(sys.argv[1]) if len(sys.argv) > 1 else 8181)
    print(f"OPA-like server on {server.url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
