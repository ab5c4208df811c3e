# PCI DSS v4.0.1 Requirement 4: protect cardholder data with strong cryptography during
# transmission over open, public networks. Rules are sets of findings over tls_config
# evidence (one document per endpoint). A missing setting is a finding, never a pass.
package pci.req4

import future.keywords.not
import rego.v1

import data.lib.finding

# The date the certificate-validity bullet of 4.2.1 became mandatory.
future_dated := "2025-03-31"

# Protocol versions that count as strong cryptography; SSL and early TLS do not.
strong_protocols := {"TLSv1.2", "TLSv1.3"}

# Minimum effective strength of strong cryptography, in bits.
min_strength_bits := 112

# PCI-4.2.1: PAN crosses public networks only over strong protocols (no fallback to SSL or
# early TLS) with ciphers of at least 112 bits; from 31 March 2025 the certificate must also
# be trusted, unexpired and unrevoked.
pan_transmission_weak contains finding.of(doc, "facts.protocols", msg) if {
	some doc in _pan_endpoints
	not count(doc.facts.protocols) > 0
	msg := sprintf("%s: accepted protocol versions not recorded", [doc.facts.endpoint])
}

pan_transmission_weak contains finding.of(doc, sprintf("facts.protocols[%d]", [i]), msg) if {
	some doc in _pan_endpoints
	some i, protocol in doc.facts.protocols
	not protocol in strong_protocols
	msg := sprintf("%s: still accepts %s; allow only TLS 1.2 or later", [doc.facts.endpoint, protocol])
}

pan_transmission_weak contains finding.of(doc, "facts.min_cipher_bits", msg) if {
	some doc in _pan_endpoints
	not doc.facts.min_cipher_bits >= min_strength_bits
	msg := sprintf("%s: weakest cipher %v bits; need at least %d", [doc.facts.endpoint, object.get(doc.facts, "min_cipher_bits", "unstated"), min_strength_bits])
}

pan_transmission_weak contains finding.of(doc, "facts.certificate", msg) if {
	input.as_of >= future_dated
	some doc in _pan_endpoints
	some problem in _certificate_problems(object.get(doc.facts, "certificate", {}), input.as_of)
	msg := sprintf("%s: certificate %s", [doc.facts.endpoint, problem])
}

_certificate_problems(cert, as_of) := (untrusted | revoked) | expired if {
	untrusted := {"is not shown to chain to a trusted authority" | not cert.trusted == true}
	revoked := {"is not shown to be unrevoked" | not cert.revoked == false}
	expired := {p |
		not cert.expires > as_of
		p := sprintf("expired or expires on %v", [object.get(cert, "expires", "an unstated date")])
	}
}

_pan_endpoints contains doc if {
	some doc in input.evidence.tls_config
	not doc.facts.transmits_pan == false
}
