package pci.physical_test

import future.keywords.not
import rego.v1

import data.pci.physical

_holder := {"name": "A. Harding", "role": "Engineer", "areas": ["Data centre"], "authorised_by": "Head of Facilities", "authorised": "2025-05-01"}

_visitor := {"name": "J. Crawley", "date": "2026-10-12", "authorised_by": "Head of ICT", "escorted": true, "badge": "V-031", "badge_returned": "2026-10-12"}

_log(holders, visitors) := {"as_of": "2026-11-01", "evidence": {"physical_access_log": [{"id": "pal", "facts": {"badge_holders": holders, "visitors": visitors}}]}}

test_authorised_holder_and_escorted_visitor_pass if {
	count(physical.access_unauthorised) == 0 with input as _log([_holder], [_visitor])
	count(physical.leaver_access_kept) == 0 with input as _log([_holder], [_visitor])
	count(physical.visitor_unescorted) == 0 with input as _log([_holder], [_visitor])
	count(physical.visitor_badge_kept) == 0 with input as _log([_holder], [_visitor])
}

test_holder_without_authoriser_or_date_fails if {
	count(physical.access_unauthorised) == 2 with input as _log([object.remove(_holder, ["authorised_by", "authorised"])], [])
}

test_leaver_revoked_on_last_day_passes_and_a_day_later_fails if {
	count(physical.leaver_access_kept) == 0 with input as _log([object.union(_holder, {"left": "2026-09-30", "revoked": "2026-09-30"})], [])
	fs := physical.leaver_access_kept with input as _log([object.union(_holder, {"left": "2026-09-30", "revoked": "2026-10-01"})], [])
	[f.msg | some f in fs] == ["A. Harding left on 2026-09-30 but physical access was revoked only on 2026-10-01"]
	count(physical.leaver_access_kept) == 1 with input as _log([object.union(_holder, {"left": "2026-09-30"})], [])
}

test_unescorted_visitor_without_badge_fails if {
	fs := physical.visitor_unescorted with input as _log([], [object.remove(object.union(_visitor, {"escorted": false}), ["badge"])])
	[f.msg | some f in fs] == ["visitor J. Crawley on 2026-10-12: no visitor badge issued; not escorted"]
}

test_badge_returned_next_day_fails if {
	count(physical.visitor_badge_kept) == 1 with input as _log([], [object.union(_visitor, {"badge_returned": "2026-10-13"})])
	count(physical.visitor_badge_kept) == 1 with input as _log([], [object.remove(_visitor, ["badge_returned"])])
}

_move := {"label": "TAPE-40", "sent": "2026-10-06", "destination": "Vault", "approved_by": "Head of ICT", "approved": "2026-10-05", "courier": "secured_courier", "tracking": "IV-1", "received": "2026-10-06"}

_media(moves, destroyed) := {"as_of": "2026-11-01", "evidence": {"media_movements": [{"id": "mm", "facts": {"movements": moves, "destructions": destroyed}}]}}

test_tracked_approved_move_passes if {
	count(physical.media_move_untracked) == 0 with input as _media([_move], [])
	count(physical.media_move_unapproved) == 0 with input as _media([_move], [])
}

test_posted_untracked_move_fails if {
	fs := physical.media_move_untracked with input as _media([object.remove(object.union(_move, {"courier": "post"}), ["tracking", "received"])], [])
	[f.msg | some f in fs] == ["media TAPE-40 sent 2026-10-06 to Vault: no tracking reference; receipt not recorded; sent by post, not a secured courier or hand carried"]
}

test_move_approved_after_it_left_fails if {
	count(physical.media_move_unapproved) == 1 with input as _media([object.union(_move, {"approved": "2026-10-07"})], [])
	count(physical.media_move_unapproved) == 1 with input as _media([object.remove(_move, ["approved"])], [])
}

test_electronic_media_deleted_not_destroyed_fails if {
	count(physical.media_not_destroyed) == 1 with input as _media([], [{"label": "D1", "type": "electronic", "destroyed": "2026-08-20", "method": "format"}])
	count(physical.media_not_destroyed) == 0 with input as _media([], [{"label": "D1", "type": "electronic", "destroyed": "2026-08-20", "method": "physical_destruction"}])
	count(physical.media_not_destroyed) == 0 with input as _media([], [{"label": "P1", "type": "paper", "destroyed": "2026-08-20", "method": "cross-cut shred"}])
}
