"""Microsoft Entra ID exports: user registration details (MFA) and users with sign-in
activity, as CSV (admin centre downloads) or JSON (Microsoft Graph responses). Records are
joined on the user principal name into one ``user_accounts`` document."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from checker.errors import InputError, Location
from checker.importers import jsondoc, values
from checker.importers.base import Export, Generated, ImportOptions, Result, export_time
from checker.importers.tables import Columns, key, rows

name = "entra"
tool = "Microsoft Entra ID"
kinds = ("user_accounts",)
summary = "Entra ID user registration details and sign-in activity (CSV or JSON): accounts, MFA"

_FIELDS: dict[str, list[str]] = {
    "upn": ["userPrincipalName", "User principal name", "UPN"],
    "display": ["userDisplayName", "displayName", "User display name", "Display name"],
    "mfa": ["isMfaRegistered", "MFA registered", "Multifactor authentication registered"],
    "methods": ["methodsRegistered", "Methods registered"],
    "admin": ["isAdmin", "Admin", "Is admin"],
    "enabled": ["accountEnabled", "Account enabled"],
    "last": ["lastSuccessfulSignInDateTime", "Last successful sign-in",
             "Last successful sign in date time", "Last successful sign-in date (UTC)"],
    "created": ["createdDateTime", "Created date time", "Creation date"],
    "user_type": ["userType", "User type"],
    "updated": ["lastUpdatedDateTime", "Last updated date time"],
}
COLUMNS = Columns(required={"upn": _FIELDS["upn"]},
                  optional={k: v for k, v in _FIELDS.items() if k != "upn"})
#: Methods that resist phishing (Graph ``methodsRegistered`` values, compared loosely).
PHISHING_RESISTANT = frozenset({"fido2", "passkeydevicebound", "passkeydeviceboundauthenticator",
                                "windowshelloforbusiness", "x509certificate",
                                "x509certificatemultifactor"})


def read(exports: Sequence[Export], options: ImportOptions) -> Result:
    accounts: dict[str, dict[str, Any]] = {}
    first_seen: dict[str, Location] = {}
    times: dict[str, str] = {}
    for export in exports:
        roles: set[str] = set()
        for where, record, columns in _records(export):
            roles |= {f for f in ("mfa", "last", "enabled") if f in record}
            account, seen = _account(where, record, columns, options)
            upn = account["id"].lower()
            accounts[upn] = {**accounts.get(upn, {}), **account}
            first_seen.setdefault(upn, where)
            if seen > times.get(export.display, ""):
                times[export.display] = seen
        if not roles:
            raise InputError.at(export.at(1), "missing required column: 'isMfaRegistered' "
                                "(registration details) or 'lastSuccessfulSignInDateTime' / "
                                "'accountEnabled' (users with sign-in activity)")
    exported = export_time(exports, times, options)
    prefix = options.id_prefix or name
    listed = [_finish(accounts[u], first_seen[u]) for u in sorted(accounts)]
    facts = {"system": options.system or tool, "accounts": listed}
    unknown = sum("mfa_enrolled" not in a for a in listed)
    notes = (f"{len(listed)} accounts; MFA registration unknown for {unknown}. mfa_enrolled "
             "records registration of a strong method, not its enforcement.")
    return Result([Generated("user_accounts", f"{prefix}-accounts",
                             f"Accounts in {facts['system']}", exported[:10], facts, notes)],
                  exported, times)


def _records(export: Export) -> Iterator[tuple[Location, dict[str, str], dict[str, int]]]:
    """Each user as field -> text, with the line it starts on and (CSV) each field's column."""
    if export.path.suffix.lower() != ".json":
        for row in rows(export, COLUMNS):
            yield (export.at(row.line), {k: v for k, v in row.cells.items() if v.strip()},
                   row.header)
        return
    document = jsondoc.load(export)
    root = document.value
    items = root.get("value") if isinstance(root, dict) else root
    if not isinstance(items, list):
        raise InputError.at(export.at(document.line(root) or 1), "expected a JSON array of "
                            "users or a Graph response with a 'value' array")
    spellings = {key(s): f for f, names in _FIELDS.items() for s in names}
    for index, item in enumerate(items):
        where = export.at(document.line(item))
        if not isinstance(item, dict):
            raise InputError.at(export.at(document.line(items)), f"user #{index + 1} is not "
                                "a JSON object")
        activity = item.get("signInActivity") or {}
        if not isinstance(activity, dict):
            raise InputError.at(where, "'signInActivity' is not a JSON object")
        flat = {**item, **activity}
        record = {spellings[key(k)]: _text(v) for k, v in flat.items()
                  if key(k) in spellings and v not in (None, "", [])}
        if "upn" not in record:
            raise InputError.at(where, "missing required field 'userPrincipalName'")
        yield where, record, {}


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


def _account(where: Location, record: dict[str, str], columns: dict[str, int],
             options: ImportOptions) -> tuple[dict[str, Any], str]:
    account: dict[str, Any] = {"id": record["upn"].strip()}
    if record.get("display"):
        account["person"] = record["display"].strip()
    if "admin" in record:
        admin = values.flag(record["admin"])
        if admin is None:  # the account type would be a guess: refused, never "user"
            raise InputError.at(replace(where, column=columns.get("admin", 0)),
                                f"{account['id']}: isAdmin {record['admin'].strip()!r} is "
                                "neither true nor false")
        account["privileged"] = admin
    mfa = values.flag(record.get("mfa", ""))
    if mfa is not None:
        account["mfa_enrolled"] = mfa
    if "methods" in record:
        methods = {key(m) for m in values.many(record["methods"])}
        account["phishing_resistant_only"] = bool(methods) and methods <= PHISHING_RESISTANT
    enabled = values.flag(record.get("enabled", ""))
    if enabled is not None:
        account["disabled"] = not enabled
    kind = record.get("user_type", "").strip().lower()
    if kind in ("guest", "member"):
        account["third_party"] = kind == "guest"
    seen = ""
    for field, target in (("last", "last_login"), ("created", "created")):
        if record.get(field):
            moment = values.when(record[field], where, options.date_order)
            account[target] = moment.date().isoformat()
            seen = max(seen, values.stamp(moment)) if field == "last" else seen
    if record.get("updated"):
        seen = max(seen, values.stamp(values.when(record["updated"], where,
                                                  options.date_order)))
    return account, seen


def _finish(account: dict[str, Any], where: Location) -> dict[str, Any]:
    """Fixed key order; ``type`` from the admin flag (an admin role makes an admin account).
    An account no export says the admin role of is refused: ``type`` cannot be left out,
    and writing ``user`` would exempt an administrator from the admin rules."""
    if "privileged" not in account:
        raise InputError.at(where, f"{account['id']}: no export says whether this account "
                            "holds an admin role (isAdmin); import the user registration "
                            "details with it")
    account = dict(account)
    account["type"] = "admin" if account["privileged"] else "user"
    order = ("id", "person", "type", "privileged", "third_party", "created", "last_login",
             "mfa_enrolled", "phishing_resistant_only", "disabled")
    return {k: account[k] for k in order if k in account}
