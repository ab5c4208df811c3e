# PSN connection: estate hygiene (PSN-OPS-02 to 06), judged on the shared estate inventories.
package psn.ops

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.psn_scope

# PSN-OPS-02: only licensed, vendor-supported software on hosts that can reach the PSN.
unsupported_software contains finding.of(doc, path, msg) if {
	some doc in input.evidence.software_inventory
	some h, host in doc.facts.hosts
	psn_scope.judged(host, object.get(input, "as_of", ""))
	some s, sw in host.software
	path := sprintf("facts.hosts[%d].software[%d]", [h, s])
	not sw.supported == true
	msg := concat("", [sprintf("%s: %s %s is not supported by its vendor", [object.get(host, "name", sprintf("host #%d", [h])), object.get(sw, "name", sprintf("software #%d", [s])), object.get(sw, "version", "")]), psn_scope.note(host, object.get(input, "as_of", ""))])
}

unsupported_software contains finding.of(doc, path, msg) if {
	some doc in input.evidence.software_inventory
	some h, host in doc.facts.hosts
	psn_scope.judged(host, object.get(input, "as_of", ""))
	some s, sw in host.software
	path := sprintf("facts.hosts[%d].software[%d]", [h, s])
	sw.supported == true
	sw.end_of_support < input.as_of
	msg := concat("", [sprintf("%s: %s %s is recorded as supported but its vendor support ended on %s", [object.get(host, "name", sprintf("host #%d", [h])), object.get(sw, "name", sprintf("software #%d", [s])), object.get(sw, "version", ""), sw.end_of_support]), psn_scope.note(host, object.get(input, "as_of", ""))])
}

unsupported_software contains finding.of(doc, path, msg) if {
	some doc in input.evidence.software_inventory
	some h, host in doc.facts.hosts
	psn_scope.judged(host, object.get(input, "as_of", ""))
	some s, sw in host.software
	path := sprintf("facts.hosts[%d].software[%d]", [h, s])
	not sw.licensed == true
	msg := concat("", [sprintf("%s: %s %s is not recorded as licensed", [object.get(host, "name", sprintf("host #%d", [h])), object.get(sw, "name", sprintf("software #%d", [s])), object.get(sw, "version", "")]), psn_scope.note(host, object.get(input, "as_of", ""))])
}

# PSN-OPS-03: built to a standard, no vendor default passwords, unneeded services off.
insecure_configuration contains finding.of(doc, "facts.config_standard", msg) if {
	some doc in input.evidence.system_config
	not _named(doc.facts.config_standard)
	msg := sprintf("%s: no configuration (hardening) standard recorded", [doc.facts.system])
}

insecure_configuration contains finding.of(doc, "facts.default_accounts", msg) if {
	some doc in input.evidence.system_config
	not is_array(object.get(doc.facts, "default_accounts", null))
	msg := sprintf("%s: vendor default accounts not stated", [doc.facts.system])
}

insecure_configuration contains finding.of(doc, sprintf("facts.default_accounts[%d]", [i]), msg) if {
	some doc in input.evidence.system_config
	some i, account in doc.facts.default_accounts
	account.status == "vendor_default_password"
	msg := sprintf("%s: default account %s still has the vendor's password", [doc.facts.system, account.account])
}

insecure_configuration contains finding.of(doc, "facts.unnecessary_services_enabled", msg) if {
	some doc in input.evidence.system_config
	not is_array(object.get(doc.facts, "unnecessary_services_enabled", null))
	msg := sprintf("%s: unnecessary services not stated", [doc.facts.system])
}

insecure_configuration contains finding.of(doc, sprintf("facts.unnecessary_services_enabled[%d]", [i]), msg) if {
	some doc in input.evidence.system_config
	some i, service in doc.facts.unnecessary_services_enabled
	msg := sprintf("%s: %s is enabled though the build standard says it should be off", [doc.facts.system, service])
}

# PSN-OPS-04: anti-malware active (real-time, auto-updating), or a not-at-risk judgement
# re-evaluated within 12 months.
_malware_features := ["anti_malware_installed", "real_time_scanning", "automatic_updates"]

malware_protection_missing contains finding.of(doc, sprintf("facts.hosts[%d]", [i]), msg) if {
	some doc in input.evidence.endpoint_protection
	some i, host in doc.facts.hosts
	missing := [replace(f, "_", " ") | some f in _malware_features; not host[f] == true]
	count(missing) > 0
	not host.not_at_risk
	msg := sprintf("%s: malware protection incomplete (%s missing)", [host.name, concat(", ", missing)])
}

