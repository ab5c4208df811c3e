"""testssl.sh JSON (``--jsonfile`` flat list or ``--jsonfile-pretty``): one ``tls_config``
document per endpoint with its protocols, weakest cipher class and certificate."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from checker.errors import InputError
from checker.importers import jsondoc, values
from checker.importers.base import Export, Generated, ImportOptions, Result, export_time, slug

name = "testssl"
tool = "testssl.sh"
kinds = ("tls_config",)
summary = "testssl.sh JSON (--jsonfile or --jsonfile-pretty): protocols, ciphers, certificate"

PROTOCOLS = {"SSLv2": "SSLv2", "SSLv3": "SSLv3", "TLS1": "TLSv1.0", "TLS1_1": "TLSv1.1",
             "TLS1_2": "TLSv1.2", "TLS1_3": "TLSv1.3"}
#: Effective strength (bits) of the weakest cipher in each testssl.sh cipher class; a class
#: not listed here (average, strong, ...) is taken as 128.
CIPHER_BITS = {"cipherlist_NULL": 0, "cipherlist_aNULL": 0, "cipherlist_EXPORT": 40,
               "cipherlist_LOW": 64, "cipherlist_3DES_IDEA": 112}


def read(exports: Sequence[Export], options: ImportOptions) -> Result:
    endpoints: dict[str, dict[str, str]] = {}
    times: dict[str, str] = {}
    for export in exports:
        started = None
        for item, when in _findings(export):
            started = started or when
            ip, port = str(item.get("ip", "")), str(item.get("port", ""))
            host = ip.split("/")[0] or ip
            endpoint = f"{host}:{port}" if port else host
            ident = re.sub(r"\s*<[^>]*>$", "", str(item.get("id", "")))
            endpoints.setdefault(endpoint, {}).setdefault(ident, str(item.get("finding", "")))
        if started:
            times[export.display] = started
    if not endpoints:
        raise InputError.at(exports[0].at(1), "no testssl.sh findings (expected objects with "
                            "id, ip, port, finding)")
    exported = export_time(exports, times, options)
    prefix = options.id_prefix or name
    documents = [_document(prefix, endpoint, endpoints[endpoint], exported[:10], options)
                 for endpoint in sorted(endpoints)]
    return Result(documents, exported, times)


def _findings(export: Export) -> Iterator[tuple[dict[str, Any], str | None]]:
    document = jsondoc.load(export)
    root = document.value
    if isinstance(root, list):
        for index, item in enumerate(root):
            yield _checked(export, document, root, index, item), None
        return
    if not isinstance(root, dict) or not isinstance(root.get("scanResult"), list):
        raise InputError.at(export.at(document.line(root) or 1), "expected a testssl.sh "
                            "--jsonfile array or a --jsonfile-pretty object with 'scanResult'")
    started = None
    if isinstance(root.get("startTime"), (int, str)) and str(root["startTime"]).isdigit():
        import datetime as dt

        started = values.stamp(dt.datetime.fromtimestamp(int(root["startTime"]),
                                                         tz=dt.timezone.utc))
    for target in root["scanResult"]:
        if not isinstance(target, dict):
            raise InputError.at(export.at(document.line(root["scanResult"])),
                                "scanResult entry is not an object")
        for section, items in sorted(target.items()):
            if not isinstance(items, list):
                continue
            for index, item in enumerate(items):
                if isinstance(item, dict):
                    line = document.line(item)
                    item = {"ip": target.get("ip", ""), "port": target.get("port", ""), **item}
                    document.lines[id(item)] = line
                    if not item.get("ip") and target.get("targetHost"):
                        item["ip"] = target["targetHost"]
                yield _checked(export, document, items, index, item, section), started


def _checked(export: Export, document: jsondoc.Document, within: list[Any], index: int,
             item: object, section: str = "") -> dict[str, Any]:
    place = f"{section} " if section else ""
    if not isinstance(item, dict):
        raise InputError.at(export.at(document.line(within)), f"{place}finding #{index + 1} "
                            "is not an object")
    where = export.at(document.line(item))
    for field in ("id", "finding"):
        if field not in item:
            raise InputError.at(where, f"{place}finding #{index + 1} has no '{field}'")
    if not item.get("ip"):
        raise InputError.at(where, f"{place}finding #{index + 1} ({item['id']}) has no 'ip'")
    return item


def _document(prefix: str, endpoint: str, found: dict[str, str], collected: str,
              options: ImportOptions) -> Generated:
    facts: dict[str, Any] = {"endpoint": endpoint}
    if options.transmits_pan is not None:
        facts["transmits_pan"] = options.transmits_pan
    protocols = [label for ident, label in PROTOCOLS.items()
                 if ident in found and _offered(found[ident])]
    if any(ident in found for ident in PROTOCOLS):
        facts["protocols"] = protocols
    classes = [bits if ident in CIPHER_BITS else 128
               for ident, finding in found.items() if ident.startswith("cipherlist_")
               for bits in [CIPHER_BITS.get(ident, 128)] if _offered(finding)]
    if classes:
        facts["min_cipher_bits"] = min(classes)
    certificate = _certificate(found)
    if certificate:
        facts["certificate"] = certificate
    return Generated("tls_config", f"{prefix}-{slug(endpoint)}",
                     f"TLS settings of {endpoint} (testssl.sh)", collected, facts)


def _offered(finding: str) -> bool:
    text = finding.strip().lower()
    return text.startswith("offered") or (text.startswith("supported")
                                          and not text.startswith("supported but couldn"))


def _certificate(found: dict[str, str]) -> dict[str, Any]:
    cert: dict[str, Any] = {}
    if found.get("cert_commonName"):
        cert["subject"] = found["cert_commonName"]
    if found.get("cert_caIssuers"):
        cert["issuer"] = found["cert_caIssuers"]
    if found.get("cert_notAfter"):
        match = re.match(r"\d{4}-\d{2}-\d{2}", found["cert_notAfter"].strip())
        if match:
            cert["expires"] = match.group()
    if "cert_chain_of_trust" in found:
        cert["trusted"] = found["cert_chain_of_trust"].strip().lower().startswith("passed")
    for ident in ("cert_ocspRevoked", "cert_crlRevoked"):
        verdict = found.get(ident, "").strip().lower()
        if verdict.startswith("not revoked"):
            cert.setdefault("revoked", False)
        elif verdict.startswith("revoked"):
            cert["revoked"] = True
    return cert
