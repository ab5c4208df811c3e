"""An OPA server as the engine, over its REST API (Python's ``http.client``, nothing else).

Each run makes sure the server holds our modules (one ``GET /v1/policies``, then
``PUT /v1/policies/<id>`` for any module whose text the server lacks), puts any base data
(``PUT /v1/data/<key>``), then asks ONE ``POST /v1/data/<query path>`` with the input.

Why not ``opa-python-client`` (used until 0.x): it hands ``requests`` a per-socket-read
timeout, so a server trickling one byte a second never times out; it has no call returning
every policy's text; its errors drop the HTTP status; and bounding any of that meant
reaching into its private session. Four REST calls are simpler to own: every request here
has one total deadline (connect, send and every read together) and a bounded answer size.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.client
import json
import os
import re
import socket
import ssl
import threading
import time
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import quote, unquote, urlsplit

from checker.engines.base import RuleIndex
from checker.errors import EvaluationError, InputError, Location, Problem
from checker.policies import PolicyModule

#: Environment variable holding an optional bearer token (never a command-line option).
TOKEN_ENV = "CHECKER_OPA_TOKEN"
DEFAULT_TIMEOUT = 30.0
CONNECT_RETRIES = 3
BACKOFF_SECONDS = 0.25
#: The largest answer read from the server (``GET /v1/policies`` carries every module's AST).
MAX_ANSWER_BYTES = 256 * 1024 * 1024
ID_PREFIX = "checker"

T = TypeVar("T")
_DATA_REF = re.compile(r"\bdata\.([A-Za-z_][\w.]*)")


def policy_id(name: str) -> str:
    """The stable OPA policy id of a module: ``checker/`` + its display path."""
    return f"{ID_PREFIX}/{name.lstrip('/')}"


class OpaUnreachable(OSError):
    """No connection could be made (the request never reached the server)."""


class OpaTimeout(OSError):
    """The exchange did not complete within its deadline."""


class OpaHttpError(Exception):
    """The server answered with an HTTP error status."""

    def __init__(self, status: int, reason: str, body: bytes) -> None:
        super().__init__(f"HTTP {status}")
        self.status, self.reason, self.body = status, reason, body


class RestClient:
    """One HTTP exchange at a time with OPA, each bounded by a total deadline.

    A watchdog closes the socket when the deadline passes, so no read (headers or body,
    however slowly the server trickles them) outlives it; each socket operation also gets
    only the time that is left. Only failures to connect are retried, with backoff, within
    the same deadline.
    """

    def __init__(self, url: str, timeout: float, token: str | None,
                 retries: int = CONNECT_RETRIES, max_bytes: int | None = None) -> None:
        parts = urlsplit(url)
        self.https = parts.scheme == "https"
        self.host = parts.hostname or ""
        self.port = parts.port or (443 if self.https else 80)
        self.timeout = timeout
        self.retries = retries
        self.max_bytes = MAX_ANSWER_BYTES if max_bytes is None else max_bytes
        self._headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._proxy = _proxy_for(self.https, self.host)

    def request(self, method: str, path: str, body: bytes | None = None,
                content_type: str = "application/json") -> bytes:
        """The answer's body; raises OpaUnreachable, OpaTimeout or OpaHttpError."""
        deadline = time.monotonic() + self.timeout
        expired = threading.Event()
        current: list[http.client.HTTPConnection] = []  # the connection being attempted

        def abort() -> None:
            expired.set()
            sock = current[-1].sock if current else None
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

        watchdog = threading.Timer(self.timeout, abort)
        watchdog.daemon = True
        watchdog.start()
        try:
            connection = self._connect(deadline, current)
            headers = {**self._headers, "Accept": "application/json", "Connection": "close"}
            if body is not None:
                headers["Content-Type"] = content_type
            target = path
            if self._proxy and not self.https:  # a plain-HTTP proxy takes the absolute URL
                target = f"http://{self.host}:{self.port}{path}"
                headers.update(self._proxy[2])
            connection.request(method, target, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read(self.max_bytes + 1)
            if expired.is_set():
                raise OpaTimeout(f"no complete answer within {self.timeout:g} s")
            if len(data) > self.max_bytes:
                raise ValueError(f"answer larger than {self.max_bytes} bytes")
        except (OpaUnreachable, OpaTimeout):
            raise
        except (OSError, http.client.HTTPException) as exc:
            if expired.is_set() or isinstance(exc, TimeoutError):
                raise OpaTimeout(f"no complete answer within {self.timeout:g} s") from exc
            raise
        finally:
            watchdog.cancel()
            for attempt in current:
                attempt.close()
        if response.status >= 400:
            raise OpaHttpError(response.status, response.reason or "", data)
        return data

    def _connect(self, deadline: float,
                 current: list[http.client.HTTPConnection]) -> http.client.HTTPConnection:
        """A connected socket (TLS and proxy tunnel included), retrying refused or unreachable
        connections with backoff (sleeps of BACKOFF_SECONDS * 1, 2, 4..., never past half the
        time left); each attempt is appended to ``current`` for the watchdog."""
        attempt = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise OpaTimeout(f"no connection within {self.timeout:g} s")
            host, port = (self._proxy[0], self._proxy[1]) if self._proxy else (self.host,
                                                                                self.port)
            connection: http.client.HTTPConnection
            if self.https:
                connection = http.client.HTTPSConnection(
                    host, port, timeout=left, context=ssl.create_default_context())
                if self._proxy:  # CONNECT through the proxy, TLS with the server itself
                    connection.set_tunnel(self.host, self.port, headers=self._proxy[2])
            else:
                connection = http.client.HTTPConnection(host, port, timeout=left)
            current.append(connection)
            try:
                connection.connect()
                return connection
            except TimeoutError as exc:
                connection.close()
                raise OpaTimeout(f"no connection within {self.timeout:g} s") from exc
            except ssl.SSLError:
                raise  # a TLS failure is not worth retrying
            except OSError as exc:
                connection.close()
                if time.monotonic() >= deadline:
                    raise OpaTimeout(f"no connection within {self.timeout:g} s") from exc
                if attempt >= self.retries:
                    raise OpaUnreachable(_reason(exc)) from exc
                pause = min(BACKOFF_SECONDS * 2 ** attempt, (deadline - time.monotonic()) / 2)
                time.sleep(max(pause, 0.0))
                attempt += 1

    def json(self, method: str, path: str, value: Any = None, *, send: bool = False) -> Any:
        """Send ``value`` as JSON (when ``send``) and parse the JSON answer (None if empty)."""
        body = json.dumps(value).encode() if send else None
        data = self.request(method, path, body)
        return json.loads(data) if data.strip() else None


class OpaEngine:
    """Evaluates on an OPA server (or anything speaking OPA's REST API)."""

    name = "opa"

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT,
                 token: str | None = None, retries: int = CONNECT_RETRIES) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"--opa-url {url!r} is not an http(s)://host[:port] URL")
        if parts.path.strip("/") or parts.query:
            raise InputError(f"--opa-url {url!r}: give the server root, without a path")
        try:
            parts.port  # noqa: B018 - raises on a malformed port
        except ValueError as exc:
            raise InputError(f"--opa-url {url!r}: {exc}") from exc
        self.url = f"{parts.scheme}://{parts.netloc}"
        token = token if token is not None else os.environ.get(TOKEN_ENV) or None
        self._timeout = timeout
        self._rest = RestClient(self.url, timeout, token, retries)
        self._modules: tuple[PolicyModule, ...] = ()

    def load(self, modules: Sequence[PolicyModule], data: Mapping[str, Any]) -> None:
        present = self._call("list policies", self._server_texts)
        pending = [m for m in upload_order(modules) if m.text not in present]
        self._upload(pending)
        for key, value in sorted(data.items()):
            self._call(f"put data {key}", functools.partial(self._put_data, key, value))
        self._modules = tuple(modules)

    def rules(self) -> RuleIndex:
        """The rule index, read statically from the module texts we uploaded (the server is
        assumed to hold no other checker modules: one catalogue version per server, as
        docs/scale.md says)."""
        from checker.engines.regorus import RegorusEngine

        local = RegorusEngine()
        local.load(self._modules, {})
        return local.rules()

    def evaluate(self, query: str, input_: Mapping[str, Any]) -> Any:
        path = "/".join(quote(p, safe="") for p in query.removeprefix("data.").split("."))
        answer = self._call(f"query {query}", lambda: self._rest.json(
            "POST", f"/v1/data/{path}", {"input": dict(input_)}, send=True))
        if not isinstance(answer, dict):
            raise self._error(f"query {query}: OPA answered {type(answer).__name__}, "
                              "expected an object")
        if "errors" in answer or "code" in answer:
            raise self._error(f"query {query}: {_describe_error(answer)}")
        return answer.get("result")

    def close(self) -> None:
        """Nothing to release: every exchange opens and closes its own connection."""

    def _server_texts(self) -> set[str]:
        body = self._rest.json("GET", "/v1/policies")
        if not isinstance(body, dict) or not isinstance(body.get("result", []), list):
            raise ValueError("GET /v1/policies did not answer {\"result\": [...]}")
        return {p["raw"] for p in body.get("result", []) if isinstance(p, dict)
                and isinstance(p.get("raw"), str)}

    def _upload(self, pending: list[PolicyModule]) -> None:
        """PUT every module; OPA compiles each against those already there, so a module
        calling a function of one not yet uploaded is retried after the others."""
        by_id = {policy_id(m.name): m.name for m in pending}
        while pending:
            rejected: list[tuple[PolicyModule, dict[str, Any]]] = []
            for module in pending:
                error = self._call(f"upload {module.name}",
                                   functools.partial(self._put_policy, module))
                if error is not None:
                    rejected.append((module, error))
            if not rejected:
                return
            if len(rejected) == len(pending):
                raise EvaluationError(_rejections(rejected, by_id))
            pending = [m for m, _ in rejected]

    def _put_policy(self, module: PolicyModule) -> dict[str, Any] | None:
        """None when accepted; OPA's error body when rejected (HTTP 400)."""
        endpoint = quote(policy_id(module.name), safe="/")
        try:
            self._rest.request("PUT", f"/v1/policies/{endpoint}", module.text.encode(),
                               content_type="text/plain")
        except OpaHttpError as exc:
            if exc.status != 400:
                raise
            body = _json_or_none(exc.body)
            return body if isinstance(body, dict) else {"message": _snippet(exc.body)}
        return None

    def _put_data(self, key: str, value: Any) -> None:
        self._rest.json("PUT", f"/v1/data/{quote(key, safe='')}", value, send=True)

    def _call(self, what: str, call: Callable[[], T]) -> T:
        """Run one exchange, turning every failure into an EvaluationError naming the server."""
        try:
            return call()
        except EvaluationError:
            raise
        except OpaUnreachable as exc:
            raise self._error(f"{what}: cannot reach the OPA server ({exc})") from exc
        except OpaTimeout as exc:
            raise self._error(f"{what}: {exc}") from exc
        except OpaHttpError as exc:
            raise self._error(f"{what}: {_http_error(exc)}") from exc
        except ssl.SSLError as exc:
            raise self._error(f"{what}: TLS with the OPA server failed ({exc})") from exc
        except (OSError, http.client.HTTPException, ValueError, TypeError, KeyError,
                AttributeError) as exc:
            raise self._error(f"{what}: malformed answer ({type(exc).__name__}: {exc})") from exc

    def _error(self, message: str) -> EvaluationError:
        return EvaluationError(Problem(Location(f"opa {self.url}"), message))