malware_protection_missing contains finding.of(doc, sprintf("facts.hosts[%d].not_at_risk", [i]), msg) if {
	some doc in input.evidence.endpoint_protection
	some i, host in doc.facts.hosts
	some f in _malware_features
	not host[f] == true
	host.not_at_risk
	not dates.within_months(host.not_at_risk.evaluated, input.as_of, 12)
	msg := sprintf("%s: runs without anti-malware; judged not at risk on %v, more than 12 months before %s", [host.name, object.get(host.not_at_risk, "evaluated", "an unstated date"), input.as_of])
}

# PSN-OPS-05: unique, approved accounts; separate admin accounts with MFA; leavers disabled.
access_control_weak contains finding.of(doc, path, msg) if {
	some doc in input.evidence.user_accounts
	some i, account in doc.facts.accounts
	not account.disabled == true
	path := sprintf("facts.accounts[%d]", [i])
	not _named(account.person)
	msg := sprintf("%s (%s): account %s names no accountable person", [doc.facts.system, account.type, account.id])
}

access_control_weak contains finding.of(doc, path, msg) if {
	some doc in input.evidence.user_accounts
	some i, account in doc.facts.accounts
	not account.disabled == true
	path := sprintf("facts.accounts[%d]", [i])
	not _named(account.approved_by)
	msg := sprintf("%s: account %s has no recorded approval", [doc.facts.system, account.id])
}

access_control_weak contains finding.of(doc, path, msg) if {
	some doc in input.evidence.user_accounts
	some i, account in doc.facts.accounts
	not account.disabled == true
	path := sprintf("facts.accounts[%d]", [i])
	account.type == "shared"
	not account.exception_expires >= input.as_of
	msg := sprintf("%s: shared account %s has no current approved exception", [doc.facts.system, account.id])
}

access_control_weak contains finding.of(doc, path, msg) if {
	some doc in input.evidence.user_accounts
	some i, account in doc.facts.accounts
	not account.disabled == true
	path := sprintf("facts.accounts[%d]", [i])
	account.type == "user"
	account.privileged == true
	msg := sprintf("%s: everyday account %s holds admin privileges; use a separate admin account", [doc.facts.system, account.id])
}

access_control_weak contains finding.of(doc, path, msg) if {
	some doc in input.evidence.user_accounts
	some i, account in doc.facts.accounts
	not account.disabled == true
	path := sprintf("facts.accounts[%d]", [i])
	account.type != "service"
	_needs_mfa(account)
	not account.mfa_enrolled == true
	msg := sprintf("%s: %s account %s is not protected by MFA", [doc.facts.system, _mfa_reason(account), account.id])
}

access_control_weak contains finding.of(doc, path, msg) if {
	some doc in input.evidence.user_accounts
	some i, account in doc.facts.accounts
	not account.disabled == true
	path := sprintf("facts.accounts[%d]", [i])
	account.terminated <= input.as_of
	msg := sprintf("%s: account %s is still enabled though its holder left on %s", [doc.facts.system, account.id, account.terminated])
}

_needs_mfa(account) if account.type == "admin"

_needs_mfa(account) if account.privileged == true

_needs_mfa(account) if account.remote_access == true

_mfa_reason(account) := "remote-access" if not _privileged(account)

_mfa_reason(account) := "admin" if _privileged(account)

_privileged(account) if account.type == "admin"

_privileged(account) if account.privileged == true

# PSN-OPS-06: removable media are organisation-issued and encrypted. Every medium is judged,
# whatever its psn_access: a stick carries data from any machine it is plugged into.
removable_media_unprotected contains finding.of(doc, sprintf("facts.devices[%d].encrypted", [i]), msg) if {
	some doc in input.evidence.device_inventory
	some i, device in doc.facts.devices
	device.type == "removable_media"
	not device.encrypted == true
	msg := sprintf("%s (removable media) is not encrypted", [object.get(device, "name", sprintf("device #%d", [i]))])
}

removable_media_unprotected contains finding.of(doc, sprintf("facts.devices[%d].organisation_issued", [i]), msg) if {
	some doc in input.evidence.device_inventory
	some i, device in doc.facts.devices
	device.type == "removable_media"
	not device.organisation_issued == true
	msg := sprintf("%s (removable media) is not recorded as organisation-issued", [object.get(device, "name", sprintf("device #%d", [i]))])
}

_named(text) if {
	is_string(text)
	trim_space(text) != ""
}
