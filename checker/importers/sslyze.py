"""SSLyze JSON (``sslyze --json_out FILE``, versions 5 and 6): one ``tls_config`` document
per scanned server with the protocol versions it accepted, its weakest accepted cipher suite
and its certificate, feeding the same rules as testssl.sh."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from checker.errors import InputError
from checker.importers import jsondoc, values
from checker.importers.base import Export, Generated, ImportOptions, Result, export_time, slug

name = "sslyze"
tool = "SSLyze"
kinds = ("tls_config",)
summary = "SSLyze --json_out JSON (5.x, 6.x): protocols, weakest cipher, certificate"

#: The scan commands for each protocol version, in the order the ``protocols`` fact lists them.
PROTOCOLS = {"ssl_2_0_cipher_suites": "SSLv2", "ssl_3_0_cipher_suites": "SSLv3",
             "tls_1_0_cipher_suites": "TLSv1.0", "tls_1_1_cipher_suites": "TLSv1.1",
             "tls_1_2_cipher_suites": "TLSv1.2", "tls_1_3_cipher_suites": "TLSv1.3"}
#: Triple DES: SSLyze reports its 168-bit key; its effective strength is 112 bits.
_TRIPLE_DES = re.compile(r"3DES|DES_192_EDE3|DES-CBC3|DES_EDE", re.IGNORECASE)


def read(exports: Sequence[Export], options: ImportOptions) -> Result:
    documents: dict[str, Generated] = {}
    times: dict[str, str] = {}
    pending: list[tuple[str, dict[str, Any], str]] = []
    for export in exports:
        document = jsondoc.load(export)
        root = document.value
        if not isinstance(root, dict) or not isinstance(root.get("server_scan_results"), list):
            raise InputError.at(export.at(document.line(root) or 1), "expected an SSLyze "
                                "--json_out object with 'server_scan_results'")
        finished = root.get("date_scans_completed") or root.get("date_scans_started")
        if isinstance(finished, str) and finished:
            where = export.at(document.line(root))
            times[export.display] = values.stamp(values.when(finished, where))
        for server in root["server_scan_results"]:
            endpoint, facts, notes = _server(export, document, server, options)
            pending.append((endpoint, facts, notes))
        for invalid in root.get("invalid_server_strings") or []:
            if not isinstance(invalid, dict) or not invalid.get("server_string"):
                raise InputError.at(export.at(document.line(invalid)), "invalid_server_strings"
                                    " entry has no 'server_string'")
            facts = _base(str(invalid["server_string"]), options)
            pending.append((facts["endpoint"], facts, "SSLyze could not scan this server: "
                            f"{invalid.get('error_message') or 'no reason given'}"))
    if not pending:
        raise InputError.at(exports[0].at(1), "no servers in 'server_scan_results'")
    exported = export_time(exports, times, options)
    prefix = options.id_prefix or name
    for endpoint, facts, notes in pending:
        ident = f"{prefix}-{slug(endpoint)}"
        if ident in documents:
            raise InputError.at(exports[0].at(), f"{endpoint} is scanned twice; import the "
                                "scans separately (another --id-prefix or --output)")
        documents[ident] = Generated("tls_config", ident, f"TLS settings of {endpoint} "
                                     "(SSLyze)", exported[:10], facts, notes or None)
    return Result([documents[i] for i in sorted(documents)], exported, times)


def _base(endpoint: str, options: ImportOptions) -> dict[str, Any]:
    facts: dict[str, Any] = {"endpoint": endpoint}
    if options.transmits_pan is not None:
        facts["transmits_pan"] = options.transmits_pan
    return facts


def _server(export: Export, document: jsondoc.Document, server: object,
            options: ImportOptions) -> tuple[str, dict[str, Any], str]:
    """The endpoint, facts and notes of one ``server_scan_results`` entry."""
    if not isinstance(server, dict):
        raise InputError.at(export.at(document.line(document.value)),
                            "server_scan_results entry is not an object")
    where = export.at(document.line(server))
    location = server.get("server_location")
    if not isinstance(location, dict) or not location.get("hostname") or \
            not isinstance(location.get("port"), int):
        raise InputError.at(where, "server scan result has no server_location with hostname "
                            "and port")
    endpoint = f"{location['hostname']}:{location['port']}"
    facts = _base(endpoint, options)
    if server.get("scan_status") != "COMPLETED" or not isinstance(server.get("scan_result"),
                                                                   dict):
        reason = str(server.get("connectivity_error_trace") or server.get("scan_status")
                     or "no scan status").strip().splitlines()[-1:]
        return endpoint, facts, ("SSLyze could not scan this server: " + "".join(reason) +
                                 "; nothing about its TLS settings is known")
    result = server["scan_result"]
    unknown: list[str] = []
    accepted: dict[str, list[dict[str, Any]]] = {}
    for command, label in PROTOCOLS.items():
        suites = _accepted(export, document, result.get(command))
        if suites is None:
            unknown.append(label)
        else:
            accepted[label] = suites
    if not unknown:  # a version not tested could be accepted: then the list stays unknown
        facts["protocols"] = [label for label, suites in accepted.items() if suites]
        strengths = [_bits(suite) for suites in accepted.values() for suite in suites]
        if strengths:
            facts["min_cipher_bits"] = min(strengths)
    certificate = _certificate(export, document, result.get("certificate_info"))
    if certificate:
        facts["certificate"] = certificate
    notes = ""
    if unknown:
        notes = (f"Not tested or failed: {', '.join(unknown)}; accepted protocol versions and "
                 "the weakest cipher are left unknown.")
    return endpoint, facts, notes


def _accepted(export: Export, document: jsondoc.Document,
              attempt: object) -> list[dict[str, Any]] | None:
    """The cipher suites accepted in one protocol's scan; None when it did not complete."""
    if not isinstance(attempt, dict) or attempt.get("status") != "COMPLETED":
        return None
    result = attempt.get("result")
    suites = result.get("accepted_cipher_suites") if isinstance(result, dict) else None
    if not isinstance(suites, list):
        raise InputError.at(export.at(document.line(attempt)), "completed cipher suite scan "
                            "has no 'accepted_cipher_suites' list")
    found = []
    for item in suites:
        suite = item.get("cipher_suite") if isinstance(item, dict) else None
        if not isinstance(suite, dict) or not isinstance(suite.get("key_size"), int):
            raise InputError.at(export.at(document.line(item) or document.line(suites)),
                                "accepted cipher suite has no 'cipher_suite' with 'key_size'")
        found.append(suite)
    return found


