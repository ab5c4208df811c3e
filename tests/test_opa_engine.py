"""The OPA engine over real HTTP: its failure modes against test servers (faults, tokens,
a server that trickles its answer), and a real OPA where one is available (CHECKER_OPA_URL,
or a fresh ``opa run --server`` from CHECKER_OPA_BIN / PATH).
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from conftest import Mini
from opa_server import NO_OPA, OpaLikeServer, opa_binary, real_opa, serving

from checker.engines.opa import OpaEngine, policy_id
from checker.errors import EvaluationError, InputError
from checker.policies import PolicyModule

REAL_OPA = os.environ.get("CHECKER_OPA_URL")
OPA_BIN = opa_binary()


@pytest.fixture
def opa() -> Iterator[OpaLikeServer]:
    with serving() as server:
        yield server


@pytest.fixture(autouse=True)
def _no_ambient_opa(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests pass URLs and tokens explicitly; the caller's environment must not leak in."""
    monkeypatch.delenv("CHECKER_OPA_TOKEN", raising=False)


def _json_run(mini: Mini, *args: str) -> tuple[int, str, str]:
    result = mini.run("--format", "json", "--fail-on", "none", *args)
    return result.exit_code, result.stdout, result.stderr


def test_same_json_as_regorus(mini: Mini, opa: OpaLikeServer) -> None:
    code, local, _ = _json_run(mini)
    assert code == 0
    assert _json_run(mini, "--engine", "opa", "--opa-url", opa.url) == (0, local, "")
    uploads = [p for m, p in opa.log if m == "PUT"]
    assert uploads and all(p.startswith("/v1/policies/checker/") for p in uploads)
    assert [m for m, p in opa.log].count("POST") == 1  # one query per run
    opa.log.clear()
    assert _json_run(mini, "--engine", "opa", "--opa-url", opa.url)[1] == local
    assert [m for m, _ in opa.log] == ["GET", "POST"]  # the server already holds the policies


def test_failing_pack_same_verdicts(mini: Mini, opa: OpaLikeServer) -> None:
    mini.write("evidence/auth.yaml", (mini.evidence / "auth.yaml").read_text().replace(
        "min_length: 14", "min_length: 8"))
    local = _json_run(mini)
    assert local[0] == 0 and '"fail"' in local[1]
    assert _json_run(mini, "--engine", "opa", "--opa-url", opa.url) == local


