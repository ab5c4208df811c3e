package pci.req6_test

import future.keywords.not
import rego.v1

import data.pci.req6

_input(patch, as_of) := {"as_of": as_of, "evidence": {"patch_status": [{"id": "ps", "facts": {"hosts": [{"name": "pay-01", "patches": [patch]}]}}]}}

test_critical_missing_exactly_one_month_passes if {
	count(req6.critical_patch_late) == 0 with input as _input({"id": "K1", "severity": "critical", "released": "2025-01-15"}, "2025-02-15")
}

test_critical_missing_one_month_and_a_day_fails if {
	count(req6.critical_patch_late) == 1 with input as _input({"id": "K1", "severity": "critical", "released": "2025-01-15"}, "2025-02-16")
}

test_critical_installed_on_the_last_day_passes if {
	count(req6.critical_patch_late) == 0 with input as _input({"id": "K1", "severity": "critical", "released": "2025-01-15", "installed": "2025-02-15"}, "2025-06-01")
	count(req6.critical_patch_late) == 1 with input as _input({"id": "K1", "severity": "critical", "released": "2025-01-15", "installed": "2025-02-16"}, "2025-06-01")
}

test_critical_installed_late_fails if {
	count(req6.critical_patch_late) == 1 with input as _input({"id": "K1", "severity": "critical", "released": "2025-01-15", "installed": "2025-03-01"}, "2025-06-01")
}

test_high_is_not_judged_by_this_rule if {
	count(req6.critical_patch_late) == 0 with input as _input({"id": "K1", "severity": "high", "released": "2025-01-15"}, "2025-06-01")
}

_app := {
	"name": "tax-pay", "components": [{"name": "lib", "version": "1"}], "preprod_live_pan": false,
	"last_release": {
		"version": "1.0", "released": "2026-10-05", "reviewed": "2026-10-05", "author": "ann",
		"reviewer": "bob", "approved_by": "head", "vulnerabilities_open": 0,
	},
}

_dev(trained) := {"name": "ann", "secure_coding_training": trained}

_sw(apps, devs) := {"as_of": "2026-11-01", "evidence": {"bespoke_software": [{"id": "sw", "facts": {"applications": apps, "developers": devs}}]}}

_release(fields) := object.union(_app, {"last_release": object.union(_app.last_release, fields)})

test_bespoke_app_passes_every_rule if {
	inp := _sw([_app], [_dev("2025-11-01")])
	count(req6.developer_training_overdue) == 0 with input as inp
	count(req6.code_review_missing) == 0 with input as inp
	count(req6.manual_review_unsound) == 0 with input as inp
	count(req6.component_inventory_missing) == 0 with input as inp
	count(req6.live_pan_in_preprod) == 0 with input as inp
}

test_training_twelve_months_ago_passes_a_day_more_fails if {
	count(req6.developer_training_overdue) == 0 with input as _sw([_app], [_dev("2025-11-01")])
	count(req6.developer_training_overdue) == 1 with input as _sw([_app], [_dev("2025-10-31")])
	count(req6.developer_training_overdue) == 1 with input as _sw([_app], [{"name": "ann"}])
}

test_missing_developer_list_fails if {
	count(req6.developer_training_overdue) == 1 with input as {"as_of": "2026-11-01", "evidence": {"bespoke_software": [{"id": "sw", "facts": {"applications": [_app]}}]}}
}

test_review_after_release_fails if {
	count(req6.code_review_missing) == 1 with input as _sw([_release({"reviewed": "2026-10-06"})], [])
	count(req6.code_review_missing) == 1 with input as _sw([_release({"vulnerabilities_open": 2})], [])
	count(req6.code_review_missing) == 2 with input as _sw([object.remove(_app, ["last_release"])], [])
}

test_author_reviewing_own_code_fails if {
	count(req6.manual_review_unsound) == 1 with input as _sw([_release({"reviewer": "ann"})], [])
	unapproved := object.union(object.remove(_app, ["last_release"]), {"last_release": object.remove(_app.last_release, ["approved_by"])})
	count(req6.manual_review_unsound) == 1 with input as _sw([unapproved], [])
}