def upload_order(modules: Sequence[PolicyModule]) -> list[PolicyModule]:
    """Modules after the modules whose packages they refer to (``data.lib.x`` after package
    ``lib.x``), else in the given order; a cycle keeps the given order."""
    by_package: dict[str, list[int]] = {}
    for index, module in enumerate(modules):
        if module.package:
            by_package.setdefault(module.package, []).append(index)
    needs: list[set[int]] = []
    for index, module in enumerate(modules):
        wanted: set[int] = set()
        for ref in set(_DATA_REF.findall(module.text)):
            parts = ref.split(".")
            for end in range(1, len(parts) + 1):
                wanted.update(by_package.get(".".join(parts[:end]), ()))
        needs.append(wanted - {index})
    done: set[int] = set()
    order: list[int] = []
    while len(order) < len(modules):
        ready = [i for i in range(len(modules)) if i not in done and needs[i] <= done]
        ready = ready or [min(set(range(len(modules))) - done)]
        order += ready
        done.update(ready)
    return [modules[i] for i in order]


def _rejections(rejected: list[tuple[PolicyModule, dict[str, Any]]],
                by_id: Mapping[str, str]) -> list[Problem]:
    """OPA's errors, located in our files. Errors caused by another rejected module
    (an undefined function or ref) are dropped when some module has an error of its own."""
    problems: list[Problem] = []
    for module, body in rejected:
        errors = body.get("errors") or [{"message": body.get("message") or "rejected"}]
        for error in errors:
            where = error.get("location") if isinstance(error, dict) else None
            where = where if isinstance(where, dict) else {}
            file = by_id.get(str(where.get("file", "")), module.name)
            location = Location(file, _int(where.get("row")), _int(where.get("col")))
            code = error.get("code") if isinstance(error, dict) else None
            message = str(error.get("message", error) if isinstance(error, dict) else error)
            problems.append(Problem(location, f"OPA rejected the policy: "
                                    f"{code + ': ' if code else ''}{message}"))
    own = [p for p in problems if "undefined" not in p.message]
    return own or problems