def _bits(suite: dict[str, Any]) -> int:
    """Effective strength: 0 for anonymous or NULL ciphers, 112 for triple DES, else the key
    size SSLyze reports."""
    label = f"{suite.get('name', '')} {suite.get('openssl_name', '')}"
    if suite.get("is_anonymous") is True or "NULL" in label.upper():
        return 0
    if _TRIPLE_DES.search(label):
        return min(112, int(suite["key_size"]))
    return int(suite["key_size"])


def _certificate(export: Export, document: jsondoc.Document,
                 attempt: object) -> dict[str, Any]:
    """Subject, issuer, earliest expiry, trust and revocation over every deployment."""
    if not isinstance(attempt, dict) or attempt.get("status") != "COMPLETED":
        return {}
    result = attempt.get("result")
    deployments = result.get("certificate_deployments") if isinstance(result, dict) else None
    if not isinstance(deployments, list) or not deployments:
        return {}
    cert: dict[str, Any] = {}
    expiries: list[str] = []
    trusted: list[bool] = []
    revocation: list[str] = []
    for deployment in deployments:
        chain = deployment.get("received_certificate_chain") if isinstance(deployment, dict) \
            else None
        if not isinstance(chain, list) or not chain or not isinstance(chain[0], dict):
            raise InputError.at(export.at(document.line(deployment) or document.line(
                deployments)), "certificate deployment has no received_certificate_chain")
        leaf = chain[0]
        if "subject" not in cert and _name(leaf.get("subject")):
            cert["subject"] = _name(leaf.get("subject"))
        if "issuer" not in cert and _name(leaf.get("issuer")):
            cert["issuer"] = _name(leaf.get("issuer"))
        expires = leaf.get("not_valid_after")
        if isinstance(expires, str) and expires:
            expiries.append(values.date(expires, export.at(document.line(leaf))))
        validations = deployment.get("path_validation_results")
        trusted.append(isinstance(validations, list) and bool(validations) and all(
            isinstance(v, dict) and v.get("was_validation_successful") is True
            for v in validations))
        ocsp = deployment.get("ocsp_response")
        status = ocsp.get("certificate_status") if isinstance(ocsp, dict) else None
        revocation.append(str(status or "").upper())
    if expiries:
        cert["expires"] = min(expiries)
    cert["trusted"] = all(trusted)
    if "REVOKED" in revocation:
        cert["revoked"] = True
    elif all(status == "GOOD" for status in revocation):
        cert["revoked"] = False
    return cert


def _name(name: object) -> str:
    """The common name of an X.509 name, or its RFC 4514 form when it has none."""
    if not isinstance(name, dict):
        return ""
    for attribute in name.get("attributes") or []:
        if isinstance(attribute, dict) and isinstance(attribute.get("oid"), dict) and \
                attribute["oid"].get("name") == "commonName" and attribute.get("value"):
            return str(attribute["value"])
    return str(name.get("rfc4514_string") or "")