test_missing_component_inventory_fails if {
	count(req6.component_inventory_missing) == 1 with input as _sw([object.remove(_app, ["components"])], [])
	count(req6.component_inventory_missing) == 0 with input as _sw([object.union(_app, {"components": []})], [])
}

test_live_pan_in_preprod_fails_unless_in_cde_scope if {
	count(req6.live_pan_in_preprod) == 1 with input as _sw([object.union(_app, {"preprod_live_pan": true})], [])
	count(req6.live_pan_in_preprod) == 0 with input as _sw([object.union(_app, {"preprod_live_pan": true, "preprod_in_cde_scope": true})], [])
	count(req6.live_pan_in_preprod) == 1 with input as _sw([object.remove(_app, ["preprod_live_pan"])], [])
}

_web(app) := {"as_of": "2026-11-01", "evidence": {"web_app_protection": [{"id": "waf", "facts": {"applications": [object.union({"name": "pay"}, app)]}}]}}

test_blocking_waf_passes_both_rules if {
	inp := _web({"automated_protection": {"product": "WAF", "mode": "block"}})
	count(req6.web_app_unprotected) == 0 with input as inp
	count(req6.web_app_no_automated_protection) == 0 with input as inp
}

test_detect_mode_passes_only_with_investigated_alerts if {
	count(req6.web_app_no_automated_protection) == 1 with input as _web({"automated_protection": {"product": "WAF", "mode": "detect"}})
	count(req6.web_app_no_automated_protection) == 0 with input as _web({"automated_protection": {"product": "WAF", "mode": "detect", "alerts_investigated": true}})
}

test_assessment_twelve_months_ago_satisfies_6_4_1_not_6_4_2 if {
	count(req6.web_app_unprotected) == 0 with input as _web({"last_assessment": "2025-11-01"})
	count(req6.web_app_no_automated_protection) == 1 with input as _web({"last_assessment": "2025-11-01"})
	count(req6.web_app_unprotected) == 1 with input as _web({"last_assessment": "2025-10-31"})
	count(req6.web_app_unprotected) == 1 with input as _web({})
}

# Hosts and applications marked in_cde: false are out of PCI DSS scope; absent in_cde is judged.
_hosts_input(host) := {"as_of": "2026-11-01", "evidence": {"patch_status": [{"id": "ps", "facts": {"hosts": [host]}}]}}

_listed(name) := [{"id": "scope", "facts": {"confirmations": [], "out_of_scope": [{"name": name, "reason": "No route to the CDE (segmentation test ST-4)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}]}}]

test_host_outside_cde_is_not_judged_for_patches if {
	late := {"name": "lib-01", "patches": [{"id": "KB1", "severity": "critical", "released": "2026-08-01"}]}
	count(req6.critical_patch_late) == 0 with input as _hosts_input(object.union(late, {"in_cde": false})) with input.evidence.pci_scope as _listed("lib-01")
	count(req6.critical_patch_late) == 1 with input as _hosts_input(object.union(late, {"in_cde": false}))
	count(req6.critical_patch_late) == 1 with input as _hosts_input(object.union(late, {"in_cde": true}))
	count(req6.critical_patch_late) == 1 with input as _hosts_input(late)
}

test_application_outside_cde_is_not_judged if {
	bare := {"name": "lib-app", "in_cde": false}
	inp := _sw([bare], [_dev("2025-11-01")])
	count(req6.code_review_missing) == 0 with input as inp with input.evidence.pci_scope as _listed("lib-app")
	count(req6.manual_review_unsound) == 0 with input as inp with input.evidence.pci_scope as _listed("lib-app")
	count(req6.component_inventory_missing) == 0 with input as inp with input.evidence.pci_scope as _listed("lib-app")
	count(req6.component_inventory_missing) == 1 with input as _sw([bare], [])
	count(req6.component_inventory_missing) == 1 with input as _sw([object.remove(bare, ["in_cde"])], [])
}

test_live_pan_in_preprod_judged_even_outside_cde if {
	count(req6.live_pan_in_preprod) == 1 with input as _sw([{"name": "lib-app", "in_cde": false, "preprod_live_pan": true}], [])
}
