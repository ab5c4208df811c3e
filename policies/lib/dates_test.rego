package lib.dates_test

import future.keywords.not
import rego.v1

import data.lib.dates

test_days_between_counts_whole_days if {
	dates.days_between("2025-01-01", "2025-01-15") == 14
	dates.days_between("2025-01-15", "2025-01-01") == -14
}

test_days_between_accepts_timestamps if {
	dates.days_between("2025-01-01T00:00:00Z", "2025-01-03T00:00:00Z") == 2
}

test_hours_between if {
	dates.hours_between("2025-01-01T09:00:00Z", "2025-01-04T09:00:00Z") == 72
}

test_months_before_is_calendar_months if {
	dates.months_before("2025-08-15", 3) == "2025-05-15"
	dates.months_before("2025-01-15", 1) == "2024-12-15"
	dates.months_before("2025-03-01", 12) == "2024-03-01"
}

test_month_end_clamps_to_shorter_month if {
	dates.months_before("2025-03-31", 6) == "2024-09-30"
	dates.months_before("2025-03-31", 1) == "2025-02-28"
	dates.months_before("2024-03-31", 1) == "2024-02-29"
	dates.add_months("2025-01-31", 1) == "2025-02-28"
}

test_leap_years if {
	dates.add_months("2000-01-29", 1) == "2000-02-29"
	dates.add_months("1900-01-29", 1) == "1900-02-28"
}

test_add_months_crosses_years if {
	dates.add_months("2025-11-30", 3) == "2026-02-28"
	dates.add_months("2025-12-10", 1) == "2026-01-10"
}

test_within_months_boundary if {
	dates.within_months("2025-05-15", "2025-08-15", 3)
	not dates.within_months("2025-05-14", "2025-08-15", 3)
}

test_within_days_boundary if {
	dates.within_days("2025-01-01", "2025-01-15", 14)
	not dates.within_days("2025-01-01", "2025-01-16", 14)
}

test_a_date_after_the_assessment_date_is_not_within_any_window if {
	dates.within_months("2026-10-01", "2026-11-01", 12)
	not dates.within_months("2026-11-02", "2026-11-01", 12)
	dates.within_days("2026-11-01T23:00:00Z", "2026-11-01", 14)
	not dates.within_days("2026-11-02T00:00:00Z", "2026-11-01", 14)
}

test_day_formats_a_time_as_an_iso_date if {
	dates.day(dates.ns("2026-03-01") - dates.ns_per_day) == "2026-02-28"
	dates.day(dates.ns("2026-12-31T23:59:00Z")) == "2026-12-31"
}

test_days_from_lists_every_day_inclusive if {
	dates.days_from("2026-02-27", "2026-03-02") == {"2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"}
	dates.days_from("2026-03-02", "2026-03-02") == {"2026-03-02"}
	dates.days_from("2026-03-02", "2026-03-01") == set()
}

test_recent_needs_a_date_within_the_months if {
	dates.recent("2026-05-01", "2026-11-01", 6)
	not dates.recent("2026-04-30", "2026-11-01", 6)
	not dates.recent("soon", "2026-11-01", 6)
}

test_empty_windows_names_each_window_without_a_date if {
	dates.empty_windows(["2026-10-01"], "2026-11-01", 3, 2) == {["2026-05-01", "2026-08-01"]}
	dates.empty_windows(["2026-10-01", "2026-06-01"], "2026-11-01", 3, 2) == set()
}

test_done_by_counts_only_dates_on_or_before_the_assessment_date if {
	dates.done_by("2026-11-01", "2026-11-01")
	dates.done_by("2026-11-01T23:59:00Z", "2026-11-01")
	not dates.done_by("2026-11-02", "2026-11-01")
	not dates.done_by("soon", "2026-11-01")
	not dates.done_by(null, "2026-11-01")
	not dates.done_by(20261101, "2026-11-01")
}

test_after_is_only_a_date_past_the_assessment_date if {
	dates.after("2026-11-02", "2026-11-01")
	not dates.after("2026-11-01", "2026-11-01")
	not dates.after("later", "2026-11-01")
}

test_months_gap_names_a_future_date_as_not_counting if {
	dates.months_gap("2027-01-01", "2026-11-01", 6) == "after the assessment date 2026-11-01, so it does not count"
	dates.months_gap("2026-04-30", "2026-11-01", 6) == "more than 6 months before 2026-11-01"
}