def _proxy_for(https: bool, host: str) -> tuple[str, int, dict[str, str]] | None:
    """The proxy ``HTTPS_PROXY``/``HTTP_PROXY`` name for ``host`` (None when ``NO_PROXY``
    covers it): host, port and any Proxy-Authorization header."""
    if urllib.request.proxy_bypass(host):
        return None
    proxy = urllib.request.getproxies().get("https" if https else "http")
    if not proxy:
        return None
    parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    if not parts.hostname:
        return None
    headers = {}
    if parts.username:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        headers["Proxy-Authorization"] = "Basic " + base64.b64encode(
            credentials.encode()).decode()
    return parts.hostname, parts.port or 8080, headers


def _describe_error(body: Mapping[str, Any]) -> str:
    details = [e.get("message", "") for e in body.get("errors") or [] if isinstance(e, dict)]
    text = f"{body.get('code', 'error')}: {body.get('message', '')}"
    return text + (f" ({'; '.join(details)})" if details else "")


def _http_error(exc: OpaHttpError) -> str:
    body = _json_or_none(exc.body)
    if isinstance(body, dict) and ("code" in body or "message" in body):
        return f"HTTP {exc.status} {_describe_error(body)}"
    return f"HTTP {exc.status} {exc.reason}".strip()


def _json_or_none(data: bytes) -> Any:
    try:
        return json.loads(data)
    except ValueError:
        return None


def _snippet(data: bytes) -> str:
    return data[:200].decode("utf-8", "replace").strip() or "rejected"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "name or service not known"
    return exc.strerror.lower() if isinstance(exc, OSError) and exc.strerror else (
        type(exc).__name__)


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0