def test_url_from_environment(mini: Mini, opa: OpaLikeServer,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_OPA_URL", opa.url)
    assert mini.run("--engine", "opa").exit_code == 0


def test_opa_needs_a_url(mini: Mini, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHECKER_OPA_URL", raising=False)
    result = mini.run("--engine", "opa")
    assert result.exit_code == 2
    assert "--opa-url" in result.stderr


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_stopped_server_is_an_evaluation_error(mini: Mini) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    start = time.monotonic()
    result = mini.run("--engine", "opa", "--opa-url", url, "--opa-timeout", "3")
    assert time.monotonic() - start < 3
    assert result.exit_code == 3
    assert "cannot reach the OPA server" in result.stderr
    assert "pass" not in result.stdout


def test_policy_rejected_names_our_file_and_line(mini: Mini, opa: OpaLikeServer) -> None:
    mini.write("policies/mini/broken.rego",
               "package mini.broken\n\nimport rego.v1\n\nbad if {\n\tx :=\n}\n")
    result = mini.run("--engine", "opa", "--opa-url", opa.url)
    assert result.exit_code == 3
    # the line of the bad expression or of the brace after it (parsers differ)
    assert re.search(re.escape(f"{mini.policies.as_posix()}/mini/broken.rego:") + "[67]:",
                     result.stderr)
    assert "OPA rejected the policy" in result.stderr
    assert "pass" not in result.stdout


@pytest.mark.parametrize("fault", ["not_json", "not_object", "wrong_result"])
def test_malformed_answer_fails_closed(mini: Mini, opa: OpaLikeServer, fault: str) -> None:
    opa.fault = fault
    result = mini.run("--engine", "opa", "--opa-url", opa.url, "--format", "json")
    assert result.exit_code == 3
    if result.stdout:
        assert {c["status"] for c in json.loads(result.stdout)["controls"]} == {"error"}


def test_bearer_token_from_environment_only(mini: Mini, monkeypatch: pytest.MonkeyPatch) -> None:
    with serving(token="s3cret") as server:
        refused = mini.run("--engine", "opa", "--opa-url", server.url)
        assert refused.exit_code == 3 and "401" in refused.stderr
        monkeypatch.setenv("CHECKER_OPA_TOKEN", "s3cret")
        assert mini.run("--engine", "opa", "--opa-url", server.url).exit_code == 0
    assert "--opa-token" not in mini.invoke("run", "--help").stdout


def test_rejections_map_back_and_drop_knock_on_errors() -> None:
    module = PolicyModule("policies/a.rego", "package a\n", "")
    body = {"code": "invalid_parameter", "errors": [
        {"code": "rego_parse_error", "message": "unexpected eof",
         "location": {"file": policy_id("policies/a.rego"), "row": 3, "col": 2}}]}
    knock_on = {"errors": [{"code": "rego_type_error", "message": "undefined function a.f",
                            "location": {"file": policy_id("policies/b.rego"), "row": 9}}]}
    from checker.engines.opa import _rejections

    by_id = {policy_id(n): n for n in ("policies/a.rego", "policies/b.rego")}
    problems = _rejections([(module, body), (module, knock_on)], by_id)
    assert [str(p) for p in problems] == [
        "policies/a.rego:3:2: OPA rejected the policy: rego_parse_error: unexpected eof"]


def test_bad_urls_are_input_errors() -> None:
    for url in ("127.0.0.1:8181", "ftp://host", "http://host:8181/v1/data"):
        with pytest.raises(InputError):
            OpaEngine(url)


def test_engine_evaluates_one_query(opa: OpaLikeServer) -> None:
    engine = OpaEngine(opa.url, timeout=5)
    engine.load([PolicyModule("p/x.rego", "package x\n\nimport rego.v1\n\ny := input.v * 2\n",
                              "")], {"settings": {"k": 1}})
    assert engine.evaluate("data.x.y", {"v": 21}) == 42
    assert engine.evaluate("data.x.nothing", {}) is None
    assert opa.data == {"settings": {"k": 1}}
    opa.fault = "not_object"
    with pytest.raises(EvaluationError, match="expected an object"):
        engine.evaluate("data.x.y", {"v": 1})
    engine.close()


@pytest.mark.skipif(not REAL_OPA, reason="no OPA server named: set CHECKER_OPA_URL (.ci/run "
                    "starts one where Go is installed) to run against it")
def test_opa_named_by_the_environment_same_json(mini: Mini) -> None:
    assert REAL_OPA
    local = _json_run(mini)
    assert _json_run(mini, "--engine", "opa", "--opa-url", REAL_OPA) == local


@pytest.mark.skipif(OPA_BIN is None, reason=NO_OPA)
def test_real_opa_rejection_names_our_file_and_line(mini: Mini) -> None:
    assert OPA_BIN
    mini.write("policies/mini/broken.rego",
               "package mini.broken\n\nimport rego.v1\n\nbad if {\n\tx :=\n}\n")
    with real_opa(OPA_BIN) as url:
        result = mini.run("--engine", "opa", "--opa-url", url)
    assert result.exit_code == 3
    assert re.search(re.escape(f"{mini.policies.as_posix()}/mini/broken.rego:") + "[67]:",
                     result.stderr)
    assert "OPA rejected the policy: rego_parse_error" in result.stderr
    assert "pass" not in result.stdout


def test_upload_order_puts_dependencies_first() -> None:
    lib = PolicyModule("p/z_lib.rego", "package lib.util\n\nimport rego.v1\n\nf(x) := x\n", "")
    user = PolicyModule("p/a_user.rego", "package app\n\nimport rego.v1\n\nimport data.lib.util\n"
                        "\ny := util.f(1)\n", "")
    query = PolicyModule("p/q.rego", "package q\n\nimport rego.v1\n\nr := data.app.y\n", "")
    from checker.engines.opa import upload_order

    assert [m.name for m in upload_order([query, user, lib])] == [
        "p/z_lib.rego", "p/a_user.rego", "p/q.rego"]
    cycle = [PolicyModule("p/a.rego", "package a\nx := data.b.x\n", ""),
             PolicyModule("p/b.rego", "package b\nx := data.a.x\n", "")]
    assert upload_order(cycle) == cycle


def test_upload_retries_modules_rejected_for_a_missing_dependency(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """OPA compiles each PUT against what it holds: a module uploaded before the module it
    calls is rejected, then accepted on the next pass."""
    engine = OpaEngine("http://127.0.0.1:9")
    accepted: list[str] = []

    def put(module: PolicyModule) -> dict[str, object] | None:
        if module.name == "p/user.rego" and "p/lib.rego" not in accepted:
            return {"errors": [{"code": "rego_type_error", "message": "undefined function"}]}
        accepted.append(module.name)
        return None

    monkeypatch.setattr(engine, "_put_policy", put)
    engine._upload([PolicyModule("p/user.rego", "", ""), PolicyModule("p/lib.rego", "", "")])
    assert accepted == ["p/lib.rego", "p/user.rego"]


class _Trickler:
    """A TCP server that reads a request, then answers one byte every ``pause`` seconds,
    for ever (``where``: "headers" trickles the status line, "body" sends headers first)."""

    def __init__(self, where: str, pause: float = 0.2) -> None:
        self.where, self.pause = where, pause
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.listener.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 999999\r\n\r\n"
            try:
                if self.where == "body":
                    conn.sendall(head)
                    head = b'{"result": [' + b" " * 999990
                for byte in head:
                    if self.stop.wait(self.pause):
                        return
                    conn.sendall(bytes([byte]))
            except OSError:
                return

    def close(self) -> None:
        self.stop.set()
        self.listener.close()
        self.thread.join(2)


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_trickling_server_times_out_at_the_deadline(mini: Mini, where: str) -> None:
    """One byte every 0.2 s keeps every socket read inside any per-read timeout; only a
    total deadline per request stops it."""
    server = _Trickler(where)
    try:
        start = time.monotonic()
        result = mini.run("--engine", "opa", "--opa-url", server.url, "--opa-timeout", "1.5")
        elapsed = time.monotonic() - start
    finally:
        server.close()
    assert result.exit_code == 3
    assert "list policies: no complete answer within 1.5 s" in result.stderr
    assert f"opa {server.url}" in result.stderr
    assert elapsed < 4
    assert "pass" not in result.stdout


def test_an_oversized_answer_is_an_evaluation_error(opa: OpaLikeServer,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.engines.opa as opa_module

    monkeypatch.setattr(opa_module, "MAX_ANSWER_BYTES", 10)
    engine = OpaEngine(opa.url, timeout=5)
    opa.put_policy("x", "package x\n\nimport rego.v1\n\ny := 1\n")
    with pytest.raises(EvaluationError, match="answer larger than 10 bytes"):
        engine.load([], {})


def test_http_proxy_from_the_environment_is_used(mini: Mini, opa: OpaLikeServer,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """HTTP_PROXY is honoured (the test server stands in for the proxy: it routes on the
    path of the absolute URL a proxy receives); the OPA host itself does not resolve."""
    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", opa.url)
    result = mini.run("--engine", "opa", "--opa-url", "http://opa.invalid:8181")
    assert result.exit_code == 0, result.stderr
    assert ("POST", "/v1/data/checker/aggregate") in opa.log
    monkeypatch.setenv("NO_PROXY", "opa.invalid")
    bypassed = mini.run("--engine", "opa", "--opa-url", "http://opa.invalid:8181",
                        "--opa-timeout", "3")
    assert bypassed.exit_code == 3
    assert "cannot reach the OPA server" in bypassed.stderr


def test_tls_to_a_plain_http_server_fails_closed(mini: Mini, opa: OpaLikeServer) -> None:
    result = mini.run("--engine", "opa", "--opa-url", opa.url.replace("http:", "https:"),
                      "--opa-timeout", "5")
    assert result.exit_code == 3
    assert "list policies: TLS with the OPA server failed" in result.stderr


def test_a_server_that_accepts_but_never_answers_the_handshake_times_out(mini: Mini) -> None:
    """TLS handshake included in the deadline: the listener accepts and stays silent."""
    listener = socket.create_server(("127.0.0.1", 0))
    try:
        url = f"https://127.0.0.1:{listener.getsockname()[1]}"
        start = time.monotonic()
        result = mini.run("--engine", "opa", "--opa-url", url, "--opa-timeout", "1.5")
        assert time.monotonic() - start < 4
    finally:
        listener.close()
    assert result.exit_code == 3
    assert "list policies: no connection within 1.5 s" in result.stderr
