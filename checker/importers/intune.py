"""Microsoft Intune device exports (CSV): the "All devices" export and the device compliance
report. One ``device_inventory`` document; unknown cells stay unknown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.errors import InputError
from checker.importers import values
from checker.importers.base import Export, Generated, ImportOptions, Result, export_time
from checker.importers.tables import Columns, Row, key, rows

name = "intune"
tool = "Microsoft Intune"
kinds = ("device_inventory",)
summary = "Intune device / device compliance export CSV: devices, encryption, ownership"

COLUMNS = Columns(
    required={"name": ["Device name", "DeviceName", "deviceName"],
              "os": ["OS", "Operating system", "operatingSystem", "Platform"]},
    optional={"os_version": ["OS version", "OSVersion", "osVersion"],
              "owner": ["Ownership", "OwnerType", "Owner type", "managedDeviceOwnerType"],
              "encrypted": ["Encrypted", "isEncrypted", "Encryption"],
              "compliance": ["Compliance", "ComplianceState", "Compliance state",
                             "complianceState"],
              "last": ["Last check-in", "LastContact", "Last contact", "lastSyncDateTime"],
              "user": ["Primary user UPN", "UPN", "User principal name", "userPrincipalName"],
              "managed_by": ["Managed by", "ManagementAgent", "managementAgent"],
              "model": ["Model"]},
)
#: "Managed by" as the admin centre writes it, or Graph ``managementAgent`` names (compared
#: with ``key``): device management (Intune MDM, Configuration Manager, co-management, Jamf,
#: Google's device policy controller) or only Exchange ActiveSync / app protection. Anything
#: else (blank, "Unknown", a value not listed) leaves ``managed`` unknown.
_MANAGED = frozenset(key(v) for v in (
    "Intune", "MDM", "Co-managed", "ConfigMgr", "MDM/ConfigMgr Agent", "Intune/EAS", "easMdm",
    "intuneClient", "easIntuneClient", "configurationManagerClient",
    "configurationManagerClientMdm", "configurationManagerClientMdmEas", "Jamf",
    "googleCloudDevicePolicyController"))
_UNMANAGED = frozenset(key(v) for v in ("EAS", "MAM", "None", "Not managed", "Unmanaged"))


def read(exports: Sequence[Export], options: ImportOptions) -> Result:
    devices: dict[str, dict[str, Any]] = {}
    latest: dict[str, str] = {}
    for export in exports:
        for row in rows(export, COLUMNS):
            device, seen = _device(export, row, options)
            devices[device["name"]] = {**devices.get(device["name"], {}), **device}
            if seen and seen > latest.get(export.display, ""):
                latest[export.display] = seen
    exported = export_time(exports, latest, options)
    prefix = options.id_prefix or name
    facts = {"devices": [devices[n] for n in sorted(devices)]}
    unknown = sum("encrypted" not in d for d in devices.values())
    unmanaged = sum("managed" not in d for d in devices.values())
    notes = (f"{len(devices)} devices; encryption unknown for {unknown}; management unknown "
             f"for {unmanaged} ('Managed by' blank, Unknown or not recognised: judged as not "
             "managed). Devices are typed from their OS; Windows, macOS and Linux devices "
             "count as laptops.")
    return Result([Generated("device_inventory", f"{prefix}-devices",
                             "Devices enrolled in Microsoft Intune", exported[:10], facts,
                             notes)], exported, latest)


def _device(export: Export, row: Row, options: ImportOptions) -> tuple[dict[str, Any], str]:
    device_name = row.get("name")
    if not device_name:
        raise InputError.at(export.at(row.line, row.header["name"]), "empty device name")
    os_name = row.get("os")
    device: dict[str, Any] = {"name": device_name, "type": _type(os_name, row.get("model"))}
    managed_by = key(row.get("managed_by"))
    if managed_by in _MANAGED or managed_by in _UNMANAGED:
        device["managed"] = managed_by in _MANAGED
    encrypted = values.flag(row.get("encrypted"))
    if encrypted is not None:
        device["encrypted"] = encrypted
    owner = row.get("owner").lower()
    if owner in ("corporate", "company"):
        device["organisation_issued"] = True
    elif owner == "personal":
        device["organisation_issued"] = False
    if row.get("user"):
        device["assigned_to"] = row.get("user")
    if os_name:
        device["os"] = os_name
    if row.get("os_version"):
        device["os_version"] = row.get("os_version")
    if row.get("compliance"):
        device["compliance_state"] = row.get("compliance").lower().replace(" ", "_")
    seen = ""
    if row.get("last"):
        moment = values.when(row.get("last"),
                             export.at(row.line, row.header["last"]), options.date_order)
        device["last_contact"] = moment.date().isoformat()
        seen = values.stamp(moment)
    return device, seen


def _type(os_name: str, model: str) -> str:
    """Device type from its OS (and model for iOS/iPadOS); the stricter portable class when
    the export cannot tell a laptop from a desktop."""
    system, model = os_name.lower(), model.lower()
    if "ipad" in model or system == "ipados":
        return "tablet"
    if system.startswith(("ios", "android", "iphone")) or "iphone" in model:
        return "mobile"
    return "laptop"
