"""An OPA server as the engine, over its REST API, through ``opa-python-client``.

Each run makes sure the server holds our modules (one ``GET /v1/policies``, then
``PUT /v1/policies/<id>`` for any module whose text the server lacks), puts any base data
(``PUT /v1/data/<key>``), then asks ONE ``POST /v1/data/<query path>`` with the input.

The client covers the calls; three things it cannot express are wrapped minimally here:
its session retries 5xx answers (we retry connection failures only, with backoff), it has
no call returning every policy's text, and its errors drop the HTTP status.
"""

from __future__ import annotations

import functools
import os
import re
import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import requests
from opa_client import OpaClient
from opa_client.errors import RegoParseError
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from checker.engines.base import RuleIndex
from checker.errors import EvaluationError, InputError, Location, Problem
from checker.policies import PolicyModule

#: Environment variable holding an optional bearer token (never a command-line option).
TOKEN_ENV = "CHECKER_OPA_TOKEN"
DEFAULT_TIMEOUT = 30.0
CONNECT_RETRIES = 3
BACKOFF_SECONDS = 0.25
ID_PREFIX = "checker"

T = TypeVar("T")
_DATA_REF = re.compile(r"\bdata\.([A-Za-z_][\w.]*)")


def policy_id(name: str) -> str:
    """The stable OPA policy id of a module: ``checker/`` + its display path."""
    return f"{ID_PREFIX}/{name.lstrip('/')}"


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
        port = parts.port or (443 if parts.scheme == "https" else 80)
        self.url = f"{parts.scheme}://{parts.netloc}"
        token = token if token is not None else os.environ.get(TOKEN_ENV) or None
        # (connect, read): the connection attempts share the timeout, so an unreachable
        # host fails within it, retries included; the client hands this to requests as is.
        self._timeout = timeout
        connect = timeout / (retries + 1)
        self._client = OpaClient(host=parts.hostname, port=port, ssl=parts.scheme == "https",
                                 token=token, timeout=(connect, timeout),  # type: ignore[arg-type]
                                 retries=0)
        # Replace the client's retry policy (it retries 500/502/504): retry only failures to
        # connect, where the request never reached the server, with exponential backoff.
        # Sleeps of factor * 1, 2, 4...: kept to half the timeout in all, so a stopped
        # server fails within the timeout.
        factor = min(BACKOFF_SECONDS, timeout / (2 * (2 ** max(retries, 1) - 1)))
        retry = Retry(total=retries, connect=retries, read=0, status=0, other=0,
                      backoff_factor=factor, backoff_max=2.0, raise_on_status=False)
        adapter = HTTPAdapter(max_retries=retry)
        self._client._session.mount("http://", adapter)
        self._client._session.mount("https://", adapter)
        self._modules: tuple[PolicyModule, ...] = ()
        weakref.finalize(self, self._client._session.close)  # runs never call close()

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
        path = query.removeprefix("data.")
        package, _, rule = path.rpartition(".")
        answer = self._call(f"query {query}", lambda: self._client.query_rule(
            dict(input_), package or rule, rule if package else None))
        if not isinstance(answer, dict):
            raise self._error(f"query {query}: OPA answered {type(answer).__name__}, "
                              "expected an object")
        if "errors" in answer or "code" in answer:
            raise self._error(f"query {query}: {_describe_error(answer)}")
        return answer.get("result")

    def close(self) -> None:
        self._client.close_connection()

    def _server_texts(self) -> set[str]:
        # The client's get_policies_list() keeps only ids; we need each policy's text.
        response = self._client._session.get(f"{self._client.root_url}/policies",
                                             timeout=self._client.timeout)
        response.raise_for_status()
        body = response.json()
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
        """None when accepted; OPA's error body when rejected."""
        endpoint = quote(policy_id(module.name), safe="/")
        try:
            self._client.update_policy_from_string(module.text, endpoint, rego_compat=False)
        except RegoParseError as exc:
            return {"code": exc.expression, "message": exc.message, "errors": exc.errors}
        return None

    def _put_data(self, key: str, value: Any) -> None:
        try:
            self._client.update_or_create_data(value, quote(key, safe=""))
        except RegoParseError as exc:
            raise self._error(f"put data {key}: {exc}") from exc

    def _call(self, what: str, call: Callable[[], T]) -> T:
        """Run one exchange, turning every failure into an EvaluationError naming the server."""
        try:
            return call()
        except EvaluationError:
            raise
        except requests.exceptions.ConnectionError as exc:
            raise self._error(f"{what}: cannot reach the OPA server ({_reason(exc)})") from exc
        except requests.exceptions.Timeout as exc:
            raise self._error(f"{what}: no answer within {self._timeout:g} s") from exc
        except requests.exceptions.HTTPError as exc:
            raise self._error(f"{what}: {_http_error(exc.response)}") from exc
        except (requests.exceptions.RequestException, ValueError, TypeError, KeyError,
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


def _describe_error(body: Mapping[str, Any]) -> str:
    details = [e.get("message", "") for e in body.get("errors") or [] if isinstance(e, dict)]
    text = f"{body.get('code', 'error')}: {body.get('message', '')}"
    return text + (f" ({'; '.join(details)})" if details else "")


def _http_error(response: requests.Response | None) -> str:
    if response is None:
        return "HTTP error"
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict) and ("code" in body or "message" in body):
        return f"HTTP {response.status_code} {_describe_error(body)}"
    return f"HTTP {response.status_code} {response.reason or ''}".strip()


def _reason(exc: BaseException) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Name or service not known", "timed out",
                   "No route to host", "Connection reset"):
        if marker in text:
            return marker.lower()
    return type(exc).__name__


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0
