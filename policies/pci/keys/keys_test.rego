package pci.keys_test

import future.keywords.not
import rego.v1

import data.pci.keys

_keys(custodians, events) := {"as_of": "2026-11-01", "evidence": {"key_events": [{"id": "ke", "facts": {"custodians": custodians, "events": events}}]}}

_custodian := {"name": "R. Moss", "keys": ["dek"], "acknowledged": "2026-01-15"}

test_secure_distribution_passes_and_cleartext_fails if {
	count(keys.key_distribution_insecure) == 0 with input as _keys([_custodian], [{"key": "dek", "date": "2026-07-01", "type": "distributed", "method": "encrypted_under_kek"}])
	fs := keys.key_distribution_insecure with input as _keys([_custodian], [{"key": "dek", "date": "2026-07-01", "type": "distributed", "method": "cleartext"}])
	[f.msg | some f in fs] == ["key dek was distributed on 2026-07-01 by cleartext"]
	count(keys.key_distribution_insecure) == 1 with input as _keys([_custodian], [{"key": "dek", "date": "2026-07-01", "type": "loaded"}])
}

test_suspected_key_replaced_passes_and_kept_fails if {
	suspect := {"key": "dek", "date": "2026-07-01", "type": "compromise_suspected"}
	count(keys.compromised_key_kept) == 0 with input as _keys([_custodian], [suspect, {"key": "dek", "date": "2026-07-01", "type": "replaced"}])
	count(keys.compromised_key_kept) == 1 with input as _keys([_custodian], [suspect, {"key": "dek", "date": "2026-06-30", "type": "retired"}])
	count(keys.compromised_key_kept) == 1 with input as _keys([_custodian], [suspect, {"key": "other", "date": "2026-07-02", "type": "retired"}])
}

test_manual_cleartext_needs_two_people if {
	op := {"key": "kek", "date": "2026-03-01", "type": "loaded", "method": "split_components", "manual_cleartext": true}
	count(keys.dual_control_missing) == 0 with input as _keys([_custodian], [object.union(op, {"participants": ["R. Moss", "K. Hale"]})])
	count(keys.dual_control_missing) == 1 with input as _keys([_custodian], [object.union(op, {"participants": ["R. Moss", " "]})])
	count(keys.dual_control_missing) == 1 with input as _keys([_custodian], [op])
}

test_custodian_acknowledgement if {
	count(keys.custodian_unacknowledged) == 0 with input as _keys([_custodian], [])
	count(keys.custodian_unacknowledged) == 1 with input as _keys([object.remove(_custodian, ["acknowledged"])], [])
	count(keys.custodian_unacknowledged) == 1 with input as _keys([object.union(_custodian, {"acknowledged": "2026-11-02"})], [])
	count(keys.custodian_unacknowledged) == 1 with input as _keys([], [])
}
