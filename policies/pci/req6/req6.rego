# PCI DSS v4.0.1 Requirement 6: develop and maintain secure systems and software.
package pci.req6

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.pci_scope

# PCI-6.3.3: critical security patches installed within one month of release (hosts marked
# `in_cde: false` and listed out of scope are out of PCI DSS scope: data.lib.pci_scope).
critical_patch_late contains finding.of(doc, path, msg) if {
	some doc in input.evidence.patch_status
	some h, host in doc.facts.hosts
	pci_scope.in_scope(host, object.get(host, "name", ""), _listed)
	some p, patch in host.patches
	patch.severity == "critical"
	done := object.get(patch, "installed", input.as_of)
	done > dates.add_months(patch.released, 1)
	path := sprintf("facts.hosts[%d].patches[%d]", [h, p])
	msg := sprintf("%s: critical patch %s released %s %s; due within one month", [host.name, patch.id, patch.released, _state(patch)])
}

_state(patch) := sprintf("installed %s", [patch.installed]) if patch.installed

_state(patch) := "still not installed" if not patch.installed

# Bespoke software (bespoke_software evidence): applications, their last release and developers.
# Applications marked `in_cde: false` and listed out of scope are out of PCI DSS scope
# (absent, or false unlisted: in scope).
_apps := [[doc, i, app] |
	some doc in input.evidence.bespoke_software
	some i, app in doc.facts.applications
	pci_scope.in_scope(app, object.get(app, "name", ""), _listed)
]

# Names listed out of PCI DSS scope with an approval that counts (data.lib.pci_scope), once.
_listed := pci_scope.listed(input.evidence, object.get(input, "as_of", ""))


_app_path(i, field) := sprintf("facts.applications[%d].%s", [i, field])

# PCI-6.2.2: developers of bespoke software trained in secure coding in the last 12 months.
developer_training_overdue contains finding.of(doc, sprintf("facts.developers[%d].secure_coding_training", [d]), msg) if {
	some doc in input.evidence.bespoke_software
	some d, dev in doc.facts.developers
	not dates.within_months(dev.secure_coding_training, input.as_of, 12)
	msg := sprintf("%s: secure-coding training %v; due every 12 months", [dev.name, object.get(dev, "secure_coding_training", "never recorded")])
}

developer_training_overdue contains finding.of(doc, "facts", msg) if {
	some doc in input.evidence.bespoke_software
	not doc.facts.developers
	msg := "no developer training records: list the developers of the bespoke software"
}

# PCI-6.2.3: the last release was reviewed before it went live, and review findings fixed.
code_review_missing contains finding.of(doc, _app_path(i, "last_release"), msg) if {
	some [doc, i, app] in _apps
	not _reviewed_before_release(app.last_release)
	msg := sprintf("%s: no code review completed before the last release went live", [app.name])
}

code_review_missing contains finding.of(doc, _app_path(i, "last_release.vulnerabilities_open"), msg) if {
	some [doc, i, app] in _apps
	not app.last_release.vulnerabilities_open == 0
	msg := sprintf("%s: release %v went live with review findings open or not recorded", [app.name, object.get(app, ["last_release", "version"], "(unknown)")])
}

_reviewed_before_release(release) if release.reviewed <= release.released

# PCI-6.2.3.1: manual review by someone other than the author, approved by management.
manual_review_unsound contains finding.of(doc, _app_path(i, "last_release"), msg) if {
	some [doc, i, app] in _apps
	not _independent_review(app.last_release)
	msg := sprintf("%s: last release not reviewed by someone other than its author, or the author is not recorded", [app.name])
}

manual_review_unsound contains finding.of(doc, _app_path(i, "last_release.approved_by"), msg) if {
	some [doc, i, app] in _apps
	not app.last_release.approved_by
	msg := sprintf("%s: no management approval of the reviewed release", [app.name])
}

_independent_review(release) if {
	release.author
	release.reviewer
	release.reviewer != release.author
}

# PCI-6.3.2: an inventory of the third-party components in each bespoke application.
component_inventory_missing contains finding.of(doc, _app_path(i, "components"), msg) if {
	some [doc, i, app] in _apps
	not is_array(object.get(app, "components", null))
	msg := sprintf("%s: no inventory of third-party components", [app.name])
}

# PCI-6.5.5: no live card numbers in pre-production unless it is in CDE scope.
# Judged for every application, `in_cde: false` or not: live PANs bring an environment into scope.
live_pan_in_preprod contains finding.of(doc, _app_path(i, "preprod_live_pan"), msg) if {
	some doc in input.evidence.bespoke_software
	some i, app in doc.facts.applications
	not app.preprod_live_pan == false
	not app.preprod_in_cde_scope == true
	msg := sprintf("%s: live PANs used in pre-production (or not stated) outside CDE scope", [app.name])
}

# Public-facing web applications (web_app_protection evidence).
_web_apps := [[doc, i, app] |
	some doc in input.evidence.web_app_protection
	some i, app in doc.facts.applications
]

# An automated solution that blocks attacks, or alerts that are investigated at once.
_automated_protection(app) if app.automated_protection.mode == "block"

_automated_protection(app) if {
	app.automated_protection.mode == "detect"
	app.automated_protection.alerts_investigated == true
}

# PCI-6.4.1: automated protection, or a specialist assessment in the last 12 months.
web_app_unprotected contains finding.of(doc, sprintf("facts.applications[%d]", [i]), msg) if {
	some [doc, i, app] in _web_apps
	not _automated_protection(app)
	not dates.within_months(app.last_assessment, input.as_of, 12)
	msg := sprintf("%s: no blocking or monitored automated protection, and last assessment %v is over 12 months old", [app.name, object.get(app, "last_assessment", "never")])
}

# PCI-6.4.2: an automated technical solution (e.g. a WAF) in front of each application.
web_app_no_automated_protection contains finding.of(doc, sprintf("facts.applications[%d].automated_protection", [i]), msg) if {
	some [doc, i, app] in _web_apps
	not _automated_protection(app)
	msg := sprintf("%s: no automated attack protection that blocks, or whose alerts are investigated at once", [app.name])
}
