package pci.req4_test

import future.keywords.not
import rego.v1

import data.pci.req4

_cert := {"subject": "pay.example", "issuer": "CA", "expires": "2026-11-02", "trusted": true, "revoked": false}

_tls := {"endpoint": "pay.example:443", "transmits_pan": true, "protocols": ["TLSv1.2", "TLSv1.3"], "min_cipher_bits": 128, "certificate": _cert}

_in(facts, as_of) := {"as_of": as_of, "evidence": {"tls_config": [{"id": "tls-1", "facts": facts}]}}

_with(changes) := _in(object.union(_tls, changes), "2026-11-01")

test_strong_endpoint_passes if {
	count(req4.pan_transmission_weak) == 0 with input as _in(_tls, "2026-11-01")
}

test_early_tls_fallback_fails if {
	count(req4.pan_transmission_weak) == 1 with input as _with({"protocols": ["TLSv1.1", "TLSv1.2"]})
	count(req4.pan_transmission_weak) == 2 with input as _with({"protocols": ["SSLv3", "TLSv1.0"]})
}

test_missing_protocols_fail if {
	count(req4.pan_transmission_weak) == 1 with input as _in(object.remove(_tls, ["protocols"]), "2026-11-01")
	count(req4.pan_transmission_weak) == 1 with input as _with({"protocols": []})
}

test_cipher_112_passes_111_fails if {
	count(req4.pan_transmission_weak) == 0 with input as _with({"min_cipher_bits": 112})
	count(req4.pan_transmission_weak) == 1 with input as _with({"min_cipher_bits": 111})
	count(req4.pan_transmission_weak) == 1 with input as _in(object.remove(_tls, ["min_cipher_bits"]), "2026-11-01")
}

test_certificate_expiring_on_as_of_fails if {
	count(req4.pan_transmission_weak) == 0 with input as _in(_tls, "2026-11-01")
	count(req4.pan_transmission_weak) == 1 with input as _in(_tls, "2026-11-02")
}

test_untrusted_or_revoked_certificate_fails if {
	count(req4.pan_transmission_weak) == 1 with input as _with({"certificate": object.union(_cert, {"trusted": false})})
	count(req4.pan_transmission_weak) == 1 with input as _with({"certificate": object.union(_cert, {"revoked": true})})
}

test_missing_certificate_fails_with_each_problem if {
	count(req4.pan_transmission_weak) == 3 with input as _in(object.remove(_tls, ["certificate"]), "2026-11-01")
}

test_certificate_checked_only_from_31_march_2025 if {
	expired := object.union(_tls, {"certificate": object.union(_cert, {"expires": "2025-01-01"})})
	count(req4.pan_transmission_weak) == 0 with input as _in(expired, "2025-03-30")
	count(req4.pan_transmission_weak) == 1 with input as _in(expired, "2025-03-31")
}

test_endpoint_without_pan_is_not_judged if {
	count(req4.pan_transmission_weak) == 0 with input as _with({"transmits_pan": false, "protocols": ["SSLv3"]})
}
