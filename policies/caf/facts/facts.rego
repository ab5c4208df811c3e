# CAF outcomes that were decided by attestation alone and are now decided by facts the
# council keeps: registers, logs and inventories, judged by the rules that judge the same
# evidence for PSN, PCI DSS and data handling (whatever the PCI scope). A finding that shows
# the basics missing rules out Partially achieved; one that shows a gap in good practice rules
# out Achieved.
package caf.facts

import future.keywords.not
import rego.v1

import data.dh.devices
import data.dh.disposal
import data.dh.roles
import data.lib.level
import data.pci.incidents
import data.pci.req10
import data.pci.req7
import data.psn.monitoring

# CAF-A1.b: no SIRO or asset owners rules out Partially achieved; a DPO without independence
# rules out Achieved.
roles_and_responsibilities contains level.denies(f, "partially_achieved") if some f in roles.roles_missing

roles_and_responsibilities contains level.denies(f, "achieved") if some f in roles.dpo_not_independent

# CAF-B2.b: unmanaged or personally owned end-user devices rule out Partially achieved.
device_management contains level.denies(f, "partially_achieved") if some f in devices.unmanaged_end_user_device

# CAF-B2.c: privileged access without a recorded approval rules out Achieved.
privileged_users contains level.denies(f, "achieved") if some f in req7.privilege_unapproved

# CAF-B2.d: access rights not reviewed on schedule rule out Achieved.
identity_and_access_management contains level.denies(f, "achieved") if some f in req7.access_review_overdue

# CAF-B3.d: portable devices holding data unencrypted rule out Partially achieved.
mobile_data contains level.denies(f, "partially_achieved") if some f in devices.unencrypted_portable_device

# CAF-B3.e: disposal without an adequate certificate rules out Partially achieved.
sanitisation contains level.denies(f, "partially_achieved") if some f in disposal.certificate_inadequate

# CAF-C1.b: audit logs open to undetected change rule out Partially achieved; too short a
# retention rules out Achieved.
securing_logs contains level.denies(f, "partially_achieved") if some f in req10.log_integrity_unmonitored

securing_logs contains level.denies(f, "achieved") if some f in req10.log_retention_too_short

# CAF-C1.c: a source type not collected, silent, or without an alert rule rules out Achieved.
generating_alerts contains level.denies(f, "achieved") if some f in monitoring.monitoring_inadequate

# CAF-C1.d: exceptions left unaddressed rule out Partially achieved; days without a review of
# security events rule out Achieved.
alert_triage contains level.denies(f, "partially_achieved") if some f in req10.log_exceptions_unaddressed

alert_triage contains level.denies(f, "achieved") if some f in req10.critical_log_review_not_daily

# CAF-D2.b: closed incidents whose lessons did not reach the response plan rule out Achieved.
incident_improvement contains level.denies(f, "achieved") if some f in incidents.plan_not_updated
