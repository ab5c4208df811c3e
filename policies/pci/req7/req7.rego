# PCI DSS v4.0.1 Requirement 7: restrict access by business need to know.
# Rules read user_accounts, access_review and auth_policy evidence; missing facts are findings.
package pci.req7

import future.keywords.not
import rego.v1

import data.lib.anchor
import data.lib.dates
import data.lib.finding
import data.lib.pci_scope
import data.pci.tra

# Names listed out of PCI DSS scope with an approval that counts (data.lib.pci_scope), once.
_listed := pci_scope.listed(input.evidence, object.get(input, "as_of", ""))

# PCI-7.2.3: every privileged account has a recorded approver.
privilege_unapproved contains finding.of(doc, sprintf("facts.accounts[%d].approved_by", [i]), msg) if {
	some doc in input.evidence.user_accounts
	some i, account in doc.facts.accounts
	pci_scope.in_scope(account, object.get(doc.facts, "system", ""), _listed)
	_privileged(account)
	not account.disabled == true
	not _has_approver(account)
	msg := sprintf("%s (%s): privileged account with no recorded approval", [account.id, doc.facts.system])
}

_privileged(account) if account.type == "admin"

_privileged(account) if account.privileged == true

_has_approver(account) if count(trim_space(account.approved_by)) > 0

# PCI-7.2.4: all user accounts and privileges (third parties included) reviewed in the
# last 6 months.
access_review_overdue contains finding.of(doc, "facts.reviews", msg) if {
	not _reviewed_within("user_accounts", 6)
	doc := anchor.latest(input.evidence.access_review)
	msg := sprintf("no review of all user accounts and privileges since %s (due every 6 months)", [dates.months_before(input.as_of, 6)])
}

_reviewed_within(scope, months) if dates.within_months(_last_review[scope], input.as_of, months)

# The latest review of each scope done on or before the assessment date, found once: asking
# every review document about every review made the check quadratic in the reviews kept.
_last_review[scope] := max(completed) if {
	some scope in {review.scope | some doc in input.evidence.access_review; some review in doc.facts.reviews}
	completed := {review.completed |
		some doc in input.evidence.access_review
		some review in doc.facts.reviews
		review.scope == scope
		dates.not_after(review.completed, input.as_of)
	}
	count(completed) > 0
}

# PCI-7.2.5.1: application and system accounts reviewed at the interval a current
# targeted risk analysis sets.
service_account_review_overdue contains finding.of(doc, "facts.service_account_review_interval_months", msg) if {
	some doc in input.evidence.access_review
	not _reviewed_within("service_accounts", doc.facts.service_account_review_interval_months)
	msg := sprintf("no review of application and system accounts within the %v-month interval", [object.get(doc.facts, "service_account_review_interval_months", "(undefined)")])
}

service_account_review_overdue contains finding.of(doc, "facts.targeted_risk_analysis", msg) if {
	some doc in input.evidence.access_review
	not dates.within_months(doc.facts.targeted_risk_analysis.reviewed, input.as_of, 12)
	msg := "service-account review interval not set by a targeted risk analysis reviewed in the last 12 months"
}

# The analysis cited matches one in the 12.3.1 register, at a sane frequency.
service_account_review_overdue contains f if some f in tra.findings(input.evidence, input.as_of, "7.2.5.1")

# PCI-7.3.3: the access control system denies anything not explicitly granted.
default_access_not_denied contains finding.of(doc, "facts.default_access", msg) if {
	some doc in input.evidence.auth_policy
	pci_scope.in_scope(doc.facts, object.get(doc.facts, "system", ""), _listed)
	not doc.facts.default_access == "deny_all"
	msg := sprintf("%s: default access is %v; must be deny-all", [doc.facts.system, object.get(doc.facts, "default_access", "not stated")])
}
